//! The indicator tables (长期绩效指标, 年度绩效指标): rows of cells to
//! indicator rows, read by the table's header (SPEC §3).
//!
//! The header rows give the table's columns ([`header::map_header`]).
//! Then each data row is read one of two ways:
//! - **by column** where positions are reliable (ruled grids, structured
//!   formats): a cell's extent says its column, an empty cell is null, a
//!   merged cell gives its value to every row it covers, level names are
//!   filled down ([`read_by_column`]);
//! - **with shift repairs** where they are not (text dumps, pages without
//!   rulings), the way a person reads a table whose cells were shifted by
//!   merged cells and page breaks ([`split_row`], [`split_run_together`],
//!   [`assign_levels`]): value columns anchored at the right, level names
//!   by position when the row is aligned, else by vocabulary, each guess a
//!   warning.
//!
//! Both end in [`fill_indicator`], which puts each column's value into its
//! field.

use crate::layout::trim;
use std::collections::{BTreeMap, HashSet};

use crate::layout::{Row, Span};
use crate::model::{Column, Indicator, IndicatorTable, Op, Warning};

use super::header::{self, Field, HeaderMap, Leaf};
use super::joins::{join_cells_cut_by_line_breaks, join_cut_rows, join_wrapped, with_headers};
use super::values::{clean_text, parse_number, parse_op, parse_target_stated, squash};
use super::vocab;

/// A level name found in a row, with its column (1 for level 1, 2 for
/// level 2) when the row is aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub column: Option<usize>,
}

/// A text row's cells with a value and the listed 依据 after it printed as
/// one cell (`≤100%计划标准`, `100% 计划标准`), or a 依据 and the 分类 after
/// it (`计划标准绩效基本型`), split in two; `None` where no cell is, or the
/// row holds that column's word elsewhere (then nothing was lost).
fn split_values_run_together(cells: &[String], map: &HeaderMap) -> Option<Vec<String>> {
    let (has_basis, has_category) = (map.has(Field::Basis), map.has(Field::Category));
    if !has_basis {
        return None;
    }
    let holds = |f: &dyn Fn(&str) -> bool| cells.iter().any(|c| f(trim(c)));
    let basis_elsewhere = holds(&vocab::is_basis);
    let category_elsewhere = holds(&vocab::is_category);
    // (Only words of the lists, exactly: the shortest tail that is one.)
    let listed = |t: &str| vocab::is_listed_basis_or_category(t);
    let split_at = |c: &str| -> Option<(String, String)> {
        let t = trim(c);
        let cuts: Vec<usize> = t.char_indices().skip(1).map(|(i, _)| i).collect();
        cuts.into_iter().rev().find_map(|i| {
            let (head, tail) = (trim(t.get(..i)?), trim(t.get(i..)?));
            let value_then_basis = !basis_elsewhere
                && listed(tail)
                && vocab::is_basis(tail)
                && parse_target_stated(head).is_some();
            let basis_then_category = has_category
                && !category_elsewhere
                && listed(head)
                && vocab::is_basis(head)
                && listed(tail)
                && vocab::is_category(tail);
            (value_then_basis || basis_then_category).then(|| (head.to_string(), tail.to_string()))
        })
    };
    let (k, (head, tail)) = cells
        .iter()
        .enumerate()
        .find_map(|(k, c)| split_at(c).map(|p| (k, p)))?;
    let mut out = cells.to_vec();
    if let Some(slot) = out.get_mut(k) {
        *slot = head;
    }
    out.insert(k + 1, tail);
    Some(out)
}

/// One row split into its parts, before levels are assigned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowParts {
    pub names: Vec<Name>,
    pub level3: Option<String>,
    /// One per leaf of the header; `None` for level and label leaves.
    pub values: Vec<Option<String>>,
    pub category_missing: bool,
    pub basis_missing: bool,
    pub aligned: bool,
}

/// The seed's template, for tables whose header is missing or unreadable.
pub fn default_header(table: IndicatorTable) -> HeaderMap {
    let mut names: Vec<(&str, Field)> = vec![
        ("", Field::Label),
        ("一级指标", Field::Level1),
        ("二级指标", Field::Level2),
        ("三级指标", Field::Level3),
    ];
    if table == IndicatorTable::Annual {
        names.push(("近两年指标值", Field::History));
        names.push(("近两年指标值", Field::History));
    }
    names.extend([
        ("指标值", Field::Target),
        ("指标值确定依据", Field::Basis),
        ("指标分类", Field::Category),
    ]);
    HeaderMap {
        leaves: names
            .into_iter()
            .enumerate()
            .map(|(i, (h, f))| Leaf {
                header: h.to_string(),
                field: f,
                period: None,
                year: None,
                span: header::index_span(i),
            })
            .collect(),
        reliable: false,
    }
}

/// Whether a value is of the kind a 依据 or 分类 column holds.
fn fits(field: Field, value: &str) -> bool {
    match field {
        Field::Basis => vocab::is_basis(value) && !vocab::is_category(value),
        Field::Category => vocab::is_category(value),
        _ => true,
    }
}

/// The value columns a shifted row fills when its last text is in the
/// column before `anchor`, and how well the values fit their columns.
#[derive(Debug, Clone, Default)]
struct Anchored {
    score: i32,
    values: Vec<(usize, Option<String>)>,
    /// How many leading cells are left for the level region.
    rest: usize,
    category_missing: bool,
    basis_missing: bool,
}

/// Fills the value columns from `anchor` leftwards with the row's cells
/// from the right. A 依据 or 分类 column whose cell holds another kind of
/// value lost its cell: the value belongs further left. Scores each value
/// against its column; ties go to the later anchor (the row's last text in
/// the last column), as with the seed's rows.
fn anchor_values(
    cells: &[Option<String>],
    map: &HeaderMap,
    first_value: usize,
    anchor: usize,
) -> Anchored {
    let mut out = Anchored {
        rest: cells.len(),
        ..Anchored::default()
    };
    for i in (first_value..anchor).rev() {
        let Some(field) = map.leaves.get(i).map(|l| l.field) else {
            continue;
        };
        let next = out
            .rest
            .checked_sub(1)
            .and_then(|k| cells.get(k))
            .cloned()
            .flatten();
        if let (Field::Basis | Field::Category, Some(c)) = (field, next.as_deref()) {
            if !fits(field, c) {
                out.category_missing |= field == Field::Category;
                out.basis_missing |= field == Field::Basis;
                out.score -= 1;
                continue;
            }
        }
        if let Some(v) = next.as_deref() {
            out.score += fit_score(field, v);
        }
        out.values.push((i, next));
        out.rest = out.rest.saturating_sub(1);
    }
    if map
        .leaves
        .iter()
        .skip(anchor)
        .any(|l| l.field == Field::Category)
    {
        out.category_missing = true;
    }
    // Later anchors win ties: scale and add the anchor.
    out.score = out.score * 64 + i32::try_from(anchor).unwrap_or(0);
    out
}

/// How well a value fits a column: its vocabulary or shape.
fn fit_score(field: Field, v: &str) -> i32 {
    let listed = vocab::is_listed_basis_or_category(v);
    let has_digit = v.chars().any(|c| c.is_ascii_digit());
    match field {
        Field::Basis | Field::Category => 2,
        Field::Weight => {
            if parse_number(v.trim_end_matches('分')).is_some() {
                1
            } else {
                -2
            }
        }
        Field::Unit => {
            if !has_digit && v.chars().count() <= 6 && !listed {
                1
            } else {
                -2
            }
        }
        Field::Operator => {
            if parse_op(v).is_some() || v.contains("定性") || v.contains("定量") {
                1
            } else {
                -2
            }
        }
        _ if listed => -3,
        // (A name moved into the target column states no quantity.)
        Field::Target if parse_target_stated(v).is_some() || reads_as_qualitative_target(v) => 1,
        _ => 0,
    }
}

/// A qualitative target as they are written (`明显提高`, `逐步改善`, `达标`,
/// `健全`): a few words of degree and change, no indicator's name.
fn reads_as_qualitative_target(t: &str) -> bool {
    const WHOLE: &[&str] = &[
        "合格", "达标", "完成", "健全", "规范", "合理", "良好", "优良", "满意", "有效", "及时",
        "准确", "到位", "落实", "显著", "明显", "提高", "提升", "改善", "下降", "降低",
    ];
    const DEGREE: &[&str] = &[
        "明显",
        "逐步",
        "稳步",
        "有效",
        "持续",
        "不断",
        "进一步",
        "逐年",
        "有所",
        "大幅",
        "显著",
        "全面",
        "基本",
    ];
    const CHANGE: &[&str] = &[
        "提高", "提升", "改善", "增强", "增加", "增长", "下降", "降低", "减少", "加强", "优化",
        "延长", "缩短", "完善", "达标", "合格", "健全", "规范",
    ];
    let t = squash(t);
    t.chars().count() <= 8
        && (WHOLE.contains(&&*t)
            || (DEGREE.iter().any(|d| t.starts_with(d)) && CHANGE.iter().any(|c| t.ends_with(c))))
}

/// How well a row's cells fit the columns they stand in: each value by
/// [`fit_score`], a level name by its vocabulary's level, a stated
/// quantity or a level name in the name column counting against. (Two
/// points or more between two readings tell them apart: a short text in a
/// unit column alone does not.)
fn fit_by_position(cells: &[Option<String>], map: &HeaderMap) -> i32 {
    map.leaves
        .iter()
        .zip(cells)
        .filter_map(|(leaf, cell)| Some((leaf.field, cell.as_deref()?)))
        .map(|(field, c)| match field {
            Field::Level1 if vocab::is_level2_name(c) && !vocab::is_level1_name(c) => -2,
            Field::Level2 if vocab::is_level1_name(c) && !vocab::is_level2_name(c) => -2,
            Field::Level3 if parse_target_stated(c).is_some() || reads_as_qualitative_target(c) => {
                -1
            }
            Field::Level3 if vocab::is_level1_name(c) || vocab::is_level2_name(c) => -1,
            Field::Label | Field::Level1 | Field::Level2 | Field::Level3 => 0,
            Field::Basis | Field::Category if !fits(field, c) => -2,
            f if f.is_project_field() || f == Field::Extra => 0,
            f => fit_score(f, c),
        })
        .sum()
}

/// Whether a row's cells sit where the header says, judged by the columns
/// whose values have a vocabulary (指标值确定依据, 指标分类): each holds
/// its kind of value or nothing, and no other column holds one of them.
fn consistent(cells: &[Option<String>], map: &HeaderMap) -> bool {
    let cell_of = |field: Field| {
        map.leaves
            .iter()
            .position(|l| l.field == field)
            .and_then(|i| cells.get(i))
            .and_then(Option::as_deref)
    };
    // A target beside no name: the name moved right, past an empty cell
    // the dump printed in the level columns (`社会效益指标 | | 名称 | 0起`).
    if map.has(Field::Level3)
        && cell_of(Field::Level3).is_none()
        && cell_of(Field::Target).is_some_and(|t| !is_filler(t))
    {
        return false;
    }
    // A row that lost its first cell to a page break and ends with the tab
    // after its last one (`可持续影响指标 | 名称 | 逐步延长 | 10 | `) has the
    // header's width: its cells fit their columns better one column right.
    if cells.last().is_some_and(Option::is_none) {
        let moved: Vec<Option<String>> = std::iter::once(None)
            .chain(cells.iter().take(cells.len().saturating_sub(1)).cloned())
            .collect();
        if fit_by_position(&moved, map) >= fit_by_position(cells, map) + 2 {
            return false;
        }
    }
    map.leaves.iter().zip(cells).all(|(leaf, cell)| {
        let Some(c) = cell.as_deref() else {
            return true;
        };
        // A 依据 or 分类 outside the vocabulary (上年实际, 共性指标) still
        // fits where it is, unless it is the other column's word or a
        // quantity (a target moved right).
        let own_words = |c: &str| parse_target_stated(c).is_none() && !is_filler(c);
        match leaf.field {
            Field::Basis => vocab::is_basis(c) || (!vocab::is_category(c) && own_words(c)),
            Field::Category => vocab::is_category(c) || (!vocab::is_basis(c) && own_words(c)),
            Field::Level1 | Field::Level2 | Field::Level3 | Field::Label => true,
            f if f.is_project_field() => true,
            _ => {
                !(map.has(Field::Basis) || map.has(Field::Category))
                    || !vocab::is_listed_basis_or_category(c)
            }
        }
    })
}

/// Step 1 of the shift repairs: value columns from the right, the level
/// region from the left. A row of exactly the header's width whose values
/// fit their columns is aligned; otherwise the values are anchored at the
/// row's last text (a 依据 value there means 指标分类 was lost), and the
/// level region is aligned only if it has the header's level columns.
pub fn split_row(cells: &[String], map: &HeaderMap, is_label: impl Fn(&str) -> bool) -> RowParts {
    let width = map.leaves.len();
    let mut cells: Vec<Option<String>> = cells.iter().map(|c| clean_text(c)).collect();
    while cells.len() > width && cells.last().is_some_and(Option::is_none) {
        cells.pop();
    }
    let first_value = map
        .leaves
        .iter()
        .rposition(|l| l.field.is_not_indicator() || l.field.level().is_some())
        .map_or(0, |i| i + 1);
    let mut parts = RowParts {
        values: vec![None; width],
        ..RowParts::default()
    };
    let region: Vec<Option<String>> = if cells.len() == width && consistent(&cells, map) {
        for (i, c) in cells.iter().enumerate().skip(first_value) {
            if let Some(slot) = parts.values.get_mut(i) {
                *slot = c.clone();
            }
        }
        cells.truncate(first_value);
        cells
    } else {
        while cells.last().is_some_and(Option::is_none) {
            cells.pop();
        }
        // The row ends at the column whose values its last texts fit best
        // (a 分类 or 依据 value, a number under 权重…); a trailing column
        // left empty in the source was not printed.
        let best = (first_value + 1..=width)
            .map(|anchor| anchor_values(&cells, map, first_value, anchor))
            .max_by_key(|a| a.score)
            .unwrap_or_default();
        for (i, v) in best.values {
            if let Some(slot) = parts.values.get_mut(i) {
                *slot = v;
            }
        }
        parts.category_missing = best.category_missing;
        parts.basis_missing = best.basis_missing;
        cells.truncate(best.rest);
        cells
    };

    // The level columns the header has, by region index; a name's column
    // counts the label column as 0.
    let level_at = |i: usize| map.leaves.get(i).and_then(|l| l.field.level());
    let column_of = |i: usize| match map.leaves.get(i).map(|l| l.field) {
        Some(Field::Label) => Some(0),
        _ => level_at(i).map(|l| l + 1),
    };
    parts.aligned = region.len() == first_value;
    let mut tokens: Vec<(usize, String)> = region
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let text = c.clone()?;
            (!is_label(&text)).then_some((i, text))
        })
        .collect();
    if parts.aligned {
        // A flat table's project fields, and columns such as 序号 before
        // the levels, stand in the region, by position.
        for (i, leaf) in map.leaves.iter().enumerate().take(first_value) {
            if leaf.field.is_project_field() || leaf.field == Field::Extra {
                if let Some(slot) = parts.values.get_mut(i) {
                    *slot = region.get(i).cloned().flatten();
                }
                tokens.retain(|(k, _)| *k != i);
            }
        }
        if let Some(l3) = (0..first_value).find(|&i| level_at(i) == Some(2)) {
            parts.level3 = region.get(l3).cloned().flatten();
            tokens.retain(|(i, _)| *i != l3);
        }
        parts.names = tokens
            .into_iter()
            .map(|(i, text)| Name {
                text,
                column: column_of(i),
            })
            .collect();
    } else {
        // A row number in a 序号 column before the levels is no name.
        let number_column = map
            .leaves
            .iter()
            .take(first_value)
            .position(|l| l.field == Field::Extra && is_row_number_header(&l.header));
        if let Some(col) = number_column {
            if tokens.first().is_some_and(|(_, t)| is_row_number(t)) {
                let (_, number) = tokens.remove(0);
                if let Some(slot) = parts.values.get_mut(col) {
                    *slot = Some(number);
                }
            }
        }
        parts.level3 = tokens.pop().map(|t| t.1);
        parts.names = tokens
            .into_iter()
            .map(|(_, text)| Name { text, column: None })
            .collect();
    }
    parts
}
/// 序号, 编号: a column of row numbers.
fn is_row_number_header(header: &str) -> bool {
    matches!(&*squash(header), "序号" | "编号" | "序" | "行次")
}

/// `1`, `12`, `(3)`: a row's number.
fn is_row_number(text: &str) -> bool {
    let t = trim(text).trim_matches(['(', ')', '（', '）', '.', '、']);
    !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit())
}

