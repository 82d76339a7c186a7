//! The tables of the specification (§4): the one definition of each table's
//! columns and their types, and the functions that give a document's rows
//! as typed values. The CSV writer ([`super::tables`]) formats these values
//! as text; the Parquet writer ([`super::parquet`]) stores them typed.

use std::borrow::Cow;

use crate::model::Document;

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number (years, pages, counts, sequence numbers).
    Int,
    /// A number that may have a fraction (amounts, targets, weights).
    Float,
    /// UTF-8 text.
    Text,
    /// `true` / `false`.
    Bool,
}

impl Kind {
    /// The SQL type a warehouse declares for it.
    pub fn sql(self) -> &'static str {
        match self {
            Kind::Int => "BIGINT",
            Kind::Float => "DOUBLE",
            Kind::Text => "VARCHAR",
            Kind::Bool => "BOOLEAN",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
}

/// One table: its file stem (`indicators` for `indicators.csv` and
/// `indicators.parquet`) and its columns, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Table {
    pub name: &'static str,
    pub columns: &'static [Column],
}

impl Table {
    pub fn header(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.columns.iter().map(|c| c.name)
    }
}

/// A field's value; `Null` is an empty field.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Float(f64),
    Text(Cow<'a, str>),
    Bool(bool),
}

/// One row: a value per column of its table.
pub type Row<'a> = Vec<Value<'a>>;

const fn int(name: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Int,
    }
}

const fn float(name: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Float,
    }
}

const fn text(name: &'static str) -> Column {
    Column {
        name,
        kind: Kind::Text,
    }
}

pub const DOCUMENTS: Table = Table {
    name: "documents",
    columns: &[
        text("doc_id"),
        text("path"),
        text("sha256"),
        text("format"),
        text("encoding"),
        int("pages"),
        int("part"),
        int("parts"),
        text("sheet"),
        text("kind"),
        int("year"),
        text("department"),
        text("department_code"),
        text("title"),
        text("project_name"),
        int("long_term_deadline"),
        int("indicators"),
        int("warnings"),
        text("status"),
        text("error"),
        text("duplicate_of"),
    ],
};

pub const INDICATORS: Table = Table {
    name: "indicators",
    columns: &[
        text("doc_id"),
        text("department"),
        int("year"),
        text("table"),
        int("seq"),
        text("level1"),
        text("level2"),
        text("level3"),
        text("target"),
        text("target_op"),
        float("target_value"),
        text("target_unit"),
        int("history_1_year"),
        text("history_1_value"),
        int("history_2_year"),
        text("history_2_value"),
        text("basis"),
        text("category"),
        int("page"),
        text("unit"),
        float("weight"),
        text("direction"),
        text("explanation"),
        text("scoring"),
        text("remark"),
        text("extra"),
    ],
};

pub const FUNDING: Table = Table {
    name: "funding",
    columns: &[
        text("doc_id"),
        text("department"),
        int("year"),
        text("unit"),
        text("section"),
        int("seq"),
        text("item"),
        float("current"),
        float("share_pct"),
        int("history_1_year"),
        float("history_1_amount"),
        int("history_2_year"),
        float("history_2_amount"),
        text("note"),
    ],
};

pub const ITEMS: Table = Table {
    name: "items",
    columns: &[text("doc_id"), text("section"), int("seq"), text("text")],
};

pub const WARNINGS: Table = Table {
    name: "warnings",
    columns: &[
        text("doc_id"),
        text("code"),
        text("table"),
        int("seq"),
        int("page"),
        text("message"),
    ],
};

pub const PROJECTS: Table = Table {
    name: "projects",
    columns: &[
        text("doc_id"),
        text("department"),
        int("year"),
        text("name"),
        text("code"),
        text("implementer"),
        text("category"),
        text("nature"),
        text("period"),
    ],
};

/// Every table, in the order of [`rows`].
pub const TABLES: [&Table; 6] = [
    &DOCUMENTS,
    &INDICATORS,
    &FUNDING,
    &ITEMS,
    &WARNINGS,
    &PROJECTS,
];

fn s(v: &Option<String>) -> Value<'_> {
    v.as_deref().map_or(Value::Null, |t| Value::Text(t.into()))
}

fn t(v: &str) -> Value<'_> {
    Value::Text(v.into())
}

fn i<T: Into<i64>>(v: Option<T>) -> Value<'static> {
    v.map_or(Value::Null, |x| Value::Int(x.into()))
}

fn count(n: usize) -> Value<'static> {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn f(v: Option<f64>) -> Value<'static> {
    v.map_or(Value::Null, Value::Float)
}

/// The row of `d` in `documents`.
pub fn document_row(d: &Document) -> Row<'_> {
    vec![
        s(&d.doc_id),
        t(&d.source.path),
        s(&d.source.sha256),
        t(d.source.format.as_str()),
        s(&d.source.encoding),
        i(d.source.pages),
        i(d.source.part),
        i(Some(d.source.parts)),
        s(&d.source.sheet),
        d.kind.map_or(Value::Null, |k| t(k.as_str())),
        i(d.year),
        s(&d.department),
        s(&d.department_code),
        s(&d.title),
        d.project.as_ref().map_or(Value::Null, |p| s(&p.name)),
        i(d.long_term_deadline),
        count(d.indicators.len()),
        count(d.warnings.len()),
        t(d.status.as_str()),
        s(&d.error),
        s(&d.duplicate_of),
    ]
}

fn history_year(d: &Document, k: usize) -> Value<'static> {
    i(d.history_years.get(k).copied())
}

