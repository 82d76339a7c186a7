//! Tables of structured formats (HTML, DOCX, XLSX, XLS) to rows.
//!
//! These formats say where every cell is: a cell starts at a grid slot and
//! covers `rows` × `cols` slots. The rows produced here follow the contract
//! of the PDF grids (`layout::pdf::cells::grid_rows`): one entry per cell
//! that starts in the row, with its text; one empty entry with
//! `continued: true` for the slots a merged cell from a row above covers;
//! an empty entry for a slot no cell owns, except at the end of a row (a row
//! shorter than the table stays short, so reconstruction can see it, also
//! when merged cells from above cover the slots after the missing ones).
//! Span units are grid columns × 100.

use super::{Row, Span};

/// Span units per grid column.
pub const COLUMN_UNITS: i32 = 100;

/// Grid slots a table may have (rows × columns). Larger tables are an
/// input error, so that a claimed span or dimension cannot make the grid
/// allocation unbounded.
pub const MAX_SLOTS: usize = 4_000_000;

/// One cell of a table, at its starting slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCell {
    pub row: usize,
    pub col: usize,
    /// Rows and columns covered (at least 1 each).
    pub rows: usize,
    pub cols: usize,
    pub text: String,
}

/// The table does not fit the slot budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    pub rows: usize,
    pub cols: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "table of {} rows × {} columns is over the limit of {MAX_SLOTS} cells",
            self.rows, self.cols
        )
    }
}

/// How rows are cut from the grid.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GridOptions {
    /// Leave out rows without text or continued cells.
    pub skip_blank: bool,
    /// Every row as wide as the table (spreadsheets: an empty cell is a
    /// cell); otherwise a row ends at its last cell (HTML, DOCX).
    pub full_width: bool,
}

