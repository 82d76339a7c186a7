//! Step 5, merged cells cut by a page break. A level cell merged over rows
//! that straddle a page break is drawn as two cells, one at the bottom of
//! one page and one at the top of the next. Producers print its text in
//! one part only, often the later one when the first part is too short to
//! hold it. Then the rows on the first page show an empty cell where a new
//! group starts, and reading would fill them down from the group above.
//!
//! So where the last table of a page ends with an empty cell that starts
//! below a border, and the first table of the next page opens (after any
//! repeated header rows) with a cell of the same width, merged over two or
//! more rows and holding text, that text is given to the first part as
//! well. The later part keeps it: a name printed in both parts reads the
//! same as a name filled down.
//!
//! The conditions are deliberately narrow: a row whose cell is really empty
//! (a level-3 left blank at the page bottom) is followed by a single-row
//! cell, not a merged one, and is left alone.

use std::collections::HashSet;

use super::cells::grid_rows;
use super::clean::sane;
use super::edges::SNAP_TOL;
use super::furniture::MARGIN_FRAC;
use super::grid::Grid;
use super::PageContent;

/// Two cells on consecutive pages are the same column if their left and
/// right borders are this close.
pub const SAME_COLUMN_TOL: f64 = 2.0 * SNAP_TOL;

/// The table at the bottom of a page, if nothing but footer-zone text
/// follows it.
fn last_table(page: &PageContent) -> Option<usize> {
    let (t, grid) = page
        .grids
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.bbox().3.total_cmp(&b.1.bbox().3))?;
    let bottom = grid.bbox().3;
    let footer = if sane(page.height) && page.height > 0.0 {
        page.height * (1.0 - MARGIN_FRAC)
    } else {
        f64::INFINITY
    };
    let text_below = page
        .text_items
        .iter()
        .any(|i| i.top >= bottom && i.top < footer);
    (!text_below).then_some(t)
}

/// The table at the top of a page, if nothing but header-zone text comes
/// before it.
fn first_table(page: &PageContent) -> Option<usize> {
    let (t, grid) = page
        .grids
        .iter()
        .enumerate()
        .min_by(|a, b| a.1.bbox().1.total_cmp(&b.1.bbox().1))?;
    let top = grid.bbox().1;
    let header = if sane(page.height) && page.height > 0.0 {
        page.height * MARGIN_FRAC
    } else {
        f64::NEG_INFINITY
    };
    let text_above = page
        .text_items
        .iter()
        .any(|i| i.bottom <= top && i.bottom > header);
    (!text_above).then_some(t)
}

/// A row's texts, to recognise a header row printed again.
fn signature(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t")
}

fn grid_signatures(grid: &Grid, texts: &[String]) -> Vec<String> {
    grid_rows(grid, texts)
        .iter()
        .map(|r| signature(&r.cells))
        .collect()
}

/// A row's signature without its first entry, when that entry holds text
/// and at least two texts remain: how the table's first header row reads
/// when printed again on a later page, where the label beside it
/// (年度绩效指标, merged over the whole table) continues empty.
fn without_label(cells: &[String]) -> Option<String> {
    let (first, rest) = cells.split_first()?;
    let rest = signature(rest);
    let enough = rest.split('\t').filter(|t| !t.is_empty()).count() >= 2;
    (!first.trim().is_empty() && enough).then_some(rest)
}

/// Every way the rows of a table may be printed again on a later page: as
/// they are, and the label's row without the label.
fn reprint_signatures(grid: &Grid, texts: &[String]) -> Vec<String> {
    grid_rows(grid, texts)
        .iter()
        .flat_map(|r| std::iter::once(signature(&r.cells)).chain(without_label(&r.cells)))
        .collect()
}

/// The number of leading rows of a table that are headers printed again
/// (rows already seen earlier in the document).
fn repeated_header_rows(grid: &Grid, texts: &[String], seen: &HashSet<String>) -> usize {
    grid_signatures(grid, texts)
        .iter()
        .take_while(|s| !s.is_empty() && seen.contains(*s))
        .count()
}

