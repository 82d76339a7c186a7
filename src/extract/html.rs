//! HTML input: saved article pages and bare tables.
//!
//! Owns decoding (byte-order mark, then the `<meta charset>` /
//! `http-equiv` declaration, then UTF-8, then a statistical guess — GBK
//! pages without a declaration are common), parsing (html5ever through
//! `scraper`, whose tree lives in one vector, so dropping a deep tree does
//! not recurse), finding the article among the page's navigation and
//! footer, the page's provenance (canonical address, publication date) and
//! laying the article out as rows: every `<table>` on the HTML table model
//! (a cell takes the next free slot; slots under a rowspan are skipped),
//! text outside tables as one-cell prose rows. What the page does not
//! show is not read: hidden by an element's own style or attribute, or by
//! a class or id that a plain rule of the page's `<style>` hides; and a
//! whole form printed twice (a copy hidden by a linked stylesheet) is
//! read once.
//!
//! Every walk over the tree is iterative and the tree's depth is checked
//! before it is walked, so deep nesting costs time in proportion to the
//! input, never stack.

use std::sync::OnceLock;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use encoding_rs::{Encoding, UTF_8};
use regex::Regex;
use scraper::{Html, Node};

use crate::layout::structured::{
    prose_row, table_rows, table_rows_in_parts, GridOptions, TableCell,
};
use crate::layout::web::is_furniture_line;
use crate::layout::{is_sentence, Layout, Row};
use crate::model::Warning;

/// Largest `colspan` honoured (browsers cap it at 1000 too).
const MAX_COLSPAN: usize = 1000;
/// Largest `rowspan` honoured before clamping to the table's rows.
const MAX_ROWSPAN: usize = 65_534;
/// Widest table accepted, in grid columns.
const MAX_COLUMNS: usize = 2000;
/// Deepest element nesting accepted. Real pages nest a few dozen levels;
/// html5ever's tree builder spends time in proportion to the depth on each
/// new element, so a page nested deeper is refused before it is parsed.
pub const MAX_DEPTH: usize = 4096;
/// Repairs reported a page, at most (a hostile page could ask for one
/// per cell).
const MAX_REPAIRS_SAID: usize = 20;
/// Largest HTML input decoded, in bytes.
pub const MAX_HTML_BYTES: usize = 64 * 1024 * 1024;

/// A decoded and laid-out HTML page.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    pub layout: Layout,
    /// The encoding the page was decoded from (`UTF-8`, `GBK`, …).
    pub encoding: String,
    /// `<link rel="canonical">` or `og:url`.
    pub url: Option<String>,
    /// ISO date from a 发布时间 / 发布日期 line or a publication-date meta.
    pub published: Option<String>,
}

/// Parses a page into a tree whose node vector is sized up front: grown
/// as the parser adds nodes, it was copied a dozen times a page.
fn parse_page(text: &str) -> Html {
    use html5ever::driver::{self, ParseOpts};
    use html5ever::tendril::TendrilSink;
    // About one node per tag and one per text run between tags.
    let nodes = memchr::memchr_iter(b'<', text.as_bytes()).count() + 16;
    let html = Html {
        quirks_mode: html5ever::tree_builder::QuirksMode::NoQuirks,
        tree: ego_tree::Tree::with_capacity(Node::Document, nodes),
    };
    driver::parse_document(scraper::HtmlTreeSink::new(html), ParseOpts::default()).one(text)
}

/// Decodes, parses and lays out an HTML page.
pub fn read_html(bytes: &[u8]) -> Result<HtmlDoc, String> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(format!(
            "HTML page of {} bytes is over the limit of {MAX_HTML_BYTES}",
            bytes.len()
        ));
    }
    let (text, encoding) = decode(bytes);
    check_depth(&text)?;
    let mut html = parse_page(&without_table_whitespace(&text));
    hide_by_stylesheet(&mut html.tree);
    let root = html.tree.root();
    let head_meta = provenance(root);
    let body = find_element(root, "body").unwrap_or(root);
    let content = content_root(body);
    let mut laid = Layout {
        hard_breaks: true,
        ..Layout::default()
    };
    flow(content, &mut laid)?;
    Ok(HtmlDoc {
        layout: laid,
        encoding,
        url: head_meta.0,
        // The article's own date line before any other on the page (a
        // sidebar of latest items lists other articles' dates first).
        published: head_meta
            .1
            .or_else(|| published_in_text(&plain_text(content)))
            .or_else(|| published_in_text(&plain_text(body))),
    })
}

// --- decoding ------------------------------------------------------------

/// The page's text and the name of its encoding.
pub fn decode(bytes: &[u8]) -> (String, String) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(body);
        return (text.into_owned(), enc.name().to_ascii_uppercase());
    }
    if let Some(enc) = declared_encoding(bytes) {
        // A declaration that the bytes contradict (a GBK page saved as
        // UTF-8 by an editor that kept the old meta, or the reverse) is
        // ignored in favour of what the bytes are.
        if let Some(text) = enc.decode_without_bom_handling_and_without_replacement(bytes) {
            return (text.into_owned(), enc.name().to_ascii_uppercase());
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8".to_string());
    }
    let enc = guess_encoding(bytes);
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc.name().to_ascii_uppercase())
}

/// Non-ASCII bytes given to the detector: two hundred and fifty
/// double-byte characters of running text give the guess the whole page
/// gives (tested); the detector costs far more per byte than the rest of
/// reading a page.
const GUESS_SAMPLE: usize = 512;

/// The statistical guess for an undeclared page that is not UTF-8, made on
/// its runs of non-ASCII bytes (each with the ASCII byte on either side,
/// where a double-byte character's second byte may be) up to
/// [`GUESS_SAMPLE`] bytes; markup and scripts tell the detector nothing.
fn guess_encoding(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let mut fed = 0;
    let mut next = 0;
    while fed < GUESS_SAMPLE {
        let rest = bytes.get(next..).unwrap_or_default();
        let Some(start) = rest.iter().position(|b| !b.is_ascii()).map(|k| next + k) else {
            break;
        };
        let tail = bytes.get(start..).unwrap_or_default();
        let end = start + tail.iter().position(u8::is_ascii).unwrap_or(tail.len());
        let from = start.saturating_sub(1).max(next);
        let to = (end + 1).min(bytes.len());
        detector.feed(bytes.get(from..to).unwrap_or_default(), false);
        fed += end - start;
        next = to;
    }
    detector.feed(&[], true);
    detector.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
}

/// The encoding named by a `<meta charset>` or `http-equiv` declaration in
/// the first 4 KiB. UTF-16 declared in ASCII-compatible bytes cannot be
/// true, so it reads as UTF-8 (as browsers do).
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    static META: OnceLock<Option<regex::bytes::Regex>> = OnceLock::new();
    let re = META
        .get_or_init(|| {
            // Bytes, not characters: the declaration is ASCII, and the
            // pattern compiles in a fraction of the time without Unicode.
            regex::bytes::Regex::new(
                r#"(?i-u)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)"#,
            )
            .ok()
        })
        .as_ref()?;
    let head = bytes.get(..4096).unwrap_or(bytes);
    let label = re.captures(head)?.get(1)?.as_bytes();
    let enc = Encoding::for_label(label)?;
    Some(if enc.output_encoding() == UTF_8 {
        UTF_8
    } else {
        enc
    })
}

// --- whitespace between table tags ----------------------------------------

/// Whether a tag names a table-structure element (`table`, `tbody`,
/// `thead`, `tfoot`, `tr`, `td`, `th`, `colgroup`, `col`): whitespace
/// between two of their tags is nothing on the page (the HTML table model
/// puts it beside the cells).
fn is_table_tag(name: &[u8]) -> bool {
    let mut buf = [0u8; 8];
    lowered(name, &mut buf).is_some_and(|n| {
        matches!(
            n,
            b"tr"
                | b"td"
                | b"th"
                | b"table"
                | b"tbody"
                | b"thead"
                | b"tfoot"
                | b"col"
                | b"colgroup"
        )
    })
}

/// A tag name of up to eight bytes (every table tag's) in ASCII lower
/// case, written into `buf`; `None` for a longer one.
fn lowered<'a>(name: &[u8], buf: &'a mut [u8; 8]) -> Option<&'a [u8]> {
    let slot = buf.get_mut(..name.len())?;
    for (l, c) in slot.iter_mut().zip(name) {
        *l = c.to_ascii_lowercase();
    }
    Some(slot)
}

/// Elements whose content is not markup, copied as it is.
const RAW_TEXT_TAGS: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The page without the whitespace between two table-structure tags
/// inside a table's structure (`</td>\n      <td>`). Such whitespace reads
/// as nothing, but each run of it takes html5ever's tree builder through
/// its table-text steps: on article pages, whose tables are indented a
/// cell to a line, that was a quarter of the parse. Whitespace beside
/// table tags the parser ignores (stray `</td> <td>` in a paragraph or in
/// a cell) is text, and stays ([`TableContext`] follows where the parser
/// is). Comments and raw-text elements are copied as they are, and
/// anything not understood is left alone, so the worst a strange page
/// gets is the parse it got before.
fn without_table_whitespace(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut context = TableContext::default();
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let lt = i + lt;
        i = lt + 1;
        let rest = b.get(lt..).unwrap_or_default();
        // Most tags are neither table tags nor raw-text ones: told apart
        // by their first letter before anything else is looked at.
        let first = rest.get(1).map(u8::to_ascii_lowercase);
        match first {
            Some(b'!') => {
                if rest.starts_with(b"<!--") {
                    match memchr::memmem::find(rest.get(4..).unwrap_or_default(), b"-->") {
                        Some(end) => i = lt + 4 + end + 3,
                        None => break,
                    }
                }
                continue;
            }
            Some(b't' | b'c' | b's' | b'x' | b'i' | b'n' | b'p' | b'/') => {}
            Some(c) if c.is_ascii_alphabetic() => {
                context.other_start();
                continue;
            }
            _ => continue,
        }
        let Some((closing, name)) = tag_name(rest) else {
            if first.is_some_and(|c| c.is_ascii_alphabetic()) {
                // (`<td\0>` is an element of another name to the parser.)
                context.other_start();
            }
            continue;
        };
        let is_caption = name.eq_ignore_ascii_case(b"caption");
        let table_tag = is_table_tag(name);
        if !closing && !table_tag && name.eq_ignore_ascii_case(b"plaintext") {
            break;
        }
        if !closing
            && !table_tag
            && RAW_TEXT_TAGS
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(name))
        {
            match find_end_tag(rest, name) {
                Some(end) => {
                    i = lt + end;
                    continue;
                }
                None => break,
            }
        }
        if !table_tag && !is_caption {
            if !closing {
                context.other_start();
            }
            continue;
        }
        let Some(gt) = memchr::memchr(b'>', rest) else {
            break;
        };
        i = lt + gt + 1;
        context.tag(closing, name);
        if !context.in_structure() {
            continue;
        }
        let after = b.get(i..).unwrap_or_default();
        let spaces = after
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
            .count();
        let next = after.get(spaces..).unwrap_or_default();
        if spaces > 0 && tag_name(next).is_some_and(|(_, n)| is_table_tag(n)) {
            if out.is_empty() {
                out.reserve(b.len());
            }
            // Cut at ASCII bytes, so on character boundaries.
            out.push_str(text.get(copied..i).unwrap_or_default());
            i += spaces;
            copied = i;
        }
    }
    if copied == 0 {
        return text.into();
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out.into()
}

/// Where html5ever's tree builder is among tables, as far as their tags
/// tell: the open tables and, in each, an open cell or caption (whose
/// content is text like any other). Tags the parser ignores (a stray
/// `<td>` outside any table, a `</th>` in a `<td>`) change nothing here
/// either. Any other element started in a table's structure is moved out
/// of the table by the parser and takes the text after it, until a table
/// tag clears it. Where it is unsure, it says "not in the structure",
/// which keeps the whitespace.
#[derive(Debug, Default)]
struct TableContext {
    open: Vec<Open>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Table,
    Td,
    Th,
    Caption,
    /// Another element started in a table's structure.
    Other,
}

impl TableContext {
    /// Whether the parser is in a table's structure (between its rows and
    /// cells, not in a cell): whitespace there is nothing.
    fn in_structure(&self) -> bool {
        self.open.last() == Some(&Open::Table)
    }

    fn in_cell(&self) -> bool {
        matches!(self.open.last(), Some(Open::Td | Open::Th | Open::Caption))
    }

    /// Follows the start tag of an element that is no part of a table.
    fn other_start(&mut self) {
        if self.in_structure() {
            self.open.push(Open::Other);
        }
    }

    /// Follows one table-structure or caption tag.
    fn tag(&mut self, closing: bool, name: &[u8]) {
        let mut buf = [0u8; 8];
        let Some(slot) = lowered(name, &mut buf) else {
            return;
        };
        // A table's start tags (and its end) clear the elements started
        // in its structure.
        if !closing || slot == b"table" {
            while self.open.last() == Some(&Open::Other) {
                self.open.pop();
            }
        }
        let cell = match slot {
            b"td" => Some(Open::Td),
            b"th" => Some(Open::Th),
            b"caption" => Some(Open::Caption),
            _ => None,
        };
        match (closing, slot) {
            (false, b"table") => {
                // A table started right in a table's structure closes it.
                if self.in_structure() {
                    self.open.pop();
                }
                self.open.push(Open::Table);
            }
            (false, _) if cell.is_some() => {
                if self.in_cell() {
                    self.open.pop();
                }
                if self.in_structure() {
                    self.open.extend(cell);
                }
            }
            // A row, a row group or a column closes the open cell.
            (false, _) => {
                if matches!(self.open.last(), Some(Open::Td | Open::Th)) {
                    self.open.pop();
                }
            }
            (true, b"table") => {
                if self.in_cell() {
                    self.open.pop();
                }
                if self.in_structure() {
                    self.open.pop();
                }
            }
            (true, b"tr") => {
                if matches!(self.open.last(), Some(Open::Td | Open::Th)) {
                    self.open.pop();
                }
            }
            // Only the cell's own end tag closes it.
            (true, _) if cell.is_some() => {
                if self.open.last().copied() == cell {
                    self.open.pop();
                }
            }
            // (The end of a row group may be ignored in a cell: unsure.)
            (true, _) => {}
        }
    }
}

/// Where the end tag of the raw-text element `name` opened at the start of
/// `rest` begins (`</script`, in any case).
fn find_end_tag(rest: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 1;
    loop {
        let k = from + memchr::memmem::find(rest.get(from..)?, b"</")?;
        let candidate = rest.get(k + 2..k + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name) {
            return Some(k);
        }
        from = k + 2;
    }
}

