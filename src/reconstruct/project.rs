//! The header block of a 项目支出 approval (SPEC §2.3): labelled fields
//! (项目名称, 主管部门, 项目属性 with its check boxes, 项目起止时间 …), the
//! money printed in its 资金 block, a cost breakdown, and the goal texts.
//!
//! Forms print a label and its value side by side, several pairs a row
//! (`项目名称 | X | 项目属性 | 新增项目□ 延续项目√`); goals may stand in
//! columns under a row of goal labels (`长期目标 | 年度目标`). The reader
//! walks the rows in order: a cell that is a known label takes the next
//! cell that is not one as its value.

use crate::layout::trim;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::layout::{Row, Span};
use crate::model::{FundingRow, FundingSection, Project, Warning};

use super::funding::unit_in;
use super::header::normalize;
use super::lists::split_items;
use super::values::{
    clean_paragraphs, clean_text, parse_amount, parse_number, years_in, Word, PARAGRAPH_BREAK,
};
use super::Section;

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Name,
    Code,
    Department,
    DepartmentCode,
    Implementer,
    Category,
    Nature,
    Period,
    PeriodStart,
    PeriodEnd,
    /// A goal block: long-term (长期, 中期, 实施期, 项目总目标), annual
    /// (年度), or only 绩效目标 (annual unless the document has an annual
    /// block).
    Goal(GoalKind),
    /// The label of a money block (资金总额及构成, 项目资金（万元）).
    FundingBlock,
    /// A cost breakdown block (项目预算成本构成).
    CostBlock,
    /// A labelled amount (资金总额, 其中：财政拨款, 年度本级预算金额).
    Amount,
    /// The unit that filled in the form (填报单位, 编制单位): the
    /// department when the block names none.
    FormUnit,
    /// Any other labelled field: kept in `project.extra`.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoalKind {
    LongTerm,
    Annual,
    Either,
}

/// The labels of a project's header block, compared after whitespace and
/// a trailing colon are removed and brackets made ASCII.
const LABELS: &[(&str, Label)] = &[
    ("项目名称", Label::Name),
    ("项目支出名称", Label::Name),
    ("项目编码", Label::Code),
    ("项目代码", Label::Code),
    ("项目编号", Label::Code),
    ("主管部门", Label::Department),
    ("预算部门", Label::Department),
    ("主管部门及编码", Label::Department),
    ("主管部门及代码", Label::Department),
    ("预算部门及编码", Label::Department),
    ("预算部门及代码", Label::Department),
    ("主管部门(单位)", Label::Department),
    ("主管部门名称", Label::Department),
    ("项目主管部门", Label::Department),
    ("主管单位", Label::Department),
    ("主管单位名称", Label::Department),
    ("预算单位", Label::Department),
    ("预算单位名称", Label::Department),
    ("部门名称", Label::Department),
    ("单位名称", Label::Department),
    ("填报单位", Label::FormUnit),
    ("编制单位", Label::FormUnit),
    ("主管部门编码", Label::DepartmentCode),
    ("主管部门代码", Label::DepartmentCode),
    ("部门代码", Label::DepartmentCode),
    ("部门编码", Label::DepartmentCode),
    ("预算部门编码", Label::DepartmentCode),
    ("实施单位", Label::Implementer),
    ("项目单位", Label::Implementer),
    ("项目实施单位", Label::Implementer),
    ("项目类别", Label::Category),
    ("项目类型", Label::Category),
    ("项目性质", Label::Nature),
    ("项目属性", Label::Nature),
    ("项目起止时间", Label::Period),
    ("项目期", Label::Period),
    ("实施期", Label::Period),
    ("项目实施期", Label::Period),
    ("项目支出实施期", Label::Period),
    ("起止时间", Label::Period),
    ("项目周期", Label::Period),
    ("项目期限", Label::Period),
    ("实施期限", Label::Period),
    ("项目实施期限", Label::Period),
    ("执行期限", Label::Period),
    ("项目执行期", Label::Period),
    ("实施周期", Label::Period),
    ("项目实施周期", Label::Period),
    ("项目起止日期", Label::Period),
    ("起止日期", Label::Period),
    ("项目实施时间", Label::Period),
    ("实施时间", Label::Period),
    ("计划开始日期", Label::PeriodStart),
    ("计划完成日期", Label::PeriodEnd),
    ("计划结束日期", Label::PeriodEnd),
    ("项目开始时间", Label::PeriodStart),
    ("项目开始日期", Label::PeriodStart),
    ("开始时间", Label::PeriodStart),
    ("开始日期", Label::PeriodStart),
    ("项目结束时间", Label::PeriodEnd),
    ("项目结束日期", Label::PeriodEnd),
    ("项目完成时间", Label::PeriodEnd),
    ("结束时间", Label::PeriodEnd),
    ("结束日期", Label::PeriodEnd),
    ("完成时间", Label::PeriodEnd),
    ("项目负责人", Label::Other),
    ("负责人", Label::Other),
    ("联系人", Label::Other),
    ("联系电话", Label::Other),
    ("立项依据", Label::Other),
    // The form's year: no amount (预算 names money elsewhere).
    ("预算年度", Label::Other),
    ("填报年度", Label::Other),
    ("项目概况", Label::Other),
    ("资金总额及构成", Label::FundingBlock),
    ("项目资金", Label::FundingBlock),
    ("项目资金(万元)", Label::FundingBlock),
    ("项目资金(元)", Label::FundingBlock),
    ("资金情况", Label::FundingBlock),
    ("资金情况(万元)", Label::FundingBlock),
    ("项目资金情况", Label::FundingBlock),
    ("资金来源", Label::FundingBlock),
    ("项目预算成本构成", Label::CostBlock),
    ("项目成本测算", Label::CostBlock),
    ("成本测算", Label::CostBlock),
    ("项目成本构成", Label::CostBlock),
    ("成本构成", Label::CostBlock),
    ("预算成本构成", Label::CostBlock),
];

/// [`LABELS`] by word, with each word's place in the list (a cell's
/// label is looked up for every row of a table).
static LABEL_INDEX: LazyLock<rustc_hash::FxHashMap<&'static str, (usize, Label)>> =
    LazyLock::new(|| {
        let mut index = rustc_hash::FxHashMap::default();
        for (i, &(w, l)) in LABELS.iter().enumerate() {
            index.entry(w).or_insert((i, l));
        }
        index
    });

/// Words that make a label an amount when a number follows it.
const AMOUNT_WORDS: &[&str] = &[
    "资金", "金额", "拨款", "结转", "预算", "自有", "其他", "总额", "补助", "上级", "本级", "合计",
    "小计", "收入", "经费",
];

fn goal_kind(t: &str) -> Option<GoalKind> {
    let is_goal = t.ends_with("目标") || t.ends_with("绩效目标") || t.ends_with("总体目标");
    if !is_goal || t.chars().count() > 12 {
        return None;
    }
    if t.contains("年度") || t.contains("当年") {
        Some(GoalKind::Annual)
    } else if ["长期", "中期", "实施期", "项目总目标", "总目标"]
        .iter()
        .any(|w| t.contains(w))
        && !t.contains("总体")
    {
        Some(GoalKind::LongTerm)
    } else if t == "绩效目标" || t.contains("总体") {
        Some(GoalKind::Either)
    } else {
        None
    }
}

/// A label text as compared.
pub fn label_key(s: &str) -> String {
    let n = normalize(s);
    n.trim_end_matches([':', '：']).to_string()
}

/// A form's annotation rather than a field: the unit, the stamp line.
fn is_annotation(t: &str) -> bool {
    unit_in(t).is_some()
        || t.contains("盖章")
        || t.starts_with("填报单位")
        || t.starts_with("填表日期")
}

/// A money unit alone: `万元`, `元`.
fn is_money_unit(t: &str) -> bool {
    super::funding::MONEY_UNITS.contains(&trim(t))
}

/// A label of the header block the list does not know, as forms word
/// their fields (项目联系人, 项目实施地点, 主要建设内容, 政策依据): a few
/// characters, no figure or punctuation, ending on a word that names
/// what a field holds.
fn is_other_field_label(t: &str) -> bool {
    const ENDS: &[&str] = &[
        "人", "时间", "日期", "地点", "内容", "依据", "电话", "方式", "领域", "科目", "单位",
        "性质", "类型", "名称", "编码", "代码", "说明", "范围", "对象", "用途", "背景", "地址",
    ];
    let label = as_printed(t);
    let n = label.chars().count();
    (3..=10).contains(&n)
        && !label.chars().any(|c| {
            c.is_ascii_digit() || c.is_ascii_punctuation() || "，。、；（）【】“”".contains(c)
        })
        && ENDS.iter().any(|e| label.ends_with(e))
}

/// The label of a form's sign-off line (`编制单位：`, `填报单位（盖章）：`,
/// `填报人：`).
fn is_sign_off(t: &str) -> bool {
    let label = t.split_once([':', '：']).map_or(t, |(l, _)| l);
    super::indicators::is_signing_label(&as_printed(label))
}

/// A label as printed, for an item or an extra key: whitespace and a
/// trailing colon removed.
fn as_printed(s: &str) -> String {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    t.trim_end_matches([':', '：']).to_string()
}

/// Whether a cell is one of a project header block's labels.
pub(super) fn is_block_label(cell: &str) -> bool {
    label_of(cell).is_some()
}

/// Whether a cell labels one of the fields that say whose project it is
/// (主管部门, 实施单位, 项目编码, 项目类别…), not its money or goals.
pub(super) fn is_identity_label(cell: &str) -> bool {
    matches!(
        label_of(cell),
        Some(
            Label::Code
                | Label::Department
                | Label::DepartmentCode
                | Label::Implementer
                | Label::Category
                | Label::Nature
        )
    )
}

/// Whether two cells are the same label of a project header block, or
/// neither is one.
pub(super) fn same_block_label(a: &str, b: &str) -> bool {
    label_of(a) == label_of(b)
}

/// What a cell names, if it is a label.
fn label_of(cell: &str) -> Option<Label> {
    // Most cells are values, longer than any label: turned away before
    // they are copied.
    let word = Word::normalized(cell, 30)?;
    let k = word.as_str().trim_end_matches([':', '：']);
    // 资金总额及构成（万元）, 中期目标（2025年-2027年）: the unit or the
    // period in brackets is no part of the label.
    let unbracketed = match k.find('(') {
        Some(i) if k.ends_with(')') && i > 0 => k.get(..i).unwrap_or(k),
        _ => k,
    };
    if k.is_empty() || unbracketed.chars().count() > 16 {
        return None;
    }
    // The first of LABELS that is either.
    if let Some(&(_, l)) = [k, unbracketed]
        .iter()
        .filter_map(|w| LABEL_INDEX.get(w))
        .min_by_key(|(i, _)| *i)
    {
        return Some(l);
    }
    if let Some(g) = goal_kind(k).or_else(|| goal_kind(unbracketed)) {
        return Some(Label::Goal(g));
    }
    // 资金总额（万元）, 年度资金总额, 其中：财政拨款.
    let bare = k.trim_start_matches("其中").trim_start_matches(':');
    let bare = bare.split('(').next().unwrap_or(bare);
    // (Most short cells hold no character an amount word opens with.)
    static OPENS_AMOUNT_WORD: LazyLock<Vec<char>> = LazyLock::new(|| {
        AMOUNT_WORDS
            .iter()
            .filter_map(|w| w.chars().next())
            .collect()
    });
    let may_hold_amount_word = bare.chars().any(|c| OPENS_AMOUNT_WORD.contains(&c));
    // (A list is no label: 传承人补助、展演活动 names what money pays for.)
    if may_hold_amount_word
        && bare.chars().count() <= 12
        && !bare.contains(['、', '，', ',', '。', '；'])
        && AMOUNT_WORDS.iter().any(|w| bare.contains(w))
    {
        return Some(Label::Amount);
    }
    None
}

