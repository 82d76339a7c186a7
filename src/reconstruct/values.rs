//! Cell values: text cleaning, numbers, targets, years.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Op, TargetParsed};

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"</?[A-Za-z][^<>]*>").unwrap());
static BR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i-u)<br\s*/?>").unwrap());
static BLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?(?:p|div|li)(?:\s[^<>]*)?>").unwrap());

/// Stands between two paragraphs of a cell, or two rows of text, that
/// the file itself separates (HTML, DOCX, spreadsheets): list readers
/// split there; everything else reads it as a space (it is whitespace).
pub const PARAGRAPH_BREAK: char = '\u{2029}';
/// [`PARAGRAPH_BREAK`] as a string, to join texts with.
pub const PARAGRAPH_BREAK_STR: &str = "\u{2029}";
/// Stands where the file breaks a line inside a cell that may be a
/// paragraph's end or a hand-made wrap (`建设高标准农田` / `发展特色产业`,
/// `指标值确定` / `依据`): a list without enumerators splits there; every
/// other reader joins the lines, as wrapped lines are joined.
pub const LINE_BREAK: char = '\u{2028}';

/// Removes HTML tags and entities, joins a cell's wrapped lines (a line
/// that opens a list item keeps a space before it, so that the item can
/// still be told), collapses whitespace runs to one space and trims.
/// Empty text is `None`: the document model never holds `""`.
pub fn clean_text(s: &str) -> Option<String> {
    // Most cells: nothing to remove, decode, join or collapse.
    if is_plain(s) {
        return (!s.is_empty()).then(|| s.to_string());
    }
    let no_tags: Cow<str> = if s.contains('<') {
        // A line break printed as a tag breaks the line as a real one
        // does: CJK closes up across it (`死亡人数<br/>下降率`).
        // So does a paragraph's tag (`<p>襄阳市水利</p><p>和湖泊局</p>`).
        let lines = BR.replace_all(s, "\n");
        let lines = BLOCK.replace_all(&lines, "\n");
        TAG.replace_all(&lines, " ").into_owned().into()
    } else {
        s.into()
    };
    // A cell's paragraphs (two lines of a name in an HTML or DOCX cell) in
    // one text are its lines: CJK closes up across them.
    let no_tags: Cow<str> = if no_tags.contains([PARAGRAPH_BREAK, LINE_BREAK]) {
        no_tags.replace([PARAGRAPH_BREAK, LINE_BREAK], "\n").into()
    } else {
        no_tags
    };
    let joined = if no_tags.contains('\n') {
        super::join_cell(&no_tags, false).into()
    } else {
        no_tags
    };
    let decoded = decode_entities(&joined);
    let decoded = if decoded.contains(is_invisible) {
        decoded.replace(is_invisible, "")
    } else {
        decoded
    };
    let collapsed = if is_collapsed(&decoded) {
        decoded
    } else {
        decoded.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    (!collapsed.is_empty()).then_some(collapsed)
}

/// [`clean_text`] of each paragraph of `s`, the paragraphs kept apart by
/// [`PARAGRAPH_BREAK`].
pub fn clean_paragraphs(s: &str) -> Option<String> {
    if !s.contains(PARAGRAPH_BREAK) {
        return clean_text(s);
    }
    let parts: Vec<String> = s.split(PARAGRAPH_BREAK).filter_map(clean_text).collect();
    (!parts.is_empty()).then(|| parts.join(PARAGRAPH_BREAK_STR))
}

/// Whether [`clean_text`] leaves `s` as it is: collapsed
/// ([`is_collapsed`]: no line or paragraph breaks either), without tags or
/// character references.
fn is_plain(s: &str) -> bool {
    !s.contains(['<', '&']) && is_collapsed(s)
}

/// A character that shows nothing and takes no room: a soft hyphen
/// (`&shy;`, shown only where a line breaks at it), a zero-width space or
/// joiner, a byte-order mark inside a text. Removed, so that a name typed
/// with one is the name typed without.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// Whether `s` has no whitespace at its ends and none but single spaces
/// inside, nor an invisible character (most cells): cleaning would change
/// nothing.
fn is_collapsed(s: &str) -> bool {
    let mut prev_space = true;
    for c in s.chars() {
        if is_invisible(c) {
            return false;
        }
        if c == ' ' {
            if prev_space {
                return false;
            }
            prev_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            prev_space = false;
        }
    }
    !prev_space || s.is_empty()
}

/// Joins wrapped lines: CJK without a space, Latin words and numbers with
/// one (`数\n据` → `数据`, `AI\nplatform` → `AI platform`).
pub fn join_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lines = s.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first.trim_end());
    }
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let latin = out.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.starts_with(|c: char| c.is_ascii_alphanumeric());
        // A number that CJK text wrapped character by character
        // (`不少于160` / `0家`) is one number; a line that opens with a
        // year (`2025年计划35`) starts a statement of its own.
        let cut_number = out.ends_with(|c: char| c.is_ascii_digit())
            && line.starts_with(|c: char| c.is_ascii_digit())
            && (has_cjk(&out) || has_cjk(line))
            && !opens_with_year(line);
        if latin && !cut_number {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `2025年…`: four digits and 年.
fn opens_with_year(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && s.get(4..).is_some_and(|r| r.starts_with('年'))
}

/// A CJK ideograph of the basic block.
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// Decodes the character references a text copied from a page's source
/// keeps (`&gt;=`, `&ge;`, `&#8805;`, `&nbsp;`); an unknown one stays as
/// printed.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let tail = rest.get(at..).unwrap_or_default();
        let decoded = tail
            .get(1..)
            .and_then(|t| t.find(';').filter(|&n| n <= 8).map(|n| (t.get(..n), n)))
            .and_then(|(name, n)| Some((entity(name?)?, n + 2)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\t');
    }
    Some(match name {
        "nbsp" | "ensp" | "emsp" => ' ',
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "ge" => '≥',
        "le" => '≤',
        "ne" => '≠',
        "plusmn" => '±',
        "times" => '×',
        "divide" => '÷',
        "deg" => '°',
        "middot" => '·',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "permil" => '‰',
        "sup2" => '²',
        "sup3" => '³',
        "micro" => 'µ',
        "shy" => '\u{ad}',
        "zwsp" => '\u{200b}',
        _ => return None,
    })
}

/// Removes all whitespace: labels such as `部门 职能 概述` are matched
/// without it.
pub fn squash(s: &str) -> std::borrow::Cow<'_, str> {
    // Most text has no whitespace inside: borrowed, not copied.
    if s.chars().any(char::is_whitespace) {
        std::borrow::Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A character of a header as header words are compared: whitespace and
/// required-field asterisks dropped, full-width brackets and colons made
/// ASCII.
pub fn header_char(c: char) -> Option<char> {
    match c {
        '*' | '＊' => None,
        c if c.is_whitespace() => None,
        '（' => Some('('),
        '）' => Some(')'),
        '【' => Some('['),
        '】' => Some(']'),
        '：' => Some(':'),
        '０'..='９' => Some(crate::layout::ascii_digit(c)),
        c => Some(c),
    }
}

/// A short cell without whitespace, held on the stack: cells are compared
/// with short words (level names, header words, years) far more often
/// than they match one, so neither a long cell nor a short one costs an
/// allocation.
pub struct Word {
    buf: [u8; WORD_BYTES],
    len: usize,
}

/// Room for 21 CJK characters.
const WORD_BYTES: usize = 64;

impl Word {
    /// `s` without whitespace, if that has at most `max_chars` characters
    /// and fits.
    pub fn squashed(s: &str, max_chars: usize) -> Option<Word> {
        Word::collect(s.chars().filter(|c| !c.is_whitespace()), max_chars)
    }

    fn collect(chars: impl Iterator<Item = char>, max_chars: usize) -> Option<Word> {
        let mut w = Word {
            buf: [0; WORD_BYTES],
            len: 0,
        };
        for (n, c) in chars.enumerate() {
            if n >= max_chars {
                return None;
            }
            let end = w.len + c.len_utf8();
            c.encode_utf8(w.buf.get_mut(w.len..end)?);
            w.len = end;
        }
        Some(w)
    }

    /// `s` as header words are compared ([`header_char`]).
    pub fn normalized(s: &str, max_chars: usize) -> Option<Word> {
        Word::collect(s.chars().filter_map(header_char), max_chars)
    }

    pub fn as_str(&self) -> &str {
        let bytes = self.buf.get(..self.len).unwrap_or_default();
        // SAFETY: `collect` is the only writer of `buf` and `len`, and it
        // writes whole characters by `char::encode_utf8`, so the first
        // `len` bytes are always UTF-8. (Validating them again on every
        // comparison was 2 % of converting an HTML page.)
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }
}

/// A funding amount or share: `1,647.19`, `593.00`, `100.0%`.
pub fn parse_number(s: &str) -> Option<f64> {
    let t: String = ascii_digits(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .collect();
    let t = t.strip_suffix('%').unwrap_or(&t);
    let unsigned = without_currency(t);
    let t = unsigned.as_deref().unwrap_or(t);
    if t.is_empty() || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if !t
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+')
    {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number printed after a currency sign or word (`¥235.80`, `-¥35.80`,
/// `人民币100`, as a currency number format displays it), without it.
fn without_currency(t: &str) -> Option<String> {
    let (sign, rest) = match t.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", t),
    };
    let number = ["¥", "￥", "人民币", "RMB"]
        .iter()
        .find_map(|c| rest.strip_prefix(c))?;
    Some(format!("{sign}{number}"))
}

/// An amount: a number, or 0 for a dash alone (`-`, `—`), which money
/// tables print for zero (Excel's accounting format shows 0 so).
pub fn parse_amount(s: &str) -> Option<f64> {
    parse_number(s).or_else(|| {
        let t = s.trim();
        // Accounting formats print a negative amount in brackets: (65.50).
        let bracketed = t
            .strip_prefix(['(', '（'])
            .and_then(|r| r.strip_suffix([')', '）']))
            .and_then(parse_number)
            .filter(|v| *v >= 0.0)
            .map(|v| -v);
        bracketed.or_else(|| {
            (!t.is_empty() && t.chars().all(|c| matches!(c, '-' | '—' | '－' | '–' | '─')))
                .then_some(0.0)
        })
    })
}

/// The comparison operators of SPEC §2.5, as symbols and as words.
const OPERATORS: &[(&str, Op)] = &[
    ("≤", Op::Le),
    ("≦", Op::Le),
    ("<=", Op::Le),
    ("＜=", Op::Le),
    ("不高于", Op::Le),
    ("不超过", Op::Le),
    ("小于等于", Op::Le),
    ("小于或等于", Op::Le),
    ("≥", Op::Ge),
    ("≧", Op::Ge),
    (">=", Op::Ge),
    ("＞=", Op::Ge),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("大于等于", Op::Ge),
    ("大于或等于", Op::Ge),
    // (Not in SPEC §2.5's list, said as often: 至少3次, 达到100%.)
    ("至少", Op::Ge),
    ("达到", Op::Ge),
    ("<", Op::Lt),
    ("＜", Op::Lt),
    ("小于", Op::Lt),
    ("低于", Op::Lt),
    (">", Op::Gt),
    ("＞", Op::Gt),
    ("大于", Op::Gt),
    ("高于", Op::Gt),
    ("=", Op::Eq),
    ("＝", Op::Eq),
    ("等于", Op::Eq),
];

/// Whether `c` is one of [`OPERATORS`]' one-character symbols (≥, ＜, =, …).
pub fn is_operator_symbol(c: char) -> bool {
    OPERATORS.iter().any(|(word, _)| {
        let mut chars = word.chars();
        chars.next() == Some(c) && chars.next().is_none()
    })
}

/// An operator printed on its own (an operator column's cell).
pub fn parse_op(s: &str) -> Option<Op> {
    let t = squash(s);
    OPERATORS
        .iter()
        .find(|(word, _)| *word == t)
        .map(|&(_, op)| op)
}

/// [`OPERATORS`] as a pattern's alternatives, the longest first (the
/// first that matches wins: `<=` before `<`, 小于等于 before 小于).
fn operator_alternatives() -> String {
    let mut words: Vec<&str> = OPERATORS.iter().map(|(w, _)| *w).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^({})?\\s*{}",
        operator_alternatives(),
        concat!(
            // ASCII digits only: full-width ones were made ASCII, and any
            // other digit would not parse as a number. Thousands are
            // grouped by commas, or by spaces as typed by hand (`1 500`).
            r"([+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?:[ \u{A0}\u{2009}\u{202F}][0-9]{3})+|[0-9]+)(?:\.[0-9]+)?)\s*",
            // (Lazy: `1000以上` has no unit, `60公里以上` the unit 公里.) A
            // unit may name its alternative in brackets (台（套）) or be an
            // area or volume written with a plain digit (m2, from m<sup>2</sup>),
            // also per volume (μg/m3, as PM2.5 limits are typed) or a volume
            // per time (万m3/日), or a rate per so many (`/10万`, `例/10万人`:
            // the magnitude character keeps `12/10` out).
            // Units are written in Chinese, Latin or Greek letters (μg): with
            // every letter of Unicode (`\p{L}`) this one pattern took 3 ms to
            // compile, in every worker process.
            r"(%|‰|(?:[\p{Latin}\p{Greek}]{1,2}/)?[万千]?[A-Za-z]{1,3}[23](?:/[\p{Han}A-Za-z]{1,2})?|\p{Han}{0,2}/[0-9]{1,6}[万千百]\p{Han}{0,2}|[\p{Han}\p{Latin}\p{Greek}/²³℃㎡]{1,4}?[（(][\p{Han}\p{Latin}\p{Greek}/]{1,2}[)）]|[\p{Han}\p{Latin}\p{Greek}/²³℃㎡·]{1,6}?)??\s*",
            r"(及以上|以上|及以下|以下|以内|之内|内)?$"
        )
    ))
    .unwrap()
});

/// The operator a word after the quantity states: `60公里以上` is at least
/// 60 km, `3天以内` at most 3 days (以上, 以下 and 以内 include the number).
fn suffix_op(word: &str) -> Option<Op> {
    match word {
        "及以上" | "以上" => Some(Op::Ge),
        "及以下" | "以下" | "以内" | "之内" | "内" => Some(Op::Le),
        _ => None,
    }
}

/// Full-width digits, signs and `％` as their ASCII forms (Word documents
/// print `９５％`).
fn ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii()
        || !s
            .chars()
            .any(|c| matches!(c, '０'..='９' | '％' | '．' | '，' | '＋' | '－'))
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '０'..='９' => crate::layout::ascii_digit(c),
                '％' => '%',
                '．' => '.',
                '，' => ',',
                '＋' => '+',
                '－' => '-',
                _ => c,
            })
            .collect(),
    )
}

