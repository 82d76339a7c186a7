//! Layout: from extracted input to rows of cells.
//!
//! The reconstruction stage sees only [`Layout`]: rows in reading order, each
//! a list of cell texts in column order, with the page the row starts on and
//! whether a page break came just before it. Rows of a table whose cell
//! positions are known (ruled PDF grids) also carry each cell's horizontal
//! extent ([`Span`]), so that reconstruction can read a value by its column
//! and knows where an empty cell is. Text dumps are rows of tab-separated
//! cells ([`text`]) whose positions are only a hint: cells shift. PDF pages
//! get their rows from ruling lines and text positions; HTML, DOCX, XLSX
//! and XLS tables from their own cells and merges ([`structured`]).

pub mod pdf;
pub mod structured;
pub mod text;
pub mod web;

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Warning;

/// One table row (or one line of prose) in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// Cell texts, in column order; empty cells are empty strings.
    pub cells: Vec<String>,
    /// 1-based page where the row starts; `None` for text input.
    pub page: Option<u32>,
    /// A page break came between this row and the previous one.
    pub after_page_break: bool,
    /// The first row of a table of a structured file (an HTML or DOCX
    /// table, a worksheet's grid): a merged cell cannot reach into it from
    /// above, so an empty cell there may be the cut part of one.
    pub table_start: bool,
    /// Where each cell sits (one per entry of `cells`), when the format
    /// knows it; `None` where positions are unreliable (text dumps, text
    /// outside tables, pages without rulings).
    pub spans: Option<Vec<Span>>,
}

/// A cell's horizontal extent in a table, in units shared by all rows of
/// the table (tenths of a point for PDF, grid columns for structured
/// formats), and whether the cell continues a merged cell from a row above
/// (its text, if any, is printed there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub left: i32,
    pub right: i32,
    pub continued: bool,
}

impl Span {
    /// How much of `other` this span covers.
    pub fn overlap(&self, other: &Span) -> i32 {
        (self.right.min(other.right) - self.left.max(other.left)).max(0)
    }
}

/// `s.trim()`, without decoding either end when neither can be
/// whitespace: every cell passes through here many times, and most open
/// and end with a Han character or a digit. Unicode whitespace is ASCII
/// or opens with one of the bytes C2, E1, E2, E3 (U+0085, U+00A0, U+1680,
/// U+2000 to U+205F, U+3000), and ends with a byte none of the others ends
/// with but a few; any such byte at either end takes the full trim.
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return s;
    };
    let may_open_space = first <= b' ' || matches!(first, 0xC2 | 0xE1..=0xE3);
    let may_end_space =
        last <= b' ' || matches!(last, 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF);
    if may_open_space || may_end_space {
        s.trim()
    } else {
        s
    }
}

impl Row {
    /// The non-empty cells, trimmed.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.cells.iter().map(|c| trim(c)).filter(|c| !c.is_empty())
    }

    /// [`Row::texts`] collected (sized for every cell, so never grown).
    pub fn text_vec(&self) -> Vec<&str> {
        let mut v = Vec::with_capacity(self.cells.len());
        v.extend(self.texts());
        v
    }

    pub fn is_blank(&self) -> bool {
        self.texts().next().is_none()
    }
}

/// A generic form title ([`is_generic_title`]) printed as a caption: after
/// a section number (`二、`) or an attachment mark (`附件：`, `附件2`), or
/// with what the table holds in brackets (`（年度绩效指标）`).
pub fn is_caption_title(text: &str) -> bool {
    let t = without_spaces(text);
    let t = after_enumerator(&t).unwrap_or(&t);
    let t = match t.strip_prefix("附件") {
        Some(rest) => rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '：' | ':' | '、' | '.' | '．')
        }),
        None => t,
    };
    let t = match t.rfind(['（', '(']) {
        Some(i) if i > 0 && t.ends_with(['）', ')']) => t.get(..i).unwrap_or(t),
        _ => t,
    };
    is_generic_title(t)
}

/// A title that names only a year and a kind of form
/// (`2025年度项目支出绩效目标表`), no department or project.
pub fn is_generic_title(title: &str) -> bool {
    // A batch's number in brackets (`（第二批）`) names no form either.
    let squashed = without_spaces(title);
    let unbracketed = match squashed.rfind(['（', '(']) {
        Some(i) if squashed.ends_with(['）', ')']) && i > 0 => {
            let inner = squashed.get(i..).unwrap_or_default();
            if inner.contains('批') || inner.contains('续') {
                squashed.get(..i).unwrap_or(&squashed)
            } else {
                &squashed
            }
        }
        _ => &squashed,
    };
    let t: String = unbracketed
        .chars()
        .filter(|c| !c.is_ascii_digit() && !matches!(c, '年' | '度'))
        .collect();
    let kinds = ["", "部门整体支出", "部门整体", "项目支出", "项目"];
    let forms = ["绩效目标表", "绩效目标批复", "绩效目标申报表"];
    kinds
        .iter()
        .any(|k| forms.iter().any(|f| t == format!("{k}{f}")))
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether a line reads as a sentence (a letter's body, `现将你单位…批复如
/// 下，…`) rather than a heading: it has a comma or a full stop. Titles
/// name 批复 and 绩效目标 too, but never run on like that.
pub fn is_sentence(text: &str) -> bool {
    text.contains(['，', '。', '；', ';'])
}

/// A full-width digit (`５`, as Word documents print them) as its ASCII
/// digit; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

// Digits are ASCII or full-width: `\d` (every script's digits) made the
// pattern several times as costly to compile, in every worker process.
static ENUMERATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:",
        r"[（(]\s*(?:[一二三四五六七八九十百]+|[0-9０-９]{1,3})\s*[)）]",
        r"|(?:[一二三四五六七八九十]+|[0-9０-９]{1,3})\s*[、．]",
        r"|[0-9０-９]{1,3}\.",
        // `1）`, `1)`: a number closed by a bracket alone.
        r"|[0-9０-９]{1,2}\s*[)）]",
        // Circled and bracketed numbers: ①, ⑴, ⒈ (to 20).
        r"|[\u{2460}-\u{249B}]",
        // Official prose's own: 一是…，二是…; 第一，…第二，….
        r"|[一二三四五六七八九十]{1,3}是",
        r"|第[一二三四五六七八九十]{1,3}\s*[，,、：:]",
        r"|目标\s*[0-9０-９]{1,2}\s*[:：]",
        r")\s*"
    ))
    .unwrap()
});

