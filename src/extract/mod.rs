//! Extraction: input bytes to what the layout stage reads.
//!
//! [`sniff`] recognises the format by content. Text input is decoded here
//! (encoding detection lives in [`text`]); PDF input becomes positioned
//! glyphs and ruling lines; the structured formats ([`html`], [`xlsx`],
//! [`xls`], [`docx`]) are read into tables of cells with their spans,
//! laid out by `layout::structured`. [`archive`] bounds what a ZIP package
//! may inflate; [`xml`] reads its XML parts without expanding entities;
//! [`numfmt`] shows spreadsheet numbers as displayed.

pub mod archive;
pub mod docx;
pub mod html;
pub mod numfmt;
pub mod page;
pub mod pdf;
pub mod sniff;
pub mod text;
pub mod xls;
pub mod xlsx;
pub mod xml;

pub use text::{decode_text, DecodedText};

/// A superscript as it is read: the powers of units (`m<sup>2</sup>`,
/// `μg/m` with a raised `3`) as the characters ² and ³, so that the unit
/// reads as written; other raised text (a footnote's `注1`) as it is.
pub fn superscript(text: &str) -> Option<char> {
    match text.trim() {
        "2" => Some('²'),
        "3" => Some('³'),
        _ => None,
    }
}

/// The Unicode check box or mark a Wingdings or Wingdings 2 symbol draws (a DOCX
/// `w:sym w:font="Wingdings" w:char="F0FE"`, or `þ` in an HTML span in that
/// font, is a ticked box), for the symbols forms use; others are `None`.
pub fn symbol_char(font: &str, code: u32) -> Option<char> {
    // Symbol fonts sit in the private-use area at F000 + their byte.
    let byte = if (0xf000..=0xf0ff).contains(&code) {
        code - 0xf000
    } else {
        code
    };
    let font = font.trim().to_ascii_lowercase();
    let font = font.split_whitespace().collect::<Vec<_>>().join(" ");
    match (font.as_str(), byte) {
        ("wingdings", 0xfe) | ("wingdings 2", 0x52) => Some('☑'),
        // Plain tick and cross marks, written in brackets after a choice
        // (新增项目（ ）延续项目（✓）).
        ("wingdings", 0xfc) | ("wingdings 2", 0x50) => Some('✓'),
        ("wingdings", 0xfb) | ("wingdings 2", 0x4f) => Some('✗'),
        ("wingdings", 0xfd) | ("wingdings 2", 0x53 | 0x54) => Some('☒'),
        ("wingdings", 0xa8 | 0x6f) | ("wingdings 2", 0xa3 | 0x2a) => Some('□'),
        // Word's Insert › Symbol writes comparison signs in the Symbol font.
        ("symbol", 0xb3) => Some('≥'),
        ("symbol", 0xa3) => Some('≤'),
        ("symbol", 0xb9) => Some('≠'),
        ("symbol", 0xbb) => Some('≈'),
        ("symbol", 0xb1) => Some('±'),
        ("symbol", 0xb4) => Some('×'),
        ("symbol", 0xb8) => Some('÷'),
        ("symbol", 0xb0) => Some('°'),
        ("symbol", 0x6d) => Some('μ'),
        _ => None,
    }
}

/// Appends a run of text (DOCX, XLSX rich text) as it is shown: a raised
/// 2 or 3 as ² or ³ ([`superscript`]), letters in a symbol font as what
/// they draw ([`symbol_char`]).
pub fn push_shown_run(out: &mut String, text: &str, raised: bool, symbol_font: Option<&str>) {
    match (superscript(text).filter(|_| raised), symbol_font) {
        (Some(power), _) => out.push(power),
        (None, Some(font)) => out.extend(
            text.chars()
                .map(|c| symbol_char(font, c as u32).unwrap_or(c)),
        ),
        (None, None) => out.push_str(text),
    }
}

/// Whether a cell's text heads an indicator level column (一级指标,
/// 二级指标, 三级指标, whitespace aside): what marks a table nested in a
/// form's cell as its indicator table (HTML and DOCX).
pub fn names_indicator_level(text: &str) -> bool {
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ["一级指标", "二级指标", "三级指标"]
        .iter()
        .any(|w| squashed.starts_with(w))
}

/// Whether a font draws symbols in place of letters ([`symbol_char`]).
pub fn is_symbol_font(font: &str) -> bool {
    let font = font.trim();
    ["wingdings", "wingdings 2", "symbol"]
        .iter()
        .any(|f| font.eq_ignore_ascii_case(f))
}

/// A parser's message as one line of at most `max` characters: line
/// breaks and other control characters become spaces (a mangled file can
/// put them, and whole stretches of itself, into the names a message
/// quotes).
pub fn one_line(message: &str, max: usize) -> String {
    let mut out: String = message
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if message.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_symbol_check_boxes() {
        assert_eq!(symbol_char("Wingdings", 0xF0FE), Some('☑'));
        assert_eq!(symbol_char("Wingdings", 0xF0FC), Some('✓'));
        assert_eq!(symbol_char("Wingdings 2", 0xF050), Some('✓'));
        assert_eq!(symbol_char("Wingdings", 0xF0A8), Some('□'));
        assert_eq!(symbol_char(" wingdings  2 ", 0xF052), Some('☑'));
        assert_eq!(symbol_char("wingdings", 'þ' as u32), Some('☑'));
        assert_eq!(symbol_char("Wingdings", 0xF04A), None);
        assert_eq!(symbol_char("Symbol", 0xF0FE), None);
    }

    #[test]
    fn messages_are_one_bounded_line() {
        assert_eq!(one_line("bad\ntag\u{0}", 100), "bad tag ");
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("abc", 3), "abc");
    }
}
