//! Header mapping (SPEC §3): the header rows of an indicator table decide
//! what each of its columns means.
//!
//! The words live in `header_words.tsv` beside this file (data, not code).
//! [`classify`] names one header text; [`map_header`] turns a table's
//! header rows into its leaf columns ([`Leaf`]), each with the field its
//! values go to. Where cell positions are known (ruled grids, structured
//! formats) a column is an extent and the header cells above it are found
//! by overlap; in text dumps a column is a cell index, and the lower header
//! rows are placed under the groups of the row above by their order.

use crate::layout::trim;
use rustc_hash::FxHashMap;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::layout::{Row, Span};
use crate::model::{Column, IndicatorTable};

use super::values::{clean_text, header_char, Word};

/// What a column's values are read into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The table's own label cell (长期绩效指标): not a column.
    Label,
    Level1,
    Level2,
    Level3,
    Target,
    History,
    Basis,
    Category,
    Operator,
    Unit,
    Weight,
    Direction,
    Explanation,
    Scoring,
    Remark,
    /// 绩效标准: basis or explanation, decided by its values.
    Standard,
    /// A flat table's project fields (项目名称, 单位名称, 预算数, 年度目标).
    ProjectName,
    UnitName,
    Budget,
    Goal,
    /// Another field of a flat table's project, named by a header-block
    /// label (项目编码, 实施单位, 项目期限 …).
    ProjectInfo,
    Extra,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Label => "label",
            Field::Level1 => "level1",
            Field::Level2 => "level2",
            Field::Level3 => "level3",
            Field::Target => "target",
            Field::History => "history",
            Field::Basis => "basis",
            Field::Category => "category",
            Field::Operator => "operator",
            Field::Unit => "unit",
            Field::Weight => "weight",
            Field::Direction => "direction",
            Field::Explanation => "explanation",
            Field::Scoring => "scoring",
            Field::Remark => "remark",
            Field::Standard => "standard",
            Field::ProjectName => "project_name",
            Field::UnitName => "unit_name",
            Field::Budget => "budget",
            Field::Goal => "goal",
            Field::ProjectInfo => "project_info",
            Field::Extra => "extra",
        }
    }

    fn from_name(s: &str) -> Option<Field> {
        [
            Field::Level1,
            Field::Level2,
            Field::Level3,
            Field::Target,
            Field::History,
            Field::Basis,
            Field::Category,
            Field::Operator,
            Field::Unit,
            Field::Weight,
            Field::Direction,
            Field::Explanation,
            Field::Scoring,
            Field::Remark,
            Field::Standard,
            Field::ProjectName,
            Field::UnitName,
            Field::Budget,
            Field::Goal,
        ]
        .into_iter()
        .find(|f| f.as_str() == s)
    }

    /// A project's own field in a flat table of projects.
    pub fn is_project_field(self) -> bool {
        matches!(
            self,
            Field::ProjectName | Field::UnitName | Field::Budget | Field::Goal | Field::ProjectInfo
        )
    }

    /// Not a column of the indicator table: its label or a project field.
    pub fn is_not_indicator(self) -> bool {
        self == Field::Label || self.is_project_field()
    }

    /// 0, 1, 2 for the level fields.
    pub fn level(self) -> Option<usize> {
        match self {
            Field::Level1 => Some(0),
            Field::Level2 => Some(1),
            Field::Level3 => Some(2),
            _ => None,
        }
    }

    pub fn of_level(level: usize) -> Option<Field> {
        [Field::Level1, Field::Level2, Field::Level3]
            .get(level)
            .copied()
    }
}

/// Whether a header may stand over sub-columns: a general word (指标值
/// over 近两年指标值 and 预期当年实现值, 近两年指标值 over the years) or
/// one of no known meaning; a specific one (预期当年实现值, 2024年) is a
/// column of its own.
fn can_group(text: &str) -> bool {
    const GENERAL: &[&str] = &["指标值", "目标值", "绩效指标值", "指标目标值"];
    match classify(text, None, &|_| false) {
        None => true,
        Some(c) => match c.field {
            Field::History => c.year.is_none() && !normalize(text).starts_with("上年"),
            Field::Target => GENERAL.contains(&strip_period(&normalize(text)).0.as_str()),
            _ => false,
        },
    }
}

static WORDS: &str = include_str!("header_words.tsv");

/// The header words by their normalized text, and the characters that
/// open and that end one (most cells asked about open or end with another
/// and are turned away before they are normalized).
struct Vocabulary {
    words: FxHashMap<String, Field>,
    first_chars: Vec<char>,
    last_chars: Vec<char>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCAB: OnceLock<Vocabulary> = OnceLock::new();
    VOCAB.get_or_init(|| {
        let mut words = FxHashMap::default();
        for line in WORDS.lines() {
            if line.starts_with('#') || trim(line).is_empty() {
                continue;
            }
            let Some((name, list)) = line.split_once('\t') else {
                continue;
            };
            let Some(field) = Field::from_name(trim(name)) else {
                continue;
            };
            for w in list.split('、') {
                let w = normalize(w);
                if !w.is_empty() {
                    words.insert(w, field);
                }
            }
        }
        let char_set = |pick: fn(&String) -> Option<char>| {
            let mut set: Vec<char> = words.keys().filter_map(pick).collect();
            set.sort_unstable();
            set.dedup();
            set
        };
        Vocabulary {
            first_chars: char_set(|w| w.chars().next()),
            last_chars: char_set(|w| w.chars().last()),
            words,
        }
    })
}

