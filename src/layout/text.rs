//! Text dumps: one row per line, cells separated by tabs, page breaks as
//! blank lines or form feeds (`pdftotext` ends each page with one). A
//! line that is only a page number (`- 3 -`, `第 1 页 共 2 页`) is the
//! page's footer, not a row: it is dropped and marks a page break.

use super::{Layout, Row};
use crate::layout::pdf::furniture::is_page_number;
use crate::layout::web::is_furniture_line;

pub fn layout_text(text: &str) -> Layout {
    if is_space_aligned(text) {
        return layout_space_aligned(text);
    }
    let mut rows = Vec::new();
    let mut pending_break = false;
    // A form feed ends a page as a blank line does.
    let text: std::borrow::Cow<str> = if text.contains('\u{c}') {
        text.replace('\u{c}', "\n\n").into()
    } else {
        text.into()
    };
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let blank = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_none_or(|l| l.trim().is_empty())
    };
    // A dump whose rows are tab-separated: a line of it without a tab, its
    // cells apart by runs of spaces, is a row copied another way.
    let tabbed = lines.iter().filter(|l| l.contains('\t')).take(2).count() == 2;
    // Lines a cell quoted over several lines took up (a table copied from
    // a spreadsheet: `"1、…\n2、…"`), read with the line that opened it.
    let mut skip = 0;
    for (i, line) in lines.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let quoted = if line.contains('"') {
            quoted_record(lines.get(i..).unwrap_or_default())
        } else {
            None
        };
        let cells = match quoted {
            Some((cells, used)) => {
                skip = used - 1;
                cells
            }
            None => {
                if line.trim().is_empty() {
                    // Leading blank lines are not a page break: nothing
                    // precedes them.
                    pending_break = !rows.is_empty();
                    continue;
                }
                if is_footer_line(line, blank(i.checked_sub(1)) || blank(Some(i + 1))) {
                    pending_break = !rows.is_empty();
                    continue;
                }
                // A browser's copy of an article page holds its furniture
                // (发布时间, 【打印本页】, the footer): no part of the form.
                if is_furniture_line(line.trim()) {
                    continue;
                }
                let spaced = (tabbed && !line.contains('\t'))
                    .then(|| split_at_space_runs(line))
                    .flatten();
                spaced.unwrap_or_else(|| line.split('\t').map(str::to_string).collect())
            }
        };
        rows.push(Row {
            cells,
            page: None,
            after_page_break: std::mem::take(&mut pending_break),
            table_start: false,
            spans: None,
        });
    }
    Layout {
        pages: None,
        rows,
        ..Layout::default()
    }
}

/// The cells of a line whose cells are set apart by runs of two or more
/// spaces (`主管部门    某局    实施单位    某中心`): two or more, each short,
/// as a row's cells are (a sentence with a double space stays a line).
fn split_at_space_runs(line: &str) -> Option<Vec<String>> {
    let is_space = |c: char| matches!(c, ' ' | '\u{3000}' | '\u{a0}');
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut spaces = String::new();
    for c in line.trim_matches(is_space).chars() {
        if is_space(c) {
            spaces.push(c);
            continue;
        }
        if spaces.chars().count() >= 2 {
            cells.push(std::mem::take(&mut cell));
        } else {
            cell.push_str(&spaces);
        }
        spaces.clear();
        cell.push(c);
    }
    cells.push(cell);
    (cells.len() >= 2 && cells.iter().all(|c| c.chars().count() <= 40)).then_some(cells)
}

/// The most lines one quoted cell may run over.
const MAX_QUOTED_LINES: usize = 20;

