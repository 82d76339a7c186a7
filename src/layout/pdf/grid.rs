//! Step 2, edges to tables: which edges meet, which groups of them form a
//! table, the table's grid of row and column positions, and its cells with
//! their row and column spans.
//!
//! As in pdfplumber's table finder, a table is a connected set of crossing
//! edges. Its grid positions are the positions of its edges; every
//! elementary rectangle of the grid is bounded on each side by a border that
//! is either drawn or not. Elementary rectangles with no border between them
//! belong to one merged cell, so spans fall out of which internal edges are
//! present. A cell bounded on all outer sides is `closed`; one that touches
//! the table's outside where no border is drawn (a table without outer
//! verticals, say) is kept as an open cell so its text stays in its row.
//! Edges meeting fewer than two others are not borders (stubs, underlines),
//! except a vertical running exactly the table's height beside it: the
//! side of a merged cell continued from the previous page.

use super::edges::{Edge, Edges};

/// Edges within this distance of each other's extent are taken to meet
/// (corners drawn short or overshooting).
pub const CROSS_TOL: f64 = 3.0;
/// A grid row or column narrower than this holds no text: it comes from a
/// double border, and is folded into its neighbours.
pub const MIN_TRACK: f64 = 4.0;
/// A border counts as drawn between two grid positions when edges cover
/// this share of the distance (tolerates inset borders and small gaps).
pub const PRESENT_FRAC: f64 = 0.5;
/// Beyond this many edge pairs a page is a drawing, not a table; skipping
/// it keeps the time bounded on hostile input.
pub const MAX_PAIRS: usize = 4_000_000;
/// Beyond this many elementary cells a grid is not a table.
pub const MAX_GRID_CELLS: usize = 250_000;

/// One cell: its place in the grid and its rectangle (page space).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
    /// Bounded by drawn borders on every side.
    pub closed: bool,
}

/// One table: grid positions (ascending), its cells in reading order (by
/// starting row, then column) and, for each elementary rectangle (row-major,
/// `rows() * cols()` of them), the index of the cell that owns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub cells: Vec<Cell>,
    pub owner: Vec<usize>,
}

impl Grid {
    pub fn rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
    pub fn cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    /// The table's rectangle `(x0, y0, x1, y1)`.
    pub fn bbox(&self) -> (f64, f64, f64, f64) {
        let first = |v: &[f64]| v.first().copied().unwrap_or(0.0);
        let last = |v: &[f64]| v.last().copied().unwrap_or(0.0);
        (
            first(&self.xs),
            first(&self.ys),
            last(&self.xs),
            last(&self.ys),
        )
    }
    pub fn area(&self) -> f64 {
        let (x0, y0, x1, y1) = self.bbox();
        (x1 - x0) * (y1 - y0)
    }
    /// The cell owning the elementary rectangle at grid row `r`, column `c`.
    pub fn owner_at(&self, r: usize, c: usize) -> Option<usize> {
        if r >= self.rows() || c >= self.cols() {
            return None;
        }
        self.owner.get(r * self.cols() + c).copied()
    }
    /// The cell containing a point, if the point is inside the table.
    pub fn locate(&self, x: f64, y: f64) -> Option<usize> {
        let (x0, y0, x1, y1) = self.bbox();
        if !(x >= x0 && x <= x1 && y >= y0 && y <= y1) {
            return None;
        }
        let c = self.xs.partition_point(|&p| p <= x).saturating_sub(1);
        let r = self.ys.partition_point(|&p| p <= y).saturating_sub(1);
        // A point on the last line belongs to the last track.
        self.owner_at(
            r.min(self.rows().saturating_sub(1)),
            c.min(self.cols().saturating_sub(1)),
        )
    }
}

/// Disjoint-set forest over `0..n`, for edges and for elementary cells.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut i: usize) -> usize {
        while let Some(&p) = self.parent.get(i) {
            if p == i {
                break;
            }
            // Path halving: point at the grandparent.
            let gp = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(i) {
                *slot = gp;
            }
            i = gp;
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            if let Some(slot) = self.parent.get_mut(ra.max(rb)) {
                *slot = ra.min(rb);
            }
        }
    }
}

