//! Worker processes: documents converted in child processes that a
//! supervisor restarts, so that a file that overflows the stack, exhausts
//! memory or loops forever costs only itself (the model is Apache Tika's
//! forked parser).
//!
//! Protocol: the supervisor writes one JSON request per line on the
//! worker's stdin (`{"path": …}`); the worker answers each with one JSON
//! [`Document`] per line on stdout.

use std::io::{self, BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::convert::convert_path;
use crate::model::Document;

#[derive(Debug, Serialize, Deserialize)]
struct Request {
    path: String,
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
    let mut out = io::BufWriter::new(io::stdout());
    for line in stdin.lock().lines() {
        let line = line?;
        let Ok(req) = serde_json::from_str::<Request>(&line) else {
            continue;
        };
        let doc = convert_path(Path::new(&req.path), &req.path);
        serde_json::to_writer(&mut out, &doc).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
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
    lines: Receiver<String>,
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
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                match line {
                    Ok(l) => {
                        if tx.send(l).is_err() {
                            break;
                        }
                    }
                    Err(_) => break,
                }
            }
        });
        Ok(Worker {
            child,
            stdin,
            lines: rx,
        })
    }

    /// Converts one file. On failure the worker is dead and must be
    /// replaced.
    pub fn convert(&mut self, path: &Path, timeout: Duration) -> Result<Document, Failure> {
        let req = Request {
            path: path.to_string_lossy().into_owned(),
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
        match self.lines.recv_timeout(timeout) {
            Ok(reply) => serde_json::from_str(&reply)
                .map_err(|e| Failure::Crashed(format!("unreadable reply: {e}"))),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                Err(Failure::Timeout(timeout))
            }
            Err(RecvTimeoutError::Disconnected) => Err(Failure::Crashed(self.reap())),
        }
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