/// Header text as compared: whitespace and required-field asterisks
/// removed, full-width brackets made ASCII.
pub fn normalize(s: &str) -> String {
    // Sized once: collecting a `filter_map` grows the string a character
    // at a time.
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter_map(header_char));
    out
}

/// A header as printed, for `columns`: whitespace and asterisks removed.
pub fn printed(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊'))
        .collect()
}

/// The field a header word names exactly, if any.
pub fn field_of_word(s: &str) -> Option<Field> {
    if !may_be_header_word(s) {
        return None;
    }
    let word = Word::normalized(s, LONGEST_HEADER_WORD)?;
    let words = &vocabulary().words;
    words
        .get(word.as_str())
        .copied()
        .or_else(|| field_before_brackets(word.as_str()))
}

/// Whether `s` opens and ends with characters that some header word opens
/// and ends with: most cells do not, and are turned away before they are
/// normalized.
pub fn may_be_header_word(s: &str) -> bool {
    let vocab = vocabulary();
    let (Some(first), Some(last)) = (
        s.chars().find_map(header_char),
        s.chars().rev().find_map(header_char),
    ) else {
        return false;
    };
    vocab.first_chars.binary_search(&first).is_ok() && vocab.last_chars.binary_search(&last).is_ok()
}

/// More characters than any word of `header_words.tsv` (checked by a test).
const LONGEST_HEADER_WORD: usize = 20;

const LONG_TERM_MARKS: &[&str] = &["(长期)", "(中长期)", "(中期)", "(实施期)"];
const ANNUAL_MARKS: &[&str] = &["(年度)", "(当年)", "(本年)", "(本年度)"];
const LONG_TERM_PREFIXES: &[&str] = &["中长期", "长期", "中期", "实施期"];
const ANNUAL_PREFIXES: &[&str] = &["本年度", "年度", "当年"];

/// The period a header names (`（长期）`, a 中长期 or 年度 prefix) and the
/// header without it.
pub fn strip_period(normalized: &str) -> (String, Option<IndicatorTable>) {
    // Every mark is in brackets; most headers have none.
    let bracketed = normalized.contains('(');
    for (marks, period) in [
        (LONG_TERM_MARKS, IndicatorTable::LongTerm),
        (ANNUAL_MARKS, IndicatorTable::Annual),
    ]
    .into_iter()
    .filter(|_| bracketed)
    {
        for m in marks {
            if normalized.contains(m) {
                return (normalized.replacen(m, "", 1), Some(period));
            }
        }
    }
    for (prefixes, period) in [
        (LONG_TERM_PREFIXES, IndicatorTable::LongTerm),
        (ANNUAL_PREFIXES, IndicatorTable::Annual),
    ] {
        for p in prefixes {
            if let Some(rest) = normalized.strip_prefix(p) {
                if !rest.is_empty() {
                    return (rest.to_string(), Some(period));
                }
            }
        }
    }
    (normalized.to_string(), None)
}

/// The period a column's lower header names by itself, under the title
/// over it (`指标值` over `年度 | 中长期`, or `年度目标 | 中长期目标`).
pub fn period_word(text: &str) -> Option<IndicatorTable> {
    // A cell that opens as no period word does (most) is turned away
    // before it is normalized.
    let first = text.chars().find_map(header_char);
    let opens_as_period = |c: char| {
        LONG_TERM_PREFIXES
            .iter()
            .chain(ANNUAL_PREFIXES)
            .any(|p| p.starts_with(c))
    };
    if !first.is_some_and(opens_as_period) {
        return None;
    }
    let n = normalize(text);
    let word = ["指标值", "目标值", "目标", "值"]
        .iter()
        .find_map(|s| n.strip_suffix(s))
        .unwrap_or(&n);
    if LONG_TERM_PREFIXES.contains(&word) {
        Some(IndicatorTable::LongTerm)
    } else if ANNUAL_PREFIXES.contains(&word) {
        Some(IndicatorTable::Annual)
    } else {
        None
    }
}

static YEAR_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)[0-9]{2})年?度?(实际|实际值|实际完成|实际完成值|实际执行数|实际执行值|执行数|执行值|完成值|完成数|完成情况|完成|完成量|实现值|实际数|决算数|执行情况|水平|数据|基数|基期值|指标值|实际水平|目标值|目标|计划值|计划数|预计|预计值|预计数|预计完成|预计完成值|预计完成数|预计执行数|预计执行值|预期值|预算数)?$")
        .unwrap()
});

/// A normalized header's word and what the brackets at its end hold
/// (`预算数(万元)` → `预算数`, `万元`).
fn bracketed(n: &str) -> Option<(&str, &str)> {
    let inner = n.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let note = inner.get(open + 1..)?;
    let base = inner.get(..open)?;
    (!base.is_empty()).then_some((base, note))
}

/// The field a normalized header names through its word before brackets
/// at its end, whatever they add: a unit (`预算数(万元)`, `权重(%)`), a
/// note on how the column is written (`指标值(包含数字及文字描述)`),
/// another name of the same column (`分值(权重)`) or the values it takes
/// (`指标方向(正向/反向)`). Brackets that name another field leave the
/// header unknown: which of the two the column holds is not known.
fn field_before_brackets(n: &str) -> Option<Field> {
    let (base, note) = bracketed(n)?;
    let words = &vocabulary().words;
    let field = *words.get(base)?;
    match words.get(note) {
        Some(&other) if other != field => None,
        _ => Some(field),
    }
}

