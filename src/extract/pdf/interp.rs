//! The content-stream interpreter: text state and graphics state enough to
//! place every glyph and every table border.
//!
//! Text: `BT ET Tf Tc Tw Tz TL Ts Td TD Tm T* Tj TJ ' "`. Graphics: `q Q cm`,
//! paths (`m l re h`, curves only move the point), painting (`S s f F f* B
//! B* b b* n`: strokes give ruling lines, fills give rulings only for thin
//! rectangles, how Word and Chromium draw borders), and form XObjects
//! (`Do`) with their `/Matrix`, as after stamping or page merging. Marked
//! content (`BDC BMC EMC`) whose properties give `/ActualText` replaces the
//! text of the glyphs inside it: Chromium writes it where a subset font
//! maps a glyph to another character than the one shown (户 as the radical
//! `⼾`, 胶 as `㬵`).

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::{for_each_operation, Operand};
use super::font::{Code, Font};
use super::objects::{deref, dict_get, name_of, number, stream_bytes};
use super::PdfError;
use crate::extract::page::{Glyph, Page, Ruling};

/// An affine matrix `[a b c d e f]`, applied to row vectors as PDF does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Matrix {
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn translate(x: f64, y: f64) -> Matrix {
        Matrix {
            e: x,
            f: y,
            ..Matrix::IDENTITY
        }
    }

    /// `self × other`: first `self`, then `other`.
    pub fn then(self, o: Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    fn from_numbers(n: &[f64]) -> Option<Matrix> {
        match n {
            [a, b, c, d, e, f] => Some(Matrix {
                a: *a,
                b: *b,
                c: *c,
                d: *d,
                e: *e,
                f: *f,
            }),
            _ => None,
        }
    }

    fn is_finite(self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }
}

#[derive(Debug, Clone)]
struct TextState {
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    hscale: f64,
    leading: f64,
    rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

#[derive(Debug, Clone)]
struct GraphicsState {
    ctm: Matrix,
    text: TextState,
    /// The fill colour is a seal's red (set by `rg`, `k`, `sc`/`scn`).
    fill_red: bool,
    /// The fill is faint: a light colour, or drawn mostly transparent
    /// (the graphics state's `ca`), as watermarks are.
    fill_light: bool,
    fill_alpha: f64,
    /// The clipping region's bounding box in device space (`x0 y0 x1
    /// y1`), where a clipping path was set: text outside it is not shown.
    clip: Option<(f64, f64, f64, f64)>,
}

/// The box two boxes share (an empty one where they do not meet).
fn intersect(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> (f64, f64, f64, f64) {
    (a.0.max(b.0), a.1.max(b.1), a.2.min(b.2), a.3.min(b.3))
}

/// Whether point `p` lies in box `b`, give or take `slack`.
fn within(b: (f64, f64, f64, f64), p: (f64, f64), slack: f64) -> bool {
    p.0 >= b.0 - slack && p.0 <= b.2 + slack && p.1 >= b.1 - slack && p.1 <= b.3 + slack
}

/// A seal's red as RGB: strong red, little green or blue.
fn is_seal_red_rgb(r: f64, g: f64, b: f64) -> bool {
    r >= 0.6 && g <= 0.35 && b <= 0.35
}

/// A seal's red as CMYK: magenta and yellow, little cyan or black.
fn is_seal_red_cmyk(c: f64, m: f64, y: f64, k: f64) -> bool {
    c <= 0.3 && m >= 0.6 && y >= 0.5 && k <= 0.4
}

/// Whether the operands of a fill colour operator (`rg`, `k`, `sc`,
/// `scn`) set a seal's red: three numbers as RGB, four as CMYK.
fn sets_seal_red(args: &[Operand]) -> bool {
    let n: Vec<f64> = args.iter().filter_map(Operand::number).collect();
    if n.len() != args.len() {
        return false;
    }
    match n.as_slice() {
        [r, g, b] => is_seal_red_rgb(*r, *g, *b),
        [c, m, y, k] => is_seal_red_cmyk(*c, *m, *y, *k),
        _ => false,
    }
}

/// Whether the operands of a fill colour operator (`g`, `rg`, `k`, `sc`,
/// `scn`) set a light colour: a pale gray, or RGB or CMYK close to white.
fn sets_light_fill(args: &[Operand]) -> bool {
    let n: Vec<f64> = args.iter().filter_map(Operand::number).collect();
    if n.len() != args.len() {
        return false;
    }
    match n.as_slice() {
        [gray] => *gray >= 0.7,
        [r, g, b] => r.min(*g).min(*b) >= 0.7,
        [c, m, y, k] => c.max(*m).max(*y).max(*k) <= 0.3,
        _ => false,
    }
}

/// Text this large, in a faint fill, is a watermark laid flat over the
/// form, not a line of it: a form's largest text, its title, is set at
/// about 22 pt.
const WATERMARK_MIN_SIZE: f64 = 28.0;

/// Limits that keep hostile files from running forever.
const MAX_OPERATIONS: usize = 5_000_000;
/// Content read per document, forms counted each time they are drawn.
const MAX_CONTENT_BYTES: usize = 256 * 1024 * 1024;
/// Character codes shown per document (a 30-page table shows ~50,000).
const MAX_CODES: usize = 20_000_000;
const MAX_FORM_DEPTH: usize = 12;
const MAX_STATE_DEPTH: usize = 512;
const MAX_GLYPHS_PER_PAGE: usize = 500_000;
/// Glyphs kept per document (about 100 bytes each): a 30-page table has
/// ~50,000.
const MAX_GLYPHS_PER_DOCUMENT: usize = 2_000_000;
const MAX_RULINGS_PER_PAGE: usize = 200_000;
/// Fills thinner than this (points) are borders.
const THIN: f64 = 3.0;
/// Segments within this of horizontal/vertical are rulings.
const AXIS_TOLERANCE: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Inline(usize),
}

/// One path under construction, in device space.
#[derive(Debug, Default)]
struct PathBuilder {
    /// Each subpath's points; `closed` subpaths get their closing segment.
    subpaths: Vec<(Vec<(f64, f64)>, bool)>,
    /// `W` or `W*` was given: the path clips when it is painted or ended.
    clips: bool,
}

impl PathBuilder {
    /// The box round every point of the path.
    fn bounds(&self) -> Option<(f64, f64, f64, f64)> {
        let mut points = self.subpaths.iter().flat_map(|(pts, _)| pts.iter());
        let &(x, y) = points.next()?;
        Some(points.fold((x, y, x, y), |(x0, y0, x1, y1), &(px, py)| {
            (x0.min(px), y0.min(py), x1.max(px), y1.max(py))
        }))
    }

