//! Step 4, glyphs into cells and tables into rows: each glyph goes to the
//! cell holding its centre point; each grid row of a table becomes one row
//! of cell texts, the way a text dump prints it (a cell spanning columns is
//! one entry, a position covered by a merged cell from a row above is an
//! empty entry, a merged cell's text sits in the row where it starts).

use crate::layout::Span;

use super::clean::G;
use super::grid::Grid;
use super::text::block_text;

/// Where the glyphs of a page went: per table, per cell, glyph indices;
/// and the glyphs outside every table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Assignment {
    pub cells: Vec<Vec<Vec<usize>>>,
    pub free: Vec<usize>,
}

/// Each glyph to the cell containing its centre. Where tables overlap (a
/// table drawn inside a frame or a cell), the smaller table wins.
pub fn assign(grids: &[Grid], glyphs: &[G]) -> Assignment {
    let mut by_area: Vec<usize> = (0..grids.len()).collect();
    by_area.sort_by(|&a, &b| {
        let area = |i: usize| grids.get(i).map_or(0.0, Grid::area);
        area(a).total_cmp(&area(b))
    });
    let hits: Vec<Option<(usize, usize)>> = glyphs
        .iter()
        .map(|g| {
            let (x, y) = (g.cx(), g.cy());
            by_area
                .iter()
                .find_map(|&t| Some((t, grids.get(t)?.locate(x, y)?)))
        })
        .collect();
    // Count first, so every cell's list is allocated once at its size.
    let mut counts: Vec<Vec<usize>> = grids.iter().map(|g| vec![0; g.cells.len()]).collect();
    let mut free_count = 0;
    for hit in &hits {
        match hit.and_then(|(t, c)| counts.get_mut(t)?.get_mut(c)) {
            Some(n) => *n += 1,
            None => free_count += 1,
        }
    }
    let mut out = Assignment {
        cells: counts
            .iter()
            .map(|t| t.iter().map(|&n| Vec::with_capacity(n)).collect())
            .collect(),
        free: Vec::with_capacity(free_count),
    };
    for (i, hit) in hits.into_iter().enumerate() {
        match hit.and_then(|(t, c)| out.cells.get_mut(t)?.get_mut(c)) {
            Some(slot) => slot.push(i),
            None => out.free.push(i),
        }
    }
    out
}

/// The text of every cell of one table.
pub fn cell_texts(glyphs: &[G], cells: &[Vec<usize>]) -> Vec<String> {
    cells.iter().map(|idx| block_text(glyphs, idx)).collect()
}

/// One grid row of a table: its vertical extent and its entries.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub top: f64,
    pub bottom: f64,
    pub cells: Vec<String>,
    /// Each entry's horizontal extent (tenths of a point).
    pub spans: Vec<Span>,
}

/// A PDF x coordinate as a [`Span`] unit (tenths of a point).
pub fn span_unit(x: f64) -> i32 {
    let v = (x * 10.0).round();
    if v.is_finite() {
        v.clamp(i32::MIN as f64, i32::MAX as f64) as i32
    } else {
        0
    }
}

