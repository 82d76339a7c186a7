//! Step 1, rulings to edges: the border lines of a page as few, clean,
//! axis-aligned segments.
//!
//! Producers draw one visual border in many ways: per-cell strokes, short
//! pieces, the same line twice, the two sides of a thin filled rectangle a
//! point apart. So rulings are split by orientation, their positions snapped
//! to shared values (nearly-equal coordinates become one), and collinear
//! pieces that overlap or nearly touch are merged.

use crate::extract::page::Ruling;

use super::clean::sane;

/// A ruling thinner than this across its length is a line along it (a
/// stroke's width or a thin rectangle that extraction did not reduce).
pub const ORIENT_TOL: f64 = 1.0;
/// Positions closer than this are one line (offset duplicates, the two
/// edges of a thin rectangle, a border drawn once per neighbouring cell).
pub const SNAP_TOL: f64 = 2.0;
/// Collinear pieces with a gap up to this are one segment (dashes, pieces
/// that stop short of each other). A merged cell leaves a gap as wide as a
/// whole cell, far more than this.
pub const JOIN_TOL: f64 = 3.0;

/// An axis-aligned segment: `pos` is y for a horizontal edge and x for a
/// vertical one; `start..end` runs along it (`start <= end`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub pos: f64,
    pub start: f64,
    pub end: f64,
}

impl Edge {
    pub fn len(&self) -> f64 {
        self.end - self.start
    }
}

/// The edges of a page, each list sorted by `(pos, start)`; edges at one
/// `pos` are disjoint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Edges {
    pub h: Vec<Edge>,
    pub v: Vec<Edge>,
}

/// All three steps: orient, snap, merge.
pub fn edges_from_rulings(rulings: &[Ruling]) -> Edges {
    let (h, v) = orient(rulings);
    Edges {
        h: merge(snap(h, SNAP_TOL), JOIN_TOL),
        v: merge(snap(v, SNAP_TOL), JOIN_TOL),
    }
}

/// Horizontal and vertical edges; dots, diagonals, boxes and non-finite
/// rulings are dropped.
pub fn orient(rulings: &[Ruling]) -> (Vec<Edge>, Vec<Edge>) {
    let mut h = Vec::new();
    let mut v = Vec::new();
    for r in rulings {
        if ![r.x0, r.y0, r.x1, r.y1].into_iter().all(sane) {
            continue;
        }
        let (xa, xb) = (r.x0.min(r.x1), r.x0.max(r.x1));
        let (ya, yb) = (r.y0.min(r.y1), r.y0.max(r.y1));
        let (w, ht) = (xb - xa, yb - ya);
        if ht <= ORIENT_TOL && w > ht {
            h.push(Edge {
                pos: (ya + yb) / 2.0,
                start: xa,
                end: xb,
            });
        } else if w <= ORIENT_TOL && ht > w {
            v.push(Edge {
                pos: (xa + xb) / 2.0,
                start: ya,
                end: yb,
            });
        }
    }
    (h, v)
}

/// Positions clustered: sorted, a position within `tol` of the previous
/// one joins its cluster (a cluster spans at most `2 * tol`, so a dense
/// hatching cannot chain into one line), and every edge of a cluster gets
/// the cluster's length-weighted mean, so a long border outweighs a stub.
pub fn snap(mut edges: Vec<Edge>, tol: f64) -> Vec<Edge> {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut start = 0;
    while start < edges.len() {
        let first = edges.get(start).map_or(0.0, |e| e.pos);
        let mut end = start + 1;
        let mut prev = first;
        while let Some(e) = edges.get(end) {
            if e.pos - prev > tol || e.pos - first > 2.0 * tol {
                break;
            }
            prev = e.pos;
            end += 1;
        }
        if let Some(cluster) = edges.get_mut(start..end) {
            let (mut sum, mut weight) = (0.0, 0.0);
            for e in cluster.iter() {
                let w = e.len().max(0.01);
                sum += e.pos * w;
                weight += w;
            }
            let mean = if weight > 0.0 { sum / weight } else { first };
            for e in cluster.iter_mut() {
                e.pos = mean;
            }
        }
        start = end;
    }
    edges
}

/// Collinear edges (same `pos`) that overlap or are at most `tol` apart
/// become one. Input positions must already be snapped.
pub fn merge(mut edges: Vec<Edge>, tol: f64) -> Vec<Edge> {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos).then(a.start.total_cmp(&b.start)));
    let mut out: Vec<Edge> = Vec::with_capacity(edges.len());
    for e in edges {
        match out.last_mut() {
            Some(last) if last.pos == e.pos && e.start <= last.end + tol => {
                last.end = last.end.max(e.end);
            }
            _ => out.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x0: f64, y0: f64, x1: f64, y1: f64) -> Ruling {
        Ruling { x0, y0, x1, y1 }
    }

    #[test]
    fn orientation_and_garbage() {
        let (h, v) = orient(&[
            r(0.0, 10.0, 100.0, 10.0),
            r(5.0, 0.0, 5.0, 50.0),
            r(0.0, 0.0, 0.0, 0.0),   // a dot
            r(0.0, 0.0, 30.0, 40.0), // a diagonal
            r(f64::NAN, 0.0, 1.0, 0.0),
            r(100.0, 20.4, 0.0, 20.0), // reversed, slightly thick
        ]);
        assert_eq!(h.len(), 2);
        assert_eq!(v.len(), 1);
        assert_eq!(
            h.get(1),
            Some(&Edge {
                pos: 20.2,
                start: 0.0,
                end: 100.0
            })
        );
    }

    #[test]
    fn offset_duplicates_and_pieces_become_one_edge() {
        // One border drawn as three pieces, one of them 1.5 pt lower, with
        // a 2 pt gap and an overlap; a second border 30 pt below.
        let e = edges_from_rulings(&[
            r(0.0, 100.0, 40.0, 100.0),
            r(42.0, 101.5, 80.0, 101.5),
            r(70.0, 100.0, 120.0, 100.0),
            r(0.0, 130.0, 120.0, 130.0),
        ]);
        assert_eq!(e.h.len(), 2);
        let first = e.h.first().copied().unwrap_or(Edge {
            pos: 0.0,
            start: 0.0,
            end: 0.0,
        });
        assert!((first.pos - 100.0).abs() < 1.0);
        assert_eq!((first.start, first.end), (0.0, 120.0));
        assert!(e.v.is_empty());
    }

    #[test]
    fn a_missing_piece_stays_a_gap() {
        // The border under a merged cell is missing between x = 50 and 100.
        let e = edges_from_rulings(&[r(0.0, 10.0, 50.0, 10.0), r(100.0, 10.0, 150.0, 10.0)]);
        let spans: Vec<(f64, f64)> = e.h.iter().map(|e| (e.start, e.end)).collect();
        assert_eq!(spans, vec![(0.0, 50.0), (100.0, 150.0)]);
    }

    #[test]
    fn snapping_does_not_chain_across_a_hatching() {
        let hatch: Vec<Edge> = (0..20)
            .map(|i| Edge {
                pos: f64::from(i) * 1.5,
                start: 0.0,
                end: 10.0,
            })
            .collect();
        let snapped = snap(hatch, SNAP_TOL);
        let mut positions: Vec<f64> = snapped.iter().map(|e| e.pos).collect();
        positions.dedup();
        assert!(positions.len() >= 6, "{positions:?}");
    }
}
