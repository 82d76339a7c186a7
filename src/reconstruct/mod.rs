//! Reconstruction: rows of cells to the document model.
//!
//! [`sections`] cuts the rows into the sections of a 部门整体绩效目标批复 by
//! the labels in their first column; each section has its reader
//! ([`funding`], [`lists`], [`indicators`]). Everything guessed becomes a
//! warning.

pub mod funding;
pub mod header;
pub mod indicators;
pub mod joins;
pub mod lists;
pub mod project;
pub mod values;
pub mod vocab;

use crate::layout::trim;
use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::layout::{is_caption_title, is_generic_title, is_sentence, Layout, Row, Span};
use crate::model::{Content, FundingRow, FundingSection, IndicatorTable, Kind, Project, Warning};

use indicators::KnownNames;
use values::{clean_text, squash, years_in, PARAGRAPH_BREAK};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Preamble,
    Department,
    Funding,
    Functions,
    AnnualTasks,
    LongTermGoals,
    LongTermTable,
    AnnualGoals,
    /// Goals labelled only 绩效目标 or 总体目标: annual unless the document
    /// also has an annual block (SPEC §2.3).
    EitherGoals,
    AnnualTable,
    /// An approval form's footer (审核意见, 单位公章, 年 月 日), or a
    /// letter's signature and date: not data.
    Footer,
    /// Text under a numbered heading pifu has no reader for (三、有关要求):
    /// reported, not read.
    Unlabelled,
}

impl Section {
    /// A section read as a list of items (functions, tasks, goals).
    fn is_list(self) -> bool {
        matches!(
            self,
            Section::Functions
                | Section::AnnualTasks
                | Section::LongTermGoals
                | Section::AnnualGoals
                | Section::EitherGoals
        )
    }

    /// A section of goals, of either period or of both.
    fn is_goals(self) -> bool {
        matches!(
            self,
            Section::LongTermGoals | Section::AnnualGoals | Section::EitherGoals
        )
    }
}

/// The section a first-column label starts, if it is one. A heading
/// printed as a line of prose may number it (`一、年度绩效目标`,
/// `（二）绩效指标`), mark it as an attachment (`附：绩效指标`) or name
/// whose it is (`部门年度绩效目标`).
pub fn section_of_label(cell: &str) -> Option<Section> {
    let t = bare_label(cell);
    // (A sentence, `年度目标是完成造林1.2万亩。`, is no label.)
    let sentence = t.contains(['。', '，', '；']);
    if t.is_empty() || t.chars().count() > 24 || names_a_measure(&t) || sentence {
        return None;
    }
    if let Some(s) = plain_label(&t) {
        return Some(s);
    }
    let numbered = lists::after_enumerator(&t).unwrap_or(&t);
    let attached = ["附件", "附表", "附"]
        .iter()
        .find_map(|p| numbered.strip_prefix(p))
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(numbered);
    let owned = ["部门整体", "部门", "单位整体", "单位", "本部门"]
        .iter()
        .find_map(|p| attached.strip_prefix(p))
        .filter(|r| !r.ends_with("名称"))
        .unwrap_or(attached);
    // 部门整体支出绩效指标: the 支出 the indicators measure.
    let owned = owned.strip_prefix("支出").unwrap_or(owned);
    if owned.is_empty() || owned == t {
        return None;
    }
    plain_label(owned)
}

/// A name ending in what it measures (部门预算执行率, 部门职能履行率,
/// 预算资金使用情况满意度, 职责履行次数): an indicator's, never a section's
/// label, whatever section word it opens with.
fn names_a_measure(t: &str) -> bool {
    let t = t.trim_end_matches([')', '）', '%']);
    ["率", "数", "性", "量", "度"]
        .iter()
        .any(|m| t.ends_with(m))
        && !t.ends_with("年度")
}

/// A label as compared: without whitespace and colons.
fn bare_label(label: &str) -> String {
    squash(label)
        .chars()
        .filter(|c| !matches!(c, ':' | '：'))
        .collect()
}

/// A label that names the department by its role in the budget or the
/// form (`预算单位：某局`, `填报单位（盖章）：某局`).
fn is_unit_label(t: &str) -> bool {
    matches!(
        without_stamp(t),
        "预算单位" | "预算部门" | "填报单位" | "编制单位"
    )
}

/// Whether a row labelled by a unit's role (`预算单位`, `填报单位`) gives a
/// name: its value is no column title of a budget table.
fn names_a_unit(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    let (label, value) = match texts.as_slice() {
        [line] => match line.split_once(['：', ':']) {
            Some((label, value)) => (label, trim(value)),
            None => (*line, ""),
        },
        [label, value, ..] => (*label, trim(value)),
        [] => return true,
    };
    if !is_unit_label(&bare_label(label)) {
        return true;
    }
    const TITLES: &[&str] = &["资金", "金额", "合计", "拨款", "收入", "支出", "预算数"];
    !TITLES.iter().any(|w| value.contains(w)) && header::field_of_word(value).is_none()
}

/// [`section_of_label`] on a label already squashed, without its colons.
fn plain_label(t: &str) -> Option<Section> {
    // Other bureaus word some labels differently: 中长期目标, 部门职责,
    // 年度主要任务, 长期绩效目标.
    let t = t.strip_prefix("中").unwrap_or(t);
    let named = without_stamp(t);
    let s = if (named.ends_with("名称") && (named.starts_with("部门") || named.starts_with("单位")))
        || is_unit_label(t)
    {
        Section::Department
    } else if t.contains("资金情况") || is_budget_label(t) {
        Section::Funding
    } else if t.contains("职能") || t.contains("职责") {
        Section::Functions
    } else if t.contains("工作任务")
        || (t.starts_with("年度") && t.ends_with("任务"))
        || t.ends_with("主要任务")
        || t.contains("工作重点")
        || matches!(t, "年度主要工作" | "年度重点工作" | "当年工作任务")
    {
        Section::AnnualTasks
    } else if (t.starts_with("长期") || t.starts_with("实施期") || t.starts_with("期"))
        && t.contains("指标")
    {
        // (长期目标绩效指标, 长期目标指标, 中长期指标: the table, though
        // its label opens as the goals' does.)
        Section::LongTermTable
    } else if (t.starts_with("年度") || t.starts_with("本年度") || t.starts_with("当年"))
        && t.contains("指标")
    {
        Section::AnnualTable
    } else if t.starts_with("长期目标")
        || t.starts_with("长期绩效目标")
        || t.starts_with("期目标")
        || t.starts_with("期绩效目标")
        || t.starts_with("实施期目标")
        || t.starts_with("实施期绩效目标")
    {
        Section::LongTermGoals
    } else if t.starts_with("长期绩效指标")
        || t.starts_with("实施期绩效指标")
        || t.starts_with("期绩效指标")
    {
        Section::LongTermTable
    } else if (t.starts_with("年度目标") || t.starts_with("年度绩效目标") || is_annual_goal_label(t))
        // (年度绩效目标表 is a form's title.)
        && !t.ends_with('表')
    {
        Section::AnnualGoals
    } else if EITHER_GOAL_LABELS.contains(&t) {
        Section::EitherGoals
    } else if t.starts_with("年度绩效指标")
        || t.starts_with("本年度绩效指标")
        || matches!(
            t,
            "绩效指标" | "项目绩效指标" | "绩效指标表" | "项目绩效目标指标"
        )
    {
        Section::AnnualTable
    } else if FOOTER_LABELS.iter().any(|f| t.starts_with(f)) {
        Section::Footer
    } else {
        return None;
    };
    Some(s)
}

/// 年度部门整体支出预算, 年度预算申请, 收支预算: a department's budget
/// block (not a goal or an indicator table that mentions the budget).
fn is_budget_label(t: &str) -> bool {
    // (部门预算（单位：万元） names the budget by its owner only.)
    let owners_budget = ["部门预算", "单位预算", "本部门预算"]
        .iter()
        .any(|p| t.starts_with(p));
    // 收入构成（单位：万元） printed as a heading over its table.
    if t.starts_with("收入构成") || t.starts_with("支出构成") {
        return true;
    }
    // 部门资金（万元）: the department's money by its owner. (Not 单位资金,
    // the unit's own income: an item of the block.)
    if ["部门资金", "部门整体资金"]
        .iter()
        .any(|p| t.starts_with(p))
        && !t.contains("目标")
        && !t.contains("指标")
        && !t.contains("率")
    {
        return true;
    }
    // The year's money as a block's label over its pairs, with the unit
    // (年度资金总额（万元） | 资金总额 | 120.00 | 财政拨款 | 100.00). (Without
    // it, `年度资金总额：1,250.00` is a project's amount.)
    if ["年度资金", "本年度资金", "当年资金"]
        .iter()
        .any(|p| t.starts_with(p))
        && t.contains("元")
        && !t.contains("目标")
        && !t.contains("指标")
        && !t.contains("率")
    {
        return true;
    }
    // 年度预算 alone, or with its unit (not 年度预算执行率, an indicator).
    if t == "年度预算" || t.starts_with("年度预算（") || t.starts_with("年度预算(") {
        return true;
    }
    t.contains("预算")
        && (owners_budget
            || ["支出", "收支", "资金", "申请", "收入"]
                .iter()
                .any(|w| t.contains(w)))
        && !t.contains("目标")
        && !t.contains("指标")
}

/// 年度总体目标, 本年度绩效目标, 当年工作目标: a goal label of the year
/// (not an indicator table's, which names 指标).
fn is_annual_goal_label(t: &str) -> bool {
    ["年度", "本年度", "当年"].iter().any(|p| t.starts_with(p))
        && t.ends_with("目标")
        && !t.contains("指标")
        && t.chars().count() <= 12
}

/// Goal labels that name no period.
const EITHER_GOAL_LABELS: &[&str] = &[
    "绩效目标",
    "总体目标",
    "总体绩效目标",
    "整体目标",
    "整体绩效目标",
    "部门整体绩效目标",
    "部门总体目标",
    "部门整体目标",
];

/// The first cells of an approval form's footer.
const FOOTER_LABELS: &[&str] = &[
    "审核意见",
    "审批意见",
    "财政部门审核意见",
    "财政部门意见",
    "主管部门审核意见",
    "主管部门意见",
    "单位公章",
    "(盖章)",
    "（盖章）",
    "填报人",
    "填表人",
    "审核人",
    "经办人",
    "负责人签字",
];

fn is_label(s: &str) -> bool {
    section_of_label(s).is_some()
}

/// Rows grouped by section, in document order; a section label seen again
/// inside its own section (a merged label cell printed mid-table) does not
/// start a new group.
pub fn sections(rows: &[Row]) -> Vec<(Section, Vec<&Row>)> {
    let mut out: Vec<(Section, Vec<&Row>)> = vec![(Section::Preamble, Vec::new())];
    for (i, row) in rows.iter().enumerate() {
        let current = out.last().map(|(s, _)| *s);
        let mut label = match prose_line(row) {
            Some(t) => prose_heading(t, current),
            None => row.cells.first().and_then(|c| section_of_label(c)),
        };
        // An indicator table printed without a label cell starts at its
        // header row (一级指标 …); a caption line above it, if any, already
        // named the table.
        let in_table = matches!(current, Some(Section::LongTermTable | Section::AnnualTable));
        // (A flat table of projects opens with 单位名称, which elsewhere
        // labels the department.)
        let table_label = matches!(label, Some(Section::LongTermTable | Section::AnnualTable));
        // (A header's upper row that groups the level columns, `序号 | 绩效
        // 指标 | 指标方向 | 目标值 …` over `一级指标 | 二级指标 | 三级指标`,
        // starts it.)
        let band_above_header =
            is_header_band(row) && rows.get(i + 1).is_some_and(starts_indicator_header);
        if !table_label && (starts_indicator_header(row) || band_above_header) {
            // A header printed again on a new page stays in its table.
            label = if in_table {
                None
            } else {
                Some(Section::AnnualTable)
            };
        }
        // A paragraph printed after a table's list row (a note under the
        // 年度目标 row, text between two tables) is not the list's: its
        // row has no position where the table's rows have them.
        let list_from_table = current.is_some_and(Section::is_list)
            && out
                .last()
                .and_then(|(_, g)| g.first())
                .is_some_and(|r| r.spans.is_some());
        if label.is_none() && list_from_table && row.spans.is_none() && prose_line(row).is_some() {
            label = Some(Section::Unlabelled);
        }
        // A budget's header printed without a label of its own (收入 | 金额 |
        // 支出 | 金额, 收入构成 | 金额 | 占比) ends the goals or text above it.
        let in_budget = matches!(current, Some(Section::Funding));
        if label.is_none() && !in_table && !in_budget && funding::starts_budget(row) {
            label = Some(Section::Funding);
        }
        // `预算单位 | 资金总额 | 财政拨款`: a budget table's header, not the
        // department's row.
        if label == Some(Section::Department) && !names_a_unit(row) {
            label = None;
        }
        if let Some(s) = label {
            if Some(s) != current {
                out.push((s, Vec::new()));
            }
        }
        if let Some((_, group)) = out.last_mut() {
            group.push(row);
        }
    }
    out
}

/// The text of a row that is one line of prose (one cell, as text outside
/// a table or a text dump's line without tabs gives).
fn prose_line(row: &Row) -> Option<&str> {
    // (A text dump's line that a hard return cut from its row has its text
    // first and the row's empty cells after it.)
    let first = row.cells.first()?.trim();
    let rest_blank = row.cells.iter().skip(1).all(|c| trim(c).is_empty());
    (!first.is_empty() && rest_blank).then_some(first)
}

/// The section a line of prose starts. A heading is short and no
/// sentence, and an item of a list (`2.加强预算资金管理；`) is none, even
/// when it names a label's word. A numbered heading pifu has no reader for
/// (`三、有关要求`) starts text that is reported; a letter's signature (the
/// bureau's name, the date) ends what came before it.
fn prose_heading(text: &str, current: Option<Section>) -> Option<Section> {
    let numbered_item = text
        .trim_start_matches(['（', '('])
        .starts_with(|c: char| c.is_ascii_digit())
        && lists::enumerator_len(text).is_some();
    if numbered_item || is_sentence(text) {
        return None;
    }
    // A level's name printed across an indicator table (`一、产出指标` over
    // its rows) groups the rows under it: the table goes on.
    let in_table = matches!(current, Some(Section::LongTermTable | Section::AnnualTable));
    if in_table && names_indicator_group(text) {
        return None;
    }
    let in_list_now = current.is_some_and(Section::is_list);
    // Inside a list a line may be an item's continuation (`切实履行监管职责`,
    // `编制年度资金预算`): only a marked heading ends the list there (a
    // colon after it, a Chinese number before it, or a label's few words).
    // A bracketed remark at the end (`（单位：万元）`, `（2025-2027年）`) is
    // no part of the heading's length.
    let bare = match text.rfind(['（', '(']) {
        Some(k) if text.ends_with([')', '）']) => text.get(..k).unwrap_or(text),
        _ => text,
    };
    let marked = text.ends_with([':', '：'])
        || starts_with_chinese_number(text)
        || text.starts_with('附')
        || bare.chars().count() <= 8;
    let label = section_of_label(text);
    // An indicator table's caption (部门整体支出绩效指标) is never an item's
    // words.
    let table = matches!(label, Some(Section::LongTermTable | Section::AnnualTable));
    if let Some(s) = label.filter(|_| marked || table || !in_list_now) {
        return Some(s);
    }
    // (一、 and （一） number headings; 一是… opens an item of prose.)
    let chinese_numbered = starts_with_chinese_number(text)
        && lists::enumerator_len(text)
            .and_then(|n| text.get(..n))
            .is_some_and(|e| !e.trim_end().ends_with('是'));
    // (A form's title numbered in a batch, `（一）某局2025年部门整体绩效
    // 目标表`, is the title, no heading of a section.)
    let numbered_title = lists::after_enumerator(text).is_some_and(is_form_title);
    if chinese_numbered
        && !numbered_title
        && numbered_organisation(text).is_none()
        && text.chars().count() <= 24
    {
        return Some(Section::Unlabelled);
    }
    // A field of the form printed on its own line after a list
    // (`填报日期：2025年12月28日`, `联系人：…`) is not the list's.
    let field = text.split_once([':', '：']).is_some_and(|(label, _)| {
        (1..=8).contains(&label.chars().count()) && !has_open_bracket(&[label])
    });
    if field && in_list_now && lists::enumerator_len(text).is_none() {
        return Some(Section::Unlabelled);
    }
    let in_list = in_list_now || current == Some(Section::Unlabelled);
    let signature = year_line(text).is_none()
        && (is_full_date(text) || addressee(&format!("{text}：")).is_some());
    (in_list && signature).then_some(Section::Footer)
}

/// A level-1 or level-2 indicator name, numbered or not (`一、产出指标`,
/// `（一）数量指标`).
fn names_indicator_group(text: &str) -> bool {
    let bare = squash(text);
    let name = lists::after_enumerator(&bare).unwrap_or(&bare);
    vocab::is_level1_name(name) || vocab::is_level2_name(name)
}

/// `一、`, `（二）`: how a heading is numbered (items are numbered `1.`).
/// A batch's heading naming the organisation whose form follows, after
/// its number (`（二）某区科学技术和经济信息化局`, `三、某县人民法院`): the
/// name.
fn numbered_organisation(text: &str) -> Option<&str> {
    const ENDINGS: &[&str] = &[
        "局",
        "委员会",
        "委",
        "办公室",
        "办",
        "中心",
        "院",
        "站",
        "所",
        "队",
        "部",
        "厅",
        "处",
        "馆",
        "社",
        "团",
        "会",
        "政府",
        "街道办事处",
        "学校",
        "大学",
        "学院",
        "医院",
    ];
    if !starts_with_chinese_number(text) {
        return None;
    }
    let name = trim(lists::after_enumerator(text)?);
    let len = name.chars().count();
    ((3..=30).contains(&len)
        && ENDINGS.iter().any(|e| name.ends_with(e))
        && !name.contains(['：', ':', '，', '。', '、'])
        && !["绩效", "目标", "指标", "预算", "资金"]
            .iter()
            .any(|w| name.contains(w)))
    .then_some(name)
}

fn starts_with_chinese_number(text: &str) -> bool {
    // (`（一）` as well; `（1）` numbers an item, as `1.` does.)
    text.trim_start_matches(['（', '('])
        .starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
}

/// `2026年1月10日`: a date and nothing else.
fn is_full_date(text: &str) -> bool {
    if !text.trim_end().ends_with('日') {
        return false;
    }
    let t = squash(text);
    let Some(rest) = t.strip_suffix('日') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['年', '月']).collect();
    matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4 && !m.is_empty() && !d.is_empty()
            && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())))
}

/// A header row of an indicator table: it names the level-1 column, or
/// (a table of indicators without levels: 指标名称 | 指标值 | 指标值说明)
/// the indicator's name and its target.
fn starts_indicator_header(row: &Row) -> bool {
    use header::Field;
    let (mut level3, mut target) = (false, false);
    for field in row.texts().filter_map(header::field_of_word) {
        match field {
            Field::Level1 => return joins::is_header(row),
            Field::Level3 => level3 = true,
            Field::Target => target = true,
            _ => {}
        }
    }
    level3 && target && joins::is_header(row)
}

/// The upper row of a two-row indicator header whose lower row names the
/// levels: column titles only (at least two of them known fields), and
/// the word grouping the level columns (绩效指标) or a row number's (序号).
fn is_header_band(row: &Row) -> bool {
    let texts: Vec<&str> = row.texts().map(trim).filter(|t| !t.is_empty()).collect();
    let grouping = |t: &str| matches!(&*squash(t), "绩效指标" | "序号" | "指标");
    let mut known = 0;
    for t in texts {
        if header::field_of_word(t).is_some() {
            known += 1;
        } else if !grouping(t) {
            return false;
        }
    }
    known >= 2
}

/// A list section's label and text. The label is the label column across
/// the rows a page break cut it into (`长期目标：(截止2027` + `年)`); the
/// text is every other cell, joined by a line break so enumerators after a
/// row break still count. A one-cell row after the label row is a line of
/// prose under a label printed as its own line (`年度总体目标：`, then
/// `1.…`), so all of it is text, unless the label still has a bracket
/// open (its continuation).
fn section_parts(rows: &[&Row], hard: bool) -> (String, String) {
    let mut label: Vec<&str> = Vec::new();
    // Each text, and whether a cell of its own begins there.
    let mut text: Vec<(&str, bool)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        // (续表 between the rows of a list is none of its text.)
        if i > 0 && row.texts().next().is_some() && row.texts().all(funding::is_continuation_mark) {
            continue;
        }
        let mut cells = row.cells.iter().map(|c| c.as_str());
        let first = cells.next().unwrap_or_default();
        let prose = i > 0 && prose_line(row).is_some() && !has_open_bracket(&label);
        if prose {
            text.push((first, false));
            continue;
        }
        label.push(first);
        // A goal's sub-label beside the goals' label (`年度绩效目标 |
        // 总体目标 | …`) is part of the label, no goal.
        let mut cells = cells.filter(|c| !trim(c).is_empty()).peekable();
        while let Some(sub) = cells.next_if(|c| is_goal_sublabel(first, c)) {
            label.push(sub);
        }
        let own_cell = i > 0 && is_row_under_merged_label(row);
        text.extend(cells.enumerate().map(|(k, c)| (c, own_cell && k == 0)));
    }
    label.retain(|c| !trim(c).is_empty());
    text.retain(|(c, _)| !trim(c).is_empty());
    let mut joined = String::new();
    for (k, (t, own_cell)) in text.iter().enumerate() {
        if k > 0 {
            joined.push_str(if *own_cell {
                values::PARAGRAPH_BREAK_STR
            } else {
                text_separator(hard)
            });
        }
        joined.push_str(t);
    }
    (values::join_lines(&label.join("\n")), joined)
}

/// `sub` names the goals `label` names, or goals of either period
/// (`总体目标` beside `年度绩效目标`).
fn is_goal_sublabel(label: &str, sub: &str) -> bool {
    match (section_of_label(label), section_of_label(sub)) {
        (Some(l), Some(s)) => l.is_goals() && (s == Section::EitherGoals || s == l),
        _ => false,
    }
}

/// `unplaced_cell` for items of a list that are figures and nothing else
/// (`860.50`, `93.0%`): no function, task or goal is one, so a table
/// printed beside the list's text (a funding block beside the goals) was
/// read into it. Said, not guessed away.
fn figures_as_items(list: &str, items: &[String]) -> Option<Warning> {
    let figures: Vec<&str> = items
        .iter()
        .map(|t| trim(t))
        .filter(|t| values::parse_number(t).is_some())
        .collect();
    (!figures.is_empty()).then(|| {
        Warning::new(
            "unplaced_cell",
            format!(
                "{list} holds figures as items ({}): a table printed beside its text may have been read into it",
                truncate(&figures.join(" | "), 60)
            ),
        )
    })
}

/// A grid row under a label merged down over it (`部门职能概述` beside one
/// function a ruled row): its text is a cell of its own, not the next line
/// of the text above, wrapped. (Not a row a page break cut from the one
/// above: that is the same cell, continued.)
fn is_row_under_merged_label(row: &Row) -> bool {
    !row.after_page_break
        && row
            .spans
            .as_ref()
            .and_then(|s| s.first())
            .is_some_and(|s| s.continued)
}

/// Goal blocks printed side by side: a row of goal labels only
/// (`中长期目标（2025-2027年）` | `年度目标`) over rows of their texts, each
/// text under its label's column. The section, label and text of each.
fn side_by_side_goals(rows: &[&Row], hard: bool) -> Option<Vec<(Section, String, String)>> {
    let (head, body) = rows.split_first()?;
    // Positions where every row has them, else cell indices.
    let by_span = head.spans.is_some() && body.iter().all(|r| r.spans.is_some());
    let column_at = |row: &Row, i: usize| -> i32 {
        row.spans
            .as_ref()
            .filter(|_| by_span)
            .and_then(|s| s.get(i))
            .map_or(i as i32, |s| s.left)
    };
    let mut labels: Vec<(i32, Section, &str)> = Vec::new();
    for (i, cell) in head.cells.iter().enumerate() {
        if trim(cell).is_empty() {
            continue;
        }
        let s = section_of_label(cell).filter(|s| s.is_goals())?;
        labels.push((column_at(head, i), s, cell.as_str()));
    }
    if labels.len() < 2 {
        return None;
    }
    let mut texts: Vec<Vec<&str>> = vec![Vec::new(); labels.len()];
    for row in body {
        for (i, cell) in row.cells.iter().enumerate() {
            if trim(cell).is_empty() {
                continue;
            }
            let at = column_at(row, i);
            let owner = labels
                .iter()
                .rposition(|(col, _, _)| *col <= at)
                .unwrap_or(0);
            if let Some(t) = texts.get_mut(owner) {
                t.push(cell.as_str());
            }
        }
    }
    Some(
        labels
            .iter()
            .zip(texts)
            .map(|((_, s, label), t)| (*s, label.to_string(), t.join(text_separator(hard))))
            .collect(),
    )
}

