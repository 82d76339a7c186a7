//! The indicator tables (长期绩效指标, 年度绩效指标): rows of cells to
//! indicator rows, the way a person reads a table whose cells were shifted
//! by merged cells and page breaks.
//!
//! The steps, each a function below:
//! 1. [`split_row`]: anchor the value columns at the right (指标分类,
//!    指标值确定依据, the values); a row whose last cell is a 依据 value lost its
//!    指标分类. What is left of them is the level region: label, level 1,
//!    level 2, level 3. When it has exactly those four cells the row is
//!    aligned and positions are trusted; otherwise the cells are shifted and
//!    the last text is level 3, the texts before it level names.
//! 2. [`split_run_together`]: a cell holding a known level name, a space and
//!    more text is two cells run together.
//! 3. [`assign_levels`]: level names by position and vocabulary, filled
//!    down from the row above (merged cells) within the table.

use std::collections::HashSet;

use crate::layout::Row;
use crate::model::{Indicator, IndicatorTable, Warning};

use super::joins::{is_header, join_cut_rows};
use super::values::{clean_text, parse_target, year_cell};
use super::vocab;

/// Label, level 1, level 2, level 3.
const LEVEL_COLUMNS: usize = 4;

/// A level name found in a row, with its column when the row is aligned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub column: Option<usize>,
}

/// One row split into its parts, before levels are assigned.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowParts {
    pub names: Vec<Name>,
    pub level3: Option<String>,
    /// Long-term: `[target]`; annual: `[older, newer, target]`.
    pub values: Vec<Option<String>>,
    pub basis: Option<String>,
    pub category: Option<String>,
    pub category_missing: bool,
    pub aligned: bool,
}

fn value_count(table: IndicatorTable) -> usize {
    match table {
        IndicatorTable::LongTerm => 1,
        IndicatorTable::Annual => 3,
    }
}

/// Step 1: value columns from the right, the level region from the left.
pub fn split_row(
    cells: &[String],
    table: IndicatorTable,
    is_label: impl Fn(&str) -> bool,
) -> RowParts {
    let mut cells: Vec<Option<String>> = cells.iter().map(|c| clean_text(c)).collect();
    while cells.last().is_some_and(Option::is_none) {
        cells.pop();
    }
    let mut parts = RowParts::default();
    let last_is_basis = cells
        .last()
        .and_then(|c| c.as_deref())
        .is_some_and(|c| vocab::is_basis(c) && !vocab::is_category(c));
    if last_is_basis {
        parts.category_missing = true;
    } else {
        parts.category = cells.pop().flatten();
    }
    parts.basis = cells.pop().flatten();
    let n = value_count(table);
    let mut values = vec![None; n];
    for slot in values.iter_mut().rev() {
        *slot = cells.pop().flatten();
    }
    parts.values = values;

    let region = cells;
    parts.aligned = region.len() == LEVEL_COLUMNS;
    let mut tokens: Vec<Name> = region
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let text = c.clone()?;
            (!is_label(&text)).then_some(Name {
                text,
                column: Some(i),
            })
        })
        .collect();
    if parts.aligned {
        parts.level3 = region.get(LEVEL_COLUMNS - 1).cloned().flatten();
        tokens.retain(|t| t.column != Some(LEVEL_COLUMNS - 1));
    } else {
        parts.level3 = tokens.pop().map(|t| t.text);
        for t in &mut tokens {
            t.column = None;
        }
    }
    parts.names = tokens;
    parts
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
    let rest = rest.trim();
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
/// and the history years its header names.
#[derive(Debug, Default)]
pub struct TableResult {
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
    pub header_years: Vec<i32>,
    pub known: KnownNames,
}

/// Reads one indicator table. `known` holds the level names given
/// explicitly anywhere in the document (from a first pass), used to split
/// run-together cells and to recover a lost level-2 cell.
pub fn parse_table(
    table: IndicatorTable,
    rows: &[&Row],
    is_label: &dyn Fn(&str) -> bool,
    known: &KnownNames,
) -> TableResult {
    let mut result = TableResult::default();
    let mut above = Levels::default();
    for (row, joined) in join_cut_rows(rows) {
        if is_header(&row) {
            result
                .header_years
                .extend(row.texts().filter_map(year_cell));
            continue;
        }
        let mut notes: Vec<(&str, String)> = Vec::new();
        if joined {
            notes.push((
                "row_joined",
                "a row cut by a page break was joined with its continuation".to_string(),
            ));
        }
        let texts: Vec<&str> = row.texts().filter(|t| !is_label(t)).collect();
        if texts.len() < 2 {
            if let Some(t) = texts.first() {
                result.warnings.push(Warning {
                    code: "unplaced_row".to_string(),
                    message: format!("a row with a single cell ({t}) was skipped"),
                    table: Some(table.as_str().to_string()),
                    seq: None,
                    page: row.page,
                });
            }
            continue;
        }
        let (indicator, levels, explicit_level2) =
            read_row(table, &row, &above, is_label, known, &mut notes);
        if explicit_level2 {
            if let (Some(l1), Some(l2)) = (&levels.level1, &levels.level2) {
                result.known.pairs.insert((l1.clone(), l2.clone()));
                result.known.names.insert(l2.clone());
            }
        }
        let seq = result.indicators.len() as u32 + 1;
        let name = indicator
            .level3
            .clone()
            .or_else(|| indicator.level2.clone())
            .unwrap_or_else(|| texts.join(" "));
        for (code, message) in notes {
            result.warnings.push(Warning {
                code: code.to_string(),
                message: format!("{name}: {message}"),
                table: Some(table.as_str().to_string()),
                seq: Some(seq),
                page: row.page,
            });
        }
        result.indicators.push(indicator);
        above = levels;
    }
    result
}

