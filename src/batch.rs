//! Batches: finding inputs, converting them in parallel, and handing the
//! documents to a sink in input order.
//!
//! Inputs are converted in windows of a few per thread on a rayon pool and
//! then passed to the sink one by one in input order, so output bytes do not
//! depend on the number of threads and memory stays bounded by the window.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::convert::convert_path;
use crate::model::{Document, Kind, Status, Warning};

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path pifu opens.
    pub path: PathBuf,
    /// Where its JSON goes, relative to `OUT/json/` (without `.json`).
    pub rel: PathBuf,
}

fn is_input_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        e == "pdf" || e == "txt"
    })
}

/// Files under `dir` named `.pdf` or `.txt`, recursively, in sorted path
/// order. Symbolic links to directories are not followed, so a link loop
/// cannot trap the walk.
fn walk(dir: &Path, root: &Path, out: &mut Vec<InputFile>, errors: &mut Vec<String>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: cannot list directory: {e}", dir.display()));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let is_dir = fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
        if is_dir {
            walk(&p, root, out, errors);
        } else if is_input_name(&p) && p.is_file() {
            let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            out.push(InputFile { path: p, rel });
        }
    }
}

/// Expands the command-line inputs: a directory gives the files under it, a
/// file (or a path that does not exist, which becomes that input's error)
/// gives itself.
pub fn collect_inputs(args: &[PathBuf]) -> (Vec<InputFile>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for a in args {
        if a.is_dir() {
            walk(a, a, &mut out, &mut errors);
        } else {
            let rel = a
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            out.push(InputFile {
                path: a.clone(),
                rel,
            });
        }
    }
    dedupe_json_names(&mut out);
    (out, errors)
}

/// Two inputs given as `a/x.txt` and `b/x.txt` would both write
/// `json/x.txt.json`; later ones get `x.txt~2`, `x.txt~3`.
fn dedupe_json_names(inputs: &mut [InputFile]) {
    let mut used: HashSet<PathBuf> = HashSet::new();
    for input in inputs.iter_mut() {
        if used.insert(input.rel.clone()) {
            continue;
        }
        for k in 2.. {
            let mut name: OsString = input.rel.file_name().unwrap_or_default().to_os_string();
            name.push(format!("~{k}"));
            let candidate = input.rel.with_file_name(name);
            if used.insert(candidate.clone()) {
                input.rel = candidate;
                break;
            }
        }
    }
}

/// Lines of a `--files-from` list: one path per line, blank lines skipped.
pub fn parse_file_list(text: &str) -> Vec<PathBuf> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect()
}

/// Counts for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub total: usize,
    pub ok: usize,
    pub unknown: usize,
    pub failed: usize,
    pub duplicates: usize,
}

impl Summary {
    pub fn line(&self, seconds: f64) -> String {
        let mut s = format!(
            "{} document{}: {} converted, {} failed",
            self.total,
            if self.total == 1 { "" } else { "s" },
            self.ok - self.unknown,
            self.failed
        );
        if self.unknown > 0 {
            s.push_str(&format!(
                ", {} not recognised as a 批复 (kind unknown)",
                self.unknown
            ));
        }
        if self.duplicates > 0 {
            s.push_str(&format!(", {} duplicate contents", self.duplicates));
        }
        s.push_str(&format!(" in {seconds:.2} s"));
        s
    }
}

/// Adds `duplicate_content` warnings: a document whose bytes were already
/// seen earlier in the batch names the first path.
#[derive(Default)]
pub struct DuplicateTracker {
    first_path: HashMap<String, String>,
}

impl DuplicateTracker {
    /// Returns whether `doc` duplicates an earlier document.
    pub fn check(&mut self, doc: &mut Document) -> bool {
        let Some(sha) = doc.source.sha256.clone() else {
            return false;
        };
        match self.first_path.get(&sha) {
            Some(first) => {
                if doc.status == Status::Ok {
                    doc.warnings.push(Warning::new(
                        "duplicate_content",
                        format!("same bytes as {first}"),
                    ));
                }
                true
            }
            None => {
                self.first_path.insert(sha, doc.source.path.clone());
                false
            }
        }
    }
}

/// Converts `inputs` on `jobs` threads and calls `sink` with each document
/// in input order. `sink` errors stop the batch (the output is unwritable).
pub fn run<E>(
    inputs: &[InputFile],
    jobs: usize,
    mut sink: impl FnMut(&InputFile, Document) -> Result<(), E>,
) -> Result<Summary, E> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .ok();
    let window = (jobs.max(1) * 8).max(16);
    let mut summary = Summary::default();
    let mut dups = DuplicateTracker::default();
    for chunk in inputs.chunks(window) {
        let convert_all = || -> Vec<Document> {
            chunk
                .par_iter()
                .map(|i| convert_path(&i.path, &i.path.to_string_lossy()))
                .collect()
        };
        let docs = match &pool {
            Some(p) => p.install(convert_all),
            None => chunk
                .iter()
                .map(|i| convert_path(&i.path, &i.path.to_string_lossy()))
                .collect(),
        };
        for (input, mut doc) in chunk.iter().zip(docs) {
            summary.total += 1;
            if dups.check(&mut doc) {
                summary.duplicates += 1;
            }
            match doc.status {
                Status::Ok => {
                    summary.ok += 1;
                    if doc.kind == Some(Kind::Unknown) {
                        summary.unknown += 1;
                    }
                }
                Status::Error => summary.failed += 1,
            }
            sink(input, doc)?;
        }
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_list_lines() {
        assert_eq!(
            parse_file_list("a.txt\r\n\n  \nb/c.pdf\n"),
            vec![PathBuf::from("a.txt"), PathBuf::from("b/c.pdf")]
        );
    }

    #[test]
    fn walk_is_sorted_and_relative() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("b")).unwrap();
        for f in ["b/z.txt", "a.pdf", "b/a.TXT", "notes.md"] {
            fs::write(d.path().join(f), "x").unwrap();
        }
        let (inputs, errors) = collect_inputs(&[d.path().to_path_buf()]);
        assert!(errors.is_empty());
        let rels: Vec<_> = inputs
            .iter()
            .map(|i| i.rel.to_string_lossy().into_owned())
            .collect();
        assert_eq!(rels, vec!["a.pdf", "b/a.TXT", "b/z.txt"]);
    }

    #[test]
    fn same_file_names_get_distinct_json_names() {
        let (inputs, _) = collect_inputs(&[PathBuf::from("x/a.txt"), PathBuf::from("y/a.txt")]);
        let rels: Vec<_> = inputs
            .iter()
            .map(|i| i.rel.to_string_lossy().into_owned())
            .collect();
        assert_eq!(rels, vec!["a.txt", "a.txt~2"]);
    }
}
