//! Reading parts of a ZIP package (DOCX, XLSX) with bounded inflation.
//!
//! A part is inflated through a reader that stops one byte past the
//! per-part limit, whatever size the archive declares, and every part read
//! counts against a total for the file: a ZIP bomb costs at most the
//! limits, then is that file's error.

use std::io::{Cursor, Read};

use zip::ZipArchive;

/// Largest inflated size of one part.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;
/// Largest inflated size of all parts read from one file.
pub const MAX_TOTAL_BYTES: u64 = 256 * 1024 * 1024;

pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Bytes that may still be inflated.
    budget: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, String> {
        let zip = ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("damaged ZIP archive ({e}): open and save the file again"))?;
        Ok(Package {
            zip,
            budget: MAX_TOTAL_BYTES,
        })
    }

    /// Whether the package holds a part named `name` (case-insensitive).
    fn find(&self, name: &str) -> Option<String> {
        let name = name.trim_start_matches('/');
        self.zip
            .file_names()
            .filter_map(Result::ok)
            .find(|f| f.eq_ignore_ascii_case(name))
            .map(|f| f.into_owned())
    }

    /// The inflated bytes of part `name`, `None` when there is no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, String> {
        let Some(stored) = self.find(name) else {
            return Ok(None);
        };
        let mut file = self
            .zip
            .by_name(&stored)
            .map_err(|e| format!("cannot read {stored} from the archive: {e}"))?;
        let limit = MAX_PART_BYTES.min(self.budget);
        // A part that says it inflates past the limit is refused before it
        // is inflated; one that lies is cut at the limit. Reserving what it
        // says (bounded) keeps the buffer from doubling past the limit.
        let declared = file.size();
        let mut out = Vec::new();
        if declared <= limit {
            out.try_reserve_exact(usize::try_from(declared).unwrap_or(0))
                .map_err(|e| format!("cannot inflate {stored}: {e}"))?;
            (&mut file)
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("cannot inflate {stored}: {e}"))?;
        }
        let n = (out.len() as u64).max(declared);
        if n > limit {
            let what = if limit < MAX_PART_BYTES {
                format!(
                    "the parts read inflate past the {} MiB limit for one file",
                    MAX_TOTAL_BYTES >> 20
                )
            } else {
                format!("{stored} inflates past {} MiB", MAX_PART_BYTES >> 20)
            };
            return Err(format!(
                "{what} (a ZIP bomb or a damaged file): not converted"
            ));
        }
        self.budget -= n;
        Ok(Some(out))
    }

    /// The relationships of `part` (`word/document.xml` names its own in
    /// `word/_rels/document.xml.rels`; `""` is the package, `_rels/.rels`),
    /// their targets resolved against the part's folder. None where the
    /// part has no relationships.
    pub fn relationships(&mut self, part: &str) -> Result<Vec<Relationship>, String> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let Some(xml) = self.read(&rels)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        crate::extract::xml::parse(&xml, |e| {
            if let (Some(id), Some(target)) = (e.attr("Id"), e.attr("Target")) {
                out.push(Relationship {
                    id: id.to_string(),
                    kind: e.attr("Type").unwrap_or_default().to_string(),
                    target: resolve_target(dir, target),
                });
            }
            Ok(())
        })?;
        Ok(out)
    }
}

/// One relationship of a package part.
pub struct Relationship {
    /// `rId3`, as the part's XML refers to it.
    pub id: String,
    /// The relationship type's URI (`…/relationships/header`).
    pub kind: String,
    /// The part it leads to, from the package's root.
    pub target: String,
}

impl Relationship {
    /// Whether its type is `name` (the last segment of the type's URI).
    pub fn is(&self, name: &str) -> bool {
        self.kind.rsplit('/').next() == Some(name)
    }
}

/// Resolves a relationship target against the folder of the part that
/// names it (`xl/` + `worksheets/sheet1.xml`, `/xl/…` absolute, `../`).
pub fn resolve_target(base_dir: &str, target: &str) -> String {
    let joined = if let Some(abs) = target.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{}/{}", base_dir.trim_end_matches('/'), target)
    };
    let mut parts: Vec<&str> = Vec::new();
    for p in joined.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        assert_eq!(
            resolve_target("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            resolve_target("xl", "/xl/worksheets/s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(
            resolve_target("xl/worksheets", "../sharedStrings.xml"),
            "xl/sharedStrings.xml"
        );
    }
}
