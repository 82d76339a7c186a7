//! Batches: finding inputs, converting them in parallel, and handing the
//! documents to a sink in input order.
//!
//! Producers (threads of a rayon pool, each converting in this process or
//! driving a worker process) take inputs in order and put documents into a
//! reorder buffer; the caller's sink receives them one by one in input
//! order. Producers stay a bounded window ahead of the sink, so output bytes
//! do not depend on the number of jobs and memory does not grow with the
//! batch.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex};

use crate::convert::{convert_path_all, format_by_name, sha256_hex};
use crate::export::json_file_name;
use crate::export::render::{part_file, JsonDir, Rendered, Renders};
use crate::extract::sniff::detect;
use crate::model::{Document, Kind, Source, Status};
use crate::worker::{Worker, WorkerConfig};

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The path pifu opens.
    pub path: PathBuf,
    /// Where its JSON goes, relative to `OUT/json/` (without `.json`).
    pub rel: PathBuf,
}

/// Extensions searched for in directories (SPEC §5): the formats pifu
/// reads, and the unsupported ones it recognises, so that those get their
/// error rows instead of being silently left out.
pub const INPUT_EXTENSIONS: &[&str] = &[
    "pdf", "txt", "html", "htm", "xlsx", "xls", "docx", "doc", "wps", "et", "ofd",
];

fn is_input_name(p: &Path) -> bool {
    p.extension().is_some_and(|e| {
        let e = e.to_string_lossy().to_ascii_lowercase();
        INPUT_EXTENSIONS.contains(&e.as_str())
    })
}

/// Files under `dir` with an [`INPUT_EXTENSIONS`] name, recursively, in
/// sorted path order. Symbolic links to directories are not followed, so a link loop
/// cannot trap the walk (such a link with an input's name is an input,
/// whose reading fails).
fn walk(dir: &Path, root: &Path, out: &mut Vec<InputFile>, errors: &mut Vec<String>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(format!("{}: cannot list directory: {e}", dir.display()));
            return;
        }
    };
    // The entry's type comes with the listing on most file systems: no
    // stat per file.
    let mut paths: Vec<(PathBuf, Option<fs::FileType>)> = entries
        .filter_map(|e| e.ok().map(|e| (e.path(), e.file_type().ok())))
        .collect();
    paths.sort_by(|a, b| a.0.cmp(&b.0));
    for (p, kind) in paths {
        if kind.is_some_and(|k| k.is_dir()) {
            walk(&p, root, out, errors);
        } else if is_input_name(&p) {
            // Anything else with an input's name is an input, a broken
            // link, a link loop or a pipe included: reading it fails, and
            // that is its error row (SPEC §6), not a file passed over.
            let rel = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            out.push(InputFile { path: p, rel });
        }
    }
}

/// Expands the command-line inputs: a directory gives the files under it, a
/// file (or a path that does not exist, which becomes that input's error)
/// gives itself.
pub fn collect_inputs(args: &[PathBuf]) -> (Vec<InputFile>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for a in args {
        if a.is_dir() {
            walk(a, a, &mut out, &mut errors);
        } else {
            let rel = a
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            out.push(InputFile {
                path: a.clone(),
                rel,
            });
        }
    }
    dedupe_json_names(&mut out);
    (out, errors)
}

/// Two inputs given as `a/x.txt` and `b/x.txt` would both write
/// `json/x.txt.json`; later ones get `x.txt~2`, `x.txt~3`.
fn dedupe_json_names(inputs: &mut [InputFile]) {
    let mut used: HashSet<PathBuf> = HashSet::new();
    for input in inputs.iter_mut() {
        if used.insert(input.rel.clone()) {
            continue;
        }
        for k in 2.. {
            let mut name: OsString = input.rel.file_name().unwrap_or_default().to_os_string();
            name.push(format!("~{k}"));
            let candidate = input.rel.with_file_name(name);
            if used.insert(candidate.clone()) {
                input.rel = candidate;
                break;
            }
        }
    }
}

/// The inputs of shard `k` of `n` (1-based): every n-th input in sorted
/// order, starting at the k-th.
pub fn shard(inputs: Vec<InputFile>, k: usize, n: usize) -> Vec<InputFile> {
    inputs
        .into_iter()
        .enumerate()
        .filter(|(i, _)| n > 0 && i % n == k.saturating_sub(1))
        .map(|(_, f)| f)
        .collect()
}