/// The tasks of a 年度主要任务 table (`年度主要任务 | 任务名称 | 主要内容`
/// over a row per task): each task's name and content as one item
/// (`名称：内容`); amounts beside them are the budget's, not the task's
/// text. `None` when the section is no such table.
fn task_table_items(rows: &[&Row]) -> Option<Vec<String>> {
    const HEADER: &[&str] = &[
        "任务名称",
        "主要内容",
        "任务内容",
        "主要任务",
        "工作内容",
        "完成时间",
        "预算金额",
        "金额",
        "总额",
        "财政拨款",
        "其他资金",
        "资金总额",
        "序号",
    ];
    // A header as listed: without the unit in brackets after it
    // (`预算金额（万元）`).
    let key = |t: &str| {
        let t = squash(t);
        match t.rfind(['（', '(']) {
            Some(i) if i > 0 && t.ends_with(['）', ')']) && funding::unit_in(&t).is_some() => {
                t.get(..i).unwrap_or(&t).to_string()
            }
            _ => t.into_owned(),
        }
    };
    let (mut head, mut body) = rows.split_first()?;
    // (After the section's label, when the header row prints it.)
    let mut head_texts: Vec<String> = head.texts().map(key).collect();
    if head_texts
        .first()
        .is_some_and(|t| section_of_label(t).is_some())
    {
        head_texts.remove(0);
    }
    // The label on a row of its own (a caption line over the table, or
    // the table's first row spanning it): the header is the next row.
    if head_texts.iter().all(|t| t.is_empty()) {
        (head, body) = body.split_first()?;
        head_texts = head.texts().map(key).collect();
    }
    let is_header = !head_texts.is_empty()
        && head_texts
            .iter()
            .any(|t| t.contains("任务") || t.contains("内容"))
        && head_texts.iter().all(|t| HEADER.contains(&t.as_str()));
    if !is_header {
        return None;
    }
    // The header of a row's cell `i` in the header row `h`: by position
    // where both know theirs, else where the rows line up.
    let header_in = |h: &Row, row: &Row, i: usize| -> Option<String> {
        let text = match (&h.spans, &row.spans) {
            (Some(hs), Some(rs)) => {
                let span = rs.get(i)?;
                hs.iter()
                    .zip(&h.cells)
                    .filter(|(s, _)| s.overlap(span) > 0)
                    .max_by_key(|(s, _)| s.overlap(span))
                    .map(|(_, c)| c.as_str())
            }
            _ => h
                .cells
                .get(i)
                .filter(|_| h.cells.len() == row.cells.len())
                .map(String::as_str),
        };
        text.map(|t| squash(t).into_owned())
            .filter(|t| !t.is_empty())
    };
    // A second header row (总额 | 财政拨款 | 其他资金 under 预算金额) names
    // the columns under the first.
    let mut sub: Option<&Row> = None;
    let header_of = |sub: Option<&Row>, row: &Row, i: usize| {
        sub.and_then(|s| header_in(s, row, i))
            .or_else(|| header_in(head, row, i))
    };
    let mut items = Vec::new();
    for row in body {
        let header_of = |row: &Row, i: usize| header_of(sub, row, i);
        let numbered = |i: usize| header_of(row, i).as_deref() == Some("序号");
        let words: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, _)| !numbered(*i))
            .map(|(_, t)| t.as_str())
            .filter(|t| !trim(t).is_empty())
            .filter(|t| values::parse_number(t).is_none())
            .filter(|t| section_of_label(t).is_none())
            .filter_map(clean_text)
            .collect();
        if words.iter().all(|w| HEADER.contains(&key(w).as_str())) {
            if !words.is_empty() {
                sub = Some(row);
            }
            continue;
        }
        // A total of the amounts is no task (`合计`, `金额合计`, `预算金额
        // 合计`, as the templates print it).
        if words.first().is_some_and(|w| {
            let w = squash(w);
            w.chars().count() <= 8 && ["合计", "总计", "小计"].iter().any(|t| w.ends_with(t))
        }) {
            continue;
        }
        // A task's amounts (预算金额) follow it under their headers, so
        // that nothing printed is lost: `名称：内容（预算金额：420.00）`.
        let amounts: Vec<String> = row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, c)| !numbered(*i) && values::parse_number(c).is_some())
            .map(|(i, c)| {
                let header = header_of(row, i)
                    .filter(|h| !h.is_empty() && values::parse_number(h).is_none())
                    .unwrap_or_else(|| "金额".to_string());
                format!("{header}：{}", trim(c))
            })
            .collect();
        let mut item = words.join("：");
        if !amounts.is_empty() {
            item.push_str(&format!("（{}）", amounts.join("，")));
        }
        items.push(item);
    }
    Some(items)
}

/// What stands between the texts of a section's rows and cells: each is
/// a paragraph of its own where the file's breaks are its own, else a
/// line that may continue the one before (a printed page's wrapping).
/// A goal block's text cut where a line of it opens with a goal label of
/// its own (`实施期目标：…` / `年度目标：…` in one 总体目标 cell): each part
/// with the section and label it names. Text before the first such line
/// stays the block's. (Only a label ending at a colon or alone on its
/// line: `年度目标是…` is a sentence.)
pub(crate) fn goal_parts(
    section: Section,
    label: &str,
    text: &str,
) -> Vec<(Section, String, String)> {
    let mut parts = vec![(section, label.to_string(), String::new())];
    for line in text.split(['\n', values::PARAGRAPH_BREAK, values::LINE_BREAK]) {
        let mut text_line = line;
        if let Some((s, inner, rest)) = inner_goal_label(line) {
            parts.push((s, inner.to_string(), String::new()));
            text_line = rest;
        }
        if let Some((_, _, t)) = parts.last_mut() {
            if !t.is_empty() {
                t.push('\n');
            }
            t.push_str(text_line);
        }
    }
    parts.retain(|(_, _, t)| !trim(t).is_empty());
    if parts.len() < 2 {
        return vec![(section, label.to_string(), text.to_string())];
    }
    parts
}

/// A line that opens with a long-term or annual goal label and a colon,
/// or is that label alone: the section, the label and the text after it.
fn inner_goal_label(line: &str) -> Option<(Section, &str, &str)> {
    let line = trim(line);
    let (head, rest) = line.split_once([':', '：']).unwrap_or((line, ""));
    let key = squash(head);
    if key.chars().count() > 20 || key.contains(['，', '。', ',', '；']) {
        return None;
    }
    match plain_label(&key)? {
        s @ (Section::LongTermGoals | Section::AnnualGoals) => Some((s, trim(head), rest)),
        _ => None,
    }
}

fn text_separator(hard: bool) -> &'static str {
    if hard {
        values::PARAGRAPH_BREAK_STR
    } else {
        "\n"
    }
}

/// Whether the label parts so far open more brackets than they close.
fn has_open_bracket(parts: &[&str]) -> bool {
    let (mut open, mut close) = (0, 0);
    for c in parts.iter().flat_map(|p| p.chars()) {
        match c {
            '(' | '（' => open += 1,
            ')' | '）' => close += 1,
            _ => {}
        }
    }
    open > close
}

/// The rows of every section but the given ones, in order.
fn rows_except<'a>(groups: &[(Section, Vec<&'a Row>)], excluded: &[Section]) -> Vec<&'a Row> {
    groups
        .iter()
        .filter(|(s, _)| !excluded.contains(s))
        .flat_map(|(_, rows)| rows.iter().copied())
        .collect()
}

fn table_rows<'a>(groups: &[(Section, Vec<&'a Row>)], want: Section) -> Vec<&'a Row> {
    groups
        .iter()
        .filter(|(s, _)| *s == want)
        .flat_map(|(_, rows)| rows.iter().copied())
        .collect()
}

/// The opinions a form's footer prints beside their labels (`财政部门审核
/// 意见 | 同意。`): each label, as printed, and its text, the next text
/// after it. Another label (two opinions side by side, both blank), or a
/// seal or date line in its place (`（单位公章）`, `年 月 日`) is no
/// opinion.
fn footer_opinions(rows: &[&Row]) -> Vec<(String, String)> {
    let is_opinion_label = |t: &str| squash(t).trim_end_matches([':', '：']).ends_with("意见");
    let mut out = Vec::new();
    for r in rows {
        let texts: Vec<&str> = r.texts().collect();
        for pair in texts.windows(2) {
            let (label, opinion) = match pair {
                &[l, o] if is_opinion_label(l) && !is_opinion_label(o) => (l, o),
                _ => continue,
            };
            let seal_or_date = opinion.contains("盖章")
                || opinion.contains("公章")
                || opinion
                    .chars()
                    .all(|c| c.is_whitespace() || "年月日".contains(c));
            if !seal_or_date {
                let label = squash(label).trim_end_matches([':', '：']).to_string();
                out.push((label, opinion.to_string()));
            }
        }
    }
    out
}

fn first_title(rows: &[&Row], hard: bool) -> Option<String> {
    first_title_rows(rows, hard, false).map(|(t, _)| t)
}

/// The numerals beside ASCII digits that number an attachment (`附件２`,
/// `附表三`).
pub(super) const ATTACHMENT_NUMERALS: &str = "０１２３４５６７８９一二三四五六七八九十";

/// A title printed as an attachment's caption (`附件：某局2025年度…表`,
/// `附件2：…`, `附表1 …`) without the caption's label: the label names
/// the attachment, not the approval.
fn without_attachment_label(title: &str) -> &str {
    let t = title.trim_start();
    let Some(after) = ["附件", "附表"].iter().find_map(|p| t.strip_prefix(p)) else {
        return title;
    };
    // Its number (`附件2`, `附件一`, `附件1-1`) or a blank, then perhaps a
    // colon. A year the title opens with is no part of the number
    // (`附件1  2026年度…`, `附件12026年度…`).
    let numbered = after.trim_start_matches(char::is_whitespace);
    let number_len: usize = numbered
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '-' || ATTACHMENT_NUMERALS.contains(c)))
        .map_or(numbered.len(), |(i, _)| i);
    let number = numbered.get(..number_len).unwrap_or_default();
    let year_follows = numbered
        .get(number_len..)
        .is_some_and(|r| r.starts_with('年'));
    let number_len =
        if year_follows && number.len() >= 4 && number.bytes().all(|b| b.is_ascii_digit()) {
            number.len() - 4
        } else {
            number_len
        };
    let rest = numbered
        .get(number_len..)
        .unwrap_or_default()
        .trim_start_matches(char::is_whitespace);
    let had_separator = rest.len() < after.len() || rest.starts_with(['：', ':']);
    let rest = rest.trim_start_matches(['：', ':', ' ', '　']);
    if had_separator && rest.chars().count() >= 6 {
        rest
    } else {
        title
    }
}

/// [`first_title`] and the rows it was read from (one, or two when the
/// title wraps). `own_title`: a project's form, whose own title wins over
/// a page's heading above it (the heading's year still counts:
/// [`heading_year`]); a department's form keeps the heading, which may
/// be all that names the department.
fn first_title_rows(
    rows: &[&Row],
    hard: bool,
    own_title: bool,
) -> Option<(String, std::ops::Range<usize>)> {
    first_title_rows_as_printed(rows, hard, own_title)
        .map(|(t, r)| (without_attachment_label(&t).to_string(), r))
}

fn first_title_rows_as_printed(
    rows: &[&Row],
    hard: bool,
    own_title: bool,
) -> Option<(String, std::ops::Range<usize>)> {
    fn only(r: &Row) -> Option<&str> {
        match title_texts(r).as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
    let names_approval = |t: &str| t.contains("批复") || t.contains("绩效目标");
    // (A line that leads in to what follows, `现将…公开如下：`, is none.)
    let mut candidates = rows.iter().enumerate().filter_map(|(i, r)| {
        only(r)
            .filter(|t| {
                names_approval(t) && !is_sentence(t) && !t.trim_end().ends_with([':', '：'])
            })
            .map(|t| (i, t))
    });
    let first = candidates.next();
    // A page's heading over the form's own title (`某县2025年县直部门项目
    // 支出绩效目标公开` over `2025年度项目支出绩效目标表`) gives way to it.
    let first = match first {
        Some((_, t)) if own_title && !ends_as_title(t) => {
            candidates.find(|(_, t)| is_form_title(t)).or(first)
        }
        _ => first,
    };
    // A long title wrapped so that the key words are cut
    // (…部门整体支出绩效目 / 标表), or wrapped before the line that holds
    // them (…中小企业创新能力 / 提升专项资金项目2026年度项目支出绩效目标表).
    // (Only at the top of the rows when no line names the approval; and
    // only where lines wrap: in a file of its own lines, such as a web
    // page, a line over the title is a heading of its own.)
    let before = if hard {
        0
    } else {
        first.map_or(rows.len().min(3), |(i, _)| i + 1)
    };
    let wrapped = rows.iter().enumerate().take(before).find_map(|(k, r)| {
        let head = only(r).filter(|t| is_wrapped_title_head(t))?;
        let rest = rows.get(k + 1).and_then(|r| only(r))?;
        let joined = format!("{head}{rest}");
        let cut_here = first.is_none_or(|(i, _)| k + 1 == i) || !names_approval(head);
        (continues_title(head, rest) && names_approval(&joined) && cut_here).then_some((k, joined))
    });
    if let Some((k, joined)) = wrapped {
        return clean_text(&joined).map(|t| (t, k..k + 2));
    }
    let (i, title) = first?;
    // A title wrapped onto a second line (…绩效目标的 / 通知).
    let rest = rows
        .get(i + 1)
        .and_then(|r| only(r))
        .filter(|rest| continues_title(title, rest));
    // The unit printed on the line above a title that opens with its year
    // (某县农业农村局 / 2025年部门整体支出绩效目标).
    let above = i
        .checked_sub(1)
        .and_then(|k| rows.get(k))
        .and_then(|r| only(r))
        .filter(|head| is_unit_over_title(head, title));
    match (above, rest) {
        (Some(head), _) => clean_text(&format!("{head}{title}")).map(|t| (t, i - 1..i + 1)),
        (None, Some(rest)) => clean_text(&format!("{title}\n{rest}")).map(|t| (t, i..i + 2)),
        (None, None) => clean_text(title).map(|t| (t, i..i + 1)),
    }
}

/// A title without the bracketed remark at its end (`（2026年）`).
fn without_bracketed_end(s: &str) -> &str {
    match s.rfind(['（', '(']) {
        Some(i) if s.ends_with(['）', ')']) => s.get(..i).unwrap_or(s),
        _ => s,
    }
}

/// Whether a line ends as the title of a form or a letter does (…表,
/// …批复, …的通知, …的函), perhaps before a bracketed year.
fn ends_as_title(t: &str) -> bool {
    let s = squash(t);
    let core = without_bracketed_end(&s);
    ["表", "批复", "通知", "函", "决定", "意见"]
        .iter()
        .any(|e| core.ends_with(e))
}

/// Whether a line can be the first of a title wrapped onto two: long (a
/// line that wrapped fills the page's width), no sentence, label or
/// numbered heading.
fn is_wrapped_title_head(t: &str) -> bool {
    t.chars().count() >= 16
        && !is_sentence(t)
        && !t.contains(['：', ':'])
        && crate::layout::enumerator_len(t).is_none()
}

/// Whether `head` is a unit's name printed as a line of its own over a
/// title that starts with the year (the title names no unit before it).
fn is_unit_over_title(head: &str, title: &str) -> bool {
    const ENDS: &[char] = &[
        '局', '委', '院', '办', '厅', '处', '部', '会', '所', '站', '馆', '校', '队', '室', '心',
    ];
    let head = trim(head);
    let year_first = title
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit())
        && !years_in(title).is_empty();
    // (Or a letter's title under its sender: 某县财政局 / 关于批复…的通知.)
    let letter = trim(title).starts_with("关于");
    (year_first || letter)
        && (2..=20).contains(&head.chars().count())
        && head.ends_with(ENDS)
        && !head.chars().any(|c| c.is_ascii_digit())
        && !is_sentence(head)
        && crate::layout::enumerator_len(head).is_none()
        && !head.contains(['：', ':'])
}

/// Whether `next` is the rest of a title cut after `title`: the title
/// stops short of a title's ending (…通知, …批复, …表, …函) and `next`
/// reaches one.
fn continues_title(title: &str, next: &str) -> bool {
    const ENDINGS: &[&str] = &["通知", "批复", "函", "表", "意见", "决定"];
    let ends = |t: &str| {
        let t =
            t.trim_end_matches(|c: char| c.is_whitespace() || "（）()年度0123456789".contains(c));
        ENDINGS.iter().any(|e| t.ends_with(e))
    };
    !ends(title)
        && ends(next)
        && !is_sentence(next)
        && !is_generic_title(next)
        && title.chars().count() + next.chars().count() <= 80
        && !next.contains(['：', ':'])
}

/// A row's texts but a unit printed beside them (a title row with
/// `单位：万元` in its last cell).
/// A row that holds a form's title, alone or beside the unit its amounts
/// are in (`某局2026年部门整体支出绩效目标表 | 单位：万元`).
fn is_title_row(row: &Row) -> bool {
    matches!(title_texts(row).as_slice(), [t] if is_form_title(t))
}

fn title_texts(row: &Row) -> Vec<&str> {
    row.texts()
        .filter(|t| {
            funding::unit_in(t)
                .filter(|_| t.chars().count() <= 12)
                .is_none()
        })
        .collect()
}

fn parse_indicator_tables(
    groups: &[(Section, Vec<&Row>)],
    known: &KnownNames,
    year: Option<i32>,
) -> Vec<indicators::TableResult> {
    let mut tables = [
        (IndicatorTable::LongTerm, Section::LongTermTable),
        (IndicatorTable::Annual, Section::AnnualTable),
    ];
    // In the order the form prints them (SPEC: document order): the
    // annual table first where all of it comes before the long-term one.
    // (A group of labels or a header only, such as `三、部门整体绩效指标`
    // over `（一）长期绩效指标`, prints no row of its table; a row read
    // before a long-term label printed mid-table is that table's.)
    let prints_rows = |rows: &[&Row]| {
        rows.iter()
            .any(|r| !joins::is_header(r) && r.texts().any(|t| !is_label(t)))
    };
    let at = |section: Section| {
        groups
            .iter()
            .enumerate()
            .filter(move |(_, (s, rows))| *s == section && prints_rows(rows))
            .map(|(i, _)| i)
    };
    let annual_last = at(Section::AnnualTable).next_back();
    let long_term_first = at(Section::LongTermTable).next();
    if matches!((annual_last, long_term_first), (Some(a), Some(l)) if a < l) {
        tables.reverse();
    }
    tables
        .iter()
        .map(|&(table, section)| {
            let rows = table_rows(groups, section);
            indicators::parse_table(table, &rows, &is_label, known, year)
        })
        .collect()
}

/// Whether a hard line break between `before` and `after` separates two
/// paragraphs: `before` ends a sentence, or both are lines of running
/// text and neither is cut inside a phrase (`before` ending on a comma or
/// an opening bracket, `after` opening with punctuation or a bracket: a
/// list item's `（一）` was told before).
fn is_paragraph_break(before: &str, after: &str) -> bool {
    const ENDS: &[char] = &['。', '；', ';', '！', '!', '？', '?'];
    if before.ends_with(ENDS) {
        return true;
    }
    before.chars().count() >= 8
        && after.chars().count() >= 6
        && !is_cut_inside_phrase(before, after)
}

/// Whether a line break between `before` and `after` cuts a phrase:
/// `before` ends on a comma or an opening bracket, `after` opens with
/// punctuation or a closing bracket.
fn is_cut_inside_phrase(before: &str, after: &str) -> bool {
    const CONTINUES: &[char] = &[
        '，', ',', '、', '：', ':', '（', '(', '“', '《', '—', '-', '/',
    ];
    const CLOSES: &[char] = &[
        '）', ')', '（', '(', '。', '；', ';', '、', '，', ',', '”', '》', '：', ':', '%', '％',
    ];
    before.ends_with(CONTINUES) || after.starts_with(CLOSES)
}

/// A cell's lines as reconstruction reads them. Wrapped lines are joined
/// (CJK without a space, Latin with one), except before a line that opens
/// a list item, where the line break stays as the separator the list
/// reader needs. `hard`: the file's line breaks are its own (HTML, DOCX,
/// spreadsheets, [`Layout::hard_breaks`]), so a break between two
/// paragraphs (after a sentence's end, or between two lines of running
/// text) becomes [`PARAGRAPH_BREAK`] and blank lines are no lines; a short
/// line broken by hand to fit its column (`指标值确定` / `依据`) is still
/// joined.
pub fn join_cell(cell: &str, hard: bool) -> String {
    if !cell.contains('\n') {
        return cell.to_string();
    }
    let mut out = String::with_capacity(cell.len());
    let mut pending = String::new();
    let mut last = "";
    for line in cell.split('\n') {
        let t = trim(line);
        if hard && t.is_empty() {
            continue;
        }
        if !pending.is_empty() {
            let sep = if lists::starts_item(line) {
                Some('\n')
            } else if hard && is_paragraph_break(last, t) {
                Some(PARAGRAPH_BREAK)
            } else if hard && !is_cut_inside_phrase(last, t) {
                // (A list's reader decides: its item's end, or a wrap.)
                Some(values::LINE_BREAK)
            } else {
                None
            };
            match sep {
                Some(sep) => {
                    out.push_str(&values::join_lines(&pending));
                    out.push(sep);
                    pending.clear();
                }
                None => pending.push('\n'),
            }
        }
        pending.push_str(if hard { t } else { line });
        last = t;
    }
    out.push_str(&values::join_lines(&pending));
    out
}

/// One approval of a file: its content and where it is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Part {
    pub content: Content,
    /// First and last page (PDF).
    pub pages: Option<[u32; 2]>,
    /// The worksheet it was read from (workbooks of several sheets).
    pub sheet: Option<String>,
}

/// A grid row that holds several rows in its cells, line by line: its
/// multi-line cells (two or more) have one line per row each, one of them
/// quantities only and another no quantity (`新建管网长度<br>改造泵站数量`
/// beside `≥20公里<br>≥3座`), every other cell one line. Split into those
/// rows, a one-line cell merged over them (as a rowspan would be).
/// `None` for any other row.
fn split_stacked(row: &Row) -> Option<Vec<Row>> {
    const MAX_STACKED: usize = 20;
    let spans = row.spans.as_ref()?;
    // Most cells hold one line: turned away before anything is split.
    if row.cells.iter().filter(|c| c.contains('\n')).count() < 2 {
        return None;
    }
    let lines: Vec<Vec<&str>> = row
        .cells
        .iter()
        .map(|c| {
            let lines: Vec<&str> = c.split('\n').map(trim).filter(|l| !l.is_empty()).collect();
            // A level name wrapped by hand (`产出<br>指标`) is one cell
            // over the rows, not one line each.
            if is_wrapped_word(&lines) {
                vec![trim(c)]
            } else {
                lines
            }
        })
        .collect();
    let mut stacked = lines.iter().filter(|l| l.len() >= 2);
    let n = stacked.next()?.len();
    if n > MAX_STACKED || !stacked.all(|l| l.len() == n || l.len() < 2) {
        return None;
    }
    let multi: Vec<&Vec<&str>> = lines.iter().filter(|l| l.len() == n).collect();
    let quantities = |l: &&Vec<&str>| l.iter().all(|t| values::parse_target(t).is_some());
    let words = |l: &&Vec<&str>| {
        l.iter()
            .all(|t| t.chars().count() >= 2 && values::parse_target(t).is_none())
    };
    if multi.len() < 2 || !multi.iter().any(quantities) || !multi.iter().any(words) {
        return None;
    }
    Some(
        (0..n)
            .map(|i| {
                let (cells, spans) = lines
                    .iter()
                    .zip(&row.cells)
                    .zip(spans)
                    .map(|((l, cell), span)| {
                        if l.len() == n {
                            (l.get(i).copied().unwrap_or_default().to_string(), *span)
                        } else if i == 0 || l.is_empty() {
                            (cell.clone(), *span)
                        } else {
                            let merged = Span {
                                continued: true,
                                ..*span
                            };
                            (String::new(), merged)
                        }
                    })
                    .unzip();
                Row {
                    cells,
                    page: row.page,
                    after_page_break: row.after_page_break && i == 0,
                    table_start: row.table_start && i == 0,
                    spans: Some(spans),
                }
            })
            .collect(),
    )
}

/// Whether a cell's lines are one word wrapped by hand: together a level
/// name, 依据 or 分类 that the lines are not each (`产出` / `指标`,
/// `行业` / `标准`), or ending on a line `指标` alone, which names no
/// indicator of its own.
fn is_wrapped_word(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let listed = |t: &str| {
        vocab::is_level1_name(t)
            || vocab::is_level2_name(t)
            || vocab::is_listed_basis_or_category(t)
    };
    let joined: String = lines.concat();
    lines.last().is_some_and(|l| *l == "指标")
        || (listed(&joined) && !lines.iter().all(|l| listed(l)))
}

/// A title row's cells without what a workbook prints beside the title
/// (a `返回目录` link to its contents sheet, `打印日期：2025-01-15`): the
/// title is then alone on its row, as titles are read.
fn without_marginal_beside_title(cells: &mut [String]) {
    // (Most rows are turned away here, without allocating: two texts.)
    let mut texts = (0..cells.len()).filter(|&i| cells.get(i).is_some_and(|c| !trim(c).is_empty()));
    let (Some(a), Some(b), None) = (texts.next(), texts.next(), texts.next()) else {
        return;
    };
    let names_approval = |i: usize| {
        cells
            .get(i)
            .is_some_and(|t| t.contains("绩效目标") || t.contains("批复"))
    };
    let marginal = |i: usize| cells.get(i).is_some_and(|t| is_marginal_text(t));
    let drop = if marginal(a) && names_approval(b) {
        a
    } else if marginal(b) && names_approval(a) {
        b
    } else {
        return;
    };
    if let Some(c) = cells.get_mut(drop) {
        c.clear();
    }
}

/// A workbook's navigation link or print stamp: `返回目录`, `返回首页`,
/// `打印日期：2025-01-15`, `导出时间：…`.
fn is_marginal_text(t: &str) -> bool {
    let t = squash(t);
    let label = t.split([':', '：']).next().unwrap_or(&t);
    matches!(&*t, "返回目录" | "返回首页" | "返回" | "目录")
        || (t.len() > label.len()
            && matches!(
                label,
                "打印日期" | "打印时间" | "导出日期" | "导出时间" | "打印人"
            ))
}

/// Tables whose first columns are empty in every row, where the table
/// opens a form (its first row a title, a section or field label, or a
/// header): a form laid out from column B or C of its sheet, or beside an
/// empty first column. Those columns are dropped, so that each row's
/// label is its first cell, as in a form that starts at the edge. A table
/// continuing one cut by a page break keeps them: its first columns are
/// blank where the levels of the part before run on.
fn without_empty_leading_columns(rows: &mut [Row]) {
    let mut start = 0;
    while start < rows.len() {
        let end = (start + 1..rows.len())
            .find(|&i| {
                rows.get(i)
                    .is_some_and(|r| r.table_start || r.spans.is_none())
            })
            .unwrap_or(rows.len());
        if let Some(table) = rows.get_mut(start..end) {
            drop_leading_columns(table);
        }
        start = end;
    }
}

fn drop_leading_columns(table: &mut [Row]) {
    // (A first column of row numbers, 1, 2, 3 … down every row, as a
    // sheet printed or pasted with its row headings, is as empty.)
    let skip = usize::from(holds_row_numbers(table));
    // Where each row's first text starts, in span units.
    let first_text = |r: &Row| {
        let i = r
            .cells
            .iter()
            .enumerate()
            .skip(skip)
            .position(|(_, c)| !trim(c).is_empty())?
            + skip;
        r.spans.as_ref()?.get(i).map(|s| s.left)
    };
    let Some(lead) = table.iter().filter_map(first_text).min() else {
        return;
    };
    if lead <= 0 || table.iter().any(|r| r.spans.is_none()) {
        return;
    }
    let opens_a_form = table
        .iter()
        .find(|r| first_text(r).is_some())
        .is_some_and(|r| {
            let mut texts = r.text_vec();
            if skip > 0 && !texts.is_empty() {
                texts.remove(0);
            }
            let first = texts.first().copied().unwrap_or_default();
            is_label(first)
                || is_form_title(first)
                || names_department(&texts)
                || project::is_project_label(first)
                || joins::is_header(r)
        });
    if !opens_a_form {
        return;
    }
    for r in table {
        let Some(spans) = r.spans.as_mut() else {
            continue;
        };
        // Cells wholly left of the first text go; a blank one reaching
        // past it is cut there.
        let gone = spans.iter().take_while(|s| s.right <= lead).count();
        r.cells.drain(..gone.min(r.cells.len()));
        spans.drain(..gone.min(spans.len()));
        for s in spans.iter_mut() {
            s.left = s.left.max(lead) - lead;
            s.right -= lead;
        }
    }
}

/// `金额单位：万元` on a line of its own between the sections: the
/// funding unit it states.
fn unit_line(row: &Row) -> Option<String> {
    match row.text_vec().as_slice() {
        [only] if only.chars().count() <= 12 => funding::unit_in(only),
        _ => None,
    }
}

