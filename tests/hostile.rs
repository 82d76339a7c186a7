//! Hostile inputs (SPEC §5): the seed sample and every file in
//! `tests/hostile/` (made by `scripts/make_hostile.py`) converted in one
//! batch by the `pifu` binary, with its worker processes, as a user runs it.
//!
//! The batch must survive every file: one row per input in input order, the
//! seed converted in full, an error row with a one-line message for every
//! file that cannot be converted, nothing written outside the output
//! directory, and the whole run within a bound.
//!
//! Expectations are what a correct converter does (tests/hostile/README.md
//! says, per file, where pifu differs today): a failure here is a bug in
//! pifu, or a file whose expectation needs a second look.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = "samples/ezhou-data-bureau-2026.txt";
const SEED_INDICATORS: usize = 76;

/// The batch's per-document timeout. Long enough for every legitimate
/// file here in a debug build, short enough that a hang costs little.
const TIMEOUT_SECS: &str = "10";
/// The workers' memory cap in the batch. Lower than the 2 GiB default so
/// that memory bombs hit it in a second or two; no legitimate file here
/// needs more than a few tens of MiB.
const MAX_MEMORY: &str = "536870912";
/// More workers than cores: the files that end in a timeout then wait side
/// by side instead of one after the other.
const JOBS: &str = "6";
/// The whole batch, however slow the build: past this the test kills pifu
/// and fails.
const BATCH_LIMIT: Duration = Duration::from_secs(150);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hostile_dir() -> PathBuf {
    root().join("tests/hostile")
}

