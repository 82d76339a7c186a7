//! Worker processes: documents converted in child processes that a
//! supervisor restarts, so that a file that overflows the stack, exhausts
//! memory or loops forever costs only itself (the model is Apache Tika's
//! forked parser).
//!
//! Protocol: the supervisor writes one JSON request per line on the
//! worker's stdin (`{"path": …, "renders": …}`); the worker converts the
//! file, renders the outputs asked for ([`Rendered`]) and answers with one
//! frame on stdout: a JSON header line (the document's [`Meta`] and the
//! byte length of each rendering), then the renderings' bytes, answers in
//! the order of the requests. Rendering in the worker leaves the
//! supervisor, which shares the cores, only the writing; the supervisor
//! keeps the next request waiting in the pipe, so the worker does not wait
//! for it between files.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::fd::{AsFd, AsRawFd};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::convert::convert_path_all;
use crate::export::render::{CsvChunks, Meta, Rendered, Renders};

#[derive(Debug, Serialize, Deserialize)]
struct Request {
    path: String,
    renders: Renders,
    /// Write the pretty JSON to this file (through the second path, a
    /// directory) instead of sending it.
    json_file: Option<(PathBuf, PathBuf)>,
}

/// The header line of a reply frame.
#[derive(Debug, Serialize, Deserialize)]
struct Header {
    meta: Meta,
    line: usize,
    pretty: Option<Vec<usize>>,
    csv: Option<[usize; 6]>,
    json_written: bool,
}

/// A reply larger than this is taken as a broken worker, not read.
const MAX_REPLY_BYTES: usize = 1 << 30;

/// Writes one reply frame.
fn write_frame(out: &mut impl Write, r: &Rendered) -> io::Result<()> {
    let header = Header {
        meta: r.meta.clone(),
        line: r.line.len(),
        pretty: r.pretty.as_ref().map(|p| p.iter().map(Vec::len).collect()),
        csv: r.csv.as_ref().map(|c| c.each_ref().map(Vec::len)),
        json_written: r.json_written,
    };
    serde_json::to_writer(&mut *out, &header).map_err(io::Error::other)?;
    out.write_all(b"\n")?;
    out.write_all(&r.line)?;
    for p in r.pretty.iter().flatten() {
        out.write_all(p)?;
    }
    for chunk in r.csv.iter().flatten() {
        out.write_all(chunk)?;
    }
    Ok(())
}

fn read_bytes(input: &mut impl Read, len: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(len);
    input.take(len as u64).read_to_end(&mut buf)?;
    if buf.len() < len {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(buf)
}

/// Reads one reply frame; `Ok(None)` at the end of the stream.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Rendered>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let h: Header = serde_json::from_str(&line).map_err(io::Error::other)?;
    let total = h.line
        + h.pretty
            .as_ref()
            .map_or(0, |p| p.iter().fold(0usize, |a, n| a.saturating_add(*n)))
        + h.csv
            .map_or(0, |c| c.iter().fold(0usize, |a, n| a.saturating_add(*n)));
    if total > MAX_REPLY_BYTES {
        return Err(io::Error::other(format!("reply of {total} bytes")));
    }
    let line = read_bytes(input, h.line)?;
    let pretty = match h.pretty {
        Some(lens) => Some(
            lens.into_iter()
                .map(|n| read_bytes(input, n))
                .collect::<io::Result<Vec<_>>>()?,
        ),
        None => None,
    };
    let csv = match h.csv {
        Some(lens) => {
            let mut chunks: CsvChunks = Default::default();
            for (chunk, n) in chunks.iter_mut().zip(lens) {
                *chunk = read_bytes(input, n)?;
            }
            Some(chunks)
        }
        None => None,
    };
    Ok(Some(Rendered {
        meta: h.meta,
        line,
        pretty,
        csv,
        json_written: h.json_written,
    }))
}