fn crosses(h: &Edge, v: &Edge) -> bool {
    v.pos >= h.start - CROSS_TOL
        && v.pos <= h.end + CROSS_TOL
        && h.pos >= v.start - CROSS_TOL
        && h.pos <= v.end + CROSS_TOL
}

/// Calls `f(i, j)` for every horizontal edge `i` crossing vertical edge
/// `j`; `v` is sorted by position, so only the verticals within the
/// horizontal's extent are looked at.
fn for_each_crossing(h: &[Edge], v: &[Edge], mut f: impl FnMut(usize, usize)) {
    for (i, he) in h.iter().enumerate() {
        let lo = v.partition_point(|e| e.pos < he.start - CROSS_TOL);
        let hi = v.partition_point(|e| e.pos <= he.end + CROSS_TOL).max(lo);
        for (k, ve) in v.get(lo..hi).unwrap_or_default().iter().enumerate() {
            if crosses(he, ve) {
                f(i, lo + k);
            }
        }
    }
}

/// Connected groups of edges that can form tables: `(horizontal, vertical)`
/// edge lists, each sorted like [`Edges`]. Edges meeting fewer than two
/// others (stubs, underlines, a strike-through) are left out first, so
/// they neither join tables nor add grid lines.
pub fn components(edges: &Edges) -> Vec<(Vec<Edge>, Vec<Edge>)> {
    let (h, v) = (&edges.h, &edges.v);
    if h.len().saturating_mul(v.len()) > MAX_PAIRS {
        return Vec::new();
    }
    let mut hc = vec![0usize; h.len()];
    let mut vc = vec![0usize; v.len()];
    for_each_crossing(h, v, |i, j| {
        if let Some(n) = hc.get_mut(i) {
            *n += 1;
        }
        if let Some(n) = vc.get_mut(j) {
            *n += 1;
        }
    });
    let keep_h = |i: usize| hc.get(i).is_some_and(|&n| n >= 2);
    let keep_v = |j: usize| vc.get(j).is_some_and(|&n| n >= 2);
    let mut uf = UnionFind::new(h.len() + v.len());
    for_each_crossing(h, v, |i, j| {
        if keep_h(i) && keep_v(j) {
            uf.union(i, h.len() + j);
        }
    });
    // Group by root, in order of each group's first horizontal edge.
    let mut group_of_root: std::collections::HashMap<usize, usize> = Default::default();
    let mut groups: Vec<(Vec<Edge>, Vec<Edge>)> = Vec::new();
    let all = h
        .iter()
        .enumerate()
        .filter(|&(i, _)| keep_h(i))
        .map(|(i, e)| (i, *e, true))
        .chain(
            v.iter()
                .enumerate()
                .filter(|&(j, _)| keep_v(j))
                .map(|(j, e)| (h.len() + j, *e, false)),
        );
    for (node, e, horizontal) in all {
        let root = uf.find(node);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            groups.push((Vec::new(), Vec::new()));
            groups.len() - 1
        });
        if let Some((hs, vs)) = groups.get_mut(g) {
            if horizontal {
                hs.push(e);
            } else {
                vs.push(e);
            }
        }
    }
    let loose: Vec<Edge> = v
        .iter()
        .enumerate()
        .filter(|&(j, _)| !keep_v(j))
        .map(|(_, e)| *e)
        .collect();
    groups
        .into_iter()
        .filter(|(hs, vs)| hs.len() >= 2 && vs.len() >= 2)
        .map(|(hs, vs)| {
            let vs = with_companions(vs, &loose);
            (hs, vs)
        })
        .collect()
}

/// A table's verticals plus the loose verticals (crossing fewer than two
/// edges) that run exactly as far as the table's own, from its top to its
/// bottom, and stand at most one table width away. That is how a merged
/// cell cut by a page break is drawn on the next page: its side borders
/// run down the page, its top and bottom border are not drawn, so no
/// horizontal edge meets them; without them the column would vanish from
/// every row of that page.
fn with_companions(mut vs: Vec<Edge>, loose: &[Edge]) -> Vec<Edge> {
    let lo = vs.iter().map(|e| e.start).fold(f64::INFINITY, f64::min);
    let hi = vs.iter().map(|e| e.end).fold(f64::NEG_INFINITY, f64::max);
    let left = vs.iter().map(|e| e.pos).fold(f64::INFINITY, f64::min);
    let right = vs.iter().map(|e| e.pos).fold(f64::NEG_INFINITY, f64::max);
    let reach = right - left;
    let before = vs.len();
    vs.extend(loose.iter().filter(|e| {
        (e.start - lo).abs() <= CROSS_TOL
            && (e.end - hi).abs() <= CROSS_TOL
            && e.pos >= left - reach
            && e.pos <= right + reach
    }));
    if vs.len() > before {
        vs.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    }
    vs
}