/// A tag's `(closing, name)` at the start of `rest` (`<td ` → `(false,
/// "td")`): a name is ASCII letters and digits ended by whitespace, `/` or
/// `>`.
fn tag_name(rest: &[u8]) -> Option<(bool, &[u8])> {
    let after_lt = rest.strip_prefix(b"<")?;
    let (closing, from) = match after_lt.strip_prefix(b"/") {
        Some(r) => (true, r),
        None => (false, after_lt),
    };
    let len = from
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    let name = from.get(..len)?;
    let ends = matches!(
        from.get(len),
        Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
    );
    (len > 0 && name.first().is_some_and(u8::is_ascii_alphabetic) && ends)
        .then_some((closing, name))
}

// --- depth ---------------------------------------------------------------

/// Refuses markup nested deeper than [`MAX_DEPTH`] elements, by counting
/// start and end tags (void elements and self-closing tags do not nest).
/// An overestimate for sloppy pages with unclosed `<p>` or `<td>`, which
/// is why the limit is far above what a real page uses.
fn check_depth(text: &str) -> Result<(), String> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "dt", "dd",
    ];
    let bytes = text.as_bytes();
    // Fewer tags than the limit cannot nest past it (most pages).
    if memchr::memchr_iter(b'<', bytes).count() <= MAX_DEPTH {
        return Ok(());
    }
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_len = bytes.get(start..).map_or(0, |b| {
            b.iter().take_while(|c| c.is_ascii_alphanumeric()).count()
        });
        if name_len == 0 {
            continue;
        }
        let name = bytes.get(start..start + name_len).unwrap_or_default();
        let is = |w: &&str| w.as_bytes().eq_ignore_ascii_case(name);
        if !closing && ["script", "style", "textarea", "title"].iter().any(is) {
            // Raw text: skip to its end tag (`i` is just past the `<`).
            let lt = i - 1;
            match bytes.get(lt..).and_then(|rest| find_end_tag(rest, name)) {
                Some(k) => i = lt + k + 2 + name_len,
                None => break,
            }
            continue;
        }
        if VOID.iter().any(is) {
            continue;
        }
        let tag_end = bytes
            .get(start..)
            .and_then(|b| b.iter().position(|&c| c == b'>'))
            .map(|k| start + k);
        let self_closing = tag_end.is_some_and(|k| k > 0 && bytes.get(k - 1) == Some(&b'/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(format!(
                    "HTML nested deeper than {MAX_DEPTH} elements: not a document page"
                ));
            }
        }
    }
    Ok(())
}

// --- tree helpers ----------------------------------------------------------

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

/// An attribute's value. scraper's `Element::attr` interns the name on
/// every call, which cost more than the handful of attributes an element
/// has take to compare.
fn attr<'a>(el: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(q, _)| &*q.local == name && q.ns.is_empty())
        .map(|(_, v)| &**v)
}

/// An element's class names: scraper's `Element::classes` interns every
/// class name of the page.
fn class_names(el: &scraper::node::Element) -> impl Iterator<Item = &str> {
    attr(el, "class")
        .into_iter()
        .flat_map(str::split_ascii_whitespace)
}

/// An element's class names and its id.
fn class_and_id(el: &scraper::node::Element) -> impl Iterator<Item = &str> {
    class_names(el).chain(attr(el, "id"))
}

fn find_element<'a>(root: NodeRef<'a, Node>, name: &str) -> Option<NodeRef<'a, Node>> {
    root.descendants()
        .find(|n| element_name(n).is_some_and(|e| e.eq_ignore_ascii_case(name)))
}

/// Elements never part of the article: scripts, form controls, search
/// and login forms, and the page's navigation, breadcrumbs, share bars
/// and footers (by tag, class or id).
fn is_furniture(node: &NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else {
        return false;
    };
    if matches!(
        el.name(),
        "script"
            | "style"
            | "noscript"
            // Text deleted under Word's tracked changes (struck through).
            | "del"
            | "template"
            | "head"
            | "nav"
            | "footer"
            | "aside"
            | "select"
            | "button"
            | "iframe"
            | "object"
            | "svg"
            | "canvas"
            | "input"
            | "textarea"
            | "map"
    ) {
        return true;
    }
    // A search box or login form is a few fields; a form holding the
    // page's text is the wrapper server-side frameworks put around the
    // whole body.
    if el.name() == "form" && !holds_text(*node, FORM_PAGE_TEXT) {
        return true;
    }
    if is_hidden(el) {
        return true;
    }
    class_and_id(el).any(names_furniture)
}

/// Characters of text (besides whitespace, links and the labels of its
/// controls) from which a form holds more than fields: a search or login
/// form says a few words besides its links, a page's article more.
const FORM_PAGE_TEXT: usize = 40;

/// Whether a subtree's text, outside scripts, styles, links and form
/// controls and their labels, has at least `min` characters besides
/// whitespace (counted only until it has).
fn holds_text(node: NodeRef<'_, Node>, min: usize) -> bool {
    let mut size = 0;
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(el)
                        if matches!(
                            el.name(),
                            "script"
                                | "style"
                                | "noscript"
                                | "template"
                                | "a"
                                | "label"
                                | "select"
                                | "button"
                                | "textarea"
                        ) =>
                    {
                        skip = Some(n.id());
                    }
                    Node::Text(t) => {
                        size += t.chars().filter(|c| !c.is_whitespace()).count();
                        if size >= min {
                            return true;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
            }
        }
    }
    false
}

/// Words that name page furniture wherever they stand in a class or id
/// (`footer`, `site_footer`, `footerBox`, `breadcrumbs`): no other word
/// holds them.
const FURNITURE_STEMS: &[&str] = &[
    "footer",
    "navbar",
    "navigation",
    "menu",
    "crumb",
    "sidebar",
    "copyright",
    "toolbar",
    // 当前位置, 相关文章, 相关信息.
    "dqwz",
    "xgwz",
    "xgxx",
    // 上一篇 / 下一篇: other approvals' titles.
    "prevnext",
    "prev_next",
    "prev-next",
    "pre_next",
    "pre-next",
];

/// Words that name page furniture only as a whole part of a class or id
/// ([`name_parts`]): `nav` in `main-nav` or `subNav`, not in `canvas`;
/// `related` in `related-list` (相关文章, other approvals' titles), never
/// `relative`.
const FURNITURE_PARTS: &[&str] = &[
    "nav",
    "foot",
    "share",
    "position",
    "location",
    "pager",
    "pagination",
    "bread",
    "related",
    "relate",
];

/// Whether a class name or id names page furniture. A layout utility
/// that sets the CSS `position` (`position-relative`, `position-absolute`)
/// is no "you are here" bar.
fn names_furniture(name: &str) -> bool {
    // `bottom` alone names the page's bottom bar; as one word of a longer
    // name it is mostly a CSS utility's (`border-bottom`, `align-bottom`).
    if name.eq_ignore_ascii_case("bottom") {
        return true;
    }
    if FURNITURE_STEMS
        .iter()
        .any(|w| contains_ignore_case(name, w))
    {
        return true;
    }
    let mut parts = name_parts(name).peekable();
    let mut first = true;
    while let Some(part) = parts.next() {
        if FURNITURE_PARTS.iter().any(|w| part.eq_ignore_ascii_case(w)) {
            let utility = first
                && part.eq_ignore_ascii_case("position")
                && parts.peek().is_some_and(|v| {
                    ["relative", "absolute", "fixed", "static", "sticky"]
                        .iter()
                        .any(|k| v.eq_ignore_ascii_case(k))
                });
            if !utility {
                return true;
            }
        }
        first = false;
    }
    false
}

/// The words of a class name or id: split at anything but letters and
/// digits, where a lower-case letter meets a capital (`mainNav`) and
/// where letters meet digits (`nav2`).
fn name_parts(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i <= bytes.len() {
            let at = i;
            i += 1;
            let cur = bytes.get(at).copied();
            let prev = at.checked_sub(1).and_then(|k| bytes.get(k)).copied();
            let word = |c: u8| c.is_ascii_alphanumeric() || !c.is_ascii();
            let cut = match (prev, cur) {
                (_, None) => true,
                (_, Some(c)) if !word(c) => true,
                (Some(p), Some(c)) => {
                    (p.is_ascii_lowercase() && c.is_ascii_uppercase())
                        || (p.is_ascii_alphabetic() && c.is_ascii_digit())
                        || (p.is_ascii_digit() && c.is_ascii_alphabetic())
                }
                (None, Some(_)) => false,
            };
            if !cut {
                continue;
            }
            let part = name.get(start..at).unwrap_or_default();
            // A separator is no part of the next word.
            start = if cur.is_some_and(|c| !word(c)) {
                at + 1
            } else {
                at
            };
            if !part.is_empty() && part.bytes().all(word) {
                return Some(part);
            }
        }
        None
    })
}

/// Whether an element is not shown: `display: none` or `visibility:
/// hidden` in its style, the `hidden` attribute, or a class that pages
/// use only to hide things (`hide`, `hidden`, `d-none`).
fn is_hidden(el: &scraper::node::Element) -> bool {
    const CLASSES: &[&str] = &["hide", "hidden", "d-none", "is-hidden", "display-none"];
    // One pass over the attributes: this is asked of every element a text
    // walk meets.
    el.attrs.iter().any(|(q, v)| {
        q.ns.is_empty()
            && match &*q.local {
                "hidden" => true,
                "style" => hides(v),
                "class" => v
                    .split_ascii_whitespace()
                    .any(|c| CLASSES.iter().any(|h| c.eq_ignore_ascii_case(h))),
                _ => false,
            }
    })
}

/// Whether a `style` attribute says `display: none` or `visibility:
/// hidden`.
fn hides(style: &str) -> bool {
    let squashed: Vec<u8> = style
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| b.to_ascii_lowercase())
        .collect();
    squashed.windows(12).any(|w| w == b"display:none")
        || squashed.windows(17).any(|w| w == b"visibility:hidden")
}

// --- stylesheets -----------------------------------------------------------

/// Marks each element that a `<style>` of the page hides by its class or
/// id (`.mobile{display:none}` over a copy of the form laid out for
/// phones) with the `hidden` attribute, so that every later walk leaves
/// it out as it does an element hidden by its own style. An element whose
/// own style shows it (`style="display:block"`, the open tab of a set)
/// is left as it is: its style overrides the sheet's.
fn hide_by_stylesheet(tree: &mut ego_tree::Tree<Node>) {
    let mut css = String::new();
    for n in tree.root().descendants() {
        if n.value().as_element().is_some_and(applies_always) {
            for t in n.children() {
                if let Node::Text(t) = t.value() {
                    css.push_str(t);
                    css.push('\n');
                }
            }
        }
    }
    if css.is_empty() {
        return;
    }
    let hidden = stylesheet_hidden(&css);
    if hidden.is_empty() {
        return;
    }
    let marked: Vec<NodeId> = tree
        .root()
        .descendants()
        .filter(|n| {
            n.value().as_element().is_some_and(|el| {
                selected(el, &hidden) && attr(el, "style").and_then(declares_hidden) != Some(false)
            })
        })
        .map(|n| n.id())
        .collect();
    let hidden_attr = || {
        (
            html5ever::QualName::new(
                None,
                html5ever::Namespace::from(""),
                html5ever::LocalName::from("hidden"),
            ),
            html5ever::tendril::StrTendril::new(),
        )
    };
    for id in marked {
        if let Some(mut n) = tree.get_mut(id) {
            if let Node::Element(el) = n.value() {
                el.attrs.push(hidden_attr());
            }
        }
    }
}

/// Whether a `<style>` element applies whatever the medium and screen:
/// CSS (no other `type`), for no `media` but `all` or `screen` (a print
/// sheet or a phone's is conditional).
fn applies_always(el: &scraper::node::Element) -> bool {
    let is = |v: Option<&str>, ok: &[&str]| {
        v.is_none_or(|v| ok.iter().any(|k| v.trim().eq_ignore_ascii_case(k)))
    };
    el.name() == "style"
        && is(attr(el, "type"), &["", "text/css"])
        && is(attr(el, "media"), &["", "all", "screen"])
}

/// Whether an element's class or id is one of the hidden selectors
/// ([`stylesheet_hidden`]), alone or after its tag name.
fn selected(el: &scraper::node::Element, hidden: &std::collections::HashSet<String>) -> bool {
    let names = class_names(el)
        .map(|c| ('.', c))
        .chain(attr(el, "id").map(|i| ('#', i.trim())));
    for (mark, name) in names {
        if hidden.contains(&format!("{mark}{name}"))
            || hidden.contains(&format!("{}{mark}{name}", el.name()))
        {
            return true;
        }
    }
    false
}

/// The selectors a stylesheet hides (`display: none`, `visibility:
/// hidden`), each a class or id alone or after a tag name (`.a`, `#b`,
/// `td.a`; the tag in lower case), from its plain top-level rules only:
/// an at-rule's block (`@media print`, a phone's screen width) is
/// conditional, and a selector with more in it (`.a .b`, `.a:hover`)
/// needs more than a scan. A name that any rule shows (`.tab.on {display:
/// block}` beside `.tab {display: none}`) is not taken as hidden: it may
/// be shown. Linear in the text; never fails.
fn stylesheet_hidden(css: &str) -> std::collections::HashSet<String> {
    let css = without_css_comments(css);
    let mut hidden = std::collections::HashSet::new();
    let mut shown = std::collections::HashSet::new();
    let mut rest = css.as_str();
    while let Some(k) = rest.find(['{', ';', '}']) {
        let prelude = rest.get(..k).unwrap_or_default().trim();
        let after = rest.get(k + 1..).unwrap_or_default();
        if !rest.get(k..).is_some_and(|r| r.starts_with('{')) {
            // A statement at-rule (`@import …;`) or a stray brace.
            rest = after;
            continue;
        }
        let end = block_end(after);
        let body = after.get(..end).unwrap_or_default();
        rest = after.get(end + 1..).unwrap_or_default();
        if prelude.starts_with('@') {
            continue;
        }
        let verdict = declares_hidden(body);
        for selector in prelude.split(',').map(str::trim) {
            match verdict {
                Some(true) => hidden.extend(simple_selector(selector)),
                Some(false) => shown.extend(selector_names(selector)),
                None => {}
            }
        }
    }
    hidden.retain(|s: &String| {
        let name = s.find(['.', '#']).and_then(|p| s.get(p + 1..));
        name.is_none_or(|n| !shown.contains(n))
    });
    hidden
}

/// The stylesheet without its comments, and without the `<!--` `-->`
/// that old pages wrap it in (CSS ignores them); each becomes a space.
fn without_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(k) = rest.find("/*") {
        out.push_str(rest.get(..k).unwrap_or_default());
        out.push(' ');
        let inside = rest.get(k + 2..).unwrap_or_default();
        // (An unclosed comment runs to the end.)
        rest = inside
            .find("*/")
            .and_then(|e| inside.get(e + 2..))
            .unwrap_or_default();
    }
    out.push_str(rest);
    out.replace("<!--", " ").replace("-->", " ")
}

