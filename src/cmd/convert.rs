//! `pifu convert`: files and directories to JSON, JSON Lines, CSV and
//! Parquet.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::ValueEnum;
use indicatif::ProgressBar;

use pifu::batch::{self, Engine, InputFile, RunOptions};
use pifu::export::{prepare_out_dir, DirExporter, Formats, Rendered, Renders};
use pifu::model::Status;
use pifu::worker::WorkerConfig;

use super::{is_closed_pipe, progress, EXIT_FAILED, EXIT_OK, EXIT_USAGE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Json,
    Jsonl,
    Csv,
    Parquet,
}

/// Convert 批复 documents (PDF, HTML, XLSX, XLS, DOCX, text) into JSON, JSON
/// Lines and CSV tables.
///
/// Without -o, one input's JSON goes to stdout, several inputs' JSON Lines.
/// With -o OUT: the tables go to OUT/ and each document to
/// OUT/json/<path>.json; OUT must be new, empty, or the OUT of an earlier
/// run (whose outputs are replaced, or continued with --resume). Exit code
/// 0 when all converted, 1 when some failed, 2 for a usage error.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input files or directories (searched recursively for .pdf .txt .html
    /// .htm .xlsx .xls .docx, and .doc .wps .et .ofd for their error rows).
    pub inputs: Vec<PathBuf>,
    /// Output directory, or - for JSON Lines on stdout.
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<String>,
    /// Outputs to write into OUT (default: json,jsonl,csv). Standard output
    /// (no -o, or -o -) takes only jsonl.
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    pub format: Vec<FormatArg>,
    /// How many inputs to convert at a time (default: all cores; never
    /// more than there are inputs).
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
    /// Skip inputs whose output in OUT/json already has the same sha256
    /// (continue an interrupted run).
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Convert only every N-th input starting at the K-th (1-based), for
    /// static partitioning across machines, e.g. --shard 2/8.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<(usize, usize)>,
    /// Give up on a document after this many seconds (`timeout`).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Do not read files larger than this (`too large`).
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_file_size: u64,
    /// Memory cap of each converter process, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024 * 1024)]
    pub max_memory: u64,
    /// Convert in this process instead of in restartable worker processes
    /// (slightly faster; a crashing file then ends the batch).
    #[arg(long)]
    pub in_process: bool,
}

/// `K/N` with 1 <= K <= N.
pub fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s
        .split_once('/')
        .ok_or_else(|| format!("{s:?}: expected K/N, e.g. 1/4"))?;
    let k: usize = k
        .trim()
        .parse()
        .map_err(|_| format!("{s:?}: K is not a number"))?;
    let n: usize = n
        .trim()
        .parse()
        .map_err(|_| format!("{s:?}: N is not a number"))?;
    if n == 0 || k == 0 || k > n {
        return Err(format!("{s:?}: need 1 <= K <= N (K counts from 1)"));
    }
    Ok((k, n))
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

impl Sink {
    /// What the sink writes besides the JSON line.
    fn renders(&self) -> Renders {
        match self {
            Sink::StdoutPretty => Renders {
                pretty: true,
                csv: false,
            },
            Sink::StdoutLines(_) => Renders::default(),
            Sink::Dir(e) => e.renders(),
        }
    }

    fn is_stdout(&self) -> bool {
        !matches!(self, Sink::Dir(_))
    }
}

fn report_error(doc: &Rendered, bar: Option<&ProgressBar>) {
    if doc.meta.status != Status::Error {
        return;
    }
    let msg = format!(
        "pifu: {}: {}",
        doc.meta.path,
        doc.meta.error.as_deref().unwrap_or("failed")
    );
    match bar {
        Some(b) => b.println(msg),
        None => eprintln!("{msg}"),
    }
}

fn format_names(formats: &[FormatArg]) -> String {
    formats
        .iter()
        .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
        .collect::<Vec<_>>()
        .join(",")
}

/// Command-line paths that do not exist (SPEC §5: a usage error; paths
/// listed in --files-from are inputs, and a missing one is its error row).
fn missing_paths(paths: &[PathBuf]) -> Vec<&PathBuf> {
    paths
        .iter()
        .filter(|p| std::fs::metadata(p).is_err_and(|e| e.kind() == io::ErrorKind::NotFound))
        .collect()
}