/// Whether a header text names a year's column (`2024年`, `2024年实际`,
/// `2025年目标值`).
pub fn is_year_header(text: &str) -> bool {
    // Most cells do not open with a year's four digits, and are turned
    // away before they are normalized.
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut chars = text.trim_start().chars();
    let opens_with_year = chars.by_ref().take(4).filter(|&c| digit(c)).count() == 4;
    opens_with_year && YEAR_HEADER.is_match(&normalize(text))
}

/// What one header text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    pub field: Field,
    pub period: Option<IndicatorTable>,
    /// The year of a year column (history or the document's own year).
    pub year: Option<i32>,
}

/// Names one header text: a listed word (with or without a period word),
/// a year column, or the table's label; `None` for anything else.
pub fn classify(
    text: &str,
    doc_year: Option<i32>,
    is_label: &dyn Fn(&str) -> bool,
) -> Option<Classified> {
    let n = normalize(text);
    if n.is_empty() {
        return None;
    }
    let (rest, period) = strip_period(&n);
    let plain = |field| Classified {
        field,
        period,
        year: None,
    };
    if let Some(&field) = vocabulary().words.get(&n) {
        let mut c = plain(field);
        if n.starts_with("上年") && field == Field::History {
            c.year = doc_year.map(|y| y - 1);
        }
        return Some(c);
    }
    if let Some(&field) = vocabulary().words.get(&rest) {
        return Some(plain(field));
    }
    // A year in brackets after the word is the year's column, as if
    // printed before it: 指标值（2026年） is 2026年指标值.
    if let Some((base, note)) = bracketed(&rest) {
        let year_first = format!("{note}{base}");
        if note.starts_with(|c: char| c.is_ascii_digit()) && YEAR_HEADER.is_match(&year_first) {
            return classify(&year_first, doc_year, is_label).map(|c| Classified {
                period: c.period.or(period),
                ..c
            });
        }
    }
    // A unit, a note or another name in brackets after the word:
    // 预算数（万元）, 分值（权重）.
    if let Some(field) = field_before_brackets(&rest) {
        return Some(plain(field));
    }
    if let Some(caps) = YEAR_HEADER.captures(&n) {
        let year: i32 = caps.get(1)?.as_str().parse().ok()?;
        let suffix = caps.get(2).map_or("", |m| m.as_str());
        let planned = ["目标", "计划", "预计", "预期", "预算"]
            .iter()
            .any(|w| suffix.contains(w));
        // A year before the document's is past, whatever was planned for
        // it (`2024年预计完成值` in a 2025 approval is history); without
        // the document's year, the words decide.
        let field = match doc_year {
            Some(d) if year >= d => Field::Target,
            Some(_) => Field::History,
            None if planned => Field::Target,
            None => Field::History,
        };
        // The document's own year is its annual column (2026年度指标值
        // beside 中长期指标值 splits the table as 年度指标值 does).
        let annual =
            (field == Field::Target && doc_year == Some(year)).then_some(IndicatorTable::Annual);
        return Some(Classified {
            field,
            period: period.or(annual),
            year: Some(year),
        });
    }
    // A cell holding its group's title and its own, apart by a slash
    // (近两年指标值/2024年, as printed in one cell of the lower header row):
    // a year after the slash is the year's column.
    if let Some((_, own)) = n.rsplit_once('/') {
        if YEAR_HEADER.is_match(own) {
            return classify(own, doc_year, is_label).map(|c| Classified {
                period: c.period.or(period),
                ..c
            });
        }
    }
    if is_label(text) {
        return Some(Classified {
            field: Field::Label,
            period: None,
            year: None,
        });
    }
    None
}

/// Whether a cell of a header row names a column (a listed word, a period
/// variant of one, or a year column).
pub fn is_header_word(text: &str) -> bool {
    classify(text, None, &|_| false).is_some_and(|c| c.field != Field::Label)
}

/// One column of an indicator table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    /// The header as printed, rows joined with `/`, top first.
    pub header: String,
    pub field: Field,
    /// Set in tables that print long-term and annual columns side by side.
    pub period: Option<IndicatorTable>,
    pub year: Option<i32>,
    /// Where the column is: an extent (reliable tables) or `[i, i + 1)` for
    /// the i-th cell of a text dump's row.
    pub span: Span,
}

impl Leaf {
    /// Whether the column belongs to the table of `period` (`None`: a
    /// table not split by period). A column of the other period does not;
    /// nor does a year column without a period in a split table: its
    /// values are the history of the annual target (long-term rows have
    /// none, SPEC 2.5), printed once on the row both tables share.
    pub fn belongs_to(&self, period: Option<IndicatorTable>) -> bool {
        match (period, self.period) {
            (Some(p), Some(own)) => p == own,
            (Some(IndicatorTable::LongTerm), None) => self.field != Field::History,
            _ => true,
        }
    }
}

/// The columns of a table, and whether its rows can be read by position.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HeaderMap {
    pub leaves: Vec<Leaf>,
    pub reliable: bool,
}