/// Step 2: `科技支撑 信息化建设情况` is a level-2 name and a level-3 name
/// printed in one cell. Splits level 3 (and level names) whose text before
/// the first space is a known level name. Returns whether it split.
pub fn split_run_together(parts: &mut RowParts, is_known_name: &dyn Fn(&str) -> bool) -> bool {
    let mut split = false;
    let mut names = Vec::new();
    for name in std::mem::take(&mut parts.names) {
        match split_at_known_name(&name.text, is_known_name) {
            Some((a, b)) => {
                split = true;
                names.push(Name {
                    text: a,
                    column: None,
                });
                names.push(Name {
                    text: b,
                    column: None,
                });
            }
            None => names.push(name),
        }
    }
    if let Some(l3) = parts.level3.take() {
        match split_at_known_name(&l3, is_known_name) {
            Some((a, b)) => {
                split = true;
                names.push(Name {
                    text: a,
                    column: None,
                });
                parts.level3 = Some(b);
            }
            None => parts.level3 = Some(l3),
        }
    }
    parts.names = names;
    split
}

fn split_at_known_name(
    text: &str,
    is_known_name: &dyn Fn(&str) -> bool,
) -> Option<(String, String)> {
    let (head, rest) = text.split_once(' ')?;
    let rest = trim(rest);
    (is_known_name(head) && !rest.is_empty()).then(|| (head.to_string(), rest.to_string()))
}

/// Level 1 and level 2 in effect for the next row (the merged cells above).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    pub level1: Option<String>,
    pub level2: Option<String>,
}

/// What [`assign_levels`] decided about a row beyond the levels themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assigned {
    pub levels: Levels,
    /// A name was read at another level than its column says.
    pub moved: bool,
    /// A new level 1 came without its level 2.
    pub level2_missing: bool,
    /// More than two level names: the leftmost were dropped.
    pub dropped: Vec<String>,
}

/// Step 3: which name is level 1 and which level 2.
///
/// A new level-1 group always starts a new level-2 group, so a lone name is
/// a level-2 name unless it is level-1 vocabulary; position decides for
/// `成本指标`, and without a position the level 1 above does.
pub fn assign_levels(names: &[Name], above: &Levels) -> Assigned {
    let mut out = Assigned {
        levels: above.clone(),
        ..Assigned::default()
    };
    match names {
        [] => {}
        [name] => {
            let as_level1 = if vocab::is_ambiguous_level(&name.text) {
                match name.column {
                    Some(c) => c < 2,
                    None => !above.level1.as_deref().is_some_and(vocab::is_output_level1),
                }
            } else {
                vocab::is_level1_name(&name.text) || above.level1.is_none()
            };
            if as_level1 {
                out.moved = name.column == Some(2);
                if above.level1.as_deref() != Some(name.text.as_str()) {
                    out.levels.level2 = None;
                    out.level2_missing = true;
                }
                out.levels.level1 = Some(name.text.clone());
            } else {
                out.moved = matches!(name.column, Some(0) | Some(1));
                out.levels.level2 = Some(name.text.clone());
            }
        }
        [rest @ .., a, b] => {
            out.dropped = rest.iter().map(|n| n.text.clone()).collect();
            out.levels.level1 = Some(a.text.clone());
            out.levels.level2 = Some(b.text.clone());
            out.moved = a.column.is_some_and(|c| c != 1) || b.column.is_some_and(|c| c != 2);
        }
    }
    out
}

/// A merged level cell whose text wraps across a page break: the page
/// before ends on the first part (`服务对象满意度指`), the new page's first
/// row prints the rest (`标`) as a name of its own. The level (1 or 2) and
/// its first part, and the whole name, when the two parts make a known
/// level name that the first part alone is not.
fn level_cut_by_page_break(
    above: &Levels,
    read: &Levels,
    known: &KnownNames,
) -> Option<((u8, String), String)> {
    let pairs = [
        (1, &above.level1, &read.level1),
        (2, &above.level2, &read.level2),
    ];
    pairs.into_iter().find_map(|(level, before, now)| {
        let (before, now) = (before.as_deref()?, now.as_deref()?);
        // (The document's own names may hold the cut part: it was read
        // as a level name of its own.)
        let listed = |s: &str| vocab::is_level1_name(s) || vocab::is_level2_name(s);
        if before == now || listed(before) || known.is_level_name(now) {
            return None;
        }
        let whole = format!("{}{}", before.trim_end(), now.trim_start());
        known
            .is_level_name(&whole)
            .then(|| ((level, before.to_string()), whole))
    })
}

/// The level name in effect above (level 1 or 2), where the row's name
/// of that level is only a part of it, cut at either end (`度指标`,
/// `服务对象满意` of 服务对象满意度指标) and no level name of its own.
fn reprinted_part_of(
    above: &Levels,
    read: &Levels,
    level: u8,
    known: &KnownNames,
) -> Option<String> {
    let (before, now) = if level == 1 {
        (above.level1.as_deref()?, read.level1.as_deref()?)
    } else {
        (above.level2.as_deref()?, read.level2.as_deref()?)
    };
    let listed = |s: &str| vocab::is_level1_name(s) || vocab::is_level2_name(s);
    let part = now != before && (before.ends_with(now) || before.starts_with(now));
    (part && !listed(now) && !known.is_level_name(now)).then(|| before.to_string())
}

/// Sets the values of the level columns of `level` (1 or 2) to `name`.
fn set_level_values(values: &mut [Option<String>], map: &HeaderMap, level: u8, name: &str) {
    let field = if level == 1 {
        Field::Level1
    } else {
        Field::Level2
    };
    for (leaf, v) in map.leaves.iter().zip(values.iter_mut()) {
        if leaf.field == field && v.is_some() {
            *v = Some(name.to_string());
        }
    }
}

/// Level 1 or level 2 of `levels`.
fn level_mut(levels: &mut Levels, level: u8) -> &mut Option<String> {
    if level == 1 {
        &mut levels.level1
    } else {
        &mut levels.level2
    }
}

/// The cut level name (`cut`: the level and its first part) made whole on
/// the indicators read so far that carry it, from the last one back;
/// `note` said on each.
fn join_cut_level(
    out: &mut [Vec<(IndicatorTable, Indicator, Vec<Note>)>],
    cut: &(u8, String),
    whole: &str,
    note: Option<&str>,
) {
    for (_, ind, notes) in out.iter_mut().flatten().rev() {
        let level = if cut.0 == 1 {
            &mut ind.level1
        } else {
            &mut ind.level2
        };
        if level.as_deref() != Some(cut.1.as_str()) {
            break;
        }
        *level = Some(whole.to_string());
        if let Some(n) = note {
            notes.push(("row_joined", n.to_string()));
        }
    }
}

/// Level-2 names given explicitly in a document, with their level 1.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    pub pairs: HashSet<(String, String)>,
    pub names: HashSet<String>,
}

impl KnownNames {
    pub fn is_level_name(&self, s: &str) -> bool {
        vocab::is_level1_name(s) || vocab::is_level2_name(s) || self.names.contains(s)
    }
}

/// The indicator rows of one table, with the warnings of what was guessed,
/// its columns and the years of its history columns.
#[derive(Debug, Default)]
pub struct TableResult {
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
    /// The years the table's history columns name.
    pub header_years: Vec<i32>,
    /// The year of each history column, in column order (`None`: a history
    /// column without a year). Each indicator's `history` is in this order
    /// until the document's history years are known.
    pub history_columns: Vec<Option<i32>>,
    pub known: KnownNames,
    /// The header mapping, per indicator table the rows went to.
    pub columns: Vec<(IndicatorTable, Vec<Column>)>,
    /// A flat table of many projects: each project and its rows (the
    /// table's `indicators` and `warnings` are then empty).
    pub flat: Vec<FlatProject>,
    /// The printed header of a flat table's amount column (预算数).
    pub budget_header: Option<String>,
    /// Some row was read by position repair, the only reading that uses
    /// the known level names: a reading with other names may differ.
    pub used_known: bool,
}

/// Whether a row holds any text besides table labels.
fn has_text(row: &Row, is_label: &dyn Fn(&str) -> bool) -> bool {
    row.texts().any(|t| !is_label(t))
}

/// Where a reliable table's data cells divide a header column (二级指标
/// over the level-2 and the indicator-name column), that column becomes
/// one per part: successive levels for a level header, else the first part
/// keeps the field and the others are extra columns.
fn split_subcolumns(map: &mut HeaderMap, data: &[&Row]) {
    let mut out = Vec::with_capacity(map.leaves.len());
    // A level another column is titled with is that column's: a level
    // header over two columns gives its second to the next level only
    // when no column is titled so (a spacer column beside 一级指标, merged
    // down its group, is no level 2 when 二级指标 follows).
    let titled: Vec<Field> = map.leaves.iter().map(|l| l.field).collect();
    for leaf in &map.leaves {
        let tol = ((leaf.span.right - leaf.span.left) / 10).max(1);
        let mut edges: Vec<i32> = data
            .iter()
            .filter_map(|r| r.spans.as_ref())
            .flat_map(|s| s.iter())
            .map(|s| s.left)
            .filter(|&x| x > leaf.span.left + tol && x < leaf.span.right - tol)
            .collect();
        edges.sort_unstable();
        edges.dedup_by(|a, b| (*a - *b).abs() <= tol);
        if edges.is_empty() || leaf.field == Field::Label {
            out.push(leaf.clone());
            continue;
        }
        let mut bounds = vec![leaf.span.left];
        bounds.extend(edges);
        bounds.push(leaf.span.right);
        // A header merged over two columns whose values all lie in one
        // of them (the other empty in every row) is that one column.
        if let Some(part) = only_filled_part(&bounds, data, &leaf.span) {
            out.push(Leaf {
                span: part,
                ..leaf.clone()
            });
            continue;
        }
        let target_parts = (leaf.field == Field::Target)
            .then(|| target_subfields(&bounds, data))
            .flatten();
        for (k, w) in bounds.windows(2).enumerate() {
            let (Some(&left), Some(&right)) = (w.first(), w.get(1)) else {
                continue;
            };
            let field = match (leaf.field.level(), &target_parts) {
                (Some(l), _) => Field::of_level(l + k)
                    .filter(|f| k == 0 || !titled.contains(f))
                    .unwrap_or(Field::Extra),
                (None, Some(parts)) => parts.get(k).copied().unwrap_or(Field::Extra),
                (None, None) if k == 0 => leaf.field,
                (None, None) => Field::Extra,
            };
            let header = if (k == 0 && target_parts.is_none())
                || field.level().is_some()
                || (field == Field::Target && target_parts.is_some())
            {
                leaf.header.clone()
            } else {
                format!("{}({})", leaf.header, k + 1)
            };
            out.push(Leaf {
                header,
                field,
                span: Span {
                    left,
                    right,
                    continued: false,
                },
                ..leaf.clone()
            });
        }
    }
    map.leaves = out;
}

/// The one part of a divided column that every text of the data rows
/// under `column` lies in, when the other parts hold none.
fn only_filled_part(bounds: &[i32], data: &[&Row], column: &Span) -> Option<Span> {
    let parts: Vec<Span> = bounds
        .windows(2)
        .filter_map(|w| match w {
            &[left, right] => Some(Span {
                left,
                right,
                continued: false,
            }),
            _ => None,
        })
        .collect();
    let mut filled: Option<Span> = None;
    for row in data {
        let spans = row.spans.as_deref()?;
        for (s, cell) in spans.iter().zip(&row.cells) {
            if s.overlap(column) == 0 || clean_text(cell).is_none() {
                continue;
            }
            let part = parts.iter().find(|p| s.overlap(p) > 0 && within(s, p))?;
            match filled {
                Some(f) if f != *part => return None,
                _ => filled = Some(*part),
            }
        }
    }
    filled.filter(|_| parts.len() > 1)
}

/// The texts of the data rows in the part `left..right` of a divided
/// column: of each row, the cell lying in the part (a cell merged across
/// the parts is in none).
fn part_texts(data: &[&Row], left: i32, right: i32) -> Vec<String> {
    let part = Span {
        left,
        right,
        continued: false,
    };
    data.iter()
        .filter_map(|r| {
            let spans = r.spans.as_deref()?;
            spans
                .iter()
                .zip(&r.cells)
                .filter(|(s, _)| s.overlap(&part) > 0 && within(s, &part))
                .max_by_key(|(s, _)| s.overlap(&part))
                .map(|(_, c)| c.clone())
        })
        .filter_map(|t| clean_text(&t))
        .collect()
}

/// The fields of the parts of a divided target column (指标值 over `≥ |
/// 35 | 项`): a part whose values are all comparison operators is the
/// operator, the first other part the target, and a part after it whose
/// values are all short words without digits its unit. `None` when no
/// part is an operator or a unit: the first part is then the target.
fn target_subfields(bounds: &[i32], data: &[&Row]) -> Option<Vec<Field>> {
    // A cell merged across the parts (a qualitative target, `持续增强`
    // over `≥ | 5000亩`) tells nothing of either part.
    let texts = |left: i32, right: i32| part_texts(data, left, right);
    // 定性 / 定量 in an operator's place: the target is a word, or a
    // number to reach (as an 指标性质 column prints them).
    let is_operator = |v: &str| parse_op(v).is_some() || matches!(&*squash(v), "定性" | "定量");
    let mut fields = Vec::new();
    let mut target_seen = false;
    for w in bounds.windows(2) {
        let (Some(&left), Some(&right)) = (w.first(), w.get(1)) else {
            continue;
        };
        let values = texts(left, right);
        let all = |f: &dyn Fn(&str) -> bool| !values.is_empty() && values.iter().all(|v| f(v));
        let field = if all(&is_operator) {
            Field::Operator
        } else if target_seen
            && all(&|v| v.chars().count() <= 4 && !v.chars().any(|c| c.is_ascii_digit()))
        {
            Field::Unit
        } else if !target_seen {
            target_seen = true;
            Field::Target
        } else {
            Field::Extra
        };
        fields.push(field);
    }
    let divided = fields
        .iter()
        .any(|f| matches!(f, Field::Operator | Field::Unit));
    (divided && target_seen).then_some(fields)
}

/// A table whose header maps the levels and the target but no column to
/// the indicators' names (三级指标 worded as no header word pifu knows),
/// while columns it did not understand hold text: the names are likely
/// among them, kept in extra, and level3 is null on every row.
fn names_unmapped(map: &HeaderMap, table: IndicatorTable, data: &[&Row]) -> Option<Warning> {
    let has = |f: Field| map.leaves.iter().any(|l| l.field == f);
    if !map.reliable || has(Field::Level3) || !has(Field::Target) {
        return None;
    }
    let filled: Vec<&str> = map
        .leaves
        .iter()
        .filter(|l| l.field == Field::Extra)
        .filter(|l| {
            data.iter().any(|r| {
                r.spans
                    .as_deref()
                    .and_then(|s| best_leaf_cell(r, s, &l.span))
                    .is_some_and(|t| !trim(&t).is_empty())
            })
        })
        .map(|l| l.header.as_str())
        .collect();
    (!filled.is_empty()).then(|| Warning {
        code: "unmapped_columns".to_string(),
        message: format!(
            "no column of the header is the indicators' name (三级指标): level3 is null; columns not understood, kept in extra: {}",
            filled.join(" | ")
        ),
        table: Some(table.as_str().to_string()),
        seq: None,
        page: data.first().and_then(|r| r.page),
    })
}

/// 绩效标准 holds standards (计划标准…) in some templates and a description
/// of the indicator (反映……) in others: read as basis when most of its
/// values are standards, else as explanation.
fn resolve_standard(map: &mut HeaderMap, rows: &[&Row]) {
    let Some(i) = map.leaves.iter().position(|l| l.field == Field::Standard) else {
        return;
    };
    let field = if mostly(map, rows, i, vocab::is_basis) {
        Field::Basis
    } else {
        Field::Explanation
    };
    for leaf in map.leaves.iter_mut().filter(|l| l.field == Field::Standard) {
        leaf.field = field;
    }
}

/// 指标类型 (and other words for a category) heads the level-2 column in
/// some templates (数量指标, 满意度指标 under it): read as level 2 when the
/// table has no level-2 column and most of its values are level-2 names.
/// Over 定量 / 定性 it is a column of no known field (`extra`).
fn resolve_level2_category(map: &mut HeaderMap, rows: &[&Row]) {
    let Some(i) = map.leaves.iter().position(|l| l.field == Field::Category) else {
        return;
    };
    // 指标类型 over 定量 / 定性 says what kind of value the target is, as
    // 指标值类型 does: a column of no known field, not the 指标分类.
    let value_kind = |t: &str| matches!(&*squash(t), "定量" | "定性");
    let named_category = map
        .leaves
        .get(i)
        .is_some_and(|l| squash(&l.header).contains("指标分类"));
    if !named_category && mostly(map, rows, i, value_kind) {
        if let Some(leaf) = map.leaves.get_mut(i) {
            leaf.field = Field::Extra;
        }
        return;
    }
    if map.has(Field::Level2) {
        return;
    }
    if mostly(map, rows, i, vocab::is_level2_name) {
        if let Some(leaf) = map.leaves.get_mut(i) {
            leaf.field = Field::Level2;
        }
    }
}

/// Whether at least half of the texts under the map's `i`th leaf, and at
/// least one, are what `is` tells.
fn mostly(map: &HeaderMap, rows: &[&Row], i: usize, is: fn(&str) -> bool) -> bool {
    let (mut yes, mut no) = (0, 0);
    for t in rows
        .iter()
        .filter_map(|row| leaf_text(map, row, i).as_deref().and_then(clean_text))
    {
        if is(&t) {
            yes += 1;
        } else {
            no += 1;
        }
    }
    yes > 0 && yes >= no
}

