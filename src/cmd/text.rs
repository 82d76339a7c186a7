//! `pifu text`: the extracted text of a file, in reading order.

use std::path::PathBuf;

use pifu::inspect::{load, rows_as_text};

use super::{EXIT_FAILED, EXIT_OK};

/// Print the text pifu extracted from FILE in reading order: one row per
/// line, cells separated by tabs, a blank line at each page break.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
}

pub fn run(args: Args) -> u8 {
    match load(&args.file) {
        Ok(loaded) => {
            print!("{}", rows_as_text(&loaded.layout));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("pifu: {}: {e}", args.file.display());
            EXIT_FAILED
        }
    }
}
