//! The words a reader uses to tell the columns of a 批复 apart.

use super::values::{header_char, Word};
use crate::layout::trim;

/// More characters than any word of these lists has.
const LONGEST_WORD: usize = 16;

/// Whether the cell without whitespace is short enough to be a listed
/// word and satisfies `test`.
fn word_is(s: &str, test: impl FnOnce(&str) -> bool) -> bool {
    Word::squashed(s, LONGEST_WORD).is_some_and(|w| test(w.as_str()))
}

/// Level-1 names of the 2021 framework and of the older one. `成本指标` is
/// level 1 in the 2021 framework but level 2 under `产出指标` in older
/// tables; see [`is_ambiguous_level`].
const LEVEL1: &[&str] = &[
    "运行成本",
    "管理效率",
    "履职效能",
    "社会效应",
    "可持续发展能力",
    "满意度",
    "产出指标",
    "效益指标",
    "满意度指标",
    "成本指标",
];

/// Level-2 names common enough to recognise without context.
const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益",
    "社会效益",
    "生态效益",
    "服务对象满意度",
];

const BASIS: &[&str] = &[
    "计划标准",
    "行业标准",
    "历史标准",
    "其他标准",
    "其他",
    "国家标准",
];

const CATEGORY: &[&str] = &[
    "绩效基本型",
    "绩效提升型",
    "基本型",
    "提升型",
    "共性指标",
    "个性指标",
];

pub fn is_level1_name(s: &str) -> bool {
    word_is(s, |t| LEVEL1.contains(&t))
}

/// A name that is level 1 or level 2 depending on the framework.
pub fn is_ambiguous_level(s: &str) -> bool {
    word_is(s, |t| t == "成本指标")
}

/// The level-1 name under which `成本指标` is a level-2 name.
pub fn is_output_level1(s: &str) -> bool {
    word_is(s, |t| t == "产出指标")
}

/// The level 1 (without its 指标) that a level-2 name of the 2021
/// framework stands under; `None` for names of no one level 1 (成本指标
/// is level 1 in that framework and level 2 under 产出指标 before it).
fn level1_core_of(level2: &str) -> Option<&'static str> {
    let w = Word::squashed(level2, LONGEST_WORD)?;
    let t = w.as_str().trim_end_matches("指标");
    match t {
        "数量" | "质量" | "时效" => Some("产出"),
        "经济效益" | "社会效益" | "生态效益" | "可持续影响" => Some("效益"),
        "服务对象满意度" => Some("满意度"),
        "经济成本" | "社会成本" | "生态环境成本" => Some("成本"),
        _ => None,
    }
}

/// Whether level-2 name `level2` cannot stand under level 1 `level1`:
/// the framework puts it under another (社会效益指标 under 产出指标).
pub fn contradicts(level1: &str, level2: &str) -> bool {
    let Some(core) = level1_core_of(level2) else {
        return false;
    };
    Word::squashed(level1, LONGEST_WORD).is_some_and(|w| {
        let l1 = w.as_str();
        LEVEL1.contains(&l1) && !l1.starts_with(core)
    })
}

/// Whether level-2 name `level2` is one the framework puts under level 1
/// `level1` (时效指标 under 产出指标).
pub fn belongs_under(level1: &str, level2: &str) -> bool {
    let Some(core) = level1_core_of(level2) else {
        return false;
    };
    Word::squashed(level1, LONGEST_WORD).is_some_and(|w| w.as_str().starts_with(core))
}

pub fn is_level2_name(s: &str) -> bool {
    word_is(s, |t| LEVEL2.contains(&t))
}

/// A 指标值确定依据 value.
pub fn is_basis(s: &str) -> bool {
    word_is(s, |t| {
        BASIS.contains(&t) || (t.ends_with("标准") && t.chars().count() <= 6)
    }) || cites_a_document(s)
}

/// A basis that names its document: `《襄阳市教育事业发展“十四五”规划》`
/// (a target never opens with a title mark).
fn cites_a_document(s: &str) -> bool {
    let t = trim(s);
    t.starts_with('《') && t.contains('》')
}

/// One of the listed 指标值确定依据 or 指标分类 values exactly (not just
/// shaped like one).
pub fn is_listed_basis_or_category(s: &str) -> bool {
    word_is(s, |t| BASIS.contains(&t) || CATEGORY.contains(&t))
}

/// A 指标分类 value.
pub fn is_category(s: &str) -> bool {
    word_is(s, |t| {
        CATEGORY.contains(&t) || (t.ends_with('型') && t.chars().count() <= 6)
    })
}

const INDICATOR_HEADER_CELLS: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "指标值",
    "指标名称",
    "近两年指标值",
    "预期当年实现值",
    "指标值确定依据",
    "指标分类",
];

/// Column titles of the indicator tables' header rows: the seed's, and
/// every header word of four characters or more (shorter ones such as 单位
/// or 说明 could be a data cell's text).
pub fn is_indicator_header_cell(s: &str) -> bool {
    // Every title of the list is a header word (tested).
    super::header::may_be_header_word(s)
        && word_is(s, |t| {
            INDICATOR_HEADER_CELLS.contains(&t)
                || (super::header::field_of_word(t).is_some()
                    && t.chars().filter_map(header_char).count() >= 4)
        })
}

/// The start or the end of a column title: what is left of one when a
/// page break cuts the header row inside its cells ("指标值确定依" / "据").
pub fn is_indicator_header_fragment(s: &str) -> bool {
    word_is(s, |t| {
        !t.is_empty()
            && INDICATOR_HEADER_CELLS
                .iter()
                .any(|h| h.starts_with(t) || h.ends_with(t))
    })
}

/// Any part of a column title, e.g. the middle line "定依" of
/// "指标值确 / 定依 / 据".
pub fn is_indicator_header_part(s: &str) -> bool {
    word_is(s, |t| {
        !t.is_empty() && INDICATOR_HEADER_CELLS.iter().any(|h| h.contains(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary() {
        assert!(is_level1_name("履职效能"));
        assert!(is_level1_name("产出指标"));
        assert!(!is_level1_name("数据安全"));
        assert!(is_ambiguous_level("成本指标"));
        assert!(is_basis("计划标准") && is_basis("行业标准") && !is_basis("绩效基本型"));
        assert!(is_category("绩效基本型") && is_category("绩效提升型") && !is_category("计划标准"));
        assert!(!is_basis("≥95%") && !is_category("完全合规"));
        assert!(is_indicator_header_cell("一级指标"));
        assert!(is_indicator_header_cell(" 指标值确定 依据 "));
        assert!(!is_indicator_header_cell(&"一级指标".repeat(5)));
    }

    #[test]
    fn every_column_title_is_a_header_word() {
        for w in INDICATOR_HEADER_CELLS {
            assert!(super::super::header::field_of_word(w).is_some(), "{w}");
        }
    }

    #[test]
    fn every_listed_word_is_within_the_length_compared() {
        for list in [LEVEL1, LEVEL2, BASIS, CATEGORY, INDICATOR_HEADER_CELLS] {
            for w in list {
                assert!(w.chars().count() <= LONGEST_WORD, "{w}");
            }
        }
    }
}