pub fn indicator_rows(d: &Document) -> Vec<Row<'_>> {
    let mut seq = [0u32; 2];
    d.indicators
        .iter()
        .map(|ind| {
            let k = ind.table as usize;
            let n = seq.get_mut(k).map_or(0, |n| {
                *n += 1;
                *n
            });
            // history_1/2: the two latest history columns, older first.
            let skip = ind.history.len().saturating_sub(2);
            let year_skip = d.history_years.len().saturating_sub(2);
            let has = |k: usize| ind.history.len() > k;
            let hist = |k: usize| {
                ind.history
                    .get(skip + k)
                    .and_then(|h| h.as_deref())
                    .map_or(Value::Null, t)
            };
            let year = |k: usize| {
                if has(skip + k) {
                    history_year(d, year_skip + k)
                } else {
                    Value::Null
                }
            };
            let p = ind.target_parsed.as_ref();
            vec![
                s(&d.doc_id),
                s(&d.department),
                i(d.year),
                t(ind.table.as_str()),
                i(Some(n)),
                s(&ind.level1),
                s(&ind.level2),
                s(&ind.level3),
                s(&ind.target),
                p.map_or(Value::Null, |p| t(p.op.as_str())),
                f(p.map(|p| p.value)),
                p.map_or(Value::Null, |p| s(&p.unit)),
                year(0),
                hist(0),
                year(1),
                hist(1),
                s(&ind.basis),
                s(&ind.category),
                i(ind.page),
                s(&ind.unit),
                f(ind.weight),
                s(&ind.direction),
                s(&ind.explanation),
                s(&ind.scoring),
                s(&ind.remark),
                if ind.extra.is_empty() {
                    Value::Null
                } else {
                    Value::Text(serde_json::to_string(&ind.extra).unwrap_or_default().into())
                },
            ]
        })
        .collect()
}

pub fn funding_rows(d: &Document) -> Vec<Row<'_>> {
    let Some(funding) = &d.funding else {
        return Vec::new();
    };
    let mut seq = [0u32; 4];
    let ys = d.history_years.len().saturating_sub(2);
    funding
        .rows
        .iter()
        .map(|r| {
            let n = seq.get_mut(r.section as usize).map_or(0, |n| {
                *n += 1;
                *n
            });
            let skip = r.history.len().saturating_sub(2);
            let hist = |k: usize| f(r.history.get(skip + k).copied().flatten());
            // (A row without history has no years: as for indicators.)
            let year = |k: usize| {
                if r.history.len() > skip + k {
                    history_year(d, ys + k)
                } else {
                    Value::Null
                }
            };
            vec![
                s(&d.doc_id),
                s(&d.department),
                i(d.year),
                s(&funding.unit),
                t(r.section.as_str()),
                i(Some(n)),
                s(&r.item),
                f(r.current),
                f(r.share_pct),
                year(0),
                hist(0),
                year(1),
                hist(1),
                s(&r.note),
            ]
        })
        .collect()
}

/// One row per project document.
pub fn project_rows(d: &Document) -> Vec<Row<'_>> {
    d.project
        .iter()
        .map(|p| {
            vec![
                s(&d.doc_id),
                s(&d.department),
                i(d.year),
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

pub fn item_rows(d: &Document) -> Vec<Row<'_>> {
    let sections: [(&'static str, &Vec<String>); 4] = [
        ("functions", &d.functions),
        ("annual_tasks", &d.annual_tasks),
        ("long_term_goals", &d.long_term_goals),
        ("annual_goals", &d.annual_goals),
    ];
    sections
        .into_iter()
        .flat_map(|(name, items)| {
            items
                .iter()
                .enumerate()
                .map(move |(k, text)| vec![s(&d.doc_id), t(name), count(k + 1), t(text)])
        })
        .collect()
}

pub fn warning_rows(d: &Document) -> Vec<Row<'_>> {
    d.warnings
        .iter()
        .map(|w| {
            vec![
                s(&d.doc_id),
                t(&w.code),
                s(&w.table),
                i(w.seq),
                i(w.page),
                t(&w.message),
            ]
        })
        .collect()
}

/// The rows of `d` in every table, in the order of [`TABLES`].
pub fn rows(d: &Document) -> [Vec<Row<'_>>; 6] {
    [
        vec![document_row(d)],
        indicator_rows(d),
        funding_rows(d),
        item_rows(d),
        warning_rows(d),
        project_rows(d),
    ]
}

impl Value<'_> {
    /// Whether the value fits a column of `kind` (null fits every column).
    pub fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Value::Null, _)
                | (Value::Int(_), Kind::Int)
                | (Value::Float(_), Kind::Float)
                | (Value::Text(_), Kind::Text)
                | (Value::Bool(_), Kind::Bool)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert_path_all;

    #[test]
    fn rows_follow_their_tables() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut filled = [false; 6];
        for name in [
            "samples/ezhou-data-bureau-2026.txt",
            "samples/projects",
            "samples/xlsx",
        ] {
            let path = root.join(name);
            let files: Vec<_> = if path.is_dir() {
                std::fs::read_dir(&path)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            } else {
                vec![path]
            };
            for file in files {
                for d in convert_path_all(&file, &file.to_string_lossy()) {
                    for (k, (table, rows)) in TABLES.iter().zip(rows(&d)).enumerate() {
                        filled[k] |= !rows.is_empty();
                        for row in rows {
                            assert_eq!(row.len(), table.columns.len(), "{}", table.name);
                            for (c, v) in table.columns.iter().zip(&row) {
                                assert!(v.fits(c.kind), "{}.{}: {v:?}", table.name, c.name);
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(filled, [true; 6]);
    }
}