/// The part of `[a, b]` covered by `spans` (disjoint, sorted by start).
pub fn coverage(spans: &[Edge], a: f64, b: f64) -> f64 {
    let first = spans.partition_point(|s| s.end <= a);
    spans
        .get(first..)
        .unwrap_or_default()
        .iter()
        .take_while(|s| s.start < b)
        .map(|s| (s.end.min(b) - s.start.max(a)).max(0.0))
        .sum()
}

/// The edges at exactly `pos` (edges sorted by `(pos, start)`).
fn at(edges: &[Edge], pos: f64) -> &[Edge] {
    let lo = edges.partition_point(|e| e.pos < pos);
    let hi = edges.partition_point(|e| e.pos <= pos).max(lo);
    edges.get(lo..hi).unwrap_or_default()
}

fn present(spans: &[Edge], a: f64, b: f64) -> bool {
    b > a && coverage(spans, a, b) >= PRESENT_FRAC * (b - a)
}

/// Grid positions from edge positions, deduplicated.
fn positions(edges: &[Edge]) -> Vec<f64> {
    let mut p: Vec<f64> = edges.iter().map(|e| e.pos).collect();
    p.sort_by(f64::total_cmp);
    p.dedup();
    p
}

/// A table whose outer borders are not drawn (edges of the other direction
/// run past its last lines) gets an outer track up to where those edges end
/// — but only if text sits there, so an overshooting line adds nothing.
fn extend_to_text(pos: &mut Vec<f64>, lo: f64, hi: f64, has_text: impl Fn(f64, f64) -> bool) {
    if let Some(&first) = pos.first() {
        if lo < first - MIN_TRACK && has_text(lo, first) {
            pos.insert(0, lo);
        }
    }
    if let Some(&last) = pos.last() {
        if hi > last + MIN_TRACK && has_text(last, hi) {
            pos.push(hi);
        }
    }
}

/// Folds tracks narrower than [`MIN_TRACK`]. `along[k]` says, for the line
/// at `pos[k]`, which tracks of the other direction it borders; `across`
/// holds the lines of the other direction, each with one flag per track
/// between consecutive `pos`. Two lines folded into one are drawn where
/// either was.
fn collapse_narrow(pos: &mut Vec<f64>, along: &mut Vec<Vec<bool>>, across: &mut [Vec<bool>]) {
    let mut k = 0;
    while let (Some(&a), Some(&b)) = (pos.get(k), pos.get(k + 1)) {
        if b - a >= MIN_TRACK {
            k += 1;
            continue;
        }
        if let Some(p) = pos.get_mut(k) {
            *p = (a + b) / 2.0;
        }
        pos.remove(k + 1);
        if k + 1 < along.len() {
            let next = along.remove(k + 1);
            if let Some(line) = along.get_mut(k) {
                for (x, y) in line.iter_mut().zip(next) {
                    *x = *x || y;
                }
            }
        }
        for line in across.iter_mut() {
            if k < line.len() {
                line.remove(k);
            }
        }
    }
}

fn flag(m: &[Vec<bool>], i: usize, j: usize) -> bool {
    m.get(i).and_then(|l| l.get(j)).copied().unwrap_or(false)
}

