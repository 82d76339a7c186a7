//! `pifu inspect`: what the extraction and layout stages saw.

use std::path::PathBuf;

use pifu::inspect::{describe, load, svg};

use super::{EXIT_FAILED, EXIT_OK};

/// Show what pifu detected: for a PDF, each page's text lines, table grid
/// and cells (with row/column spans); then every row with its cells and the
/// section it was read into. With --svg, draw a page's glyph boxes, ruling
/// lines and detected cells, to see why a row came out wrong.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
    /// Only this page (1-based).
    #[arg(long)]
    pub page: Option<u32>,
    /// Write an SVG drawing of the page (--page, default 1) to OUT.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let loaded = match load(&args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pifu: {}: {e}", args.file.display());
            return EXIT_FAILED;
        }
    };
    if let Some(out) = &args.svg {
        let drawing = match svg(&loaded, args.page.unwrap_or(1)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pifu: {}: {e}", args.file.display());
                return EXIT_FAILED;
            }
        };
        if let Err(e) = pifu::export::atomic::write_atomic(out, drawing.as_bytes()) {
            eprintln!("pifu: cannot write {}: {e}", out.display());
            return EXIT_FAILED;
        }
    }
    print!("{}", describe(&loaded, args.page));
    EXIT_OK
}
