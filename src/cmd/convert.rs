//! `pifu convert`: files and directories to JSON, JSON Lines and CSV.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};

use pifu::batch::{self, InputFile};
use pifu::export::{to_json_line, to_json_pretty, DirExporter, Formats};
use pifu::model::{Document, Status};

use super::{EXIT_FAILED, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Json,
    Jsonl,
    Csv,
}

/// Convert 批复 documents (.pdf, .txt) into JSON, JSON Lines and CSV tables.
///
/// Without -o, one input's JSON goes to stdout, several inputs' JSON Lines.
/// With -o OUT: the tables go to OUT/ and each document to
/// OUT/json/<path>.json. Exit code 0 when all converted, 1 when some failed.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (searched recursively for .pdf and .txt).
    pub inputs: Vec<PathBuf>,
    /// Output directory, or - for JSON Lines on stdout.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<String>,
    /// Outputs to write into OUT.
    #[arg(long, value_delimiter = ',', default_value = "json,jsonl,csv")]
    pub format: Vec<FormatArg>,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Read input paths, one per line, from FILE (- for stdin).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<String>,
    /// Start CSV files with a byte-order mark (for Excel).
    #[arg(long)]
    pub bom: bool,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    pub quiet: bool,
}

fn read_list(source: &str) -> io::Result<String> {
    if source == "-" {
        let mut s = String::new();
        io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(source)
    }
}

enum Sink {
    StdoutPretty,
    StdoutLines(io::BufWriter<io::Stdout>),
    Dir(Box<DirExporter>),
}

fn progress(n: usize, quiet: bool) -> Option<ProgressBar> {
    if quiet || n < 2 || !io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new(n as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} eta {eta}") {
        bar.set_style(style);
    }
    Some(bar)
}

fn report_error(doc: &Document, bar: Option<&ProgressBar>) {
    if doc.status != Status::Error {
        return;
    }
    let msg = format!(
        "pifu: {}: {}",
        doc.source.path,
        doc.error.as_deref().unwrap_or("failed")
    );
    match bar {
        Some(b) => b.println(msg),
        None => eprintln!("{msg}"),
    }
}

pub fn run(args: Args) -> u8 {
    let started = Instant::now();
    let mut paths = args.inputs.clone();
    if let Some(list) = &args.files_from {
        match read_list(list) {
            Ok(text) => paths.extend(batch::parse_file_list(&text)),
            Err(e) => {
                eprintln!("pifu: cannot read --files-from {list}: {e}");
                return EXIT_USAGE;
            }
        }
    }
    if paths.is_empty() {
        eprintln!("pifu: no inputs; give files or directories, or --files-from FILE");
        return EXIT_USAGE;
    }
    let (inputs, walk_errors) = batch::collect_inputs(&paths);
    for e in &walk_errors {
        eprintln!("pifu: {e}");
    }

    let mut sink = match args.output.as_deref() {
        None if inputs.len() == 1 => Sink::StdoutPretty,
        None | Some("-") => Sink::StdoutLines(io::BufWriter::new(io::stdout())),
        Some(dir) => {
            let formats = Formats {
                json: args.format.contains(&FormatArg::Json),
                jsonl: args.format.contains(&FormatArg::Jsonl),
                csv: args.format.contains(&FormatArg::Csv),
            };
            match DirExporter::create(std::path::Path::new(dir), formats, args.bom) {
                Ok(e) => Sink::Dir(Box::new(e)),
                Err(e) => {
                    eprintln!("pifu: cannot write to output directory {dir}: {e}");
                    return EXIT_USAGE;
                }
            }
        }
    };

    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let bar = progress(inputs.len(), args.quiet);
    let result = batch::run(
        &inputs,
        jobs,
        |input: &InputFile, doc: Document| -> io::Result<()> {
            report_error(&doc, bar.as_ref());
            if let Some(b) = &bar {
                b.inc(1);
            }
            match &mut sink {
                Sink::StdoutPretty => io::stdout().write_all(to_json_pretty(&doc).as_bytes()),
                Sink::StdoutLines(w) => w.write_all(to_json_line(&doc).as_bytes()),
                Sink::Dir(e) => e.write(&doc, &input.rel),
            }
        },
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let finished = match sink {
        Sink::StdoutPretty => Ok(()),
        Sink::StdoutLines(mut w) => w.flush(),
        Sink::Dir(e) => e.commit(),
    };
    let summary = match result.and_then(|s| finished.map(|_| s)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pifu: cannot write output: {e}");
            return EXIT_USAGE;
        }
    };
    if !args.quiet {
        eprintln!("pifu: {}", summary.line(started.elapsed().as_secs_f64()));
    }
    if summary.failed > 0 || !walk_errors.is_empty() {
        EXIT_FAILED
    } else {
        EXIT_OK
    }
}
