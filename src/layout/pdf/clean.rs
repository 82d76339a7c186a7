//! Step 0, input hygiene: the glyphs of a page in a form the later steps can
//! trust. Extraction hands over whatever the PDF said, so non-finite or
//! absurd coordinates are dropped here, boxes are ordered, missing sizes get
//! a fallback and control characters (which would break the tab-separated
//! text view of rows) are removed. Every later step may then compare and
//! sort coordinates without thinking about NaN.

use std::borrow::Cow;

use crate::extract::page::Glyph;

/// Font size assumed when a glyph has neither a size nor a box height.
pub const DEFAULT_SIZE: f64 = 10.0;
/// Coordinates beyond this are garbage (pages are at most 14,400 pt), and
/// keeping them out means sums and means of coordinates stay finite.
pub const MAX_COORD: f64 = 1.0e6;

/// A cleaned glyph: finite, ordered box, positive size.
#[derive(Debug, Clone, PartialEq)]
pub struct G<'a> {
    pub text: Cow<'a, str>,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    pub baseline: f64,
    pub size: f64,
    /// Only whitespace: it separates words but never starts a line or a cell.
    pub ws: bool,
}

impl G<'_> {
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

/// Whether a coordinate is usable.
pub fn sane(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_COORD
}

fn ordered(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

/// One glyph cleaned, or `None` when it cannot be placed or shows nothing.
pub fn clean_glyph(g: &Glyph) -> Option<G<'_>> {
    let text: Cow<'_, str> = if g.text.chars().any(char::is_control) {
        Cow::Owned(g.text.chars().filter(|c| !c.is_control()).collect())
    } else {
        Cow::Borrowed(g.text.as_str())
    };
    if text.is_empty() || !sane(g.x0) || !sane(g.x1) {
        return None;
    }
    let (x0, x1) = ordered(g.x0, g.x1);
    let size_ok = sane(g.size) && g.size > 0.0;
    // The box, from top/bottom when given, else from baseline and size (the
    // same convention extraction uses: 0.8 em above, 0.2 em below).
    let (top, bottom) = if sane(g.top) && sane(g.bottom) {
        ordered(g.top, g.bottom)
    } else if sane(g.baseline) && size_ok {
        (g.baseline - 0.8 * g.size, g.baseline + 0.2 * g.size)
    } else {
        return None;
    };
    let height = bottom - top;
    let size = if size_ok {
        g.size
    } else if height > 0.0 {
        height
    } else {
        DEFAULT_SIZE
    };
    let baseline = if sane(g.baseline) {
        g.baseline
    } else {
        top + 0.8 * height
    };
    let ws = text.chars().all(char::is_whitespace);
    Some(G {
        text,
        x0,
        x1,
        top,
        bottom,
        baseline,
        size,
        ws,
    })
}

/// All usable glyphs of a page, in extraction order.
pub fn clean_glyphs(glyphs: &[Glyph]) -> Vec<G<'_>> {
    glyphs.iter().filter_map(clean_glyph).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A glyph of `size` pt with its left edge at `x` on baseline `y`,
    /// as wide as a CJK character (1 em) or half that for ASCII.
    pub fn glyph(text: &str, x: f64, y: f64, size: f64) -> Glyph {
        let w = if text.is_ascii() { size * 0.5 } else { size };
        Glyph {
            text: text.to_string(),
            x0: x,
            x1: x + w,
            top: y - 0.8 * size,
            bottom: y + 0.2 * size,
            baseline: y,
            size,
        }
    }

    #[test]
    fn drops_unplaceable_and_empty_glyphs() {
        let mut nan = glyph("a", 0.0, 10.0, 10.0);
        nan.x0 = f64::NAN;
        let mut huge = glyph("b", 0.0, 10.0, 10.0);
        huge.x1 = 1e300;
        let ctrl = glyph("\u{0}", 0.0, 10.0, 10.0);
        let mut no_box = glyph("c", 0.0, 10.0, 10.0);
        no_box.top = f64::INFINITY;
        no_box.size = f64::NAN;
        no_box.baseline = f64::NAN;
        let ok = glyph("d", 0.0, 10.0, 10.0);
        let raw = [nan, huge, ctrl, no_box, ok];
        let out = clean_glyphs(&raw);
        let texts: Vec<&str> = out.iter().map(|g| g.text.as_ref()).collect();
        assert_eq!(texts, vec!["d"]);
    }

    #[test]
    fn repairs_boxes_sizes_and_text() {
        let mut g = glyph("x\u{7}y", 5.0, 20.0, 10.0);
        std::mem::swap(&mut g.x0, &mut g.x1);
        g.top = f64::NAN;
        g.size = 0.0;
        // No top and no size: unplaceable.
        assert!(clean_glyph(&g).is_none());
        g.top = 12.0;
        g.bottom = 22.0;
        let c = clean_glyph(&g).expect("placeable");
        assert_eq!(c.text, "xy");
        assert!(c.x0 < c.x1);
        assert_eq!(c.size, 10.0);
        assert!(!c.ws);
        let mut s = glyph(" ", 0.0, 10.0, 10.0);
        s.baseline = f64::NAN;
        let c = clean_glyph(&s).expect("placeable");
        assert!(c.ws);
        assert_eq!(c.baseline, c.top + 8.0);
    }
}
