//! The documents of one input rendered to the bytes of every output they
//! go to: their JSON Lines lines, their pretty JSON files and their records
//! in the five CSV tables. An input holding several approvals renders all
//! of them, in order (SPEC §2.4).
//!
//! Rendering is most of the cost of writing, so batches render where the
//! document is converted (a worker process or a pool thread) and the
//! single writer in the supervisor only appends bytes. The JSON line is
//! always rendered: it is the whole document, so a writer that must change
//! a document (a `duplicate_content` warning) can read it back.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::{Document, Kind, Status, Warning};

use super::atomic::write_atomic_in;
use super::json_file_name;
use super::tables::csv_chunks;
pub use super::tables::CsvChunks;

/// Which renderings besides the JSON line are wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Renders {
    /// The pretty JSON of the per-document file.
    pub pretty: bool,
    /// The CSV records.
    pub csv: bool,
}

impl Renders {
    pub const ALL: Renders = Renders {
        pretty: true,
        csv: true,
    };
}

/// What a writer needs to know of a document without reading its JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub status: Status,
    pub kind: Option<Kind>,
    pub path: String,
    pub sha256: Option<String>,
    pub error: Option<String>,
    /// How many documents the input gave.
    #[serde(default = "one")]
    pub parts: u32,
}

fn one() -> u32 {
    1
}

/// One input's documents, rendered to UTF-8 bytes (bytes, not strings:
/// the writer only copies them, and checking UTF-8 again was most of its
/// work).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub meta: Meta,
    /// Compact JSON with its newline, one line per document.
    pub line: Vec<u8>,
    /// The pretty JSON of each document.
    pub pretty: Option<Vec<Vec<u8>>>,
    pub csv: Option<CsvChunks>,
    /// The pretty JSON is already in its file (and no longer kept here).
    pub json_written: bool,
}

/// Where per-document JSON files go: `dir/<rel>.json`, written through
/// `tmp` (on the same file system) so that they appear whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsonDir {
    pub dir: PathBuf,
    pub tmp: PathBuf,
}

impl JsonDir {
    /// The file of the input at relative path `rel`.
    pub fn file(&self, rel: &Path) -> PathBuf {
        self.dir.join(json_file_name(rel))
    }
}

/// The file of document `n` (from 1) of an input whose single-document
/// file would be `file` (`a.pdf.json`): `a.pdf.<n>.json`.
pub fn part_file(file: &Path, n: usize) -> PathBuf {
    let name = file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".json").unwrap_or(&name);
    file.with_file_name(format!("{stem}.{n}.json"))
}

/// Where each of `count` documents' JSON goes, for an input whose single
/// document would go to `file`.
pub fn document_files(file: &Path, count: usize) -> Vec<PathBuf> {
    if count <= 1 {
        vec![file.to_path_buf()]
    } else {
        (1..=count).map(|n| part_file(file, n)).collect()
    }
}

/// Pretty JSON of one document, with a final newline.
pub fn to_json_pretty(d: &Document) -> String {
    let line = serde_json::to_vec(d).unwrap_or_default();
    String::from_utf8(pretty_from_line(&line)).unwrap_or_default()
}

