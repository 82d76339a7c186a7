//! XLS (BIFF8, Excel 97–2003) input.
//!
//! calamine reads the cells and merged ranges. It does not expose number
//! formats for XLS, and it sizes each sheet's grid eagerly when the
//! workbook is opened, so one pass of our own over the `Workbook` stream's
//! records comes first: it refuses encrypted workbooks and sheets whose
//! cells span more than the slot limit (before calamine allocates
//! anything), and collects each number cell's format code (FORMAT, XF and
//! the cell records' XF index), so values are shown as displayed, as for
//! XLSX (`numfmt`), and the rows and columns each sheet hides (ROW and
//! COLINFO), which calamine does not report either.

use std::collections::{BTreeSet, HashMap};
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xls};

use crate::extract::numfmt::{builtin_format, format_number, general};
use crate::extract::xlsx::{
    is_contents_sheet, set_aside_hidden, sheets_layout, Sheet, Workbook, MAX_CELLS,
};
use crate::layout::structured::{TableCell, MAX_SLOTS};

/// What the record pass found.
#[derive(Debug, Default)]
struct Formats {
    date1904: bool,
    /// Per sheet name: (row, col) → format code of number cells.
    cells: HashMap<String, HashMap<(u32, u32), String>>,
    /// Per sheet name: its hidden rows and columns.
    hidden: HashMap<String, Hidden>,
}

/// Rows and columns a sheet hides (ROW and COLINFO records): neither shown
/// nor printed, so no part of the published form, as for XLSX.
#[derive(Debug, Default)]
struct Hidden {
    rows: BTreeSet<usize>,
    /// Inclusive column ranges.
    cols: Vec<(usize, usize)>,
}

impl Hidden {
    fn col(&self, c: usize) -> bool {
        self.cols.iter().any(|&(a, b)| (a..=b).contains(&c))
    }
}

/// Column ranges taken from COLINFO records per sheet (a sheet describes
/// each column at most once, so real ones have far fewer).
const MAX_COL_RANGES: usize = 1024;

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes([*b.get(i)?, *b.get(i + 1)?]))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(i)?,
        *b.get(i + 1)?,
        *b.get(i + 2)?,
        *b.get(i + 3)?,
    ]))
}

/// A BIFF8 unicode string of `cch` characters at `i` (flags byte first).
fn biff_string(b: &[u8], i: usize, cch: usize) -> Option<String> {
    let flags = *b.get(i)?;
    let start = i + 1;
    if flags & 1 == 0 {
        let bytes = b.get(start..start + cch)?;
        Some(bytes.iter().map(|&c| char::from(c)).collect())
    } else {
        let bytes = b.get(start..start + 2 * cch)?;
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(String::from_utf16_lossy(&units))
    }
}

/// Records of a stream from `pos`: (type, data).
fn records(stream: &[u8], mut pos: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let typ = u16_at(stream, pos)?;
        let len = usize::from(u16_at(stream, pos + 2)?);
        let data = stream.get(pos + 4..pos + 4 + len)?;
        pos += 4 + len;
        Some((typ, data))
    })
}

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FILEPASS: u16 = 0x002F;
const DATEMODE: u16 = 0x0022;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
const LABELSST: u16 = 0x00FD;
const LABEL: u16 = 0x0204;
const BLANK: u16 = 0x0201;
const MULBLANK: u16 = 0x00BE;
const ROW: u16 = 0x0208;
const COLINFO: u16 = 0x007D;
/// ROW's option flags: the row is hidden (fDyZero).
const ROW_HIDDEN: u16 = 0x0020;

