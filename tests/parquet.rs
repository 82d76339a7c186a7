//! `--format parquet`: typed tables that hold the same rows and values as
//! the CSV tables.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use parquet::basic::Type as PhysicalType;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use pifu::export::schema::{Kind, TABLES};

const SEED: &str = "samples/ezhou-data-bureau-2026.txt";

fn pifu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pifu"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|x| x.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// A Parquet value as pifu writes it in CSV.
fn as_csv(f: &Field) -> String {
    match f {
        Field::Null => String::new(),
        Field::Long(n) => n.to_string(),
        Field::Double(x) => format!("{x}"),
        Field::Str(s) => s.clone(),
        Field::Bool(b) => b.to_string(),
        other => panic!("unexpected Parquet value {other:?}"),
    }
}

#[test]
fn parquet_needs_an_output_directory() {
    for args in [
        &["convert", SEED, "-o", "-", "--format", "parquet"][..],
        &["convert", SEED, "--format", "jsonl,parquet"][..],
    ] {
        let out = pifu(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("parquet") && err.contains("-o"), "{err}");
    }
}

#[test]
fn parquet_tables_are_typed_and_match_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = out_dir.to_str().unwrap();
    let run = pifu(&[
        "convert",
        SEED,
        "samples/projects",
        "samples/xlsx",
        "-o",
        out,
        "--format",
        "csv,parquet",
        "--quiet",
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!out_dir.join("json").exists() && !out_dir.join("documents.jsonl").exists());
    for table in TABLES {
        let (header, csv) = csv_rows(&out_dir.join(format!("{}.csv", table.name)));
        assert!(!csv.is_empty(), "{}: no rows to compare", table.name);
        let file = fs::File::open(out_dir.join(format!("{}.parquet", table.name))).unwrap();
        let reader = SerializedFileReader::new(file).unwrap();
        let schema = reader.metadata().file_metadata().schema_descr();
        let names: Vec<_> = schema.columns().iter().map(|c| c.name()).collect();
        assert_eq!(names, header, "{}", table.name);
        for (col, want) in schema.columns().iter().zip(table.columns) {
            let physical = match want.kind {
                Kind::Int => PhysicalType::INT64,
                Kind::Float => PhysicalType::DOUBLE,
                Kind::Text => PhysicalType::BYTE_ARRAY,
                Kind::Bool => PhysicalType::BOOLEAN,
            };
            assert_eq!(
                col.physical_type(),
                physical,
                "{}.{}",
                table.name,
                want.name
            );
        }
        let rows: Vec<Vec<String>> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| {
                r.unwrap()
                    .get_column_iter()
                    .map(|(_, f)| as_csv(f))
                    .collect()
            })
            .collect();
        assert_eq!(rows.len(), csv.len(), "{}", table.name);
        for (k, (p, c)) in rows.iter().zip(&csv).enumerate() {
            assert_eq!(p, c, "{} row {}", table.name, k + 1);
        }
    }
}

#[test]
fn parquet_alone_writes_only_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let run = pifu(&[
        "convert",
        SEED,
        "-o",
        out_dir.to_str().unwrap(),
        "--format",
        "parquet",
        "--quiet",
    ]);
    assert_eq!(run.status.code(), Some(0));
    let mut names: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut want: Vec<String> = TABLES
        .iter()
        .map(|t| format!("{}.parquet", t.name))
        .collect();
    want.sort();
    assert_eq!(names, want);
}

/// docs/TABLES.md lists every column of every table with its type, in
/// order; the warehouse check declares the CSV types from it.
#[test]
fn tables_doc_matches_the_schema() {
    let doc = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/TABLES.md")).unwrap();
    for table in TABLES {
        let heading = format!("### {}\n", table.name);
        let start = doc
            .find(&heading)
            .unwrap_or_else(|| panic!("docs/TABLES.md: no section {heading:?}"));
        let rest = &doc[start + heading.len()..];
        let section = &rest[..rest.find("\n#").unwrap_or(rest.len())];
        let listed: Vec<(String, String)> = section
            .lines()
            .filter_map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                Some((name.to_string(), cells.get(2)?.to_string()))
            })
            .collect();
        let want: Vec<(String, String)> = table
            .columns
            .iter()
            .map(|c| (c.name.to_string(), c.kind.sql().to_string()))
            .collect();
        assert_eq!(listed, want, "docs/TABLES.md, table {}", table.name);
    }
}