/// A record of tab-separated cells as a spreadsheet copies them, its first
/// line the first of `lines`, where a cell is quoted (`"…"`, a quote in it
/// doubled): a cell with line breaks or quotes in it. The cells and the
/// number of lines the record takes. `None` where no cell is quoted so, or
/// a quote opened is not closed within [`MAX_QUOTED_LINES`] lines, or a
/// text follows a closing quote (`"十四五"规划` is a cell as printed).
fn quoted_record(lines: &[&str]) -> Option<(Vec<String>, usize)> {
    let mut cells = Vec::new();
    let mut quoted_any = false;
    let mut line = 0;
    let mut chars = lines.first()?.chars().peekable();
    loop {
        let mut cell = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            quoted_any = true;
            loop {
                match chars.next() {
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cell.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cell.push(c),
                    None => {
                        line += 1;
                        if line >= MAX_QUOTED_LINES {
                            return None;
                        }
                        chars = lines.get(line)?.chars().peekable();
                        cell.push('\n');
                    }
                }
            }
            match chars.next() {
                Some('\t') => cells.push(cell),
                None => {
                    cells.push(cell);
                    break;
                }
                Some(_) => return None,
            }
        } else {
            let mut tab = false;
            for c in chars.by_ref() {
                if c == '\t' {
                    tab = true;
                    break;
                }
                cell.push(c);
            }
            cells.push(cell);
            if !tab {
                break;
            }
        }
    }
    quoted_any.then_some((cells, line + 1))
}

/// Width of one display column of a space-aligned dump, in points, and
/// the font size its characters are given: two spaces (13 pt) are a gap
/// wider than the 1.5 em (12 pt) that cuts cells on a page without rules,
/// one space is not.
const COLUMN_PT: f64 = 6.5;
const SIZE_PT: f64 = 8.0;
/// Baselines of successive lines, in points.
const LINE_PT: f64 = 12.0;
/// A page of a space-aligned dump is cut after this many lines (a printed
/// page has about fifty), and a dump of more characters than this is read
/// line by line instead: the PDF layout's steps are sized for pages, not
/// for a file's worth of glyphs on one.
const LINES_PER_PAGE: usize = 120;
const MAX_ALIGNED_CHARS: usize = 2_000_000;

/// Whether a dump lays its columns out with spaces (`pdftotext -layout`)
/// rather than tabs: no tab anywhere, and at least five lines, and a
/// quarter of all, have a gap of two spaces or more between their texts.
fn is_space_aligned(text: &str) -> bool {
    if text.contains('\t') || text.len() > MAX_ALIGNED_CHARS * 4 {
        return false;
    }
    let (mut lines, mut gapped) = (0usize, 0usize);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if line.contains("  ") || line.contains('\u{3000}') {
            gapped += 1;
        }
    }
    gapped >= 5 && gapped * 4 >= lines && text.chars().count() <= MAX_ALIGNED_CHARS
}

/// Display columns a character takes in a monospaced dump: two for East
/// Asian wide and full-width characters, one for the rest.
fn display_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// A space-aligned dump as the pages a PDF without rules would give: each
/// character a glyph at its display column, each line a baseline, each
/// form feed a new page. The PDF layout then reads its columns from the
/// gaps between texts, as it does on such a page; read as lines of one
/// cell each, no table of the dump was found.
fn layout_space_aligned(text: &str) -> Layout {
    let mut pages: Vec<crate::extract::page::Page> = Vec::new();
    for page in text.split('\u{c}') {
        let lines: Vec<&str> = page.lines().collect();
        for chunk in lines.chunks(LINES_PER_PAGE) {
            pages.push(space_aligned_page(chunk, pages.len()));
        }
    }
    let mut layout = super::pdf::layout_pages(&pages);
    // (Positions on a text dump's page are no printed page's.)
    layout.pages = None;
    for row in &mut layout.rows {
        row.page = None;
    }
    for w in &mut layout.warnings {
        w.page = None;
    }
    layout
}