/// The text of a row under the map's `i`th leaf: the cell over it in a
/// grid, else the row's `i`th cell.
fn leaf_text(map: &HeaderMap, row: &Row, i: usize) -> Option<String> {
    match (&row.spans, map.reliable) {
        (Some(spans), true) => map
            .leaves
            .get(i)
            .and_then(|leaf| best_leaf_cell(row, spans, &leaf.span)),
        _ => row.cells.get(i).cloned(),
    }
}

/// Whether a cell lies within a part of a column (its ends inside the
/// part's, give or take a fifth of the part's width).
fn within(cell: &Span, part: &Span) -> bool {
    let slack = (part.right - part.left) / 5;
    cell.left >= part.left - slack && cell.right <= part.right + slack
}

/// The text of the row's cell that lies most over `span`.
fn best_leaf_cell(row: &Row, spans: &[Span], span: &Span) -> Option<String> {
    spans
        .iter()
        .zip(&row.cells)
        .filter(|(s, _)| s.overlap(span) > 0)
        .max_by_key(|(s, _)| s.overlap(span))
        .map(|(_, c)| c.clone())
}

/// The leaf a cell belongs to: the one it covers most; of two it covers
/// alike, the first, unless that one's header means nothing to us (a
/// `序号` merged with 一级指标 over a group's rows is the level's name).
fn leaf_of(span: &Span, leaves: &[Leaf]) -> Option<usize> {
    let mut best: Option<(usize, i32)> = None;
    // (A cell merged over a target's operator and value is the target.)
    let is_extra = |i: usize| {
        leaves
            .get(i)
            .is_some_and(|l| matches!(l.field, Field::Extra | Field::Operator | Field::Unit))
    };
    for (i, l) in leaves.iter().enumerate() {
        let o = l.span.overlap(span);
        let better = match best {
            None => o > 0,
            Some((b, bo)) => o > bo || (o == bo && is_extra(b) && !is_extra(i)),
        };
        if better {
            best = Some((i, o));
        }
    }
    best.map(|(i, _)| i)
}

/// The target columns of other periods than leaf `i`'s (a target) that a
/// cell's span covers at least half of.
fn other_period_targets(span: &Span, i: usize, leaves: &[Leaf]) -> Vec<usize> {
    let Some(first) = leaves.get(i).filter(|l| l.field == Field::Target) else {
        return Vec::new();
    };
    leaves
        .iter()
        .enumerate()
        .filter(|&(j, l)| {
            let width = l.span.right - l.span.left;
            j != i
                && l.field == Field::Target
                && l.period.is_some()
                && l.period != first.period
                && width > 0
                && span.overlap(&l.span) * 2 >= width
        })
        .map(|(j, _)| j)
        .collect()
}

/// A reliable row's value per leaf: its own texts, and for a cell that
/// continues a merged cell, the value the merge had in the row above.
/// Texts in no column are returned apart.
fn values_by_column(
    row: &Row,
    spans: &[Span],
    map: &HeaderMap,
    carried: &[Option<String>],
) -> (Vec<Option<String>>, Vec<bool>, Vec<String>) {
    let n = map.leaves.len();
    let mut values: Vec<Option<String>> = vec![None; n];
    let mut own = vec![false; n];
    let mut unplaced = Vec::new();
    // Names a merge gives to the level column it also covers.
    let mut also_named: Vec<(usize, String)> = Vec::new();
    for (cell, span) in row.cells.iter().zip(spans) {
        let text = clean_text(cell);
        let Some(i) = leaf_of(span, &map.leaves) else {
            unplaced.extend(text);
            continue;
        };
        let also = name_also_covers(span, i, &map.leaves, text.as_deref());
        // One value merged across the long-term and the annual target (100%
        // for both): each table's target.
        for j in other_period_targets(span, i, &map.leaves) {
            let v = if span.continued {
                carried.get(j).cloned().flatten()
            } else {
                text.clone()
            };
            if let (Some(slot @ None), Some(mine)) = (values.get_mut(j), own.get_mut(j)) {
                *mine = v.is_some() && !span.continued;
                *slot = v;
            }
        }
        let (Some(slot), Some(mine)) = (values.get_mut(i), own.get_mut(i)) else {
            continue;
        };
        if span.continued {
            if slot.is_none() {
                *slot = carried.get(i).cloned().flatten();
            }
            if let Some(j) = also {
                if let Some(slot) = values.get_mut(j).filter(|s| s.is_none()) {
                    *slot = carried.get(j).cloned().flatten();
                }
            }
            continue;
        }
        if let Some(t) = text {
            if let Some(j) = also {
                also_named.push((j, t.clone()));
            }
            *slot = Some(match slot.take().filter(|_| *mine) {
                Some(prev) => format!("{prev} {t}"),
                None => t,
            });
            *mine = true;
        }
    }
    // Only in a row with a value of its own: a merge in a row of level
    // names and nothing else is the template's placeholder (……, XXX).
    let has_value = map
        .leaves
        .iter()
        .zip(&own)
        .any(|(l, &mine)| mine && l.field.level().is_none());
    if has_value {
        for (j, t) in also_named {
            if let (Some(slot @ None), Some(mine)) = (values.get_mut(j), own.get_mut(j)) {
                *slot = Some(t);
                *mine = true;
            }
        }
    }
    (values, own, unplaced)
}

/// The 三级 column an indicator's name merged across 二级 and 三级 also
/// covers: an explicit merge gives its value to every column it covers,
/// so the row has its name (it had none). A cell over more columns (a
/// group's heading across the table), and a level name over the two (a
/// level-2 group's heading), are read as before; so is a level-1 name
/// over 一级 and 二级, which names no level 2.
fn name_also_covers(
    span: &Span,
    leaf: usize,
    leaves: &[Leaf],
    text: Option<&str>,
) -> Option<usize> {
    let covered: Vec<usize> = leaves
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let width = l.span.right - l.span.left;
            width > 0 && span.overlap(&l.span) * 2 >= width
        })
        .map(|(j, _)| j)
        .collect();
    let [level2, level3] = covered.as_slice() else {
        return None;
    };
    let field = |j: usize| leaves.get(j).map(|l| l.field);
    let names_a_level = text.is_some_and(|t| vocab::is_level1_name(t) || vocab::is_level2_name(t));
    (*level2 == leaf
        && field(*level2) == Some(Field::Level2)
        && field(*level3) == Some(Field::Level3)
        && !names_a_level)
        .then_some(*level3)
}

/// Whether an operator column's value so far states no comparison.
fn states_no_comparison(operator: &Option<String>) -> bool {
    operator.as_deref().is_none_or(|o| parse_op(o).is_none())
}

/// The comparison an operator column (指标性质, 计算符号) states.
fn operator_of(s: &str) -> Option<Op> {
    parse_op(trim(s))
}

/// Puts a row's column values into the indicator's fields (levels aside).
/// A second column of a field already filled goes to `extra` under its
/// header, so nothing printed is dropped. Returns notes of values that
/// could not be read.
fn fill_indicator(
    ind: &mut Indicator,
    map: &HeaderMap,
    values: &[Option<String>],
    period: Option<IndicatorTable>,
) -> Vec<(&'static str, String)> {
    let mut notes = Vec::new();
    let mut extra: BTreeMap<String, String> = BTreeMap::new();
    let mut put_extra = |header: &str, v: String| {
        let mut key = header.to_string();
        let mut n = 2;
        while extra.contains_key(&key) {
            key = format!("{header}({n})");
            n += 1;
        }
        extra.insert(key, v);
    };
    let mut operator: Option<String> = None;
    let mut direction_op: Option<String> = None;
    for (leaf, v) in map.leaves.iter().zip(values) {
        if !leaf.belongs_to(period) {
            continue;
        }
        if leaf.field == Field::History {
            ind.history.push(v.clone());
            continue;
        }
        let Some(v) = v.clone() else {
            continue;
        };
        let slot = match leaf.field {
            Field::Label | Field::Level1 | Field::Level2 | Field::Level3 | Field::History => {
                continue
            }
            Field::ProjectName
            | Field::UnitName
            | Field::Budget
            | Field::Goal
            | Field::ProjectInfo => continue,
            Field::Target => &mut ind.target,
            Field::Basis | Field::Standard => &mut ind.basis,
            Field::Category => &mut ind.category,
            Field::Unit => &mut ind.unit,
            Field::Direction => {
                // A direction printed as a comparison (≥, 不低于) is the
                // target's operator too, unless an operator column says.
                if direction_op.is_none() && parse_op(&v).is_some() {
                    direction_op = Some(v.clone());
                }
                &mut ind.direction
            }
            Field::Explanation => &mut ind.explanation,
            Field::Scoring => &mut ind.scoring,
            Field::Remark => &mut ind.remark,
            Field::Operator => {
                // Of two operator columns (指标性质 定量 | 计算符号 ≤), the
                // one printing a comparison says it.
                if operator.is_none() || (parse_op(&v).is_some() && states_no_comparison(&operator))
                {
                    operator = Some(v.clone());
                }
                put_extra(&leaf.header, v);
                continue;
            }
            Field::Weight => {
                match (ind.weight, parse_number(v.trim_end_matches('分'))) {
                    (None, Some(w)) => ind.weight = Some(w),
                    (_, parsed) => {
                        if parsed.is_none() {
                            notes.push((
                                "unparsed_value",
                                format!("{} 「{v}」 is not a number; kept in extra", leaf.header),
                            ));
                        }
                        put_extra(&leaf.header, v);
                    }
                }
                continue;
            }
            Field::Extra => {
                put_extra(&leaf.header, v);
                continue;
            }
        };
        if slot.is_none() {
            *slot = Some(v);
        } else {
            // Two target columns filled in one row (定量 | 定性 columns
            // fill one each): a header read wrongly, most likely.
            if leaf.field == Field::Target {
                notes.push((
                    "unmapped_columns",
                    format!(
                        "two columns read as the target are filled: {} 「{v}」 is kept in extra, the target is the first",
                        leaf.header
                    ),
                ));
            }
            put_extra(&leaf.header, v);
        }
    }
    ind.extra = extra;
    let stated = ind.target.as_deref().and_then(parse_target_stated);
    let target_has_op = stated.as_ref().is_some_and(|(_, s)| *s);
    let mut parsed = stated.map(|(p, _)| p);
    if let Some(op_text) = operator.or(direction_op) {
        if op_text.contains("定性") {
            parsed = None;
        } else if let (Some(p), Some(op)) = (parsed.as_mut(), operator_of(&op_text)) {
            if !target_has_op {
                p.op = op;
            }
        }
    }
    if let (Some(p), Some(u)) = (parsed.as_mut(), ind.unit.as_ref()) {
        if p.unit.is_none() {
            // A unit column's full-width `％` is the target's `%`.
            p.unit = Some(trim(u).replace('％', "%"));
        }
    }
    // A year with 年 in the unit column (`2026` | `年`) is a date, as
    // `2026年` is: no quantity.
    let a_year = parsed.as_ref().is_some_and(|p| {
        p.value.fract() == 0.0
            && (1900.0..=2100.0).contains(&p.value)
            && p.unit.as_deref().is_some_and(|u| u.starts_with('年'))
    });
    if a_year {
        parsed = None;
    }
    ind.target_parsed = parsed;
    notes
}

/// The table a row's own cell left of the level columns names
/// (长期绩效指标, 年度绩效指标), if any.
fn table_label_left_of(row: &Row, spans: &[Span], levels_left: i32) -> Option<IndicatorTable> {
    row.cells.iter().zip(spans).find_map(|(c, s)| {
        if s.continued || s.right > levels_left {
            return None;
        }
        // (Named by its period: a bare 绩效指标 says nothing of it.)
        let periodic = ["长期", "年度", "实施期", "当年"]
            .iter()
            .any(|w| c.contains(w));
        if !periodic {
            return None;
        }
        match super::section_of_label(c)? {
            super::Section::LongTermTable => Some(IndicatorTable::LongTerm),
            super::Section::AnnualTable => Some(IndicatorTable::Annual),
            _ => None,
        }
    })
}

/// The periods a table's rows go to: `None` (the table's own), or both when it prints
/// long-term and annual columns side by side.
fn periods_of(map: &HeaderMap) -> Vec<Option<IndicatorTable>> {
    if map.is_split() {
        vec![Some(IndicatorTable::LongTerm), Some(IndicatorTable::Annual)]
    } else {
        vec![None]
    }
}

/// Whether the row has a value for the period's own columns (side-by-side
/// tables give a row to a period only where it prints something there).
fn has_period_values(map: &HeaderMap, values: &[Option<String>], period: IndicatorTable) -> bool {
    map.leaves
        .iter()
        .zip(values)
        .any(|(l, v)| l.period == Some(period) && v.is_some())
}

