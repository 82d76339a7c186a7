//! Text dumps: one row per line, cells separated by tabs, page breaks as
//! blank lines or form feeds (`pdftotext` ends each page with one). A
//! line that is only a page number (`- 3 -`, `第 1 页 共 2 页`) is the
//! page's footer, not a row: it is dropped and marks a page break.

use super::{Layout, Row};
use crate::layout::pdf::furniture::is_page_number;

pub fn layout_text(text: &str) -> Layout {
    let mut rows = Vec::new();
    let mut pending_break = false;
    // A form feed ends a page as a blank line does.
    let text: std::borrow::Cow<str> = if text.contains('\u{c}') {
        text.replace('\u{c}', "\n\n").into()
    } else {
        text.into()
    };
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    for (i, line) in lines.iter().enumerate() {
        if line.trim().is_empty() {
            // Leading blank lines are not a page break: nothing precedes them.
            pending_break = !rows.is_empty();
            continue;
        }
        if is_footer_line(line, blank(i.checked_sub(1)) || blank(Some(i + 1))) {
            pending_break = !rows.is_empty();
            continue;
        }
        rows.push(Row {
            cells: line.split('\t').map(str::to_string).collect(),
            page: None,
            after_page_break: std::mem::take(&mut pending_break),
            table_start: false,
            spans: None,
        });
    }
    Layout {
        pages: None,
        rows,
        ..Layout::default()
    }
}

/// A line of one cell that is only a page number. A bare number (`3`)
/// counts only beside a blank line: alone among rows it may be a cell's
/// wrapped text.
fn is_footer_line(line: &str, beside_blank: bool) -> bool {
    let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
    let (Some(t), None) = (cells.next(), cells.next()) else {
        return false;
    };
    let bare = t
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    is_page_number(t) && (!bare || (beside_blank && !line.contains('\t')))
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

    fn texts(l: &Layout) -> Vec<String> {
        l.rows.iter().map(|r| r.cells.join("|")).collect()
    }

    #[test]
    fn page_footers_and_form_feeds_are_page_breaks() {
        let l = layout_text(
            "a\tb\n- 3 -\n\nc\n第 1 页 共 2 页\n\u{c}d\n\n4\n\ne\n\t\t- 5 -\nf\u{c}g\n",
        );
        assert_eq!(texts(&l), vec!["a|b", "c", "d", "e", "f", "g"]);
        let breaks: Vec<bool> = l.rows.iter().map(|r| r.after_page_break).collect();
        assert_eq!(breaks, vec![false, true, true, true, true, true]);
    }

    #[test]
    fn a_bare_number_among_rows_is_a_row() {
        // Without a blank line beside it, a number alone may be a cell's
        // wrapped text; so may one in a column.
        let l = layout_text("a\n95\nb\n\n\t\t12\n");
        assert_eq!(texts(&l), vec!["a", "95", "b", "||12"]);
    }
}
