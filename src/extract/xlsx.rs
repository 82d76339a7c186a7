//! XLSX input: worksheets to tables of cells as displayed.
//!
//! Read directly from the package (bounded inflation, `archive`) with a
//! streaming XML reader (`xml`), because what matters here is what the
//! sheet shows: shared and inline strings, numbers with their style's
//! number format applied (`numfmt`; calamine, which we use for XLS, does
//! not expose format codes), and merged ranges, which become row and
//! column spans. A sheet's declared dimension is never trusted: the grid
//! is sized by the cells present, and a sheet with more than
//! [`MAX_CELLS`] cells or a grid over the slot limit is an error.
//!
//! Sheets are laid out one after another in workbook order; hidden sheets
//! and a 目录 (table of contents) sheet are skipped.

use std::collections::HashMap;

use crate::extract::archive::Package;
use crate::extract::numfmt::{builtin_format, format_number, serial_of};
use crate::extract::xml::{parse, XmlEvent};
use crate::layout::structured::{table_rows, GridOptions, TableCell};
use crate::layout::{Layout, Row};
use crate::model::Warning;

/// Cells with a value accepted in one workbook.
pub const MAX_CELLS: usize = 1_000_000;
/// Largest row or column index accepted (Excel's own limits).
/// Merged ranges accepted in one sheet.
pub const MAX_MERGES: usize = 100_000;
const MAX_ROW: usize = 1_048_576;
const MAX_COL: usize = 16_384;
/// `<col>` ranges marked hidden that are honoured per worksheet (a sheet
/// describes each column at most once, so real ones have far fewer).
const MAX_COL_RANGES: usize = 1024;

/// A sheet's content before layout.
#[derive(Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub cells: Vec<TableCell>,
    /// Merged ranges: (first row, first col, last row, last col), 0-based.
    pub merges: Vec<(usize, usize, usize, usize)>,
    /// Values left out because their row or column is hidden.
    pub hidden_values: usize,
    /// Formula cells saved without their computed value (a workbook
    /// written by a program that does not calculate): empty here, though
    /// Excel shows a value once it recalculates.
    pub uncomputed: usize,
}

/// Whether a sheet is a table of contents rather than an approval.
pub fn is_contents_sheet(name: &str) -> bool {
    let n = name.trim();
    n.contains("目录") || n.eq_ignore_ascii_case("contents")
}

/// A workbook laid out, and the name of the one sheet that holds content
/// (`None` when several do).
#[derive(Debug, Default)]
pub struct Workbook {
    pub layout: Layout,
    pub sheet: Option<String>,
}

/// Lays out sheets one after another: each sheet's values and merges on
/// one grid, every slot a cell (empty ones included), rows with spans.
pub fn sheets_layout(sheets: Vec<Sheet>) -> Result<Workbook, String> {
    let mut rows: Vec<Row> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut sheets_at: Vec<(usize, String)> = Vec::new();
    let mut warnings = Vec::new();
    for sheet in sheets {
        if is_contents_sheet(&sheet.name) {
            continue;
        }
        if sheet.hidden_values > 0 {
            // Not shown, nor printed, so not part of the published form;
            // said, so that nothing is dropped silently.
            warnings.push((
                sheet.name.clone(),
                Warning::new(
                    "hidden_cells",
                    format!(
                        "worksheet {}: {} values in hidden rows or columns were not read",
                        sheet.name, sheet.hidden_values
                    ),
                ),
            ));
        }
        if sheet.uncomputed > 0 {
            warnings.push((
                sheet.name.clone(),
                Warning::new(
                    "uncomputed_formulas",
                    format!(
                        "worksheet {}: {} formula cells were saved without their values and \
                     read as empty; open and save the workbook in Excel or LibreOffice to \
                     compute them",
                        sheet.name, sheet.uncomputed
                    ),
                ),
            ));
        }
        let cells = apply_merges(sheet.cells, &sheet.merges);
        let laid = table_rows(
            cells,
            0,
            GridOptions {
                skip_blank: true,
                full_width: true,
            },
        )
        .map_err(|e| format!("worksheet {}: {e}", sheet.name))?;
        if !laid.is_empty() {
            used.push(sheet.name.clone());
            sheets_at.push((rows.len(), sheet.name.clone()));
        }
        rows.extend(laid);
    }
    Ok(Workbook {
        layout: Layout {
            pages: None,
            rows,
            sheets: sheets_at,
            hard_breaks: true,
            warnings: Vec::new(),
            sheet_warnings: warnings,
        },
        sheet: (used.len() == 1).then(|| used.remove(0)),
    })
}

