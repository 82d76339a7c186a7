//! A content-stream lexer: operators with their operands, without building
//! a tree of objects. lopdf's parser allocates an object per operand and
//! took half of the extraction time; this one borrows from the stream and
//! reuses one operand buffer.

use std::borrow::Cow;

/// One operand. Strings borrow the stream unless they hold escapes.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Number(f64),
    Name(&'a [u8]),
    Str(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// A dictionary (a marked-content property list, `<</ActualText …>>`):
    /// its keys and values in order.
    Dict(Vec<(&'a [u8], Operand<'a>)>),
    /// Booleans, null: read past, not used.
    Other,
}

impl Operand<'_> {
    pub fn number(&self) -> Option<f64> {
        match self {
            Operand::Number(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

/// Bounds that keep a hostile stream from using unbounded memory.
const MAX_OPERANDS: usize = 4096;
const MAX_NESTING: usize = 64;

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

enum Token<'a> {
    Operand(Operand<'a>),
    Operator(&'a [u8]),
    ArrayEnd,
    DictEnd,
    Eof,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(|b| !is_white(b) && !is_delim(b)) {
            self.pos += 1;
        }
        self.data.get(start..self.pos).unwrap_or_default()
    }

    fn literal_string(&mut self) -> Operand<'a> {
        // At '('.
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1usize;
        let mut escaped = false;
        // Fast path: no backslash, balanced parentheses.
        while let Some(b) = self.peek() {
            match b {
                b'\\' => {
                    escaped = true;
                    self.pos += 2;
                    continue;
                }
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        let end = self.pos.min(self.data.len());
        let raw = self.data.get(start..end).unwrap_or_default();
        self.pos = end + 1;
        if !escaped {
            return Operand::Str(Cow::Borrowed(raw));
        }
        Operand::Str(Cow::Owned(unescape(raw)))
    }

    fn hex_string(&mut self) -> Operand<'a> {
        // At '<' (not '<<').
        self.pos += 1;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            let v = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => continue,
            };
            match hi.take() {
                Some(h) => out.push(h << 4 | v),
                None => hi = Some(v),
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        Operand::Str(Cow::Owned(out))
    }

    fn number(word: &[u8]) -> Option<f64> {
        if let Some(v) = simple_number(word) {
            return Some(v);
        }
        let s = std::str::from_utf8(word).ok()?;
        if let Ok(v) = s.parse::<f64>() {
            return Some(v);
        }
        // Producers write `--5` or `5.-`; read what makes sense.
        let t = s.trim_start_matches('-');
        let neg = (s.len() - t.len()) % 2 == 1;
        t.trim_end_matches('-')
            .parse::<f64>()
            .ok()
            .map(|v| if neg { -v } else { v })
    }

    fn next(&mut self, depth: usize) -> Token<'a> {
        self.skip_white();
        let Some(b) = self.peek() else {
            return Token::Eof;
        };
        match b {
            b'(' => Token::Operand(self.literal_string()),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                Token::Operand(self.dict(depth))
            }
            b'<' => Token::Operand(self.hex_string()),
            b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Token::DictEnd
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    if depth >= MAX_NESTING {
                        self.pos = self.data.len();
                        break;
                    }
                    match self.next(depth + 1) {
                        Token::Operand(o) => {
                            if items.len() < MAX_OPERANDS {
                                items.push(o);
                            }
                        }
                        Token::ArrayEnd | Token::Eof => break,
                        // Operators cannot stand inside arrays; skip them.
                        Token::Operator(_) | Token::DictEnd => {}
                    }
                }
                Token::Operand(Operand::Array(items))
            }
            b']' => {
                self.pos += 1;
                Token::ArrayEnd
            }
            b'/' => {
                self.pos += 1;
                Token::Operand(Operand::Name(self.word()))
            }
            b')' | b'>' | b'{' | b'}' => {
                self.pos += 1;
                Token::Operand(Operand::Other)
            }
            _ => {
                let w = self.word();
                if w.is_empty() {
                    self.pos += 1;
                    return Token::Operand(Operand::Other);
                }
                let first = w.first().copied().unwrap_or(0);
                if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
                    match Self::number(w) {
                        Some(v) => Token::Operand(Operand::Number(v)),
                        None => Token::Operand(Operand::Other),
                    }
                } else if matches!(w, b"true" | b"false" | b"null") {
                    Token::Operand(Operand::Other)
                } else {
                    Token::Operator(w)
                }
            }
        }
    }

    /// After `<<`: the entries up to `>>`, each a name and the operand
    /// after it (an entry without a name key is read past).
    fn dict(&mut self, depth: usize) -> Operand<'a> {
        let mut entries = Vec::new();
        let mut key: Option<&'a [u8]> = None;
        loop {
            if depth >= MAX_NESTING {
                self.pos = self.data.len();
                break;
            }
            match self.next(depth + 1) {
                Token::DictEnd | Token::Eof => break,
                Token::Operand(o) => match key.take() {
                    Some(k) if entries.len() < MAX_OPERANDS => entries.push((k, o)),
                    Some(_) => {}
                    None => {
                        if let Operand::Name(k) = o {
                            key = Some(k);
                        }
                    }
                },
                Token::Operator(_) | Token::ArrayEnd => {}
            }
        }
        Operand::Dict(entries)
    }

    /// After `ID`: skips inline image data up to `EI` between white space.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        while self.pos + 2 <= self.data.len() {
            let at_ei = self.data.get(self.pos..self.pos + 2) == Some(b"EI");
            let before = self
                .pos
                .checked_sub(1)
                .and_then(|i| self.data.get(i))
                .is_some_and(|&b| is_white(b));
            let after = self.data.get(self.pos + 2).is_none_or(|&b| is_white(b));
            if at_ei && before && after {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }
}