/// What follows a list item's enumerator ([`enumerator_len`]) at the
/// start of `s`: `一、产出指标` → `产出指标`; `None` where `s` opens with none.
pub fn after_enumerator(s: &str) -> Option<&str> {
    s.get(enumerator_len(s)?..)
}

/// The length in bytes of a list item's enumerator (`(一)`, `（一）`,
/// `一、`, `1、`, `1.`, `(1)`, `目标1：`) at the start of `s`, if any: the
/// list reader splits items there, and a numbered line is a heading or an
/// item, never a title.
pub fn enumerator_len(s: &str) -> Option<usize> {
    let m = ENUMERATOR.find(s)?;
    let matched = m.as_str().trim_end();
    // `1.` followed by a digit is a decimal number, not an item break,
    // unless a year follows (`1.2025年完成…`), or a space (`2. 12345热线`:
    // no decimal has one after its point).
    let rest = s.get(m.end()..).unwrap_or_default();
    let spaced = m.as_str().len() > matched.len();
    let year_follows = rest
        .get(..4)
        .is_some_and(|y| y.bytes().all(|b| b.is_ascii_digit()))
        && rest.get(4..).is_some_and(|r| r.starts_with('年'));
    if matched.ends_with('.')
        && !spaced
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && !year_follows
    {
        return None;
    }
    Some(m.end())
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Page count; `None` for text input.
    pub pages: Option<u32>,
    pub rows: Vec<Row>,
    /// Workbooks: the index of each worksheet's first row, and its name.
    pub sheets: Vec<(usize, String)>,
    /// What the layout repaired or guessed of what the file says (an HTML
    /// rowspan that ran past its group, a PDF table read from its text
    /// gaps): said by every document of the file, as reconstruction does
    /// not know which form it belongs to.
    pub warnings: Vec<Warning>,
    /// What the layout found of one worksheet of a workbook (formulas
    /// saved without their values, values in hidden rows), with the
    /// worksheet's name: said by the documents read from that worksheet.
    pub sheet_warnings: Vec<(String, Warning)>,
    /// Line breaks in cells, and the rows of text, are the file's own
    /// paragraphs and breaks (HTML, DOCX, spreadsheets), not the wrapping
    /// of a printed page (PDF, text dumps).
    pub hard_breaks: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        // Every character alone, before and after a Han character and a
        // digit, and doubled.
        let mut s = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for (a, b) in [("", ""), ("中", ""), ("", "中"), ("7", "x")] {
                s.clear();
                s.push_str(a);
                s.push(c);
                s.push_str(b);
                assert_eq!(trim(&s), s.trim(), "{s:?}");
                s.push(c);
                assert_eq!(trim(&s), s.trim(), "{s:?}");
            }
        }
        assert_eq!(trim("\u{3000}指标\u{a0}"), "指标");
        assert_eq!(trim(""), "");
    }

    #[test]
    fn enumerators_in_ascii_and_full_width_digits() {
        for (s, len) in [
            ("1.完成", 2),
            ("１．完成", 6),
            ("（１）完成", 9),
            ("(12) 完成", 5),
            ("三、完成", 6),
            ("目标２：完成", 12),
            ("①完成", 3),
            ("⑵ 完成", 4),
            ("3）完成", 4),
            ("3)完成", 2),
            ("二是新建", 6),
            ("第一，建成", 9),
        ] {
            assert_eq!(enumerator_len(s), Some(len), "{s}");
        }
        assert_eq!(enumerator_len("2026年"), None);
        assert_eq!(enumerator_len("第一批项目"), None);
    }

    #[test]
    fn generic_titles_and_captions() {
        assert!(is_caption_title("二、部门整体绩效目标表（年度绩效指标）"));
        assert!(is_caption_title("附件：2025年度部门整体支出绩效目标表"));
        assert!(is_caption_title("附件2 项目支出绩效目标表"));
        assert!(is_caption_title("2.年度绩效目标表"));
        assert!(!is_caption_title("一、某区教育局2025年部门整体绩效目标表"));
        assert!(!is_caption_title(
            "附件：某县水利局2025年部门整体绩效目标表"
        ));
        assert!(is_generic_title("2025年度部门整体支出绩效目标表"));
        assert!(!is_generic_title("某局2025年部门整体绩效目标表"));
        assert!(is_generic_title("2025年部门整体绩效目标批复（第二批）"));
        assert!(!is_generic_title("2025年部门整体绩效目标批复（某县法院）"));
    }
}