/// Cells with merged ranges applied: the range's top-left cell spans it
/// (created empty when the sheet has no cell there). Overlapping
/// (contradicting) ranges and values hidden under a range are resolved by
/// the grid (`table_rows`): the first range in reading order keeps a slot,
/// and a hidden value is appended to the text of the cell covering it, so
/// nothing is lost and no overlap check is quadratic.
fn apply_merges(cells: Vec<TableCell>, merges: &[(usize, usize, usize, usize)]) -> Vec<TableCell> {
    // Ranges are clamped to the cells with values: a title merged across
    // the whole row (A1:XFD1) or a range over empty rows adds nothing.
    let max_row = cells.iter().map(|c| c.row).max().unwrap_or(0);
    let max_col = cells.iter().map(|c| c.col).max().unwrap_or(0);
    let mut by_start: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for &(r0, c0, r1, c1) in merges {
        if r0 > max_row || c0 > max_col {
            continue;
        }
        let (r1, c1) = (r1.min(max_row), c1.min(max_col));
        by_start
            .entry((r0, c0))
            .or_insert((r1 - r0 + 1, c1 - c0 + 1));
    }
    let mut out: Vec<TableCell> = Vec::with_capacity(cells.len());
    for mut cell in cells {
        if let Some((rows, cols)) = by_start.remove(&(cell.row, cell.col)) {
            cell.rows = rows;
            cell.cols = cols;
        }
        out.push(cell);
    }
    for ((row, col), (rows, cols)) in by_start {
        out.push(TableCell {
            row,
            col,
            rows,
            cols,
            text: String::new(),
        });
    }
    out.sort_by_key(|c| (c.row, c.col));
    out
}

/// `A1` → (row 0, col 0).
pub fn parse_ref(r: &str) -> Option<(usize, usize)> {
    let r = r.trim().trim_start_matches('$');
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let digits = r.get(letters.len()..)?.trim_start_matches('$');
    let row: usize = digits.parse().ok()?;
    let mut col = 0usize;
    for ch in letters.chars() {
        col = col * 26 + (ch.to_ascii_uppercase() as usize - 'A' as usize + 1);
    }
    ((1..=MAX_ROW).contains(&row) && (1..=MAX_COL).contains(&col)).then(|| (row - 1, col - 1))
}

/// `A1:C3` → (0, 0, 2, 2).
pub fn parse_range(r: &str) -> Option<(usize, usize, usize, usize)> {
    let (a, b) = r.split_once(':').unwrap_or((r, r));
    let (r0, c0) = parse_ref(a)?;
    let (r1, c1) = parse_ref(b)?;
    Some((r0.min(r1), c0.min(c1), r0.max(r1), c0.max(c1)))
}

#[derive(Default)]
struct Styles {
    /// Number format code of each cell style (`cellXfs` index).
    formats: Vec<String>,
    /// The symbol font (Wingdings 2 …) of each cell style whose font is
    /// one: its letters are shown as the symbols they draw.
    symbol_fonts: Vec<Option<String>>,
}

