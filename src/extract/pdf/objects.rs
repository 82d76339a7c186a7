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

/// The decoded data of a stream object (following references). A stream
/// that inflates past [`MAX_STREAM_BYTES`] is refused without inflating it
/// all.
pub fn stream_bytes(doc: &Document, o: &Object) -> Option<Vec<u8>> {
    let s = deref(doc, o).as_stream().ok()?;
    let filters: Vec<&[u8]> = match s.dict.get(b"Filter").map(|f| deref(doc, f)) {
        Err(_) => return Some(s.content.clone()),
        Ok(Object::Name(n)) => vec![n.as_slice()],
        Ok(Object::Array(a)) => a
            .iter()
            .filter_map(|x| deref(doc, x).as_name().ok())
            .collect(),
        Ok(_) => Vec::new(),
    };
    let only_flate = !filters.is_empty()
        && filters.iter().all(|f| *f == b"FlateDecode")
        && s.dict.get(b"DecodeParms").is_err();
    if only_flate {
        let mut data = inflate_bounded(&s.content, MAX_STREAM_BYTES)?;
        for _ in 1..filters.len() {
            data = inflate_bounded(&data, MAX_STREAM_BYTES)?;
        }
        return Some(data);
    }
    let data = s.decompressed_content().ok()?;
    (data.len() <= MAX_STREAM_BYTES).then_some(data)
}

/// Whether a stream's data, through a chain of Flate filters, stays within
/// `max` bytes (other filters are not checked here).
pub fn inflates_within(s: &lopdf::Stream, max: usize) -> bool {
    let filters: Vec<&[u8]> = match s.dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.as_slice()],
        Ok(Object::Array(a)) => a.iter().filter_map(|x| x.as_name().ok()).collect(),
        _ => return true,
    };
    if !filters.iter().all(|f| *f == b"FlateDecode") {
        return true;
    }
    let mut data = std::borrow::Cow::Borrowed(s.content.as_slice());
    for _ in &filters {
        match inflate_bounded(&data, max) {
            Some(d) => data = std::borrow::Cow::Owned(d),
            None => return false,
        }
    }
    true
}

/// zlib data inflated up to `max` bytes; `None` past that. A damaged
/// stream gives what could be read (like readers do), falling back to raw
/// deflate when the zlib header or checksum is wrong.
pub fn inflate_bounded(input: &[u8], max: usize) -> Option<Vec<u8>> {
    use std::io::Read;
    let limit = max as u64 + 1;
    let mut out = Vec::with_capacity(input.len().saturating_mul(4).min(max));
    let zlib = flate2::read::ZlibDecoder::new(input)
        .take(limit)
        .read_to_end(&mut out);
    if zlib.is_err() && out.is_empty() {
        let raw = input.get(2..).unwrap_or_default();
        let _ = flate2::read::DeflateDecoder::new(raw)
            .take(limit)
            .read_to_end(&mut out);
    }
    (out.len() <= max).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zlib(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn bounded_inflate() {
        let z = zlib(&[b'x'; 10_000]);
        assert_eq!(inflate_bounded(&z, 10_000).map(|v| v.len()), Some(10_000));
        assert_eq!(inflate_bounded(&z, 9_999), None);
        // Truncated: what could be read.
        let cut = &z[..z.len() / 2];
        assert!(inflate_bounded(cut, 10_000).is_some());
        assert_eq!(inflate_bounded(b"not zlib at all", 100), Some(Vec::new()));
    }
}
