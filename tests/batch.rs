//! Batch behaviour: an interrupted run resumed, output paths that stay
//! inside OUT, shards.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn pifu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pifu"))
}

/// `n` inputs copied from the samples, each with its own bytes.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let sources: Vec<PathBuf> = [
        "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf",
        "samples/pdf/xiaogan-health-commission-2026.chromium.pdf",
        "samples/ezhou-data-bureau-2026.txt",
        "samples/pdf/huangshi-transport-bureau-2025.gbk.pdf",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    let root = dir.join("in");
    fs::create_dir_all(&root).unwrap();
    for i in 0..n {
        let src = &sources[i % sources.len()];
        let mut bytes = fs::read(src).unwrap();
        let ext = src.extension().unwrap().to_string_lossy().into_owned();
        if ext == "pdf" {
            bytes.extend_from_slice(format!("\n% copy {i}\n").as_bytes());
        } else {
            bytes.extend_from_slice(format!("\n附注\t副本 {i}\n").as_bytes());
        }
        fs::write(root.join(format!("{i:04}.{ext}")), bytes).unwrap();
    }
    root
}

/// Every file under `dir`, relative, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn go(root: &Path, d: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                out.push((
                    p.strip_prefix(root).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    let mut out = Vec::new();
    go(dir, dir, &mut out);
    out.sort();
    out
}