impl HeaderMap {
    /// The mapping as the document reports it: every column but the label.
    pub fn columns(&self, table: IndicatorTable, split: bool) -> Vec<Column> {
        self.leaves
            .iter()
            .filter(|l| !l.field.is_not_indicator())
            .filter(|l| !split || l.belongs_to(Some(table)))
            .map(|l| Column {
                header: l.header.clone(),
                field: match l.field {
                    Field::Standard => "basis".to_string(),
                    f => f.as_str().to_string(),
                },
            })
            .collect()
    }

    /// Whether the table prints long-term and annual columns side by side.
    pub fn is_split(&self) -> bool {
        let has = |p| self.leaves.iter().any(|l| l.period == Some(p));
        has(IndicatorTable::LongTerm) && has(IndicatorTable::Annual)
    }

    pub fn has(&self, field: Field) -> bool {
        self.leaves.iter().any(|l| l.field == field)
    }
}

/// A column whose header cell is empty stands under the header on its
/// left (二级指标 printed over the level-2 column, the name column's header
/// left blank): each leaf reaches to the next one, so the reader splits it
/// by its data cells.
fn close_gaps(leaves: &mut [Leaf]) {
    let lefts: Vec<i32> = leaves.iter().map(|l| l.span.left).collect();
    for (i, leaf) in leaves.iter_mut().enumerate() {
        if let Some(&next) = lefts.get(i + 1) {
            if next > leaf.span.right {
                leaf.span.right = next;
            }
        }
    }
}

/// One non-empty header cell: its row, extent and text.
#[derive(Debug, Clone)]
struct HeaderCell {
    row: usize,
    span: Span,
    text: String,
}

/// Maps a table's header rows. `rows` are the header rows, top first;
/// positions are used when every row has them.
pub fn map_header(
    rows: &[&Row],
    doc_year: Option<i32>,
    is_label: &dyn Fn(&str) -> bool,
) -> HeaderMap {
    let reliable = !rows.is_empty() && rows.iter().all(|r| r.spans.is_some());
    let mut cells = header_cells(rows, reliable);
    join_cut_titles(&mut cells, reliable);
    let paths = if reliable {
        leaf_paths_by_extent(&cells)
    } else {
        leaf_paths_by_order(&cells, rows)
    };
    let mut leaves = Vec::new();
    for (path, span, width) in paths {
        leaves.extend(leaves_of_path(&path, span, width, doc_year, is_label));
    }
    if reliable {
        close_gaps(&mut leaves);
    }
    name_column_after_levels(&mut leaves);
    kind_under_level2(&mut leaves, doc_year, is_label);
    second_level_titles_to_extra(&mut leaves);
    HeaderMap { leaves, reliable }
}

/// `指标名称 | 指标内容`, both words of the level-3 column: the first
/// column titled for a level holds it; a later column with another title
/// of the same level (the indicator's description, as a rule) is kept in
/// `extra` under its title rather than dropped. One title spanning two
/// columns (二级指标 over the level-2 and the name column) is not this.
fn second_level_titles_to_extra(leaves: &mut [Leaf]) {
    for field in [Field::Level1, Field::Level2, Field::Level3] {
        let Some(first) = leaves.iter().position(|l| l.field == field) else {
            continue;
        };
        let title = leaves
            .get(first)
            .map(|l| l.header.clone())
            .unwrap_or_default();
        for leaf in leaves.iter_mut().skip(first + 1) {
            if leaf.field == field && leaf.header != title {
                leaf.field = Field::Extra;
            }
        }
    }
}

/// `二级指标` over `指标类别 | 具体指标`: with no other level-2 column, the
/// kinds (数量指标, 质量指标) are the level-2 names, not the 指标分类 of
/// the seed's template (`三级指标` over `指标名称 | 指标类别` keeps it).
fn kind_under_level2(leaves: &mut [Leaf], doc_year: Option<i32>, is_label: &dyn Fn(&str) -> bool) {
    if leaves.iter().any(|l| l.field == Field::Level2) {
        return;
    }
    let under_level2 = |l: &Leaf| {
        l.header.split_once('/').is_some_and(|(top, _)| {
            classify(top, doc_year, is_label).is_some_and(|c| c.field == Field::Level2)
        })
    };
    if let Some(leaf) = leaves
        .iter_mut()
        .find(|l| l.field == Field::Category && under_level2(l))
    {
        leaf.field = Field::Level2;
    }
}

/// `一级指标 | 二级指标 | 绩效指标 | 目标值`: the column after the level-2
/// column titled only 绩效指标 (elsewhere the table's label, or a band
/// over the levels) or 指标 holds the indicators' names.
fn name_column_after_levels(leaves: &mut [Leaf]) {
    if leaves.iter().any(|l| l.field == Field::Level3)
        || !leaves.iter().any(|l| l.field == Field::Level1)
    {
        return;
    }
    let Some(after) = leaves
        .iter()
        .rposition(|l| l.field == Field::Level2)
        .map(|i| i + 1)
    else {
        return;
    };
    if let Some(leaf) = leaves.get_mut(after) {
        let title = normalize(leaf.header.rsplit('/').next().unwrap_or_default());
        if matches!(leaf.field, Field::Extra | Field::Label)
            && matches!(title.as_str(), "绩效指标" | "指标")
        {
            leaf.field = Field::Level3;
        }
    }
}

