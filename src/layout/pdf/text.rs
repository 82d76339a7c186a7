//! Step 3, glyphs to text: glyphs grouped into lines by baseline, a line's
//! text with a space only where the gap says one was meant, a cell's lines
//! joined, and a line cut into cells at wide gaps.
//!
//! Chinese text has no spaces between words, so a gap between two CJK
//! glyphs never becomes a space; between Latin letters or digits a gap
//! wider than a quarter em does (PDFs often position words instead of
//! showing a space). Space glyphs that the PDF does show are kept.

use super::clean::G;

/// Glyphs whose baselines differ by at most this (in em of the larger
/// glyph) are on one line; a line's leading is at least 1 em, a
/// superscript's shift well under half of one.
pub const LINE_TOL_EM: f64 = 0.5;
/// A gap this wide between Latin/digit glyphs is a space.
pub const SPACE_GAP_EM: f64 = 0.25;
/// The same character drawn again this close (fake bold: a glyph shown
/// twice, shifted a fraction of a point) is one character.
pub const DUPLICATE_EM: f64 = 0.2;

/// One line: indices into the page's glyphs, sorted left to right, and the
/// box of its visible glyphs.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub glyphs: Vec<usize>,
    pub baseline: f64,
    pub top: f64,
    pub bottom: f64,
    pub x0: f64,
    pub x1: f64,
}

/// Characters that join their neighbours without a space: CJK ideographs,
/// kana and hangul, CJK and full-width punctuation, and the quotes and
/// dashes Chinese typesetting uses.
pub fn is_tight(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{9FFF}'      // radicals, CJK symbols/punctuation, kana, ideographs
        | '\u{AC00}'..='\u{D7AF}'    // hangul
        | '\u{F900}'..='\u{FAFF}'    // compatibility ideographs
        | '\u{FE10}'..='\u{FE1F}'    // vertical forms
        | '\u{FE30}'..='\u{FE4F}'    // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}'    // full-width forms
        | '\u{20000}'..='\u{3FFFF}'  // ideograph extensions
        | '“' | '”' | '‘' | '’' | '—' | '…' | '·')
}

fn em(a: &G, b: &G) -> f64 {
    a.size.max(b.size)
}

/// Glyphs `idx` (indices into `glyphs`) grouped into lines, top to bottom.
/// Lines with only whitespace are dropped; duplicate overprinted glyphs
/// are removed.
pub fn group_lines(glyphs: &[G], idx: &[usize]) -> Vec<Line> {
    let mut order: Vec<(usize, &G)> = idx
        .iter()
        .filter_map(|&i| glyphs.get(i).map(|g| (i, g)))
        .collect();
    order.sort_by(|a, b| {
        a.1.baseline
            .total_cmp(&b.1.baseline)
            .then(a.1.x0.total_cmp(&b.1.x0))
    });
    let mut lines = Vec::new();
    let mut start = 0;
    while let Some(&(_, first)) = order.get(start) {
        // A line runs while baselines stay within tolerance of its first
        // (not of the previous glyph, so lines cannot chain downwards).
        let mut size = first.size;
        let mut end = start + 1;
        while let Some(&(_, g)) = order.get(end) {
            if g.baseline - first.baseline > LINE_TOL_EM * size.max(g.size) {
                break;
            }
            size = size.max(g.size);
            end += 1;
        }
        if let Some(members) = order.get_mut(start..end) {
            members.sort_by(|a, b| a.1.x0.total_cmp(&b.1.x0).then(a.1.x1.total_cmp(&b.1.x1)));
            lines.extend(line_of(members.iter().copied()));
        }
        start = end;
    }
    lines
}

