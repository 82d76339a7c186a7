//! Debug views of the pipeline: the rows and cells the layout stage found
//! and the section each row went to.

use std::fmt::Write as _;
use std::path::Path;

use crate::extract::decode_text;
use crate::extract::pdf::extract_pdf;
use crate::layout::pdf::layout_pages;
use crate::layout::text::layout_text;
use crate::layout::Layout;
use crate::reconstruct::sections;

/// Reads a file and runs extraction and layout.
pub fn load_layout(path: &Path) -> Result<Layout, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read file: {e}"))?;
    if crate::convert::looks_like_pdf(&bytes) {
        let pages = extract_pdf(&bytes).map_err(|e| e.to_string())?;
        return Ok(layout_pages(&pages));
    }
    let decoded = decode_text(&bytes).map_err(|e| e.to_string())?;
    Ok(layout_text(&decoded.text))
}

/// Rows as tab-separated lines, a blank line at each page break.
pub fn rows_as_text(layout: &Layout) -> String {
    let mut out = String::new();
    for row in &layout.rows {
        if row.after_page_break {
            out.push('\n');
        }
        out.push_str(&row.cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Every row with its section and numbered cells.
pub fn describe(layout: &Layout, page: Option<u32>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "pages: {}",
        layout
            .pages
            .map_or("- (text input)".to_string(), |p| p.to_string())
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
                .filter(|(_, c)| !c.trim().is_empty())
                .map(|(i, c)| {
                    let t: String = c.trim().chars().take(24).collect();
                    format!("[{i}] {t}")
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
    out
}