/// Lines of a `--files-from` list: one path per line, blank lines skipped.
pub fn parse_file_list(text: &str) -> Vec<PathBuf> {
    text.lines()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect()
}

/// Counts of inputs for the summary line. Every input is counted once:
/// `converted + reused + failed + duplicates == total`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs.
    pub total: usize,
    /// Inputs converted in this run (status `ok`).
    pub converted: usize,
    /// Inputs whose earlier output was taken back (`--resume`, status `ok`).
    pub reused: usize,
    /// Inputs that are errors (converted now or taken back).
    pub failed: usize,
    /// Inputs with the same bytes as an earlier one (status `duplicate`).
    pub duplicates: usize,
    /// Inputs converted or reused that hold no approval (`kind: unknown`).
    pub unknown: usize,
    /// Documents written (a file of several approvals gives several).
    pub documents: usize,
    /// Whether earlier outputs could be reused (`--resume`): the line then
    /// says how many were.
    pub resume: bool,
    /// How many inputs were converted at a time: `--jobs`, but never more
    /// than there are inputs.
    pub jobs: usize,
}

impl Summary {
    /// Counts one input's documents.
    fn count(&mut self, doc: &Rendered, reused: bool) {
        self.total += 1;
        match doc.meta.status {
            Status::Ok => {
                if reused {
                    self.reused += 1;
                } else {
                    self.converted += 1;
                }
                self.documents += usize::try_from(doc.meta.parts).unwrap_or(1);
                if doc.meta.kind == Some(Kind::Unknown) {
                    self.unknown += 1;
                }
            }
            Status::Error => self.failed += 1,
            Status::Duplicate => self.duplicates += 1,
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Summary {
    /// `17 inputs: 15 converted, 1 failed, 1 duplicate in 2.31 s (2 jobs)`, with
    /// `N reused` after `converted` under `--resume`, and in parentheses the
    /// documents written when a file held several approvals, and the inputs
    /// of kind unknown.
    pub fn line(&self, seconds: f64) -> String {
        let mut s = format!(
            "{}: {} converted",
            plural(self.total, "input", "inputs"),
            self.converted
        );
        if self.resume {
            s.push_str(&format!(", {} reused", self.reused));
        }
        s.push_str(&format!(
            ", {} failed, {}",
            self.failed,
            plural(self.duplicates, "duplicate", "duplicates")
        ));
        let mut notes = Vec::new();
        if self.documents != self.converted + self.reused {
            notes.push(plural(self.documents, "document", "documents"));
        }
        if self.unknown > 0 {
            notes.push(format!(
                "{} not recognised as a 批复 (kind unknown)",
                self.unknown
            ));
        }
        if !notes.is_empty() {
            s.push_str(&format!(" ({})", notes.join("; ")));
        }
        s.push_str(&format!(
            " in {seconds:.2} s ({})",
            plural(self.jobs, "job", "jobs")
        ));
        s
    }
}

/// Finds inputs with the same bytes as an earlier one (SPEC §2.1). Only a
/// converted input (status `ok`) is ever the first of its bytes, and only a
/// converted input is ever a duplicate: a file that fails is an error.
#[derive(Default)]
pub struct DuplicateTracker {
    first_path: HashMap<String, String>,
}

impl DuplicateTracker {
    /// If `doc` has the bytes of an earlier converted input, the
    /// duplicate's documents (one per document of the file, with
    /// `duplicate_of` that input's path), rendered as `doc` was; `None`
    /// when `doc` stays as it is.
    pub fn check(&mut self, doc: &Rendered) -> Option<Rendered> {
        if doc.meta.status != Status::Ok {
            return None;
        }
        let sha = doc.meta.sha256.clone()?;
        match self.first_path.get(&sha) {
            Some(first) => {
                let docs: Vec<Document> = match doc.documents() {
                    Ok(docs) => docs,
                    // A line that does not read back (it was rendered from a
                    // Document, so it does) still names the input.
                    Err(_) => vec![Document::error(
                        sha.get(..16).map(str::to_string),
                        Source {
                            sha256: Some(sha.clone()),
                            ..Source::new(&doc.meta.path, format_by_name(Path::new(&doc.meta.path)))
                        },
                        "",
                    )],
                };
                let dups: Vec<Document> = docs
                    .into_iter()
                    .map(|d| Document::duplicate(d.doc_id, d.source, first))
                    .collect();
                Some(Rendered::new_all(&dups, doc.renders()))
            }
            None => {
                self.first_path.insert(sha, doc.meta.path.clone());
                None
            }
        }
    }
}

/// How documents are converted.
#[derive(Debug, Clone)]
pub enum Engine {
    /// On a rayon pool in this process (fast; a stack overflow or memory
    /// exhaustion in one file ends the batch).
    InProcess,
    /// In worker processes that are restarted when one dies or times out.
    Workers(WorkerConfig),
}

/// What a batch run needs besides the inputs.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub jobs: usize,
    pub engine: Engine,
    /// Files larger than this are not read (`too large`).
    pub max_file_size: Option<u64>,
    /// With `--resume`: where earlier per-document JSON lives (`OUT/json`);
    /// a document whose JSON there has the input's sha256 is not converted
    /// again.
    pub resume_from: Option<PathBuf>,
    /// What the sink needs rendered besides the JSON line.
    pub renders: Renders,
    /// Per-document JSON files are written here by the converters (in
    /// parallel) rather than by the sink.
    pub json_dir: Option<JsonDir>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            jobs: 1,
            engine: Engine::InProcess,
            max_file_size: None,
            resume_from: None,
            renders: Renders::ALL,
            json_dir: None,
        }
    }
}

