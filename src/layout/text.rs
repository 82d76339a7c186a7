//! Text dumps: one row per line, cells separated by tabs, page breaks as
//! blank lines.

use super::{Layout, Row};

pub fn layout_text(text: &str) -> Layout {
    let mut rows = Vec::new();
    let mut pending_break = false;
    for line in text.lines() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            // Leading blank lines are not a page break: nothing precedes them.
            pending_break = !rows.is_empty();
            continue;
        }
        rows.push(Row {
            cells: line.split('\t').map(str::to_string).collect(),
            page: None,
            after_page_break: std::mem::take(&mut pending_break),
            spans: None,
        });
    }
    Layout {
        pages: None,
        rows,
        ..Layout::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_cells_and_breaks() {
        let l = layout_text("\n\ntitle\n\na\tb\t\r\n\t\tc\n\n\nd\n");
        let cells: Vec<Vec<&str>> = l
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            cells,
            vec![
                vec!["title"],
                vec!["a", "b", ""],
                vec!["", "", "c"],
                vec!["d"]
            ]
        );
        let breaks: Vec<bool> = l.rows.iter().map(|r| r.after_page_break).collect();
        assert_eq!(breaks, vec![false, true, false, true]);
        assert_eq!(l.pages, None);
    }
}
