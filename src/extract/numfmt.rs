//! Spreadsheet numbers as displayed: Excel number formats applied.
//!
//! XLSX and XLS store numbers as IEEE doubles and a format code per cell
//! style; what a reader of the sheet sees (and what the approval means) is
//! the formatted text: `0.95` under `0%` is `95%`, `1466.05` under
//! `#,##0.00` is `1,466.05`, a date serial under `yyyy"年"m"月"d"日"` is a
//! date. This covers the formats approvals use: General (up to 11
//! significant digits, as Excel shows it), fixed decimals, thousands
//! separators, percentages, scientific notation, fractions, literal text,
//! text (`@`) and dates and times (1900 and 1904 systems). A currency
//! tag (`[$¥-804]`) prints its symbol; colours, conditions and bare locale
//! tags are ignored; a negative number takes the second section.

/// The format code of a built-in number format id (the codes a Chinese
/// Excel shows for the locale-dependent date ids).
pub fn builtin_format(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        5 | 37 => "#,##0_);(#,##0)",
        6 | 38 => "#,##0_);[Red](#,##0)",
        7 | 39 => "#,##0.00_);(#,##0.00)",
        8 | 40 => "#,##0.00_);[Red](#,##0.00)",
        9 => "0%",
        10 => "0.00%",
        11 => "0.00E+00",
        12 => "# ?/?",
        13 => "# ??/??",
        14 => "yyyy/m/d",
        15 => "d-mmm-yy",
        16 => "d-mmm",
        17 => "mmm-yy",
        18 => "h:mm AM/PM",
        19 => "h:mm:ss AM/PM",
        20 => "h:mm",
        21 => "h:mm:ss",
        22 => "yyyy/m/d h:mm",
        // The zh-CN list of ECMA-376 Part 1, 18.8.30.
        27 | 36 | 50 | 52 | 57 => "yyyy\"年\"m\"月\"",
        28 | 29 | 51 | 53 | 54 | 58 => "m\"月\"d\"日\"",
        30 => "m-d-yy",
        31 => "yyyy\"年\"m\"月\"d\"日\"",
        32 => "h\"时\"mm\"分\"",
        33 => "h\"时\"mm\"分\"ss\"秒\"",
        34 | 55 => "上午/下午h\"时\"mm\"分\"",
        35 | 56 => "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        45 => "mm:ss",
        46 => "[h]:mm:ss",
        47 => "mm:ss.0",
        48 => "##0.0E+0",
        49 => "@",
        _ => return None,
    })
}

/// `value` as a cell formatted with `code` displays it.
pub fn format_number(value: f64, code: &str, date1904: bool) -> String {
    if !value.is_finite() {
        return general(value);
    }
    let sections = split_sections(code);
    let (section, value) = choose_section(&sections, value);
    let tokens = tokenize(section);
    if tokens.iter().any(|t| matches!(t, Tok::Date(_))) {
        return format_date(value, &tokens, date1904).unwrap_or_else(|| general(value));
    }
    if let Some(shown) = format_fraction(value, &tokens) {
        return shown;
    }
    let pattern: String = tokens
        .iter()
        .filter_map(|t| match t {
            Tok::Pattern(c) => Some(*c),
            _ => None,
        })
        .collect();
    if pattern.trim().is_empty() || pattern.eq_ignore_ascii_case("general") {
        let body = if tokens
            .iter()
            .any(|t| matches!(t, Tok::General | Tok::Pattern(_) | Tok::At))
        {
            general(value)
        } else {
            String::new()
        };
        return assemble(&tokens, &body);
    }
    let body = format_pattern(value, &pattern);
    assemble(&tokens, &body)
}