/// The earlier output of `input` (every document of it), if it was made
/// from the same bytes.
fn resumed(input: &InputFile, json_dir: &Path) -> Option<Vec<Document>> {
    let read =
        |p: &Path| -> Option<Document> { serde_json::from_str(&fs::read_to_string(p).ok()?).ok() };
    let file = json_dir.join(json_file_name(&input.rel));
    let docs = match read(&file) {
        Some(d) => vec![d],
        None => {
            let first = read(&part_file(&file, 1))?;
            let n = usize::try_from(first.source.parts).ok()?;
            let mut docs = vec![first];
            for k in 2..=n {
                docs.push(read(&part_file(&file, k))?);
            }
            docs
        }
    };
    let first = docs.first()?;
    let bytes = fs::read(&input.path).ok()?;
    let same = first.source.sha256.as_deref() == Some(sha256_hex(&bytes).as_str())
        && first.source.path == input.path.to_string_lossy()
        && usize::try_from(first.source.parts).ok() == Some(docs.len());
    // A duplicate's file holds no content: it is converted again, and found
    // to be a duplicate again (or not, if the batch changed).
    let duplicate = docs.iter().any(|d| d.status == Status::Duplicate);
    (same && !duplicate).then_some(docs)
}

fn too_large(input: &InputFile, max: Option<u64>) -> Option<Vec<Document>> {
    let max = max?;
    let size = fs::metadata(&input.path).ok()?.len();
    (size > max).then(|| {
        let format = format_by_name(&input.path);
        vec![Document::error(
            None,
            Source::new(&input.path.to_string_lossy(), format),
            format!("too large: {size} bytes, over --max-file-size {max}"),
        )]
    })
}

/// Converts one input in this process.
fn convert_here(input: &InputFile) -> Vec<Document> {
    convert_path_all(&input.path, &input.path.to_string_lossy())
}

/// Results waiting to be written in input order, and the next index to
/// hand out. Producers stay at most `window` documents ahead of the writer.
struct Queue {
    state: Mutex<QueueState>,
    /// The writer waits here for the document it writes next, and is
    /// woken only when that one arrives (a wake-up per document finished
    /// out of order took a core from a converting worker for nothing).
    arrived: Condvar,
    /// Producers wait here for room in the window.
    room: Condvar,
    window: usize,
}

/// A converted input: its documents, and whether they were taken back
/// from an earlier run (`--resume`) rather than converted.
struct Done {
    doc: Rendered,
    reused: bool,
}

/// What the queue has for a producer.
enum Claim {
    Index(usize),
    /// Every input is taken, or the batch stopped.
    Finished,
    /// The sink is too far behind; wait.
    WindowFull,
}

