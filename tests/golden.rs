//! The samples against the golden outputs, through the same comparison as
//! `pifu diff`, and the golden outputs against the hand-written
//! expectations in `tests/expected/`.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pifu::batch::{collect_inputs, run, RunOptions};
use pifu::diff::{diff_paths, Ignore};
use pifu::export::{DirExporter, Formats};
use serde_json::Value;

fn convert_samples(out: &Path, jobs: usize) {
    let (inputs, errors) = collect_inputs(&[PathBuf::from("samples")]);
    assert!(errors.is_empty(), "{errors:?}");
    let mut exporter = DirExporter::create(out, Formats::default(), false).unwrap();
    let opts = RunOptions {
        jobs,
        ..RunOptions::default()
    };
    let summary = run(&inputs, &opts, |input, doc| {
        exporter.write_rendered(&doc, &input.rel)
    })
    .unwrap();
    exporter.commit().unwrap();
    assert_eq!(summary.failed, 0);
}

const TABLES: &[&str] = &[
    "documents.csv",
    "indicators.csv",
    "funding.csv",
    "items.csv",
    "projects.csv",
    "warnings.csv",
    "documents.jsonl",
];

#[test]
fn samples_match_golden() {
    let out = tempfile::tempdir().unwrap();
    convert_samples(out.path(), 2);
    let reports = diff_paths(
        &out.path().join("json"),
        Path::new("golden/json"),
        &Ignore::default(),
    );
    let text: Vec<String> = reports
        .iter()
        .flat_map(|r| {
            let mut lines = vec![r.name.clone()];
            lines.extend(r.problem.clone());
            lines.extend(r.differences.iter().map(|d| format!("  {d}")));
            lines
        })
        .collect();
    assert!(
        reports.is_empty(),
        "differences from golden:\n{}",
        text.join("\n")
    );
    for t in TABLES {
        let got = fs::read_to_string(out.path().join(t)).unwrap();
        let want = fs::read_to_string(Path::new("golden").join(t)).unwrap();
        assert!(got == want, "{t} differs from golden/{t}");
    }
}

/// Files under `root/rel`, as paths relative to `root`.
fn list_files(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(root.join(rel)).unwrap() {
        let e = e.unwrap();
        let p = rel.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            list_files(root, &p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn output_bytes_do_not_depend_on_jobs() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    convert_samples(one.path(), 1);
    convert_samples(two.path(), 2);
    let mut files = TABLES.iter().map(PathBuf::from).collect::<Vec<_>>();
    list_files(one.path(), Path::new("json"), &mut files);
    assert!(files.len() > TABLES.len());
    for f in files {
        let a = fs::read(one.path().join(&f)).unwrap();
        let b = fs::read(two.path().join(&f)).unwrap();
        assert!(
            a == b,
            "{} differs between --jobs 1 and --jobs 2",
            f.display()
        );
    }
}

fn golden(name: &str) -> Value {
    let p = Path::new("golden/json").join(format!("{name}.txt.json"));
    serde_json::from_str(&fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn other_encodings_give_the_same_document() {
    let utf8 = golden("ezhou-data-bureau-2026");
    for name in [
        "ezhou-data-bureau-2026.gb18030",
        "ezhou-data-bureau-2026.utf16le",
    ] {
        let other = golden(name);
        let d = pifu::diff::diff_values(&other, &utf8, &Ignore::new(["doc_id", "source"]));
        assert!(d.is_empty(), "{name}: {d:?}");
        assert_ne!(other["doc_id"], utf8["doc_id"]);
    }
    assert_eq!(
        golden("ezhou-data-bureau-2026.gb18030")["source"]["encoding"],
        "GB18030"
    );
    assert_eq!(
        golden("ezhou-data-bureau-2026.utf16le")["source"]["encoding"],
        "UTF-16LE"
    );
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// tests/expected/<stem>.indicators.tsv was written by reading the source
/// text, independently of pifu.
#[test]
fn golden_indicators_match_hand_written_expectations() {
    for stem in [
        "ezhou-data-bureau-2026",
        "huangshi-transport-bureau-2025",
        "xiaogan-health-commission-2026",
    ] {
        let tsv = fs::read_to_string(format!("tests/expected/{stem}.indicators.tsv")).unwrap();
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let doc = golden(stem);
        let got = doc["indicators"].as_array().unwrap();
        let expected: Vec<BTreeMap<&str, Option<String>>> = lines
            .filter(|l| !l.is_empty())
            .map(|l| {
                header
                    .iter()
                    .zip(l.split('\t').chain(std::iter::repeat("")))
                    .map(|(k, v)| (*k, (!v.is_empty()).then(|| v.to_string())))
                    .collect()
            })
            .collect();
        assert_eq!(got.len(), expected.len(), "{stem}: indicator count");
        for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
            let hist = |k: usize| g["history"].get(k).and_then(opt);
            let actual: BTreeMap<&str, Option<String>> = [
                ("table", opt(&g["table"])),
                ("level1", opt(&g["level1"])),
                ("level2", opt(&g["level2"])),
                ("level3", opt(&g["level3"])),
                ("target", opt(&g["target"])),
                ("history_1", hist(0)),
                ("history_2", hist(1)),
                ("basis", opt(&g["basis"])),
                ("category", opt(&g["category"])),
            ]
            .into_iter()
            .collect();
            assert_eq!(&actual, e, "{stem}: indicator row {}", i + 1);
        }
    }
}

#[test]
fn golden_sections_match_hand_written_expectations() {
    for stem in [
        "ezhou-data-bureau-2026",
        "huangshi-transport-bureau-2025",
        "xiaogan-health-commission-2026",
    ] {
        let path = format!("tests/expected/{stem}.summary.json");
        let want: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        let doc = golden(stem);
        common::assert_summary_fields(&doc, &want, stem);
        let rows = doc["funding"]["rows"].as_array().unwrap();
        let want_rows = want["funding"].as_array().unwrap();
        assert_eq!(rows.len(), want_rows.len(), "{stem}: funding rows");
        for (g, w) in rows.iter().zip(want_rows) {
            let d = pifu::diff::diff_values(g, w, &Ignore::default());
            assert!(d.is_empty(), "{stem}: funding row {g}: {d:?}");
        }
    }
}

#[test]
fn seed_counts() {
    let d = golden("ezhou-data-bureau-2026");
    let count = |k: &str| d[k].as_array().unwrap().len();
    let table = |t: &str| {
        d["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["table"] == t)
            .count()
    };
    assert_eq!((table("long_term"), table("annual")), (38, 38));
    assert_eq!(d["funding"]["rows"].as_array().unwrap().len(), 8);
    assert_eq!(
        (
            count("functions"),
            count("annual_tasks"),
            count("long_term_goals"),
            count("annual_goals")
        ),
        (13, 3, 4, 4)
    );
}