/// What a hostile file must give.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// `status=error` with an error containing this text.
    Fails(&'static str),
    /// Like `Fails`, but an unoptimised (debug) build may run into the
    /// batch's timeout first: pifu stops the file only after a budget of
    /// work that takes seconds without optimisation.
    FailsAfterBudget(&'static str),
    /// Like `FailsAfterBudget`, or failing an allocation first: under the
    /// batch's lowered memory cap, a worker that served other documents
    /// before may hold enough address space that the budget's last part
    /// no longer fits (either way, the file's own error).
    FailsAfterBudgetOrMemory(&'static str),
    /// `status=ok` (a readable PDF or text that is not a 批复 is `ok` with
    /// `kind: unknown`).
    Converts,
    /// Anything that keeps the batch contract (one row; an error is one
    /// line): where more than one answer is right (how far a reader
    /// repairs, ok or "too complex"), or where a test of its own checks
    /// the file under the default memory cap.
    Survives,
}

use Expect::*;

/// Every generated file and what it must give. A file in tests/hostile/
/// that is not listed (a fuzz crasher) must at least survive.
const EXPECTED: &[(&str, Expect)] = &[
    ("bad-xref-offsets.pdf", Survives),
    ("binary.txt", Fails("not a text file")),
    ("blank-lines.txt", Converts),
    ("bom-only.txt", Survives),
    ("cidrange-overflow.pdf", Converts),
    ("deep-array.pdf", Converts),
    ("deep-content.pdf", Survives),
    ("deep-dict.pdf", Converts),
    ("empty.pdf", Fails("not a PDF file")),
    ("empty.txt", Fails("empty file")),
    ("encrypted-owner-only.pdf", Converts),
    ("encrypted-user-password.pdf", Fails("encrypted PDF")),
    ("escape-sequences.txt", Fails("control character U+001B")),
    ("flate-bomb-192m.pdf", Converts),
    ("flate-bomb-content.pdf", Fails("no text layer")),
    ("flate-bomb-objstm.pdf", Survives),
    ("form-repeat-slow.pdf", FailsAfterBudget("too complex")),
    ("form-self.pdf", Converts),
    // Seconds of work in a debug build: may meet the batch's timeout.
    ("glyphs-near-budget.pdf", Survives), // glyph_budget_bounds_memory
    ("funding-many-empty-cells.txt", Converts),
    ("huge-numbers.pdf", Converts),
    ("huge-w-and-tounicode-ranges.pdf", Converts),
    ("identity-h-no-tounicode.pdf", Fails("unsupported font")),
    ("image-only.pdf", Fails("no text layer")),
    ("invalid-utf8-not-gb18030.txt", Fails("not a text file")),
    ("long-line.txt", Converts),
    ("many-cells.txt", Converts),
    ("many-glyphs.pdf", Converts),
    ("many-rulings.pdf", Converts),
    ("no-pages.pdf", Fails("no pages")),
    ("not-a-pdf.pdf", Fails("not a PDF file")),
    ("nul-byte.txt", Fails("control character U+0000")),
    ("object-streams.pdf", Converts),
    ("odd name, \"quoted\" 名.txt", Fails("not a text file")),
    ("ops-2m.pdf", Converts),
    (
        "ops-over-limit.pdf",
        Fails("more than 5000000 drawing operations"),
    ),
    ("pages-kids-cycle.pdf", Survives),
    ("pages-parent-cycle.pdf", Fails("no text layer")),
    ("q-nesting.pdf", Converts),
    ("reference-cycle.pdf", Fails("no text layer")),
    ("startxref-past-end.pdf", Survives),
    ("tounicode-many-ranges.pdf", Converts),
    ("tounicode-odd-length.pdf", Converts),
    ("truncated.pdf", Fails("not a readable PDF")),
    ("utf16le-lone-surrogate.txt", Fails("not a text file")),
    ("utf16le-odd-length.txt", Fails("not a text file")),
    ("w-many-ranges-slow.pdf", Converts),
    ("widths-wrong-length.pdf", Converts),
    ("xref-prev-loop.pdf", Converts),
    // HTML, XLSX, XLS, DOCX and the unsupported formats (issue 9).
    ("archive.ofd", Fails("OFD document")),
    ("billion-laughs.docx", Converts),
    ("billion-laughs.xlsx", Converts),
    ("contradicting-merges.xlsx", Converts),
    ("deep-200k.html", Fails("HTML nested deeper than 4096")),
    ("deep-xml.xlsx", Fails("XML nested deeper than 2000")),
    ("dimension-million-rows.xlsx", Converts),
    ("encrypted.xlsx", Fails("encrypted (password-protected)")),
    (
        "far-apart-cells.xlsx",
        Fails("over the limit of 4000000 cells"),
    ),
    ("huge-spans.docx", Fails("over the limit of 4000000 cells")),
    ("huge-spans.html", Converts),
    ("kingsoft.et", Fails("WPS Spreadsheets .et")),
    ("kingsoft.wps", Fails("WPS Writer .wps")),
    (
        "legacy.doc",
        Fails("legacy Word .doc: save as .docx or PDF"),
    ),
    ("merge-whole-sheet.xlsx", Converts),
    ("truncated.xlsx", Fails("damaged ZIP archive")),
    ("wide-table.html", Fails("wider than 2000 columns")),
    ("zip-bomb-part.xlsx", Fails("inflates past 64 MiB")),
    // (Inflating 256 MiB unoptimised, beside the other files, can take
    // longer than the batch's timeout.)
    (
        "zip-bomb-total.xlsx",
        FailsAfterBudgetOrMemory("256 MiB limit for one file"),
    ),
    ("zip-neither.docx", Fails("neither DOCX nor XLSX")),
    // Found by scripts/fuzz.sh.
    ("fuzz-docx_xml-1.docx", Fails("malformed XML at byte")),
    ("fuzz-xls-1.xls", Fails("XLS workbook damaged")),
];

fn expected(name: &str) -> Expect {
    EXPECTED
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(Survives, |(_, e)| *e)
}

/// The input files of tests/hostile/ (what `pifu convert DIR` would pick),
/// sorted.
fn hostile_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(hostile_dir())
        .expect("tests/hostile/ exists (python3 scripts/make_hostile.py)")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                pifu::batch::INPUT_EXTENSIONS.contains(&e.as_str())
            })
        })
        .collect();
    files.sort();
    files
}

