//! Radicals and compatibility ideographs in a font's text, as the unified
//! ideographs a reader sees (SPEC §2.1). Producers that subset fonts by
//! glyph (Chromium) write one ToUnicode entry per glyph; where the font's
//! cmap maps a radical and an ideograph to the same glyph, the entry may
//! name the radical: the page shows 目, the text layer says `⽬` (U+2F6C),
//! and no label matches. Only text decoded from a PDF font is folded; text
//! input keeps its characters.
//!
//! The table is generated (scripts/make_ideograph_fold.pl) rather than
//! computed with a normalisation crate at run time: NFKC would fold Kangxi
//! radicals and compatibility ideographs, but the CJK radicals supplement
//! (`⻔` U+2ED4 for 门) has no decomposition at all, only Unicode's
//! Equivalent_Unified_Ideograph property, which no crate exposes; and NFKC
//! would also change characters that must stay (full-width ASCII).

use super::ideograph_table::FOLD;

/// Whether `c` lies in a block the table covers, so that ordinary text
/// skips the search.
fn in_folded_blocks(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

/// The unified ideograph `c` stands for, or `c` itself.
pub fn fold_char(c: char) -> char {
    if !in_folded_blocks(c) {
        return c;
    }
    FOLD.binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .and_then(|i| FOLD.get(i))
        .map_or(c, |&(_, to)| to)
}

/// `text` with every radical and compatibility ideograph folded; the string
/// is only rebuilt when it holds one.
pub fn fold(text: String) -> String {
    if text.chars().any(in_folded_blocks) {
        text.chars().map(fold_char).collect()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_and_compatibility_ideographs_fold() {
        assert_eq!(fold("项⽬".into()), "项目");
        assert_eq!(fold("部⻔".into()), "部门");
        assert_eq!(fold("⼀⼆".into()), "一二");
        // The radical a Simplified Chinese font draws as 户, not 戶.
        assert_eq!(fold("财政专⼾".into()), "财政专户");
        // Compatibility ideographs: their canonical decomposition.
        assert_eq!(fold_char('\u{F900}'), '\u{8C48}');
        assert_eq!(fold_char('\u{2F800}'), '\u{4E3D}');
    }

    #[test]
    fn everything_else_stays() {
        for s in ["目门", "ＡＢＣ１２３", "（一）", "≥95%", "Page 1", ""] {
            assert_eq!(fold(s.into()), s);
        }
        // Compatibility ideographs that are unified ideographs themselves
        // (U+FA0E 﨎) and radicals without an equivalent (U+2E80) stay.
        assert_eq!(fold_char('\u{FA0E}'), '\u{FA0E}');
        assert_eq!(fold_char('\u{2E80}'), '\u{2E80}');
    }

    #[test]
    fn table_is_sorted_and_maps_into_unified_ideographs() {
        assert!(FOLD.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)));
        assert!(FOLD.iter().all(|&(from, to)| in_folded_blocks(from)
            && !in_folded_blocks(to)
            && ('\u{3400}'..='\u{9FFF}').contains(&to)
                | ('\u{20000}'..='\u{3FFFF}').contains(&to)));
    }
}