/// Whether a number and the "unit" after it are a date, not a quantity:
/// a year (`2025年底`), a month (`6月底前`, `10月份`), a day before which
/// something is done (`6.30前`).
fn is_date_unit(number: &str, value: f64, unit: &str) -> bool {
    let whole = !number.contains('.');
    let year = whole && (1900.0..=2100.0).contains(&value) && unit.starts_with('年');
    let month = whole && (1.0..=12.0).contains(&value) && unit.starts_with('月');
    // (`15日前`: before a day of the month; `15日` alone may be days.)
    let day = whole
        && (1.0..=31.0).contains(&value)
        && matches!(unit, "日前" | "号前" | "日之前" | "号之前" | "日以前");
    year || month || day || matches!(unit, "前" | "之前" | "以前")
}

/// A year and month written as a decimal (`2026.12`, `2026.6月`): a date,
/// no quantity. (With another unit, `2026.12万元` is an amount.)
fn is_year_month(number: &str, unit: Option<&str>) -> bool {
    let Some((year, month)) = number.split_once('.') else {
        return false;
    };
    let year_ok = year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    let month_ok =
        (1..=2).contains(&month.len()) && month.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m));
    year_ok && month_ok && unit.is_none_or(|u| u.starts_with('月') || u == "前" || u == "底")
}

