//! DOCX input: the body of `word/document.xml`, in order.
//!
//! Paragraphs outside tables become one-cell prose rows; each table
//! (`w:tbl`) becomes rows on its grid: `w:gridSpan` widens a cell,
//! `w:vMerge` restart/continue makes a rowspan (a continuation is an empty
//! `continued` entry, its text, if any, joined to the merged cell),
//! `w:gridBefore` leaves leading grid columns empty. Inside a cell, its
//! paragraphs and `w:br` are line breaks; a table nested in a cell adds
//! its text to the cell, row by row, except an indicator table (read as
//! its own grid after the row that holds it) and the tables in a frame
//! (a table of one column around a form: its cells' paragraphs are prose
//! and the tables in them grids, in order). Text boxes (`w:txbxContent`) are read
//! where they are anchored; the `mc:Fallback` copy of a drawing is
//! skipped so nothing is read twice. A part embedded as an HTML
//! alternative chunk (`w:altChunk`) is read with the HTML reader where it
//! stands. Deleted text, field codes (a field
//! nested in another's code included) and hidden text are not text
//! (`w:delText`, `w:instrText`, `w:vanish`, also set by a character or
//! paragraph style in `word/styles.xml`), nor is a phonetic guide's
//! reading (`w:rt`); a raised 2
//! or 3 (`w:vertAlign`) is ² or ³; page headers and footers (other
//! parts) are furniture and not read, except a form title printed in a
//! page header when the body opens without one.
//!
//! The package is read under the inflation limits of `archive`, the XML
//! with the entity and depth limits of `xml`.

use std::collections::{HashMap, HashSet};

use crate::extract::archive::Package;
use crate::extract::xml::{parse, XmlEvent};
use crate::layout::structured::{
    prose_row, table_rows, table_rows_in_parts, GridOptions, TableCell,
};
use crate::layout::{Layout, Row};

/// Widest `w:gridSpan` honoured (Word itself allows 63).
const MAX_GRID_SPAN: usize = 1000;
/// Table cells accepted in one document.
const MAX_CELLS: usize = 1_000_000;

#[derive(Debug, Default, Clone)]
struct CellB {
    text: String,
    span: usize,
    /// `Some(true)`: starts a vertical merge; `Some(false)`: continues one.
    vmerge: Option<bool>,
}

#[derive(Debug, Default, Clone)]
struct RowB {
    before: usize,
    cells: Vec<CellB>,
    /// Deleted under tracked changes (`w:trPr/w:del`): not shown.
    deleted: bool,
}

#[derive(Debug, Default)]
struct TableB {
    rows: Vec<RowB>,
    row: Option<RowB>,
    cell: Option<CellB>,
    /// Indicator tables nested in this table's cells, read as grids of
    /// their own after the row that holds them.
    lifted: Vec<Lifted>,
    /// Tables nested in the first cell, in case this table is a frame of
    /// one cell around a form: where their text is in the cell, and their
    /// rows.
    framed: Vec<Framed>,
}

#[derive(Debug)]
struct Framed {
    /// The row of the frame whose cell holds the table.
    row: usize,
    /// Where the table's text is in that cell's text.
    text: std::ops::Range<usize>,
    rows: Vec<Row>,
}

/// Whether a table is one column of single cells (a frame around what it
/// holds: a title, a form's table, a signature line).
fn is_frame(t: &TableB) -> bool {
    !t.rows.is_empty() && t.rows.iter().all(|r| r.cells.len() == 1)
}

/// Whether a table still being read may be a frame: its rows so far are
/// single cells, and the cell now open is its row's first.
fn may_be_frame(t: &TableB) -> bool {
    t.rows.iter().all(|r| r.cells.len() == 1) && t.row.as_ref().is_some_and(|r| r.cells.is_empty())
}

/// The content of a frame table: its cells' paragraphs as prose and the
/// tables nested in them as grids, in order.
fn frame_rows(t: TableB) -> Vec<Row> {
    let mut out = Vec::new();
    let prose = |s: &str, out: &mut Vec<Row>| {
        for line in s.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
            out.push(prose_row(line.to_string()));
        }
    };
    let mut framed = t.framed.into_iter().peekable();
    for (r, row) in t.rows.into_iter().enumerate() {
        let text = row
            .cells
            .into_iter()
            .next()
            .map(|c| c.text)
            .unwrap_or_default();
        let mut at = 0;
        while let Some(f) = framed.next_if(|f| f.row == r) {
            prose(text.get(at..f.text.start).unwrap_or_default(), &mut out);
            out.extend(f.rows);
            at = f.text.end.max(at);
        }
        prose(text.get(at..).unwrap_or_default(), &mut out);
    }
    out
}

/// A nested indicator table: the row of the outer table that holds it,
/// and its rows.
#[derive(Debug)]
struct Lifted {
    outer_row: usize,
    rows: Vec<Row>,
}

/// Whether a nested table is an indicator table (its first rows name the
/// levels): a form that puts its indicators in a table inside the
/// 绩效指标 cell, or a frame table around a whole form. Its rows are
/// read as a grid, not run together as the cell's text.
fn is_indicator_grid(t: &TableB) -> bool {
    t.rows.len() >= 2
        && t.rows.iter().take(3).any(|r| {
            r.cells.len() >= 2
                && r.cells
                    .iter()
                    .any(|c| super::names_indicator_level(&c.text))
        })
}