fn scan(stream: &[u8]) -> Result<Formats, String> {
    let mut out = Formats::default();
    let mut custom: HashMap<u16, String> = HashMap::new();
    let mut xf_fmt: Vec<u16> = Vec::new();
    let mut sheets: Vec<(String, usize)> = Vec::new();
    let mut biff8 = true;
    for (typ, d) in records(stream, 0) {
        match typ {
            BOF => biff8 = u16_at(d, 0) == Some(0x0600),
            FILEPASS => {
                return Err(
                    "password-protected workbook: open it, remove the password and save it again"
                        .to_string(),
                )
            }
            DATEMODE => out.date1904 = u16_at(d, 0) == Some(1),
            FORMAT if biff8 => {
                if let (Some(id), Some(cch)) = (u16_at(d, 0), u16_at(d, 2)) {
                    if let Some(code) = biff_string(d, 4, usize::from(cch)) {
                        custom.insert(id, code);
                    }
                }
            }
            XF => xf_fmt.push(u16_at(d, 2).unwrap_or(0)),
            BOUNDSHEET => {
                let offset = u32_at(d, 0).unwrap_or(0) as usize;
                let cch = usize::from(*d.get(6).unwrap_or(&0));
                let name = if biff8 {
                    biff_string(d, 7, cch)
                } else {
                    d.get(7..7 + cch)
                        .map(|b| b.iter().map(|&c| char::from(c)).collect())
                };
                sheets.push((name.unwrap_or_default(), offset));
            }
            EOF => break,
            _ => {}
        }
        if xf_fmt.len() > 100_000 || sheets.len() > 10_000 {
            return Err("workbook holds over 100,000 styles or 10,000 sheets".to_string());
        }
    }
    let code_of = |xf: u16| -> String {
        let id = xf_fmt.get(usize::from(xf)).copied().unwrap_or(0);
        custom
            .get(&id)
            .cloned()
            .or_else(|| builtin_format(u32::from(id)).map(str::to_string))
            .unwrap_or_else(|| "General".to_string())
    };
    let mut total = 0usize;
    for (name, offset) in sheets {
        let mut cells: HashMap<(u32, u32), String> = HashMap::new();
        let mut hidden = Hidden::default();
        let (mut max_row, mut max_col) = (0u32, 0u32);
        let mut see = |row: u16, col: u16| {
            max_row = max_row.max(u32::from(row));
            max_col = max_col.max(u32::from(col));
        };
        for (k, (typ, d)) in records(stream, offset).enumerate() {
            if typ == EOF || (typ == BOF && k > 0) {
                break;
            }
            let (Some(row), Some(col)) = (u16_at(d, 0), u16_at(d, 2)) else {
                continue;
            };
            match typ {
                ROW if u16_at(d, 12).is_some_and(|flags| flags & ROW_HIDDEN != 0) => {
                    hidden.rows.insert(usize::from(row));
                }
                // (row, col) are the first and last column here; a column
                // narrowed to nothing is as hidden as one marked so.
                COLINFO if hidden.cols.len() < MAX_COL_RANGES => {
                    let width = u16_at(d, 4).unwrap_or(1);
                    let flags = u16_at(d, 8).unwrap_or(0);
                    if (flags & 1 != 0 || width == 0) && col >= row {
                        hidden.cols.push((usize::from(row), usize::from(col)));
                    }
                }
                NUMBER | RK | FORMULA => {
                    see(row, col);
                    if let Some(xf) = u16_at(d, 4) {
                        cells.insert((u32::from(row), u32::from(col)), code_of(xf));
                    }
                }
                MULRK => {
                    // row, first col, (xf, rk) × n, last col
                    let n = d.len().saturating_sub(6) / 6;
                    for j in 0..n {
                        let c = col.saturating_add(j as u16);
                        see(row, c);
                        if let Some(xf) = u16_at(d, 4 + 6 * j) {
                            cells.insert((u32::from(row), u32::from(c)), code_of(xf));
                        }
                    }
                }
                LABELSST | LABEL | BLANK | MULBLANK => see(row, col),
                _ => {}
            }
            total += 1;
            if total > MAX_CELLS {
                return Err(format!(
                    "workbook holds over {MAX_CELLS} cells: not a 批复 table"
                ));
            }
        }
        let slots = (max_row as usize + 1).saturating_mul(max_col as usize + 1);
        if slots > MAX_SLOTS {
            return Err(format!(
                "worksheet {name}: cells span {} rows × {} columns, over the limit of {MAX_SLOTS} cells",
                max_row + 1,
                max_col + 1
            ));
        }
        out.hidden.insert(name.clone(), hidden);
        out.cells.insert(name, cells);
    }
    Ok(out)
}