/// The pretty JSON of a compact JSON text, as `serde_json`'s pretty
/// printer writes it (two spaces an indent, `"key": value`, `[]` and `{}`
/// when empty), with a final newline. Re-spacing the line costs a small
/// part of serializing the document a second time. Strings are copied as
/// they are: both printers escape alike.
pub fn pretty_from_line(line: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(line.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    };
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        if in_string {
            // The rest of the string up to its closing quote (a quote
            // after a backslash is part of it) in one copy.
            let rest = line.get(i..).unwrap_or_default();
            let Some(k) = memchr::memchr2(b'"', b'\\', rest) else {
                out.extend_from_slice(rest);
                break;
            };
            let stop = if rest.get(k) == Some(&b'\\') {
                k + 2
            } else {
                k + 1
            };
            out.extend_from_slice(rest.get(..stop).unwrap_or(rest));
            in_string = rest.get(k) == Some(&b'\\');
            i += stop;
            continue;
        }
        i += 1;
        match b {
            b'"' => {
                in_string = true;
                out.push(b);
            }
            b'{' | b'[' => {
                out.push(b);
                if matches!(line.get(i), Some(b'}' | b']')) {
                    out.extend(line.get(i));
                    i += 1;
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(b);
            }
            b',' => {
                out.push(b);
                newline(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
    }
    out.push(b'\n');
    out
}

/// One JSON Lines line, with its newline.
pub fn to_json_line(d: &Document) -> String {
    let mut s = serde_json::to_string(d).unwrap_or_default();
    s.push('\n');
    s
}

impl Rendered {
    pub fn new(d: &Document, renders: Renders) -> Rendered {
        Rendered::new_all(std::slice::from_ref(d), renders)
    }

    /// The documents of one input (at least one), in order.
    pub fn new_all(docs: &[Document], renders: Renders) -> Rendered {
        let first = docs.first();
        let mut line = Vec::new();
        let mut pretty = Vec::new();
        let mut csv: CsvChunks = Default::default();
        for d in docs {
            let one = to_json_line(d).into_bytes();
            if renders.pretty {
                pretty.push(pretty_from_line(one.strip_suffix(b"\n").unwrap_or(&one)));
            }
            line.extend(one);
            if renders.csv {
                for (all, chunk) in csv.iter_mut().zip(csv_chunks(d)) {
                    all.extend(chunk);
                }
            }
        }
        Rendered {
            meta: Meta {
                status: first.map_or(Status::Error, |d| d.status),
                kind: first.and_then(|d| d.kind),
                path: first.map(|d| d.source.path.clone()).unwrap_or_default(),
                sha256: first.and_then(|d| d.source.sha256.clone()),
                error: first.and_then(|d| d.error.clone()),
                parts: u32::try_from(docs.len()).unwrap_or(u32::MAX),
            },
            line,
            pretty: renders.pretty.then_some(pretty),
            csv: renders.csv.then_some(csv),
            json_written: false,
        }
    }

    /// Which renderings this was made with.
    pub fn renders(&self) -> Renders {
        Renders {
            pretty: self.pretty.is_some() || self.json_written,
            csv: self.csv.is_some(),
        }
    }

    /// Writes the pretty JSON to `file` (through `tmp`) and drops it, so
    /// that files are created where documents are converted, in parallel.
    /// If that fails the JSON is kept, and the writer, trying again,
    /// reports the error.
    pub fn write_json(&mut self, file: &Path, tmp: &Path) {
        if let Some(pretty) = &self.pretty {
            let files = document_files(file, pretty.len());
            let all = files
                .iter()
                .zip(pretty)
                .all(|(f, p)| write_atomic_in(f, tmp, p).is_ok());
            if all {
                self.pretty = None;
                self.json_written = true;
            }
        }
    }

    /// The first document, read back from its JSON line.
    pub fn document(&self) -> Result<Document, serde_json::Error> {
        let first = self.line.split(|&b| b == b'\n').next().unwrap_or(&[]);
        serde_json::from_slice(first)
    }

    /// Every document, read back from the JSON lines.
    pub fn documents(&self) -> Result<Vec<Document>, serde_json::Error> {
        self.line
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(serde_json::from_slice)
            .collect()
    }

    /// The same documents with one more warning each, rendered again.
    pub fn with_warning(&self, w: Warning) -> Result<Rendered, serde_json::Error> {
        let mut docs = self.documents()?;
        for d in &mut docs {
            d.warnings.push(w.clone());
        }
        Ok(Rendered::new_all(&docs, self.renders()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Format, Source};

    fn doc() -> Document {
        Document::error(
            Some("abc".into()),
            Source {
                sha256: Some("ff".into()),
                ..Source::new("a,b.pdf", Format::Pdf)
            },
            "bad \"file\"",
        )
    }

    #[test]
    fn pretty_from_the_line_is_serde_jsons_pretty() {
        let mut d = doc();
        d.warnings
            .push(Warning::new("x", "a \\\"quoted\\\" {[,:]} 名称\n"));
        d.warnings.push(Warning::new("", ""));
        let line = serde_json::to_string(&d).unwrap();
        assert_eq!(
            String::from_utf8(pretty_from_line(line.as_bytes())).unwrap(),
            serde_json::to_string_pretty(&d).unwrap() + "\n"
        );
        assert_eq!(
            to_json_pretty(&d),
            serde_json::to_string_pretty(&d).unwrap() + "\n"
        );
        let value =
            serde_json::json!({"a": [], "b": {}, "c": [1, [2.5, {}], {"d": null}], "e": "]"});
        assert_eq!(
            String::from_utf8(pretty_from_line(value.to_string().as_bytes())).unwrap(),
            serde_json::to_string_pretty(&value).unwrap() + "\n"
        );
    }

    #[test]
    fn renders_only_what_is_asked() {
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        let r = Rendered::new(&doc(), Renders::default());
        assert!(r.pretty.is_none() && r.csv.is_none());
        let line = text(r.line);
        assert!(line.ends_with("}\n") && !line.trim_end().contains('\n'));
        let r = Rendered::new(&doc(), Renders::ALL);
        assert!(text(r.pretty.unwrap().remove(0)).contains("\n  \""));
        let csv = r.csv.unwrap().map(text);
        assert!(csv[0].starts_with("abc,\"a,b.pdf\",ff,pdf,"), "{}", csv[0]);
        let end = "error,\"bad \"\"file\"\"\",\r\n";
        assert!(csv[0].ends_with(end), "{}", csv[0]);
        assert_eq!(csv[1], "");
    }

    #[test]
    fn line_reads_back_and_takes_a_warning() {
        let r = Rendered::new(&doc(), Renders::ALL);
        assert_eq!(r.document().unwrap(), doc());
        let w = r
            .with_warning(Warning::new("duplicate_content", "same bytes as x"))
            .unwrap();
        let has = |b: &[u8]| String::from_utf8_lossy(b).contains("duplicate_content");
        assert!(has(&w.line));
        assert!(w.csv.as_ref().is_some_and(|c| has(&c[4])));
        assert_eq!(w.meta, r.meta);
    }

    #[test]
    fn written_json_is_dropped_and_rendered_again_for_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("sub/a.pdf.json");
        let mut r = Rendered::new(&doc(), Renders::ALL);
        let pretty = r.pretty.clone().unwrap().remove(0);
        r.write_json(&file, dir.path());
        assert!(r.json_written && r.pretty.is_none());
        assert_eq!(std::fs::read(&file).unwrap(), pretty);
        assert_eq!(r.renders(), Renders::ALL);
        let w = r
            .with_warning(Warning::new("duplicate_content", "x"))
            .unwrap();
        assert!(!w.json_written && w.pretty.is_some());
    }
}