fn space_aligned_page(text: &[&str], index: usize) -> crate::extract::page::Page {
    use crate::extract::page::{Glyph, Page};
    let mut glyphs = Vec::new();
    let mut widest = 0usize;
    let mut lines = 0usize;
    for (n, line) in text.iter().enumerate() {
        let baseline = (n + 1) as f64 * LINE_PT;
        let mut column = 0usize;
        for c in line.chars() {
            // A tab never occurs here; any other control character takes
            // no column.
            let w = if c.is_control() { 0 } else { display_width(c) };
            if !c.is_whitespace() && w > 0 {
                glyphs.push(Glyph {
                    text: c.to_string(),
                    x0: column as f64 * COLUMN_PT,
                    x1: (column + w) as f64 * COLUMN_PT,
                    top: baseline - 0.8 * SIZE_PT,
                    bottom: baseline + 0.2 * SIZE_PT,
                    baseline,
                    size: SIZE_PT,
                });
            }
            column += w;
        }
        widest = widest.max(column);
        lines = n + 1;
    }
    Page {
        number: u32::try_from(index + 1).unwrap_or(u32::MAX),
        width: (widest + 1) as f64 * COLUMN_PT,
        height: (lines + 1) as f64 * LINE_PT,
        glyphs,
        rulings: Vec::new(),
        red_glyphs: 0,
    }
}