/// Whether every row holding text opens with its number, counting up by
/// one from 1 (three rows at least): row headings, not a column of the
/// form (a task table's 序号 column leaves its header and label rows
/// unnumbered).
fn holds_row_numbers(table: &[Row]) -> bool {
    let mut expect = 1u32;
    for r in table.iter().filter(|r| !r.is_blank()) {
        let first = r.cells.first().map(|c| trim(c)).unwrap_or_default();
        if first.parse::<u32>().ok() != Some(expect) {
            return false;
        }
        expect += 1;
    }
    expect > 3
}

/// The document of a file holding one approval (the first, where it holds
/// several).
pub fn reconstruct(layout: &Layout) -> Content {
    reconstruct_all(layout)
        .into_iter()
        .next()
        .map(|p| p.content)
        .unwrap_or_default()
}

/// Every approval a file holds, in file order (SPEC §2.4): forms one after
/// another (each opens with its title, or with its 项目名称 after the
/// previous form's tables), and the projects of a flat table of projects.
/// Pages that belong to no approval (a report's narrative and its own
/// summary tables) give nothing; a file with no approval at all is one
/// document (`unknown`).
pub fn reconstruct_all(layout: &Layout) -> Vec<Part> {
    let hard = layout.hard_breaks;
    let mut rows: Vec<Row> = Vec::with_capacity(layout.rows.len());
    for r in &layout.rows {
        let stacked = if hard { split_stacked(r) } else { None };
        for r in stacked.as_deref().unwrap_or(std::slice::from_ref(r)) {
            let mut cells: Vec<String> = r.cells.iter().map(|c| join_cell(c, hard)).collect();
            without_marginal_beside_title(&mut cells);
            rows.push(Row {
                cells,
                page: r.page,
                after_page_break: r.after_page_break,
                table_start: r.table_start,
                spans: r.spans.clone(),
            });
        }
    }
    without_empty_leading_columns(&mut rows);
    let sheet_starts: Vec<usize> = layout.sheets.iter().map(|(i, _)| *i).collect();
    let segments =
        with_orphan_tables_joined(&rows, form_segments(&rows, &sheet_starts, hard), hard);
    let mut parts: Vec<Part> = Vec::new();
    let mut title_only: Vec<Warning> = Vec::new();
    let mut letter = CoveringLetter::default();
    // Per part: whether its form opens with a numbered line (`（二）某项目`).
    let mut numbered: Vec<bool> = Vec::new();
    if segments.len() > 1 {
        for (start, seg, read) in segments {
            let sheet = layout
                .sheets
                .iter()
                .rev()
                .find(|(first, _)| *first <= start)
                .map(|(_, name)| name.clone());
            for part in read.unwrap_or_else(|| reconstruct_rows(seg, hard)) {
                if part.content.kind == Some(Kind::Unknown) {
                    // A covering letter before the forms (关于批复2025年度项目
                    // 支出绩效目标的通知 …) gives its year to forms that name
                    // none.
                    if parts.is_empty() {
                        letter.read(seg);
                    }
                    continue;
                }
                // A title with nothing of a form under it (a link to
                // another approval in a 相关文章 list, a 下一篇 line) is
                // no approval; the documents say what they left out.
                // (Nor is a workbook's cover sheet: lines of one cell each
                // in its grid, 某局 / 2025年部门整体绩效目标 / 某财政局 编.)
                // A summary of the approvals (汇总表, 一览表: one row per
                // department or project, no indicator) is none of them;
                // nor is a covering letter's list of them (left out as any
                // letter is).
                if is_summary_of_approvals(&part.content) || lists_approvals(&part.content, seg) {
                    // (Its year is the forms' after it, as a letter's is.)
                    if parts.is_empty() {
                        letter.year = letter.year.or(part.content.year);
                    }
                    let letter = part
                        .content
                        .title
                        .as_deref()
                        .is_some_and(|t| t.contains("关于"));
                    if let Some(t) = part.content.title.as_ref().filter(|_| !letter) {
                        title_only.push(Warning::new(
                            "unknown_section",
                            format!(
                                "{}: a summary of approvals, not one; left out",
                                truncate(t, 60)
                            ),
                        ));
                    }
                    continue;
                }
                if !has_body(&part.content) && seg.iter().all(is_text_line) {
                    // (A covering letter, whose title names the kinds of
                    // the forms under it — 关于批复2026年度部门整体及项目
                    // 支出绩效目标的通知 — is left out as any letter is.)
                    if !is_covering_letter(seg) {
                        title_only
                            .extend(seg.iter().filter(|r| !r.is_blank()).filter_map(unread_text));
                    }
                    // (A letter's heading over the forms, 关于批复2026年度…
                    // 的通知, gives its year as a letter does.)
                    if parts.is_empty() {
                        letter.read(seg);
                    }
                    continue;
                }
                numbered.push(opens_with_number(seg));
                parts.push(Part {
                    sheet: sheet.clone(),
                    ..part
                });
            }
        }
    }
    if parts.is_empty() {
        parts = reconstruct_rows(&rows, hard);
        // One form in a workbook of several sheets (beside a 填报说明 or a
        // 目录 sheet): the sheet that holds it.
        if let [part] = parts.as_mut_slice() {
            part.sheet = form_sheet(&rows, &layout.sheets);
        }
    } else {
        for part in &mut parts {
            part.content.warnings.extend(title_only.iter().cloned());
        }
    }
    inherit_heading(&mut parts);
    untitle_shared_heading(&mut parts, &numbered);
    inherit_department(&mut parts);
    for part in &mut parts {
        letter.give(&mut part.content);
    }
    // What the layout repaired or guessed, said by the documents on the
    // page it names (the layout does not know which form the table
    // belongs to), or by every document where it names none.
    let several = parts.len() > 1;
    for part in &mut parts {
        if let Some(w) = no_indicators(&part.content) {
            part.content.warnings.push(w);
        }
        let pages = part.pages;
        part.content.warnings.extend(
            layout
                .warnings
                .iter()
                .filter(|w| !several || on_pages(w.page, pages))
                .cloned(),
        );
    }
    // What the layout found of one worksheet, said by the forms read from
    // it (by the one form, where the workbook holds one).
    let one = parts.len() == 1;
    for part in &mut parts {
        part.content.warnings.extend(
            layout
                .sheet_warnings
                .iter()
                .filter(|(sheet, _)| one || part.sheet.as_deref() == Some(sheet))
                .map(|(_, w)| w.clone()),
        );
    }
    parts
}

/// A part titled as a summary of many approvals (…绩效目标汇总表,
/// …一览表) that reads no indicator.
fn is_summary_of_approvals(c: &Content) -> bool {
    let summary = c.title.as_deref().is_some_and(|t| {
        let squashed = squash(t);
        let t = without_bracketed_end(&squashed);
        t.ends_with("汇总表") || t.ends_with("一览表") || t.ends_with("汇总")
    });
    summary && c.indicators.is_empty()
}

/// A part without indicators whose table is a numbered list of approvals
/// (`序号 | 项目名称 | 预算金额（万元）`, a covering letter's list of the
/// projects it approves): no approval of its own, though its header names
/// a project's field.
fn lists_approvals(c: &Content, rows: &[Row]) -> bool {
    c.indicators.is_empty()
        && rows.iter().any(|r| {
            let mut texts = r.texts().map(squash);
            texts.next().is_some_and(|first| first == "序号")
                && texts.any(|t| {
                    matches!(
                        t.as_ref(),
                        "项目名称"
                            | "单位名称"
                            | "部门名称"
                            | "部门(单位)名称"
                            | "部门（单位）名称"
                    )
                })
        })
}

/// The worksheet holding the form of `rows`: the first with its title, its
/// department's row or an indicator table's header. `None` for input of
/// one sheet or none.
fn form_sheet(rows: &[Row], sheets: &[(usize, String)]) -> Option<String> {
    if sheets.len() < 2 {
        return None;
    }
    let at = rows.iter().position(|r| {
        let texts: Vec<&str> = r.text_vec();
        is_title_row(r) || names_department(&texts) || starts_indicator_header(r)
    })?;
    sheets
        .iter()
        .rev()
        .find(|(first, _)| *first <= at)
        .map(|(_, name)| name.clone())
}

/// An approval without a single indicator row: its table is an image, an
/// attachment, or laid out in a way pifu did not read. An analyst must
/// not take that for a department or project without targets.
fn no_indicators(c: &Content) -> Option<Warning> {
    let approval = matches!(c.kind, Some(Kind::DepartmentOverall | Kind::Project));
    (approval && c.indicators.is_empty()).then(|| {
        Warning::new(
            "no_indicators",
            "no indicator table was read: the table may be an image, an attachment \
             or a layout pifu does not know; indicators is empty",
        )
    })
}

/// The year a covering letter (or its heading alone) gives the forms after
/// it: its heading's, else the one year its text names.
/// What a covering letter before the forms gives the forms that name
/// none of it.
#[derive(Default)]
struct CoveringLetter {
    /// Its year (heading, else the one year its text names).
    year: Option<i32>,
    /// The one unit it is addressed to.
    addressee: Option<String>,
    /// The year of its date, where it names no other.
    date_year: Option<i32>,
}

impl CoveringLetter {
    /// Reads a segment of the letter; what an earlier one gave stays.
    fn read(&mut self, seg: &[Row]) {
        self.year = self.year.or_else(|| letter_year_of(seg));
        self.addressee = self.addressee.take().or_else(|| addressee_of(seg));
        self.date_year = self.date_year.or_else(|| date_year(seg));
    }

    /// Gives a form the letter's addressee and year where it names none.
    fn give(&self, c: &mut Content) {
        if let Some(unit) = &self.addressee {
            address_department(c, unit);
        }
        if c.year.is_some() {
            return;
        }
        if let Some(year) = self.year {
            give_year(c, year);
        } else if let Some(year) = self.date_year {
            // (A December letter approves the next year's targets as often
            // as not: the year is given, and said.)
            give_year(c, year);
            c.warnings.push(Warning::new(
                "year_inferred",
                format!(
                    "the form names no year; {year} is the year of the covering letter's date, which may be the year before the targets'"
                ),
            ));
        }
    }
}

fn letter_year_of(rows: &[Row]) -> Option<i32> {
    let refs: Vec<&Row> = rows.iter().collect();
    heading_year(&refs).or_else(|| only_year(rows))
}

/// The one year that rows of text name, if they name exactly one, apart
/// from dates: a letter signed `2025年12月30日` approves next year's
/// targets as often as this year's.
fn only_year(rows: &[Row]) -> Option<i32> {
    let mut years = rows
        .iter()
        .flat_map(|r| r.texts().flat_map(|t| years_in(&DATE.replace_all(t, ""))));
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// A full date (`2025年12月30日`): a letter's signing date.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]").unwrap()
});

/// The year of the one date rows of a letter print (its signing date), if
/// they print dates of one year only.
fn date_year(rows: &[Row]) -> Option<i32> {
    let mut years = rows.iter().flat_map(|r| {
        r.texts().flat_map(|t| {
            DATE.find_iter(t)
                .flat_map(|m| years_in(m.as_str()))
                .collect::<Vec<_>>()
        })
    });
    let first = years.next()?;
    years.all(|y| y == first).then_some(first)
}

/// A line of text: outside any table, or alone in its row of one.
fn is_text_line(r: &Row) -> bool {
    r.spans.is_none() || r.texts().nth(1).is_none()
}

/// Whether a form's reading holds anything besides what its title says.
fn has_body(c: &Content) -> bool {
    !c.indicators.is_empty()
        || !c.annual_goals.is_empty()
        || !c.long_term_goals.is_empty()
        || !c.funding.rows.is_empty()
        || !c.functions.is_empty()
        || !c.annual_tasks.is_empty()
        || c.project
            .as_ref()
            .is_some_and(|p| p.name.is_some() || p.code.is_some() || p.implementer.is_some())
}

/// Where a form starts: a new worksheet, a short title line (…绩效目标表,
/// …绩效目标批复), or a 项目名称 after the current form's indicator tables.
/// Each segment with the index of its first row.
fn form_segments<'a>(
    rows: &'a [Row],
    sheet_starts: &[usize],
    hard: bool,
) -> Vec<(usize, &'a [Row])> {
    let mut starts = vec![0];
    let mut seen_table = false;
    // The current form has rows of an approval's header block yet (its
    // department or project, its goals).
    let mut has_block = false;
    // Every title seen so far: a running head over each page and the form's
    // own title under it (`附件2 项目支出绩效目标表` / `2026年度…批复表`)
    // alternate, so the head printed again is not the last title seen.
    let mut titles_seen: Vec<String> = Vec::new();
    // The project the current form names.
    let mut current_name: Option<String> = None;
    // (The label alone in its cell, or a line of prose `项目名称：…`.)
    let opens_block = |row: &Row| {
        row.texts().next().is_some_and(|t| {
            let label = t.split_once([':', '：']).map_or(t, |(l, _)| l);
            matches!(
                project::label_key(label).as_str(),
                "项目名称"
                    | "项目支出名称"
                    | "部门(单位)名称"
                    | "单位名称"
                    | "部门名称"
                    | "主管部门"
                    // (Under the title: the unit whose form it is.)
                    | "填报单位"
                    | "填报单位(盖章)"
            )
        })
    };
    for (i, row) in rows.iter().enumerate() {
        if i > 0 && sheet_starts.contains(&i) && !sheet_continues_form(rows, sheet_starts, i) {
            if starts.last() != Some(&i) {
                starts.push(i);
            }
            seen_table = false;
            has_block = false;
            current_name = None;
        }
        let texts: Vec<&str> = row.text_vec();
        let mut title = is_title_row(row);
        if title {
            // The same title printed again (a running head in a text dump)
            // starts a form only when a header block follows it.
            let text = title_texts(row).first().map(|t| squash(t).into_owned());
            let repeated = text.as_ref().is_some_and(|t| titles_seen.contains(t));
            // A header block printed again after a page break with the
            // title (the same 主管部门, the same 项目名称) goes on.
            let block_follows = rows
                .iter()
                .skip(i + 1)
                .take(3)
                .find(|r| opens_block(r))
                .is_some_and(|r| {
                    let line = squash(&r.texts().collect::<String>()).into_owned();
                    !rows
                        .get(starts.last().copied().unwrap_or(0)..i)
                        .unwrap_or_default()
                        .iter()
                        .any(|seen| squash(&seen.texts().collect::<String>()) == line)
                });
            if repeated && !block_follows {
                title = false;
            } else if let Some(t) = text.filter(|t| !titles_seen.contains(t)) {
                titles_seen.push(t);
            }
        }
        // A caption right over the form's own indicator table (`二、部门
        // 整体绩效目标表`, `附件：2025年度部门整体支出绩效目标表`), after rows
        // of the form's header block, continues it: it names no department
        // or project of its own. (Under a heading alone, or over a header
        // block, it is a form's title.)
        if title
            && has_block
            && !seen_table
            && texts.first().is_some_and(|t| is_caption_title(t))
            && rows.iter().skip(i + 1).take(2).any(starts_indicator_header)
        {
            title = false;
        }
        // (In its cells, `项目名称 | 某项目`, or as a line, `项目名称：某项目`.)
        let named = named_project(&texts);
        // The 项目名称 row printed again over the form's indicator header
        // (a header repeated on each page) goes on with its form.
        let repeated_name = named.is_some()
            && named == current_name
            && rows.get(i + 1).is_some_and(starts_indicator_header);
        // (Or the label alone, its value on a row of its own.)
        let names_project = (named.is_some()
            || matches!(texts.as_slice(), [only] if project::names_project(only)))
            && !repeated_name;
        // Another project named in a form that has not reached its
        // indicators (its indicators printed as an image, or none) opens
        // that project's form.
        let other_project = named.is_some() && current_name.is_some() && named != current_name;
        // A batch's numbered heading naming the next form's organisation,
        // with the form right under it (its goals, its department's row or
        // its indicator table).
        let form_under = |k: usize| {
            rows.iter().skip(k + 1).take(3).any(|r| {
                let t: Vec<&str> = r.text_vec();
                starts_indicator_header(r)
                    || names_department(&t)
                    // (The form's title, the same for every form of the
                    // batch: `二、某局` / `2026年度部门整体支出绩效目标表`.)
                    || is_title_row(r)
                    || t.first().is_some_and(|l| {
                        section_of_label(l).is_some_and(|s| {
                            matches!(
                                s,
                                Section::AnnualGoals
                                    | Section::LongTermGoals
                                    | Section::EitherGoals
                            )
                        })
                    })
            })
        };
        // (A line of text, or a spreadsheet's row of one merged cell.)
        let numbered_heading = seen_table
            && matches!(texts.as_slice(), [t] if numbered_organisation(t).is_some())
            && form_under(i);
        let opens_form = names_project || names_department(&texts) || numbered_heading;
        if i > 0 && (title || (opens_form && (seen_table || other_project))) {
            // A title right above the 项目名称 belongs with it (the form
            // starts there already), and so does a heading line naming the
            // form (`（二）某县人民法院`).
            let title_above = opens_form && starts.last() == Some(&(i - 1));
            if !title_above {
                let heading_above =
                    opens_form && i > 1 && rows.get(i - 1).is_some_and(is_heading_line);
                // A generic title under the approval's own title, which
                // names the unit but not the form (`某局2025年部门整体支出
                // 绩效目标` / `2025年度部门整体支出绩效目标表`), goes with it.
                let named_above = title
                    && texts.first().is_some_and(|t| is_generic_title(t))
                    && rows.get(i - 1).is_some_and(is_named_title_line);
                // The line above, alone on its row, with the title.
                let line_above = |goes_with: &dyn Fn(&str, &str) -> bool| {
                    title
                        && rows.get(i - 1).is_some_and(|r| {
                            let above: Vec<&str> = r.text_vec();
                            matches!((above.as_slice(), texts.first()),
                                ([head], Some(t)) if goes_with(head, t))
                        })
                };
                // So does the first line of a title wrapped onto two.
                let wrapped_above = !hard
                    && line_above(&|head, rest| {
                        is_wrapped_title_head(head) && continues_title(head, rest)
                    });
                // And the unit's name printed on the line above a title that
                // opens with the year (某局 / 2026年部门整体支出绩效目标表).
                let unit_above = line_above(&is_unit_over_title)
                    // (Or the unit the form's amounts are in, `单位：万元`,
                    // printed over the table whose first row is the title.)
                    || line_above(&|head, _| {
                        funding::unit_in(head).is_some() && head.chars().count() <= 12
                    });
                // And the form's own lines of fields printed above its 项目名称
                // (`项目2：某项目`, `主管部门：某局`), after the form before.
                // (Not where the form before has not reached its
                // indicators: the fields after its 项目名称 are its own.)
                let fields_above = if opens_form && !title && seen_table {
                    let floor = starts.last().map_or(0, |s| s + 1);
                    (floor..i)
                        .rev()
                        .take(4)
                        .take_while(|&k| {
                            rows.get(k)
                                .is_some_and(|r| is_form_field_line(r) || is_identity_row(r))
                        })
                        .last()
                } else {
                    None
                };
                // And a batch's numbered heading over the title (`二、某项目`
                // / `2026年度项目支出绩效目标表`), after the form before: a
                // segment of its own, as the first form's is, so that the
                // form's rows start at its title.
                let numbered_above = title
                    && seen_table
                    && rows.get(i - 1).is_some_and(|r| {
                        is_heading_line(r)
                            && r.texts()
                                .next()
                                .is_some_and(|t| crate::layout::enumerator_len(trim(t)).is_some())
                    });
                // A numbered heading naming the form's organisation over its
                // title (`一、某局` / `2026年度部门整体支出绩效目标表`) is the
                // form's, which may have no other line naming it (the first
                // form under a letter as well).
                let organisation_above = title
                    && rows.get(i - 1).is_some_and(|r| {
                        is_heading_line(r)
                            && r.texts()
                                .next()
                                .is_some_and(|t| numbered_organisation(trim(t)).is_some())
                    });
                let numbered_above = numbered_above && !organisation_above;
                if numbered_above && starts.last() != Some(&(i - 1)) {
                    starts.push(i - 1);
                }
                // And the form's title, perhaps with its year line under it
                // (`项目支出绩效目标表` / `（2026年度）`), printed as the
                // form before's was: the same title over another year's
                // form of the same project.
                let title_above = if opens_form && !title && seen_table {
                    let floor = starts.last().map_or(0, |s| s + 1);
                    let only = |k: usize| -> Option<Vec<&str>> {
                        rows.get(k).map(|r| r.text_vec()).filter(|t| t.len() == 1)
                    };
                    let is_title_at = |k: usize| {
                        only(k).is_some_and(|t| t.first().is_some_and(|t| is_form_title(t)))
                    };
                    let is_year_at = |k: usize| {
                        only(k).is_some_and(|t| t.first().is_some_and(|t| year_line(t).is_some()))
                    };
                    if i > floor && is_title_at(i - 1) {
                        Some(i - 1)
                    } else if i > floor + 1 && is_year_at(i - 1) && is_title_at(i - 2) {
                        Some(i - 2)
                    } else {
                        None
                    }
                } else {
                    None
                };
                // The attachment's caption over its title (`附件2`) opens
                // the form, not the end of the one before (its last page).
                let attachment_above = title
                    && rows.get(i - 1).is_some_and(|r| {
                        let texts = r.text_vec();
                        matches!(texts.as_slice(), [t] if is_attachment_caption(t))
                    });
                let start = if let Some(k) = fields_above.or(title_above) {
                    k
                } else if heading_above
                    || named_above
                    || wrapped_above
                    || unit_above
                    || organisation_above
                    || attachment_above
                {
                    i - 1
                } else {
                    i
                };
                if starts.last() != Some(&start) {
                    starts.push(start);
                }
            }
            seen_table = false;
            has_block = false;
            current_name = None;
        }
        if names_project {
            current_name = named;
        }
        if starts_indicator_header(row) {
            seen_table = true;
        }
        let names_goals = texts.first().is_some_and(|t| {
            t.len() <= 60
                && matches!(
                    project::label_key(t).as_str(),
                    "年度绩效目标" | "年度目标" | "总体目标" | "绩效目标"
                )
        });
        if opens_form || (names_goals && texts.len() > 1) {
            has_block = true;
        }
    }
    starts.push(rows.len());
    starts
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (*w.first()?, *w.get(1)?);
            Some((a, rows.get(a..b)?))
        })
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

/// `附件2`, `附件 3：`, `附表一`: an attachment's caption, alone on its line.
fn is_attachment_caption(t: &str) -> bool {
    let bare = squash(t);
    ["附件", "附表"].iter().any(|p| {
        bare.strip_prefix(p).is_some_and(|r| {
            let r = r.trim_end_matches([':', '：']);
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || ATTACHMENT_NUMERALS.contains(c))
        })
    })
}

/// The project a row names: `项目名称 | 某项目` in its cells, or a line
/// `项目名称：某项目`; squashed.
fn named_project(texts: &[&str]) -> Option<String> {
    let (label, value) = match texts {
        [line] => line.split_once([':', '：'])?,
        [label, value, ..] => (*label, *value),
        _ => return None,
    };
    if !project::names_project(label) {
        return None;
    }
    let value = squash(value);
    (!value.is_empty()).then(|| value.into_owned())
}

/// A table row of the fields that say whose project a form is (`主管部门
/// | 某局 | 实施单位 | 某中心`), printed above its 项目名称 row.
fn is_identity_row(row: &Row) -> bool {
    matches!(row.text_vec().as_slice(),
        [label, value, ..] if project::is_identity_label(label) && !trim(value).is_empty())
}

/// A line of one field of a project's form printed as text above its
/// table (`主管部门：某局`, `项目2：某项目`).
fn is_form_field_line(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    let [only] = texts.as_slice() else {
        return false;
    };
    let Some((label, value)) = only.split_once([':', '：']) else {
        return false;
    };
    let label = squash(label);
    let numbered_project = label.strip_prefix("项目").is_some_and(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    });
    !trim(value).is_empty() && (numbered_project || project::is_block_label(&label))
}

/// A segment of the rows (where it starts, its rows) with its reading, if
/// it was read already.
type Segment<'a> = (usize, &'a [Row], Option<Vec<Part>>);

/// The segments with each that holds table rows but reads as no form
/// (rows of indicators under a title printed again at the top of a page,
/// taken for a new form's) joined to the segment before it: split off,
/// its rows were left out with the letter-like segments, silently. A
/// segment read here keeps its reading, so that it is not read twice.
fn with_orphan_tables_joined<'a>(
    rows: &'a [Row],
    segments: Vec<(usize, &'a [Row])>,
    hard: bool,
) -> Vec<Segment<'a>> {
    let has_table_rows = |seg: &[Row]| {
        seg.iter()
            .any(|r| r.cells.iter().filter(|c| !trim(c).is_empty()).count() >= 3)
    };
    let mut out: Vec<Segment<'a>> = Vec::with_capacity(segments.len());
    for (start, seg) in segments {
        let read = (!out.is_empty() && has_table_rows(seg)).then(|| reconstruct_rows(seg, hard));
        let orphan = read
            .as_ref()
            .is_some_and(|parts| parts.iter().all(|p| p.content.kind == Some(Kind::Unknown)));
        match out.last_mut() {
            Some((prev_start, prev, prev_read)) if orphan => {
                let end = start + seg.len();
                if let Some(joined) = rows.get(*prev_start..end) {
                    *prev = joined;
                    *prev_read = None;
                }
            }
            _ => out.push((start, seg, read)),
        }
    }
    out
}

/// Whether the worksheet starting at row `start` goes on with the form of
/// the sheet before it: it opens with an indicator table's header (a
/// form's indicators on a sheet of their own, `年度绩效指标`), before any
/// title or header block of a form of its own.
fn sheet_continues_form(rows: &[Row], sheet_starts: &[usize], start: usize) -> bool {
    let end = sheet_starts
        .iter()
        .copied()
        .filter(|&k| k > start)
        .min()
        .unwrap_or(rows.len());
    let sheet = rows.get(start..end).unwrap_or_default();
    for row in sheet.iter().take(6) {
        let texts: Vec<&str> = row.text_vec();
        if starts_indicator_header(row) {
            return true;
        }
        let opens_form = is_title_row(row)
            || texts.first().is_some_and(|t| project::names_project(t))
            || names_department(&texts);
        if opens_form {
            return false;
        }
    }
    false
}

/// A line of its own that reads as an approval's title naming its unit and
/// year but not the kind of form (`某局2025年部门整体支出绩效目标`).
fn is_named_title_line(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    let [t] = texts.as_slice() else {
        return false;
    };
    t.contains("绩效目标")
        && t.chars().count() <= 60
        && !years_in(t).is_empty()
        && !is_generic_title(t)
        && !is_sentence(t)
        && crate::layout::enumerator_len(t).is_none()
}

/// A department form's first row: the department's label and its name
/// (`部门（单位）名称 | [109001]某县人民法院`), not a table's header
/// (`单位名称 | 合计 | 财政拨款`, `单位名称 | 项目名称 | 预算数 | …`).
fn names_department(texts: &[&str]) -> bool {
    // In its cells, or as one line of text (`部门（单位）名称：某局`).
    let (label, value) = match texts {
        [line] => match line.split_once(['：', ':']) {
            Some((label, value)) if !trim(value).is_empty() => (label, value),
            _ => return false,
        },
        [label, value, ..] => (*label, *value),
        _ => return false,
    };
    let is_label = is_department_label(label);
    const HEADER_WORDS: &[&str] = &["合计", "金额", "预算", "收入", "支出", "资金", "万元"];
    is_label
        && texts.len() <= 4
        && !HEADER_WORDS.iter().any(|w| value.contains(w))
        && header::field_of_word(value).is_none()
        && !project::is_project_label(value)
}

