//! Step 6, page furniture: page numbers and running headers and footers,
//! which are not content and would otherwise land between the rows of a
//! table that crosses a page break.
//!
//! Only text outside tables at the very top or bottom of a page is looked
//! at: the run of lines between the page edge and the first table row or
//! line of body text. A line lying wholly in the outer 12% of the page is
//! dropped when it reads as a page number, or when the same text (digits
//! aside, so `第 2 页` matches `第 3 页`) sits at the same distance from the
//! same edge on most pages of the document.
//!
//! A page printed to fit (its content drawn through a form XObject at 90%,
//! moved to the centre) has its footer moved up by the page's own margin
//! less the scaled one: a footer 62 pt above the edge ends up 96 pt above
//! it, outside the band. So a line further in, still with nothing but
//! margin lines between it and the edge, is dropped too when it is a page
//! number found at the same place on most pages: that is a page's footer
//! wherever the page was drawn, and no body line looks like one.

use std::collections::HashMap;

use super::clean::sane;
use super::Item;

/// Share of the page height at the top and at the bottom that holds
/// headers and footers (A4: 101 pt, beyond the usual 72 pt margins).
pub const MARGIN_FRAC: f64 = 0.12;
/// Two running-header lines are at the same place within this distance.
pub const SAME_PLACE_TOL: f64 = 3.0;
/// At most this many lines from each edge are looked at: headers and
/// footers have a few lines, and the cap keeps the cross-page comparison
/// linear on hostile pages whose text all lies past the bottom margin.
pub const MAX_MARGIN_LINES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Margin {
    Top,
    Bottom,
}

/// A text line in a page's top or bottom margin.
#[derive(Debug, Clone, PartialEq)]
pub struct MarginLine {
    /// Index of the line in the page's items.
    pub item: usize,
    pub margin: Margin,
    /// The text without whitespace and with every digit as `#`.
    pub key: String,
    /// Distance from the page edge it is near.
    pub offset: f64,
    pub page_number: bool,
    /// Wholly in the outer [`MARGIN_FRAC`] of the page, as are the lines
    /// between it and the edge.
    pub in_band: bool,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// One to four digits at the start of `t`: the rest after them.
fn number(t: &str) -> Option<&str> {
    let n = t.chars().take_while(|&c| is_digit(c)).count();
    if n == 0 || n > 4 {
        return None;
    }
    let at = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
    t.get(at..)
}

/// `第N页` (or `共N页` with `lead` '共'): the rest after it.
fn nth_page(t: &str, lead: char) -> Option<&str> {
    number(t.strip_prefix(lead)?)?.strip_prefix('页')
}

fn strip_separator(t: &str) -> &str {
    t.strip_prefix([',', '，', '/', '／', '、', '|'])
        .unwrap_or(t)
}

/// Whether a line is just a page number: `1`, `- 1 -`, `— 2 —`, `第 1 页`,
/// `第1页 共5页`, `共5页 第1页`, `1/5`, `1 / 5`, `Page 1 of 5`.
pub fn is_page_number(text: &str) -> bool {
    // Every form has a digit; most text has none and stops here.
    if !text.chars().any(is_digit) {
        return false;
    }
    let squashed: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    let t = squashed.trim_matches(|c| {
        matches!(
            c,
            '-' | '—'
                | '–'
                | '－'
                | '~'
                | '～'
                | '_'
                | '·'
                | '•'
                | '['
                | ']'
                | '('
                | ')'
                | '（'
                | '）'
        )
    });
    let t = t.strip_prefix("page").unwrap_or(t);
    if let Some(rest) = number(t) {
        if rest.is_empty() {
            return true;
        }
        return ["/", "／", "of"]
            .iter()
            .any(|sep| rest.strip_prefix(sep).and_then(number) == Some(""));
    }
    if let Some(rest) = nth_page(t, '第') {
        return rest.is_empty() || nth_page(strip_separator(rest), '共') == Some("");
    }
    if let Some(rest) = nth_page(t, '共') {
        return nth_page(strip_separator(rest), '第') == Some("");
    }
    false
}

/// The lines outside tables between each page edge and the body (at most
/// [`MAX_MARGIN_LINES`] from each edge, none past the page's middle).
/// `height` is the page height (the content's bottom when the page has
/// none).
pub fn margin_lines(items: &[Item], height: f64) -> Vec<MarginLine> {
    let height = if sane(height) && height > 0.0 {
        height
    } else {
        items.iter().map(|i| i.bottom).fold(0.0, f64::max)
    };
    let top_limit = height * MARGIN_FRAC;
    let bottom_limit = height * (1.0 - MARGIN_FRAC);
    let line = |k: usize, item: &Item, margin: Margin, in_band: bool| {
        let text = item.cells.join(" ");
        MarginLine {
            item: k,
            margin,
            key: text
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if is_digit(c) { '#' } else { c })
                .collect(),
            offset: match margin {
                Margin::Top => item.top,
                Margin::Bottom => height - item.bottom,
            },
            page_number: is_page_number(&text),
            in_band,
        }
    };
    // Each walk stops at the middle of the page, so that on a page without
    // tables the two do not take each other's lines. Lines in the band
    // form a prefix of each walk: `band` stays true only while every line
    // so far lies in it.
    let middle = height / 2.0;
    let mut band = true;
    let mut out: Vec<MarginLine> = items
        .iter()
        .enumerate()
        .take_while(|(_, i)| i.table.is_none() && i.bottom <= middle)
        .take(MAX_MARGIN_LINES)
        .map(|(k, i)| {
            band &= i.bottom <= top_limit;
            line(k, i, Margin::Top, band)
        })
        .collect();
    let first_bottom = out.len();
    let mut band = true;
    out.extend(
        items
            .iter()
            .enumerate()
            .skip(first_bottom)
            .rev()
            .take_while(|(_, i)| i.table.is_none() && i.top >= middle)
            .take(MAX_MARGIN_LINES)
            .map(|(k, i)| {
                band &= i.top >= bottom_limit;
                line(k, i, Margin::Bottom, band)
            }),
    );
    out
}

