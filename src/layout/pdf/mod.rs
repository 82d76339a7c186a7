//! PDF pages to rows of cells: the geometric layout stage.
//!
//! The rows come out exactly as the text path reads them from a text dump
//! (one row per table row, one entry per cell, empty entries where merged
//! cells continue, one row per line of text outside tables), so the
//! reconstruction works on either. The stage is a chain of small pure steps
//! in the style of pdfplumber's table finder, one file each:
//!
//! 0. [`clean`]: glyphs with unusable coordinates dropped, boxes repaired.
//! 1. [`edges`]: rulings oriented, snapped to shared positions, collinear
//!    pieces merged.
//! 2. [`grid`]: crossing edges grouped into tables; each table's grid
//!    positions and its cells, with spans from the borders that are drawn.
//! 3. [`text`]: glyphs grouped into lines by baseline, a line's text, a
//!    cell's lines joined, lines cut at wide gaps.
//! 4. [`cells`]: glyphs into cells by centre point, tables into rows.
//! 5. [`breaks`]: a merged cell cut by a page break whose text is printed
//!    only in its later part gets the text in its first part too.
//! 6. [`furniture`]: page numbers and running headers/footers dropped.
//!
//! This file runs the steps per page ([`analyze_page`]), orders a page's
//! table rows and text lines top to bottom, and strings the pages together
//! ([`layout_pages`]). Text outside tables becomes one row per line, cut
//! into cells at gaps over [`FREE_GAP_EM`]; a page where no table grid was
//! found (no rulings, or rulings that enclose no table) is read from text
//! alignment alone, cut at gaps over [`BORDERLESS_GAP_EM`]. [`render`]
//! draws what a page's analysis found, for `pifu inspect`.

pub mod breaks;
pub mod cells;
pub mod clean;
pub mod edges;
pub mod furniture;
pub mod grid;
pub mod render;
pub mod text;

use crate::extract::page::Page;

use super::{Layout, Row};
use crate::model::Warning;

pub use render::{describe_page, page_svg};

/// Text outside tables is cut into cells at gaps wider than this (em): a
/// heading with a unit far to its right, a form line.
pub const FREE_GAP_EM: f64 = 2.0;
/// On a page without any table grid, columns are read from the text alone:
/// gaps wider than this (em) separate cells.
pub const BORDERLESS_GAP_EM: f64 = 1.5;

/// One row of a page before pages are strung together: a table row or a
/// line of text, with where it sits.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub top: f64,
    pub bottom: f64,
    pub x0: f64,
    pub cells: Vec<String>,
    /// The table (index into [`PageAnalysis::grids`]) the row belongs to;
    /// `None` for text outside tables.
    pub table: Option<usize>,
    /// Each cell's extent, for table rows.
    pub spans: Option<Vec<crate::layout::Span>>,
}

/// Everything layout found on one page.
#[derive(Debug, Clone)]
pub struct PageAnalysis<'a> {
    pub glyphs: Vec<clean::G<'a>>,
    pub edges: edges::Edges,
    pub grids: Vec<grid::Grid>,
    /// Per table, the text of each cell.
    pub cell_texts: Vec<Vec<String>>,
    /// Lines of the glyphs outside every table.
    pub free_lines: Vec<text::Line>,
    /// The free lines as rows (cut into cells at wide gaps).
    pub text_items: Vec<Item>,
    /// Table rows and text lines, top to bottom.
    pub items: Vec<Item>,
    /// Lines running on across a cell border (see
    /// [`cells::lines_across_borders`]).
    pub across_borders: Vec<String>,
}

/// What the rows of a page are made from, kept across pages so that cells
/// cut by a page break can be mended before the rows are built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageContent {
    pub height: f64,
    pub grids: Vec<grid::Grid>,
    pub cell_texts: Vec<Vec<String>>,
    pub text_items: Vec<Item>,
}

impl PageContent {
    /// Table rows and text lines, top to bottom (reading order; side by
    /// side, left to right; the sort is stable, so a table's rows keep
    /// their order).
    pub fn items(&self) -> Vec<Item> {
        let mut items = self.text_items.clone();
        for (t, g) in self.grids.iter().enumerate() {
            let texts = self.cell_texts.get(t).map_or(&[][..], Vec::as_slice);
            let x0 = g.bbox().0;
            items.extend(cells::grid_rows(g, texts).into_iter().map(|row| Item {
                top: row.top,
                bottom: row.bottom,
                x0,
                cells: row.cells,
                table: Some(t),
                spans: Some(row.spans),
            }));
        }
        items.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
        items
    }
}

/// Steps 0–4 for one page.
pub fn analyze_page(page: &Page) -> PageAnalysis<'_> {
    let glyphs = clean::clean_glyphs(&page.glyphs);
    let edges = edges::edges_from_rulings(&page.rulings);
    let points: Vec<(f64, f64)> = glyphs
        .iter()
        .filter(|g| !g.ws)
        .map(|g| (g.cx(), g.cy()))
        .collect();
    // A frame drawn round a table whose columns have no rules makes a grid
    // of one column: its rows are read from the gaps between their texts
    // instead, as on a page with horizontal rules only.
    let grids: Vec<grid::Grid> = grid::find_tables(&edges, &points)
        .into_iter()
        .filter(|g| !is_frame_without_columns(g))
        .collect();
    let assignment = cells::assign(&grids, &glyphs);
    let cell_texts: Vec<Vec<String>> = assignment
        .cells
        .iter()
        .map(|c| cells::cell_texts(&glyphs, c))
        .collect();
    let free_lines = text::group_lines(&glyphs, &assignment.free);
    let across_borders = cells::lines_across_borders(&glyphs, &assignment);

    let gap = if grids.is_empty() {
        BORDERLESS_GAP_EM
    } else {
        FREE_GAP_EM
    };
    let mut text_items: Vec<Item> = Vec::new();
    for line in &free_lines {
        let cells: Vec<String> = text::split_line(&glyphs, line, gap)
            .iter()
            .map(|part| text::line_text(&glyphs, part))
            .filter(|t| !t.is_empty())
            .collect();
        if !cells.is_empty() {
            text_items.push(Item {
                top: line.top,
                bottom: line.bottom,
                x0: line.x0,
                cells,
                table: None,
                spans: None,
            });
        }
    }
    let content = PageContent {
        height: page.height,
        grids,
        cell_texts,
        text_items,
    };
    let items = content.items();
    PageAnalysis {
        glyphs,
        edges,
        grids: content.grids,
        cell_texts: content.cell_texts,
        free_lines,
        text_items: content.text_items,
        items,
        across_borders,
    }
}