fn workbook_stream(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("damaged XLS file: {e}"))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| cf.is_stream(n))
        .ok_or("not an XLS workbook (no Workbook stream)")?;
    let mut stream = cf
        .open_stream(name)
        .map_err(|e| format!("damaged XLS file: {e}"))?;
    let mut out = Vec::new();
    // The stream cannot be larger than the file that holds it.
    (&mut stream)
        .take(bytes.len() as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("damaged XLS file: {e}"))?;
    Ok(out)
}

/// A cell value as displayed.
fn display(value: &Data, code: Option<&String>, date1904: bool) -> String {
    let number = |v: f64| match code {
        Some(c) => format_number(v, c, date1904),
        None => general(v),
    };
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.replace("\r\n", "\n").replace('\r', "\n"),
        Data::Float(f) => number(*f),
        Data::Int(i) => number(*i as f64),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => number(d.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// Reads an XLS file into rows.
pub fn read_xls(bytes: &[u8]) -> Result<Workbook, String> {
    let stream = workbook_stream(bytes)?;
    let formats = scan(&stream)?;
    // calamine indexes some records without checking their length; a
    // damaged workbook is this file's error, whatever the caller does
    // with panics.
    let sheets = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_sheets(bytes, &formats)
    }))
    .map_err(|_| {
        "XLS workbook damaged: a record is cut short or malformed; open it in Excel or WPS and save it again (as .xlsx), or save it as PDF".to_string()
    })??;
    sheets_layout(sheets)
}

/// Every visible worksheet but a table of contents, through calamine.
fn read_sheets(bytes: &[u8], formats: &Formats) -> Result<Vec<Sheet>, String> {
    let mut wb: Xls<_> =
        Xls::new(Cursor::new(bytes)).map_err(|e| format!("cannot read XLS workbook: {e}"))?;
    let visible: Vec<String> = wb
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == calamine::SheetVisible::Visible)
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let mut sheets = Vec::new();
    for name in visible {
        if is_contents_sheet(&name) {
            continue;
        }
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| format!("cannot read worksheet {name}: {e}"))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let codes = formats.cells.get(&name);
        let hidden = formats.hidden.get(&name);
        let no_rows = BTreeSet::new();
        let hidden_rows = hidden.map_or(&no_rows, |h| &h.rows);
        let is_hidden_col = |c: usize| hidden.is_some_and(|h| h.col(c));
        let mut cells = Vec::new();
        let mut hidden_cells = Vec::new();
        for (r, c, v) in range.cells() {
            let (row, col) = (r0 as usize + r, c0 as usize + c);
            let code = codes.and_then(|m| m.get(&(row as u32, col as u32)));
            let text = display(v, code, formats.date1904);
            if !text.trim().is_empty() {
                let cell = TableCell {
                    row,
                    col,
                    rows: 1,
                    cols: 1,
                    text,
                };
                if hidden_rows.contains(&row) || is_hidden_col(col) {
                    hidden_cells.push(cell);
                } else {
                    cells.push(cell);
                }
            }
        }
        let merges = wb
            .merge_cells_by_sheet_name(&name)
            .unwrap_or_default()
            .iter()
            .map(|d| {
                (
                    d.start.0 as usize,
                    d.start.1 as usize,
                    d.end.0 as usize,
                    d.end.1 as usize,
                )
            })
            .filter(|m| m.2 >= m.0 && m.3 >= m.1)
            .collect();
        let mut sheet = Sheet {
            name,
            cells,
            merges,
            hidden_values: 0,
            uncomputed: 0,
        };
        set_aside_hidden(&mut sheet, hidden_cells, hidden_rows, &is_hidden_col);
        sheets.push(sheet);
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_walk_is_total() {
        // Truncated and junk streams end the walk, never panic.
        assert!(records(&[0x09, 0x08, 0xff], 0).next().is_none());
        let f = scan(&[0x2F, 0x00, 0x00, 0x00]);
        assert!(f.is_err());
        assert!(scan(&[1, 2, 3, 4, 5, 6, 7]).is_ok());
    }
}