/// A target that is a pure quantity: optional operator, a number, an
/// optional unit of up to six characters. `2025年底` is a date: `None`.
pub fn parse_target(s: &str) -> Option<TargetParsed> {
    parse_target_stated(s).map(|(p, _)| p)
}

/// [`parse_target`], and whether the text states its operator (before or
/// after the number), which an operator column must not override.
pub fn parse_target_stated(s: &str) -> Option<(TargetParsed, bool)> {
    // (A target typed as a sentence ends with its stop: `不低于95%。`.)
    let s = s
        .trim_end()
        .trim_end_matches(['。', '；', ';', '，', ',', '、']);
    // `≥90%（含）`: the bound is included, as the operator says; without an
    // operator the note says nothing certain. Either way the note is no
    // unit's alternative (`万人次（含）` is no unit, as `台（套）` is).
    if let Some(bare) = without_inclusion_note(s) {
        return parse_quantity(bare).filter(|(_, stated)| *stated);
    }
    parse_quantity(s).or_else(|| without_note(s).and_then(parse_quantity))
}

/// A target and the note in brackets at its end (`≥90%`, `含`), if any.
fn split_end_note(s: &str) -> Option<(&str, &str)> {
    let inner = s.trim_end().strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let note = inner.get(open..)?.strip_prefix(['（', '('])?;
    Some((inner.get(..open)?, note))
}