/// 1-based page number: the page's own, or its position.
fn page_number(page: &Page, index: usize) -> u32 {
    if page.number > 0 {
        page.number
    } else {
        u32::try_from(index + 1).unwrap_or(u32::MAX)
    }
}

/// Rows of all pages in reading order, furniture and blank rows dropped.
/// `after_page_break` marks the first row of a page when rows came before
/// it (as a text dump's blank line would).
pub fn layout_pages(pages: &[Page]) -> Layout {
    // Only what the rows are made of is kept of each page, not its glyphs.
    let mut warnings = Vec::new();
    let mut content: Vec<PageContent> = pages
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let a = analyze_page(p);
            if ruled_without_columns(&a) {
                // Its columns come from the gaps between texts, which a
                // narrow cell padding can close, and each line of a
                // wrapped cell is a row of its own.
                warnings.push(Warning {
                    page: Some(page_number(p, index)),
                    ..Warning::new(
                        "columns_from_gaps",
                        "a table without column rules (horizontal rules only, or none): its columns were read from the gaps between its texts, and a wrapped cell's lines as rows; values may stand in the wrong column",
                    )
                });
            }
            if p.red_glyphs > 0 {
                warnings.push(Warning {
                    page: Some(page_number(p, index)),
                    ..Warning::new(
                        "seal_text",
                        format!(
                            "{} characters printed in a seal's red (a stamp over the form, most likely) were left out",
                            p.red_glyphs
                        ),
                    )
                });
            }
            if let Some(first) = a.across_borders.first() {
                warnings.push(Warning {
                    page: Some(page_number(p, index)),
                    ..Warning::new(
                        "text_across_cells",
                        match a.across_borders.len() {
                            1 => format!("a line of a table runs on from one cell into the next with no gap ({first}): cut at the border, one cell may hold the end of the other's text"),
                            n => format!("{n} lines of a table run on from one cell into the next with no gap, the first: {first}; cut at the border, one cell may hold the end of the other's text"),
                        },
                    )
                });
            }
            PageContent {
                height: p.height,
                grids: a.grids,
                cell_texts: a.cell_texts,
                text_items: a.text_items,
            }
        })
        .collect();
    breaks::carry_cut_cells(&mut content);
    let items: Vec<Vec<Item>> = content.iter().map(PageContent::items).collect();
    let margins: Vec<Vec<furniture::MarginLine>> = content
        .iter()
        .zip(&items)
        .map(|(c, it)| furniture::margin_lines(it, c.height))
        .collect();
    let drop = furniture::furniture(&margins);

    let mut rows = Vec::new();
    let mut last_page: Option<usize> = None;
    for (index, (page, page_items)) in pages.iter().zip(items).enumerate() {
        let dropped = drop.get(index).map_or(&[][..], Vec::as_slice);
        for (k, item) in page_items.into_iter().enumerate() {
            if dropped.contains(&k) || item.cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            rows.push(Row {
                spans: item.spans,
                cells: item.cells,
                page: Some(page_number(page, index)),
                // A break precedes the first row of a page only if rows came
                // before it (as with leading blank lines in a text dump).
                after_page_break: last_page.is_some_and(|p| p != index),
                table_start: false,
            });
            last_page = Some(index);
        }
    }
    Layout {
        pages: Some(u32::try_from(pages.len()).unwrap_or(u32::MAX)),
        rows,
        warnings,
        ..Layout::default()
    }
}

/// A page with rows of text between horizontal rules but no table found:
/// a table drawn without its column borders (three or more horizontal
/// rules, no vertical one, and lines cut into several cells).
/// A grid of one column and three rows or more: the frame and row rules
/// of a table drawn without column rules.
fn is_frame_without_columns(g: &grid::Grid) -> bool {
    g.cols() == 1 && g.rows() >= 3
}

