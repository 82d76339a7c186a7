//! The words a reader uses to tell the columns of a 批复 apart.

use super::values::squash;

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
    LEVEL1.contains(&squash(s).as_str())
}

/// A name that is level 1 or level 2 depending on the framework.
pub fn is_ambiguous_level(s: &str) -> bool {
    squash(s) == "成本指标"
}

/// The level-1 name under which `成本指标` is a level-2 name.
pub fn is_output_level1(s: &str) -> bool {
    squash(s) == "产出指标"
}

pub fn is_level2_name(s: &str) -> bool {
    LEVEL2.contains(&squash(s).as_str())
}

/// A 指标值确定依据 value.
pub fn is_basis(s: &str) -> bool {
    let t = squash(s);
    BASIS.contains(&t.as_str()) || (t.ends_with("标准") && t.chars().count() <= 6)
}

/// One of the listed 指标值确定依据 or 指标分类 values exactly (not just
/// shaped like one).
pub fn is_listed_basis_or_category(s: &str) -> bool {
    let t = squash(s);
    BASIS.contains(&t.as_str()) || CATEGORY.contains(&t.as_str())
}

/// A 指标分类 value.
pub fn is_category(s: &str) -> bool {
    let t = squash(s);
    CATEGORY.contains(&t.as_str()) || (t.ends_with('型') && t.chars().count() <= 6)
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
    INDICATOR_HEADER_CELLS.contains(&squash(s).as_str())
        || (super::header::field_of_word(s).is_some()
            && super::header::normalize(s).chars().count() >= 4)
}

/// The start or the end of a column title: what is left of one when a
/// page break cuts the header row inside its cells ("指标值确定依" / "据").
pub fn is_indicator_header_fragment(s: &str) -> bool {
    let t = squash(s);
    !t.is_empty()
        && INDICATOR_HEADER_CELLS
            .iter()
            .any(|h| h.starts_with(t.as_str()) || h.ends_with(t.as_str()))
}

/// Any part of a column title, e.g. the middle line "定依" of
/// "指标值确 / 定依 / 据".
pub fn is_indicator_header_part(s: &str) -> bool {
    let t = squash(s);
    !t.is_empty()
        && INDICATOR_HEADER_CELLS
            .iter()
            .any(|h| h.contains(t.as_str()))
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
    }
}
