//! The funding table (部门总体资金情况): 收入构成 and 支出构成 rows.
//!
//! Each row is read relative to its item cell (the first text that is not a
//! section label or a number): the four cells after it are 当年金额, 占比 and
//! the two history years. That survives a row shifted as a whole.

use crate::layout::trim;
use std::sync::LazyLock;

use regex::Regex;

use crate::layout::{Row, Span};
use crate::model::{FundingRow, FundingSection, Warning};

use super::values::{clean_text, parse_amount, parse_number, squash, year_cell};

#[derive(Debug, Default)]
pub struct FundingResult {
    pub unit: Option<String>,
    pub rows: Vec<FundingRow>,
    pub header_years: Vec<i32>,
    pub warnings: Vec<Warning>,
}

impl FundingResult {
    /// The rows of labels over amounts, and a warning for the texts under
    /// no label beside them.
    fn take_pairs(
        &mut self,
        (rows, unlabelled): (Vec<FundingRow>, Vec<String>),
        page: Option<u32>,
    ) {
        let section = rows.first().map_or(FundingSection::Income, |r| r.section);
        self.rows.extend(rows);
        if !unlabelled.is_empty() {
            self.warnings.push(Warning {
                code: "unplaced_cell".to_string(),
                message: format!(
                    "text under no label beside the amounts, not read: {}",
                    unlabelled.join(" | ")
                ),
                table: Some(section.as_str().to_string()),
                seq: None,
                page,
            });
        }
    }
}

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"单位\s*[：:]\s*(万元|千元|百万元|亿元|元)|[（(]\s*(万元|元|千元|亿元)\s*[)）]")
        .unwrap()
});

/// The money units amounts are printed in, 元 last (万元 ends with it).
pub const MONEY_UNITS: [&str; 4] = ["万元", "千元", "亿元", "元"];

/// An amount followed by its unit (`1,236.50万元`, `1,236.50\n万元`).
fn amount_with_unit(text: &str) -> Option<(f64, &'static str)> {
    let t = trim(text);
    MONEY_UNITS.into_iter().find_map(|unit| {
        let amount = t.strip_suffix(unit)?;
        Some((parse_number(amount)?, unit))
    })
}

/// The stated unit in a cell: `单位：万元`, `金额（万元）`.
pub fn unit_in(s: &str) -> Option<String> {
    let c = UNIT.captures(s)?;
    c.get(1)
        .or_else(|| c.get(2))
        .map(|m| m.as_str().to_string())
}

fn section_label(s: &str) -> Option<FundingSection> {
    let squashed = squash(s);
    // 部门收入, 按收入来源, 单位支出: the same labels, said of whose or by
    // what.
    let t = ["部门", "单位", "按"]
        .iter()
        .find_map(|p| squashed.strip_prefix(p))
        .filter(|r| r.starts_with("收入") || r.starts_with("支出"))
        .unwrap_or(&squashed);
    // (A numbered item, 收入项目3, is an item: labels carry no figure; so
    // is a section's total, 收入合计, 支出总计.)
    let total = names_total(t) || t.ends_with("小计");
    let short = t.chars().count() <= 6 && !t.chars().any(|c| c.is_ascii_digit()) && !total;
    if short && t.starts_with("收入") || t == "资金来源" {
        Some(FundingSection::Income)
    } else if short && t.starts_with("支出") || t == "资金用途" {
        Some(FundingSection::Expenditure)
    } else {
        None
    }
}

/// The block's own label printed in a row's first cell, merged down over
/// its rows (`年度预算 | 资金总额 | 3,456.70`), before the row's item: a
/// text that labels the funding block with another text after it.
fn is_block_label_before_item(cell: &str, rest: &[Option<String>]) -> bool {
    super::section_of_label(cell) == Some(super::Section::Funding)
        && rest
            .iter()
            .flatten()
            .next()
            .is_some_and(|t| parse_number(t).is_none() && unit_in(t).is_none())
}

fn is_header_cell(s: &str) -> bool {
    let t = squash(s);
    // Also as other bureaus word them: 本年金额, 预算金额, 占比（%）, 比重.
    t.contains("资金情况")
        || matches!(
            amount_column(&t),
            Some(AmountColumn::Current | AmountColumn::Share)
        )
        || t.contains("近两年")
        || t == "项目"
}

/// A budget table's header row: it opens with 收入 / 收入构成 / 支出 (the
/// section of the rows below) and names amounts (金额, 预算数, 占比) or the
/// other section.
pub fn starts_budget(row: &Row) -> bool {
    let texts: Vec<&str> = row.text_vec();
    // (Or a column of both sections' labels: 收支类别 | 项目 | 当年金额.)
    let opens = texts.first().is_some_and(|t| {
        section_label(t).is_some()
            || matches!(
                &*squash(t),
                "收支类别" | "收支项目" | "收支" | "资金类别" | "资金项目" | "类别"
            )
    });
    let heads = texts
        .iter()
        .skip(1)
        .any(|t| is_header_cell(t) || squash(t).contains("预算数") || section_label(t).is_some());
    opens && heads && texts.iter().all(|t| parse_number(t).is_none())
}

/// The section of an item printed without a 收入 / 支出 label over it:
/// an expenditure if it says 支出, else income (资金总额, 财政拨款).
fn section_of_item(item: &str) -> FundingSection {
    if item.contains("支出") {
        FundingSection::Expenditure
    } else {
        FundingSection::Income
    }
}

/// Two or more label | amount pairs one after the other (`资金总额 |
/// 2,846.32 | 其中：财政拨款 | 2,846.32`), blank cells aside; no
/// percentage among the amounts (that is a 占比 column).
fn label_amount_pairs(cells: &[Option<String>]) -> Option<Vec<(String, f64)>> {
    let texts: Vec<&str> = cells.iter().flatten().map(String::as_str).collect();
    if texts.len() < 4 || !texts.len().is_multiple_of(2) {
        return None;
    }
    texts
        .chunks(2)
        .map(|pair| match pair {
            [label, amount]
                if parse_number(label).is_none()
                    && unit_in(label).is_none()
                    && !amount.contains(['%', '％']) =>
            {
                Some((label.to_string(), parse_amount(amount)?))
            }
            _ => None,
        })
        .collect()
}

/// A funding row of an item and its amount, in a layout that prints no
/// share or history beside it.
fn amount_only(section: FundingSection, item: String, current: Option<f64>) -> FundingRow {
    FundingRow {
        section,
        item: Some(item),
        current,
        share_pct: None,
        history: Vec::new(),
        note: None,
    }
}

/// What a funding table's amount column holds, by its header.
#[derive(Debug, Clone, Copy, PartialEq)]
enum AmountColumn {
    Current,
    Share,
    Year(i32),
}

/// The years of a header's year columns, in column order.
fn years_of(header: &[(Span, AmountColumn)]) -> impl Iterator<Item = i32> + '_ {
    header.iter().filter_map(|(_, c)| match c {
        AmountColumn::Year(y) => Some(*y),
        _ => None,
    })
}

/// The year a funding column's header names: `2024年`, or a year's
/// accounts or budget (`2024年决算数`, `2025年预算数`, `2024年执行数`).
fn year_column(header: &str) -> Option<i32> {
    let t = squash(header);
    let bare = ["决算数", "预算数", "执行数", "决算", "预算", "实际数"]
        .iter()
        .find_map(|w| t.strip_suffix(w))
        .filter(|b| b.ends_with('年'))
        .unwrap_or(&t);
    year_cell(bare)
}

fn amount_column(header: &str) -> Option<AmountColumn> {
    let t = squash(header);
    if t.starts_with("占比") || t == "比重" {
        Some(AmountColumn::Share)
    } else if let Some(y) = year_column(&t) {
        Some(AmountColumn::Year(y))
    } else if t.contains("当年金额") || (t.ends_with("金额") && t.chars().count() <= 6) {
        Some(AmountColumn::Current)
    } else {
        None
    }
}