fn count_json(dir: &Path) -> usize {
    fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

#[test]
fn killed_run_resumes_to_identical_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 240);
    let full = tmp.path().join("full");
    let status = pifu()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            full.to_str().unwrap(),
            "-q",
            "--jobs",
            "2",
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));

    let cut = tmp.path().join("cut");
    let mut child = pifu()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            cut.to_str().unwrap(),
            "-q",
            "--jobs",
            "1",
        ])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it has written some documents but not all.
    let start = Instant::now();
    while count_json(&cut.join("json")) < 60 && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let written = count_json(&cut.join("json"));
    assert!(written < 240, "the run finished before it could be killed");
    // Nothing partial: no table yet, every JSON file complete; unfinished
    // files only in OUT/.pifu-tmp.
    assert!(!cut.join("documents.csv").exists());
    let names: Vec<String> = fs::read_dir(&cut)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == "json" || n == ".pifu-tmp" || n == ".pifu-out"),
        "{names:?}"
    );
    for (path, bytes) in tree(&cut.join("json")) {
        assert!(
            !path.to_string_lossy().starts_with('.'),
            "temporary file left: {path:?}"
        );
        serde_json::from_slice::<serde_json::Value>(&bytes).unwrap();
    }

    let status = pifu()
        .args([
            "convert",
            input.to_str().unwrap(),
            "-o",
            cut.to_str().unwrap(),
            "-q",
            "--resume",
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let (a, b) = (tree(&full), tree(&cut));
    assert_eq!(a.len(), b.len());
    for ((pa, ba), (pb, bb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb);
        assert!(ba == bb, "{} differs after --resume", pa.display());
    }
}

#[test]
fn outputs_never_leave_out() {
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    let sub = work.join("sub");
    fs::create_dir_all(&sub).unwrap();
    fs::copy(
        "samples/ezhou-data-bureau-2026.txt",
        tmp.path().join("outside.txt"),
    )
    .unwrap();
    fs::copy(
        "samples/xiaogan-health-commission-2026.txt",
        sub.join("a.txt"),
    )
    .unwrap();
    // A directory symlink loop and a symlink to a file.
    symlink(&work, sub.join("loop")).unwrap();
    symlink(tmp.path().join("outside.txt"), sub.join("link.txt")).unwrap();
    let abs = fs::canonicalize(tmp.path().join("outside.txt")).unwrap();
    let out = tmp.path().join("out");
    let status = pifu()
        .current_dir(&sub)
        .args([
            "convert",
            "../../outside.txt",
            abs.to_str().unwrap(),
            ".",
            "-o",
            out.to_str().unwrap(),
            "-q",
        ])
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let files: Vec<String> = tree(&out)
        .into_iter()
        .map(|(p, _)| p.to_string_lossy().into_owned())
        .collect();
    assert!(
        files.contains(&"json/outside.txt.json".to_string()),
        "{files:?}"
    );
    assert!(
        files.contains(&"json/outside.txt~2.json".to_string()),
        "{files:?}"
    );
    assert!(files.contains(&"json/a.txt.json".to_string()), "{files:?}");
    assert!(
        files.contains(&"json/link.txt.json".to_string()),
        "{files:?}"
    );
    // Only OUT and the inputs are in the temporary directory.
    let mut top: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, vec!["out", "outside.txt", "work"]);
    // The same bytes three times (outside.txt, its absolute path and the
    // link): one document; the later two are duplicates of the first.
    let jsonl = fs::read_to_string(out.join("documents.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2, "outside.txt once, a.txt once");
    let docs = fs::read_to_string(out.join("documents.csv")).unwrap();
    let dups = docs.lines().filter(|l| l.contains(",duplicate,")).count();
    assert_eq!(dups, 2, "{docs}");
}

#[test]
fn shards_partition_the_inputs() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 10);
    let mut seen = Vec::new();
    for k in 1..=3 {
        let out = pifu()
            .args([
                "convert",
                input.to_str().unwrap(),
                "-o",
                "-",
                "-q",
                "--in-process",
            ])
            .arg(format!("--shard={k}/3"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let d: serde_json::Value = serde_json::from_str(line).unwrap();
            seen.push(d["source"]["path"].as_str().unwrap().to_string());
        }
    }
    seen.sort();
    let mut all: Vec<String> = (0..10)
        .map(|i| {
            let ext = if i % 4 == 2 { "txt" } else { "pdf" };
            input
                .join(format!("{i:04}.{ext}"))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    all.sort();
    assert_eq!(seen, all);
    let bad = pifu()
        .args(["convert", "samples", "--shard", "0/3"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// A file of five approvals (a flat table of projects) gives five
/// documents: `<file>.<n>.json`, doc ids `<hash>-<n>`, five rows of
/// documents.csv and projects.csv in order; `--resume` takes all five back
/// and the outputs stay byte-identical; JSON Lines on stdout has five lines.
#[test]
fn a_file_of_several_approvals_gives_one_document_each() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("t7.txt");
    fs::copy(
        "samples/projects/t7-yibin-xuzhou-town-projects-2025.txt",
        &input,
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = |extra: &[&str]| {
        let status = pifu()
            .args(["convert", "--quiet", "-o"])
            .arg(&out)
            .arg(&input)
            .args(extra)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
    };
    run(&[]);
    let names: Vec<String> = (1..=5).map(|n| format!("t7.txt.{n}.json")).collect();
    for name in &names {
        assert!(out.join("json").join(name).is_file(), "{name}");
    }
    assert!(!out.join("json/t7.txt.json").exists());
    let docs = fs::read_to_string(out.join("documents.csv")).unwrap();
    let rows: Vec<&str> = docs.lines().skip(1).collect();
    assert_eq!(rows.len(), 5);
    for (n, row) in rows.iter().enumerate() {
        let cells: Vec<&str> = row.split(',').collect();
        assert!(cells[0].ends_with(&format!("-{}", n + 1)), "{row}");
        assert_eq!(
            (cells[6], cells[7]),
            (format!("{}", n + 1).as_str(), "5"),
            "{row}"
        );
    }
    let projects = fs::read_to_string(out.join("projects.csv")).unwrap();
    assert_eq!(projects.lines().count(), 6);
    assert!(projects
        .lines()
        .nth(1)
        .unwrap()
        .contains("观音镇农村公路养护项目"));
    let before = tree(&out);
    run(&["--resume"]);
    assert_eq!(tree(&out), before);
    let stdout = pifu().args(["convert"]).arg(&input).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&stdout.stdout).lines().count(), 5);
}