/// `-12.5`, `.5`, `3`: the forms content streams use, without going
/// through UTF-8 validation and the general float parser.
fn simple_number(w: &[u8]) -> Option<f64> {
    let (neg, digits) = match w.first()? {
        b'-' => (true, w.get(1..)?),
        b'+' => (false, w.get(1..)?),
        _ => (false, w),
    };
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    let mut int: u64 = 0;
    let mut frac_digits = 0i32;
    let mut seen_dot = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                int = int * 10 + (b - b'0') as u64;
                if seen_dot {
                    frac_digits += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => return None,
        }
    }
    if digits == b"." {
        return None;
    }
    let v = int as f64 / 10f64.powi(frac_digits);
    Some(if neg { -v } else { v })
}

fn unescape(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&b) = raw.get(i) {
        i += 1;
        if b != b'\\' {
            out.push(b);
            continue;
        }
        let Some(&e) = raw.get(i) else { break };
        i += 1;
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'\r' => {
                if raw.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {}
            b'0'..=b'7' => {
                let mut v: u32 = (e - b'0') as u32;
                for _ in 0..2 {
                    match raw.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            other => out.push(other),
        }
    }
    out
}

/// Calls `f(operator, operands)` for every operation of a content stream,
/// in order; stops early when `f` returns an error.
pub fn for_each_operation<'a, E>(
    data: &'a [u8],
    mut f: impl FnMut(&'a [u8], &[Operand<'a>]) -> Result<(), E>,
) -> Result<(), E> {
    let mut lx = Lexer { data, pos: 0 };
    let mut operands: Vec<Operand<'a>> = Vec::with_capacity(8);
    loop {
        match lx.next(0) {
            Token::Eof => return Ok(()),
            Token::Operand(o) => {
                if operands.len() < MAX_OPERANDS {
                    operands.push(o);
                }
            }
            Token::Operator(op) => {
                if op == b"ID" {
                    lx.skip_inline_image();
                } else {
                    f(op, &operands)?;
                }
                operands.clear();
            }
            Token::ArrayEnd | Token::DictEnd => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(data: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut out = Vec::new();
        let _ = for_each_operation(data, |op, args| -> Result<(), ()> {
            out.push((String::from_utf8_lossy(op).into_owned(), args.to_vec()));
            Ok(())
        });
        out
    }

    #[test]
    fn text_operators() {
        let got =
            ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\)\\101) Tj [<4E2D> -250 (x)] TJ ET");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, vec!["BT", "Tf", "Tm", "Tj", "TJ", "ET"]);
        assert_eq!(got[1].1, vec![Operand::Name(b"F1"), Operand::Number(12.0)]);
        assert_eq!(got[2].1.get(5), Some(&Operand::Number(-0.5)));
        assert_eq!(got[3].1, vec![Operand::Str(Cow::Owned(b"a(b)A".to_vec()))]);
        assert_eq!(
            got[4].1,
            vec![Operand::Array(vec![
                Operand::Str(Cow::Owned(vec![0x4E, 0x2D])),
                Operand::Number(-250.0),
                Operand::Str(Cow::Borrowed(b"x")),
            ])]
        );
    }

    #[test]
    fn quote_operators_dicts_and_inline_images() {
        let got = ops(b"/P <</MCID 0 /A [1 2]>> BDC (l1) ' 1 2 (l2) \" BI /W 2 /H 1 ID \x00EI\xff EI Q % comment\nq");
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, vec!["BDC", "'", "\"", "BI", "Q", "q"]);
        assert_eq!(got[2].1.len(), 3);
        assert_eq!(
            got[0].1,
            vec![
                Operand::Name(b"P"),
                Operand::Dict(vec![
                    (&b"MCID"[..], Operand::Number(0.0)),
                    (
                        &b"A"[..],
                        Operand::Array(vec![Operand::Number(1.0), Operand::Number(2.0)])
                    ),
                ])
            ]
        );
    }

    #[test]
    fn garbage_does_not_panic() {
        for data in [
            &b"(((("[..],
            b"<<<<<<",
            b"[[[[[[[[",
            b"\\",
            b")",
            b"<4",
            b"(\\",
            b"ID",
            b"1 2 3 4 5 6 cm --5 Td 5.- Tz",
        ] {
            let _ = ops(data);
        }
        let deep = vec![b'['; 100_000];
        let _ = ops(&deep);
        assert_eq!(Lexer::number(b"--5"), Some(5.0));
        assert_eq!(simple_number(b"-12.5"), Some(-12.5));
        assert_eq!(simple_number(b".5"), Some(0.5));
        assert_eq!(simple_number(b"3."), Some(3.0));
        assert_eq!(simple_number(b"."), None);
        assert_eq!(simple_number(b"1.2.3"), None);
        assert_eq!(simple_number(b"0.1"), Some(0.1));
    }
}
