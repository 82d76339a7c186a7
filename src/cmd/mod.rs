pub mod convert;
pub mod diff;
pub mod inspect;
pub mod progress;
pub mod text;
pub mod worker;

use std::io::{self, Write};

/// Exit codes of the specification.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Writes `bytes` to stdout and flushes it.
pub fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Whether a write failed because the reader of stdout went away (`| head`):
/// the command then ends quietly with exit 0 (SPEC §5).
pub fn is_closed_pipe(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::BrokenPipe
}

/// The exit code after stdout could not be written: 0 for a closed pipe,
/// otherwise the error is reported and the command failed.
pub fn stdout_failed(e: &io::Error) -> u8 {
    if is_closed_pipe(e) {
        EXIT_OK
    } else {
        eprintln!("pifu: cannot write to standard output: {e}");
        EXIT_FAILED
    }
}