/// The rows of a finished table on its grid.
fn grid_rows(t: TableB) -> Result<Vec<Row>, String> {
    let cells = table_cells(t);
    let n_rows = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    table_rows(
        cells,
        n_rows,
        GridOptions {
            skip_blank: true,
            full_width: false,
        },
    )
    .map_err(|e| format!("DOCX {e}"))
}

/// The rows of a table that holds nested indicator tables: its own rows
/// up to each one's holding row, then that table's rows, and so on (a
/// merge across the cut ends at it).
fn rows_with_lifted(mut t: TableB) -> Result<Vec<Row>, String> {
    let lifted = std::mem::take(&mut t.lifted);
    let cuts: Vec<usize> = lifted.iter().map(|l| l.outer_row).collect();
    let cells = table_cells(t);
    let n_rows = cells.iter().map(|c| c.row + 1).max().unwrap_or(0);
    let opts = GridOptions {
        skip_blank: true,
        full_width: false,
    };
    let parts = table_rows_in_parts(cells, n_rows, &cuts, opts).map_err(|e| format!("DOCX {e}"))?;
    let mut parts = parts.into_iter();
    let mut out = Vec::new();
    for l in lifted {
        out.extend(parts.next().unwrap_or_default());
        out.extend(l.rows);
    }
    out.extend(parts.flatten());
    Ok(out)
}

fn push_line(buf: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !buf.is_empty() {
        buf.push('\n');
    }
    buf.push_str(line);
}

fn attr_usize(e: &XmlEvent, key: &str) -> Option<usize> {
    e.attr(key)?.trim().parse().ok()
}

/// The cells of a finished table on its grid.
fn table_cells(t: TableB) -> Vec<TableCell> {
    let mut cells: Vec<TableCell> = Vec::new();
    // Column → index of the cell whose vertical merge is open there.
    let mut open: HashMap<usize, usize> = HashMap::new();
    for (r, row) in t.rows.into_iter().enumerate() {
        let mut col = row.before.min(MAX_GRID_SPAN);
        for cell in row.cells {
            let span = cell.span.clamp(1, MAX_GRID_SPAN);
            let origin = match cell.vmerge {
                Some(false) => open.get(&col).copied(),
                _ => None,
            };
            match origin.and_then(|k| cells.get_mut(k)) {
                Some(o) if o.row + o.rows == r => {
                    o.rows += 1;
                    // Some producers repeat the merged text in every
                    // continuation; Word shows it once.
                    if cell.text.trim() != o.text.trim() {
                        push_line(&mut o.text, &cell.text);
                    }
                }
                _ => {
                    if cell.vmerge == Some(true) {
                        open.insert(col, cells.len());
                    } else {
                        open.remove(&col);
                    }
                    cells.push(TableCell {
                        row: r,
                        col,
                        rows: 1,
                        cols: span,
                        text: cell.text,
                    });
                }
            }
            col = col.saturating_add(span);
        }
    }
    cells
}

/// The text of a nested table, row by row, cells separated by spaces.
fn table_text(t: TableB) -> String {
    let mut out = String::new();
    for row in t.rows {
        let line: Vec<String> = row
            .cells
            .into_iter()
            .map(|c| c.text.replace('\n', " "))
            .filter(|c| !c.trim().is_empty())
            .collect();
        push_line(&mut out, &line.join(" "));
    }
    out
}

/// What a run's properties change about how its text is read.
#[derive(Debug, Default)]
struct RunStyle {
    /// `w:vertAlign w:val="superscript"`: a unit's power (m², m³).
    superscript: bool,
    /// `w:vanish` in the run's own properties: hidden text, which Word
    /// neither shows nor prints (`Some(false)`: shown, whatever its style).
    hidden: Option<bool>,
    /// Its character style (`w:rStyle`) hides it.
    style_hidden: bool,
    /// A symbol font (Wingdings, Symbol) for the run's Latin characters:
    /// `R` typed in Wingdings 2 is a ticked box.
    symbol_font: Option<String>,
}

/// A FORMCHECKBOX field's box: `w:checked` if set, else `w:default`.
#[derive(Debug, Default)]
struct FormCheckBox {
    default: bool,
    checked: Option<bool>,
}

/// Whether an on/off attribute (`w:val`) says off; absent means on.
fn is_off(val: Option<&str>) -> bool {
    matches!(val, Some("0" | "false" | "off"))
}

/// Whether the element just opened (last of `names`) is a property of a
/// run (`w:r/w:rPr/…`), not of a paragraph mark (`w:pPr/w:rPr/…`).
fn is_run_property(names: &[String]) -> bool {
    let mut up = names.iter().rev().skip(1).map(String::as_str);
    up.next() == Some("rPr") && up.next() == Some("r")
}

/// Reads a DOCX file into rows.
pub fn read_docx(bytes: &[u8]) -> Result<Layout, String> {
    let mut pkg = Package::open(bytes)?;
    let main = main_part(&mut pkg)?;
    let xml = pkg
        .read(&main)?
        .ok_or("not a DOCX document (no word/document.xml)")?;
    let hidden = match pkg.read("word/styles.xml")? {
        Some(styles) => hidden_styles(&styles)?,
        None => HashSet::new(),
    };
    let (mut layout, chunks) = read_body(&xml, &hidden)?;
    with_alt_chunks(&mut layout, &chunks, &mut pkg, &main)?;
    if !opens_with_title(&layout.rows) {
        if let Some(title) = title_in_page_header(&mut pkg, &main)? {
            layout.rows.insert(0, title);
        }
    }
    Ok(layout)
}

