//! The project corpus (samples/projects): 项目支出 approvals in six
//! templates, a flat table of five projects and files holding several
//! approvals, each read against the documents written from the generator's
//! content model (tests/expected/projects/<file>.json), field by field and
//! in file order.

use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;

const FIELDS: &[&str] = &[
    "kind",
    "title",
    "year",
    "department",
    "department_code",
    "project",
    "history_years",
    "funding",
    "functions",
    "annual_tasks",
    "long_term_deadline",
    "long_term_goals",
    "annual_goals",
    "columns",
    "indicators",
];

/// The documents pifu makes of a file, as JSON.
fn convert(path: &Path) -> Vec<Value> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let bytes = fs::read(path).unwrap();
    pifu::convert::convert_bytes_all(name, &bytes, name.ends_with(".pdf"))
        .iter()
        .map(|d| serde_json::to_value(d).unwrap())
        .collect()
}

/// Differences of one file's documents from its expectation, as lines.
pub fn check(expectation: &Path) -> Vec<String> {
    let want: Value = serde_json::from_str(&fs::read_to_string(expectation).unwrap()).unwrap();
    let file = expectation
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
        .unwrap();
    let docs = convert(&Path::new("samples/projects").join(file));
    let wanted = want["documents"].as_array().unwrap();
    let mut out = Vec::new();
    if docs.len() != wanted.len() {
        out.push(format!(
            "{file}: {} documents, expected {}",
            docs.len(),
            wanted.len()
        ));
    }
    for (n, (doc, w)) in docs.iter().zip(wanted).enumerate() {
        if doc["status"] != "ok" {
            out.push(format!(
                "{file}#{}: status {} ({})",
                n + 1,
                doc["status"],
                doc["error"]
            ));
        }
        let label = format!("{file}#{}", n + 1);
        out.extend(common::field_differences(doc, w, FIELDS, &label));
        for (key, path) in [
            ("source_part", "part"),
            ("source_sheet", "sheet"),
            ("page_range", "page_range"),
        ] {
            if doc["source"][path] != w[key] {
                out.push(format!(
                    "{file}#{}: source.{path} {} (expected {})",
                    n + 1,
                    doc["source"][path],
                    w[key]
                ));
            }
        }
        out.extend(common::warning_code_difference(doc, w, &label));
    }
    out
}

#[test]
fn every_project_sample_matches_its_expectation() {
    let files = common::expectation_files("tests/expected/projects");
    assert!(files.len() >= 13, "{} expectations", files.len());
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    common::assert_no_differences(&problems);
}
