//! Helpers shared by the integration tests. (Each test crate uses some.)
#![allow(dead_code)]

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