/// The amounts of a grid row (cells after its item) in the order the
/// parser reads them (当年金额, 占比, then the years, oldest first), placed
/// by the header's columns: `2024年 | 2025年 | 当年金额 | 占比` prints the
/// years first. `None` where the header does not name a column for each
/// amount, or names them in that order already.
fn by_header(
    row: &Row,
    cells: &[Option<String>],
    item_at: usize,
    header: &[(Span, AmountColumn)],
) -> Option<Vec<Option<String>>> {
    let header = &with_current_year(header);
    let years: Vec<i32> = years_of(header).collect();
    let in_order = header
        .windows(2)
        .all(|w| rank(w[0].1, &years) <= rank(w[1].1, &years));
    // (Read in order, the first year's amount would be taken for the
    // 占比 a header without one does not print.)
    let no_share = !years.is_empty() && !header.iter().any(|(_, c)| *c == AmountColumn::Share);
    if in_order && !no_share {
        return None;
    }
    let spans = row.spans.as_ref()?;
    let mut out: Vec<Option<String>> = vec![None; amount_slots(years.len())];
    for (i, c) in cells.iter().enumerate().skip(item_at + 1) {
        let Some(text) = c else { continue };
        let span = spans.get(i)?;
        let (_, col) = header
            .iter()
            .filter(|(h, _)| h.overlap(span) > 0)
            .max_by_key(|(h, _)| h.overlap(span))?;
        let slot = out.get_mut(rank(*col, &years))?;
        if slot.is_some() {
            return None;
        }
        *slot = Some(text.clone());
    }
    Some(out)
}

/// The texts of `cells` (a row's cells after its item) that are none of
/// the values read from them (`read`).
fn cells_left_out<'a>(cells: &'a [Option<String>], read: &[Option<String>]) -> Vec<&'a str> {
    cells
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|t| !read.iter().flatten().any(|r| r == t))
        .collect()
}

/// A header that names no 当年金额 column (`2024年决算数 | 2025年预算数 |
/// 2026年预算数 | 占比`, `2026年预算数 | 以前年度收支金额` over years): the
/// latest year's column holds the current amount.
fn with_current_year(header: &[(Span, AmountColumn)]) -> Vec<(Span, AmountColumn)> {
    let has = |want: AmountColumn| header.iter().any(|(_, c)| *c == want);
    let latest = years_of(header).max();
    match latest {
        Some(y) if !has(AmountColumn::Current) => header
            .iter()
            .map(|&(s, c)| {
                (
                    s,
                    if c == AmountColumn::Year(y) {
                        AmountColumn::Current
                    } else {
                        c
                    },
                )
            })
            .collect(),
        _ => header.to_vec(),
    }
}

/// One of several items a row prints with their amounts: in the table's
/// section where its rows are labelled, else its own item's; counted.
fn push_amount(
    rows: &mut Vec<FundingRow>,
    seq: &mut [u32; 4],
    section: Option<FundingSection>,
    item: String,
    amount: f64,
) {
    let sec = section.unwrap_or_else(|| section_of_item(&item));
    if let Some(n) = seq.get_mut(sec as usize) {
        *n += 1;
    }
    rows.push(amount_only(sec, item, Some(amount)));
}

/// 续表 (续上表, （续）) or a page number printed between a table's rows.
pub(super) fn is_continuation_mark(t: &str) -> bool {
    let s = squash(t);
    (s.chars().count() <= 8 && super::joins::is_continuation_word(&s))
        || crate::layout::pdf::furniture::is_page_number(t)
}

/// Where a row's item is printed in two cells, a group's name then its
/// part's, with amounts after both (`基本支出 | 人员经费 | 500.00`): the
/// part's cell. Only in a grid, where a cell's column is known, and not a
/// cell under the header's notes column.
fn part_after_group(
    row: &Row,
    cells: &[Option<String>],
    item_at: usize,
    note_column: Option<Span>,
) -> Option<usize> {
    let spans = row.spans.as_ref()?;
    let (j, part) = cells
        .iter()
        .enumerate()
        .skip(item_at + 1)
        .find_map(|(j, c)| Some((j, c.as_deref()?)))?;
    let is_label = |t: &str| {
        t.chars().any(char::is_alphabetic)
            && t.chars().count() <= 20
            && !t.contains(['，', '。', '；', ','])
            && parse_number(t).is_none()
            && amount_with_unit(t).is_none()
            && unit_in(t).is_none()
            && !MONEY_UNITS.contains(&t)
            && !t.contains(['%', '％'])
            && !names_total(&squash(t))
    };
    let under_notes = note_column.is_some_and(|n| spans.get(j).is_some_and(|s| s.overlap(&n) > 0));
    let amounts_after = cells
        .get(j + 1..)
        .unwrap_or_default()
        .iter()
        .flatten()
        .any(|t| parse_amount(t).is_some());
    let group = cells.get(item_at)?.as_deref()?;
    (is_label(part) && is_label(group) && !under_notes && amounts_after).then_some(j)
}

/// Whether a row's item at `item_at` stands right of a cell that continues
/// the group merged down from above (`group`'s column).
fn continues_group(row: &Row, item_at: usize, group: Span) -> bool {
    row.spans.as_ref().is_some_and(|spans| {
        spans
            .iter()
            .take(item_at)
            .any(|s| s.continued && s.left == group.left && s.right == group.right)
    })
}

/// The amounts a row holds: 当年金额, 占比 and a history amount per year
/// column (two at least: a header may print none, 近两年 standing for two).
fn amount_slots(years: usize) -> usize {
    2 + years.max(2)
}

/// A column's place in the parser's order (当年金额, 占比, years).
fn rank(c: AmountColumn, years: &[i32]) -> usize {
    match c {
        AmountColumn::Current => 0,
        AmountColumn::Share => 1,
        AmountColumn::Year(y) => 2 + years.iter().filter(|&&o| o < y).count(),
    }
}

/// Where a row's cell `i` stands: its column in a grid (a header cell
/// over two columns is one cell), else its index.
fn column_of(row: &Row, i: usize) -> i32 {
    row.spans
        .as_ref()
        .and_then(|s| s.get(i))
        .map_or(i as i32, |s| s.left)
}

/// Income and expenditure side by side (`收入 | 金额 | 支出 | 金额`, or
/// `收入预算` and `支出预算` over two columns each): where each half
/// starts, as [`column_of`] gives it.
fn side_by_side(row: &Row, cells: &[Option<String>]) -> Option<(i32, i32)> {
    let at = |want: FundingSection| {
        cells
            .iter()
            .position(|c| c.as_deref().and_then(section_label) == Some(want))
            .map(|i| column_of(row, i))
    };
    let (income, spending) = (
        at(FundingSection::Income)?,
        at(FundingSection::Expenditure)?,
    );
    (income < spending).then_some((income, spending))
}

/// One half of a side-by-side row: its item, the amount after it, and the
/// share after that where it is printed as one (`75.0%`).
fn item_and_amount(cells: &[Option<String>]) -> Option<(String, Option<f64>, Option<f64>)> {
    let item_at = cells
        .iter()
        .position(|c| c.as_deref().is_some_and(|t| parse_number(t).is_none()))?;
    let item = cells.get(item_at)?.clone()?;
    let mut numbers = cells
        .get(item_at + 1..)
        .unwrap_or_default()
        .iter()
        .flatten()
        .filter_map(|t| Some((parse_number(t)?, t.contains(['%', '％']))));
    let amount = numbers.next().map(|(n, _)| n);
    let share = numbers
        .next()
        .filter(|&(_, percent)| percent)
        .map(|(n, _)| n);
    Some((item, amount, share))
}