/// Where the block that `text` is the inside of ends: the index of its
/// closing brace, or the text's length when it is not closed.
fn block_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' if depth == 0 => return i,
            b'}' => depth -= 1,
            _ => {}
        }
    }
    text.len()
}

/// What a list of declarations says of showing: `Some(true)` when it
/// hides (`display: none` or `visibility: hidden`/`collapse`, the last of
/// each winning), `Some(false)` when it sets either to anything else
/// (shows), `None` when it sets neither.
fn declares_hidden(declarations: &str) -> Option<bool> {
    let (mut display_none, mut invisible) = (None, None);
    for decl in declarations.split(';') {
        let Some((name, value)) = decl.split_once(':') else {
            continue;
        };
        let value = value.trim().to_ascii_lowercase();
        let value = value.trim_end_matches("!important").trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "display" => display_none = Some(value == "none"),
            "visibility" => invisible = Some(matches!(value, "hidden" | "collapse")),
            _ => {}
        }
    }
    match (display_none, invisible) {
        (None, None) => None,
        (d, v) => Some(d == Some(true) || v == Some(true)),
    }
}

/// A selector that names one class or id, alone or after a tag name
/// (`.a`, `#b`, `td.a`), as `[tag].name` / `[tag]#name` with the tag in
/// lower case; `None` for any other selector.
fn simple_selector(selector: &str) -> Option<String> {
    let at = selector.find(['.', '#'])?;
    let tag = selector.get(..at)?;
    let name = selector.get(at + 1..)?;
    let mark = selector.get(at..at + 1)?;
    (tag.bytes().all(|b| b.is_ascii_alphanumeric())
        && !name.is_empty()
        && name.chars().all(is_name_char))
    .then(|| format!("{}{mark}{name}", tag.to_ascii_lowercase()))
}

/// The class names and ids a selector mentions anywhere (`.tab.on
/// > #x` → `tab`, `on`, `x`).
fn selector_names(selector: &str) -> impl Iterator<Item = String> + '_ {
    selector
        .split(['.', '#'])
        .skip(1)
        .map(|s| {
            s.chars()
                .take_while(|&c| is_name_char(c))
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
}

/// A character of a CSS name (escapes aside: a selector with one is not
/// read).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_' || !c.is_ascii()
}

/// The check box an `<input type="checkbox">` (or radio button) shows:
/// ☑ when it is checked, □ when not.
fn input_box(el: &scraper::node::Element) -> Option<char> {
    if el.name() != "input" {
        return None;
    }
    let kind = attr(el, "type")?.trim();
    if !(kind.eq_ignore_ascii_case("checkbox") || kind.eq_ignore_ascii_case("radio")) {
        return None;
    }
    Some(if attr(el, "checked").is_some() {
        '☑'
    } else {
        '□'
    })
}

/// The value a text field shows (`<input value="…">` of a text-like
/// type: a saved print view of a budget system holds its form's values
/// in read-only fields). `None` for any other element, a hidden field, a
/// password and the buttons and boxes.
fn input_value(el: &scraper::node::Element) -> Option<&str> {
    if el.name() != "input" || is_hidden(el) {
        return None;
    }
    // (An unknown type is a text field, as browsers show it.)
    let kind = attr(el, "type").unwrap_or_default().trim();
    let shows_no_value = [
        "hidden", "password", "checkbox", "radio", "button", "submit", "reset", "image", "file",
        "range", "color",
    ]
    .iter()
    .any(|k| kind.eq_ignore_ascii_case(k));
    if shows_no_value {
        return None;
    }
    attr(el, "value")
}

/// Whether `haystack` contains `needle` (lowercase ASCII), ignoring ASCII
/// case.
fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "caption"
            | "section"
            | "article"
            | "header"
            | "main"
            | "blockquote"
            | "pre"
            | "center"
            | "hr"
            | "address"
            | "figure"
            | "figcaption"
            | "body"
            | "html"
    )
}

/// Stands for a run of whitespace with a line break in it (the page
/// source's own line breaks), until [`tidy`] knows what is on either side:
/// between Chinese characters it is nothing, as wrapped lines of Chinese
/// are joined, elsewhere a space.
const SOURCE_BREAK: char = '\u{200b}';

/// Appends text with HTML whitespace collapsed (a run of spaces, tabs,
/// newlines and no-break spaces is one space, or a [`SOURCE_BREAK`] if it
/// holds a line break).
/// HTML's whitespace (ASCII), and `&nbsp;`, which reads as a space too. An
/// ideographic space (U+3000) is text.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

fn push_collapsed(buf: &mut String, text: &str) {
    let is_space = is_html_space;
    let mut rest = text;
    while !rest.is_empty() {
        let word_end = rest.find(is_space).unwrap_or(rest.len());
        let (word, after) = rest.split_at(word_end);
        buf.push_str(word);
        let spaces_end = after.find(|c| !is_space(c)).unwrap_or(after.len());
        let spaces = after.get(..spaces_end).unwrap_or_default();
        if spaces_end > 0 && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
            let line_break = spaces.contains(['\n', '\r']);
            if buf.ends_with(SOURCE_BREAK) {
                if !line_break {
                    buf.pop();
                    buf.push(' ');
                }
            } else {
                buf.push(if line_break { SOURCE_BREAK } else { ' ' });
            }
        }
        rest = after.get(spaces_end..).unwrap_or_default();
    }
}

fn push_break(buf: &mut String) {
    while buf.ends_with([' ', SOURCE_BREAK]) {
        buf.pop();
    }
    if !buf.is_empty() && !buf.ends_with('\n') {
        buf.push('\n');
    }
}

/// Whether a source line break between these two characters is nothing:
/// both are Chinese (or full-width) characters or punctuation, or one is
/// and the other a curly quote or dash Chinese text uses (`开展“八五”` /
/// `普法`).
fn joins_without_space(before: char, after: char) -> bool {
    let cjk = |c: char| {
        matches!(c as u32,
            0x3000..=0x303f | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xff00..=0xffef)
    };
    let quote = |c: char| matches!(c, '‘' | '’' | '“' | '”' | '—' | '…');
    (cjk(before) || quote(before)) && (cjk(after) || quote(after)) && (cjk(before) || cjk(after))
}

/// Each [`SOURCE_BREAK`] as nothing or a space.
fn resolve_source_breaks(buf: &str) -> String {
    let mut out = String::with_capacity(buf.len());
    let mut chars = buf.chars().peekable();
    while let Some(c) = chars.next() {
        if c != SOURCE_BREAK {
            out.push(c);
            continue;
        }
        let before = out.chars().next_back();
        let after = chars.peek().copied();
        match (before, after) {
            (Some(b), Some(a)) if joins_without_space(b, a) => {}
            _ => out.push(' '),
        }
    }
    out
}

/// Lines trimmed, empty lines dropped.
fn tidy(buf: &str) -> String {
    let resolved;
    let buf = if buf.contains(SOURCE_BREAK) {
        resolved = resolve_source_breaks(buf);
        resolved.as_str()
    } else {
        buf
    };
    if !buf.contains('\n') {
        return buf.trim().to_string();
    }
    let mut out = String::with_capacity(buf.len());
    for line in buf.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// A text node as it is shown: a unit's power raised by `<sup>` is ² or ³;
/// in a Wingdings font (Word's check boxes,
/// `<span style='font-family:Wingdings'>þ</span>`) its box symbols are the
/// boxes they draw, and in the Symbol font (Word's Insert › Symbol:
/// `<span style='font-family:Symbol'>³</span>95%`) its signs are ≥, ≤ ….
fn shown_text<'a>(n: &NodeRef<'_, Node>, text: &'a str) -> std::borrow::Cow<'a, str> {
    const SYMBOLS: &[char] = &[
        'þ', 'ý', '¨', 'o', 'R', 'S', 'T', '£', '*', '³', '¹', '»', '±', '´', '¸', '°', 'm',
    ];
    if n.parent().as_ref().and_then(element_name) == Some("sup") {
        if let Some(power) = super::superscript(text) {
            return power.to_string().into();
        }
    }
    if text.len() > 12 || text.chars().count() > 3 || !text.contains(SYMBOLS) {
        return text.into();
    }
    let font = n.ancestors().take(3).find_map(|a| {
        let el = a.value().as_element()?;
        // Wingdings named anywhere in the style or face (`font-family:宋体;
        // mso-ascii-font-family:Wingdings`); the Symbol font only as the
        // font the text is set in, a name too common to look for.
        let named = attr(el, "style")
            .into_iter()
            .chain(attr(el, "face"))
            .map(str::to_ascii_lowercase)
            .find(|s| s.contains("wingdings"));
        if let Some(style) = named {
            return Some(if style.contains("wingdings 2") {
                "wingdings 2"
            } else {
                "wingdings"
            });
        }
        attr(el, "style")
            .and_then(font_family)
            .into_iter()
            .chain(attr(el, "face"))
            .map(|f| f.trim().trim_matches(['\'', '"']).to_ascii_lowercase())
            .any(|f| f == "symbol")
            .then_some("symbol")
    });
    let Some(font) = font else {
        return text.into();
    };
    text.chars()
        .map(|c| super::symbol_char(font, c as u32).unwrap_or(c))
        .collect::<String>()
        .into()
}

/// The symbol font a `style` attribute names (Word writes it in
/// `mso-symbol-font-family`, and often in `font-family`:
/// `font-family:Symbol;mso-char-type:symbol`), else its first font.
fn font_family(style: &str) -> Option<&str> {
    let mut family = None;
    for decl in style.split(';') {
        let Some((name, value)) = decl.split_once(':') else {
            continue;
        };
        let first = value.split(',').next().unwrap_or_default();
        match name.trim().to_ascii_lowercase().as_str() {
            "mso-symbol-font-family" => return Some(first),
            "font-family" if family.is_none() => family = Some(first),
            _ => {}
        }
    }
    family
}

/// The text of a subtree, block boundaries and `<br>` as line breaks; a
/// nested table's rows as lines, its cells apart by a space; the values
/// its text fields and text boxes show.
fn cell_text(node: NodeRef<'_, Node>) -> String {
    let mut buf = String::new();
    // Most cells hold one text node: the walk below gives what this does.
    if let Some(only) = node.first_child().filter(|c| c.next_sibling().is_none()) {
        if let Node::Text(t) = only.value() {
            let shown = shown_text(&only, &t.text);
            // Without whitespace inside, collapsing and tidying only trim.
            let inner = shown.trim_matches(is_html_space);
            if !inner.contains(|c| is_html_space(c) || c == SOURCE_BREAK) {
                return inner.trim().to_string();
            }
            push_collapsed(&mut buf, &shown);
            push_break(&mut buf);
            return tidy(&buf);
        }
    }
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => push_collapsed(&mut buf, &shown_text(&n, &t.text)),
                    Node::Element(el) => {
                        if let Some(b) = input_box(el) {
                            buf.push(b);
                        } else if let Some(value) = input_value(el) {
                            // A field is a box of its own: apart from the
                            // text beside it.
                            push_collapsed(&mut buf, " ");
                            push_collapsed(&mut buf, value);
                            push_collapsed(&mut buf, " ");
                        } else if el.name() == "textarea" && !is_hidden(el) {
                            // A text box shows its text (read below).
                            push_collapsed(&mut buf, " ");
                        } else if n.id() != node.id() && is_furniture(&n) {
                            skip = Some(n.id());
                        } else if n.id() != node.id() && is_table_cell(el.name()) {
                            push_cell_gap(&mut buf);
                        } else if is_block(el.name()) {
                            push_break(&mut buf);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                let name = element_name(&n);
                if skip == Some(n.id()) {
                    skip = None;
                } else if skip.is_none() && name == Some("textarea") {
                    push_collapsed(&mut buf, " ");
                } else if skip.is_none()
                    && name.is_some_and(is_block)
                    && !(n.id() != node.id() && name.is_some_and(is_table_cell))
                {
                    push_break(&mut buf);
                }
            }
        }
    }
    tidy(&buf)
}

fn is_table_cell(name: &str) -> bool {
    matches!(name, "td" | "th")
}

/// Between the cells of a table nested in a cell: a space, so that its
/// rows read as lines of `label amount` (as a nested DOCX table's do).
fn push_cell_gap(buf: &mut String) {
    // A source line break between the cells is a gap too, never nothing.
    if buf.ends_with(SOURCE_BREAK) {
        buf.pop();
    }
    if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
        buf.push(' ');
    }
}

/// Calls `f` with each text node of a subtree, scripts and styles left
/// out.
fn for_each_text(node: NodeRef<'_, Node>, mut f: impl FnMut(&str)) {
    let mut skip: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                if matches!(element_name(&n), Some("script" | "style" | "noscript")) {
                    skip = Some(n.id());
                } else if let Node::Text(t) = n.value() {
                    f(t);
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
            }
        }
    }
}

/// All text of a subtree with spaces between nodes (for searching).
fn plain_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for_each_text(node, |t| {
        out.push_str(t);
        out.push(' ');
    });
    out
}

/// The characters of a subtree's text besides whitespace.
fn text_size(node: NodeRef<'_, Node>) -> usize {
    let mut size = 0;
    for_each_text(node, |t| {
        size += t.chars().filter(|c| !c.is_whitespace()).count()
    });
    size
}

// --- provenance --------------------------------------------------------------