/// Whether a cell is a label of the header block.
pub fn is_project_label(cell: &str) -> bool {
    label_of(cell).is_some()
}

/// Whether a column of a flat table of projects (SPEC §2.4) headed `h`
/// holds a field of each project's header block beyond the table's own
/// (单位名称, 项目名称, 预算数, 年度目标): its code, implementer, category,
/// nature, period or another labelled field.
pub fn is_flat_project_column(h: &str) -> bool {
    matches!(
        label_of(h),
        Some(
            Label::Code
                | Label::DepartmentCode
                | Label::Implementer
                | Label::Category
                | Label::Nature
                | Label::Period
                | Label::PeriodStart
                | Label::PeriodEnd
                | Label::Other
        )
    )
}

/// A flat table's project with its other columns' values (header, value)
/// set as the same fields of a header block would be; the department
/// code a 主管部门编码 column gives.
pub fn with_flat_fields(
    project: Project,
    department_code: Option<String>,
    fields: &[(String, String)],
) -> (Project, Option<String>) {
    let mut b = ProjectBlock {
        project,
        department_code,
        ..ProjectBlock::default()
    };
    let (mut start, mut end) = (None, None);
    for (h, v) in fields {
        if let Some(label) = label_of(h) {
            set_field(&mut b, label, h, v, &mut start, &mut end);
        }
    }
    b.project.period = joined_period(b.project.period.take(), start, end);
    (b.project, b.department_code)
}

/// Whether a cell is the label of the project's name (项目名称, 项目支出名称).
pub fn names_project(cell: &str) -> bool {
    label_of(cell) == Some(Label::Name)
}

/// The option a check box row ticks: `新增项目□ 延续项目√` → 延续项目,
/// `☑延续项目 □新增项目` → 延续项目; the text itself when it has no boxes.
pub fn ticked(s: &str) -> Option<String> {
    const TICKS: &[char] = &['√', '☑', '■', '✓', '✔', '☒', '▣', '●'];
    const BOXES: &[char] = &['□', '☐', '○', '〇'];
    let is_mark = |c: char| TICKS.contains(&c) || BOXES.contains(&c);
    let s = &box_marks(s);
    if !s.chars().any(is_mark) {
        return clean_text(s);
    }
    let chars: Vec<char> = s.chars().collect();
    // Runs of option text between marks and separators.
    let is_sep = |c: char| c.is_whitespace() || is_mark(c) || matches!(c, '/' | '、' | ',' | '，');
    // (Blanks between a mark and its text, `□ 新增项目`, are skipped.)
    let run_before = |i: usize| -> String {
        let mut end = i;
        while end > 0 && chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
            end -= 1;
        }
        let mut j = end;
        while j > 0 && chars.get(j - 1).is_some_and(|&c| !is_sep(c)) {
            j -= 1;
        }
        chars
            .get(j..end)
            .map(|r| r.iter().collect())
            .unwrap_or_default()
    };
    let run_after = |i: usize| -> String {
        let mut start = i + 1;
        while chars.get(start).is_some_and(|c| c.is_whitespace()) {
            start += 1;
        }
        let mut j = start;
        while chars.get(j).is_some_and(|&c| !is_sep(c)) {
            j += 1;
        }
        chars
            .get(start..j)
            .map(|r| r.iter().collect())
            .unwrap_or_default()
    };
    // A mark belongs to the text it touches; the box style (mark before
    // or after its option) is the one the unticked boxes show.
    let first_box = chars.iter().position(|c| BOXES.contains(c));
    let mark_after = first_box.is_some_and(|i| !run_before(i).is_empty());
    // Without boxes to show the style, a mark written against the option
    // before it and apart from the next (`新增项目✓  延续项目`) is that
    // option's.
    let touches = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&c| !is_sep(c));
    for (i, c) in chars.iter().enumerate() {
        if TICKS.contains(c) {
            let (a, b) = (run_before(i), run_after(i));
            let after_its_option =
                first_box.is_none() && touches(i.checked_sub(1)) && !touches(Some(i + 1));
            let pick = if (mark_after || after_its_option) && !a.is_empty() || b.is_empty() {
                a
            } else {
                b
            };
            if !pick.is_empty() {
                return Some(pick);
            }
        }
    }
    None
}

/// Whether a value offers its options with check boxes.
fn has_check_boxes(s: &str) -> bool {
    // (Also boxes written as brackets: `一般项目（ ） 重点项目（√）`.)
    box_marks(s).contains(['□', '☐', '☑', '☒', '■', '▣'])
}

/// `s` with its check boxes as one character each: a tick or nothing in
/// brackets (`延续项目（√）`, `新增项目[ ]`) is the tick or an empty box,
/// and a Wingdings box copied from a PDF as a private-use character
/// (U+F0FE, U+F0A8) the box it draws.
fn box_marks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let has_tick = s.contains(['√', '✓', '✔', '☑']);
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let close = match c {
            '(' | '（' => Some([')', '）']),
            '[' | '【' => Some([']', '】']),
            _ => None,
        };
        if let Some(close) = close {
            // Up to three characters inside: blanks and at most one mark.
            let inner_end = (i + 1..chars.len().min(i + 5))
                .find(|&j| chars.get(j).is_some_and(|c| close.contains(c)));
            if let Some(end) = inner_end {
                let inner: String = chars.get(i + 1..end).unwrap_or_default().iter().collect();
                let inner = trim(&inner);
                let mark = match inner {
                    "" => Some('□'),
                    "√" | "✓" | "✔" | "☑" | "■" | "●" | "☒" => Some('√'),
                    // A cross beside a tick says "not this one"
                    // (新增项目（×）延续项目（√）); alone, it marks the choice.
                    "×" | "✗" | "✘" | "x" | "X" if has_tick => Some('□'),
                    "×" | "✗" | "✘" | "x" | "X" => Some('√'),
                    _ => None,
                };
                if let Some(m) = mark {
                    out.push(m);
                    i = end + 1;
                    continue;
                }
            }
        }
        let c = match c as u32 {
            code @ 0xf000..=0xf0ff => crate::extract::symbol_char("wingdings", code).unwrap_or(c),
            _ => c,
        };
        out.push(c);
        i += 1;
    }
    out
}

/// What the header block gave.
#[derive(Debug, Clone, Default)]
pub struct ProjectBlock {
    pub project: Project,
    pub department: Option<String>,
    pub department_code: Option<String>,
    pub unit: Option<String>,
    pub funding: Vec<FundingRow>,
    pub cost_years: Vec<i32>,
    pub long_term_goals: Vec<String>,
    pub annual_goals: Vec<String>,
    /// Goals of a block labelled only 绩效目标 / 总体目标.
    pub either_goals: Vec<String>,
    pub long_term_deadline: Option<i32>,
    /// Texts of the block that are no known label's and no label's value.
    pub unread: Vec<String>,
    /// Amounts that could not be read (`bad_number`, on the funding rows).
    pub warnings: Vec<Warning>,
    /// The label `project.period` was read under, as printed: a later
    /// period that takes its place moves it to `project.extra` under it.
    period_label: Option<String>,
    /// 填报单位 and its value, as printed.
    form_unit: Option<(String, String)>,
}

/// Where a money or cost block is being read.
#[derive(Debug, Clone, Default, PartialEq)]
enum Mode {
    #[default]
    Fields,
    Funding,
    /// A cost table: its header's column meanings once seen.
    Cost(Option<Vec<CostColumn>>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CostColumn {
    Item,
    Amount,
    Note,
    Year(i32),
    Other,
}

fn cost_column(h: &str) -> CostColumn {
    let t = normalize(h);
    if let Some(y) = years_in(&t).first() {
        return CostColumn::Year(*y);
    }
    if t.contains("金额") || t.contains("预算数") || t == "合计" {
        CostColumn::Amount
    } else if t.contains("依据") || t.contains("测算") || t.contains("说明") {
        CostColumn::Note
    } else if t.contains("项目") || t.contains("名称") || t.contains("明细") || t.contains("内容")
    {
        CostColumn::Item
    } else {
        CostColumn::Other
    }
}

/// A text with its paragraphs ([`PARAGRAPH_BREAK`]) run together, for
/// fields that hold one text.
fn flat(t: &str) -> String {
    // (A line broken by hand in a name, `某某医保` / `参保扩面项目`,
    // closes up as wrapped lines do: a space only between Latin words.)
    if !t.contains([PARAGRAPH_BREAK, super::values::LINE_BREAK]) {
        return t.to_string();
    }
    super::values::join_lines(&t.replace([PARAGRAPH_BREAK, super::values::LINE_BREAK], "\n"))
}

/// An amount printed after its label in one cell (`年度资金总额：360`,
/// `其中：财政拨款：360`) as the two cells a table would have; any other
/// cell as it is.
fn split_amount_cell(cell: Option<String>) -> Vec<Option<String>> {
    // A cell of such paragraphs (a table nested in the cell, one amount a
    // row) is as many pairs; so is a nested table of labels over amounts,
    // and a cell whose lines were joined (a PDF's), one after another:
    // `年度资金总额：96.00其中：财政拨款：96.00`.
    let each = |pieces: Vec<&str>| -> Option<Vec<(String, String)>> {
        pieces.into_iter().map(label_and_amount).collect()
    };
    let pairs = cell.as_deref().and_then(|t| {
        each(t.split(PARAGRAPH_BREAK).collect())
            .or_else(|| labels_over_amounts(t))
            .or_else(|| {
                let pieces = after_amounts(t);
                (pieces.len() > 1).then(|| each(pieces)).flatten()
            })
    });
    match pairs {
        Some(pairs) => pairs
            .into_iter()
            .flat_map(|(l, a)| [Some(l), Some(a)])
            .collect(),
        None => vec![cell],
    }
}

/// A table nested in the cell with amount labels over their amounts, as
/// its two lines (`资金总额 财政拨款 其他资金` / `138.00 130.00 8.00`):
/// the label and amount pairs.
fn labels_over_amounts(t: &str) -> Option<Vec<(String, String)>> {
    let lines: Vec<&str> = t
        .split([PARAGRAPH_BREAK, '\n'])
        .filter(|l| !trim(l).is_empty())
        .collect();
    let [labels, amounts] = lines.as_slice() else {
        return None;
    };
    let labels: Vec<&str> = labels.split_whitespace().collect();
    let amounts: Vec<&str> = amounts.split_whitespace().collect();
    let fits = labels.len() == amounts.len()
        && labels.len() > 1
        && labels.iter().all(|l| label_of(l) == Some(Label::Amount))
        && amounts.iter().all(|a| parse_amount(a).is_some());
    fits.then(|| {
        labels
            .iter()
            .zip(&amounts)
            .map(|(l, a)| (l.to_string(), a.to_string()))
            .collect()
    })
}

/// `t` cut after each amount that a label follows (a digit, then a
/// Chinese character that is no unit, perhaps past blanks:
/// `86.00　其中：财政拨款：80.00`), and at `，` / `；`.
fn after_amounts(t: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        let cut_before = prev.is_some_and(|p| p.is_ascii_digit())
            && super::values::is_cjk(c)
            && !"万元千亿".contains(c);
        if cut_before || matches!(c, '，' | '；' | ',' | ';') {
            pieces.push(t.get(start..i).unwrap_or_default());
            start = if cut_before { i } else { i + c.len_utf8() };
        }
        prev = Some(c);
    }
    pieces.push(t.get(start..).unwrap_or_default());
    pieces.retain(|p| !trim(p).is_empty());
    pieces
}

/// A field printed after its label in one cell (`项目名称：某项目`, a line
/// of the form's text) as the two cells a table would have; any other
/// cell as it is. A value cell that runs on into the next field
/// (`王五　　联系电话：0718-3321234`) is cut before it. (Amounts are
/// [`split_amount_cell`]'s; goal lines are cut before.)
fn split_field_cell(cell: Option<String>) -> Vec<Option<String>> {
    let Some(text) = cell.as_deref() else {
        return vec![cell];
    };
    let mut out = Vec::new();
    let mut rest = Some(text);
    let mut field = field_and_rest(text);
    if field.is_none() {
        match next_field_at(text, is_field_label) {
            Some(at) if at > 0 => {
                out.push(text.get(..at).map(|v| trim(v).to_string()));
                rest = text.get(at..);
                field = rest.and_then(field_and_rest);
            }
            _ => return vec![cell],
        }
    }
    // Several fields on one line (`主管部门：某局　　实施单位：某中心`):
    // each label with its value.
    while let Some((label, value, next)) = field {
        out.push(Some(label.to_string()));
        out.push(Some(value.to_string()));
        rest = next;
        field = next.and_then(field_and_rest);
    }
    out.extend(rest.map(|r| Some(r.to_string())));
    out
}

/// A label as forms print one before a colon: a few characters, not a
/// number (`10:30` is a time).
fn is_short_label(l: &str) -> bool {
    let n = l.chars().count();
    (2..=8).contains(&n) && l.chars().any(super::values::is_cjk)
}

/// Whether a label names one of the header block's fields, or whom to ask
/// about the project (项目负责人, 联系电话: short values that share lines
/// with the fields).
fn is_field_label(label: &str) -> bool {
    match label_of(label) {
        Some(
            Label::Name
            | Label::Code
            | Label::Department
            | Label::DepartmentCode
            | Label::Implementer
            | Label::Category
            | Label::Nature
            | Label::Period
            | Label::FundingBlock,
        ) => true,
        Some(Label::Other) => matches!(
            as_printed(label).as_str(),
            "项目负责人" | "负责人" | "联系人" | "联系电话"
        ),
        _ => false,
    }
}

/// Where, after a blank, a label and its colon begin that `is_label`
/// accepts.
fn next_field_at(t: &str, is_label: impl Fn(&str) -> bool) -> Option<usize> {
    t.char_indices()
        .filter(|&(i, c)| {
            c.is_whitespace()
                && t.get(i + c.len_utf8()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|n| !n.is_whitespace())
        })
        .map(|(i, c)| i + c.len_utf8())
        .find(|&at| {
            t.get(at..)
                .and_then(|r| r.split_once([':', '：']))
                .is_some_and(|(l, _)| !l.contains(char::is_whitespace) && is_label(l))
        })
}

/// `label：value` where the label names a field of the header block: the
/// label, the value, and what follows the value after a blank where
/// another label and its colon begin.
fn field_and_rest(t: &str) -> Option<(&str, &str, Option<&str>)> {
    let (label, value) = t.split_once([':', '：'])?;
    if !is_field_label(label) {
        return None;
    }
    // The next: a field's label, or any short one (`某局　　单位：万元`); no
    // name, code or period runs on into a label of its own.
    let next = next_field_at(value, |l| is_field_label(l) || is_short_label(l));
    let (value, rest) = match next {
        Some(at) => (value.get(..at)?, value.get(at..)),
        None => (value, None),
    };
    let value = trim(value);
    (!value.is_empty()).then(|| (trim(label), value, rest))
}

/// The amounts a sentence writes out after their labels, in order
/// (`资金总额 1,450.00万元，其中：财政拨款 1,300.00万元` → 资金总额 1450,
/// 其中：财政拨款 1300, with their unit); only labels that name amounts
/// count.
pub fn amounts_in_prose(text: &str) -> Vec<(String, f64, String)> {
    static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"((?:其中[:：]?)?[\p{Han}]{2,10})\s*[:：]?\s*(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元|千元|亿元)")
            .expect("valid regex")
    });
    AMOUNT
        .captures_iter(text)
        .filter_map(|c| {
            let label = c.get(1)?.as_str();
            let n = parse_number(c.get(2)?.as_str())?;
            let unit = c.get(3)?.as_str().to_string();
            (label_of(label) == Some(Label::Amount)).then(|| (label.to_string(), n, unit))
        })
        .collect()
}