/// Excel's General: integers as they are, other numbers rounded to 11
/// significant digits with trailing zeros dropped; very large or small
/// magnitudes in scientific notation.
pub fn general(value: f64) -> String {
    if value.is_nan() {
        return "#NUM!".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let a = value.abs();
    if !(1e-9..1e11).contains(&a) {
        let s = format!("{:.5E}", value);
        // 1.23457E11 -> 1.23457E+11, mantissa zeros trimmed.
        if let Some((m, e)) = s.split_once('E') {
            let m = trim_zeros(m);
            let (sign, digits) = match e.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', e),
            };
            return format!("{m}E{sign}{digits:0>2}");
        }
        return s;
    }
    let magnitude = a.log10().floor() as i32;
    let decimals = (10 - magnitude).clamp(0, 15) as usize;
    trim_zeros(&format!("{value:.decimals$}"))
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A character of the numeric pattern (`0 # ? . , % E + -`).
    Pattern(char),
    /// Literal text.
    Lit(String),
    /// The word General.
    General,
    /// `@`: the cell's text.
    At,
    /// A date or time part (`yyyy`, `m`, `d`, `h`, `mm`, `ss`, `AM/PM`, …).
    Date(String),
}

/// The section of a format that shows `value`, and the value it shows
/// (a negative one without its sign in a negative section, which prints
/// its own). Sections with conditions (`[<1]0.0%;#,##0"辆"`) are taken
/// by the first condition the value meets, a section without one where
/// none did; else positive, negative, zero. An empty section shows
/// nothing (`0.00;-0.00;;@` leaves a zero blank).
fn choose_section<'a>(sections: &[&'a str], value: f64) -> (&'a str, f64) {
    let numeric = sections.get(..sections.len().min(3)).unwrap_or_default();
    if numeric.iter().any(|s| condition(s).is_some()) {
        let chosen = numeric
            .iter()
            .find(|s| condition(s).is_none_or(|(op, bound)| op.holds(value, bound)));
        return (chosen.copied().unwrap_or("General"), value);
    }
    match sections {
        [_, neg, ..] if value < 0.0 => (*neg, -value),
        [_, _, zero, ..] if value == 0.0 => (*zero, value),
        [pos, ..] => (*pos, value),
        [] => ("General", value),
    }
}

/// A comparison of a section's condition.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    fn holds(self, value: f64, bound: f64) -> bool {
        match self {
            Cmp::Lt => value < bound,
            Cmp::Le => value <= bound,
            Cmp::Gt => value > bound,
            Cmp::Ge => value >= bound,
            Cmp::Eq => value == bound,
            Cmp::Ne => value != bound,
        }
    }
}

/// The condition in a section's brackets (`[>=1]`, `[<>0]`), if any; a
/// colour or locale in brackets before it is passed over.
fn condition(section: &str) -> Option<(Cmp, f64)> {
    let mut rest = section.trim_start();
    while let Some(inner) = rest.strip_prefix('[') {
        let (tag, after) = inner.split_once(']')?;
        let ops = [
            ("<=", Cmp::Le),
            (">=", Cmp::Ge),
            ("<>", Cmp::Ne),
            ("<", Cmp::Lt),
            (">", Cmp::Gt),
            ("=", Cmp::Eq),
        ];
        if let Some((op, bound)) = ops
            .iter()
            .find_map(|(sym, op)| Some((*op, tag.strip_prefix(sym)?)))
        {
            return bound.trim().parse::<f64>().ok().map(|b| (op, b));
        }
        rest = after.trim_start();
    }
    None
}