/// Reads one indicator table. `known` holds the level names given
/// explicitly anywhere in the document (from a first pass), used to split
/// run-together cells and to recover a lost level-2 cell; `doc_year` tells
/// a history year column from the document's own.
pub fn parse_table(
    table: IndicatorTable,
    rows: &[&Row],
    is_label: &dyn Fn(&str) -> bool,
    known: &KnownNames,
    doc_year: Option<i32>,
) -> TableResult {
    let mut result = TableResult::default();
    if rows.is_empty() {
        return result;
    }
    let flagged = with_headers(rows);
    let first_data = flagged
        .iter()
        .position(|t| !t.header && has_text(&t.row, is_label))
        .unwrap_or(flagged.len());
    let mut header_rows: Vec<&Row> = flagged
        .get(..first_data)
        .unwrap_or_default()
        .iter()
        .skip_while(|t| !t.header)
        .take_while(|t| t.header)
        .map(|t| &*t.row)
        .collect();
    // A header printed again at the top of the next page, right under
    // itself (the header row the last of its page, repeated as a print
    // title): one header row, not two.
    header_rows.dedup_by(|a, b| a.after_page_break && a.text_vec() == b.text_vec());
    let mut map = header::map_header(&header_rows, doc_year, is_label);
    if map.has(Field::ProjectName) {
        // A flat table's other project columns (项目编码, 实施单位) are the
        // project's fields, not the indicators' extra.
        for l in &mut map.leaves {
            if l.field == Field::Extra && super::project::is_flat_project_column(&l.header) {
                l.field = Field::ProjectInfo;
            }
        }
    }
    let maps_levels = map.leaves.iter().any(|l| l.field.level().is_some());
    let maps_values = map
        .leaves
        .iter()
        .any(|l| matches!(l.field, Field::Target | Field::History | Field::Level3));
    if !(maps_levels && maps_values) {
        let has_rows = rows.iter().any(|r| has_text(r, is_label));
        if has_rows {
            result.warnings.push(Warning {
                code: "unmapped_columns".to_string(),
                message: if header_rows.is_empty() {
                    "no header row; columns read as the 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值确定依据 | 指标分类 template".to_string()
                } else {
                    "header not understood; columns read as the 一级指标 | 二级指标 | 三级指标 | 指标值 | 指标值确定依据 | 指标分类 template".to_string()
                },
                table: Some(table.as_str().to_string()),
                seq: None,
                page: rows.first().and_then(|r| r.page),
            });
        }
        map = default_header(table);
    } else if !map.leaves.iter().any(|l| l.field == Field::Target)
        && rows.iter().any(|r| has_text(r, is_label))
    {
        // Levels and names, but no column the header words name as the
        // target: the targets would be null without a word said.
        let unread: Vec<&str> = map
            .leaves
            .iter()
            .filter(|l| l.field == Field::Extra)
            .map(|l| l.header.as_str())
            .collect();
        result.warnings.push(Warning {
            code: "unmapped_columns".to_string(),
            message: format!(
                "no column of the header is the target (指标值): targets are null; columns not understood, kept in extra: {}",
                if unread.is_empty() { "none".to_string() } else { unread.join(" | ") }
            ),
            table: Some(table.as_str().to_string()),
            seq: None,
            page: rows.first().and_then(|r| r.page),
        });
    }
    // Rows cut by a page break are recognised by the 依据 / 分类 values
    // that end every row; other tables have only a ruled row's one cut
    // cell mended.
    let ends_with_vocabulary = map
        .leaves
        .last()
        .is_some_and(|l| matches!(l.field, Field::Basis | Field::Category));
    let mut joined = join_cut_rows(flagged, ends_with_vocabulary);
    // (Only where rows end with a 依据 / 分类 value: elsewhere two rows
    // shortened by merged cells could pass for one cut in two.)
    if !map.reliable && ends_with_vocabulary {
        joined = join_cells_cut_by_line_breaks(joined, map.leaves.len());
    }
    let first_data = joined
        .iter()
        .position(|t| !t.header && has_text(&t.row, is_label))
        .unwrap_or(joined.len());
    let data: Vec<&Row> = joined
        .iter()
        .skip(first_data)
        .filter(|t| !t.header)
        .map(|t| &*t.row)
        .collect();
    if map.reliable {
        split_subcolumns(&mut map, &data);
    }
    resolve_standard(&mut map, &data);
    resolve_level2_category(&mut map, &data);
    if let Some(w) = names_unmapped(&map, table, &data) {
        result.warnings.push(w);
    }
    result.history_columns = map
        .leaves
        .iter()
        .filter(|l| l.field == Field::History)
        .map(|l| l.year)
        .collect();
    result.header_years = result.history_columns.iter().flatten().copied().collect();
    let split = map.is_split();
    result.columns = if split {
        [IndicatorTable::LongTerm, IndicatorTable::Annual]
            .into_iter()
            .map(|t| (t, map.columns(t, true)))
            .collect()
    } else {
        vec![(table, map.columns(table, false))]
    };
    let periods = periods_of(&map);

    let mut above = Levels::default();
    // The levels a group's heading row (`一、产出指标` across the table)
    // gives the rows under it that print none of their own.
    let mut heading = Levels::default();
    // Rows read as nothing: (group, text, page).
    let mut unread: Vec<(usize, String, Option<u32>)> = Vec::new();
    // Lines of text outside the table's grid (a letter's closing sentence
    // under an HTML table): (group, text, page).
    let mut outside: Vec<(usize, String, Option<u32>)> = Vec::new();
    // Where the table's cells have positions, a line without them is
    // printed outside the table, not in it.
    let gridded = data.iter().any(|r| r.spans.is_some());
    let mut carried: Vec<Option<String>> = vec![None; map.leaves.len()];
    let flat = map.has(Field::ProjectName);
    let project_value = |values: &[Option<String>], f: Field| -> Option<String> {
        map.leaves
            .iter()
            .position(|l| l.field == f)
            .and_then(|i| values.get(i).cloned().flatten())
    };
    // Per project of a flat table (one group otherwise): its fields and
    // its rows' indicators with their notes.
    let mut groups: Vec<FlatProject> = vec![FlatProject::default()];
    // How many indicators the group held at the last 合计 row: the rows
    // a 合计 sums are those after it.
    let mut summed_from = 0usize;
    // The column of the last row's name and how many indicators it gave.
    let mut last_name: Option<(usize, usize)> = None;
    let mut out: Vec<Vec<(IndicatorTable, Indicator, Vec<Note>)>> = vec![Vec::new()];
    // Each data row's spans as read by column (moved right where the row
    // lacks the label column), for what its blank level cells mean.
    let moved_spans: Vec<Option<Vec<Span>>> = data
        .iter()
        .map(|r| {
            let spans = r.spans.as_ref().filter(|_| map.reliable)?;
            Some(without_label_column(r, spans, &map).unwrap_or_else(|| spans.clone()))
        })
        .collect();
    let blanks = blank_levels(
        &data
            .iter()
            .zip(&moved_spans)
            .map(|(r, s)| (*r, s.as_deref()))
            .collect::<Vec<_>>(),
        &map,
    );
    let data_rows = joined.iter().skip(first_data).filter(|t| !t.header);
    // The table a label column left of the levels names for the rows
    // beside it (长期绩效指标 over some rows, 年度绩效指标 over the rest,
    // under one header).
    let mut labelled: Option<IndicatorTable> = None;
    let levels_left = map
        .leaves
        .iter()
        .filter(|l| l.field.level().is_some())
        .map(|l| l.span.left)
        .min();
    // A page break a line above the grid took (see below), for the row after.
    let mut break_above = false;
    for ((t, spans), row_blanks) in data_rows.zip(&moved_spans).zip(&blanks) {
        let row: &Row = &t.row;
        let after_break = row.after_page_break || std::mem::take(&mut break_above);
        // The top of a merged level cell's text, clipped above the grid of
        // the new page (`服务对象满意` over a part that prints `度指标`): the
        // name in effect again, no row; the break is the next row's.
        if gridded && row.after_page_break && row.spans.is_none() {
            let mut texts = row.texts().map(trim).filter(|t| !t.is_empty());
            if let (Some(t), None) = (texts.next(), texts.next()) {
                let in_effect = [&above.level1, &above.level2]
                    .into_iter()
                    .flatten()
                    .any(|l| l.as_str() == t || l.starts_with(t));
                if in_effect {
                    break_above = true;
                    continue;
                }
            }
        }
        if let (false, Some(spans), Some(left)) = (split, spans.as_deref(), levels_left) {
            if let Some(named) = table_label_left_of(row, spans, left) {
                labelled = Some(named);
            }
        }
        let mut notes: Vec<(&str, String)> = Vec::new();
        if t.joined {
            notes.push((
                "row_joined",
                "a row cut by a page break was joined with its continuation".to_string(),
            ));
        }
        if t.cell_joined {
            notes.push((
                "row_joined",
                "a row cut by a line break inside a cell was joined with the rest of it"
                    .to_string(),
            ));
        }
        // A note under the table (注：…) is prose, like the signature
        // below it: neither an indicator nor a placeholder row.
        // So is the page's own text printed across the grid (第1页, 续表).
        let mut texts = row.texts().map(trim).filter(|t| !t.is_empty()).peekable();
        let around = texts.peek().is_some()
            && texts.all(is_text_around_table)
            && !numbers_in_value_columns(row, &map);
        if is_table_note(row, &map) || is_sign_off_row(row) || around {
            last_name = None;
            continue;
        }
        if let Some((level, name)) = group_heading(row, &map) {
            match level {
                GroupLevel::One => {
                    heading = Levels {
                        level1: Some(name),
                        level2: None,
                    }
                }
                GroupLevel::Two => heading.level2 = Some(name),
            }
            // No merged cell reaches across a heading row.
            above = Levels::default();
            carried.iter_mut().for_each(|c| *c = None);
            last_name = None;
            continue;
        }
        let read = match spans.as_deref() {
            Some(spans) => {
                let from_above = Above {
                    levels: &above,
                    values: &carried,
                    blanks: row_blanks,
                };
                let read = read_by_column(row, spans, &map, &from_above, is_label, &mut notes);
                match read {
                    Some(r) if !flat && !split && misread_short_row(row, spans, &map, &r) => {
                        let mut moved_notes = Vec::new();
                        let moved = read_short_row_moved(
                            row,
                            spans,
                            &map,
                            (&above, &carried),
                            is_label,
                            &mut moved_notes,
                        );
                        if moved.is_some() {
                            notes = moved_notes;
                            notes.push((
                                "shifted_cells",
                                "a row short of the table's columns, its first cells merged from above without a rowspan: its cells moved right".to_string(),
                            ));
                            moved
                        } else {
                            // No column fits: the text dumps' repairs.
                            result.used_known = true;
                            notes.retain(|(code, _)| *code != "unplaced_cell");
                            let read = read_shifted(row, &map, &above, is_label, known, &mut notes);
                            if !notes.iter().any(|(code, _)| *code == "shifted_cells") {
                                notes.push((
                                    "shifted_cells",
                                    "a row short of the table's columns; value columns read from the right".to_string(),
                                ));
                            }
                            read
                        }
                    }
                    read => read,
                }
            }
            _ => {
                result.used_known = true;
                read_shifted(row, &map, &above, is_label, known, &mut notes)
            }
        };
        let Some(mut read) = read else {
            // A line holding only the rest of a level name above it (a
            // table without rules prints a wrapped cell's lines as rows).
            let mut texts = row.texts().map(trim).filter(|t| !t.is_empty());
            let rest_of_level = match (texts.next(), texts.next()) {
                (Some(t), None) => {
                    let fragment = Levels {
                        level1: Some(t.to_string()),
                        level2: Some(t.to_string()),
                    };
                    level_cut_by_page_break(&above, &fragment, known).map(|c| (c, t))
                }
                _ => None,
            };
            if let Some(((cut, whole), t)) = rest_of_level {
                let note = format!(
                    "the next line ({t}) holds only the rest of the level name, joined to it"
                );
                join_cut_level(&mut out, &cut, &whole, Some(&note));
                *level_mut(&mut above, cut.0) = Some(whole);
                continue;
            }
            let pushed = out.last_mut().zip(last_name.take());
            // A text dump's line holding only the rest of the name above
            // it. (Other rows that cannot be read are the prose around the
            // table: signatures, dates, notes.)
            if let Some((o, n, line)) =
                pushed.and_then(|(o, (col, n))| wrapped_name_line(row, col).map(|t| (o, n, t)))
            {
                let len = o.len();
                for (_, ind, ind_notes) in o.iter_mut().skip(len.saturating_sub(n)) {
                    if let Some(name) = ind.level3.as_mut() {
                        *name = join_wrapped(name, line);
                    }
                    ind_notes.push((
                        "row_joined",
                        format!(
                            "the next line ({line}) holds only the rest of the name, joined to it"
                        ),
                    ));
                }
            } else if let Some(text) = unread_text(row) {
                let group = groups.len().saturating_sub(1);
                if gridded && row.spans.is_none() {
                    if !super::is_letter_boilerplate(&text) {
                        outside.push((group, text, row.page));
                    }
                } else {
                    unread.push((group, text, row.page));
                }
            }
            continue;
        };
        last_name = None;
        // (Both levels may be cut: 满意度指 / 标 beside 服务对象满意 / 度指标.)
        let levels_to_mend = if after_break { 2 } else { 0 };
        for _ in 0..levels_to_mend {
            let Some((cut, whole)) = level_cut_by_page_break(&above, &read.levels, known) else {
                break;
            };
            join_cut_level(&mut out, &cut, &whole, None);
            let rest = level_mut(&mut read.levels, cut.0)
                .replace(whole.clone())
                .unwrap_or_default();
            // (The rows below that continue the merge take the whole name.)
            set_level_values(&mut read.values, &map, cut.0, &whole);
            notes.push((
                "row_joined",
                format!(
                    "a level name cut by a page break was joined: {} + {rest}",
                    cut.1
                ),
            ));
        }
        // A merged level cell printed again in part on the new page (its
        // text centred over the whole merge, clipped to the part there:
        // `度指标` of 服务对象满意度指标) is the name in effect.
        if after_break {
            for level in [1u8, 2] {
                let Some(whole) = reprinted_part_of(&above, &read.levels, level, known) else {
                    continue;
                };
                *level_mut(&mut read.levels, level) = Some(whole.clone());
                set_level_values(&mut read.values, &map, level, &whole);
            }
        }
        if read.levels.level1.is_none() {
            read.levels.level1.clone_from(&heading.level1);
        }
        if read.levels.level2.is_none() {
            read.levels.level2.clone_from(&heading.level2);
        }
        // A row short of the table's columns (repaired) does not end the
        // merges from above in the columns it does not reach: the rows
        // below them still continue them.
        let reach = row.spans.as_ref().and_then(|s| s.last()).map(|s| s.right);
        for (i, (c, v)) in carried.iter_mut().zip(&read.values).enumerate() {
            let beyond = reach.is_some_and(|r| map.leaves.get(i).is_some_and(|l| l.span.left >= r));
            if !beyond {
                c.clone_from(v);
            }
        }
        above = read.levels.clone();
        if flat {
            let name = project_value(&read.values, Field::ProjectName);
            let unit = project_value(&read.values, Field::UnitName);
            // The 合计 row of a flat table sums the projects: not one
            // (合计 under the name or unit, or in the 序号 column first).
            if [&name, &unit]
                .iter()
                .any(|v| v.as_deref().is_some_and(is_total))
                || row.texts().next().is_some_and(is_total)
            {
                above = Levels::default();
                continue;
            }
            let budget = project_value(&read.values, Field::Budget);
            let goal = project_value(&read.values, Field::Goal);
            let info: Vec<(String, String)> = map
                .leaves
                .iter()
                .zip(&read.values)
                .filter(|(l, _)| l.field == Field::ProjectInfo)
                .filter_map(|(l, v)| Some((l.header.clone(), v.clone()?)))
                .collect();
            // Another project under the same name (办公设备购置 of two
            // units): its unit, budget or goal differs from the group's.
            let differs =
                |a: &Option<String>, b: &Option<String>| a.is_some() && b.is_some() && a != b;
            let info_differs = |g: &FlatProject| {
                info.iter()
                    .any(|(h, v)| g.info.iter().any(|(gh, gv)| gh == h && gv != v))
            };
            let new_project = groups.last().is_some_and(|g| {
                name != g.name
                    || info_differs(g)
                    || differs(&unit, &g.unit_name)
                    || differs(&budget, &g.budget)
                    || differs(&goal, &g.goal)
            });
            if name.is_some() && new_project {
                let first = groups
                    .last()
                    .is_some_and(|g| g.name.is_none() && g.rows == 0);
                if !first {
                    groups.push(FlatProject::default());
                    out.push(Vec::new());
                }
                // A unit printed once over its projects (the cells below
                // it blank, not merged) is each one's unit.
                let unit = unit.or_else(|| groups.iter().rev().find_map(|g| g.unit_name.clone()));
                if let Some(g) = groups.last_mut() {
                    g.name = name;
                    g.unit_name = unit;
                    g.budget = budget;
                    g.goal = goal;
                    g.info = info;
                }
            }
        }
        if let Some(g) = groups.last_mut() {
            g.rows += 1;
            g.first_page = g.first_page.or(row.page);
            g.last_page = row.page.or(g.last_page);
        }
        if read.explicit_level2 {
            if let (Some(l1), Some(l2)) = (&read.levels.level1, &read.levels.level2) {
                result.known.pairs.insert((l1.clone(), l2.clone()));
                result.known.names.insert(l2.clone());
            }
        }
        // A 合计 (or a group's 小计) row sums the weights: not an
        // indicator. Its own first text says so; merged level cells above
        // it print nothing in it.
        if !flat && row.texts().next().is_some_and(is_total) {
            let w = Warning {
                code: "total_row".to_string(),
                message: format!(
                    "a total row (合计, 小计) was skipped: {}",
                    super::truncate(
                        &row.cells
                            .join(" | ")
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                        60
                    )
                ),
                table: Some(table.as_str().to_string()),
                seq: None,
                page: row.page,
            };
            if let Some(g) = groups.last_mut() {
                g.warnings.push(w);
            }
            // A group's 小计 leaves the group's level names to the rows
            // below; a table's 合计 ends them.
            if !row.texts().next().is_some_and(is_subtotal) {
                above = Levels::default();
                let weight_at = map.leaves.iter().position(|l| l.field == Field::Weight);
                let printed = weight_at
                    .and_then(|i| read.values.get(i).cloned().flatten())
                    .and_then(|v| parse_number(v.trim_end_matches('分')));
                let rows = out.last().map(|o| o.get(summed_from..).unwrap_or_default());
                if let Some(w) = printed
                    .zip(rows)
                    .and_then(|(total, rows)| weights_disagree(rows, total, table, row.page))
                {
                    if let Some(g) = groups.last_mut() {
                        g.warnings.push(w);
                    }
                }
                summed_from = out.last().map_or(0, Vec::len);
            }
            continue;
        }
        if read.placeholder {
            let names: Vec<&str> = [&read.levels.level1, &read.levels.level2]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            // (Its name and values, if any, are fill marks: `/`, `——`, `无`.)
            let filled = read.level3.is_some()
                || read
                    .values
                    .iter()
                    .any(|v| v.as_deref().is_some_and(is_filler));
            let what = if filled {
                "level names and fill marks (/, —, 无) only"
            } else {
                "level names and nothing else"
            };
            // Figures in the level columns are no template's level names:
            // the row's cells stand left of their columns (a table cut in
            // two where a merged cell went on), and it is an indicator lost.
            let figures = names.iter().any(|n| {
                n.chars().any(|c| c.is_ascii_digit())
                    && !vocab::is_level1_name(n)
                    && !vocab::is_level2_name(n)
            });
            let (code, message) = if figures {
                (
                    "unread_row",
                    format!(
                        "a row with figures in its level columns ({}) was not read: its cells stand left of their columns",
                        names.join(" / ")
                    ),
                )
            } else {
                (
                    "empty_row",
                    format!(
                        "a row with {what} ({}) was skipped as a template placeholder",
                        names.join(" / ")
                    ),
                )
            };
            let w = Warning {
                code: code.to_string(),
                message,
                table: Some(table.as_str().to_string()),
                seq: None,
                page: row.page,
            };
            if let Some(g) = groups.last_mut() {
                g.warnings.push(w);
            }
            continue;
        }
        let mut pushed = 0usize;
        for &period in &periods {
            if let Some(p) = period {
                if !has_period_values(&map, &read.values, p) {
                    continue;
                }
            }
            let t = period.or(labelled).unwrap_or(table);
            let mut ind = Indicator {
                table: t,
                level1: read.levels.level1.clone(),
                level2: read.levels.level2.clone(),
                level3: read.level3.clone(),
                page: row.page,
                ..Indicator::default()
            };
            let mut row_notes = notes.clone();
            row_notes.extend(fill_indicator(&mut ind, &map, &read.values, period));
            // A target beside no name: the name was lost (a cell clipped
            // to a sliver, or shifted away), which no other note may say.
            if ind.level3.is_none()
                && ind.target.is_some()
                && !row_notes.iter().any(|(code, _)| *code == "missing_cell")
            {
                row_notes.push((
                    "missing_cell",
                    "a target without an indicator name: 三级指标 is empty".to_string(),
                ));
            }
            if let Some(o) = out.last_mut() {
                o.push((t, ind, row_notes));
                pushed += 1;
            }
        }
        // Where a text dump's row printed its name, for a wrapped line
        // under it.
        if row.spans.is_none() || !map.reliable {
            last_name = read.level3.as_deref().and_then(|name| {
                let col = row.cells.iter().position(|c| trim(c) == name)?;
                (pushed > 0).then_some((col, pushed))
            });
        }
    }
    // The other table a label column gave rows to reads the same columns.
    for other in [IndicatorTable::LongTerm, IndicatorTable::Annual] {
        let used = out.iter().flatten().any(|(t, _, _)| *t == other);
        if used && !result.columns.iter().any(|(t, _)| *t == other) {
            result.columns.push((other, map.columns(other, false)));
        }
    }
    for (k, group) in groups.iter_mut().enumerate() {
        let lines: Vec<(&str, Option<u32>)> = unread
            .iter()
            .filter(|(g, _, _)| *g == k)
            .map(|(_, t, p)| (t.as_str(), *p))
            .collect();
        group.warnings.extend(unread_warnings(&lines, table));
        group.warnings.extend(
            outside
                .iter()
                .filter(|(g, _, _)| *g == k)
                .map(|(_, text, page)| Warning {
                    page: *page,
                    ..super::outside_sections(text)
                }),
        );
    }
    for (mut group, mut rows) in groups.into_iter().zip(out) {
        // Long-term rows first where one table gave both.
        rows.sort_by_key(|(t, _, _)| *t != IndicatorTable::LongTerm);
        let mut seqs = [0u32; 2];
        for (t, ind, notes) in rows {
            let Some(seq) = seqs.get_mut(t as usize) else {
                continue;
            };
            *seq += 1;
            let name = ind
                .level3
                .clone()
                .or_else(|| ind.level2.clone())
                .or_else(|| ind.level1.clone())
                .unwrap_or_default();
            for (code, message) in notes {
                group.warnings.push(Warning {
                    code: code.to_string(),
                    message: format!("{name}: {message}"),
                    table: Some(t.as_str().to_string()),
                    seq: Some(*seq),
                    page: ind.page,
                });
            }
            group.indicators.push(ind);
        }
        if flat {
            result.flat.push(group);
        } else {
            result.indicators.extend(group.indicators);
            result.warnings.extend(group.warnings);
        }
    }
    if flat {
        result.budget_header = map
            .leaves
            .iter()
            .find(|l| l.field == Field::Budget)
            .map(|l| l.header.clone());
    }
    result
}