/// Gives the empty cut cells at the bottom of `a` the text of their
/// continuation at the top of `b`. `seen_before_a`: rows printed before
/// `a`'s page; `seen`: rows printed before `b`.
pub fn carry(
    a: &Grid,
    a_texts: &mut [String],
    b: &Grid,
    b_texts: &[String],
    seen_before_a: &HashSet<String>,
    seen: &HashSet<String>,
) {
    // The first row of `b` that is not a header printed again.
    let first = repeated_header_rows(b, b_texts, seen);
    // An empty cell that opens `a`'s body continues a cell from the page
    // before `a`; the text at the top of `b` starts a new group.
    let a_first = repeated_header_rows(a, a_texts, seen_before_a);
    for (k, cell) in a.cells.iter().enumerate() {
        let cut_and_empty = cell.row > a_first
            && cell.row + cell.rowspan == a.rows()
            && a_texts.get(k).is_some_and(|t| t.trim().is_empty());
        if !cut_and_empty {
            continue;
        }
        let Some(col) =
            b.xs.iter()
                .position(|&x| (x - cell.x0).abs() <= SAME_COLUMN_TOL)
        else {
            continue;
        };
        let Some(next) = b.owner_at(first, col) else {
            continue;
        };
        let Some(cont) = b.cells.get(next) else {
            continue;
        };
        let same_column = (cont.x0 - cell.x0).abs() <= SAME_COLUMN_TOL
            && (cont.x1 - cell.x1).abs() <= SAME_COLUMN_TOL;
        if !same_column || cont.row != first || cont.rowspan < 2 {
            continue;
        }
        let text = b_texts.get(next).filter(|t| !t.trim().is_empty());
        if let (Some(text), Some(slot)) = (text, a_texts.get_mut(k)) {
            *slot = text.clone();
        }
    }
}

/// [`carry`] across every page break whose pages end and start with a
/// table.
pub fn carry_cut_cells(pages: &mut [PageContent]) {
    let mut seen: HashSet<String> = HashSet::new();
    for n in 0..pages.len() {
        let (done, rest) = pages.split_at_mut(n + 1);
        let (Some(page), Some(next)) = (done.last_mut(), rest.first()) else {
            break;
        };
        let seen_before_a = seen.clone();
        for (g, texts) in page.grids.iter().zip(&page.cell_texts) {
            seen.extend(reprint_signatures(g, texts));
        }
        let (Some(ta), Some(tb)) = (last_table(page), first_table(next)) else {
            continue;
        };
        let (Some(a), Some(a_texts)) = (page.grids.get(ta), page.cell_texts.get_mut(ta)) else {
            continue;
        };
        let (Some(b), Some(b_texts)) = (next.grids.get(tb), next.cell_texts.get(tb)) else {
            continue;
        };
        carry(a, a_texts, b, b_texts, &seen_before_a, &seen);
    }
}

#[cfg(test)]
mod tests {
    use super::without_label;
    use crate::layout::pdf::layout_pages;
    use crate::layout::pdf::tests::{cells_of, page, table, text_at};

    const XS: [f64; 5] = [50.0, 110.0, 190.0, 290.0, 340.0];

    /// Page 1: a header and two groups, the second starting in the last
    /// row with its level cells printed empty. Page 2: the header again,
    /// then the rest of that group with its names, merged over two rows.
    fn pages(next_rowspan: usize) -> Vec<crate::extract::page::Page> {
        let (mut g1, r1) = table(
            &XS,
            &[600.0, 620.0, 640.0, 660.0],
            &[
                (0, 0, 1, 1, "一级指标"),
                (0, 1, 1, 1, "二级指标"),
                (0, 2, 1, 1, "三级指标"),
                (0, 3, 1, 1, "指标值"),
                (1, 0, 1, 1, "效益指标"),
                (1, 1, 1, 1, "可持续影响指标"),
                (1, 2, 1, 1, "卫生健康信息化水平"),
                (1, 3, 1, 1, "提升"),
                (2, 0, 1, 1, ""),
                (2, 1, 1, 1, ""),
                (2, 2, 1, 1, "患者满意度"),
                (2, 3, 1, 1, "≥95%"),
            ],
        );
        g1.extend(text_at("- 1 -", 290.0, 815.0, 100.0));
        let (g2, r2) = table(
            &XS,
            &[72.0, 92.0, 112.0, 132.0],
            &[
                (0, 0, 1, 1, "一级指标"),
                (0, 1, 1, 1, "二级指标"),
                (0, 2, 1, 1, "三级指标"),
                (0, 3, 1, 1, "指标值"),
                (1, 0, next_rowspan, 1, "满意度指标"),
                (1, 1, next_rowspan, 1, "服务对象"),
                (1, 2, 1, 1, "医生满意度"),
                (1, 3, 1, 1, "≥90%"),
                (2, 0, 2 - next_rowspan, 1, "x"),
                (2, 1, 2 - next_rowspan, 1, "y"),
                (2, 2, 1, 1, "居民满意度"),
                (2, 3, 1, 1, "≥92%"),
            ]
            .into_iter()
            .filter(|c| c.2 > 0)
            .collect::<Vec<_>>(),
        );
        vec![page(1, g1, r1), page(2, g2, r2)]
    }