/// A target without a note that its bound is included (`（含）`,
/// `（含本数）`).
fn without_inclusion_note(s: &str) -> Option<&str> {
    let (target, note) = split_end_note(s)?;
    matches!(note.trim(), "含" | "含本数" | "包含" | "包括").then_some(target)
}

/// A target without the note in brackets after it (`≥3个百分点（以卫健统计
/// 为准）`): three or more characters, so that a unit's alternative
/// (`台（套）`) stays; a shorter one after a figure or a per cent
/// (`≥95%（抽检）`, `≥12（暂定）`), where no unit's alternative can stand.
fn without_note(s: &str) -> Option<&str> {
    let (target, note) = split_end_note(s)?;
    let after_figure = target
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit() || matches!(c, '%' | '％' | '‰'));
    (note.chars().count() >= 3 || after_figure).then_some(target)
}

fn parse_quantity(s: &str) -> Option<(TargetParsed, bool)> {
    let text = ascii_digits(s.trim());
    if !could_open_quantity(&text) {
        return None;
    }
    let caps = TARGET.captures(&text)?;
    let prefix = match caps.get(1).map(|m| m.as_str()) {
        None => None,
        Some(word) => Some(parse_op(word)?),
    };
    let suffix = caps.get(4).and_then(|m| suffix_op(m.as_str()));
    let number: String = caps
        .get(2)?
        .as_str()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{A0}' | '\u{2009}' | '\u{202F}'))
        .collect();
    let value: f64 = number.parse().ok()?;
    let unit = caps.get(3).map(|m| m.as_str().to_string());
    // A date is no quantity; nor is an approximate one (`1200人左右`),
    // whose unit would take in the word; nor one whose unit, with its
    // alternative in brackets, runs past SPEC 2.5's six characters
    // (`3个乡镇（街道）`).
    if unit.as_deref().is_some_and(|u| {
        is_date_unit(&number, value, u)
            || u.ends_with("左右")
            || u.ends_with("上下")
            || u.chars().count() > 6
    }) || is_year_month(&number, unit.as_deref())
    {
        return None;
    }
    let stated = prefix.or(suffix);
    let parsed = TargetParsed {
        op: stated.unwrap_or(Op::Eq),
        value,
        unit,
    };
    Some((parsed, stated.is_some()))
}

