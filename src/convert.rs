//! One input file to one [`Document`]: read, identify the format by content
//! (`extract::sniff`), extract, lay out, reconstruct. Every failure, panics
//! included, becomes an error document for that file alone.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::extract::decode_text;
use crate::extract::docx::read_docx;
use crate::extract::html::read_html;
use crate::extract::one_line;
use crate::extract::page::Page;
use crate::extract::pdf::extract_pdf;
use crate::extract::sniff::{detect, Detected};
use crate::extract::xls::read_xls;
use crate::extract::xlsx::{read_xlsx, Workbook};
use crate::layout::pdf::layout_pages;
use crate::layout::text::layout_text;
use crate::layout::Layout;
use crate::model::{Document, Format, Source};
use crate::reconstruct::reconstruct_all;

/// Hex SHA-256 of the bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest.iter() {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

pub use crate::extract::sniff::looks_like_pdf;

fn has_pdf_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Converts a file on disk. `shown` is the path as the user gave it.
pub fn convert_path(path: &Path, shown: &str) -> Document {
    first(convert_path_all(path, shown), shown)
}

/// Reads an input file: only a regular file (devices and FIFOs are not
/// documents, and reading one may never end). Every command reads its
/// input through this, so all see the same bytes and the same errors.
pub fn read_input(path: &Path) -> std::io::Result<Vec<u8>> {
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(std::io::Error::other(
            "not a regular file (a directory, device or pipe)",
        )),
        _ => std::fs::read(path),
    }
}

/// Converts a file on disk into every document it holds, in file order.
pub fn convert_path_all(path: &Path, shown: &str) -> Vec<Document> {
    match read_input(path) {
        Ok(bytes) => convert_named_all(shown, &bytes, path),
        Err(e) => {
            let format = format_by_name(path);
            let source = Source::new(shown, format);
            vec![Document::error(
                None,
                source,
                format!("cannot read file: {e}"),
            )]
        }
    }
}

/// The first of a file's documents (a file gives at least one).
fn first(mut docs: Vec<Document>, shown: &str) -> Document {
    if docs.is_empty() {
        return Document::error(None, Source::new(shown, Format::Text), "no document");
    }
    docs.swap_remove(0)
}

/// The format a file's name suggests, for error documents of files that
/// could not be read (content decides for every other file).
pub fn format_by_name(path: &Path) -> Format {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "pdf" | "ofd" => Format::Pdf,
        "html" | "htm" => Format::Html,
        "xlsx" => Format::Xlsx,
        "xls" | "et" => Format::Xls,
        "docx" | "doc" | "wps" => Format::Docx,
        _ => Format::Text,
    }
}

/// What extraction and layout made of a file's bytes.
#[derive(Default)]
pub struct LaidOut {
    /// The PDF's pages (empty for other formats).
    pub pages: Vec<Page>,
    pub layout: Layout,
    /// The text encoding (text and HTML input only).
    pub encoding: Option<String>,
    /// A saved web page's canonical address and publication date (ISO).
    pub url: Option<String>,
    pub published: Option<String>,
    /// The worksheet that holds the document (workbooks with one such
    /// sheet).
    pub sheet: Option<String>,
}

/// Extraction and layout of a file in any format. `pdf_name`: the file is
/// named `.pdf`, so bytes that are not a PDF are reported as such.
pub fn lay_out(bytes: &[u8], pdf_name: bool) -> Result<LaidOut, String> {
    let name = if pdf_name { "input.pdf" } else { "input" };
    lay_out_detected(bytes, &detect(bytes, Path::new(name)))
}

/// Extraction and layout of a file named `name` (the name only refines
/// error messages; the content decides the format).
pub fn lay_out_named(bytes: &[u8], name: &Path) -> Result<LaidOut, String> {
    lay_out_detected(bytes, &detect(bytes, name))
}

