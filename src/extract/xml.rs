//! A bounded streaming view of the XML parts of DOCX and XLSX files.
//!
//! quick-xml reads the markup; this module turns its events into three
//! simple ones (start with attributes, end, text) with names stripped of
//! their namespace prefix. Entities: only the five predefined ones and
//! character references are resolved; any other `&name;` stays as it is
//! printed, and DTDs are never read — so a billion-laughs document costs
//! its own size and nothing more. Element nesting is capped.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Deepest element nesting accepted in an XML part.
pub const MAX_XML_DEPTH: usize = 2000;

/// One piece of an XML part, borrowed from the part where it can be (a
/// worksheet is mostly short elements, and copying each name, attribute
/// and text was most of reading it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XmlEvent<'a> {
    /// An element starts (`empty`: it is `<x/>`, an `End` follows at once).
    Start {
        name: Cow<'a, str>,
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    },
    End {
        name: Cow<'a, str>,
    },
    Text(Cow<'a, str>),
}

impl XmlEvent<'_> {
    /// The value of attribute `key` (local name) of a start event.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match self {
            XmlEvent::Start { attrs, .. } => {
                attrs.iter().find(|(k, _)| k == key).map(|(_, v)| &**v)
            }
            _ => None,
        }
    }
}

/// Decodes a part's bytes: UTF-8 (a byte-order mark skipped) or UTF-16
/// with a byte-order mark.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let (text, _) = enc.decode_without_bom_handling(body);
        return Cow::Owned(text.into_owned());
    }
    String::from_utf8_lossy(bytes)
}

/// A name without its namespace prefix.
fn local(name: &str) -> Cow<'_, str> {
    Cow::Borrowed(match name.rfind(':') {
        Some(i) => name.get(i + 1..).unwrap_or_default(),
        None => name,
    })
}

/// Resolves the predefined entities and character references of `raw`;
/// anything else stays as printed.
pub fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return raw.into();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let after = rest.get(i + 1..).unwrap_or_default();
        match after.find(';').filter(|&j| j <= 12) {
            Some(j) => {
                let name = after.get(..j).unwrap_or_default();
                match resolve(name) {
                    Some(c) => out.push(c),
                    None => {
                        out.push('&');
                        out.push_str(name);
                        out.push(';');
                    }
                }
                rest = after.get(j + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

fn resolve(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

fn start<'a>(e: &'a BytesStart<'_>) -> XmlEvent<'a> {
    let mut attrs = Vec::new();
    for a in e.attributes().with_checks(false).flatten() {
        let key = local(a.key.into_inner());
        let value = match a.value {
            Cow::Borrowed(v) => unescape(v),
            Cow::Owned(v) => Cow::Owned(unescape(&v).into_owned()),
        };
        attrs.push((key, value));
    }
    XmlEvent::Start {
        name: local(e.name().into_inner()),
        attrs,
    }
}

/// Streams the events of an XML part to `f`, which may stop the walk with
/// an error.
pub fn parse(
    bytes: &[u8],
    mut f: impl FnMut(XmlEvent<'_>) -> Result<(), String>,
) -> Result<(), String> {
    let text = decode(bytes);
    let mut reader = Reader::from_str(&text);
    reader.config_mut().trim_text(false);
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            let what = super::one_line(&e.to_string(), 160);
            format!("malformed XML at byte {}: {what}", reader.buffer_position())
        })?;
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_XML_DEPTH {
                    return Err(format!("XML nested deeper than {MAX_XML_DEPTH} elements"));
                }
                f(start(&e))?;
            }
            Event::Empty(e) => {
                let s = start(&e);
                let name = match &s {
                    XmlEvent::Start { name, .. } => name.clone(),
                    _ => Cow::Borrowed(""),
                };
                f(s)?;
                f(XmlEvent::End { name })?;
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                f(XmlEvent::End {
                    name: local(e.name().into_inner()),
                })?;
            }
            Event::Text(t) => f(XmlEvent::Text(t.xml10_content()))?,
            Event::CData(t) => f(XmlEvent::Text(t.xml10_content()))?,
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                match resolve(&name) {
                    Some(c) => f(XmlEvent::Text(c.to_string().into()))?,
                    // An entity a DTD would define: never expanded.
                    None => f(XmlEvent::Text(format!("&{name};").into()))?,
                }
            }
            Event::Eof => return Ok(()),
            // Declarations, DOCTYPE (its entities are never defined),
            // comments and processing instructions carry no content.
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> String {
        let mut out = String::new();
        parse(xml.as_bytes(), |e| {
            if let XmlEvent::Text(t) = e {
                out.push_str(&t);
            }
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn entities_predefined_only() {
        assert_eq!(texts("<a>x &amp; &#x4E00;&#19968; &lt;</a>"), "x & 一一 <");
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>"#;
        assert_eq!(texts(laughs), "&b;");
        assert_eq!(unescape("a&amp;b&c"), "a&b&c");
    }

    #[test]
    fn a_mismatched_end_tag_is_a_one_line_error() {
        // Found by fuzzing: the end tag's name runs on over line breaks
        // and most of the file, and the message quotes it.
        let xml = format!("<w:r><w:t>x</w:t></w:r\n{}>", "y\n".repeat(20_000));
        let err = parse(xml.as_bytes(), |_| Ok(())).unwrap_err();
        assert!(err.starts_with("malformed XML"), "{err}");
        assert!(!err.contains('\n') && err.chars().count() < 250, "{err}");
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = "<a>".repeat(MAX_XML_DEPTH + 1);
        assert!(parse(deep.as_bytes(), |_| Ok(())).is_err());
    }

    #[test]
    fn prefixes_dropped_and_empty_elements_closed() {
        let mut ev = Vec::new();
        let owned = |s: Cow<'_, str>| -> Cow<'static, str> { Cow::Owned(s.into_owned()) };
        parse(br#"<w:p w:val="1"><w:br/></w:p>"#, |e| {
            ev.push(match e {
                XmlEvent::Start { name, attrs } => XmlEvent::Start {
                    name: owned(name),
                    attrs: attrs
                        .into_iter()
                        .map(|(k, v)| (owned(k), owned(v)))
                        .collect(),
                },
                XmlEvent::End { name } => XmlEvent::End { name: owned(name) },
                XmlEvent::Text(t) => XmlEvent::Text(owned(t)),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(ev[0].attr("val"), Some("1"));
        assert_eq!(
            ev[1..],
            [
                XmlEvent::Start {
                    name: "br".into(),
                    attrs: vec![]
                },
                XmlEvent::End { name: "br".into() },
                XmlEvent::End { name: "p".into() }
            ]
        );
    }
}