struct QueueState {
    next: usize,
    written: usize,
    done: BTreeMap<usize, Done>,
    stop: bool,
    /// Producers waiting in [`Queue::take`] for room.
    waiting_producers: usize,
}

impl Queue {
    /// The next input index to convert, waiting while the window is full.
    fn take(&self, total: usize) -> Option<usize> {
        let mut st = self.state.lock().ok()?;
        loop {
            match self.claim(&mut st, total) {
                Claim::Index(i) => return Some(i),
                Claim::Finished => return None,
                Claim::WindowFull => {
                    st.waiting_producers += 1;
                    let woken = self.room.wait(st);
                    st = woken.ok()?;
                    st.waiting_producers -= 1;
                }
            }
        }
    }

    /// [`Queue::take`] without waiting: `None` also while the window is
    /// full.
    fn try_take(&self, total: usize) -> Option<usize> {
        let mut st = self.state.lock().ok()?;
        match self.claim(&mut st, total) {
            Claim::Index(i) => Some(i),
            Claim::Finished | Claim::WindowFull => None,
        }
    }

    fn claim(&self, st: &mut QueueState, total: usize) -> Claim {
        if st.stop || st.next >= total {
            return Claim::Finished;
        }
        if st.next >= st.written + self.window {
            return Claim::WindowFull;
        }
        st.next += 1;
        Claim::Index(st.next - 1)
    }

    fn put(&self, i: usize, doc: Done) {
        let next = match self.state.lock() {
            Ok(mut st) => {
                st.done.insert(i, doc);
                i == st.written
            }
            Err(_) => true,
        };
        if next {
            self.arrived.notify_one();
        }
    }

    /// The document at `i`, waiting for it.
    fn get(&self, i: usize) -> Option<Done> {
        let mut st = self.state.lock().ok()?;
        loop {
            if let Some(d) = st.done.remove(&i) {
                st.written = i + 1;
                if st.waiting_producers > 0 {
                    self.room.notify_all();
                }
                return Some(d);
            }
            st = self.arrived.wait(st).ok()?;
        }
    }

    fn stop(&self) {
        if let Ok(mut st) = self.state.lock() {
            st.stop = true;
        }
        self.room.notify_all();
        self.arrived.notify_all();
    }
}

/// Requests a producer keeps with its worker process: the file being
/// converted and the next one, waiting in the pipe, so that the worker
/// does not sit idle while its last answer is handed on.
const IN_FLIGHT: usize = 2;

/// One producer: takes inputs from the queue until none are left.
fn produce(inputs: &[InputFile], opts: &RunOptions, queue: &Queue) {
    match &opts.engine {
        Engine::InProcess => {
            while let Some(i) = queue.take(inputs.len()) {
                let Some(input) = inputs.get(i) else { break };
                let done = match early(input, opts) {
                    Some(done) => done,
                    None => Done {
                        doc: render(input, &convert_here(input), opts),
                        reused: false,
                    },
                };
                queue.put(i, done);
            }
        }
        Engine::Workers(cfg) => produce_with_worker(inputs, opts, queue, cfg),
    }
}

/// The documents of an input that needs no conversion: too large, or
/// unchanged since the run being resumed.
fn early(input: &InputFile, opts: &RunOptions) -> Option<Done> {
    if let Some(docs) = too_large(input, opts.max_file_size) {
        return Some(Done {
            doc: render(input, &docs, opts),
            reused: false,
        });
    }
    let earlier = opts
        .resume_from
        .as_deref()
        .and_then(|d| resumed(input, d))?;
    Some(Done {
        doc: render(input, &earlier, opts),
        reused: true,
    })
}

/// Where the worker writes an input's JSON file itself, if anywhere.
fn json_file(input: &InputFile, opts: &RunOptions) -> Option<(PathBuf, PathBuf)> {
    opts.json_dir
        .as_ref()
        .map(|j| (j.file(&input.rel), j.tmp.clone()))
}

/// Renders documents converted here, writing the JSON file.
fn render(input: &InputFile, docs: &[Document], opts: &RunOptions) -> Rendered {
    let mut r = Rendered::new_all(docs, opts.renders);
    if let Some((file, tmp)) = json_file(input, opts) {
        r.write_json(&file, &tmp);
    }
    r
}

