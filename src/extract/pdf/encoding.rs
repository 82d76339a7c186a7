//! Simple-font encodings (WinAnsi, Standard, MacRoman) and glyph names.
//! Chinese documents use simple fonts for digits and Latin text only, so
//! the tables cover ASCII exactly and the upper halves as far as they
//! matter for that.

/// Base encodings of simple fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BaseEncoding {
    WinAnsi,
    Standard,
    MacRoman,
}

impl BaseEncoding {
    pub fn from_name(name: &[u8]) -> Option<Self> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            _ => None,
        }
    }

    pub fn decode(self, code: u8) -> Option<char> {
        match (self, code) {
            (_, 0x20..=0x7E) => match (self, code) {
                (BaseEncoding::Standard, 0x27) => Some('\u{2019}'),
                (BaseEncoding::Standard, 0x60) => Some('\u{2018}'),
                _ => Some(code as char),
            },
            (BaseEncoding::WinAnsi, 0x80..=0x9F) => {
                WIN_ANSI_HIGH.get((code - 0x80) as usize).copied().flatten()
            }
            (BaseEncoding::WinAnsi, 0xA0..=0xFF) => char::from_u32(code as u32),
            (BaseEncoding::Standard, _) => match code {
                0xA1 => Some('¡'),
                0xA2 => Some('¢'),
                0xA3 => Some('£'),
                0xA9 => Some('\''),
                0xAA => Some('“'),
                0xB1 => Some('–'),
                0xB7 => Some('•'),
                0xBA => Some('”'),
                0xD0 => Some('—'),
                _ => None,
            },
            (BaseEncoding::MacRoman, 0xA0..=0xFF) => match code {
                0xA5 => Some('•'),
                0xD0 => Some('–'),
                0xD1 => Some('—'),
                0xD2 => Some('“'),
                0xD3 => Some('”'),
                0xD4 => Some('‘'),
                0xD5 => Some('’'),
                _ => None,
            },
            _ => None,
        }
    }
}

const WIN_ANSI_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

const ASCII_NAMES: [&str; 95] = [
    "space",
    "exclam",
    "quotedbl",
    "numbersign",
    "dollar",
    "percent",
    "ampersand",
    "quotesingle",
    "parenleft",
    "parenright",
    "asterisk",
    "plus",
    "comma",
    "hyphen",
    "period",
    "slash",
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "colon",
    "semicolon",
    "less",
    "equal",
    "greater",
    "question",
    "at",
    "A",
    "B",
    "C",
    "D",
    "E",
    "F",
    "G",
    "H",
    "I",
    "J",
    "K",
    "L",
    "M",
    "N",
    "O",
    "P",
    "Q",
    "R",
    "S",
    "T",
    "U",
    "V",
    "W",
    "X",
    "Y",
    "Z",
    "bracketleft",
    "backslash",
    "bracketright",
    "asciicircum",
    "underscore",
    "grave",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "w",
    "x",
    "y",
    "z",
    "braceleft",
    "bar",
    "braceright",
    "asciitilde",
];

/// Unicode text of a glyph name: the ASCII names, a few punctuation names,
/// `uniXXXX` and `uXXXX[XX]`.
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    if let Some(i) = ASCII_NAMES.iter().position(|n| *n == name) {
        return char::from_u32(0x20 + i as u32).map(String::from);
    }
    let special = match name {
        "quoteright" => Some('’'),
        "quoteleft" => Some('‘'),
        "quotedblleft" => Some('“'),
        "quotedblright" => Some('”'),
        "endash" => Some('–'),
        "emdash" => Some('—'),
        "bullet" => Some('•'),
        "ellipsis" => Some('…'),
        "minus" => Some('−'),
        "periodcentered" => Some('·'),
        "nbspace" | "nonbreakingspace" => Some('\u{a0}'),
        "percent" => Some('%'),
        "degree" => Some('°'),
        "multiply" => Some('×'),
        _ => None,
    };
    if let Some(c) = special {
        return Some(c.to_string());
    }
    let hex = |s: &str| -> Option<String> {
        let mut out = String::new();
        for chunk in s.as_bytes().chunks(4) {
            let v = u32::from_str_radix(std::str::from_utf8(chunk).ok()?, 16).ok()?;
            out.push(char::from_u32(v)?);
        }
        (!out.is_empty()).then_some(out)
    };
    if let Some(h) = name.strip_prefix("uni") {
        if h.len() % 4 == 0 {
            return hex(h);
        }
    }
    if let Some(h) = name.strip_prefix('u') {
        if (4..=6).contains(&h.len()) {
            let v = u32::from_str_radix(h, 16).ok()?;
            return char::from_u32(v).map(String::from);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_tables() {
        assert_eq!(glyph_name_to_unicode("zero").as_deref(), Some("0"));
        assert_eq!(glyph_name_to_unicode("percent").as_deref(), Some("%"));
        assert_eq!(glyph_name_to_unicode("uni4E2D").as_deref(), Some("中"));
        assert_eq!(glyph_name_to_unicode("u1F600").as_deref(), Some("😀"));
        assert_eq!(glyph_name_to_unicode("g123"), None);
        assert_eq!(BaseEncoding::WinAnsi.decode(b'A'), Some('A'));
        assert_eq!(BaseEncoding::WinAnsi.decode(0x93), Some('“'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('’'));
        assert_eq!(BaseEncoding::Standard.decode(0x01), None);
    }
}