    fn move_to(&mut self, p: (f64, f64)) {
        self.subpaths.push((vec![p], false));
    }

    fn line_to(&mut self, p: (f64, f64)) {
        match self.subpaths.last_mut() {
            Some((pts, _)) => pts.push(p),
            None => self.move_to(p),
        }
    }

    fn close(&mut self) {
        if let Some((_, closed)) = self.subpaths.last_mut() {
            *closed = true;
        }
    }
}

struct Interpreter<'a> {
    doc: &'a Document,
    fonts: HashMap<FontKey, Rc<Font>>,
    operations: usize,
    /// Page space: device y is flipped at `top` (the page transform already
    /// puts the page's left edge at x = 0).
    top: f64,
    /// The page's width in the same space: text beyond the page's edges
    /// is not shown.
    width: f64,
    glyphs: Vec<Glyph>,
    rulings: Vec<Ruling>,
    undecodable: usize,
    codes: Vec<Code>,
    form_data: HashMap<ObjectId, Rc<Vec<u8>>>,
    /// Content bytes read so far, forms counted each time they are drawn.
    content_bytes: usize,
    codes_shown: usize,
    glyphs_kept: usize,
    /// Glyphs of the page by the direction they advance in: right, up,
    /// down, left (text printed sideways or upside down).
    directions: [usize; 4],
    /// Characters of the page shown in a seal's red, left out.
    red_glyphs: usize,
    /// Open marked-content sequences: for one with `/ActualText`, the
    /// first glyph inside it and the text.
    marked: Vec<Option<(usize, String)>>,
}

pub fn interpret_document(doc: &Document) -> Result<Vec<Page>, PdfError> {
    let mut it = Interpreter {
        doc,
        fonts: HashMap::new(),
        operations: 0,
        top: 0.0,
        width: 0.0,
        glyphs: Vec::new(),
        rulings: Vec::new(),
        undecodable: 0,
        codes: Vec::new(),
        form_data: HashMap::new(),
        content_bytes: 0,
        codes_shown: 0,
        glyphs_kept: 0,
        directions: [0; 4],
        red_glyphs: 0,
        marked: Vec::new(),
    };
    let mut pages = Vec::new();
    let mut undecodable = 0;
    for (number, page_id) in doc.get_pages() {
        let page = it.page(number, page_id)?;
        undecodable += std::mem::take(&mut it.undecodable);
        pages.push(page);
    }
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 && undecodable > 0 {
        return Err(PdfError::UnsupportedFont(format!(
            "{undecodable} characters use fonts with no Unicode mapping (no ToUnicode, unknown encoding)"
        )));
    }
    Ok(pages)
}

/// An inherited page attribute: the page's own, else its ancestors'.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut d = page;
    for _ in 0..32 {
        if let Some(v) = dict_get(doc, d, key) {
            return Some(v);
        }
        d = dict_get(doc, d, b"Parent")?.as_dict().ok()?;
    }
    None
}

fn page_box(doc: &Document, page: &Dictionary) -> (f64, f64, f64, f64) {
    let b = inherited(doc, page, b"CropBox")
        .or_else(|| inherited(doc, page, b"MediaBox"))
        .and_then(|o| o.as_array().ok())
        .map(|a| {
            a.iter()
                .filter_map(|v| number(deref(doc, v)))
                .collect::<Vec<f64>>()
        });
    match b.as_deref() {
        Some([x0, y0, x1, y1]) if x1 != x0 && y1 != y0 => {
            (x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1))
        }
        _ => (0.0, 0.0, 595.0, 842.0),
    }
}

/// The page's /Rotate in quarter turns clockwise (0–3); other values are
/// invalid and read as 0.
fn quarter_turns(doc: &Document, page: &Dictionary) -> u8 {
    let degrees = inherited(doc, page, b"Rotate")
        .and_then(|o| number(deref(doc, o)))
        .filter(|d| d.is_finite() && d.fract() == 0.0)
        .map_or(0, |d| d as i64);
    if degrees % 90 != 0 {
        return 0;
    }
    (degrees / 90).rem_euclid(4) as u8
}

/// Maps user space to the page as displayed: /Rotate applied, origin at
/// the bottom-left corner of the visible box, y up. Returns the matrix and
/// the displayed width and height, so that a landscape page printed
/// sideways on portrait paper reads as a landscape page.
fn page_transform(bbox: (f64, f64, f64, f64), turns: u8) -> (Matrix, f64, f64) {
    let (x0, y0, x1, y1) = bbox;
    let (w, h) = (x1 - x0, y1 - y0);
    let m = |a, b, c, d, e, f| Matrix { a, b, c, d, e, f };
    match turns {
        // Clockwise: the left edge becomes the top.
        1 => (m(0.0, -1.0, 1.0, 0.0, -y0, x1), h, w),
        2 => (m(-1.0, 0.0, 0.0, -1.0, x1, y1), w, h),
        3 => (m(0.0, 1.0, -1.0, 0.0, y1, -x0), h, w),
        _ => (Matrix::translate(-x0, -y0), w, h),
    }
}