/// An input handed to the worker, and whether its request reached it (a
/// request sent to a worker that died before reading it is sent again to
/// the next one).
struct InFlight {
    index: usize,
    sent: bool,
}

/// A producer driving a worker process, [`IN_FLIGHT`] requests at a time.
/// A worker that dies or times out costs the file it was converting; the
/// request queued behind it goes to the new worker.
fn produce_with_worker(inputs: &[InputFile], opts: &RunOptions, queue: &Queue, cfg: &WorkerConfig) {
    let mut worker: Option<Worker> = None;
    let mut pending: VecDeque<InFlight> = VecDeque::new();
    loop {
        while pending.len() < IN_FLIGHT {
            // Wait for work only with nothing in flight: a full window
            // may be waiting for an answer this producer holds.
            let next = if pending.is_empty() {
                queue.take(inputs.len())
            } else {
                queue.try_take(inputs.len())
            };
            let Some(index) = next else { break };
            let Some(input) = inputs.get(index) else {
                break;
            };
            if let Some(done) = early(input, opts) {
                queue.put(index, done);
                continue;
            }
            // Sent only behind requests that were sent: a worker that
            // could not take one is dead, and is kept only for the answers
            // it gave before.
            let sent = pending.iter().all(|p| p.sent)
                && worker.as_mut().is_some_and(|w| {
                    w.send(&input.path, opts.renders, json_file(input, opts))
                        .is_ok()
                });
            pending.push_back(InFlight { index, sent });
        }
        let Some(head) = pending.pop_front() else {
            break;
        };
        let Some(input) = inputs.get(head.index) else {
            break;
        };
        let result = if let (true, Some(w)) = (head.sent, worker.as_mut()) {
            w.receive(cfg.timeout)
        } else {
            // Not sent, or sent to a worker that is gone: a new worker.
            match Worker::spawn(cfg) {
                Ok(mut w) => {
                    let r = w.convert(
                        &input.path,
                        opts.renders,
                        json_file(input, opts),
                        cfg.timeout,
                    );
                    worker = Some(w);
                    r
                }
                Err(f) => Err(f),
            }
        };
        let doc = match result {
            Ok(d) => d,
            Err(f) => {
                worker = None;
                for p in pending.iter_mut() {
                    p.sent = false;
                }
                render(input, &[failed_document(input, &f.message())], opts)
            }
        };
        // Requests behind this one that were sent to a worker now gone,
        // or not sent: to the worker there is now, in order.
        if let Some(w) = worker.as_mut() {
            for p in pending.iter_mut().filter(|p| !p.sent) {
                let Some(input) = inputs.get(p.index) else {
                    break;
                };
                p.sent = w
                    .send(&input.path, opts.renders, json_file(input, opts))
                    .is_ok();
                if !p.sent {
                    break;
                }
            }
        }
        queue.put(head.index, Done { doc, reused: false });
    }
}

/// The error document of an input whose conversion failed outside the
/// converter (the worker died or timed out).
fn failed_document(input: &InputFile, message: &str) -> Document {
    // Only a regular file is read again (a FIFO would block forever).
    let regular = fs::metadata(&input.path).is_ok_and(|m| m.is_file());
    let bytes = regular.then(|| fs::read(&input.path).ok()).flatten();
    let sha = bytes.as_deref().map(sha256_hex);
    let format = match bytes.as_deref() {
        Some(b) => detect(b, &input.path).format(),
        None => format_by_name(&input.path),
    };
    Document::error(
        sha.as_ref().and_then(|s| s.get(..16)).map(str::to_string),
        Source {
            sha256: sha,
            ..Source::new(&input.path.to_string_lossy(), format)
        },
        message,
    )
}