/// A line from its glyphs (sorted by x), overprinted duplicates removed;
/// `None` if no glyph is visible.
fn line_of<'g, 'a: 'g>(members: impl Iterator<Item = (usize, &'g G<'a>)>) -> Option<Line> {
    let mut kept: Vec<(usize, &G)> = Vec::with_capacity(members.size_hint().0);
    for (i, g) in members {
        let duplicate = kept.iter().rev().take(3).any(|(_, k)| {
            k.text == g.text
                && (k.x0 - g.x0).abs() <= DUPLICATE_EM * em(k, g)
                && (k.baseline - g.baseline).abs() <= DUPLICATE_EM * em(k, g)
        });
        if !duplicate {
            kept.push((i, g));
        }
    }
    let mut visible = kept.iter().map(|(_, g)| *g).filter(|g| !g.ws);
    let first = visible.next()?;
    let mut line = Line {
        glyphs: kept.iter().map(|(i, _)| *i).collect(),
        baseline: first.baseline,
        top: first.top,
        bottom: first.bottom,
        x0: first.x0,
        x1: first.x1,
    };
    let (mut sum, mut n) = (first.baseline, 1.0);
    for g in visible {
        sum += g.baseline;
        n += 1.0;
        line.top = line.top.min(g.top);
        line.bottom = line.bottom.max(g.bottom);
        line.x0 = line.x0.min(g.x0);
        line.x1 = line.x1.max(g.x1);
    }
    line.baseline = sum / n;
    Some(line)
}

/// A line's text: glyphs left to right, shown spaces kept (one for a run),
/// a space added at a wide gap between two non-CJK glyphs, no leading or
/// trailing space.
pub fn line_text(glyphs: &[G], line: &Line) -> String {
    let mut out = String::with_capacity(line.glyphs.len() * 4);
    let mut prev: Option<&G> = None;
    let mut shown_space: Option<char> = None;
    for g in line.glyphs.iter().filter_map(|&i| glyphs.get(i)) {
        if g.ws {
            if prev.is_some() && shown_space.is_none() {
                shown_space = g.text.chars().next();
            }
            continue;
        }
        if let Some(p) = prev {
            if let Some(c) = shown_space.take() {
                out.push(c);
            } else {
                let gap = g.x0 - p.x1;
                let latin = !out.ends_with(is_tight) && !g.text.starts_with(is_tight);
                if latin && gap > SPACE_GAP_EM * em(p, g) {
                    out.push(' ');
                }
            }
        }
        out.push_str(&g.text);
        prev = Some(g);
    }
    out
}

/// A cell's lines as one text: CJK joined without a space, Latin words
/// with one.
pub fn join_lines<'s>(lines: impl IntoIterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for line in lines {
        push_line(&mut out, line);
    }
    out
}

/// Appends one line to a cell's text (see [`join_lines`]).
fn push_line(out: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let tight = out.ends_with(is_tight) || line.starts_with(is_tight);
    if !out.is_empty() && !tight && !out.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(line);
}

/// The text of a set of glyphs (a cell): lines by baseline, separated by
/// `\n`. The reconstruction joins them (CJK without a space, Latin with
/// one), and reads a line that opens with an enumerator as a list item.
pub fn block_text(glyphs: &[G], idx: &[usize]) -> String {
    let mut out = String::new();
    for line in group_lines(glyphs, idx) {
        let text = line_text(glyphs, &line);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text);
    }
    out
}