/// Whether a text opens as [`TARGET`] can match: with a digit, a sign or
/// the first character of one of its operators (most qualitative targets
/// are turned away before the pattern runs).
fn could_open_quantity(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '+' | '-'
                    | '≤'
                    | '≥'
                    | '≦'
                    | '≧'
                    | '<'
                    | '>'
                    | '＜'
                    | '＞'
                    | '='
                    | '＝'
                    | '不'
                    | '小'
                    | '大'
                    | '低'
                    | '高'
                    | '等'
                    | '至'
                    | '达'
            )
    })
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)[0-9]{2})\s*年").unwrap());

static CHINESE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([〇○零一二][〇○零一二三四五六七八九]{3})\s*年").unwrap());

/// Where a year written in Chinese numerals (`二〇二六年`) begins in `s`.
pub fn chinese_year_start(s: &str) -> Option<usize> {
    CHINESE_YEAR.find(s).map(|m| m.start())
}

/// All four-digit years written as `2026年` / `2026 年` (or with full-width
/// digits), in order; else those written in Chinese numerals
/// (`二〇二六年`).
pub fn years_in(s: &str) -> Vec<i32> {
    let s = ascii_digits(s);
    let years: Vec<i32> = YEAR
        .captures_iter(&s)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    if !years.is_empty() || !s.contains('年') {
        return years;
    }
    CHINESE_YEAR
        .captures_iter(&s)
        .filter_map(|c| {
            let digits: String = c
                .get(1)?
                .as_str()
                .chars()
                .map(|d| match d {
                    '〇' | '○' | '零' => '0',
                    '一' => '1',
                    '二' => '2',
                    '三' => '3',
                    '四' => '4',
                    '五' => '5',
                    '六' => '6',
                    '七' => '7',
                    '八' => '8',
                    _ => '9',
                })
                .collect();
            digits.parse().ok()
        })
        .filter(|y| (1900..2100).contains(y))
        .collect()
}