/// Converts `inputs` and calls `sink` with each document, rendered as
/// `opts.renders` asks, in input order. `sink` errors stop the batch (the
/// output is unwritable).
pub fn run<E>(
    inputs: &[InputFile],
    opts: &RunOptions,
    mut sink: impl FnMut(&InputFile, Rendered) -> Result<(), E>,
) -> Result<Summary, E> {
    // More producers than inputs would only start idle threads (and
    // worker processes).
    let jobs = opts.jobs.clamp(1, inputs.len().max(1));
    let queue = Queue {
        state: Mutex::new(QueueState {
            next: 0,
            written: 0,
            done: BTreeMap::new(),
            stop: false,
            waiting_producers: 0,
        }),
        arrived: Condvar::new(),
        room: Condvar::new(),
        window: (jobs * 4).max(8),
    };
    let mut summary = Summary {
        resume: opts.resume_from.is_some(),
        jobs,
        ..Summary::default()
    };
    let mut dups = DuplicateTracker::default();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build();
    let mut outcome: Result<(), E> = Ok(());
    let mut consume =
        |summary: &mut Summary, dups: &mut DuplicateTracker, outcome: &mut Result<(), E>| {
            for (i, input) in inputs.iter().enumerate() {
                let Some(Done { mut doc, reused }) = queue.get(i) else {
                    break;
                };
                if let Some(mut dup) = dups.check(&doc) {
                    // Its JSON file(s) now say `duplicate`; if that fails the
                    // sink writes them and reports the error.
                    if let Some(j) = &opts.json_dir {
                        dup.write_json(&j.file(&input.rel), &j.tmp);
                    }
                    doc = dup;
                }
                summary.count(&doc, reused);
                if let Err(e) = sink(input, doc) {
                    *outcome = Err(e);
                    queue.stop();
                    break;
                }
            }
        };
    match pool {
        Ok(pool) => pool.in_place_scope(|scope| {
            for _ in 0..jobs {
                scope.spawn(|_| produce(inputs, opts, &queue));
            }
            consume(&mut summary, &mut dups, &mut outcome);
        }),
        Err(_) => std::thread::scope(|scope| {
            summary.jobs = 1;
            scope.spawn(|| produce(inputs, opts, &queue));
            consume(&mut summary, &mut dups, &mut outcome);
        }),
    }
    outcome.map(|_| summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_list_lines() {
        assert_eq!(
            parse_file_list("a.txt\r\n\n  \nb/c.pdf\n"),
            vec![PathBuf::from("a.txt"), PathBuf::from("b/c.pdf")]
        );
    }

    /// The inputs' paths as shown.
    fn rels_of(inputs: &[InputFile]) -> Vec<String> {
        inputs
            .iter()
            .map(|i| i.rel.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn walk_is_sorted_and_relative() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("b")).unwrap();
        for f in ["b/z.txt", "a.pdf", "b/a.TXT", "notes.md"] {
            fs::write(d.path().join(f), "x").unwrap();
        }
        let (inputs, errors) = collect_inputs(&[d.path().to_path_buf()]);
        assert!(errors.is_empty());
        let rels = rels_of(&inputs);
        assert_eq!(rels, vec!["a.pdf", "b/a.TXT", "b/z.txt"]);
    }

    #[test]
    fn unreadable_entries_are_inputs_that_fail() {
        // A broken link, a link loop and a link to a directory, named as
        // inputs, are found, and each becomes its own error document.
        let d = tempfile::tempdir().unwrap();
        let at = |f: &str| d.path().join(f);
        std::os::unix::fs::symlink(at("missing.pdf"), at("broken.pdf")).unwrap();
        std::os::unix::fs::symlink(at("loop.pdf"), at("loop.pdf")).unwrap();
        fs::create_dir_all(at("sub")).unwrap();
        std::os::unix::fs::symlink(at("sub"), at("dir.html")).unwrap();
        std::os::unix::fs::symlink(at("sub"), at("dirlink")).unwrap();
        let (inputs, errors) = collect_inputs(&[d.path().to_path_buf()]);
        assert!(errors.is_empty());
        let rels = rels_of(&inputs);
        assert_eq!(rels, vec!["broken.pdf", "dir.html", "loop.pdf"]);
        for input in &inputs {
            let docs = crate::convert::convert_path_all(&input.path, "x");
            assert_eq!(docs.len(), 1);
            let error = docs[0].error.as_deref().unwrap_or_default();
            assert!(error.starts_with("cannot read file"), "{error}");
        }
    }

    #[test]
    fn same_file_names_get_distinct_json_names() {
        let (inputs, _) = collect_inputs(&[PathBuf::from("x/a.txt"), PathBuf::from("y/a.txt")]);
        let rels = rels_of(&inputs);
        assert_eq!(rels, vec!["a.txt", "a.txt~2"]);
    }
}
