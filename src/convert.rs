//! One input file to one [`Document`]: read, identify, extract, lay out,
//! reconstruct. Every failure, panics included, becomes an error document
//! for that file alone.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::extract::decode_text;
use crate::extract::page::Page;
use crate::extract::pdf::extract_pdf;
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

/// Whether the bytes are a PDF: `%PDF-` within the first KiB, as readers
/// accept leading junk.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

fn has_pdf_extension(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// Converts a file on disk: its document (the first, where it holds
/// several). `shown` is the path as the user gave it.
pub fn convert_path(path: &Path, shown: &str) -> Document {
    let mut docs = convert_path_all(path, shown);
    if docs.is_empty() {
        return Document::error(None, Source::new(shown, Format::Text), "no document");
    }
    docs.swap_remove(0)
}

/// Converts a file on disk into every document it holds, in file order.
pub fn convert_path_all(path: &Path, shown: &str) -> Vec<Document> {
    // Devices and FIFOs are not documents, and reading one may never end.
    let read = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(std::io::Error::other(
            "not a regular file (a directory, device or pipe)",
        )),
        _ => std::fs::read(path),
    };
    match read {
        Ok(bytes) => convert_bytes_all(shown, &bytes, has_pdf_extension(path)),
        Err(e) => {
            let format = if has_pdf_extension(path) {
                Format::Pdf
            } else {
                Format::Text
            };
            let source = Source::new(shown, format);
            vec![Document::error(
                None,
                source,
                format!("cannot read file: {e}"),
            )]
        }
    }
}

/// What extraction and layout made of a file's bytes.
pub struct LaidOut {
    /// The PDF's pages (empty for text input).
    pub pages: Vec<Page>,
    pub layout: Layout,
    /// The text encoding (text input only).
    pub encoding: Option<String>,
}

/// Extraction and layout of a PDF or a text dump. `pdf_name`: the file is
/// named `.pdf`, so bytes that are not a PDF are reported as such.
pub fn lay_out(bytes: &[u8], pdf_name: bool) -> Result<LaidOut, String> {
    if looks_like_pdf(bytes) {
        let pages = extract_pdf(bytes).map_err(|e| e.to_string())?;
        let layout = layout_pages(&pages);
        return Ok(LaidOut {
            pages,
            layout,
            encoding: None,
        });
    }
    if pdf_name {
        return Err("not a PDF file (no %PDF- header)".to_string());
    }
    let decoded = decode_text(bytes).map_err(|e| e.to_string())?;
    Ok(LaidOut {
        pages: Vec::new(),
        layout: layout_text(&decoded.text),
        encoding: Some(decoded.encoding.to_string()),
    })
}

/// Converts bytes already read, for a file holding one approval: its
/// document (the first, where the file holds several; see
/// [`convert_bytes_all`]). `pdf_name` says the file is named `.pdf`, so
/// that a non-PDF under that name is reported as such.
pub fn convert_bytes(shown: &str, bytes: &[u8], pdf_name: bool) -> Document {
    let mut docs = convert_bytes_all(shown, bytes, pdf_name);
    if docs.is_empty() {
        return Document::error(None, Source::new(shown, Format::Text), "no document");
    }
    docs.swap_remove(0)
}

/// Converts bytes already read into every document the file holds (SPEC
/// §2.4), in file order: `doc_id` `<16 hex>-<n>` and `source.part` n when
/// there are several. An error is one document.
pub fn convert_bytes_all(shown: &str, bytes: &[u8], pdf_name: bool) -> Vec<Document> {
    let sha = sha256_hex(bytes);
    let doc_id = sha.get(..16).unwrap_or(&sha).to_string();
    let is_pdf = looks_like_pdf(bytes);
    let format = if is_pdf || pdf_name {
        Format::Pdf
    } else {
        Format::Text
    };
    let mut source = Source {
        sha256: Some(sha.clone()),
        ..Source::new(shown, format)
    };
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<_, String> {
        let laid_out = lay_out(bytes, pdf_name)?;
        let layout = &laid_out.layout;
        Ok((laid_out.encoding, layout.pages, reconstruct_all(layout)))
    }));
    match result {
        Ok(Ok((encoding, pages, parts))) => {
            source.encoding = encoding;
            source.pages = pages;
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
                        format!("{doc_id}-{number}")
                    } else {
                        source.page_range = pages.filter(|&p| p > 0).map(|p| [1, p]);
                        doc_id.clone()
                    };
                    Document::ok(id, source, part.content)
                })
                .collect()
        }
        Ok(Err(e)) => vec![Document::error(Some(doc_id), source, e)],
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            vec![Document::error(
                Some(doc_id),
                source,
                format!("panic while converting: {what}"),
            )]
        }
    }
}
