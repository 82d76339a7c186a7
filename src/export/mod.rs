//! Export: documents to JSON files, JSON Lines and the CSV and Parquet
//! tables.
//!
//! Everything is streamed: a document is written as soon as it is its turn
//! and then dropped. Files appear under their final names only when complete
//! ([`atomic`]).

pub mod atomic;
pub mod parquet;
pub mod render;
pub mod schema;
pub mod tables;

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::model::{Document, Status};

use atomic::{write_atomic_in, AtomicFile};
pub use render::{to_json_line, to_json_pretty, JsonDir, Rendered, Renders};

/// Where unfinished output files live inside `OUT` until they are renamed
/// into place; removed when a run completes, cleared when one starts.
pub const TMP_DIR: &str = ".pifu-tmp";
use self::parquet::ParquetTables;
use tables::CsvTables;

/// The file that marks a directory as pifu's output directory (SPEC §5):
/// a later run replaces the outputs of a marked directory, and refuses a
/// directory that holds anything else.
pub const MARKER: &str = ".pifu-out";

const MARKER_TEXT: &[u8] =
    b"This directory holds the outputs of pifu convert; the next run into it replaces them.\n";

/// The tables a run writes directly under `OUT` (besides `json/`), in every
/// format: what a new run removes of an earlier one.
const TABLE_NAMES: &[&str] = &[
    "documents",
    "indicators",
    "funding",
    "items",
    "warnings",
    "projects",
];
const TABLE_EXTENSIONS: &[&str] = &["csv", "parquet"];

/// Why an output directory cannot be used.
#[derive(Debug)]
pub enum OutDirError {
    /// The path exists and is not a directory.
    NotADirectory,
    /// A non-empty directory without the marker: not pifu's (the first
    /// few entries, for the message).
    Foreign(Vec<String>),
    Io(io::Error),
}

impl std::fmt::Display for OutDirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutDirError::NotADirectory => write!(f, "exists and is not a directory"),
            OutDirError::Foreign(names) => write!(
                f,
                "is not empty and holds no earlier pifu output (no {MARKER} file; it holds {}); \
                 give a new or empty directory, so that outputs never mix with other files",
                names.join(", ")
            ),
            OutDirError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl From<io::Error> for OutDirError {
    fn from(e: io::Error) -> Self {
        OutDirError::Io(e)
    }
}

/// Makes `dir` ready for a run (SPEC §5): created if missing; an empty
/// directory is taken; a directory of an earlier run (it has the
/// [`MARKER`]) has that run's outputs removed (`json/`, the tables,
/// unfinished files; nothing else), or kept when `resume` continues it;
/// any other directory is refused. The directory is marked.
pub fn prepare_out_dir(dir: &Path, resume: bool) -> Result<(), OutDirError> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => std::fs::create_dir_all(dir)?,
        Err(e) => return Err(e.into()),
        Ok(m) if !m.is_dir() => return Err(OutDirError::NotADirectory),
        Ok(_) => {
            if dir.join(MARKER).is_file() {
                if !resume {
                    remove_outputs(dir)?;
                }
            } else {
                let mut names: Vec<String> = std::fs::read_dir(dir)?
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                if !names.is_empty() {
                    names.sort();
                    if names.len() > 3 {
                        names.truncate(3);
                        names.push("…".to_string());
                    }
                    return Err(OutDirError::Foreign(names));
                }
            }
        }
    }
    mark(dir)?;
    Ok(())
}

fn mark(dir: &Path) -> io::Result<()> {
    let marker = dir.join(MARKER);
    if marker.is_file() {
        return Ok(());
    }
    std::fs::write(marker, MARKER_TEXT)
}

/// Removes what a run writes into `dir`, and nothing else.
fn remove_outputs(dir: &Path) -> io::Result<()> {
    let ignore_missing = |r: io::Result<()>| match r {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        r => r,
    };
    // The earlier run's JSON files (SPEC §5: nothing else, so a file of
    // the user's own under json/ stays), and its unfinished files.
    remove_other_json_files(&dir.join("json"), &HashSet::new())?;
    let p = dir.join(TMP_DIR);
    // A symbolic link is removed, not followed.
    let is_dir = std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir());
    if is_dir {
        ignore_missing(std::fs::remove_dir_all(&p))?;
    } else {
        ignore_missing(std::fs::remove_file(&p))?;
    }
    let mut files = vec!["documents.jsonl".to_string()];
    for t in TABLE_NAMES {
        for e in TABLE_EXTENSIONS {
            files.push(format!("{t}.{e}"));
        }
    }
    for f in files {
        ignore_missing(std::fs::remove_file(dir.join(f)))?;
    }
    Ok(())
}

/// Keeps only the normal components of a relative path, so that the result
/// joined to an output directory can never leave it.
pub fn confine(rel: &Path) -> PathBuf {
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(p) => Some(p),
            _ => None,
        })
        .collect()
}

/// `<rel>.json`, confined: where the JSON of the input at relative path
/// `rel` goes under `OUT/json/`.
pub fn json_file_name(rel: &Path) -> PathBuf {
    let rel = confine(rel);
    let mut name = rel
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "document".into());
    name.push(".json");
    rel.with_file_name(name)
}

/// Which outputs to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub json: bool,
    pub jsonl: bool,
    pub csv: bool,
    /// The tables as Parquet files (made from the same CSV records).
    pub parquet: bool,
}

impl Formats {
    /// The renderings these outputs need.
    pub fn renders(self) -> Renders {
        Renders {
            pretty: self.json,
            csv: self.csv || self.parquet,
        }
    }
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            json: true,
            jsonl: true,
            csv: true,
            parquet: false,
        }
    }
}