    fn row<'a>(rows: &'a [Vec<String>], text: &str) -> Option<&'a Vec<String>> {
        rows.iter().find(|r| r.iter().any(|c| c == text))
    }

    #[test]
    fn names_printed_only_after_the_break_are_carried_back() {
        let rows = cells_of(&layout_pages(&pages(2)));
        assert_eq!(
            row(&rows, "患者满意度").map(Vec::as_slice),
            Some(&["满意度指标", "服务对象", "患者满意度", "≥95%"].map(String::from)[..])
        );
        // The later part keeps its text; the header on page 2 is kept.
        assert_eq!(
            row(&rows, "医生满意度").map(Vec::as_slice),
            Some(&["满意度指标", "服务对象", "医生满意度", "≥90%"].map(String::from)[..])
        );
        assert_eq!(rows.len(), 6);
    }

    #[test]
    fn single_row_cells_after_the_break_are_not_carried() {
        // Page 2's names are single-row cells: page 1's empty cells are
        // really empty.
        let rows = cells_of(&layout_pages(&pages(1)));
        assert_eq!(
            row(&rows, "患者满意度").map(Vec::as_slice),
            Some(&["", "", "患者满意度", "≥95%"].map(String::from)[..])
        );
    }

    #[test]
    fn header_printed_again_without_its_label_is_skipped() {
        // A label column (年度绩效指标, merged over the table) beside the
        // header on page 1; on page 2 the label cell goes on, empty, beside
        // the header printed again. The name printed after the break is
        // the one carried back, not the header's 一级指标.
        const LX: [f64; 6] = [20.0, 50.0, 110.0, 190.0, 290.0, 340.0];
        let (g1, r1) = table(
            &LX,
            &[600.0, 620.0, 640.0, 660.0],
            &[
                (0, 0, 3, 1, "年度绩效指标"),
                (0, 1, 1, 1, "一级指标"),
                (0, 2, 1, 1, "二级指标"),
                (0, 3, 1, 1, "三级指标"),
                (0, 4, 1, 1, "指标值"),
                (1, 1, 1, 1, "运行成本"),
                (1, 2, 1, 1, "公用经费控制"),
                (1, 3, 1, 1, "公用经费控制率"),
                (1, 4, 1, 1, "100%"),
                (2, 1, 1, 1, ""),
                (2, 2, 1, 1, "战略管理"),
                (2, 3, 1, 1, "中长期规划相符性"),
                (2, 4, 1, 1, "相符"),
            ],
        );
        let (g2, r2) = table(
            &LX,
            &[72.0, 92.0, 112.0, 132.0],
            &[
                (0, 0, 3, 1, ""),
                (0, 1, 1, 1, "一级指标"),
                (0, 2, 1, 1, "二级指标"),
                (0, 3, 1, 1, "三级指标"),
                (0, 4, 1, 1, "指标值"),
                (1, 1, 2, 1, "管理效率"),
                (1, 2, 1, 1, "预算编制"),
                (1, 3, 1, 1, "预算编制科学性"),
                (1, 4, 1, 1, "科学"),
                (2, 2, 1, 1, "预算执行"),
                (2, 3, 1, 1, "预算执行率"),
                (2, 4, 1, 1, "≥90%"),
            ],
        );
        let rows = cells_of(&layout_pages(&[page(1, g1, r1), page(2, g2, r2)]));
        assert_eq!(
            row(&rows, "中长期规划相符性").map(Vec::as_slice),
            Some(&["", "管理效率", "战略管理", "中长期规划相符性", "相符"].map(String::from)[..])
        );
    }

    #[test]
    fn label_less_signatures() {
        let cells = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            without_label(&cells(&["年度绩效指标", "一级指标", "", "三级指标"])),
            Some("一级指标\t三级指标".to_string())
        );
        // No label, or too little left to recognise the row by.
        assert_eq!(without_label(&cells(&["", "一级指标", "二级指标"])), None);
        assert_eq!(
            without_label(&cells(&["年度绩效指标", "一级指标", ""])),
            None
        );
        assert_eq!(without_label(&[]), None);
    }

    #[test]
    fn text_after_the_table_stops_the_carry() {
        let mut p = pages(2);
        if let Some(first) = p.first_mut() {
            first
                .glyphs
                .extend(text_at("注：以上为本页内容", 50.0, 700.0, 300.0));
        }
        let rows = cells_of(&layout_pages(&p));
        assert_eq!(
            row(&rows, "患者满意度")
                .and_then(|r| r.first())
                .map(String::as_str),
            Some("")
        );
    }
}