/// The grid of one connected group of edges. `points` are the centres of
/// the page's glyphs (to decide whether an undrawn outer track holds text).
/// `None` when the edges do not enclose at least two cells, one of them
/// closed (a lone box or a page frame is not a table).
pub fn build_grid(hs: &[Edge], vs: &[Edge], points: &[(f64, f64)]) -> Option<Grid> {
    let mut ys = positions(hs);
    let mut xs = positions(vs);
    // How far the edges reach: infinite (never extending) when there are none.
    let lo = |e: &[Edge]| e.iter().map(|e| e.start).fold(f64::INFINITY, f64::min);
    let hi = |e: &[Edge]| e.iter().map(|e| e.end).fold(f64::NEG_INFINITY, f64::max);
    let (h_lo, h_hi, v_lo, v_hi) = (lo(hs), hi(hs), lo(vs), hi(vs));
    {
        let (y0, y1) = (ys.first().copied()?, ys.last().copied()?);
        extend_to_text(&mut xs, h_lo, h_hi, |a, b| {
            points
                .iter()
                .any(|&(x, y)| x > a && x < b && y > y0 && y < y1)
        });
    }
    {
        let (x0, x1) = (xs.first().copied()?, xs.last().copied()?);
        extend_to_text(&mut ys, v_lo, v_hi, |a, b| {
            points
                .iter()
                .any(|&(x, y)| y > a && y < b && x > x0 && x < x1)
        });
    }
    if xs.len() < 2 || ys.len() < 2 || (xs.len() - 1).saturating_mul(ys.len() - 1) > MAX_GRID_CELLS
    {
        return None;
    }

    // Which borders are drawn: hl[i][j] for the line at ys[i] over column
    // j, vl[j][i] for the line at xs[j] over row i.
    let cover = |edges: &[Edge], line: f64, cross: &[f64]| -> Vec<bool> {
        let spans = at(edges, line);
        cross
            .windows(2)
            .map(|w| match w {
                [a, b] => present(spans, *a, *b),
                _ => false,
            })
            .collect()
    };
    let mut hl: Vec<Vec<bool>> = ys.iter().map(|&y| cover(hs, y, &xs)).collect();
    let mut vl: Vec<Vec<bool>> = xs.iter().map(|&x| cover(vs, x, &ys)).collect();
    collapse_narrow(&mut xs, &mut vl, &mut hl);
    collapse_narrow(&mut ys, &mut hl, &mut vl);
    if xs.len() < 2 || ys.len() < 2 {
        return None;
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);

    // Elementary rectangles with no border between them are one cell.
    let mut uf = UnionFind::new(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc && !flag(&vl, c + 1, r) {
                uf.union(r * nc + c, r * nc + c + 1);
            }
            if r + 1 < nr && !flag(&hl, r + 1, c) {
                uf.union(r * nc + c, (r + 1) * nc + c);
            }
        }
    }
    // Spans as index bounds, in row-major order of each cell's first
    // rectangle; `closed` until an undrawn outer border is found.
    struct Span {
        r0: usize,
        c0: usize,
        r1: usize,
        c1: usize,
        closed: bool,
    }
    let mut cell_of_root: std::collections::HashMap<usize, usize> = Default::default();
    let mut spans: Vec<Span> = Vec::new();
    let mut owner = Vec::with_capacity(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(r * nc + c);
            let k = *cell_of_root.entry(root).or_insert_with(|| {
                spans.push(Span {
                    r0: r,
                    c0: c,
                    r1: r,
                    c1: c,
                    closed: true,
                });
                spans.len() - 1
            });
            owner.push(k);
            if let Some(s) = spans.get_mut(k) {
                s.r0 = s.r0.min(r);
                s.c0 = s.c0.min(c);
                s.r1 = s.r1.max(r);
                s.c1 = s.c1.max(c);
                let open = (c == 0 && !flag(&vl, 0, r))
                    || (c + 1 == nc && !flag(&vl, nc, r))
                    || (r == 0 && !flag(&hl, 0, c))
                    || (r + 1 == nr && !flag(&hl, nr, c));
                if open {
                    s.closed = false;
                }
            }
        }
    }
    let coord = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
    let cells: Vec<Cell> = spans
        .iter()
        .map(|s| Cell {
            row: s.r0,
            col: s.c0,
            rowspan: s.r1 - s.r0 + 1,
            colspan: s.c1 - s.c0 + 1,
            x0: coord(&xs, s.c0),
            y0: coord(&ys, s.r0),
            x1: coord(&xs, s.c1 + 1),
            y1: coord(&ys, s.r1 + 1),
            closed: s.closed,
        })
        .collect();
    if cells.len() < 2 || !cells.iter().any(|c| c.closed) {
        return None;
    }
    Some(Grid {
        xs,
        ys,
        cells,
        owner,
    })
}

