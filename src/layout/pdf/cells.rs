//! Step 4, glyphs into cells and tables into rows: each glyph goes to the
//! cell holding its centre point; each grid row of a table becomes one row
//! of cell texts, the way a text dump prints it (a cell spanning columns is
//! one entry, a position covered by a merged cell from a row above is an
//! empty entry, a merged cell's text sits in the row where it starts).
//!
//! One exception to the centre rule: typesetters let punctuation hang past
//! the right margin at a line end (`…规划；2、` with the `、` over the
//! border), so its centre lies in the next cell or outside the table. A
//! glyph that starts inside a cell and continues one of that cell's lines
//! on the same baseline, with nothing of its own cell's line after it,
//! belongs to the cell it starts in.

use std::collections::HashMap;

use crate::layout::Span;

use super::clean::G;
use super::grid::Grid;
use super::text::block_text;

/// A glyph continues a line if it starts within this (em) of the line's
/// last glyph's end, or of the next glyph's start.
pub const CONTINUE_GAP_EM: f64 = 0.3;
/// Baselines this close (em) are one line, for glyphs hanging past a
/// border (tighter than the line grouping: the glyph is set on the line).
pub const SAME_BASELINE_EM: f64 = 0.2;

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
    let locate = |x: f64, y: f64| {
        by_area
            .iter()
            .find_map(|&t| Some((t, grids.get(t)?.locate(x, y)?)))
    };
    let mut hits: Vec<Option<(usize, usize)>> =
        glyphs.iter().map(|g| locate(g.cx(), g.cy())).collect();
    // Glyphs over a border: the cell they start in, where their centre
    // is not. The lines of the cells are measured without them.
    let starts: Vec<Option<(usize, usize)>> = glyphs
        .iter()
        .zip(&hits)
        .map(|(g, hit)| locate(g.x0, g.cy()).filter(|s| !g.ws && Some(*s) != *hit))
        .collect();
    let lines = LineExtents::new(glyphs, &hits, &starts);
    for ((g, hit), start) in glyphs.iter().zip(hits.iter_mut()).zip(&starts) {
        if let Some(start) = *start {
            if lines.hangs_off(g, start, *hit) {
                *hit = Some(start);
            }
        }
    }
    carry_on_past_tables(glyphs, &mut hits);
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

/// Glyphs outside every table that go on with a cell's line, past the
/// table's edge (a date or a sentence its producer did not wrap, set over
/// the right border and beyond: `2024年12月3` in the cell, `1日前` past
/// it), belong to that cell: each, left to right, that starts where a
/// cell's line on its baseline ends (within [`CONTINUE_GAP_EM`]) joins
/// it. Text on its own beside a table is farther off, and stays free.
fn carry_on_past_tables(glyphs: &[G], hits: &mut [Option<(usize, usize)>]) {
    let mut free: Vec<usize> = hits
        .iter()
        .enumerate()
        .filter(|(_, h)| h.is_none())
        .map(|(i, _)| i)
        .collect();
    if free.is_empty() {
        return;
    }
    // Each cell line's end: (cell, baseline key) to (baseline, end).
    let mut ends: HashMap<((usize, usize), i64), (f64, f64)> = HashMap::new();
    for (g, hit) in glyphs.iter().zip(hits.iter()) {
        let Some(cell) = *hit else { continue };
        if g.ws {
            continue;
        }
        let e = ends
            .entry((cell, baseline_key(g.baseline)))
            .or_insert((g.baseline, f64::NEG_INFINITY));
        e.1 = e.1.max(g.x1);
    }
    if ends.is_empty() {
        return;
    }
    // The lines by baseline key, for the glyphs to look up: (cell,
    // baseline, end).
    type LineEnd = ((usize, usize), f64, f64);
    let mut by_key: HashMap<i64, Vec<LineEnd>> = HashMap::new();
    for ((cell, key), (baseline, end)) in ends {
        by_key.entry(key).or_default().push((cell, baseline, end));
    }
    for lines in by_key.values_mut() {
        lines.sort_by_key(|(cell, _, _)| *cell);
    }
    free.sort_by(|&a, &b| {
        let x = |i: usize| glyphs.get(i).map_or(0.0, |g| g.x0);
        x(a).total_cmp(&x(b))
    });
    for i in free {
        let Some(g) = glyphs.get(i) else { continue };
        let gap = CONTINUE_GAP_EM * g.size;
        let tol = SAME_BASELINE_EM * g.size;
        let (lo, hi) = (
            baseline_key(g.baseline - tol),
            baseline_key(g.baseline + tol),
        );
        let mut found: Option<(i64, usize)> = None;
        for key in lo..=hi.min(lo.saturating_add(16)) {
            let Some(lines) = by_key.get(&key) else {
                continue;
            };
            for (k, (_, baseline, end)) in lines.iter().enumerate() {
                if (baseline - g.baseline).abs() <= tol && *end <= g.x0 + gap && g.x0 - *end <= gap
                {
                    found = Some((key, k));
                }
            }
        }
        let Some((key, k)) = found else { continue };
        if let Some(line) = by_key.get_mut(&key).and_then(|l| l.get_mut(k)) {
            line.2 = line.2.max(g.x1);
            if let Some(hit) = hits.get_mut(i) {
                *hit = Some(line.0);
            }
        }
    }
}