fn name_of(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// One run of `pifu convert`.
struct Run {
    code: Option<i32>,
    stderr: String,
    elapsed: Duration,
    /// `documents.csv` as (path, status, error, doc_id) per row.
    rows: Vec<Row>,
}

#[derive(Debug, Clone)]
struct Row {
    path: String,
    status: String,
    error: String,
    doc_id: String,
}

impl Run {
    fn row(&self, path: &Path) -> &Row {
        let p = path.to_string_lossy();
        self.rows
            .iter()
            .find(|r| r.path == p)
            .unwrap_or_else(|| panic!("no documents.csv row for {p}"))
    }
}

/// Runs `pifu convert INPUTS -o OUT ARGS` in `cwd`, killing it (and its
/// workers: it runs in its own process group) after `limit`.
fn convert(inputs: &[PathBuf], out: &Path, args: &[&str], cwd: &Path, limit: Duration) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pifu"));
    cmd.arg("convert")
        .args(inputs)
        .arg("-o")
        .arg(out)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0);
    let started = Instant::now();
    let mut child = cmd.spawn().expect("pifu starts");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > limit {
            // SAFETY: kill(2) on the process group we created.
            unsafe {
                libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL);
            }
            let _ = child.wait();
            panic!(
                "pifu convert did not finish within {limit:?} on {} inputs (a hang in the supervisor?)",
                inputs.len()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let elapsed = started.elapsed();
    let stderr = reader.join().unwrap_or_default();
    let rows = read_documents(&out.join("documents.csv"));
    Run {
        code: status.code(),
        stderr,
        elapsed,
        rows,
    }
}

fn read_documents(path: &Path) -> Vec<Row> {
    let mut r = csv::Reader::from_path(path)
        .unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("documents.csv has a {name} column"))
    };
    let (p, s, e, d) = (col("path"), col("status"), col("error"), col("doc_id"));
    r.records()
        .map(|rec| {
            let rec = rec.expect("documents.csv is valid CSV");
            let get = |i: usize| rec.get(i).unwrap_or_default().to_string();
            Row {
                path: get(p),
                status: get(s),
                error: get(e),
                doc_id: get(d),
            }
        })
        .collect()
}

fn csv_count(path: &Path, doc_id: &str) -> usize {
    let mut r = csv::Reader::from_path(path).unwrap();
    let headers = r.headers().unwrap().clone();
    let i = headers.iter().position(|h| h == "doc_id").unwrap();
    r.records()
        .filter(|rec| rec.as_ref().unwrap().get(i) == Some(doc_id))
        .count()
}

