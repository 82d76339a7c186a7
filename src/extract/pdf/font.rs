//! Fonts: how a shown string splits into codes, what text each code stands
//! for, and how far it advances.
//!
//! Covers simple fonts (Type1, TrueType, Type3; base encodings and
//! `/Differences`), Type0 fonts with `Identity-H`, embedded encoding CMaps,
//! and the predefined CJK CMaps that real producers use without embedding
//! the font or a ToUnicode (`UniGB-UCS2-H`, `GBK-EUC-H`, …). Widths come from
//! `/Widths` or the CIDFont `/W` array (both of its forms).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{parse_cmap, predefined, CMap, Predefined};
use super::encoding::{glyph_name_to_unicode, BaseEncoding};
use super::ideographs::fold;
use super::objects::{deref, dict_get, name_of, number, stream_bytes};

/// How codes are split and, without a ToUnicode, turned into text.
#[derive(Debug, Clone)]
enum Codes {
    /// One byte per code; text from this table.
    Simple(Box<[Option<String>; 256]>),
    Predefined(Predefined),
    Embedded(CMap),
}

#[derive(Debug, Clone, Default)]
struct CidWidths {
    single: HashMap<u32, f64>,
    ranges: Vec<(u32, u32, f64)>,
    default: f64,
}

impl CidWidths {
    fn get(&self, cid: u32) -> f64 {
        if let Some(w) = self.single.get(&cid) {
            return *w;
        }
        // Ranges are sorted by their first CID: the candidate is the last
        // range starting at or before `cid`.
        let i = self.ranges.partition_point(|r| r.0 <= cid);
        i.checked_sub(1)
            .and_then(|i| self.ranges.get(i))
            .filter(|r| cid <= r.1)
            .map_or(self.default, |r| r.2)
    }
}

#[derive(Debug, Clone)]
enum Widths {
    Simple {
        first: u32,
        widths: Vec<f64>,
        missing: f64,
    },
    Cid(CidWidths),
}

/// One decoded code.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// `None` when the font gives no way to know the character.
    pub text: Option<String>,
    /// Advance in text space units (glyph width times the font matrix).
    pub width: f64,
    /// A single-byte code 32, to which word spacing applies.
    pub is_word_space: bool,
}

#[derive(Debug, Clone)]
pub struct Font {
    codes: Codes,
    to_unicode: Option<CMap>,
    widths: Widths,
    /// Glyph space to text space (0.001, or a Type3 font matrix).
    scale: f64,
}

/// Maximum entries read from one `/W` or `/Widths` array.
const MAX_WIDTHS: usize = 70_000;

impl Font {
    /// Reads a font dictionary. Never fails: what cannot be read falls back
    /// to defaults, and undecodable codes come out with `text: None`.
    pub fn load(doc: &Document, font: &Dictionary) -> Font {
        let subtype = dict_get(doc, font, b"Subtype").and_then(name_of);
        let to_unicode = dict_get(doc, font, b"ToUnicode")
            .and_then(|o| stream_bytes(doc, o))
            .map(|b| parse_cmap(&b))
            .filter(|m| !m.unicode.is_empty());
        if subtype == Some(b"Type0".as_slice()) {
            Self::load_type0(doc, font, to_unicode)
        } else {
            Self::load_simple(doc, font, to_unicode, subtype == Some(b"Type3".as_slice()))
        }
    }

