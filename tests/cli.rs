//! The `pifu` binary as a user runs it: exit codes, stdout, output files.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const SEED: &str = "samples/ezhou-data-bureau-2026.txt";

fn pifu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pifu"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let mut r = csv::Reader::from_path(path).unwrap();
    r.records().map(|x| x.unwrap()).collect()
}

#[test]
fn single_input_prints_one_json_document() {
    let out = pifu(&["convert", SEED]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["status"], "ok");
    assert_eq!(d["kind"], "department_overall");
    assert_eq!(d["department"], "鄂州市数据局");
    assert_eq!(d["year"], 2026);
    assert_eq!(d["history_years"], serde_json::json!([2024, 2025]));
    assert_eq!(d["source"]["path"], SEED);
    assert_eq!(d["source"]["pages"], Value::Null);
    let inds = d["indicators"].as_array().unwrap();
    assert_eq!(inds.len(), 76);
    assert!(inds.iter().all(|i| i["page"].is_null()));
    assert_eq!(d["funding"]["rows"].as_array().unwrap().len(), 8);
    assert_eq!(d["functions"].as_array().unwrap().len(), 13);
    assert_eq!(d["annual_tasks"].as_array().unwrap().len(), 3);
    assert_eq!(d["long_term_goals"].as_array().unwrap().len(), 4);
    assert_eq!(d["annual_goals"].as_array().unwrap().len(), 4);
    assert_eq!(d["long_term_deadline"], 2027);
}

#[test]
fn several_inputs_print_json_lines() {
    let out = pifu(&[
        "convert",
        SEED,
        "samples/xiaogan-health-commission-2026.txt",
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["department"], "孝感市卫生健康委员会");
    assert!(out.stderr.is_empty(), "--quiet prints nothing on success");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_converted() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    let binary = dir.path().join("binary.txt");
    fs::write(&empty, b"").unwrap();
    fs::write(&binary, b"PK\x03\x04\x00\x00\x08\x00\xff\xfe\x00\x01").unwrap();
    let list = dir.path().join("list.txt");
    let missing = dir.path().join("does-not-exist.txt");
    fs::write(&list, format!("{}\n", missing.display())).unwrap();
    let out_dir = dir.path().join("out");
    let out = pifu(&[
        "convert",
        SEED,
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        "--files-from",
        list.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rows = csv_rows(&out_dir.join("documents.csv"));
    assert_eq!(rows.len(), 4);
    let status: Vec<(&str, &str)> = rows.iter().map(|r| (&r[18], &r[19])).collect();
    assert_eq!(status[0], ("ok", ""));
    assert_eq!(status[1], ("error", "empty file"));
    // Recognised by content: a ZIP header, whatever the name says.
    assert!(
        status[2].1.starts_with("damaged ZIP archive"),
        "{:?}",
        status[2]
    );
    assert!(
        status[3].1.starts_with("cannot read file"),
        "{:?}",
        status[3]
    );
    for r in &rows[1..] {
        assert!(stderr.contains(&r[1]), "stderr names {}", &r[1]);
    }
    // The error documents are in the JSON Lines too, with every key present.
    let jsonl = fs::read_to_string(out_dir.join("documents.jsonl")).unwrap();
    let docs: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 4);
    assert_eq!(docs[3]["doc_id"], Value::Null);
    assert_eq!(docs[3]["indicators"], serde_json::json!([]));
    assert_eq!(
        docs[0].as_object().unwrap().len(),
        docs[3].as_object().unwrap().len()
    );
    // The seed's rows are all there.
    assert_eq!(csv_rows(&out_dir.join("indicators.csv")).len(), 76);
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to.join(e.file_name()));
        } else {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn diff_reports_a_changed_value() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("golden");
    copy_dir(Path::new("golden/json"), &copy);
    let same = pifu(&["diff", "golden/json", copy.to_str().unwrap()]);
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());

    let f = copy.join("ezhou-data-bureau-2026.txt.json");
    let text = fs::read_to_string(&f).unwrap();
    let mut d: Value = serde_json::from_str(&text).unwrap();
    d["indicators"][5]["target"] = Value::from("99%");
    fs::write(&f, serde_json::to_string_pretty(&d).unwrap()).unwrap();
    let changed = pifu(&["diff", "golden/json", copy.to_str().unwrap()]);
    assert_eq!(changed.status.code(), Some(1));
    let report = String::from_utf8(changed.stdout).unwrap();
    assert!(
        report.contains("indicators[5].target: \"健全\" (expected \"99%\")"),
        "{report}"
    );
}