/// Caps the worker's address space so that a memory bomb fails its
/// allocation (and the worker dies) instead of taking the machine down.
pub fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit only reads the struct we pass; failure is harmless
    // (the worker then runs without the cap).
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
}

/// The worker side: answers requests until stdin closes.
pub fn serve() -> io::Result<()> {
    let stdin = io::stdin();
    // Straight to the pipe, one write per document: stdout's own buffer
    // writes at every line break, and the JSON and CSV parts have many.
    let pipe = std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?);
    let mut out = io::BufWriter::with_capacity(256 * 1024, pipe);
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(req) = serde_json::from_str::<Request>(&line) else {
            continue;
        };
        let docs = convert_path_all(Path::new(&req.path), &req.path);
        let mut rendered = Rendered::new_all(&docs, req.renders);
        if let Some((file, tmp)) = &req.json_file {
            rendered.write_json(file, tmp);
        }
        write_frame(&mut out, &rendered)?;
        out.flush()?;
    }
    Ok(())
}

/// How to start workers.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// The `pifu` executable.
    pub exe: PathBuf,
    /// Arguments that make it a worker (`worker --max-memory N`).
    pub args: Vec<String>,
    pub timeout: Duration,
}

/// Why a worker gave no document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Timeout(Duration),
    Crashed(String),
    Start(String),
}

impl Failure {
    pub fn message(&self) -> String {
        match self {
            Failure::Timeout(d) => format!(
                "timeout: no result after {} s (raise --timeout, or check the file)",
                d.as_secs()
            ),
            Failure::Crashed(how) => format!(
                "crashed: the converter process died ({how}); the file is likely malformed or hostile"
            ),
            Failure::Start(e) => format!("crashed: could not start a converter process: {e}"),
        }
    }
}

/// One running worker process.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    /// Replies are read by the thread that asked for them, after waiting
    /// for the pipe with a timeout ([`readable_within`]): a reader thread
    /// of its own cost a wake-up of one more thread per document, on cores
    /// the workers need.
    replies: BufReader<ChildStdout>,
}

/// Whether `fd` has something to read (or is closed) within `timeout`.
fn readable_within(fd: &impl AsRawFd, timeout: Duration) -> io::Result<bool> {
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let ms = libc::c_int::try_from(left.as_millis()).unwrap_or(libc::c_int::MAX);
        let mut pfd = libc::pollfd {
            fd: fd.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: `pfd` is one valid pollfd that outlives the call, and
        // the count passed is 1.
        let n = unsafe { libc::poll(&mut pfd, 1, ms) };
        match n {
            0 if left.is_zero() => return Ok(false),
            // A wait cut short (rounded down to 0 ms): again, for the rest.
            0 => {}
            n if n > 0 => return Ok(true),
            _ => {
                let err = io::Error::last_os_error();
                if err.kind() != io::ErrorKind::Interrupted {
                    return Err(err);
                }
            }
        }
    }
}

fn describe(status: Option<ExitStatus>) -> String {
    use std::os::unix::process::ExitStatusExt;
    match status {
        Some(s) => match (s.code(), s.signal()) {
            (_, Some(libc::SIGSEGV)) => "segmentation fault, e.g. a stack overflow".to_string(),
            (_, Some(libc::SIGABRT)) => {
                "aborted, e.g. out of memory or a stack overflow".to_string()
            }
            (_, Some(libc::SIGKILL)) => "killed".to_string(),
            (_, Some(sig)) => format!("signal {sig}"),
            (Some(code), None) => format!("exit code {code}"),
            (None, None) => "unknown".to_string(),
        },
        None => "no exit status".to_string(),
    }
}

