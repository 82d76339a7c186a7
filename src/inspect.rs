//! Debug views of the pipeline: what extraction and layout found on each
//! page (lines, grid, cells, as an SVG too) and the section each row went
//! to, so a user can see why a row came out wrong.

use std::fmt::Write as _;
use std::path::Path;

use crate::convert::{lay_out_named, read_input, LaidOut};
use crate::layout::pdf::{describe_page, page_svg};
use crate::layout::Layout;
use crate::reconstruct::{join_cell, reconstruct, sections};

/// What a file gave: its layout, and for a PDF its extracted pages.
pub type Loaded = LaidOut;

/// Reads a file and runs extraction and layout: the same reading and the
/// same format recognition as `convert` (an error here is the `error` that
/// `convert` gives the file).
pub fn load(path: &Path) -> Result<Loaded, String> {
    let bytes = read_input(path).map_err(|e| format!("cannot read file: {e}"))?;
    lay_out_named(&bytes, path)
}

/// How many pages the file has: a PDF's pages, `None` for formats
/// without pages.
pub fn page_count(loaded: &Loaded) -> Option<u32> {
    loaded.layout.pages.or_else(|| {
        (!loaded.pages.is_empty()).then(|| u32::try_from(loaded.pages.len()).unwrap_or(u32::MAX))
    })
}

/// A cell's text on one line of `inspect`'s output: line breaks, tabs and
/// other control characters written as escapes (`\n`, `\t`).
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Rows as tab-separated lines (a cell's wrapped lines joined), a blank
/// line at each page break: the text in reading order.
pub fn rows_as_text(layout: &Layout) -> String {
    let mut out = String::new();
    for row in &layout.rows {
        if row.after_page_break {
            out.push('\n');
        }
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| join_cell(c, false).replace('\n', " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Every row with its page, section and numbered cells; for a PDF, first
/// each page's lines, grid and cells.
pub fn describe(loaded: &Loaded, page: Option<u32>) -> String {
    let mut out = String::new();
    for p in &loaded.pages {
        if page.is_none_or(|n| n == p.number) {
            out.push_str(&describe_page(p));
            out.push('\n');
        }
    }
    let layout = &loaded.layout;
    for (what, v) in [
        ("encoding", &loaded.encoding),
        ("url", &loaded.url),
        ("published", &loaded.published),
        ("sheet", &loaded.sheet),
    ] {
        if let Some(v) = v {
            let _ = writeln!(out, "{what}: {v}");
        }
    }
    let _ = writeln!(
        out,
        "rows (pages: {}; cell positions @ in grid columns, or tens of points for PDF):",
        layout
            .pages
            .map_or("- (not paginated)".to_string(), |p| p.to_string())
    );
    let mut n = 0;
    for (section, rows) in sections(&layout.rows) {
        for row in rows {
            n += 1;
            if page.is_some() && row.page != page {
                continue;
            }
            if row.after_page_break {
                let _ = writeln!(out, "---- page break ----");
            }
            let cells: Vec<String> = row
                .cells
                .iter()
                .enumerate()
                .filter(|(i, c)| {
                    !c.trim().is_empty()
                        || row
                            .spans
                            .as_deref()
                            .and_then(|s| s.get(*i))
                            .is_some_and(|s| s.continued)
                })
                .map(|(i, c)| {
                    let t: String = join_cell(c.trim(), false).chars().take(24).collect();
                    format!(
                        "[{i}{}] {}",
                        span_note(row.spans.as_deref(), i),
                        one_line(&t)
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "row {n:>3} p{} {:<14} {} cells: {}",
                row.page.map_or("-".to_string(), |p| p.to_string()),
                format!("{section:?}"),
                row.cells.len(),
                cells.join("  ")
            );
        }
    }
    out.push_str(&describe_columns(layout));
    out
}

/// The header mapping of each indicator table: every column's header as
/// printed and the field its values go to.
pub fn describe_columns(layout: &Layout) -> String {
    let content = reconstruct(layout);
    let mut out = String::new();
    for (name, columns) in [
        ("long_term", &content.columns.long_term),
        ("annual", &content.columns.annual),
    ] {
        if columns.is_empty() {
            continue;
        }
        let _ = writeln!(out, "columns of the {name} indicator table:");
        for (i, c) in columns.iter().enumerate() {
            let _ = writeln!(out, "  [{}] {} -> {}", i + 1, c.header, c.field);
        }
    }
    out
}

/// ` @c0-c2` (grid columns for structured formats, points for PDF) for a
/// cell with a known position; `^` marks a cell continuing a merge.
fn span_note(spans: Option<&[crate::layout::Span]>, i: usize) -> String {
    match spans.and_then(|s| s.get(i)) {
        Some(s) => format!(
            " @{}-{}{}",
            s.left / 100,
            s.right / 100,
            if s.continued { "^" } else { "" }
        ),
        None => String::new(),
    }
}

/// The SVG debug drawing of page `number` (glyph boxes, rulings, cells).
pub fn svg(loaded: &Loaded, number: u32) -> Result<String, String> {
    loaded
        .pages
        .iter()
        .find(|p| p.number == number)
        .map(page_svg)
        .ok_or_else(|| {
            if loaded.pages.is_empty() {
                "--svg needs a PDF input".to_string()
            } else {
                format!("no page {number} (the PDF has {})", loaded.pages.len())
            }
        })
}