/// A row's texts in the cells it has of its own (not a merged cell's
/// continuation from a row above), with their positions.
fn own_texts(row: &Row) -> impl Iterator<Item = (usize, &String)> {
    row.cells.iter().enumerate().filter(|(i, c)| {
        !trim(c).is_empty()
            && row
                .spans
                .as_ref()
                .and_then(|s| s.get(*i))
                .is_none_or(|s| !s.continued)
    })
}

/// A row that is a note under the table: one text, led by
/// 注：/ 说明：/ 备注：, or (in a grid) one sentence across the level and
/// target columns.
fn is_table_note(row: &Row, map: &HeaderMap) -> bool {
    let mut own = own_texts(row);
    let Some((i, text)) = own.next() else {
        return false;
    };
    if let Some((_, note)) = own.next() {
        // A note's label in its own cell, the note beside it: `备注 |
        // 本表指标值为年度目标值…`.
        let label = squash(text);
        let label = label.trim_end_matches([':', '：']);
        return own.next().is_none()
            && matches!(
                label,
                "注" | "说明" | "备注" | "附注" | "填表说明" | "备注说明"
            )
            && (note.contains(['。', '，', '；']) || note.chars().count() >= 10);
    }
    let text = trim(text);
    let led = super::led_as_note(text, &['：', ':', '1', '１', '（', '(']);
    let across = row
        .spans
        .as_ref()
        .and_then(|s| s.get(i))
        .is_some_and(|span| {
            let covers = |f: Field| {
                map.leaves
                    .iter()
                    .filter(|l| l.field == f)
                    .any(|l| l.span.overlap(span) > 0)
            };
            covers(Field::Level1) && covers(Field::Target)
        });
    // Across the table, a sentence; a group's name (产出指标) or a table's
    // label printed across it is not a note.
    let sentence = text.contains(['。', '，', '；']) || text.chars().count() >= 15;
    let level = vocab::is_level1_name(text) || vocab::is_level2_name(text);
    led || (across && sentence && !level)
}

/// The text of a row inside the table that was read as nothing. (Rows of
/// the page's or the form's own text around the table never get here:
/// the data loop skips them, see [`is_text_around_table`].)
fn unread_text(row: &Row) -> Option<String> {
    let texts: Vec<&str> = row.texts().map(trim).filter(|t| !t.is_empty()).collect();
    (!texts.is_empty()).then(|| texts.join(" | "))
}

/// Lines of a table read as nothing: each said where there are a few; a
/// table most of whose lines went unread (a layout pifu could not place)
/// is said once, with the first of them.
fn unread_warnings(lines: &[(&str, Option<u32>)], table: IndicatorTable) -> Vec<Warning> {
    const SAID_EACH: usize = 3;
    let warning = |message: String, page: Option<u32>| Warning {
        code: "unread_row".to_string(),
        message,
        table: Some(table.as_str().to_string()),
        seq: None,
        page,
    };
    if lines.len() <= SAID_EACH {
        return lines
            .iter()
            .map(|(text, page)| {
                warning(
                    format!(
                        "a line inside the table was read as no indicator's (a wrapped cell's line, or a row pifu could not place): {}",
                        super::truncate(text, 60)
                    ),
                    *page,
                )
            })
            .collect();
    }
    let first: Vec<String> = lines
        .iter()
        .take(SAID_EACH)
        .map(|(t, _)| super::truncate(t, 30))
        .collect();
    vec![warning(
        format!(
            "{} lines inside the table were read as no indicator's (wrapped cells' lines, or rows pifu could not place), the first: {}",
            lines.len(),
            first.join(" / ")
        ),
        lines.first().and_then(|(_, p)| *p),
    )]
}

/// Whether every text of a grid row is a number in a value column of its
/// own (a weight under merged level cells, `| | | | 10 |`): cells of the
/// table, not a page number printed across it.
fn numbers_in_value_columns(row: &Row, map: &HeaderMap) -> bool {
    let Some(spans) = row.spans.as_ref().filter(|_| map.reliable) else {
        return false;
    };
    let mut texts = row
        .cells
        .iter()
        .zip(spans)
        .filter(|(c, s)| !s.continued && !trim(c).is_empty())
        .peekable();
    texts.peek().is_some()
        && texts.all(|(c, s)| {
            let field = leaf_of(s, &map.leaves)
                .and_then(|i| map.leaves.get(i))
                .map(|l| l.field);
            parse_number(c).is_some()
                && matches!(field, Some(Field::Weight | Field::Target | Field::History))
        })
}

/// Text printed around a table rather than in it: a page number, 续表 over
/// a table's continuation, an attachment's number (附件2), a numbered
/// note's sentence, a date, a unit signing the form.
fn is_text_around_table(t: &str) -> bool {
    // Each kind is tried only where a cheap look says it may be one: this
    // runs on the cells of every row.
    let continued = || super::joins::is_continuation_word(&squash(t));
    let attachment = || {
        let bare = squash(t);
        ["附件", "附表"].iter().any(|p| {
            bare.strip_prefix(p).is_some_and(|r| {
                r.trim_end_matches([':', '：'])
                    .chars()
                    .all(|c| c.is_ascii_digit() || super::ATTACHMENT_NUMERALS.contains(c))
            })
        })
    };
    let note_item = || crate::layout::enumerator_len(&squash(t)).is_some();
    crate::layout::pdf::furniture::is_page_number(t)
        || (t.len() <= 30 && (t.contains('续') || t.contains('接')) && continued())
        || (t.contains('附') && attachment())
        || (t.trim_end().ends_with('。') && note_item())
        || super::is_full_date(t)
        || is_unit_signature(t)
}

/// A unit's name signing the form under its table (`浠水县财政局`).
fn is_unit_signature(t: &str) -> bool {
    if t.len() > 100 {
        return false;
    }
    let t = squash(t);
    let t = t
        .strip_suffix("（盖章）")
        .or_else(|| t.strip_suffix("(盖章)"))
        .unwrap_or(&t);
    [
        "局",
        "委员会",
        "委",
        "办公室",
        "厅",
        "政府",
        "中心",
        "院",
        "所",
        "站",
        "馆",
        "处",
        "部",
    ]
    .iter()
    .any(|s| t.ends_with(s))
        && (3..=24).contains(&t.chars().count())
        && !t.chars().any(|c| c.is_ascii_digit())
        && !crate::layout::is_sentence(t)
}

/// Which level a group's heading row names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupLevel {
    One,
    Two,
}

/// A row that only names a group of the rows under it: one text, a level-1
/// or level-2 name, printed across the table (`一、产出指标` from the first
/// column over the target's), or numbered on a line of its own where
/// positions are unknown (an unnumbered name alone on a line there may be
/// a merged level cell printed between its rows).
fn group_heading(row: &Row, map: &HeaderMap) -> Option<(GroupLevel, String)> {
    // Beside the name, the group's number in a 序号 column (`一`, `1`)
    // and its weight (the sum of its rows') may be printed.
    let aside = |k: usize, text: &str| beside_group_name(row, map, k, text);
    let mut own = own_texts(row).filter(|(k, t)| !aside(*k, t));
    let (i, text) = own.next()?;
    if own.next().is_some()
        || row
            .cells
            .iter()
            .enumerate()
            .take(i)
            .any(|(k, c)| !trim(c).is_empty() && !aside(k, c))
    {
        return None;
    }
    let bare = squash(text);
    let numbered = crate::layout::enumerator_len(&bare);
    let name = bare.get(numbered.unwrap_or(0)..).unwrap_or_default();
    let level = if vocab::is_level1_name(name) {
        GroupLevel::One
    } else if vocab::is_level2_name(name) {
        GroupLevel::Two
    } else {
        return None;
    };
    let placed = match row.spans.as_ref().filter(|_| map.reliable) {
        Some(spans) => {
            let span = spans.get(i)?;
            let first = map
                .leaves
                .iter()
                .find(|l| !l.field.is_not_indicator() && !is_row_number_header(&l.header))?;
            let covers_target = map
                .leaves
                .iter()
                .any(|l| l.field == Field::Target && l.span.overlap(span) > 0);
            first.span.overlap(span) > 0 && covers_target
        }
        None => numbered.is_some() && row.cells.len() == 1,
    };
    placed.then(|| (level, name.to_string()))
}

/// A cell of a group's heading row that is no part of its name: the
/// group's number in a 序号 column, or its weight in the weight column
/// (in a table whose cells have reliable positions).
fn beside_group_name(row: &Row, map: &HeaderMap, k: usize, text: &str) -> bool {
    let Some(span) = row
        .spans
        .as_ref()
        .filter(|_| map.reliable)
        .and_then(|s| s.get(k))
    else {
        return false;
    };
    let Some(leaf) = leaf_of(span, &map.leaves).and_then(|l| map.leaves.get(l)) else {
        return false;
    };
    let t = trim(text);
    let numeral = |t: &str| {
        let t = t.trim_matches(['(', ')', '（', '）', '.', '、']);
        !t.is_empty()
            && t.chars().count() <= 3
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '一'..='十' | '〇'))
    };
    (is_row_number_header(&leaf.header) && numeral(t))
        || (leaf.field == Field::Weight && parse_number(t.trim_end_matches('分')).is_some())
}

/// The sign-off line printed as the table's last row (`单位负责人：李明 |
/// 财务负责人：王芳 | 填表人：张丽`, `编制单位：某局 | 2025年1月8日`,
/// `分管领导： | 经办人：`): every text a signing field with its value or
/// blank, or the date.
fn is_sign_off_row(row: &Row) -> bool {
    let signing = |t: &str| {
        t.split_once([':', '：'])
            .is_some_and(|(label, _)| is_signing_label(label))
    };
    let texts: Vec<&str> = row.text_vec();
    // An official letter's imprint under its last form (版记): `抄送：…`,
    // `某局办公室 | 2026年3月13日印发`.
    let imprint = texts.iter().any(|t| {
        let t = squash(t);
        t.starts_with("抄送") || (t.ends_with("印发") && t.contains('月') && t.contains('日'))
    });
    imprint
        || (texts.iter().any(|t| signing(t))
            && texts.iter().all(|t| signing(t) || super::is_full_date(t)))
}

/// Whether a label (the text before its colon) is a field of a sign-off
/// line: a listed one, or a unit's stamp (单位（签章）, 部门（盖章）).
pub(super) fn is_signing_label(label: &str) -> bool {
    let k = squash(label);
    let unstamped = ["（签章）", "(签章)", "（盖章）", "(盖章)"]
        .iter()
        .find_map(|s| k.strip_suffix(s));
    match unstamped {
        Some(rest) => {
            rest.is_empty()
                || ["单位", "部门"].iter().any(|w| rest.ends_with(w))
                || SIGN_OFF_FIELDS.contains(&rest)
        }
        None => SIGN_OFF_FIELDS.contains(&&*k),
    }
}

/// The fields of a form's sign-off line.
pub(super) const SIGN_OFF_FIELDS: &[&str] = &[
    "单位负责人",
    "部门负责人",
    "主要负责人",
    "财务负责人",
    "分管领导",
    "负责人",
    "填表人",
    "填报人",
    "制表人",
    "经办人",
    "审核人",
    "联系人",
    "联系电话",
    "单位签章",
    "单位盖章",
    "签章",
    "盖章",
    "复核人",
    "批准人",
    "编制单位",
    "填报单位",
    "填报日期",
    "填表日期",
    "编制日期",
    "日期",
];

/// The text of a row that holds only the rest of the name above it: one
/// text, in the name's column `col`, not a level name or a value.
fn wrapped_name_line(row: &Row, col: usize) -> Option<&str> {
    let mut texts = row
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, trim(c)))
        .filter(|(_, c)| !c.is_empty());
    let (i, text) = texts.next()?;
    // A line that ends at its text: a row of the table printed with only
    // a name keeps the tabs of its empty cells.
    let lone = texts.next().is_none() && row.cells.len() == i + 1;
    let is_value = parse_target_stated(text).is_some();
    let is_level = vocab::is_level1_name(text) || vocab::is_level2_name(text);
    (lone && i == col && !is_value && !is_level && !is_total(text)).then_some(text)
}

/// A mark a template's unused row is filled with (`/`, `——`, `无`): in
/// the name column as well as the values, it is no indicator.
pub(super) fn is_filler(s: &str) -> bool {
    matches!(
        squash(s).as_ref(),
        "/" | "／"
            | "\\"
            | "-"
            | "－"
            | "--"
            | "—"
            | "——"
            | "———"
            | "─"
            | "无"
            | "空"
            | "…"
            | "……"
            | "…………"
    )
}

/// 合计, 小计, 总计 (or a group's `产出指标小计`): a row that sums others.
fn is_total(s: &str) -> bool {
    let t = squash(s);
    matches!(&*t, "合计" | "小计" | "总计")
        || (t.chars().count() <= 10 && (t.ends_with("小计") || t.ends_with("合计")))
}

/// A 合计 row's weight (`total`) that the weights of the rows it sums do
/// not add up to: a row lost or misread (or figures that disagree as
/// printed), said. A weight merged over a level-1 group is each of its
/// rows': the sum with each run of one weight under one level 1 taken
/// once agrees as well. Rows without a weight leave it unchecked. A table
/// printing long-term and annual values side by side gives each row to
/// both periods, its one weight with it: the rows of one period sum.
fn weights_disagree(
    rows: &[(IndicatorTable, Indicator, Vec<Note>)],
    total: f64,
    table: IndicatorTable,
    page: Option<u32>,
) -> Option<Warning> {
    let mut periods: Vec<IndicatorTable> = rows.iter().map(|(t, _, _)| *t).collect();
    periods.sort_by_key(|t| t.as_str());
    periods.dedup();
    if periods.len() > 1 {
        let mut warning = None;
        for p in periods {
            let own: Vec<_> = rows.iter().filter(|(t, _, _)| *t == p).cloned().collect();
            // (Agreeing for either period is agreeing.)
            warning = Some(weights_disagree(&own, total, table, page)?);
        }
        return warning;
    }
    let weights: Vec<(Option<&str>, f64)> = rows
        .iter()
        .map(|(_, ind, _)| Some((ind.level1.as_deref(), ind.weight?)))
        .collect::<Option<_>>()?;
    if weights.is_empty() {
        return None;
    }
    let all: f64 = weights.iter().map(|(_, w)| w).sum();
    let runs_once: f64 = weights
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || weights.get(i - 1) != Some(w))
        .map(|(_, (_, w))| w)
        .sum();
    let agrees = |sum: f64| (sum - total).abs() < 0.01;
    if agrees(all) || agrees(runs_once) {
        return None;
    }
    Some(Warning {
        code: "total_mismatch".to_string(),
        message: format!(
            "the 合计 row prints a weight of {total} but the {} rows above it add up to {} (a row lost or misread, or the printed figures disagree)",
            weights.len(),
            (all * 100.0).round() / 100.0
        ),
        table: Some(table.as_str().to_string()),
        seq: None,
        page,
    })
}