fn header_cells(rows: &[&Row], reliable: bool) -> Vec<HeaderCell> {
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        // Cells found run together, each counted where it stands.
        let mut extra = 0;
        for (i, cell) in row.cells.iter().enumerate() {
            let Some(text) = clean_text(cell) else {
                continue;
            };
            let span = match (&row.spans, reliable) {
                (Some(spans), true) => spans.get(i).copied().unwrap_or_default(),
                _ => {
                    if let Some((number, rest)) = number_run_together(&text) {
                        out.push(HeaderCell {
                            row: r,
                            span: index_span(i + extra),
                            text: number.to_string(),
                        });
                        extra += 1;
                        out.push(HeaderCell {
                            row: r,
                            span: index_span(i + extra),
                            text: rest.to_string(),
                        });
                        continue;
                    }
                    index_span(i + extra)
                }
            };
            out.push(HeaderCell { row: r, span, text });
        }
    }
    out
}

/// `序号一级指标`: the 序号 column's title run together with the next
/// column's (a page whose columns were found from the gaps between texts
/// sets the two narrow titles too close to part), as the two titles.
fn number_run_together(text: &str) -> Option<(&str, &str)> {
    ["序号", "编号"].iter().find_map(|number| {
        let rest = text.strip_prefix(number)?;
        field_of_word(rest).is_some().then_some((*number, rest))
    })
}

/// A page break (or a dump of one) cuts a title into lines printed as cells
/// of the next header row ("指标值确定依" / "据"): a lower cell that is no
/// header word but completes one above it (in a grid: one it lies under;
/// in a dump, whose cells shift: the nearest), is joined to it.
fn join_cut_titles(cells: &mut Vec<HeaderCell>, reliable: bool) {
    let known = |t: &str| classify(t, None, &|_| false).is_some();
    let mut k = 0;
    while k < cells.len() {
        let Some(low) = cells.get(k).cloned() else {
            break;
        };
        let target = if known(&low.text) {
            None
        } else {
            cells
                .iter()
                .enumerate()
                .filter(|(_, up)| up.row < low.row && !known(&up.text))
                .filter(|(_, up)| !reliable || overlaps(&up.span, &low.span))
                .filter(|(_, up)| known(&format!("{}{}", up.text, low.text)))
                .min_by_key(|(_, up)| (up.span.left - low.span.left).abs())
                .map(|(i, _)| i)
        };
        match target.and_then(|i| cells.get_mut(i)) {
            Some(up) => {
                up.text.push_str(&low.text);
                cells.remove(k);
            }
            None => k += 1,
        }
    }
}

/// The span of the i-th cell of a row whose positions are not known.
pub fn index_span(i: usize) -> Span {
    let i = i32::try_from(i).unwrap_or(i32::MAX - 1);
    Span {
        left: i,
        right: i.saturating_add(1),
        continued: false,
    }
}

/// Overlap that counts as "under": more than a sliver of the narrower.
fn overlaps(a: &Span, b: &Span) -> bool {
    let narrow = (a.right - a.left).min(b.right - b.left).max(1);
    a.overlap(b) * 4 > narrow
}

/// A leaf's header texts top first, its extent, and how many data columns
/// it stands over when that is known from the header alone (text dumps).
type Path = (Vec<String>, Span, usize);

/// Reliable tables: a header cell with no header cell below it is a leaf;
/// its path is every header cell above that it lies under.
fn leaf_paths_by_extent(cells: &[HeaderCell]) -> Vec<Path> {
    let mut leaves: Vec<&HeaderCell> = cells
        .iter()
        .filter(|c| {
            !cells
                .iter()
                .any(|d| d.row > c.row && overlaps(&d.span, &c.span))
        })
        .collect();
    leaves.sort_by_key(|c| (c.span.left, c.row));
    leaves
        .into_iter()
        .map(|leaf| {
            let mut above: Vec<&HeaderCell> = cells
                .iter()
                .filter(|c| c.row < leaf.row && overlaps(&c.span, &leaf.span))
                .collect();
            above.sort_by_key(|c| c.row);
            let mut path: Vec<String> = above.iter().map(|c| c.text.clone()).collect();
            path.push(leaf.text.clone());
            (path, leaf.span, 1)
        })
        .collect()
}

/// Text dumps: the top row's cells in order; a cell of a field that can
/// stand over others (指标值) takes the cells of the lower rows that lie
/// between it and the next cell of its row, and the lower cells that lie
/// under a cell that cannot (a publishing system's shifted 预期当年实现值
/// under 指标分类) go to the nearest such cell on their left.
fn leaf_paths_by_order(cells: &[HeaderCell], rows: &[&Row]) -> Vec<Path> {
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0).max(1);
    let width = i32::try_from(width).unwrap_or(i32::MAX);
    // (Titles found run together count one column more each.)
    let width = cells.iter().map(|c| c.span.right).fold(width, i32::max);
    let mut out = Vec::new();
    paths_in(cells, 0, 0, width, &[], &mut out);
    out
}

