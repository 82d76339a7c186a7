//! Layout: from extracted input to rows of cells.
//!
//! The reconstruction stage sees only [`Layout`]: rows in reading order, each
//! a list of cell texts in column order, with the page the row starts on and
//! whether a page break came just before it. Text dumps are already rows of
//! tab-separated cells ([`text`]); PDF pages get their rows from ruling lines
//! and text positions.

pub mod pdf;
pub mod text;

/// One table row (or one line of prose) in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Cell texts, in column order; empty cells are empty strings.
    pub cells: Vec<String>,
    /// 1-based page where the row starts; `None` for text input.
    pub page: Option<u32>,
    /// A page break came between this row and the previous one.
    pub after_page_break: bool,
}

impl Row {
    /// The non-empty cells, trimmed.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.texts().next().is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Page count; `None` for text input.
    pub pages: Option<u32>,
    pub rows: Vec<Row>,
}