/// A department's labels on one row over their values on the next
/// (`部门名称 | 部门编码` over `某局 | 123001`), as one row of label |
/// value pairs.
fn stacked_department_row(rows: &[&Row]) -> Option<Row> {
    let (labels, values) = match rows {
        [a, b, ..] => (a.text_vec(), b.text_vec()),
        _ => return None,
    };
    let is_label = |t: &&str| is_department_label(t) || is_code_label(t);
    let fits = labels.first().is_some_and(|t| is_department_label(t))
        && labels.iter().all(is_label)
        && values.len() == labels.len()
        && !values.iter().any(is_label)
        && !values
            .iter()
            .any(|v| values::parse_number(v).is_some() && !v.chars().all(|c| c.is_ascii_digit()));
    if !fits {
        return None;
    }
    let cells: Vec<String> = labels
        .iter()
        .zip(&values)
        .flat_map(|(l, v)| [l.to_string(), v.to_string()])
        .collect();
    Some(Row {
        cells,
        page: rows.first().and_then(|r| r.page),
        after_page_break: false,
        table_start: false,
        spans: None,
    })
}

/// `单位编码 | 207013 | 部门（单位）名称 | 某局`: the department's code
/// printed before its label, as the department's row reads it (label,
/// name, then the code's label and the code).
fn code_before_department(texts: &[&str]) -> Option<Vec<String>> {
    let [code_label, code, label, name] = texts else {
        return None;
    };
    (is_code_label(code_label) && is_department_label(label) && !is_department_label(name)).then(
        || {
            [label, name, code_label, code]
                .map(|t| t.to_string())
                .to_vec()
        },
    )
}

/// A department's label (`部门（单位）名称`, `单位名称`, `预算部门`), perhaps
/// with the stamp's place after it (`部门名称（盖章）`).
fn is_department_label(label: &str) -> bool {
    // (Labels are short; most first cells are not, and are not copied.)
    label.len() <= 60 && {
        let key = project::label_key(label);
        let key = ["(盖章)", "(公章)"]
            .iter()
            .find_map(|stamp| key.strip_suffix(stamp))
            .unwrap_or(&key);
        matches!(
            key,
            "部门(单位)名称" | "部门名称" | "单位名称" | "预算单位" | "预算部门" | "部门(单位)"
        )
    }
}

/// A short line of prose by itself (a heading such as `（二）某县人民法院`),
/// not a sentence, a note or a label with its value.
fn is_heading_line(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    let [t] = texts.as_slice() else {
        return false;
    };
    let t = trim(t);
    row.spans.is_none()
        && t.chars().count() <= 30
        && !t.contains(['：', ':'])
        && !["注", "说明", "备注"].iter().any(|w| t.starts_with(w))
        && !is_sentence(t)
}

/// Whether a first cell is a label of any kind: a section's, or a field's
/// of a project's header block.
fn is_any_label(cell: &str) -> bool {
    is_label(cell) || project::is_block_label(cell)
}

/// Where a page break cut a label cell in two (`年度工作任` at the foot of
/// one page, `务` at the head of the next), the two rows as one: neither
/// part is a label, both together are. Read apart, the first part's text
/// went to the section above, silently.
fn with_cut_labels_joined(rows: &[Row]) -> Cow<'_, [Row]> {
    let cut_at = |i: usize| matches!((rows.get(i), rows.get(i + 1)), (Some(a), Some(b)) if label_cut_between(a, b));
    if !(0..rows.len()).any(cut_at) {
        return Cow::Borrowed(rows);
    }
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut i = 0;
    while let Some(row) = rows.get(i) {
        match rows.get(i + 1).filter(|_| cut_at(i)) {
            Some(next) => {
                out.push(join_cut_label_rows(row, next));
                i += 2;
            }
            None => {
                out.push(row.clone());
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Whether `next`, the first row after a page break, holds the rest of
/// `prev`'s label cell: the first cells are short, the first part is no
/// label (nor a column title) alone, and the two together are one (the
/// same one as the second part, if that is one alone: `年度` | `工作任务`);
/// the rows have the same columns, or `next` has no text beside its part
/// of the label.
fn label_cut_between(prev: &Row, next: &Row) -> bool {
    const MAX_PART: usize = 12;
    if !next.after_page_break {
        return false;
    }
    let (Some(a), Some(b)) = (prev.cells.first(), next.cells.first()) else {
        return false;
    };
    let (a, b) = (squash(trim(a)), squash(trim(b)));
    let short = |t: &str| !t.is_empty() && t.chars().count() <= MAX_PART;
    if !short(&a) || !short(&b) || is_any_label(&a) {
        return false;
    }
    if header::field_of_word(&b).is_some() || header::field_of_word(&a).is_some() {
        return false;
    }
    let same_columns = prev.cells.len() == next.cells.len();
    let rest_empty = next.cells.iter().skip(1).all(|c| trim(c).is_empty());
    let joined = format!("{a}{b}");
    let same_as_second = !is_any_label(&b)
        || (section_of_label(&b) == section_of_label(&joined)
            && project::same_block_label(&b, &joined));
    (same_columns || rest_empty) && is_any_label(&joined) && same_as_second
}

/// The rows of a label cut by a page break as one row: the label's parts
/// joined, and each other cell's text continued by the text under it.
fn join_cut_label_rows(prev: &Row, next: &Row) -> Row {
    let mut cells = prev.cells.clone();
    for (k, cell) in cells.iter_mut().enumerate() {
        let Some(rest) = next.cells.get(k).map(|c| trim(c)).filter(|c| !c.is_empty()) else {
            continue;
        };
        *cell = if k == 0 {
            format!("{}{}", squash(trim(cell)), squash(rest))
        } else if trim(cell).is_empty() {
            rest.to_string()
        } else {
            joins::join_wrapped(cell, rest)
        };
    }
    Row {
        cells,
        ..prev.clone()
    }
}

/// A form's rows with each line of prose that starts with a section label
/// (`部门名称：鄂州市数据局`, `年度总体目标：1.…`) cut into the label cell and
/// the value cell a table would have, so that every section reader sees
/// one shape of row.
fn with_label_lines_split(rows: &[Row]) -> Cow<'_, [Row]> {
    let Some((first, cut)) = rows
        .iter()
        .enumerate()
        .find_map(|(i, r)| split_label_line(r).map(|cut| (i, cut)))
    else {
        return Cow::Borrowed(rows);
    };
    // Each row is tried once: those before the first cut one are copied.
    let mut out: Vec<Row> = rows.get(..first).unwrap_or_default().to_vec();
    out.push(cut);
    out.extend(
        rows.iter()
            .skip(first + 1)
            .map(|r| split_label_line(r).unwrap_or_else(|| r.clone())),
    );
    Cow::Owned(out)
}

/// Rows of a department's form that hold two list sections side by side
/// (`中长期目标 | 到2028年… | 年度目标 | 2026年…`, `部门职能 | … | 年度总体目标
/// | …`), each as a row of its own: read as one, the second label and its
/// text went into the first section's list.
fn with_list_labels_split(rows: &[Row]) -> Cow<'_, [Row]> {
    if !rows.iter().any(|r| list_labels_cut(r).is_some()) {
        return Cow::Borrowed(rows);
    }
    let mut out = Vec::with_capacity(rows.len() + 1);
    for r in rows {
        let mut row = r.clone();
        // (Three or more sections on one row are cut one at a time.)
        while let Some(k) = list_labels_cut(&row) {
            let second = Row {
                cells: row.cells.split_off(k),
                spans: row.spans.as_mut().map(|s| s.split_off(k.min(s.len()))),
                ..row.clone()
            };
            out.push(row);
            row = second;
        }
        out.push(row);
    }
    Cow::Owned(out)
}

/// Where a row whose first cell labels a list section (goals, functions,
/// tasks) has the label of another list section with text on both sides.
fn list_labels_cut(row: &Row) -> Option<usize> {
    // Every list section's label names functions, duties, tasks or goals
    // (most rows are turned away here, before their labels are read).
    let may_label = |c: &String| {
        ["目标", "职能", "职责", "任务"]
            .iter()
            .any(|w| c.contains(w))
    };
    if row.cells.len() < 4 || !row.cells.first().is_some_and(may_label) {
        return None;
    }
    let first = section_of_label(row.cells.first()?)?;
    if !first.is_list() {
        return None;
    }
    let has_text = |cells: &[String]| cells.iter().any(|c| !trim(c).is_empty());
    (2..row.cells.len()).find(|&k| {
        row.cells
            .get(k)
            .filter(|c| may_label(c))
            .and_then(|c| section_of_label(c))
            .is_some_and(|s| s.is_list() && s != first)
            && row.cells.get(1..k).is_some_and(has_text)
            && row.cells.get(k + 1..).is_some_and(has_text)
    })
}

/// `部门名称：X` printed in one cell (a line of prose, a table's merged
/// row, `部门名称：X | 单位：万元`) → `部门名称：` | `X` | the other cells.
/// Not for a label followed by a bracketed remark
/// (`长期目标：（截止2027年）`: the remark belongs to the label).
fn split_label_line(row: &Row) -> Option<Row> {
    let (first, rest) = row.cells.split_first()?;
    let text = trim(first);
    let colon = text.find([':', '：'])?;
    let label = text.get(..colon)?;
    let value = text.get(colon..)?.trim_start_matches([':', '：']).trim();
    // A bracket after the label opens a remark on it, closed here or on
    // the next row after a page break: `长期目标：(截止2028` + `年)`.
    // A colon inside brackets (`收支预算总表（单位：万元）`) is the remark's.
    if value.is_empty() || value.starts_with(['(', '（']) || has_open_bracket(&[label]) {
        return None;
    }
    let section = section_of_label(label)?;
    let mut cells = vec![format!("{label}：")];
    if section == Section::Department {
        // `部门名称：某局（盖章）　填报日期：2026年1月5日`: the name ends
        // before the next field.
        let (name, more) = cut_before_next_field(value);
        cells.push(without_stamp(name).to_string());
        cells.extend(more.map(str::to_string));
    } else {
        cells.push(value.to_string());
    }
    cells.extend(rest.iter().filter(|c| !trim(c).is_empty()).cloned());
    // The cut row is a label row, no longer a table's row.
    Some(Row {
        cells,
        spans: None,
        ..row.clone()
    })
}

/// A value and, past a space, the next labelled field printed on its line
/// (`某局　金额单位：万元` → `某局`, `金额单位：万元`).
fn cut_before_next_field(value: &str) -> (&str, Option<&str>) {
    // The next `label：`, or a wide gap (two spaces, an ideographic one)
    // before whatever follows (a date, a phone number).
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s+([^\s:：]{1,10}[:：])|(?:\s{2,}|\x{3000})\s*(\S)").expect("valid regex")
    });
    match NEXT
        .captures(value)
        .and_then(|c| c.get(0).zip(c.get(1).or_else(|| c.get(2))))
    {
        Some((space, field)) if space.start() > 0 => (
            value.get(..space.start()).unwrap_or(value).trim(),
            value.get(field.start()..).map(trim),
        ),
        _ => (value, None),
    }
}

/// A name without the stamp mark printed after it (`某局（盖章）`).
fn without_stamp(name: &str) -> &str {
    ["（盖章）", "(盖章)", "（公章）", "(公章)"]
        .iter()
        .find_map(|m| name.strip_suffix(m))
        .unwrap_or(name)
        .trim()
}

/// A form's rows without its title printed again further down (a running
/// head that a text dump keeps at each page break).
fn without_running_titles(rows: &[Row]) -> Cow<'_, [Row]> {
    let title_of = |r: &Row| -> Option<String> {
        let texts: Vec<&str> = r.text_vec();
        match texts.as_slice() {
            [t] if is_form_title(t) => Some(squash(t).into_owned()),
            _ => None,
        }
    };
    // The title lines dropped: each printed again (every title line counts:
    // a running head over the form's own title is printed again as well),
    // and each at the top of a later page inside one form (a running head
    // first printed over the form's part before, in another segment).
    let titles: Vec<(usize, String)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, title_of(r)?)))
        .collect();
    let first = titles.first().map(|(i, _)| *i);
    let repeated: Vec<usize> = titles
        .iter()
        .enumerate()
        .filter(|(n, (i, t))| {
            titles.iter().take(*n).any(|(_, earlier)| earlier == t)
                || (Some(*i) > first && rows.get(*i).is_some_and(|r| r.after_page_break))
        })
        .map(|(_, (i, _))| *i)
        .collect();
    if repeated.is_empty() {
        return Cow::Borrowed(rows);
    }
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    let mut pending_break = false;
    for (i, r) in rows.iter().enumerate() {
        if repeated.contains(&i) {
            // The page break it followed still comes before the next row.
            pending_break |= r.after_page_break;
            continue;
        }
        let mut r = r.clone();
        r.after_page_break |= std::mem::take(&mut pending_break);
        out.push(r);
    }
    Cow::Owned(out)
}

/// A form's title line: short, names 绩效目标 and ends as a title does
/// (表, 批复, perhaps followed by a bracketed year).
pub(crate) fn is_form_title(t: &str) -> bool {
    if !t.contains('绩') {
        return false;
    }
    let s = squash(t);
    let core = without_bracketed_end(&s);
    // (A letter's sentence wrapped after 批复, `现将你单位…绩效目标批复如
    // 下，请严格按照批复`, is none.)
    s.chars().count() <= 48
        && core.contains("绩效目标")
        && (core.ends_with('表') || core.ends_with("批复"))
        && !is_sentence(t)
}

/// A project's form: every row outside its indicator tables and footer is
/// its header block.
const TABLES_AND_FOOTER: &[Section] = &[
    Section::LongTermTable,
    Section::AnnualTable,
    Section::Footer,
];

/// Whether rows are a project's form (see [`is_project_form`]).
fn is_project_form_of(rows: &[Row], hard: bool) -> bool {
    let groups = sections(rows);
    let block_rows = rows_except(&groups, TABLES_AND_FOOTER);
    is_project_form(&groups, &block_rows, hard)
}