fn read_styles(xml: &[u8]) -> Result<Styles, String> {
    let mut custom: HashMap<u32, String> = HashMap::new();
    let mut xf_ids: Vec<u32> = Vec::new();
    // Each cell style's font, and each font's name if a symbol font.
    let mut xf_fonts: Vec<usize> = Vec::new();
    let mut fonts: Vec<Option<String>> = Vec::new();
    let mut in_fonts = false;
    let mut in_cell_xfs = false;
    let mut depth_in_xfs = 0usize;
    parse(xml, |e| {
        match &e {
            XmlEvent::Start { name, .. } => match &**name {
                "fonts" => in_fonts = true,
                "font" if in_fonts => fonts.push(None),
                "name" if in_fonts => {
                    if let (Some(last), Some(font)) = (fonts.last_mut(), e.attr("val")) {
                        *last = super::is_symbol_font(font).then(|| font.to_string());
                    }
                }
                "numFmt" => {
                    if let (Some(id), Some(code)) = (
                        e.attr("numFmtId").and_then(|v| v.parse().ok()),
                        e.attr("formatCode"),
                    ) {
                        custom.insert(id, code.to_string());
                    }
                }
                "cellXfs" => in_cell_xfs = true,
                "xf" if in_cell_xfs => {
                    depth_in_xfs += 1;
                    if depth_in_xfs == 1 {
                        xf_ids.push(e.attr("numFmtId").and_then(|v| v.parse().ok()).unwrap_or(0));
                        xf_fonts.push(e.attr("fontId").and_then(|v| v.parse().ok()).unwrap_or(0));
                    }
                }
                _ => {}
            },
            XmlEvent::End { name } => match &**name {
                "cellXfs" => in_cell_xfs = false,
                "fonts" => in_fonts = false,
                "xf" if in_cell_xfs => depth_in_xfs = depth_in_xfs.saturating_sub(1),
                _ => {}
            },
            XmlEvent::Text(_) => {}
        }
        if xf_ids.len() > 100_000 || fonts.len() > 100_000 {
            return Err("styles.xml holds over 100,000 cell styles".to_string());
        }
        Ok(())
    })?;
    let formats = xf_ids
        .iter()
        .map(|id| {
            custom
                .get(id)
                .cloned()
                .or_else(|| builtin_format(*id).map(str::to_string))
                .unwrap_or_else(|| "General".to_string())
        })
        .collect();
    let symbol_fonts = xf_fonts
        .iter()
        .map(|&f| fonts.get(f).cloned().flatten())
        .collect();
    Ok(Styles {
        formats,
        symbol_fonts,
    })
}

/// A rich-text run's superscript and symbol font: a unit's power (m²) and
/// a check box typed in Wingdings 2 (`R` is ☑), as Excel shows them.
#[derive(Debug, Default)]
struct RunFormat {
    superscript: bool,
    symbol_font: Option<String>,
}

impl RunFormat {
    /// Takes a run property (`vertAlign`, `rFont`); a new run (`r`) starts
    /// plain.
    fn start(&mut self, e: &XmlEvent) {
        if let XmlEvent::Start { name, .. } = e {
            match &**name {
                "r" => *self = RunFormat::default(),
                "vertAlign" => self.superscript = e.attr("val") == Some("superscript"),
                "rFont" => {
                    self.symbol_font = e
                        .attr("val")
                        .filter(|f| super::is_symbol_font(f))
                        .map(str::to_string);
                }
                _ => {}
            }
        }
    }

    /// Appends a run's text as it is shown.
    fn push(&self, out: &mut String, t: &str) {
        super::push_shown_run(out, t, self.superscript, self.symbol_font.as_deref());
    }
}

fn read_shared_strings(xml: &[u8]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_t = false;
    // Phonetic runs (rPh) are reading aids, not the cell's text.
    let mut in_phonetic = false;
    let mut run = RunFormat::default();
    parse(xml, |e| {
        run.start(&e);
        match &e {
            XmlEvent::Start { name, .. } => match &**name {
                "si" => cur.clear(),
                "t" => in_t = true,
                "rPh" => in_phonetic = true,
                _ => {}
            },
            XmlEvent::End { name } => match &**name {
                "si" => {
                    out.push(std::mem::take(&mut cur));
                    if out.len() > MAX_CELLS {
                        return Err(format!("over {MAX_CELLS} shared strings"));
                    }
                }
                "t" => in_t = false,
                "rPh" => in_phonetic = false,
                "r" => run = RunFormat::default(),
                _ => {}
            },
            XmlEvent::Text(t) => {
                if in_t && !in_phonetic {
                    run.push(&mut cur, t);
                }
            }
        }
        Ok(())
    })?;
    Ok(out)
}