fn split_sections(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in code.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                out.push(code.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(code.get(start..).unwrap_or_default());
    out
}

fn tokenize(section: &str) -> Vec<Tok> {
    let chars: Vec<char> = section.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |k: usize| chars.get(k).copied();
    while let Some(c) = at(i) {
        match c {
            '"' => {
                let mut lit = String::new();
                i += 1;
                while let Some(d) = at(i) {
                    i += 1;
                    if d == '"' {
                        break;
                    }
                    lit.push(d);
                }
                out.push(Tok::Lit(lit));
                continue;
            }
            '\\' => {
                if let Some(d) = at(i + 1) {
                    out.push(Tok::Lit(d.to_string()));
                }
                i += 2;
                continue;
            }
            // `_x`: space the width of x; `*x`: fill with x. Neither prints.
            '_' | '*' => {
                if c == '_' {
                    out.push(Tok::Lit(String::new()));
                }
                i += 2;
                continue;
            }
            '[' => {
                let end = (i..chars.len()).find(|&k| at(k) == Some(']'));
                let inner: String = chars
                    .get(i + 1..end.unwrap_or(i))
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                // [h], [mm], [ss]: elapsed time; a currency and locale tag
                // ([$¥-804]) prints its symbol; anything else (colours,
                // conditions, a bare locale) does not print.
                let lower = inner.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|x| matches!(x, 'h' | 'm' | 's')) {
                    out.push(Tok::Date(lower));
                } else if let Some(tag) = inner.strip_prefix('$') {
                    let symbol = tag.split('-').next().unwrap_or_default();
                    if !symbol.is_empty() {
                        out.push(Tok::Lit(symbol.to_string()));
                    }
                }
                i = end.map_or(chars.len(), |e| e + 1);
                continue;
            }
            '@' => out.push(Tok::At),
            _ => {
                let rest: String = chars.get(i..).unwrap_or(&[]).iter().collect();
                let lower = rest.to_ascii_lowercase();
                if lower.starts_with("general") {
                    out.push(Tok::General);
                    i += 7;
                    continue;
                }
                if lower.starts_with("am/pm") || lower.starts_with("a/p") {
                    let n = if lower.starts_with("am/pm") { 5 } else { 3 };
                    out.push(Tok::Date("ampm".into()));
                    i += n;
                    continue;
                }
                if rest.starts_with("上午/下午") {
                    out.push(Tok::Date("ampm_cn".into()));
                    i += 5;
                    continue;
                }
                let lc = c.to_ascii_lowercase();
                if matches!(lc, 'y' | 'm' | 'd' | 'h' | 's' | 'e' | 'b')
                    && !(lc == 'e' && is_sci(&out))
                {
                    let run = chars
                        .get(i..)
                        .unwrap_or(&[])
                        .iter()
                        .take_while(|x| x.to_ascii_lowercase() == lc)
                        .count();
                    let lc = if lc == 'e' || lc == 'b' { 'y' } else { lc };
                    out.push(Tok::Date(std::iter::repeat_n(lc, run).collect()));
                    i += run;
                    continue;
                }
                let exponent_sign =
                    matches!(c, '+' | '-') && matches!(out.last(), Some(Tok::Pattern('E' | 'e')));
                if exponent_sign || matches!(c, '0' | '#' | '?' | '.' | ',' | '%' | 'E' | 'e') {
                    out.push(Tok::Pattern(c));
                } else {
                    out.push(Tok::Lit(c.to_string()));
                }
            }
        }
        i += 1;
    }
    out
}

/// Whether an `E` here is the exponent of a numeric pattern (`0.00E+00`).
fn is_sci(before: &[Tok]) -> bool {
    matches!(before.last(), Some(Tok::Pattern('0' | '#' | '?' | '.')))
}

/// Literal tokens around the formatted number (the number goes where the
/// pattern is, or after a General).
fn assemble(tokens: &[Tok], body: &str) -> String {
    let mut out = String::new();
    let mut placed = false;
    for t in tokens {
        match t {
            Tok::Lit(s) => out.push_str(s),
            Tok::Pattern(_) | Tok::General if !placed => {
                out.push_str(body);
                placed = true;
            }
            Tok::At if !placed => {
                out.push_str(body);
                placed = true;
            }
            _ => {}
        }
    }
    if !placed {
        out.push_str(body);
    }
    out
}