/// Rows of a table. Cells are clamped to the grid; a cell that starts on a
/// slot already covered by an earlier cell (contradicting merges, or a
/// value under a spreadsheet's merged range) loses the overlap: the
/// earlier cell keeps the slot and the later one is placed on what is left
/// of its own first slot, or dropped, its text appended to the owner's so
/// nothing printed is lost, unless the owner already holds it (exporters
/// fill every cell of a merged range with the range's value).
/// `min_rows`: rows the table has even if no cell starts in them (a row
/// covered by rowspans from above).
pub fn table_rows(
    cells: Vec<TableCell>,
    min_rows: usize,
    opts: GridOptions,
) -> Result<Vec<Row>, TooLarge> {
    let n_rows = cells
        .iter()
        .map(|c| c.row + 1)
        .max()
        .unwrap_or(0)
        .max(min_rows);
    // Columns: as wide as the widest cell reaches (callers cap spans); rows:
    // a rowspan past the last row is clamped to it, as browsers do.
    let n_cols = cells
        .iter()
        .map(|c| c.col.saturating_add(c.cols.max(1)))
        .max()
        .unwrap_or(0);
    if n_rows.saturating_mul(n_cols) > MAX_SLOTS {
        return Err(TooLarge {
            rows: n_rows,
            cols: n_cols,
        });
    }
    // owner[r * n_cols + c]: index into `placed`.
    let mut owner: Vec<Option<usize>> = vec![None; n_rows * n_cols];
    let mut placed: Vec<TableCell> = Vec::with_capacity(cells.len());
    for cell in cells {
        let idx = cell.row * n_cols + cell.col;
        if let Some(Some(k)) = owner.get(idx) {
            // The start slot belongs to an earlier cell: keep the text.
            let k = *k;
            if let Some(p) = placed.get_mut(k) {
                let held = p.text.lines().any(|l| l.trim() == cell.text.trim());
                if !cell.text.is_empty() && !held {
                    if !p.text.is_empty() {
                        p.text.push('\n');
                    }
                    p.text.push_str(&cell.text);
                }
            }
            continue;
        }
        let rows_end = cell.row.saturating_add(cell.rows.max(1)).min(n_rows);
        let mut cols_end = cell.col.saturating_add(cell.cols.max(1)).min(n_cols);
        // A span stops at the first slot another cell already owns.
        for c in cell.col + 1..cols_end {
            if owner
                .get(cell.row * n_cols + c)
                .is_some_and(Option::is_some)
            {
                cols_end = c;
                break;
            }
        }
        let k = placed.len();
        let mut last_row = cell.row;
        'rows: for r in cell.row..rows_end {
            if r > cell.row
                && (cell.col..cols_end)
                    .any(|c| owner.get(r * n_cols + c).is_some_and(Option::is_some))
            {
                break 'rows;
            }
            for c in cell.col..cols_end {
                if let Some(slot) = owner.get_mut(r * n_cols + c) {
                    *slot = Some(k);
                }
            }
            last_row = r;
        }
        placed.push(TableCell {
            rows: last_row + 1 - cell.row,
            cols: cols_end - cell.col,
            ..cell
        });
    }

    let mut out = Vec::with_capacity(n_rows);
    for r in 0..n_rows {
        let row_owner = owner.get(r * n_cols..(r + 1) * n_cols).unwrap_or(&[]);
        // Trailing slots nobody owns are not part of the row; nor are the
        // slots of merged cells from above that follow such a hole after
        // the row's last own cell (`<td rowspan=2>备注</td>` at the right,
        // and the row below a cell short before it): the row does not add
        // up, and reconstruction must see that it is short.
        let width = if opts.full_width {
            n_cols
        } else {
            let starts =
                |o: &Option<usize>| o.and_then(|k| placed.get(k)).is_some_and(|p| p.row == r);
            let last_owned = row_owner
                .iter()
                .rposition(Option::is_some)
                .map_or(0, |i| i + 1);
            match row_owner.iter().rposition(starts) {
                Some(own)
                    if row_owner
                        .get(own + 1..last_owned)
                        .is_some_and(|tail| tail.iter().any(Option::is_none)) =>
                {
                    own + 1
                }
                _ => last_owned,
            }
        };
        let mut entries: Vec<String> = Vec::with_capacity(width);
        let mut spans: Vec<Span> = Vec::with_capacity(width);
        let mut c = 0;
        while c < width {
            let o = row_owner.get(c).copied().flatten();
            let mut end = c + 1;
            while end < width && o.is_some() && row_owner.get(end).copied().flatten() == o {
                end += 1;
            }
            let cell = o.and_then(|k| placed.get_mut(k));
            let owned = cell.is_some();
            let starts_here = cell.as_ref().is_some_and(|p| p.row == r);
            // A cell starts in one row only, so its text can move there.
            entries.push(match cell {
                Some(p) if starts_here => std::mem::take(&mut p.text),
                _ => String::new(),
            });
            spans.push(Span {
                left: units(c),
                right: units(end),
                continued: owned && !starts_here,
            });
            c = end;
        }
        let blank = entries.iter().all(|e| e.trim().is_empty());
        if entries.is_empty() || (opts.skip_blank && blank && spans.iter().all(|s| !s.continued)) {
            continue;
        }
        out.push(Row {
            cells: entries,
            page: None,
            after_page_break: false,
            table_start: out.is_empty(),
            spans: Some(spans),
        });
    }
    Ok(out)
}

/// A table's rows in parts: up to and including each row of `cuts`
/// (ascending), and the rest; one part more than cuts. A rowspan across a
/// cut ends at it. (Tables nested in a cell are read between the parts.)
pub fn table_rows_in_parts(
    cells: Vec<TableCell>,
    n_rows: usize,
    cuts: &[usize],
    opts: GridOptions,
) -> Result<Vec<Vec<Row>>, TooLarge> {
    let mut parts = Vec::with_capacity(cuts.len() + 1);
    let mut cells = cells;
    let mut start = 0;
    for end in cuts.iter().map(|&r| (r + 1).min(n_rows)).chain([n_rows]) {
        let end = end.max(start);
        let (part, rest): (Vec<TableCell>, Vec<TableCell>) =
            cells.into_iter().partition(|c| c.row < end);
        cells = rest;
        let part = part
            .into_iter()
            .map(|c| TableCell {
                row: c.row - start,
                rows: c.rows.min(end - c.row),
                ..c
            })
            .collect();
        parts.push(if end > start {
            table_rows(part, end - start, opts)?
        } else {
            Vec::new()
        });
        start = end;
    }
    Ok(parts)
}

fn units(col: usize) -> i32 {
    i32::try_from(col)
        .unwrap_or(i32::MAX / COLUMN_UNITS)
        .saturating_mul(COLUMN_UNITS)
}

