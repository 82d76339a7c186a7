//! Rows that a page break cut in two: the first part ends the page before
//! its 指标值确定依据 / 指标分类 columns, the rest opens the next page.
//! They are joined back into one row before the row is read.

use crate::layout::Row;

use super::values::year_cell;
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

/// Whether `next` (right after a page break) continues `prev`: either
/// `prev` stops before the columns that end every row and `next` supplies
/// them, or `prev` is whole and `next` holds only the rest of its wrapped
/// cells (text in columns where `prev` has text, no values of its own).
pub fn continues(prev: &Row, next: &Row) -> bool {
    let is_header = |r: &Row| {
        r.texts()
            .any(|t| vocab::is_indicator_header_cell(t) || year_cell(t).is_some())
    };
    if !next.after_page_break || is_header(next) || is_header(prev) {
        return false;
    }
    let (Some((_, p)), Some((_, n))) = (last_text(&prev.cells), last_text(&next.cells)) else {
        return false;
    };
    if !ends_a_row(p) {
        return ends_a_row(n);
    }
    let under_prev_text = next.cells.iter().enumerate().all(|(i, c)| {
        c.trim().is_empty() || prev.cells.get(i).is_some_and(|p| !p.trim().is_empty())
    });
    let few = next.texts().count() < prev.texts().count();
    under_prev_text && few && !next.texts().any(ends_a_row)
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
    let prev_whole = last_text(&prev.cells).is_some_and(|(_, t)| ends_a_row(t));
    if prev_whole {
        for (i, c) in next.cells.iter().enumerate() {
            if let Some(slot) = cells.get_mut(i).filter(|_| !c.trim().is_empty()) {
                *slot = join_wrapped(slot, c);
            }
        }
    } else if n_first == p_last {
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
    fn wrapped_cell_continued_on_the_next_page() {
        let a = row(
            "|||项目实施成本控制|≤预算|≤预算|≤预算|计划标准|绩效基本型",
            false,
        );
        let b = row("|||在预算范围内|||||", true);
        assert!(continues(&a, &b));
        let j = join(&a, &b);
        assert_eq!(j.cells[3], "项目实施成本控制在预算范围内");
        assert_eq!(j.cells[8], "绩效基本型");
        // A new row with its own values is not a continuation.
        let c = row("|||预算执行率|≥90%|≥90%|≥90%|计划标准|绩效基本型", true);
        assert!(!continues(&a, &c));
        // Text where the row above has none: a new row, not a continuation.
        let d = row("|成本指标||||||||", true);
        assert!(!continues(&a, &d));
    }

    #[test]
    fn repeated_headers_are_not_continuations() {
        let a = row(
            "|满意度|服务对象满意度|群众满意度|98%|98%|≥98%|计划标准|绩效基本型",
            false,
        );
        let h = row(
            "|一级指标|二级指标|三级指标|指标值|指标值确定依据|指标分类",
            true,
        );
        assert!(!continues(&a, &h));
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
