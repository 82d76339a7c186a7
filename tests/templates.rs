//! The template corpus (samples/templates): department approvals in other
//! bureaus' table templates, as text dumps and PDFs, each read against an
//! expectation written from the generator's content model
//! (tests/expected/templates/<file>.json), field by field.

use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;

fn convert(path: &Path) -> Value {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let bytes = fs::read(path).unwrap();
    let doc = pifu::convert::convert_bytes(name, &bytes, name.ends_with(".pdf"));
    serde_json::to_value(&doc).unwrap()
}

/// Differences of one sample from its expectation, as lines.
fn check(expectation: &Path) -> Vec<String> {
    let want: Value = serde_json::from_str(&fs::read_to_string(expectation).unwrap()).unwrap();
    let file = expectation
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".json"))
        .unwrap();
    let doc = convert(&Path::new("samples/templates").join(file));
    let mut out = Vec::new();
    if doc["status"] != "ok" {
        out.push(format!(
            "{file}: status {} ({})",
            doc["status"], doc["error"]
        ));
    }
    out.extend(common::field_differences(
        &doc,
        &want,
        common::DOCUMENT_FIELDS,
        file,
    ));
    out.extend(common::warning_code_difference(&doc, &want, file));
    out
}

#[test]
fn every_template_sample_matches_its_expectation() {
    let files = common::expectation_files("tests/expected/templates");
    assert!(files.len() >= 21, "{} expectations", files.len());
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    common::assert_no_differences(&problems);
}

/// The four seed variants read exactly: every row as the seed's template
/// would give it, no shifted rows, no warnings for columns they lack.
#[test]
fn seed_variants_read_without_guesses() {
    for stem in [
        "s-reordered-jingmen-market-regulation-bureau-2026",
        "s-nocategory-huanggang-civil-affairs-bureau-2026",
        "s-remark-yichang-justice-bureau-2026",
        "s-weight-shiyan-hrss-bureau-2026",
    ] {
        for producer in ["chromium.pdf", "txt"] {
            let file = format!("{stem}.{producer}");
            let doc = convert(&Path::new("samples/templates").join(&file));
            let codes: Vec<&str> = doc["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|w| w["code"].as_str())
                .filter(|c| {
                    *c != "shifted_cells" || producer != "txt" || !stem.contains("nocategory")
                })
                .collect();
            assert!(
                !codes.contains(&"missing_cell") && !codes.contains(&"unmapped_columns"),
                "{file}: {codes:?}"
            );
        }
    }
}
