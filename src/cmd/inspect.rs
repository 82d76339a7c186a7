//! `pifu inspect`: what the layout and reconstruction stages saw.

use std::path::PathBuf;

use pifu::inspect::{describe, load_layout};

use super::{EXIT_FAILED, EXIT_OK};

/// Show the rows and cells pifu detected, the section each row was read
/// into, and the cell index of every text, so a wrong row can be traced.
#[derive(Debug, clap::Args)]
pub struct Args {
    pub file: PathBuf,
    /// Only this page (1-based; PDF input).
    #[arg(long)]
    pub page: Option<u32>,
}

pub fn run(args: Args) -> u8 {
    match load_layout(&args.file) {
        Ok(layout) => {
            print!("{}", describe(&layout, args.page));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("pifu: {}: {e}", args.file.display());
            EXIT_FAILED
        }
    }
}