/// Amount labels over a row of amounts (`资金总额 | 财政拨款 | 其他资金`,
/// then `1,580.40 | 1,480.40 | 100.00`), beside the block's label: each
/// pair is one row, an expenditure if its label says 支出, else income.
/// Text that is no amount under a blank label (`审核人：张三` in the empty
/// column after the amounts) is returned beside the rows, to be said.
fn labels_over_amounts(labels: &Row, amounts: &Row) -> Option<(Vec<FundingRow>, Vec<String>)> {
    // (The amounts' row has nothing under the block's label: a row with
    // its own item in front is an ordinary row under a header.)
    let under_label = amounts.cells.first().is_none_or(|c| trim(c).is_empty());
    if !under_label {
        return None;
    }
    let under = amounts_under_labels(labels, amounts)?;
    let mut out = Vec::new();
    let mut unlabelled = Vec::new();
    for (l, a) in labels.cells.iter().zip(&under).skip(1) {
        let (l, a) = (clean_text(l), a.as_deref().and_then(clean_text));
        match (l, a) {
            (Some(l), Some(a)) => {
                let current = parse_amount(&a);
                if parse_number(&l).is_some() || current.is_none() {
                    return None;
                }
                out.push(amount_only(section_of_item(&l), l, current));
            }
            (None, Some(a)) if parse_amount(&a).is_none() => unlabelled.push(a),
            (None, None) => {}
            _ => return None,
        }
    }
    (!out.is_empty()).then_some((out, unlabelled))
}

/// The amount under each cell of a row of labels: the cell at the same
/// index where the rows have as many cells; in a grid, the amount whose
/// columns lie under the label (a label merged over two columns over an
/// amount in either of them). `None` where an amount stands under no
/// label, or two under one.
fn amounts_under_labels(labels: &Row, amounts: &Row) -> Option<Vec<Option<String>>> {
    if labels.cells.len() == amounts.cells.len() {
        return Some(amounts.cells.iter().cloned().map(Some).collect());
    }
    let (label_spans, amount_spans) = (labels.spans.as_ref()?, amounts.spans.as_ref()?);
    let mut under: Vec<Option<String>> = vec![None; labels.cells.len()];
    for (cell, span) in amounts.cells.iter().zip(amount_spans).skip(1) {
        if trim(cell).is_empty() {
            continue;
        }
        let (k, _) = label_spans
            .iter()
            .enumerate()
            .map(|(k, l)| (k, l.overlap(span)))
            .filter(|&(_, o)| o > 0)
            .max_by_key(|&(k, o)| (o, std::cmp::Reverse(k)))?;
        let slot = under.get_mut(k)?;
        if slot.is_some() {
            return None;
        }
        *slot = Some(cell.clone());
    }
    Some(under)
}

/// A grid row of labels with each cell that continues a label merged down
/// from the row above (`资金总额` over two rows) given that label's text;
/// `None` where the rows have no positions or no cell continues one.
fn with_labels_from_above(row: &Row, above: &Row) -> Option<Row> {
    let (spans, above_spans) = (row.spans.as_ref()?, above.spans.as_ref()?);
    if !spans.iter().any(|s| s.continued) {
        return None;
    }
    let mut filled = row.clone();
    let mut any = false;
    for ((cell, span), k) in filled.cells.iter_mut().zip(spans).zip(0..) {
        if !span.continued || !trim(cell).is_empty() || k == 0 {
            continue;
        }
        let over = above_spans
            .iter()
            .zip(&above.cells)
            .find(|(s, _)| s.left == span.left && s.right == span.right)
            .map(|(_, c)| c);
        if let Some(text) = over.filter(|t| !trim(t).is_empty()) {
            cell.clone_from(text);
            any = true;
        }
    }
    any.then_some(filled)
}