/// A group's subtotal (小计, 产出指标小计), which leaves the group's level
/// names to the rows below it.
fn is_subtotal(s: &str) -> bool {
    squash(s).ends_with("小计")
}

/// One project of a flat table of projects (SPEC §2.4): the fields printed
/// on its first row, and its indicator rows.
#[derive(Debug, Clone, Default)]
pub struct FlatProject {
    pub unit_name: Option<String>,
    pub name: Option<String>,
    pub budget: Option<String>,
    pub goal: Option<String>,
    /// Its other fields (项目编码, 实施单位 …): (header, value).
    pub info: Vec<(String, String)>,
    pub rows: usize,
    pub first_page: Option<u32>,
    pub last_page: Option<u32>,
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
}

/// A warning's code and message, before the row's seq is known.
type Note = (&'static str, String);

/// What reading one data row gave.
#[derive(Debug, Clone, Default)]
struct RowRead {
    /// Level 1 and 2 in effect after the row.
    levels: Levels,
    level3: Option<String>,
    /// One per leaf of the header.
    values: Vec<Option<String>>,
    explicit_level2: bool,
    /// Level names and nothing else: a template's placeholder row.
    placeholder: bool,
}

/// Reads a row of a reliable table by column. Level names are filled down
/// (a merged cell cut by a page break prints its name once); a new level 1
/// starts a new level-2 group.
/// The positions of a row from a table printed without the header's
/// label column (年度绩效指标 over its rows in the first table, the
/// continuation in a second table that starts with 效益指标): narrower
/// by the label column's width, so every cell moves right by it. `None`
/// where the row fills the header's width, or the columns it lacks are
/// not the label's.
fn without_label_column(row: &Row, spans: &[Span], map: &HeaderMap) -> Option<Vec<Span>> {
    let row_left = spans.iter().map(|s| s.left).min()?;
    let row_right = spans.iter().map(|s| s.right).max()?;
    let head_left = map.leaves.iter().map(|l| l.span.left).min()?;
    let head_right = map.leaves.iter().map(|l| l.span.right).max()?;
    let offset = head_right - row_right;
    if offset <= 0 || row_left != head_left {
        return None;
    }
    // A row whose first cell is the label's, merged down from above, or
    // left empty (a Word row that starts a column in), has the label
    // column: it is short on the right (a missing last cell).
    let first_is_text = spans
        .iter()
        .zip(&row.cells)
        .find(|(s, _)| s.left == row_left)
        .is_some_and(|(s, c)| !s.continued && !trim(c).is_empty());
    if !first_is_text {
        return None;
    }
    let label_first = map
        .leaves
        .iter()
        .filter(|l| l.span.left < head_left + offset)
        .all(|l| l.field == Field::Label && l.span.right <= head_left + offset);
    let has_label = map.leaves.iter().any(|l| l.field == Field::Label);
    (label_first && has_label).then(|| {
        spans
            .iter()
            .map(|s| Span {
                left: s.left + offset,
                right: s.right + offset,
                continued: s.continued,
            })
            .collect()
    })
}

/// What an empty level cell of a reliable row means.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum BlankLevel {
    /// The name of the row above (a template that leaves the cells under a
    /// name blank instead of merging them, the part of a merged cell that
    /// a page break or the end of a table cut off from its name).
    #[default]
    SameAsAbove,
    /// No name: an empty cell merged over rows whose level-2 names the
    /// framework puts under another level 1 than the one above.
    Empty,
    /// The name the merged cell's part after the page break prints.
    Printed(String),
}

/// A reliable row's cell in a level column: whether it continues a merged
/// cell, and its text.
fn level_cell<'r>(
    row: &'r Row,
    spans: &[Span],
    map: &HeaderMap,
    level: usize,
) -> Option<(bool, &'r str)> {
    let leaf = map
        .leaves
        .iter()
        .position(|l| l.field.level() == Some(level))?;
    row.cells
        .iter()
        .zip(spans)
        .find(|(_, s)| leaf_of(s, &map.leaves) == Some(leaf))
        .map(|(c, s)| (s.continued, trim(c)))
}

/// What each level cell left blank in the reliable rows of a table means
/// ([`BlankLevel`]), per data row, given each row's spans as read.
/// - The last row before a page break takes the names that the first row
///   after it prints, in a column that merges its names elsewhere (a
///   merged cell whose name the producer printed in its later part); its
///   level 2 does so when its level 1 did, or when the row after the
///   break goes on in the same level 1. So does an empty cell merged over
///   the page's last rows (its level 1 unless the level 2 beside it
///   belongs under another).
/// - An empty level cell merged over rows of a structured table (not its
///   first row) is empty; so is an empty level-1 cell merged over rows
///   whose level-2 names belong under another level 1 than the one above.
/// - Otherwise a blank fills down.
fn blank_levels(rows: &[(&Row, Option<&[Span]>)], map: &HeaderMap) -> Vec<[BlankLevel; 2]> {
    // Each row's level cells, read once.
    let cells: Vec<[Option<(bool, &str)>; 2]> = rows
        .iter()
        .map(|(r, s)| [0, 1].map(|k| s.and_then(|s| level_cell(r, s, map, k))))
        .collect();
    let cell_at = |j: usize, k: usize| cells.get(j).and_then(|c| c.get(k)).copied().flatten();
    // Whether the column merges its names anywhere in the table.
    let merged: Vec<bool> = (0..2)
        .map(|k| (0..rows.len()).any(|j| cell_at(j, k).is_some_and(|(continued, _)| continued)))
        .collect();
    // Rows whose own level cell is blank: one alone (right before a page
    // break) is no template's "same as above" but a merged cell cut by it.
    let blanks = |k: usize| {
        (0..rows.len())
            .filter(|&j| cell_at(j, k) == Some((false, "")))
            .count()
    };
    let (blank_level1, blank_level2) = (blanks(0), blanks(1));
    let mut out = vec![<[BlankLevel; 2]>::default(); rows.len()];
    // The level 1 last printed, and whether a level 2 was printed since.
    // (Or the name a blank merged level-1 cell took from after a page
    // break: Calc prints a merged cell's name in its part on the next page.)
    let mut level1: Option<String> = None;
    let mut level2_printed = false;
    for (j, (row, spans)) in rows.iter().enumerate() {
        if spans.is_none() {
            continue;
        }
        let cell = |k: usize| cell_at(j, k);
        // The next row's cell, and the same after a page break only.
        let after = |k: usize| cell_at(j + 1, k);
        let next_after_break = rows.get(j + 1).is_some_and(|(n, _)| n.after_page_break);
        let next = |k: usize| after(k).filter(|_| next_after_break);
        let printed = |k: usize| {
            next(k)
                .filter(|(continued, t)| !continued && !t.is_empty())
                .map(|(_, t)| t.to_string())
        };
        // The cell starts a merge over this row and the next.
        let merge_starts = |k: usize| after(k).is_some_and(|(continued, _)| continued);
        // The name printed right after a page break that ends the empty
        // merged cell this row starts (the producer printed it in the
        // cell's part on the next page), and the row that prints it. (An
        // empty merged cell from the top of a page on is the part of one
        // from the page before, whose name is printed there.)
        let printed_after_merge = |k: usize| {
            if !merge_starts(k) || row.after_page_break {
                return None;
            }
            let mut last = j + 1;
            while cell_at(last + 1, k).is_some_and(|(continued, _)| continued) {
                last += 1;
            }
            let (next, _) = rows.get(last + 1)?;
            let (continued, name) = cell_at(last + 1, k)?;
            (next.after_page_break && !continued && !name.is_empty()).then_some((name, last + 1))
        };
        let Some(slots) = out.get_mut(j) else {
            continue;
        };
        let [slot1, slot2] = slots;
        // An empty cell merged over this row and the next, inside a table
        // of a structured file (not its first row, where it may be the cut
        // part of a merged cell of a table split in two).
        let empty_merge = |k: usize| {
            !row.table_start && !row.after_page_break && row.page.is_none() && merge_starts(k)
        };
        if cell(0) == Some((false, "")) {
            let own_level2 = cell(1).filter(|(c, t)| !c && !t.is_empty()).map(|(_, t)| t);
            let after_merge = printed_after_merge(0)
                .map(|(t, _)| t)
                .filter(|t| !own_level2.is_some_and(|l2| vocab::contradicts(t, l2)));
            *slot1 = match (printed(0), after_merge) {
                (Some(t), _) if merged.first().copied().unwrap_or(false) || blank_level1 == 1 => {
                    BlankLevel::Printed(t)
                }
                (_, Some(t)) => BlankLevel::Printed(t.to_string()),
                // (Unless the level-2 names under it belong under the
                // level 1 above: then it goes on.)
                _ if empty_merge(0)
                    && level1.as_deref().is_some_and(|l1| {
                        !own_level2.is_some_and(|l2| vocab::belongs_under(l1, l2))
                    }) =>
                {
                    BlankLevel::Empty
                }
                _ if merge_starts(0)
                    && !row.after_page_break
                    && level1
                        .as_deref()
                        .zip(own_level2)
                        .is_some_and(|(l1, l2)| vocab::contradicts(l1, l2)) =>
                {
                    BlankLevel::Empty
                }
                _ => BlankLevel::SameAsAbove,
            };
        }
        if let BlankLevel::Printed(t) = &*slot1 {
            level1 = Some(t.clone());
        }
        if cell(1) == Some((false, "")) {
            // The level 1 this row is in: its own, or the one above.
            let row_level1 = cell(0)
                .filter(|(continued, t)| !continued && !t.is_empty())
                .map(|(_, t)| t)
                .or(level1.as_deref());
            let goes_on =
                |(continued, t): (bool, &str)| continued || t.is_empty() || Some(t) == row_level1;
            // (The merged level-1 cell's name printed again in its part
            // after the break is the same level 1.)
            let same_level1 = next(0).is_none_or(goes_on);
            let level1_printed = matches!(slot1, BlankLevel::Printed(_));
            // (Where its level 1 goes on after the break, or was printed
            // there too.)
            let after_merge = printed_after_merge(1)
                .filter(|&(_, at)| level1_printed || cell_at(at, 0).is_none_or(goes_on))
                .map(|(t, _)| t);
            *slot2 = match (printed(1), after_merge) {
                (Some(t), _)
                    if level1_printed
                        || (same_level1
                            && (merged.get(1).copied().unwrap_or(false)
                                || (merged.first().copied().unwrap_or(false)
                                    && blank_level2 == 1))) =>
                {
                    BlankLevel::Printed(t)
                }
                (_, Some(t)) => BlankLevel::Printed(t.to_string()),
                _ if empty_merge(1) && level2_printed => BlankLevel::Empty,
                _ => BlankLevel::SameAsAbove,
            };
        }
        if let Some((false, t)) = cell(0).filter(|(_, t)| !t.is_empty()) {
            level1 = Some(t.to_string());
        }
        if cell(1).is_some_and(|(c, t)| !c && !t.is_empty()) {
            level2_printed = true;
        }
    }
    out
}

/// What a row read by column continues from the rows above it.
struct Above<'a> {
    /// The level names in effect.
    levels: &'a Levels,
    /// The row above's value per leaf, for cells that continue its merges.
    values: &'a [Option<String>],
    /// What this row's blank level cells mean.
    blanks: &'a [BlankLevel; 2],
}

fn read_by_column(
    row: &Row,
    spans: &[Span],
    map: &HeaderMap,
    from_above: &Above,
    is_label: &dyn Fn(&str) -> bool,
    notes: &mut Vec<(&'static str, String)>,
) -> Option<RowRead> {
    let Above {
        levels: above,
        values: carried,
        blanks,
    } = from_above;
    let (mut values, own, unplaced) = values_by_column(row, spans, map, carried);
    // (The table's own label printed again beside a page's rows, where
    // the header names no column for it, is no stray text.)
    let mut stray: Vec<String> = unplaced.into_iter().filter(|v| !is_label(v)).collect();
    for (i, leaf) in map.leaves.iter().enumerate() {
        if leaf.field == Field::Label {
            if let Some(v) = values.get_mut(i).and_then(Option::take) {
                if !is_label(&v) && own.get(i).copied().unwrap_or(false) {
                    stray.push(v);
                }
            }
        }
    }
    if !stray.is_empty() {
        notes.push((
            "unplaced_cell",
            format!("text outside every column: {}", stray.join(", ")),
        ));
    }
    let level = |k: usize| -> (Option<String>, bool) {
        map.leaves
            .iter()
            .enumerate()
            .filter(|(_, l)| l.field.level() == Some(k))
            .find_map(|(i, _)| {
                values
                    .get(i)
                    .cloned()
                    .flatten()
                    .map(|v| (v, own.get(i).copied().unwrap_or(false)))
            })
            .map_or((None, false), |(v, o)| (Some(v), o))
    };
    let printed = |k: usize| match blanks.get(k) {
        Some(BlankLevel::Printed(t)) => Some(t.clone()),
        _ => None,
    };
    let (l1, _) = level(0);
    let l1 = l1.or_else(|| printed(0));
    let (l2, own_l2) = match level(1) {
        (None, _) if printed(1).is_some() => (printed(1), true),
        l2 => l2,
    };
    // A level column under a cell of this row that starts in another
    // column (满意度指标 merged across 一级 and 二级) holds that cell, not
    // the name above.
    let covered = |k: usize| {
        map.leaves
            .iter()
            .filter(|l| l.field.level() == Some(k))
            .any(|l| {
                let width = l.span.right - l.span.left;
                row.cells.iter().zip(spans).any(|(c, s)| {
                    !s.continued
                        && !trim(c).is_empty()
                        && width > 0
                        && s.overlap(&l.span) * 2 >= width
                })
            })
    };
    let empty1 = l1.is_none() && (blanks.first() == Some(&BlankLevel::Empty) || covered(0));
    let empty2 = l2.is_none() && (blanks.get(1) == Some(&BlankLevel::Empty) || covered(1));
    let (l3, _) = level(2);
    // Level names and nothing else, or fill marks (`/`, `无`) only: no
    // name, and no indicator's value (a row's number in a 序号 column is
    // none).
    let placeholder = l3.as_deref().is_none_or(is_filler)
        && !map.leaves.iter().zip(&values).any(|(l, v)| {
            l.field.level().is_none()
                && !l.field.is_not_indicator()
                && !is_row_number_header(&l.header)
                && v.as_deref().is_some_and(|t| !is_filler(t))
        });
    let any_own = own.iter().any(|&o| o);
    // (A blank row under merged cells prints nothing of its own: the
    // values merged over it are the rows' around it.)
    if !any_own && l3.is_none() {
        return None;
    }
    let new_group = empty1
        || l1
            .as_ref()
            .is_some_and(|l| above.level1.as_ref() != Some(l));
    let levels = Levels {
        level1: if empty1 {
            None
        } else {
            l1.or_else(|| above.level1.clone())
        },
        level2: if new_group || empty2 {
            l2
        } else {
            l2.or_else(|| above.level2.clone())
        },
    };
    // Fill down in the values too, so that the next row's merged cells and
    // level names continue from here.
    for (i, leaf) in map.leaves.iter().enumerate() {
        let fill = match leaf.field {
            Field::Level1 => levels.level1.clone(),
            Field::Level2 => levels.level2.clone(),
            _ => continue,
        };
        if let Some(slot) = values.get_mut(i) {
            if slot.is_none() {
                *slot = fill;
            }
        }
    }
    Some(RowRead {
        placeholder,
        explicit_level2: own_l2,
        levels,
        level3: l3,
        values,
    })
}

/// Whether a row read by column reads as an indicator: it has a target,
/// and its first own cell, if in a level column, is a name of that level.
fn reads_as_indicator(row: &Row, spans: &[Span], map: &HeaderMap, read: &RowRead) -> bool {
    let has_target = map
        .leaves
        .iter()
        .zip(&read.values)
        .any(|(l, v)| l.field == Field::Target && v.is_some());
    // (A row without its target still reads as one when its first own
    // cell is a name of its level column's: `质量指标 | 验收合格率` under a
    // merged 产出指标, its last cell missing.)
    match first_fit(row, spans, map) {
        Fit::Named => true,
        Fit::Unchecked => has_target,
        Fit::No => false,
    }
}

/// How a row's first own text fits the column it stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// A name of the level its column holds.
    Named,
    /// In no level column (or no text): nothing to check.
    Unchecked,
    /// In a level column, but no name of that level.
    No,
}

fn first_fit(row: &Row, spans: &[Span], map: &HeaderMap) -> Fit {
    let first_own = row
        .cells
        .iter()
        .zip(spans)
        .filter(|(_, s)| !s.continued)
        .find_map(|(c, s)| clean_text(c).map(|t| (t, s)));
    let Some((text, span)) = first_own else {
        return Fit::No;
    };
    let named = match leaf_of(span, &map.leaves)
        .and_then(|i| map.leaves.get(i))
        .map(|l| l.field)
    {
        Some(Field::Level1) => vocab::is_level1_name(&text),
        Some(Field::Level2) => vocab::is_level2_name(&text) || vocab::is_ambiguous_level(&text),
        _ => return Fit::Unchecked,
    };
    if named {
        Fit::Named
    } else {
        Fit::No
    }
}

