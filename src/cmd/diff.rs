//! `pifu diff`: field-level differences between JSON documents.

use std::fmt::Write as _;
use std::path::PathBuf;

use pifu::diff::{diff_paths, Ignore};

use super::{stdout_failed, write_stdout, EXIT_FAILED, EXIT_OK, EXIT_USAGE};

/// Compare JSON documents field by field: two files, or two directories
/// matched by relative path. Exits 1 when anything differs, 2 when a path
/// does not exist.
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
    let mut usage = false;
    for p in [&args.actual, &args.expected] {
        if let Err(e) = std::fs::metadata(p) {
            eprintln!("pifu: {}: {e}; check the path", p.display());
            usage = true;
        }
    }
    if usage {
        return EXIT_USAGE;
    }
    let reports = diff_paths(&args.actual, &args.expected, &Ignore::new(args.ignore));
    if reports.is_empty() {
        return EXIT_OK;
    }
    let mut count = 0;
    let mut text = String::new();
    for r in &reports {
        let _ = writeln!(text, "{}", r.name);
        if let Some(p) = &r.problem {
            let _ = writeln!(text, "  {p}");
            count += 1;
        }
        for d in &r.differences {
            let _ = writeln!(text, "  {d}");
            count += 1;
        }
    }
    if let Err(e) = write_stdout(text.as_bytes()) {
        // A closed pipe (`| head`): the reader has what it wanted; exit 0.
        return stdout_failed(&e);
    }
    eprintln!("pifu: {count} differences in {} file(s)", reports.len());
    EXIT_FAILED
}