/// A cell that is only a year, like `2024 年` or `2024年`.
pub fn year_cell(s: &str) -> Option<i32> {
    // Most cells do not open with a digit, and are turned away before
    // they are normalized.
    if !s
        .chars()
        .find_map(header_char)
        .is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let t = Word::normalized(s, 5)?;
    let t = t.as_str();
    let digits = t.strip_suffix('年').unwrap_or(t);
    (digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<(Op, f64, Option<String>)> {
        parse_target(s).map(|p| (p.op, p.value, p.unit))
    }

    fn q(op: Op, value: f64, unit: Option<&str>) -> Option<(Op, f64, Option<String>)> {
        Some((op, value, unit.map(str::to_string)))
    }

    #[test]
    fn every_operator_of_the_pattern_can_open_a_quantity() {
        for op in [
            "≤",
            "≥",
            "≦",
            "≧",
            "<=",
            ">=",
            "＜=",
            "＞=",
            "<",
            ">",
            "＜",
            "＞",
            "=",
            "＝",
            "不高于",
            "不超过",
            "小于或等于",
            "小于等于",
            "不低于",
            "不少于",
            "大于或等于",
            "大于等于",
            "小于",
            "低于",
            "大于",
            "高于",
            "等于",
        ] {
            assert!(parse_quantity(&format!("{op}5天")).is_some(), "{op}");
        }
        assert!(parse_quantity("-5%").is_some());
        assert!(parse_quantity("有效提升").is_none());
    }

    #[test]
    fn targets_that_are_quantities() {
        assert_eq!(t("≤100%"), q(Op::Le, 100.0, Some("%")));
        assert_eq!(t("≥ 90%"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("1 个工作日"), q(Op::Eq, 1.0, Some("个工作日")));
        assert_eq!(t("100%"), q(Op::Eq, 100.0, Some("%")));
        assert_eq!(t("0%"), q(Op::Eq, 0.0, Some("%")));
        assert_eq!(t(">=90%"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("<3个工作日"), q(Op::Lt, 3.0, Some("个工作日")));
        assert_eq!(t("10 项"), q(Op::Eq, 10.0, Some("项")));
        assert_eq!(years_in("某县水利局２０２５年部门整体绩效目标"), vec![2025]);
        assert_eq!(years_in("二〇二五年度部门整体绩效目标"), vec![2025]);
        assert_eq!(years_in("一二三四五年"), Vec::<i32>::new());
        assert_eq!(year_cell("２０２４年"), Some(2024));
        assert_eq!(parse_number("１０"), Some(10.0));
        assert_eq!(t("≥450台（套）"), q(Op::Ge, 450.0, Some("台（套）")));
        // (A unit of more than six characters is none, SPEC 2.5.)
        assert_eq!(t("≥3个乡镇（街道）"), None);
        assert_eq!(t("≥450台(套)"), q(Op::Ge, 450.0, Some("台(套)")));
        // A short note after a per cent or a figure is no unit's alternative.
        assert_eq!(t("≥95%（抽检）"), q(Op::Ge, 95.0, Some("%")));
        assert_eq!(t("≥90%(暂定)"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("≥12（全年）"), q(Op::Ge, 12.0, None));
        assert_eq!(t("≥650m2"), q(Op::Ge, 650.0, Some("m2")));
        assert_eq!(t("≤35μg/m3"), q(Op::Le, 35.0, Some("μg/m3")));
        assert_eq!(t("≥1.2万m3/日"), q(Op::Ge, 1.2, Some("万m3/日")));
        assert_eq!(t("500m3/d"), q(Op::Eq, 500.0, Some("m3/d")));
        // A rate per so many: no fraction, no date.
        assert_eq!(t("≤12/10万"), q(Op::Le, 12.0, Some("/10万")));
        assert_eq!(t("≤1.5例/10万人"), q(Op::Le, 1.5, Some("例/10万人")));
        assert_eq!(t("12/10"), None);
        assert_eq!(t("1/2"), None);
        // A note that the bound is included; a unit per person and visit.
        assert_eq!(t("≥90%（含）"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("≥3万人次（含）"), q(Op::Ge, 3.0, Some("万人次")));
        assert_eq!(t("3万人次（含）"), None);
        assert_eq!(t("≤100人(含本数)"), q(Op::Le, 100.0, Some("人")));
        assert_eq!(t("≤ 1.5 元/人·次"), q(Op::Le, 1.5, Some("元/人·次")));
        // A note of one or two characters after a per cent is a note (the
        // target keeps it); after a word, it is the unit's (台（套）).
        assert_eq!(t("≥90%（暂）"), q(Op::Ge, 90.0, Some("%")));
        for deadline in [
            "6月底前",
            "10月底前完成",
            "12月底",
            "11月前",
            "9月",
            "3月份",
            "6.30前",
        ] {
            assert_eq!(t(deadline), None, "{deadline}");
        }
        assert_eq!(t("≤3个月"), q(Op::Le, 3.0, Some("个月")));
        assert_eq!(t("≥15万元"), q(Op::Ge, 15.0, Some("万元")));
        assert_eq!(t("≤35μg/m³"), q(Op::Le, 35.0, Some("μg/m³")));
        assert_eq!(t("≥10万m²"), q(Op::Ge, 10.0, Some("万m²")));
        assert_eq!(t("100%（含）"), None);
        assert_eq!(t("≤ 500万元"), q(Op::Le, 500.0, Some("万元")));
        assert_eq!(t("1,200万元"), q(Op::Eq, 1200.0, Some("万元")));
        // Thousands grouped by a space, as typed by hand.
        assert_eq!(t("≥1 500人次"), q(Op::Ge, 1500.0, Some("人次")));
        assert_eq!(t("3 600户"), q(Op::Eq, 3600.0, Some("户")));
        assert_eq!(t("不超过1\u{2009}500元"), q(Op::Le, 1500.0, Some("元")));
        assert_eq!(t("12 345 678元"), q(Op::Eq, 12345678.0, Some("元")));
        assert_eq!(t("1 50人"), None);
        assert_eq!(t("3.79"), q(Op::Eq, 3.79, None));
        assert_eq!(t("≧ 95%"), q(Op::Ge, 95.0, Some("%")));
        assert_eq!(t("不低于90%"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("至少3次"), q(Op::Ge, 3.0, Some("次")));
        // Every operator can open a quantity (the quick test lets it by).
        for (word, op) in OPERATORS {
            assert!(could_open_quantity(word), "{word}");
            assert_eq!(t(&format!("{word}5次")), q(*op, 5.0, Some("次")), "{word}");
        }
        assert_eq!(t("不低于95%。"), q(Op::Ge, 95.0, Some("%")));
        assert_eq!(t("≤3天；"), q(Op::Le, 3.0, Some("天")));
        assert_eq!(t("达到100%"), q(Op::Ge, 100.0, Some("%")));
        // Before a day of the month: a date.
        assert_eq!(t("15日前"), None);
        assert_eq!(t("≤15日"), q(Op::Le, 15.0, Some("日")));
        assert_eq!(t("不超过3天"), q(Op::Le, 3.0, Some("天")));
        assert_eq!(t("高于 80 分"), q(Op::Gt, 80.0, Some("分")));
        assert_eq!(parse_op(" ≥ "), Some(Op::Ge));
        // An operator word after the quantity.
        assert_eq!(t("60公里以上"), q(Op::Ge, 60.0, Some("公里")));
        assert_eq!(t("90%及以上"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("100%以上"), q(Op::Ge, 100.0, Some("%")));
        assert_eq!(t("3天以内"), q(Op::Le, 3.0, Some("天")));
        assert_eq!(t("2人以下"), q(Op::Le, 2.0, Some("人")));
        assert_eq!(t("5个工作日内"), q(Op::Le, 5.0, Some("个工作日")));
        assert_eq!(t("≥90%以上"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("1000以上"), q(Op::Ge, 1000.0, None));
        // A note in brackets after the quantity.
        assert_eq!(
            t("≥3个百分点（以卫健统计为准）"),
            q(Op::Ge, 3.0, Some("个百分点"))
        );
        assert_eq!(t("5台（套）"), q(Op::Eq, 5.0, Some("台（套）")));
        assert_eq!(t("（以统计为准）"), None);
        // Approximate: no quantity to compare with.
        assert_eq!(t("1200人左右"), None);
        assert_eq!(t("50万元上下"), None);
        assert_eq!(t("约1200人"), None);
        // Full-width digits and percent signs.
        assert_eq!(t("95％"), q(Op::Eq, 95.0, Some("%")));
        assert_eq!(t("≥９０％"), q(Op::Ge, 90.0, Some("%")));
        assert_eq!(t("１，２００．５万元"), q(Op::Eq, 1200.5, Some("万元")));
        assert_eq!(parse_target_stated("90%").map(|p| p.1), Some(false));
        assert_eq!(parse_target_stated("90%以上").map(|p| p.1), Some(true));
        assert_eq!(parse_op("定性"), None);
    }

    #[test]
    fn targets_that_are_not_quantities() {
        assert_eq!(t("完成"), None);
        assert_eq!(t("登记入表达 27 万元"), None);
        assert_eq!(t("2025年底"), None);
        assert_eq!(t("2025年"), None);
        // A year and month as a decimal is a date.
        assert_eq!(t("2026.12"), None);
        assert_eq!(t("≤2026.6"), None);
        assert_eq!(t("2026.12月"), None);
        assert!(t("2026.12万元").is_some());
        assert!(t("1500.12").is_some());
        assert_eq!(t("修复高危漏洞152个"), None);
        assert_eq!(t("1个工作日内完成全部"), None);
        assert_eq!(t(""), None);
    }

    #[test]
    fn amounts_printed_as_a_dash_are_zero() {
        assert_eq!(parse_amount("-"), Some(0.0));
        assert_eq!(parse_amount(" — "), Some(0.0));
        assert_eq!(parse_amount("1,466.05"), Some(1466.05));
        assert_eq!(parse_amount("(65.50)"), Some(-65.5));
        assert_eq!(parse_amount("（1,000.00）"), Some(-1000.0));
        assert_eq!(parse_amount("(注1)"), None);
        assert_eq!(parse_amount("-5"), Some(-5.0));
        assert_eq!(parse_amount("/"), None);
        assert_eq!(parse_amount(""), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1647.19"), Some(1647.19));
        assert_eq!(parse_number("100.0%"), Some(100.0));
        assert_eq!(parse_number("12,345.60"), Some(12345.6));
        assert_eq!(parse_number(" 593.00 "), Some(593.0));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("无"), None);
        assert_eq!(parse_number("%"), None);
        // After a currency sign or word, as a currency format shows it.
        assert_eq!(parse_number("¥235.80"), Some(235.8));
        assert_eq!(parse_number("￥ 1,200.00"), Some(1200.0));
        assert_eq!(parse_number("-¥35.80"), Some(-35.8));
        assert_eq!(parse_number("人民币100"), Some(100.0));
        assert_eq!(parse_number("¥"), None);
    }

    #[test]
    fn cleaning() {
        assert_eq!(
            clean_text("<p>(一) 拟订  规划。</p> <p>"),
            Some("(一) 拟订 规划。".to_string())
        );
        // A name wrapped into two paragraphs closes up, as across <br>.
        assert_eq!(
            clean_text("<p>襄阳市水利</p><p>和湖泊局</p>").as_deref(),
            Some("襄阳市水利和湖泊局")
        );
        assert_eq!(clean_text("  \t "), None);
        assert_eq!(clean_text("<p></p>"), None);
        assert_eq!(clean_text("a &amp; b"), Some("a & b".to_string()));
        assert_eq!(clean_text("&ge;5%"), Some("≥5%".to_string()));
        assert_eq!(
            clean_text("&#8804;3天 &#x2265;1"),
            Some("≤3天 ≥1".to_string())
        );
        assert_eq!(
            clean_text("a &b; &unknown; &"),
            Some("a &b; &unknown; &".to_string())
        );
        assert_eq!(
            clean_text("死亡人数<br/>下降率<BR>AI<br />platform"),
            Some("死亡人数下降率AI platform".to_string())
        );
        // Wrapped lines join; a line that opens an item keeps a space, so
        // that the list reader still finds the item.
        assert_eq!(
            clean_text("年度绩效指\n标").as_deref(),
            Some("年度绩效指标")
        );
        assert_eq!(
            clean_text("1.完成培训500人次\n2.学员满意度90%以上").as_deref(),
            Some("1.完成培训500人次 2.学员满意度90%以上")
        );
        assert_eq!(
            clean_paragraphs(" 甲 \u{2029}\u{2029} 乙丙 ").as_deref(),
            Some("甲\u{2029}乙丙")
        );
        // Paragraphs in one text are lines: CJK closes up, a list item
        // keeps its space.
        assert_eq!(clean_text("甲\u{2029}乙").as_deref(), Some("甲乙"));
        assert_eq!(clean_text("1.甲\u{2029}2.乙").as_deref(), Some("1.甲 2.乙"));
        assert_eq!(PARAGRAPH_BREAK_STR, PARAGRAPH_BREAK.to_string());
        assert_eq!(clean_text("a  b\u{3000}c "), Some("a b c".to_string()));
        // Characters that show nothing are no part of the text.
        assert_eq!(
            clean_text("养护\u{ad}里程\u{200b}").as_deref(),
            Some("养护里程")
        );
        assert_eq!(clean_text("养护&shy;里程").as_deref(), Some("养护里程"));
        assert!(is_collapsed("a b c") && is_collapsed(""));
        assert!(!is_collapsed(" a") && !is_collapsed("a ") && !is_collapsed("a  b"));
        assert!(!is_collapsed("a\tb") && !is_collapsed("a\u{a0}b"));
        assert_eq!(clean_text("≥ 90%"), Some("≥ 90%".to_string()));
    }

    #[test]
    fn wrapped_lines() {
        assert_eq!(
            join_lines("高频政务服务事项中\n实现“一网通办”比例"),
            "高频政务服务事项中实现“一网通办”比例"
        );
        assert_eq!(join_lines("CIM\nplatform"), "CIM platform");
        assert_eq!(join_lines("达到\n95%"), "达到95%");
        // A number cut by a character-by-character wrap is one number;
        // numbers alone on their lines stay apart.
        assert_eq!(join_lines("不少\n于160\n0家"), "不少于1600家");
        assert_eq!(join_lines("应急抢险资金2\n4小时"), "应急抢险资金24小时");
        assert_eq!(join_lines("2024\n2025"), "2024 2025");
        assert_eq!(
            join_lines("2024年完成30\n2025年计划35"),
            "2024年完成30 2025年计划35"
        );
        assert_eq!(join_lines("2\n026年12月前"), "2026年12月前");
        assert_eq!(clean_text(" 数 \n 据 ").as_deref(), Some("数据"));
    }

    #[test]
    fn years() {
        assert_eq!(years_in("2026 年部门整体绩效目标批复"), vec![2026]);
        assert_eq!(years_in("长期目标： (截止2027年)"), vec![2027]);
        assert_eq!(year_cell("2024 年"), Some(2024));
        assert_eq!(year_cell("2025年"), Some(2025));
        assert_eq!(year_cell("100%"), None);
    }
}