/// Writes documents into an output directory: `json/<rel>.json` per
/// document, `documents.jsonl`, and the CSV and Parquet tables.
pub struct DirExporter {
    /// `OUT/json`, and `OUT/.pifu-tmp`, where every unfinished file lives.
    json: JsonDir,
    formats: Formats,
    jsonl: Option<AtomicFile>,
    csv: Option<CsvTables>,
    parquet: Option<ParquetTables>,
    /// The JSON files of this run's inputs: any other file under `json/`
    /// when the run ends is left from an earlier run that `--resume`
    /// continued (an input no longer listed, or a file that now holds
    /// another number of approvals).
    json_files: HashSet<PathBuf>,
}

impl DirExporter {
    /// Writes into `dir` (created if missing, and marked as pifu's; see
    /// [`prepare_out_dir`] for what a command checks first).
    pub fn create(dir: &Path, formats: Formats, bom: bool) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        mark(dir)?;
        // Partial files of an earlier run that was killed.
        let tmp = dir.join(TMP_DIR);
        if tmp.exists() {
            std::fs::remove_dir_all(&tmp)?;
        }
        std::fs::create_dir_all(&tmp)?;
        let jsonl = if formats.jsonl {
            Some(AtomicFile::create_in(&dir.join("documents.jsonl"), &tmp)?)
        } else {
            None
        };
        let csv = if formats.csv {
            Some(CsvTables::create(dir, &tmp, bom)?)
        } else {
            None
        };
        let parquet = if formats.parquet {
            Some(ParquetTables::create(dir, &tmp)?)
        } else {
            None
        };
        Ok(DirExporter {
            json: JsonDir {
                dir: dir.join("json"),
                tmp,
            },
            formats,
            jsonl,
            csv,
            parquet,
            json_files: HashSet::new(),
        })
    }

    /// Where the JSON of the input at relative path `rel` goes.
    pub fn json_path(&self, rel: &Path) -> PathBuf {
        self.json.file(rel)
    }

    /// The renderings [`DirExporter::write_rendered`] needs.
    pub fn renders(&self) -> Renders {
        self.formats.renders()
    }

    /// Where documents' JSON files go, for converters that write them
    /// themselves ([`Rendered::write_json`]); `None` when JSON files are not
    /// wanted.
    pub fn json_dir(&self) -> Option<JsonDir> {
        self.formats.json.then(|| self.json.clone())
    }

    pub fn write(&mut self, d: &Document, rel: &Path) -> io::Result<()> {
        self.write_rendered(&Rendered::new(d, self.renders()), rel)
    }

    /// Writes a document rendered with (at least) [`DirExporter::renders`];
    /// a missing rendering is an error, not a silently missing output.
    pub fn write_rendered(&mut self, r: &Rendered, rel: &Path) -> io::Result<()> {
        let missing = |what: &str| {
            io::Error::other(format!(
                "{}: no {what} rendering to write (renderer and writer disagree)",
                r.meta.path
            ))
        };
        if self.formats.json {
            let parts = usize::try_from(r.meta.parts).unwrap_or(usize::MAX).max(1);
            let files = render::document_files(&self.json_path(rel), parts);
            if !r.json_written {
                let pretty = r.pretty.as_deref().ok_or_else(|| missing("JSON"))?;
                for (file, p) in files.iter().zip(pretty) {
                    write_atomic_in(file, &self.json.tmp, p)?;
                }
            }
            self.json_files.extend(files);
        }
        // A duplicate is in documents.csv (its own row) and its JSON file
        // only (SPEC §2.1); its table rows are its documents' rows alone.
        if let Some(f) = &mut self.jsonl {
            if r.meta.status != Status::Duplicate {
                f.write_all(&r.line)?;
            }
        }
        if let Some(t) = &mut self.csv {
            t.write_chunks(r.csv.as_ref().ok_or_else(|| missing("CSV"))?)?;
        }
        if let Some(t) = &mut self.parquet {
            t.write_chunks(r.csv.as_ref().ok_or_else(|| missing("CSV"))?)?;
        }
        Ok(())
    }

    pub fn commit(self) -> io::Result<()> {
        if let Some(f) = self.jsonl {
            f.commit()?;
        }
        if let Some(t) = self.csv {
            t.commit()?;
        }
        if let Some(t) = self.parquet {
            t.commit()?;
        }
        if self.formats.json {
            remove_other_json_files(&self.json.dir, &self.json_files)?;
        }
        std::fs::remove_dir_all(&self.json.tmp)
    }
}

/// Removes every JSON file under `dir` not in `keep`, and the directories
/// left empty; other files stay. Symbolic links are removed, not followed.
fn remove_other_json_files(dir: &Path, keep: &HashSet<PathBuf>) -> io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            remove_other_json_files(&path, keep)?;
            // Only an empty directory goes; one with kept files stays.
            let _ = std::fs::remove_dir(&path);
        } else if path.extension().is_some_and(|e| e == "json") && !keep.contains(&path) {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confined_paths_stay_inside() {
        assert_eq!(
            confine(Path::new("../../etc/x.pdf")),
            PathBuf::from("etc/x.pdf")
        );
        assert_eq!(confine(Path::new("/abs/a.txt")), PathBuf::from("abs/a.txt"));
        assert_eq!(confine(Path::new("./a/./b.txt")), PathBuf::from("a/b.txt"));
    }

    #[test]
    fn json_path_keeps_extension() {
        let dir = tempfile::tempdir().unwrap();
        let e = DirExporter::create(dir.path(), Formats::default(), false).unwrap();
        assert_eq!(
            e.json_path(Path::new("sub/a.pdf")),
            dir.path().join("json/sub/a.pdf.json")
        );
    }
}