/// `(url, published)` from the head's links and metas.
fn provenance(root: NodeRef<'_, Node>) -> (Option<String>, Option<String>) {
    let mut canonical = None;
    let mut og = None;
    let mut published = None;
    for n in root.descendants() {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        match el.name() {
            "link" => {
                let rel = attr(el, "rel").unwrap_or_default().to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") && canonical.is_none() {
                    canonical = attr(el, "href").map(str::trim).filter(|h| !h.is_empty());
                }
            }
            "meta" => {
                let key = attr(el, "name")
                    .or_else(|| attr(el, "property"))
                    .or_else(|| attr(el, "itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                let content = attr(el, "content").unwrap_or_default().trim();
                if key == "og:url" && og.is_none() && !content.is_empty() {
                    og = Some(content);
                }
                if published.is_none()
                    && matches!(
                        key.as_str(),
                        "pubdate"
                            | "publishdate"
                            | "publish_date"
                            | "publishtime"
                            | "firstpublishedtime"
                            | "article:published_time"
                            | "datepublished"
                            | "dc.date"
                            | "dc.date.issued"
                            | "dcterms.issued"
                            | "dcterms.created"
                    )
                {
                    published = iso_date(content);
                }
            }
            _ => {}
        }
    }
    (page_url(canonical, og), published)
}

/// The page's address: its canonical link, else its `og:url`. Only an
/// absolute http(s) address is one; a canonical path (`/2025/03/x/`) is
/// resolved against the `og:url`'s site when there is one, else dropped.
fn page_url(canonical: Option<&str>, og: Option<&str>) -> Option<String> {
    let absolute = |u: &str| {
        let l = u.get(..8).unwrap_or(u).to_ascii_lowercase();
        l.starts_with("http://") || l.starts_with("https://")
    };
    let og = og.filter(|u| absolute(u));
    match canonical {
        Some(c) if absolute(c) => Some(c.to_string()),
        Some(c) if c.starts_with('/') && !c.starts_with("//") => og.and_then(|o| {
            let host_end = o.get(8..)?.find('/').map_or(o.len(), |i| i + 8);
            Some(format!("{}{c}", o.get(..host_end)?))
        }),
        _ => og.map(str::to_string),
    }
}

/// The first `YYYY-MM-DD` (or `YYYY年M月D日`, `YYYY/M/D`, `YYYY.M.D`) in
/// `text`, as an ISO date.
fn iso_date(text: &str) -> Option<String> {
    static DATE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = DATE
        .get_or_init(|| {
            Regex::new(r"([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})").ok()
        })
        .as_ref()?;
    // Full-width digits and dashes (`２０２６－０１－２０`) as ASCII.
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => crate::layout::ascii_digit(c),
            '－' => '-',
            '／' => '/',
            '．' => '.',
            _ => c,
        })
        .collect();
    let c = re.captures(&text)?;
    let y: u32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date after a 发布时间 / 发布日期 label in the page's text: in the
/// first 40 characters of its line.
fn published_in_text(text: &str) -> Option<String> {
    static LABEL: OnceLock<Option<Regex>> = OnceLock::new();
    let re = LABEL
        .get_or_init(|| Regex::new(r"(?:发布时间|发布日期|发文日期|发布于)\s*[:：]?\s*").ok())
        .as_ref()?;
    let mut at = 0;
    while let Some(label) = re.find_at(text, at) {
        let rest = text.get(label.end()..).unwrap_or_default();
        let value_len = rest
            .char_indices()
            .take_while(|&(_, c)| c != '\n')
            .take(40)
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
        if let Some(date) = rest.get(..value_len).and_then(iso_date) {
            return Some(date);
        }
        at = label.end() + value_len;
    }
    None
}

// --- the article -----------------------------------------------------------

/// The element holding the approvals: the smallest element that holds
/// every data table (a table without tables in it) printing an indicator
/// table's level header (一级指标 …) — a page of several approvals, each
/// in a block of its own, has one per form — or, on a page without one,
/// its largest data table, together with the title line above the first
/// of them (a short text with 绩效目标 or 批复). Without such a title, the
/// outermost ancestor of those tables whose class or id names an article
/// body (`article`, `content`, `TRS_Editor`, `zw`, …), else the body.
fn content_root(body: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let tables = article_tables(body);
    let mut anchors: Vec<NodeRef<'_, Node>> = tables
        .iter()
        .filter(|t| t.approval)
        .map(|t| t.node)
        .collect();
    if anchors.is_empty() {
        // (Measured only here: most pages have an approval's table.)
        let mut largest: Option<(usize, NodeRef<'_, Node>)> = None;
        for t in &tables {
            let size = text_size(t.node);
            if largest.is_none_or(|(s, _)| size > s) {
                largest = Some((size, t.node));
            }
        }
        anchors.extend(largest.map(|(_, n)| n));
    }
    let (Some(&first), Some(holder)) = (anchors.first(), lowest_common_ancestor(&anchors)) else {
        return body;
    };
    if let Some(title) = title_before(body, first) {
        if let Some(lca) = common_ancestor(title, holder) {
            return lca;
        }
    }
    const HINTS: &[&str] = &[
        "article",
        "content",
        "trs_editor",
        "zw",
        "detail",
        "main",
        "text",
        "con",
    ];
    // (A single table's own class does not make it the article.)
    let from = if element_name(&holder) == Some("table") {
        holder.parent()
    } else {
        Some(holder)
    };
    let mut hinted = None;
    for a in from
        .into_iter()
        .flat_map(|f| std::iter::once(f).chain(f.ancestors()))
    {
        if a.id() == body.id() {
            break;
        }
        let Some(el) = a.value().as_element() else {
            continue;
        };
        let named = class_and_id(el).any(|c| HINTS.iter().any(|h| contains_ignore_case(c, h)));
        if named {
            hinted = Some(a);
        }
    }
    hinted.unwrap_or(body)
}

/// A data table outside the page's furniture.
struct ArticleTable<'a> {
    node: NodeRef<'a, Node>,
    /// Whether one of its cells is an indicator table's level header.
    approval: bool,
}

/// The page's data tables (tables without tables in them) outside its
/// furniture, in document order. (Furniture is asked of each table and
/// its ancestors, each once: a page has far fewer tables than elements,
/// and a form's answer takes a walk over it.)
fn article_tables(body: NodeRef<'_, Node>) -> Vec<ArticleTable<'_>> {
    let mut clear = std::collections::HashMap::new();
    body.descendants()
        .filter(|n| n.id() != body.id() && element_name(n) == Some("table"))
        .filter(|n| {
            !n.descendants()
                .skip(1)
                .any(|d| element_name(&d) == Some("table"))
        })
        .filter(|n| clear_of_furniture(*n, body, &mut clear))
        .map(|n| ArticleTable {
            node: n,
            approval: prints_level_header(n),
        })
        .collect()
}

/// Whether no element from `n` up to `stop` (not included) is furniture.
/// `clear` keeps the answer for each element asked, so that tables under
/// one ancestor ask it once.
fn clear_of_furniture(
    n: NodeRef<'_, Node>,
    stop: NodeRef<'_, Node>,
    clear: &mut std::collections::HashMap<NodeId, bool>,
) -> bool {
    let mut unknown = Vec::new();
    let mut verdict = true;
    for a in std::iter::once(n).chain(n.ancestors()) {
        if a.id() == stop.id() {
            break;
        }
        if let Some(&known) = clear.get(&a.id()) {
            verdict = known;
            break;
        }
        unknown.push(a);
    }
    for a in unknown.into_iter().rev() {
        verdict = verdict && !is_furniture(&a);
        clear.insert(a.id(), verdict);
    }
    verdict
}

/// Whether a cell of the table names an indicator level's column
/// (一级指标, 二级绩效指标 …): the header of an approval's indicators.
fn prints_level_header(table: NodeRef<'_, Node>) -> bool {
    own_rows(table).into_iter().any(|tr| {
        own_cells(tr, false).into_iter().any(|td| {
            let text = plain_text(td);
            // (A header word is short; a cell of prose is not read.)
            text.len() <= 120
                && crate::reconstruct::header::field_of_word(&text)
                    .is_some_and(|f| matches!(f.level(), Some(0 | 1)))
        })
    })
}

/// The deepest node holding all of `nodes` (themselves included).
fn lowest_common_ancestor<'a>(nodes: &[NodeRef<'a, Node>]) -> Option<NodeRef<'a, Node>> {
    let (first, rest) = nodes.split_first()?;
    // The first node's chain up to the root, by height above the first.
    let chain: Vec<NodeRef<'a, Node>> = std::iter::once(*first).chain(first.ancestors()).collect();
    let height: std::collections::HashMap<NodeId, usize> =
        chain.iter().enumerate().map(|(i, n)| (n.id(), i)).collect();
    let mut top = 0;
    for n in rest {
        // Each node's walk up stops where it meets the first's chain.
        let met = std::iter::once(*n)
            .chain(n.ancestors())
            .find_map(|a| height.get(&a.id()).copied())?;
        top = top.max(met);
    }
    chain.get(top).copied()
}

/// The last short text node before `table` (in document order, outside
/// furniture and data tables) that reads like an approval's title; one
/// that names a department or project before a caption that does not
/// (`附件：2025年度部门整体支出绩效目标表` over the table, under the page's
/// own title).
fn title_before<'a>(
    body: NodeRef<'a, Node>,
    table: NodeRef<'a, Node>,
) -> Option<NodeRef<'a, Node>> {
    let mut found = None;
    let mut named = None;
    let mut skip: Option<NodeId> = None;
    for edge in body.traverse() {
        match edge {
            Edge::Open(n) => {
                if n.id() == table.id() {
                    break;
                }
                if skip.is_some() {
                    continue;
                }
                // Data tables hold no title; a layout table may.
                if is_furniture(&n) || (element_name(&n) == Some("table") && !is_layout_table(n)) {
                    skip = Some(n.id());
                    continue;
                }
                if let Node::Text(t) = n.value() {
                    let t = t.trim();
                    // A numbered section heading (一、年度绩效目标) or a bare
                    // label is inside the approval, not its title.
                    let numbered = || crate::layout::enumerator_len(t).is_some();
                    if (t.contains("绩效目标") || t.contains("批复"))
                        && (8..=80).contains(&t.chars().count())
                        && !numbered()
                        && !is_sentence(t)
                        && !is_furniture_line(t)
                    {
                        found = Some(n);
                        if !crate::layout::is_caption_title(t)
                            && !crate::layout::is_generic_title(t)
                        {
                            named = Some(n);
                        }
                    }
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                }
            }
        }
    }
    named.or(found)
}

fn common_ancestor<'a>(a: NodeRef<'a, Node>, b: NodeRef<'a, Node>) -> Option<NodeRef<'a, Node>> {
    let chain: Vec<NodeId> = a.ancestors().map(|n| n.id()).collect();
    std::iter::once(b)
        .chain(b.ancestors())
        .find(|n| chain.contains(&n.id()))
}

/// Whether a table is a layout table: one of its own cells holds a table,
/// and either that cell is all its row shows (a page's frame) or the
/// nested tables hold most of the text. A form with a small table in one
/// of its cells (项目资金 | 年度资金总额 / 其中：财政拨款 …, beside its label)
/// is a data table; the small table's text stays in its cell.
/// The indicator table a form's cell holds beside its label (绩效指标 |
/// a table whose first rows name 一级指标 …): read as its own grid after
/// the row, not run together as the cell's text. `None` for any other
/// cell.
fn lifted_table<'a>(td: NodeRef<'a, Node>, row: &[NodeRef<'a, Node>]) -> Option<NodeRef<'a, Node>> {
    let mut tables = td
        .descendants()
        .skip(1)
        .filter(|d| element_name(d) == Some("table"));
    let table = tables.next()?;
    // One table, and beside it a label of indicators (or nothing).
    if tables.any(|t| !t.ancestors().any(|a| a.id() == table.id())) {
        return None;
    }
    let label_only = row.iter().filter(|c| c.id() != td.id()).all(|c| {
        let t: String = plain_text(*c)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        t.chars().count() <= 12 && (t.is_empty() || t.ends_with("指标"))
    });
    let names_levels = own_rows(table).into_iter().take(3).any(|tr| {
        let cells = own_cells(tr, false);
        cells.len() >= 2
            && cells
                .iter()
                .any(|c| super::names_indicator_level(&plain_text(*c)))
    });
    (label_only && names_levels).then_some(table)
}

fn is_layout_table(table: NodeRef<'_, Node>) -> bool {
    let holds_table = |td: &NodeRef<'_, Node>| {
        td.descendants()
            .skip(1)
            .any(|d| element_name(&d) == Some("table"))
    };
    let mut nested_text = 0;
    let mut any_nested = false;
    for tr in own_rows(table) {
        let cells = own_cells(tr, false);
        let holding: Vec<&NodeRef<'_, Node>> = cells
            .iter()
            .filter(|td| {
                holds_table(td) && !(cells.len() >= 2 && lifted_table(**td, &cells).is_some())
            })
            .collect();
        if holding.is_empty() {
            // (Most rows: their cells' text is not measured.)
            continue;
        }
        let shown = cells.iter().filter(|td| text_size(**td) > 0).count();
        for td in holding {
            if shown <= 1 {
                return true;
            }
            any_nested = true;
            nested_text += td
                .descendants()
                .skip(1)
                .filter(|d| element_name(d) == Some("table"))
                .map(text_size)
                .sum::<usize>();
        }
    }
    any_nested && nested_text * 2 >= text_size(table)
}

/// The `<tr>` of a table itself (not of tables nested in it).
fn own_rows(table: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut rows = Vec::new();
    for child in table.children() {
        match element_name(&child) {
            Some("tr") => rows.push(child),
            Some("thead" | "tbody" | "tfoot") => {
                rows.extend(child.children().filter(|c| element_name(c) == Some("tr")))
            }
            _ => {}
        }
    }
    rows
}

/// Whether a table row is not shown (hidden itself, or its row group, or
/// of no height: Word's row of empty cells that only sets the columns'
/// widths, `<![if !supportMisalignedColumns]><tr height=0>`).
fn is_hidden_row(tr: &NodeRef<'_, Node>) -> bool {
    let no_height = tr
        .value()
        .as_element()
        .and_then(|e| e.attr("height"))
        .is_some_and(|h| h.trim() == "0");
    no_height
        || is_hidden_node(tr)
        || tr
            .parent()
            .filter(|p| matches!(element_name(p), Some("thead" | "tbody" | "tfoot")))
            .is_some_and(|p| is_hidden_node(&p))
}

/// The grid without its hidden rows. Rows are counted with them, as the
/// HTML table model counts them (a rowspan over a hidden row includes it);
/// then a hidden row's own cells are dropped, a cell spanning it loses it,
/// and the rows below move up.
fn without_hidden_rows(cells: Vec<TableCell>, hidden: &[bool]) -> (Vec<TableCell>, usize) {
    // shown_before[r]: the rows shown above row r.
    let mut shown_before = Vec::with_capacity(hidden.len() + 1);
    let mut n = 0;
    for &h in hidden {
        shown_before.push(n);
        n += usize::from(!h);
    }
    shown_before.push(n);
    let at = |r: usize| shown_before.get(r).copied().unwrap_or(n);
    let kept = cells
        .into_iter()
        .filter(|c| {
            // A cell of a hidden row spanning rows shown below shows in
            // them, as Excel shows a merged range whose first row it hid.
            !hidden.get(c.row).copied().unwrap_or(false) || at(c.row + c.rows) > at(c.row)
        })
        .map(|c| TableCell {
            row: at(c.row),
            rows: (at(c.row + c.rows) - at(c.row)).max(1),
            ..c
        })
        .collect();
    (kept, n)
}

