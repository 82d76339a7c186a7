//! CMaps: the embedded ones (ToUnicode, and encoding CMaps given as a
//! stream) parsed from their PostScript-like text, and the predefined CJK
//! ones (`UniGB-UCS2-H`, `GBK-EUC-H`, …) implemented by their code spaces
//! and encoding_rs.

use std::collections::HashMap;

use encoding_rs::{Encoding, BIG5, EUC_KR, GB18030, GBK, SHIFT_JIS};

/// A code space range: codes of `len` bytes between `lo` and `hi`
/// (byte-wise, as the PDF specification defines them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSpace {
    pub len: usize,
    pub lo: Vec<u8>,
    pub hi: Vec<u8>,
}

impl CodeSpace {
    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() >= self.len
            && (0..self.len).all(|i| {
                let b = bytes.get(i).copied().unwrap_or(0);
                let lo = self.lo.get(i).copied().unwrap_or(0);
                let hi = self.hi.get(i).copied().unwrap_or(0xFF);
                lo <= b && b <= hi
            })
    }
}

/// A parsed embedded CMap.
#[derive(Debug, Clone, Default)]
pub struct CMap {
    pub codespace: Vec<CodeSpace>,
    pub unicode: HashMap<u32, String>,
    /// `(lo, hi, first_cid)` ranges and single codes mapped to CIDs.
    pub cid_ranges: Vec<(u32, u32, u32)>,
}

impl CMap {
    /// The length of the code at the start of `bytes`: by the code space
    /// ranges, else 1 byte (or 2 when the map only knows 2-byte codes).
    pub fn code_len(&self, bytes: &[u8]) -> usize {
        if let Some(cs) = self.codespace.iter().find(|cs| cs.matches(bytes)) {
            return cs.len;
        }
        let shortest = self.codespace.iter().map(|c| c.len).min().unwrap_or(1);
        shortest.clamp(1, bytes.len().max(1))
    }