/// Whether a margin line's key (whitespace removed) is a 绩效目标 form's
/// title (…绩效目标表, …绩效目标批复).
fn names_a_form(key: &str) -> bool {
    key.contains("绩效目标") && (key.contains('表') || key.contains("批复"))
}

/// For each page, the items that are furniture: page numbers in the band,
/// and lines found at the same place with the same text on at least two
/// pages and on more than half of them (in the band, or page numbers).
pub fn furniture(pages: &[Vec<MarginLine>]) -> Vec<Vec<usize>> {
    let mut places: HashMap<(Margin, &str), Vec<(usize, f64)>> = HashMap::new();
    for (p, lines) in pages.iter().enumerate() {
        for m in lines {
            places
                .entry((m.margin, m.key.as_str()))
                .or_default()
                .push((p, m.offset));
        }
    }
    let n = pages.len();
    pages
        .iter()
        .map(|lines| {
            lines
                .iter()
                .filter(|m| {
                    if m.in_band && m.page_number {
                        return true;
                    }
                    // A form's own title at the top of each page is the
                    // title of each form when forms follow one another;
                    // reconstruction tells that from a title printed
                    // again over one form's pages.
                    if names_a_form(&m.key) {
                        return false;
                    }
                    let mut on: Vec<usize> = places
                        .get(&(m.margin, m.key.as_str()))
                        .map(|v| {
                            v.iter()
                                .filter(|(_, off)| (off - m.offset).abs() <= SAME_PLACE_TOL)
                                .map(|(p, _)| *p)
                                .collect()
                        })
                        .unwrap_or_default();
                    on.dedup();
                    let recurs = on.len() >= 2 && on.len() * 2 > n;
                    recurs && (m.in_band || m.page_number)
                })
                .map(|m| m.item)
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, top: f64, table: Option<usize>) -> Item {
        Item {
            spans: None,
            top,
            bottom: top + 10.0,
            x0: 0.0,
            cells: vec![text.to_string()],
            table,
        }
    }

    #[test]
    fn page_number_forms() {
        for t in [
            "1",
            "12",
            "- 1 -",
            "— 2 —",
            "－3－",
            "第 1 页",
            "第1页 共5页",
            "第1页/共5页",
            "共5页 第2页",
            "1/5",
            "1 / 5",
            "Page 3",
            "page 3 of 10",
            "１",
            "[4]",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in [
            "",
            "-",
            "12345",
            "第一页",
            "1、成立领导小组",
            "2026 年部门整体绩效目标批复",
            "100%",
            "1647.19",
            "第1页 共",
            "1/",
            "页",
        ] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn only_outer_runs_outside_tables_are_margin_lines() {
        let items = vec![
            item("header", 20.0, None),
            item("title", 150.0, None),
            item("row", 200.0, Some(0)),
            item("note", 760.0, Some(0)),
            item("- 1 -", 800.0, None),
        ];
        let m = margin_lines(&items, 842.0);
        let got: Vec<(usize, Margin, bool, bool)> = m
            .iter()
            .map(|l| (l.item, l.margin, l.page_number, l.in_band))
            .collect();
        // The title is outside the band, and so is any line after it.
        assert_eq!(
            got,
            vec![
                (0, Margin::Top, false, true),
                (1, Margin::Top, false, false),
                (4, Margin::Bottom, true, true)
            ]
        );
        // A table row at the page bottom stops the walk.
        let items = vec![item("row", 790.0, Some(0)), item("7", 750.0, Some(0))];
        assert!(margin_lines(&items, 842.0).is_empty());
    }

    #[test]
    fn repeated_lines_and_page_numbers_are_furniture() {
        let page = |n: usize, extra: &str| {
            let items = vec![
                item("鄂州市财政局 2026-01-05", 20.0, None),
                item(extra, 40.0, None),
                item("body", 300.0, None),
                item(&format!("第 {n} 页"), 800.0, None),
            ];
            margin_lines(&items, 842.0)
        };
        let pages = vec![page(1, "只在第一页"), page(2, "x"), page(3, "y")];
        assert_eq!(furniture(&pages), vec![vec![0, 3], vec![0, 3], vec![0, 3]]);
        // One page: nothing repeats, page numbers still go.
        assert_eq!(furniture(&pages[..1]), vec![vec![3]]);
        // Same text at another place is not the same running header.
        let moved = margin_lines(&[item("鄂州市财政局 2026-01-05", 60.0, None)], 842.0);
        let pages = vec![page(1, "a"), moved, Vec::new(), Vec::new()];
        assert_eq!(furniture(&pages), vec![vec![3], vec![], vec![], vec![]]);
    }

    #[test]
    fn a_form_title_on_every_page_stays() {
        // Two forms one after another under the same title: each page's
        // title is kept (reconstruction drops a title printed again over
        // one form's pages).
        let page = || {
            let items = vec![
                item("2026年项目支出绩效目标批复表", 40.0, None),
                item("body", 300.0, None),
            ];
            margin_lines(&items, 842.0)
        };
        let pages = vec![page(), page(), page()];
        assert_eq!(furniture(&pages), vec![Vec::<usize>::new(); 3]);
    }

    #[test]
    fn page_numbers_above_the_band_go_when_they_recur() {
        // A page drawn at 90% from (30, 40): its footer 96 pt above the
        // bottom edge, outside the 101 pt band, below the last table row.
        let page = |n: usize| {
            let items = vec![
                item("row", 600.0, Some(0)),
                item(&format!("第 {n} 页 共 3 页"), 736.0, None),
            ];
            margin_lines(&items, 842.0)
        };
        let pages: Vec<Vec<MarginLine>> = (1..=3).map(page).collect();
        assert!(pages.iter().flatten().all(|m| !m.in_band && m.page_number));
        assert_eq!(furniture(&pages), vec![vec![1], vec![1], vec![1]]);
        // On one page only it is not known to be a footer.
        assert_eq!(furniture(&pages[..1]), vec![Vec::<usize>::new()]);
        // Body text repeated there is not dropped: only a page number is.
        let body = |_| margin_lines(&[item("注：单位为万元", 736.0, None)], 842.0);
        let pages: Vec<Vec<MarginLine>> = (1..=3).map(body).collect();
        assert_eq!(furniture(&pages), vec![Vec::<usize>::new(); 3]);
    }
}
