//! Helpers shared by the integration tests.

use serde_json::Value;

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