/// A line cut into pieces where two visible glyphs are more than `gap_em`
/// em apart (spaces in between do not bridge the gap).
pub fn split_line(glyphs: &[G], line: &Line, gap_em: f64) -> Vec<Line> {
    let mut parts: Vec<Vec<(usize, &G)>> = Vec::new();
    let mut current: Vec<(usize, &G)> = Vec::new();
    let mut prev: Option<&G> = None;
    for &i in &line.glyphs {
        let Some(g) = glyphs.get(i) else { continue };
        if !g.ws {
            if let Some(p) = prev {
                if g.x0 - p.x1 > gap_em * em(p, g) {
                    parts.push(std::mem::take(&mut current));
                }
            }
            prev = Some(g);
        }
        current.push((i, g));
    }
    parts.push(current);
    parts
        .into_iter()
        .filter_map(|p| line_of(p.into_iter()))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::page::Glyph;
    use crate::layout::pdf::clean::clean_glyphs;
    use crate::layout::pdf::clean::tests::glyph;

    /// Glyphs for `s` from `x` on baseline `y`, one per char, each as wide
    /// as `glyph` makes it, with `gap` pt between them.
    pub fn word(s: &str, x: f64, y: f64, size: f64, gap: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in s.chars() {
            let g = glyph(&c.to_string(), x, y, size);
            x = g.x1 + gap;
            out.push(g);
        }
        out
    }

    fn texts(raw: &[Glyph]) -> Vec<String> {
        let gs = clean_glyphs(raw);
        let idx: Vec<usize> = (0..gs.len()).collect();
        group_lines(&gs, &idx)
            .iter()
            .map(|l| line_text(&gs, l))
            .collect()
    }

    #[test]
    fn lines_by_baseline_sorted_by_x() {
        let mut raw = word("第二行", 0.0, 30.0, 10.0, 0.0);
        raw.extend(word("一行", 10.0, 15.0, 10.0, 0.0));
        raw.push(glyph("第", 0.0, 15.5, 10.0)); // slightly lower, same line
        raw.reverse();
        assert_eq!(texts(&raw), vec!["第一行", "第二行"]);
    }

    #[test]
    fn spaces_from_gaps_only_between_latin() {
        // "CIM" gap 4 pt "platform" at 10 pt: a space; CJK with the same
        // gap: none; Latin with a 1 pt gap: none.
        let mut raw = word("CIM", 0.0, 10.0, 10.0, 0.0);
        raw.extend(word("ab", 19.0, 10.0, 10.0, 0.0));
        raw.extend(word("数据", 33.0, 10.0, 10.0, 4.0));
        raw.extend(word("12", 57.0, 10.0, 10.0, 1.0));
        assert_eq!(texts(&raw), vec!["CIM ab数据12"]);
    }

    #[test]
    fn shown_spaces_kept_once_and_trimmed() {
        let mut raw = vec![glyph(" ", -5.0, 10.0, 10.0)];
        raw.extend(word("2024", 0.0, 10.0, 10.0, 0.0));
        raw.push(glyph(" ", 20.0, 10.0, 10.0));
        raw.push(glyph(" ", 25.0, 10.0, 10.0));
        raw.extend(word("年", 30.0, 10.0, 10.0, 0.0));
        raw.push(glyph(" ", 40.0, 10.0, 10.0));
        assert_eq!(texts(&raw), vec!["2024 年"]);
    }

    #[test]
    fn overprinted_duplicates_removed() {
        let mut raw = word("合计", 0.0, 10.0, 10.0, 0.0);
        raw.extend(word("合计", 0.3, 10.0, 10.0, 0.0));
        raw.extend(word("00", 30.0, 10.0, 10.0, 0.0));
        assert_eq!(texts(&raw), vec!["合计00"]);
    }

    #[test]
    fn cell_lines_join_cjk_tight_latin_spaced() {
        assert_eq!(
            join_lines(["高频政务服务事项中", "实现“一网通办”比例"]),
            "高频政务服务事项中实现“一网通办”比例"
        );
        assert_eq!(
            join_lines(["<p>(一) 规划。</p>", "<p>(二) 建设"]),
            "<p>(一) 规划。</p> <p>(二) 建设"
        );
        assert_eq!(
            join_lines(["达到", "95%", "", "and", "more"]),
            "达到95% and more"
        );
        let mut raw = word("登记入表达", 0.0, 10.0, 10.0, 0.0);
        raw.extend(word("27万元", 0.0, 24.0, 10.0, 0.0));
        let gs = clean_glyphs(&raw);
        let idx: Vec<usize> = (0..gs.len()).collect();
        assert_eq!(block_text(&gs, &idx), "登记入表达\n27万元");
    }

    #[test]
    fn split_at_wide_gaps_not_bridged_by_spaces() {
        let mut raw = word("项目", 0.0, 10.0, 10.0, 0.0);
        raw.push(glyph(" ", 25.0, 10.0, 10.0));
        raw.extend(word("金额", 45.0, 10.0, 10.0, 0.0)); // 25 pt gap = 2.5 em
        raw.extend(word("单位", 67.0, 10.0, 10.0, 0.0)); // 2 pt gap
        let gs = clean_glyphs(&raw);
        let idx: Vec<usize> = (0..gs.len()).collect();
        let lines = group_lines(&gs, &idx);
        assert_eq!(lines.len(), 1);
        let line = lines.first().cloned().expect("one line");
        let parts: Vec<String> = split_line(&gs, &line, 2.0)
            .iter()
            .map(|l| line_text(&gs, l))
            .collect();
        assert_eq!(parts, vec!["项目", "金额单位"]);
        assert_eq!(split_line(&gs, &line, 3.0).len(), 1);
    }

    #[test]
    fn tight_characters() {
        for c in ['数', '，', '。', '（', '“', '—', '　'] {
            assert!(is_tight(c), "{c}");
        }
        for c in ['a', '1', '%', '≥', '(', '<'] {
            assert!(!is_tight(c), "{c}");
        }
    }
}