/// The approvals in one form's rows: one, or one per project of a flat
/// table of projects.
/// `hard`: the layout's line breaks are the file's own
/// ([`Layout::hard_breaks`]).
fn reconstruct_rows(rows: &[Row], hard: bool) -> Vec<Part> {
    let pages = page_range(rows);
    let rows = without_running_titles(rows);
    let rows = with_cut_labels_joined(&rows);
    let rows = with_label_lines_split(&rows);
    // (A project's header block reads the labels along its rows itself.)
    let rows = match with_list_labels_split(&rows) {
        Cow::Owned(split) if !is_project_form_of(&rows, hard) => Cow::Owned(split),
        _ => rows,
    };
    let rows: &[Row] = &rows;
    let groups = sections(rows);
    let mut c = Content::default();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut preamble_unit: Option<String> = None;
    let mut either_goals: Vec<String> = Vec::new();
    let mut addressed_to: Option<String> = None;
    let mut stray: Vec<&Row> = Vec::new();
    let block_rows = rows_except(&groups, TABLES_AND_FOOTER);
    let is_project = is_project_form(&groups, &block_rows, hard);

    // Labels over their values (`部门名称 | 部门编码` over `某局 |
    // 123001`), per group: read as one row of label | value pairs.
    let stacked: Vec<Option<Row>> = groups
        .iter()
        .map(|(s, rows)| {
            (*s == Section::Department)
                .then(|| stacked_department_row(rows))
                .flatten()
        })
        .collect();
    for (g, (section, rows)) in groups.iter().enumerate() {
        if is_project && !matches!(section, Section::Preamble) {
            continue;
        }
        match section {
            Section::Preamble => {
                let title_rows = first_title_rows(rows, hard, is_project);
                c.title = title_rows.as_ref().map(|(t, _)| without_heading_number(t));
                for (k, row) in rows.iter().enumerate() {
                    let texts: Vec<&str> = row.text_vec();
                    let is_title = title_rows.as_ref().is_some_and(|(_, at)| at.contains(&k));
                    // `单位：万元` printed above the table (or beside its
                    // title) states the funding unit.
                    // (Also one of the fields of a line, `填报单位：某局
                    // 金额单位：万元`.)
                    let unit = texts
                        .iter()
                        .flat_map(|t| t.split(char::is_whitespace))
                        .filter(|t| t.chars().count() <= 12)
                        .find_map(funding::unit_in)
                        .filter(|_| texts.len() == 1 || is_title);
                    if is_title {
                        preamble_unit = preamble_unit.or(unit.clone());
                    }
                    // (Or a batch's numbered heading over the form.)
                    let to = match texts.as_slice() {
                        [only] if !is_project => addressee(only)
                            .or_else(|| numbered_organisation(only).map(str::to_string)),
                        _ => None,
                    };
                    let year_line = matches!(texts.as_slice(), [only] if year_line(only).is_some());
                    // A generic form title under the approval's own title
                    // says nothing the title does not.
                    let is_title = is_title
                        || matches!(texts.as_slice(), [only] if c.title.is_some() && is_generic_title(only));
                    let coded = (!is_project)
                        .then(|| code_before_department(&texts))
                        .flatten();
                    if unit.is_some() {
                        preamble_unit = preamble_unit.or(unit);
                    } else if to.is_some() && addressed_to.is_none() {
                        addressed_to = to;
                    } else if let Some(cells) = coded {
                        let fields = department_fields(&cells);
                        if c.department.is_none() {
                            c.department = fields.name;
                        }
                        c.department_code = c.department_code.take().or(fields.code);
                    } else if !is_title && !year_line && !texts.is_empty() && !is_project {
                        // (A year line is the form's year, read below.)
                        warnings.extend(unread_text(row));
                    }
                }
            }
            Section::Department => {
                let rows: Vec<&Row> = match stacked.get(g).and_then(Option::as_ref) {
                    Some(row) => std::iter::once(row)
                        .chain(rows.iter().skip(2).copied())
                        .collect(),
                    None => rows.clone(),
                };
                // The first row, and any row after it that names the
                // department again (`填报单位：某局` above `部门名称 | 某局`).
                let (named, rest): (Vec<_>, Vec<_>) =
                    rows.iter().enumerate().partition(|(k, r)| {
                        *k == 0
                            || r.cells.first().and_then(|c| section_of_label(c))
                                == Some(Section::Department)
                    });
                // A unit's name (单位名称) before the unit's role in the
                // budget (预算部门: the bureau over it).
                let mut from_role = false;
                for (_, row) in named {
                    let fields = department_fields(&row.cells);
                    let role = row
                        .cells
                        .first()
                        .is_some_and(|l| is_unit_label(&bare_label(l)));
                    if c.department.is_none() {
                        c.department = fields.name;
                        c.department_code = c.department_code.take().or(fields.code);
                        from_role = role;
                    } else if from_role && !role && fields.name.is_some() {
                        c.department = fields.name;
                        c.department_code = fields.code;
                        from_role = false;
                    }
                    // `部门名称：X | 单位：万元`: the unit printed beside the name.
                    preamble_unit = preamble_unit.or(fields.unit);
                    if !fields.unread.is_empty() {
                        warnings.push(Warning::new(
                            "unplaced_cell",
                            format!(
                                "department row texts read into no field: {}",
                                truncate(&fields.unread.join(" | "), 120)
                            ),
                        ));
                    }
                }
                // Rows after it that no label starts: an unlabelled budget
                // table, or text (read or reported below).
                // (A 年度 | 2026年 row gives the form's year, read below;
                // it is no line of the budget under it.)
                stray.extend(
                    rest.into_iter()
                        .map(|(_, r)| *r)
                        .filter(|r| !is_year_field(r)),
                );
            }
            Section::Funding => {}
            Section::Functions => c
                .functions
                .extend(lists::split_items(&section_parts(rows, hard).1)),
            Section::AnnualTasks => c.annual_tasks.extend(
                task_table_items(rows)
                    .unwrap_or_else(|| lists::split_items(&section_parts(rows, hard).1)),
            ),
            Section::LongTermGoals | Section::AnnualGoals | Section::EitherGoals => {
                let blocks = side_by_side_goals(rows, hard).unwrap_or_else(|| {
                    let (label, text) = section_parts(rows, hard);
                    vec![(*section, label, text)]
                });
                let blocks = blocks
                    .into_iter()
                    .flat_map(|(s, label, text)| goal_parts(s, &label, &text));
                for (s, label, text) in blocks {
                    let items = lists::split_items(&text);
                    match s {
                        Section::LongTermGoals => {
                            if c.long_term_deadline.is_none() {
                                c.long_term_deadline = years_in(&label).last().copied();
                            }
                            c.long_term_goals.extend(items);
                        }
                        Section::AnnualGoals => c.annual_goals.extend(items),
                        _ => either_goals.extend(items),
                    }
                }
            }
            Section::Unlabelled => {
                for row in rows.iter().filter(|r| !r.is_blank()) {
                    let unit = unit_line(row);
                    if unit.is_some() {
                        preamble_unit = preamble_unit.or(unit);
                    } else if !is_project {
                        warnings.extend(unread_text(row));
                    }
                }
            }
            Section::LongTermTable | Section::AnnualTable | Section::Footer => {}
        }
    }
    if c.annual_goals.is_empty() {
        c.annual_goals = either_goals;
    } else {
        c.long_term_goals.extend(either_goals);
    }
    for (name, items) in [
        ("functions", &c.functions),
        ("annual_tasks", &c.annual_tasks),
        ("long_term_goals", &c.long_term_goals),
        ("annual_goals", &c.annual_goals),
    ] {
        warnings.extend(figures_as_items(name, items));
    }

    c.year = c
        .title
        .as_deref()
        .and_then(|t| years_in(t).first().copied())
        .or_else(|| {
            // A line that is only a year counts above the form, not among
            // its tables (a budget's 2025 年 column header).
            let preamble: Vec<&Row> = table_rows(&groups, Section::Preamble);
            let fields = rows_except(&groups, &[TABLES_AND_FOOTER, &[Section::Funding]].concat());
            year_of_form(&preamble, &fields)
                .or_else(|| heading_year(&preamble))
                .or_else(|| approval_sentence_year(&preamble))
        });
    let mut funding_rows = table_rows(&groups, Section::Funding);
    let amounts = |r: &Row| {
        r.texts().any(|t| values::parse_number(t).is_some())
            && r.texts().any(|t| values::parse_number(t).is_none())
    };
    // (Rows beside the name that only carry numbers — 编制人数 | 30, 联系电话
    // | … — are no budget: one must name money or its unit.)
    let names_money = |r: &Row| {
        r.texts().any(|t| {
            funding::unit_in(t).is_some()
                || [
                    "拨款", "资金", "预算", "收入", "支出", "合计", "经费", "结转", "总计",
                ]
                .iter()
                .any(|w| t.contains(w))
        })
    };
    let budget = stray.iter().any(|r| amounts(r)) && stray.iter().any(|r| names_money(r));
    if funding_rows.is_empty() && !is_project && budget {
        funding_rows = stray;
    } else if !is_project {
        for row in stray.iter().filter(|r| !r.is_blank()) {
            match unit_line(row) {
                Some(unit) => preamble_unit = preamble_unit.or(Some(unit)),
                None => warnings.extend(unread_text(row)),
            }
        }
    }
    let mut funding = funding::parse_funding(&funding_rows);
    if is_project {
        let block = project::read_block(&block_rows, hard);
        c.department = block.department;
        c.department_code = block.department_code;
        c.long_term_deadline = block.long_term_deadline;
        c.long_term_goals = block.long_term_goals;
        c.annual_goals = block.annual_goals;
        // A block labelled only 绩效目标: annual unless the form has an
        // annual block.
        if c.annual_goals.is_empty() {
            c.annual_goals = block.either_goals;
        } else {
            c.long_term_goals.extend(block.either_goals);
        }
        // A batch's numbered heading over the form that names the project
        // (`（二）非物质文化遗产保护`, `（一）非物质文化遗产保护项目` over
        // 项目名称 | 非物质文化遗产保护) says what the form does.
        let names_the_project = |t: &String| {
            let Some(name) = block.project.name.as_deref().map(squash) else {
                return false;
            };
            crate::layout::after_enumerator(trim(t)).is_some_and(|rest| {
                let rest = squash(rest);
                rest.chars().count() >= 2 && (rest.contains(&*name) || name.contains(&*rest))
            })
        };
        let unread: Vec<&String> = block
            .unread
            .iter()
            .filter(|t| !names_the_project(t) && !is_letter_boilerplate(t))
            .collect();
        if !unread.is_empty() {
            let shown: Vec<String> = unread.iter().map(|t| truncate(t, 20)).collect();
            warnings.push(Warning::new(
                "unplaced_cell",
                format!(
                    "{UNREAD_PROJECT_TEXTS}{}",
                    truncate(&shown.join(" | "), 120)
                ),
            ));
        }
        if block.project.name.is_none() {
            warnings.push(Warning::new("missing_field", NO_PROJECT_NAME));
        }
        let mut project = block.project;
        // The finance bureau's opinion under the form (财政部门审核意见 |
        // 同意。) is the project's field too.
        for (label, opinion) in footer_opinions(&table_rows(&groups, Section::Footer)) {
            project.extra.entry(label).or_insert(opinion);
        }
        c.project = Some(project);
        funding = funding::FundingResult {
            unit: block.unit,
            rows: block.funding,
            header_years: block.cost_years,
            warnings: block.warnings,
        };
    }
    c.funding.unit = funding.unit.or(preamble_unit);
    c.funding.rows = funding.rows;
    warnings.extend(funding.warnings);

    // Two passes: the first collects the level-2 names the document gives
    // explicitly, the second uses them to split run-together cells and to
    // recover lost level-2 cells.
    // Tables read by column only (grids, structured formats) do not use
    // the names, so the first reading stands.
    let first = parse_indicator_tables(&groups, &KnownNames::default(), c.year);
    let tables = if first.iter().any(|r| r.used_known) {
        let mut known = KnownNames::default();
        for r in &first {
            known.pairs.extend(r.known.pairs.iter().cloned());
            known.names.extend(r.known.names.iter().cloned());
        }
        parse_indicator_tables(&groups, &known, c.year)
    } else {
        first
    };
    // The years the funding table's own header names, before the form's
    // year (its history columns, oldest first).
    let funding_years: Vec<i32> = {
        let mut y: Vec<i32> = funding
            .header_years
            .iter()
            .copied()
            .filter(|y| c.year.is_some_and(|d| *y < d))
            .collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let mut header_years = funding.header_years;
    let mut undated = 0;
    for r in &tables {
        header_years.extend(&r.header_years);
        undated = undated.max(r.history_columns.iter().filter(|y| y.is_none()).count());
    }
    let funding_history = c.funding.rows.iter().any(|r| !r.history.is_empty());
    let needs_years = funding_history || tables.iter().any(|r| !r.history_columns.is_empty());
    c.history_years = if needs_years {
        history_years(&header_years, c.year, undated.max(2), &mut warnings)
    } else {
        Vec::new()
    };
    align_funding_history(&mut c.funding.rows, &funding_years, &c.history_years);
    let mut flat: Vec<indicators::FlatProject> = Vec::new();
    let mut budget_header: Option<String> = None;
    for r in tables {
        if !r.flat.is_empty() {
            let years = column_years(&r.history_columns, &c.history_years);
            flat.extend(r.flat.into_iter().map(|mut g| {
                for ind in &mut g.indicators {
                    ind.history = align_history(&ind.history, &years, &c.history_years);
                }
                g
            }));
            budget_header = budget_header.or(r.budget_header);
        }
        for (table, columns) in r.columns {
            match table {
                IndicatorTable::LongTerm => c.columns.long_term.extend(columns),
                IndicatorTable::Annual => c.columns.annual.extend(columns),
            }
        }
        let years = column_years(&r.history_columns, &c.history_years);
        c.indicators.extend(r.indicators.into_iter().map(|mut ind| {
            ind.history = align_history(&ind.history, &years, &c.history_years);
            ind
        }));
        warnings.extend(r.warnings);
    }

    if c.department.is_none() {
        // A project's form is titled by its unit and its name
        // (`某县民政局老年人助餐服务补助项目2025年绩效目标表`).
        let project = c.project.as_ref().and_then(|p| p.name.as_deref());
        let from_title =
            c.title.as_deref().and_then(department_from_title).map(|d| {
                match project.and_then(|p| d.strip_suffix(p)) {
                    Some(unit) if unit.chars().count() >= 2 => unit.to_string(),
                    _ => d,
                }
            });
        c.department = fuller_name(addressed_to, from_title);
    }
    if let Some(d) = c.department.take() {
        let (code, name) = split_department_code(&d);
        c.department = Some(name);
        c.department_code = c.department_code.take().or(code);
    }

    c.kind = Some(kind_of(&c));
    // A file that is no approval (a budget table, an article) has no
    // approval's funding either: its tables are not read as one.
    // (A flat table of projects is read as its projects, below.)
    if c.kind == Some(Kind::Unknown) && flat.is_empty() {
        c.funding = Default::default();
        c.history_years.clear();
        // Nor a project's header block: a letter's list of projects
        // (主管部门 | 金额（万元）) gave no department, no project.
        if c.project.take().is_some() {
            c.department = None;
            c.department_code = None;
            warnings.retain(|w| {
                !(w.message.starts_with(UNREAD_PROJECT_TEXTS) || w.message == NO_PROJECT_NAME)
            });
        }
        let funding_tables = [
            FundingSection::Income,
            FundingSection::Expenditure,
            FundingSection::ProjectFunding,
            FundingSection::ProjectCost,
        ]
        .map(FundingSection::as_str);
        warnings.retain(|w| {
            !w.table
                .as_deref()
                .is_some_and(|t| funding_tables.contains(&t))
        });
    }
    if matches!(c.kind, Some(Kind::DepartmentOverall | Kind::Project)) && c.year.is_none() {
        warnings.push(Warning::new("missing_field", NO_YEAR));
    }
    if c.kind == Some(Kind::Project) && c.department.is_none() {
        warnings.push(Warning::new("missing_field", NO_PROJECT_DEPARTMENT));
    }
    if c.kind == Some(Kind::DepartmentOverall) && c.department.is_none() {
        warnings.push(Warning::new("missing_field", NO_DEPARTMENT));
    }
    match c.kind {
        Some(Kind::Unknown) => {
            let what = match &c.title {
                Some(t) if is_evaluation(&c) => format!(
                    "{t}: a report of results (自评, 评价: 得分, 偏差原因), not a 绩效目标批复"
                ),
                None if is_evaluation(&c) => {
                    "a report of results (得分, 偏差原因 columns), not a 绩效目标批复".to_string()
                }
                Some(t) => format!("{t}: not a 绩效目标批复 or 绩效目标表 pifu can read"),
                None => "no 绩效目标批复 title or tables found".to_string(),
            };
            warnings.insert(0, Warning::new("unrecognized_document", what));
        }
        _ if c.title.is_none() => {
            warnings.insert(
                0,
                Warning::new("missing_title", "no title row; kind read from the sections"),
            );
        }
        _ => {}
    }
    c.warnings = warnings;
    if flat.is_empty() {
        return vec![Part {
            content: c,
            pages,
            sheet: None,
        }];
    }
    flat.into_iter()
        .map(|g| flat_part(&c, g, budget_header.as_deref()))
        .collect()
}

/// Whether a warning of `page` concerns a document on `pages` (a warning
/// or a document without pages concerns all).
fn on_pages(page: Option<u32>, pages: Option<[u32; 2]>) -> bool {
    match (page, pages) {
        (Some(p), Some([first, last])) => (first..=last).contains(&p),
        _ => true,
    }
}

/// The pages a run of rows covers.
fn page_range(rows: &[Row]) -> Option<[u32; 2]> {
    let first = rows.iter().find_map(|r| r.page)?;
    let last = rows.iter().rev().find_map(|r| r.page)?;
    Some([first, last])
}

/// One project of a flat table as its own document: the form's title and
/// year, the project's first-row fields (单位名称 → department, 项目名称,
/// 预算数 → a project_funding row, 年度目标 → annual goals) and its rows.
fn flat_part(form: &Content, g: indicators::FlatProject, budget_header: Option<&str>) -> Part {
    let mut c = form.clone();
    let (code, name) = match g.unit_name.as_deref() {
        Some(u) => {
            let (code, name) = split_department_code(u);
            (code, Some(name))
        }
        None => (None, form.department.clone()),
    };
    c.kind = Some(Kind::Project);
    c.department = name;
    let (project, code) = project::with_flat_fields(
        Project {
            name: g.name,
            ..Project::default()
        },
        code,
        &g.info,
    );
    c.department_code = code.or(form.department_code.clone());
    c.project = Some(project);
    if let Some(u) = budget_header.and_then(funding::unit_in) {
        c.funding.unit = Some(u);
    }
    c.funding.rows = g
        .budget
        .as_deref()
        .map(|b| FundingRow {
            section: FundingSection::ProjectFunding,
            // (The unit in brackets is the funding's unit, no part of the
            // item: 预算数（万元）.)
            item: Some(
                budget_header
                    .map(|h| match (funding::unit_in(h), h.find(['（', '('])) {
                        (Some(_), Some(i)) if i > 0 => h.get(..i).unwrap_or(h).trim(),
                        _ => h,
                    })
                    .unwrap_or("预算数")
                    .to_string(),
            ),
            current: values::parse_number(b),
            share_pct: None,
            history: Vec::new(),
            note: None,
        })
        .into_iter()
        .collect();
    c.annual_goals = g
        .goal
        .as_deref()
        .map(lists::split_items)
        .unwrap_or_default();
    c.long_term_goals = Vec::new();
    c.functions = Vec::new();
    c.annual_tasks = Vec::new();
    c.indicators = g.indicators;
    // Warnings of the form itself (its header, its years) and the
    // project's own rows.
    c.warnings.retain(|w| {
        w.seq.is_none()
            && w.table.is_none()
            && !matches!(
                w.code.as_str(),
                "unrecognized_document" | "missing_title" | "missing_field"
            )
    });
    c.warnings.extend(g.warnings);
    Part {
        content: c,
        pages: match (g.first_page, g.last_page) {
            (Some(a), Some(b)) => Some([a, b]),
            _ => None,
        },
        sheet: None,
    }
}

/// A 项目支出 approval: its title says 项目 (and not 部门整体), or its
/// header block names the project (项目名称, 项目支出名称).
fn is_project_form(groups: &[(Section, Vec<&Row>)], block_rows: &[&Row], hard: bool) -> bool {
    let preamble: Vec<&Row> = groups
        .iter()
        .filter(|(s, _)| *s == Section::Preamble)
        .flat_map(|(_, rows)| rows.iter().copied())
        .collect();
    let title = first_title(&preamble, hard);
    if let Some(t) = &title {
        if t.contains("部门整体") {
            return false;
        }
        if t.contains("项目") {
            return true;
        }
    }
    // (Or a line `项目名称：某项目` above the table.)
    block_rows
        .iter()
        .any(|r| r.texts().any(project::names_project) || named_project(&r.text_vec()).is_some())
}

/// Whether the document reports how targets were met (a 绩效自评表 or an
/// evaluation report) rather than sets them: its title says so, or its
/// indicator table scores the results (得分, 偏差原因).
fn is_evaluation(c: &Content) -> bool {
    let titled = c
        .title
        .as_deref()
        .is_some_and(|t| t.contains("自评") || (t.contains("评价") && !t.contains("目标")));
    let scored = c
        .columns
        .annual
        .iter()
        .chain(&c.columns.long_term)
        .any(|col| {
            let h = col.header.rsplit('/').next().unwrap_or(&col.header);
            // (A year's 实际完成值 is a history column of a target table.)
            h.contains("偏差原因")
                || h.ends_with("得分")
                || (h.contains("实际完成值") && !header::is_year_header(h))
        });
    titled || scored
}

fn kind_of(c: &Content) -> Kind {
    if is_evaluation(c) {
        return Kind::Unknown;
    }
    if c.project.is_some() {
        let named = c.project.as_ref().is_some_and(|p| p.name.is_some());
        return if named || !c.indicators.is_empty() {
            Kind::Project
        } else {
            Kind::Unknown
        };
    }
    match &c.title {
        Some(t) if t.contains("部门整体") => Kind::DepartmentOverall,
        _ => {
            // Indicators with a department's sections, goals, or under a
            // title naming a department's budget (部门预算及绩效目标).
            let has_tables = !c.indicators.is_empty();
            let has_sections = !c.functions.is_empty()
                || !c.funding.rows.is_empty()
                || !c.annual_goals.is_empty()
                || !c.long_term_goals.is_empty();
            let departments = c.title.as_deref().is_some_and(|t| t.contains("部门"));
            // A form that names its department (its 部门（单位）名称 row,
            // or a letter's title: 关于批复某局2026年绩效目标的通知) and
            // no project.
            let names_project = c
                .title
                .as_deref()
                .is_some_and(|t| t.contains("项目") || t.contains("专项"));
            let labelled = c.department.is_some() && !names_project;
            if has_tables && (has_sections || departments || labelled) {
                Kind::DepartmentOverall
            } else {
                Kind::Unknown
            }
        }
    }
}

/// `鄂州市数据局2026年部门整体绩效目标批复`: the text before the year. In a
/// letter's title (`某县财政局关于批复县交通运输局2026年…的通知`) the body
/// before 关于 is the bureau that writes, so the department is what follows
/// 关于 and its verb, if anything.
/// The department a letter is addressed to, unless the title names it in
/// full: finance bureaus address departments by their short name (`县民政
/// 局：`), which the title gives with its county (`阳新县民政局…批复`).
fn fuller_name(addressed_to: Option<String>, from_title: Option<String>) -> Option<String> {
    match (addressed_to, from_title) {
        (Some(to), Some(full)) if full.len() > to.len() && full.ends_with(to.as_str()) => {
            Some(full)
        }
        (Some(to), _) => Some(to),
        (None, full) => full,
    }
}

/// Where a title's year begins: its first digit (ASCII or full-width), or
/// four Chinese numerals before 年 (二〇二六年).
fn year_start(title: &str) -> Option<usize> {
    let digit = title.find(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    match (digit, values::chinese_year_start(title)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn department_from_title(title: &str) -> Option<String> {
    // The unit's name ends where the year or the form's name begins
    // (`某局2025年…`, `某局部门整体支出绩效目标表（2025年度）`).
    const FORM_WORDS: &[&str] = &[
        "部门整体",
        "单位整体",
        "整体支出",
        "项目支出",
        "绩效目标",
        "（",
        "(",
    ];
    // A form numbered in a batch (`一、某局2025年…`, `（一）`, `1.`): the
    // number is no part of the name.
    let title = lists::after_enumerator(title).map_or(title, trim);
    // (A title without a year ends the name at the form's words.)
    let year_at = year_start(title);
    let cut = FORM_WORDS
        .iter()
        .filter_map(|w| title.find(w))
        .filter(|&k| k > 0 || year_at.is_none())
        .fold(year_at.unwrap_or(title.len()), usize::min);
    let mut head = title.get(..cut)?.trim();
    if let Some(k) = head.rfind("关于") {
        head = head.get(k + "关于".len()..)?;
        for verb in ["批复", "下达", "印发", "核定", "批准", "公开"] {
            head = head.strip_prefix(verb).unwrap_or(head);
        }
        head = trim(head);
    }
    // A place alone (`青溪县2026年项目支出绩效目标批复表`) names where the
    // approvals are published, not a department.
    let place = ["省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "街道"]
        .iter()
        .any(|p| head.ends_with(p));
    // Nor does the form's own name before a bracketed year
    // (`项目支出绩效目标表（2026年度）`).
    let form_word = matches!(
        squash(head).as_ref(),
        "项目" | "项目支出" | "部门" | "单位" | "部门整体" | "单位整体" | "整体支出"
    );
    (head.chars().count() >= 2 && !place && !form_word).then(|| head.to_string())
}

/// The labels of a department's code printed beside its name.
const CODE_LABELS: &[&str] = &[
    "单位编码",
    "部门编码",
    "单位代码",
    "部门代码",
    "预算单位编码",
    "预算编码",
    "编码",
    "代码",
];

/// One of [`CODE_LABELS`], perhaps with a colon after it.
fn is_code_label(t: &str) -> bool {
    CODE_LABELS.contains(&squash(t).trim_end_matches([':', '：']))
}

/// What the department's row holds besides its label.
#[derive(Debug, Default, PartialEq)]
struct DepartmentFields {
    name: Option<String>,
    /// 单位编码 / 部门编码 / 单位代码 printed beside the name.
    code: Option<String>,
    /// A funding unit printed beside the name (`单位：万元`).
    unit: Option<String>,
    /// Other labelled fields (统一社会信用代码 …), reported.
    unread: Vec<String>,
}

/// The cells of a department's row after its label: the name, then
/// labelled fields beside it, as `label | value` cells or `label：value`
/// in one cell (also after the name: `郧西县卫生健康局　单位编码：306001`).
fn department_fields(cells: &[String]) -> DepartmentFields {
    let mut parts: Vec<String> = Vec::new();
    for cell in cells.iter().skip(1) {
        let Some(t) = clean_text(cell) else { continue };
        // A labelled field after the name in one cell, past a space.
        match t.split_once(char::is_whitespace) {
            Some((name, rest)) if rest.contains([':', '：']) && !name.contains([':', '：']) => {
                parts.push(trim(name).to_string());
                parts.extend(clean_text(rest));
            }
            _ => parts.push(t),
        }
    }
    let mut out = DepartmentFields::default();
    let mut k = 0;
    while let Some(part) = parts.get(k) {
        k += 1;
        if let Some(u) = funding::unit_in(part) {
            out.unit = out.unit.or(Some(u));
            continue;
        }
        let (label, value) = match part.split_once([':', '：']) {
            Some((l, v)) => (squash(l), Some(trim(v).to_string())),
            None => (squash(part), None),
        };
        // The sign-off beside the unit that filled the form in
        // (`编制单位：某局 | 2025年1月8日`, `填报人：张三`).
        let signing = indicators::SIGN_OFF_FIELDS.contains(&&*label);
        if (value.is_none() && is_full_date(part)) || (signing && value.is_some()) {
            continue;
        }
        let known = is_code_label(&label) || year_label(&label);
        let labelled = value.is_some() || known;
        if !labelled {
            if out.name.is_none() {
                out.name = Some(without_stamp(part).to_string());
            } else {
                out.unread.push(part.clone());
            }
            continue;
        }
        // `label | value` across two cells.
        let value = match value {
            Some(v) => v,
            None => {
                k += 1;
                parts.get(k - 1).cloned().unwrap_or_default()
            }
        };
        if is_code_label(&label) {
            out.code = out.code.or(Some(value).filter(|v| !v.is_empty()));
        } else if !year_label(&label) {
            out.unread.push(format!("{label}：{value}"));
        }
    }
    out
}

/// The warning of a form without a year.
/// The project header block's warnings, which a file read as no approval
/// does not keep.
const UNREAD_PROJECT_TEXTS: &str = "project header texts read into no field: ";
const NO_PROJECT_NAME: &str = "no 项目名称 in the project's header block; project.name is null";
const NO_YEAR: &str = "no year in the title, a year line or a 年度 field; year is null";

/// Forms after the first of a file (in one worksheet) that print no title
/// of their own take the year of a heading over them all when it names no
/// form of its own (`2025年度项目支出绩效目标表`, then `（一）…`, `（二）…`
/// each with its table). Their title stays null (`missing_title`).
/// Other forms that name no year, after one that does in the same
/// worksheet (a page of a department's form and its projects' forms,
/// `…项目绩效目标表` without a year), take its year and say so
/// (`year_inferred`).
fn inherit_heading(parts: &mut [Part]) {
    // The last form that printed a title: its year, if the title is a
    // heading over the forms after it, and its worksheet.
    let mut heading: Option<(Option<i32>, Option<String>)> = None;
    // The last form with a year: the year and its worksheet.
    let mut last_year: Option<(i32, Option<String>)> = None;
    for part in parts.iter_mut() {
        let c = &mut part.content;
        let titled = c.title.is_some();
        if let Some(title) = &c.title {
            heading = heads_forms(title).then(|| (c.year, part.sheet.clone()));
        }
        match &heading {
            Some((Some(year), sheet)) if !titled && c.year.is_none() && *sheet == part.sheet => {
                give_year(c, *year);
            }
            _ => {}
        }
        match (c.year, &last_year) {
            (Some(year), _) => last_year = Some((year, part.sheet.clone())),
            (None, Some((year, sheet))) if *sheet == part.sheet => {
                give_year(c, *year);
                c.warnings.push(Warning::new(
                    "year_inferred",
                    format!(
                        "the form names no year; year {year} is the year of the form above it in the file"
                    ),
                ));
            }
            _ => {}
        }
    }
}

/// A heading over several forms of one kind, each numbered under it
/// (`2025年度项目支出绩效目标表`, then `（一）某项目` with its table,
/// `（二）…`), is read with the first of them, as its title; the forms
/// after it print none. It is no more the first's title than theirs: the
/// first's title is null too, and said (`missing_title`), its year kept.
/// (A title right over a form, with the forms after it untitled, stays
/// that form's.) `numbered`: per part, whether its form opens with a
/// numbered line.
fn untitle_shared_heading(parts: &mut [Part], numbered: &[bool]) {
    for i in 1..parts.len() {
        let next_numbered = numbered.get(i).copied().unwrap_or(false);
        let (before, after) = parts.split_at_mut(i);
        let (Some(first), Some(next)) = (before.last_mut(), after.first()) else {
            continue;
        };
        let shared = next_numbered
            && first.content.title.as_deref().is_some_and(heads_forms)
            && next.content.title.is_none()
            && next.content.kind == first.content.kind
            && next.sheet == first.sheet;
        if shared {
            first.content.title = None;
            first.content.warnings.insert(
                0,
                Warning::new("missing_title", "no title row; kind read from the sections"),
            );
        }
    }
}

/// Whether a form's first line is numbered (`（二）某项目`, `二、某局`,
/// `附件2`).
fn opens_with_number(rows: &[Row]) -> bool {
    rows.iter().find(|r| !r.is_blank()).is_some_and(|r| {
        let texts = r.text_vec();
        matches!(texts.as_slice(), [only]
            if crate::layout::after_enumerator(only).is_some() || is_attachment_number(only))
    })
}

/// A line that only numbers an attachment: `附件2`, `附表 3`, `附件二：`.
fn is_attachment_number(text: &str) -> bool {
    let t = squash(text);
    let Some(rest) = t.strip_prefix("附件").or_else(|| t.strip_prefix("附表")) else {
        return false;
    };
    let number = rest.trim_end_matches([':', '：']);
    !number.is_empty()
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || ATTACHMENT_NUMERALS.contains(c))
}

/// The warning of a department's form that names no department.
const NO_DEPARTMENT: &str =
    "no 部门名称, addressee line or department in the title; department is null";

/// The warning of a project's form that names no department.
const NO_PROJECT_DEPARTMENT: &str =
    "no 主管部门 in the project's header block, 填报单位 line or department in the title; department is null";

/// Projects' forms that name no department, after a department's form in
/// the same file (and worksheet): a page approving a department's goals
/// and then its projects'. They take that department, and say so
/// (`department_inferred`).
fn inherit_department(parts: &mut [Part]) {
    let mut last: Option<(String, Option<String>, Option<String>)> = None;
    for part in parts.iter_mut() {
        let c = &mut part.content;
        match (c.kind, &c.department) {
            (Some(Kind::DepartmentOverall), Some(d)) => {
                last = Some((d.clone(), c.department_code.clone(), part.sheet.clone()));
            }
            (Some(Kind::Project), None) => {
                let Some((d, code, _)) = last.as_ref().filter(|(_, _, s)| *s == part.sheet) else {
                    continue;
                };
                c.department = Some(d.clone());
                c.department_code = c.department_code.take().or_else(|| code.clone());
                c.warnings.retain(|w| w.message != NO_PROJECT_DEPARTMENT);
                c.warnings.push(Warning::new(
                    "department_inferred",
                    format!(
                        "the project's form names no department; {d} is the department whose form comes before it in the file"
                    ),
                ));
            }
            _ => {}
        }
    }
}

/// The unit a covering letter's addressee line names (`桐安县水利局：`).
fn addressee_of(rows: &[Row]) -> Option<String> {
    rows.iter().find_map(|r| match r.text_vec().as_slice() {
        [only] => addressee(only),
        _ => None,
    })
}

/// A form that names no department, under a covering letter addressed to
/// one unit: that unit, said (`department_inferred`).
fn address_department(c: &mut Content, unit: &str) {
    let approval = matches!(c.kind, Some(Kind::DepartmentOverall | Kind::Project));
    if !approval || c.department.is_some() {
        return;
    }
    c.department = Some(unit.to_string());
    c.warnings.retain(|w| {
        !(w.code == "missing_field"
            && (w.message == NO_PROJECT_DEPARTMENT || w.message == NO_DEPARTMENT))
    });
    c.warnings.push(Warning::new(
        "department_inferred",
        format!(
            "the form names no department; {unit} is the unit the letter before it is addressed to"
        ),
    ));
}

/// Whether a title can head several forms: it names a year and a kind of
/// form only (`2025年度项目支出绩效目标表`), perhaps after the region or
/// unit that publishes them (`某市某区2025年项目支出绩效目标批复`,
/// `某县关于2026年度项目支出绩效目标的公示`). A project's own title
/// (`2025年道路养护项目绩效目标表`) heads only its form.
fn heads_forms(title: &str) -> bool {
    if is_generic_title(title) {
        return true;
    }
    let s = squash(title);
    let Some(from_year) = s
        .find(|c: char| c.is_ascii_digit())
        .and_then(|i| s.get(i..))
    else {
        return false;
    };
    let core = ["的公示", "公示", "的公开", "公开", "的批复", "的通知"]
        .iter()
        .find_map(|end| from_year.strip_suffix(end))
        .unwrap_or(from_year);
    // (`2026年部分部门整体支出绩效目标`: some departments' forms.)
    let core = &core.replacen("部分", "", 1);
    // (`2026年度部门整体及项目支出绩效目标表`: forms of both kinds;
    // `…绩效目标批复表`: the approvals' table.)
    let core = &core
        .replacen("及项目支出", "", 1)
        .replacen("和项目支出", "", 1)
        .replacen("批复表", "表", 1);
    is_generic_title(core) || is_generic_title(&format!("{core}表"))
}

/// A year found outside a form for a form that names none, and no
/// warning that it has none.
fn give_year(c: &mut Content, year: i32) {
    c.year = Some(year);
    c.warnings.retain(|w| w.message != NO_YEAR);
}

/// The year of a form whose title names none: a line above the form that
/// is only the year (`（2025年度）` under the title), or a year field among
/// its other rows (`填报年度：2025年`, `年度 | 2025`, `预算年度 | 2025年`).
fn year_of_form(preamble: &[&Row], fields: &[&Row]) -> Option<i32> {
    for row in preamble {
        let texts: Vec<&str> = row.text_vec();
        if let [only] = texts.as_slice() {
            if let Some(y) = year_line(only) {
                return Some(y);
            }
        }
    }
    for row in fields {
        let texts: Vec<&str> = row.text_vec();
        for (i, t) in texts.iter().enumerate() {
            let (label, value) = match t.split_once([':', '：']) {
                Some((l, v)) if !trim(v).is_empty() => (l, Some(v)),
                _ => (*t, texts.get(i + 1).copied()),
            };
            let label = squash(label);
            let label = label.trim_end_matches([':', '：']);
            if year_label(label) {
                if let Some(y) = value.and_then(year_line) {
                    return Some(y);
                }
            }
        }
    }
    None
}

/// The year of a heading over the form's own title that names the
/// approvals (`孝昌县2025年县直部门项目支出绩效目标公开` over
/// `项目支出绩效目标表`).
fn heading_year(preamble: &[&Row]) -> Option<i32> {
    preamble.iter().find_map(|row| {
        let texts: Vec<&str> = row.text_vec();
        match texts.as_slice() {
            [only] if only.contains("绩效目标") && !is_sentence(only) => {
                years_in(only).first().copied()
            }
            _ => None,
        }
    })
}

/// The year a letter's sentence above the form approves (`现将你单位2026年
/// 项目支出绩效目标批复如下`), where the title names none: a sentence that
/// names 绩效目标 and approves or issues them, with one year in it.
fn approval_sentence_year(preamble: &[&Row]) -> Option<i32> {
    preamble.iter().find_map(|row| {
        let text: String = row.texts().collect();
        let approves = ["批复", "下达", "如下"].iter().any(|w| text.contains(w));
        if !text.contains("绩效目标") || !approves {
            return None;
        }
        match years_in(&text).as_slice() {
            [y] => Some(*y),
            [y, rest @ ..] if rest.iter().all(|r| r == y) => Some(*y),
            _ => None,
        }
    })
}

/// `年度 | 2026年`: a form's year in a field of its own.
fn is_year_field(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    match texts.as_slice() {
        [label, value] => {
            year_label(&bare_label(label))
                && years_in(value).len() == 1
                && trim(value).chars().count() <= 8
        }
        _ => false,
    }
}

/// 年度, 预算年度, 填报年度…: the label of a form's year.
fn year_label(label: &str) -> bool {
    const YEAR_LABELS: &[&str] = &[
        "年度",
        "预算年度",
        "填报年度",
        "项目年度",
        "实施年度",
        "所属年度",
        "绩效年度",
    ];
    YEAR_LABELS.contains(&label)
}

/// `2025`, `2025年`, `2025年度`, `（2025年度）`: a text that is only a
/// year.
fn year_line(text: &str) -> Option<i32> {
    let t = squash(text);
    let t = t
        .trim_start_matches(['(', '（'])
        .trim_end_matches([')', '）'])
        .trim_end_matches('度');
    values::year_cell(t).filter(|y| (1990..=2100).contains(y))
}

/// The warning for a row of text no section reads; none for a letter's
/// lines that carry nothing to read ([`is_letter_boilerplate`]).
fn unread_text(row: &Row) -> Option<Warning> {
    let texts: Vec<&str> = row.text_vec();
    if let [only] = texts.as_slice() {
        if is_letter_boilerplate(only) {
            return None;
        }
    }
    Some(outside_sections(&texts.join(" ")))
}

/// A title without the number of the letter's heading it was printed as
/// (`一、2026年度部门整体支出绩效目标表`): the form's title.
fn without_heading_number(title: &str) -> String {
    crate::layout::after_enumerator(title)
        .map(trim)
        .filter(|rest| is_form_title(rest))
        .unwrap_or(title)
        .to_string()
}

/// Lines of text that are a covering letter: one of them addresses the
/// unit (`市档案馆：`) or hands the approvals over (`现将…绩效目标批复如
/// 下`).
fn is_covering_letter(rows: &[Row]) -> bool {
    rows.iter().any(|r| {
        let texts: Vec<&str> = r.text_vec();
        matches!(texts.as_slice(), [only] if addressee(only).is_some() || is_approval_sentence(only))
    })
}

/// Whether `text` opens as a note does: 注, 说明, 备注 or 附注, then one of
/// `marks` (a colon; `注1`, `注（1）` where numbered notes count too).
pub(super) fn led_as_note(text: &str, marks: &[char]) -> bool {
    ["注", "说明", "备注", "附注"].iter().any(|w| {
        text.strip_prefix(w)
            .and_then(|r| r.trim_start().chars().next())
            .is_some_and(|c| marks.contains(&c))
    })
}

/// The text of a row that is a note line: its one text, led by 注 / 说明 /
/// 备注 / 附注 and a colon.
pub(super) fn note_line(row: &Row) -> Option<&str> {
    let mut texts = row.texts().map(trim).filter(|t| !t.is_empty());
    let (Some(text), None) = (texts.next(), texts.next()) else {
        return None;
    };
    led_as_note(text, &['：', ':']).then_some(text)
}

/// `unknown_section`: a text no section reads.
pub(super) fn outside_sections(text: &str) -> Warning {
    Warning::new(
        "unknown_section",
        format!("text outside any known section: {}", truncate(text, 60)),
    )
}

/// A letter's line that holds nothing an approval's fields take: its
/// sentence that hands the approvals over (`经审核，现将你单位2026年项目
/// 支出绩效目标批复如下：`; its year is read, see
/// [`approval_sentence_year`]), or its numbered heading over the forms of
/// one kind (`二、项目支出绩效目标`, `（一）部门整体支出绩效目标表`).
pub(super) fn is_letter_boilerplate(text: &str) -> bool {
    is_batch_heading(text)
        || is_approval_sentence(text)
        || is_form_kind_heading(text)
        || is_part_heading(text)
        || is_attachment_line(text)
        || is_attachment_list_item(text)
        || is_full_date(text)
        || is_finance_signature(text)
}

/// A page's heading over a batch of forms, which names the batch
/// (`2025年部门整体支出绩效目标批复表（第二批）`): no form's title, no text
/// of any form.
fn is_batch_heading(text: &str) -> bool {
    let s = squash(text);
    let bare = without_bracketed_end(&s);
    let batch = s
        .get(bare.len()..)
        .is_some_and(|b| b.contains('第') && b.contains('批'));
    batch && is_form_title(bare)
}

/// `附件：2026年度部门整体支出绩效目标表`, `附件2：…`: a letter's line that
/// names the form attached, printed under it.
/// So is the attachment's number alone over the form (`附件1`, `附表2：`).
fn is_attachment_line(text: &str) -> bool {
    let s = squash(text);
    let Some(rest) = s.strip_prefix("附件").or_else(|| s.strip_prefix("附表")) else {
        return false;
    };
    let rest = rest
        .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        .trim_start_matches([':', '：', '.', '、']);
    rest.is_empty() || is_form_title(rest)
}

/// `2.县农业农村局部门整体支出绩效目标表`: a later line of a letter's list
/// of attachments (`附件：1.…表` before it), naming a form printed below
/// with its own title.
fn is_attachment_list_item(text: &str) -> bool {
    let s = squash(text);
    crate::layout::after_enumerator(&s).is_some_and(is_form_title)
}

/// The finance bureau signing its letter (`市财政局`, `某县财政局（盖章）`):
/// the approver, no field of the approval.
fn is_finance_signature(text: &str) -> bool {
    let s = squash(text);
    let s = without_stamp(&s);
    s.chars().count() <= 20
        && ["财政局", "财政厅", "财政委员会"]
            .iter()
            .any(|e| s.ends_with(e))
}

/// `现将你单位2026年项目支出绩效目标批复如下，请认真执行。`: the sentence
/// of a letter that hands over the approvals printed under it.
fn is_approval_sentence(text: &str) -> bool {
    let s = squash(text);
    let hands_over = ["如下", "批复给", "下达给"].iter().any(|w| s.contains(w));
    (is_sentence(&s) || s.ends_with(['：', ':'])) && s.contains("绩效目标") && hands_over
}

/// `二、项目支出绩效目标`: a numbered heading over the forms of one kind,
/// naming no department or project.
fn is_form_kind_heading(text: &str) -> bool {
    let s = squash(text);
    crate::layout::after_enumerator(&s)
        .map(|rest| rest.trim_end_matches(['：', ':']))
        .is_some_and(|rest| {
            !rest.is_empty() && (is_generic_title(rest) || is_generic_title(&format!("{rest}表")))
        })
}

/// `一、部门基本情况`, `（二）项目资金情况`: a numbered heading over a part
/// of the form, which the part's own labels read.
fn is_part_heading(text: &str) -> bool {
    const PARTS: &[&str] = &[
        "基本情况",
        "基本信息",
        "概况",
        "资金情况",
        "预算情况",
        "收支情况",
        "绩效目标",
        "绩效指标",
    ];
    let s = squash(text);
    starts_with_chinese_number(&s)
        && crate::layout::after_enumerator(&s)
            .map(|rest| rest.trim_end_matches(['：', ':']))
            .is_some_and(|rest| {
                rest.chars().count() <= 12 && PARTS.iter().any(|p| rest.ends_with(p))
            })
}

/// The addressee line of an approval letter (`县交通运输局：`, above the
/// body `现将你单位…批复如下`): the one organisation the approval is for.
/// Not a circular's `各有关单位：`, nor a form's `填报单位：`.
fn addressee(text: &str) -> Option<String> {
    const ORGANISATIONS: &[&str] = &[
        "局",
        "委",
        "委员会",
        "办",
        "办公室",
        "厅",
        "院",
        "中心",
        "部",
        "所",
        "站",
        "队",
        "处",
        "馆",
        "会",
        "社",
        "校",
        "学",
        "政府",
        "公司",
        "署",
        "室",
    ];
    let name = trim(text).strip_suffix(['：', ':'])?.trim();
    let plain = !name.contains(|c: char| {
        c.is_whitespace() || matches!(c, '，' | ',' | '。' | '、' | '；' | ':' | '：')
    });
    let size = name.chars().count();
    (plain
        && (3..=40).contains(&size)
        && !name.starts_with('各')
        && !name.ends_with("单位")
        && ORGANISATIONS.iter().any(|o| name.ends_with(o))
        && section_of_label(name).is_none())
    .then(|| name.to_string())
}

/// The prior years the document reports: the distinct header years before
/// the document's own, ascending. Without any, the `count` years before the
/// document's year, with a warning.
fn history_years(
    header_years: &[i32],
    year: Option<i32>,
    count: usize,
    warnings: &mut Vec<Warning>,
) -> Vec<i32> {
    let mut seen: Vec<i32> = header_years
        .iter()
        .copied()
        .filter(|&y| year.is_none_or(|d| y < d))
        .collect();
    seen.sort_unstable();
    seen.dedup();
    if !seen.is_empty() {
        return seen;
    }
    match year {
        Some(y) => {
            let n = i32::try_from(count.clamp(1, 10)).unwrap_or(2);
            let years: Vec<i32> = (y - n..y).collect();
            let shown: Vec<String> = years.iter().map(i32::to_string).collect();
            warnings.push(Warning::new(
                "history_years_assumed",
                format!(
                    "no history years in the table headers; assumed {}",
                    shown.join(" and ")
                ),
            ));
            years
        }
        None => Vec::new(),
    }
}

/// The year of each history column of a table: its own, or, for a column
/// without one, the latest document years in order.
fn column_years(columns: &[Option<i32>], history_years: &[i32]) -> Vec<Option<i32>> {
    let undated = columns.iter().filter(|y| y.is_none()).count();
    let mut assumed = history_years
        .iter()
        .skip(history_years.len().saturating_sub(undated))
        .copied();
    columns
        .iter()
        .map(|y| y.or_else(|| assumed.next()))
        .collect()
}

/// An indicator's history values (in its table's column order) aligned
/// with the document's history years; empty when its table has none.
/// Funding rows' history (read into at least two slots, oldest first,
/// one per year its header names) placed on the document's history years:
/// a table of one year's column kept a second, empty slot. Rows that hold
/// more amounts than their header names years are left as read.
fn align_funding_history(rows: &mut [FundingRow], years: &[i32], history_years: &[i32]) {
    let fits = |r: &FundingRow| r.history.iter().skip(years.len()).all(Option::is_none);
    if years.is_empty() || !rows.iter().all(fits) {
        return;
    }
    for r in rows.iter_mut().filter(|r| !r.history.is_empty()) {
        r.history = history_years
            .iter()
            .map(|y| {
                let at = years.iter().position(|c| c == y)?;
                r.history.get(at).copied().flatten()
            })
            .collect();
    }
}

fn align_history(
    values: &[Option<String>],
    years: &[Option<i32>],
    history_years: &[i32],
) -> Vec<Option<String>> {
    if values.is_empty() {
        return Vec::new();
    }
    history_years
        .iter()
        .map(|y| {
            years
                .iter()
                .position(|c| *c == Some(*y))
                .and_then(|i| values.get(i).cloned().flatten())
        })
        .collect()
}

/// `[015001]鄂州市数据局` or `219-鄂州市数据局`: a leading code goes to
/// `department_code`.
pub fn split_department_code(d: &str) -> (Option<String>, String) {
    let t = trim(d);
    let bracketed = t
        .strip_prefix('[')
        .or_else(|| t.strip_prefix('【'))
        .or_else(|| t.strip_prefix('［'))
        .and_then(|rest| rest.split_once([']', '】', '］']));
    if let Some((code, name)) = bracketed {
        let code = trim(code);
        if !code.is_empty()
            && code.chars().all(|c| c.is_ascii_alphanumeric())
            && !trim(name).is_empty()
        {
            return (Some(code.to_string()), trim(name).to_string());
        }
    }
    // In round brackets only digits are a code (（015001）某馆, not （本级）).
    let in_parens = t
        .strip_prefix(['(', '（'])
        .and_then(|rest| rest.split_once([')', '）']));
    if let Some((code, name)) = in_parens {
        let code = trim(code);
        if code.len() >= 3 && code.chars().all(|c| c.is_ascii_digit()) && !trim(name).is_empty() {
            return (Some(code.to_string()), trim(name).to_string());
        }
    }
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        let rest = t.get(digits.len()..).unwrap_or("");
        // A long code may run into the name (015001某馆); a short number
        // (2025年) is part of it.
        let glued =
            (digits.len() >= 5 && rest.starts_with(|c: char| values::is_cjk(c))).then_some(rest);
        let name = rest
            .strip_prefix(['-', '－', '—', ' ', '_'])
            .or(glued)
            .map(trim)
            .unwrap_or("");
        if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) {
            return (Some(digits), name.to_string());
        }
    }
    (None, t.to_string())
}

fn truncate(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().count() > n {
        out.push('…');
    }
    out
}

/// Rows the readers' tests share.
#[cfg(test)]
pub(crate) mod test_rows {
    use crate::layout::{Row, Span};

    /// A grid row: each cell's text and its first column; the first
    /// column (a block's label) one wide, the others `width`.
    pub fn grid(cells: &[(&str, i32)], width: i32) -> Row {
        Row {
            cells: cells.iter().map(|c| c.0.to_string()).collect(),
            spans: Some(
                cells
                    .iter()
                    .map(|&(_, left)| Span {
                        left,
                        right: left + if left == 0 { 1 } else { width },
                        continued: false,
                    })
                    .collect(),
            ),
            ..Row::default()
        }
    }

    /// The amounts 100.00, 80.00 and 20.00 under three labels two columns
    /// wide (columns 1 to 6), each in the first (`first` 1) or the second
    /// (2) column of its label's, the other empty; under a block label.
    pub fn amounts_in_halves(first: i32) -> Vec<(&'static str, i32)> {
        let mut cells = vec![("", 0)];
        for (k, amount) in (0..).zip(["100.00", "80.00", "20.00"]) {
            let left = 1 + 2 * k;
            if first == 1 {
                cells.extend([(amount, left), ("", left + 1)]);
            } else {
                cells.extend([("", left), (amount, left + 1)]);
            }
        }
        cells
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(
            section_of_label("部门（单位）名称"),
            Some(Section::Department)
        );
        assert_eq!(section_of_label("部门总体资金情况"), Some(Section::Funding));
        assert_eq!(section_of_label("部门资金（万元）"), Some(Section::Funding));
        assert_ne!(section_of_label("部门资金使用率"), Some(Section::Funding));
        assert_ne!(section_of_label("单位资金"), Some(Section::Funding));
        assert_eq!(section_of_label("年度预算"), Some(Section::Funding));
        assert_eq!(section_of_label("年度预算（万元）"), Some(Section::Funding));
        assert_ne!(section_of_label("年度预算执行率"), Some(Section::Funding));
        // Indicators named after what they measure open with a section's
        // word, and are no section.
        for name in [
            "部门预算执行率",
            "部门职能履行率",
            "单位预算资金使用情况满意度",
            "年度工作任务完成数",
        ] {
            assert_eq!(section_of_label(name), None, "{name}");
        }
        assert_eq!(section_of_label("部门职能"), Some(Section::Functions));
        assert_eq!(section_of_label("部门职能概述"), Some(Section::Functions));
        assert_eq!(section_of_label("部门职责"), Some(Section::Functions));
        assert_eq!(section_of_label("年度主要任务"), Some(Section::AnnualTasks));
        assert_eq!(
            section_of_label("中长期目标（2025-2027年）"),
            Some(Section::LongTermGoals)
        );
        assert_eq!(
            section_of_label("长期绩效目标"),
            Some(Section::LongTermGoals)
        );
        assert_eq!(
            section_of_label("中长期绩效指标"),
            Some(Section::LongTermTable)
        );
        assert_eq!(section_of_label("中国"), None);
        assert_eq!(section_of_label("年度工作任务"), Some(Section::AnnualTasks));
        assert_eq!(
            section_of_label("长期目标： (截止2027年)"),
            Some(Section::LongTermGoals)
        );
        assert_eq!(
            section_of_label("长期绩效指标"),
            Some(Section::LongTermTable)
        );
        assert_eq!(section_of_label("年度目标:"), Some(Section::AnnualGoals));
        assert_eq!(section_of_label("年度绩效指标"), Some(Section::AnnualTable));
        // As other templates word them (the long-term table's labels were
        // read as the goals', its rows as annual).
        for long_term in [
            "长期目标绩效指标",
            "中长期目标绩效指标",
            "长期目标指标",
            "中长期指标",
        ] {
            assert_eq!(
                section_of_label(long_term),
                Some(Section::LongTermTable),
                "{long_term}"
            );
        }
        assert_eq!(section_of_label("年度指标"), Some(Section::AnnualTable));
        for tasks in ["当年主要任务", "主要任务", "年度工作重点", "年度主要工作"]
        {
            assert_eq!(
                section_of_label(tasks),
                Some(Section::AnnualTasks),
                "{tasks}"
            );
        }
        assert_eq!(section_of_label("绩效管理"), None);
        assert_eq!(section_of_label("数据安全"), None);
        assert_eq!(section_of_label(""), None);
    }

    #[test]
    fn the_year_of_an_undated_title() {
        assert_eq!(year_line("（2025年度）"), Some(2025));
        assert_eq!(year_line("(2025年)"), Some(2025));
        assert_eq!(year_line("2026"), Some(2026));
        assert_eq!(year_line("2025年12月"), None);
        assert_eq!(year_line("3000"), None);
        let rows = table(&[
            "填报年度：2025年",
            "部门名称|某局|年度|2024",
            "项目名称|某项目|预算年度|2023年",
        ]);
        let year = |k: usize| year_of_form(&[], &[&rows[k]]);
        assert_eq!(
            (year(0), year(1), year(2)),
            (Some(2025), Some(2024), Some(2023))
        );
        let prose = Row {
            cells: vec!["2025年12月前完成".into()],
            ..Row::default()
        };
        assert_eq!(year_of_form(&[&prose], &[&prose]), None);
        // A year alone counts above the form, not among its rows (a
        // budget's column header).
        let alone = Row {
            cells: vec!["2025 年".into()],
            ..Row::default()
        };
        assert_eq!(year_of_form(&[&alone], &[]), Some(2025));
        assert_eq!(year_of_form(&[], &[&alone]), None);
        let letter = Row {
            cells: vec!["县卫生健康局：现将你单位2026年项目支出绩效目标批复如下。".to_string()],
            ..Row::default()
        };
        assert_eq!(approval_sentence_year(&[&letter]), Some(2026));
        let two = Row {
            cells: vec!["根据2025年决算，现将2026年绩效目标批复如下".to_string()],
            ..Row::default()
        };
        assert_eq!(approval_sentence_year(&[&two]), None);
    }

    #[test]
    fn a_department_line_ends_before_the_next_field() {
        let cut = |t: &str| {
            split_label_line(&crate::layout::structured::prose_row(t.to_string()))
                .map(|r| r.cells)
                .unwrap_or_default()
        };
        assert_eq!(
            cut("部门名称：某县交通运输局　　　　金额单位：万元"),
            vec!["部门名称：", "某县交通运输局", "金额单位：万元"]
        );
        assert_eq!(
            cut("部门（单位）名称：某县交通运输局（盖章） 填报日期：2026年1月5日"),
            vec![
                "部门（单位）名称：",
                "某县交通运输局",
                "填报日期：2026年1月5日"
            ]
        );
        assert_eq!(
            cut("部门名称：潜江市民政局（公章）\u{3000}\u{3000}2026年1月8日"),
            vec!["部门名称：", "潜江市民政局", "2026年1月8日"]
        );
        // Goals keep their text whole.
        assert_eq!(
            cut("年度总体目标：目标1：甲 目标2：乙"),
            vec!["年度总体目标：", "目标1：甲 目标2：乙"]
        );
    }

    #[test]
    fn fields_beside_the_department() {
        let f = |cells: &[&str]| {
            let cells: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            department_fields(&cells)
        };
        let seed = f(&["部门（单位）名称", "鄂州市数据局", "", ""]);
        assert_eq!(seed.name.as_deref(), Some("鄂州市数据局"));
        assert_eq!((seed.code, seed.unread.len()), (None, 0));
        let stamped = f(&["部门（单位）名称", "潜江市民政局（盖章）"]);
        assert_eq!(stamped.name.as_deref(), Some("潜江市民政局"));
        let coded = f(&["部门名称", "郧西县教育局", "单位编码", "305001"]);
        assert_eq!(coded.name.as_deref(), Some("郧西县教育局"));
        assert_eq!(coded.code.as_deref(), Some("305001"));
        let one_cell = f(&[
            "部门名称：",
            "郧西县卫生健康局\u{3000}\u{3000}单位编码：306001",
        ]);
        assert_eq!(one_cell.name.as_deref(), Some("郧西县卫生健康局"));
        assert_eq!(one_cell.code.as_deref(), Some("306001"));
        let other = f(&[
            "部门名称",
            "某局",
            "统一社会信用代码",
            "11420322011234567X",
            "年度",
            "2025",
        ]);
        // (Reported as printed: which text labels which is not known.)
        assert_eq!(other.unread, vec!["统一社会信用代码", "11420322011234567X"]);
        let unit = f(&["部门名称：", "某局", "单位：万元"]);
        assert_eq!((unit.unit.as_deref(), unit.unread.len()), (Some("万元"), 0));
    }

    #[test]
    fn forms_under_one_heading_share_its_title_and_year() {
        let part = |title: Option<&str>, year: Option<i32>| {
            let mut content = Content {
                title: title.map(String::from),
                year,
                ..Content::default()
            };
            if title.is_none() {
                content.warnings = vec![
                    Warning::new("missing_title", "no title row"),
                    Warning::new("missing_field", NO_YEAR),
                ];
            }
            Part {
                content,
                pages: None,
                sheet: None,
            }
        };
        let mut parts = vec![
            part(Some("2025年度项目支出绩效目标表"), Some(2025)),
            part(None, None),
            part(None, None),
            part(Some("2024年某项目绩效目标表"), Some(2024)),
            part(None, None),
        ];
        inherit_heading(&mut parts);
        let got: Vec<_> = parts
            .iter()
            .map(|p| (p.content.year, p.content.warnings.len()))
            .collect();
        // The year only; its missing title is still said. A project's own
        // title heads no form after it: the form after it takes its year,
        // and says so instead of saying it has none.
        assert_eq!(
            got,
            vec![
                (Some(2025), 0),
                (Some(2025), 1),
                (Some(2025), 1),
                (Some(2024), 0),
                (Some(2024), 2)
            ]
        );
        assert_eq!(parts[1].content.title, None);
        let codes: Vec<&str> = parts[4]
            .content
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect();
        assert_eq!(codes, ["missing_title", "year_inferred"]);
        // A project's own title is no heading of the forms after it.
        let mut parts = vec![
            part(Some("2025年道路养护项目绩效目标表"), Some(2025)),
            part(None, None),
        ];
        inherit_heading(&mut parts);
        assert_eq!(parts[1].content.year, Some(2025));
        assert!(parts[1]
            .content
            .warnings
            .iter()
            .any(|w| w.code == "year_inferred"));
        // A page's heading over one form per project.
        for heading in [
            "某市某区2025年项目支出绩效目标批复",
            "某县关于2025年度项目支出绩效目标的公示",
        ] {
            let mut parts = vec![part(Some(heading), Some(2025)), part(None, None)];
            inherit_heading(&mut parts);
            assert_eq!(parts[1].content.year, Some(2025), "{heading}");
        }
    }

    #[test]
    fn numbered_headings_over_parts_of_the_form() {
        assert!(is_part_heading("一、部门基本情况"));
        assert!(is_part_heading("（二）项目资金情况："));
        assert!(!is_part_heading("一、宜都市统计局"));
        assert!(!is_part_heading("1、部门基本情况"));
        assert!(!is_part_heading("一、本局内设5个科室，编制30人的基本情况"));
    }

    #[test]
    fn opinions_under_the_form() {
        let rows = table(&[
            "财政部门审核意见||同意。",
            "主管部门审核意见||财政部门审核意见|",
            "财政部门意见|（单位公章） 年　月　日",
            "填报人|张三",
        ]);
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(
            footer_opinions(&refs),
            [("财政部门审核意见".to_string(), "同意。".to_string())]
        );
    }

    #[test]
    fn a_heading_over_numbered_forms_is_none_of_their_titles() {
        let part = |title: Option<&str>| Part {
            content: Content {
                title: title.map(String::from),
                year: Some(2025),
                kind: Some(Kind::Project),
                ..Content::default()
            },
            pages: None,
            sheet: None,
        };
        let codes = |p: &Part| -> Vec<String> {
            p.content.warnings.iter().map(|w| w.code.clone()).collect()
        };
        // `（一）…`, `（二）…` under the heading: the first's title is null
        // as the second's is.
        let mut parts = vec![part(Some("2025年度项目支出绩效目标表")), part(None)];
        untitle_shared_heading(&mut parts, &[true, true]);
        assert_eq!(parts[0].content.title, None);
        assert_eq!(codes(&parts[0]), ["missing_title"]);
        assert_eq!(parts[0].content.year, Some(2025));
        // A title right over the first form stays its own.
        let mut parts = vec![part(Some("2025年度项目支出绩效目标表")), part(None)];
        untitle_shared_heading(&mut parts, &[false, false]);
        assert!(parts[0].content.title.is_some());
        // So does a project's own title, and a title over forms of another
        // kind.
        let mut parts = vec![part(Some("2025年道路养护项目绩效目标表")), part(None)];
        untitle_shared_heading(&mut parts, &[true, true]);
        assert!(parts[0].content.title.is_some());
        let mut parts = vec![part(Some("2025年部门整体绩效目标表")), part(None)];
        parts[0].content.kind = Some(Kind::DepartmentOverall);
        untitle_shared_heading(&mut parts, &[true, true]);
        assert!(parts[0].content.title.is_some());
        assert!(heads_forms("2026年度部门整体及项目支出绩效目标表"));
        assert!(heads_forms("2025年度项目支出绩效目标批复表"));
    }

    #[test]
    fn numbered_lines_that_open_a_form() {
        let line = |t: &str| opens_with_number(&table(&[t]));
        assert!(line("（二）法律援助"));
        assert!(line("附件2"));
        assert!(line("附表 三："));
        assert!(!line("附件：2025年度项目支出绩效目标表"));
        assert!(!line("项目名称||法律援助"));
    }

    #[test]
    fn goals_side_by_side_under_their_labels() {
        let rows = table(&[
            "中长期目标（2025-2027年）||年度目标",
            "1.示范创建通过验收；2.平台覆盖率100%||1.办理案件800件",
        ]);
        let refs: Vec<&Row> = rows.iter().collect();
        let blocks = side_by_side_goals(&refs, false).unwrap();
        let got: Vec<(Section, &str)> = blocks.iter().map(|(s, _, t)| (*s, t.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (
                    Section::LongTermGoals,
                    "1.示范创建通过验收；2.平台覆盖率100%"
                ),
                (Section::AnnualGoals, "1.办理案件800件"),
            ]
        );
        // One label beside its text is no side-by-side block.
        let single = [Row {
            cells: vec!["年度目标".into(), "完成任务".into()],
            ..Row::default()
        }];
        let one: Vec<&Row> = single.iter().collect();
        assert!(side_by_side_goals(&one, false).is_none());
    }

    #[test]
    fn a_table_of_indicators_without_levels() {
        let c = read_table(&[
            "2026年某局部门整体绩效目标",
            "年度绩效目标|按时完成统计调查",
            "指标名称|指标值|指标值说明",
            "统计调查任务完成数|≥35项|国家下达的任务",
            "统计违法案件数|0起|",
        ]);
        assert_eq!(c.annual_goals, vec!["按时完成统计调查"]);
        let got: Vec<_> = c
            .indicators
            .iter()
            .map(|i| (i.level1.clone(), i.level3.clone(), i.target.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    None,
                    Some("统计调查任务完成数".into()),
                    Some("≥35项".into())
                ),
                (None, Some("统计违法案件数".into()), Some("0起".into())),
            ]
        );
        assert_eq!(
            c.indicators[0].explanation.as_deref(),
            Some("国家下达的任务")
        );
    }

    #[test]
    fn a_batchs_heading_is_no_forms_text() {
        assert!(is_letter_boilerplate(
            "2025年部门整体支出绩效目标批复表（第二批）"
        ));
        assert!(is_letter_boilerplate("2026年项目支出绩效目标表(第1批)"));
        // A form's own title with a year in brackets is a title.
        assert!(!is_batch_heading("项目支出绩效目标表（2026年度）"));
    }

    #[test]
    fn a_target_without_a_name_is_said() {
        let rows = table(&[
            "部门（单位）名称|某县统计局",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|普查对象数量|≥5000户",
            "产出指标|质量指标||≥98%",
        ]);
        let c = reconstruct(&Layout {
            rows,
            hard_breaks: true,
            ..Layout::default()
        });
        assert_eq!(c.indicators.len(), 2);
        let said: Vec<(&str, Option<u32>)> = c
            .warnings
            .iter()
            .filter(|w| w.seq.is_some())
            .map(|w| (w.code.as_str(), w.seq))
            .collect();
        assert_eq!(said, [("missing_cell", Some(2))]);
    }

    #[test]
    fn attachment_captions_and_the_pages_a_warning_concerns() {
        for t in ["附件2", "附件 3：", "附表一", "附件1-2"] {
            assert!(is_attachment_caption(t), "{t}");
        }
        for t in [
            "附件",
            "附件：某局绩效目标表",
            "附件2.某局绩效目标表",
            "附件乡镇",
        ] {
            assert!(!is_attachment_caption(t), "{t}");
        }
        assert!(on_pages(Some(5), Some([5, 6])) && on_pages(None, Some([1, 2])));
        assert!(!on_pages(Some(5), Some([2, 4])));
        assert!(on_pages(Some(5), None));
    }

    #[test]
    fn list_items_are_no_headings() {
        // Goal lines that name a label's word stay goals; an unknown
        // numbered heading and the letter's signature end them.
        let c = reconstruct(&Layout {
            rows: prose(&[
                "某县财政局关于批复县交通运输局2026年部门整体绩效目标的通知",
                "年度总体目标：",
                "1.加强预算资金管理；",
                "2.切实履行行业监管职责",
                "三、有关要求",
                "请你单位严格按照批复的绩效目标组织实施。",
                "某县财政局",
                "2026年1月10日",
            ]),
            ..Layout::default()
        });
        assert_eq!(
            c.annual_goals,
            vec!["加强预算资金管理", "切实履行行业监管职责"]
        );
        assert!(c.functions.is_empty() && c.funding.rows.is_empty());
        let reported: Vec<&str> = c
            .warnings
            .iter()
            .filter(|w| w.code == "unknown_section")
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(reported.len(), 2, "{reported:?}");
    }

    #[test]
    fn a_wrapped_item_continues_on_a_line_of_its_own() {
        // A hard return inside a cell: the rest of the text starts a line of
        // its own, with the row's empty cells after it. It names a budget
        // and a duty, and is still the item's continuation.
        let c = read_table(&[
            "2026年部门整体绩效目标表",
            "部门名称|某局",
            "部门职能概述|(一) 负责全市数据工作，编制||",
            "年度资金预算。 (二) 切实履行监管职责||",
            "年度目标|1.完成建设|",
        ]);
        assert_eq!(
            c.functions,
            vec!["负责全市数据工作，编制年度资金预算。", "切实履行监管职责"]
        );
        assert!(c.funding.rows.is_empty());
        assert_eq!(c.annual_goals, vec!["完成建设"]);
    }

    #[test]
    fn a_note_after_a_table_is_not_its_goal() {
        let span = |l, r| crate::layout::Span {
            left: l,
            right: r,
            continued: false,
        };
        let mut rows = table(&["2026年某局部门整体绩效目标表", "部门名称|某局"]);
        rows.push(Row {
            cells: vec!["年度目标".into(), "1.预报准确率达到88%。".into()],
            spans: Some(vec![span(0, 100), span(100, 400)]),
            ..Row::default()
        });
        // A paragraph under the table: no positions.
        rows.extend(prose(&["注：年度目标以批准的预算为准。"]));
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(c.annual_goals, vec!["预报准确率达到88%。"]);
        assert!(c.warnings.iter().any(|w| w.code == "unknown_section"));
    }

    #[test]
    fn a_title_with_its_unit_beside_it() {
        let c = read_table(&[
            "2025年某局部门整体绩效目标表|单位：万元",
            "部门名称|某局",
            "年度目标|完成任务",
        ]);
        assert_eq!(c.title.as_deref(), Some("2025年某局部门整体绩效目标表"));
        assert_eq!(
            (c.year, c.funding.unit.as_deref()),
            (Some(2025), Some("万元"))
        );
    }

    #[test]
    fn headings_that_end_a_list() {
        let mut rows = table(&["2026年部门整体绩效目标表", "部门名称|某局"]);
        rows.extend(prose(&[
            "年度总体目标：",
            "1.完成高标准农田建设2.3万亩。",
            "部门预算（单位：万元）",
        ]));
        rows.extend(table(&["收入|金额|支出|金额", "财政拨款|100|基本支出|100"]));
        rows.extend(prose(&["部门整体支出绩效指标"]));
        rows.extend(table(&[
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|建设面积|≥2.3万亩",
        ]));
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(c.annual_goals, vec!["完成高标准农田建设2.3万亩。"]);
        assert_eq!(c.funding.unit.as_deref(), Some("万元"));
        assert_eq!(c.funding.rows.len(), 2);
        assert_eq!(c.indicators.len(), 1);
    }

    #[test]
    fn a_field_line_after_the_goals_is_not_a_goal() {
        let mut rows = table(&["2026年部门整体绩效目标表", "部门名称|某局"]);
        rows.extend(prose(&[
            "年度总体目标：",
            "1.城乡低保应保尽保；",
            "2.养老服务设施覆盖率达到90%。",
            "填报日期：2025年12月28日",
        ]));
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(
            c.annual_goals,
            vec!["城乡低保应保尽保", "养老服务设施覆盖率达到90%。"]
        );
    }

    #[test]
    fn a_table_that_is_no_approval_gives_no_funding() {
        let c = read_table(&[
            "2026年一般公共预算支出表",
            "科目名称|合计|基本支出|项目支出",
            "收入|金额|支出|金额",
            "财政拨款|100|基本支出|60",
        ]);
        assert_eq!(c.kind, Some(Kind::Unknown));
        assert!(c.funding.rows.is_empty() && c.funding.unit.is_none());
    }

    #[test]
    fn the_title_names_the_department_the_letter_addresses_in_short() {
        let full = |to: &str, title: &str| fuller_name(Some(to.into()), Some(title.into()));
        assert_eq!(
            full("县民政局", "阳新县民政局").as_deref(),
            Some("阳新县民政局")
        );
        assert_eq!(
            full("县民政局", "某县交通运输局").as_deref(),
            Some("县民政局")
        );
        assert_eq!(
            full("阳新县民政局", "阳新县民政局").as_deref(),
            Some("阳新县民政局")
        );
        assert_eq!(
            fuller_name(None, Some("某局".into())).as_deref(),
            Some("某局")
        );
    }

    #[test]
    fn a_unit_printed_over_a_title_that_opens_with_its_year() {
        let c = reconstruct(&Layout {
            rows: prose_then_table(
                &["某县农业农村局", "2025年部门整体支出绩效目标"],
                &[
                    "一级指标|二级指标|三级指标|指标值",
                    "产出指标|数量指标|培训人次|≥800人次",
                ],
            ),
            ..Layout::default()
        });
        assert_eq!(
            c.title.as_deref(),
            Some("某县农业农村局2025年部门整体支出绩效目标")
        );
        assert_eq!(c.department.as_deref(), Some("某县农业农村局"));
        assert!(c.warnings.iter().all(|w| w.code != "unknown_section"));
        assert!(!is_unit_over_title(
            "一、部门基本情况",
            "2025年部门整体支出绩效目标"
        ));
        assert!(!is_unit_over_title(
            "某县农业农村局",
            "某县2025年部门整体支出绩效目标"
        ));
    }

    #[test]
    fn numbers_beside_the_department_are_no_budget() {
        let c = read_table(&[
            "2026年部门整体绩效目标表",
            "部门名称|某县交通运输局",
            "编制人数|30",
            "实有人数|28",
        ]);
        assert!(c.funding.rows.is_empty());
        let codes: Vec<&str> = c.warnings.iter().map(|w| w.code.as_str()).collect();
        // (A form without indicator rows says so.)
        assert_eq!(
            codes,
            vec!["unknown_section", "unknown_section", "no_indicators"]
        );
    }

    #[test]
    fn a_budget_column_year_is_not_the_form_year() {
        let c = read_table(&[
            "部门整体绩效目标表",
            "部门名称|某局",
            "部门总体资金情况|总体资金情况||当年金额|占比|上年收支金额",
            "|||||2025 年",
            "|收入构成|财政拨款|100|100%|90",
        ]);
        assert_eq!(c.year, None);
        assert!(c.warnings.iter().any(|w| w.message == NO_YEAR));
    }

    #[test]
    fn a_subtotal_keeps_its_group() {
        let c = read_table(&[
            "2026年部门整体绩效目标表",
            "一级指标|二级指标|三级指标|指标值|分值",
            "产出指标|数量指标|人次|≥500|10",
            "|小计|||10",
            "|质量指标|合格率|100%|10",
        ]);
        let levels: Vec<_> = c
            .indicators
            .iter()
            .map(|i| (i.level1.clone(), i.level2.clone()))
            .collect();
        let l = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            levels,
            vec![l("产出指标", "数量指标"), l("产出指标", "质量指标")]
        );
    }

    #[test]
    fn a_total_row_is_not_an_indicator() {
        let c = read_table(&[
            "2026年部门整体绩效目标表",
            "一级指标|二级指标|三级指标|指标值|权重",
            "产出指标|数量指标|养护里程|≥120公里|40",
            "满意度指标|服务对象满意度|群众满意度|≥90%|30",
            "合计|||70",
        ]);
        let names: Vec<_> = c.indicators.iter().map(|i| i.level1.clone()).collect();
        assert_eq!(
            names,
            vec![Some("产出指标".to_string()), Some("满意度指标".to_string())]
        );
        assert!(c.warnings.iter().any(|w| w.code == "total_row"));
    }

    fn assert_sections(cases: &[(&str, Option<Section>)]) {
        for (label, want) in cases {
            assert_eq!(section_of_label(label), *want, "{label}");
        }
    }

    #[test]
    fn headings_printed_as_prose() {
        assert_sections(&[
            ("一、年度绩效目标", Some(Section::AnnualGoals)),
            ("（二）绩效指标", Some(Section::AnnualTable)),
            ("附：绩效指标", Some(Section::AnnualTable)),
            ("附件1：年度绩效指标", Some(Section::AnnualTable)),
            ("部门年度绩效目标", Some(Section::AnnualGoals)),
            ("二、部门年度绩效指标", Some(Section::AnnualTable)),
            ("部门整体支出绩效指标", Some(Section::AnnualTable)),
            ("部门整体支出绩效目标", Some(Section::EitherGoals)),
            ("中期目标（2026—2028年）", Some(Section::LongTermGoals)),
            ("一、部门职责", Some(Section::Functions)),
            ("二、机构设置", None),
            ("单位名称", Some(Section::Department)),
            ("部门", None),
        ]);
    }

    #[test]
    fn goal_labels_of_other_templates() {
        assert_sections(&[
            ("年度总体目标：", Some(Section::AnnualGoals)),
            ("本年度绩效目标", Some(Section::AnnualGoals)),
            ("当年工作目标", Some(Section::AnnualGoals)),
            ("总体目标", Some(Section::EitherGoals)),
            ("绩效目标：", Some(Section::EitherGoals)),
            // Indicator tables and form titles are no goal blocks.
            ("本年度绩效指标", Some(Section::AnnualTable)),
            ("年度绩效目标表", None),
        ]);
    }

    /// Rows of cells written `a|b|c`, positions unknown (a text dump).
    fn table(lines: &[&str]) -> Vec<Row> {
        lines
            .iter()
            .map(|l| Row {
                cells: l.split('|').map(String::from).collect(),
                ..Row::default()
            })
            .collect()
    }

    /// What [`reconstruct`] makes of rows written `a|b|c`.
    fn read_table(lines: &[&str]) -> Content {
        reconstruct(&Layout {
            rows: table(lines),
            ..Layout::default()
        })
    }

    /// Lines of text, then a table written `a|b|c`.
    fn prose_then_table(lines: &[&str], table_lines: &[&str]) -> Vec<Row> {
        let mut rows = prose(lines);
        rows.extend(table(table_lines));
        rows
    }

    fn prose(lines: &[&str]) -> Vec<Row> {
        lines
            .iter()
            .map(|l| crate::layout::structured::prose_row(l.to_string()))
            .collect()
    }

    #[test]
    fn the_same_title_over_another_years_form_is_its_title() {
        // One project's forms for two years, each under 项目支出绩效目标表
        // and its year line: the second form's title and year line went
        // with the first (title null, said as missing_title).
        let form = |year: &str, name: &str| {
            prose_then_table(
                &["项目支出绩效目标表", &format!("（{year}年度）")],
                &[
                    "项目名称|河湖长制工作项目",
                    "主管部门|龙泉市水利局",
                    "一级指标|二级指标|三级指标|指标值",
                    &format!("产出指标|数量指标|{name}|≥12次"),
                ],
            )
        };
        let mut rows = form("2025", "巡河次数");
        rows.extend(form("2026", "督查次数"));
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let read: Vec<(Option<&str>, Option<i32>, usize)> = parts
            .iter()
            .map(|p| {
                (
                    p.content.title.as_deref(),
                    p.content.year,
                    p.content.indicators.len(),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (Some("项目支出绩效目标表"), Some(2025), 1),
                (Some("项目支出绩效目标表"), Some(2026), 1)
            ]
        );
    }

    #[test]
    fn a_unit_printed_over_its_title_opens_the_form() {
        let rows = prose_then_table(
            &["某市人力资源和社会保障局", "2026年部门整体支出绩效目标表"],
            &[
                "部门名称|某市人力资源和社会保障局",
                "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|城镇新增就业人数|≥25000人",
            ],
        );
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let titles: Vec<Option<&str>> = parts.iter().map(|p| p.content.title.as_deref()).collect();
        assert_eq!(
            titles,
            vec![Some("某市人力资源和社会保障局2026年部门整体支出绩效目标表")]
        );
    }

    #[test]
    fn one_form_beside_a_notes_sheet_names_its_sheet() {
        let rows = table(&[
            "填报说明",
            "荆州市档案馆2026年部门整体绩效目标表",
            "部门（单位）名称|荆州市档案馆",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|接收进馆档案数量|≥2.5万卷",
        ]);
        let sheets = vec![(0, "填报说明".to_string()), (1, "部门整体".to_string())];
        let parts = reconstruct_all(&Layout {
            rows,
            sheets,
            ..Layout::default()
        });
        let read: Vec<(Option<&str>, Option<&str>)> = parts
            .iter()
            .map(|p| (p.content.department.as_deref(), p.sheet.as_deref()))
            .collect();
        assert_eq!(read, [(Some("荆州市档案馆"), Some("部门整体"))]);
    }

    #[test]
    fn a_label_line_is_cut_into_label_and_value() {
        let rows = prose(&[
            "部门名称：某县交通运输局",
            "年度总体目标：1.完成养护；2.保障运营",
            "长期目标：（截止2027年）",
            "长期目标：(截止2028",
            "2026年部门收支预算总表（单位：万元）",
            "年度总体目标：",
            "现将你单位绩效目标批复如下：",
        ]);
        let cut: Vec<Option<Vec<String>>> = rows
            .iter()
            .map(|r| split_label_line(r).map(|r| r.cells))
            .collect();
        assert_eq!(
            cut,
            vec![
                Some(vec!["部门名称：".into(), "某县交通运输局".into()]),
                Some(vec![
                    "年度总体目标：".into(),
                    "1.完成养护；2.保障运营".into()
                ]),
                None,
                None,
                None,
                None,
                None,
            ]
        );
        // A table's one merged row too; not a row of several cells.
        let merged = Row {
            cells: vec!["部门名称：某局".into(), String::new()],
            spans: Some(vec![crate::layout::Span::default(); 2]),
            ..Row::default()
        };
        assert_eq!(
            split_label_line(&merged).map(|r| r.cells),
            Some(vec!["部门名称：".into(), "某局".into()])
        );
        let two = Row {
            cells: vec!["部门名称：某局".into(), "单位：万元".into()],
            ..Row::default()
        };
        assert_eq!(
            split_label_line(&two).map(|r| r.cells),
            Some(vec![
                "部门名称：".into(),
                "某局".into(),
                "单位：万元".into()
            ])
        );
    }

    #[test]
    fn prose_lines_under_a_label_are_the_section_text() {
        let rows = prose(&["中长期目标（截止2027年）：", "1.甲；", "2.乙"]);
        let refs: Vec<&Row> = rows.iter().collect();
        let (label, text) = section_parts(&refs, false);
        assert_eq!(label, "中长期目标（截止2027年）：");
        assert_eq!(text, "1.甲；\n2.乙");
        // A label cut by a page break: its bracket is still open, so the
        // next one-cell row continues it.
        let rows = prose(&["长期目标：(截止2027", "年)"]);
        let refs: Vec<&Row> = rows.iter().collect();
        let (label, text) = section_parts(&refs, false);
        assert_eq!(years_in(&label), vec![2027]);
        assert_eq!(text, "");
    }

    #[test]
    fn a_continuation_mark_between_a_lists_rows_is_no_item() {
        let rows = [
            grid_row(&["部门职能概述", "（一）负责甲。（二）负责乙。"]),
            grid_row(&["续表"]),
            grid_row(&["部门职能概述", "（三）负责丙。"]),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let (_, text) = section_parts(&refs, true);
        assert_eq!(
            lists::split_items(&text),
            ["负责甲。", "负责乙。", "负责丙。"]
        );
    }

    #[test]
    fn a_letter_names_its_department_in_the_addressee_line() {
        assert_eq!(addressee("县交通运输局：").as_deref(), Some("县交通运输局"));
        assert_eq!(
            addressee("十堰市人力资源和社会保障局:").as_deref(),
            Some("十堰市人力资源和社会保障局")
        );
        assert_eq!(addressee("各有关单位："), None);
        assert_eq!(addressee("填报单位："), None);
        assert_eq!(addressee("部门名称："), None);
        assert_eq!(addressee("现将有关事项通知如下："), None);
        assert_eq!(addressee("县交通运输局"), None);
    }

    #[test]
    fn a_letter_reads_as_its_prose() {
        let rows = prose_then_table(
            &[
                "某县财政局关于批复县交通运输局2026年部门整体绩效目标的通知",
                "县交通运输局：",
                "根据有关规定，现将你单位2026年部门整体绩效目标批复如下。",
                "年度总体目标：",
                "1.完成农村公路养护里程120公里；",
                "2.保障城乡客运班线正常运营",
            ],
            &[
                "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|养护里程|≥120公里",
            ],
        );
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(c.department.as_deref(), Some("县交通运输局"));
        assert_eq!(
            c.annual_goals,
            vec!["完成农村公路养护里程120公里", "保障城乡客运班线正常运营"]
        );
        assert_eq!(c.indicators.len(), 1);
        // (The sentence that hands the approval over is no unread text.)
        assert_eq!(c.warnings, vec![]);
    }

    fn grid_row(cells: &[&str]) -> Row {
        Row {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            page: None,
            after_page_break: false,
            table_start: false,
            spans: Some(
                (0..cells.len() as i32)
                    .map(|k| Span {
                        left: k * 10,
                        right: k * 10 + 10,
                        continued: false,
                    })
                    .collect(),
            ),
        }
    }

    #[test]
    fn functions_in_ruled_rows_under_a_merged_label() {
        // A PDF grid: 部门职能概述 merged down beside one function a row.
        // The rows' texts were joined as the wrapped lines of one item.
        let under_label = |text: &str, after_page_break: bool| {
            let mut r = grid_row(&["", text]);
            if let Some(first) = r.spans.as_mut().and_then(|s| s.first_mut()) {
                first.continued = true;
            }
            r.after_page_break = after_page_break;
            r
        };
        let rows = vec![
            grid_row(&["部门（单位）名称", "宜昌市退役军人事务局"]),
            grid_row(&["部门职能概述", "负责退役军人思想政治工作"]),
            under_label("负责退役军人移交安置工作", false),
            // (Cut by a page break: the same cell, continued.)
            under_label("负责优抚对象抚恤", false),
            under_label("优待工作", true),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "接收安置退役士兵", "≥420人"]),
        ];
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(
            c.functions,
            vec![
                "负责退役军人思想政治工作",
                "负责退役军人移交安置工作",
                "负责优抚对象抚恤优待工作"
            ]
        );
    }

    #[test]
    fn a_row_of_stacked_names_and_targets_is_split() {
        let row = grid_row(&[
            "数量指标",
            "新建管网长度\n改造泵站数量",
            "≥20公里\n≥3座",
            "",
        ]);
        let rows = split_stacked(&row).expect("split");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells, ["数量指标", "新建管网长度", "≥20公里", ""]);
        assert_eq!(rows[1].cells, ["", "改造泵站数量", "≥3座", ""]);
        let continued: Vec<bool> = rows[1]
            .spans
            .as_ref()
            .unwrap()
            .iter()
            .map(|s| s.continued)
            .collect();
        assert_eq!(continued, [true, false, false, false]);
    }

    #[test]
    fn level_names_wrapped_by_hand_stay_whole_beside_stacked_rows() {
        let row = grid_row(&[
            "产出\n指标",
            "数量\n指标",
            "新建公厕数量\n改建公厕数量",
            "≥12座\n≥20座",
            "行业\n标准",
        ]);
        let rows = split_stacked(&row).expect("split");
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].cells,
            [
                "产出\n指标",
                "数量\n指标",
                "新建公厕数量",
                "≥12座",
                "行业\n标准"
            ]
        );
        assert_eq!(rows[1].cells, ["", "", "改建公厕数量", "≥20座", ""]);
        // Three rows beside a level name wrapped onto two lines.
        let row = grid_row(&[
            "可持续影响\n指标",
            "新建甲站\n新建乙站\n新建丙站",
            "≥1个\n≥2个\n≥3个",
        ]);
        assert_eq!(split_stacked(&row).map(|r| r.len()), Some(3));
        // Level names stacked one per row are split.
        let row = grid_row(&[
            "数量指标\n质量指标",
            "新建公厕数量\n验收合格率",
            "≥12座\n100%",
        ]);
        let rows = split_stacked(&row).expect("split");
        assert_eq!(rows[1].cells, ["质量指标", "验收合格率", "100%"]);
    }

    #[test]
    fn a_name_or_target_wrapped_by_hand_is_not_split() {
        // The target's second line is its unit, not a second target.
        assert!(split_stacked(&grid_row(&["教师培训\n人次", "≥2500\n人次"])).is_none());
        // A qualitative target beside a wrapped name.
        assert!(split_stacked(&grid_row(&["义务教育巩固\n率", "稳步\n提升"])).is_none());
        // One multi-line cell only.
        assert!(split_stacked(&grid_row(&["名称", "≥1个\n≥2个"])).is_none());
        // Without positions (text dumps) nothing is split.
        let mut row = grid_row(&["新建管网长度\n改造泵站数量", "≥20公里\n≥3座"]);
        row.spans = None;
        assert!(split_stacked(&row).is_none());
    }

    #[test]
    fn cell_lines() {
        assert_eq!(join_cell("年度绩效指\n标", false), "年度绩效指标");
        assert_eq!(
            join_cell("1、增长8%以\n上\n2、公共文化\n设施", false),
            "1、增长8%以上\n2、公共文化设施"
        );
        assert_eq!(join_cell("AI\nplatform", false), "AI platform");
    }

    #[test]
    fn projects_of_a_flat_table_under_one_name_are_apart() {
        // Two units' 办公设备购置, the name printed on each row.
        let rows = table(&[
            "2025年项目支出绩效目标表",
            "单位名称|项目名称|预算数（万元）|年度目标|一级指标|二级指标|三级指标|指标值",
            "甲区民政局|办公设备购置|12|更新办公设备。|产出指标|数量指标|购置台数|≥10台",
            "甲区民政局|办公设备购置|12|更新办公设备。|满意度指标|服务对象满意度|使用人员满意度|≥90%",
            "甲区文体旅局|办公设备购置|8.5|购置演出设备。|产出指标|数量指标|购置套数|≥3套",
        ]);
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let got: Vec<String> = parts
            .iter()
            .map(|p| {
                let c = &p.content;
                let amounts: Vec<Option<f64>> = c.funding.rows.iter().map(|r| r.current).collect();
                format!(
                    "{:?} {} {amounts:?} {:?}",
                    c.department,
                    c.indicators.len(),
                    c.funding.unit
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                r#"Some("甲区民政局") 2 [Some(12.0)] Some("万元")"#,
                r#"Some("甲区文体旅局") 1 [Some(8.5)] Some("万元")"#,
            ]
        );
    }

    #[test]
    fn a_letter_heading_gives_its_year_to_a_form_without_one() {
        let rows = prose_then_table(
            &[
                "关于批复2026年度部门整体绩效目标的通知",
                "县直各单位：2025年12月经县政府常务会议研究，现予批复。",
                "部门整体绩效目标表",
            ],
            &[
                "部门（单位）名称|青溪县财政局",
                "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|预算单位覆盖数|≥120家",
            ],
        );
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let years: Vec<Option<i32>> = parts.iter().map(|p| p.content.year).collect();
        assert_eq!(years, vec![Some(2026)]);
    }

    #[test]
    fn a_title_wrapped_onto_two_lines() {
        let rows = prose_then_table(
            &[
                "青川市财政局关于批复青川市气象局",
                "2026年度部门整体绩效目标的通知",
                "青川市气象局：",
            ],
            &[
                "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|预警发布次数|≥120次",
            ],
        );
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(
            c.title.as_deref(),
            Some("青川市财政局关于批复青川市气象局2026年度部门整体绩效目标的通知")
        );
        assert_eq!(c.year, Some(2026));
        assert!(
            c.warnings.iter().all(|w| w.code != "unknown_section"),
            "{:?}",
            c.warnings
        );
        assert!(!continues_title(
            "2026年部门整体绩效目标批复",
            "（2026年度）"
        ));
        assert!(!continues_title("2026年部门整体绩效目标表", "单位：万元"));
        // Wrapped across the key words, or before the line that holds them.
        for (lines, title) in [
            (
                ["临江市政务服务和大数据管理局2026年部门整体支出绩效目", "标表"],
                "临江市政务服务和大数据管理局2026年部门整体支出绩效目标表",
            ),
            (
                [
                    "江城市科学技术局高新技术企业培育及科技型中小企业创新能力",
                    "提升专项资金项目2026年度项目支出绩效目标表",
                ],
                "江城市科学技术局高新技术企业培育及科技型中小企业创新能力提升专项资金项目2026年度项目支出绩效目标表",
            ),
        ] {
            let rows = prose_then_table(
                &lines,
                &[
                    "一级指标|二级指标|三级指标|指标值",
                    "产出指标|数量指标|预警发布次数|≥120次",
                ],
            );
            let c = reconstruct(&Layout {
                rows,
                ..Layout::default()
            });
            assert_eq!(c.title.as_deref(), Some(title));
            assert_eq!(c.year, Some(2026));
            assert!(
                c.warnings.iter().all(|w| w.code != "unknown_section"),
                "{:?}",
                c.warnings
            );
        }
    }

    #[test]
    fn a_table_of_tasks() {
        let c = read_table(&[
            "部门（单位）名称|某区统计局",
            "年度主要任务|任务名称|主要内容",
            "|第五次全国经济普查|完成普查数据审核、汇总和公布",
            "|常规统计调查|完成月度、季度、年度常规统计报表",
            "年度总体目标|全面完成年度统计调查任务。",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|入户登记数|≥3200户",
        ]);
        assert_eq!(
            c.annual_tasks,
            vec![
                "第五次全国经济普查：完成普查数据审核、汇总和公布",
                "常规统计调查：完成月度、季度、年度常规统计报表"
            ]
        );
        // With their amounts, under their headers.
        let c = read_table(&[
            "部门（单位）名称|某区统计局",
            "填报单位：某区统计局　　金额单位：万元",
            "年度主要任务|任务名称|主要内容|预算金额",
            "|常规统计调查|完成常规统计报表|310.00",
            "年度总体目标|全面完成年度统计调查任务。",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|入户登记数|≥3200户",
        ]);
        assert_eq!(
            c.annual_tasks,
            vec!["常规统计调查：完成常规统计报表（预算金额：310.00）"]
        );
        // A unit in the amount's header, a 序号 column and a total row.
        let c = read_table(&[
            "部门（单位）名称|某区文旅局",
            "年度主要任务|序号|任务名称|主要内容|预算金额（万元）",
            "|1|公共文化服务|送戏下乡200场|310.00",
            "|2|文旅市场监管|开展执法检查|45.00",
            "|合计|||355.00",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|送戏下乡场次|≥200场",
        ]);
        assert_eq!(
            c.annual_tasks,
            vec![
                "公共文化服务：送戏下乡200场（预算金额（万元）：310.00）",
                "文旅市场监管：开展执法检查（预算金额（万元）：45.00）"
            ]
        );
        // The amounts under a second header row (预算金额 over 总额 |
        // 财政拨款 | 其他资金) are named by it.
        let c = read_table(&[
            "部门（单位）名称|某区市场监管局",
            "年度主要任务|任务名称|主要内容|预算金额（万元）||",
            "|||总额|财政拨款|其他资金",
            "|食品安全抽检|完成抽检1200批次|300|280|20",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|抽检批次|≥1200批次",
        ]);
        assert_eq!(
            c.annual_tasks,
            vec!["食品安全抽检：完成抽检1200批次（总额：300，财政拨款：280，其他资金：20）"]
        );
    }

    #[test]
    fn a_unit_among_the_fields_of_a_line_above_the_form() {
        let c = read_table(&[
            "2025年部门整体支出绩效目标表",
            "填报单位：某区统计局　　　　金额单位：万元",
            "部门（单位）名称|某区统计局",
            "年度预算申请|资金总额|财政拨款",
            "|120.00|120.00",
            "年度总体目标|全面完成年度统计调查任务。",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|入户登记数|≥3200户",
        ]);
        assert_eq!(c.funding.unit.as_deref(), Some("万元"));
    }

    #[test]
    fn a_self_evaluation_is_no_approval() {
        let c = read_table(&[
            "2024年度部门整体支出绩效自评表",
            "部门（单位）名称|某县卫生健康局",
            "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因分析",
            "产出指标|数量指标|家庭医生签约人数|≥3000人|3120人|10|10|无",
        ]);
        assert_eq!(c.kind, Some(Kind::Unknown));
        assert_eq!(
            c.warnings.first().map(|w| w.code.as_str()),
            Some("unrecognized_document")
        );
    }

    #[test]
    fn a_title_with_nothing_under_it_is_no_approval() {
        // The 相关文章 list under an approval: other approvals' titles.
        let mut rows = prose_then_table(
            &["利川市水利和湖泊局2026年部门整体绩效目标批复"],
            &[
                "部门（单位）名称|利川市水利和湖泊局",
                "一级指标|二级指标|三级指标|指标值",
                "产出指标|数量指标|小型水库除险加固数量|12座",
            ],
        );
        rows.extend(prose(&[
            "利川市民政局2026年部门整体绩效目标批复",
            "利川市教育局2026年部门整体绩效目标批复",
        ]));
        let parts = reconstruct_all(&Layout {
            rows,
            hard_breaks: true,
            ..Layout::default()
        });
        assert_eq!(parts.len(), 1);
        let c = &parts[0].content;
        assert_eq!(c.department.as_deref(), Some("利川市水利和湖泊局"));
        assert_eq!(c.indicators.len(), 1);
        let said: Vec<&str> = c
            .warnings
            .iter()
            .filter(|w| w.code == "unknown_section")
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(said[0].contains("利川市民政局"), "{said:?}");
    }

    #[test]
    fn a_workbooks_cover_sheet_is_no_approval() {
        // Cell positions, as a worksheet's grid gives them.
        let grid = |lines: &[&str]| -> Vec<Row> {
            lines
                .iter()
                .map(|l| grid_row(&l.split('|').collect::<Vec<_>>()))
                .collect()
        };
        let mut rows = grid(&[
            "咸丰县市场监督管理局",
            "2025年部门整体绩效目标",
            "咸丰县财政局　编",
        ]);
        let form_start = rows.len();
        rows.extend(grid(&[
            "2025年部门整体绩效目标表",
            "部门（单位）名称|咸丰县市场监督管理局",
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|食品抽检批次|≥1200批次",
        ]));
        let parts = reconstruct_all(&Layout {
            rows,
            sheets: vec![(0, "封面".into()), (form_start, "绩效目标表".into())],
            hard_breaks: true,
            ..Layout::default()
        });
        assert_eq!(parts.len(), 1);
        let c = &parts[0].content;
        assert_eq!(c.indicators.len(), 1);
        assert!(
            c.warnings
                .iter()
                .any(|w| w.code == "unknown_section" && w.message.contains("咸丰县财政局")),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn hard_line_breaks_keep_paragraphs_apart() {
        let cases = [
            // Two paragraphs of running text, with or without a full stop.
            (
                "完成全县经济普查数据采集工作\n提升统计数据质量和服务水平",
                "完成全县经济普查数据采集工作\u{2029}提升统计数据质量和服务水平",
            ),
            (
                "加强数据共享；\n完善制度。",
                "加强数据共享；\u{2029}完善制度。",
            ),
            // A list item keeps its line break.
            ("1.完成培训\n2.满意度90%", "1.完成培训\n2.满意度90%"),
            // A short line broken by hand: a label wrapped to fit its
            // column, or an item of a list one a line; the reader decides.
            ("指标值确定\n依据", "指标值确定\u{2028}依据"),
            ("培训场次\n培训人次", "培训场次\u{2028}培训人次"),
            // Cut inside a phrase.
            (
                "提升统计数据质量和服务水平，\n完善统计制度建设",
                "提升统计数据质量和服务水平，完善统计制度建设",
            ),
            (
                "提升统计数据质量和服务\n（含统计执法检查）",
                "提升统计数据质量和服务（含统计执法检查）",
            ),
        ];
        for (cell, want) in cases {
            assert_eq!(join_cell(cell, true), want, "{cell:?}");
        }
        // As a field's text, one; as a list without enumerators, items.
        let cell = join_cell("指标值确定\n依据", true);
        assert_eq!(clean_text(&cell).as_deref(), Some("指标值确定依据"));
        let cell = join_cell("建设高标准农田\n发展特色产业\n培训高素质农民", true);
        assert_eq!(
            lists::split_items(&cell),
            ["建设高标准农田", "发展特色产业", "培训高素质农民"]
        );
        // In a numbered list, a wrap.
        let cell = join_cell("1、建设数据\n中心\n2、培训人员", true);
        assert_eq!(lists::split_items(&cell), ["建设数据中心", "培训人员"]);
    }

    #[test]
    fn goal_paragraphs_of_a_structured_file_are_items() {
        // A goals cell of <p> paragraphs without numbers, and a label line
        // with the goals as paragraphs under it (a DOCX department form).
        let mut rows = table(&[
            "部门（单位）名称|某县统计局",
            "年度总体目标|完成全县经济普查数据采集工作\n提升统计数据质量和服务水平",
        ]);
        rows.extend(prose(&[
            "中长期目标：",
            "建成统计数据共享平台",
            "统计执法检查全覆盖",
        ]));
        rows.extend(table(&[
            "一级指标|二级指标|三级指标|指标值",
            "产出指标|数量指标|普查对象数量|≥5000户",
        ]));
        let hard = reconstruct(&Layout {
            rows: rows.clone(),
            hard_breaks: true,
            ..Layout::default()
        });
        assert_eq!(
            hard.annual_goals,
            vec!["完成全县经济普查数据采集工作", "提升统计数据质量和服务水平"]
        );
        assert_eq!(
            hard.long_term_goals,
            vec!["建成统计数据共享平台", "统计执法检查全覆盖"]
        );
        // The same rows from a printed page are wrapped lines of one text.
        let soft = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(
            soft.annual_goals,
            vec!["完成全县经济普查数据采集工作提升统计数据质量和服务水平"]
        );
        assert_eq!(
            soft.long_term_goals,
            vec!["建成统计数据共享平台统计执法检查全覆盖"]
        );
    }

    #[test]
    fn an_attachment_label_is_not_part_of_the_title() {
        for (printed, title) in [
            (
                "附件：远安县发展和改革局2025年度部门整体支出绩效目标表",
                "远安县发展和改革局2025年度部门整体支出绩效目标表",
            ),
            (
                "附件2：2025年度项目支出绩效目标表",
                "2025年度项目支出绩效目标表",
            ),
            (
                "附表1 某县水利局2026年部门整体绩效目标表",
                "某县水利局2026年部门整体绩效目标表",
            ),
            (
                "附件1:某县水利局2026年部门整体绩效目标表",
                "某县水利局2026年部门整体绩效目标表",
            ),
            (
                "附件管理系统2026年运维项目绩效目标表",
                "附件管理系统2026年运维项目绩效目标表",
            ),
            ("附件：表", "附件：表"),
            // A year right after the number, past blanks or none: no part
            // of it (the title lost its year).
            (
                "附件1  2026年度项目支出绩效目标表",
                "2026年度项目支出绩效目标表",
            ),
            (
                "附件12026年度项目支出绩效目标表",
                "2026年度项目支出绩效目标表",
            ),
            (
                "附件1-2 2025年度项目支出绩效目标表",
                "2025年度项目支出绩效目标表",
            ),
            (
                "附件 2026年度项目支出绩效目标表",
                "2026年度项目支出绩效目标表",
            ),
        ] {
            assert_eq!(without_attachment_label(printed), title, "{printed}");
        }
    }

    #[test]
    fn organisations_under_a_batchs_numbers() {
        assert_eq!(
            numbered_organisation("（二）某区统计局"),
            Some("某区统计局")
        );
        assert_eq!(
            numbered_organisation("三、某县人民法院"),
            Some("某县人民法院")
        );
        // Not a heading of a form's section, nor an item.
        assert_eq!(numbered_organisation("（一）部门职能"), None);
        assert_eq!(numbered_organisation("二、年度绩效目标"), None);
        assert_eq!(numbered_organisation("1、完成会议服务"), None);
        assert_eq!(numbered_organisation("某区统计局"), None);
    }

    #[test]
    fn title_department_fallback() {
        assert_eq!(
            department_from_title("鄂州市数据局2026年部门整体绩效目标批复").as_deref(),
            Some("鄂州市数据局")
        );
        assert_eq!(department_from_title("2026 年部门整体绩效目标批复"), None);
        // A year in full-width digits or Chinese numerals.
        assert_eq!(
            department_from_title("２０２４年度项目支出绩效目标批复表"),
            None
        );
        assert_eq!(
            department_from_title("某局二〇二四年度部门整体绩效目标表").as_deref(),
            Some("某局")
        );
        // Without a year.
        assert_eq!(
            department_from_title("某区科学技术和经济信息化局部门整体绩效目标表").as_deref(),
            Some("某区科学技术和经济信息化局")
        );
        assert_eq!(department_from_title("部门整体绩效目标表"), None);
        // A form numbered in a batch.
        for numbered in ["一、", "（一）", "1.", "2、"] {
            assert_eq!(
                department_from_title(&format!("{numbered}荆门市商务局2025年部门整体绩效目标表"))
                    .as_deref(),
                Some("荆门市商务局")
            );
        }
        assert_eq!(
            department_from_title("青溪县2026年项目支出绩效目标批复表"),
            None
        );
        // The form's own name before a bracketed year (read as the
        // department 项目支出, silently).
        for title in [
            "项目支出绩效目标表（2026年度）",
            "项目绩效目标表（2026年度）",
            "项目支出绩效目标表(2026年)",
            "部门整体支出绩效目标表（2026年度）",
        ] {
            assert_eq!(department_from_title(title), None, "{title}");
        }
        assert_eq!(
            department_from_title("某局项目支出绩效目标表（2026年度）").as_deref(),
            Some("某局")
        );
        assert_eq!(
            department_from_title("某市本级2026年部门整体绩效目标"),
            Some("某市本级".to_string())
        );
        // A letter's title: the department follows 关于 and its verb; the
        // bureau before 关于 only writes the letter.
        assert_eq!(
            department_from_title("某县财政局关于批复县交通运输局2026年部门整体绩效目标的通知")
                .as_deref(),
            Some("县交通运输局")
        );
        assert_eq!(
            department_from_title("关于县交通运输局2026年部门整体绩效目标的批复").as_deref(),
            Some("县交通运输局")
        );
        assert_eq!(
            department_from_title("某县财政局关于批复2026年部门整体绩效目标的通知"),
            None
        );
        // The form's name before the year is no part of the unit's.
        assert_eq!(
            department_from_title("某县农业农村局部门整体支出绩效目标表（2025年度）").as_deref(),
            Some("某县农业农村局")
        );
        assert_eq!(
            department_from_title("某县民政局2025年项目支出绩效目标表").as_deref(),
            Some("某县民政局")
        );
    }

    #[test]
    fn history_years_from_headers_or_assumed() {
        let mut w = Vec::new();
        assert_eq!(
            history_years(&[2024, 2025, 2024, 2025], Some(2026), 2, &mut w),
            vec![2024, 2025]
        );
        assert!(w.is_empty());
        assert_eq!(history_years(&[], Some(2026), 2, &mut w), vec![2024, 2025]);
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn history_aligned_with_the_document_years() {
        let v = |s: &str| Some(s.to_string());
        let years = column_years(&[Some(2025), Some(2023)], &[2023, 2024, 2025]);
        assert_eq!(
            align_history(&[v("b"), v("a")], &years, &[2023, 2024, 2025]),
            vec![v("a"), None, v("b")]
        );
        assert_eq!(
            column_years(&[None, None], &[2023, 2024, 2025]),
            vec![Some(2024), Some(2025)]
        );
        assert!(align_history(&[], &[], &[2024, 2025]).is_empty());
    }

    #[test]
    fn a_running_title_is_dropped_and_its_page_break_kept() {
        let row = |s: &str, brk: bool| Row {
            cells: s.split('|').map(str::to_string).collect(),
            after_page_break: brk,
            ..Row::default()
        };
        let rows = [
            row("2026 年部门整体绩效目标批复", false),
            row("|运行成本|公用经费控制", false),
            row("2026 年部门整体绩效目标批复", true),
            row("||在职人员控制", false),
        ];
        let out = without_running_titles(&rows);
        assert_eq!(out.len(), 3);
        assert!(out[2].after_page_break);
        assert_eq!(form_segments(&rows, &[], false).len(), 1);
    }

    #[test]
    fn department_codes() {
        let s = |d: &str| split_department_code(d);
        assert_eq!(
            s("[015001]鄂州市数据局"),
            (Some("015001".into()), "鄂州市数据局".into())
        );
        assert_eq!(
            s("219-鄂州市数据局"),
            (Some("219".into()), "鄂州市数据局".into())
        );
        assert_eq!(s("鄂州市数据局"), (None, "鄂州市数据局".into()));
        assert_eq!(s("2026年部门"), (None, "2026年部门".into()));
        // In round brackets, or run into the name.
        assert_eq!(
            s("（015001）宜昌市档案馆"),
            (Some("015001".into()), "宜昌市档案馆".into())
        );
        assert_eq!(
            s("015001宜昌市档案馆"),
            (Some("015001".into()), "宜昌市档案馆".into())
        );
        assert_eq!(
            s("（本级）宜昌市档案馆"),
            (None, "（本级）宜昌市档案馆".into())
        );
        assert_eq!(s("12345"), (None, "12345".into()));
    }

    #[test]
    fn a_label_cut_by_a_page_break_is_joined() {
        let on_next_page = |cells: &[&str]| Row {
            after_page_break: true,
            ..grid_row(cells)
        };
        let rows = vec![
            grid_row(&["部门职能概述", "负责全市档案工作。"]),
            grid_row(&["年\n度", "1、接收进馆档案4500卷；2、举办宣传活动\n12场。"]),
            on_next_page(&["工\n作\n任\n务", ""]),
            grid_row(&["长期目标：", "建成数字档案馆。"]),
        ];
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(c.functions, vec!["负责全市档案工作。"]);
        assert_eq!(
            c.annual_tasks,
            vec!["接收进馆档案4500卷", "举办宣传活动12场。"]
        );
        // A project's label, cut beside its value: 项目负责 | 张明 / 人 | .
        let joined = join_cut_label_rows(
            &grid_row(&["项目负责", "张明", "联系电话", "0717-1234567"]),
            &on_next_page(&["人", "", "", ""]),
        );
        assert_eq!(
            joined.cells,
            ["项目负责人", "张明", "联系电话", "0717-1234567"]
        );
        assert!(label_cut_between(
            &grid_row(&["项目负责", "张明", "联系电话", "0717-1234567"]),
            &on_next_page(&["人", "", "", ""]),
        ));
    }

    #[test]
    fn rows_after_a_page_break_are_no_cut_label_where_a_part_is_one_alone() {
        let next = Row {
            after_page_break: true,
            ..grid_row(&["财政拨款", "300"])
        };
        // (资金情况 | 财政拨款 would read as 资金情况 too.)
        assert!(!label_cut_between(&grid_row(&["资金情况", ""]), &next));
        // Not across a line of the same page.
        assert!(!label_cut_between(
            &grid_row(&["年度", "x"]),
            &grid_row(&["工作任务", ""])
        ));
        // Nor where the two parts together are no label.
        let next = Row {
            after_page_break: true,
            ..grid_row(&["数量指标", "x"])
        };
        assert!(!label_cut_between(&grid_row(&["产出指标", "y"]), &next));
    }

    /// A project's form over two pages, with a running head on the second
    /// page (`head_on_first`: on the first too).
    fn form_with_running_head(head_on_first: bool) -> Vec<Row> {
        let line = |t: &str, brk: bool| Row {
            cells: vec![t.to_string()],
            page: None,
            after_page_break: brk,
            table_start: false,
            spans: None,
        };
        let head = "附件2 项目支出绩效目标表";
        let mut rows = Vec::new();
        if head_on_first {
            rows.push(line(head, false));
        }
        rows.push(line("2026年度项目支出绩效目标批复表", false));
        rows.push(grid_row(&[
            "项目名称",
            "便民服务站建设",
            "主管部门",
            "某市政务服务局",
        ]));
        rows.push(grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]));
        rows.push(grid_row(&[
            "产出指标",
            "数量指标",
            "新建服务站数量",
            "≥36个",
        ]));
        rows.push(line(head, true));
        rows.push(grid_row(&[
            "效益指标",
            "社会效益指标",
            "群众办事就近办比例",
            "≥90%",
        ]));
        rows.push(grid_row(&[
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            "≥90%",
        ]));
        rows
    }

    #[test]
    fn a_running_head_at_the_top_of_a_page_neither_splits_nor_cuts_the_form() {
        for head_on_first in [true, false] {
            let parts = reconstruct_all(&Layout {
                rows: form_with_running_head(head_on_first),
                ..Layout::default()
            });
            assert_eq!(parts.len(), 1, "head on first page: {head_on_first}");
            let c = &parts[0].content;
            let names: Vec<&str> = c
                .indicators
                .iter()
                .filter_map(|i| i.level3.as_deref())
                .collect();
            assert_eq!(
                names,
                ["新建服务站数量", "群众办事就近办比例", "群众满意度"],
                "head on first page: {head_on_first}"
            );
            assert!(
                c.warnings.iter().all(|w| w.code != "unread_row"),
                "{:?}",
                c.warnings
            );
        }
    }

    #[test]
    fn a_department_form_then_its_projects_form_are_two_documents() {
        let line = |t: &str| crate::layout::structured::prose_row(t.to_string());
        let rows = vec![
            line("关于批复蕲春县卫生健康局2026年绩效目标的通知"),
            grid_row(&["部门名称", "蕲春县卫生健康局"]),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "家庭医生签约人数", "≥5万人"]),
            line("二、项目支出绩效目标"),
            grid_row(&["项目名称", "基本公共卫生服务"]),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "居民电子健康档案建档率", "≥90%"]),
        ];
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let kinds: Vec<Option<Kind>> = parts.iter().map(|p| p.content.kind).collect();
        assert_eq!(kinds, [Some(Kind::DepartmentOverall), Some(Kind::Project)]);
        let department = |k: usize| parts[k].content.department.as_deref();
        assert_eq!(department(0), Some("蕲春县卫生健康局"));
        assert_eq!(parts[0].content.indicators.len(), 1);
        // The project's form names no department: the one above, said.
        assert_eq!(department(1), Some("蕲春县卫生健康局"));
        let codes: Vec<&str> = parts[1]
            .content
            .warnings
            .iter()
            .map(|w| w.code.as_str())
            .collect();
        assert!(codes.contains(&"department_inferred"), "{codes:?}");
        assert!(!codes.contains(&"missing_field"), "{codes:?}");
    }

    #[test]
    fn forms_after_a_summary_of_approvals_take_its_year() {
        let line = |t: &str| crate::layout::structured::prose_row(t.to_string());
        let rows = vec![
            line("2026年项目支出绩效目标批复汇总表"),
            grid_row(&["序号", "项目名称", "金额（万元）"]),
            grid_row(&["1", "口袋公园建设", "120.00"]),
            line("项目支出绩效目标表"),
            grid_row(&["项目名称", "口袋公园建设", "主管部门", "某县住建局"]),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "新建口袋公园", "≥3个"]),
        ];
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].content.year, Some(2026));
        assert!(parts[0]
            .content
            .warnings
            .iter()
            .all(|w| w.code != "missing_field"));
    }

    #[test]
    fn lines_of_fields_above_a_projects_form_are_its_own() {
        let line = |t: &str| crate::layout::structured::prose_row(t.to_string());
        let mut rows = vec![line("崇阳县2026年项目支出绩效目标批复表")];
        for (n, (name, department)) in [
            ("茶产业发展扶持", "崇阳县农业农村局"),
            ("林业有害生物防治", "崇阳县林业局"),
        ]
        .iter()
        .enumerate()
        {
            rows.push(line(&format!("项目{}：{name}", n + 1)));
            rows.push(line(&format!("主管部门：{department}")));
            rows.push(grid_row(&["项目名称", name]));
            rows.push(grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]));
            rows.push(grid_row(&["产出指标", "数量指标", "完成面积", "≥3000亩"]));
        }
        let parts = reconstruct_all(&Layout {
            rows,
            ..Layout::default()
        });
        let departments: Vec<Option<&str>> = parts
            .iter()
            .map(|p| p.content.department.as_deref())
            .collect();
        assert_eq!(
            departments,
            [Some("崇阳县农业农村局"), Some("崇阳县林业局")]
        );
        assert!(parts[0]
            .content
            .warnings
            .iter()
            .all(|w| w.code != "unread_row"));
    }

    #[test]
    fn letter_boilerplate() {
        for t in [
            "经审核，现将你单位2026年项目支出绩效目标批复如下，请认真执行。",
            "现将2026年度部门整体绩效目标批复如下：",
            "二、项目支出绩效目标",
            "（一）部门整体支出绩效目标表",
            "2. 项目支出绩效目标：",
            "附件：2026年度部门整体支出绩效目标表",
            "附件2：某局2026年项目支出绩效目标表",
            "2.县农业农村局部门整体支出绩效目标表",
            "（二）某县林业局2026年项目支出绩效目标批复",
            "嘉鱼县财政局",
            "2026年2月10日",
        ] {
            assert!(is_letter_boilerplate(t), "{t}");
        }
        for t in [
            "请加强绩效运行监控，确保绩效目标如期实现。",
            "（二）非物质文化遗产保护",
            "二、某县林业局",
            "2026年项目支出绩效目标表",
            "一、",
            "附件：项目申报书",
            "嘉鱼县自然资源和规划局",
        ] {
            assert!(!is_letter_boilerplate(t), "{t}");
        }
    }

    #[test]
    fn a_numbered_heading_naming_the_project_is_no_unread_text() {
        for heading in ["（二）非物质文化遗产保护", "（一）非物质文化遗产保护项目"]
        {
            assert_eq!(numbered_heading_warnings(heading), Vec::<String>::new());
        }
        // A numbered line that names something else is said.
        assert_eq!(
            numbered_heading_warnings("（二）另见附表"),
            ["unplaced_cell"]
        );
    }

    #[test]
    fn a_letters_sentence_ending_on_pifu_is_no_title() {
        // The body's first line ended on 批复 (…绩效目标批复如下，请严格
        // 按照批复): it was taken for a second form's title, and the form's
        // own title above it was lost (title null, said as unread text).
        let line = |t: &str| crate::layout::structured::prose_row(t.to_string());
        let rows = vec![
            line("南浦区民政局2026年度部门整体支出绩效目标表"),
            line("根据预算管理有关规定，现将你单位本年度部门整体支出绩效目标批复如下，请严格按照批复"),
            line("的绩效目标组织实施并开展绩效监控。"),
            grid_row(&["部门（单位）名称", "南浦区民政局"]),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "临时救助人次", "≥300人次"]),
        ];
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(
            c.title.as_deref(),
            Some("南浦区民政局2026年度部门整体支出绩效目标表")
        );
        assert!(!is_form_title(
            "根据预算管理有关规定，现将你单位本年度部门整体支出绩效目标批复如下，请严格按照批复"
        ));
    }

    fn numbered_heading_warnings(heading: &str) -> Vec<String> {
        let line = |t: &str| crate::layout::structured::prose_row(t.to_string());
        let rows = vec![
            line(heading),
            grid_row(&["项目名称", "非物质文化遗产保护"]),
            grid_row(&["主管部门", "钟祥市文化和旅游局"]),
            grid_row(&["一级指标", "二级指标", "三级指标", "指标值"]),
            grid_row(&["产出指标", "数量指标", "非遗传承人培训人次", "≥150人次"]),
        ];
        let c = reconstruct(&Layout {
            rows,
            ..Layout::default()
        });
        assert_eq!(c.kind, Some(Kind::Project));
        c.warnings
            .into_iter()
            .map(|w| w.code)
            .filter(|c| c == "unplaced_cell")
            .collect()
    }
}
