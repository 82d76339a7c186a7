//! The document model: the JSON document of the specification (schema
//! version 2). Field order here is the order in the JSON output.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Error,
    /// The same bytes as an earlier input of the batch (`duplicate_of`).
    Duplicate,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Duplicate => "duplicate",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    DepartmentOverall,
    Project,
    Unknown,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::DepartmentOverall => "department_overall",
            Kind::Project => "project",
            Kind::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Text,
    Html,
    Xlsx,
    Xls,
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Xls => "xls",
            Format::Docx => "docx",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub path: String,
    pub sha256: Option<String>,
    pub format: Format,
    pub encoding: Option<String>,
    pub pages: Option<u32>,
    /// `n` of a file holding several documents; `None` for a single one.
    pub part: Option<u32>,
    /// How many documents the file holds.
    pub parts: u32,
    /// The worksheet a document was read from (workbooks).
    pub sheet: Option<String>,
    /// First and last page of the document (PDF).
    pub page_range: Option<[u32; 2]>,
    /// Canonical address of a saved web page.
    pub url: Option<String>,
    /// Publication date of a saved web page (ISO).
    pub published: Option<String>,
}

impl Source {
    /// The identity of a file before anything is known of its content.
    pub fn new(path: &str, format: Format) -> Self {
        Source {
            path: path.to_string(),
            sha256: None,
            format,
            encoding: None,
            pages: None,
            part: None,
            parts: 1,
            sheet: None,
            page_range: None,
            url: None,
            published: None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSection {
    Income,
    Expenditure,
    ProjectFunding,
    ProjectCost,
}

impl FundingSection {
    pub fn as_str(self) -> &'static str {
        match self {
            FundingSection::Income => "income",
            FundingSection::Expenditure => "expenditure",
            FundingSection::ProjectFunding => "project_funding",
            FundingSection::ProjectCost => "project_cost",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FundingRow {
    pub section: FundingSection,
    pub item: Option<String>,
    pub current: Option<f64>,
    pub share_pct: Option<f64>,
    pub history: Vec<Option<f64>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Funding {
    pub unit: Option<String>,
    pub rows: Vec<FundingRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorTable {
    LongTerm,
    #[default]
    Annual,
}

impl IndicatorTable {
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorTable::LongTerm => "long_term",
            IndicatorTable::Annual => "annual",
        }
    }
}

/// Comparison operator of a parsed target value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "=")]
    Eq,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Le => "<=",
            Op::Ge => ">=",
            Op::Lt => "<",
            Op::Gt => ">",
            Op::Eq => "=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetParsed {
    pub op: Op,
    pub value: f64,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Indicator {
    pub table: IndicatorTable,
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub level3: Option<String>,
    pub target: Option<String>,
    pub unit: Option<String>,
    pub target_parsed: Option<TargetParsed>,
    pub history: Vec<Option<String>>,
    pub basis: Option<String>,
    pub category: Option<String>,
    pub weight: Option<f64>,
    pub direction: Option<String>,
    pub explanation: Option<String>,
    pub scoring: Option<String>,
    pub remark: Option<String>,
    /// Values of columns of no known meaning, under their headers.
    pub extra: BTreeMap<String, String>,
    pub page: Option<u32>,
}

/// One column of an indicator table: its header as printed and the field
/// its values were read into.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    pub field: String,
}

/// The header mapping of each indicator table.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Columns {
    pub long_term: Vec<Column>,
    pub annual: Vec<Column>,
}

/// The header block of a project approval.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Project {
    pub name: Option<String>,
    pub code: Option<String>,
    pub implementer: Option<String>,
    pub category: Option<String>,
    pub nature: Option<String>,
    pub period: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// Something the reconstruction had to guess, or could not read.
/// `table` and `seq` locate the indicator or funding row it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub table: Option<String>,
    pub seq: Option<u32>,
    pub page: Option<u32>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        let mut message: String = message.into();
        // Messages quote cells, whose paragraphs read as spaces.
        use crate::reconstruct::values::PARAGRAPH_BREAK;
        if message.contains(crate::reconstruct::values::LINE_BREAK) {
            message = message.replace(crate::reconstruct::values::LINE_BREAK, "");
        }
        if message.contains(PARAGRAPH_BREAK) {
            message = message.replace(PARAGRAPH_BREAK, " ");
        }
        Warning {
            code: code.to_string(),
            message,
            table: None,
            seq: None,
            page: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub doc_id: Option<String>,
    pub status: Status,
    pub error: Option<String>,
    /// Path of the first input with the same bytes (a duplicate).
    pub duplicate_of: Option<String>,
    pub source: Source,
    pub kind: Option<Kind>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub department: Option<String>,
    pub department_code: Option<String>,
    pub project: Option<Project>,
    pub history_years: Vec<i32>,
    pub funding: Option<Funding>,
    pub functions: Vec<String>,
    pub annual_tasks: Vec<String>,
    pub long_term_deadline: Option<i32>,
    pub long_term_goals: Vec<String>,
    pub annual_goals: Vec<String>,
    pub columns: Columns,
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
}

/// What the reconstruction stage produces; `convert` adds the identity
/// (`doc_id`, `source`, `status`) to make a [`Document`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Content {
    pub kind: Option<Kind>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub department: Option<String>,
    pub department_code: Option<String>,
    pub project: Option<Project>,
    pub history_years: Vec<i32>,
    pub funding: Funding,
    pub functions: Vec<String>,
    pub annual_tasks: Vec<String>,
    pub long_term_deadline: Option<i32>,
    pub long_term_goals: Vec<String>,
    pub annual_goals: Vec<String>,
    pub columns: Columns,
    pub indicators: Vec<Indicator>,
    pub warnings: Vec<Warning>,
}

impl Document {
    /// A converted document.
    pub fn ok(doc_id: String, source: Source, content: Content) -> Self {
        Document {
            schema_version: SCHEMA_VERSION,
            doc_id: Some(doc_id),
            status: Status::Ok,
            error: None,
            duplicate_of: None,
            source,
            kind: content.kind,
            title: content.title,
            year: content.year,
            department: content.department,
            department_code: content.department_code,
            project: content.project,
            history_years: content.history_years,
            funding: Some(content.funding),
            functions: content.functions,
            annual_tasks: content.annual_tasks,
            long_term_deadline: content.long_term_deadline,
            long_term_goals: content.long_term_goals,
            annual_goals: content.annual_goals,
            columns: content.columns,
            indicators: content.indicators,
            warnings: content.warnings,
        }
    }

    /// A document that could not be converted: identity and a one-line error.
    pub fn error(doc_id: Option<String>, source: Source, error: impl Into<String>) -> Self {
        let error: String = error.into();
        Document {
            schema_version: SCHEMA_VERSION,
            doc_id,
            status: Status::Error,
            error: Some(one_line(&error)),
            duplicate_of: None,
            source,
            kind: None,
            title: None,
            year: None,
            department: None,
            department_code: None,
            project: None,
            history_years: Vec::new(),
            funding: None,
            functions: Vec::new(),
            annual_tasks: Vec::new(),
            long_term_deadline: None,
            long_term_goals: Vec::new(),
            annual_goals: Vec::new(),
            columns: Columns::default(),
            indicators: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

impl Document {
    /// A later input with the same bytes as the input at `first` (SPEC
    /// §2.1): its identity (`doc_id`, `source`) and `duplicate_of`; every
    /// other key null or empty, as its content is the first one's.
    pub fn duplicate(doc_id: Option<String>, source: Source, first: &str) -> Self {
        Document {
            status: Status::Duplicate,
            error: None,
            duplicate_of: Some(first.to_string()),
            ..Document::error(doc_id, source, "")
        }
    }
}

/// Errors must fit one CSV field and one log line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
