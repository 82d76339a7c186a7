//! `pifu inspect`: what the extraction and layout stages saw.

use std::path::PathBuf;

use pifu::inspect::{describe, load, page_count, svg};

use super::{stdout_failed, write_stdout, EXIT_FAILED, EXIT_OK, EXIT_USAGE};

/// Show what pifu detected: for a PDF, each page's text lines, table grid
/// and cells (with row/column spans); then every row with its cells and the
/// section it was read into. With --svg, draw a page's glyph boxes, ruling
/// lines and detected cells, to see why a row came out wrong. The format
/// is recognised by content, as `convert` does.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
    /// Only this page (1-based; PDF).
    #[arg(long)]
    pub page: Option<u32>,
    /// Write an SVG drawing of the page (--page, default 1) to OUT.
    #[arg(long, value_name = "OUT")]
    pub svg: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let file = args.file.display();
    if args.page == Some(0) {
        eprintln!("pifu: --page 0: pages count from 1");
        return EXIT_USAGE;
    }
    let loaded = match load(&args.file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("pifu: {file}: {e}");
            return EXIT_FAILED;
        }
    };
    if let Some(n) = args.page {
        match page_count(&loaded) {
            None => {
                eprintln!("pifu: --page {n}: {file} has no pages (only PDFs do); leave out --page");
                return EXIT_USAGE;
            }
            Some(total) if n > total => {
                eprintln!(
                    "pifu: --page {n}: {file} has {total} page{} (1-{total})",
                    if total == 1 { "" } else { "s" }
                );
                return EXIT_USAGE;
            }
            Some(_) => {}
        }
    }
    if let Some(out) = &args.svg {
        let drawing = match svg(&loaded, args.page.unwrap_or(1)) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pifu: {file}: {e}");
                return EXIT_FAILED;
            }
        };
        if let Err(e) = pifu::export::atomic::write_atomic(out, drawing.as_bytes()) {
            eprintln!("pifu: cannot write {}: {e}", out.display());
            return EXIT_FAILED;
        }
    }
    match write_stdout(describe(&loaded, args.page).as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(e) => stdout_failed(&e),
    }
}