/// A line of prose (text outside tables): one cell, no position.
pub fn prose_row(text: String) -> Row {
    Row {
        cells: vec![text],
        page: None,
        after_page_break: false,
        table_start: false,
        spans: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKIP: GridOptions = GridOptions {
        skip_blank: true,
        full_width: false,
    };

    fn cell(row: usize, col: usize, rows: usize, cols: usize, text: &str) -> TableCell {
        TableCell {
            row,
            col,
            rows,
            cols,
            text: text.to_string(),
        }
    }

    fn show(rows: &[Row]) -> Vec<String> {
        rows.iter()
            .map(|r| {
                r.cells
                    .iter()
                    .zip(r.spans.as_deref().unwrap_or(&[]))
                    .map(|(t, s)| {
                        format!(
                            "{}{}:{}-{}",
                            if s.continued { "^" } else { "" },
                            t,
                            s.left / 100,
                            s.right / 100
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn parts_cut_after_their_rows_and_end_a_rowspan_there() {
        let cells = vec![
            cell(0, 0, 3, 1, "绩效指标"),
            cell(0, 1, 1, 1, "A"),
            cell(1, 1, 1, 1, "B"),
            cell(2, 1, 1, 1, "C"),
        ];
        let parts = table_rows_in_parts(cells, 3, &[1], SKIP).unwrap();
        let texts: Vec<Vec<Vec<String>>> = parts
            .iter()
            .map(|p| p.iter().map(|r| r.cells.clone()).collect())
            .collect();
        assert_eq!(
            texts,
            vec![
                vec![
                    vec!["绩效指标".to_string(), "A".into()],
                    vec!["".into(), "B".into()]
                ],
                vec![vec!["".into(), "C".into()]],
            ]
        );
        // Below the cut the label's merge no longer reaches.
        let continued = parts[1][0].spans.as_ref().unwrap()[0].continued;
        assert!(!continued);
    }

    #[test]
    fn rowspans_colspans_and_short_rows() {
        let cells = vec![
            cell(0, 0, 2, 1, "A"),
            cell(0, 1, 1, 2, "B"),
            cell(1, 1, 1, 1, "C"),
            cell(1, 2, 2, 1, "D"),
            cell(2, 0, 1, 1, "E"),
        ];
        let rows = table_rows(cells.clone(), 0, SKIP).unwrap();
        assert_eq!(
            show(&rows),
            vec!["A:0-1 B:1-3", "^:0-1 C:1-2 D:2-3", "E:0-1"]
        );
        // A slot no cell owns between cells is an empty entry; one after the
        // row's last own cell ends the row, merged cells from above after it
        // included (the row is short, not its last column empty).
        let cells = vec![
            cell(0, 0, 1, 1, "A"),
            cell(0, 1, 1, 1, "B"),
            cell(0, 2, 2, 1, "C"),
            cell(1, 1, 1, 1, "D"),
        ];
        let rows = table_rows(cells, 0, SKIP).unwrap();
        assert_eq!(show(&rows), vec!["A:0-1 B:1-2 C:2-3", ":0-1 D:1-2 ^:2-3"]);
    }

    #[test]
    fn contradicting_merges_keep_the_first_and_every_text() {
        let cells = vec![cell(0, 0, 3, 3, "A"), cell(1, 1, 5, 5, "B")];
        let rows = table_rows(cells.clone(), 3, SKIP).unwrap();
        assert_eq!(show(&rows), vec!["A\nB:0-3", "^:0-3", "^:0-3"]);
    }

    #[test]
    fn a_value_repeated_under_its_range_is_read_once() {
        // An exporter fills every cell of a merged range with its value.
        let cells = vec![
            cell(0, 0, 3, 1, "产出指标"),
            cell(1, 0, 1, 1, "产出指标"),
            cell(2, 0, 1, 1, " 产出指标"),
            cell(0, 1, 1, 1, "x"),
        ];
        let rows = table_rows(cells, 3, SKIP).unwrap();
        assert_eq!(
            rows.first()
                .and_then(|r| r.cells.first())
                .map(String::as_str),
            Some("产出指标")
        );
    }

    #[test]
    fn huge_spans_are_bounded() {
        let cells = vec![cell(0, 0, 1, 1, "A"), cell(3_000_000, 3_000, 1, 1, "B")];
        assert!(table_rows(cells.clone(), 0, SKIP).is_err());
    }
}