fn format_pattern(value: f64, pattern: &str) -> String {
    let percent = pattern.matches('%').count() as i32;
    let value = value * 100f64.powi(percent);
    let pat: String = pattern.chars().filter(|&c| c != '%').collect();
    if let Some(epos) = pat.find(['E', 'e']) {
        let mant = pat.get(..epos).unwrap_or_default();
        let decimals = mant.split_once('.').map_or(0, |(_, f)| {
            f.chars().filter(|c| matches!(c, '0' | '#' | '?')).count()
        });
        let exp_digits = pat
            .get(epos + 1..)
            .unwrap_or_default()
            .chars()
            .filter(|c| *c == '0')
            .count()
            .max(1);
        let s = format!("{:.*E}", decimals, value);
        let (m, e) = s.split_once('E').unwrap_or((&s, "0"));
        let exp: i32 = e.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{m}E{sign}{:0>w$}", exp.abs(), w = exp_digits)
            + &"%".repeat(percent as usize);
    }
    let (int_pat, frac_pat) = pat.split_once('.').unwrap_or((&pat, ""));
    let min_decimals = frac_pat.chars().filter(|c| matches!(c, '0' | '?')).count();
    let max_decimals = frac_pat
        .chars()
        .filter(|c| matches!(c, '0' | '#' | '?'))
        .count();
    // Commas after the last digit placeholder scale by 1000 each (after
    // the decimals too: `#,##0.0,` shows 1200 as 1.2); a comma between
    // digits groups.
    let trailing = |p: &str| p.len() - p.trim_end_matches(',').len();
    let scale = trailing(int_pat) + trailing(frac_pat);
    let value = value / 1000f64.powi(scale as i32);
    let grouping = int_pat.trim_end_matches(',').contains(',');
    let min_int = int_pat.chars().filter(|c| *c == '0').count();
    let s = round_decimal(value.abs(), max_decimals);
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let mut frac = frac_part.to_string();
    while frac.len() > min_decimals && frac.ends_with('0') {
        frac.pop();
    }
    let mut int = int_part.trim_start_matches('0').to_string();
    while int.len() < min_int {
        int.insert(0, '0');
    }
    if grouping {
        int = group(&int);
    }
    let mut out = String::new();
    let negative = value < 0.0
        && (int.chars().any(|c| c != '0' && c != ',') || frac.chars().any(|c| c != '0'));
    if negative {
        out.push('-');
    }
    out.push_str(&int);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(&frac);
    } else if max_decimals > 0
        && min_decimals == 0
        && frac_pat.contains(['#'])
        && pat.ends_with('.')
    {
        out.push('.');
    }
    out + &"%".repeat(percent as usize)
}

/// A fraction format (`# ?/?`, `# ??/??`, `?/?`, `# ?/4`): the number
/// as a whole part and the nearest fraction whose denominator has as many
/// digits as the pattern gives it (or the denominator printed), the way
/// Excel shows `0.5` as `1/2` and `1.25` as `1 1/4` (without the spaces it
/// pads with). `None` for a format without one.
fn format_fraction(value: f64, tokens: &[Tok]) -> Option<String> {
    let is_digit_place = |t: &Tok| matches!(t, Tok::Pattern('0' | '#' | '?'));
    let slash = tokens
        .iter()
        .position(|t| matches!(t, Tok::Lit(l) if l == "/"))?;
    // The numerator's places right before the slash, the denominator's
    // (or its digits) right after it.
    let before = tokens.get(..slash)?;
    let num_len = before
        .iter()
        .rev()
        .take_while(|t| is_digit_place(t))
        .count();
    if num_len == 0 {
        return None;
    }
    let after = tokens.get(slash + 1..)?;
    let den_places = after.iter().take_while(|t| is_digit_place(t)).count();
    // A printed denominator (`?/4`, `??/100`): its first digit is
    // literal, a later 0 tokenizes as a digit place.
    let digit_lit = |t: &Tok| matches!(t, Tok::Lit(d) if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    let (fixed, den_len) = match after.first() {
        Some(first) if digit_lit(first) => {
            let run: Vec<&Tok> = after
                .iter()
                .take_while(|t| digit_lit(t) || matches!(t, Tok::Pattern('0')))
                .collect();
            let digits: String = run
                .iter()
                .map(|t| match t {
                    Tok::Lit(d) => d.as_str(),
                    _ => "0",
                })
                .collect();
            (digits.parse::<u64>().ok().filter(|&d| d > 0), run.len())
        }
        _ if den_places > 0 => (None, den_places),
        _ => return None,
    };
    // A whole part: digit places, then a literal (the space), before the
    // numerator.
    let num_start = slash - num_len;
    let whole_end = num_start.checked_sub(1);
    let has_whole = whole_end
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| matches!(t, Tok::Lit(_)))
        && whole_end
            .and_then(|k| k.checked_sub(1))
            .and_then(|k| tokens.get(k))
            .is_some_and(is_digit_place);
    let start = if has_whole {
        let lit = whole_end.unwrap_or(num_start);
        let places = tokens
            .get(..lit)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|t| is_digit_place(t))
            .count();
        lit - places
    } else {
        num_start
    };
    let end = slash + 1 + den_len;
    let negative = value < 0.0;
    let v = value.abs();
    let whole = if has_whole { v.trunc() } else { 0.0 };
    let part = v - whole;
    let max_den = 10u64.pow(den_places.clamp(1, 4) as u32) - 1;
    let (mut num, den) = match fixed {
        Some(d) => ((part * d as f64).round() as u64, d),
        None => nearest_fraction(part, max_den),
    };
    let mut whole = whole as u64;
    if has_whole && num == den && num > 0 {
        whole = whole.saturating_add(1);
        num = 0;
    }
    let mut body = String::new();
    if negative && (whole > 0 || num > 0) {
        body.push('-');
    }
    if whole > 0 || (num == 0 && has_whole) {
        body.push_str(&whole.to_string());
    }
    if num > 0 || !has_whole {
        if whole > 0 {
            body.push(' ');
        }
        body.push_str(&format!("{num}/{den}"));
    }
    let mut out = String::new();
    for t in tokens.get(..start).unwrap_or_default() {
        if let Tok::Lit(l) = t {
            out.push_str(l);
        }
    }
    out.push_str(&body);
    for t in tokens.get(end..).unwrap_or_default() {
        if let Tok::Lit(l) = t {
            out.push_str(l);
        }
    }
    Some(out)
}

