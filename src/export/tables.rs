//! The CSV tables of the specification (§3): one record per document,
//! indicator, funding row, list item and warning. Each `*_records` function
//! is pure; [`CsvTables`] streams them to files.

use std::io::{self, Write};
use std::path::Path;

use crate::model::Document;

use super::atomic::AtomicFile;
use super::render::{csv_chunks, csv_text, CsvChunks};

pub const DOCUMENTS_HEADER: &[&str] = &[
    "doc_id",
    "path",
    "sha256",
    "format",
    "encoding",
    "pages",
    "part",
    "parts",
    "sheet",
    "kind",
    "year",
    "department",
    "department_code",
    "title",
    "project_name",
    "long_term_deadline",
    "indicators",
    "warnings",
    "status",
    "error",
    "duplicate_of",
];

pub const INDICATORS_HEADER: &[&str] = &[
    "doc_id",
    "department",
    "year",
    "table",
    "seq",
    "level1",
    "level2",
    "level3",
    "target",
    "target_op",
    "target_value",
    "target_unit",
    "history_1_year",
    "history_1_value",
    "history_2_year",
    "history_2_value",
    "basis",
    "category",
    "page",
    "unit",
    "weight",
    "direction",
    "explanation",
    "scoring",
    "remark",
    "extra",
];

pub const FUNDING_HEADER: &[&str] = &[
    "doc_id",
    "department",
    "year",
    "unit",
    "section",
    "seq",
    "item",
    "current",
    "share_pct",
    "history_1_year",
    "history_1_amount",
    "history_2_year",
    "history_2_amount",
    "note",
];

pub const ITEMS_HEADER: &[&str] = &["doc_id", "section", "seq", "text"];

pub const PROJECTS_HEADER: &[&str] = &[
    "doc_id",
    "department",
    "year",
    "name",
    "code",
    "implementer",
    "category",
    "nature",
    "period",
];

pub const WARNINGS_HEADER: &[&str] = &["doc_id", "code", "table", "seq", "page", "message"];

/// A record is a list of fields; `None` is an empty field.
pub type Record = Vec<Option<String>>;

/// The shortest decimal that reads back to the same value: `593`, `1647.19`.
pub fn number(v: f64) -> String {
    format!("{v}")
}

fn s(v: &Option<String>) -> Option<String> {
    v.clone()
}

fn n<T: ToString>(v: Option<T>) -> Option<String> {
    v.map(|x| x.to_string())
}

fn f(v: Option<f64>) -> Option<String> {
    v.map(number)
}

pub fn document_record(d: &Document) -> Record {
    vec![
        s(&d.doc_id),
        Some(d.source.path.clone()),
        s(&d.source.sha256),
        Some(d.source.format.as_str().to_string()),
        s(&d.source.encoding),
        n(d.source.pages),
        n(d.source.part),
        Some(d.source.parts.to_string()),
        s(&d.source.sheet),
        d.kind.map(|k| k.as_str().to_string()),
        n(d.year),
        s(&d.department),
        s(&d.department_code),
        s(&d.title),
        d.project.as_ref().and_then(|p| p.name.clone()),
        n(d.long_term_deadline),
        Some(d.indicators.len().to_string()),
        Some(d.warnings.len().to_string()),
        Some(d.status.as_str().to_string()),
        s(&d.error),
        s(&d.duplicate_of),
    ]
}

fn history_year(d: &Document, i: usize) -> Option<String> {
    n(d.history_years.get(i).copied())
}

pub fn indicator_records(d: &Document) -> Vec<Record> {
    let mut seq = [0u32; 2];
    d.indicators
        .iter()
        .map(|ind| {
            let k = ind.table as usize;
            seq[k] += 1;
            // history_1/2: the two latest history columns, older first.
            let skip = ind.history.len().saturating_sub(2);
            let year_skip = d.history_years.len().saturating_sub(2);
            let has = |i: usize| ind.history.len() > i;
            let hist = |i: usize| ind.history.get(skip + i).cloned().flatten();
            let year = |i: usize| {
                if has(skip + i) {
                    history_year(d, year_skip + i)
                } else {
                    None
                }
            };
            let p = ind.target_parsed.as_ref();
            vec![
                s(&d.doc_id),
                s(&d.department),
                n(d.year),
                Some(ind.table.as_str().to_string()),
                Some(seq[k].to_string()),
                s(&ind.level1),
                s(&ind.level2),
                s(&ind.level3),
                s(&ind.target),
                p.map(|p| p.op.as_str().to_string()),
                p.map(|p| number(p.value)),
                p.and_then(|p| p.unit.clone()),
                year(0),
                hist(0),
                year(1),
                hist(1),
                s(&ind.basis),
                s(&ind.category),
                n(ind.page),
                s(&ind.unit),
                f(ind.weight),
                s(&ind.direction),
                s(&ind.explanation),
                s(&ind.scoring),
                s(&ind.remark),
                (!ind.extra.is_empty())
                    .then(|| serde_json::to_string(&ind.extra).unwrap_or_default()),
            ]
        })
        .collect()
}