/// Whether a glyph advances at a slant, more than about 10° off both
/// axes.
fn is_oblique(dx: f64, dy: f64) -> bool {
    let (ax, ay) = (dx.abs(), dy.abs());
    ax.is_finite() && ay.is_finite() && ax.min(ay) > 0.18 * ax.max(ay)
}

/// Which way a glyph advances: 0 right, 1 up, 2 down, 3 left.
fn direction(dx: f64, dy: f64) -> usize {
    if !(dx.is_finite() && dy.is_finite()) {
        0
    } else if dy.abs() > dx.abs() {
        if dy > 0.0 {
            1
        } else {
            2
        }
    } else if dx < 0.0 {
        3
    } else {
        0
    }
}

/// The quarter turns clockwise that make a page's text upright, when most
/// of it runs up the page (one turn clockwise), right to left (two) or
/// down the page (one counter-clockwise).
fn sideways_turn([right, up, down, left]: [usize; 4]) -> Option<u8> {
    let most = right.max(up).max(down).max(left);
    if most == right {
        None
    } else if most == up {
        Some(1)
    } else if most == left {
        Some(2)
    } else {
        Some(3)
    }
}

fn matrix_of(args: &[Operand]) -> Option<Matrix> {
    let n: Vec<f64> = args.iter().filter_map(Operand::number).collect();
    Matrix::from_numbers(&n).filter(|m| m.is_finite())
}