/// The fraction nearest `x` (0 ≤ x < 1 as used, any x ≥ 0 works) with a
/// denominator up to `max_den`; of equally near ones, the smallest
/// denominator.
fn nearest_fraction(x: f64, max_den: u64) -> (u64, u64) {
    let mut best = (x.round() as u64, 1u64);
    let mut best_err = (x - best.0 as f64).abs();
    for d in 2..=max_den {
        let n = (x * d as f64).round();
        let err = (x - n / d as f64).abs();
        if err < best_err - 1e-12 {
            best = (n as u64, d);
            best_err = err;
        }
    }
    best
}

/// `value` (not negative) with `decimals` digits after the point, rounded
/// half away from zero on its 15 significant decimal digits, as Excel
/// does (so `1.005` under `0.00` is `1.01`, and `1234.5` under `0` is
/// `1235`, where binary rounding would give `1.00` and `1234`).
fn round_decimal(value: f64, decimals: usize) -> String {
    let sci = format!("{:.14e}", value);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: Vec<u8> = mant
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    // The number is 0.d1d2d3… × 10^(exp+1): point after `exp + 1` digits.
    let point = exp + 1;
    let keep = point + decimals as i64; // digits kept from the first one
    let mut kept: Vec<u8> = if keep <= 0 {
        Vec::new()
    } else {
        digits.iter().copied().take(keep as usize).collect()
    };
    while (kept.len() as i64) < keep {
        kept.push(0);
    }
    let next = if keep < 0 {
        0
    } else {
        digits.get(keep as usize).copied().unwrap_or(0)
    };
    let mut point = point;
    if next >= 5 {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, 1);
                point += 1;
                break;
            }
            i -= 1;
            if let Some(d) = kept.get_mut(i) {
                if *d == 9 {
                    *d = 0;
                } else {
                    *d += 1;
                    break;
                }
            }
        }
    }
    // Digits before the point: `point` of them (zero-padded on the left).
    let int_len = point.max(0) as usize;
    let lead_zeros = (-point).max(0) as usize;
    let mut all: Vec<u8> = vec![0; lead_zeros];
    all.extend(kept);
    let (int_digits, frac_digits) = all.split_at(int_len.min(all.len()));
    let mut int: String = int_digits.iter().map(|d| char::from(b'0' + d)).collect();
    while int.len() < int_len {
        int.push('0');
    }
    if int.is_empty() {
        int.push('0');
    }
    let mut frac: String = frac_digits.iter().map(|d| char::from(b'0' + d)).collect();
    frac.truncate(decimals);
    while frac.len() < decimals {
        frac.push('0');
    }
    if decimals == 0 {
        int
    } else {
        format!("{int}.{frac}")
    }
}