/// Every file and directory under `dir`, relative, sorted.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeSet<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            out.insert(p.strip_prefix(base).unwrap().to_path_buf());
            if fs::symlink_metadata(&p).unwrap().is_dir() {
                walk(base, &p, out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

/// The names in `dir` (not recursive).
fn top_level(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

fn one_line(s: &str) -> bool {
    !s.trim().is_empty() && !s.contains('\n') && !s.contains('\r')
}

/// Whether the error is one that pifu's own checks produced (not a dead or
/// stuck worker, not a caught panic).
fn clean_error(e: &str) -> bool {
    !(e.starts_with("crashed") || e.starts_with("timeout") || e.contains("panic"))
}

#[test]
fn hostile_batch_keeps_every_other_input() {
    let files = hostile_files();
    assert!(
        files.len() >= 40,
        "tests/hostile/ holds the generated files (python3 scripts/make_hostile.py)"
    );
    for (name, _) in EXPECTED {
        assert!(
            files.iter().any(|f| name_of(f) == *name),
            "{name} is missing from tests/hostile/; run python3 scripts/make_hostile.py"
        );
    }
    let mut inputs = vec![root().join(SEED)];
    inputs.extend(files.iter().cloned());

    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let hostile_before = tree(&hostile_dir());
    let samples_before = top_level(&root().join("samples"));
    let run = convert(
        &inputs,
        &out,
        &[
            "--timeout",
            TIMEOUT_SECS,
            "--max-memory",
            MAX_MEMORY,
            "--jobs",
            JOBS,
            "--quiet",
        ],
        tmp.path(),
        BATCH_LIMIT,
    );
    let report: String = run
        .rows
        .iter()
        .map(|r| {
            format!(
                "  {} {} {}\n",
                name_of(Path::new(&r.path)),
                r.status,
                r.error
            )
        })
        .collect();
    eprintln!("batch of {} in {:?}:\n{report}", inputs.len(), run.elapsed);

    // Some inputs failed: exit 1, not a usage error, not a crash.
    assert_eq!(run.code, Some(1), "exit code\n{}", run.stderr);

    // One row per input, in input order.
    let paths: Vec<String> = run.rows.iter().map(|r| r.path.clone()).collect();
    let want: Vec<String> = inputs
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths, want, "documents.csv rows, in input order");

    // The seed is converted in full despite its neighbours.
    let seed = run.row(&inputs[0]);
    assert_eq!(seed.status, "ok", "seed: {}", seed.error);
    assert_eq!(
        csv_count(&out.join("indicators.csv"), &seed.doc_id),
        SEED_INDICATORS,
        "the seed's indicators in indicators.csv"
    );

    // Every hostile file: its expected outcome; an error is one line, and
    // is on stderr too.
    let mut wrong = Vec::new();
    for f in &files {
        let name = name_of(f);
        let row = run.row(f);
        if row.status == "error" {
            assert!(
                one_line(&row.error),
                "{name}: error is not one line: {:?}",
                row.error
            );
            assert!(
                run.stderr.contains(&format!("{}: {}", row.path, row.error)),
                "{name}: error not reported on stderr"
            );
        } else {
            assert_eq!(row.status, "ok", "{name}: status");
            assert!(row.error.is_empty(), "{name}: ok with an error");
        }
        let fine = match expected(&name) {
            Fails(text) => row.status == "error" && row.error.contains(text),
            FailsAfterBudget(text) => {
                row.status == "error"
                    && (row.error.contains(text)
                        || (cfg!(debug_assertions) && row.error.starts_with("timeout")))
            }
            FailsAfterBudgetOrMemory(text) => {
                row.status == "error"
                    && (row.error.contains(text)
                        || row.error.contains("memory allocation failed")
                        || (cfg!(debug_assertions) && row.error.starts_with("timeout")))
            }
            Converts => row.status == "ok",
            Survives => true,
        };
        if !fine {
            wrong.push(format!(
                "{name}: expected {:?}, got {} {:?}",
                expected(&name),
                row.status,
                row.error
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "unexpected outcomes:\n{}",
        wrong.join("\n")
    );

    // One JSON document per input, agreeing with documents.csv.
    let jsonl = fs::read_to_string(out.join("documents.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), inputs.len(), "documents.jsonl lines");
    for (input, row) in inputs.iter().zip(&run.rows) {
        let json = out.join("json").join(format!("{}.json", name_of(input)));
        let text = fs::read_to_string(&json).unwrap_or_else(|e| panic!("{}: {e}", json.display()));
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["status"], row.status.as_str(), "{}", json.display());
    }

    // Nothing outside OUT, no temporary files left in it, inputs untouched.
    let names: BTreeSet<PathBuf> = tree(tmp.path());
    let mut allowed: BTreeSet<PathBuf> = [
        "out",
        "out/documents.csv",
        "out/indicators.csv",
        "out/funding.csv",
        "out/items.csv",
        "out/warnings.csv",
        "out/projects.csv",
        "out/documents.jsonl",
        "out/json",
        // The mark of pifu's output directory (SPEC §5).
        "out/.pifu-out",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    for input in &inputs {
        let mut n = OsString::from(input.file_name().unwrap());
        n.push(".json");
        allowed.insert(Path::new("out/json").join(n));
    }
    let stray: Vec<_> = names.difference(&allowed).collect();
    assert!(stray.is_empty(), "files left behind: {stray:?}");
    assert_eq!(
        tree(&hostile_dir()),
        hostile_before,
        "tests/hostile/ changed"
    );
    // (Others may add samples meanwhile; pifu would leave anything but .pdf
    // and .txt files.)
    let added: Vec<_> = top_level(&root().join("samples"))
        .difference(&samples_before)
        .filter(|n| !n.ends_with(".pdf") && !n.ends_with(".txt"))
        .cloned()
        .collect();
    assert!(added.is_empty(), "files left next to the seed: {added:?}");

    assert!(run.elapsed < BATCH_LIMIT, "batch took {:?}", run.elapsed);
}

#[test]
fn max_file_size_is_enforced_before_reading() {
    let tmp = tempfile::tempdir().unwrap();
    // A normal file over a small limit, and a 300 MB sparse file over the
    // default limit (256 MiB): neither is read.
    let big = tmp.path().join("sparse-300mb.txt");
    fs::File::create(&big)
        .unwrap()
        .set_len(300_000_000)
        .unwrap();
    let seed = root().join(SEED);

    let out = tmp.path().join("small-limit");
    let run = convert(
        std::slice::from_ref(&seed),
        &out,
        &["--max-file-size", "1000", "--quiet"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.rows.len(), 1);
    let row = run.row(&seed);
    assert_eq!(row.status, "error");
    assert!(row.error.starts_with("too large"), "{}", row.error);
    assert!(one_line(&row.error));

    let out = tmp.path().join("default-limit");
    let run = convert(
        &[seed.clone(), big.clone()],
        &out,
        &["--quiet"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(run.row(&seed).status, "ok");
    let row = run.row(&big);
    assert_eq!(row.status, "error");
    assert!(
        row.error.starts_with("too large") && row.error.contains("300000000"),
        "{}",
        row.error
    );
    // Refused from its size alone, not read: no checksum.
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

#[test]
fn a_slow_document_times_out_alone() {
    // A large but legitimate input, made here: the seed 4,000 times over
    // (46 MB, under the default --max-file-size), about 9 s of work in a
    // release build. Every hostile file now stops early on one of pifu's
    // budgets, so none is slow enough to rely on.
    let tmp = tempfile::tempdir().unwrap();
    let slow = tmp.path().join("seed-4000-times.txt");
    let seed = root().join(SEED);
    fs::write(&slow, fs::read(&seed).unwrap().repeat(4000)).unwrap();
    let out = tmp.path().join("out");
    let run = convert(
        &[slow.clone(), seed.clone()],
        &out,
        &["--timeout", "1", "--jobs", "1", "--quiet"],
        tmp.path(),
        Duration::from_secs(60),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let row = run.row(&slow);
    assert_eq!(row.status, "error");
    assert!(row.error.starts_with("timeout"), "{}", row.error);
    assert!(one_line(&row.error));
    // The worker was replaced: the next document still converts.
    assert_eq!(run.row(&seed).status, "ok", "{}", run.row(&seed).error);
    assert!(
        run.elapsed < Duration::from_secs(20),
        "a 1 s timeout took {:?}",
        run.elapsed
    );
}

#[test]
fn pipes_and_devices_end_promptly() {
    // A FIFO nobody writes to and /dev/zero, given by name: each gets an
    // error row soon (reading either never ends), and the batch goes on.
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut inputs = Vec::new();
    if made.is_ok_and(|s| s.success()) {
        inputs.push(fifo);
    } else {
        eprintln!("mkfifo unavailable; FIFO case skipped");
    }
    inputs.push(PathBuf::from("/dev/zero"));
    let seed = root().join(SEED);
    inputs.push(seed.clone());
    let run = convert(
        &inputs,
        &tmp.path().join("out"),
        &["--timeout", "2", "--jobs", "1", "--quiet"],
        tmp.path(),
        Duration::from_secs(30),
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for input in &inputs[..inputs.len() - 1] {
        let row = run.row(input);
        assert_eq!(row.status, "error", "{}", input.display());
        assert!(one_line(&row.error));
        assert!(
            !row.error.starts_with("crashed"),
            "{}: {}",
            input.display(),
            row.error
        );
    }
    assert_eq!(run.row(&seed).status, "ok");
}

#[test]
fn object_streams_are_read() {
    // The control case of the object-stream bomb: a plain PDF 1.5 whose
    // dictionaries sit in an object stream, as Word, Acrobat and qpdf
    // write them.
    let run = hostile_rows(&["object-streams.pdf"], "30");
    let row = &run.rows[0];
    assert_eq!(
        (row.status.as_str(), row.error.as_str()),
        ("ok", ""),
        "a PDF with an object stream"
    );
}

#[test]
fn compression_bombs_are_refused_quickly() {
    // 1.5 GiB of zeros behind two Flate layers, in a content stream and in
    // an object stream: refused once 64 MiB are inflated, with the default
    // 2 GiB memory cap (so that only pifu's own bound can stop them).
    for (name, want) in [
        ("flate-bomb-content.pdf", Some("no text layer")),
        ("flate-bomb-objstm.pdf", None),
    ] {
        let run = hostile_rows_capped(&[name], "60", DEFAULT_MEMORY);
        assert_clean(&run);
        if let Some(want) = want {
            assert!(
                run.rows[0].error.contains(want),
                "{name}: {}",
                run.rows[0].error
            );
        }
        assert!(
            run.elapsed < Duration::from_secs(10),
            "{name}: {:?} (inflated in full?)",
            run.elapsed
        );
    }
}

#[test]
fn glyph_budget_bounds_memory() {
    // 18.6 million glyphs on 38 pages, under the budget on characters
    // shown: converted or refused as too complex, within the default 2 GiB
    // worker, not a dead worker.
    let run = hostile_rows_capped(&["glyphs-near-budget.pdf"], "60", DEFAULT_MEMORY);
    assert_clean(&run);
}

#[test]
fn fuzz_crashers_do_not_panic() {
    // Crashers found by scripts/fuzz.sh, kept as tests/hostile/fuzz-*.
    let names: Vec<String> = hostile_files()
        .iter()
        .map(|p| name_of(p))
        .filter(|n| n.starts_with("fuzz-"))
        .collect();
    if names.is_empty() {
        return;
    }
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let run = hostile_rows(&refs, "10");
    assert_clean(&run);
}

/// The default `--max-memory` (2 GiB).
const DEFAULT_MEMORY: &str = "2147483648";

/// Converts `names` from tests/hostile/ in one batch with the test batch's
/// 512 MiB worker cap and the given timeout.
fn hostile_rows(names: &[&str], timeout: &str) -> Run {
    hostile_rows_capped(names, timeout, MAX_MEMORY)
}

fn hostile_rows_capped(names: &[&str], timeout: &str, max_memory: &str) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    let inputs: Vec<PathBuf> = names.iter().map(|n| hostile_dir().join(n)).collect();
    convert(
        &inputs,
        &tmp.path().join("out"),
        &[
            "--timeout",
            timeout,
            "--max-memory",
            max_memory,
            "--jobs",
            "2",
            "--quiet",
        ],
        tmp.path(),
        BATCH_LIMIT,
    )
}

/// Every row is `ok` or an error that pifu's own checks produced.
fn assert_clean(run: &Run) {
    let bad: Vec<String> = run
        .rows
        .iter()
        .filter(|r| !clean_error(&r.error))
        .map(|r| format!("{}: {}", r.path, r.error))
        .collect();
    assert!(
        bad.is_empty(),
        "not handled by pifu itself:\n{}",
        bad.join("\n")
    );
}
