//! Debug views of one page's layout, for `pifu inspect`: a text report of
//! the lines, the grids and their cells and the rows they give, and an SVG
//! drawing of glyph boxes, rulings and detected cells, so a wrong row can
//! be traced back to the geometry that produced it.

use std::fmt::Write as _;

use crate::extract::page::Page;

use super::clean::sane;
use super::furniture::{is_page_number, margin_lines};
use super::{analyze_page, text};

fn fmt(v: f64) -> String {
    if sane(v) {
        format!("{v:.1}")
    } else {
        "?".to_string()
    }
}

fn positions(v: &[f64]) -> String {
    v.iter().map(|&p| fmt(p)).collect::<Vec<_>>().join(" ")
}

/// The page's lines, grids, cells and rows as text. Page-number lines in
/// the margins are marked; running headers need the other pages and are
/// not.
pub fn describe_page(page: &Page) -> String {
    let a = analyze_page(page);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "page {}: {} x {} pt, {} glyphs, {} rulings -> {} horizontal + {} vertical edges, {} table(s){}",
        page.number,
        fmt(page.width),
        fmt(page.height),
        a.glyphs.len(),
        page.rulings.len(),
        a.edges.h.len(),
        a.edges.v.len(),
        a.grids.len(),
        if a.grids.is_empty() {
            " (no grid: columns from text gaps)"
        } else {
            ""
        }
    );
    let all: Vec<usize> = (0..a.glyphs.len()).collect();
    let lines = text::group_lines(&a.glyphs, &all);
    let _ = writeln!(out, "lines ({}):", lines.len());
    for l in &lines {
        let _ = writeln!(
            out,
            "  y {}..{} base {} x {}..{}: {}",
            fmt(l.top),
            fmt(l.bottom),
            fmt(l.baseline),
            fmt(l.x0),
            fmt(l.x1),
            text::line_text(&a.glyphs, l)
        );
    }
    for (t, g) in a.grids.iter().enumerate() {
        let _ = writeln!(
            out,
            "table {}: {} rows x {} cols, {} cells",
            t + 1,
            g.rows(),
            g.cols(),
            g.cells.len()
        );
        let _ = writeln!(out, "  x: {}", positions(&g.xs));
        let _ = writeln!(out, "  y: {}", positions(&g.ys));
        let texts = a.cell_texts.get(t);
        for (k, c) in g.cells.iter().enumerate() {
            let _ = writeln!(
                out,
                "  r{} c{} span {}x{}{}: {}",
                c.row,
                c.col,
                c.rowspan,
                c.colspan,
                if c.closed { "" } else { " (open)" },
                crate::inspect::one_line(texts.and_then(|v| v.get(k)).map_or("", String::as_str))
            );
        }
    }
    let margins = margin_lines(&a.items, page.height);
    let _ = writeln!(out, "rows ({}):", a.items.len());
    for (k, item) in a.items.iter().enumerate() {
        let what = match item.table {
            Some(t) => format!("table {}", t + 1),
            None => "text".to_string(),
        };
        let dropped = margins
            .iter()
            .any(|m| m.item == k && m.in_band && is_page_number(&item.cells.join(" ")));
        let _ = writeln!(
            out,
            "  [{what}{}] y {}: {}",
            if dropped {
                ", page number: dropped"
            } else {
                ""
            },
            fmt(item.top),
            crate::inspect::one_line(&item.cells.join(" | "))
        );
    }
    out
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Not allowed in XML 1.0.
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// An SVG of the page: glyph boxes (grey) with their text, rulings (red),
/// detected cells (blue; dashed when open), each cell titled with its
/// row, column, spans and text.
pub fn page_svg(page: &Page) -> String {
    let a = analyze_page(page);
    // Size from the page, or from what is drawn when the page has none.
    let extent = a
        .glyphs
        .iter()
        .map(|g| (g.x1, g.bottom))
        .chain(a.edges.h.iter().map(|e| (e.end, e.pos)))
        .chain(a.edges.v.iter().map(|e| (e.pos, e.end)))
        .fold((1.0_f64, 1.0_f64), |(w, h), (x, y)| (w.max(x), h.max(y)));
    let w = if sane(page.width) && page.width > 0.0 {
        page.width
    } else {
        extent.0
    };
    let h = if sane(page.height) && page.height > 0.0 {
        page.height
    } else {
        extent.1
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.1}" height="{h:.1}" viewBox="0 0 {w:.1} {h:.1}">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);

    let _ = writeln!(
        out,
        r##"<g class="glyphs" fill="none" stroke="#999" stroke-width="0.2">"##
    );
    for g in a.glyphs.iter().filter(|g| !g.ws) {
        let _ = writeln!(
            out,
            r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"/>"#,
            g.x0,
            g.top,
            g.x1 - g.x0,
            g.bottom - g.top
        );
    }
    let _ = writeln!(out, "</g>");
    let _ = writeln!(out, r##"<g class="text" fill="#444">"##);
    for g in a.glyphs.iter().filter(|g| !g.ws) {
        let _ = writeln!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{:.2}">{}</text>"#,
            g.x0,
            g.baseline,
            g.size,
            xml_escape(&g.text)
        );
    }
    let _ = writeln!(out, "</g>");

    let _ = writeln!(
        out,
        r##"<g class="rulings" stroke="#d62728" stroke-width="0.6">"##
    );
    for r in page
        .rulings
        .iter()
        .filter(|r| [r.x0, r.y0, r.x1, r.y1].into_iter().all(sane))
    {
        let _ = writeln!(
            out,
            r#"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}"/>"#,
            r.x0, r.y0, r.x1, r.y1
        );
    }
    let _ = writeln!(out, "</g>");

    let _ = writeln!(
        out,
        r##"<g class="cells" fill="#1f77b4" fill-opacity="0.05" stroke="#1f77b4" stroke-width="1.2">"##
    );
    for (t, g) in a.grids.iter().enumerate() {
        let texts = a.cell_texts.get(t);
        for (k, c) in g.cells.iter().enumerate() {
            let _ = writeln!(
                out,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}"{}><title>table {} r{} c{} span {}x{}: {}</title></rect>"#,
                c.x0,
                c.y0,
                c.x1 - c.x0,
                c.y1 - c.y0,
                if c.closed {
                    ""
                } else {
                    r#" stroke-dasharray="4 2""#
                },
                t + 1,
                c.row,
                c.col,
                c.rowspan,
                c.colspan,
                xml_escape(texts.and_then(|v| v.get(k)).map_or("", String::as_str))
            );
        }
    }
    let _ = writeln!(out, "</g>");
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::pdf::tests::{page, table, text_at};

    fn sample() -> Page {
        let (mut glyphs, rulings) = table(
            &[50.0, 150.0, 250.0],
            &[100.0, 120.0, 140.0],
            &[(0, 0, 2, 1, "A&B"), (0, 1, 1, 1, "x"), (1, 1, 1, 1, "<y>")],
        );
        glyphs.extend(text_at("- 1 -", 280.0, 815.0, 100.0));
        page(1, glyphs, rulings)
    }

    #[test]
    fn description_lists_grid_cells_and_rows() {
        let d = describe_page(&sample());
        for want in [
            "1 table(s)",
            "  x: 50.0 150.0 250.0",
            "  y: 100.0 120.0 140.0",
            "  r0 c0 span 2x1: A&B",
            "  r1 c1 span 1x1: <y>",
            "[table 1] y 100.0: A&B | x",
            "[table 1] y 120.0:  | <y>",
            "[text, page number: dropped] y 807.0: - 1 -",
        ] {
            assert!(d.contains(want), "missing {want:?} in\n{d}");
        }
    }

    #[test]
    fn svg_draws_cells_rulings_and_escaped_text() {
        let s = page_svg(&sample());
        assert!(s.starts_with("<svg "));
        assert!(s.trim_end().ends_with("</svg>"));
        assert_eq!(s.matches("<title>").count(), 3);
        assert_eq!(s.matches("<line ").count(), 12);
        assert!(s.contains("r0 c0 span 2x1: A&amp;B"));
        assert!(s.contains("&lt;"));
        assert!(!s.contains("<y>"));
    }
}