/// Lines that run on from one cell into the next with no gap between
/// them (on one baseline, the right one starting within
/// [`ACROSS_GAP_EM`] of where the left one ends): text set over a
/// border, which the border cut in two, whatever the producer meant.
/// Each as `end of the left line | start of the right one`.
pub fn lines_across_borders(glyphs: &[G], assignment: &Assignment) -> Vec<String> {
    // (baseline key) to the cells' lines on it, each measured once.
    let mut by_key: HashMap<i64, Vec<CellLine>> = HashMap::new();
    for (t, cells) in assignment.cells.iter().enumerate() {
        for (c, idx) in cells.iter().enumerate() {
            let mut lines: HashMap<i64, CellLine> = HashMap::new();
            for &i in idx {
                let Some(g) = glyphs.get(i).filter(|g| !g.ws) else {
                    continue;
                };
                let line = lines.entry(baseline_key(g.baseline)).or_insert(CellLine {
                    cell: (t, c),
                    baseline: g.baseline,
                    size: g.size,
                    start: f64::INFINITY,
                    end: f64::NEG_INFINITY,
                    glyphs: Vec::new(),
                });
                line.start = line.start.min(g.x0);
                line.end = line.end.max(g.x1);
                line.glyphs.push(i);
            }
            for (k, line) in lines {
                by_key.entry(k).or_default().push(line);
            }
        }
    }
    let mut keys: Vec<i64> = by_key.keys().copied().collect();
    keys.sort_unstable();
    let mut out = Vec::new();
    for k in keys {
        let Some(lines) = by_key.get(&k) else {
            continue;
        };
        for left in lines {
            let near = (k - 1..=k + 1).filter_map(|n| by_key.get(&n)).flatten();
            for right in near {
                let same_table = left.cell.0 == right.cell.0;
                if !same_table || left.cell == right.cell {
                    continue;
                }
                let size = left.size.max(right.size);
                if (left.baseline - right.baseline).abs() > SAME_BASELINE_EM * size {
                    continue;
                }
                let gap = right.start - left.end;
                if (-ACROSS_GAP_EM * size..=ACROSS_GAP_EM * size).contains(&gap) {
                    out.push(format!(
                        "{} | {}",
                        edge_text(glyphs, &left.glyphs, false),
                        edge_text(glyphs, &right.glyphs, true)
                    ));
                }
            }
        }
    }
    out
}

/// One cell's glyphs on one baseline, and where they start and end.
struct CellLine {
    cell: (usize, usize),
    baseline: f64,
    size: f64,
    start: f64,
    end: f64,
    glyphs: Vec<usize>,
}

/// Lines of two cells this close (em) run on across the border.
pub const ACROSS_GAP_EM: f64 = 0.15;