fn paths_in(
    cells: &[HeaderCell],
    row: usize,
    from: i32,
    to: i32,
    above: &[String],
    out: &mut Vec<Path>,
) {
    let within = |c: &&HeaderCell| c.span.left >= from && c.span.left < to;
    let mut in_row: Vec<&HeaderCell> = cells
        .iter()
        .filter(|c| c.row == row)
        .filter(within)
        .collect();
    in_row.sort_by_key(|c| c.span.left);
    let lower: Vec<&HeaderCell> = cells
        .iter()
        .filter(|c| c.row > row)
        .filter(within)
        .collect();
    if in_row.is_empty() {
        if !lower.is_empty() {
            paths_in(cells, row + 1, from, to, above, out);
        }
        return;
    }
    // Each cell's reach: up to the next cell of its row.
    let reach_end = |k: usize| in_row.get(k + 1).map_or(to, |c| c.span.left);
    let groups: Vec<bool> = in_row.iter().map(|c| can_group(&c.text)).collect();
    let mut owned: Vec<Vec<HeaderCell>> = vec![Vec::new(); in_row.len()];
    for c in lower {
        let k = (0..in_row.len())
            .rev()
            .find(|&k| in_row.get(k).is_some_and(|r| r.span.left <= c.span.left))
            .unwrap_or(0);
        let home = (0..=k)
            .rev()
            .find(|&j| groups.get(j).copied().unwrap_or(false))
            .unwrap_or(k);
        if let Some(slot) = owned.get_mut(home) {
            slot.push(c.clone());
        }
    }
    for (k, cell) in in_row.iter().enumerate() {
        let mut path = above.to_vec();
        path.push(cell.text.clone());
        match owned.get(k) {
            Some(sub) if !sub.is_empty() => {
                let start = sub
                    .iter()
                    .map(|c| c.span.left)
                    .min()
                    .unwrap_or(cell.span.left);
                let end = sub
                    .iter()
                    .map(|c| c.span.left + 1)
                    .max()
                    .unwrap_or(start + 1);
                let next_row = sub.iter().map(|c| c.row).min().unwrap_or(row + 1);
                paths_in(sub, next_row, start, end, &path, out);
            }
            _ => {
                // A leaf; the empty cells up to the next text are its width
                // (二级指标 over the level-2 and the indicator-name column).
                let width = usize::try_from(reach_end(k) - cell.span.left)
                    .unwrap_or(1)
                    .max(1);
                out.push((path, cell.span, width));
            }
        }
    }
}

