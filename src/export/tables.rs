//! The CSV tables of the specification (§4), written as the schema
//! ([`super::schema`]) defines them: one record per document, indicator,
//! funding row, list item, warning and project. [`csv_chunks`] renders a
//! document's records; [`CsvTables`] streams them to files.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

use crate::model::Document;

use super::atomic::AtomicFile;
use super::schema::{self, Row, Value};

/// The CSV records of one document, one run of CRLF-terminated UTF-8
/// records per table, in the order of [`schema::TABLES`] (documents,
/// indicators, funding, items, warnings, projects).
pub type CsvChunks = [Vec<u8>; 6];

/// The shortest decimal that reads back to the same value: `593`, `1647.19`.
pub fn number(v: f64) -> String {
    format!("{v}")
}

/// A value as CSV text; `Null` is an empty field.
pub fn field<'v>(v: &'v Value<'_>) -> Cow<'v, str> {
    match v {
        Value::Null => "".into(),
        Value::Int(n) => n.to_string().into(),
        Value::Float(x) => number(*x).into(),
        Value::Text(s) => s.as_ref().into(),
        Value::Bool(b) => (if *b { "true" } else { "false" }).into(),
    }
}

/// Rows as CSV (RFC 4180 quoting, CRLF line ends).
pub fn csv_text(rows: &[Row]) -> Vec<u8> {
    // The writer's own buffer (8 KiB, zeroed, by default) only batches
    // writes into the Vec.
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .buffer_capacity(256)
        .from_writer(Vec::with_capacity(rows.len() * 128));
    for r in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(r.iter().map(|v| match field(v) {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        }));
    }
    w.into_inner().unwrap_or_default()
}

/// Every table's records of `d`.
pub fn csv_chunks(d: &Document) -> CsvChunks {
    schema::rows(d).map(|rows| csv_text(&rows))
}

struct Table {
    file: AtomicFile,
}

impl Table {
    fn create(dir: &Path, tmp: &Path, table: &schema::Table, bom: bool) -> io::Result<Table> {
        let name = format!("{}.csv", table.name);
        let mut file = AtomicFile::create_in(&dir.join(name), tmp)?;
        if bom {
            file.write_all("\u{feff}".as_bytes())?;
        }
        let header: Row = table.header().map(|h| Value::Text(h.into())).collect();
        file.write_all(&csv_text(&[header]))?;
        Ok(Table { file })
    }

    fn write(&mut self, records: &[u8]) -> io::Result<()> {
        self.file.write_all(records)
    }

    fn commit(self) -> io::Result<()> {
        self.file.commit()
    }
}

/// The five CSV files, written as documents arrive and renamed into place by
/// [`CsvTables::commit`].
pub struct CsvTables {
    documents: Table,
    indicators: Table,
    funding: Table,
    items: Table,
    warnings: Table,
    projects: Table,
}

impl CsvTables {
    /// The tables in `dir`, written through `tmp` until committed.
    pub fn create(dir: &Path, tmp: &Path, bom: bool) -> io::Result<Self> {
        Ok(CsvTables {
            documents: Table::create(dir, tmp, &schema::DOCUMENTS, bom)?,
            indicators: Table::create(dir, tmp, &schema::INDICATORS, bom)?,
            funding: Table::create(dir, tmp, &schema::FUNDING, bom)?,
            items: Table::create(dir, tmp, &schema::ITEMS, bom)?,
            warnings: Table::create(dir, tmp, &schema::WARNINGS, bom)?,
            projects: Table::create(dir, tmp, &schema::PROJECTS, bom)?,
        })
    }

    pub fn write(&mut self, d: &Document) -> io::Result<()> {
        self.write_chunks(&csv_chunks(d))
    }

    /// Appends one document's records, rendered by [`csv_chunks`].
    pub fn write_chunks(&mut self, chunks: &CsvChunks) -> io::Result<()> {
        let [documents, indicators, funding, items, warnings, projects] = chunks;
        self.documents.write(documents)?;
        self.indicators.write(indicators)?;
        self.funding.write(funding)?;
        self.items.write(items)?;
        self.warnings.write(warnings)?;
        self.projects.write(projects)
    }

    pub fn commit(self) -> io::Result<()> {
        self.documents.commit()?;
        self.indicators.commit()?;
        self.funding.commit()?;
        self.items.commit()?;
        self.warnings.commit()?;
        self.projects.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_csv(rows: &[Row]) -> String {
        String::from_utf8(csv_text(rows)).unwrap()
    }

    #[test]
    fn quoting_follows_rfc4180() {
        let text = |s: &'static str| Value::Text(s.into());
        let rec = vec![vec![
            text("a,b"),
            text("say \"hi\""),
            text("two\nlines"),
            Value::Null,
            text("≥95%"),
        ]];
        assert_eq!(
            to_csv(&rec),
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,≥95%\r\n"
        );
    }

    #[test]
    fn numbers_are_shortest() {
        assert_eq!(number(593.0), "593");
        assert_eq!(number(1647.19), "1647.19");
        assert_eq!(number(35.8), "35.8");
        assert_eq!(number(0.0), "0");
    }
}