pub fn parse_funding(rows: &[&Row]) -> FundingResult {
    let mut out = FundingResult::default();
    let mut section: Option<FundingSection> = None;
    let mut seq = [0u32; 4];
    // Whether a row above printed its 占比 with `%`.
    let mut shares_in_percent = false;
    let mut halves: Option<(i32, i32)> = None;
    // A table without 收入 / 支出 labels (项目 | 预算数 | 占比): each item is
    // income unless it names 支出.
    let labelled = rows
        .iter()
        .any(|r| r.texts().any(|t| section_label(t).is_some()));
    // Rows read already with the row before them (labels over amounts).
    let mut skip = 0usize;
    // The amount columns the header rows name, where they are.
    let mut header_columns: Vec<(Span, AmountColumn)> = Vec::new();
    // Where the header names a column of notes (备注, 说明).
    let mut note_column: Option<Span> = None;
    // The group merged down over the rows' items, and where it stands.
    let mut group: Option<(String, Span)> = None;
    for (k, row) in rows.iter().enumerate() {
        for t in row.texts() {
            if out.unit.is_none() {
                out.unit = unit_in(t);
            }
        }
        if skip > 0 {
            skip -= 1;
            continue;
        }
        // 续表 over the table's continuation, a page number: no row.
        if row.texts().next().is_some() && row.texts().all(is_continuation_mark) {
            continue;
        }
        // A note under the table (`注：财政拨款含上级专项转移支付120.00万元。`)
        // is prose: its figure is no item's amount, its unit not the
        // table's.
        if super::note_line(row).is_some() {
            continue;
        }
        if let Some(pairs) = rows
            .get(k + 1)
            .and_then(|next| labels_over_amounts(row, next))
        {
            out.take_pairs(pairs, rows.get(k + 1).and_then(|r| r.page));
            skip = 1;
            continue;
        }
        // Labels in two rows over the amounts: groups (按收入性质分 over
        // 财政拨款 | 其他资金) and labels merged down over both rows
        // (资金总额).
        if let Some(pairs) = rows
            .get(k + 1)
            .zip(rows.get(k + 2))
            .and_then(|(lower, amounts)| {
                labels_over_amounts(&with_labels_from_above(lower, row)?, amounts)
            })
        {
            out.take_pairs(pairs, rows.get(k + 2).and_then(|r| r.page));
            skip = 2;
            continue;
        }
        let texts: Vec<&str> = row.text_vec();
        let mut cells: Vec<Option<String>> = row.cells.iter().map(|c| clean_text(c)).collect();
        // (A row of labels only: 收入总计 | 1,256.00 | 支出总计 | … is data.)
        let amounts = texts.iter().any(|t| parse_number(t).is_some());
        if let Some(h) = side_by_side(row, &cells).filter(|_| !amounts) {
            halves = Some(h);
            continue;
        }
        if let Some((income, spending)) = halves {
            // The halves' own header (项目 | 金额 | 项目 | 金额) is no row.
            if texts.iter().all(|t| is_header_cell(t)) {
                continue;
            }
            let half = |from: i32, to: i32| -> Vec<Option<String>> {
                cells
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| (from..to).contains(&column_of(row, *i)))
                    .map(|(_, c)| c.clone())
                    .collect()
            };
            let parts = [
                (FundingSection::Income, half(income, spending)),
                (FundingSection::Expenditure, half(spending, i32::MAX)),
            ];
            for (sec, part) in parts {
                if let Some((item, current, share)) = item_and_amount(&part) {
                    out.rows.push(FundingRow {
                        share_pct: share,
                        ..amount_only(sec, item, current)
                    });
                }
            }
            continue;
        }
        // (A row of amounts is data, whatever its first cell says: the
        // block's label printed again after a page break, 部门总体资金情况
        // | 支出构成 | 人员类项目支出 | 60.00, is no header.)
        let data = || {
            texts.iter().any(|t| {
                parse_number(t).is_some_and(|n| n.fract() != 0.0 || !(1900.0..=2100.0).contains(&n))
            })
        };
        let header_words = texts.iter().skip(1).any(|t| is_header_cell(t))
            || (texts.first().is_some_and(|t| is_header_cell(t)) && !data());
        if header_words
            || texts
                .iter()
                .all(|t| year_cell(t).is_some() || unit_in(t).is_some())
        {
            // 收入构成 | 金额 | 占比: the header names the section too.
            if let Some(sec) = texts.first().and_then(|t| section_label(t)) {
                section = Some(sec);
            }
            // A new header ends a side-by-side table above it.
            halves = None;
            out.header_years
                .extend(texts.iter().filter_map(|t| year_column(t)));
            if let Some(spans) = &row.spans {
                header_columns.extend(
                    row.cells
                        .iter()
                        .zip(spans)
                        .filter_map(|(c, s)| Some((*s, amount_column(c)?))),
                );
                header_columns.sort_by_key(|(s, _)| s.left);
                note_column = row
                    .cells
                    .iter()
                    .zip(spans)
                    .find(|(c, _)| matches!(squash(c).as_ref(), "备注" | "说明" | "备注说明"))
                    .map(|(_, s)| *s)
                    .or(note_column);
            }
            continue;
        }
        let mut item_at = None;
        for (i, c) in cells.iter().enumerate() {
            let Some(c) = c else { continue };
            if let Some(s) = section_label(c) {
                section = Some(s);
            } else if is_block_label_before_item(c, cells.get(i + 1..).unwrap_or_default()) {
                continue;
            } else if parse_number(c).is_none() && unit_in(c).is_none() {
                item_at = Some(i);
                break;
            }
        }
        // A breakdown's group in a column of its own, merged down over its
        // parts (`基本支出 | 人员经费 | 500.00`, then `| 公用经费 | 100.00`):
        // the part is the item, named under its group.
        let mut item_name = item_at.and_then(|i| cells.get(i).cloned().flatten());
        if let Some(i) = item_at {
            if !group.as_ref().is_some_and(|g| continues_group(row, i, g.1)) {
                group = None;
            }
            if let Some(j) = part_after_group(row, &cells, i, note_column) {
                let name = item_name.take().unwrap_or_default();
                let part = cells.get(j).cloned().flatten().unwrap_or_default();
                item_name = Some(format!("{name}/{part}"));
                group = row
                    .spans
                    .as_ref()
                    .and_then(|s| s.get(i))
                    .map(|s| (name, *s));
                item_at = Some(j);
            } else if let Some((g, _)) = &group {
                item_name = item_name.map(|part| format!("{g}/{part}"));
            }
        }
        let Some(item_at) = item_at else {
            if texts.iter().any(|t| parse_number(t).is_some()) {
                out.warnings.push(Warning::new(
                    "unplaced_row",
                    format!(
                        "funding row without an item name skipped: {}",
                        texts.join(" ")
                    ),
                ));
            }
            continue;
        };
        let implied = (!labelled).then(|| {
            section_of_item(
                cells
                    .get(item_at)
                    .and_then(|c| c.as_deref())
                    .unwrap_or_default(),
            )
        });
        let Some(sec) = section.or(implied) else {
            // A heading of the block (一、部门收支预算总表) holds no amount.
            if !amounts {
                continue;
            }
            out.warnings.push(Warning::new(
                "unplaced_row",
                format!(
                    "funding row before any 收入/支出 label skipped: {}",
                    texts.join(" ")
                ),
            ));
            continue;
        };
        // Amounts written out in a sentence (`资金总额：2,846.32万元　其中：
        // 财政拨款：2,800.00万元`), alone in the row: a row each.
        let item_text = cells
            .get(item_at)
            .and_then(|c| c.as_deref())
            .unwrap_or_default();
        let only_cell = cells
            .get(item_at..)
            .unwrap_or_default()
            .iter()
            .flatten()
            .count()
            == 1;
        let in_prose = if only_cell {
            super::project::amounts_in_prose(item_text)
        } else {
            Vec::new()
        };
        if !in_prose.is_empty() {
            if out.unit.is_none() {
                out.unit = in_prose.first().map(|(_, _, u)| u.clone());
            }
            for (item, amount, unit) in in_prose {
                if out.unit.as_deref() == Some(unit.as_str()) {
                    push_amount(
                        &mut out.rows,
                        &mut seq,
                        labelled.then_some(sec),
                        item,
                        amount,
                    );
                } else {
                    out.warnings.push(Warning::new(
                        "bad_number",
                        format!(
                            "{item}: {amount}{unit} is in another unit than the block's; left out"
                        ),
                    ));
                }
            }
            continue;
        }
        // Labels and amounts in turn along the row (资金总额 | 2,846.32 |
        // 其中：财政拨款 | 2,846.32): a row each, where no header names the
        // columns.
        if header_columns.is_empty() {
            if let Some(pairs) = label_amount_pairs(cells.get(item_at..).unwrap_or_default()) {
                for (item, amount) in pairs {
                    push_amount(
                        &mut out.rows,
                        &mut seq,
                        labelled.then_some(sec),
                        item,
                        amount,
                    );
                }
                continue;
            }
        }
        // The text under the header's 备注 column is the row's note.
        let note = note_column
            .zip(row.spans.as_ref())
            .and_then(|(column, spans)| {
                (item_at + 1..cells.len())
                    .find(|&i| spans.get(i).is_some_and(|s| s.overlap(&column) > 0))
            })
            .and_then(|i| cells.get_mut(i).and_then(Option::take));
        let mut after: Vec<Option<String>> = cells.get(item_at + 1..).unwrap_or_default().to_vec();
        let mut header_years = out.header_years.clone();
        header_years.sort_unstable();
        header_years.dedup();
        let slots = amount_slots(header_years.len());
        while after.len() > slots && after.last().is_some_and(Option::is_none) {
            after.pop();
        }
        let leading_empty = after.iter().take_while(|c| c.is_none()).count();
        let drop = leading_empty.min(after.len().saturating_sub(slots));
        after.drain(..drop);
        after.resize(slots, None);
        // Years printed newest first (2025年 | 2024年): history runs oldest
        // first.
        let descending =
            out.header_years.len() >= 2 && out.header_years.windows(2).all(|w| w[0] > w[1]);
        let placed = by_header(row, &cells, item_at, &header_columns);
        let by_column = placed.is_some();
        if let Some(placed) = placed {
            after = placed;
        }
        let idx = sec as usize;
        seq[idx] += 1;
        // A row one cell short whose second value is no percentage where
        // the rows above print theirs with `%`: its 占比 was left out (an
        // empty cell dropped from a text dump), the amounts after it are
        // the history.
        let has_percent = |c: &Option<String>| c.as_deref().is_some_and(|t| t.contains('%'));
        let share_left_out = shares_in_percent
            && !has_percent(&after[1])
            && after[..3].iter().all(Option::is_some)
            && after[3].is_none();
        if share_left_out {
            after.insert(1, None);
            after.truncate(slots.max(4));
            out.warnings.push(Warning {
                code: "missing_cell".to_string(),
                message: format!(
                    "{}: no 占比 cell (the amount after 当年金额 is no percentage); the amounts after it read as history",
                    cells[item_at].as_deref().unwrap_or_default()
                ),
                table: Some(sec.as_str().to_string()),
                seq: Some(seq[idx]),
                page: row.page,
            });
        }
        shares_in_percent |= has_percent(&after[1]);
        if descending && !by_column {
            if let Some(history) = after.get_mut(2..) {
                history.reverse();
            }
        }
        let mut number = |c: &Option<String>, what: &str| -> Option<f64> {
            let text = c.as_deref()?;
            let v = parse_amount(text).or_else(|| {
                // An amount printed with its unit (`1,236.50万元`), in the
                // block's unit or where the block states none.
                let (amount, unit) = amount_with_unit(text)?;
                let unit_agrees = out.unit.as_deref().is_none_or(|u| u == unit);
                if out.unit.is_none() {
                    out.unit = Some(unit.to_string());
                }
                unit_agrees.then_some(amount)
            });
            if v.is_none() {
                out.warnings.push(Warning {
                    code: "bad_number".to_string(),
                    message: format!("{what} {text:?} is not a number; null"),
                    table: Some(sec.as_str().to_string()),
                    seq: Some(seq[idx]),
                    page: row.page,
                });
            }
            v
        };
        let current = number(&after[0], "当年金额");
        let share_pct = number(&after[1], "占比");
        let history: Vec<Option<f64>> = after
            .get(2..)
            .unwrap_or_default()
            .iter()
            .map(|c| number(c, "amount"))
            .collect();
        // An item that holds figures and no amount beside it: whatever it
        // says went unread.
        if after.iter().all(Option::is_none)
            && cells[item_at]
                .as_deref()
                .is_some_and(|t| t.chars().filter(char::is_ascii_digit).count() >= 2)
        {
            out.warnings.push(Warning {
                code: "bad_number".to_string(),
                message: format!(
                    "{}: figures in the item and no amount read",
                    super::truncate(cells[item_at].as_deref().unwrap_or_default(), 40)
                ),
                table: Some(sec.as_str().to_string()),
                seq: Some(seq[idx]),
                page: row.page,
            });
        }
        // Text in columns past the amounts (a note, `经办人：李四`, in a
        // column of its own) is not read: said, not dropped.
        let left_out = cells_left_out(cells.get(item_at + 1..).unwrap_or_default(), &after);
        if !left_out.is_empty() {
            out.warnings.push(Warning {
                code: "unplaced_cell".to_string(),
                message: format!(
                    "{}: text beside the amounts, not read: {}",
                    cells[item_at].as_deref().unwrap_or_default(),
                    left_out.join(" | ")
                ),
                table: Some(sec.as_str().to_string()),
                seq: Some(seq[idx]),
                page: row.page,
            });
        }
        out.rows.push(FundingRow {
            section: sec,
            item: item_name,
            current,
            share_pct,
            history,
            note,
        });
    }
    // No history column printed: no history (not two unknown years).
    let no_history = out.header_years.is_empty()
        && out
            .rows
            .iter()
            .all(|r| r.history.iter().all(Option::is_none));
    if no_history {
        for r in &mut out.rows {
            r.history.clear();
        }
    }
    for section in [FundingSection::Income, FundingSection::Expenditure] {
        shares_in_percent_of(&mut out.rows, section);
        out.warnings.extend(total_disagrees(&out.rows, section));
        out.warnings.extend(shares_disagree(&out.rows, section));
    }
    out
}

