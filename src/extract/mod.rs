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
    fn messages_are_one_bounded_line() {
        assert_eq!(one_line("bad\ntag\u{0}", 100), "bad tag ");
        assert_eq!(one_line("abcdef", 3), "abc…");
        assert_eq!(one_line("abc", 3), "abc");
    }
}
