//! Files that appear whole or not at all: written under a temporary name in
//! the destination directory, renamed into place when complete.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

pub struct AtomicFile {
    tmp: BufWriter<NamedTempFile>,
    dest: PathBuf,
}

impl AtomicFile {
    /// A file that will appear at `dest`, written beside it until then.
    pub fn create(dest: &Path) -> io::Result<Self> {
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Self::create_in(dest, dir)
    }

    /// A file that will appear at `dest`, written in `tmp_dir` (same file
    /// system) until then, so that a killed run leaves its partial files
    /// only there.
    pub fn create_in(dest: &Path, tmp_dir: &Path) -> io::Result<Self> {
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        let dir = tmp_dir;
        fs::create_dir_all(dir)?;
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Outputs are ordinary files (0644 before the umask), not the
        // owner-only mode temporary files get by default.
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .permissions(std::fs::Permissions::from_mode(0o644))
            .tempfile_in(dir)?;
        Ok(AtomicFile {
            tmp: BufWriter::with_capacity(64 * 1024, tmp),
            dest: dest.to_path_buf(),
        })
    }

    /// Flushes and renames into place. No fsync: the rename makes the file
    /// appear whole to every reader even if pifu is killed; surviving a power
    /// cut as well would cost a disk flush per document.
    pub fn commit(self) -> io::Result<()> {
        let tmp = self.tmp.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(&self.dest).map_err(|e| e.error)?;
        Ok(())
    }

    pub fn dest(&self) -> &Path {
        &self.dest
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.tmp.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.tmp.flush()
    }
}

/// Writes `bytes` to `dest` atomically.
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::create(dest)?;
    f.write_all(bytes)?;
    f.commit()
}

/// Writes `bytes` to `dest` atomically, through `tmp_dir`.
pub fn write_atomic_in(dest: &Path, tmp_dir: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = AtomicFile::create_in(dest, tmp_dir)?;
    f.write_all(bytes)?;
    f.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_visible_until_commit() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("sub/a.json");
        let mut f = AtomicFile::create(&dest).unwrap();
        f.write_all(b"{}").unwrap();
        f.flush().unwrap();
        assert!(!dest.exists());
        f.commit().unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"{}");
        // No temporary file left beside it.
        let names: Vec<_> = fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn dropped_file_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("b.csv");
        {
            let mut f = AtomicFile::create(&dest).unwrap();
            f.write_all(b"x").unwrap();
        }
        assert!(!dest.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
