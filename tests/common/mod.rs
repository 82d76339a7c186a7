//! Helpers shared by the integration tests. (Each test crate uses some.)
#![allow(dead_code)]

use std::fs;
use std::path::PathBuf;

use pifu::diff::{diff_values, Ignore};
use serde_json::Value;

/// The fields of a department document that an expectation written from
/// a content model states.
pub const DOCUMENT_FIELDS: &[&str] = &[
    "title",
    "year",
    "kind",
    "department",
    "department_code",
    "history_years",
    "long_term_deadline",
    "funding",
    "functions",
    "annual_tasks",
    "long_term_goals",
    "annual_goals",
    "columns",
    "indicators",
];

/// The distinct warning codes of a document, sorted.
pub fn warning_codes(doc: &Value) -> Vec<String> {
    let mut codes: Vec<String> = doc["warnings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|w| w["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    codes.sort();
    codes.dedup();
    codes
}

/// The differences of `fields` of a document from an expectation, one line
/// each, prefixed with `label`.
pub fn field_differences(doc: &Value, want: &Value, fields: &[&str], label: &str) -> Vec<String> {
    let mut out = Vec::new();
    for key in fields {
        for d in diff_values(&doc[*key], &want[*key], &Ignore::default()) {
            out.push(format!("{label}: {key}{d}"));
        }
    }
    out
}

/// A line when the document's warning codes are not the expected ones.
pub fn warning_code_difference(doc: &Value, want: &Value, label: &str) -> Option<String> {
    let codes = warning_codes(doc);
    let want_codes: Vec<String> = want["warning_codes"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    (codes != want_codes).then(|| {
        format!(
            "{label}: warning codes {codes:?}, expected {want_codes:?}: {}",
            doc["warnings"]
        )
    })
}

/// The document-level fields of an expectation (`*.summary.json`, written
/// independently of pifu) equal the document's.
pub fn assert_summary_fields(doc: &Value, want: &Value, stem: &str) {
    for key in [
        "title",
        "year",
        "department",
        "history_years",
        "long_term_deadline",
        "functions",
        "annual_tasks",
        "long_term_goals",
        "annual_goals",
    ] {
        assert_eq!(doc[key], want[key], "{stem}: {key}");
    }
    assert_eq!(doc["funding"]["unit"], want["unit"], "{stem}: unit");
}

/// The `.json` files of a directory of expectations, sorted.
pub fn expectation_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// Fails with every difference listed, if there are any.
pub fn assert_no_differences(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// An indicator's value under a column of an expected-indicators TSV:
/// `history_N` is its N-th history value, `page` its page as text, any
/// other column the field of that name.
pub fn indicator_cell(ind: &Value, key: &str) -> Value {
    match key {
        "history_1" => ind["history"].get(0).cloned().unwrap_or(Value::Null),
        "history_2" => ind["history"].get(1).cloned().unwrap_or(Value::Null),
        "page" => ind["page"]
            .as_u64()
            .map_or(Value::Null, |p| p.to_string().into()),
        k => ind[k].clone(),
    }
}

/// A TSV cell as expected: an empty cell is null.
pub fn expected_cell(text: &str) -> Value {
    if text.is_empty() {
        Value::Null
    } else {
        Value::from(text)
    }
}