/// The document's main part: the target of the package's
/// `officeDocument` relationship (`word/document.xml`, or another name
/// some producers give it, `word/document2.xml`).
pub fn main_part(pkg: &mut Package) -> Result<String, String> {
    Ok(pkg
        .relationships("")?
        .into_iter()
        .find(|r| r.is("officeDocument"))
        .map(|r| r.target)
        .filter(|t| t.starts_with("word/"))
        .unwrap_or_else(|| "word/document.xml".to_string()))
}

/// The most alternative chunks read from one document.
const MAX_ALT_CHUNKS: usize = 64;

/// Puts the rows of each HTML part embedded as an alternative chunk
/// (`w:altChunk`, which Word shows in its place: a form pasted in from a
/// web page by the program that made the file) where it stands in the
/// body. `chunks`: each chunk's place (index into the rows) and its
/// relationship id. A chunk of another format (RTF, MHT) is left out.
fn with_alt_chunks(
    layout: &mut Layout,
    chunks: &[(usize, String)],
    pkg: &mut Package,
    main: &str,
) -> Result<(), String> {
    if chunks.is_empty() {
        return Ok(());
    }
    let targets: HashMap<String, String> = pkg
        .relationships(main)?
        .into_iter()
        .filter(|r| r.is("aFChunk"))
        .map(|r| (r.id, r.target))
        .collect();
    // From the last, so that the places before stay where they are.
    for (at, id) in chunks.iter().take(MAX_ALT_CHUNKS).rev() {
        let Some(part) = targets.get(id) else {
            continue;
        };
        let Some(bytes) = pkg.read(part)? else {
            continue;
        };
        if !crate::extract::sniff::looks_like_html(&bytes) {
            continue;
        }
        let rows = crate::extract::html::read_html(&bytes)?.layout.rows;
        let at = (*at).min(layout.rows.len());
        layout.rows.splice(at..at, rows);
    }
    Ok(())
}

/// Whether the body's first text is the form's title.
fn opens_with_title(rows: &[Row]) -> bool {
    rows.iter()
        .find_map(|r| r.texts().map(str::trim).find(|t| !t.is_empty()))
        .is_some_and(crate::reconstruct::is_form_title)
}

/// The form's title printed in a page header (so that it repeats on every
/// page) rather than in the body: the first paragraph of a header part
/// that is a form title (`2026年度部门整体绩效目标表`), as a row of its own.
/// Whatever else headers hold (the issuer, a document number) stays out:
/// it is furniture.
fn title_in_page_header(pkg: &mut Package, main: &str) -> Result<Option<Row>, String> {
    let mut headers: Vec<String> = pkg
        .relationships(main)?
        .into_iter()
        .filter(|r| r.is("header"))
        .map(|r| r.target)
        .collect();
    headers.sort();
    for part in headers.iter().take(6) {
        let Some(xml) = pkg.read(part)? else {
            continue;
        };
        let title = read_document_xml(&xml)?
            .rows
            .into_iter()
            .find(|r| r.texts().any(crate::reconstruct::is_form_title));
        if title.is_some() {
            return Ok(title);
        }
    }
    Ok(None)
}