/// Whether a row's first own text, if in a level column, is a name of that
/// level.
fn first_fits(row: &Row, spans: &[Span], map: &HeaderMap) -> bool {
    first_fit(row, spans, map) != Fit::No
}

/// A grid row read by column that is short of the table's last column and
/// does not read as an indicator ([`reads_as_indicator`]), with at least
/// two texts of its own. A publisher who merges level cells over rows by
/// leaving them out, without a rowspan, gives such rows
/// (`可持续影响指标 | 长效机制 | 健全` under a four-column header): their
/// cells belong further right.
fn misread_short_row(row: &Row, spans: &[Span], map: &HeaderMap, read: &RowRead) -> bool {
    let table_right = map.leaves.iter().map(|l| l.span.right).max().unwrap_or(0);
    let row_right = spans.iter().map(|s| s.right).max().unwrap_or(0);
    // (Most rows reach the table's right edge: told before their cells
    // are cleaned.)
    if row_right >= table_right {
        return false;
    }
    let own_texts = row
        .cells
        .iter()
        .zip(spans)
        .filter(|(c, s)| !s.continued && clean_text(c).is_some())
        .count();
    // A template's placeholder row (`产出指标 | 数量指标`) reads as one.
    let placeholder = read.placeholder && first_fits(row, spans, map);
    row_right < table_right
        && own_texts >= 2
        && !placeholder
        && !reads_as_indicator(row, spans, map, read)
        && !quantity_in_place(map, read)
}

/// Whether a row read in place holds a quantity (`100%`, `≥42个`) as its
/// target and none in its name columns: its cells stand where they belong,
/// whatever its level names (审计质量 is no framework name, yet the row
/// `审计质量 | 审计质量检查合格率 | 100%` is whole but for its last cell).
/// Moved right, the quantity would land in a column of words.
fn quantity_in_place(map: &HeaderMap, read: &RowRead) -> bool {
    let is_quantity = |t: &str| parse_target_stated(t).is_some();
    let target = map
        .leaves
        .iter()
        .zip(&read.values)
        .find(|(l, _)| l.field == Field::Target)
        .and_then(|(_, v)| v.as_deref());
    let names = [
        read.levels.level1.as_deref(),
        read.levels.level2.as_deref(),
        read.level3.as_deref(),
    ];
    target.is_some_and(is_quantity) && !names.into_iter().flatten().any(is_quantity)
}

/// The first and last leaf a span covers.
fn leaves_of(span: &Span, leaves: &[Leaf]) -> Option<(usize, usize)> {
    let mut hit = leaves
        .iter()
        .enumerate()
        .filter(|(_, l)| l.span.overlap(span) > 0)
        .map(|(i, _)| i);
    let first = hit.next()?;
    Some((first, hit.next_back().unwrap_or(first)))
}