fn ruled_without_columns(a: &PageAnalysis<'_>) -> bool {
    // (No vertical rules, or only a frame's two sides; horizontal rules,
    // a three-line table's two or three, or none at all.)
    a.grids.is_empty()
        && a.edges.v.len() <= 2
        && a.text_items.iter().filter(|i| i.cells.len() >= 3).count() >= 2
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::page::{Glyph, Ruling};
    use crate::layout::pdf::clean::tests::glyph;
    use crate::layout::pdf::grid::tests::{hr, vr};

    pub const SIZE: f64 = 10.0;

    /// Glyphs of `text` laid out from `x` on baseline `y`, wrapping at
    /// `width` (one line per `\n` too).
    pub fn text_at(text: &str, x: f64, y: f64, width: f64) -> Vec<Glyph> {
        let mut out = Vec::new();
        let (mut cx, mut cy) = (x, y);
        for c in text.chars() {
            if c == '\n' {
                cx = x;
                cy += SIZE * 1.4;
                continue;
            }
            let g = glyph(&c.to_string(), cx, cy, SIZE);
            if g.x1 > x + width && cx > x {
                cx = x;
                cy += SIZE * 1.4;
            }
            let g = glyph(&c.to_string(), cx, cy, SIZE);
            cx = g.x1;
            out.push(g);
        }
        out
    }

    /// Number of lines `text_at` makes of `text` in `width`.
    fn line_count(text: &str, width: f64) -> usize {
        text_at(text, 0.0, 0.0, width)
            .iter()
            .map(|g| g.baseline.to_bits())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            .max(1)
    }

    /// A bordered table as a producer draws it: every cell strokes its own
    /// four sides (so inner borders come twice), its text vertically
    /// centred in the cell. `cells`: (row, col, rowspan, colspan, text).
    pub fn table(
        xs: &[f64],
        ys: &[f64],
        cells: &[(usize, usize, usize, usize, &str)],
    ) -> (Vec<Glyph>, Vec<Ruling>) {
        let mut glyphs = Vec::new();
        let mut rulings = Vec::new();
        for &(r, c, rs, cs, t) in cells {
            let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
            let (x0, x1) = (at(xs, c), at(xs, c + cs));
            let (y0, y1) = (at(ys, r), at(ys, r + rs));
            rulings.extend([
                hr(x0, x1, y0),
                hr(x0, x1, y1),
                vr(x0, y0, y1),
                vr(x1, y0, y1),
            ]);
            let width = x1 - x0 - 4.0;
            let n = line_count(t, width) as f64;
            let first_baseline = (y0 + y1) / 2.0 - (n - 1.0) * SIZE * 0.7 + 0.3 * SIZE;
            glyphs.extend(text_at(t, x0 + 2.0, first_baseline, width));
        }
        (glyphs, rulings)
    }

    pub fn page(number: u32, glyphs: Vec<Glyph>, rulings: Vec<Ruling>) -> Page {
        Page {
            number,
            width: 595.0,
            height: 842.0,
            glyphs,
            rulings,
            red_glyphs: 0,
        }
    }

    pub fn cells_of(layout: &Layout) -> Vec<Vec<String>> {
        layout.rows.iter().map(|r| r.cells.clone()).collect()
    }

    fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn bordered_table_with_rowspan_and_title() {
        // 3 columns x 4 rows; "A" spans rows 0-1 and is drawn centred on the
        // line between them, "B" spans rows 2-3; a title above.
        let (mut glyphs, rulings) = table(
            &[50.0, 150.0, 250.0, 350.0],
            &[100.0, 120.0, 140.0, 160.0, 180.0],
            &[
                (0, 0, 2, 1, "A"),
                (0, 1, 1, 1, "x"),
                (0, 2, 1, 1, "1"),
                (1, 1, 1, 1, "y"),
                (1, 2, 1, 1, "2"),
                (2, 0, 2, 1, "B"),
                (2, 1, 1, 1, "z"),
                (2, 2, 1, 1, "3"),
                (3, 1, 1, 1, "w"),
                (3, 2, 1, 1, "4"),
            ],
        );
        glyphs.extend(text_at("2026 年部门整体绩效目标批复", 100.0, 70.0, 400.0));
        let l = layout_pages(&[page(1, glyphs, rulings)]);
        assert_eq!(
            cells_of(&l),
            strings(&[
                &["2026 年部门整体绩效目标批复"],
                &["A", "x", "1"],
                &["", "y", "2"],
                &["B", "z", "3"],
                &["", "w", "4"],
            ])
        );
        assert_eq!(l.pages, Some(1));
        assert!(l
            .rows
            .iter()
            .all(|r| r.page == Some(1) && !r.after_page_break));
    }

    #[test]
    fn colspan_is_one_entry_and_wrapped_text_joins() {
        let (glyphs, rulings) = table(
            &[50.0, 110.0, 170.0, 230.0],
            &[100.0, 120.0, 170.0],
            &[
                (0, 0, 1, 1, "指标"),
                (0, 1, 1, 2, "近两年指标值"),
                (1, 0, 1, 1, "高频政务服务事项中实现"),
                (1, 1, 1, 1, "98%"),
                (1, 2, 1, 1, "100%"),
            ],
        );
        let l = layout_pages(&[page(1, glyphs, rulings)]);
        assert_eq!(
            cells_of(&l),
            strings(&[
                &["指标", "近两年指标值"],
                &["高频政务服\n务事项中实\n现", "98%", "100%"]
            ])
        );
        // The long cell really wrapped (60 pt wide, 11 characters).
        assert!(line_count("高频政务服务事项中实现", 56.0) > 1);
    }

    #[test]
    fn table_split_across_pages_with_page_number_footers() {
        let xs = [50.0, 150.0, 250.0, 350.0];
        let (mut g1, r1) = table(
            &xs,
            &[600.0, 620.0, 640.0],
            &[
                (0, 0, 2, 1, "运行成本"),
                (0, 1, 1, 1, "公用经费"),
                (0, 2, 1, 1, "100%"),
                (1, 1, 1, 1, "会议费"),
                (1, 2, 1, 1, "0%"),
            ],
        );
        g1.extend(text_at("- 1 -", 290.0, 810.0, 100.0));
        let (mut g2, r2) = table(
            &xs,
            &[72.0, 92.0, 112.0],
            &[
                (0, 0, 2, 1, ""),
                (0, 1, 1, 1, "结转结余率"),
                (0, 2, 1, 1, "0%"),
                (1, 1, 1, 1, "预算执行率"),
                (1, 2, 1, 1, "≥90%"),
            ],
        );
        g2.extend(text_at("- 2 -", 290.0, 810.0, 100.0));
        let l = layout_pages(&[page(1, g1, r1), page(2, g2, r2)]);
        assert_eq!(
            cells_of(&l),
            strings(&[
                &["运行成本", "公用经费", "100%"],
                &["", "会议费", "0%"],
                &["", "结转结余率", "0%"],
                &["", "预算执行率", "≥90%"],
            ])
        );
        let meta: Vec<(Option<u32>, bool)> = l
            .rows
            .iter()
            .map(|r| (r.page, r.after_page_break))
            .collect();
        assert_eq!(
            meta,
            vec![
                (Some(1), false),
                (Some(1), false),
                (Some(2), true),
                (Some(2), false)
            ]
        );
        assert_eq!(l.pages, Some(2));
    }

    /// The four sides of a rectangle as thin filled rectangles (0.5 pt),
    /// given as their centre lines, the way Chromium draws each cell's
    /// borders: neighbours' borders end up 0.5 pt apart, each side stops at
    /// the corner.
    fn thin_rect_borders(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<Ruling> {
        let w = 0.5;
        vec![
            hr(x0, x1, y0 + w / 2.0),
            hr(x0, x1, y1 - w / 2.0),
            vr(x0 + w / 2.0, y0 + w, y1 - w),
            vr(x1 - w / 2.0, y0 + w, y1 - w),
        ]
    }

    #[test]
    fn thin_filled_rect_borders() {
        let mut rulings = Vec::new();
        let mut glyphs = Vec::new();
        let xs = [40.0, 120.0, 200.0];
        let ys = [300.0, 318.0, 336.0];
        let texts = [["收入构成", "1647.19"], ["合计", "1647.19"]];
        for (r, row) in texts.iter().enumerate() {
            for (c, t) in row.iter().enumerate() {
                let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
                rulings.extend(thin_rect_borders(
                    at(&xs, c),
                    at(&ys, r),
                    at(&xs, c + 1),
                    at(&ys, r + 1),
                ));
                glyphs.extend(text_at(t, at(&xs, c) + 3.0, at(&ys, r) + 13.0, 70.0));
            }
        }
        let l = layout_pages(&[page(1, glyphs, rulings)]);
        assert_eq!(
            cells_of(&l),
            strings(&[&["收入构成", "1647.19"], &["合计", "1647.19"]])
        );
    }

    #[test]
    fn furniture_dropped_body_kept() {
        let mk = |n: u32, footer: &str| {
            let mut g = text_at("XX市财政局文件", 250.0, 30.0, 200.0);
            g.extend(text_at(&format!("正文第{n}页的内容"), 72.0, 400.0, 400.0));
            g.extend(text_at(footer, 280.0, 815.0, 100.0));
            page(n, g, Vec::new())
        };
        let l = layout_pages(&[mk(1, "第 1 页"), mk(2, "2/3"), mk(3, "— 3 —")]);
        assert_eq!(
            cells_of(&l),
            strings(&[
                &["正文第1页的内容"],
                &["正文第2页的内容"],
                &["正文第3页的内容"]
            ])
        );
        let breaks: Vec<bool> = l.rows.iter().map(|r| r.after_page_break).collect();
        assert_eq!(breaks, vec![false, true, true]);
    }

    #[test]
    fn page_without_rulings_reads_columns_from_gaps() {
        let mut g = text_at("年度绩效指标", 50.0, 100.0, 200.0);
        g.extend(text_at("一级指标", 50.0, 120.0, 100.0));
        g.extend(text_at("三级指标", 180.0, 120.0, 100.0));
        g.extend(text_at("指标值", 300.0, 120.0, 100.0));
        g.extend(text_at("运行成本", 50.0, 140.0, 100.0));
        g.extend(text_at("公用经费控制率", 180.0, 140.0, 100.0));
        g.extend(text_at("≤100%", 300.0, 140.0, 100.0));
        // Two words 1 em apart stay one cell.
        g.extend(text_at("合计", 50.0, 160.0, 100.0));
        g.extend(text_at("金额", 80.0, 160.0, 100.0));
        let l = layout_pages(&[page(1, g, vec![hr(50.0, 400.0, 90.0)])]);
        assert_eq!(
            cells_of(&l),
            strings(&[
                &["年度绩效指标"],
                &["一级指标", "三级指标", "指标值"],
                &["运行成本", "公用经费控制率", "≤100%"],
                &["合计金额"],
            ])
        );
    }

    #[test]
    fn a_title_over_every_page_of_one_form_is_one_document() {
        let title = "2026年部门整体绩效目标批复";
        let line = |g: &mut Vec<Glyph>, y: f64, cells: &[&str]| {
            for (k, c) in cells.iter().enumerate() {
                g.extend(text_at(c, 50.0 + 130.0 * k as f64, y, 120.0));
            }
        };
        let mut first = text_at(title, 50.0, 40.0, 400.0);
        line(
            &mut first,
            120.0,
            &["一级指标", "二级指标", "三级指标", "指标值"],
        );
        line(
            &mut first,
            140.0,
            &["产出指标", "数量指标", "培训人次", "≥500人次"],
        );
        let mut second = text_at(title, 50.0, 40.0, 400.0);
        line(
            &mut second,
            120.0,
            &["效益指标", "社会效益", "就业率", "≥90%"],
        );
        let l = layout_pages(&[page(1, first, Vec::new()), page(2, second, Vec::new())]);
        let parts = crate::reconstruct::reconstruct_all(&l);
        assert_eq!(parts.len(), 1);
        let c = &parts[0].content;
        assert_eq!(c.title.as_deref(), Some(title));
        assert_eq!(c.indicators.len(), 2);
    }

    #[test]
    fn a_table_ruled_only_across_is_said() {
        let rows = |rules: Vec<Ruling>| {
            let mut g = text_at("一级指标", 50.0, 120.0, 100.0);
            g.extend(text_at("三级指标", 180.0, 120.0, 100.0));
            g.extend(text_at("指标值", 300.0, 120.0, 100.0));
            g.extend(text_at("运行成本", 50.0, 140.0, 100.0));
            g.extend(text_at("公用经费控制率", 180.0, 140.0, 100.0));
            g.extend(text_at("≤100%", 300.0, 140.0, 100.0));
            layout_pages(&[page(1, g, rules)])
        };
        let across = vec![
            hr(50.0, 400.0, 110.0),
            hr(50.0, 400.0, 130.0),
            hr(50.0, 400.0, 150.0),
        ];
        let said: Vec<(String, Option<u32>)> = rows(across)
            .warnings
            .into_iter()
            .map(|w| (w.code, w.page))
            .collect();
        assert_eq!(said, vec![("columns_from_gaps".to_string(), Some(1))]);
        // So is a table of three rules, one, or none: its columns come from
        // the gaps all the same (a three-line table's wrapped cells were
        // read as rows of their own in silence).
        for rules in [
            vec![hr(50.0, 400.0, 110.0), hr(50.0, 400.0, 150.0)],
            vec![hr(50.0, 400.0, 90.0)],
            Vec::new(),
        ] {
            let codes: Vec<String> = rows(rules).warnings.into_iter().map(|w| w.code).collect();
            assert_eq!(codes, ["columns_from_gaps"]);
        }
        // Text in two columns is no table's.
        let mut g = text_at("部门名称", 50.0, 120.0, 100.0);
        g.extend(text_at("某县统计局", 180.0, 120.0, 100.0));
        g.extend(text_at("年度", 50.0, 140.0, 100.0));
        g.extend(text_at("2026年", 180.0, 140.0, 100.0));
        assert!(layout_pages(&[page(1, g, Vec::new())]).warnings.is_empty());
        // A frame round the rows, no rule between the columns: the same
        // reading, not one wide cell per row.
        let mut g = text_at("一级指标", 50.0, 120.0, 100.0);
        g.extend(text_at("三级指标", 180.0, 120.0, 100.0));
        g.extend(text_at("运行成本", 50.0, 140.0, 100.0));
        g.extend(text_at("公用经费控制率", 180.0, 140.0, 100.0));
        g.extend(text_at("管理效率", 50.0, 160.0, 100.0));
        g.extend(text_at("预算执行率", 180.0, 160.0, 100.0));
        g.extend(text_at("指标值", 300.0, 120.0, 100.0));
        g.extend(text_at("≤100%", 300.0, 140.0, 100.0));
        g.extend(text_at("≥95%", 300.0, 160.0, 100.0));
        let mut frame: Vec<Ruling> = [110.0, 130.0, 150.0, 170.0]
            .iter()
            .map(|&y| hr(40.0, 410.0, y))
            .collect();
        frame.extend([vr(40.0, 110.0, 170.0), vr(410.0, 110.0, 170.0)]);
        let framed = layout_pages(&[page(1, g, frame)]);
        assert_eq!(
            cells_of(&framed),
            [
                vec!["一级指标", "三级指标", "指标值"],
                vec!["运行成本", "公用经费控制率", "≤100%"],
                vec!["管理效率", "预算执行率", "≥95%"]
            ]
        );
        assert_eq!(
            framed.warnings.first().map(|w| w.code.as_str()),
            Some("columns_from_gaps")
        );
    }

    #[test]
    fn text_beside_a_table_uses_wider_gaps() {
        let (mut glyphs, rulings) = table(
            &[50.0, 150.0, 250.0],
            &[200.0, 220.0, 240.0],
            &[
                (0, 0, 1, 1, "a"),
                (0, 1, 1, 1, "b"),
                (1, 0, 1, 1, "c"),
                (1, 1, 1, 1, "d"),
            ],
        );
        // 1.8 em gap: one cell next to a table, two cells without one.
        glyphs.extend(text_at("部门", 50.0, 150.0, 100.0));
        glyphs.extend(text_at("名称", 88.0, 150.0, 100.0));
        let l = layout_pages(&[page(1, glyphs.clone(), rulings)]);
        assert_eq!(l.rows.first().map(|r| r.cells.len()), Some(1));
        let l = layout_pages(&[page(1, glyphs, Vec::new())]);
        assert_eq!(l.rows.first().map(|r| r.cells.len()), Some(2));
    }

    #[test]
    fn empty_and_hostile_pages_do_not_panic() {
        let mut pages = vec![Page::default(), page(0, Vec::new(), Vec::new())];
        let mut bad = glyph("数", f64::NAN, f64::INFINITY, -1.0);
        bad.size = f64::NAN;
        let mut zero = glyph("零", 10.0, 10.0, 0.0);
        zero.x1 = zero.x0;
        pages.push(Page {
            number: 3,
            width: f64::NAN,
            height: -5.0,
            glyphs: vec![bad, zero, glyph("", 1.0, 1.0, 1.0)],
            rulings: vec![
                Ruling {
                    x0: f64::NAN,
                    y0: 0.0,
                    x1: 1.0,
                    y1: 0.0,
                },
                hr(5.0, 5.0, 5.0),
                vr(1e308, -1e308, 1e308),
                hr(0.0, 0.0, 0.0),
            ],
            red_glyphs: 0,
        });
        // Thousands of pseudo-random rulings and glyphs, all over the page.
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut next = move || rng.below(10_000) as f64 / 10.0;
        let mut rulings = Vec::new();
        for _ in 0..3000 {
            let (a, b, c) = (next(), next(), next());
            rulings.push(if (a as u64).is_multiple_of(2) {
                hr(b, b + c / 10.0, a)
            } else {
                vr(b, a, a + c / 10.0)
            });
        }
        let glyphs: Vec<Glyph> = (0..2000)
            .map(|i| {
                glyph(
                    if i % 3 == 0 { "1" } else { "数" },
                    next(),
                    next(),
                    1.0 + next() / 50.0,
                )
            })
            .collect();
        pages.push(page(4, glyphs, rulings));
        let l = layout_pages(&pages);
        assert_eq!(l.pages, Some(4));
        assert!(l.rows.iter().all(|r| matches!(r.page, Some(3) | Some(4))));
        for p in &pages {
            let _ = describe_page(p);
            let _ = page_svg(p);
        }
    }

    /// A small xorshift generator, so the random tests are repeatable.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
        /// Mostly a number in `0..scale`, sometimes a hostile value.
        fn coord(&mut self, scale: f64) -> f64 {
            const SPECIAL: [f64; 8] = [
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                0.0,
                1e300,
                -1e300,
                5e-324,
                -1e6,
            ];
            if self.below(40) == 0 {
                let k = self.below(SPECIAL.len() as u64) as usize;
                SPECIAL.get(k).copied().unwrap_or(0.0)
            } else {
                self.below(100_000) as f64 / 100_000.0 * scale
            }
        }
    }

    #[test]
    fn random_pages_keep_grid_invariants() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..150 {
            let mut rulings = Vec::new();
            if round % 2 == 0 {
                // A jittered grid with random internal pieces missing.
                let nx = 2 + rng.below(8) as usize;
                let ny = 2 + rng.below(12) as usize;
                let xs: Vec<f64> = (0..nx).map(|i| 50.0 + i as f64 * 60.0).collect();
                let ys: Vec<f64> = (0..ny).map(|i| 100.0 + i as f64 * 20.0).collect();
                for (i, &y) in ys.iter().enumerate() {
                    for w in xs.windows(2) {
                        if let ([a, b], true) = (w, i == 0 || i + 1 == ny || rng.below(4) > 0) {
                            let j = rng.below(5) as f64 * 0.5 - 1.0;
                            rulings.push(hr(a - 1.0, b + 1.0, y + j));
                        }
                    }
                }
                for (i, &x) in xs.iter().enumerate() {
                    for w in ys.windows(2) {
                        if let ([a, b], true) = (w, i == 0 || i + 1 == nx || rng.below(4) > 0) {
                            let j = rng.below(5) as f64 * 0.5 - 1.0;
                            rulings.push(vr(x + j, *a, *b));
                        }
                    }
                }
            }
            for _ in 0..rng.below(200) {
                let (a, b, c) = (rng.coord(800.0), rng.coord(800.0), rng.coord(100.0));
                rulings.push(if rng.below(2) == 0 {
                    hr(a, a + c, b)
                } else {
                    vr(a, b, b + c)
                });
            }
            let texts = ["数", "1", " ", "", "a", "\u{0}", "页"];
            let glyphs: Vec<Glyph> = (0..rng.below(300))
                .map(|_| {
                    let (x, y, s) = (rng.coord(600.0), rng.coord(800.0), rng.coord(20.0));
                    let text = texts.get(rng.below(7) as usize).copied().unwrap_or("");
                    Glyph {
                        text: text.to_string(),
                        x0: x,
                        x1: x + s,
                        top: y - s,
                        bottom: y + rng.coord(3.0),
                        baseline: y,
                        size: s,
                    }
                })
                .collect();
            let pages: Vec<Page> = (0..1 + rng.below(3))
                .map(|n| Page {
                    number: n as u32,
                    width: rng.coord(600.0),
                    height: rng.coord(900.0),
                    glyphs: glyphs.clone(),
                    rulings: rulings.clone(),
                    red_glyphs: 0,
                })
                .collect();
            let l = layout_pages(&pages);
            assert!(l.rows.iter().all(|r| !r.is_blank()));
            for p in &pages {
                let a = analyze_page(p);
                for g in &a.grids {
                    assert_eq!(g.owner.len(), g.rows() * g.cols());
                    assert!(g
                        .cells
                        .iter()
                        .all(|c| c.row + c.rowspan <= g.rows() && c.col + c.colspan <= g.cols()));
                }
                for item in &a.items {
                    if let Some(g) = item.table.and_then(|t| a.grids.get(t)) {
                        assert!(item.cells.len() <= g.cols());
                    }
                }
                let _ = describe_page(p);
                let _ = page_svg(p);
            }
        }
    }

    #[test]
    fn rows_feed_the_reconstruction_unchanged() {
        // The 长期绩效指标 table of the seed, its label and level cells
        // merged down, cut by a page break.
        let xs = [40.0, 100.0, 160.0, 230.0, 330.0, 380.0, 440.0, 520.0];
        let (mut g1, r1) = table(
            &xs,
            &[500.0, 520.0, 540.0, 560.0, 580.0],
            &[
                (0, 0, 4, 1, "长期绩效指标"),
                (0, 1, 1, 1, "一级指标"),
                (0, 2, 1, 1, "二级指标"),
                (0, 3, 1, 1, "三级指标"),
                (0, 4, 1, 1, "指标值"),
                (0, 5, 1, 1, "指标值确定依据"),
                (0, 6, 1, 1, "指标分类"),
                (1, 1, 3, 1, "运行成本"),
                (1, 2, 1, 1, "公用经费控制"),
                (1, 3, 1, 1, "公用经费控制率"),
                (1, 4, 1, 1, "≤100%"),
                (1, 5, 1, 1, "计划标准"),
                (1, 6, 1, 1, "绩效基本型"),
                (2, 2, 2, 1, "项目支出成本控制"),
                (2, 3, 1, 1, "会议费控制率"),
                (2, 4, 1, 1, "100%"),
                (2, 5, 1, 1, "计划标准"),
                (2, 6, 1, 1, "绩效基本型"),
                (3, 3, 1, 1, "“三公”经费变动率"),
                (3, 4, 1, 1, "0%"),
                (3, 5, 1, 1, "计划标准"),
                (3, 6, 1, 1, "绩效基本型"),
            ],
        );
        g1.extend(text_at("2026 年部门整体绩效目标批复", 150.0, 60.0, 400.0));
        g1.extend(text_at("1", 290.0, 815.0, 100.0));
        let (mut g2, r2) = table(
            &xs,
            &[72.0, 92.0, 112.0],
            &[
                (0, 0, 2, 1, ""),
                (0, 1, 2, 1, "管理效率"),
                (0, 2, 2, 1, "预算执行"),
                (0, 3, 1, 1, "预算执行率"),
                (0, 4, 1, 1, "≥90%"),
                (0, 5, 1, 1, "计划标准"),
                (0, 6, 1, 1, "绩效基本型"),
                (1, 3, 1, 1, "结转结余率"),
                (1, 4, 1, 1, "0%"),
                (1, 5, 1, 1, "计划标准"),
                (1, 6, 1, 1, "绩效基本型"),
            ],
        );
        g2.extend(text_at("2", 290.0, 815.0, 100.0));
        let l = layout_pages(&[page(1, g1, r1), page(2, g2, r2)]);
        let c = crate::reconstruct::reconstruct(&l);
        assert_eq!(c.title.as_deref(), Some("2026 年部门整体绩效目标批复"));
        type Got<'s> = (
            Option<&'s str>,
            Option<&'s str>,
            Option<&'s str>,
            Option<&'s str>,
            Option<u32>,
        );
        let got: Vec<Got> = c
            .indicators
            .iter()
            .map(|i| {
                (
                    i.level1.as_deref(),
                    i.level2.as_deref(),
                    i.level3.as_deref(),
                    i.target.as_deref(),
                    i.page,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("运行成本"),
                    Some("公用经费控制"),
                    Some("公用经费控制率"),
                    Some("≤100%"),
                    Some(1)
                ),
                (
                    Some("运行成本"),
                    Some("项目支出成本控制"),
                    Some("会议费控制率"),
                    Some("100%"),
                    Some(1)
                ),
                (
                    Some("运行成本"),
                    Some("项目支出成本控制"),
                    Some("“三公”经费变动率"),
                    Some("0%"),
                    Some(1)
                ),
                (
                    Some("管理效率"),
                    Some("预算执行"),
                    Some("预算执行率"),
                    Some("≥90%"),
                    Some(2)
                ),
                (
                    Some("管理效率"),
                    Some("预算执行"),
                    Some("结转结余率"),
                    Some("0%"),
                    Some(2)
                ),
            ]
        );
        assert!(
            c.warnings
                .iter()
                .all(|w| w.code != "shifted_cells" && w.code != "unknown_section"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn seed_first_page_and_annual_header_read_back() {
        // The seed's 部门名称 row and funding table (label and section cells
        // merged down, a two-level header), then the annual table's
        // three-row header and one data row.
        let xs = [40.0, 130.0, 190.0, 290.0, 350.0, 410.0, 470.0, 530.0];
        let (mut glyphs, mut rulings) = table(
            &xs,
            &[
                100.0, 120.0, 140.0, 160.0, 180.0, 200.0, 220.0, 240.0, 260.0, 280.0,
            ],
            &[
                (0, 0, 1, 1, "部门（单位）名称"),
                (0, 1, 1, 6, "鄂州市数据局"),
                (1, 0, 8, 1, "部门总体资金情况"),
                (1, 1, 2, 2, "总体资金情况"),
                (1, 3, 2, 1, "当年金额"),
                (1, 4, 2, 1, "占比"),
                (1, 5, 1, 2, "近两年收支金额"),
                (2, 5, 1, 1, "2024 年"),
                (2, 6, 1, 1, "2025 年"),
                (3, 1, 3, 1, "收入构成"),
                (3, 2, 1, 1, "财政拨款"),
                (3, 3, 1, 1, "1647.19"),
                (3, 4, 1, 1, "100.0%"),
                (3, 5, 1, 1, "1466.05"),
                (3, 6, 1, 1, "1901.46"),
                (4, 2, 1, 1, "单位资金"),
                (4, 3, 1, 4, ""),
                (5, 2, 1, 1, "合计"),
                (5, 3, 1, 1, "1647.19"),
                (5, 4, 1, 1, "100.0%"),
                (5, 5, 1, 1, "1466.05"),
                (5, 6, 1, 1, "1901.46"),
                (6, 1, 2, 1, "支出构成"),
                (6, 2, 1, 1, "人员类项目支出"),
                (6, 3, 1, 1, "589.86"),
                (6, 4, 1, 1, "35.8%"),
                (6, 5, 1, 1, "483.38"),
                (6, 6, 1, 1, "576.86"),
                (7, 2, 1, 1, "合计"),
                (7, 3, 1, 1, "1647.19"),
                (7, 4, 1, 1, "100.0%"),
                (7, 5, 1, 1, "1466.05"),
                (7, 6, 1, 1, "1901.46"),
            ],
        );
        glyphs.extend(text_at("2026 年部门整体绩效目标批复", 150.0, 70.0, 400.0));
        let xs = [
            40.0, 100.0, 160.0, 220.0, 300.0, 350.0, 400.0, 450.0, 510.0, 570.0,
        ];
        let (g, r) = table(
            &xs,
            &[400.0, 420.0, 440.0, 460.0, 480.0],
            &[
                (0, 0, 4, 1, "年度绩效指标"),
                (0, 1, 3, 1, "一级指标"),
                (0, 2, 3, 1, "二级指标"),
                (0, 3, 3, 1, "三级指标"),
                (0, 4, 1, 3, "指标值"),
                (0, 7, 3, 1, "指标值确定依据"),
                (0, 8, 3, 1, "指标分类"),
                (1, 4, 1, 2, "近两年指标值"),
                (1, 6, 2, 1, "预期当年实现值"),
                (2, 4, 1, 1, "2024年"),
                (2, 5, 1, 1, "2025年"),
                (3, 1, 1, 1, "运行成本"),
                (3, 2, 1, 1, "公用经费控制"),
                (3, 3, 1, 1, "公用经费控制率"),
                (3, 4, 1, 1, "100%"),
                (3, 5, 1, 1, "99%"),
                (3, 6, 1, 1, "≥100%"),
                (3, 7, 1, 1, "计划标准"),
                (3, 8, 1, 1, "绩效基本型"),
            ],
        );
        glyphs.extend(g);
        rulings.extend(r);
        let l = layout_pages(&[page(1, glyphs, rulings)]);
        // Cells keep their wrapped lines; the reconstruction joins them.
        let rows: Vec<Vec<String>> = cells_of(&l)
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| crate::reconstruct::join_cell(c, false))
                    .collect()
            })
            .collect();
        let want: &[&[&str]] = &[
            &["2026 年部门整体绩效目标批复"],
            &["部门（单位）名称", "鄂州市数据局"],
            &[
                "部门总体资金情况",
                "总体资金情况",
                "当年金额",
                "占比",
                "近两年收支金额",
            ],
            &["", "", "", "", "2024 年", "2025 年"],
            &[
                "",
                "收入构成",
                "财政拨款",
                "1647.19",
                "100.0%",
                "1466.05",
                "1901.46",
            ],
            &["", "", "单位资金", ""],
            &["", "", "合计", "1647.19", "100.0%", "1466.05", "1901.46"],
            &[
                "",
                "支出构成",
                "人员类项目支出",
                "589.86",
                "35.8%",
                "483.38",
                "576.86",
            ],
            &["", "", "合计", "1647.19", "100.0%", "1466.05", "1901.46"],
            &[
                "年度绩效指标",
                "一级指标",
                "二级指标",
                "三级指标",
                "指标值",
                "指标值确定依据",
                "指标分类",
            ],
            &["", "", "", "", "近两年指标值", "预期当年实现值", "", ""],
            &["", "", "", "", "2024年", "2025年", "", "", ""],
            &[
                "",
                "运行成本",
                "公用经费控制",
                "公用经费控制率",
                "100%",
                "99%",
                "≥100%",
                "计划标准",
                "绩效基本型",
            ],
        ];
        assert_eq!(rows, strings(want));

        let c = crate::reconstruct::reconstruct(&l);
        assert_eq!(c.department.as_deref(), Some("鄂州市数据局"));
        assert_eq!(c.history_years, vec![2024, 2025]);
        let items: Vec<Option<&str>> = c.funding.rows.iter().map(|r| r.item.as_deref()).collect();
        assert_eq!(
            items,
            vec![
                Some("财政拨款"),
                Some("单位资金"),
                Some("合计"),
                Some("人员类项目支出"),
                Some("合计")
            ]
        );
        let staff = c.funding.rows.get(3).expect("人员类项目支出");
        assert_eq!(staff.current, Some(589.86));
        assert_eq!(staff.share_pct, Some(35.8));
        assert_eq!(staff.history, vec![Some(483.38), Some(576.86)]);
        let annual = c.indicators.first().expect("one indicator");
        assert_eq!(annual.level3.as_deref(), Some("公用经费控制率"));
        assert_eq!(
            annual.history,
            vec![Some("100%".to_string()), Some("99%".to_string())]
        );
        assert_eq!(annual.target.as_deref(), Some("≥100%"));
        // (The page prints one of the three expenditure rows over their 合计.)
        let codes: Vec<&str> = c.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, ["total_mismatch"], "{:?}", c.warnings);
    }

    /// Timing on a page of the size the stage is built for: ~2,000 glyphs,
    /// ~500 ruling pieces. Run with
    /// `cargo test --release --lib layout::pdf::tests::timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn timing() {
        let cols = [40.0, 100.0, 160.0, 230.0, 330.0, 380.0, 440.0, 520.0];
        let ys: Vec<f64> = (0..=34).map(|i| 60.0 + f64::from(i) * 22.0).collect();
        let mut cells = Vec::new();
        let texts: Vec<String> = (0..34 * 7).map(|i| format!("单元格文字{i}号")).collect();
        for r in 0..34 {
            for c in 0..7 {
                if let Some(t) = texts.get(r * 7 + c) {
                    cells.push((r, c, 1, 1, t.as_str()));
                }
            }
        }
        let (glyphs, rulings) = table(&cols, &ys, &cells);
        let p = page(1, glyphs, rulings);
        eprintln!("{} glyphs, {} rulings", p.glyphs.len(), p.rulings.len());
        // The fastest of 20 rounds, to see through a busy machine.
        let n = 50;
        let best = (0..20)
            .map(|_| {
                let t = std::time::Instant::now();
                for _ in 0..n {
                    std::hint::black_box(layout_pages(std::slice::from_ref(&p)));
                }
                t.elapsed() / n
            })
            .min()
            .unwrap_or_default();
        eprintln!("{best:?} per page");
    }
}