fn lay_out_detected(bytes: &[u8], detected: &Detected) -> Result<LaidOut, String> {
    match detected {
        Detected::Pdf => {
            let pages = extract_pdf(bytes).map_err(|e| e.to_string())?;
            let layout = layout_pages(&pages);
            Ok(LaidOut {
                pages,
                layout,
                ..LaidOut::default()
            })
        }
        Detected::Html => {
            let doc = read_html(bytes)?;
            Ok(LaidOut {
                layout: doc.layout,
                encoding: Some(doc.encoding),
                url: doc.url,
                published: doc.published,
                ..LaidOut::default()
            })
        }
        Detected::Xlsx => workbook(read_xlsx(bytes)?),
        Detected::Xls => workbook(read_xls(bytes)?),
        Detected::Docx => Ok(LaidOut {
            layout: read_docx(bytes)?,
            ..LaidOut::default()
        }),
        Detected::Unsupported(_, message) => Err(message.clone()),
        Detected::Text => {
            let decoded = decode_text(bytes).map_err(|e| e.to_string())?;
            Ok(LaidOut {
                layout: layout_text(&decoded.text),
                encoding: Some(decoded.encoding.to_string()),
                ..LaidOut::default()
            })
        }
    }
}

fn workbook(wb: Workbook) -> Result<LaidOut, String> {
    Ok(LaidOut {
        layout: wb.layout,
        sheet: wb.sheet,
        ..LaidOut::default()
    })
}

/// Converts bytes already read, for a file holding one approval: its
/// document (the first, where the file holds several; see
/// [`convert_bytes_all`]). `pdf_name` says the file is named `.pdf`, so
/// that a non-PDF under that name is reported as such.
pub fn convert_bytes(shown: &str, bytes: &[u8], pdf_name: bool) -> Document {
    first(convert_bytes_all(shown, bytes, pdf_name), shown)
}

/// Converts bytes already read into every document the file holds (SPEC
/// §2.4), in file order.
pub fn convert_bytes_all(shown: &str, bytes: &[u8], pdf_name: bool) -> Vec<Document> {
    let name = if pdf_name && !has_pdf_extension(Path::new(shown)) {
        format!("{shown}.pdf")
    } else {
        shown.to_string()
    };
    convert_named_all(shown, bytes, Path::new(&name))
}

/// Converts bytes read from the file `name`: its first document; `shown`
/// is the path as the user gave it.
pub fn convert_named(shown: &str, bytes: &[u8], name: &Path) -> Document {
    first(convert_named_all(shown, bytes, name), shown)
}

thread_local! {
    static CONVERTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside a conversion, where a panic is caught
/// and becomes the document's error: a panic hook can stay quiet then.
pub fn is_converting() -> bool {
    CONVERTING.with(|c| c.get())
}

/// Converts bytes read from the file `name` into every document it holds:
/// `doc_id` `<16 hex>-<n>` and `source.part` n when there are several. An
/// error is one document.
pub fn convert_named_all(shown: &str, bytes: &[u8], name: &Path) -> Vec<Document> {
    let sha = sha256_hex(bytes);
    let doc_id = sha.get(..16).unwrap_or(&sha).to_string();
    let detected = detect(bytes, name);
    let mut source = Source {
        sha256: Some(sha.clone()),
        ..Source::new(shown, detected.format())
    };
    CONVERTING.with(|c| c.set(true));
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<_, String> {
        let laid_out = lay_out_detected(bytes, &detected)?;
        let parts = reconstruct_all(&laid_out.layout);
        Ok((laid_out, parts))
    }));
    CONVERTING.with(|c| c.set(false));
    match result {
        Ok(Ok((laid_out, parts))) => {
            let pages = laid_out.layout.pages;
            source.encoding = laid_out.encoding;
            source.pages = pages;
            source.url = laid_out.url;
            source.published = laid_out.published;
            source.sheet = laid_out.sheet;
            let n = parts.len();
            source.parts = u32::try_from(n).unwrap_or(u32::MAX);
            parts
                .into_iter()
                .enumerate()
                .map(|(i, part)| {
                    let mut source = source.clone();
                    let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    let id = if n > 1 {
                        source.part = Some(number);
                        source.page_range = part.pages;
                        source.sheet = part.sheet.or(source.sheet);
                        format!("{doc_id}-{number}")
                    } else {
                        source.sheet = part.sheet.or(source.sheet);
                        source.page_range = pages.filter(|&p| p > 0).map(|p| [1, p]);
                        doc_id.clone()
                    };
                    Document::ok(id, source, part.content)
                })
                .collect()
        }
        // Messages quote parsers, which quote the file: one bounded line.
        Ok(Err(e)) => vec![Document::error(Some(doc_id), source, one_line(&e, 400))],
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            vec![Document::error(
                Some(doc_id),
                source,
                format!("panic while converting: {}", one_line(&what, 300)),
            )]
        }
    }
}
