//! Text input: detect the encoding and decode.
//!
//! Order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins; else the
//! bytes are UTF-8 if they decode as UTF-8; else GB18030 (a superset of GBK
//! and GB2312) if they decode without errors. Anything else, or text holding
//! control characters other than tab, CR, LF and form feed (which
//! `pdftotext` writes at each page's end), is not a text file.

use encoding_rs::{Encoding, GB18030, UTF_16LE, UTF_8};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    /// The encoding's name as written to `source.encoding`.
    pub encoding: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("empty file")]
    Empty,
    #[error("not a text file: {0}")]
    NotText(String),
}

pub fn decode_text(bytes: &[u8]) -> Result<DecodedText, TextError> {
    if bytes.is_empty() {
        return Err(TextError::Empty);
    }
    let (encoding, body, name): (&'static Encoding, &[u8], &'static str) =
        if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
            let name = if enc == UTF_8 {
                "UTF-8"
            } else if enc == UTF_16LE {
                "UTF-16LE"
            } else {
                "UTF-16BE"
            };
            (enc, bytes.get(bom_len..).unwrap_or_default(), name)
        } else if std::str::from_utf8(bytes).is_ok() {
            (UTF_8, bytes, "UTF-8")
        } else {
            (GB18030, bytes, "GB18030")
        };
    let text = encoding
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| {
            TextError::NotText(if body.len() == bytes.len() {
                "bytes are neither UTF-8, UTF-16 with a byte-order mark, nor GB18030".to_string()
            } else {
                format!("invalid {name} after its byte-order mark")
            })
        })?
        .into_owned();
    if let Some(c) = text
        .chars()
        .find(|&c| c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\u{c}'))
    {
        return Err(TextError::NotText(format!(
            "control character U+{:04X} in the text",
            c as u32
        )));
    }
    Ok(DecodedText {
        text,
        encoding: name,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "2026 年部门整体绩效目标批复\t≥95%";

    #[test]
    fn form_feeds_are_text() {
        let d = decode_text("第一页\n\u{c}第二页".as_bytes()).unwrap();
        assert_eq!(d.text, "第一页\n\u{c}第二页");
        assert!(decode_text("a\u{1}b".as_bytes()).is_err());
    }

    #[test]
    fn plain_utf8() {
        let d = decode_text(SAMPLE.as_bytes()).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(SAMPLE.as_bytes());
        let d = decode_text(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text, SAMPLE);
    }

    #[test]
    fn utf16le_and_be_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in SAMPLE.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode_text(&le).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", SAMPLE));
        let d = decode_text(&be).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16BE", SAMPLE));
    }

    #[test]
    fn gb18030_without_bom() {
        let (bytes, _, bad) = GB18030.encode(SAMPLE);
        assert!(!bad);
        assert!(std::str::from_utf8(&bytes).is_err());
        let d = decode_text(&bytes).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("GB18030", SAMPLE));
    }

    #[test]
    fn gbk_ascii_stays_ascii() {
        // GBK single-byte codes are ASCII: "100%" must not become full-width.
        let (bytes, _, _) = GB18030.encode("达到100%");
        let d = decode_text(&bytes).unwrap();
        assert_eq!(d.text, "达到100%");
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode_text(b""), Err(TextError::Empty));
        assert!(matches!(
            decode_text(b"\x00\x01\x02PK\x03\x04"),
            Err(TextError::NotText(_))
        ));
        // Valid UTF-8 but a NUL inside.
        assert!(matches!(
            decode_text(b"abc\0def"),
            Err(TextError::NotText(_))
        ));
        // Not UTF-8 and not valid GB18030 either (lone lead byte at end).
        assert!(matches!(
            decode_text(b"abc\x81"),
            Err(TextError::NotText(_))
        ));
    }
}
