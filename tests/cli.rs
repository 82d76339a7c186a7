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
    // No temporary files are left behind.
    for e in fs::read_dir(&out_dir).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with('.'), "left over: {name}");
    }
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
    assert_eq!(docs.len(), 2);
    // Same bytes twice: both exported, the second warned.
    let codes: Vec<&str> = docs[1]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["code"].as_str())
        .collect();
    assert!(codes.contains(&"duplicate_content"));
    assert_eq!(docs[0]["doc_id"], docs[1]["doc_id"]);
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