/// Every table on a page, as grids.
pub fn find_tables(edges: &Edges, points: &[(f64, f64)]) -> Vec<Grid> {
    components(edges)
        .iter()
        .filter_map(|(hs, vs)| build_grid(hs, vs, points))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::page::Ruling;
    use crate::layout::pdf::edges::edges_from_rulings;

    pub fn hr(x0: f64, x1: f64, y: f64) -> Ruling {
        Ruling {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }
    pub fn vr(x: f64, y0: f64, y1: f64) -> Ruling {
        Ruling {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }

    /// `(row, col, rowspan, colspan, closed)` of each cell.
    fn shape(g: &Grid) -> Vec<(usize, usize, usize, usize, bool)> {
        g.cells
            .iter()
            .map(|c| (c.row, c.col, c.rowspan, c.colspan, c.closed))
            .collect()
    }

    fn tables(rulings: &[Ruling], points: &[(f64, f64)]) -> Vec<Grid> {
        find_tables(&edges_from_rulings(rulings), points)
    }

    #[test]
    fn full_grid_2x3() {
        let mut r = Vec::new();
        for y in [0.0, 20.0, 40.0] {
            r.push(hr(0.0, 300.0, y));
        }
        for x in [0.0, 100.0, 200.0, 300.0] {
            r.push(vr(x, 0.0, 40.0));
        }
        let t = tables(&r, &[]);
        assert_eq!(t.len(), 1);
        let g = t.first().cloned().expect("one table");
        assert_eq!(g.xs, vec![0.0, 100.0, 200.0, 300.0]);
        assert_eq!(g.ys, vec![0.0, 20.0, 40.0]);
        assert_eq!(g.cells.len(), 6);
        assert!(g
            .cells
            .iter()
            .all(|c| c.closed && c.rowspan == 1 && c.colspan == 1));
        assert_eq!(g.locate(150.0, 30.0), Some(4));
        assert_eq!(g.locate(350.0, 30.0), None);
        assert_eq!(g.locate(300.0, 40.0), Some(5));
    }

    #[test]
    fn missing_internal_edges_make_spans() {
        // 3 rows x 3 cols; first column merged over rows 1-2 (the border
        // at y = 40 stops at x = 100); top row's last two columns merged.
        let r = vec![
            hr(0.0, 300.0, 20.0),
            hr(100.0, 300.0, 40.0),
            hr(0.0, 300.0, 0.0),
            hr(0.0, 300.0, 60.0),
            vr(0.0, 0.0, 60.0),
            vr(100.0, 0.0, 60.0),
            vr(200.0, 20.0, 60.0),
            vr(300.0, 0.0, 60.0),
        ];
        let g = tables(&r, &[]).into_iter().next().expect("a table");
        assert_eq!(
            shape(&g),
            vec![
                (0, 0, 1, 1, true),
                (0, 1, 1, 2, true),
                (1, 0, 2, 1, true),
                (1, 1, 1, 1, true),
                (1, 2, 1, 1, true),
                (2, 1, 1, 1, true),
                (2, 2, 1, 1, true),
            ]
        );
        assert_eq!(g.owner_at(2, 0), Some(2));
    }

    #[test]
    fn overshoots_stubs_and_double_borders() {
        // Corners overshoot by 2 pt, a stub hangs into a cell, the outer
        // frame is doubled 2.5 pt outside the table.
        let r = vec![
            hr(-2.0, 202.0, 0.0),
            hr(-2.0, 202.0, 20.0),
            hr(-2.0, 202.0, 40.0),
            vr(0.0, -2.0, 42.0),
            vr(100.0, -2.0, 42.0),
            vr(200.0, -2.0, 42.0),
            hr(100.0, 130.0, 10.0), // stub touching one vertical only
            hr(-2.5, 202.5, -2.5),
            hr(-2.5, 202.5, 42.5),
            vr(-2.5, -2.5, 42.5),
            vr(202.5, -2.5, 42.5),
        ];
        let g = tables(&r, &[]).into_iter().next().expect("a table");
        assert_eq!(g.rows(), 2);
        assert_eq!(g.cols(), 2);
        assert_eq!(g.cells.len(), 4);
        assert!(g.cells.iter().all(|c| c.closed));
    }

    #[test]
    fn open_sides_only_with_text() {
        // No outer verticals: horizontal lines run 50 pt past the two
        // internal verticals on both sides; text only on the left.
        let mut r = vec![vr(100.0, 0.0, 40.0), vr(200.0, 0.0, 40.0)];
        for y in [0.0, 20.0, 40.0] {
            r.push(hr(50.0, 250.0, y));
        }
        let g = tables(&r, &[(70.0, 10.0)])
            .into_iter()
            .next()
            .expect("a table");
        assert_eq!(g.xs, vec![50.0, 100.0, 200.0]);
        assert_eq!(
            shape(&g),
            vec![
                (0, 0, 1, 1, false),
                (0, 1, 1, 1, true),
                (1, 0, 1, 1, false),
                (1, 1, 1, 1, true)
            ]
        );
    }

    #[test]
    fn column_of_a_cut_cell_is_kept() {
        // On the page after a break, the label cell merged over the whole
        // table is drawn with its sides only: the vertical at x = 0 meets
        // no horizontal edge but runs exactly as far as the table's.
        let mut r = vec![vr(0.0, 0.0, 60.0)];
        for x in [50.0, 100.0, 150.0] {
            r.push(vr(x, 0.0, 60.0));
        }
        for y in [0.0, 20.0, 40.0] {
            r.push(hr(50.0, 150.0, y));
        }
        // A loose vertical of another length is not part of the table.
        r.push(vr(-30.0, 10.0, 30.0));
        let g = tables(&r, &[]).into_iter().next().expect("a table");
        assert_eq!(g.xs, vec![0.0, 50.0, 100.0, 150.0]);
        assert_eq!(
            shape(&g),
            vec![
                (0, 0, 2, 1, false),
                (0, 1, 1, 1, true),
                (0, 2, 1, 1, true),
                (1, 1, 1, 1, true),
                (1, 2, 1, 1, true)
            ]
        );
    }

    #[test]
    fn boxes_lines_and_garbage_are_not_tables() {
        // A lone box, an underline, a cross.
        let r = vec![
            hr(0.0, 100.0, 0.0),
            hr(0.0, 100.0, 50.0),
            vr(0.0, 0.0, 50.0),
            vr(100.0, 0.0, 50.0),
            hr(0.0, 100.0, 200.0),
            hr(300.0, 400.0, 350.0),
            vr(350.0, 300.0, 400.0),
        ];
        assert!(tables(&r, &[]).is_empty());
        assert!(find_tables(&Edges::default(), &[]).is_empty());
    }

    #[test]
    fn two_tables_on_a_page() {
        let mut r = Vec::new();
        for top in [0.0, 100.0] {
            r.push(hr(0.0, 100.0, top));
            r.push(hr(0.0, 100.0, top + 20.0));
            r.push(hr(0.0, 100.0, top + 40.0));
            r.push(vr(0.0, top, top + 40.0));
            r.push(vr(100.0, top, top + 40.0));
        }
        let t = tables(&r, &[]);
        assert_eq!(t.len(), 2);
        assert!(t.iter().all(|g| g.cells.len() == 2));
    }

    #[test]
    fn coverage_counts_overlap_only() {
        let spans = [
            Edge {
                pos: 0.0,
                start: 0.0,
                end: 10.0,
            },
            Edge {
                pos: 0.0,
                start: 20.0,
                end: 30.0,
            },
        ];
        assert_eq!(coverage(&spans, 5.0, 25.0), 10.0);
        assert_eq!(coverage(&spans, 10.0, 20.0), 0.0);
        assert_eq!(coverage(&[], 0.0, 1.0), 0.0);
    }

    #[test]
    fn thousands_of_rulings_stay_bounded() {
        // A 120 x 120 grid drawn as 2-pt pieces: 28,800+ rulings.
        let mut r = Vec::new();
        for i in 0..=120 {
            let p = f64::from(i) * 5.0;
            let mut s = 0.0;
            while s < 600.0 {
                r.push(hr(s, s + 2.5, p));
                r.push(vr(p, s, s + 2.5));
                s += 2.5;
            }
        }
        let t = tables(&r, &[]);
        assert_eq!(t.len(), 1);
        assert_eq!(t.first().map(|g| g.cells.len()), Some(120 * 120));
    }
}