/// Text as Excel shows it: `_x000D_`-style escapes decoded, CRLF as LF.
fn clean_cell_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        out.push_str(rest.get(..i).unwrap_or_default());
        let code = rest
            .get(i + 2..i + 6)
            .filter(|h| h.chars().all(|c| c.is_ascii_hexdigit()));
        match (code, rest.get(i + 6..i + 7)) {
            (Some(h), Some("_")) => {
                if let Some(c) = u32::from_str_radix(h, 16).ok().and_then(char::from_u32) {
                    out.push(c);
                }
                rest = rest.get(i + 7..).unwrap_or_default();
            }
            _ => {
                out.push_str("_x");
                rest = rest.get(i + 2..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out.replace("\r\n", "\n").replace('\r', "\n")
}

struct Context<'a> {
    shared: &'a [String],
    styles: &'a Styles,
    date1904: bool,
}

fn read_sheet(
    name: &str,
    xml: &[u8],
    cx: &Context<'_>,
    budget: &mut usize,
) -> Result<Sheet, String> {
    let mut sheet = Sheet {
        name: name.to_string(),
        ..Sheet::default()
    };
    let mut row_idx: usize = 0;
    let mut next_col: usize = 0;
    // The cell being read: (row, col, type, style), its <v> and <is> text.
    let mut cell: Option<(usize, usize, String, usize)> = None;
    let mut value = String::new();
    let mut inline = String::new();
    let mut in_v = false;
    let mut in_is_t = false;
    let mut in_is_phonetic = false;
    let mut in_is = false;
    let mut formula = false;
    let mut inline_run = RunFormat::default();
    let mut rows_seen: usize = 0;
    // Whether each column is hidden (empty until one is), how many
    // `<col>` ranges were taken, and whether this row is hidden.
    let mut hidden_cols: Vec<bool> = Vec::new();
    let mut col_ranges = 0usize;
    let mut row_hidden = false;
    // Hidden rows, and the values in hidden rows or columns (each may be
    // the value of a merged range Excel shows in its visible part).
    let mut hidden_rows: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    let mut hidden_cells: Vec<TableCell> = Vec::new();
    let is_true = |v: Option<&str>| matches!(v, Some("1" | "true"));
    parse(xml, |e| {
        if in_is {
            inline_run.start(&e);
        }
        match &e {
            XmlEvent::Start { name, .. } => match &**name {
                "row" => {
                    row_idx = e
                        .attr("r")
                        .and_then(|r| r.parse::<usize>().ok())
                        .filter(|&r| (1..=MAX_ROW).contains(&r))
                        .map_or(rows_seen, |r| r - 1);
                    rows_seen = row_idx + 1;
                    next_col = 0;
                    row_hidden = is_true(e.attr("hidden"));
                    if row_hidden {
                        hidden_rows.insert(row_idx);
                    }
                }
                // (A column narrowed to nothing is as hidden as one marked
                // so: Excel shows and prints none of it.)
                "col"
                    if (is_true(e.attr("hidden"))
                        || e.attr("width").and_then(|w| w.trim().parse::<f64>().ok())
                            == Some(0.0))
                        && col_ranges < MAX_COL_RANGES =>
                {
                    col_ranges += 1;
                    let bound = |k: &str| e.attr(k).and_then(|v| v.parse::<usize>().ok());
                    if let (Some(min), Some(max)) = (bound("min"), bound("max")) {
                        if min >= 1 && max >= min {
                            hidden_cols.resize(MAX_COL, false);
                            let range = (min - 1)..max.min(MAX_COL);
                            for h in hidden_cols.get_mut(range).unwrap_or_default() {
                                *h = true;
                            }
                        }
                    }
                }
                "c" => {
                    let (r, c) = e
                        .attr("r")
                        .and_then(parse_ref)
                        .unwrap_or((row_idx, next_col));
                    next_col = c + 1;
                    let t = e.attr("t").unwrap_or("n").to_string();
                    let s = e.attr("s").and_then(|s| s.parse().ok()).unwrap_or(0);
                    cell = Some((r, c, t, s));
                    value.clear();
                    inline.clear();
                    formula = false;
                }
                "f" => formula = true,
                "v" => in_v = true,
                "is" => {
                    in_is = true;
                    inline_run = RunFormat::default();
                }
                "t" if in_is && !in_is_phonetic => in_is_t = true,
                // (A phonetic run's reading is no part of the text.)
                "rPh" if in_is => in_is_phonetic = true,
                "mergeCell" => {
                    if let Some(m) = e.attr("ref").and_then(parse_range) {
                        sheet.merges.push(m);
                        if sheet.merges.len() > MAX_MERGES {
                            return Err(format!(
                                "worksheet {name}: over {MAX_MERGES} merged ranges"
                            ));
                        }
                    }
                }
                _ => {}
            },
            XmlEvent::End { name } => match &**name {
                "v" => in_v = false,
                "is" => in_is = false,
                "t" => in_is_t = false,
                "rPh" => in_is_phonetic = false,
                "c" => {
                    if let Some((r, c, t, s)) = cell.take() {
                        let text = display(&t, s, &value, &inline, cx);
                        let hidden = row_hidden || hidden_cols.get(c).copied().unwrap_or(false);
                        if formula && value.is_empty() && inline.is_empty() && !hidden {
                            sheet.uncomputed += 1;
                        }
                        if !text.trim().is_empty() {
                            if *budget == 0 {
                                return Err(format!(
                                    "workbook holds over {MAX_CELLS} cells with values: not a 批复 table"
                                ));
                            }
                            *budget -= 1;
                            let cell = TableCell {
                                row: r,
                                col: c,
                                rows: 1,
                                cols: 1,
                                text,
                            };
                            if hidden {
                                hidden_cells.push(cell);
                            } else {
                                sheet.cells.push(cell);
                            }
                        }
                    }
                }
                _ => {}
            },
            XmlEvent::Text(t) => {
                if in_v {
                    value.push_str(t);
                } else if in_is_t {
                    inline_run.push(&mut inline, t);
                }
            }
        }
        Ok(())
    })?;
    let is_hidden_col = |c: usize| hidden_cols.get(c).copied().unwrap_or(false);
    set_aside_hidden(&mut sheet, hidden_cells, &hidden_rows, &is_hidden_col);
    Ok(sheet)
}

/// Values of hidden rows or columns, left out of `sheet`: each is counted
/// in `hidden_values`, but for one that starts a merged range reaching
/// into the visible part, which is shown there (as Excel shows it).
pub(crate) fn set_aside_hidden(
    sheet: &mut Sheet,
    hidden_cells: Vec<TableCell>,
    hidden_rows: &std::collections::BTreeSet<usize>,
    is_hidden_col: &dyn Fn(usize) -> bool,
) {
    // (Of two ranges starting at one cell, the first counts, as in
    // `apply_merges`.)
    let mut starts: HashMap<(usize, usize), usize> = HashMap::new();
    for (i, m) in sheet.merges.iter().enumerate() {
        starts.entry((m.0, m.1)).or_insert(i);
    }
    for cell in hidden_cells {
        let shown = match starts.get(&(cell.row, cell.col)) {
            Some(&i) => show_in_visible_part(sheet, i, cell, hidden_rows, is_hidden_col),
            None => false,
        };
        if !shown {
            sheet.hidden_values += 1;
        }
    }
}

/// A value in a hidden row or column that starts a merged range (the
/// sheet's `merge`th) reaching into visible rows and columns: Excel shows
/// it over the visible part, so it is read there, the range starting at
/// its first visible row and column. `false` (nothing done) for any other
/// hidden value.
fn show_in_visible_part(
    sheet: &mut Sheet,
    merge: usize,
    cell: TableCell,
    hidden_rows: &std::collections::BTreeSet<usize>,
    is_hidden_col: &dyn Fn(usize) -> bool,
) -> bool {
    let Some(merge) = sheet.merges.get_mut(merge) else {
        return false;
    };
    let (r0, c0, r1, c1) = *merge;
    let row = (r0..=r1).find(|r| !hidden_rows.contains(r));
    let col = (c0..=c1).find(|&c| !is_hidden_col(c));
    let (Some(row), Some(col)) = (row, col) else {
        return false;
    };
    *merge = (row, col, r1, c1);
    sheet.cells.push(TableCell { row, col, ..cell });
    true
}

/// The serial number of an ISO 8601 date (`2025-11-30`, perhaps with a
/// time `T08:30:00`), in the workbook's date system.
fn iso_serial(iso: &str, date1904: bool) -> Option<f64> {
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut parts = date.splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut hms = time
        .trim_end_matches('Z')
        .split(':')
        .map(|p| p.parse::<f64>().ok());
    let secs = match (
        hms.next().flatten(),
        hms.next().flatten(),
        hms.next().flatten(),
    ) {
        (Some(h), Some(mi), s) => h * 3600.0 + mi * 60.0 + s.unwrap_or(0.0),
        _ => 0.0,
    };
    Some(serial_of(y, m, d, secs, date1904))
}

/// A cell's displayed text from its type, style and stored value.
fn display(t: &str, style: usize, value: &str, inline: &str, cx: &Context<'_>) -> String {
    let text = display_raw(t, style, value, inline, cx);
    // Text in a cell whose font draws symbols (a check box typed `R` in
    // Wingdings 2) is the symbol it shows.
    match cx.styles.symbol_fonts.get(style).and_then(Option::as_deref) {
        Some(font) if matches!(t, "s" | "inlineStr" | "str") => {
            let mut shown = String::with_capacity(text.len());
            super::push_shown_run(&mut shown, &text, false, Some(font));
            shown
        }
        _ => text,
    }
}

fn display_raw(t: &str, style: usize, value: &str, inline: &str, cx: &Context<'_>) -> String {
    let text = match t {
        "s" => value
            .trim()
            .parse::<usize>()
            .ok()
            .and_then(|i| cx.shared.get(i))
            .cloned()
            .unwrap_or_default(),
        "inlineStr" => inline.to_string(),
        "str" | "e" => value.to_string(),
        "b" => match value.trim() {
            "1" => "TRUE".to_string(),
            "0" => "FALSE".to_string(),
            other => other.to_string(),
        },
        // ISO 8601 date cells (rare; written by some non-Excel tools),
        // shown through their number format as a serial date would be.
        "d" => {
            let iso = value.trim();
            let code = cx.styles.formats.get(style).map(String::as_str);
            match (iso_serial(iso, cx.date1904), code) {
                (Some(v), Some(code)) if code != "General" => format_number(v, code, cx.date1904),
                _ => iso.get(..10).unwrap_or(iso).to_string(),
            }
        }
        _ => match value.trim().parse::<f64>() {
            Ok(v) => {
                let code = cx
                    .styles
                    .formats
                    .get(style)
                    .map_or("General", String::as_str);
                format_number(v, code, cx.date1904)
            }
            Err(_) => value.to_string(),
        },
    };
    clean_cell_text(&text)
}

/// Reads the workbook's sheets (name and content) in workbook order.
pub fn read_sheets(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut pkg = Package::open(bytes)?;
    let workbook = pkg
        .read("xl/workbook.xml")?
        .ok_or("not an XLSX workbook (no xl/workbook.xml)")?;
    let mut sheets: Vec<(String, String)> = Vec::new(); // (name, relationship id)
    let mut date1904 = false;
    parse(&workbook, |e| {
        if let XmlEvent::Start { name, .. } = &e {
            match &**name {
                "sheet" => {
                    let hidden = matches!(e.attr("state"), Some("hidden" | "veryHidden"));
                    if let (false, Some(n), Some(id)) = (hidden, e.attr("name"), e.attr("id")) {
                        sheets.push((n.to_string(), id.to_string()));
                    }
                }
                "workbookPr" => {
                    date1904 = matches!(e.attr("date1904"), Some("1" | "true"));
                }
                _ => {}
            }
        }
        if sheets.len() > 10_000 {
            return Err("workbook lists over 10,000 sheets".to_string());
        }
        Ok(())
    })?;
    let mut targets: HashMap<String, String> = HashMap::new();
    let mut shared_target = "xl/sharedStrings.xml".to_string();
    let mut styles_target = "xl/styles.xml".to_string();
    for rel in pkg.relationships("xl/workbook.xml")? {
        if rel.is("sharedStrings") {
            shared_target = rel.target.clone();
        } else if rel.is("styles") {
            styles_target = rel.target.clone();
        }
        targets.insert(rel.id, rel.target);
    }
    let shared = match pkg.read(&shared_target)? {
        Some(x) => read_shared_strings(&x)?,
        None => Vec::new(),
    };
    let styles = match pkg.read(&styles_target)? {
        Some(x) => read_styles(&x)?,
        None => Styles::default(),
    };
    let cx = Context {
        shared: &shared,
        styles: &styles,
        date1904,
    };
    let mut budget = MAX_CELLS;
    let mut out = Vec::new();
    for (k, (name, id)) in sheets.iter().enumerate() {
        if is_contents_sheet(name) {
            continue;
        }
        let path = targets
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("xl/worksheets/sheet{}.xml", k + 1));
        let Some(xml) = pkg.read(&path)? else {
            continue;
        };
        out.push(read_sheet(name, &xml, &cx, &mut budget)?);
    }
    Ok(out)
}