pub fn funding_records(d: &Document) -> Vec<Record> {
    let Some(funding) = &d.funding else {
        return Vec::new();
    };
    let mut seq = [0u32; 4];
    let ys = d.history_years.len().saturating_sub(2);
    funding
        .rows
        .iter()
        .map(|r| {
            let k = r.section as usize;
            seq[k] += 1;
            let skip = r.history.len().saturating_sub(2);
            let hist = |i: usize| f(r.history.get(skip + i).copied().flatten());
            vec![
                s(&d.doc_id),
                s(&d.department),
                n(d.year),
                s(&funding.unit),
                Some(r.section.as_str().to_string()),
                Some(seq[k].to_string()),
                s(&r.item),
                f(r.current),
                f(r.share_pct),
                history_year(d, ys),
                hist(0),
                history_year(d, ys + 1),
                hist(1),
                s(&r.note),
            ]
        })
        .collect()
}

/// One row per project document.
pub fn project_records(d: &Document) -> Vec<Record> {
    d.project
        .iter()
        .map(|p| {
            vec![
                s(&d.doc_id),
                s(&d.department),
                n(d.year),
                s(&p.name),
                s(&p.code),
                s(&p.implementer),
                s(&p.category),
                s(&p.nature),
                s(&p.period),
            ]
        })
        .collect()
}

pub fn item_records(d: &Document) -> Vec<Record> {
    let sections: [(&str, &Vec<String>); 4] = [
        ("functions", &d.functions),
        ("annual_tasks", &d.annual_tasks),
        ("long_term_goals", &d.long_term_goals),
        ("annual_goals", &d.annual_goals),
    ];
    sections
        .iter()
        .flat_map(|(name, items)| {
            items.iter().enumerate().map(move |(i, text)| {
                vec![
                    s(&d.doc_id),
                    Some(name.to_string()),
                    Some((i + 1).to_string()),
                    Some(text.clone()),
                ]
            })
        })
        .collect()
}

pub fn warning_records(d: &Document) -> Vec<Record> {
    d.warnings
        .iter()
        .map(|w| {
            vec![
                s(&d.doc_id),
                Some(w.code.clone()),
                s(&w.table),
                n(w.seq),
                n(w.page),
                Some(w.message.clone()),
            ]
        })
        .collect()
}

struct Table {
    file: AtomicFile,
}

impl Table {
    fn create(dir: &Path, tmp: &Path, name: &str, header: &[&str], bom: bool) -> io::Result<Table> {
        let mut file = AtomicFile::create_in(&dir.join(name), tmp)?;
        if bom {
            file.write_all("\u{feff}".as_bytes())?;
        }
        let header: Record = header.iter().map(|h| Some(h.to_string())).collect();
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
            documents: Table::create(dir, tmp, "documents.csv", DOCUMENTS_HEADER, bom)?,
            indicators: Table::create(dir, tmp, "indicators.csv", INDICATORS_HEADER, bom)?,
            funding: Table::create(dir, tmp, "funding.csv", FUNDING_HEADER, bom)?,
            items: Table::create(dir, tmp, "items.csv", ITEMS_HEADER, bom)?,
            warnings: Table::create(dir, tmp, "warnings.csv", WARNINGS_HEADER, bom)?,
            projects: Table::create(dir, tmp, "projects.csv", PROJECTS_HEADER, bom)?,
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

    fn to_csv(records: &[Record]) -> String {
        String::from_utf8(csv_text(records)).unwrap()
    }

    #[test]
    fn quoting_follows_rfc4180() {
        let rec = vec![vec![
            Some("a,b".to_string()),
            Some("say \"hi\"".to_string()),
            Some("two\nlines".to_string()),
            None,
            Some("≥95%".to_string()),
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
