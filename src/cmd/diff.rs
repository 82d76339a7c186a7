//! `pifu diff`: field-level differences between JSON documents.

use std::path::PathBuf;

use pifu::diff::{diff_paths, Ignore};

use super::{EXIT_FAILED, EXIT_OK};

/// Compare JSON documents field by field: two files, or two directories
/// matched by relative path. Exits 1 when anything differs.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The output to check (file or directory).
    pub actual: PathBuf,
    /// The expected (golden) file or directory.
    pub expected: PathBuf,
    /// Leave these paths out, e.g. doc_id,source,indicators[].page.
    #[arg(long, value_delimiter = ',', value_name = "PATHS")]
    pub ignore: Vec<String>,
}

pub fn run(args: Args) -> u8 {
    let reports = diff_paths(&args.actual, &args.expected, &Ignore::new(args.ignore));
    if reports.is_empty() {
        return EXIT_OK;
    }
    let mut count = 0;
    for r in &reports {
        println!("{}", r.name);
        if let Some(p) = &r.problem {
            println!("  {p}");
            count += 1;
        }
        for d in &r.differences {
            println!("  {d}");
            count += 1;
        }
    }
    eprintln!("pifu: {count} differences in {} file(s)", reports.len());
    EXIT_FAILED
}