/// The rows of a table. Walking a grid row left to right, consecutive
/// positions owned by one cell are one entry; the entry holds the cell's
/// text in the row where the cell starts (once), and is empty elsewhere.
pub fn grid_rows(grid: &Grid, texts: &[String]) -> Vec<GridRow> {
    let mut emitted = vec![false; grid.cells.len()];
    let mut rows = Vec::with_capacity(grid.rows());
    for r in 0..grid.rows() {
        let mut entries = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut prev: Option<usize> = None;
        for c in 0..grid.cols() {
            let owner = grid.owner_at(r, c);
            let right = span_unit(grid.xs.get(c + 1).copied().unwrap_or(0.0));
            if owner == prev {
                if let Some(last) = spans.last_mut() {
                    last.right = right;
                }
                continue;
            }
            prev = owner;
            let starts_here = owner
                .and_then(|k| grid.cells.get(k))
                .is_some_and(|cell| cell.row == r);
            let text = match owner.and_then(|k| emitted.get_mut(k)) {
                Some(done) if starts_here && !*done => {
                    *done = true;
                    owner
                        .and_then(|k| texts.get(k))
                        .cloned()
                        .unwrap_or_default()
                }
                _ => String::new(),
            };
            entries.push(text);
            spans.push(Span {
                left: span_unit(grid.xs.get(c).copied().unwrap_or(0.0)),
                right,
                continued: owner.is_some() && !starts_here,
            });
        }
        rows.push(GridRow {
            top: grid.ys.get(r).copied().unwrap_or(0.0),
            bottom: grid.ys.get(r + 1).copied().unwrap_or(0.0),
            cells: entries,
            spans,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::pdf::clean::clean_glyphs;
    use crate::layout::pdf::edges::edges_from_rulings;
    use crate::layout::pdf::grid::find_tables;
    use crate::layout::pdf::grid::tests::{hr, vr};
    use crate::layout::pdf::text::tests::word;

    #[test]
    fn rowspan_and_colspan_entries() {
        // 3 cols x 3 rows: col 0 merged over rows 0-1 with its text drawn
        // centred on the line between them; row 2's cols 1-2 merged.
        let rulings = vec![
            hr(0.0, 300.0, 0.0),
            hr(100.0, 300.0, 20.0),
            hr(0.0, 300.0, 40.0),
            hr(0.0, 300.0, 60.0),
            vr(0.0, 0.0, 60.0),
            vr(100.0, 0.0, 60.0),
            vr(200.0, 0.0, 40.0),
            vr(300.0, 0.0, 60.0),
        ];
        let mut raw = word("A", 10.0, 24.0, 10.0, 0.0);
        raw.extend(word("x", 110.0, 14.0, 10.0, 0.0));
        raw.extend(word("1", 210.0, 14.0, 10.0, 0.0));
        raw.extend(word("y", 110.0, 34.0, 10.0, 0.0));
        raw.extend(word("2", 210.0, 34.0, 10.0, 0.0));
        raw.extend(word("B", 10.0, 54.0, 10.0, 0.0));
        raw.extend(word("wide", 150.0, 54.0, 10.0, 0.0));
        raw.extend(word("outside", 10.0, 90.0, 10.0, 0.0));
        let gs = clean_glyphs(&raw);
        let grids = find_tables(&edges_from_rulings(&rulings), &[]);
        assert_eq!(grids.len(), 1);
        let a = assign(&grids, &gs);
        assert_eq!(a.free.len(), "outside".len());
        let grid = grids.first().expect("a table");
        let texts = cell_texts(&gs, a.cells.first().map_or(&[][..], Vec::as_slice));
        let rows: Vec<Vec<String>> = grid_rows(grid, &texts)
            .into_iter()
            .map(|r| r.cells)
            .collect();
        assert_eq!(
            rows,
            vec![vec!["A", "x", "1"], vec!["", "y", "2"], vec!["B", "wide"]]
        );
    }

    #[test]
    fn smaller_table_wins_where_tables_overlap() {
        // A 1 x 2 table inside a 2 x 1 table's second cell.
        let rulings = vec![
            hr(0.0, 400.0, 0.0),
            hr(0.0, 400.0, 100.0),
            hr(0.0, 400.0, 200.0),
            vr(0.0, 0.0, 200.0),
            vr(400.0, 0.0, 200.0),
            hr(50.0, 350.0, 120.0),
            hr(50.0, 350.0, 180.0),
            vr(50.0, 120.0, 180.0),
            vr(200.0, 120.0, 180.0),
            vr(350.0, 120.0, 180.0),
        ];
        let raw = word("in", 100.0, 150.0, 10.0, 0.0);
        let gs = clean_glyphs(&raw);
        let grids = find_tables(&edges_from_rulings(&rulings), &[]);
        assert_eq!(grids.len(), 2);
        let a = assign(&grids, &gs);
        let small = grids
            .iter()
            .position(|g| g.cells.len() == 2 && g.cols() == 2)
            .expect("inner table");
        let got: usize = a
            .cells
            .get(small)
            .map_or(0, |cells| cells.iter().map(Vec::len).sum());
        assert_eq!(got, 2);
    }
}
