//! PDF input: our own content-stream interpreter over lopdf, producing
//! positioned glyphs and ruling lines per page ([`Page`]).
//!
//! Why not pdf-extract's `OutputDev`: pdf-extract 0.12.1 panics on every
//! predefined CJK CMap (the iText/OFD-converter fonts this domain is full
//! of), misreads `/W` ranges, ignores form XObject matrices and the `'`/`"`
//! operators, and reports no fill for `f*`/`B`/`b`; working around all of
//! that meant rewriting fonts and content streams before handing them to
//! it, which costs more code and time than interpreting the handful of
//! operators a table page uses. This interpreter never panics on input:
//! every lookup is total, recursion and operation counts are bounded.

pub mod cmap;
pub mod content;
pub mod encoding;
pub mod font;
pub mod ideograph_table;
pub mod ideographs;
pub mod interp;
pub mod objects;

use lopdf::Document;

use super::page::Page;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("not a readable PDF: {0}")]
    Malformed(String),
    #[error("encrypted PDF: it needs a password (remove the protection, e.g. `qpdf --decrypt`, and convert again)")]
    Encrypted,
    #[error("no text layer (scanned image?): the PDF has no extractable text; run OCR first")]
    NoTextLayer,
    #[error("unsupported font: {0}")]
    UnsupportedFont(String),
    #[error("PDF has no pages")]
    NoPages,
    #[error("too complex: {0}; the file is likely broken or hostile")]
    TooComplex(String),
}

/// Called by lopdf for every object as it loads, before it unpacks object
/// streams: an object stream that would inflate past the stream cap is
/// emptied, so a compression bomb cannot make the loader allocate
/// gigabytes.
fn guard_object_streams(
    id: lopdf::ObjectId,
    object: &mut lopdf::Object,
) -> Option<(lopdf::ObjectId, lopdf::Object)> {
    if let lopdf::Object::Stream(stream) = object {
        if stream.dict.has_type(b"ObjStm")
            && !objects::inflates_within(stream, objects::MAX_STREAM_BYTES)
        {
            stream.set_content(Vec::new());
            stream.dict.remove(b"Filter");
        }
        // lopdf ignores the returned object for top-level objects (streams
        // are never inside object streams), but keeps it for the objects it
        // unpacks from an object stream: those get their own copy.
        return Some((id, lopdf::Object::Null));
    }
    // Copying a hostile, deeply nested object would overflow the stack;
    // nothing that deep is part of a page's text.
    if nesting_exceeds(object, 256) {
        return Some((id, lopdf::Object::Null));
    }
    Some((id, object.clone()))
}

/// Whether arrays and dictionaries nest deeper than `limit` (iteratively).
fn nesting_exceeds(object: &lopdf::Object, limit: usize) -> bool {
    let mut todo: Vec<(&lopdf::Object, usize)> = vec![(object, 0)];
    while let Some((o, depth)) = todo.pop() {
        if depth > limit {
            return true;
        }
        match o {
            lopdf::Object::Array(items) => todo.extend(items.iter().map(|x| (x, depth + 1))),
            lopdf::Object::Dictionary(d) => todo.extend(d.iter().map(|(_, x)| (x, depth + 1))),
            _ => {}
        }
    }
    false
}

/// The pages of a PDF with glyphs and rulings; a PDF without any text is an
/// error ([`PdfError::NoTextLayer`]).
pub fn extract_pdf(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let pages = read_pages(bytes)?;
    let glyphs: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 {
        return Err(PdfError::NoTextLayer);
    }
    Ok(pages)
}

/// The pages of a PDF with glyphs and rulings, text or not.
pub fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let options = lopdf::LoadOptions {
        filter: Some(guard_object_streams),
        ..lopdf::LoadOptions::default()
    };
    let mut doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) => PdfError::Encrypted,
        other => PdfError::Malformed(other.to_string()),
    })?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let pages = interp::interpret_document(&doc)?;
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    Ok(pages)
}