/// A line of one cell that is only a page number. A bare number (`3`)
/// counts only beside a blank line: alone among rows it may be a cell's
/// wrapped text.
fn is_footer_line(line: &str, beside_blank: bool) -> bool {
    let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
    let (Some(t), None) = (cells.next(), cells.next()) else {
        return false;
    };
    let bare = t
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    is_page_number(t) && (!bare || (beside_blank && !line.contains('\t')))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row's cells.
    fn cells_of(l: &Layout) -> Vec<Vec<&str>> {
        l.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_line_spaced_apart_in_a_tabbed_dump_is_a_row() {
        let l = layout_text(
            "2025年项目支出绩效目标表\n\
             项目名称\t森林防火运维\n\
             主管部门    澄江市林业局    实施单位    澄江市林业工作站\n\
             一级指标\t二级指标\t三级指标\t指标值\n\
             效益指标  生态效益指标\u{3000}\u{3000}森林覆盖率  ≥63.5%\n\
             按照《某市市级部门预算绩效管理暂行办法》的规定执行，各项指标详见第 3 条的说明。  其余照旧。\n",
        );
        assert_eq!(
            cells_of(&l),
            vec![
                vec!["2025年项目支出绩效目标表"],
                vec!["项目名称", "森林防火运维"],
                vec!["主管部门", "澄江市林业局", "实施单位", "澄江市林业工作站"],
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["效益指标", "生态效益指标", "森林覆盖率", "≥63.5%"],
                // (Short parts only: a sentence stays whole.)
                vec!["按照《某市市级部门预算绩效管理暂行办法》的规定执行，各项指标详见第 3 条的说明。  其余照旧。"],
            ]
        );
        // A dump without tabs keeps its lines whole.
        let l = layout_text("主管部门  某局\n");
        assert_eq!(cells_of(&l), vec![vec!["主管部门  某局"]]);
    }

    #[test]
    fn a_browsers_page_furniture_is_no_row() {
        let l = layout_text(
            "首页 > 政务公开\n\
             发布时间：2026-02-09 10:20  来源：某市财政局\n\
             一级指标\t二级指标\t三级指标\t指标值\n\
             产出指标\t数量指标\t运营站点数\t185个\n\
             \n\
             【打印本页】\t【关闭窗口】\n\
             主办单位：某市财政局  地址：人民路88号\n",
        );
        assert_eq!(
            cells_of(&l),
            vec![
                vec!["首页 > 政务公开"],
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["产出指标", "数量指标", "运营站点数", "185个"],
            ]
        );
    }

    #[test]
    fn cells_quoted_as_a_spreadsheet_copies_them() {
        // A cell with line breaks, copied from a spreadsheet, is quoted
        // over its lines; its quotes and lines were read as text and rows.
        let l = layout_text(
            "年度绩效目标\t\"1、完成河道保洁。\n2、漂浮物清理及时率95%以上。\"\t\n\
             产出指标\t数量指标\t\"保洁河道\n长度\"\t≥12公里\n\
             效益指标\t\"他说\"\"好\"\"\"\t\"十四五\"规划\t\"未闭合\n",
        );
        let cells = cells_of(&l);
        assert_eq!(
            cells,
            vec![
                vec![
                    "年度绩效目标",
                    "1、完成河道保洁。\n2、漂浮物清理及时率95%以上。",
                    ""
                ],
                vec!["产出指标", "数量指标", "保洁河道\n长度", "≥12公里"],
                // (Text after a closing quote: the line as printed.)
                vec![
                    "效益指标",
                    "\"他说\"\"好\"\"\"",
                    "\"十四五\"规划",
                    "\"未闭合"
                ],
            ]
        );
    }

    #[test]
    fn tabs_cells_and_breaks() {
        let l = layout_text("\n\ntitle\n\na\tb\t\r\n\t\tc\n\n\nd\n");
        let cells = cells_of(&l);
        assert_eq!(
            cells,
            vec![
                vec!["title"],
                vec!["a", "b", ""],
                vec!["", "", "c"],
                vec!["d"]
            ]
        );
        let breaks: Vec<bool> = l.rows.iter().map(|r| r.after_page_break).collect();
        assert_eq!(breaks, vec![false, true, false, true]);
        assert_eq!(l.pages, None);
    }

    fn texts(l: &Layout) -> Vec<String> {
        l.rows.iter().map(|r| r.cells.join("|")).collect()
    }

    #[test]
    fn page_footers_and_form_feeds_are_page_breaks() {
        let l = layout_text(
            "a\tb\n- 3 -\n\nc\n第 1 页 共 2 页\n\u{c}d\n\n4\n\ne\n\t\t- 5 -\nf\u{c}g\n",
        );
        assert_eq!(texts(&l), vec!["a|b", "c", "d", "e", "f", "g"]);
        let breaks: Vec<bool> = l.rows.iter().map(|r| r.after_page_break).collect();
        assert_eq!(breaks, vec![false, true, true, true, true, true]);
    }

    #[test]
    fn a_bare_number_among_rows_is_a_row() {
        // Without a blank line beside it, a number alone may be a cell's
        // wrapped text; so may one in a column.
        let l = layout_text("a\n95\nb\n\n\t\t12\n");
        assert_eq!(texts(&l), vec!["a", "95", "b", "||12"]);
    }

    #[test]
    fn a_dump_aligned_with_spaces_is_read_in_columns() {
        let dump = "2026年度项目支出绩效目标表\n\n\
项目名称          乡村道路养护\n\
一级指标    二级指标    三级指标            指标值\n\
产出指标    数量指标    养护道路里程        ≥120公里\n\
            质量指标    路面完好率          ≥90%\n\
效益指标    社会效益    群众出行便利度      明显提升\n\
满意度指标  满意度      沿线群众满意度      ≥90%\n";
        assert!(is_space_aligned(dump));
        let l = layout_text(dump);
        let t = texts(&l);
        assert!(t.contains(&"项目名称|乡村道路养护".to_string()), "{t:?}");
        assert!(
            t.contains(&"产出指标|数量指标|养护道路里程|≥120公里".to_string()),
            "{t:?}"
        );
        assert!(l.rows.iter().all(|r| r.page.is_none()));
        // (What the layout says names no page either.)
        assert!(!l.warnings.is_empty());
        assert!(
            l.warnings.iter().all(|w| w.page.is_none()),
            "{:?}",
            l.warnings
        );
        // A tab-separated dump, or prose with a double space here and
        // there, is read line by line.
        assert!(!is_space_aligned(
            "一级指标\t二级指标  x\na  b\nc  d\ne  f\ng  h\ni  j"
        ));
        assert!(!is_space_aligned(
            "第一段  正文\n第二段\n第三段\n第四段\n第五段"
        ));
    }

    #[test]
    fn display_widths_of_a_dump() {
        assert_eq!(display_width('a'), 1);
        assert_eq!(display_width('≥'), 1);
        assert_eq!(display_width('指'), 2);
        assert_eq!(display_width('（'), 2);
        assert_eq!(display_width('\u{3000}'), 2);
    }
}
