//! `pifu text`: the extracted text of a file, in reading order.

use std::path::PathBuf;

use pifu::inspect::{load, rows_as_text};

use super::{stdout_failed, write_stdout, EXIT_FAILED, EXIT_OK};

/// Print the text pifu extracted from FILE in reading order: one row per
/// line, cells separated by tabs, a blank line at each page break. The
/// format is recognised by content, as `convert` does.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
}

pub fn run(args: Args) -> u8 {
    match load(&args.file) {
        Ok(loaded) => match write_stdout(rows_as_text(&loaded.layout).as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(e) => stdout_failed(&e),
        },
        Err(e) => {
            eprintln!("pifu: {}: {e}", args.file.display());
            EXIT_FAILED
        }
    }
}