impl<'a> Interpreter<'a> {
    fn page(&mut self, number: u32, page_id: ObjectId) -> Result<Page, PdfError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(Page {
                number,
                ..Page::default()
            });
        };
        let turns = quarter_turns(doc, page);
        let read = self.page_turned(number, page, turns)?;
        let Some(extra) = sideways_turn(std::mem::take(&mut self.directions)) else {
            return Ok(read);
        };
        // Most text runs up or down the page, or right to left: a table
        // printed sideways or upside down without /Rotate. Read the page
        // again, turned so that it is upright.
        self.glyphs_kept = self.glyphs_kept.saturating_sub(read.glyphs.len());
        let read = self.page_turned(number, page, (turns + extra) % 4)?;
        self.directions = [0; 4];
        Ok(read)
    }

    fn page_turned(
        &mut self,
        number: u32,
        page: &'a Dictionary,
        turns: u8,
    ) -> Result<Page, PdfError> {
        let doc = self.doc;
        let (ctm, width, height) = page_transform(page_box(doc, page), turns);
        self.top = height;
        self.width = width;
        let resources = inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok());
        let mut content = Vec::new();
        match dict_get(doc, page, b"Contents") {
            Some(Object::Array(parts)) => {
                for part in parts {
                    if let Some(bytes) = stream_bytes(doc, part) {
                        content.extend_from_slice(&bytes);
                        content.push(b'\n');
                    }
                }
            }
            Some(o) => {
                if let Some(bytes) = stream_bytes(doc, o) {
                    content = bytes;
                }
            }
            None => {}
        }
        let gs = GraphicsState {
            ctm,
            text: TextState::default(),
            fill_red: false,
            fill_light: false,
            fill_alpha: 1.0,
            clip: None,
        };
        self.red_glyphs = 0;
        self.marked.clear();
        let mut forms = HashSet::new();
        self.run(&content, resources, gs, 0, &mut forms)?;
        Ok(Page {
            number,
            width,
            height,
            glyphs: std::mem::take(&mut self.glyphs),
            rulings: std::mem::take(&mut self.rulings),
            red_glyphs: std::mem::take(&mut self.red_glyphs),
        })
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        let fonts = dict_get(doc, resources?, b"Font")?.as_dict().ok()?;
        let raw = fonts.get(name).ok()?;
        let key = match raw {
            Object::Reference(id) => FontKey::Object(*id),
            other => FontKey::Inline(other as *const Object as usize),
        };
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let dict = deref(doc, raw).as_dict().ok()?;
        let f = Rc::new(Font::load(doc, dict));
        self.fonts.insert(key, f.clone());
        Some(f)
    }

    /// The fill opacity (`ca`) an ExtGState of the resources sets.
    fn fill_alpha(&self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<f64> {
        let doc = self.doc;
        let states = dict_get(doc, resources?, b"ExtGState")?.as_dict().ok()?;
        let state = deref(doc, states.get(name).ok()?).as_dict().ok()?;
        number(deref(doc, state.get(b"ca").ok()?))
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&'a Dictionary>,
        mut gs: GraphicsState,
        depth: usize,
        forms: &mut HashSet<ObjectId>,
    ) -> Result<(), PdfError> {
        self.content_bytes = self.content_bytes.saturating_add(data.len());
        if self.content_bytes > MAX_CONTENT_BYTES {
            return Err(PdfError::TooComplex(format!(
                "more than {} MB of page content",
                MAX_CONTENT_BYTES >> 20
            )));
        }
        let mut stack: Vec<GraphicsState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut path = PathBuilder::default();
        for_each_operation(data, |op, args| {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return Err(PdfError::TooComplex(format!(
                    "more than {MAX_OPERATIONS} drawing operations"
                )));
            }
            if self.codes_shown > MAX_CODES {
                return Err(PdfError::TooComplex(format!(
                    "more than {MAX_CODES} characters shown"
                )));
            }
            let num = |i: usize| args.get(i).and_then(Operand::number);
            let string = |i: usize| match args.get(i) {
                Some(Operand::Str(s)) => Some(s.as_ref()),
                _ => None,
            };
            match op {
                b"q" if stack.len() < MAX_STATE_DEPTH => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = matrix_of(args) {
                        gs.ctm = m.then(gs.ctm);
                    }
                }
                b"rg" | b"k" | b"sc" | b"scn" => {
                    gs.fill_red = sets_seal_red(args);
                    gs.fill_light = sets_light_fill(args);
                }
                b"g" => {
                    gs.fill_red = false;
                    gs.fill_light = sets_light_fill(args);
                }
                // A new colour space's initial colour (black).
                b"cs" => {
                    gs.fill_red = false;
                    gs.fill_light = false;
                }
                b"gs" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        if let Some(alpha) = self.fill_alpha(resources, name) {
                            gs.fill_alpha = alpha;
                        }
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tf" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        gs.text.font = self.font(resources, name);
                    }
                    gs.text.size = num(1).unwrap_or(gs.text.size);
                }
                b"Tc" => gs.text.char_spacing = num(0).unwrap_or(0.0),
                b"Tw" => gs.text.word_spacing = num(0).unwrap_or(0.0),
                b"Tz" => gs.text.hscale = num(0).unwrap_or(100.0) / 100.0,
                b"TL" => gs.text.leading = num(0).unwrap_or(0.0),
                b"Ts" => gs.text.rise = num(0).unwrap_or(0.0),
                b"Td" | b"TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op == b"TD" {
                        gs.text.leading = -ty;
                    }
                    tlm = Matrix::translate(tx, ty).then(tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = matrix_of(args) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(s) = string(0) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"'" => {
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(tlm);
                    tm = tlm;
                    if let Some(s) = string(0) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"\"" => {
                    gs.text.word_spacing = num(0).unwrap_or(gs.text.word_spacing);
                    gs.text.char_spacing = num(1).unwrap_or(gs.text.char_spacing);
                    tlm = Matrix::translate(0.0, -gs.text.leading).then(tlm);
                    tm = tlm;
                    if let Some(s) = string(2) {
                        self.show(s, &gs, &mut tm);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = args.first() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(s, &gs, &mut tm),
                                other => {
                                    if let Some(n) = other.number() {
                                        let tx = -n / 1000.0 * gs.text.size * gs.text.hscale;
                                        tm = Matrix::translate(tx, 0.0).then(tm);
                                    }
                                }
                            }
                        }
                    }
                }
                b"m" => {
                    if let (Some(x), Some(y)) = (num(0), num(1)) {
                        path.move_to(gs.ctm.apply(x, y));
                    }
                }
                b"l" => {
                    if let (Some(x), Some(y)) = (num(0), num(1)) {
                        path.line_to(gs.ctm.apply(x, y));
                    }
                }
                b"c" | b"v" | b"y" => {
                    // Curves are not rulings: only the end point matters.
                    let n = args.len();
                    if let (Some(x), Some(y)) = (
                        n.checked_sub(2)
                            .and_then(|i| args.get(i))
                            .and_then(Operand::number),
                        n.checked_sub(1)
                            .and_then(|i| args.get(i))
                            .and_then(Operand::number),
                    ) {
                        let p = gs.ctm.apply(x, y);
                        path.subpaths.push((vec![p], false));
                    }
                }
                b"re" => {
                    if let (Some(x), Some(y), Some(w), Some(h)) = (num(0), num(1), num(2), num(3)) {
                        let pts = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
                        path.move_to(gs.ctm.apply(pts[0].0, pts[0].1));
                        for (px, py) in &pts[1..] {
                            path.line_to(gs.ctm.apply(*px, *py));
                        }
                        path.close();
                    }
                }
                b"h" => path.close(),
                b"W" | b"W*" => path.clips = true,
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    if matches!(op, b"s" | b"b" | b"b*") {
                        path.close();
                    }
                    let stroke = matches!(op, b"S" | b"s" | b"B" | b"B*" | b"b" | b"b*");
                    let fill = !matches!(op, b"S" | b"s");
                    self.paint(&path, stroke, fill);
                    clip_to(&mut gs, &path);
                    path = PathBuilder::default();
                }
                b"n" => {
                    clip_to(&mut gs, &path);
                    path = PathBuilder::default();
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = args.first() {
                        self.form(resources, name, &gs, depth, forms)?;
                    }
                }
                b"BMC" | b"BDC" if self.marked.len() < MAX_STATE_DEPTH => {
                    let text = args.get(1).and_then(|p| self.actual_text(resources, p));
                    self.marked.push(text.map(|t| (self.glyphs.len(), t)));
                }
                b"EMC" => {
                    if let Some(Some((first, text))) = self.marked.pop() {
                        if let Some(run) = self.glyphs.get_mut(first..) {
                            let kept = with_actual_text(run, &text);
                            self.glyphs.truncate(first + kept);
                        }
                    }
                }
                _ => {}
            }
            Ok(())
        })
    }

    fn form(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: &[u8],
        gs: &GraphicsState,
        depth: usize,
        forms: &mut HashSet<ObjectId>,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let Some(xobjects) = resources
            .and_then(|r| dict_get(doc, r, b"XObject"))
            .and_then(|o| o.as_dict().ok())
        else {
            return Ok(());
        };
        let Ok(raw) = xobjects.get(name) else {
            return Ok(());
        };
        let id = raw.as_reference().ok();
        let Ok(stream) = deref(doc, raw).as_stream() else {
            return Ok(());
        };
        if dict_get(doc, &stream.dict, b"Subtype").and_then(name_of) != Some(b"Form".as_slice()) {
            return Ok(());
        }
        if let Some(id) = id {
            if !forms.insert(id) {
                // A form that draws itself: stop the cycle.
                return Ok(());
            }
        }
        let matrix = dict_get(doc, &stream.dict, b"Matrix")
            .and_then(|o| o.as_array().ok())
            .and_then(|a| {
                let v: Vec<f64> = a.iter().filter_map(|x| number(deref(doc, x))).collect();
                Matrix::from_numbers(&v)
            })
            .filter(|m| m.is_finite())
            .unwrap_or(Matrix::IDENTITY);
        let form_resources = dict_get(doc, &stream.dict, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .or(resources);
        // A form drawn many times is inflated once.
        let data = match id.and_then(|i| self.form_data.get(&i)) {
            Some(d) => d.clone(),
            None => {
                let d = Rc::new(stream_bytes(doc, raw).unwrap_or_default());
                if let Some(i) = id {
                    self.form_data.insert(i, d.clone());
                }
                d
            }
        };
        let mut inner = gs.clone();
        inner.ctm = matrix.then(gs.ctm);
        let result = self.run(&data, form_resources, inner, depth + 1, forms);
        if let Some(id) = id {
            forms.remove(&id);
        }
        result
    }

    fn show(&mut self, bytes: &[u8], gs: &GraphicsState, tm: &mut Matrix) {
        let Some(font) = gs.text.font.clone() else {
            return;
        };
        let t = &gs.text;
        let mut codes = std::mem::take(&mut self.codes);
        codes.clear();
        font.decode(bytes, &mut codes);
        self.codes_shown = self.codes_shown.saturating_add(codes.len());
        let first_glyph = self.glyphs.len();
        let mut all_up = true;
        for code in &codes {
            let m = tm.then(gs.ctm);
            let advance = code.width * t.size * t.hscale;
            let (ox, oy) = m.apply(0.0, t.rise);
            let (ex, ey) = m.apply(advance, t.rise);
            let dir = direction(ex - ox, ey - oy);
            all_up &= dir == 1;
            if let Some(n) = self.directions.get_mut(dir) {
                *n += 1;
            }
            let scale_y = (m.c * m.c + m.d * m.d).sqrt();
            let size = (t.size * scale_y).abs();
            // The middle of the glyph's advance, half an em above the
            // baseline (for text set upright). A clip cuts text off above
            // or below: a cell's text running on past its right edge is
            // the cell's, clipped or not.
            let middle = ((ox + ex) / 2.0, (oy + ey) / 2.0 + 0.3 * size);
            let shown = within((0.0, 0.0, self.width, self.top), middle, 1.0)
                && gs
                    .clip
                    .is_none_or(|c| within((f64::MIN, c.1, f64::MAX, c.3), middle, 1.0));
            match &code.text {
                // Text set at a slant (a watermark across the page) is no
                // line of the form: its glyphs would land in the cells.
                Some(_) if is_oblique(ex - ox, ey - oy) => {}
                // So is one laid flat: large, and faint.
                Some(_) if size >= WATERMARK_MIN_SIZE && (gs.fill_light || gs.fill_alpha < 0.5) => {
                }
                // Text off the page, or clipped away (a merged cell's text
                // centred over its whole height, drawn again on the next
                // page where its part there hides it), is not shown.
                Some(_) if !shown => {}
                // A seal's text (its name, 业务专用章, the ★ at its centre),
                // drawn over the form in red.
                Some(_) if gs.fill_red => self.red_glyphs += 1,
                Some(text)
                    if self.glyphs.len() < MAX_GLYPHS_PER_PAGE
                        && self.glyphs_kept < MAX_GLYPHS_PER_DOCUMENT
                        && size.is_finite()
                        && ox.is_finite()
                        && oy.is_finite() =>
                {
                    let baseline = self.top - oy;
                    let (x0, x1) = if ex >= ox { (ox, ex) } else { (ex, ox) };
                    self.glyphs_kept += 1;
                    self.glyphs.push(Glyph {
                        text: text.clone(),
                        x0,
                        x1,
                        top: baseline - 0.8 * size,
                        bottom: baseline + 0.2 * size,
                        baseline,
                        size,
                    });
                }
                Some(_) => {}
                None => self.undecodable += 1,
            }
            let spacing = t.char_spacing
                + if code.is_word_space {
                    t.word_spacing
                } else {
                    0.0
                };
            let tx = (code.width * t.size + spacing) * t.hscale;
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
        // A string that runs up the page (a table's label turned to read
        // bottom to top) is read down its cell: its first character is the
        // lowest, so the characters are given the places in reverse.
        if all_up {
            if let Some(run) = self.glyphs.get_mut(first_glyph..) {
                let texts: Vec<String> = run
                    .iter_mut()
                    .map(|g| std::mem::take(&mut g.text))
                    .collect();
                for (g, t) in run.iter_mut().zip(texts.into_iter().rev()) {
                    g.text = t;
                }
            }
        }
        self.codes = codes;
    }

    /// The `/ActualText` of a marked-content property list, given inline
    /// or by name from the resources' `/Properties`.
    fn actual_text(&self, resources: Option<&'a Dictionary>, props: &Operand) -> Option<String> {
        let bytes: Vec<u8> = match props {
            Operand::Dict(entries) => match entries.iter().find(|(k, _)| *k == b"ActualText") {
                Some((_, Operand::Str(s))) => s.to_vec(),
                _ => return None,
            },
            Operand::Name(name) => {
                let doc = self.doc;
                let list = dict_get(doc, resources?, b"Properties")?.as_dict().ok()?;
                let dict = deref(doc, list.get(name).ok()?).as_dict().ok()?;
                dict_get(doc, dict, b"ActualText")?.as_str().ok()?.to_vec()
            }
            _ => return None,
        };
        Some(text_string(&bytes))
    }

    fn paint(&mut self, path: &PathBuilder, stroke: bool, fill: bool) {
        for (pts, closed) in &path.subpaths {
            if fill {
                if let Some(r) = thin_rect(pts) {
                    self.push_ruling(r);
                    continue;
                }
                // A filled box (cell shading, a box drawn as a fill): its
                // sides are edges too, as pdfplumber reads rectangles.
                if let Some((x0, y0, x1, y1)) = rect_of(pts) {
                    for r in [
                        Ruling { x0, x1, y0, y1: y0 },
                        Ruling { x0, x1, y0: y1, y1 },
                        Ruling { x0, x1: x0, y0, y1 },
                        Ruling { x0: x1, x1, y0, y1 },
                    ] {
                        self.push_ruling(r);
                    }
                    continue;
                }
            }
            if !stroke {
                continue;
            }
            let mut segs: Vec<((f64, f64), (f64, f64))> =
                pts.windows(2).map(|w| (w[0], w[1])).collect();
            if *closed {
                if let (Some(a), Some(b)) = (pts.last(), pts.first()) {
                    segs.push((*a, *b));
                }
            }
            for (a, b) in segs {
                if let Some(r) = axis_segment(a, b) {
                    self.push_ruling(r);
                }
            }
        }
    }

    fn push_ruling(&mut self, r: Ruling) {
        if self.rulings.len() >= MAX_RULINGS_PER_PAGE {
            return;
        }
        // Device space to page space: y down from the top.
        let (y0, y1) = (self.top - r.y1, self.top - r.y0);
        self.rulings.push(Ruling { y0, y1, ..r });
    }
}

/// A segment that is horizontal or vertical, normalised (in device space).
/// A path given `W` clips what is drawn after it, until `Q`: its bounding
/// box (a producer clips to a cell's box) narrows the clip in effect.
fn clip_to(gs: &mut GraphicsState, path: &PathBuilder) {
    if !path.clips {
        return;
    }
    if let Some(b) = path.bounds() {
        gs.clip = Some(gs.clip.map_or(b, |c| intersect(c, b)));
    }
}

/// A PDF text string: UTF-16BE after its byte-order mark, UTF-8 after
/// its own (PDF 2.0), else PDFDocEncoding, whose printable ASCII and
/// Latin-1 range this reads as such.
fn text_string(bytes: &[u8]) -> String {
    if let Some(be) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return super::cmap::utf16be(be);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The most glyphs whose text one `/ActualText` replaces as a whole (a
/// ligature, a character drawn in parts): a longer run keeps its glyphs
/// unless the text gives one character to each.
const MAX_GLYPHS_JOINED: usize = 3;

/// The glyphs of a marked-content sequence given its `/ActualText`: one
/// character each where they are as many (white space aside); else, for a
/// short run on one line, the first glyph holds the whole text across the
/// run's extent, the others dropped. Returns how many glyphs are kept.
/// Glyphs left out inside it (a seal's, a slanted watermark's) leave
/// nothing to replace.
fn with_actual_text(run: &mut [Glyph], text: &str) -> usize {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    if run.is_empty() {
        return 0;
    }
    if chars.len() == run.len() {
        for (g, c) in run.iter_mut().zip(chars) {
            g.text = c.to_string();
        }
        return run.len();
    }
    let baseline = run.first().map_or(0.0, |g| g.baseline);
    let on_line = run.iter().all(|g| (g.baseline - baseline).abs() < 1.0);
    if chars.is_empty() || !on_line || run.len() > MAX_GLYPHS_JOINED {
        // (Text over several lines or many glyphs, or none: the glyphs'
        // own places say more.)
        return run.len();
    }
    let x1 = run.iter().map(|g| g.x1).fold(f64::MIN, f64::max);
    let x0 = run.iter().map(|g| g.x0).fold(f64::MAX, f64::min);
    if let Some(first) = run.first_mut() {
        first.text = chars.into_iter().collect();
        first.x0 = x0;
        first.x1 = x1;
    }
    1
}

fn axis_segment(a: (f64, f64), b: (f64, f64)) -> Option<Ruling> {
    let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    if !(dx.is_finite() && dy.is_finite()) || (dx < AXIS_TOLERANCE && dy < AXIS_TOLERANCE) {
        return None;
    }
    if dy < AXIS_TOLERANCE {
        let y = (a.1 + b.1) / 2.0;
        Some(Ruling {
            x0: a.0.min(b.0),
            x1: a.0.max(b.0),
            y0: y,
            y1: y,
        })
    } else if dx < AXIS_TOLERANCE {
        let x = (a.0 + b.0) / 2.0;
        Some(Ruling {
            x0: x,
            x1: x,
            y0: a.1.min(b.1),
            y1: a.1.max(b.1),
        })
    } else {
        None
    }
}

/// The centre line of a closed axis-aligned rectangle thinner than
/// [`THIN`] (a border drawn as a fill).
fn thin_rect(pts: &[(f64, f64)]) -> Option<Ruling> {
    let (x0, y0, x1, y1) = rect_of(pts)?;
    let (w, h) = (x1 - x0, y1 - y0);
    if h <= THIN && w > h {
        let y = (y0 + y1) / 2.0;
        Some(Ruling {
            x0,
            x1,
            y0: y,
            y1: y,
        })
    } else if w <= THIN && h > w {
        let x = (x0 + x1) / 2.0;
        Some(Ruling {
            x0: x,
            x1: x,
            y0,
            y1,
        })
    } else {
        None
    }
}

/// The box `(x0, y0, x1, y1)` of a closed axis-aligned rectangle subpath.
fn rect_of(pts: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    if !(4..=5).contains(&pts.len()) {
        return None;
    }
    let xs: Vec<f64> = pts.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = pts.iter().map(|p| p.1).collect();
    let (x0, x1) = (
        xs.iter().cloned().fold(f64::INFINITY, f64::min),
        xs.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
    );
    let (y0, y1) = (
        ys.iter().cloned().fold(f64::INFINITY, f64::min),
        ys.iter().cloned().fold(f64::NEG_INFINITY, f64::max),
    );
    let axis_aligned = pts.iter().all(|p| {
        ((p.0 - x0).abs() < AXIS_TOLERANCE || (p.0 - x1).abs() < AXIS_TOLERANCE)
            && ((p.1 - y0).abs() < AXIS_TOLERANCE || (p.1 - y1).abs() < AXIS_TOLERANCE)
    });
    let (w, h) = (x1 - x0, y1 - y0);
    let sized = w.is_finite() && h.is_finite() && (w >= AXIS_TOLERANCE || h >= AXIS_TOLERANCE);
    (axis_aligned && sized).then_some((x0, y0, x1, y1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices() {
        let m = Matrix::translate(10.0, 20.0).then(Matrix {
            a: 2.0,
            d: 2.0,
            ..Matrix::IDENTITY
        });
        assert_eq!(m.apply(1.0, 1.0), (22.0, 42.0));
    }

    #[test]
    fn thin_rectangles_are_rulings() {
        let r = thin_rect(&[(0.0, 0.0), (100.0, 0.0), (100.0, 0.5), (0.0, 0.5)]).unwrap();
        assert_eq!((r.x0, r.x1, r.y0, r.y1), (0.0, 100.0, 0.25, 0.25));
        assert!(thin_rect(&[(0.0, 0.0), (100.0, 0.0), (100.0, 50.0), (0.0, 50.0)]).is_none());
        assert!(thin_rect(&[(0.0, 0.0), (1.0, 1.0)]).is_none());
    }

    #[test]
    fn axis_segments() {
        assert!(axis_segment((0.0, 5.0), (50.0, 5.2))
            .unwrap()
            .is_horizontal());
        assert!(axis_segment((3.0, 0.0), (3.0, 40.0)).unwrap().is_vertical());
        assert!(axis_segment((0.0, 0.0), (30.0, 40.0)).is_none());
        assert!(axis_segment((0.0, 0.0), (f64::NAN, 1.0)).is_none());
    }

    /// The glyphs of a one-page PDF of Helvetica text drawn by `content`.
    fn glyphs_of(content: &[u8]) -> Vec<crate::extract::page::Glyph> {
        use lopdf::{dictionary, Document, Object, Stream};
        let mut doc = Document::with_version("1.5");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
        let pages_id = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Contents" => contents,
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font },
                "ExtGState" => dictionary! { "Faint" => dictionary! { "ca" => 0.12 } },
            },
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        let mut pages = super::super::extract_pdf(&bytes).unwrap();
        pages.remove(0).glyphs
    }

    #[test]
    fn actual_text_replaces_the_glyphs_text() {
        // Chromium names a subset glyph by another character than the one
        // shown (the radical ⼾ for 户) and gives the real one as
        // /ActualText: 财政专戶 read as printed.
        let text = |content: &[u8]| -> String {
            glyphs_of(content).iter().map(|g| g.text.as_str()).collect()
        };
        assert_eq!(
            text(b"BT /F1 12 Tf 1 0 0 1 50 700 Tm (ab) Tj /Span <</ActualText <FEFF6237>>> BDC (c) Tj EMC (d) Tj ET"),
            "ab\u{6237}d"
        );
        // A ligature's one glyph, two letters; a marked run without the
        // text (an MCID) as it is; more glyphs than characters, on one
        // line and few, take the text on the first.
        assert_eq!(
            text(b"BT /F1 12 Tf 1 0 0 1 50 700 Tm /Span <</ActualText (fi)>> BDC (X) Tj EMC /P <</MCID 3>> BDC (g) Tj EMC ET"),
            "fig"
        );
        let two = glyphs_of(
            b"BT /F1 12 Tf 1 0 0 1 50 700 Tm /Span <</ActualText (Z)>> BDC (XY) Tj EMC ET",
        );
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].text, "Z");
        assert!(two[0].x1 - two[0].x0 > 10.0, "{two:?}");
        // A long run keeps its glyphs where the text does not fit them.
        assert_eq!(
            text(b"BT /F1 12 Tf 1 0 0 1 50 700 Tm /Span <</ActualText (Z)>> BDC (WXYZ) Tj EMC ET"),
            "WXYZ"
        );
    }

    #[test]
    fn text_clipped_away_or_off_the_page_is_left_out() {
        // LibreOffice draws a merged cell's text centred over the whole
        // cell on each page it spans, clipped to the cell's part there:
        // off the page, or above the part, it showed as a row of its own.
        let text = |content: &[u8]| -> String {
            glyphs_of(content).iter().map(|g| g.text.as_str()).collect()
        };
        assert_eq!(
            text(b"q 100 690 50 20 re W n BT /F1 12 Tf 1 0 0 1 120 720 Tm (A) Tj 1 0 0 1 120 700 Tm (B) Tj ET Q \
                   BT /F1 12 Tf 1 0 0 1 50 650 Tm (C) Tj 1 0 0 1 50 850 Tm (D) Tj 1 0 0 1 -40 600 Tm (E) Tj ET"),
            "BC"
        );
        // A cell's text running on past its right edge is kept, clipped
        // or not. Clips narrow each other, and end with the state that
        // set them.
        assert_eq!(
            text(b"q 100 690 50 20 re W n BT /F1 12 Tf 1 0 0 1 160 700 Tm (K) Tj ET Q"),
            "K"
        );
        assert_eq!(
            text(b"q 0 0 595 300 re W n q 0 200 595 642 re W n BT /F1 12 Tf 1 0 0 1 50 250 Tm (F) Tj 1 0 0 1 50 100 Tm (G) Tj ET Q \
                   BT /F1 12 Tf 1 0 0 1 50 100 Tm (H) Tj 1 0 0 1 50 400 Tm (I) Tj ET Q"),
            "FH"
        );
    }

    #[test]
    fn text_set_at_a_slant_is_left_out() {
        // A line of the form, and a watermark turned 30° across the page.
        let glyphs = glyphs_of(
            b"BT /F1 12 Tf 1 0 0 1 50 700 Tm (Form) Tj ET \
              BT /F1 40 Tf 0.866 0.5 -0.5 0.866 100 300 Tm (DRAFT) Tj ET",
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Form");
    }

    #[test]
    fn text_in_a_seals_red_is_left_out() {
        // A line of the form in black, a seal's text over it in red (RGB,
        // then CMYK), a red line restored to black by Q, and a dark red
        // heading that is no seal's (too much blue).
        let glyphs = glyphs_of(
            b"BT /F1 12 Tf 1 0 0 1 50 700 Tm (560.00) Tj ET \
              q 0.9 0.1 0.1 rg BT /F1 12 Tf 1 0 0 1 50 700 Tm (SEAL) Tj ET Q \
              q 0 0.9 0.8 0 k BT /F1 12 Tf 1 0 0 1 50 650 Tm (STAR) Tj ET Q \
              BT /F1 12 Tf 1 0 0 1 50 600 Tm (Total) Tj ET \
              0.6 0.1 0.5 rg BT /F1 12 Tf 1 0 0 1 50 550 Tm (Note) Tj ET",
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "560.00TotalNote");
        assert!(sets_seal_red(&[
            Operand::Number(1.0),
            Operand::Number(0.0),
            Operand::Number(0.0)
        ]));
        assert!(!sets_seal_red(&[Operand::Number(0.0)]));
        assert!(!sets_seal_red(&[
            Operand::Number(0.2),
            Operand::Number(0.2),
            Operand::Number(0.2)
        ]));
    }

    #[test]
    fn a_watermark_laid_flat_is_left_out() {
        // Large text in a light gray, or mostly transparent, over the form;
        // the form's own text in light gray (white on a dark header) or
        // large and dark (a title) stays.
        let glyphs = glyphs_of(
            b"BT /F1 10 Tf 1 0 0 1 50 700 Tm (Cell) Tj ET \
              q 0.82 g BT /F1 60 Tf 1 0 0 1 50 690 Tm (WM) Tj ET Q \
              q /Faint gs BT /F1 44 Tf 1 0 0 1 50 600 Tm (MARK) Tj ET Q \
              q 0.9 0.9 0.95 rg BT /F1 40 Tf 1 0 0 1 50 500 Tm (SAMPLE) Tj ET Q \
              q 1 g BT /F1 10 Tf 1 0 0 1 50 400 Tm (Head) Tj ET Q \
              BT /F1 30 Tf 1 0 0 1 50 300 Tm (Title) Tj ET",
        );
        let text: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "CellHeadTitle");
    }

    #[test]
    fn text_running_up_the_page_reads_down_its_cell() {
        // A label turned to read bottom to top (and a line of the page, so
        // that the page itself is not turned).
        let glyphs = glyphs_of(
            b"BT /F1 12 Tf 1 0 0 1 50 700 Tm (A line of the page) Tj ET \
              BT /F1 12 Tf 0 1 -1 0 300 400 Tm (Label) Tj ET",
        );
        let mut label: Vec<_> = glyphs.iter().filter(|g| g.x0 > 250.0).collect();
        label.sort_by(|a, b| a.top.total_cmp(&b.top));
        let text: String = label.iter().map(|g| g.text.as_str()).collect();
        assert_eq!(text, "Label");
    }

    #[test]
    fn sideways_text_decides_the_turn() {
        assert!(is_oblique(8.66, 5.0) && is_oblique(-5.0, 8.66));
        assert!(!is_oblique(10.0, 0.5) && !is_oblique(0.0, -10.0) && !is_oblique(0.0, 0.0));
        assert_eq!(direction(10.0, 0.0), 0);
        assert_eq!(direction(-10.0, 1.0), 3);
        assert_eq!(direction(0.0, 10.0), 1);
        assert_eq!(direction(0.0, -10.0), 2);
        assert_eq!(sideways_turn([100, 3, 0, 2]), None);
        assert_eq!(sideways_turn([3, 100, 0, 0]), Some(1));
        assert_eq!(sideways_turn([3, 0, 100, 0]), Some(3));
        assert_eq!(sideways_turn([3, 0, 0, 100]), Some(2));
        assert_eq!(sideways_turn([0, 0, 0, 0]), None);
    }

    #[test]
    fn rotated_pages_map_corners_to_the_displayed_page() {
        // A portrait box (10,20)-(110,220), width 100 and height 200.
        let bbox = (10.0, 20.0, 110.0, 220.0);
        let (m, w, h) = page_transform(bbox, 0);
        assert_eq!((w, h), (100.0, 200.0));
        assert_eq!(m.apply(10.0, 20.0), (0.0, 0.0));
        // Clockwise: the bottom-left corner shows at the top-left, the
        // bottom-right at the bottom-left.
        let (m, w, h) = page_transform(bbox, 1);
        assert_eq!((w, h), (200.0, 100.0));
        assert_eq!(m.apply(10.0, 20.0), (0.0, 100.0));
        assert_eq!(m.apply(110.0, 20.0), (0.0, 0.0));
        assert_eq!(m.apply(10.0, 220.0), (200.0, 100.0));
        let (m, _, _) = page_transform(bbox, 2);
        assert_eq!(m.apply(10.0, 20.0), (100.0, 200.0));
        assert_eq!(m.apply(110.0, 220.0), (0.0, 0.0));
        // Counter-clockwise: the top-left corner shows at the bottom-left.
        let (m, w, h) = page_transform(bbox, 3);
        assert_eq!((w, h), (200.0, 100.0));
        assert_eq!(m.apply(10.0, 220.0), (0.0, 0.0));
        assert_eq!(m.apply(110.0, 220.0), (0.0, 100.0));
    }
}
