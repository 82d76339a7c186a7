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

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use crate::model::Document;

use atomic::{write_atomic_in, AtomicFile};
pub use render::{to_json_line, to_json_pretty, JsonDir, Rendered, Renders};

/// Where unfinished output files live inside `OUT` until they are renamed
/// into place; removed when a run completes, cleared when one starts.
pub const TMP_DIR: &str = ".pifu-tmp";
use self::parquet::ParquetTables;
use tables::CsvTables;

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
}

impl DirExporter {
    pub fn create(dir: &Path, formats: Formats, bom: bool) -> io::Result<Self> {
        std::fs::create_dir_all(dir)?;
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
        if self.formats.json && !r.json_written {
            let pretty = r.pretty.as_deref().ok_or_else(|| missing("JSON"))?;
            let files = render::document_files(&self.json_path(rel), pretty.len());
            for (file, p) in files.iter().zip(pretty) {
                write_atomic_in(file, &self.json.tmp, p)?;
            }
        }
        if let Some(f) = &mut self.jsonl {
            f.write_all(&r.line)?;
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
        std::fs::remove_dir_all(&self.json.tmp)
    }
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