/// Money units a form prints after an amount (`235.80万元`).
const MONEY_UNITS: &[&str] = &["万元", "千元", "亿元", "元"];

/// An amount: a number, perhaps with its money unit after it
/// (`235.80万元`, as a cell or a spreadsheet's number format `0.00"万元"`
/// prints it), and that unit.
fn money(s: &str) -> Option<(f64, Option<&'static str>)> {
    if let Some(n) = parse_number(s) {
        return Some((n, None));
    }
    let t = trim(s);
    MONEY_UNITS.iter().find_map(|&u| {
        // The unit after the number, or in brackets after it (100.00（万元）).
        let number = t.strip_suffix(u).or_else(|| {
            t.strip_suffix([')', '）'])?
                .strip_suffix(u)?
                .strip_suffix(['(', '（'])
        })?;
        Some((parse_number(number)?, Some(u)))
    })
}

/// Amounts printed with their unit (`235.80万元`): the block's unit when it
/// states none; one in another unit than the block's stays as printed, in
/// `extra` (a 元 figure is no amount of a 万元 block).
fn units_of_amounts(b: &mut ProjectBlock, with_unit: &[(usize, &'static str, String, String)]) {
    if b.unit.is_none() {
        b.unit = with_unit.first().map(|(_, u, _, _)| u.to_string());
    }
    for (i, u, label, text) in with_unit.iter().rev() {
        if b.unit.as_deref() != Some(*u) && *i < b.funding.len() {
            b.funding.remove(*i);
            b.project.extra.insert(as_printed(&flat(label)), flat(text));
        }
    }
}

/// `年度资金总额：360` or `年度资金总额 360` as the label and the amount.
fn label_and_amount(t: &str) -> Option<(String, String)> {
    // An amount written with its unit (`年度资金总额：650万元`) is split as
    // the number and keeps its unit, as an amount cell that prints one.
    let (t, unit) = match MONEY_UNITS
        .iter()
        .find_map(|u| Some((trim(t).strip_suffix(u)?, *u)))
    {
        Some((rest, u)) if rest.ends_with(|c: char| c.is_ascii_digit()) => (rest, u),
        _ => (trim(t), ""),
    };
    let (label, amount) = t
        .rsplit_once([':', '：'])
        .filter(|(_, a)| parse_number(a).is_some())
        .or_else(|| t.rsplit_once(char::is_whitespace))
        .or_else(|| {
            // Run together (`年度资金总额860.00`): the amount at the end.
            let digits = t
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
                .map(char::len_utf8)
                .sum::<usize>();
            let at = t
                .len()
                .checked_sub(digits)
                .filter(|&at| at > 0 && digits > 0)?;
            Some((t.get(..at)?, t.get(at..)?))
        })?;
    let amount = trim(amount);
    let is_amount_label = label_of(label) == Some(Label::Amount);
    (is_amount_label && parse_number(amount).is_some())
        .then(|| (trim(label).to_string(), format!("{amount}{unit}")))
}

/// Reads the header block from the rows outside the indicator tables.
/// `hard`: the layout's line breaks are the file's own, so rows of text
/// under a goal label are its paragraphs.
pub fn read_block(rows: &[&Row], hard: bool) -> ProjectBlock {
    let joined = join_cut_cells(rows);
    let rows: Vec<&Row> = joined.iter().map(|r| &**r).collect();
    let mut b = ProjectBlock::default();
    // Amounts printed with their money unit: (row, unit, label, text).
    let mut with_unit: Vec<(usize, &'static str, String, String)> = Vec::new();
    // A goal label on a line of its own, and the lines of text under it.
    let mut goal_lines: Option<(GoalKind, String, Vec<String>)> = None;
    let mut start: Option<String> = None;
    let mut end: Option<String> = None;
    let mut mode = Mode::Fields;
    // Goal labels standing over columns, waiting for their texts.
    let mut goal_columns: Vec<(usize, GoalKind, String)> = Vec::new();
    // Amount labels standing over columns, waiting for their amounts.
    let mut column_labels: Vec<(At, String)> = Vec::new();
    // Field labels standing over columns, waiting for their values.
    let mut field_columns: Vec<(usize, Label, String)> = Vec::new();
    // Lines of text on their own that no label heads yet: the first lines
    // of a goal whose label is centred beside them (a form without rules
    // prints the label on a line below them).
    let mut orphans: Vec<String> = Vec::new();
    for (ri, &row) in rows.iter().enumerate() {
        let (cells, placed): (Vec<Option<String>>, Vec<Option<Span>>) =
            block_cells_placed(row).into_iter().unzip();
        let at = |index: usize| At {
            index,
            columns: placed.get(index).copied().flatten(),
        };
        let texts: Vec<(usize, &str)> = cells
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_deref().map(|t| (i, t)))
            .collect();
        if texts.is_empty() {
            continue;
        }
        if let [(_, t)] = texts.as_slice() {
            // (Not where a row of labels waits for its values below.)
            let waiting = !goal_columns.is_empty()
                || !field_columns.is_empty()
                || !column_labels.is_empty()
                || matches!(mode, Mode::Cost(_));
            if goal_lines.is_none() && !waiting && is_orphan_line(t) {
                orphans.push(t.to_string());
                continue;
            }
        }
        // A row that starts a goal's lines below (either form read just
        // below): the lines above it are its first ones.
        let starts_goal = match texts.as_slice() {
            [(_, t)] => matches!(label_of(t), Some(Label::Goal(_))),
            [(_, label), (_, text)] => {
                row.spans.is_none()
                    && matches!(label_of(label), Some(Label::Goal(_)))
                    && label_of(text).is_none()
            }
            _ => false,
        };
        let above = if starts_goal {
            goal_lines_above(&mut orphans, hard)
        } else {
            Vec::new()
        };
        unread_orphans(&mut b, &mut orphans);
        if let [(_, t)] = texts.as_slice() {
            match label_of(t) {
                Some(Label::Goal(g)) => {
                    flush_goal_lines(&mut b, goal_lines.take(), hard);
                    goal_lines = Some((g, t.to_string(), above));
                    continue;
                }
                // (A line ending on a colon heads another block.)
                None if goal_lines.is_some()
                    && parse_number(t).is_none()
                    && !is_annotation(t)
                    && !t.trim_end().ends_with([':', '：']) =>
                {
                    if let Some((_, _, lines)) = goal_lines.as_mut() {
                        lines.push(t.to_string());
                    }
                    continue;
                }
                _ => {}
            }
        }
        flush_goal_lines(&mut b, goal_lines.take(), hard);
        // A line of text `年度绩效目标：1、…` (a label line cut in two):
        // the lines under it continue its goals (on a printed page, the
        // wrapped rest of the last one).
        if let ([(_, label), (_, text)], None) = (texts.as_slice(), &row.spans) {
            if let (Some(Label::Goal(g)), None) = (label_of(label), label_of(text)) {
                let mut lines = above;
                lines.push(text.to_string());
                goal_lines = Some((g, label.to_string(), lines));
                continue;
            }
        }
        if b.unit.is_none() {
            b.unit = texts.iter().find_map(|(_, t)| unit_in(t));
        }
        // A row of goal labels only: their texts follow in the next row.
        let goal_labels: Vec<(usize, GoalKind, String)> = texts
            .iter()
            .filter_map(|&(i, t)| match label_of(t) {
                Some(Label::Goal(g)) => Some((i, g, t.to_string())),
                _ => None,
            })
            .collect();
        if goal_labels.len() >= 2 && goal_labels.len() == texts.len() {
            goal_columns = goal_labels;
            mode = Mode::Fields;
            continue;
        }
        if !goal_columns.is_empty() && texts.iter().all(|(_, t)| label_of(t).is_none()) {
            // As many texts as goal columns: one each, in order. One fewer
            // under 总体目标 | 年度目标 | 实施期目标: the first label, naming
            // no period, labels the rows (a merged cell on their left that
            // a text dump prints once), so the texts are the others'.
            let row_label = goal_columns.len() >= 3
                && goal_columns.first().map(|g| g.1) == Some(GoalKind::Either)
                && texts.len() + 1 == goal_columns.len();
            let in_order = texts.len() == goal_columns.len() || row_label;
            let skip = usize::from(row_label);
            for (k, &(i, t)) in texts.iter().enumerate() {
                // Else the goal label at or before the text's column.
                let goal = goal_columns
                    .get(k + skip)
                    .filter(|_| in_order)
                    .or_else(|| goal_columns.iter().rev().find(|(c, _, _)| *c <= i))
                    .or(goal_columns.first())
                    .map(|(_, g, label)| (*g, label.clone()));
                if let Some((g, label)) = goal {
                    push_goals(&mut b, g, &label, t);
                }
            }
            goal_columns.clear();
            continue;
        }
        goal_columns.clear();
        let first_label = texts.first().and_then(|(_, t)| label_of(t));
        match first_label {
            Some(Label::FundingBlock) => mode = Mode::Funding,
            Some(Label::CostBlock) => mode = Mode::Cost(None),
            Some(Label::Amount) | None if mode == Mode::Funding => {}
            None if matches!(mode, Mode::Cost(_)) => {}
            Some(Label::Amount) => {}
            _ => mode = Mode::Fields,
        }
        if let Mode::Cost(columns) = &mut mode {
            read_cost_row(&mut b, columns, &cells, &texts);
            continue;
        }
        // A row of amount labels over a row of amounts (资金总额 | 财政拨款 |
        // 自有资金 over 126.50 | 106.50 | 8.00): pairs by column.
        let amount_labels: Vec<(usize, &str)> = texts
            .iter()
            .copied()
            .filter(|(_, t)| label_of(t) == Some(Label::Amount))
            .collect();
        // (An amount may print its unit: 150万元.)
        let numbers: Vec<(usize, f64, Option<&'static str>, &str)> = texts
            .iter()
            .filter_map(|&(i, t)| money(t).map(|(n, u)| (i, n, u, t)))
            .collect();
        if !column_labels.is_empty() && !numbers.is_empty() && numbers.len() == texts.len() {
            for (i, n, unit, t) in numbers {
                if let Some(label) = head_over(&column_labels, at(i)) {
                    if let Some(u) = unit {
                        with_unit.push((b.funding.len(), u, label.clone(), t.to_string()));
                    }
                    b.funding.push(amount_row(label, Some(n)));
                } else {
                    // (An amount under no label is said, not dropped.)
                    b.unread.push(flat(t));
                }
            }
            column_labels.clear();
            continue;
        }
        // Amounts of two periods side by side (实施期资金总额 | 年度资金总额
        // over 资金总额 | 4,500 | 1,800): one row each, the item's label
        // and its column's joined as a header path is (资金总额/年度资金总额).
        let item = texts.first().filter(|(_, t)| money(t).is_none());
        let by_column = column_labels.len() >= 2
            && numbers.len() >= 2
            && numbers.len() + 1 == texts.len()
            && numbers
                .iter()
                .all(|(i, ..)| head_over(&column_labels, at(*i)).is_some());
        if let (Some(&(_, item)), true) = (item, by_column) {
            for (i, n, unit, t) in numbers {
                if let Some(column) = head_over(&column_labels, at(i)) {
                    let label = format!("{item}/{column}");
                    if let Some(u) = unit {
                        with_unit.push((b.funding.len(), u, label.clone(), t.to_string()));
                    }
                    b.funding.push(amount_row(&label, Some(n)));
                }
            }
            // The columns stand over the rows below too.
            continue;
        }
        column_labels.clear();
        // A row of field labels over a row of their values (项目名称 |
        // 主管部门 | 实施单位 over the names): pairs by column.
        if !field_columns.is_empty() && texts.iter().all(|(_, t)| label_of(t).is_none()) {
            for &(i, v) in &texts {
                let label = field_columns
                    .iter()
                    .rev()
                    .find(|(c, _, _)| *c <= i)
                    .map(|(_, l, t)| (*l, t.clone()));
                match label {
                    Some((l, t)) => set_field(&mut b, l, &t, v, &mut start, &mut end),
                    None => b.unread.push(flat(v)),
                }
            }
            field_columns.clear();
            continue;
        }
        field_columns.clear();
        let field_labels: Vec<(usize, Label, String)> = texts
            .iter()
            .filter_map(|&(i, t)| match label_of(t)? {
                Label::Amount | Label::FundingBlock | Label::CostBlock | Label::Goal(_) => None,
                l => Some((i, l, t.to_string())),
            })
            .collect();
        if field_labels.len() >= 2 && field_labels.len() == texts.len() {
            field_columns = field_labels;
            continue;
        }
        // (Amounts with their unit, `235.80万元`, make it no such row; nor
        // is one without amounts under it: 资金用途 | 传承人补助、展演活动 is
        // a label and its text.)
        let amounts_below = rows
            .get(ri + 1)
            .is_some_and(|r| r.texts().any(|t| money(t).is_some()));
        if amount_labels.len() >= 2
            && amounts_below
            && texts.iter().all(|(_, t)| money(t).is_none())
        {
            // (Every label of the row heads its column, a source the
            // labels do not know too: 资金总额 | 中央资金 | 县级配套.)
            column_labels = texts
                .iter()
                .filter(|(_, t)| match label_of(t) {
                    Some(Label::Amount) => true,
                    None => !is_annotation(t) && t.chars().count() <= 12,
                    Some(_) => false,
                })
                .map(|&(i, t)| (at(i), t.to_string()))
                .collect();
            if let Some(u) = texts.iter().find_map(|(_, t)| unit_in(t)) {
                b.unit = Some(u);
            }
            continue;
        }
        // Columns of the money's sources over the amounts (资金来源 | 中央 |
        // 省级 | 市县 over 年度资金总额 | 100 | 50 | 30): each amount is its
        // row's item and its column's, as above.
        if mode == Mode::Funding {
            let heads: Vec<(usize, &str)> = texts
                .iter()
                .copied()
                .filter(|(_, t)| label_of(t) != Some(Label::FundingBlock))
                .collect();
            let is_head = |t: &str| money(t).is_none() && t.chars().count() <= 10;
            if heads.len() >= 2 && heads.iter().all(|(_, t)| is_head(t)) {
                let amounts_under: Vec<At> = rows
                    .get(ri + 1)
                    .map(|r| {
                        block_cells_placed(r)
                            .iter()
                            .enumerate()
                            .filter(|(_, (c, _))| c.as_deref().and_then(money).is_some())
                            .map(|(index, (_, columns))| At {
                                index,
                                columns: *columns,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let heads: Vec<(At, String)> =
                    heads.iter().map(|&(i, t)| (at(i), t.to_string())).collect();
                if amounts_under.len() >= 2
                    && amounts_under
                        .iter()
                        .all(|&a| head_over(&heads, a).is_some())
                {
                    column_labels = heads;
                    continue;
                }
            }
        }
        // A label's options with their check boxes in cells of their own
        // (`项目属性 | 新增项目 | □ | 延续项目 | ☑`): the options are its
        // one value, as they are printed in one cell.
        if let Some(((_, label), options)) = texts.split_first().filter(|(_, rest)| rest.len() >= 2)
        {
            if let Some(l @ (Label::Nature | Label::Category)) = label_of(label) {
                let joined = options
                    .iter()
                    .map(|(_, t)| *t)
                    .collect::<Vec<_>>()
                    .join(" ");
                // (A tick alone marks the option too: `新增项目 | | 延续项目 | √`.)
                let marked = has_check_boxes(&joined) || joined.contains(['√', '✓', '✔']);
                if marked && options.iter().all(|(_, t)| label_of(t).is_none()) {
                    set_field(&mut b, l, label, &joined, &mut start, &mut end);
                    continue;
                }
            }
        }
        let mut k = 0;
        while let Some(&(_, t)) = texts.get(k) {
            k += 1;
            let label = label_of(t);
            // The value: the next text that is not a label. A text that
            // only looks like an amount's label (河湖长制工作经费) is one
            // when an amount follows it.
            let is_label_at = |j: usize| match texts.get(j).and_then(|(_, v)| label_of(v)) {
                Some(Label::Amount) => texts.get(j + 1).is_some_and(|(_, n)| money(n).is_some()),
                Some(_) => true,
                None => false,
            };
            let value = match texts.get(k) {
                Some(&(_, v)) if !is_label_at(k) => {
                    k += 1;
                    Some(v)
                }
                _ => None,
            };
            match (label, value) {
                (Some(Label::FundingBlock | Label::CostBlock), _) => {
                    if let Some(u) = unit_in(t) {
                        b.unit = Some(u);
                    }
                    match value.map(|v| (v, parse_number(v))) {
                        // A block label printed with its total.
                        Some((_, Some(n))) => b.funding.push(amount_row(t, Some(n))),
                        Some((v, None)) => {
                            // The amounts written out in a sentence (项目资金：
                            // 资金总额 1,450.00万元，其中：财政拨款 1,300.00万元);
                            // else a label beside it is the block's first
                            // field, other text the block's own.
                            let in_prose = amounts_in_prose(v);
                            let own_text =
                                label_of(v).is_none() && !v.chars().any(|c| c.is_ascii_digit());
                            if in_prose.is_empty() && !own_text {
                                k -= 1;
                            } else if in_prose.is_empty() {
                                // Text of its own (资金来源 | 县级财政预算安排).
                                b.project.extra.insert(as_printed(&flat(t)), flat(v));
                            }
                            for (label, n, unit) in in_prose {
                                b.unit = b.unit.take().or(Some(unit));
                                b.funding.push(amount_row(&label, Some(n)));
                            }
                        }
                        None => {}
                    }
                }
                (Some(Label::Amount), Some(v)) => {
                    match parse_amount(v).map(|n| (n, None)).or_else(|| money(v)) {
                        Some((n, unit)) => {
                            if let Some(u) = unit {
                                with_unit.push((b.funding.len(), u, t.to_string(), v.to_string()));
                            }
                            b.funding.push(amount_row(t, Some(n)));
                        }
                        // An amount cell filled with a mark (/, 无): no amount.
                        None if super::indicators::is_filler(v) => {
                            b.funding.push(amount_row(t, None));
                        }
                        // Figures among other marks (a stamp's text over
                        // the cell: `★ 560.00`): the amount's row, with
                        // no amount, said.
                        None if v.chars().any(|c| c.is_ascii_digit()) => {
                            b.funding.push(amount_row(t, None));
                            b.warnings.push(Warning {
                                table: Some(FundingSection::ProjectFunding.as_str().to_string()),
                                seq: u32::try_from(b.funding.len()).ok(),
                                page: row.page,
                                ..Warning::new(
                                    "bad_number",
                                    format!(
                                        "{} {:?} is not a number; null",
                                        as_printed(&flat(t)),
                                        flat(v)
                                    ),
                                )
                            });
                        }
                        None => {
                            b.project.extra.insert(as_printed(&flat(t)), flat(v));
                        }
                    }
                }
                // An amount's label printed with an empty amount cell: a
                // row without an amount (nothing printed is dropped).
                (Some(Label::Amount), None)
                    if mode == Mode::Funding && texts.len() == 1 && row.cells.len() > 1 =>
                {
                    b.funding.push(amount_row(t, None));
                }
                (Some(Label::Amount), None) => {}
                (Some(l), Some(v)) => set_field(&mut b, l, t, v, &mut start, &mut end),
                (Some(_), None) => {}
                (None, _) => {
                    let amount = value.and_then(parse_number);
                    match amount {
                        // An amount label of the block not in the list.
                        Some(n) if mode == Mode::Funding => b.funding.push(amount_row(t, Some(n))),
                        // A heading or note on a line of its own is no field,
                        // nor a form's own annotations (填报单位：(盖章), 单位：万元).
                        _ if is_annotation(t) => {}
                        _ if texts.iter().filter(|(_, t)| !is_annotation(t)).count() < 2 => {}
                        // The sign-off (编制单位：某局 | 日期：…, 填报人：…).
                        _ if is_sign_off(t) => {}
                        // A money unit in a cell of its own after the amount
                        // (资金总额 | 100.00 | 万元).
                        _ if mode == Mode::Funding && is_money_unit(t) => {
                            b.unit.get_or_insert_with(|| trim(t).to_string());
                        }
                        // Another field of the block: kept under its label.
                        _ if mode == Mode::Fields && is_other_field_label(t) => {
                            if let Some(v) = value {
                                insert_extra(&mut b.project.extra, &as_printed(&flat(t)), flat(v));
                            } else {
                                b.unread.push(flat(t));
                            }
                        }
                        _ => {
                            b.unread.push(flat(t));
                            b.unread.extend(value.map(str::to_string));
                        }
                    }
                }
            }
        }
    }
    unread_orphans(&mut b, &mut orphans);
    units_of_amounts(&mut b, &with_unit);
    flush_goal_lines(&mut b, goal_lines.take(), hard);
    b.project.period = joined_period(b.project.period.take(), start, end);
    with_form_unit(&mut b);
    b
}

/// The unit that filled in the form is the department where the block
/// names none (a form under `填报单位：某局`, no 主管部门 field); beside
/// another department it is kept in `project.extra`.
fn with_form_unit(b: &mut ProjectBlock) {
    let Some((label, value)) = b.form_unit.take() else {
        return;
    };
    let (code, name) = super::split_department_code(&value);
    match &b.department {
        None if !name.is_empty() => {
            b.department = Some(name);
            if b.department_code.is_none() {
                b.department_code = code;
            }
        }
        Some(d) if *d == name => {}
        _ => insert_extra(&mut b.project.extra, &label, flat(&value)),
    }
}

/// The period as printed, else 计划开始日期 and 计划完成日期 joined.
fn joined_period(
    period: Option<String>,
    start: Option<String>,
    end: Option<String>,
) -> Option<String> {
    period.or(match (start, end) {
        (Some(s), Some(e)) => Some(format!("{s}-{e}")),
        (Some(s), None) => Some(s),
        (None, e) => e,
    })
}

/// A row's cells as the block reads them: paragraphs joined, two amounts
/// or two fields printed in one cell split. Each with the grid columns of the cell it came from
/// (`None` in a row without positions).
fn block_cells_placed(row: &Row) -> Vec<(Option<String>, Option<Span>)> {
    row.cells
        .iter()
        .enumerate()
        .flat_map(|(k, c)| {
            let at = row.spans.as_ref().and_then(|s| s.get(k)).copied();
            split_amount_cell(clean_paragraphs(c))
                .into_iter()
                .flat_map(split_field_cell)
                .map(move |piece| (piece, at))
        })
        .collect()
}

/// Where a block cell stands: its index among its row's block cells, and
/// its grid columns where the row has positions.
#[derive(Clone, Copy, Debug, PartialEq)]
struct At {
    index: usize,
    columns: Option<Span>,
}

/// The entry of `heads` standing over a cell at `at`: where both have grid
/// positions, the one its columns overlap most (an amount in either
/// column under a label merged over two); else the one at its index.
fn head_over<T>(heads: &[(At, T)], at: At) -> Option<&T> {
    if let Some(cell) = at
        .columns
        .filter(|_| heads.iter().all(|(h, _)| h.columns.is_some()))
    {
        // (Of two it overlaps alike, the first.)
        return heads
            .iter()
            .filter_map(|(h, v)| Some((h.columns?.overlap(&cell), v)))
            .filter(|&(o, _)| o > 0)
            .rev()
            .max_by_key(|&(o, _)| o)
            .map(|(_, v)| v);
    }
    heads
        .iter()
        .find(|(h, _)| h.index == at.index)
        .map(|(_, v)| v)
}

/// The rows of a header block with cells cut by a page break mended: a
/// row on a new page that holds only the rest of texts above it (its
/// label column empty, each text under a text of the last row of the
/// page before: a long 年度绩效目标 or 立项依据) is joined to that row.
fn join_cut_cells<'a>(rows: &[&'a Row]) -> Vec<Cow<'a, Row>> {
    let mut out: Vec<Cow<'a, Row>> = Vec::with_capacity(rows.len());
    // The row label in effect: the last printed in the label column (a
    // label merged down over the rows under it is printed once).
    let mut label: &str = "";
    // Where the label in effect was printed: an index into `out`.
    let mut label_at: Option<usize> = None;
    for &row in rows {
        let new_page = row.after_page_break
            || out
                .last()
                .is_some_and(|prev| row.page.is_some() && row.page != prev.page);
        // The rest of a label the break cut (`资金情况（万` / `元）`),
        // alone in the label column: it goes back onto the label.
        let first = row.cells.first().map(|c| trim(c)).unwrap_or_default();
        let closes_label = new_page
            && !first.is_empty()
            && first.chars().count() <= 6
            && super::joins::open_brackets(label) > 0
            && super::joins::open_brackets(first) < 0;
        if let (true, Some(at)) = (closes_label, label_at) {
            if let Some(cell) = out.get_mut(at).and_then(|r| r.to_mut().cells.first_mut()) {
                cell.push_str(first);
            }
            let mut rest = row.clone();
            if let Some(c) = rest.cells.first_mut() {
                c.clear();
            }
            if !rest.is_blank() {
                out.push(Cow::Owned(rest));
            }
            continue;
        }
        if let Some(prev) = out.last_mut() {
            if new_page && continues_cells(prev, row, label) {
                let p = prev.to_mut();
                for (i, c) in row.cells.iter().enumerate() {
                    let rest = trim(c);
                    if rest.is_empty() {
                        continue;
                    }
                    let at = row
                        .spans
                        .as_ref()
                        .and_then(|s| s.get(i))
                        .and_then(|s| cell_over(p, s));
                    if let Some(cell) = at.and_then(|k| p.cells.get_mut(k)) {
                        cell.push('\n');
                        cell.push_str(rest);
                    }
                }
                continue;
            }
        }
        if !first.is_empty() {
            label = first;
            label_at = Some(out.len());
        }
        out.push(Cow::Borrowed(row));
    }
    out
}

/// The cell of `row` that stands over `span`.
fn cell_over(row: &Row, span: &Span) -> Option<usize> {
    row.spans.as_ref()?.iter().position(|s| {
        let overlap = s.right.min(span.right) - s.left.max(span.left);
        overlap * 2 > (span.right - span.left).max(1)
    })
}

/// Whether every text of `row` continues a text of `prev` in its column:
/// the label column is empty, the label in effect (`label`) heads goals
/// or other text, and no text is a label or a number.
fn continues_cells(prev: &Row, row: &Row, label: &str) -> bool {
    let (Some(_), Some(spans)) = (&prev.spans, &row.spans) else {
        return false;
    };
    if row.cells.first().is_none_or(|c| !trim(c).is_empty()) {
        return false;
    }
    if !matches!(label_of(label), Some(Label::Goal(_) | Label::Other)) {
        return false;
    }
    let mut any = false;
    for (i, c) in row.cells.iter().enumerate() {
        let t = trim(c);
        if t.is_empty() {
            continue;
        }
        let above = spans
            .get(i)
            .and_then(|s| cell_over(prev, s))
            .filter(|&k| k > 0)
            .and_then(|k| prev.cells.get(k))
            .map(|c| trim(c));
        let fits = above.is_some_and(|a| !a.is_empty() && parse_number(a).is_none());
        if !fits || label_of(t).is_some() || parse_number(t).is_some() {
            return false;
        }
        any = true;
    }
    any
}

/// The lines under a goal label on a line of its own, as its text.
/// Whether a text on a row of its own may be a line of a value whose
/// label comes after it: no label, no amount, no annotation (单位：万元)
/// and no heading of what follows (a line ending on a colon).
fn is_orphan_line(t: &str) -> bool {
    label_of(t).is_none()
        && parse_number(t).is_none()
        && unit_in(t).is_none()
        && !is_annotation(t)
        && !t.trim_end().ends_with([':', '：'])
}

/// The lines above a goal label that are its goal's first lines: on a
/// page whose lines are its rows (a PDF without rules, a text dump), lines
/// that open a list with its first item (`1.完成…` above a centred
/// 年度目标, `2.…` beside or under it). Other lines stay orphans.
fn goal_lines_above(orphans: &mut Vec<String>, hard: bool) -> Vec<String> {
    let opens_list = orphans
        .first()
        .is_some_and(|t| crate::layout::enumerator_len(trim(t)).is_some());
    if hard || !opens_list {
        return Vec::new();
    }
    std::mem::take(orphans)
}

/// Lines on their own that nothing claimed: a title, heading or note is
/// no field, but running text (a list item, a sentence) is content the
/// block did not read, and is reported.
fn unread_orphans(b: &mut ProjectBlock, orphans: &mut Vec<String>) {
    for t in orphans.drain(..) {
        let running = t.contains(['，', '。', '；', ',', ';'])
            || (crate::layout::enumerator_len(trim(&t)).is_some() && !super::is_form_title(&t));
        if running {
            b.unread.push(flat(&t));
        }
    }
}

fn flush_goal_lines(
    b: &mut ProjectBlock,
    lines: Option<(GoalKind, String, Vec<String>)>,
    hard: bool,
) {
    if let Some((g, label, lines)) = lines {
        push_goals(b, g, &label, &lines.join(super::text_separator(hard)));
    }
}

fn amount_row(label: &str, amount: Option<f64>) -> FundingRow {
    FundingRow {
        section: FundingSection::ProjectFunding,
        item: Some(as_printed(&flat(label))),
        current: amount,
        share_pct: None,
        history: Vec::new(),
        note: None,
    }
}

/// A goal block's items; a long-term label's last year
/// (`长期目标（2025-2027年）`) is the deadline.
fn push_goals(b: &mut ProjectBlock, kind: GoalKind, label: &str, text: &str) {
    let section = match kind {
        GoalKind::LongTerm => Section::LongTermGoals,
        GoalKind::Annual => Section::AnnualGoals,
        GoalKind::Either => Section::EitherGoals,
    };
    let parts = super::goal_parts(section, label, text);
    if parts.len() > 1 {
        for (s, label, text) in parts {
            let kind = match s {
                Section::LongTermGoals => GoalKind::LongTerm,
                Section::AnnualGoals => GoalKind::Annual,
                _ => kind,
            };
            push_goal_items(b, kind, &label, &text);
        }
        return;
    }
    push_goal_items(b, kind, label, text);
}

fn push_goal_items(b: &mut ProjectBlock, kind: GoalKind, label: &str, text: &str) {
    let items = split_items(text);
    match kind {
        GoalKind::LongTerm => {
            if b.long_term_deadline.is_none() {
                b.long_term_deadline = years_in(label).last().copied();
            }
            b.long_term_goals.extend(items)
        }
        GoalKind::Annual => b.annual_goals.extend(items),
        GoalKind::Either => b.either_goals.extend(items),
    }
}

fn set_field(
    b: &mut ProjectBlock,
    label: Label,
    label_text: &str,
    value: &str,
    start: &mut Option<String>,
    end: &mut Option<String>,
) {
    let v = flat(value);
    let key = as_printed(&flat(label_text));
    // A field printed twice with two values (项目期限 | 1年 beside 项目起止时间
    // | 2026年3月-2026年10月): the first stays, the other is kept under its
    // label, not dropped.
    let put = |slot: &mut Option<String>, extra: &mut BTreeMap<String, String>| match slot {
        None => *slot = Some(v.clone()),
        Some(old) if *old == v => {}
        Some(_) => insert_extra(extra, &key, v.clone()),
    };
    match label {
        Label::Name => put(&mut b.project.name, &mut b.project.extra),
        Label::Code => put(&mut b.project.code, &mut b.project.extra),
        Label::Department => {
            let (code, name) = super::split_department_code(value);
            match &b.department {
                None => {
                    b.department = Some(name);
                    if b.department_code.is_none() {
                        b.department_code = code;
                    }
                }
                Some(d) if *d == name => {}
                // `预算部门 | 某局 | 预算单位 | 某中心`: the unit under the
                // department carries the project out.
                Some(_)
                    if b.project.implementer.is_none()
                        && as_printed(label_text).contains("单位") =>
                {
                    b.project.implementer = Some(name);
                }
                // Another department's name: kept as printed, not dropped.
                Some(_) => {
                    b.project.extra.insert(as_printed(label_text), flat(value));
                }
            }
        }
        Label::DepartmentCode => b.department_code = Some(v),
        Label::FormUnit => {
            if b.form_unit.is_none() {
                b.form_unit = Some((key, value.to_string()));
            }
        }
        Label::Implementer => {
            if b.project.implementer.is_none() {
                let (code, name) = super::split_department_code(value);
                b.project.implementer = Some(name);
                if let Some(code) = code {
                    b.project
                        .extra
                        .insert(format!("{}编码", as_printed(label_text)), code);
                }
            }
        }
        // (A category chosen by check box, `□基本建设类 ☑专项业务类`, is the
        // one ticked.)
        Label::Category if b.project.category.is_none() && has_check_boxes(value) => {
            b.project.category = ticked(value);
        }
        Label::Category => put(&mut b.project.category, &mut b.project.extra),
        Label::Nature => {
            if b.project.nature.is_none() {
                b.project.nature = ticked(value);
            }
        }
        Label::Period => set_period(b, key, v),
        Label::PeriodStart => put(start, &mut b.project.extra),
        Label::PeriodEnd => put(end, &mut b.project.extra),
        Label::Goal(g) => push_goals(b, g, label_text, value),
        Label::Other => {
            insert_extra(&mut b.project.extra, &key, v);
        }
        Label::FundingBlock | Label::CostBlock | Label::Amount => {}
    }
}

/// The project's period: the first printed, unless a later one gives
/// the dates where the first gave only a length (项目期限 | 1年, then
/// 项目起止时间 | 2026年3月-2026年10月): SPEC §2.3's period is the dates. The
/// other keeps its label in `project.extra`.
fn set_period(b: &mut ProjectBlock, label: String, v: String) {
    match &b.project.period {
        None => {
            b.project.period = Some(v);
            b.period_label = Some(label);
        }
        Some(old) if *old == v => {}
        Some(old) if is_date_range(&v) && !is_date_range(old) => {
            let old_label = b.period_label.replace(label).unwrap_or_default();
            if let Some(old) = b.project.period.replace(v) {
                insert_extra(&mut b.project.extra, &old_label, old);
            }
        }
        Some(_) => insert_extra(&mut b.project.extra, &label, v),
    }
}

/// Whether a period is printed as its start and end (`2026年3月-2026年10月`,
/// `2025.01至2025.12`), not as a length (`1年`, `3个月`).
fn is_date_range(t: &str) -> bool {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    digits >= 8 && t.contains(['-', '－', '—', '–', '~', '～', '至'])
}

fn insert_extra(extra: &mut BTreeMap<String, String>, key: &str, v: String) {
    extra.entry(key.to_string()).or_insert(v);
}

/// One row of a cost breakdown: the header row names the columns, then
/// each row is an item with its amount, 测算依据 and prior years.
fn read_cost_row(
    b: &mut ProjectBlock,
    columns: &mut Option<Vec<CostColumn>>,
    cells: &[Option<String>],
    texts: &[(usize, &str)],
) {
    // The block label sits in the first cell of its first row.
    let skip_label = texts
        .first()
        .is_some_and(|(_, t)| label_of(t) == Some(Label::CostBlock));
    let body: Vec<(usize, &str)> = texts
        .iter()
        .copied()
        .skip(usize::from(skip_label))
        .collect();
    if body.is_empty() {
        return;
    }
    let Some(cols) = columns else {
        let mapped: Vec<CostColumn> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let in_body = body.iter().any(|(j, _)| *j == i);
                match c {
                    Some(t) if in_body => cost_column(t),
                    _ => CostColumn::Other,
                }
            })
            .collect();
        if mapped.contains(&CostColumn::Amount) {
            for c in &mapped {
                if let CostColumn::Year(y) = c {
                    b.cost_years.push(*y);
                }
            }
            *columns = Some(mapped);
        }
        return;
    };
    let at = |col: CostColumn| -> Option<&str> {
        cols.iter()
            .position(|c| *c == col)
            .and_then(|i| cells.get(i))
            .and_then(|c| c.as_deref())
    };
    let item = at(CostColumn::Item).or_else(|| body.first().map(|(_, t)| *t));
    let history: Vec<Option<f64>> = cols
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c, CostColumn::Year(_)))
        .map(|(i, _)| {
            cells
                .get(i)
                .cloned()
                .flatten()
                .as_deref()
                .and_then(parse_number)
        })
        .collect();
    b.funding.push(FundingRow {
        section: FundingSection::ProjectCost,
        item: item.map(str::to_string),
        current: at(CostColumn::Amount).and_then(parse_number),
        share_pct: None,
        history,
        note: at(CostColumn::Note).map(str::to_string),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_amount_word_makes_an_amount_label() {
        for w in AMOUNT_WORDS {
            assert_eq!(label_of(&format!("{w}数")), Some(Label::Amount), "{w}");
        }
    }

    #[test]
    fn amounts_with_their_money_unit() {
        assert_eq!(money("235.80万元"), Some((235.8, Some("万元"))));
        assert_eq!(money("9,602,500.00 元"), Some((9602500.0, Some("元"))));
        assert_eq!(money("1,450.00"), Some((1450.0, None)));
        assert_eq!(money("120公里"), None);
        assert_eq!(money("100.00（万元）"), Some((100.0, Some("万元"))));
        assert_eq!(money("人民币100万元"), Some((100.0, Some("万元"))));
        assert_eq!(money("¥235.80"), Some((235.8, None)));
        assert_eq!(money("万元"), None);
        assert_eq!(money("-"), None);
    }

    fn row(s: &str) -> Row {
        Row {
            cells: s.split('|').map(str::to_string).collect(),
            ..Row::default()
        }
    }

    /// Each funding row's item and amount.
    fn amounts(b: &ProjectBlock) -> Vec<(Option<&str>, Option<f64>)> {
        b.funding
            .iter()
            .map(|r| (r.item.as_deref(), r.current))
            .collect()
    }

    fn block(lines: &[&str]) -> ProjectBlock {
        let rows: Vec<Row> = lines.iter().map(|l| row(l)).collect();
        let refs: Vec<&Row> = rows.iter().collect();
        read_block(&refs, false)
    }

    #[test]
    fn text_fields_under_the_funding_block() {
        // A label and its text after the amounts: no amount labels, and not
        // lost (传承人补助 names what money pays for, not an amount).
        for label in ["资金用途", "资金来源", "预算科目"] {
            let b = block(&[
                "项目资金（万元）|资金总额|80.00|当年财政拨款|60.00",
                &format!("{label}|传承人补助、展演活动"),
            ]);
            assert_eq!(amounts(&b).len(), 2, "{label}");
            assert_eq!(
                b.project.extra.get(label).map(String::as_str),
                Some("传承人补助、展演活动"),
                "{label}"
            );
        }
    }

    #[test]
    fn amounts_with_currency_and_fill_marks() {
        let b = block(&[
            "项目资金（万元）|年度资金总额|¥235.80",
            "|其中：中央资金|/",
            "|省级资金|100.00（万元）",
        ]);
        assert_eq!(
            amounts(&b),
            vec![
                (Some("年度资金总额"), Some(235.8)),
                (Some("其中：中央资金"), None),
                (Some("省级资金"), Some(100.0)),
            ]
        );
        assert!(b.project.extra.is_empty());
    }

    #[test]
    fn goal_lines_above_a_centred_label() {
        // A form without rules prints a label centred beside its lines:
        // the first line comes before the label's.
        let b = block(&[
            "其他资金|20.00",
            "1.完成3000辆公共自行车的日常运维，车辆完好率95%以上",
            "年度目标",
            "2.日均骑行人次达到1.2万人次。",
        ]);
        assert_eq!(
            b.annual_goals,
            vec![
                "完成3000辆公共自行车的日常运维，车辆完好率95%以上",
                "日均骑行人次达到1.2万人次。"
            ]
        );
        assert!(b.unread.is_empty());
        // Three lines: the label on the middle one's baseline.
        let b = block(&[
            "1.完成日常运维；",
            "年度目标|2.骑行人次达到1.2万；",
            "3.满意度达到90%。",
        ]);
        assert_eq!(b.annual_goals.len(), 3);
        // Running text no label claims is reported, not dropped; a title
        // or heading on a line of its own is no content.
        let b = block(&[
            "二、2025年项目支出绩效目标表",
            "项目名称|城区公共自行车运维",
            "本项目为延续项目，运维范围不变。",
            "项目属性|延续项目",
        ]);
        assert_eq!(b.unread, vec!["本项目为延续项目，运维范围不变。"]);
        // A goal row of a grid holds its own lines: a line above it is
        // reported, not taken and lost.
        let rows = [
            row("1.完成日常运维；"),
            Row {
                spans: Some(vec![crate::layout::Span::default(); 2]),
                ..row("年度目标|2.骑行人次达到1.2万；")
            },
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.unread, vec!["1.完成日常运维；"]);
    }

    #[test]
    fn amounts_of_two_periods_side_by_side() {
        let rows = [
            row("项目资金（万元）||实施期资金总额|年度资金总额"),
            row("|资金总额|4,500.00|1,800.00"),
            row("|其中：财政拨款|4,200.00|1,650.00"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        let got: Vec<_> = b
            .funding
            .iter()
            .map(|r| (r.item.clone().unwrap_or_default(), r.current))
            .collect();
        assert_eq!(
            got,
            vec![
                ("资金总额/实施期资金总额".to_string(), Some(4500.0)),
                ("资金总额/年度资金总额".to_string(), Some(1800.0)),
                ("其中：财政拨款/实施期资金总额".to_string(), Some(4200.0)),
                ("其中：财政拨款/年度资金总额".to_string(), Some(1650.0)),
            ]
        );
        assert!(b.unread.is_empty(), "{:?}", b.unread);
    }

    #[test]
    fn amounts_under_labels_merged_over_two_columns() {
        use crate::reconstruct::test_rows::{amounts_in_halves, grid};
        // Only the labels merged: each amount in the left or the right
        // column of its label's two. The amounts went to the labels at
        // their cell's index (80 to 其他资金, the others lost), silently.
        let labels = [
            ("项目资金（万元）", 0),
            ("资金总额", 1),
            ("中央资金", 3),
            ("县级配套", 5),
        ];
        for first in [1, 2] {
            let rows = [grid(&labels, 2), grid(&amounts_in_halves(first), 1)];
            let refs: Vec<&Row> = rows.iter().collect();
            let b = read_block(&refs, false);
            // (县级配套, a source the labels do not know, heads its column.)
            assert_eq!(
                amounts(&b),
                [
                    (Some("资金总额"), Some(100.0)),
                    (Some("中央资金"), Some(80.0)),
                    (Some("县级配套"), Some(20.0))
                ]
            );
            assert!(b.unread.is_empty(), "{:?}", b.unread);
        }
        // An amount under no label is said.
        let rows = [
            grid(&labels[..3], 2),
            grid(&[("", 0), ("100.00", 1), ("80.00", 3), ("20.00", 5)], 1),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.unread, ["20.00"]);
    }

    #[test]
    fn amounts_of_a_table_nested_in_a_cell() {
        // A DOCX cell holding a table of amounts: a paragraph each.
        let b = block(&[
            "项目名称|示范项目",
            "项目资金（万元）|年度资金总额 450.00\u{2029}其中：财政拨款 400.00\u{2029}其他资金：50.00",
        ]);
        let got = amounts(&b);
        assert_eq!(
            got,
            vec![
                (Some("年度资金总额"), Some(450.0)),
                (Some("其中：财政拨款"), Some(400.0)),
                (Some("其他资金"), Some(50.0)),
            ]
        );
    }

    #[test]
    fn an_amount_printed_empty_is_a_row_without_an_amount() {
        let b = block(&[
            "项目名称|示范项目",
            "项目资金（万元）|年度资金总额|450",
            "|其他资金|",
            "|备注|",
        ]);
        let got = amounts(&b);
        assert_eq!(
            got,
            vec![
                (Some("年度资金总额"), Some(450.0)),
                (Some("其他资金"), None)
            ]
        );
    }

    #[test]
    fn a_header_block_written_as_lines_of_text() {
        let b = block(&[
            "项目名称：基层医疗卫生机构服务能力提升项目",
            "主管部门：某市卫生健康委员会",
            "实施单位：某市基层卫生服务指导中心",
            "项目资金：资金总额 1,450.00万元，其中：财政拨款 1,300.00万元，其他资金150万元。",
        ]);
        assert_eq!(
            b.project.name.as_deref(),
            Some("基层医疗卫生机构服务能力提升项目")
        );
        assert_eq!(b.department.as_deref(), Some("某市卫生健康委员会"));
        assert_eq!(
            b.project.implementer.as_deref(),
            Some("某市基层卫生服务指导中心")
        );
        let got = amounts(&b);
        assert_eq!(
            got,
            vec![
                (Some("资金总额"), Some(1450.0)),
                (Some("其中：财政拨款"), Some(1300.0)),
                (Some("其他资金"), Some(150.0)),
            ]
        );
        assert_eq!(b.unit.as_deref(), Some("万元"));
        assert!(b.unread.is_empty(), "{:?}", b.unread);
    }

    #[test]
    fn labels_with_a_period_or_a_year() {
        assert_eq!(
            label_of("中期目标（2025年-2027年）"),
            Some(Label::Goal(GoalKind::LongTerm))
        );
        assert_eq!(label_of("年度目标"), Some(Label::Goal(GoalKind::Annual)));
        // The form's year is no amount (预算 names money elsewhere).
        assert_eq!(label_of("预算年度"), Some(Label::Other));
        let b = block(&["项目名称|示范项目", "预算年度|2025", "资金总额|260"]);
        assert_eq!(b.funding.len(), 1);
        assert_eq!(
            b.project.extra.get("预算年度").map(String::as_str),
            Some("2025")
        );
    }

    #[test]
    fn a_goal_cell_cut_by_a_page_break() {
        let span = |left, right| Span {
            left,
            right,
            continued: false,
        };
        let row = |cells: &[&str], page| Row {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            page: Some(page),
            after_page_break: false,
            table_start: false,
            spans: Some(vec![span(0, 100), span(100, 400)]),
        };
        let rows = [
            row(&["项目名称", "示范项目"], 1),
            row(&["年度绩效目标", "1.完成改造，全年不发生"], 1),
            row(&["", "安全事故。\n2.新建宿舍3栋。"], 2),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(
            b.annual_goals,
            vec!["完成改造，全年不发生安全事故。", "新建宿舍3栋。"]
        );
        // An amount's row is not joined to: the text on the new page is
        // the block's, not the amount's.
        let rows = [row(&["资金总额", "120.00"], 1), row(&["", "说明文字"], 2)];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_cells(&refs).len(), 2);
    }

    #[test]
    fn the_department_under_each_of_its_labels() {
        for label in [
            "主管部门名称",
            "项目主管部门",
            "主管单位",
            "预算单位：",
            "预算单位名称",
        ] {
            let b = block(&["项目名称|示范项目", &format!("{label}|某区民政局")]);
            assert_eq!(b.department.as_deref(), Some("某区民政局"), "{label}");
            assert!(b.project.extra.is_empty(), "{label}");
        }
    }

    #[test]
    fn goal_lines_under_a_label_line() {
        let rows = [
            row("项目名称|示范项目"),
            row("年度绩效目标："),
            row("完成培训500人次"),
            row("学员满意度90%以上"),
            row("主管部门|某市某局"),
            row("年度目标|完成全县经济普查数据采集工作\u{2029}提升统计数据质量"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        // Paragraphs of a structured file: an item each.
        let b = read_block(&refs, true);
        assert_eq!(
            b.annual_goals,
            vec![
                "完成培训500人次",
                "学员满意度90%以上",
                "完成全县经济普查数据采集工作",
                "提升统计数据质量"
            ]
        );
        assert_eq!(b.department.as_deref(), Some("某市某局"));
        assert!(b.unread.is_empty(), "{:?}", b.unread);
        // Lines of a printed page: wrapped lines of one text.
        let b = read_block(&refs[..4], false);
        assert_eq!(b.annual_goals, vec!["完成培训500人次学员满意度90%以上"]);
        // A label line whose last goal wraps onto the next line of a
        // printed page.
        let rows = [
            row("项目名称|示范项目"),
            row("年度绩效目标：|1、配置设备42台；2、开展轮训，签约服"),
            row("务覆盖率达到75%。"),
            row("单位：万元"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(
            b.annual_goals,
            vec!["配置设备42台", "开展轮训，签约服务覆盖率达到75%。"]
        );
        // Another block's label line ends the goals: the cost table
        // under 项目成本测算： is read as costs.
        let rows = [
            row("年度目标：|完成管网改造。"),
            row("项目成本测算："),
            row("成本项目|金额（万元）|测算依据"),
            row("管网新建及改造|1488|186公里×8万元/公里"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.annual_goals, vec!["完成管网改造。"]);
        let costs = amounts(&b);
        assert_eq!(costs, vec![(Some("管网新建及改造"), Some(1488.0))]);
        // Numbered items in one cell are told apart after the cell is
        // cleaned.
        let rows = [row("年度目标|1.完成培训500人次\n2.学员满意度90%以上")];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.annual_goals, vec!["完成培训500人次", "学员满意度90%以上"]);
    }

    #[test]
    fn goals_under_three_labels() {
        let rows = [
            row("总体目标|年度目标|实施期目标"),
            row("三年内改造完成|完成改造15条|完成改造45条"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.either_goals, vec!["三年内改造完成"]);
        assert_eq!(b.annual_goals, vec!["完成改造15条"]);
        assert_eq!(b.long_term_goals, vec!["完成改造45条"]);
    }

    #[test]
    fn goals_side_by_side_in_a_text_dump() {
        // The merged 总体目标 cell on the left is printed once: the row of
        // texts under it has one cell fewer.
        let rows = [
            row("总体目标|年度目标|实施期目标"),
            row("完成改造15条|2025-2027年完成改造45条"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let b = read_block(&refs, false);
        assert_eq!(b.annual_goals, vec!["完成改造15条"]);
        assert_eq!(b.long_term_goals, vec!["2025-2027年完成改造45条"]);
    }

    #[test]
    fn an_amount_after_its_label_in_one_cell() {
        let split = |t: &str| split_amount_cell(Some(t.to_string()));
        assert_eq!(
            split("其中：财政拨款：360"),
            vec![Some("其中：财政拨款".to_string()), Some("360".to_string())]
        );
        assert_eq!(
            split("年度资金总额：1,200.50"),
            vec![
                Some("年度资金总额".to_string()),
                Some("1,200.50".to_string())
            ]
        );
        // Amounts one after another past blanks.
        for blank in ["\u{3000}", " "] {
            let t = [
                "年度资金总额：86.00",
                "其中：财政拨款：80.00",
                "其他资金：6.00",
            ]
            .join(blank);
            assert_eq!(
                split(&t),
                [
                    "年度资金总额",
                    "86.00",
                    "其中：财政拨款",
                    "80.00",
                    "其他资金",
                    "6.00"
                ]
                .map(|s| Some(s.to_string()))
                .to_vec()
            );
        }
        // Not an amount's label, or no amount: as it is.
        assert_eq!(
            split("项目名称：道路养护"),
            vec![Some("项目名称：道路养护".to_string())]
        );
        assert_eq!(
            split("资金总额：待定"),
            vec![Some("资金总额：待定".to_string())]
        );
    }

    #[test]
    fn a_field_broken_by_hand_closes_up() {
        assert_eq!(
            flat("某区城乡居民医保\u{2029}参保扩面项目"),
            "某区城乡居民医保参保扩面项目"
        );
        assert_eq!(flat("GIS\u{2029}platform"), "GIS platform");
        assert_eq!(flat("无换行"), "无换行");
    }

    #[test]
    fn amounts_run_together_in_one_cell() {
        assert_eq!(
            after_amounts("年度资金总额：96.00其中：财政拨款：96.00"),
            vec!["年度资金总额：96.00", "其中：财政拨款：96.00"]
        );
        assert_eq!(
            split_amount_cell(Some("年度资金总额：96.00其中：财政拨款：90.00".into())),
            vec![
                Some("年度资金总额".into()),
                Some("96.00".into()),
                Some("其中：财政拨款".into()),
                Some("90.00".into())
            ]
        );
        assert_eq!(
            split_amount_cell(Some(
                "年度资金总额860.00其中：财政拨款800.00其他资金60.00".into()
            )),
            [
                "年度资金总额",
                "860.00",
                "其中：财政拨款",
                "800.00",
                "其他资金",
                "60.00"
            ]
            .map(|t| Some(t.to_string()))
            .to_vec()
        );
        // A nested table of labels over amounts.
        assert_eq!(
            split_amount_cell(Some(
                "资金总额 财政拨款 其他资金\u{2029}138.00 130.00 8.00".into()
            )),
            [
                "资金总额",
                "138.00",
                "财政拨款",
                "130.00",
                "其他资金",
                "8.00"
            ]
            .map(|s| Some(s.to_string()))
            .to_vec()
        );
        // A sentence with an amount in it stays one cell.
        let s = Some("2025年完成改造120户".to_string());
        assert_eq!(split_amount_cell(s.clone()), vec![s]);
    }

    #[test]
    fn check_boxes() {
        assert_eq!(ticked("新增项目□ 延续项目√").as_deref(), Some("延续项目"));
        assert_eq!(ticked("新增项目√ 延续项目□").as_deref(), Some("新增项目"));
        assert_eq!(ticked("☑延续项目 □新增项目").as_deref(), Some("延续项目"));
        // A mark against the option before it, apart from the next.
        assert_eq!(ticked("新增项目✓  延续项目").as_deref(), Some("新增项目"));
        assert_eq!(ticked("新增项目  ✓延续项目").as_deref(), Some("延续项目"));
        assert_eq!(ticked("新增项目 ✓ 延续项目").as_deref(), Some("延续项目"));
        assert_eq!(ticked("□新增项目 ■延续项目").as_deref(), Some("延续项目"));
        assert_eq!(ticked("延续项目").as_deref(), Some("延续项目"));
        assert_eq!(
            ticked("新增项目（×）延续项目（√）").as_deref(),
            Some("延续项目")
        );
        assert_eq!(
            ticked("新增项目（×）延续项目（ ）").as_deref(),
            Some("新增项目")
        );
        assert_eq!(ticked("新增项目□ 延续项目□"), None);
        // A category's boxes in brackets are boxes too (it was kept whole).
        assert!(has_check_boxes("一般项目（ ） 重点项目（√）"));
        assert!(!has_check_boxes("专项业务类（含信息化）"));
        let b = block(&["项目名称：某项目", "项目类别：一般项目（ ） 重点项目（√）"]);
        assert_eq!(b.project.category.as_deref(), Some("重点项目"));
        // The tick in brackets after its option.
        assert_eq!(
            ticked("新增项目（ ）　延续项目（√）").as_deref(),
            Some("延续项目")
        );
        assert_eq!(
            ticked("新增项目[√] 延续项目[ ]").as_deref(),
            Some("新增项目")
        );
        assert_eq!(
            ticked("新增项目() 延续项目(✓)").as_deref(),
            Some("延续项目")
        );
        // Wingdings boxes copied out of a PDF as private-use characters.
        assert_eq!(
            ticked("\u{f0a8}新增项目 \u{f0fe}延续项目").as_deref(),
            Some("延续项目")
        );
        // Blanks between the boxes and their options.
        assert_eq!(
            ticked("□ 新增项目　☑ 延续项目").as_deref(),
            Some("延续项目")
        );
        assert_eq!(ticked("新增项目 □ 延续项目 √").as_deref(), Some("延续项目"));
        // Brackets that hold words are text.
        assert_eq!(
            ticked("延续项目（2025年）").as_deref(),
            Some("延续项目（2025年）")
        );
    }

    #[test]
    fn fields_the_list_of_labels_does_not_know() {
        // They were said as unread text and left out of the document.
        let b = block(&[
            "项目名称|某项目",
            "项目开始时间|2026年1月|项目结束时间|2026年12月",
            "项目联系人|吴海峰|项目实施地点|某县11个乡镇",
            "主要建设内容|改造农村客运招呼站60个。",
        ]);
        assert_eq!(b.project.period.as_deref(), Some("2026年1月-2026年12月"));
        let extra: Vec<(&str, &str)> = b
            .project
            .extra
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            extra,
            [
                ("主要建设内容", "改造农村客运招呼站60个。"),
                ("项目实施地点", "某县11个乡镇"),
                ("项目联系人", "吴海峰"),
            ]
        );
        assert!(b.unread.is_empty(), "{:?}", b.unread);
        // Text that names no field stays unread, and is said.
        assert!(!is_other_field_label("完成改造任务"));
        assert!(!is_other_field_label("2026年时间"));
        let b = block(&["项目名称|某项目", "完成改造任务|按期验收"]);
        assert_eq!(b.unread, ["完成改造任务", "按期验收"]);
    }

    #[test]
    fn a_unit_in_a_cell_of_its_own_after_the_amount() {
        let b = block(&[
            "项目资金|资金总额|100.00|万元",
            "|其中：财政拨款|80.00|万元",
        ]);
        assert_eq!(b.unit.as_deref(), Some("万元"));
        assert_eq!(
            amounts(&b),
            [
                (Some("资金总额"), Some(100.0)),
                (Some("其中：财政拨款"), Some(80.0))
            ]
        );
        assert!(b.unread.is_empty(), "{:?}", b.unread);
    }

    #[test]
    fn check_boxes_in_cells_of_their_own() {
        // The options and their boxes each in a cell: the unticked option
        // was read, or none, and the rest said as unread text.
        for row in [
            "项目属性|新增项目|□|延续项目|☑",
            "项目属性|□|新增项目|☑|延续项目",
            "项目属性|新增项目□|延续项目☑",
        ] {
            let b = block(&["项目名称|某项目", row]);
            assert_eq!(b.project.nature.as_deref(), Some("延续项目"), "{row}");
            assert!(b.unread.is_empty(), "{row}: {:?}", b.unread);
        }
        for row in [
            "项目性质|新增项目||延续项目|√",
            "项目性质|新增项目|延续项目|√",
        ] {
            let b = block(&["项目名称|某项目", row]);
            assert_eq!(b.project.nature.as_deref(), Some("延续项目"), "{row}");
        }
        let b = block(&["项目性质|√|新增项目||延续项目"]);
        assert_eq!(b.project.nature.as_deref(), Some("新增项目"));
        let b = block(&["项目类别|一般项目|☑|重点项目|□"]);
        assert_eq!(b.project.category.as_deref(), Some("一般项目"));
        // Cells without boxes are fields as before.
        let b = block(&["项目属性|延续项目|项目期限|2026年"]);
        assert_eq!(b.project.nature.as_deref(), Some("延续项目"));
        assert_eq!(b.project.period.as_deref(), Some("2026年"));
    }

    #[test]
    fn form_fields_side_by_side() {
        let b = block(&[
            "项目名称|农村公路养护|项目属性|新增项目□ 延续项目√",
            "主管部门|[015001]某县交通运输局|项目单位|119001-某县公路事务中心",
            "项目负责人|张三|联系电话|0710-1234567",
            "项目起止时间|202501-202512||",
            "资金总额及构成|资金总额|120.5|财政拨款|100",
            "||自有资金|20.5|其他|0",
            "长期目标|年度目标",
            "1、完成养护；2、提升路况|1、养护里程300公里",
        ]);
        let p = &b.project;
        assert_eq!(p.name.as_deref(), Some("农村公路养护"));
        assert_eq!(p.nature.as_deref(), Some("延续项目"));
        assert_eq!(p.implementer.as_deref(), Some("某县公路事务中心"));
        assert_eq!(
            p.extra.get("项目单位编码").map(String::as_str),
            Some("119001")
        );
        assert_eq!(
            p.extra.get("联系电话").map(String::as_str),
            Some("0710-1234567")
        );
        assert_eq!(p.period.as_deref(), Some("202501-202512"));
        assert_eq!(b.department.as_deref(), Some("某县交通运输局"));
        assert_eq!(b.department_code.as_deref(), Some("015001"));
        let money: Vec<(&str, f64)> = b
            .funding
            .iter()
            .map(|r| (r.item.as_deref().unwrap_or(""), r.current.unwrap_or(-1.0)))
            .collect();
        assert_eq!(
            money,
            vec![
                ("资金总额", 120.5),
                ("财政拨款", 100.0),
                ("自有资金", 20.5),
                ("其他", 0.0)
            ]
        );
        assert_eq!(b.long_term_goals, vec!["完成养护", "提升路况"]);
        assert_eq!(b.annual_goals, vec!["养护里程300公里"]);
    }

    #[test]
    fn a_second_period_is_kept_and_the_dates_are_the_period() {
        // A length, then the dates: the dates are the period.
        let b = block(&[
            "项目名称|乡村公厕改造|项目期限|1年",
            "项目起止时间|2026年3月-2026年10月|实施单位|某镇人民政府",
        ]);
        assert_eq!(b.project.period.as_deref(), Some("2026年3月-2026年10月"));
        assert_eq!(
            b.project.extra.get("项目期限").map(String::as_str),
            Some("1年")
        );
        // The dates first: they stay, the length is kept under its label.
        let b = block(&[
            "项目名称|乡村公厕改造|项目起止时间|2026年3月-2026年10月",
            "项目周期|1年|实施单位|某镇人民政府",
        ]);
        assert_eq!(b.project.period.as_deref(), Some("2026年3月-2026年10月"));
        assert_eq!(
            b.project.extra.get("项目周期").map(String::as_str),
            Some("1年")
        );
        // A field printed twice with two values keeps both.
        let b = block(&[
            "项目编码|A-01|项目名称|公厕改造",
            "项目编码|B-02|实施单位|某镇",
        ]);
        assert_eq!(b.project.code.as_deref(), Some("A-01"));
        assert_eq!(
            b.project.extra.get("项目编码").map(String::as_str),
            Some("B-02")
        );
    }

    #[test]
    fn dates_join_into_a_period_and_amounts_in_yuan() {
        let b = block(&[
            "计划开始日期|2025-01-01|计划完成日期|2025-12-31",
            "项目资金（元）|年度资金总额|1,250,000.00",
            "|其中：财政拨款|1,000,000.00",
        ]);
        assert_eq!(b.project.period.as_deref(), Some("2025-01-01-2025-12-31"));
        assert_eq!(b.unit.as_deref(), Some("元"));
        assert_eq!(b.funding.len(), 2);
        assert_eq!(b.funding[1].item.as_deref(), Some("其中：财政拨款"));
        assert_eq!(b.funding[1].current, Some(1_000_000.0));
    }

    #[test]
    fn labels_over_their_values_and_texts_read_into_nothing() {
        let b = block(&[
            "项目名称|主管部门|实施单位",
            "智慧水务平台|[015001]某市水务局|某市水务信息中心",
            "建设内容概述|新建监测站点40个",
            "填报单位：(盖章)|单位：万元",
        ]);
        assert_eq!(b.project.name.as_deref(), Some("智慧水务平台"));
        assert_eq!(b.department.as_deref(), Some("某市水务局"));
        assert_eq!(b.department_code.as_deref(), Some("015001"));
        assert_eq!(b.project.implementer.as_deref(), Some("某市水务信息中心"));
        assert_eq!(b.unread, vec!["建设内容概述", "新建监测站点40个"]);
        assert_eq!(b.unit.as_deref(), Some("万元"));
    }

    #[test]
    fn cost_breakdown() {
        let b = block(&[
            "项目预算成本构成|成本项目|金额|测算依据|2023年实际执行数|2024年实际执行数",
            "|设备购置|50|10台×5万元|40|45",
            "|合计|50||40|45",
            "绩效目标|完成设备更新",
        ]);
        let cost: Vec<_> = b
            .funding
            .iter()
            .filter(|r| r.section == FundingSection::ProjectCost)
            .collect();
        assert_eq!(cost.len(), 2);
        assert_eq!(cost[0].item.as_deref(), Some("设备购置"));
        assert_eq!(cost[0].note.as_deref(), Some("10台×5万元"));
        assert_eq!(cost[0].history, vec![Some(40.0), Some(45.0)]);
        assert_eq!(b.cost_years, vec![2023, 2024]);
        assert_eq!(b.either_goals, vec!["完成设备更新"]);
    }

    #[test]
    fn a_field_on_a_line_ends_before_the_next_label() {
        let cells = |t: &str| -> Vec<String> {
            split_field_cell(Some(t.to_string()))
                .into_iter()
                .flatten()
                .collect()
        };
        assert_eq!(
            cells("主管部门：崇阳县农业农村局　　　　单位：万元"),
            ["主管部门", "崇阳县农业农村局", "单位：万元"]
        );
        assert_eq!(
            cells("主管部门(盖章)：通城县农业农村局 联系人：张三 联系电话：0715-4321234"),
            [
                "主管部门(盖章)",
                "通城县农业农村局",
                "联系人",
                "张三",
                "联系电话",
                "0715-4321234"
            ]
        );
        // A value cell that runs on into the next field.
        assert_eq!(
            cells("王五　　联系电话：0718-3321234"),
            ["王五", "联系电话", "0718-3321234"]
        );
        // A time is no label; prose with a colon inside is left whole.
        assert_eq!(
            cells("项目期限：2026年1月 10:30"),
            ["项目期限", "2026年1月 10:30"]
        );
        assert_eq!(cells("完成 目标：造林"), ["完成 目标：造林"]);
    }

    #[test]
    fn an_amount_among_other_marks_keeps_its_row_and_says_so() {
        // A stamp's text over the amounts.
        let b = block(&[
            "项目名称|便民服务站建设",
            "项目资金（万元）|年度资金总额|★ 560.00",
            "|其中：财政拨款|500.00",
            "|其他资金|业务专用章60.00",
        ]);
        assert_eq!(
            amounts(&b),
            [
                (Some("年度资金总额"), None),
                (Some("其中：财政拨款"), Some(500.0)),
                (Some("其他资金"), None)
            ]
        );
        let said: Vec<(&str, Option<u32>)> = b
            .warnings
            .iter()
            .map(|w| (w.code.as_str(), w.seq))
            .collect();
        assert_eq!(said, [("bad_number", Some(1)), ("bad_number", Some(3))]);
    }
}