/// A section's 占比 printed as fractions (`0.358`, the total's `1.000`):
/// in per cent, as `share_pct` is. Only where every share is at most 1
/// and the total's is 1, or the items' add up to 1.
fn shares_in_percent_of(rows: &mut [FundingRow], section: FundingSection) {
    let shares: Vec<(bool, f64)> = rows
        .iter()
        .filter(|r| r.section == section)
        .filter_map(|r| Some((is_total_row(r), r.share_pct?)))
        .collect();
    let fractions = !shares.is_empty() && shares.iter().all(|(_, s)| (0.0..=1.0).contains(s));
    let whole = |total: bool| -> f64 {
        shares
            .iter()
            .filter(|(t, _)| *t == total)
            .map(|(_, s)| s)
            .sum()
    };
    let total_is_one = shares.iter().any(|(t, s)| *t && (s - 1.0).abs() < 1e-9);
    let items_make_one = (whole(false) - 1.0).abs() <= 0.002;
    if fractions && (total_is_one || items_make_one) {
        for r in rows.iter_mut().filter(|r| r.section == section) {
            if let Some(s) = r.share_pct.as_mut() {
                // (Rounded as printed: 0.358 is 35.8, not 35.799999….)
                *s = (*s * 100.0 * 1e6).round() / 1e6;
            }
        }
    }
}

/// Whether a text without whitespace names a total (合计, 收入总计 …).
fn names_total(squashed: &str) -> bool {
    squashed.ends_with("合计") || squashed.ends_with("总计")
}

/// Whether a funding row is a total.
fn is_total_row(r: &FundingRow) -> bool {
    r.item.as_deref().is_some_and(|t| names_total(&squash(t)))
}

/// Whether a funding row totals a group of items (小计, 基本支出/小计):
/// its items are counted already.
fn is_subtotal_row(r: &FundingRow) -> bool {
    r.item
        .as_deref()
        .is_some_and(|t| squash(t).ends_with("小计"))
}

/// The total row of a section where it is its one total, printed after
/// its items. (A total over the items, 资金总额合计 then 财政拨款, heads a
/// breakdown that need not be whole.)
fn last_total(rows: &[FundingRow], section: FundingSection) -> Option<&FundingRow> {
    let in_section = || rows.iter().filter(|r| r.section == section);
    let last = in_section().next_back()?;
    (is_total_row(last) && in_section().filter(|r| is_total_row(r)).count() == 1).then_some(last)
}

/// An item whose 占比 is not its amount's share of the section's 合计
/// (beyond the rounding of a percentage printed to one place): the
/// columns were read in the wrong order, or the figures disagree as
/// printed. Said once per section, with the first such item.
fn shares_disagree(rows: &[FundingRow], section: FundingSection) -> Option<Warning> {
    let total = last_total(rows, section)?;
    let whole = total.current.filter(|t| *t > 0.0)?;
    let (off, amount, share) = rows
        .iter()
        .filter(|r| r.section == section)
        .filter_map(|r| Some((r, r.current?, r.share_pct?)))
        .find(|&(_, amount, share)| (amount / whole * 100.0 - share).abs() > 0.6)?;
    Some(Warning {
        code: "share_mismatch".to_string(),
        message: format!(
            "{}: {} {amount} is {:.1}% of {} {whole}, not the {share}% printed (columns read in the wrong order, or the printed figures disagree)",
            section.as_str(),
            off.item.as_deref().unwrap_or_default(),
            amount / whole * 100.0,
            total.item.as_deref().unwrap_or_default(),
        ),
        table: Some(section.as_str().to_string()),
        seq: None,
        page: None,
    })
}

/// A section's 合计 that its items' amounts do not add up to (a row lost
/// or misread, or figures that disagree as printed): said, so that no
/// funding table reads wrong in silence. Only a section with one total,
/// under items with amounts, the total last, is checked; and only where
/// its items break none of them down (see [`has_breakdown`]): no sum tells
/// where a breakdown ends, so one that does not agree is said nothing of,
/// rather than wrongly.
fn total_disagrees(rows: &[FundingRow], section: FundingSection) -> Option<Warning> {
    let total = last_total(rows, section)?;
    let printed = total.current?;
    let items: Vec<(bool, Option<f64>)> = rows
        .iter()
        .filter(|r| r.section == section && !is_total_row(r) && !is_subtotal_row(r))
        .map(|r| {
            let opens_parts = r
                .item
                .as_deref()
                .is_some_and(|t| squash(t).starts_with("其中"));
            (opens_parts, r.current)
        })
        .collect();
    let added = items.iter().filter(|(_, v)| v.is_some()).count();
    // Each amount printed to the cent may be off by half a cent.
    let slack = (0.006 * added as f64 + 0.011).max(printed.abs() * 1e-4);
    let agrees = |sum: f64| (sum - printed).abs() <= slack;
    let sum: f64 = items.iter().filter_map(|(_, v)| *v).sum();
    if added == 0 || agrees(sum) || has_breakdown(&items) {
        return None;
    }
    Some(Warning {
        code: "total_mismatch".to_string(),
        message: format!(
            "{}: {} {} but its items add up to {} (a row lost or misread, or the printed figures disagree)",
            section.as_str(),
            total.item.as_deref().unwrap_or_default(),
            printed,
            (sum * 100.0).round() / 100.0
        ),
        table: Some(section.as_str().to_string()),
        seq: None,
        page: None,
    })
}