/// Reads a short row with its own cells moved right by the fewest columns
/// that make it read as an indicator, the columns they leave continuing
/// the merged cells above (`context`: the levels and values above). `None`
/// when no move does.
fn read_short_row_moved(
    row: &Row,
    spans: &[Span],
    map: &HeaderMap,
    context: (&Levels, &[Option<String>]),
    is_label: &dyn Fn(&str) -> bool,
    notes: &mut Vec<(&'static str, String)>,
) -> Option<RowRead> {
    let (above, carried) = context;
    let leaves = &map.leaves;
    let placed: Vec<Option<(usize, usize)>> = spans.iter().map(|s| leaves_of(s, leaves)).collect();
    let first_own = spans
        .iter()
        .zip(&placed)
        .find(|(s, _)| !s.continued)
        .and_then(|(_, p)| *p)
        .map(|(a, _)| a)?;
    let last = placed.iter().flatten().map(|&(_, b)| b).max()?;
    // The merged cells the row continues at its left stay where they are.
    let stays = |span: &Span, p: &Option<(usize, usize)>| {
        span.continued && p.is_some_and(|(a, _)| a < first_own)
    };
    for shift in 1..leaves.len().saturating_sub(last) {
        let mut cells: Vec<String> = Vec::new();
        let mut moved: Vec<Span> = Vec::new();
        for ((cell, span), p) in row.cells.iter().zip(spans).zip(&placed) {
            if stays(span, p) {
                cells.push(cell.clone());
                moved.push(*span);
            }
        }
        // The columns the move leaves continue the merged cells above.
        for leaf in leaves.iter().skip(first_own).take(shift) {
            cells.push(String::new());
            moved.push(Span {
                continued: true,
                ..leaf.span
            });
        }
        let mut fits = true;
        for ((cell, span), p) in row.cells.iter().zip(spans).zip(&placed) {
            if stays(span, p) {
                continue;
            }
            let to = p.and_then(|(a, b)| Some((leaves.get(a + shift)?, leaves.get(b + shift)?)));
            let Some((l, r)) = to else {
                fits = false;
                break;
            };
            cells.push(cell.clone());
            moved.push(Span {
                left: l.span.left,
                right: r.span.right,
                continued: span.continued,
            });
        }
        if !fits {
            break;
        }
        let moved_row = Row {
            cells,
            spans: None,
            ..row.clone()
        };
        // A level name moved out of the level columns (a placeholder row
        // `产出指标 | 数量指标`, whose name would become a target) is no
        // reading.
        let levels_stay = moved_row.cells.iter().zip(&moved).all(|(cell, span)| {
            let is_level_name = clean_text(cell)
                .is_some_and(|t| vocab::is_level1_name(&t) || vocab::is_level2_name(&t));
            let in_level_column = leaf_of(span, leaves)
                .and_then(|i| leaves.get(i))
                .is_some_and(|l| l.field.level().is_some_and(|k| k < 2));
            span.continued || !is_level_name || in_level_column
        });
        if !levels_stay {
            continue;
        }
        let mut tried = Vec::new();
        let from_above = Above {
            levels: above,
            values: carried,
            blanks: &Default::default(),
        };
        let read = read_by_column(&moved_row, &moved, map, &from_above, is_label, &mut tried);
        if read
            .as_ref()
            .is_some_and(|r| reads_as_indicator(&moved_row, &moved, map, r))
        {
            notes.extend(tried);
            return read;
        }
    }
    None
}

/// Reads a row whose cells may be shifted, with the repairs of the module
/// documentation. Guesses go to `notes`. `None` for a row of a single text
/// (reported as `unplaced_row`) or none.
fn read_shifted(
    row: &Row,
    map: &HeaderMap,
    above: &Levels,
    is_label: &dyn Fn(&str) -> bool,
    known: &KnownNames,
    notes: &mut Vec<(&'static str, String)>,
) -> Option<RowRead> {
    let texts: Vec<&str> = row.texts().filter(|t| !is_label(t)).collect();
    if texts.len() < 2 {
        if let Some(t) = texts.first() {
            if vocab::is_level1_name(t) || vocab::is_level2_name(t) || known.names.contains(*t) {
                // A lone level name: a placeholder row of the template.
                let a = assign_levels(
                    &[Name {
                        text: t.to_string(),
                        column: None,
                    }],
                    above,
                );
                return Some(RowRead {
                    levels: a.levels,
                    values: vec![None; map.leaves.len()],
                    placeholder: true,
                    ..RowRead::default()
                });
            }
            notes.push((
                "unplaced_row",
                format!("a row with a single cell ({t}) was skipped"),
            ));
        }
        return None;
    }
    let unjoined = split_values_run_together(&row.cells, map);
    if unjoined.is_some() {
        notes.push((
            "split_cell",
            "a value and the 依据 or 分类 after it, printed as one cell, were split".to_string(),
        ));
    }
    let mut parts = split_row(unjoined.as_deref().unwrap_or(&row.cells), map, is_label);
    if split_run_together(&mut parts, &|s| known.is_level_name(s)) {
        notes.push((
            "split_cell",
            "two cells printed as one were split at the space after a level name".to_string(),
        ));
    }
    // A shifted row whose only name is a level-2 name (`生态效益指标 | 计划
    // 标准 | 绩效基本型`, no indicator under it): that name is its level 2,
    // not an indicator's name.
    if !parts.aligned && parts.names.is_empty() {
        if let Some(l2) = parts
            .level3
            .take_if(|t| vocab::is_level2_name(t) && !vocab::is_level1_name(t))
        {
            parts.names.push(Name {
                text: l2,
                column: None,
            });
        }
    }
    if !parts.aligned {
        notes.push((
            "shifted_cells",
            "cells shifted by a merged cell or page break; value columns read from the right"
                .to_string(),
        ));
    }
    let assigned = assign_levels(&parts.names, above);
    if assigned.moved && parts.aligned {
        notes.push((
            "shifted_cells",
            "a level name stood in another level's column; placed by its vocabulary".to_string(),
        ));
    }
    if assigned.level2_missing {
        notes.push((
            "missing_cell",
            "a new level-1 group has no level-2 cell; level2 is null".to_string(),
        ));
    }
    if !assigned.dropped.is_empty() {
        notes.push((
            "unplaced_cell",
            format!("extra level cells dropped: {}", assigned.dropped.join(", ")),
        ));
    }
    let mut levels = assigned.levels;
    let explicit_level2 = match parts.names.as_slice() {
        [] => false,
        [only] => levels.level2.as_deref() == Some(only.text.as_str()),
        _ => true,
    };
    if !explicit_level2 {
        if let (Some(l1), Some(l3)) = (&levels.level1, &parts.level3) {
            let lost = known.pairs.contains(&(l1.clone(), l3.clone()))
                && levels.level2.as_deref() != Some(l3.as_str());
            if lost {
                notes.push((
                    "level_inferred",
                    format!(
                        "no level-2 cell; {l3} is a level-2 name under {l1} elsewhere in the document, used instead of {}",
                        levels.level2.as_deref().unwrap_or("nothing")
                    ),
                ));
                levels.level2 = Some(l3.clone());
            }
        }
    }
    if parts.basis_missing {
        notes.push((
            "missing_cell",
            "指标值确定依据 is missing; basis is null".to_string(),
        ));
    }
    if parts.category_missing {
        notes.push((
            "missing_cell",
            "指标分类 is empty or missing; category is null".to_string(),
        ));
    }
    // (As by column: level names with nothing else, or fill marks only.)
    let placeholder = !parts.names.is_empty()
        && parts.level3.as_deref().is_none_or(is_filler)
        && !parts
            .values
            .iter()
            .any(|v| v.as_deref().is_some_and(|t| !is_filler(t)));
    Some(RowRead {
        placeholder,
        levels,
        level3: parts.level3,
        values: parts.values,
        explicit_level2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(s: &str) -> Vec<String> {
        s.split('|').map(str::to_string).collect()
    }

    fn no_label(_: &str) -> bool {
        false
    }

    /// A split row's value of a field, read with the seed's template.
    fn val(p: &RowParts, table: IndicatorTable, field: Field) -> Option<&str> {
        let map = default_header(table);
        map.leaves
            .iter()
            .position(|l| l.field == field)
            .and_then(|i| p.values.get(i))
            .and_then(|v| v.as_deref())
    }

    fn names(p: &RowParts) -> Vec<(&str, Option<usize>)> {
        p.names
            .iter()
            .map(|n| (n.text.as_str(), n.column))
            .collect()
    }

    #[test]
    fn level_name_cut_by_a_page_break() {
        let lv = |a: &str, b: &str| Levels {
            level1: Some(a.into()),
            level2: Some(b.into()),
        };
        let mut known = KnownNames::default();
        // The cut part was read as a name of the document's own.
        known.names.insert("服务对象满意度指".into());
        assert_eq!(
            level_cut_by_page_break(
                &lv("满意度指标", "服务对象满意度指"),
                &lv("满意度指标", "标"),
                &known
            ),
            Some(((2, "服务对象满意度指".into()), "服务对象满意度指标".into()))
        );
        // Two whole names, or parts that make no known name, stay apart.
        let none = |a: Levels, b: Levels| level_cut_by_page_break(&a, &b, &known);
        assert_eq!(
            none(
                lv("效益指标", "社会效益指标"),
                lv("效益指标", "生态效益指标")
            ),
            None
        );
        assert_eq!(
            none(lv("效益指标", "公共服务"), lv("效益指标", "质量")),
            None
        );
    }

    #[test]
    fn both_level_names_cut_by_one_page_break() {
        // A spreadsheet printed with merged level cells prints each one's
        // wrapped lines on both sides of the break: only level 1 was made
        // whole, level 2 read as two names, silently.
        let mut rows = [
            row("一级指标|二级指标|三级指标|指标值"),
            row("产出指标|数量指标|演出场次|≥120场"),
            row("满意度指|服务对象满意|群众满意度|≥90%"),
            row("标|度指标|游客满意度|≥92%"),
        ];
        if let Some(r) = rows.last_mut() {
            r.after_page_break = true;
        }
        let refs: Vec<&Row> = rows.iter().collect();
        let r = parse_table(
            IndicatorTable::Annual,
            &refs,
            &no_label,
            &KnownNames::default(),
            Some(2026),
        );
        let got: Vec<(Option<&str>, Option<&str>)> = r
            .indicators
            .iter()
            .map(|i| (i.level1.as_deref(), i.level2.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("产出指标"), Some("数量指标")),
                (Some("满意度指标"), Some("服务对象满意度指标")),
                (Some("满意度指标"), Some("服务对象满意度指标")),
            ]
        );
    }

    #[test]
    fn the_tables_label_printed_again_beside_a_pages_rows_is_no_stray_text() {
        // A spreadsheet prints the label merged down the table's left on
        // each page it spans: beside page 2's rows it was said as text
        // outside every column.
        let grid = |s: &str, k: usize| Row {
            spans: Some(
                (0..s.split('|').count())
                    .map(|c| Span {
                        left: c as i32 * 10,
                        right: c as i32 * 10 + 10,
                        continued: c == 0 && k > 1 && k != 3,
                    })
                    .collect(),
            ),
            after_page_break: k == 3,
            ..row(s)
        };
        let rows = [
            // (The label's merged cell starts beside the header; its name
            // is printed lower down: no column is headed for it.)
            grid("|一级指标|二级指标|三级指标|指标值", 0),
            grid("|产出指标|数量指标|演出场次|≥120场", 2),
            grid("年度绩效指标|产出指标|质量指标|演出合格率|100%", 3),
        ];
        let r = annual_table(&rows);
        assert_eq!(r.indicators.len(), 2);
        assert!(
            r.indicators.iter().all(|i| i.level2.is_some()),
            "{:?}",
            r.indicators
        );
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
        assert!(!codes.contains(&"unplaced_cell"), "{:?}", r.warnings);
    }

    #[test]
    fn sign_off_rows() {
        let r = |s: &str| Row {
            cells: cells(s),
            ..Row::default()
        };
        assert!(is_sign_off_row(&r("单位签章：|日期：2025年3月10日")));
        assert!(is_sign_off_row(&r(
            "单位（签章）：临江市市场监督管理局|填报日期：2025年2月20日"
        )));
        assert!(is_sign_off_row(&r("部门(盖章)：|2025年1月8日")));
        assert!(is_sign_off_row(&r("负责人（盖章）：王芳")));
        // A letter's imprint under its last form.
        assert!(is_sign_off_row(&r("某县财政局办公室|2026年3月13日印发")));
        assert!(is_sign_off_row(&r("抄送：县审计局。")));
        // An indicator whose name holds a colon is no sign-off.
        assert!(!is_sign_off_row(&r("就业率：毕业生|≥90%")));
        assert!(!is_signing_label("项目（盖章）"));
    }

    #[test]
    fn aligned_row_uses_positions() {
        let p = split_row(
            &cells("|运行成本|公用经费控制|公用经费控制率|≤100%|计划标准|绩效基本型"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(
            names(&p),
            vec![("运行成本", Some(1)), ("公用经费控制", Some(2))]
        );
        assert_eq!(p.level3.as_deref(), Some("公用经费控制率"));
        let lt = IndicatorTable::LongTerm;
        assert_eq!(val(&p, lt, Field::Target), Some("≤100%"));
        assert_eq!(val(&p, lt, Field::Basis), Some("计划标准"));
        assert_eq!(val(&p, lt, Field::Category), Some("绩效基本型"));
    }

    #[test]
    fn a_value_run_together_with_its_basis_is_split() {
        let map = default_header(IndicatorTable::LongTerm);
        let split = |row: &str| split_values_run_together(&cells(row), &map);
        assert_eq!(
            split("|运行成本|公用经费控制|公用经费控制率|≤100%计划标准|绩效基本型"),
            Some(cells(
                "|运行成本|公用经费控制|公用经费控制率|≤100%|计划标准|绩效基本型"
            ))
        );
        assert_eq!(
            split("|管理效率|预算执行|预算执行率|≥95%|计划标准绩效基本型"),
            Some(cells(
                "|管理效率|预算执行|预算执行率|≥95%|计划标准|绩效基本型"
            ))
        );
        // The row has its 依据: nothing was run together.
        assert_eq!(split("|甲|乙|丙|≥95%计划标准|计划标准|绩效基本型"), None);
        // A name ending in a basis-like word is no value.
        assert_eq!(split("|甲|乙|执行行业标准|≥95%|绩效基本型"), None);
    }

    #[test]
    fn a_full_row_keeps_its_own_basis_and_category_words() {
        // 上年实际 and 共性指标 are no listed 依据 or 分类: the row was
        // read as short of its 依据, every name moved a column left.
        let p = split_row(
            &cells("|运行成本|公用经费控制|公用经费控制率|≤100%|上年实际|共性指标"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(p.level3.as_deref(), Some("公用经费控制率"));
        let lt = IndicatorTable::LongTerm;
        assert_eq!(val(&p, lt, Field::Basis), Some("上年实际"));
        assert_eq!(val(&p, lt, Field::Category), Some("共性指标"));
        // A quantity in the 依据 column is a value moved right: not aligned.
        let p = split_row(
            &cells("|运行成本|公用经费控制|公用经费控制率||≤100%|绩效基本型"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(!p.aligned);
    }

    #[test]
    fn shifted_right_row_anchors_values_at_the_right() {
        let p = split_row(
            &cells("||绩效管理||事前绩效评估完成率|100%|计划标准|绩效基本型"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(!p.aligned);
        assert_eq!(names(&p), vec![("绩效管理", None)]);
        assert_eq!(p.level3.as_deref(), Some("事前绩效评估完成率"));
    }

    #[test]
    fn trailing_empty_cells_are_ignored() {
        let p = split_row(
            &cells("||生态效益|||计划标准|绩效基本型|"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(names(&p), vec![("生态效益", Some(2))]);
        assert_eq!(p.level3, None);
        assert_eq!(val(&p, IndicatorTable::LongTerm, Field::Target), None);
    }

    #[test]
    fn missing_category_is_detected_by_vocabulary() {
        let p = split_row(
            &cells("||履职效能|政务服务|高频事项比例|98%|100%|≥100%|计划标准"),
            &default_header(IndicatorTable::Annual),
            no_label,
        );
        assert!(p.category_missing);
        let an = IndicatorTable::Annual;
        assert_eq!(val(&p, an, Field::Category), None);
        assert_eq!(val(&p, an, Field::Basis), Some("计划标准"));
        assert_eq!(
            p.values.get(4..7),
            Some(
                &[
                    Some("98%".into()),
                    Some("100%".into()),
                    Some("≥100%".into())
                ][..]
            )
        );
        assert_eq!(p.level3.as_deref(), Some("高频事项比例"));
        assert_eq!(names(&p), vec![("履职效能", None), ("政务服务", None)]);
    }

    #[test]
    fn a_total_of_side_by_side_periods_sums_one_periods_rows() {
        // Long-term and annual values side by side, one weight column: each
        // row goes to both tables with its weight, and 合计 sums one set.
        let row = |table: IndicatorTable, weight: f64| {
            let ind = Indicator {
                level1: Some("产出指标".into()),
                weight: Some(weight),
                ..Indicator::default()
            };
            (table, ind, Vec::new())
        };
        let (lt, an) = (IndicatorTable::LongTerm, IndicatorTable::Annual);
        let rows = [row(lt, 10.0), row(an, 10.0), row(lt, 10.0), row(an, 10.0)];
        assert!(weights_disagree(&rows, 20.0, an, None).is_none());
        let w = weights_disagree(&rows, 30.0, an, None).map(|w| w.code);
        assert_eq!(w.as_deref(), Some("total_mismatch"));
        // One period's rows only: summed as they are.
        assert!(weights_disagree(&rows[..1], 10.0, lt, None).is_none());
        assert!(weights_disagree(&[row(an, 10.0), row(an, 15.0)], 10.0, an, None).is_some());
    }

    /// A header map of these fields, in this order (no label column).
    fn map_of(fields: &[Field]) -> HeaderMap {
        HeaderMap {
            leaves: fields
                .iter()
                .enumerate()
                .map(|(i, &field)| Leaf {
                    header: field.as_str().to_string(),
                    field,
                    period: None,
                    year: None,
                    span: header::index_span(i),
                })
                .collect(),
            reliable: false,
        }
    }

    #[test]
    fn empty_cell_before_the_name_in_a_row_of_free_text_columns() {
        // No 依据 or 分类 to anchor on: a target beside no name shows the
        // row moved right (and a trailing tab made it the header's width).
        use Field::*;
        let map = map_of(&[Level1, Level2, Level3, Target, Explanation, Scoring, Remark]);
        let value = |p: &RowParts, f: Field| {
            let i = map.leaves.iter().position(|l| l.field == f)?;
            p.values.get(i).cloned().flatten()
        };
        for row in [
            "|社会效益指标||较大火灾起数|0起|反映社会效益|按比例扣分|",
            "|社会效益指标||较大火灾起数|0起|反映社会效益|按比例扣分",
        ] {
            let p = split_row(&cells(row), &map, no_label);
            assert!(!p.aligned, "{row}");
            assert_eq!(p.level3.as_deref(), Some("较大火灾起数"));
            assert_eq!(names(&p), vec![("社会效益指标", None)]);
            assert_eq!(value(&p, Target).as_deref(), Some("0起"));
            assert_eq!(value(&p, Explanation).as_deref(), Some("反映社会效益"));
            assert_eq!(value(&p, Scoring).as_deref(), Some("按比例扣分"));
            assert_eq!(value(&p, Remark), None);
        }
        // A row in place stays as it is.
        let p = split_row(
            &cells("效益指标|社会效益指标|较大火灾起数|0起|||"),
            &map,
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(value(&p, Target).as_deref(), Some("0起"));
    }

    #[test]
    fn level2_name_in_the_level1_column_of_a_row_ending_in_a_tab() {
        // The row lost its first cell after a page break and ends with the
        // tab after its weight: its cells belong one column right.
        use Field::*;
        let map = map_of(&[Label, Level1, Level2, Level3, Target, Weight]);
        let p = split_row(
            &cells("|可持续影响指标|设备使用年限|逐步延长|10|"),
            &map,
            no_label,
        );
        assert!(!p.aligned);
        assert_eq!(p.level3.as_deref(), Some("设备使用年限"));
        assert_eq!(names(&p), vec![("可持续影响指标", None)]);
        assert_eq!(
            p.values.get(4..6),
            Some(&[Some("逐步延长".into()), Some("10".into())][..])
        );

        // Its level-2 cell merged from above too: the name in the level-2
        // column, the target in the name's, the explanation in the weight's.
        let map = map_of(&[Level1, Level2, Level3, Target, Weight, Explanation]);
        let p = split_row(&cells("|覆盖学校数|46所|10|反映工作量|"), &map, no_label);
        assert!(!p.aligned);
        assert_eq!(p.level3.as_deref(), Some("覆盖学校数"));
        let some = |s: &str| Some(s.to_string());
        assert_eq!(
            p.values.get(3..6),
            Some(&[some("46所"), some("10"), some("反映工作量")][..])
        );

        // A row whose last column is empty, its cells in place, stays: a
        // short text would fit a unit column one place right, but a level
        // name would then stand in the name's column.
        let map = map_of(&[
            Level1,
            Level2,
            Level3,
            Extra,
            Target,
            Unit,
            Explanation,
            Remark,
        ]);
        let p = split_row(
            &cells("|社会效益指标|保障情况|定性|应保尽保||反映情况|"),
            &map,
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(p.level3.as_deref(), Some("保障情况"));
        // A qualitative target in the name's column, beside an empty
        // target and 备注: the row lost its first cell.
        let map = map_of(&[Label, Level1, Level2, Level3, Target, Remark]);
        let p = split_row(&cells("||老年人生活便利程度|明显提高||"), &map, no_label);
        assert!(!p.aligned);
        assert_eq!(p.level3.as_deref(), Some("老年人生活便利程度"));
        assert_eq!(
            p.values.get(4).cloned().flatten().as_deref(),
            Some("明显提高")
        );
        assert!(reads_as_qualitative_target("逐步提高") && reads_as_qualitative_target("达标"));
        assert!(!reads_as_qualitative_target("老年人生活便利程度"));
        // Nor does a row whose 指标分类 was left empty.
        let p = split_row(
            &cells("|||个人住房贷款发放额|≥30亿元|计划标准|"),
            &default_header(IndicatorTable::LongTerm),
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(p.level3.as_deref(), Some("个人住房贷款发放额"));
    }

    #[test]
    fn stray_empty_cell_inside_shifted_row() {
        let p = split_row(
            &cells("数据安全|深化防护体系||及时修复|修复152个|积极开展|计划标准|绩效基本型|"),
            &default_header(IndicatorTable::Annual),
            no_label,
        );
        assert!(!p.aligned);
        assert_eq!(p.level3.as_deref(), Some("深化防护体系"));
        assert_eq!(names(&p), vec![("数据安全", None)]);
        assert_eq!(p.values[4].as_deref(), Some("及时修复"));
    }

    #[test]
    fn labels_are_not_names() {
        let p = split_row(
            &cells("长期绩效指标|运行成本|公用经费控制|公用经费控制率|≤100%|计划标准|绩效基本型"),
            &default_header(IndicatorTable::LongTerm),
            |s| s == "长期绩效指标",
        );
        assert_eq!(
            names(&p),
            vec![("运行成本", Some(1)), ("公用经费控制", Some(2))]
        );
    }

    #[test]
    fn run_together_cells_split_at_known_names() {
        let mut p = RowParts {
            names: vec![Name {
                text: "满意度".into(),
                column: None,
            }],
            level3: Some("服务对象满意度 群众满意度".into()),
            ..RowParts::default()
        };
        let known = |s: &str| s == "服务对象满意度" || s == "满意度";
        assert!(split_run_together(&mut p, &known));
        let n: Vec<&str> = p.names.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(n, vec!["满意度", "服务对象满意度"]);
        assert_eq!(p.level3.as_deref(), Some("群众满意度"));

        // A space inside a level 3 that does not start with a level name stays.
        let mut p = RowParts {
            level3: Some("“互联网+监管” 数据归集".into()),
            ..RowParts::default()
        };
        assert!(!split_run_together(&mut p, &known));
        assert_eq!(p.level3.as_deref(), Some("“互联网+监管” 数据归集"));
    }

    fn above(l1: &str, l2: &str) -> Levels {
        Levels {
            level1: Some(l1.into()),
            level2: Some(l2.into()),
        }
    }

    fn name(t: &str, c: Option<usize>) -> Name {
        Name {
            text: t.into(),
            column: c,
        }
    }

    #[test]
    fn lone_name_is_level2_unless_level1_vocabulary() {
        let a = assign_levels(&[name("数据安全", Some(1))], &above("履职效能", "政务服务"));
        assert_eq!(a.levels, above("履职效能", "数据安全"));
        assert!(a.moved);

        let a = assign_levels(&[name("社会效应", None)], &above("履职效能", "数据安全"));
        assert_eq!(a.levels.level1.as_deref(), Some("社会效应"));
        assert_eq!(a.levels.level2, None);
        assert!(a.level2_missing);

        let a = assign_levels(&[], &above("满意度", "服务对象满意度"));
        assert_eq!(a.levels, above("满意度", "服务对象满意度"));
    }

    #[test]
    fn cost_indicator_by_position_and_context() {
        // Under 产出指标 in the level-2 column: level 2.
        let a = assign_levels(&[name("成本指标", Some(2))], &above("产出指标", "时效指标"));
        assert_eq!(a.levels, above("产出指标", "成本指标"));
        // Without a position, the level 1 above decides.
        let a = assign_levels(&[name("成本指标", None)], &above("产出指标", "时效指标"));
        assert_eq!(a.levels, above("产出指标", "成本指标"));
        let a = assign_levels(&[name("成本指标", None)], &above("满意度", "x"));
        assert_eq!(a.levels.level1.as_deref(), Some("成本指标"));
    }

    #[test]
    fn two_names_are_level1_and_level2() {
        let a = assign_levels(
            &[name("履职效能", None), name("政务服务", None)],
            &above("管理效率", "财务管理"),
        );
        assert_eq!(a.levels, above("履职效能", "政务服务"));
    }

    fn row(s: &str) -> Row {
        Row {
            cells: cells(s),
            page: None,
            after_page_break: false,
            table_start: false,
            spans: None,
        }
    }

    #[test]
    fn two_filled_target_columns_are_reported() {
        let rows = [
            row("一级指标|二级指标|三级指标|目标值|指标值|指标值确定依据"),
            row("产出指标|数量指标|演出场次|110场|≥120场|计划标准"),
        ];
        let r = annual_table(&rows);
        let ind = &r.indicators[0];
        assert_eq!(ind.target.as_deref(), Some("110场"));
        assert_eq!(ind.extra.get("指标值").map(String::as_str), Some("≥120场"));
        assert!(r.warnings.iter().any(|w| w.code == "unmapped_columns"
            && w.message.contains("two columns read as the target")));
        // Target columns that fill one each (定量 | 定性) are not.
        let rows = [
            row("一级指标|二级指标|三级指标|目标值（定量）|目标值（定性）|指标值确定依据"),
            row("产出指标|数量指标|演出场次|≥120场||计划标准"),
            row("产出指标|质量指标|演出质量||良好|计划标准"),
        ];
        let r = annual_table(&rows);
        assert_eq!(r.indicators.len(), 2);
        assert!(r.warnings.iter().all(|w| w.code != "unmapped_columns"));
    }

    #[test]
    fn lost_level2_recovered_from_known_pairs() {
        let rows = [
            row("|满意度|服务对象满意度 群众满意度|98%|98%|≥98%|计划标准|绩效基本型"),
            row("||联系部门满意度|95%|95%|≥98%|计划标准|绩效基本型"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let mut known = KnownNames::default();
        for (a, b) in [("满意度", "服务对象满意度"), ("满意度", "联系部门满意度")]
        {
            known.pairs.insert((a.into(), b.into()));
            known.names.insert(b.into());
        }
        let r = parse_table(IndicatorTable::Annual, &refs, &no_label, &known, Some(2026));
        let got: Vec<(Option<&str>, Option<&str>)> = r
            .indicators
            .iter()
            .map(|i| (i.level2.as_deref(), i.level3.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("服务对象满意度"), Some("群众满意度")),
                (Some("联系部门满意度"), Some("联系部门满意度"))
            ]
        );
        let codes: Vec<&str> = r.warnings.iter().map(|w| w.code.as_str()).collect();
        assert!(codes.contains(&"split_cell") && codes.contains(&"level_inferred"));
    }

    /// An annual table read with its label and no known names.
    fn annual_table(rows: &[Row]) -> TableResult {
        let refs: Vec<&Row> = rows.iter().collect();
        parse_table(
            IndicatorTable::Annual,
            &refs,
            &|s| s == "年度绩效指标",
            &KnownNames::default(),
            Some(2026),
        )
    }

    #[test]
    fn header_rows_are_skipped_and_give_years() {
        let rows = [
            row("年度绩效指标|一级指标|二级指标|三级指标|指标值||指标值确定依据|指标分类|"),
            row("||||近两年指标值||||预期当年实现值"),
            row("||||2024年|2025年|||"),
            row("|运行成本|公用经费控制|公用经费控制率|100%|100%|100%|计划标准|绩效基本型"),
        ];
        let r = annual_table(&rows);
        assert_eq!(r.header_years, vec![2024, 2025]);
        assert_eq!(r.indicators.len(), 1);
        assert_eq!(
            r.indicators[0].history,
            vec![Some("100%".to_string()), Some("100%".to_string())]
        );
    }

    #[test]
    fn a_direction_printed_as_a_comparison_is_the_operator() {
        let rows = [
            row("|一级指标|二级指标|三级指标|指标方向|年度指标值|计量单位"),
            row("|履职效能|重点工作|高标准农田建设面积|≥|1.2|万亩"),
            row("|履职效能|重点工作|群众投诉|不高于|3|件"),
            row("|满意度|服务对象满意度|农户满意度|正向|95|%"),
        ];
        let r = annual_table(&rows);
        let got: Vec<(Option<&str>, Option<Op>)> = r
            .indicators
            .iter()
            .map(|i| {
                (
                    i.direction.as_deref(),
                    i.target_parsed.as_ref().map(|p| p.op),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("≥"), Some(Op::Ge)),
                (Some("不高于"), Some(Op::Le)),
                (Some("正向"), Some(Op::Eq)),
            ]
        );
    }

    #[test]
    fn a_header_cut_by_a_page_break_is_still_a_header() {
        let rows = [
            row("年度绩效指标|一级指标|二级指标|三级指标|指标值|指标值确定依|指标分类"),
            row("||||近两年指标值|预期当年实现||"),
            row("||||2023年|2024年|值|据|"),
            row("|运行成本|公用经费控制|公用经费控制率|100%|100%|≤100%|计划标准|绩效基本型"),
        ];
        let r = annual_table(&rows);
        assert_eq!(r.header_years, vec![2023, 2024]);
        assert_eq!(r.indicators.len(), 1);
        assert_eq!(r.indicators[0].target.as_deref(), Some("≤100%"));
    }
}