/// The styles (`w:styleId`) whose run properties hide text (`w:vanish`),
/// their own or those of a style they are based on (`w:basedOn`).
fn hidden_styles(xml: &[u8]) -> Result<HashSet<String>, String> {
    // Per style: its base, and its own vanish setting if any.
    let mut styles: HashMap<String, (Option<String>, Option<bool>)> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    parse(xml, |e| {
        match &e {
            XmlEvent::Start { name, .. } => {
                let parent = names.last().cloned().unwrap_or_default();
                names.push(name.to_string());
                match &**name {
                    "style" => {
                        current = e.attr("styleId").map(str::to_string);
                        if let Some(id) = &current {
                            styles.entry(id.clone()).or_default();
                        }
                    }
                    "basedOn" if parent == "style" => {
                        if let (Some(id), Some(base)) = (&current, e.attr("val")) {
                            styles.entry(id.clone()).or_default().0 = Some(base.to_string());
                        }
                    }
                    "vanish"
                        if parent == "rPr"
                            && names.iter().rev().nth(2).is_some_and(|n| n == "style") =>
                    {
                        if let Some(id) = &current {
                            styles.entry(id.clone()).or_default().1 = Some(!is_off(e.attr("val")));
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::End { name } => {
                names.pop();
                if &**name == "style" {
                    current = None;
                }
            }
            XmlEvent::Text(_) => {}
        }
        Ok(())
    })?;
    let hides = |id: &str| {
        // (Bounded: a cycle of bases ends.)
        let mut at = Some(id);
        for _ in 0..16 {
            let Some((base, vanish)) = at.and_then(|a| styles.get(a)) else {
                return false;
            };
            if let Some(v) = vanish {
                return *v;
            }
            at = base.as_deref();
        }
        false
    };
    Ok(styles.keys().filter(|id| hides(id)).cloned().collect())
}

/// Lays out the XML of `word/document.xml` (or of a page header).
pub fn read_document_xml(xml: &[u8]) -> Result<Layout, String> {
    read_body(xml, &HashSet::new()).map(|(layout, _)| layout)
}

/// Lays out the XML of `word/document.xml`, the styles in `hidden_styles`
/// hiding the text they are given to; and where the body embeds
/// alternative chunks (`w:altChunk` between its paragraphs and tables):
/// the index of the row each stands before and its relationship id.
fn read_body(
    xml: &[u8],
    hidden_styles: &HashSet<String>,
) -> Result<(Layout, Vec<(usize, String)>), String> {
    let mut chunks: Vec<(usize, String)> = Vec::new();
    let mut out: Vec<Row> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut paras: Vec<String> = Vec::new();
    let mut tables: Vec<TableB> = Vec::new();
    let mut in_t = false;
    // One entry per open run: a text box inside a run holds runs of its own.
    let mut runs: Vec<RunStyle> = Vec::new();
    let mut skip_at: Option<usize> = None;
    // Inside a content control that shows its placeholder (单击或点击此处
    // 输入文字): its structure is read, its grey prompt is not.
    let mut prompt_at: Option<usize> = None;
    let mut placeholders: Vec<bool> = Vec::new();
    let mut check_box: Option<FormCheckBox> = None;
    // Per open paragraph: its style (`w:pStyle`) hides its text.
    let mut para_hidden: Vec<bool> = Vec::new();
    // Per open complex field (`w:fldChar` begin … end): whether its result
    // (after `separate`) is being read; text inside a field's code, such
    // as a field nested in it (`{ QUOTE { MERGEFIELD … } }`), is not shown.
    let mut fields: Vec<bool> = Vec::new();
    let mut n_cells = 0usize;
    let mut error: Option<String> = None;
    parse(xml, |e| {
        match &e {
            XmlEvent::Start { name, .. } => {
                let parent = names.last().cloned().unwrap_or_default();
                let parent = parent.as_str();
                names.push(name.to_string());
                if skip_at.is_some() {
                    return Ok(());
                }
                match &**name {
                    "del" if parent == "trPr" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.row.as_mut()) {
                            row.deleted = true;
                        }
                    }
                    // The Fallback copy of a drawing, and text deleted or
                    // moved away under tracked changes.
                    "Fallback" | "del" | "moveFrom" => skip_at = Some(names.len()),
                    // The properties a tracked change replaced: no longer
                    // the table's merges and spans.
                    "tcPrChange" | "trPrChange" | "tblPrChange" | "tblPrExChange"
                    | "tblGridChange" | "pPrChange" | "rPrChange" | "sectPrChange" => {
                        skip_at = Some(names.len())
                    }
                    "altChunk" if tables.is_empty() && chunks.len() < MAX_ALT_CHUNKS => {
                        if let Some(id) = e.attr("id") {
                            chunks.push((out.len(), id.to_string()));
                        }
                    }
                    // A phonetic guide's reading over its base text.
                    "rt" if parent == "ruby" => skip_at = Some(names.len()),
                    "fldChar" if fields.len() < 64 || e.attr("fldCharType") != Some("begin") => {
                        match e.attr("fldCharType") {
                            Some("begin") => fields.push(false),
                            Some("separate") => {
                                if let Some(f) = fields.last_mut() {
                                    *f = true;
                                }
                            }
                            Some("end") => {
                                fields.pop();
                            }
                            _ => {}
                        }
                    }
                    "pStyle" if parent == "pPr" => {
                        if let (Some(h), Some(id)) = (para_hidden.last_mut(), e.attr("val")) {
                            *h = hidden_styles.contains(id);
                        }
                    }
                    "rStyle" if is_run_property(&names) => {
                        if let (Some(run), Some(id)) = (runs.last_mut(), e.attr("val")) {
                            run.style_hidden = hidden_styles.contains(id);
                        }
                    }
                    "sdt" => placeholders.push(false),
                    "showingPlcHdr" if parent == "sdtPr" => {
                        if let Some(p) = placeholders.last_mut() {
                            *p = true;
                        }
                    }
                    "sdtContent" if placeholders.last() == Some(&true) => {
                        prompt_at = prompt_at.or(Some(names.len()));
                    }
                    "p" => {
                        paras.push(String::new());
                        para_hidden.push(false);
                    }
                    "r" => runs.push(RunStyle::default()),
                    "t" if parent == "r" => in_t = true,
                    "vertAlign" if is_run_property(&names) => {
                        if let Some(run) = runs.last_mut() {
                            run.superscript = e.attr("val") == Some("superscript");
                        }
                    }
                    "vanish" if is_run_property(&names) => {
                        if let Some(run) = runs.last_mut() {
                            run.hidden = Some(!is_off(e.attr("val")));
                        }
                    }
                    "rFonts" if is_run_property(&names) => {
                        if let Some(run) = runs.last_mut() {
                            run.symbol_font = [e.attr("ascii"), e.attr("hAnsi")]
                                .into_iter()
                                .flatten()
                                .find(|f| super::is_symbol_font(f))
                                .map(str::to_string);
                        }
                    }
                    // A legacy form field's check box (FORMCHECKBOX): its
                    // state is stored, not printed as text.
                    "checkBox" if parent == "ffData" => check_box = Some(FormCheckBox::default()),
                    "default" if parent == "checkBox" => {
                        if let Some(b) = check_box.as_mut() {
                            b.default = !is_off(e.attr("val"));
                        }
                    }
                    "checked" if parent == "checkBox" => {
                        if let Some(b) = check_box.as_mut() {
                            b.checked = Some(!is_off(e.attr("val")));
                        }
                    }
                    "noBreakHyphen" if parent == "r" && prompt_at.is_none() => {
                        if let Some(p) = paras.last_mut() {
                            p.push('-');
                        }
                    }
                    "tab" if parent == "r" => {
                        if let Some(p) = paras.last_mut() {
                            p.push(' ');
                        }
                    }
                    // A symbol-font character (Word's check boxes, ≥ and ≤
                    // from the Symbol font).
                    "sym" if parent == "r" && prompt_at.is_none() => {
                        let code = e
                            .attr("char")
                            .and_then(|c| u32::from_str_radix(c.trim(), 16).ok());
                        let font = e.attr("font").unwrap_or_default();
                        let mark = code.and_then(|c| super::symbol_char(font, c));
                        if let (Some(p), Some(mark)) = (paras.last_mut(), mark) {
                            p.push(mark);
                        }
                    }
                    "br" | "cr" if parent == "r" => {
                        if let Some(p) = paras.last_mut() {
                            p.push('\n');
                        }
                    }
                    "tbl" => tables.push(TableB::default()),
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.row = Some(RowB::default());
                        }
                    }
                    "gridBefore" if parent == "trPr" => {
                        if let Some(row) = tables.last_mut().and_then(|t| t.row.as_mut()) {
                            row.before = attr_usize(&e, "val").unwrap_or(0);
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            t.cell = Some(CellB {
                                span: 1,
                                ..CellB::default()
                            });
                        }
                        n_cells += 1;
                        if n_cells > MAX_CELLS {
                            return Err(format!(
                                "document holds over {MAX_CELLS} table cells: not a 批复"
                            ));
                        }
                    }
                    "gridSpan" if parent == "tcPr" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.span = attr_usize(&e, "val").unwrap_or(1);
                        }
                    }
                    "vMerge" if parent == "tcPr" => {
                        if let Some(c) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            c.vmerge = Some(e.attr("val") == Some("restart"));
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::End { name } => {
                let depth = names.len();
                names.pop();
                if let Some(at) = skip_at {
                    if depth == at {
                        skip_at = None;
                    }
                    return Ok(());
                }
                if prompt_at == Some(depth) {
                    prompt_at = None;
                }
                match &**name {
                    "t" => in_t = false,
                    "sdt" => {
                        placeholders.pop();
                    }
                    "checkBox" => {
                        if let (Some(b), Some(p)) = (check_box.take(), paras.last_mut()) {
                            p.push(if b.checked.unwrap_or(b.default) {
                                '☑'
                            } else {
                                '□'
                            });
                        }
                    }
                    "r" => {
                        runs.pop();
                    }
                    "p" => {
                        para_hidden.pop();
                        let text = paras.pop().unwrap_or_default();
                        let text = text
                            .split('\n')
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .collect::<Vec<_>>()
                            .join("\n");
                        match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                            Some(cell) => push_line(&mut cell.text, &text),
                            None if !text.is_empty() => out.push(prose_row(text)),
                            None => {}
                        }
                    }
                    "tc" => {
                        if let Some(t) = tables.last_mut() {
                            if let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                                row.cells.push(cell);
                            }
                        }
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            if let Some(row) = t.row.take().filter(|r| !r.deleted) {
                                t.rows.push(row);
                            }
                        }
                    }
                    "tbl" => {
                        let Some(t) = tables.pop() else {
                            return Ok(());
                        };
                        let nested = tables.len() == 1;
                        match tables.last_mut().filter(|o| o.cell.is_some()) {
                            Some(outer) if nested && is_indicator_grid(&t) => {
                                let outer_row = outer.rows.len();
                                let single = may_be_frame(outer);
                                match grid_rows(t) {
                                    Ok(rows) => {
                                        // Where it stands, should the table be a frame.
                                        if let (true, Some(cell)) = (single, outer.cell.as_ref()) {
                                            let at = cell.text.len();
                                            outer.framed.push(Framed {
                                                row: outer_row,
                                                text: at..at,
                                                rows: rows.clone(),
                                            });
                                        }
                                        outer.lifted.push(Lifted { outer_row, rows });
                                    }
                                    Err(e) => error = Some(e),
                                }
                            }
                            Some(outer) => {
                                let row = outer.rows.len();
                                let grid = (nested && may_be_frame(outer) && t.rows.len() >= 2)
                                    .then(|| {
                                        grid_rows(TableB {
                                            rows: t.rows.clone(),
                                            ..TableB::default()
                                        })
                                    });
                                if let Some(cell) = outer.cell.as_mut() {
                                    let start = cell.text.len();
                                    push_line(&mut cell.text, &table_text(t));
                                    if let Some(Ok(rows)) = grid {
                                        let end = cell.text.len();
                                        outer.framed.push(Framed {
                                            row,
                                            text: start..end,
                                            rows,
                                        });
                                    }
                                }
                            }
                            None if is_frame(&t) && !t.framed.is_empty() => {
                                out.extend(frame_rows(t));
                            }
                            None => {
                                let rows = if t.lifted.is_empty() {
                                    grid_rows(t)
                                } else {
                                    rows_with_lifted(t)
                                };
                                match rows {
                                    Ok(rows) => out.extend(rows),
                                    Err(e) => error = Some(e),
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::Text(t) => {
                let run = runs.last();
                let styled_hidden = run.is_some_and(|r| r.style_hidden)
                    || para_hidden.last().copied().unwrap_or(false);
                let hidden = run.and_then(|r| r.hidden).unwrap_or(styled_hidden);
                let in_field_code = fields.iter().any(|result| !result);
                let shown = !hidden && !in_field_code && prompt_at.is_none();
                if in_t && shown && skip_at.is_none() {
                    if let Some(p) = paras.last_mut() {
                        super::push_shown_run(
                            p,
                            t,
                            run.is_some_and(|r| r.superscript),
                            run.and_then(|r| r.symbol_font.as_deref()),
                        );
                    }
                }
            }
        }
        match error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    })?;
    let layout = Layout {
        pages: None,
        rows: out,
        hard_breaks: true,
        ..Layout::default()
    };
    Ok((layout, chunks))
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn rows(body: &str) -> Vec<Row> {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        read_document_xml(xml.as_bytes()).unwrap().rows
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// Every cell's text of a DOCX file, row by row.
    fn texts(docx: Vec<u8>) -> Vec<String> {
        read_docx(&docx)
            .unwrap()
            .rows
            .iter()
            .flat_map(|r| r.cells.clone())
            .collect()
    }

    /// A DOCX package of these parts (stored, not compressed).
    fn package(parts: &[(&str, String)]) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, body) in parts {
            zip.start_file(*name, opts).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn readings_field_codes_and_styled_hidden_text_are_not_shown() {
        // A phonetic guide's reading (w:rt) over 碳; a field nested in
        // another's code (the inner result «名称» is code, not text).
        let run = |t: &str| format!("<w:r><w:t>{t}</w:t></w:r>");
        let fld = |kind: &str| format!("<w:r><w:fldChar w:fldCharType=\"{kind}\"/></w:r>");
        let body = format!(
            "<w:p>{}<w:ruby><w:rt><w:r><w:t>tàn</w:t></w:r></w:rt><w:rubyBase>{}</w:rubyBase></w:ruby>{}</w:p>\
             <w:p>{}<w:r><w:instrText>QUOTE </w:instrText></w:r>{}<w:r><w:instrText>MERGEFIELD 名称</w:instrText></w:r>{}{}{}{}{}{}</w:p>",
            run("年减少"),
            run("碳"),
            run("排放量"),
            fld("begin"),
            fld("begin"),
            fld("separate"),
            run("«名称»"),
            fld("end"),
            fld("separate"),
            run("自行车投放数量"),
            fld("end"),
        );
        assert_eq!(
            texts(package(&[(
                "word/document.xml",
                format!("<w:document {W}><w:body>{body}</w:body></w:document>")
            )])),
            ["年减少碳排放量", "自行车投放数量"]
        );
        // Text hidden by its character or paragraph style (w:vanish in
        // styles.xml, perhaps through w:basedOn); a run's own vanish off
        // shows it.
        let styles = format!(
            "<w:styles {W}>\
             <w:style w:type=\"character\" w:styleId=\"Note\"><w:rPr><w:vanish/></w:rPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Hid\"><w:rPr><w:vanish/></w:rPr></w:style>\
             <w:style w:type=\"paragraph\" w:styleId=\"Hid2\"><w:basedOn w:val=\"Hid\"/></w:style>\
             </w:styles>"
        );
        let body = "<w:p><w:r><w:t>≥1200辆</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"Note\"/></w:rPr><w:t>（含备用车）</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Hid2\"/></w:pPr><w:r><w:t>内部：待定</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Hid\"/></w:pPr><w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r></w:p>";
        assert_eq!(
            texts(package(&[
                (
                    "word/document.xml",
                    format!("<w:document {W}><w:body>{body}</w:body></w:document>")
                ),
                ("word/styles.xml", styles),
            ])),
            ["≥1200辆", "显示"]
        );
    }

    #[test]
    fn an_html_chunk_is_read_where_it_stands() {
        // A form embedded as an HTML alternative chunk (w:altChunk), which
        // Word shows in its place: the file read as no approval.
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdAc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="chunk.htm"/></Relationships>"#;
        let body = format!(
            "{}<w:altChunk xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdAc\"/>{}",
            p("2025年度项目支出绩效目标表"),
            p("某县财政局")
        );
        let chunk = "<html><body><table><tr><td>项目名称</td><td>公共自行车运维</td></tr></table></body></html>";
        let got = texts(package(&[
            (
                "word/document.xml",
                format!("<w:document {W}><w:body>{body}</w:body></w:document>"),
            ),
            ("word/_rels/document.xml.rels", rels.to_string()),
            ("word/chunk.htm", chunk.to_string()),
        ]));
        assert_eq!(
            got,
            [
                "2025年度项目支出绩效目标表",
                "项目名称",
                "公共自行车运维",
                "某县财政局"
            ]
        );
    }

    #[test]
    fn a_main_part_named_otherwise_is_found_by_the_packages_relationships() {
        // `word/document2.xml`, as some producers name it: the file was
        // refused as a ZIP archive that is neither DOCX nor XLSX.
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>"#;
        let docx = package(&[
            ("[Content_Types].xml", "<Types/>".to_string()),
            ("_rels/.rels", rels.to_string()),
            (
                "word/document2.xml",
                format!(
                    "<w:document {W}><w:body>{}</w:body></w:document>",
                    p("2026年度部门整体绩效目标表")
                ),
            ),
        ]);
        assert_eq!(
            crate::extract::sniff::detect(&docx, std::path::Path::new("a.docx")),
            crate::extract::sniff::Detected::Docx
        );
        let rows = read_docx(&docx).unwrap().rows;
        assert_eq!(
            rows.first().map(|r| r.cells.clone()),
            Some(vec!["2026年度部门整体绩效目标表".to_string()])
        );
    }

    #[test]
    fn title_in_a_page_header() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>"#;
        let header = |text: &str| format!("<w:hdr {W}>{}{}</w:hdr>", p("鄂州市财政局"), p(text));
        let body = |first: &str| {
            format!(
                "<w:document {W}><w:body>{}{}</w:body></w:document>",
                p(first),
                p("部门名称：鄂州市卫生健康委员会")
            )
        };
        // The body opens without a title: the header's title comes first,
        // the issuer beside it does not.
        let got = texts(package(&[
            ("word/document.xml", body("单位：万元")),
            ("word/_rels/document.xml.rels", rels.to_string()),
            ("word/header1.xml", header("2026年度部门整体绩效目标表")),
        ]));
        assert_eq!(
            got.first().map(String::as_str),
            Some("2026年度部门整体绩效目标表")
        );
        assert!(!got.iter().any(|t| t == "鄂州市财政局"));
        // A body with its own title keeps it, and only it.
        let got = texts(package(&[
            ("word/document.xml", body("2026年度部门整体绩效目标表")),
            ("word/_rels/document.xml.rels", rels.to_string()),
            ("word/header1.xml", header("2026年度部门整体绩效目标表")),
        ]));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn tracked_changes_to_a_tables_rows_and_cells() {
        // The merge and span a tracked change replaced (kept in
        // w:tcPrChange / w:trPrChange) are not the cell's; a row deleted
        // under tracked changes is not shown, though its text is not
        // wrapped in w:del.
        let body = format!(
            "<w:tbl>\
             <w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>\
             <w:tr><w:trPr><w:trPrChange w:id=\"1\"><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr></w:trPrChange></w:trPr>\
                   <w:tc><w:tcPr><w:tcPrChange w:id=\"2\"><w:tcPr><w:vMerge/><w:gridSpan w:val=\"2\"/></w:tcPr></w:tcPrChange></w:tcPr>{}</w:tc>\
                   <w:tc>{}</w:tc></w:tr>\
             <w:tr><w:trPr><w:del w:id=\"3\" w:author=\"a\"/></w:trPr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr>\
             </w:tbl>",
            p("数量指标"),
            p("≥420公里"),
            p("质量指标"),
            p("≥95%"),
            p("删去"),
            p("≥12座"),
        );
        let r = rows(&body);
        let cells: Vec<&Vec<String>> = r.iter().map(|r| &r.cells).collect();
        assert_eq!(
            cells,
            vec![
                &vec!["数量指标".to_string(), "≥420公里".to_string()],
                &vec!["质量指标".to_string(), "≥95%".to_string()]
            ]
        );
        assert!(r
            .iter()
            .flat_map(|r| r.spans.iter().flatten())
            .all(|s| !s.continued));
    }

    #[test]
    fn spans_merges_and_breaks() {
        let c_cell = format!("<w:tc>{}{}</w:tc>", p("C1"), p("C2"));
        let d_cell = format!("<w:tc>{}</w:tc>", p("D"));
        let body = format!(
            "{}<w:tbl>\
             <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>{}</w:tc>\
                   <w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>B</w:t><w:br/><w:t>b2</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>{c_cell}{d_cell}</w:tr>\
             </w:tbl>",
            p("标题"),
            p("A"),
        );
        let r = rows(&body);
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].cells, vec!["标题"]);
        assert!(r[0].spans.is_none());
        assert_eq!(r[1].cells, vec!["A", "B\nb2"]);
        assert_eq!(r[2].cells, vec!["", "C1\nC2", "D"]);
        let s = r[2].spans.as_ref().unwrap();
        assert!(s[0].continued);
        assert_eq!((s[2].left, s[2].right), (200, 300));
    }

    #[test]
    fn text_boxes_once_and_no_deleted_text() {
        let body = "<w:p><w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:drawing><w:txbxContent>\
                    <w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
                    <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
                    </mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>";
        let r = rows(body);
        let texts: Vec<&str> = r.iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(texts, vec!["框内", "正文"]);
    }

    #[test]
    fn hidden_text_is_left_out_and_powers_are_raised() {
        let body = "<w:p><w:r><w:t>≤35μg/m</w:t></w:r>\
                    <w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>3</w:t></w:r>\
                    <w:r><w:rPr><w:vanish/></w:rPr><w:t>≤40</w:t></w:r>\
                    <w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>注1</w:t></w:r></w:p>\
                    <w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr><w:r><w:t>10万m2</w:t></w:r>\
                    <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>！</w:t></w:r></w:p>";
        let r = rows(body);
        let texts: Vec<&str> = r.iter().map(|r| r.cells[0].as_str()).collect();
        assert_eq!(texts, vec!["≤35μg/m³注1", "10万m2！"]);
    }

    #[test]
    fn what_word_draws_not_what_it_stores() {
        let texts = |body: &str| -> Vec<String> {
            rows(body).into_iter().map(|r| r.cells.join("|")).collect()
        };
        // Deleted or moved-away text written as w:t, a placeholder prompt.
        let body = "<w:p><w:r><w:t>≥</w:t></w:r><w:del><w:r><w:t>4000</w:t></w:r></w:del>\
                    <w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:t>5000亩</w:t></w:r></w:p>\
                    <w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>\
                    <w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>\
                    <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>已填</w:t></w:r></w:p></w:sdtContent></w:sdt>";
        assert_eq!(texts(body), vec!["≥5000亩", "已填"]);
        // Check boxes: a FORMCHECKBOX field, Wingdings 2 letters, a
        // Symbol-font ≥ and a non-breaking hyphen.
        let field = |state: &str| {
            format!(
                "<w:r><w:fldChar w:fldCharType=\"begin\"><w:ffData><w:checkBox>{state}</w:checkBox>\
                 </w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>\
                 <w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
            )
        };
        let wd2 = |c: &str| {
            format!("<w:r><w:rPr><w:rFonts w:ascii=\"Wingdings 2\" w:hAnsi=\"Wingdings 2\"/></w:rPr><w:t>{c}</w:t></w:r>")
        };
        let body = format!(
            "<w:p>{}<w:r><w:t>新增项目</w:t></w:r>{}<w:r><w:t>延续项目</w:t></w:r></w:p>\
             <w:p>{}<w:r><w:t>新增项目</w:t></w:r>{}<w:r><w:t>延续项目</w:t></w:r></w:p>\
             <w:p><w:r><w:sym w:font=\"Symbol\" w:char=\"F0B3\"/><w:t>95%</w:t></w:r></w:p>\
             <w:p><w:r><w:t>2025年1月</w:t><w:noBreakHyphen/><w:t>12月</w:t></w:r></w:p>\
             <w:p><w:r><w:t>新增项目（ ）延续项目（</w:t><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:t>）</w:t></w:r></w:p>",
            field("<w:default w:val=\"1\"/><w:checked w:val=\"0\"/>"),
            field("<w:default w:val=\"0\"/><w:checked/>"),
            wd2("£"),
            wd2("R"),
        );
        assert_eq!(
            texts(&body),
            vec![
                "□新增项目☑延续项目",
                "□新增项目☑延续项目",
                "≥95%",
                "2025年1月-12月",
                "新增项目（ ）延续项目（✓）"
            ]
        );
    }

    #[test]
    fn a_merged_cells_text_repeated_in_its_continuations_is_read_once() {
        let cell = |merge: &str, text: &str| {
            format!(
                "<w:tc><w:tcPr><w:vMerge{merge}/></w:tcPr>{}</w:tc>",
                p(text)
            )
        };
        let plain = |text: &str| format!("<w:tc>{}</w:tc>", p(text));
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
            cell(" w:val=\"restart\"", "产出指标"),
            plain("数量指标"),
            cell("", "产出指标"),
            plain("质量指标"),
            cell("", "另有说明"),
            plain("时效指标"),
        );
        let r = rows(&body);
        assert_eq!(r[0].cells, vec!["产出指标\n另有说明", "数量指标"]);
    }

    fn tc(text: &str) -> String {
        format!("<w:tc>{}</w:tc>", p(text))
    }

    fn tr(cells: &[&str]) -> String {
        let cells: String = cells.iter().map(|c| tc(c)).collect();
        format!("<w:tr>{cells}</w:tr>")
    }

    fn indicator_table() -> String {
        format!(
            "<w:tbl>{}{}{}</w:tbl>",
            tr(&["一级指标", "二级指标", "三级指标", "指标值"]),
            tr(&["产出指标", "数量指标", "新建中心", "10个"]),
            tr(&["满意度指标", "服务对象满意度指标", "满意度", "≥90%"])
        )
    }

    #[test]
    fn an_indicator_table_nested_in_a_cell_is_read_as_its_grid() {
        let body = format!(
            "<w:tbl>{}<w:tr>{}<w:tc>{}</w:tc></w:tr>{}</w:tbl>",
            tr(&["项目名称", "养老中心建设"]),
            tc("绩效指标"),
            indicator_table(),
            tr(&["备注", "无"])
        );
        let cells: Vec<Vec<String>> = rows(&body).into_iter().map(|r| r.cells).collect();
        assert_eq!(
            cells,
            vec![
                vec!["项目名称", "养老中心建设"],
                vec!["绩效指标", ""],
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["产出指标", "数量指标", "新建中心", "10个"],
                vec!["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
                vec!["备注", "无"],
            ]
        );
    }

    #[test]
    fn a_frame_table_around_a_form_gives_the_form() {
        let form = format!(
            "<w:tbl>{}{}</w:tbl>",
            tr(&["项目名称", "养老中心建设"]),
            tr(&["主管部门", "某市民政局"])
        );
        let body = format!(
            "<w:tbl><w:tr><w:tc>{}{form}</w:tc></w:tr>{}</w:tbl>",
            p("某市2025年项目支出绩效目标表"),
            tr(&["填表人：陈静"])
        );
        let r = rows(&body);
        let cells: Vec<Vec<String>> = r.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(
            cells,
            vec![
                vec!["某市2025年项目支出绩效目标表"],
                vec!["项目名称", "养老中心建设"],
                vec!["主管部门", "某市民政局"],
                vec!["填表人：陈静"],
            ]
        );
        // The title and the signature are prose, the form a grid.
        let grid: Vec<bool> = r.iter().map(|r| r.spans.is_some()).collect();
        assert_eq!(grid, [false, true, true, false]);
    }

    #[test]
    fn nested_table_text_stays_in_its_cell() {
        let body = format!(
            "<w:tbl><w:tr><w:tc>{}<w:tbl><w:tr><w:tc>{}</w:tc><w:tc>{}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
            p("外"),
            p("内1"),
            p("内2")
        );
        let r = rows(&body);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].cells, vec!["外\n内1 内2"]);
    }
}