pub fn run(args: Args) -> u8 {
    let started = Instant::now();
    let missing = missing_paths(&args.inputs);
    if !missing.is_empty() {
        for p in &missing {
            eprintln!(
                "pifu: {}: no such file or directory; check the path",
                p.display()
            );
        }
        eprintln!("pifu: nothing was converted");
        return EXIT_USAGE;
    }
    let to_stdout = matches!(args.output.as_deref(), None | Some("-"));
    if to_stdout && args.format.iter().any(|f| *f != FormatArg::Jsonl) {
        eprintln!(
            "pifu: --format {}: standard output takes JSON Lines only; \
             use --format jsonl, or -o OUT to write {} into a directory",
            format_names(&args.format),
            format_names(&args.format)
        );
        return EXIT_USAGE;
    }
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
    let (mut inputs, walk_errors) = batch::collect_inputs(&paths);
    if let Some((k, n)) = args.shard {
        inputs = batch::shard(inputs, k, n);
    }
    for e in &walk_errors {
        eprintln!("pifu: {e}");
    }

    let to_stdout = matches!(args.output.as_deref(), None | Some("-"));
    if to_stdout && args.format.contains(&FormatArg::Parquet) {
        eprintln!("pifu: --format parquet writes files: give an output directory with -o OUT");
        return EXIT_USAGE;
    }
    let mut sink = match args.output.as_deref() {
        None if inputs.len() == 1 && args.format.is_empty() => Sink::StdoutPretty,
        None | Some("-") => Sink::StdoutLines(io::BufWriter::new(io::stdout())),
        Some(dir) => {
            let all = args.format.is_empty();
            let formats = Formats {
                json: all || args.format.contains(&FormatArg::Json),
                jsonl: all || args.format.contains(&FormatArg::Jsonl),
                csv: all || args.format.contains(&FormatArg::Csv),
                parquet: args.format.contains(&FormatArg::Parquet),
            };
            let dir = Path::new(dir);
            if let Err(e) = prepare_out_dir(dir, args.resume) {
                eprintln!("pifu: output directory {}: {e}", dir.display());
                return EXIT_USAGE;
            }
            match DirExporter::create(dir, formats, args.bom) {
                Ok(e) => Sink::Dir(Box::new(e)),
                Err(e) => {
                    eprintln!(
                        "pifu: cannot write to output directory {}: {e}",
                        dir.display()
                    );
                    return EXIT_USAGE;
                }
            }
        }
    };

    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let bar = progress::bar(inputs.len(), args.quiet);
    let engine = if args.in_process {
        // A panic while converting is that file's error document; the
        // default hook would print it as if pifu had crashed. Others
        // (pifu's own) are still printed.
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !pifu::convert::is_converting() {
                default_hook(info);
            }
        }));
        Engine::InProcess
    } else {
        match std::env::current_exe() {
            Ok(exe) => Engine::Workers(WorkerConfig {
                exe,
                args: vec![
                    "worker".to_string(),
                    "--max-memory".to_string(),
                    args.max_memory.to_string(),
                ],
                timeout: Duration::from_secs(args.timeout.max(1)),
            }),
            Err(_) => Engine::InProcess,
        }
    };
    let resume_from = match (&args.output, args.resume) {
        (Some(dir), true) if dir != "-" => Some(std::path::Path::new(dir).join("json")),
        _ => None,
    };
    let opts = RunOptions {
        jobs,
        engine,
        max_file_size: Some(args.max_file_size),
        resume_from,
        renders: sink.renders(),
        json_dir: match &sink {
            Sink::Dir(e) => e.json_dir(),
            _ => None,
        },
    };
    let result = batch::run(
        &inputs,
        &opts,
        |input: &InputFile, doc: Rendered| -> io::Result<()> {
            report_error(&doc, bar.as_ref());
            if let Some(b) = &bar {
                b.inc(1);
            }
            match &mut sink {
                // One document as pretty JSON; a file of several as lines.
                Sink::StdoutPretty => match doc.pretty.as_deref() {
                    Some([one]) => io::stdout().write_all(one),
                    _ => io::stdout().write_all(&doc.line),
                },
                // A duplicate adds nothing to stdout (SPEC §2.1).
                Sink::StdoutLines(_) if doc.meta.status == Status::Duplicate => Ok(()),
                Sink::StdoutLines(w) => w.write_all(&doc.line),
                Sink::Dir(e) => e.write_rendered(&doc, &input.rel),
            }
        },
    );
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let sink_is_stdout = sink.is_stdout();
    let finished = match sink {
        Sink::StdoutPretty => io::stdout().flush(),
        Sink::StdoutLines(mut w) => w.flush(),
        Sink::Dir(e) => e.commit(),
    };
    let summary = match result.and_then(|s| finished.map(|_| s)) {
        Ok(s) => s,
        // The reader of stdout went away (`| head`): it has what it wanted.
        Err(e) if sink_is_stdout && is_closed_pipe(&e) => return EXIT_OK,
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