/// A row's cells, but hidden ones (a browser leaves them out and moves the
/// cells after them left), unless `keep_hidden`: in a table that hides
/// whole columns (see [`hidden_columns`]) each keeps its slot.
fn own_cells(tr: NodeRef<'_, Node>, keep_hidden: bool) -> Vec<NodeRef<'_, Node>> {
    tr.children()
        .filter(|c| {
            matches!(element_name(c), Some("td" | "th")) && (keep_hidden || !is_hidden_node(c))
        })
        .collect()
}

/// Whether a row holds a cell it hides.
fn holds_hidden_cell(tr: &NodeRef<'_, Node>) -> bool {
    tr.children()
        .any(|c| matches!(element_name(&c), Some("td" | "th")) && is_hidden_node(&c))
}

/// The columns that only hidden cells start in, one column wide (and
/// empty cells, or cells spanning more columns): a hidden column of a
/// sheet. Empty when there is none, so that a cell hidden alone (a
/// layout for phones) is left out as a browser leaves it out.
fn hidden_columns(cells: &[TableCell], hidden_cell: &[bool]) -> Vec<bool> {
    let width = cells.iter().map(|c| c.col + c.cols).max().unwrap_or(0);
    let mut hides = vec![false; width];
    let mut shows = vec![false; width];
    for (cell, &hidden) in cells.iter().zip(hidden_cell) {
        if cell.cols != 1 {
            continue;
        }
        if hidden {
            if let Some(h) = hides.get_mut(cell.col) {
                *h = true;
            }
        } else if !cell.text.trim().is_empty() {
            if let Some(v) = shows.get_mut(cell.col) {
                *v = true;
            }
        }
    }
    let out: Vec<bool> = hides.iter().zip(&shows).map(|(&h, &v)| h && !v).collect();
    if out.contains(&true) {
        out
    } else {
        Vec::new()
    }
}

/// The grid without its hidden columns: a cell in one goes, a cell
/// spanning one loses it, and the columns right of it move left.
fn without_hidden_columns(cells: Vec<TableCell>, hidden: &[bool]) -> Vec<TableCell> {
    let hidden_in = |from: usize, to: usize| {
        hidden
            .get(from.min(hidden.len())..to.min(hidden.len()))
            .map_or(0, |h| h.iter().filter(|&&x| x).count())
    };
    cells
        .into_iter()
        .filter_map(|c| {
            let cols = c.cols - hidden_in(c.col, c.col + c.cols).min(c.cols);
            (cols > 0).then(|| TableCell {
                col: c.col - hidden_in(0, c.col),
                cols,
                ..c
            })
        })
        .collect()
}

fn is_hidden_node(n: &NodeRef<'_, Node>) -> bool {
    n.value().as_element().is_some_and(is_hidden)
}

/// A `rowspan`/`colspan` value: leading digits, 0 or junk as 1 (HTML's
/// rowspan=0 "to the end of the section" is clamped to the table anyway).
fn span_attr(node: &NodeRef<'_, Node>, name: &str, max: usize) -> usize {
    let raw = node
        .value()
        .as_element()
        .and_then(|e| attr(e, name))
        .unwrap_or("1")
        .trim();
    let digits = raw.bytes().take_while(u8::is_ascii_digit).take(9);
    let (count, value) = digits.fold((0, 0usize), |(k, v), d| {
        (k + 1, v * 10 + usize::from(d - b'0'))
    });
    match (count, value) {
        (0, _) => 1,
        (_, 0) if name == "rowspan" => max,
        (_, n) if n >= 1 => n.min(max),
        _ => 1,
    }
}

/// Rows of a data table on the HTML table model.
/// A table's rows up to each nested indicator table's holding row, then
/// that table's rows, and so on (a rowspan across the cut ends at it).
fn rows_with_lifted(
    cells: Vec<TableCell>,
    n_rows: usize,
    lifted: &[(usize, NodeRef<'_, Node>)],
    out: &mut Layout,
) -> Result<(), String> {
    let cuts: Vec<usize> = lifted.iter().map(|&(r, _)| r).collect();
    let opts = GridOptions {
        skip_blank: true,
        full_width: false,
    };
    let parts = table_rows_in_parts(cells, n_rows, &cuts, opts).map_err(|e| format!("HTML {e}"))?;
    let mut parts = parts.into_iter();
    for &(_, table) in lifted {
        out.rows.extend(parts.next().unwrap_or_default());
        data_table(table, out)?;
    }
    out.rows.extend(parts.flatten());
    Ok(())
}

fn data_table(table: NodeRef<'_, Node>, out: &mut Layout) -> Result<(), String> {
    for child in table.children() {
        if element_name(&child) == Some("caption") {
            let t = cell_text(child);
            if !t.is_empty() {
                out.rows.push(prose_row(t));
            }
        }
    }
    let trs = own_rows(table);
    let n_rows = trs.len();
    let hidden: Vec<bool> = trs.iter().map(is_hidden_row).collect();
    // A sheet saved by Excel writes a hidden column's cells too, each
    // hidden, and a title over it spans it: such a column is left out as
    // a whole, so that the cells right of it stay under their titles.
    let hidden_cols = if trs.iter().any(holds_hidden_cell) {
        let mut scratch = Layout::default();
        let all = place_cells(&trs, &hidden, true, &mut scratch)?;
        hidden_columns(&all.cells, &all.hidden_cell)
    } else {
        Vec::new()
    };
    let Placed {
        mut cells,
        hidden_cell,
        lifted,
    } = place_cells(&trs, &hidden, !hidden_cols.is_empty(), out)?;
    if !hidden_cols.is_empty() {
        // (A hidden cell outside those columns keeps its slot, empty.)
        for (cell, _) in cells.iter_mut().zip(&hidden_cell).filter(|(_, &h)| h) {
            cell.text.clear();
        }
        cells = without_hidden_columns(cells, &hidden_cols);
    }
    if !lifted.is_empty() && !hidden.contains(&true) {
        return rows_with_lifted(cells, n_rows, &lifted, out);
    }
    let (cells, n_rows) = if hidden.contains(&true) {
        without_hidden_rows(cells, &hidden)
    } else {
        (cells, n_rows)
    };
    let rows = table_rows(
        cells,
        n_rows,
        GridOptions {
            skip_blank: true,
            full_width: false,
        },
    )
    .map_err(|e| format!("HTML {e}"))?;
    out.rows.extend(rows);
    Ok(())
}

/// Cells of a table placed on the HTML table model, with whether each is
/// hidden, and the indicator tables nested in a cell beside their label.
struct Placed<'a> {
    cells: Vec<TableCell>,
    hidden_cell: Vec<bool>,
    lifted: Vec<(usize, NodeRef<'a, Node>)>,
}

/// Places the cells of rows `trs` (`hidden`: which rows are not shown).
/// Hidden cells are left out, as a browser leaves them out, unless
/// `keep_hidden`.
fn place_cells<'a>(
    trs: &[NodeRef<'a, Node>],
    hidden: &[bool],
    keep_hidden: bool,
    out: &mut Layout,
) -> Result<Placed<'a>, String> {
    let n_rows = trs.len();
    let mut cells: Vec<TableCell> = Vec::new();
    let mut hidden_cell: Vec<bool> = Vec::new();
    // covered[c]: rows (this one included) still taken by a rowspan, and
    // the cell (index into `cells`) whose rowspan it is.
    let mut covered: Vec<usize> = Vec::new();
    let mut covering: Vec<usize> = Vec::new();
    let mut width = 0;
    let mut above_full = false;
    // Indicator tables nested in a cell beside their label: (row, table).
    let mut lifted: Vec<(usize, NodeRef<'_, Node>)> = Vec::new();
    for (r, tr) in trs.iter().enumerate() {
        let tds = own_cells(*tr, keep_hidden);
        // (A row not shown repairs nothing: it is dropped below.)
        let shown = !hidden.get(r).copied().unwrap_or(false);
        let colspans: Vec<usize> = tds
            .iter()
            .map(|td| span_attr(td, "colspan", MAX_COLSPAN))
            .collect();
        let own_width: usize = colspans.iter().sum();
        // A row with more cells of its own than the columns left free
        // beside the rowspans running down to it is under fewer of them:
        // the rightmost ones overran their group (`rowspan="12"` over four
        // rows, a common publishing error), and end above this row,
        // instead of pushing the row's cells out to the right. (A row that
        // fills the table's width by itself ends them all.)
        if r > 0 && width > 0 && shown {
            end_overrun_rowspans(&mut cells, &mut covered, &covering, own_width, r, out);
        }
        // (Only where the row above filled the width: in a table whose
        // rows all leave out their empty last cells, a short row is no
        // repair's business.)
        if r > 0 && own_width > 0 && above_full && shown {
            extend_short_rowspans(
                &mut cells,
                &mut covered,
                &covering,
                (width, own_width, r),
                tds.first().copied(),
                out,
            );
        }
        if shown {
            above_full = own_width >= free_columns(&covered, width);
        }
        let mut c = 0;
        for (td, &cols) in tds.iter().copied().zip(&colspans) {
            while covered.get(c).is_some_and(|&n| n > 0) {
                c += 1;
            }
            let rows = span_attr(&td, "rowspan", MAX_ROWSPAN).min(n_rows - r);
            if c + cols > MAX_COLUMNS {
                return Err(format!(
                    "HTML table wider than {MAX_COLUMNS} columns: not a document table"
                ));
            }
            if covered.len() < c + cols {
                covered.resize(c + cols, 0);
                covering.resize(c + cols, 0);
            }
            for slot in covered.iter_mut().skip(c).take(cols) {
                *slot = rows;
            }
            for owner in covering.iter_mut().skip(c).take(cols) {
                *owner = cells.len();
            }
            let nested = (tds.len() >= 2).then(|| lifted_table(td, &tds)).flatten();
            let text = match nested {
                Some(t) => {
                    lifted.push((r, t));
                    String::new()
                }
                None => cell_text(td),
            };
            hidden_cell.push(keep_hidden && is_hidden_node(&td));
            cells.push(TableCell {
                row: r,
                col: c,
                rows,
                cols,
                text,
            });
            c += cols;
        }
        width = width.max(c);
        for slot in covered.iter_mut() {
            *slot = slot.saturating_sub(1);
        }
    }
    Ok(Placed {
        cells,
        hidden_cell,
        lifted,
    })
}

/// The columns of the first `width` that no rowspan from above covers.
fn free_columns(covered: &[usize], width: usize) -> usize {
    (0..width)
        .filter(|&c| covered.get(c).is_none_or(|&n| n == 0))
        .count()
}

/// Ends the rowspans running down to row `r`, rightmost first, until the
/// row's own cells fit beside the rest; each cut short is reported once.
fn end_overrun_rowspans(
    cells: &mut [TableCell],
    covered: &mut [usize],
    covering: &[usize],
    own_width: usize,
    r: usize,
    out: &mut Layout,
) {
    let mut free = free_columns(covered, covered.len());
    let mut c = covered.len();
    while c > 0 && free < own_width {
        c -= 1;
        if covered.get(c).is_none_or(|&n| n == 0) {
            continue;
        }
        let Some(k) = covering.get(c).copied() else {
            continue;
        };
        let Some(cell) = cells.get_mut(k) else {
            continue;
        };
        // (A cell over many columns covers many slots: it is repaired,
        // and reported, once.)
        for slot in covered.iter_mut().skip(cell.col).take(cell.cols) {
            if *slot > 0 {
                *slot = 0;
                free += 1;
            }
        }
        if cell.rows > r - cell.row {
            let (printed, kept) = (cell.rows, r - cell.row);
            cell.rows = kept;
            if out.warnings.len() < MAX_REPAIRS_SAID {
                out.warnings.push(Warning::new(
                    "rowspan_repaired",
                    format!(
                        "the rowspan of {:?} runs past its group (a row below has more cells of its own than columns left beside it): read as spanning {kept} rows, not the {printed} left in its table",
                        cell.text.chars().take(20).collect::<String>()
                    ),
                ));
            }
        }
    }
}

/// A row whose own cells fall short of the table's width, right below a
/// rowspan that ended at its left (`rowspan="2"` over a group of three
/// rows, a common publishing error): its cells are anchored at the right
/// (SPEC §3), the spanning cells at its left going on over it, and the
/// repair is reported. Without that the row's name would be read as its
/// level-2 name and its value as its name. A row whose first cell names
/// a level as the spanning cell does (质量指标 under a 数量指标 that
/// ended) opens a group of its own: it left out its empty last cells.
/// `(width, own_width, r)`: the table's width, the row's own cells' and
/// its index.
fn extend_short_rowspans(
    cells: &mut [TableCell],
    covered: &mut [usize],
    covering: &[usize],
    (width, own_width, r): (usize, usize, usize),
    first_own: Option<NodeRef<'_, Node>>,
    out: &mut Layout,
) {
    let mut missing = free_columns(covered, width).saturating_sub(own_width);
    let mut c = 0;
    while missing > 0 && c < width {
        if covered.get(c).is_some_and(|&n| n > 0) {
            c += 1;
            continue;
        }
        // The leftmost free column: a cell spanning rows ended just above?
        let Some(cell) = covering
            .get(c)
            .and_then(|&k| cells.get_mut(k))
            .filter(|cell| cell.rows > 1 && cell.row + cell.rows == r && cell.col == c)
        else {
            break;
        };
        if cell.cols > missing || first_own.is_some_and(|td| same_level(&cell.text, &cell_text(td)))
        {
            break;
        }
        cell.rows += 1;
        for slot in covered.iter_mut().skip(c).take(cell.cols) {
            *slot = 1;
        }
        missing -= cell.cols;
        c += cell.cols;
        if out.warnings.len() < MAX_REPAIRS_SAID {
            out.warnings.push(Warning::new(
                "rowspan_repaired",
                format!(
                    "the rowspan of {:?} ends a row before its group (the row below it is {} cell(s) short of the table's width): read as spanning {} rows",
                    cell.text.chars().take(20).collect::<String>(),
                    cell.cols,
                    cell.rows
                ),
            ));
        }
    }
}

/// Whether two cells name indicator levels of one rank (数量指标 and
/// 质量指标). (成本指标 under 产出指标 is its level 2, as in the framework
/// before 2021: a row short of a cell under it is the group's.)
fn same_level(a: &str, b: &str) -> bool {
    use crate::reconstruct::vocab::{
        is_ambiguous_level, is_level1_name, is_level2_name, is_output_level1,
    };
    if is_output_level1(a) && is_ambiguous_level(b) {
        return false;
    }
    (is_level2_name(a) && is_level2_name(b)) || (is_level1_name(a) && is_level1_name(b))
}

/// A table's rows as a key when they are a whole approval by themselves
/// (the label of a project or department name with its value, and an
/// indicator table's level header): a hash of its cells' texts without
/// whitespace, cell by cell and row by row. A page never publishes the
/// same form twice as two approvals: a second table with the same key is
/// a copy the page hides by a stylesheet it links (a layout for phones,
/// a print view), so it is read once. A table that is only part of a form
/// (a header row, a block of indicators whose name is printed above it)
/// has no key: two projects may print the same one.
fn form_key(rows: &[Row]) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let named = rows.iter().any(|r| {
        let mut texts = r.texts();
        texts.next().is_some_and(|t| {
            let (label, value) = t.split_once([':', '：']).unwrap_or((t, ""));
            names_an_approval(label) && (!value.trim().is_empty() || texts.next().is_some())
        })
    });
    let levels = || {
        rows.iter().flat_map(Row::texts).any(|t| {
            t.len() <= 120
                && crate::reconstruct::header::field_of_word(t)
                    .is_some_and(|f| matches!(f.level(), Some(0 | 1)))
        })
    };
    if !named || !levels() {
        return None;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for r in rows {
        for c in &r.cells {
            c.chars()
                .filter(|c| !c.is_whitespace())
                .for_each(|c| c.hash(&mut h));
            // (Apart from the next cell's text: `ab|c` is not `a|bc`.)
            '\u{1f}'.hash(&mut h);
        }
        '\u{1e}'.hash(&mut h);
    }
    Some(h.finish())
}

/// Whether a label names the project or department an approval is for.
fn names_an_approval(label: &str) -> bool {
    matches!(
        crate::reconstruct::project::label_key(label).as_str(),
        "项目名称" | "项目支出名称" | "部门(单位)名称" | "单位名称" | "部门名称" | "主管部门"
    )
}

/// The code of the warning that a table was a form printed again (said
/// once a page).
const REPEATED_FORM: &str = "repeated_form";

fn repeated_form_warning() -> Warning {
    Warning::new(
        REPEATED_FORM,
        "a table printed again on the page, cell for cell (the same form, most likely a copy hidden by a stylesheet the page links), was read once",
    )
}

/// Lays out a subtree: data tables as grids, everything else as prose
/// lines; layout tables are walked into.
fn flow(root: NodeRef<'_, Node>, out: &mut Layout) -> Result<(), String> {
    let mut line = String::new();
    // The keys of the whole forms read so far ([`form_key`]), each with
    // the lines of text printed over it.
    let mut forms: std::collections::HashMap<u64, Vec<String>> = std::collections::HashMap::new();
    // Where the lines of text since the last table start.
    let mut lead_start = 0;
    let mut skip: Option<NodeId> = None;
    let flush = |line: &mut String, out: &mut Vec<Row>| {
        let text = tidy(line);
        line.clear();
        for l in text.split('\n').filter(|l| !l.is_empty()) {
            if !is_furniture_line(l) {
                out.push(prose_row(l.to_string()));
            }
        }
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Text(t) => push_collapsed(&mut line, &shown_text(&n, &t.text)),
                    Node::Element(el) => {
                        if let Some(b) = input_box(el) {
                            line.push(b);
                            continue;
                        }
                        if n.id() != root.id() && is_furniture(&n) {
                            skip = Some(n.id());
                            continue;
                        }
                        if el.name() == "table" && !is_layout_table(n) {
                            flush(&mut line, &mut out.rows);
                            let (rows, warnings) = (out.rows.len(), out.warnings.len());
                            data_table(n, out)?;
                            let key = form_key(out.rows.get(rows..).unwrap_or_default());
                            // (A copy under lines of its own, 2025年度… over
                            // one and 2026年度… over the other, is another
                            // year's approval of the same targets.)
                            let repeated = key.is_some_and(|k| {
                                let lead: Vec<String> = out
                                    .rows
                                    .get(lead_start..rows)
                                    .unwrap_or_default()
                                    .iter()
                                    .flat_map(|r| r.cells.iter().cloned())
                                    .collect();
                                match forms.get(&k) {
                                    Some(first) => lead.is_empty() || *first == lead,
                                    None => {
                                        forms.insert(k, lead);
                                        false
                                    }
                                }
                            });
                            if repeated {
                                out.rows.truncate(rows);
                                out.warnings.truncate(warnings);
                                if !out.warnings.iter().any(|w| w.code == REPEATED_FORM) {
                                    out.warnings.push(repeated_form_warning());
                                }
                            }
                            skip = Some(n.id());
                            lead_start = out.rows.len();
                            continue;
                        }
                        if is_block(el.name()) {
                            flush(&mut line, &mut out.rows);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                } else if skip.is_none() && element_name(&n).is_some_and(is_block) {
                    flush(&mut line, &mut out.rows);
                }
            }
        }
    }
    flush(&mut line, &mut out.rows);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_ascii_and_full_width_digits() {
        for (text, date) in [
            ("2026-01-20 09:30", "2026-01-20"),
            ("２０２６－０１－２０", "2026-01-20"),
            ("2０26年1月２0日", "2026-01-20"),
            ("２０２６／１／２", "2026-01-02"),
        ] {
            assert_eq!(iso_date(text).as_deref(), Some(date), "{text}");
        }
        assert_eq!(iso_date("2026年13月1日"), None);
    }

    #[test]
    fn a_source_line_break_beside_a_curly_quote_in_chinese_is_nothing() {
        for (b, a) in [
            ('”', '普'),
            ('式', '”'),
            ('八', '“'),
            ('“', '八'),
            ('合', '格'),
        ] {
            assert!(joins_without_space(b, a), "{b}{a}");
        }
        // Between Latin words, or two quotes, the break is a space.
        for (b, a) in [('”', 'a'), ('x', '“'), ('”', '“'), ('a', 'b')] {
            assert!(!joins_without_space(b, a), "{b}{a}");
        }
    }

    #[test]
    fn whitespace_between_table_tags_goes() {
        let page = "<table>\n <tr>\n  <td>a b</td>\n  <TD colspan=2>\n c\n </TD>\r\n </tr></table>";
        assert_eq!(
            without_table_whitespace(page),
            "<table><tr><td>a b</td><TD colspan=2>\n c\n </TD></tr></table>"
        );
    }

    #[test]
    fn whitespace_beside_table_tags_the_parser_ignores_stays() {
        for page in [
            // An element started in a row (moved out of the table, with
            // the text after it), and a tag name the parser reads as
            // another (`<td\0>`).
            "<table><tr><span>a</span></td> <td>b</td></tr></table>",
            "<table><tr><td\0>a</td>\n<td>b</td></tr></table>",
            // Stray cell tags outside any table.
            "<p>指标</td> <td>（单位：万元）</p>",
            "<p>486.30</td>\n<td>万元</p>",
            // Stray end tags in a cell, a `</th>` in a `<td>`, a caption.
            "<table><tr><td>浠水县</th> </th>统计局</td></tr></table>",
            "<table><tr><td>完成统计</col> </col>调查</td></tr></table>",
            "<table><caption>目标表</td> <td>（2026年度）</caption><tr><td>a</td></tr></table>",
            // Extra end tags after the table closed.
            "<table><tr><td>a</td></tr></table></td> </tr> </table>说明",
            // A table nested in a cell: the outer cell's own whitespace.
            "<table><tr><td>名称</td><td><table><tr><td>a</td></tr></table> </td></tr></table>",
        ] {
            assert_eq!(without_table_whitespace(page), page, "{page}");
        }
    }

    #[test]
    fn table_context_follows_the_parser() {
        // Implied closes: a new cell closes the open one, a row closes a
        // cell, `</table>` closes its cell and itself.
        assert_eq!(
            without_table_whitespace("<table><tr><td>a <td>b</td> </tr>\n<tr><th>c</table> <td>"),
            "<table><tr><td>a <td>b</td></tr><tr><th>c</table> <td>"
        );
        // Nested: the inner table's structure loses its whitespace, the
        // outer cell keeps its own.
        assert_eq!(
            without_table_whitespace(
                "<table><tr><td> <table> <tr> <td>x</td> </tr> </table> </td> </tr></table>"
            ),
            "<table><tr><td> <table><tr><td>x</td></tr></table> </td></tr></table>"
        );
    }

    #[test]
    fn whitespace_elsewhere_stays() {
        for page in [
            // Not between two table tags.
            "<td>a</td> <p>b</p>",
            "<p>a</p>\n<td>b",
            "<td>a\n<td>b",
            // Names that only start like a table tag.
            "<tdx> <td>",
            "<td> <trx>",
            // Inside a comment, a script, a title or a textarea.
            "<!-- <td> <td> --><td>a",
            "<script>s='<td> <td>'</script>",
            "<SCRIPT>s='<td> <td>'</Script >",
            "<textarea><td> <td></textarea>",
            "<plaintext><td> <td>",
            // An unclosed comment or tag.
            "<!-- <td> <td>",
            "<td <td>",
        ] {
            assert_eq!(without_table_whitespace(page), page, "{page}");
        }
        // After a comment or a script, table whitespace goes again.
        assert_eq!(
            without_table_whitespace("<table><!-- x --><tr> <td>"),
            "<table><!-- x --><tr><td>"
        );
        assert_eq!(
            without_table_whitespace("<table><script>x</script><tr>\n<td>"),
            "<table><script>x</script><tr><td>"
        );
    }

    #[test]
    fn nested_table_cells_read_apart_however_the_source_is_wrapped() {
        for cell in [
            "<td><table><tr><td>名称</td><td>金额</td></tr></table></td>",
            "<td><table><tr><td>名称</td>\n<td>金额</td></tr></table></td>",
        ] {
            let page = format!("<table><tr>{cell}</tr></table>");
            let html = Html::parse_document(&page);
            let td = html
                .tree
                .root()
                .descendants()
                .find(|n| element_name(n) == Some("td"))
                .expect("a cell");
            assert_eq!(cell_text(td), "名称 金额", "{cell}");
        }
    }

    #[test]
    fn whitespace_collapses_to_one_space() {
        let cases = [
            ("", "  a  b\t\nc ", "a b\u{200b}c "),
            ("x", " y", "x y"),
            ("x ", "\u{a0}\u{a0}y", "x y"),
            ("x\n", "  y  ", "x\ny "),
            ("", "全角\u{3000}空格", "全角\u{3000}空格"),
            ("", "\r\n", ""),
        ];
        for (start, text, want) in cases {
            let mut buf = start.to_string();
            push_collapsed(&mut buf, text);
            assert_eq!(buf, want, "{start:?} + {text:?}");
        }
        assert_eq!(tidy(" a \n\n b\n"), "a\nb");
        // The page source's line break between Chinese characters is
        // nothing; elsewhere a space.
        let mut buf = String::new();
        for node in [
            "法律援助案件\n    ",
            "办结率",
            "\n",
            "(AI",
            "\n",
            "platform)",
        ] {
            push_collapsed(&mut buf, node);
        }
        assert_eq!(tidy(&buf), "法律援助案件办结率 (AI platform)");
        let mut buf = String::new();
        for node in ["新改建", "\n", "城市公厕数量", " ", "座"] {
            push_collapsed(&mut buf, node);
        }
        assert_eq!(tidy(&buf), "新改建城市公厕数量 座");
    }

    fn rows(html: &str) -> Vec<Row> {
        read_html(html.as_bytes()).unwrap().layout.rows
    }

    fn cells(r: &Row) -> Vec<&str> {
        r.cells.iter().map(String::as_str).collect()
    }

    fn codes(warnings: &[Warning]) -> Vec<&str> {
        warnings.iter().map(|w| w.code.as_str()).collect()
    }

    /// Each row's cell texts.
    fn grid(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter().map(cells).collect()
    }

    #[test]
    fn article_among_furniture() {
        let page = r#"<html><head><meta charset="utf-8">
<link rel="canonical" href="https://czj.example.gov.cn/art/1.html"></head><body>
<div class="nav"><a>首页</a><a>政务公开</a></div>
<div class="breadcrumb">首页 &gt; 部门整体绩效目标批复</div>
<div class="article"><h1>2026 年部门整体绩效目标批复</h1>
<div class="info">发布时间：2026年1月5日 来源：财政局</div>
<table><tr><td rowspan="2">部门（单位）名称</td><td>鄂州市数据局</td></tr>
<tr><td>第一行<br>第二&nbsp;行</td></tr></table></div>
<div class="footer">版权所有</div></body></html>"#;
        let doc = read_html(page.as_bytes()).unwrap();
        let r = &doc.layout.rows;
        assert_eq!(r.len(), 3, "{r:?}");
        assert_eq!(cells(&r[0]), vec!["2026 年部门整体绩效目标批复"]);
        assert!(r[0].spans.is_none());
        assert_eq!(cells(&r[1]), vec!["部门（单位）名称", "鄂州市数据局"]);
        assert_eq!(cells(&r[2]), vec!["", "第一行\n第二 行"]);
        let s = r[2].spans.as_ref().unwrap();
        assert!(s[0].continued && !s[1].continued);
        assert_eq!((s[1].left, s[1].right), (100, 200));
        assert_eq!(
            doc.url.as_deref(),
            Some("https://czj.example.gov.cn/art/1.html")
        );
        assert_eq!(doc.published.as_deref(), Some("2026-01-05"));
        assert_eq!(doc.encoding, "UTF-8");
    }

    #[test]
    fn page_address_is_absolute() {
        let og = Some("https://www.example.gov.cn/2025/03/a.html");
        assert_eq!(
            page_url(Some("/2025/03/x/"), og).as_deref(),
            Some("https://www.example.gov.cn/2025/03/x/")
        );
        assert_eq!(page_url(Some("/2025/03/x/"), None), None);
        assert_eq!(page_url(Some("x.html"), og).as_deref(), og);
        assert_eq!(
            page_url(Some("HTTP://a.cn/b"), og).as_deref(),
            Some("HTTP://a.cn/b")
        );
        assert_eq!(page_url(None, Some("/rel")), None);
    }

    #[test]
    fn the_articles_date_before_a_sidebars() {
        let page = r#"<html><body><div class="list"><h3>最新信息</h3><ul>
<li>某局2024年预算公开 发布日期：2024年08月30日</li></ul></div>
<div class="article"><h1>某局2025年部门整体绩效目标批复</h1>
<div class="info">发布日期：2025年03月12日</div>
<table><tr><td>一级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>≥1</td></tr></table>
<p>一、年度绩效目标</p><p>完成各项工作任务，保障机构正常运转，提升服务水平。</p></div></body></html>"#;
        let doc = read_html(page.as_bytes()).unwrap();
        assert_eq!(doc.published.as_deref(), Some("2025-03-12"));
    }

    #[test]
    fn the_date_is_within_forty_characters_of_its_label() {
        assert_eq!(
            published_in_text("发布时间：2025-03-12 来源：本站").as_deref(),
            Some("2025-03-12")
        );
        // A label without a date on its line; the next label has one.
        assert_eq!(
            published_in_text("发布日期：\n正文\n发文日期:2024年5月6日").as_deref(),
            Some("2024-05-06")
        );
        let far = format!("发布时间：{}2025-03-12", "某".repeat(40));
        assert_eq!(published_in_text(&far), None);
        let near = format!("发布时间：{}2025-03-12", "某".repeat(30));
        assert_eq!(published_in_text(&near).as_deref(), Some("2025-03-12"));
    }

    #[test]
    fn links_to_other_articles_are_furniture() {
        let page = r#"<html><body><div class="article"><h1>某局2026年部门整体绩效目标批复</h1>
<table><tr><td>一级指标</td><td>指标值</td></tr></table>
<div class="prevnext"><a>某县民政局2026年部门整体绩效目标批复</a></div>
<p>上一篇：某县教育局2026年部门整体绩效目标批复</p>
<p>相关文章</p></div></body></html>"#;
        assert_eq!(
            grid(&rows(page)),
            vec![
                vec!["某局2026年部门整体绩效目标批复"],
                vec!["一级指标", "指标值"]
            ]
        );
    }

    #[test]
    fn word_check_boxes_are_boxes() {
        let page = concat!(
            "<table><tr><td>项目属性</td><td>",
            "<span style='font-family:Wingdings;mso-char-type:symbol'>¨</span>新增项目 ",
            "<span style='mso-symbol-font-family:Wingdings'><span>þ</span></span>延续项目",
            "</td></tr></table>"
        );
        let r = rows(page);
        assert_eq!(cells(&r[0]), vec!["项目属性", "□新增项目 ☑延续项目"]);
        // Wingdings named as any of the span's fonts.
        let r = rows("<table><tr><td>a</td><td><span style='font-family:宋体;mso-ascii-font-family:Wingdings'>þ</span>b</td></tr></table>");
        assert_eq!(cells(&r[0]), vec!["a", "☑b"]);
        // The same letters in a text font are text.
        let r = rows("<table><tr><td>a</td><td>þ o</td></tr></table>");
        assert_eq!(cells(&r[0]), vec!["a", "þ o"]);
    }

    #[test]
    fn form_check_boxes_are_boxes() {
        let page = concat!(
            "<table><tr><td>项目属性</td><td>",
            "<input type=\"checkbox\"> 新增项目 <input type=\"checkbox\" checked=\"checked\"> 延续项目",
            "<input type=\"hidden\" value=\"x\">",
            "</td></tr></table>"
        );
        let r = rows(page);
        assert_eq!(cells(&r[0]), vec!["项目属性", "□ 新增项目 ☑ 延续项目"]);
    }

    #[test]
    fn text_fields_show_their_values() {
        let page = concat!(
            "<table><tr><td>金额<input readonly value=\"12.5\"><input type=\"TEXT\" value=\"万元\"></td>",
            "<td><input type=\"hidden\" value=\"h\"><input type=\"password\" value=\"p\">",
            "<input style=\"display:none\" value=\"n\"><input type=\"submit\" value=\"保存\">",
            "<textarea>第一行\n第二行</textarea>之后</td>",
            "<td><textarea class=\"hide\">不显示</textarea></td></tr></table>"
        );
        let r = rows(page);
        assert_eq!(
            cells(&r[0]),
            vec!["金额 12.5 万元", "第一行第二行 之后", ""]
        );
    }

    #[test]
    fn hidden_text_rows_and_cells_are_left_out() {
        let page = concat!(
            "<table><tr><td>指标</td><td>指标值</td></tr>",
            "<tr><td>a</td><td><span class=\"hide\">≥10家</span>≥12家</td></tr>",
            "<tr hidden><td>b</td><td>≥50人</td></tr>",
            "<tr style=\"display: none\"><td>c</td><td>≥5</td></tr>",
            "<tbody class=\"hidden\"><tr><td>g</td><td>≥6</td></tr></tbody>",
            "<tr><td>d</td><td><font style=\"visibility:hidden\">≥1.5%</font>≥1.8%</td></tr>",
            "<tr><td class=\"d-none\">x</td><td>e</td><td>1</td></tr>",
            "<tr><td class=\"hidden-xs shown\">f</td><td>2</td></tr>",
            "</table>"
        );
        assert_eq!(
            grid(&rows(page)),
            vec![
                vec!["指标", "指标值"],
                vec!["a", "≥12家"],
                vec!["d", "≥1.8%"],
                vec!["e", "1"],
                vec!["f", "2"],
            ]
        );
    }

    #[test]
    fn the_rules_a_stylesheet_hides_by() {
        let sheet = |css: &str| {
            let mut v: Vec<String> = stylesheet_hidden(css).into_iter().collect();
            v.sort();
            v
        };
        assert_eq!(sheet(".mobile{display:none}"), vec![".mobile"]);
        assert_eq!(
            sheet("#m, TD.x , .y { color: red; Visibility : Hidden !important }"),
            vec!["#m", ".y", "td.x"]
        );
        // Selectors with more in them, conditional blocks and other
        // declarations hide nothing.
        assert!(sheet(concat!(
            ".a .b{display:none}.c:hover{display:none}div>.d{display:none}",
            "@media print{.e{display:none}}@media (max-width:600px){.f{display:none}}",
            ".g{display:block}.h{visibility:visible}.i{color:#fff;font:12px/1 x}",
            "[hidden].j{display:none}.k.l{display:none}*.m{display:none}"
        ))
        .is_empty());
        // The last of a declaration wins.
        assert!(sheet(".a{display:none;display:block}").is_empty());
        assert_eq!(sheet(".a{display:block;display:none}"), vec![".a"]);
        // A name that a rule shows may be shown.
        assert!(sheet(".tab{display:none}.tab.on{display:block}").is_empty());
        assert!(sheet(".a{display:block} .a{display:none}").is_empty());
        // Comments, the `<!-- -->` of old pages and at-rule statements.
        assert_eq!(
            sheet("<!-- @import url(x.css); /* .b{display:none} */ .a{display:none} -->"),
            vec![".a"]
        );
        // After a block that never closes, or a comment, nothing is read.
        assert!(sheet("@media print { .a{display:none}").is_empty());
        assert!(sheet("/* .a{display:none}").is_empty());
        // Junk never fails.
        for junk in [
            "",
            "{",
            "}",
            "}}{{",
            ";;",
            ".",
            "#",
            ".{display:none}",
            "\u{0}{;}",
            "@{",
            "é.ü{display:none}",
        ] {
            let _ = sheet(junk);
        }
    }

    #[test]
    fn what_the_declarations_say_of_showing() {
        assert_eq!(declares_hidden("display:none"), Some(true));
        assert_eq!(declares_hidden(" DISPLAY : NONE !important ;"), Some(true));
        assert_eq!(declares_hidden("visibility:collapse"), Some(true));
        assert_eq!(
            declares_hidden("display:block;visibility:hidden"),
            Some(true)
        );
        assert_eq!(declares_hidden("display:table"), Some(false));
        assert_eq!(declares_hidden("visibility:visible"), Some(false));
        assert_eq!(declares_hidden("color:red;border:none"), None);
        assert_eq!(declares_hidden(""), None);
    }

    #[test]
    fn simple_selectors_only() {
        assert_eq!(simple_selector(".a-b_1"), Some(".a-b_1".to_string()));
        assert_eq!(simple_selector("#表"), Some("#表".to_string()));
        assert_eq!(simple_selector("Div.a"), Some("div.a".to_string()));
        for s in [
            "a",
            ".a.b",
            ".a b",
            ".a:first-child",
            "div .a",
            ".a>b",
            ".",
            "#",
            "*.a",
            ".a\\:b",
        ] {
            assert_eq!(simple_selector(s), None, "{s}");
        }
    }

    #[test]
    fn what_a_stylesheet_hides_is_left_out() {
        let page = concat!(
            "<html><head><style>",
            "<!-- .mobile{display:none} #copy{display:none} td.gone{visibility:hidden} -->",
            "</style><style media=\"print\">.pc{display:none}</style></head><body>",
            "<table class=\"pc\"><tr><td>a</td><td class=\"gone\">x</td><td>1</td></tr></table>",
            "<div class=\"box mobile\"><table><tr><td>b</td><td>2</td></tr></table></div>",
            "<table id=\"copy\"><tr><td>c</td><td>3</td></tr></table>",
            "<table><tr><td>d</td><td class=\"mobile\" style=\"display:table-cell\">4</td></tr></table>",
            "<p class=\"mobile\">e</p>",
            "</body></html>"
        );
        assert_eq!(grid(&rows(page)), vec![vec!["a", "1"], vec!["d", "4"]]);
    }

    /// A whole project form as a table: name, department, level header and
    /// indicators.
    fn form(name: &str, target: &str) -> String {
        format!(
            concat!(
                "<table><tr><td>项目名称</td><td colspan=\"3\">{}</td></tr>",
                "<tr><td>主管部门</td><td colspan=\"3\">某局</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>{}</td></tr>",
                "</table>"
            ),
            name, target
        )
    }

    #[test]
    fn a_form_printed_twice_is_read_once() {
        let layout = |html: &str| read_html(html.as_bytes()).unwrap().layout;
        let one = layout(&form("甲项目", "≥100人"));
        // The copy may differ in whitespace and in markup.
        let copy = form("甲项目", "≥100人").replace("<td>培训人次", "<td> 培训\n人次 ");
        let twice = layout(&format!(
            "<div>{}</div><div>{copy}</div>",
            form("甲项目", "≥100人")
        ));
        assert_eq!(grid(&twice.rows), grid(&one.rows));
        assert_eq!(codes(&twice.warnings), vec![REPEATED_FORM]);
        // Said once however many copies.
        let thrice = layout(&[form("甲项目", "≥100人"), copy.clone(), copy].concat());
        assert_eq!(grid(&thrice.rows), grid(&one.rows));
        assert_eq!(codes(&thrice.warnings), vec![REPEATED_FORM]);
    }

    #[test]
    fn forms_alike_but_not_the_same_are_each_read() {
        let layout = |html: &str| read_html(html.as_bytes()).unwrap().layout;
        // Two projects: the same header and indicator, another name; the
        // same name and header, another target.
        for (a, b) in [
            (form("甲项目", "≥100人"), form("乙项目", "≥100人")),
            (form("甲项目", "≥100人"), form("甲项目", "≥120人")),
        ] {
            let both = layout(&format!("{a}{b}"));
            assert_eq!(both.rows.len(), 8);
            assert!(both.warnings.is_empty());
        }
        // Tables that are part of a form each (a header table above each
        // project's indicators, the name printed above the table) are
        // read each time.
        let part = concat!(
            "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
            "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr></table>"
        );
        let page = format!("<p>项目名称：甲项目</p>{part}<p>项目名称：乙项目</p>{part}");
        let parts = layout(&page);
        assert_eq!(parts.rows.len(), 6);
        assert!(parts.warnings.is_empty());
    }

    #[test]
    fn the_key_of_a_whole_form() {
        let row = |cells: &[&str]| Row {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            ..Row::default()
        };
        let header = row(&["一级指标", "二级指标", "三级指标", "指标值"]);
        let name = row(&["项目名称", "甲项目"]);
        let key = |rows: &[Row]| form_key(rows);
        assert!(key(&[name.clone(), header.clone()]).is_some());
        // The name as one cell's text, and the department's name.
        assert!(key(&[row(&["项目名称：甲项目"]), header.clone()]).is_some());
        assert!(key(&[row(&["部门（单位）名称", "某局"]), header.clone()]).is_some());
        // No name, a label without its value, or no level header: no key.
        assert_eq!(key(std::slice::from_ref(&header)), None);
        assert_eq!(key(&[row(&["项目名称", ""]), header.clone()]), None);
        assert_eq!(key(&[row(&["项目名称："]), header.clone()]), None);
        assert_eq!(key(&[name.clone(), row(&["指标", "指标值"])]), None);
        // Whitespace aside, cell by cell.
        assert_eq!(
            key(&[name.clone(), header.clone()]),
            key(&[row(&[" 项目\n名称", "甲 项目"]), header.clone()])
        );
        assert_ne!(
            key(&[name.clone(), header.clone()]),
            key(&[row(&["项目名称甲", "项目"]), header.clone()])
        );
        assert_ne!(
            key(&[name.clone(), header.clone()]),
            key(&[row(&["项目名称", "乙项目"]), header])
        );
    }

    #[test]
    fn a_rowspan_over_a_hidden_row_loses_it() {
        let page = concat!(
            "<table><tr><td>一级</td><td>二级</td><td>三级</td><td>指标值</td></tr>",
            "<tr><td rowspan=\"4\">产出指标</td><td rowspan=\"3\">数量指标</td><td>a</td><td>1</td></tr>",
            "<tr style=\"display:none\"><td>b</td><td>2</td></tr>",
            "<tr><td>c</td><td>3</td></tr>",
            "<tr><td>时效指标</td><td>d</td><td>4</td></tr>",
            "</table>"
        );
        assert_eq!(
            grid(&rows(page)),
            vec![
                vec!["一级", "二级", "三级", "指标值"],
                vec!["产出指标", "数量指标", "a", "1"],
                vec!["", "", "c", "3"],
                vec!["", "时效指标", "d", "4"],
            ]
        );
    }

    #[test]
    fn a_hidden_column_goes_whole_from_under_its_title() {
        // Excel writes a hidden column's cells, each hidden, under a title
        // spanning it: the cells right of it were read one column left.
        let page = concat!(
            "<table><tr><td>三级指标</td><td colspan=2>指标值</td><td>单位</td><td>权重</td></tr>",
            "<tr><td>a</td><td>120</td><td style='display:none'>110</td><td>公里</td><td>50</td></tr>",
            "<tr><td>b</td><td>90</td><td style='display:none'>85</td><td>%</td><td>50</td></tr>",
            "</table>"
        );
        let got = rows(page);
        assert_eq!(
            grid(&got),
            vec![
                vec!["三级指标", "指标值", "单位", "权重"],
                vec!["a", "120", "公里", "50"],
                vec!["b", "90", "%", "50"],
            ]
        );
        // Each value under its title: the columns line up.
        let lefts = |r: &Row| -> Vec<i32> {
            r.spans
                .as_ref()
                .map(|s| s.iter().map(|s| s.left).collect())
                .unwrap_or_default()
        };
        assert!(
            got.iter().all(|r| lefts(r) == [0, 100, 200, 300]),
            "{got:?}"
        );
        // A cell hidden alone still goes as a browser leaves it out.
        let page = concat!(
            "<table><tr><td>指标</td><td>指标值</td></tr>",
            "<tr><td style='display:none'>旧</td><td>a</td><td>1</td></tr>",
            "<tr><td>b</td><td>2</td></tr></table>"
        );
        assert_eq!(
            grid(&rows(page)),
            vec![vec!["指标", "指标值"], vec!["a", "1"], vec!["b", "2"]]
        );
    }

    #[test]
    fn a_merge_starting_in_a_hidden_row_shows_below_it() {
        // The hidden row holds the start of 效益指标's rowspan; Excel shows
        // the value in the visible part, and so is it read.
        let page = concat!(
            "<table><tr><td>一级</td><td>三级</td><td>指标值</td></tr>",
            "<tr><td>产出指标</td><td>a</td><td>1</td></tr>",
            "<tr style='display:none' height=0><td rowspan=2>效益指标</td><td>b</td><td>2</td></tr>",
            "<tr><td>c</td><td>3</td></tr>",
            "</table>"
        );
        assert_eq!(
            grid(&rows(page)),
            vec![
                vec!["一级", "三级", "指标值"],
                vec!["产出指标", "a", "1"],
                vec!["效益指标", "c", "3"],
            ]
        );
    }

    #[test]
    fn a_rowspan_a_row_short_of_its_group_is_extended() {
        let page = concat!(
            "<table><tr><td>一级</td><td>二级</td><td>三级</td><td>指标值</td><td>依据</td></tr>",
            "<tr><td rowspan=\"3\">产出指标</td><td rowspan=\"2\">数量指标</td><td>a</td><td>1</td><td>x</td></tr>",
            "<tr><td>b</td><td>2</td><td>x</td></tr>",
            "<tr><td>c</td><td>3</td><td>x</td></tr>",
            "<tr><td>效益指标</td><td>社会效益指标</td><td>d</td><td>4</td><td>x</td></tr>",
            "</table>"
        );
        let doc = read_html(page.as_bytes()).unwrap();
        assert_eq!(
            grid(&doc.layout.rows),
            vec![
                vec!["一级", "二级", "三级", "指标值", "依据"],
                vec!["产出指标", "数量指标", "a", "1", "x"],
                vec!["", "", "b", "2", "x"],
                vec!["", "", "c", "3", "x"],
                vec!["效益指标", "社会效益指标", "d", "4", "x"],
            ]
        );
        let repairs: Vec<_> = doc
            .layout
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect();
        assert_eq!(repairs, vec!["rowspan_repaired"]);
        // Nor in a table whose rows all leave out their empty last cell,
        // nor where only a row opening a group of its own leaves out its
        // empty last cell: 质量指标 names a level as 数量指标 does (it was
        // read as a level 3 under 数量指标, its name's cell as the target).
        for last in ["", "<td>x</td>"] {
            let page = format!(
                concat!(
                    "<table><tr><td>一级</td><td>二级</td><td>三级</td><td>指标值</td><td>备注</td></tr>",
                    "<tr><td rowspan=\"3\">产出指标</td><td rowspan=\"2\">数量指标</td><td>a</td><td>1</td>{last}</tr>",
                    "<tr><td>b</td><td>2</td>{last}</tr>",
                    "<tr><td>质量指标</td><td>c</td><td>3</td></tr>",
                    "</table>"
                ),
                last = last
            );
            let doc = read_html(page.as_bytes()).unwrap();
            assert_eq!(
                grid(&doc.layout.rows).last(),
                Some(&vec!["", "质量指标", "c", "3"]),
                "{last}"
            );
            assert!(doc.layout.warnings.is_empty(), "{last}");
        }
        // A row short at the top of the table, under no span, is left as
        // it is.
        let doc = read_html(
            "<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>1</td><td>2</td></tr></table>"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            grid(&doc.layout.rows),
            vec![vec!["a", "b", "c"], vec!["1", "2"]]
        );
        assert!(doc.layout.warnings.is_empty());
    }

    #[test]
    fn the_article_holds_every_form_and_no_chrome() {
        let form = |name: &str| {
            format!("<div class=\"block\"><p>{name}2026年部门整体支出绩效目标表</p><table><tr><td>一级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>≥1</td></tr></table></div>")
        };
        let page = format!(
            "<html><body><div class=\"links\"><table><tr><td>友情链接</td><td>某市人民政府网站群</td></tr></table></div><div class=\"main\">{}{}</div></body></html>",
            form("档案局"),
            form("气象局")
        );
        let got: Vec<String> = rows(&page).iter().map(|r| r.cells.join("|")).collect();
        assert_eq!(
            got,
            [
                "档案局2026年部门整体支出绩效目标表",
                "一级指标|指标值",
                "产出指标|≥1",
                "气象局2026年部门整体支出绩效目标表",
                "一级指标|指标值",
                "产出指标|≥1"
            ]
        );
    }

    #[test]
    fn level_headers_mark_an_approvals_table() {
        let html = Html::parse_document(concat!(
            "<table id=a><tr><td>一级 绩效指标</td><td>指标值</td></tr></table>",
            "<table id=b><tr><td>三级指标</td><td>友情链接</td></tr></table>",
            "<table id=c><tr><td>说明：一级指标按模板填写，二级指标按模板填写。</td></tr></table>"
        ));
        let marked: Vec<bool> = html
            .tree
            .root()
            .descendants()
            .filter(|n| element_name(n) == Some("table"))
            .map(prints_level_header)
            .collect();
        assert_eq!(marked, [true, false, false]);
    }

    #[test]
    fn the_common_ancestor_of_several_nodes() {
        let html = Html::parse_document(
            "<div id=top><div id=x><p id=a>a</p><p id=b>b</p></div><p id=c>c</p></div>",
        );
        let by_id = |id: &str| {
            html.tree
                .root()
                .descendants()
                .find(|n| n.value().as_element().and_then(|e| attr(e, "id")) == Some(id))
                .unwrap()
        };
        let id_of = |n: Option<NodeRef<'_, Node>>| {
            n.and_then(|n| {
                n.value()
                    .as_element()
                    .and_then(|e| attr(e, "id"))
                    .map(str::to_string)
            })
        };
        let (a, b, c) = (by_id("a"), by_id("b"), by_id("c"));
        assert_eq!(id_of(lowest_common_ancestor(&[a, b])).as_deref(), Some("x"));
        assert_eq!(
            id_of(lowest_common_ancestor(&[b, a, c])).as_deref(),
            Some("top")
        );
        assert_eq!(id_of(lowest_common_ancestor(&[c])).as_deref(), Some("c"));
        assert!(lowest_common_ancestor(&[]).is_none());
    }

    #[test]
    fn a_search_form_is_furniture_a_form_around_the_page_is_not() {
        let article = "<p>某县2026年部门整体支出绩效目标表</p><table><tr><td>一级指标</td><td>三级指标</td><td>指标值</td></tr><tr><td>产出指标</td><td>完成全年各项重点工作任务的比例</td><td>100%</td></tr><tr><td>满意度指标</td><td>服务对象对本部门履职情况的满意度</td><td>≥90%</td></tr></table>";
        let search = "<form action=\"/search\"><span>站内搜索</span><input name=\"q\"><select><option>全部栏目</option></select><button>搜索</button><span>热门搜索：</span><a>政务公开</a> <a>财政预算决算公开</a> <a>人事招聘考试信息</a> <a>政府信息公开年度报告</a></form>";
        let lines =
            |page: &str| -> Vec<String> { rows(page).iter().map(|r| r.cells.join("|")).collect() };
        let expected = [
            "某县2026年部门整体支出绩效目标表",
            "一级指标|三级指标|指标值",
            "产出指标|完成全年各项重点工作任务的比例|100%",
            "满意度指标|服务对象对本部门履职情况的满意度|≥90%",
        ];
        assert_eq!(lines(&format!("{search}{article}")), expected);
        assert_eq!(
            lines(&format!("<form method=\"post\" action=\"./View.aspx?id=1\"><input type=\"hidden\" value=\"x\">{article}</form>")),
            expected
        );
        assert!(!holds_text(
            Html::parse_fragment(search).tree.root(),
            FORM_PAGE_TEXT
        ));
    }

    #[test]
    fn the_words_of_a_class_name() {
        fn parts(n: &str) -> Vec<&str> {
            name_parts(n).collect()
        }
        assert_eq!(parts("site-footer"), ["site", "footer"]);
        assert_eq!(parts("mainNav2_box"), ["main", "Nav", "2", "box"]);
        assert_eq!(parts("--a--"), ["a"]);
        assert_eq!(parts("TRS_Editor"), ["TRS", "Editor"]);
        assert_eq!(parts("正文-box"), ["正文", "box"]);
        assert!(parts("").is_empty());
    }

    #[test]
    fn furniture_words_are_whole_words_of_a_class_name() {
        for name in [
            "footer",
            "site-footer",
            "footerBox",
            "nav",
            "nav-item",
            "mainNav",
            "navbar",
            "breadcrumb-item",
            "crumbs",
            "position",
            "news_position",
            "related-list",
            "prevNext",
            "share",
            "topmenu",
            "subNav",
            "foot",
            "foot-links",
            "bottom",
        ] {
            assert!(names_furniture(name), "{name}");
        }
        for name in [
            "relative",
            "position-relative",
            "position-absolute",
            "canvas",
            "unavailable",
            "container",
            "positioned",
            "mt-3",
            "footnote",
            "border-bottom",
        ] {
            assert!(!names_furniture(name), "{name}");
        }
    }

    #[test]
    fn furniture_is_asked_once_per_element() {
        let html = Html::parse_document(
            "<div class=\"footer\"><table id=a></table></div><div><p><table id=b></table><table id=c></table></p></div>",
        );
        let root = html.tree.root();
        let mut clear = std::collections::HashMap::new();
        let got: Vec<bool> = root
            .descendants()
            .filter(|n| element_name(n) == Some("table"))
            .map(|t| clear_of_furniture(t, root, &mut clear))
            .collect();
        assert_eq!(got, [false, true, true]);
        // Each element on the tables' paths, once.
        assert_eq!(clear.values().filter(|v| !**v).count(), 2);
    }

    #[test]
    fn nested_layout_tables_flatten() {
        let r = rows(
            "<table><tr><td>标题绩效目标表<table><tr><td>a</td><td colspan=9999>b</td></tr></table></td></tr></table>",
        );
        assert_eq!(cells(&r[0]), vec!["标题绩效目标表"]);
        assert_eq!(cells(&r[1]), vec!["a", "b"]);
        let s = r[1].spans.as_ref().unwrap();
        assert_eq!(s[1].right, 100 * (1 + MAX_COLSPAN as i32));
    }

    #[test]
    fn a_rowspan_past_its_group_ends_at_a_full_row() {
        let page = concat!(
            "<table><tr><td>一级</td><td>二级</td><td>指标值</td></tr>",
            "<tr><td rowspan=\"12\">产出</td><td>数量</td><td>1</td></tr>",
            "<tr><td>质量</td><td>2</td></tr>",
            "<tr><td>效益</td><td>社会</td><td>3</td></tr>",
            "<tr><td>满意度</td><td>4</td></tr></table>"
        );
        let repairs = read_html(page.as_bytes()).unwrap().layout.warnings;
        assert_eq!(repairs.len(), 1, "{repairs:?}");
        assert_eq!(repairs[0].code, "rowspan_repaired");
        assert!(repairs[0].message.contains("产出"), "{repairs:?}");
        let r = rows(concat!(
            "<table><tr><td>一级</td><td>二级</td><td>指标值</td></tr>",
            "<tr><td rowspan=\"12\">产出</td><td>数量</td><td>1</td></tr>",
            "<tr><td>质量</td><td>2</td></tr>",
            "<tr><td>效益</td><td>社会</td><td>3</td></tr>",
            "<tr><td>满意度</td><td>4</td></tr></table>"
        ));
        let got: Vec<Vec<&str>> = r.iter().map(cells).collect();
        assert_eq!(
            got,
            vec![
                vec!["一级", "二级", "指标值"],
                vec!["产出", "数量", "1"],
                vec!["", "质量", "2"],
                vec!["效益", "社会", "3"],
                // The browser's reading: under 效益's own cells nothing
                // spans, so this row is short by one.
                vec!["满意度", "4"],
            ]
        );
    }

    #[test]
    fn absurd_rowspans_are_clamped() {
        let r =
            rows("<table><tr><td rowspan=1000000>a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(r.len(), 2);
        assert_eq!(cells(&r[1]), vec!["", "c"]);
    }

    #[test]
    fn gbk_with_and_without_declaration() {
        let body = "<html><body><p>年度绩效目标</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(body);
        let doc = read_html(&gbk).unwrap();
        assert_eq!(doc.encoding, "GBK");
        assert_eq!(cells(&doc.layout.rows[0]), vec!["年度绩效目标"]);
        let declared = format!(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">{body}"
        );
        let (gbk, _, _) = encoding_rs::GBK.encode(&declared);
        let doc = read_html(&gbk).unwrap();
        assert_eq!(doc.encoding, "GBK");
        assert_eq!(cells(&doc.layout.rows[0]), vec!["年度绩效目标"]);
    }

    #[test]
    fn the_guess_on_a_sample_is_the_guess_on_the_whole_page() {
        // Longer than the detector's sample, with markup between the runs
        // of text, as in a saved page.
        let page = |text: &str| {
            let para = format!("<p class=\"x\">{text}</p>\n");
            format!("<html><body>{}</body></html>", para.repeat(400))
        };
        let whole = |bytes: &[u8]| {
            let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            d.feed(bytes, true);
            d.guess(Some(b"cn"), chardetng::Utf8Detection::Allow)
        };
        for (enc, text) in [
            (
                encoding_rs::GBK,
                "部门整体支出绩效目标：完成数据中心建设，提高政务服务效率。",
            ),
            (
                encoding_rs::BIG5,
                "部門整體支出績效目標：完成數據中心建設，提高政務服務效率。",
            ),
            (
                encoding_rs::EUC_KR,
                "부서 전체 지출 성과 목표: 데이터 센터 구축을 완료합니다.",
            ),
            (
                encoding_rs::SHIFT_JIS,
                "部門全体の支出の成果目標：データセンターの建設を完了する。",
            ),
            (
                encoding_rs::WINDOWS_1252,
                "Objectifs de performance : achever le centre de données.",
            ),
        ] {
            let html = page(text);
            let (bytes, _, unmappable) = enc.encode(&html);
            assert!(!unmappable, "{}", enc.name());
            assert!(
                bytes.iter().filter(|b| !b.is_ascii()).count() > 2 * GUESS_SAMPLE
                    || enc == encoding_rs::WINDOWS_1252
            );
            assert_eq!(guess_encoding(&bytes), whole(&bytes), "{}", enc.name());
        }
        // A page of a .cn site is taken for GBK unless it is clearly not.
        let html = page("部门整体支出绩效目标：完成数据中心建设，提高政务服务效率。");
        let (bytes, _, _) = encoding_rs::GBK.encode(&html);
        assert_eq!(decode(&bytes), (html, "GBK".to_string()));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let deep = "<div>".repeat(MAX_DEPTH + 10);
        assert!(read_html(deep.as_bytes()).is_err());
        let ok = "<div>".repeat(100);
        assert!(read_html(ok.as_bytes()).is_ok());
        // More tags than the limit, none deep.
        let wide = "<div><span>x</span></div>".repeat(MAX_DEPTH);
        assert!(check_depth(&wide).is_ok());
        let deep_after_wide = format!("{wide}{deep}");
        assert!(check_depth(&deep_after_wide).is_err());
    }
}