#[test]
fn output_directory_layout() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = pifu(&[
        "convert",
        "samples",
        "-o",
        out_dir.to_str().unwrap(),
        "--bom",
        "--format",
        "csv,json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out_dir
        .join("json/ezhou-data-bureau-2026.txt.json")
        .is_file());
    assert!(!out_dir.join("documents.jsonl").exists());
    let csv = fs::read(out_dir.join("indicators.csv")).unwrap();
    assert!(csv.starts_with("\u{feff}doc_id,department,year,table,seq,".as_bytes()));
    // No temporary files are left behind; OUT is marked as pifu's.
    for e in fs::read_dir(&out_dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with('.') || name == ".pifu-out",
            "left over: {name}"
        );
    }
    assert!(out_dir.join(".pifu-out").is_file());
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(pifu(&["convert"]).status.code(), Some(2));
    assert_eq!(
        pifu(&["convert", "--format", "xml", SEED]).status.code(),
        Some(2)
    );
    assert_eq!(pifu(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn files_from_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pifu"))
        .args(["convert", "--files-from", "-", "-o", "-", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{SEED}\n{SEED}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Same bytes twice: one document (the duplicate adds nothing to stdout).
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["status"], "ok");
}

#[test]
fn inspect_prints_the_header_mapping() {
    let out = pifu(&[
        "inspect",
        "samples/templates/t4-zhuzhou-lusong-housing-bureau-2025.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("columns of the annual indicator table:"));
    assert!(stdout.contains("指标值类型 -> extra"), "{stdout}");
    assert!(stdout.contains("计量单位 -> unit"), "{stdout}");
    assert!(stdout.contains("评（扣）分标准 -> scoring"), "{stdout}");
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// SPEC §2.1: two inputs with the same bytes are one document. The later
/// copy is `duplicate` (same doc_id, `duplicate_of` the first path) in its
/// own JSON file and in documents.csv (one row per document of the file),
/// and adds nothing to documents.jsonl or the other tables; two empty
/// files are two errors, never duplicates.
#[test]
fn duplicates_are_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::copy(SEED, input.join("a.txt")).unwrap();
    fs::copy(SEED, input.join("b.txt")).unwrap();
    fs::write(input.join("e1.txt"), b"").unwrap();
    fs::write(input.join("e2.txt"), b"").unwrap();
    let several = "samples/projects/t7-yibin-xuzhou-town-projects-2025.txt";
    fs::copy(several, input.join("p1.txt")).unwrap();
    fs::copy(several, input.join("p2.txt")).unwrap();
    let out_dir = dir.path().join("out");
    let out = pifu(&[
        "convert",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("6 inputs: 2 converted, 2 failed, 2 duplicates"),
        "{stderr}"
    );

    let path = |name: &str| input.join(name).to_string_lossy().into_owned();
    let rows = csv_rows(&out_dir.join("documents.csv"));
    // doc_id, path, part, status, error, duplicate_of
    let got: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            [0, 1, 6, 18, 19, 20]
                .iter()
                .map(|&i| r[i].to_string())
                .collect()
        })
        .collect();
    let row = |cells: [&str; 6]| -> Vec<String> { cells.iter().map(|c| c.to_string()).collect() };
    assert_eq!(got.len(), 1 + 1 + 2 + 5 + 5);
    let seed_id = got[0][0].clone();
    assert_eq!(got[0], row([&seed_id, &path("a.txt"), "", "ok", "", ""]));
    assert_eq!(
        got[1],
        row([
            &seed_id,
            &path("b.txt"),
            "",
            "duplicate",
            "",
            &path("a.txt")
        ])
    );
    for e in &got[2..4] {
        assert_eq!(e[3..], ["error", "empty file", ""]);
    }
    for n in 1..=5 {
        let first = &got[3 + n];
        let dup = &got[8 + n];
        assert_eq!(
            first[1..4],
            [path("p1.txt"), n.to_string(), "ok".to_string()]
        );
        assert_eq!(dup[0], first[0], "the same doc_id, part by part");
        assert!(dup[0].ends_with(&format!("-{n}")));
        assert_eq!(
            dup[1..],
            [
                path("p2.txt"),
                n.to_string(),
                "duplicate".into(),
                String::new(),
                path("p1.txt")
            ]
        );
    }

    // Its own JSON file says so, and holds nothing of the content.
    let b = json_file(&out_dir.join("json/b.txt.json"));
    assert_eq!(b["status"], "duplicate");
    assert_eq!(b["doc_id"].as_str(), Some(seed_id.as_str()));
    assert_eq!(b["duplicate_of"].as_str(), Some(path("a.txt").as_str()));
    assert_eq!(b["source"]["path"].as_str(), Some(path("b.txt").as_str()));
    assert_eq!(b["indicators"], serde_json::json!([]));
    let a = json_file(&out_dir.join("json/a.txt.json"));
    assert_eq!(a["duplicate_of"], Value::Null);
    let p2 = json_file(&out_dir.join("json/p2.txt.3.json"));
    assert_eq!(
        (p2["status"].as_str(), p2["source"]["part"].as_u64()),
        (Some("duplicate"), Some(3))
    );

    // documents.jsonl: each document once (a, e1, e2, p1 × 5).
    let jsonl = fs::read_to_string(out_dir.join("documents.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 1 + 2 + 5);
    assert!(!jsonl.contains("\"duplicate\""));
    // The tables hold each document once: (doc_id, table, seq) is a key of
    // indicators.csv, and every table's rows are those of the first copies.
    let inds = csv_rows(&out_dir.join("indicators.csv"));
    let mut keys: Vec<(String, String, String)> = inds
        .iter()
        .map(|r| (r[0].to_string(), r[3].to_string(), r[4].to_string()))
        .collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), n, "duplicate (doc_id, table, seq) keys");
    assert_eq!(inds.iter().filter(|r| r[0] == *seed_id).count(), 76);
    let projects = csv_rows(&out_dir.join("projects.csv"));
    assert_eq!(projects.len(), 5);
}

/// The summary line counts inputs taken back by --resume as reused, not
/// converted.
#[test]
fn resume_reports_reused_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let o = out_dir.to_str().unwrap();
    let first = pifu(&[
        "convert",
        SEED,
        "samples/xiaogan-health-commission-2026.txt",
        "-o",
        o,
    ]);
    assert_eq!(first.status.code(), Some(0));
    assert!(
        stderr_of(&first).contains("2 inputs: 2 converted, 0 failed, 0 duplicates"),
        "{}",
        stderr_of(&first)
    );
    let again = pifu(&[
        "convert",
        SEED,
        "samples/xiaogan-health-commission-2026.txt",
        "samples/huangshi-transport-bureau-2025.txt",
        "-o",
        o,
        "--resume",
    ]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr_of(&again).contains("3 inputs: 1 converted, 2 reused, 0 failed, 0 duplicates"),
        "{}",
        stderr_of(&again)
    );
}

/// SPEC §5: a path on the command line that does not exist is a usage
/// error and nothing is converted (OUT not even created).
#[test]
fn a_missing_argument_path_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = pifu(&["convert", SEED, "samplez", "-o", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("samplez: no such file or directory"),
        "{}",
        stderr_of(&out)
    );
    assert!(!out_dir.exists());
    let out = pifu(&["convert", "samplez"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// Names of the files under `dir`, relative, sorted.
fn files_under(dir: &Path) -> Vec<String> {
    fn go(root: &Path, d: &Path, out: &mut Vec<String>) {
        for e in fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                go(root, &p, out);
            } else {
                out.push(p.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    go(dir, dir, &mut out);
    out.sort();
    out
}

/// SPEC §5: OUT is created if missing and marked; a later run into it
/// replaces the earlier outputs (stale JSON files and tables removed,
/// nothing else touched); --resume keeps them; a non-empty directory that
/// is not pifu's is refused.
#[test]
fn output_directory_is_replaced_or_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("new/out");
    let o = out_dir.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["convert", "-q", "-o", o];
        all.extend_from_slice(args);
        pifu(&all)
    };
    assert_eq!(run(&["samples"]).status.code(), Some(0));
    assert!(out_dir.join(".pifu-out").is_file());
    let before = files_under(&out_dir);
    assert!(before.len() > 30, "{before:?}");
    fs::write(out_dir.join("notes.md"), "mine").unwrap();
    fs::create_dir_all(out_dir.join("json/notes")).unwrap();
    fs::write(out_dir.join("json/notes/keep.txt"), "mine").unwrap();

    // Only the seed now: one JSON file, one row; the rest of the earlier
    // run is gone, the user's files stay (SPEC §5: stale JSON files
    // removed, nothing else touched).
    assert_eq!(run(&[SEED, "--format", "csv,json"]).status.code(), Some(0));
    let files = files_under(&out_dir);
    assert_eq!(
        files,
        vec![
            ".pifu-out",
            "documents.csv",
            "funding.csv",
            "indicators.csv",
            "items.csv",
            "json/ezhou-data-bureau-2026.txt.json",
            "json/notes/keep.txt",
            "notes.md",
            "projects.csv",
            "warnings.csv",
        ],
    );
    assert_eq!(
        fs::read_to_string(out_dir.join("notes.md")).unwrap(),
        "mine"
    );
    assert_eq!(csv_rows(&out_dir.join("documents.csv")).len(), 1);

    // --resume continues the run: the earlier JSON stays and is reused.
    let resumed = run(&[
        SEED,
        "samples/xiaogan-health-commission-2026.txt",
        "--resume",
    ]);
    assert_eq!(resumed.status.code(), Some(0));
    assert_eq!(csv_rows(&out_dir.join("documents.csv")).len(), 2);
    let json_of = |dir: &Path| -> Vec<String> {
        files_under(dir)
            .into_iter()
            .filter(|f| f.starts_with("json/") && f.ends_with(".json"))
            .collect()
    };
    assert_eq!(json_of(&out_dir).len(), 2);
    // Resumed with one input fewer: the other's JSON file goes too.
    assert_eq!(run(&[SEED, "--resume"]).status.code(), Some(0));
    assert_eq!(
        json_of(&out_dir),
        vec!["json/ezhou-data-bureau-2026.txt.json"]
    );

    // A folder of other files is refused and left as it was.
    let other = dir.path().join("papers");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("thesis.docx"), "x").unwrap();
    let refused = pifu(&["convert", SEED, "-o", other.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr_of(&refused).contains("not empty"),
        "{}",
        stderr_of(&refused)
    );
    assert_eq!(files_under(&other), vec!["thesis.docx"]);
    let refused = pifu(&["convert", SEED, "-o", other.to_str().unwrap(), "--resume"]);
    assert_eq!(refused.status.code(), Some(2));
    // So is a file.
    let file = other.join("thesis.docx");
    assert_eq!(
        pifu(&["convert", SEED, "-o", file.to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
    // An empty directory is taken.
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    assert_eq!(
        pifu(&["convert", "-q", SEED, "-o", empty.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

/// Runs pifu with its stdout closed before it writes anything (a reader
/// that went away, as `| head` does once it has its lines): the pipe's
/// read end is closed before pifu starts.
fn with_closed_stdout(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = Command::new(env!("CARGO_BIN_EXE_pifu"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.wait_with_output().unwrap()
}

/// SPEC §5: a closed stdout ends every command quietly with exit 0.
#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";
    let empty = dir.path().join("empty");
    fs::create_dir_all(&empty).unwrap();
    let cases: Vec<Vec<&str>> = vec![
        vec!["convert", "samples"],
        vec!["convert", "samples", "-o", "-", "--in-process"],
        vec!["convert", SEED],
        vec!["diff", "golden/json", empty.to_str().unwrap()],
        vec!["inspect", pdf],
        vec!["text", pdf],
    ];
    for args in cases {
        let out = with_closed_stdout(&args);
        let stderr = stderr_of(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("panic") && !stderr.contains("Broken pipe"),
            "{args:?}: {stderr}"
        );
    }
}

/// SPEC §5: stdout takes JSON Lines only; asking for another format there
/// is a usage error, not JSON Lines under another name.
#[test]
fn stdout_takes_only_json_lines() {
    for args in [
        vec!["convert", SEED, "-o", "-", "--format", "csv"],
        vec!["convert", SEED, "-o", "-", "--format", "jsonl,json"],
        vec!["convert", SEED, "--format", "csv"],
    ] {
        let out = pifu(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(
            stderr_of(&out).contains("JSON Lines only"),
            "{}",
            stderr_of(&out)
        );
    }
    let out = pifu(&["convert", SEED, "-o", "-", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    serde_json::from_str::<Value>(text.trim_end()).unwrap();
}

/// SPEC §5: `text` and `inspect` read files as `convert` does: a file
/// that `convert` rejects gets the same error, and a FIFO is not read.
#[test]
fn text_and_inspect_recognise_formats_as_convert_does() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("fake.pdf");
    fs::copy(SEED, &fake).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for file in [&fake, &fifo] {
        let f = file.to_str().unwrap();
        let converted = pifu(&["convert", "-q", f]);
        let d: Value = serde_json::from_slice(&converted.stdout).unwrap();
        let error = d["error"].as_str().unwrap().to_string();
        assert_eq!(d["status"], "error");
        for cmd in ["text", "inspect"] {
            let mut child = Command::new(env!("CARGO_BIN_EXE_pifu"))
                .args([cmd, f])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let start = std::time::Instant::now();
            while child.try_wait().unwrap().is_none() {
                if start.elapsed() > std::time::Duration::from_secs(20) {
                    child.kill().unwrap();
                    panic!("pifu {cmd} {f} does not end");
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let out = child.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(1), "{cmd} {f}");
            assert_eq!(stderr_of(&out), format!("pifu: {f}: {error}\n"), "{cmd}");
        }
    }
}

/// `inspect --page` names a page of the PDF, from 1.
#[test]
fn inspect_page_out_of_range_is_a_usage_error() {
    let pdf = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";
    let zero = pifu(&["inspect", pdf, "--page", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(stderr_of(&zero).contains("--page 0: pages count from 1"));
    let beyond = pifu(&["inspect", pdf, "--page", "99"]);
    assert_eq!(beyond.status.code(), Some(2));
    assert!(
        stderr_of(&beyond).contains("has 5 pages"),
        "{}",
        stderr_of(&beyond)
    );
    assert!(beyond.stdout.is_empty());
    let text = pifu(&["inspect", SEED, "--page", "1"]);
    assert_eq!(text.status.code(), Some(2));
    assert!(stderr_of(&text).contains("has no pages"));
    let last = pifu(&["inspect", pdf, "--page", "5"]);
    assert_eq!(last.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&last.stdout).starts_with("page 5:"));
}

/// `inspect` keeps each row on one line: a cell's line breaks are shown
/// as `\n`.
#[test]
fn inspect_escapes_line_breaks_in_cells() {
    let pdf = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";
    let out = pifu(&["inspect", pdf, "--page", "1"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("部门（单\\n位）名称"), "{text}");
    let starts = [
        "page ", "lines ", "  ", "table ", "row ", "---- ", "columns ", "rows ",
    ];
    for line in text.lines().filter(|l| !l.is_empty()) {
        assert!(
            starts.iter().any(|s| line.starts_with(s)),
            "a row spans lines: {line:?}"
        );
    }
}

/// `diff` on a path that does not exist is a usage error, not a difference.
#[test]
fn diff_of_a_missing_path_is_a_usage_error() {
    let out = pifu(&["diff", "golden/jsn", "golden/json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("golden/jsn"));
    let out = pifu(&["diff", "golden/json", "nowhere/a.json"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `--jobs` larger than the batch starts one producer per input, no more.
#[test]
fn jobs_are_capped_at_the_number_of_inputs() {
    let out = pifu(&[
        "convert",
        SEED,
        "samples/xiaogan-health-commission-2026.txt",
        "-o",
        "-",
        "--jobs",
        "1000",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(stderr.trim_end().ends_with("(2 jobs)"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

/// The progress bar on a 60-column terminal: every frame fits the width
/// (no wrapping), rates are whole numbers, and the first frames show no
/// ETA until documents have been timed. Runs pifu under `script` (a
/// pseudo-terminal); skipped where it is not installed.
#[test]
fn progress_bar_fits_a_narrow_terminal() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no `script` command for a pseudo-terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let seed = fs::read(SEED).unwrap();
    for i in 0..40 {
        let mut bytes = seed.clone();
        bytes.extend_from_slice(format!("\n附注\t副本 {i}\n").as_bytes());
        fs::write(input.join(format!("{i:02}.txt")), bytes).unwrap();
    }
    let out_dir = dir.path().join("out");
    let command = format!(
        "stty rows 24 cols 60; '{}' convert --jobs 1 --in-process '{}' -o '{}'",
        env!("CARGO_BIN_EXE_pifu"),
        input.display(),
        out_dir.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let frames: Vec<&str> = text
        .split(['\r', '\n'])
        .map(|f| f.trim_start_matches("\u{1b}[2K"))
        .filter(|f| f.contains(" eta "))
        .collect();
    assert!(frames.len() >= 2, "no progress bar drawn: {text:?}");
    for f in &frames {
        assert!(f.chars().count() <= 60, "wider than the terminal: {f:?}");
        let rate = f
            .split(' ')
            .find(|w| w.ends_with("/s") || w.ends_with("s/doc"));
        if let Some(r) = rate {
            let n = r.trim_end_matches("/s").trim_end_matches("s/doc");
            assert!(n.parse::<u64>().is_ok(), "rate {r:?} in {f:?}");
        }
    }
    assert!(frames[0].ends_with("eta -"), "{:?}", frames[0]);
    assert!(text.contains("40 inputs: 40 converted"), "{text}");
}

/// A reader's panic in --in-process mode is the file's error row, printed
/// as one line like any other error, not a crash report.
#[test]
fn a_caught_panic_prints_no_crash_report() {
    let bad = "tests/hostile/fuzz-xls-1.xls";
    let out = pifu(&[
        "convert",
        bad,
        "-o",
        "-",
        "--format",
        "jsonl",
        "--in-process",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("XLS workbook damaged"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
