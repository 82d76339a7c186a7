//! Rows that a page break cut in two: the first part ends the page before
//! its 指标值确定依据 / 指标分类 columns, the rest opens the next page.
//! They are joined back into one row before the row is read.

use crate::layout::Row;

use super::vocab;

fn last_text(cells: &[String]) -> Option<(usize, &str)> {
    cells
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (i, c.trim()))
        .find(|(_, c)| !c.is_empty())
}

fn first_text(cells: &[String]) -> Option<(usize, &str)> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.trim()))
        .find(|(_, c)| !c.is_empty())
}

fn ends_a_row(text: &str) -> bool {
    vocab::is_basis(text) || vocab::is_category(text)
}

/// Whether `next` (right after a page break) continues `prev`: `prev` stops
/// before the columns that end every row, and `next` supplies them.
pub fn continues(prev: &Row, next: &Row) -> bool {
    if !next.after_page_break {
        return false;
    }
    let (Some((_, p)), Some((_, n))) = (last_text(&prev.cells), last_text(&next.cells)) else {
        return false;
    };
    !ends_a_row(p) && ends_a_row(n)
}

/// Joins a wrapped cell's lines: CJK without a space, Latin with one.
pub fn join_wrapped(a: &str, b: &str) -> String {
    let a = a.trim_end();
    let b = b.trim_start();
    let latin = a.ends_with(|c: char| c.is_ascii_alphanumeric())
        && b.starts_with(|c: char| c.is_ascii_alphanumeric());
    if latin {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// The two parts as one row. Where the cut fell inside a cell (the last
/// text of `prev` and the first of `next` in the same column) that cell's
/// lines are joined; otherwise the parts are laid side by side in their
/// columns, or, when they overlap, one after the other.
pub fn join(prev: &Row, next: &Row) -> Row {
    let p_last = last_text(&prev.cells).map_or(0, |(i, _)| i);
    let n_first = first_text(&next.cells).map_or(0, |(i, _)| i);
    let mut cells: Vec<String> = prev.cells.clone();
    if n_first == p_last {
        let width = cells.len().max(next.cells.len());
        cells.resize(width, String::new());
        for (i, c) in next.cells.iter().enumerate() {
            if c.trim().is_empty() {
                continue;
            }
            cells[i] = if i == p_last {
                join_wrapped(&cells[i], c)
            } else {
                c.clone()
            };
        }
    } else if n_first > p_last {
        cells.truncate(p_last + 1);
        cells.extend(next.cells.iter().skip(p_last + 1).cloned());
    } else {
        cells.truncate(p_last + 1);
        cells.extend(next.cells.iter().skip(n_first).cloned());
    }
    Row {
        cells,
        page: prev.page,
        after_page_break: prev.after_page_break,
    }
}

/// The rows of a table with cut rows joined; the flag marks joined rows.
pub fn join_cut_rows(rows: &[&Row]) -> Vec<(Row, bool)> {
    let mut out: Vec<(Row, bool)> = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some((prev, joined)) = out.last_mut() {
            if continues(prev, row) {
                *prev = join(prev, row);
                *joined = true;
                continue;
            }
        }
        out.push(((*row).clone(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str, after_break: bool) -> Row {
        Row {
            cells: s.split('|').map(str::to_string).collect(),
            page: None,
            after_page_break: after_break,
        }
    }

    #[test]
    fn cut_between_columns() {
        let a = row("||预算执行|预算执行率|≥90%||", false);
        let b = row("|||||计划标准|绩效基本型", true);
        assert!(continues(&a, &b));
        assert_eq!(
            join(&a, &b).cells,
            vec![
                "",
                "",
                "预算执行",
                "预算执行率",
                "≥90%",
                "计划标准",
                "绩效基本型"
            ]
        );
    }

    #[test]
    fn cut_inside_a_cell() {
        let a = row("|||高频政务服务事项中实现", false);
        let b = row("|||“一网通办”比例|98%|100%|≥100%|计划标准|绩效基本型", true);
        assert!(continues(&a, &b));
        let j = join(&a, &b);
        assert_eq!(j.cells[3], "高频政务服务事项中实现“一网通办”比例");
        assert_eq!(j.cells.len(), 9);
    }

    #[test]
    fn shifted_continuation_goes_after() {
        let a = row("||预算执行|预算执行率|≥90%", false);
        let b = row("||计划标准|绩效基本型", true);
        assert!(continues(&a, &b));
        assert_eq!(
            join(&a, &b).cells,
            vec![
                "",
                "",
                "预算执行",
                "预算执行率",
                "≥90%",
                "计划标准",
                "绩效基本型"
            ]
        );
    }

    #[test]
    fn complete_rows_are_not_joined() {
        let a = row("||预算执行|预算执行率|≥90%|计划标准|绩效基本型", false);
        let b = row("|||结转结余率|0%|计划标准|绩效基本型", true);
        assert!(!continues(&a, &b));
        // Missing category (ends with a basis) is a complete row too.
        let a = row("||履职效能|政务服务|比例|98%|100%|≥100%|计划标准", false);
        assert!(!continues(&a, &b));
        // No page break: not a continuation.
        let a = row("||预算执行|预算执行率|≥90%", false);
        let b = row("|||||计划标准|绩效基本型", false);
        assert!(!continues(&a, &b));
    }

    #[test]
    fn wrapped_text_joins() {
        assert_eq!(join_wrapped("高频政务", "服务事项"), "高频政务服务事项");
        assert_eq!(join_wrapped("CIM", "platform"), "CIM platform");
        assert_eq!(join_wrapped("达到", "95%"), "达到95%");
    }
}