/// The leaves of one header path: one column, or several where a level
/// header stands over more than one column.
fn leaves_of_path(
    path: &[String],
    span: Span,
    width: usize,
    doc_year: Option<i32>,
    is_label: &dyn Fn(&str) -> bool,
) -> Vec<Leaf> {
    let header = path
        .iter()
        .map(|p| printed(p))
        .collect::<Vec<_>>()
        .join("/");
    // The lowest header that maps decides; one that names only a period
    // (`年度目标` under `指标值`) leaves it to the title over it.
    let named = path
        .iter()
        .rev()
        .enumerate()
        .filter(|(k, t)| *k + 1 == path.len() || period_word(t).is_none())
        .find_map(|(_, t)| classify(t, doc_year, is_label));
    let period = path
        .iter()
        .find_map(|t| strip_period(&normalize(t)).1.or_else(|| period_word(t)))
        .or(named.and_then(|c| c.period))
        .filter(|_| named.is_some());
    let (field, year) = named.map_or((Field::Extra, None), |c| (c.field, c.year));
    let leaf = |field: Field| Leaf {
        header: header.clone(),
        field,
        period: named.and(period),
        year,
        span,
    };
    match field.level() {
        Some(level) if width > 1 => (level..level + width)
            .map(|l| leaf(Field::of_level(l).unwrap_or(Field::Extra)))
            .collect(),
        _ => vec![leaf(field)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_in_brackets_is_no_part_of_the_word() {
        let no_label = |_: &str| false;
        let field = |t: &str| classify(t, Some(2025), &no_label).map(|c| c.field);
        assert_eq!(field("预算数（万元）"), Some(Field::Budget));
        assert_eq!(field("权重（%）"), Some(Field::Weight));
        assert_eq!(field("指标值（说明）"), None);
    }

    #[test]
    fn other_bureaus_words_for_the_weight_are_the_weight() {
        for w in ["权（分）值", "权重分", "分值权重", "权重分值", "权数"] {
            assert_eq!(field_of_word(w), Some(Field::Weight), "{w}");
        }
    }

    fn row(s: &str) -> Row {
        Row {
            cells: s.split('|').map(str::to_string).collect(),
            ..Row::default()
        }
    }

    fn label(s: &str) -> bool {
        s.ends_with("绩效指标")
    }

    #[test]
    fn words_that_name_only_a_period() {
        use IndicatorTable::{Annual, LongTerm};
        assert_eq!(period_word("年度"), Some(Annual));
        assert_eq!(period_word("中长期目标"), Some(LongTerm));
        assert_eq!(period_word("本年度指标值"), Some(Annual));
        assert_eq!(period_word("年度目标值"), Some(Annual));
        assert_eq!(period_word("指标值"), None);
        assert_eq!(period_word("年度总体目标"), None);
        for (words, period) in [(LONG_TERM_PREFIXES, LongTerm), (ANNUAL_PREFIXES, Annual)] {
            for w in words {
                assert_eq!(period_word(w), Some(period), "{w}");
                assert_eq!(period_word(&format!("{w}指标值")), Some(period), "{w}");
            }
        }
    }

    #[test]
    fn every_header_word_is_within_the_length_looked_up() {
        for word in vocabulary().words.keys() {
            assert!(word.chars().count() <= LONGEST_HEADER_WORD, "{word}");
            assert!(field_of_word(word).is_some(), "{word}");
        }
        assert_eq!(field_of_word(&"指".repeat(LONGEST_HEADER_WORD + 1)), None);
    }

    fn fields(m: &HeaderMap) -> Vec<(&str, &str)> {
        m.leaves
            .iter()
            .map(|l| (l.header.as_str(), l.field.as_str()))
            .collect()
    }

    #[test]
    fn a_number_column_title_run_together_with_the_next() {
        let rows = [row("序号一级指标|二级指标|三级指标|指标值")];
        let refs: Vec<&Row> = rows.iter().collect();
        let m = map_header(&refs, Some(2026), &label);
        assert_eq!(
            fields(&m),
            vec![
                ("序号", "extra"),
                ("一级指标", "level1"),
                ("二级指标", "level2"),
                ("三级指标", "level3"),
                ("指标值", "target"),
            ]
        );
        assert_eq!(number_run_together("序号排列"), None);
    }

    #[test]
    fn words_and_years() {
        let c = |s: &str| classify(s, Some(2026), &label).map(|c| (c.field, c.period, c.year));
        assert_eq!(c("一级指标"), Some((Field::Level1, None, None)));
        assert_eq!(c(" *指标值 "), Some((Field::Target, None, None)));
        assert_eq!(c("评（扣）分标准"), Some((Field::Scoring, None, None)));
        assert_eq!(c("2024年"), Some((Field::History, None, Some(2024))));
        assert_eq!(
            c("2024 年实际执行数"),
            Some((Field::History, None, Some(2024)))
        );
        // The document's year is its annual column.
        assert_eq!(
            c("2026年目标值"),
            Some((Field::Target, Some(IndicatorTable::Annual), Some(2026)))
        );
        // A year before the document's is past, even when estimated.
        for past in ["2025年预计完成值", "2025年预计值", "2025年预计执行数"] {
            assert_eq!(c(past), Some((Field::History, None, Some(2025))), "{past}");
        }
        // As other bureaus word a past year's column.
        for past in [
            "2025年完成",
            "2025年水平",
            "2025年数据",
            "2025年基数",
            "2025年实际数",
            "2025年预计数",
        ] {
            assert_eq!(c(past), Some((Field::History, None, Some(2025))), "{past}");
        }
        assert_eq!(
            c("上年度实际水平"),
            Some((Field::History, None, Some(2025)))
        );
        assert_eq!(
            c("指标值（长期）"),
            Some((Field::Target, Some(IndicatorTable::LongTerm), None))
        );
        assert_eq!(
            c("年度指标值"),
            Some((Field::Target, Some(IndicatorTable::Annual), None))
        );
        assert_eq!(
            c("中长期指标值"),
            Some((Field::Target, Some(IndicatorTable::LongTerm), None))
        );
        assert_eq!(c("年度绩效指标"), Some((Field::Label, None, None)));
        assert_eq!(c("指标值类型"), None);
    }

    #[test]
    fn words_with_brackets() {
        let c = |s: &str| classify(s, Some(2026), &label).map(|c| (c.field, c.period, c.year));
        assert_eq!(c("预算数（万元）"), Some((Field::Budget, None, None)));
        assert_eq!(
            c("指标值（包含数字及文字描述）"),
            Some((Field::Target, None, None))
        );
        // Another name of the column, or the values it takes.
        assert_eq!(c("分值（权重）"), Some((Field::Weight, None, None)));
        assert_eq!(
            c("指标方向（正向/反向）"),
            Some((Field::Direction, None, None))
        );
        // A year in brackets is the year's column.
        assert_eq!(
            c("年度指标值（2026年）"),
            Some((Field::Target, Some(IndicatorTable::Annual), Some(2026)))
        );
        assert_eq!(
            c("指标值(2025年)"),
            Some((Field::History, None, Some(2025)))
        );
        // Brackets naming another field: which one the column holds is
        // not known.
        assert_eq!(c("备注（确定依据）"), None);
        assert_eq!(field_of_word("分值（权重）"), Some(Field::Weight));
        assert_eq!(field_of_word("备注（确定依据）"), None);
        assert_eq!(c("1574"), None);
    }

    #[test]
    fn a_year_after_a_slash_is_the_years_column() {
        let c = |s: &str| classify(s, Some(2026), &label).map(|c| (c.field, c.year));
        assert_eq!(c("近两年指标值/2024年"), Some((Field::History, Some(2024))));
        assert_eq!(
            c("指标值 / 2026年目标值"),
            Some((Field::Target, Some(2026)))
        );
        // Anything else after a slash is not read as a column of its own.
        assert_eq!(c("近两年指标值/合计"), None);
    }

    #[test]
    fn seed_long_term_header() {
        let r = row("长期绩效指标|一级指标|二级指标|三级指标|指标值|指标值确定依据|指标分类");
        let m = map_header(&[&r], Some(2026), &label);
        assert!(!m.reliable);
        assert_eq!(
            fields(&m),
            vec![
                ("长期绩效指标", "label"),
                ("一级指标", "level1"),
                ("二级指标", "level2"),
                ("三级指标", "level3"),
                ("指标值", "target"),
                ("指标值确定依据", "basis"),
                ("指标分类", "category"),
            ]
        );
    }

    /// The seed's annual table: its columns and their fields, however the
    /// header is printed.
    const SEED_ANNUAL: &[(&str, &str)] = &[
        ("年度绩效指标", "label"),
        ("一级指标", "level1"),
        ("二级指标", "level2"),
        ("三级指标", "level3"),
        ("指标值/近两年指标值/2024年", "history"),
        ("指标值/近两年指标值/2025年", "history"),
        ("指标值/预期当年实现值", "target"),
        ("指标值确定依据", "basis"),
        ("指标分类", "category"),
    ];

    #[test]
    fn seed_annual_header_as_the_dump_prints_it() {
        // The dump shifts 预期当年实现值 under 指标分类.
        let rows = [
            row("年度绩效指标|一级指标|二级指标|三级指标|指标值||指标值确定依据|指标分类|"),
            row("||||近两年指标值||||预期当年实现值"),
            row("||||2024年|2025年|||"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let m = map_header(&refs, Some(2026), &label);
        assert_eq!(fields(&m), SEED_ANNUAL.to_vec());
        let years: Vec<Option<i32>> = m.leaves.iter().map(|l| l.year).collect();
        assert_eq!(years[4..7], [Some(2024), Some(2025), None]);
    }

    #[test]
    fn a_level_header_over_two_columns_in_a_dump() {
        let r = row("一级指标|二级指标||指标值|备注");
        let m = map_header(&[&r], None, &label);
        assert_eq!(
            fields(&m),
            vec![
                ("一级指标", "level1"),
                ("二级指标", "level2"),
                ("二级指标", "level3"),
                ("指标值", "target"),
                ("备注", "remark"),
            ]
        );
    }

    fn spanned(cells: &[(&str, i32, i32)]) -> Row {
        Row {
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            spans: Some(
                cells
                    .iter()
                    .map(|c| Span {
                        left: c.1,
                        right: c.2,
                        continued: false,
                    })
                    .collect(),
            ),
            ..Row::default()
        }
    }

    #[test]
    fn grid_header_by_extent() {
        let rows = [
            spanned(&[
                ("年度绩效指标", 0, 10),
                ("一级指标", 10, 20),
                ("二级指标", 20, 30),
                ("三级指标", 30, 40),
                ("指标值", 40, 70),
                ("指标值确定依据", 70, 80),
                ("*指标分类", 80, 90),
            ]),
            spanned(&[
                ("", 0, 10),
                ("", 10, 20),
                ("", 20, 30),
                ("", 30, 40),
                ("近两年指标值", 40, 60),
                ("预期当年实现值", 60, 70),
                ("", 70, 80),
                ("", 80, 90),
            ]),
            spanned(&[("2024年", 40, 50), ("2025年", 50, 60)]),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let m = map_header(&refs, Some(2026), &label);
        assert!(m.reliable);
        assert_eq!(fields(&m), SEED_ANNUAL.to_vec());
    }

    #[test]
    fn a_kind_under_a_level_header_holds_that_level() {
        // 二级指标 over two columns titled `a` and `b`: their fields.
        let under_level2 = |a: &str, b: &str| -> Vec<String> {
            let rows = [
                spanned(&[
                    ("一级指标", 0, 10),
                    ("二级指标", 10, 30),
                    ("指标值", 30, 40),
                ]),
                spanned(&[("", 0, 10), (a, 10, 20), (b, 20, 30), ("", 30, 40)]),
            ];
            let refs: Vec<&Row> = rows.iter().collect();
            let m = map_header(&refs, Some(2026), &label);
            m.leaves
                .iter()
                .map(|l| l.field.as_str().to_string())
                .collect()
        };
        // 指标类别 | 具体指标: the kinds are level-2 names, not the 指标分类
        // of the seed's template.
        assert_eq!(
            under_level2("指标类别", "具体指标"),
            ["level1", "level2", "level3", "target"]
        );
        // Beside the level-2 column under the same header it is the
        // category, as it is alone or under a header of no level.
        assert_eq!(
            under_level2("名称", "指标类别"),
            ["level1", "level2", "category", "target"]
        );
        let r = spanned(&[
            ("三级指标", 0, 10),
            ("指标值", 10, 20),
            ("指标类别", 20, 30),
        ]);
        assert_eq!(
            map_header(&[&r], None, &label).leaves[2].field,
            Field::Category
        );
    }

    #[test]
    fn a_blank_header_cell_stands_under_the_header_on_its_left() {
        let r = spanned(&[
            ("一级指标", 0, 10),
            ("二级指标", 10, 20),
            ("", 20, 30),
            ("指标值", 30, 40),
        ]);
        let m = map_header(&[&r], None, &label);
        let spans: Vec<(i32, i32)> = m
            .leaves
            .iter()
            .map(|l| (l.span.left, l.span.right))
            .collect();
        assert_eq!(spans, vec![(0, 10), (10, 30), (30, 40)]);
    }

    #[test]
    fn unknown_headers_are_extra_and_periods_split() {
        let r = row("一级指标|二级指标|三级指标|指标值类型|指标值（长期）|指标值（年度）");
        let m = map_header(&[&r], None, &label);
        assert_eq!(m.leaves.get(3).map(|l| l.field), Some(Field::Extra));
        assert!(m.is_split());
        let lt = m.columns(IndicatorTable::LongTerm, true);
        assert_eq!(lt.len(), 5);
        assert_eq!(lt.last().map(|c| c.header.as_str()), Some("指标值（长期）"));
    }
}