/// Reads an XLSX file into rows.
pub fn read_xlsx(bytes: &[u8]) -> Result<Workbook, String> {
    sheets_layout(read_sheets(bytes)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_and_ranges() {
        assert_eq!(parse_ref("A1"), Some((0, 0)));
        assert_eq!(parse_ref("$AB$12"), Some((11, 27)));
        assert_eq!(parse_ref("XFE1"), None);
        assert_eq!(parse_ref("A0"), None);
        assert_eq!(parse_range("C3:A1"), Some((0, 0, 2, 2)));
    }

    /// A worksheet's XML read with no shared strings and no styles.
    fn sheet_of(xml: &[u8]) -> Sheet {
        let styles = Styles::default();
        let cx = Context {
            shared: &[],
            styles: &styles,
            date1904: false,
        };
        let mut budget = 100;
        read_sheet("s", xml, &cx, &mut budget).unwrap()
    }

    /// The codes of the warnings a sheet's layout gives.
    fn warning_codes(sheet: Sheet) -> Vec<String> {
        let book = sheets_layout(vec![sheet]).unwrap();
        book.layout
            .sheet_warnings
            .into_iter()
            .map(|(_, w)| w.code)
            .collect()
    }

    #[test]
    fn iso_dates_as_serial_numbers() {
        assert_eq!(iso_serial("1900-03-01", false), Some(61.0));
        assert_eq!(iso_serial("2025-11-30", false), Some(45991.0));
        assert_eq!(iso_serial("2025-11-30T12:00:00Z", false), Some(45991.5));
        assert_eq!(iso_serial("1904-01-02", true), Some(1.0));
        assert_eq!(iso_serial("2025-13-01", false), None);
        assert_eq!(iso_serial("soon", false), None);
    }

    #[test]
    fn phonetic_runs_of_an_inline_string_are_no_text() {
        let xml = r#"<worksheet><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><r><t>产出指标</t></r><rPh sb="0" eb="2"><t>チャン</t></rPh><phoneticPr fontId="1"/></is></c></row>
</sheetData></worksheet>"#;
        let sheet = sheet_of(xml.as_bytes());
        let texts: Vec<&str> = sheet.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["产出指标"]);
    }

    #[test]
    fn hidden_rows_and_columns_are_left_out_and_counted() {
        let xml = br#"<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>code</t></is></c><c r="C1"><v>1</v></c></row>
<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>hidden</t></is></c><c r="C2"><v>2</v></c></row>
<row r="3"><c r="A3" t="inlineStr"><is><t>b</t></is></c><c r="C3"><v>3</v></c></row>
</sheetData></worksheet>"#;
        let sheet = sheet_of(xml);
        let texts: Vec<(usize, usize, &str)> = sheet
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![(0, 0, "a"), (0, 2, "1"), (2, 0, "b"), (2, 2, "3")]
        );
        assert_eq!(sheet.hidden_values, 3);
        assert_eq!(warning_codes(sheet), vec!["hidden_cells"]);
    }

    #[test]
    fn a_cell_in_a_symbol_font_shows_its_symbols() {
        // A check box typed `R` (☑) and `£` (□) in cells styled Wingdings 2:
        // read as the letters, the option ticked was the wrong one.
        let xml = br#"<styleSheet><fonts count="2"><font><name val="Calibri"/></font>
<font><name val="Wingdings 2"/></font></fonts>
<dxfs><dxf><font><name val="Wingdings"/></font></dxf></dxfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>"#;
        let styles = read_styles(xml).unwrap_or_default();
        let cx = Context {
            shared: &[],
            styles: &styles,
            date1904: false,
        };
        assert_eq!(display("inlineStr", 1, "", "R", &cx), "☑");
        assert_eq!(display("inlineStr", 1, "", "£", &cx), "□");
        assert_eq!(display("inlineStr", 0, "", "R", &cx), "R");
        // (A number in the font is a number.)
        assert_eq!(display("n", 1, "5", "", &cx), "5");
    }

    #[test]
    fn a_merged_value_in_a_hidden_row_or_column_shows_in_the_visible_part() {
        // A2:A4 merged with row 2 hidden, B1:C1 merged with column B
        // hidden: Excel draws both values in the visible part of their
        // ranges; they were left out as hidden values.
        let xml = br#"<worksheet><cols><col min="2" max="2" hidden="1"/></cols><sheetData>
<row r="1"><c r="B1" t="inlineStr"><is><t>unit</t></is></c></row>
<row r="2" hidden="1"><c r="A2" t="inlineStr"><is><t>level</t></is></c><c r="D2" t="inlineStr"><is><t>gone</t></is></c></row>
<row r="3"><c r="D3" t="inlineStr"><is><t>x</t></is></c></row>
<row r="4"><c r="D4" t="inlineStr"><is><t>y</t></is></c></row>
</sheetData><mergeCells><mergeCell ref="A2:A4"/><mergeCell ref="B1:C1"/></mergeCells></worksheet>"#;
        let sheet = sheet_of(xml);
        let mut texts: Vec<(usize, usize, &str)> = sheet
            .cells
            .iter()
            .map(|c| (c.row, c.col, c.text.as_str()))
            .collect();
        texts.sort_unstable();
        assert_eq!(
            texts,
            vec![(0, 2, "unit"), (2, 0, "level"), (2, 3, "x"), (3, 3, "y")]
        );
        assert!(sheet.merges.contains(&(2, 0, 3, 0)));
        assert!(sheet.merges.contains(&(0, 2, 0, 2)));
        // (The other hidden value is still left out, and said.)
        assert_eq!(sheet.hidden_values, 1);
    }

    #[test]
    fn contradicting_merges_keep_the_first() {
        let cell = |row, col, text: &str| TableCell {
            row,
            col,
            rows: 1,
            cols: 1,
            text: text.into(),
        };
        let cells = vec![cell(0, 0, "A"), cell(1, 1, "B"), cell(2, 3, "C")];
        let merged = apply_merges(cells, &[(0, 0, 2, 2), (1, 1, 3, 3), (5, 5, 5, 6)]);
        let rows = table_rows(
            merged,
            0,
            GridOptions {
                skip_blank: true,
                full_width: true,
            },
        )
        .unwrap();
        let texts: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        // A covers rows 0-2, columns 0-2; B (hidden under A) joins its text;
        // the second range is cut to what A leaves free.
        assert_eq!(texts[0][0], "A\nB");
        assert_eq!(texts.len(), 3, "{texts:?}");
    }

    #[test]
    fn inline_rich_text_and_formulas_without_values() {
        let xml = r#"<worksheet><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><rFont val="Wingdings 2"/></rPr><t>R</t></r><r><t>延续项目</t></r></is></c>
<c r="B1" t="inlineStr"><is><r><t>m</t></r><r><rPr><vertAlign val="superscript"/></rPr><t>3</t></r></is></c></row>
<row r="2"><c r="A2"><f>SUM(A3:A4)</f></c><c r="B2"><f>SUM(B3:B4)</f><v>7</v></c></row>
</sheetData></worksheet>"#;
        let sheet = sheet_of(xml.as_bytes());
        let texts: Vec<&str> = sheet.cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec!["☑延续项目", "m³", "7"]);
        assert_eq!(sheet.uncomputed, 1);
        assert_eq!(warning_codes(sheet), vec!["uncomputed_formulas"]);
    }

    #[test]
    fn rich_text_powers_and_check_boxes() {
        let run = |props: &str, t: &str| format!("<r><rPr>{props}</rPr><t>{t}</t></r>");
        let wd2 = "<rFont val=\"Wingdings 2\"/>";
        let xml = format!(
            "<sst><si><t>≥5000m</t></si><si><r><t>≥5000m</t></r>{}</si>\
             <si>{}<r><t>新增项目</t></r>{}<r><t>延续项目</t></r></si></sst>",
            run("<vertAlign val=\"superscript\"/>", "2"),
            run(wd2, "£"),
            run(wd2, "R"),
        );
        let strings = read_shared_strings(xml.as_bytes()).unwrap();
        assert_eq!(strings, vec!["≥5000m", "≥5000m²", "□新增项目☑延续项目"]);
    }

    #[test]
    fn escapes_in_text() {
        assert_eq!(clean_cell_text("a_x000D_\nb"), "a\nb");
        assert_eq!(clean_cell_text("x_y"), "x_y");
    }
}