/// The first (or last) few characters of a line of glyphs.
fn edge_text(glyphs: &[G], idx: &[usize], first: bool) -> String {
    const CHARS: usize = 6;
    let mut line: Vec<&G> = idx.iter().filter_map(|&i| glyphs.get(i)).collect();
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let text: Vec<char> = line.iter().flat_map(|g| g.text.chars()).collect();
    if first {
        text.iter().take(CHARS).collect()
    } else {
        let from = text.len().saturating_sub(CHARS);
        text.get(from..).unwrap_or_default().iter().collect()
    }
}

/// Where each cell's lines end and start, by baseline: what
/// [`LineExtents::hangs_off`] needs, without a scan of the cell per glyph.
struct LineExtents {
    /// (table, cell, baseline in whole points) to the rightmost end and the
    /// leftmost start of the cell's glyphs on that baseline.
    by_line: HashMap<(usize, usize, i64), (f64, f64)>,
}

/// A baseline's key; `as` saturates, and baselines are sane.
fn baseline_key(y: f64) -> i64 {
    y.round() as i64
}

impl LineExtents {
    /// From the glyphs' cells (`hits`), leaving out the glyphs over a
    /// border (`starts`).
    fn new(
        glyphs: &[G],
        hits: &[Option<(usize, usize)>],
        starts: &[Option<(usize, usize)>],
    ) -> Self {
        let mut by_line: HashMap<(usize, usize, i64), (f64, f64)> = HashMap::new();
        for ((g, hit), start) in glyphs.iter().zip(hits).zip(starts) {
            let Some((t, c)) = *hit else { continue };
            if g.ws || start.is_some() {
                continue;
            }
            let e = by_line
                .entry((t, c, baseline_key(g.baseline)))
                .or_insert((f64::NEG_INFINITY, f64::INFINITY));
            e.0 = e.0.max(g.x1);
            e.1 = e.1.min(g.x0);
        }
        LineExtents { by_line }
    }

