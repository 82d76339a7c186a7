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

/// Writes `bytes` to `dest` atomically: as a file without a name that is
/// given its name when complete where the system can (Linux), else
/// through `tmp_dir`.
pub fn write_atomic_in(dest: &Path, tmp_dir: &Path, bytes: &[u8]) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    if unnamed::write(dest, bytes)? {
        return Ok(());
    }
    let mut f = AtomicFile::create_in(dest, tmp_dir)?;
    f.write_all(bytes)?;
    f.commit()
}

/// Files created without a name (`O_TMPFILE`) and linked into place when
/// complete. Besides leaving nothing behind when killed, this creates the
/// file outside the directory's lock: batches write thousands of files
/// into one directory from several processes, and a named temporary file
/// plus a rename between directories held that lock (and the file
/// system's rename lock) while the inode was allocated, which on some
/// file systems costs more than the rest of writing.
#[cfg(target_os = "linux")]
mod unnamed {
    use std::ffi::CString;
    use std::fs::{self, OpenOptions};
    use std::io::{self, Write};
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// Cleared the first time the file system or the kernel cannot do it,
    /// so that the fallback is taken at once from then on.
    static WORKS: AtomicBool = AtomicBool::new(true);

    /// Writes `dest` whole; `Ok(false)` when this way is not available here
    /// or `dest` exists already (the caller then writes another way, which
    /// replaces it).
    pub fn write(dest: &Path, bytes: &[u8]) -> io::Result<bool> {
        if !WORKS.load(Ordering::Relaxed) {
            return Ok(false);
        }
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        // The directory is made only when it is missing, and an existing
        // `dest` is found by the link failing: a batch writes thousands
        // of files into one directory, and each look-up is a path walk.
        let open = || {
            OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_TMPFILE)
                .mode(0o644)
                .open(dir)
        };
        let opened = match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                fs::create_dir_all(dir)?;
                open()
            }
            opened => opened,
        };
        let Ok(mut file) = opened else {
            WORKS.store(false, Ordering::Relaxed);
            return Ok(false);
        };
        file.write_all(bytes)?;
        let (Ok(from), Ok(to)) = (
            CString::new(format!("/proc/self/fd/{}", file.as_raw_fd())),
            CString::new(dest.as_os_str().as_bytes()),
        ) else {
            return Ok(false);
        };
        // SAFETY: both arguments are NUL-terminated strings that outlive
        // the call, and the descriptor named by `from` is open (`file`).
        let linked = unsafe {
            libc::linkat(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::AT_SYMLINK_FOLLOW,
            )
        };
        if linked == 0 {
            return Ok(true);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EEXIST) {
            // No /proc, or a file system that cannot link: not again.
            WORKS.store(false, Ordering::Relaxed);
        }
        Ok(false)
    }
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
    fn written_whole_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join("tmp");
        let dest = dir.path().join("json/a.json");
        write_atomic_in(&dest, &tmp, b"{\"a\": 1}").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"{\"a\": 1}");
        // Again over the existing file (a run into the same directory).
        write_atomic_in(&dest, &tmp, b"{}").unwrap();
        assert_eq!(fs::read(&dest).unwrap(), b"{}");
        let names: Vec<_> = fs::read_dir(dir.path().join("json")).unwrap().collect();
        assert_eq!(names.len(), 1);
        let mode = fs::metadata(&dest).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o600, 0o600, "readable and writable by its owner");
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
