//! Field-level comparison of JSON documents, for regression tests against
//! golden outputs: `indicators[3].target: "100%" != "≥100%"`.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One difference, located by a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    Changed {
        path: String,
        actual: String,
        expected: String,
    },
    /// Present in the expected side only.
    Missing { path: String },
    /// Present in the actual side only.
    Extra { path: String },
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Changed {
                path,
                actual,
                expected,
            } => write!(f, "{path}: {actual} (expected {expected})"),
            Difference::Missing { path } => write!(f, "{path}: missing (only in expected)"),
            Difference::Extra { path } => write!(f, "{path}: unexpected (only in actual)"),
        }
    }
}

/// Paths left out of a comparison: `doc_id`, `source`, `indicators[].page`
/// (`[]` stands for any index).
#[derive(Debug, Clone, Default)]
pub struct Ignore {
    patterns: Vec<String>,
}

impl Ignore {
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(patterns: I) -> Self {
        Ignore {
            patterns: patterns.into_iter().map(Into::into).collect(),
        }
    }

    fn matches(&self, path: &str) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let generic = generic_path(path);
        self.patterns.contains(&generic)
    }
}

/// `indicators[3].page` → `indicators[].page`.
fn generic_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        let mut t: String = s.chars().take(77).collect();
        t.push_str("...");
        t
    } else {
        s
    }
}

/// The differences between two JSON values.
pub fn diff_values(actual: &Value, expected: &Value, ignore: &Ignore) -> Vec<Difference> {
    let mut out = Vec::new();
    walk(actual, expected, "", ignore, &mut out);
    out
}

fn walk(a: &Value, e: &Value, path: &str, ignore: &Ignore, out: &mut Vec<Difference>) {
    if ignore.matches(path) {
        return;
    }
    match (a, e) {
        (Value::Object(ma), Value::Object(me)) => {
            let keys: BTreeSet<&String> = ma.keys().chain(me.keys()).collect();
            for k in keys {
                let p = join(path, k);
                if ignore.matches(&p) {
                    continue;
                }
                match (ma.get(k), me.get(k)) {
                    (Some(va), Some(ve)) => walk(va, ve, &p, ignore, out),
                    (None, Some(_)) => out.push(Difference::Missing { path: p }),
                    (Some(_), None) => out.push(Difference::Extra { path: p }),
                    (None, None) => {}
                }
            }
        }
        (Value::Array(va), Value::Array(ve)) => {
            for i in 0..va.len().max(ve.len()) {
                let p = format!("{path}[{i}]");
                if ignore.matches(&p) {
                    continue;
                }
                match (va.get(i), ve.get(i)) {
                    (Some(x), Some(y)) => walk(x, y, &p, ignore, out),
                    (None, Some(_)) => out.push(Difference::Missing { path: p }),
                    (Some(_), None) => out.push(Difference::Extra { path: p }),
                    (None, None) => {}
                }
            }
        }
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => {}
        _ if a == e => {}
        _ => out.push(Difference::Changed {
            path: if path.is_empty() {
                "(document)".to_string()
            } else {
                path.to_string()
            },
            actual: short(a),
            expected: short(e),
        }),
    }
}

/// Differences found for one pair of files (or a file on one side only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    pub name: String,
    pub problem: Option<String>,
    pub differences: Vec<Difference>,
}

impl FileReport {
    pub fn is_same(&self) -> bool {
        self.problem.is_none() && self.differences.is_empty()
    }
}

fn read_json(p: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", p.display()))
}

pub fn diff_files(actual: &Path, expected: &Path, ignore: &Ignore) -> FileReport {
    let name = expected.display().to_string();
    match (read_json(actual), read_json(expected)) {
        (Ok(a), Ok(e)) => FileReport {
            name,
            problem: None,
            differences: diff_values(&a, &e, ignore),
        },
        (Err(p), _) | (_, Err(p)) => FileReport {
            name,
            problem: Some(p),
            differences: Vec::new(),
        },
    }
}

fn json_files(root: &Path) -> BTreeSet<PathBuf> {
    fn go(dir: &Path, root: &Path, out: &mut BTreeSet<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
                go(&p, root, out);
            } else if p.extension().is_some_and(|x| x == "json") {
                if let Ok(rel) = p.strip_prefix(root) {
                    out.insert(rel.to_path_buf());
                }
            }
        }
    }
    let mut out = BTreeSet::new();
    go(root, root, &mut out);
    out
}

/// Compares two files, or two directories of `.json` files matched by
/// relative path. Only reports that differ are returned.
pub fn diff_paths(actual: &Path, expected: &Path, ignore: &Ignore) -> Vec<FileReport> {
    if !(actual.is_dir() && expected.is_dir()) {
        let r = diff_files(actual, expected, ignore);
        return if r.is_same() { Vec::new() } else { vec![r] };
    }
    let a = json_files(actual);
    let e = json_files(expected);
    let mut out = Vec::new();
    for rel in a.union(&e) {
        let report = match (a.contains(rel), e.contains(rel)) {
            (true, true) => diff_files(&actual.join(rel), &expected.join(rel), ignore),
            (false, _) => FileReport {
                name: rel.display().to_string(),
                problem: Some(format!("missing from {}", actual.display())),
                differences: Vec::new(),
            },
            (true, false) => FileReport {
                name: rel.display().to_string(),
                problem: Some(format!("not in {}", expected.display())),
                differences: Vec::new(),
            },
        };
        if !report.is_same() {
            out.push(report);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_changed_missing_and_extra_fields() {
        let a = json!({"x": 1, "list": [{"t": "100%"}, {"t": "a"}], "extra": true});
        let e = json!({"x": 1.0, "list": [{"t": "≥100%"}], "gone": null});
        let d = diff_values(&a, &e, &Ignore::default());
        let text: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            vec![
                "extra: unexpected (only in actual)",
                "gone: missing (only in expected)",
                "list[0].t: \"100%\" (expected \"≥100%\")",
                "list[1]: unexpected (only in actual)",
            ]
        );
    }

    #[test]
    fn ignored_paths() {
        let a = json!({"doc_id": "a", "indicators": [{"page": 1, "v": 1}]});
        let e = json!({"doc_id": "b", "indicators": [{"page": 2, "v": 1}]});
        assert!(diff_values(&a, &e, &Ignore::new(["doc_id", "indicators[].page"])).is_empty());
        assert_eq!(diff_values(&a, &e, &Ignore::default()).len(), 2);
    }
}