    fn load_simple(
        doc: &Document,
        font: &Dictionary,
        to_unicode: Option<CMap>,
        type3: bool,
    ) -> Font {
        let mut base = BaseEncoding::Standard;
        let mut differences: Vec<(u8, String)> = Vec::new();
        let symbolic = dict_get(doc, font, b"FontDescriptor")
            .and_then(|d| deref(doc, d).as_dict().ok())
            .and_then(|d| dict_get(doc, d, b"Flags"))
            .and_then(number)
            .is_some_and(|f| (f as i64) & 4 != 0);
        let is_truetype =
            dict_get(doc, font, b"Subtype").and_then(name_of) == Some(b"TrueType".as_slice());
        if is_truetype || !symbolic {
            base = BaseEncoding::WinAnsi;
        }
        match dict_get(doc, font, b"Encoding").map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => {
                if let Some(b) = BaseEncoding::from_name(n) {
                    base = b;
                }
            }
            Some(Object::Dictionary(d)) => {
                if let Some(b) = dict_get(doc, d, b"BaseEncoding")
                    .and_then(name_of)
                    .and_then(BaseEncoding::from_name)
                {
                    base = b;
                }
                if let Some(Object::Array(items)) =
                    dict_get(doc, d, b"Differences").map(|o| deref(doc, o))
                {
                    let mut code: i64 = 0;
                    for item in items.iter().take(512) {
                        match deref(doc, item) {
                            Object::Integer(c) => code = *c,
                            Object::Name(n) => {
                                if let (Ok(c), Some(s)) = (
                                    u8::try_from(code),
                                    glyph_name_to_unicode(&String::from_utf8_lossy(n)),
                                ) {
                                    differences.push((c, s));
                                }
                                code += 1;
                            }
                            _ => {}
                        }
                    }
                }
            }
            _ => {}
        }
        let mut table: Box<[Option<String>; 256]> = Box::new(std::array::from_fn(|i| {
            base.decode(i as u8).map(String::from)
        }));
        for (c, s) in differences {
            if let Some(slot) = table.get_mut(c as usize) {
                *slot = Some(s);
            }
        }
        let first = dict_get(doc, font, b"FirstChar")
            .and_then(number)
            .unwrap_or(0.0)
            .max(0.0) as u32;
        let widths: Vec<f64> = dict_get(doc, font, b"Widths")
            .and_then(|o| deref(doc, o).as_array().ok())
            .map(|a| {
                a.iter()
                    .take(MAX_WIDTHS)
                    .map(|w| number(deref(doc, w)).unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let missing = dict_get(doc, font, b"FontDescriptor")
            .and_then(|d| deref(doc, d).as_dict().ok())
            .and_then(|d| dict_get(doc, d, b"MissingWidth"))
            .and_then(number)
            .unwrap_or(500.0);
        let scale = if type3 {
            dict_get(doc, font, b"FontMatrix")
                .and_then(|o| deref(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|a| number(deref(doc, a)))
                .filter(|s| s.is_finite() && *s != 0.0)
                .unwrap_or(0.001)
        } else {
            0.001
        };
        Font {
            codes: Codes::Simple(table),
            to_unicode,
            widths: Widths::Simple {
                first,
                widths,
                missing,
            },
            scale,
        }
    }

    fn load_type0(doc: &Document, font: &Dictionary, to_unicode: Option<CMap>) -> Font {
        let codes = match dict_get(doc, font, b"Encoding").map(|o| deref(doc, o)) {
            Some(Object::Name(n)) => Codes::Predefined(
                predefined(&String::from_utf8_lossy(n)).unwrap_or(Predefined::Identity),
            ),
            Some(o @ Object::Stream(_)) => match stream_bytes(doc, o) {
                Some(b) => Codes::Embedded(parse_cmap(&b)),
                None => Codes::Predefined(Predefined::Identity),
            },
            _ => Codes::Predefined(Predefined::Identity),
        };
        let descendant = dict_get(doc, font, b"DescendantFonts")
            .and_then(|o| deref(doc, o).as_array().ok())
            .and_then(|a| a.first())
            .and_then(|d| deref(doc, d).as_dict().ok());
        let mut widths = CidWidths {
            default: 1000.0,
            ..CidWidths::default()
        };
        if let Some(d) = descendant {
            if let Some(dw) = dict_get(doc, d, b"DW").and_then(number) {
                widths.default = dw;
            }
            if let Some(Object::Array(w)) = dict_get(doc, d, b"W").map(|o| deref(doc, o)) {
                read_w_array(doc, w, &mut widths);
                widths.ranges.sort_by_key(|r| r.0);
            }
        }
        Font {
            codes,
            to_unicode,
            widths: Widths::Cid(widths),
            scale: 0.001,
        }
    }

    /// Splits `bytes` into codes and decodes each.
    pub fn decode(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut rest = bytes;
        while !rest.is_empty() {
            let len = match &self.codes {
                Codes::Simple(_) => 1,
                Codes::Predefined(p) => p.code_len(rest),
                Codes::Embedded(m) => m.code_len(rest),
            }
            .clamp(1, rest.len());
            let (code_bytes, tail) = rest.split_at(len);
            rest = tail;
            let code = code_bytes.iter().fold(0u32, |a, &b| (a << 8) | b as u32);
            out.push(self.decode_one(code, code_bytes));
        }
    }

    fn decode_one(&self, code: u32, code_bytes: &[u8]) -> Code {
        let from_cmap = self
            .to_unicode
            .as_ref()
            .and_then(|m| m.unicode.get(&code).cloned());
        let own = || match &self.codes {
            Codes::Simple(t) => t.get(code as usize).cloned().flatten(),
            Codes::Predefined(p) => p.text(code_bytes),
            Codes::Embedded(_) => None,
        };
        // Every way a code becomes text ends here, so radicals are folded
        // once for all of them.
        let text = from_cmap.or_else(own).map(fold);
        let glyph_width = match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize))
                .copied()
                .filter(|w| *w > 0.0)
                .unwrap_or(*missing),
            Widths::Cid(w) => {
                let cid = match &self.codes {
                    Codes::Predefined(Predefined::Identity) => Some(code),
                    Codes::Embedded(m) => m.cid(code).or(Some(code)),
                    // Predefined CMaps map codes to CIDs through Adobe's
                    // tables, which we do not ship; every Adobe CJK ordering
                    // puts proportional ASCII at CIDs 1–95, and the rest is
                    // full width (the /DW default).
                    Codes::Predefined(_) | Codes::Simple(_) => text
                        .as_deref()
                        .and_then(single_ascii)
                        .map(|c| c as u32 - 0x1F),
                };
                match cid {
                    Some(cid) => w.get(cid),
                    None if text.as_deref().and_then(single_ascii).is_some() => 500.0,
                    None => w.default,
                }
            }
        };
        Code {
            text,
            width: glyph_width * self.scale,
            is_word_space: code_bytes.len() == 1 && code == 32,
        }
    }
}