    pub fn cid(&self, code: u32) -> Option<u32> {
        self.cid_ranges
            .iter()
            .rev()
            .find(|(lo, hi, _)| *lo <= code && code <= *hi)
            .and_then(|(lo, _, first)| first.checked_add(code - lo))
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Int(i64),
    Word(String),
    Name(String),
    ArrayStart,
    ArrayEnd,
}

fn tokenize(data: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&c) = data.get(i) {
        match c {
            b'%' => {
                while data.get(i).is_some_and(|&c| c != b'\n' && c != b'\r') {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut digits = Vec::new();
                i += 1;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    if c == b'>' {
                        break;
                    }
                    if c.is_ascii_hexdigit() {
                        digits.push(c);
                    }
                }
                if digits.len() % 2 == 1 {
                    digits.push(b'0');
                }
                let bytes = digits
                    .chunks(2)
                    .filter_map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
                    .collect();
                out.push(Token::Hex(bytes));
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'(' => {
                // Literal strings appear in CMap headers only; skip them.
                let mut depth = 0;
                while let Some(&c) = data.get(i) {
                    i += 1;
                    match c {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                i += 1;
                while data
                    .get(i)
                    .is_some_and(|&c| !c.is_ascii_whitespace() && !b"<>[]()/%".contains(&c))
                {
                    i += 1;
                }
                let word =
                    String::from_utf8_lossy(data.get(start..i).unwrap_or_default()).into_owned();
                if let Some(name) = word.strip_prefix('/') {
                    out.push(Token::Name(name.to_string()));
                } else if let Ok(n) = word.parse::<i64>() {
                    out.push(Token::Int(n));
                } else {
                    out.push(Token::Word(word));
                }
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | b as u32)
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| match p {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => *a as u16,
            _ => 0,
        })
        .collect()
}

/// UTF-16BE bytes to a string; lone surrogates are dropped.
pub fn utf16be(bytes: &[u8]) -> String {
    increment_utf16(bytes, 0)
}

/// A UTF-16BE destination plus `by` in its last unit (a bfrange given by
/// its first destination).
fn increment_utf16(dst: &[u8], by: u32) -> String {
    let mut units = utf16_units(dst);
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(by as u16);
    }
    char::decode_utf16(units).filter_map(Result::ok).collect()
}

/// Ranges larger than this are hostile or broken; they are cut.
const MAX_RANGE: u32 = 0x1_0000;
/// Mappings kept from one CMap: a full CJK font needs about 30,000.
const MAX_MAPPINGS: usize = 200_000;

/// Parses an embedded CMap (ToUnicode or encoding). Never fails: what
/// cannot be read is skipped.
pub fn parse_cmap(data: &[u8]) -> CMap {
    let tokens = tokenize(data);
    let mut map = CMap::default();
    let mut i = 0;
    let mut operands: Vec<&Token> = Vec::new();
    while let Some(t) = tokens.get(i) {
        i += 1;
        let Token::Word(w) = t else {
            operands.push(t);
            continue;
        };
        match w.as_str() {
            "begincodespacerange"
            | "beginbfchar"
            | "beginbfrange"
            | "begincidchar"
            | "begincidrange" => {
                let end = format!("end{}", &w[5..]);
                let mut body: Vec<&Token> = Vec::new();
                while let Some(t) = tokens.get(i) {
                    i += 1;
                    if matches!(t, Token::Word(x) if *x == end) {
                        break;
                    }
                    body.push(t);
                }
                read_section(&w[5..], &body, &mut map);
            }
            _ => {}
        }
        operands.clear();
    }
    map
}

fn read_section(kind: &str, body: &[&Token], map: &mut CMap) {
    match kind {
        "codespacerange" => {
            for pair in body.chunks(2) {
                if let [Token::Hex(lo), Token::Hex(hi)] = pair {
                    map.codespace.push(CodeSpace {
                        len: lo.len().clamp(1, 4),
                        lo: lo.clone(),
                        hi: hi.clone(),
                    });
                }
            }
        }
        "bfchar" => {
            for pair in body.chunks(2) {
                match pair {
                    [Token::Hex(src), Token::Hex(dst)] if map.unicode.len() < MAX_MAPPINGS => {
                        map.unicode.insert(code_of(src), utf16be(dst));
                    }
                    [Token::Hex(src), Token::Name(name)] => {
                        if let Some(s) = super::encoding::glyph_name_to_unicode(name) {
                            map.unicode.insert(code_of(src), s);
                        }
                    }
                    _ => {}
                }
            }
        }
        "bfrange" => {
            let mut k = 0;
            while let (Some(Token::Hex(lo)), Some(Token::Hex(hi))) = (body.get(k), body.get(k + 1))
            {
                let (lo, hi) = (code_of(lo), code_of(hi));
                let hi = hi.min(lo.saturating_add(MAX_RANGE));
                match body.get(k + 2) {
                    Some(Token::Hex(dst)) => {
                        for c in lo..=hi {
                            if map.unicode.len() >= MAX_MAPPINGS {
                                break;
                            }
                            map.unicode.insert(c, increment_utf16(dst, c - lo));
                        }
                        k += 3;
                    }
                    Some(Token::ArrayStart) => {
                        let mut j = k + 3;
                        let mut c = lo;
                        while let Some(t) = body.get(j) {
                            j += 1;
                            match t {
                                Token::Hex(dst) => {
                                    if c <= hi && map.unicode.len() < MAX_MAPPINGS {
                                        map.unicode.insert(c, utf16be(dst));
                                    }
                                    c = c.saturating_add(1);
                                }
                                Token::ArrayEnd => break,
                                _ => {}
                            }
                        }
                        k = j;
                    }
                    _ => k += 3,
                }
            }
        }
        "cidchar" => {
            for pair in body.chunks(2) {
                if let [Token::Hex(src), Token::Int(cid)] = pair {
                    let c = code_of(src);
                    map.cid_ranges.push((c, c, (*cid).max(0) as u32));
                }
            }
        }
        "cidrange" => {
            for triple in body.chunks(3) {
                if let [Token::Hex(lo), Token::Hex(hi), Token::Int(cid)] = triple {
                    map.cid_ranges
                        .push((code_of(lo), code_of(hi), (*cid).max(0) as u32));
                }
            }
        }
        _ => {}
    }
}

/// A predefined CMap named in a font's `/Encoding`: how its codes split
/// and what text they stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predefined {
    /// `Identity-H/V`: two-byte codes that are CIDs; text needs a ToUnicode.
    Identity,
    /// `Uni*-UCS2-*`: two-byte UCS-2.
    Ucs2,
    /// `Uni*-UTF16-*`: UTF-16BE, two or four bytes.
    Utf16,
    /// A multi-byte legacy encoding (GBK, GB2312-EUC, GB18030, Big5, …).
    Legacy(&'static Encoding, LegacyKind),
}

/// How a legacy CMap splits codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyKind {
    /// One byte up to 0x80, else two (GBK, GB-EUC, Big5, EUC-KR).
    DoubleByte,
    /// GB18030: four bytes when the second byte is a digit.
    Gb18030,
    /// Shift_JIS: one byte for ASCII and half-width katakana.
    ShiftJis,
}

pub fn predefined(name: &str) -> Option<Predefined> {
    let base = name
        .strip_suffix("-H")
        .or_else(|| name.strip_suffix("-V"))
        .unwrap_or(name);
    let p = match base {
        "Identity" => Predefined::Identity,
        _ if base.starts_with("Uni") && base.contains("UCS2") => Predefined::Ucs2,
        _ if base.starts_with("Uni") && base.contains("UTF16") => Predefined::Utf16,
        "GBK-EUC" | "GBKp-EUC" | "GBpc-EUC" => Predefined::Legacy(GBK, LegacyKind::DoubleByte),
        "GB-EUC" | "GB" => Predefined::Legacy(GBK, LegacyKind::DoubleByte),
        "GBK2K" => Predefined::Legacy(GB18030, LegacyKind::Gb18030),
        "B5pc" | "ETen-B5" | "HKscs-B5" | "ETenms-B5" => {
            Predefined::Legacy(BIG5, LegacyKind::DoubleByte)
        }
        "KSC-EUC" | "KSCms-UHC" | "KSCpc-EUC" => Predefined::Legacy(EUC_KR, LegacyKind::DoubleByte),
        "90ms-RKSJ" | "90msp-RKSJ" | "83pv-RKSJ" | "90pv-RKSJ" => {
            Predefined::Legacy(SHIFT_JIS, LegacyKind::ShiftJis)
        }
        _ => return None,
    };
    Some(p)
}

impl Predefined {
    /// Length of the code at the start of `bytes`.
    pub fn code_len(self, bytes: &[u8]) -> usize {
        let first = bytes.first().copied().unwrap_or(0);
        let n = match self {
            Predefined::Identity | Predefined::Ucs2 => 2,
            Predefined::Utf16 => {
                if (0xD8..=0xDB).contains(&first) {
                    4
                } else {
                    2
                }
            }
            Predefined::Legacy(_, LegacyKind::DoubleByte) => {
                if first <= 0x80 {
                    1
                } else {
                    2
                }
            }
            Predefined::Legacy(_, LegacyKind::Gb18030) => {
                let second = bytes.get(1).copied().unwrap_or(0);
                if first <= 0x80 {
                    1
                } else if second.is_ascii_digit() {
                    4
                } else {
                    2
                }
            }
            Predefined::Legacy(_, LegacyKind::ShiftJis) => {
                if first <= 0x80 || (0xA0..=0xDF).contains(&first) {
                    1
                } else {
                    2
                }
            }
        };
        n.min(bytes.len()).max(1)
    }

    /// The text of one code, when the CMap itself says it.
    pub fn text(self, code: &[u8]) -> Option<String> {
        match self {
            Predefined::Identity => None,
            Predefined::Ucs2 | Predefined::Utf16 => Some(utf16be(code)),
            Predefined::Legacy(enc, _) => {
                let (s, bad) = enc.decode_without_bom_handling(code);
                (!bad).then(|| s.into_owned())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_cmap() {
        let data = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <4E2D> endbfchar
2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<0031> <00660069>] endbfrange
endcmap";
        let m = parse_cmap(data);
        assert_eq!(m.unicode.get(&3).map(String::as_str), Some(" "));
        assert_eq!(m.unicode.get(&0x11).map(String::as_str), Some("中"));
        assert_eq!(m.unicode.get(&0x22).map(String::as_str), Some("C"));
        assert_eq!(m.unicode.get(&0x31).map(String::as_str), Some("fi"));
        assert_eq!(m.code_len(&[0, 3]), 2);
    }

    #[test]
    fn odd_length_and_garbage_do_not_panic() {
        let m = parse_cmap(
            b"1 beginbfchar <003> <4E2> endbfchar 1 beginbfrange <00> endbfrange ]]] <<>> (x",
        );
        assert_eq!(m.unicode.len(), 1);
        let _ = parse_cmap(b"");
        let _ = parse_cmap(&[0xFF, b'<', b'[', b'/', b'(']);
        // A hostile range is cut, not allocated.
        let m = parse_cmap(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(m.unicode.len() <= MAX_RANGE as usize + 1);
        // And so are many ranges.
        let many: String = (0..20u32)
            .map(|k| format!("<{:08X}> <{:08X}> <0041>\n", k << 16, (k << 16) | 0xFFFF))
            .collect();
        let m = parse_cmap(format!("20 beginbfrange {many} endbfrange").as_bytes());
        assert_eq!(m.unicode.len(), MAX_MAPPINGS);
    }

    #[test]
    fn encoding_cmap_cids() {
        let m = parse_cmap(
            b"1 begincodespacerange <00> <80> endcodespacerange 1 begincodespacerange <8140> <FEFE> endcodespacerange
1 begincidrange <20> <7e> 1 endcidrange 1 begincidchar <b0a1> 814 endcidchar",
        );
        assert_eq!(m.code_len(&[0x41, 0xB0]), 1);
        assert_eq!(m.code_len(&[0xB0, 0xA1]), 2);
        assert_eq!(m.cid(0x41), Some(34));
        assert_eq!(m.cid(0xB0A1), Some(814));
    }

    #[test]
    fn predefined_cmaps() {
        let gbk = predefined("GBK-EUC-H").unwrap();
        let bytes = [0x31, 0xD6, 0xD0];
        assert_eq!(gbk.code_len(&bytes), 1);
        assert_eq!(gbk.code_len(&bytes[1..]), 2);
        assert_eq!(gbk.text(&bytes[1..]).as_deref(), Some("中"));
        assert_eq!(gbk.text(&bytes[..1]).as_deref(), Some("1"));
        let ucs2 = predefined("UniGB-UCS2-H").unwrap();
        assert_eq!(ucs2.text(&[0x4E, 0x2D]).as_deref(), Some("中"));
        let utf16 = predefined("UniGB-UTF16-V").unwrap();
        assert_eq!(utf16.code_len(&[0xD8, 0x40, 0xDC, 0x00]), 4);
        assert_eq!(
            predefined("GB-EUC-H"),
            Some(Predefined::Legacy(GBK, LegacyKind::DoubleByte))
        );
        assert_eq!(predefined("Identity-H"), Some(Predefined::Identity));
        assert_eq!(predefined("Nonsense-H"), None);
    }
}