    /// The ends and starts of `cell`'s glyphs on `g`'s baseline.
    fn near<'s>(&'s self, g: &G, cell: (usize, usize)) -> impl Iterator<Item = (f64, f64)> + 's {
        let tol = SAME_BASELINE_EM * g.size;
        let (lo, hi) = (
            baseline_key(g.baseline - tol),
            baseline_key(g.baseline + tol),
        );
        // At most a few keys: sizes are sane, and the span is capped.
        (lo..=hi.min(lo.saturating_add(16)))
            .filter_map(move |k| self.by_line.get(&(cell.0, cell.1, k)).copied())
    }

    /// Whether `g`, which starts in cell `start` but whose centre is in
    /// `centre` (another cell, or no table), hangs off the end of one of
    /// `start`'s lines: `start` has a line on its baseline ending where `g`
    /// begins, and `centre` has none beginning where `g` ends (a cell's
    /// first glyph set over the border is not taken from it).
    fn hangs_off(&self, g: &G, start: (usize, usize), centre: Option<(usize, usize)>) -> bool {
        let gap = CONTINUE_GAP_EM * g.size;
        let continues = self
            .near(g, start)
            .any(|(end, _)| end <= g.x0 + gap && g.x0 - end <= gap);
        let followed = centre.is_some_and(|c| {
            self.near(g, c)
                .any(|(_, begin)| begin >= g.x1 - gap && begin - g.x1 <= gap)
        });
        continues && !followed
    }
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

    /// A 1 x 2 table (borders at x = 0, 100, 200; y = 0, 40) and the texts
    /// of its cells, from `raw`.
    fn two_cells(raw: &[crate::extract::page::Glyph]) -> (Vec<String>, usize) {
        let (gs, a) = two_cells_assigned(raw);
        let texts = cell_texts(&gs, a.cells.first().map_or(&[][..], Vec::as_slice));
        (texts, a.free.len())
    }

    #[test]
    fn punctuation_hanging_past_a_border_stays_in_its_cell() {
        // "深化改革2、" ends at x = 99 + 10: the 、 (centre 104) hangs over the
        // border into the next cell, which has text on another line.
        let mut raw = word("深化改革", 54.0, 14.0, 10.0, 0.0);
        raw.extend(word("2", 94.0, 14.0, 10.0, 0.0));
        raw.extend(word("、", 99.0, 14.0, 10.0, 0.0));
        raw.extend(word("深化", 2.0, 28.0, 10.0, 0.0));
        raw.extend(word("其他", 110.0, 28.0, 10.0, 0.0));
        let (texts, _) = two_cells(&raw);
        assert_eq!(texts, vec!["深化改革2、\n深化", "其他"]);
        // Past the table's right edge: not free text.
        let mut raw = word("数据治理", 159.0, 14.0, 10.0, 0.0);
        raw.extend(word("；", 199.0, 14.0, 10.0, 0.0));
        let (texts, free) = two_cells(&raw);
        assert_eq!(texts, vec!["", "数据治理；"]);
        assert_eq!(free, 0);
    }

    #[test]
    fn a_line_going_on_past_the_table_stays_in_its_cell() {
        // `2024年12月3` fills the last cell up to its border at x = 200;
        // `1日前` goes on past the table, right after it.
        let mut raw = word("2024年12月3", 144.0, 14.0, 10.0, 0.0);
        raw.extend(word("1日前", 199.0, 14.0, 10.0, 0.0));
        let (texts, free) = two_cells(&raw);
        assert_eq!(texts, vec!["", "2024年12月31日前"]);
        assert_eq!(free, 0);
        // Text beside the table, a few characters off its cell's line, is
        // no part of it; nor is text on another baseline.
        let mut raw = word("合计", 104.0, 14.0, 10.0, 0.0);
        raw.extend(word("单位：万元", 210.0, 14.0, 10.0, 0.0));
        raw.extend(word("备注", 201.0, 30.0, 10.0, 0.0));
        let (texts, free) = two_cells(&raw);
        assert_eq!(texts, vec!["", "合计"]);
        assert_eq!(free, "单位：万元备注".chars().count());
    }

    #[test]
    fn a_line_run_on_across_a_border_is_found() {
        // One line from x = 49 to 109 over the border at 100: which cell
        // its end belongs to, the border says and the text may not.
        let mut raw = word("故障响应内", 49.0, 14.0, 10.0, 0.0);
        raw.extend(word("接到报修", 99.0, 14.0, 10.0, 0.0));
        let (gs, a) = two_cells_assigned(&raw);
        assert_eq!(lines_across_borders(&gs, &a), vec!["故障响应内 | 接到报修"]);
        // Cells with room between their texts: nothing.
        let mut raw = word("故障响应", 49.0, 14.0, 10.0, 0.0);
        raw.extend(word("≥98%", 104.0, 14.0, 10.0, 0.0));
        let (gs, a) = two_cells_assigned(&raw);
        assert!(lines_across_borders(&gs, &a).is_empty());
    }

    /// The same table's glyphs and where they went.
    fn two_cells_assigned(raw: &[crate::extract::page::Glyph]) -> (Vec<G<'_>>, Assignment) {
        let rulings = vec![
            hr(0.0, 200.0, 0.0),
            hr(0.0, 200.0, 40.0),
            vr(0.0, 0.0, 40.0),
            vr(100.0, 0.0, 40.0),
            vr(200.0, 0.0, 40.0),
        ];
        let gs = clean_glyphs(raw);
        let grids = find_tables(&edges_from_rulings(&rulings), &[]);
        let a = assign(&grids, &gs);
        (gs, a)
    }

    #[test]
    fn a_glyph_over_a_border_stays_where_its_line_goes_on() {
        // The next cell's text starts 1 pt before the border and goes on:
        // its first glyph is the next cell's, though the line on the left
        // ends right before it.
        let mut raw = word("公用经费控", 49.0, 14.0, 10.0, 0.0);
        raw.extend(word("会议费", 99.0, 14.0, 10.0, 0.0));
        let (texts, _) = two_cells(&raw);
        assert_eq!(texts, vec!["公用经费控", "会议费"]);
        // Over the border on another baseline than the cell's line: no
        // line of the left cell goes on there.
        let mut raw = word("公用经费控", 49.0, 14.0, 10.0, 0.0);
        raw.extend(word("、", 99.0, 30.0, 10.0, 0.0));
        let (texts, _) = two_cells(&raw);
        assert_eq!(texts, vec!["公用经费控", "、"]);
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