/// Whether items break another down: a `其中` line, or two or more lines
/// right under an item whose amounts add up to its own (its parts printed
/// indented, the indent gone).
fn has_breakdown(items: &[(bool, Option<f64>)]) -> bool {
    items.iter().any(|(parts, _)| *parts)
        || items.iter().enumerate().any(|(i, (_, whole))| {
            let Some(whole) = whole.filter(|w| *w > 0.0) else {
                return false;
            };
            let mut sum = 0.0;
            for (n, (_, v)) in items.iter().skip(i + 1).enumerate() {
                sum += v.unwrap_or(0.0);
                if n >= 1 && (sum - whole).abs() <= 0.006 * (n + 1) as f64 + 0.005 {
                    return true;
                }
                if sum > whole + 0.01 {
                    return false;
                }
            }
            false
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Item, current amount, share and history of each row.
    type Amounts<'a> = (Option<&'a str>, Option<f64>, Option<f64>, Vec<Option<f64>>);

    fn amounts(f: &FundingResult) -> Vec<Amounts<'_>> {
        f.rows
            .iter()
            .map(|r| (r.item.as_deref(), r.current, r.share_pct, r.history.clone()))
            .collect()
    }

    #[test]
    fn section_labels_said_of_whose_or_by_what() {
        for (label, section) in [
            ("收入构成", FundingSection::Income),
            ("部门收入", FundingSection::Income),
            ("按收入来源", FundingSection::Income),
            ("按支出用途", FundingSection::Expenditure),
            ("单位支出", FundingSection::Expenditure),
        ] {
            assert_eq!(section_label(label), Some(section), "{label}");
        }
        assert_eq!(section_label("部门名称"), None);
        // A numbered item is an item.
        assert_eq!(section_label("收入项目3"), None);
        assert_eq!(section_label("收入合计"), None);
        assert_eq!(section_label("支出总计"), None);
    }

    #[test]
    fn three_prior_years_newest_first_and_a_continuation_mark() {
        // Three years (the third was dropped), printed newest first (read
        // as oldest first), and 续表 between the rows (read as an item).
        let rows = [
            row("部门总体资金情况|总体资金情况||当年金额|占比|近三年收支金额"),
            row("|||||2025 年|2024 年|2023 年"),
            row("|收入构成|财政拨款|720.50|95.0%|702.30|688.40|650.10"),
            row("续表"),
            row("|支出构成|人员类项目支出|500.00|65.9%|480.00|470.00|460.00"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        assert_eq!(
            amounts(&f),
            vec![
                (
                    Some("财政拨款"),
                    Some(720.5),
                    Some(95.0),
                    vec![Some(650.1), Some(688.4), Some(702.3)]
                ),
                (
                    Some("人员类项目支出"),
                    Some(500.0),
                    Some(65.9),
                    vec![Some(460.0), Some(470.0), Some(480.0)]
                ),
            ]
        );
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    }

    #[test]
    fn a_share_cell_left_out_of_a_text_row() {
        let rows = [
            row("部门总体资金情况|总体资金情况||当年金额|占比|近两年收支金额|单位：万元"),
            row("|||||2024 年|2025 年"),
            row("|收入构成|财政拨款|3210.50|95.0%|2980.12|3105.77"),
            row("||单位资金|168.97|150.00|160.33"),
            row("||合计|3379.47|100.0%|3130.12|3266.10"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        assert_eq!(f.rows[1].current, Some(168.97));
        assert_eq!(f.rows[1].share_pct, None);
        assert_eq!(f.rows[1].history, vec![Some(150.0), Some(160.33)]);
        assert_eq!(f.rows[2].share_pct, Some(100.0));
        let codes: Vec<&str> = f.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, vec!["missing_cell"]);
    }

    /// A grid row: one column per cell.
    fn grid_row(s: &str) -> Row {
        let cells: Vec<String> = s.split('|').map(str::to_string).collect();
        let spans = (0..cells.len() as i32)
            .map(|i| Span {
                left: i * 100,
                right: i * 100 + 100,
                continued: false,
            })
            .collect();
        Row {
            spans: Some(spans),
            ..row(s)
        }
    }

    #[test]
    fn amounts_are_read_by_the_columns_their_header_names() {
        // The years printed before 当年金额 and 占比: each amount was read
        // by position (the 2024 amount as the current one), silently.
        let rows = [
            grid_row("部门总体资金情况|类别|项目|2024年|2025年|当年金额|占比"),
            grid_row("|收入构成|财政拨款|1,980.00|2,105.50|2,230.40|95.2%"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        let r = &f.rows[0];
        assert_eq!(r.item.as_deref(), Some("财政拨款"));
        assert_eq!(r.current, Some(2230.4));
        assert_eq!(r.share_pct, Some(95.2));
        assert_eq!(r.history, vec![Some(1980.0), Some(2105.5)]);
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    }

    #[test]
    fn the_latest_year_is_the_current_amount_beside_its_share() {
        // 决算数 and 预算数 columns by year, and no 当年金额 column: the
        // amounts were read by position (the 2024 accounts as the current
        // amount), and the years were not seen.
        let rows = [
            grid_row("收支类别|项目|2024年决算数|2025年预算数|2026年预算数|占比（%）"),
            grid_row("收入构成|财政拨款|1,200.00|1,260.00|1,310.00|93.6"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        let r = &f.rows[0];
        assert_eq!(r.item.as_deref(), Some("财政拨款"));
        assert_eq!(r.current, Some(1310.0));
        assert_eq!(r.share_pct, Some(93.6));
        assert_eq!(r.history, vec![Some(1200.0), Some(1260.0)]);
        assert_eq!(f.header_years, vec![2024, 2025, 2026]);
    }

    fn row(s: &str) -> Row {
        Row {
            cells: s.split('|').map(str::to_string).collect(),
            page: None,
            after_page_break: false,
            table_start: false,
            spans: None,
        }
    }

    #[test]
    fn seed_shaped_table() {
        let rows = [
            row("部门总体资金情况|总体资金情况||当年金额|占比|近两年收支金额|单位：万元"),
            row("|||||2024 年|2025 年"),
            row("|收入构成|财政拨款|1647.19|100.0%|1466.05|1901.46"),
            row("||财政专户管理资金||||"),
            row("|支出构成|人员类项目支出|1,589.86|100.0%||576.86"),
            row("||合计|1589.86|100.0%|1466.05|1901.46"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        assert_eq!(f.unit.as_deref(), Some("万元"));
        assert_eq!(f.header_years, vec![2024, 2025]);
        assert_eq!(f.rows.len(), 4);
        assert_eq!(f.rows[0].section, FundingSection::Income);
        assert_eq!(f.rows[0].current, Some(1647.19));
        assert_eq!(f.rows[1].item.as_deref(), Some("财政专户管理资金"));
        assert_eq!(f.rows[1].history, vec![None, None]);
        assert_eq!(f.rows[2].section, FundingSection::Expenditure);
        assert_eq!(f.rows[2].current, Some(1589.86));
        assert_eq!(f.rows[2].history, vec![None, Some(576.86)]);
        assert_eq!(f.rows[3].section, FundingSection::Expenditure);
        assert!(f.warnings.is_empty());
    }

    #[test]
    fn header_as_other_bureaus_word_it() {
        for h in [
            "本年金额",
            "预算金额",
            "占比（%）",
            "比重",
            "当年金额（万元）",
        ] {
            assert!(is_header_cell(h), "{h}");
        }
        assert!(!is_header_cell("人员类项目支出"));
        assert!(!is_header_cell("财政拨款"));
        let rows = [
            row("||本年金额|比重|2024年金额|2025年金额"),
            row("|收入构成|财政拨款|100|100.0%|90|95"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        assert_eq!(f.rows.len(), 1);
        assert_eq!(f.rows[0].item.as_deref(), Some("财政拨款"));
    }

    /// The funding read from rows, and its rows as (section, item, amount).
    /// The warnings, as code and message.
    fn said(f: &FundingResult) -> Vec<(&str, &str)> {
        f.warnings
            .iter()
            .map(|w| (w.code.as_str(), w.message.as_str()))
            .collect()
    }

    fn read(rows: &[Row]) -> (FundingResult, Vec<(FundingSection, String, Option<f64>)>) {
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        let got = f
            .rows
            .iter()
            .map(|r| (r.section, r.item.clone().unwrap_or_default(), r.current))
            .collect();
        (f, got)
    }

    #[test]
    fn amount_labels_over_their_amounts() {
        let rows = [
            row("年度部门整体支出预算（万元）|资金总额|财政拨款|其他资金|"),
            row("|1,580.40|1,480.40|100.00|"),
        ];
        let (f, got) = read(&rows);
        assert_eq!(f.unit.as_deref(), Some("万元"));
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "资金总额".into(), Some(1580.4)),
                (FundingSection::Income, "财政拨款".into(), Some(1480.4)),
                (FundingSection::Income, "其他资金".into(), Some(100.0)),
            ]
        );
        assert!(f.rows.iter().all(|r| r.history.is_empty()));
    }

    #[test]
    fn a_total_its_items_do_not_add_up_to_is_said() {
        let said = |rows: &[&str]| {
            let rows: Vec<Row> = rows.iter().map(|r| row(r)).collect();
            let (f, _) = read(&rows);
            f.warnings
                .into_iter()
                .filter(|w| w.code == "total_mismatch")
                .map(|w| w.message)
                .collect::<Vec<_>>()
        };
        // Two cells run together (单位资金12.30 | 合计 as one): the item
        // was lost from the sum, silently.
        assert_eq!(
            said(&[
                "收入构成|财政拨款|382.00|96.9%",
                "|单位资金12.30合计|394.30|100%",
            ]),
            ["income: 单位资金12.30合计 394.3 but its items add up to 382 (a row lost or misread, or the printed figures disagree)"]
        );
        // Amounts that add up, also with parts under a 其中 (all of them,
        // or some), are not said.
        for rows in [
            &[
                "收入构成|财政拨款|382.00|96.9%",
                "|单位资金|12.30|3.1%",
                "|合计|394.30|100%",
            ][..],
            &[
                "收入构成|财政拨款|12,486.52|96.1%",
                "|其中：一般公共预算|12,186.52|",
                "|政府性基金预算|300.00|",
                "|单位资金|513.48|3.9%",
                "|合计|13,000.00|100.0%",
            ],
            &[
                "收入构成|财政拨款|100.00|",
                "|其中：基本支出|60.00|",
                "|单位资金|20.00|",
                "|合计|120.00|",
            ],
            &[
                "支出构成|人员类项目支出|1.00|",
                "|运转类项目支出|2.00|",
                "|特定目标类项目支出|3.00|",
                "|合计|6.01|",
            ],
            // Parts printed indented, without 其中 (the indent gone), and
            // 其中 over some of the parts only: no sum tells where the
            // breakdown ends, so nothing is said (it was, wrongly).
            &[
                "收入构成|财政拨款|640.00|",
                "|一般公共预算拨款|600.00|",
                "|政府性基金预算拨款|40.00|",
                "|合计|640.00|",
            ],
            &[
                "支出构成|项目支出|400.00|",
                "|其中：A项目|250.00|",
                "|B项目|100.00|",
                "|基本支出|600.00|",
                "|合计|1,000.00|",
            ],
        ] {
            assert_eq!(said(rows), Vec::<String>::new(), "{rows:?}");
        }
    }

    #[test]
    fn a_notes_column_is_the_rows_note() {
        use crate::reconstruct::test_rows::grid;
        // Under the header's 备注 column: it was said as text beside the
        // amounts, not read.
        let rows = [
            grid(
                &[
                    ("收入构成", 0),
                    ("项目", 1),
                    ("当年金额", 2),
                    ("占比", 3),
                    ("备注", 4),
                ],
                1,
            ),
            grid(
                &[
                    ("", 0),
                    ("财政拨款", 1),
                    ("330.00", 2),
                    ("82.5%", 3),
                    ("含专项转移支付", 4),
                ],
                1,
            ),
            grid(&[("", 0), ("事业收入", 1), ("70.00", 2), ("17.5%", 3)], 1),
            grid(&[("", 0), ("合计", 1), ("400.00", 2), ("100.0%", 3)], 1),
        ];
        let (f, got) = read(&rows);
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "财政拨款".into(), Some(330.0)),
                (FundingSection::Income, "事业收入".into(), Some(70.0)),
                (FundingSection::Income, "合计".into(), Some(400.0)),
            ]
        );
        let notes: Vec<Option<&str>> = f.rows.iter().map(|r| r.note.as_deref()).collect();
        assert_eq!(notes, [Some("含专项转移支付"), None, None]);
        assert_eq!(said(&f), []);
    }

    #[test]
    fn a_note_under_the_table_is_no_row() {
        // Its figure was read as an item's amount (款含上级专项转移支付 |
        // 120), its unit as the table's, silently.
        let rows = [
            row("收入构成|财政拨款|1,000.00|100.0%"),
            row("|合计|1,000.00|100.0%"),
            row("注：财政拨款含上级专项转移支付120.00万元。"),
        ];
        let (f, got) = read(&rows);
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "财政拨款".into(), Some(1000.0)),
                (FundingSection::Income, "合计".into(), Some(1000.0)),
            ]
        );
        assert_eq!(f.unit, None);
        assert_eq!(said(&f), []);
    }

    #[test]
    fn shares_printed_as_fractions_are_per_cent() {
        // 0.358 of the total was kept as 0.358 (per cent), and said as
        // a share that is not the amount's.
        let rows: Vec<Row> = [
            "支出构成|人员类项目支出|358.00|0.358",
            "|运转类项目支出|642.00|0.642",
            "|合计|1,000.00|1.000",
        ]
        .iter()
        .map(|r| row(r))
        .collect();
        let (f, _) = read(&rows);
        let shares: Vec<Option<f64>> = f.rows.iter().map(|r| r.share_pct).collect();
        assert_eq!(shares, [Some(35.8), Some(64.2), Some(100.0)]);
        assert_eq!(said(&f), []);
    }

    #[test]
    fn a_share_that_is_not_the_amounts_share_is_said() {
        let codes = |rows: &[&str]| {
            let rows: Vec<Row> = rows.iter().map(|r| row(r)).collect();
            let (f, _) = read(&rows);
            f.warnings
                .into_iter()
                .map(|w| (w.code, w.message))
                .collect::<Vec<_>>()
        };
        // History read as the share (the 占比 column left out, silently).
        assert_eq!(
            codes(&[
                "支出构成|人员类项目支出|60.00|55.00|50.00",
                "|运转类项目支出|40.00|45.00|50.00",
                "|合计|100.00|100.00|100.00",
            ]),
            [(
                "share_mismatch".to_string(),
                "expenditure: 人员类项目支出 60 is 60.0% of 合计 100, not the 55% printed (columns read in the wrong order, or the printed figures disagree)".to_string()
            )]
        );
        // Shares rounded to one place agree.
        assert_eq!(
            codes(&[
                "支出构成|人员类项目支出|589.86|35.8%",
                "|运转类项目支出|464.33|28.2%",
                "|特定目标类项目支出|593.00|36.0%",
                "|合计|1,647.19|100.0%",
            ]),
            []
        );
    }

    #[test]
    fn a_note_past_a_rows_amounts_is_said() {
        // A note in a column past the amounts was cut off with the empty
        // cells there, silently.
        let rows = [
            row("收入构成|项目|当年金额|占比|2024年|2025年"),
            row("|财政拨款|100.00|100.0%|90.00|95.00|经办人：李四"),
        ];
        let (f, got) = read(&rows);
        assert_eq!(
            got,
            vec![(FundingSection::Income, "财政拨款".into(), Some(100.0))]
        );
        assert_eq!(f.rows[0].history, [Some(90.0), Some(95.0)]);
        assert_eq!(
            said(&f),
            [(
                "unplaced_cell",
                "财政拨款: text beside the amounts, not read: 经办人：李四"
            )]
        );
        // (A funding row's warning names its section as its table.)
        assert_eq!(f.warnings[0].table.as_deref(), Some("income"));
        assert_eq!(f.warnings[0].seq, Some(1));
    }

    #[test]
    fn a_note_beside_the_amounts_is_said() {
        // A note in the empty column after the amounts: the pairs were
        // given up and the labels read as items with their neighbours as
        // amounts (资金总额 with no amount, the note an item).
        let rows = [
            row("年度部门整体支出预算（万元）|资金总额|财政拨款|其他资金|"),
            row("|1,580.40|1,480.40|100.00|审核人：张三"),
        ];
        let (f, got) = read(&rows);
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "资金总额".into(), Some(1580.4)),
                (FundingSection::Income, "财政拨款".into(), Some(1480.4)),
                (FundingSection::Income, "其他资金".into(), Some(100.0)),
            ]
        );
        assert_eq!(
            said(&f),
            [(
                "unplaced_cell",
                "text under no label beside the amounts, not read: 审核人：张三"
            )]
        );
    }

    #[test]
    fn amounts_under_labels_merged_over_two_columns() {
        use crate::reconstruct::test_rows::{amounts_in_halves, grid};
        // Each label over two columns, its amount in one of them (only the
        // labels were merged): the amounts went to the wrong labels.
        let labels = [
            ("部门资金（万元）", 0),
            ("资金总额", 1),
            ("财政拨款", 3),
            ("其他资金", 5),
        ];
        for first in [1, 2] {
            let rows = [grid(&labels, 2), grid(&amounts_in_halves(first), 1)];
            let (_, got) = read(&rows);
            let items: Vec<_> = got.iter().map(|(_, i, a)| (i.as_str(), *a)).collect();
            assert_eq!(
                items,
                [
                    ("资金总额", Some(100.0)),
                    ("财政拨款", Some(80.0)),
                    ("其他资金", Some(20.0))
                ]
            );
        }
    }

    #[test]
    fn the_blocks_label_printed_again_after_a_page_break() {
        // The label merged down the block, cut by a page break, printed
        // again in its part on the next page: that row was taken for a
        // header, its item lost and the rows after it filed as income.
        let rows = [
            row("部门总体资金情况|总体资金情况|当年金额|占比"),
            row("|收入构成|财政拨款|100.00|100.0%"),
            row("|收入构成|合计|100.00|100.0%"),
            row("部门总体资金情况|支出构成|人员类项目支出|60.00|60.0%"),
            row("||运转类项目支出|40.00|40.0%"),
        ];
        let (_, got) = read(&rows);
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "财政拨款".into(), Some(100.0)),
                (FundingSection::Income, "合计".into(), Some(100.0)),
                (
                    FundingSection::Expenditure,
                    "人员类项目支出".into(),
                    Some(60.0)
                ),
                (
                    FundingSection::Expenditure,
                    "运转类项目支出".into(),
                    Some(40.0)
                ),
            ]
        );
    }

    #[test]
    fn income_and_expenditure_side_by_side() {
        let rows = [
            row("收支预算（万元）|||"),
            row("收入|金额|支出|金额"),
            row("财政拨款|3,256.80|基本支出|1,820.50"),
            row("其他资金|120.00|项目支出|1,556.30"),
            row("收入总计|3,376.80|支出总计|3,376.80"),
        ];
        let (f, got) = read(&rows);
        use FundingSection::{Expenditure as E, Income as I};
        assert_eq!(
            got,
            vec![
                (I, "财政拨款".into(), Some(3256.8)),
                (E, "基本支出".into(), Some(1820.5)),
                (I, "其他资金".into(), Some(120.0)),
                (E, "项目支出".into(), Some(1556.3)),
                (I, "收入总计".into(), Some(3376.8)),
                (E, "支出总计".into(), Some(3376.8)),
            ]
        );
        assert!(f.warnings.is_empty());
        // Each half with its 占比: the shares were dropped, silently.
        let rows = [
            row("收入项目|当年金额|占比|支出项目|当年金额|占比"),
            row("财政拨款|300.00|75.0%|基本支出|250.00|62.5%"),
            row("单位资金|100.00|25.0%|项目支出|150.00|37.5%"),
        ];
        let (f, _) = read(&rows);
        let shares: Vec<_> = f
            .rows
            .iter()
            .map(|r| (r.item.as_deref(), r.share_pct))
            .collect();
        assert_eq!(
            shares,
            vec![
                (Some("财政拨款"), Some(75.0)),
                (Some("基本支出"), Some(62.5)),
                (Some("单位资金"), Some(25.0)),
                (Some("项目支出"), Some(37.5)),
            ]
        );
    }

    #[test]
    fn halves_over_two_columns_each() {
        // A grid: 收入预算 and 支出预算 each over two columns, then the
        // halves' own header, then the rows.
        let grid = |s: &str, lefts: &[i32]| Row {
            spans: Some(
                lefts
                    .iter()
                    .map(|&l| crate::layout::Span {
                        left: l,
                        right: l + 1,
                        continued: false,
                    })
                    .collect(),
            ),
            ..row(s)
        };
        let rows = [
            grid("收入预算|支出预算", &[0, 2]),
            grid("项目|金额|项目|金额", &[0, 1, 2, 3]),
            grid("一般公共预算拨款|2,860.40|基本支出|1,210.40", &[0, 1, 2, 3]),
            grid("收入合计|3,360.40|支出合计|3,360.40", &[0, 1, 2, 3]),
        ];
        let (_, got) = read(&rows);
        use FundingSection::{Expenditure as E, Income as I};
        assert_eq!(
            got,
            vec![
                (I, "一般公共预算拨款".into(), Some(2860.4)),
                (E, "基本支出".into(), Some(1210.4)),
                (I, "收入合计".into(), Some(3360.4)),
                (E, "支出合计".into(), Some(3360.4)),
            ]
        );
    }

    #[test]
    fn a_budget_without_income_and_expenditure_labels() {
        let rows = [
            row("项目|2026年预算数|占比"),
            row("财政拨款|12,345.60|87.65%"),
            row("基本支出|100.00|"),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let f = parse_funding(&refs);
        let got: Vec<_> = f.rows.iter().map(|r| (r.section, r.current)).collect();
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, Some(12345.6)),
                (FundingSection::Expenditure, Some(100.0))
            ]
        );
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    }

    #[test]
    fn a_header_that_names_its_section() {
        let rows = [
            row("收入构成|金额|占比"),
            row("财政拨款|2680.50|89.35%"),
            row("其他资金|319.50|10.65%"),
        ];
        let (f, got) = read(&rows);
        assert_eq!(
            got,
            vec![
                (FundingSection::Income, "财政拨款".into(), Some(2680.5)),
                (FundingSection::Income, "其他资金".into(), Some(319.5)),
            ]
        );
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
        assert!(starts_budget(&rows[0]));
        assert!(starts_budget(&row("收入|金额|支出|金额")));
        assert!(!starts_budget(&rows[1]));
        assert!(!starts_budget(&row("收入增长率|≥5%")));
        assert!(starts_budget(&row("收支类别|项目|当年金额|2023年决算数")));
        assert!(!starts_budget(&row("类别|指标|指标值")));
    }

    #[test]
    fn units() {
        assert_eq!(amount_with_unit("1,236.50\n万元"), Some((1236.5, "万元")));
        assert_eq!(amount_with_unit("86元"), Some((86.0, "元")));
        assert_eq!(amount_with_unit("万元"), None);
        assert_eq!(unit_in("单位：万元").as_deref(), Some("万元"));
        assert_eq!(unit_in("当年金额（万元）").as_deref(), Some("万元"));
        assert_eq!(unit_in("当年金额"), None);
    }
}