impl Worker {
    pub fn spawn(cfg: &WorkerConfig) -> Result<Worker, Failure> {
        let mut child = Command::new(&cfg.exe)
            .args(&cfg.args)
            // mimalloc reserves a 1 GiB arena up front, which counts against
            // the worker's address-space cap and leaves the stack no room.
            .env("MIMALLOC_ARENA_RESERVE", "64MiB")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Failure::Start(e.to_string()))?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| Failure::Start("no stdin".into()))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| Failure::Start("no stdout".into()))?;
        Ok(Worker {
            child,
            stdin,
            replies: BufReader::with_capacity(256 * 1024, stdout),
        })
    }

    /// Asks the worker to convert one file and render it; the answer comes
    /// from [`Worker::receive`], answers in the order of the requests, so
    /// that the worker can start the next file while the last answer is
    /// being written. With `json_file` (the file, and a directory on its
    /// file system for the unfinished file) the worker writes the pretty
    /// JSON itself. On failure the worker is dead and must be replaced.
    pub fn send(
        &mut self,
        path: &Path,
        renders: Renders,
        json_file: Option<(PathBuf, PathBuf)>,
    ) -> Result<(), Failure> {
        let req = Request {
            path: path.to_string_lossy().into_owned(),
            renders,
            json_file,
        };
        let mut line = serde_json::to_string(&req).map_err(|e| Failure::Start(e.to_string()))?;
        line.push('\n');
        if self
            .stdin
            .write_all(line.as_bytes())
            .and_then(|_| self.stdin.flush())
            .is_err()
        {
            return Err(Failure::Crashed(self.reap()));
        }
        Ok(())
    }

    /// The answer to the oldest request not yet answered, waiting at most
    /// `timeout` (the worker started on it about now: the previous answer
    /// has just been taken). On failure the worker is dead.
    pub fn receive(&mut self, timeout: Duration) -> Result<Rendered, Failure> {
        // A reply already read into the buffer needs no wait. Once its
        // first bytes are there the rest follows (the worker writes a
        // reply whole, or dies and closes the pipe).
        if self.replies.buffer().is_empty() {
            match readable_within(self.replies.get_ref(), timeout) {
                Ok(true) => {}
                Ok(false) => {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                    return Err(Failure::Timeout(timeout));
                }
                Err(e) => {
                    self.reap();
                    return Err(Failure::Crashed(format!("reply not readable: {e}")));
                }
            }
        }
        match read_frame(&mut self.replies) {
            Ok(Some(reply)) => Ok(reply),
            Ok(None) => Err(Failure::Crashed(self.reap())),
            Err(e) => {
                self.reap();
                Err(Failure::Crashed(format!("unreadable reply: {e}")))
            }
        }
    }

    /// [`Worker::send`] then [`Worker::receive`].
    pub fn convert(
        &mut self,
        path: &Path,
        renders: Renders,
        json_file: Option<(PathBuf, PathBuf)>,
        timeout: Duration,
    ) -> Result<Rendered, Failure> {
        self.send(path, renders, json_file)?;
        self.receive(timeout)
    }

    fn reap(&mut self) -> String {
        let _ = self.child.kill();
        describe(self.child.wait().ok())
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Format, Source};

    fn rendered(renders: Renders) -> Rendered {
        let doc = Document::error(None, Source::new("x\n.pdf", Format::Pdf), "bad");
        Rendered::new(&doc, renders)
    }

    #[test]
    fn frames_read_back() {
        let mut wire = Vec::new();
        let a = rendered(Renders::ALL);
        let b = rendered(Renders::default());
        write_frame(&mut wire, &a).unwrap();
        write_frame(&mut wire, &b).unwrap();
        let mut input = io::Cursor::new(wire);
        assert_eq!(read_frame(&mut input).unwrap(), Some(a));
        assert_eq!(read_frame(&mut input).unwrap(), Some(b));
        assert_eq!(read_frame(&mut input).unwrap(), None);
    }

    #[test]
    fn a_cut_frame_is_an_error() {
        let mut wire = Vec::new();
        write_frame(&mut wire, &rendered(Renders::ALL)).unwrap();
        wire.truncate(wire.len() - 3);
        assert!(read_frame(&mut io::Cursor::new(wire)).is_err());
    }
}
