//! Small, total accessors over lopdf objects: every lookup is an `Option`,
//! references are followed with a depth bound, and stream data is
//! inflated with a size cap.

use lopdf::{Dictionary, Document, Object};

/// Follows references (a bounded number of times, so cycles end).
pub fn deref<'a>(doc: &'a Document, mut o: &'a Object) -> &'a Object {
    for _ in 0..16 {
        match o {
            Object::Reference(id) => match doc.get_object(*id) {
                Ok(next) => o = next,
                Err(_) => return &Object::Null,
            },
            _ => return o,
        }
    }
    &Object::Null
}

/// A dictionary entry with references followed.
pub fn dict_get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    d.get(key).ok().map(|o| deref(doc, o))
}

pub fn name_of(o: &Object) -> Option<&[u8]> {
    o.as_name().ok()
}

pub fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(*r as f64),
        _ => None,
    }
}

/// The largest inflated stream we accept (a content stream of a table page
/// is tens of kilobytes; this stops decompression bombs).
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// The decoded data of a stream object (following references).
pub fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let s = deref(doc, o).as_stream().ok()?;
    if s.dict.get(b"Filter").is_err() {
        return Some(s.content.clone());
    }
    let data = s.decompressed_content().ok()?;
    (data.len() <= MAX_STREAM_BYTES).then_some(data)
}
