//! The document model: the JSON document of the specification (schema
//! version 1). Field order here is the order in the JSON output.

use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Error,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
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
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Text => "text",
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSection {
    Income,
    Expenditure,
}

impl FundingSection {
    pub fn as_str(self) -> &'static str {
        match self {
            FundingSection::Income => "income",
            FundingSection::Expenditure => "expenditure",
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
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Funding {
    pub unit: Option<String>,
    pub rows: Vec<FundingRow>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorTable {
    LongTerm,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub table: IndicatorTable,
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub level3: Option<String>,
    pub target: Option<String>,
    pub target_parsed: Option<TargetParsed>,
    pub history: Vec<Option<String>>,
    pub basis: Option<String>,
    pub category: Option<String>,
    pub page: Option<u32>,
}

/// Something the reconstruction had to guess, or could not read.
/// `table` and `seq` locate the indicator or funding row it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub table: Option<String>,
    pub seq: Option<u32>,
    pub page: Option<u32>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Warning {
            code: code.to_string(),
            message: message.into(),
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
    pub source: Source,
    pub kind: Option<Kind>,
    pub title: Option<String>,
    pub year: Option<i32>,
    pub department: Option<String>,
    pub history_years: Vec<i32>,
    pub funding: Option<Funding>,
    pub functions: Vec<String>,
    pub annual_tasks: Vec<String>,
    pub long_term_deadline: Option<i32>,
    pub long_term_goals: Vec<String>,
    pub annual_goals: Vec<String>,
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
    pub history_years: Vec<i32>,
    pub funding: Funding,
    pub functions: Vec<String>,
    pub annual_tasks: Vec<String>,
    pub long_term_deadline: Option<i32>,
    pub long_term_goals: Vec<String>,
    pub annual_goals: Vec<String>,
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
            source,
            kind: content.kind,
            title: content.title,
            year: content.year,
            department: content.department,
            history_years: content.history_years,
            funding: Some(content.funding),
            functions: content.functions,
            annual_tasks: content.annual_tasks,
            long_term_deadline: content.long_term_deadline,
            long_term_goals: content.long_term_goals,
            annual_goals: content.annual_goals,
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
            source,
            kind: None,
            title: None,
            year: None,
            department: None,
            history_years: Vec::new(),
            funding: None,
            functions: Vec::new(),
            annual_tasks: Vec::new(),
            long_term_deadline: None,
            long_term_goals: Vec::new(),
            annual_goals: Vec::new(),
            indicators: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Errors must fit one CSV field and one log line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