fn group(digits: &str) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A date serial as (year, month, day, seconds into the day).
fn civil(serial: f64, date1904: bool) -> Option<(i64, u32, u32, u32)> {
    if !(0.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let secs = ((serial - serial.floor()) * 86_400.0).round() as u32;
    let (mut days, secs) = if secs >= 86_400 {
        (days + 1, 0)
    } else {
        (days, secs)
    };
    if date1904 {
        // Day 0 is 1904-01-01.
        return Some(
            from_days(days + days_from_civil(1904, 1, 1))
                .map_or((1904, 1, 1, 0), |(y, m, d)| (y, m, d, secs)),
        );
    }
    // The 1900 system counts a 29 February 1900 that never was (serial 60).
    if days == 60 {
        return Some((1900, 2, 29, secs));
    }
    if days > 60 {
        days -= 1;
    }
    // Serial 1 is 1900-01-01; serial 0 shows as 1900-01-00.
    if days == 0 {
        return Some((1900, 1, 0, secs));
    }
    let (y, m, d) = from_days(days_from_civil(1899, 12, 31) + days)?;
    Some((y, m, d, secs))
}

/// The serial of a date and a time of day in seconds, as [`civil`] reads
/// it back: days from the 1900 system's day 0 (its 29 February 1900
/// counted), or from 1904-01-01.
pub fn serial_of(y: i64, m: u32, d: u32, secs: f64, date1904: bool) -> f64 {
    let days = if date1904 {
        days_from_civil(y, m, d) - days_from_civil(1904, 1, 1)
    } else {
        let n = days_from_civil(y, m, d) - days_from_civil(1899, 12, 31);
        if n >= 60 {
            n + 1
        } else {
            n
        }
    };
    days as f64 + secs / 86_400.0
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(z: i64) -> Option<(i64, u32, u32)> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
    Some((if m <= 2 { y + 1 } else { y }, m, d))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn format_date(value: f64, tokens: &[Tok], date1904: bool) -> Option<String> {
    let (y, mo, d, secs) = civil(value, date1904)?;
    let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let twelve = tokens
        .iter()
        .any(|t| matches!(t, Tok::Date(k) if k.starts_with("ampm")));
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        match t {
            Tok::Lit(l) => out.push_str(l),
            Tok::Pattern(c) => out.push(*c),
            Tok::Date(part) => {
                let len = part.len();
                match part.chars().next().unwrap_or(' ') {
                    'y' => {
                        if len <= 2 {
                            out.push_str(&format!("{:02}", y.rem_euclid(100)));
                        } else {
                            out.push_str(&y.to_string());
                        }
                    }
                    'm' if len <= 2 && is_minute(tokens, k) => {
                        out.push_str(&pad(mi, len));
                    }
                    'm' => match len {
                        1 | 2 => out.push_str(&pad(mo, len)),
                        3 => out.push_str(MONTHS.get(mo as usize - 1).unwrap_or(&"")),
                        _ => out.push_str(MONTHS.get(mo as usize - 1).unwrap_or(&"")),
                    },
                    'd' => match len {
                        1 | 2 => out.push_str(&pad(d, len)),
                        _ => {}
                    },
                    'h' => {
                        let hh = if twelve {
                            if h % 12 == 0 {
                                12
                            } else {
                                h % 12
                            }
                        } else {
                            h
                        };
                        out.push_str(&pad(hh, len));
                    }
                    's' => out.push_str(&pad(s, len)),
                    'a' => {
                        if part == "ampm_cn" {
                            out.push_str(if h < 12 { "上午" } else { "下午" });
                        } else {
                            out.push_str(if h < 12 { "AM" } else { "PM" });
                        }
                    }
                    _ => {}
                }
            }
            Tok::General | Tok::At => {}
        }
    }
    Some(out)
}

fn pad(v: u32, len: usize) -> String {
    if len >= 2 {
        format!("{v:02}")
    } else {
        v.to_string()
    }
}

/// `m`/`mm` right after an hour or right before seconds is minutes.
fn is_minute(tokens: &[Tok], k: usize) -> bool {
    let date_parts: Vec<(usize, &str)> = tokens
        .iter()
        .enumerate()
        .filter_map(|(i, t)| match t {
            Tok::Date(p) => Some((i, p.as_str())),
            _ => None,
        })
        .collect();
    let pos = date_parts.iter().position(|(i, _)| *i == k);
    let prev = pos
        .and_then(|p| p.checked_sub(1))
        .and_then(|p| date_parts.get(p));
    let next = pos.and_then(|p| date_parts.get(p + 1));
    prev.is_some_and(|(_, p)| p.starts_with('h')) || next.is_some_and(|(_, p)| p.starts_with('s'))
}

/// Whether a format code shows dates or times.
pub fn is_date_format(code: &str) -> bool {
    let first = split_sections(code).first().copied().unwrap_or_default();
    tokenize(first).iter().any(|t| matches!(t, Tok::Date(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_as_excel_shows_it() {
        assert_eq!(general(1466.0500000000002), "1466.05");
        assert_eq!(general(593.0), "593");
        assert_eq!(general(0.1 + 0.2), "0.3");
        assert_eq!(general(2.5), "2.5");
        assert_eq!(general(-12.75), "-12.75");
        assert_eq!(general(123456789012.0), "1.23457E+11");
    }

    #[test]
    fn numeric_patterns() {
        assert_eq!(format_number(0.95, "0%", false), "95%");
        assert_eq!(format_number(0.995, "0.0%", false), "99.5%");
        assert_eq!(format_number(1466.05, "#,##0.00", false), "1,466.05");
        assert_eq!(format_number(18426.35, "#,##0.00", false), "18,426.35");
        assert_eq!(format_number(1647.19, "0.00", false), "1647.19");
        assert_eq!(format_number(593.0, "0.00", false), "593.00");
        assert_eq!(format_number(1234.5, "#,##0", false), "1,235");
        assert_eq!(
            format_number(-5.0, "#,##0.00_);(#,##0.00)", false),
            "(5.00)"
        );
        assert_eq!(format_number(12.0, "0\"个\"", false), "12个");
        assert_eq!(format_number(0.5, "General", false), "0.5");
        assert_eq!(format_number(1234.0, "0.00E+00", false), "1.23E+03");
        assert_eq!(format_number(1.005, "0.00", false), "1.01");
        assert_eq!(format_number(0.004, "0.00", false), "0.00");
        assert_eq!(format_number(0.0456, "0.0%", false), "4.6%");
        assert_eq!(format_number(999.996, "#,##0.00", false), "1,000.00");
        assert_eq!(format_number(0.0, "0%", false), "0%");
        assert_eq!(format_number(3.0, "@", false), "3");
        // A currency tag prints its symbol; a bare locale tag nothing.
        assert_eq!(
            format_number(1234.5, "[$¥-804]#,##0.00", false),
            "¥1,234.50"
        );
        assert_eq!(format_number(1234.5, "[$-804]#,##0.00", false), "1,234.50");
        // Commas after the last digit placeholder scale by a thousand,
        // after the decimals as well.
        assert_eq!(format_number(1200.0, "#,##0.0,", false), "1.2");
        assert_eq!(
            format_number(25000.0, "0.0,\"千人次\"", false),
            "25.0千人次"
        );
        assert_eq!(format_number(3_500_000.0, "#,##0,,", false), "4");
        assert_eq!(format_number(3_500_000.0, "#,##0,", false), "3,500");
    }

    #[test]
    fn sections_by_condition_and_empty_sections() {
        // Conditions choose the section (they were dropped, the sign
        // chose: 1200 showed as 120000.0%).
        let code = "[<1]0.0%;#,##0\"辆\"";
        assert_eq!(format_number(1200.0, code, false), "1,200辆");
        assert_eq!(format_number(0.95, code, false), "95.0%");
        assert_eq!(format_number(0.95, "[>=1]0.00;0.00%", false), "95.00%");
        assert_eq!(format_number(3.0, "[>=1]0.00;0.00%", false), "3.00");
        assert_eq!(
            format_number(5.0, "[Red][<=3]0;[Blue][>3]0.0", false),
            "5.0"
        );
        // An empty section shows nothing: a zero left blank.
        assert_eq!(format_number(0.0, "0.00;-0.00;;@", false), "");
        assert_eq!(format_number(2.0, "0.00;-0.00;;@", false), "2.00");
        assert_eq!(format_number(-2.0, "0.00;-0.00;;@", false), "-2.00");
    }

    #[test]
    fn fractions_as_excel_shows_them() {
        assert_eq!(format_number(0.5, "# ?/?", false), "1/2");
        assert_eq!(format_number(1.25, "# ?/?", false), "1 1/4");
        assert_eq!(format_number(2.0, "# ?/?", false), "2");
        assert_eq!(format_number(0.0, "# ?/?", false), "0");
        assert_eq!(format_number(0.3333, "# ??/??", false), "1/3");
        assert_eq!(format_number(2.1416, "# ??/??", false), "2 14/99");
        assert_eq!(format_number(0.99, "# ?/?", false), "1");
        assert_eq!(format_number(1.5, "?/?", false), "3/2");
        assert_eq!(format_number(0.75, "# ?/4", false), "3/4");
        assert_eq!(format_number(0.75, "# ??/100", false), "75/100");
        assert_eq!(format_number(1.0625, "# ??/16", false), "1 1/16");
        assert_eq!(format_number(-1.5, "# ?/?", false), "-1 1/2");
        // (A number past any integer: no overflow.)
        assert!(!format_number(1e300, "# ?/?", false).is_empty());
        assert_eq!(format_number(0.5, "# ?/?\"亩\"", false), "1/2亩");
        // The built-in ids 12 and 13.
        assert_eq!(
            builtin_format(12).map(|c| format_number(0.5, c, false)),
            Some("1/2".into())
        );
        // A slash that is no fraction's stays literal.
        assert_eq!(format_number(5.0, "0\"/人\"", false), "5/人");
    }

    #[test]
    fn chinese_builtin_date_ids() {
        let shown = |id| builtin_format(id).map(|c| format_number(46052.0, c, false));
        // 2026-01-30, as Chinese Excel and WPS show the ids they write
        // without a format code.
        for id in [27, 36, 50, 52, 57] {
            assert_eq!(shown(id).as_deref(), Some("2026年1月"), "{id}");
        }
        for id in [28, 29, 51, 53, 54, 58] {
            assert_eq!(shown(id).as_deref(), Some("1月30日"), "{id}");
        }
        assert_eq!(shown(31).as_deref(), Some("2026年1月30日"));
    }

    #[test]
    fn dates_and_times() {
        assert_eq!(format_number(46022.0, "yyyy/m/d", false), "2025/12/31");
        assert_eq!(
            format_number(46022.0, "yyyy\"年\"m\"月\"d\"日\"", false),
            "2025年12月31日"
        );
        assert_eq!(format_number(46022.0, "yyyy-mm-dd", false), "2025-12-31");
        assert_eq!(
            format_number(46022.5, "yyyy-mm-dd hh:mm", false),
            "2025-12-31 12:00"
        );
        assert_eq!(format_number(61.0, "yyyy-mm-dd", false), "1900-03-01");
        assert_eq!(format_number(0.0, "yyyy-mm-dd", true), "1904-01-01");
        assert!(is_date_format("yyyy\"年\"m\"月\""));
        assert!(!is_date_format("#,##0.00"));
        assert!(!is_date_format("0.00E+00"));
    }
}
