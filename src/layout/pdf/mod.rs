//! PDF pages to rows of cells.

use crate::extract::page::Page;

use super::Layout;

/// Rows of all pages in reading order.
pub fn layout_pages(pages: &[Page]) -> Layout {
    let _ = pages;
    Layout {
        pages: Some(pages.len() as u32),
        rows: Vec::new(),
    }
}