fn single_ascii(s: &str) -> Option<char> {
    let mut it = s.chars();
    let c = it.next()?;
    (it.next().is_none() && (' '..='~').contains(&c)).then_some(c)
}

/// The `/W` array: `c [w1 w2 …]` gives widths from CID `c` on, and
/// `c_first c_last w` one width for a range.
fn read_w_array(doc: &Document, w: &[Object], out: &mut CidWidths) {
    let mut i = 0;
    let mut entries = 0usize;
    while i < w.len() && entries < MAX_WIDTHS {
        let Some(first) = w.get(i).and_then(|o| number(deref(doc, o))) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate().take(MAX_WIDTHS) {
                    if let Some(v) = number(deref(doc, v)) {
                        out.single.insert(first.saturating_add(k as u32), v);
                        entries += 1;
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = number(o).unwrap_or(first as f64).max(0.0) as u32;
                let width = w
                    .get(i + 2)
                    .and_then(|x| number(deref(doc, x)))
                    .unwrap_or(out.default);
                out.ranges.push((first, last, width));
                entries += 1;
                i += 3;
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    fn decode(font: &Font, bytes: &[u8]) -> Vec<(Option<String>, f64)> {
        let mut out = Vec::new();
        font.decode(bytes, &mut out);
        out.into_iter().map(|c| (c.text, c.width)).collect()
    }

    #[test]
    fn predefined_ucs2_without_tounicode() {
        let mut doc = Document::with_version("1.5");
        let desc = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
            "DW" => 1000,
            "W" => vec![Object::Integer(17), Object::Array(vec![Object::Integer(462)])],
        });
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light",
            "Encoding" => "UniGB-UCS2-H",
            "DescendantFonts" => vec![Object::Reference(desc)],
        };
        let f = Font::load(&doc, &font);
        // '0' is CID 17 in Adobe-GB1: width from /W; '中' full width.
        assert_eq!(
            decode(&f, &[0x00, 0x30, 0x4E, 0x2D]),
            vec![(Some("0".into()), 0.462), (Some("中".into()), 1.0)]
        );
    }

    #[test]
    fn gbk_euc_mixes_one_and_two_byte_codes() {
        let doc = Document::with_version("1.5");
        let font = dictionary! {
            "Subtype" => "Type0", "Encoding" => "GBK-EUC-H", "DescendantFonts" => vec![],
        };
        let f = Font::load(&doc, &font);
        let texts: Vec<Option<String>> = decode(&f, &[0x39, 0x35, 0x25, 0xD6, 0xD0])
            .into_iter()
            .map(|c| c.0)
            .collect();
        assert_eq!(
            texts,
            vec![
                Some("9".into()),
                Some("5".into()),
                Some("%".into()),
                Some("中".into())
            ]
        );
    }

    #[test]
    fn identity_h_with_tounicode_and_w_ranges() {
        let mut doc = Document::with_version("1.5");
        let cmap = doc.add_object(Stream::new(
            dictionary! {},
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0005> <4E2D> endbfchar".to_vec(),
        ));
        let desc = doc.add_object(dictionary! {
            "Subtype" => "CIDFontType2",
            "W" => vec![Object::Integer(3), Object::Integer(9), Object::Integer(250)],
        });
        let font = dictionary! {
            "Subtype" => "Type0", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(desc)], "ToUnicode" => Object::Reference(cmap),
        };
        let f = Font::load(&doc, &font);
        assert_eq!(decode(&f, &[0, 5]), vec![(Some("中".into()), 0.25)]);
        // Unknown code: no text, default width.
        assert_eq!(decode(&f, &[0, 0x20]), vec![(None, 1.0)]);
        // Odd trailing byte: still one code, no panic.
        assert_eq!(decode(&f, &[0]).len(), 1);
    }

    #[test]
    fn simple_font_with_differences_and_short_widths() {
        let doc = Document::with_version("1.5");
        let font = dictionary! {
            "Subtype" => "Type1", "BaseFont" => "Helvetica", "FirstChar" => 48,
            "Widths" => vec![Object::Integer(556)],
            "Encoding" => dictionary! {
                "BaseEncoding" => "StandardEncoding",
                "Differences" => vec![Object::Integer(65), Object::Name(b"uni4E2D".to_vec())],
            },
        };
        let f = Font::load(&doc, &font);
        // '0' has a width; '1' is beyond /Widths (mismatched length): default.
        assert_eq!(
            decode(&f, b"01A"),
            vec![
                (Some("0".into()), 0.556),
                (Some("1".into()), 0.5),
                (Some("中".into()), 0.5)
            ]
        );
    }
}