/// Reads one data row: its indicator, the levels in effect after it, and
/// whether it gave its level 2 explicitly. Guesses go to `notes`.
fn read_row(
    table: IndicatorTable,
    row: &Row,
    above: &Levels,
    is_label: &dyn Fn(&str) -> bool,
    known: &KnownNames,
    notes: &mut Vec<(&'static str, String)>,
) -> (Indicator, Levels, bool) {
    let mut parts = split_row(&row.cells, table, is_label);
    if split_run_together(&mut parts, &|s| known.is_level_name(s)) {
        notes.push((
            "split_cell",
            "two cells printed as one were split at the space after a level name".to_string(),
        ));
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
    if parts.category_missing {
        notes.push((
            "missing_cell",
            "指标分类 is empty or missing; category is null".to_string(),
        ));
    }
    let target = parts.values.last().cloned().flatten();
    let history = match table {
        IndicatorTable::LongTerm => Vec::new(),
        IndicatorTable::Annual => parts.values.iter().take(2).cloned().collect(),
    };
    let indicator = Indicator {
        table,
        level1: levels.level1.clone(),
        level2: levels.level2.clone(),
        level3: parts.level3,
        target_parsed: target.as_deref().and_then(parse_target),
        target,
        history,
        basis: parts.basis,
        category: parts.category,
        page: row.page,
        ..Indicator::default()
    };
    (indicator, levels, explicit_level2)
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

    fn names(p: &RowParts) -> Vec<(&str, Option<usize>)> {
        p.names
            .iter()
            .map(|n| (n.text.as_str(), n.column))
            .collect()
    }

    #[test]
    fn aligned_row_uses_positions() {
        let p = split_row(
            &cells("|运行成本|公用经费控制|公用经费控制率|≤100%|计划标准|绩效基本型"),
            IndicatorTable::LongTerm,
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(
            names(&p),
            vec![("运行成本", Some(1)), ("公用经费控制", Some(2))]
        );
        assert_eq!(p.level3.as_deref(), Some("公用经费控制率"));
        assert_eq!(p.values, vec![Some("≤100%".to_string())]);
        assert_eq!(p.basis.as_deref(), Some("计划标准"));
        assert_eq!(p.category.as_deref(), Some("绩效基本型"));
    }

    #[test]
    fn shifted_right_row_anchors_values_at_the_right() {
        let p = split_row(
            &cells("||绩效管理||事前绩效评估完成率|100%|计划标准|绩效基本型"),
            IndicatorTable::LongTerm,
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
            IndicatorTable::LongTerm,
            no_label,
        );
        assert!(p.aligned);
        assert_eq!(names(&p), vec![("生态效益", Some(2))]);
        assert_eq!(p.level3, None);
        assert_eq!(p.values, vec![None]);
    }

    #[test]
    fn missing_category_is_detected_by_vocabulary() {
        let p = split_row(
            &cells("||履职效能|政务服务|高频事项比例|98%|100%|≥100%|计划标准"),
            IndicatorTable::Annual,
            no_label,
        );
        assert!(p.category_missing);
        assert_eq!(p.category, None);
        assert_eq!(p.basis.as_deref(), Some("计划标准"));
        assert_eq!(
            p.values,
            vec![
                Some("98%".into()),
                Some("100%".into()),
                Some("≥100%".into())
            ]
        );
        assert_eq!(p.level3.as_deref(), Some("高频事项比例"));
        assert_eq!(names(&p), vec![("履职效能", None), ("政务服务", None)]);
    }

    #[test]
    fn stray_empty_cell_inside_shifted_row() {
        let p = split_row(
            &cells("数据安全|深化防护体系||及时修复|修复152个|积极开展|计划标准|绩效基本型|"),
            IndicatorTable::Annual,
            no_label,
        );
        assert!(!p.aligned);
        assert_eq!(p.level3.as_deref(), Some("深化防护体系"));
        assert_eq!(names(&p), vec![("数据安全", None)]);
        assert_eq!(p.values[0].as_deref(), Some("及时修复"));
    }

    #[test]
    fn labels_are_not_names() {
        let p = split_row(
            &cells("长期绩效指标|运行成本|公用经费控制|公用经费控制率|≤100%|计划标准|绩效基本型"),
            IndicatorTable::LongTerm,
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
        }
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
        let r = parse_table(IndicatorTable::Annual, &refs, &no_label, &known);
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
