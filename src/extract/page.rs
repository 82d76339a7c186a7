//! What PDF extraction hands to layout: per page, positioned glyphs and
//! ruling lines, in page space with the origin at the top-left corner, y
//! growing downwards, in PDF points.

/// One shown character (rarely a ligature of several).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    /// Left and right edge of the advance box.
    pub x0: f64,
    pub x1: f64,
    /// Top and bottom of the glyph box (font size above/below the baseline:
    /// `top = baseline - 0.8 * size`, `bottom = baseline + 0.2 * size`).
    pub top: f64,
    pub bottom: f64,
    /// Baseline y.
    pub baseline: f64,
    /// Font size after the text matrix and CTM (points).
    pub size: f64,
}

impl Glyph {
    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    pub fn center_y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
}

/// An axis-aligned ruling line: a stroked segment, or the centre line of a
/// thin filled rectangle (how Word- and Chromium-style producers draw cell
/// borders). Horizontal when `y0 == y1`, vertical when `x0 == x1`;
/// `x0 <= x1` and `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Ruling {
    pub fn is_horizontal(&self) -> bool {
        (self.y1 - self.y0).abs() < f64::EPSILON
    }
    pub fn is_vertical(&self) -> bool {
        (self.x1 - self.x0).abs() < f64::EPSILON
    }
}

/// One page of a PDF.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rulings: Vec<Ruling>,
    /// Characters shown in a seal's red and left out of `glyphs`: the text
    /// of a stamp drawn over the form (业务专用章, ★) landed in its cells.
    pub red_glyphs: usize,
}
