//! Rows that a page break cut in two: the first part ends the page before
//! its 指标值确定依据 / 指标分类 columns, the rest opens the next page.
//! They are joined back into one row before the row is read.

use crate::layout::trim;
use std::borrow::Cow;

use crate::layout::Row;

use super::values::{self, squash, year_cell};
use super::{header, vocab};

fn last_text(cells: &[String]) -> Option<(usize, &str)> {
    cells
        .iter()
        .enumerate()
        .rev()
        .map(|(i, c)| (i, trim(c)))
        .find(|(_, c)| !c.is_empty())
}

fn first_text(cells: &[String]) -> Option<(usize, &str)> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, trim(c)))
        .find(|(_, c)| !c.is_empty())
}

fn ends_a_row(text: &str) -> bool {
    vocab::is_basis(text) || vocab::is_category(text)
}

/// A header row of an indicator table: one with a column title, or one of
/// years (beside, perhaps, the table's label and the last pieces of titles
/// that a page break cut: "2024年 | 2025年 | 值 | 据"), or only such pieces
/// ("年 | 值 | 据"). A data row whose values are four-digit numbers
/// ("1574 | 1600") is not one.
pub fn is_header(r: &Row) -> bool {
    let texts: Vec<&str> = r.text_vec();
    let label = |t: &&str| trim(t).ends_with("绩效指标");
    let year = |t: &&str| year_cell(t).is_some() || header::is_year_header(t);
    // Beside years, any part of a title or a header word (2024年 | 目标值);
    // alone, two or more of a title's starts or ends (or the 年 of a cut
    // year), so that the rest of a cut data cell ("2025" / "年") is not
    // taken for a header.
    // (Or the current year's column under the group title, in a word of
    // no field of its own: 指标值 over 2024年 | 2025年 | 本年目标.)
    let this_year = |t: &&str| {
        matches!(
            &*squash(t),
            "本年目标"
                | "当年目标"
                | "本年度目标"
                | "本年"
                | "今年"
                | "目标"
                | "计划值"
                | "计划数"
                | "本年计划"
        )
    };
    let with_years = |t: &&str| {
        year(t)
            || label(t)
            || this_year(t)
            || vocab::is_indicator_header_part(t)
            || header::field_of_word(t).is_some()
    };
    let piece = |t: &&str| vocab::is_indicator_header_fragment(t) || trim(t) == "年";
    // Column titles only, two or more (目标值 | 单位 under a merged 指标值),
    // perhaps beside the title grouping the level columns (绩效指标 |
    // 目标值 | 分值 over 一级指标 | 二级指标 | 三级指标).
    let titles_only = texts.len() >= 2
        && texts
            .iter()
            .all(|t| trim(t).is_empty() || label(t) || header::field_of_word(t).is_some())
        && texts
            .iter()
            .filter(|t| header::field_of_word(t).is_some())
            .count()
            >= 2;
    // Periods only, under a title over them (指标值 over 年度 | 中长期).
    let periods_only = texts.len() >= 2 && texts.iter().all(|t| header::period_word(t).is_some());
    texts.iter().any(|t| vocab::is_indicator_header_cell(t))
        || titles_only
        || periods_only
        || (texts.iter().any(year) && texts.iter().all(with_years))
        || (texts.iter().all(|t| piece(t) || label(t))
            && texts.iter().filter(|t| piece(t)).count() >= 2)
}

/// Whether `next` (right after a page break, perhaps after a repeated
/// header) continues `prev`: either `prev` stops before the columns that
/// end every row and `next` supplies them, or `prev` is whole and `next`
/// holds only the rest of its wrapped cells (text in columns where `prev`
/// has text, no values of its own). `above[i]` is the text in effect in
/// column `i` (merged cells printed again on the new page are not new
/// text).
pub fn continues(prev: &Row, next: &Row, above: &[String]) -> bool {
    !is_header(next) && !is_header(prev) && data_continues(prev, next, above)
}

/// [`continues`] for two rows known not to be header rows.
fn data_continues(prev: &Row, next: &Row, above: &[String]) -> bool {
    if !next.after_page_break {
        return false;
    }
    // A line of text (a table's label left at the foot of the page) is
    // not continued by a row of the grid on the next, nor the reverse.
    if prev.spans.is_some() != next.spans.is_some() {
        return false;
    }
    let (Some((_, p)), Some((_, n))) = (last_text(&prev.cells), last_text(&next.cells)) else {
        return false;
    };
    if cut_cells_continue(prev, next, above) {
        return true;
    }
    if !ends_a_row(p) {
        return ends_a_row(n) && !states_a_target_of_its_own(prev, next);
    }
    let new_text = |i: usize, c: &str| !trim(c).is_empty() && !repeats(above, i, c);
    let continued = next
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| new_text(*i, c))
        .count();
    continued > 0
        && continued < prev.texts().count()
        && rests_of_cells(prev, next, above)
        && !states_a_target_of_its_own(prev, next)
}

/// Whether `next` states a target of its own under a text of `prev`: a
/// quantity with its operator before it (`≤15个工作日` under `年底前完成`,
/// `不少于6场`). The operator opens a target, so the rest of a cell that
/// a page break cut does not open with one: `next` is a new row, though
/// its cells stand under `prev`'s and its 依据 is empty.
fn states_a_target_of_its_own(prev: &Row, next: &Row) -> bool {
    next.cells.iter().zip(&prev.cells).any(|(n, p)| {
        let n = trim(n);
        let opens_with_figure =
            n.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '０'..='９' | '+' | '-'));
        !trim(p).is_empty()
            && !opens_with_figure
            && values::parse_target_stated(n).is_some_and(|(_, stated)| stated)
    })
}

/// Whether `next`, after a page break, holds only the rests of cells of
/// the ruled row `prev` ([`is_rest_of_cut_cells`], [`closes_cut_text`]).
fn cut_cells_continue(prev: &Row, next: &Row, above: &[String]) -> bool {
    next.after_page_break
        && prev.spans.is_some()
        && next.spans.is_some()
        && ((is_rest_of_cut_cells(prev, next) && !holds_a_new_rows_cells(prev, next, above))
            || continues_in_place(prev, next, above))
}

/// A text dump's row cut after its name by a page break: `prev` prints
/// its value columns empty (its tabs reach them), `next` prints only
/// values, in those columns (`| 时效指标 | 响应时限 | | | ` / `| | | ≤ | 2 |
/// 小时`).
fn values_after_the_break(prev: &Row, next: &Row, above: &[String]) -> bool {
    next.after_page_break
        && prev.spans.is_none()
        && next.spans.is_none()
        && fills_missing_values(prev, next, above)
}

/// Whether `next` holds what only a row of its own holds: a level name
/// not in effect above (`可持续影响指标` under `生态效益指标`), or a whole
/// figure or operator under another in `prev` (`85` under `90`, `5` under
/// `10`, `≥` under `≥`). A cell a page break cut leaves neither: its
/// rest is the end of a text (`应急广播）`, `比例`).
fn holds_a_new_rows_cells(prev: &Row, next: &Row, above: &[String]) -> bool {
    let new_level = new_texts(next, above)
        .iter()
        .any(|&(_, t)| vocab::is_level1_name(t) || vocab::is_level2_name(t));
    // (A figure equal to the one above is no merged cell printed again:
    // two rows of weight 3.)
    let figure_under_figure = next.cells.iter().zip(&prev.cells).any(|(n, p)| {
        let n = trim(n);
        !n.is_empty() && is_whole_figure(n) && is_whole_figure(trim(p))
    });
    new_level || figure_under_figure || states_a_target_of_its_own(prev, next)
}

/// A figure, perhaps with its operator and a percent sign, and nothing
/// else (`90`, `≥85`, `1,200.5`, `100%`), or an operator alone (`≥`).
fn is_whole_figure(t: &str) -> bool {
    let rest = t.trim_start_matches(values::is_operator_symbol);
    let number = rest.trim_end_matches(['%', '％']);
    if number.is_empty() {
        // An operator alone.
        return rest.is_empty() && !t.is_empty();
    }
    number
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && number.bytes().any(|b| b.is_ascii_digit())
}

/// `next`'s new texts go on `prev`'s in the same cells, or fill its empty
/// ones: a sentence cut inside its brackets, a name's row whose value only
/// the new page prints, a number cut in two.
fn continues_in_place(prev: &Row, next: &Row, above: &[String]) -> bool {
    closes_cut_text(prev, next, above)
        || fills_missing_values(prev, next, above)
        || continues_cut_number(prev, next, above)
}

/// A number a page break cut (`不少于160` / `0家`): the only new text of
/// `next`, beside level names in effect printed again, opens with a digit
/// under a text of `prev` that ends with one. Or a figure cut from its
/// unit (`全年完成辖区内12` / `个乡镇综合文化站免费开放`), which no target
/// opens with, with every other new text under a text of `prev` (the rest
/// of its name: `群众文化活动参与` / `人次`).
fn continues_cut_number(prev: &Row, next: &Row, above: &[String]) -> bool {
    let new = new_texts(next, above);
    let after_figure = |i: usize| {
        prev.cells
            .get(i)
            .is_some_and(|p| trim(p).ends_with(|c: char| c.is_ascii_digit()))
    };
    if let [(i, rest)] = new.as_slice() {
        if after_figure(*i) && rest.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    !new.is_empty()
        && new.iter().all(|&(i, _)| has_text(&prev.cells, i))
        && new
            .iter()
            .any(|&(i, rest)| after_figure(i) && opens_with_measure_word(rest))
}

/// Whether a text opens with a unit or measure word that follows a
/// figure (`个乡镇`, `万人次`, `%以上`): the rest of a cut number.
fn opens_with_measure_word(t: &str) -> bool {
    t.starts_with([
        '个', '人', '次', '户', '家', '项', '场', '所', '件', '名', '台', '套', '条', '万', '亿',
        '元', '亩', '天', '吨', '册', '辆', '座', '处', '批', '篇', '份', '张', '本', '种', '类',
        '间', '床', '%', '％', '‰',
    ])
}

/// A ruled row cut after its name: `prev`, the last row of a page, ends on
/// a name with its value cells empty (`产出指标 | 数量指标 | 终端在线率 |`),
/// and `next` opens the new page with no name, only values in those empty
/// cells (`≥97%`), beside level names already in effect printed again or
/// nothing. A new row would name its indicator.
fn fills_missing_values(prev: &Row, next: &Row, above: &[String]) -> bool {
    let Some((p_last, p_text)) = last_text(&prev.cells) else {
        return false;
    };
    let new = new_texts(next, above);
    let named = vocab::is_level1_name(p_text) || vocab::is_level2_name(p_text);
    !new.is_empty()
        && !named
        && !ends_a_row(p_text)
        && new.iter().all(|&(i, t)| {
            i > p_last
                && i < prev.cells.len()
                && !has_text(&prev.cells, i)
                && !vocab::is_level1_name(t)
                && !vocab::is_level2_name(t)
        })
}

/// The texts of `next` with their columns, but for level names in effect
/// printed again (a merged cell's name repeated after a page break).
fn new_texts<'r>(next: &'r Row, above: &[String]) -> Vec<(usize, &'r str)> {
    next.cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, trim(c)))
        .filter(|(i, c)| !c.is_empty() && !repeats(above, *i, c))
        .collect()
}

/// How many brackets or quotes `s` leaves open (negative: closes more than
/// it opens).
pub(super) fn open_brackets(s: &str) -> i32 {
    s.chars()
        .map(|c| match c {
            '（' | '(' | '【' | '[' | '《' | '“' => 1,
            '）' | ')' | '】' | ']' | '》' | '”' => -1,
            _ => 0,
        })
        .sum()
}

/// A ruled row cut by a page break in the middle of a sentence: a cell of
/// `prev` leaves a bracket open (`覆盖率（含短信、应急广播等渠道，按行政`)
/// and the same cell of `next` closes it, or opens with punctuation no cell
/// starts with (`村统计）`, `，按季度通报`). Every other new text of `next`
/// lies in a column of `prev` (the rest of its target, or the target that
/// only the new page prints).
fn closes_cut_text(prev: &Row, next: &Row, above: &[String]) -> bool {
    let new = new_texts(next, above);
    let prev_text = |i: usize| prev.cells.get(i).map(|c| trim(c)).filter(|c| !c.is_empty());
    let closes = |i: usize, n: &str| {
        prev_text(i).is_some_and(|p| {
            (open_brackets(p) > 0 && open_brackets(n) < 0)
                || n.starts_with(['）', ')', '】', '》', '”', '，', '、', '；', '。'])
        })
    };
    !new.is_empty()
        && new.len() < next.cells.len()
        && new.iter().any(|&(i, n)| closes(i, n))
        && new.iter().all(|&(i, _)| i < prev.cells.len())
}

/// A ruled row broken across pages by its producer (Word lets a row
/// break): on the new page only the last lines of some of its cells,
/// each under text of the row above. Either one cell holds text, or a
/// cell between two that do is empty where the row above has text (a
/// name's last line and an explanation's, but no value), or none right of
/// them where it has text (a level's last line and a name's): a new row
/// has a name and a value, or its levels.
fn is_rest_of_cut_cells(prev: &Row, next: &Row) -> bool {
    let filled: Vec<usize> = next
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !trim(c).is_empty())
        .map(|(i, _)| i)
        .collect();
    let (Some(&first), Some(&last)) = (filled.first(), filled.last()) else {
        return false;
    };
    let under_text = filled
        .iter()
        .all(|&i| has_text(&prev.cells, i) && next.cells.get(i).is_some_and(|c| !ends_a_row(c)));
    let hole = (first + 1..last).any(|j| !has_text(&next.cells, j) && has_text(&prev.cells, j));
    // Or only cells left of the values `prev` printed: a new row has its
    // own values there.
    let left_only = (last + 1..prev.cells.len()).any(|j| has_text(&prev.cells, j));
    under_text && (filled.len() == 1 || hole || left_only)
}

/// Whether every new text of `next` lies under text of `prev` in the same
/// column, and every basis or category among them completes the cut text
/// above it ("计划" / "标准", "绩效基本" / "型"): `next` holds the last
/// lines of `prev`'s cells, cut off by the page break. A whole basis or
/// category belongs to a new row. ("其他" is a basis of its own,
/// "其他标准" a longer one.)
fn rests_of_cells(prev: &Row, next: &Row, above: &[String]) -> bool {
    next.cells.iter().enumerate().all(|(i, c)| {
        if trim(c).is_empty() {
            return true;
        }
        let above_text = prev.cells.get(i).filter(|p| !trim(p).is_empty());
        if ends_a_row(c) {
            // Even when it equals the text above: that is a new row's.
            return above_text.is_some_and(|p| {
                let whole = join_wrapped(p, c);
                ends_a_row(&whole) && (!ends_a_row(p) || vocab::is_listed_basis_or_category(&whole))
            });
        }
        repeats(above, i, c) || above_text.is_some()
    })
}

/// `c` is the text already in effect in column `i` (a merged cell printed
/// again after a page break).
fn repeats(above: &[String], i: usize, c: &str) -> bool {
    above.get(i).is_some_and(|a| !a.is_empty() && a == trim(c))
}

/// Joins a wrapped cell's lines: CJK without a space, Latin with one.
pub fn join_wrapped(a: &str, b: &str) -> String {
    let a = a.trim_end();
    let b = b.trim_start();
    // (A number cut by the wrap, `不少于160` / `0家`, is one number.)
    let number_cut =
        a.ends_with(|c: char| c.is_ascii_digit()) && b.starts_with(|c: char| c.is_ascii_digit());
    let latin = a.ends_with(|c: char| c.is_ascii_alphanumeric())
        && b.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !number_cut;
    if latin {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// The two parts as one row. Where `prev` is whole, or `next` holds only
/// the rest of `prev`'s cells, the rest of each wrapped cell is appended to
/// it (texts that only repeat a merged cell are left out). Otherwise, where
/// the cut fell inside a cell (the last text of `prev` and the first of
/// `next` in the same column) that cell's lines are joined; else the parts
/// are laid side by side in their columns, or, when they overlap, one after
/// the other.
pub fn join(prev: &Row, next: &Row, above: &[String]) -> Row {
    let p_last = last_text(&prev.cells).map_or(0, |(i, _)| i);
    let n_first = first_text(&next.cells).map_or(0, |(i, _)| i);
    let mut cells: Vec<String> = prev.cells.clone();
    let prev_whole = last_text(&prev.cells).is_some_and(|(_, t)| ends_a_row(t));
    if prev_whole || rests_of_cells(prev, next, above) || continues_in_place(prev, next, above) {
        for (i, c) in next.cells.iter().enumerate() {
            // (A figure equal to the one above, where prev has none, is
            // this row's own: two rows of weight 30, no merge printed again.)
            let own_figure = is_whole_figure(trim(c)) && !has_text(&prev.cells, i);
            if trim(c).is_empty() || (repeats(above, i, c) && !own_figure) {
                continue;
            }
            if let Some(slot) = cells.get_mut(i) {
                *slot = join_wrapped(slot, c);
            }
        }
    } else if n_first == p_last {
        let width = cells.len().max(next.cells.len());
        cells.resize(width, String::new());
        for (i, c) in next.cells.iter().enumerate() {
            if trim(c).is_empty() {
                continue;
            }
            cells[i] = if i == p_last {
                join_wrapped(&cells[i], c)
            } else {
                c.clone()
            };
        }
    } else if n_first > p_last {
        cells.truncate(p_last + 1);
        cells.extend(next.cells.iter().skip(p_last + 1).cloned());
    } else {
        cells.truncate(p_last + 1);
        cells.extend(next.cells.iter().skip(n_first).cloned());
    }
    // Positions stay known only where the joined row kept prev's cells.
    let spans = prev.spans.clone().filter(|s| s.len() == cells.len());
    Row {
        cells,
        page: prev.page,
        after_page_break: prev.after_page_break,
        table_start: prev.table_start,
        spans,
    }
}

/// A table row as read: borrowed from the layout unless a join changed
/// it, with whether it was joined from a cut and whether it is a header
/// row (worked out once: the test reads every cell).
#[derive(Debug, Clone)]
pub struct TableRow<'a> {
    pub row: Cow<'a, Row>,
    /// Joined with its continuation after a page break.
    pub joined: bool,
    /// Joined with the rest of a cell that a line break cut
    /// ([`join_cells_cut_by_line_breaks`]).
    pub cell_joined: bool,
    pub header: bool,
}

/// Each row with whether it is a header row ([`is_header`]).
pub fn with_headers<'a>(rows: &[&'a Row]) -> Vec<TableRow<'a>> {
    let mut out: Vec<TableRow<'a>> = rows
        .iter()
        .map(|&r| TableRow {
            row: Cow::Borrowed(r),
            joined: false,
            cell_joined: false,
            header: is_header(r),
        })
        .collect();
    // A table's first row of group titles only, over its header row
    // (`绩效指标` over the levels' columns, `目标` over 指标值 | 计量单位): a
    // header row too, though no title of it names a column.
    let opens_with_groups = out
        .first()
        .is_some_and(|t| !t.header && is_group_row(&t.row))
        && out.get(1).is_some_and(|t| t.header);
    if opens_with_groups {
        if let Some(first) = out.first_mut() {
            first.header = true;
        }
    }
    out
}

/// A row of group titles over a header row: two or more, each a table's
/// label, a part of a column title, or a group's word.
fn is_group_row(r: &Row) -> bool {
    let texts: Vec<&str> = r.text_vec();
    texts.len() >= 2
        && texts.iter().all(|t| {
            let s = squash(t);
            s.ends_with("绩效指标")
                || vocab::is_indicator_header_part(&s)
                || matches!(&*s, "目标" | "绩效目标" | "指标" | "序号" | "说明" | "备注")
        })
}

/// The rows of a table with cut rows joined (`joined` marks them). A
/// header printed again at the top of the new page stays where it is and
/// does not separate a cut row from its continuation.
/// `rows_end_with_vocabulary`: the table's last columns are 依据 / 分类,
/// whose values tell where a row ends; without them only a ruled row's
/// cut cells are mended ([`cut_cells_continue`]).
pub fn join_cut_rows<'a>(
    rows: Vec<TableRow<'a>>,
    rows_end_with_vocabulary: bool,
) -> Vec<TableRow<'a>> {
    let mut out: Vec<TableRow<'a>> = Vec::with_capacity(rows.len());
    let mut above: Vec<String> = Vec::new();
    let mut last_data: Option<usize> = None;
    let mut break_pending = false;
    let mut headers: Vec<Vec<String>> = Vec::new();
    for mut t in rows {
        if t.header {
            // A header printed again under data rows is a page break, also
            // where the file does not say so (a table converted from a PDF
            // into Word or HTML keeps the repeated header, not the break).
            let texts: Vec<String> = t.row.texts().map(str::to_string).collect();
            let repeated = last_data.is_some() && headers.contains(&texts);
            break_pending |= t.row.after_page_break || repeated;
            headers.push(texts);
            // A table label printed in a header row may be printed again
            // beside a continuation; level names in effect stay in effect.
            remember(&mut above, &t.row, false);
            out.push(t);
            continue;
        }
        // 续表 over a table's continuation marks a page break, and stands
        // between a cut row's two parts without parting them.
        if is_continuation_mark(&t.row) {
            break_pending = true;
            out.push(t);
            continue;
        }
        if std::mem::take(&mut break_pending) && !t.row.after_page_break {
            t.row.to_mut().after_page_break = true;
        }
        // A table split in two (an HTML or DOCX table cut where a page of
        // the source broke) may have cut its last row.
        let split_here = t.row.table_start && last_data.is_some();
        let joined = match last_data.and_then(|i| out.get_mut(i)) {
            Some(prev)
                if !prev.header
                    && !is_whole_note(&prev.row)
                    && (if rows_end_with_vocabulary {
                        data_continues(&prev.row, &t.row, &above)
                    } else {
                        cut_cells_continue(&prev.row, &t.row, &above)
                            || values_after_the_break(&prev.row, &t.row, &above)
                    } || (split_here && completes_row_cut_at_split(&prev.row, &t.row))) =>
            {
                prev.row = Cow::Owned(join(&prev.row, &t.row, &above));
                prev.joined = true;
                prev.header = is_header(&prev.row);
                true
            }
            _ => false,
        };
        remember(&mut above, &t.row, true);
        if !joined {
            out.push(t);
            last_data = Some(out.len() - 1);
        }
    }
    out
}

/// A note printed under the table's rows, whole (`注：…标准。` alone on
/// its row, ended as a sentence ends): a row after a page break does not
/// go on from it. Chromium prints a table's footer (`<tfoot>`) at the foot
/// of every page, above the rows the next page goes on with.
fn is_whole_note(row: &Row) -> bool {
    super::note_line(row).is_some_and(|t| t.ends_with(['。', '；', '.', ')', '）']))
}

/// Whether cell `i` holds text.
fn has_text(cells: &[String], i: usize) -> bool {
    cells.get(i).is_some_and(|t| !trim(t).is_empty())
}

/// Whether `next`, the first row of a table that continues the one above
/// (HTML or DOCX tables split where the source's page broke), completes
/// `prev`, the last row of that one: `prev` ends on a cell with no value
/// after it (`政策范围内住院费用基金 |` with the target empty), and `next`
/// opens in that same column, with nothing left of it (the level cells
/// merged over both), with the rest of the text (`支付比例`) and the
/// values `prev` lacks (`70%左右`). A new row would print its own
/// name beside a `prev` that has its value.
fn completes_row_cut_at_split(prev: &Row, next: &Row) -> bool {
    let (Some(_), Some(_)) = (&prev.spans, &next.spans) else {
        return false;
    };
    let (Some((p_last, p_text)), Some((n_first, n_text))) =
        (last_text(&prev.cells), first_text(&next.cells))
    else {
        return false;
    };
    let values: Vec<usize> = (n_first + 1..next.cells.len())
        .filter(|&i| has_text(&next.cells, i))
        .collect();
    n_first == p_last
        && !values.is_empty()
        && values.iter().all(|&i| !has_text(&prev.cells, i))
        && !ends_a_row(p_text)
        && !vocab::is_level1_name(n_text)
        && !vocab::is_level2_name(n_text)
        && super::values::parse_target(n_text).is_none()
}

/// 续表, 续上表 or 接上表, bracketed or not, in text without whitespace.
pub fn is_continuation_word(squashed: &str) -> bool {
    matches!(
        squashed
            .trim_end_matches([':', '：'])
            .trim_matches(['(', ')', '（', '）']),
        "续表" | "续上表" | "接上表"
    )
}

/// A row that only says the table goes on from the page before: 续表,
/// 续上表, 接上表 (bracketed or not), or a label marked as continued
/// (`年度绩效指标（续）`).
pub fn is_continuation_mark(row: &Row) -> bool {
    let mut texts = row.texts().peekable();
    texts.peek().is_some()
        && texts.all(|t| {
            let t = squash(t);
            is_continuation_word(&t)
                || (t.chars().count() <= 30
                    && ["(续)", "（续）", "(续表)", "（续表）"]
                        .iter()
                        .any(|m| t.ends_with(m)))
        })
}

/// The cells of a text row without the empty cells after its last text.
fn trimmed(cells: &[String]) -> &[String] {
    let end = cells
        .iter()
        .rposition(|c| !trim(c).is_empty())
        .map_or(0, |i| i + 1);
    cells.get(..end).unwrap_or(cells)
}

/// Whether `next` goes on a text row that a line break inside one of its
/// cells cut (a cell of two lines copied out of a web page: `教师培训` /
/// `人次 | ≥1200人次 | 计划标准`): `prev` stops at a text short of the
/// table's `width`, `next` opens with the rest of that cell in its first
/// column and ends on the 依据 / 分类 value that ends every row, and the
/// two make exactly one row of the table's width. A row that ends on such
/// a value is whole, and one that opens with a level name is a row of its
/// own shifted by a merged cell.
fn cell_cut_by_a_line_break(prev: &Row, next: &Row, width: usize) -> bool {
    let (a, b) = (trimmed(&prev.cells), trimmed(&next.cells));
    let (Some(last), Some(first)) = (a.last(), b.first()) else {
        return false;
    };
    let (last, first) = (trim(last), trim(first));
    prev.spans.is_none()
        && next.spans.is_none()
        && !last.is_empty()
        && !first.is_empty()
        && a.len() < width
        && b.len() < width
        && a.len() + b.len() == width + 1
        && !ends_a_row(last)
        && b.last().is_some_and(|t| ends_a_row(trim(t)))
        && !vocab::is_level1_name(first)
        && !vocab::is_level2_name(first)
}

/// Text rows cut by a line break inside a cell ([`cell_cut_by_a_line_break`])
/// joined back: the cut cell's two lines are one text again.
pub fn join_cells_cut_by_line_breaks<'a>(
    rows: Vec<TableRow<'a>>,
    width: usize,
) -> Vec<TableRow<'a>> {
    let mut out: Vec<TableRow<'a>> = Vec::with_capacity(rows.len());
    for t in rows {
        if let Some(prev) = out.last_mut() {
            if !prev.header && !t.header && cell_cut_by_a_line_break(&prev.row, &t.row, width) {
                let a = trimmed(&prev.row.cells);
                let b = trimmed(&t.row.cells);
                let mut cells: Vec<String> = a.to_vec();
                if let (Some(last), Some(first)) = (cells.last_mut(), b.first()) {
                    *last = join_wrapped(last, first);
                }
                cells.extend(b.iter().skip(1).cloned());
                prev.row.to_mut().cells = cells;
                prev.cell_joined = true;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Records a row's texts as the texts in effect per column: all of them
/// (`replace`), or only where no text is in effect yet.
fn remember(above: &mut Vec<String>, row: &Row, replace: bool) {
    for (i, c) in row.cells.iter().enumerate() {
        let c = trim(c);
        if c.is_empty() {
            continue;
        }
        if above.len() <= i {
            above.resize(i + 1, String::new());
        }
        if let Some(slot) = above.get_mut(i).filter(|s| replace || s.is_empty()) {
            if slot != c {
                slot.clear();
                slot.push_str(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(s: &str, after_break: bool) -> Row {
        Row {
            cells: s.split('|').map(str::to_string).collect(),
            page: None,
            after_page_break: after_break,
            table_start: false,
            spans: None,
        }
    }

    #[test]
    fn a_text_rows_values_after_the_break_join_its_name() {
        // A text dump's row cut after its name: its value columns printed
        // empty, the values alone after the break, one of them equal to
        // the row's above (weight 30), which is no merge printed again.
        let rows = [
            row(
                "年度绩效指标|一级指标|二级指标|三级指标|指标性质|指标值|度量单位|分值|指标方向",
                false,
            ),
            row("|产出指标|数量指标|运营服务站数量|=|12|个|30|正向", false),
            row("||时效指标|助餐服务响应时限|||||", false),
            row("||||≤|2|小时|30|反向", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let joined = join_cut_rows(with_headers(&refs), false);
        let data: Vec<Vec<String>> = joined
            .iter()
            .filter(|t| !t.header)
            .map(|t| t.row.cells.clone())
            .collect();
        assert_eq!(data.len(), 2, "{data:?}");
        assert_eq!(
            data[1].join("|"),
            "||时效指标|助餐服务响应时限|≤|2|小时|30|反向"
        );
        // A row of its own after the break (its name printed) stays apart.
        let rows = [
            row("年度绩效指标|一级指标|二级指标|三级指标|指标值", false),
            row("||时效指标|响应时限|", false),
            row("|||维修时限|≤2小时", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let joined = join_cut_rows(with_headers(&refs), false);
        assert_eq!(joined.iter().filter(|t| !t.header).count(), 2);
    }

    #[test]
    fn a_band_of_titles_beside_the_levels_group_title_is_a_header() {
        // 绩效指标 spans the level columns over 一级指标 | 二级指标 | 三级
        // 指标; 目标值 and 分值 are merged down beside it.
        assert!(is_header(&row("绩效指标|目标值|分值", false)));
        assert!(is_header(&row("绩效指标||目标值|权重", false)));
        // One column title is no header row, nor is a data row.
        assert!(!is_header(&row("绩效指标|目标值|巡河次数", false)));
        assert!(!is_header(&row("产出指标|巡河次数|≥120次|20", false)));
    }

    /// A row of a ruled grid of `columns` columns (positions all alike).
    fn ruled(s: &str, after_break: bool, columns: usize) -> Row {
        Row {
            spans: Some(vec![crate::layout::Span::default(); columns]),
            ..row(s, after_break)
        }
    }

    /// The name and target (third and fourth cells) of each data row of
    /// a table once its cut rows are joined.
    fn joined_names_and_targets(rows: &[Row]) -> Vec<(String, String)> {
        let refs: Vec<&Row> = rows.iter().collect();
        join_cut_rows(with_headers(&refs), false)
            .iter()
            .filter(|t| !t.header)
            .map(|t| {
                let cell = |i: usize| t.row.cells.get(i).cloned().unwrap_or_default();
                (cell(2), cell(3))
            })
            .collect()
    }

    /// Owned pairs, to compare with [`joined_names_and_targets`].
    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn continuation_words() {
        for t in ["续表", "（续表）", "续上表：", "接上表", "(续表):"] {
            assert!(is_continuation_word(t), "{t}");
        }
        for t in ["续表说明", "表", "继续实施"] {
            assert!(!is_continuation_word(t), "{t}");
        }
    }

    #[test]
    fn a_whole_row_and_a_new_row_after_the_break_stay_two() {
        // Page 2 opens with the header again, then a row whose unit cell
        // is empty, its levels printed again: a new row, though its texts
        // all stand under texts of the row above. Its weight equals the
        // one above.
        let grid = |s: &str, after: bool| ruled(s, after, 7);
        let rows = [
            grid(
                "一级指标|二级指标|三级指标|指标性质|指标值|计量单位|分值",
                false,
            ),
            grid("效益指标|经济效益指标|村集体经济收入|≥|5|万元|3", false),
            grid(
                "一级指标|二级指标|三级指标|指标性质|指标值|计量单位|分值",
                true,
            ),
            grid("效益指标|经济效益指标|带动农户增收|定性|明显增加||3", false),
        ];
        assert_eq!(
            joined_names_and_targets(&rows),
            pairs(&[("村集体经济收入", "≥"), ("带动农户增收", "定性")])
        );
        // Nor a new level 2 under a level 1 in effect, its unit empty.
        let rows = [
            grid(
                "一级指标|二级指标|三级指标|指标性质|指标值|计量单位|分值",
                false,
            ),
            grid("效益指标|生态效益指标|生活垃圾无害化处理率|≥|95|%|5", false),
            grid("|可持续影响指标|长效管护机制|定性|健全||4", true),
        ];
        assert_eq!(
            joined_names_and_targets(&rows),
            pairs(&[("生活垃圾无害化处理率", "≥"), ("长效管护机制", "定性")])
        );
    }

    #[test]
    fn a_ruled_row_broken_across_pages_in_one_cell() {
        // A table ending with its target, so without 依据 / 分类 to tell
        // where rows end: a row Word let break across the page.
        let grid = |s: &str, after: bool| ruled(s, after, 4);
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值", false),
            grid(
                "满意度指标|服务对象满意度|群众满意度|城乡居民满意度不低于",
                false,
            ),
            grid("|||92%", true),
            grid("|服务对象满|参赛群众满意度|≥90%", false),
            grid("|意度指标|||", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), false);
        let data: Vec<(&str, &str)> = out
            .iter()
            .filter(|t| !t.header)
            .map(|t| (t.row.cells[1].as_str(), t.row.cells[3].as_str()))
            .collect();
        assert_eq!(
            data,
            vec![
                ("服务对象满意度", "城乡居民满意度不低于92%"),
                ("服务对象满意度指标", "≥90%")
            ]
        );
        // A new row on the new page (a name and a value) stays a row.
        let rows = [
            grid("满意度指标|服务对象满意度|群众满意度|≥90%", false),
            grid("|||指导员满意度|≥88%", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), false).len(), 2);
    }

    #[test]
    fn a_ruled_row_cut_after_its_name() {
        // The name ends page 1 with its value cell empty; the value opens
        // page 2 under the level names printed again, or none. It was read
        // as two indicators, one without a target and one without a name.
        let grid = |s: &str, after: bool| ruled(s, after, 4);
        for rest in ["产出指标|数量指标||≥97%", "|||≥97%"] {
            let rows = [
                grid("一级指标|二级指标|三级指标|指标值", false),
                grid("产出指标|数量指标|终端覆盖率|100%", false),
                grid("产出指标|数量指标|终端在线率|", false),
                grid(rest, true),
            ];
            assert_eq!(
                joined_names_and_targets(&rows),
                pairs(&[("终端覆盖率", "100%"), ("终端在线率", "≥97%")]),
                "{rest}"
            );
        }
        // A target cut by the break (不少于160 / 0家), the level names
        // printed again beside its rest: one row, one number.
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值", false),
            grid("产出指标|质量指标|重点企业数量|不少于160", false),
            grid("产出指标|质量指标||0家", true),
            grid("产出指标|时效指标|发布时限|≤10分钟", false),
        ];
        assert_eq!(
            joined_names_and_targets(&rows),
            pairs(&[("重点企业数量", "不少于1600家"), ("发布时限", "≤10分钟")])
        );
        // A new row names its indicator.
        let rows = [
            grid("产出指标|数量指标|终端在线率|", false),
            grid("产出指标|数量指标|终端覆盖率|≥97%", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), false).len(), 2);
        // A figure cut from its unit (12 / 个乡镇), the name cut as well
        // (群众文化活动参与 / 人次): one row. It was two, silently.
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值", false),
            grid(
                "效益指标|社会效益指标|群众文化活动参与|全年完成辖区内12",
                false,
            ),
            grid("||人次|个乡镇综合文化站免费开放", true),
            grid("满意度指标|服务对象满意度|群众满意度|≥90%", false),
        ];
        assert_eq!(
            joined_names_and_targets(&rows),
            pairs(&[
                (
                    "群众文化活动参与人次",
                    "全年完成辖区内12个乡镇综合文化站免费开放"
                ),
                ("群众满意度", "≥90%")
            ])
        );
        // A new row's target opens with a figure, not with its unit.
        let rows = [
            grid("效益指标|社会效益指标|文化活动场次|12", false),
            grid("||参与人次|3000人次", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), false).len(), 2);
    }

    #[test]
    fn a_new_row_stating_its_target_after_the_break_is_no_rest() {
        // Page 1 ends on a whole row (its 依据 printed); page 2 opens with
        // a new row, name and target under the row above's, its 依据
        // empty. A target opening with its operator is no cut cell's rest:
        // the two were joined into one indicator.
        let grid = |s: &str, after: bool| ruled(s, after, 6);
        for ends_with_vocabulary in [false, true] {
            let rows = [
                grid(
                    "一级指标|二级指标|三级指标|指标值|指标值确定依据|备注",
                    false,
                ),
                grid("产出指标|时效指标|项目完成时间|年底前完成|计划标准|", false),
                grid("||问题整改时限|≤15个工作日||", true),
                grid("||资金拨付及时率|100%|计划标准|", false),
            ];
            let refs: Vec<&Row> = rows.iter().collect();
            let names: Vec<String> = join_cut_rows(with_headers(&refs), ends_with_vocabulary)
                .iter()
                .filter(|t| !t.header)
                .map(|t| t.row.cells[2].clone())
                .collect();
            assert_eq!(
                names,
                ["项目完成时间", "问题整改时限", "资金拨付及时率"],
                "{ends_with_vocabulary}"
            );
        }
        // Nor where the row above lacks its 依据 and the new row has one.
        let rows = [
            grid("产出指标|时效指标|项目完成时间|年底前完成||", false),
            grid("||问题整改时限|≤15个工作日|计划标准|", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), true).len(), 2);
        // The rest of a cut row, its target's unit (平方公 / 里), is joined.
        let rows = [
            grid(
                "一级指标|二级指标|三级指标|指标值|指标值确定依据|备注",
                false,
            ),
            grid(
                "效益指标|生态效益指标|水土流失治|≥2.6平方公|计划标准|",
                false,
            ),
            grid("||理面积|里||", true),
        ];
        assert_eq!(
            joined_names_and_targets(&rows),
            pairs(&[("水土流失治理面积", "≥2.6平方公里")])
        );
    }

    #[test]
    fn a_row_after_a_note_at_the_foot_of_a_page_is_no_part_of_it() {
        // Chromium prints a table's footer note at the foot of each page:
        // the first row of the next page was joined to it, the note taking
        // the place of its level 1.
        let grid = |s: &str, after: bool| ruled(s, after, 5);
        let note = "注：指标值确定依据包括计划标准、行业标准。";
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值|指标值确定依据", false),
            grid("效益指标|社会效益指标|群众知晓率|≥88%|计划标准", false),
            grid(&format!("{note}||||"), false),
            grid("一级指标|二级指标|三级指标|指标值|指标值确定依据", true),
            grid(
                "满意度指标|服务对象满意度指标|群众满意度|≥91%|历史标准",
                false,
            ),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let first_cells: Vec<String> = join_cut_rows(with_headers(&refs), true)
            .iter()
            .filter(|t| !t.header)
            .map(|t| t.row.cells[0].clone())
            .collect();
        assert_eq!(first_cells, ["效益指标", note, "满意度指标"]);
    }

    #[test]
    fn a_row_cut_where_a_table_was_split_in_two() {
        // An HTML or DOCX table split where the source's page broke: the
        // first part ends on a name with no target, the second opens with
        // the rest of it and the target under blank level cells.
        let grid = |s: &str, start: bool| Row {
            spans: Some(vec![crate::layout::Span::default(); 4]),
            table_start: start,
            ..row(s, false)
        };
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值", true),
            grid("产出指标|质量指标|城乡居民医保参保率|≥95%", false),
            grid("||政策范围内住院费用基金|", false),
            grid("||支付比例|70%左右", true),
            grid("|时效指标|医保待遇结算及时率|100%", false),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), false);
        let names: Vec<(&str, &str)> = out
            .iter()
            .filter(|t| !t.header)
            .map(|t| (t.row.cells[2].as_str(), t.row.cells[3].as_str()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("城乡居民医保参保率", "≥95%"),
                ("政策范围内住院费用基金支付比例", "70%左右"),
                ("医保待遇结算及时率", "100%")
            ]
        );
        // A row of the first part with its target: the second part's
        // first row is a row of its own.
        let rows = [
            grid("产出指标|质量指标|城乡居民医保参保率|≥95%", true),
            grid("||住院费用支付比例|70%左右", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), false).len(), 2);
    }

    #[test]
    fn a_continuation_mark_does_not_part_a_cut_row() {
        let grid = |s: &str, after: bool| ruled(s, after, 5);
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值|指标值确定依据", false),
            grid(
                "产出指标|质量指标|城乡低保资金社会化|100%|资金发放记录",
                false,
            ),
            // 续表 over the continuation, as a row or a paragraph.
            Row {
                spans: None,
                ..row("续表", true)
            },
            grid("一级指标|二级指标|三级指标|指标值|指标值确定依据", false),
            grid("||发放率||", false),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), true);
        let names: Vec<&str> = out
            .iter()
            .filter(|t| !t.header && t.row.spans.is_some())
            .map(|t| t.row.cells[2].as_str())
            .collect();
        assert_eq!(names, ["城乡低保资金社会化发放率"]);
        assert!(is_continuation_mark(&row("（续表）", false)));
        assert!(is_continuation_mark(&row("年度绩效指标（续）", false)));
        assert!(!is_continuation_mark(&row("继续教育培训人次|≥300", false)));
    }

    #[test]
    fn a_ruled_row_broken_across_pages_in_two_cells() {
        // The name's last line and the explanation's, with no value
        // between them: the rest of the row above.
        let grid = |s: &str, after: bool| ruled(s, after, 5);
        let rows = [
            grid("一级指标|二级指标|三级指标|指标值|指标解释", false),
            grid(
                "产出指标|时效指标|公共文化服务指标|≥100场次|反映第10项指标",
                false,
            ),
            grid("||10||的完成情况。", true),
            grid("||公共文化服务指标11|≥110场次|反映第11项指标", false),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), false);
        let data: Vec<(&str, &str, &str)> = out
            .iter()
            .filter(|t| !t.header)
            .map(|t| {
                (
                    t.row.cells[2].as_str(),
                    t.row.cells[3].as_str(),
                    t.row.cells[4].as_str(),
                )
            })
            .collect();
        assert_eq!(
            data,
            vec![
                (
                    "公共文化服务指标10",
                    "≥100场次",
                    "反映第10项指标的完成情况。"
                ),
                ("公共文化服务指标11", "≥110场次", "反映第11项指标"),
            ]
        );
        // A new row whose last cell is empty has no gap: it stays a row.
        let rows = [
            grid(
                "产出指标|时效指标|公共文化服务指标|≥100场次|反映第10项指标",
                false,
            ),
            grid("|质量指标|合格率|≥95%|", true),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        assert_eq!(join_cut_rows(with_headers(&refs), false).len(), 2);
    }

    #[test]
    fn a_line_of_text_is_not_continued_by_a_grid_row() {
        // The table's label left at the foot of a page, its table on the
        // next page (a PDF from Word).
        let label = row("年度绩效指标", false);
        let first = row(
            "运行成本|经济成本指标|公用经费控制率|≤100%|计划标准|绩效基本型",
            true,
        );
        // (As two lines of text they would be one cut row.)
        assert!(continues(&label, &first, &[]));
        let grid = Row {
            spans: Some(vec![crate::layout::Span::default(); 6]),
            ..first
        };
        assert!(!continues(&label, &grid, &[]));
    }

    #[test]
    fn cut_between_columns() {
        let a = row("||预算执行|预算执行率|≥90%||", false);
        let b = row("|||||计划标准|绩效基本型", true);
        assert!(continues(&a, &b, &[]));
        assert_eq!(
            join(&a, &b, &[]).cells,
            vec![
                "",
                "",
                "预算执行",
                "预算执行率",
                "≥90%",
                "计划标准",
                "绩效基本型"
            ]
        );
    }

    #[test]
    fn cut_inside_a_cell() {
        let a = row("|||高频政务服务事项中实现", false);
        let b = row("|||“一网通办”比例|98%|100%|≥100%|计划标准|绩效基本型", true);
        assert!(continues(&a, &b, &[]));
        let j = join(&a, &b, &[]);
        assert_eq!(j.cells[3], "高频政务服务事项中实现“一网通办”比例");
        assert_eq!(j.cells.len(), 9);
    }

    #[test]
    fn shifted_continuation_goes_after() {
        let a = row("||预算执行|预算执行率|≥90%", false);
        let b = row("||计划标准|绩效基本型", true);
        assert!(continues(&a, &b, &[]));
        assert_eq!(
            join(&a, &b, &[]).cells,
            vec![
                "",
                "",
                "预算执行",
                "预算执行率",
                "≥90%",
                "计划标准",
                "绩效基本型"
            ]
        );
    }

    #[test]
    fn wrapped_cell_continued_on_the_next_page() {
        let a = row(
            "|||项目实施成本控制|≤预算|≤预算|≤预算|计划标准|绩效基本型",
            false,
        );
        let b = row("|||在预算范围内|||||", true);
        assert!(continues(&a, &b, &[]));
        let j = join(&a, &b, &[]);
        assert_eq!(j.cells[3], "项目实施成本控制在预算范围内");
        assert_eq!(j.cells[8], "绩效基本型");
        // A new row with its own values is not a continuation.
        let c = row("|||预算执行率|≥90%|≥90%|≥90%|计划标准|绩效基本型", true);
        assert!(!continues(&a, &c, &[]));
        // Text where the row above has none: a new row, not a continuation.
        let d = row("|成本指标||||||||", true);
        assert!(!continues(&a, &d, &[]));
    }

    #[test]
    fn continuation_after_a_repeated_header_with_repeated_names() {
        let rows = [
            row(
                "|履职效能|交通运输安全|“两客一危”车辆监管培训人次|≥1757人次|计划标准|绩效提升型",
                false,
            ),
            row("|||“两客一危”车辆监管问题|≥98%|计划标准|绩效基本型", false),
            row(
                "长期绩效指标|一级指标|二级指标|三级指标|指标值|指标值确定依据|指标分类",
                true,
            ),
            row("长期绩效指标|履职效能|交通运输安全|整改完成率|||", false),
            row(
                "|||“两客一危”车辆监管资金拨付及时率|100%|计划标准|绩效基本型",
                false,
            ),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), true);
        let texts: Vec<(String, bool)> = out
            .iter()
            .map(|t| (t.row.cells[3].clone(), t.joined))
            .collect();
        assert_eq!(
            texts,
            vec![
                ("“两客一危”车辆监管培训人次".to_string(), false),
                ("“两客一危”车辆监管问题整改完成率".to_string(), true),
                ("三级指标".to_string(), false),
                ("“两客一危”车辆监管资金拨付及时率".to_string(), false),
            ]
        );
        // The joined row keeps its own (empty) level cells.
        assert_eq!(out[1].row.cells[1], "");
    }

    #[test]
    fn a_new_row_repeating_the_basis_above_is_not_a_continuation() {
        let a = row(
            "|管理效率|战略管理|中长期规划相符性|相符|计划标准|绩效基本型",
            false,
        );
        let b = row("|||工作计划健全性|健全|计划标准|绩效基本型", true);
        let above: Vec<String> = a.cells.clone();
        assert!(!continues(&a, &b, &above));
    }

    #[test]
    fn category_cut_by_the_break() {
        let a = row("|||耕地地力保护|100%|100%|≤100%|计划|绩效基本", false);
        let b = row("|||补贴发放成本控制率||||标准|型", true);
        assert!(continues(&a, &b, &[]));
        let j = join(&a, &b, &[]);
        assert_eq!(j.cells[3], "耕地地力保护补贴发放成本控制率");
        assert_eq!(j.cells[7], "计划标准");
        assert_eq!(j.cells[8], "绩效基本型");
    }

    #[test]
    fn four_digit_values_are_not_years() {
        // Values such as 1574 (人次) are not a header's years, and their
        // units may be cut off by the break too.
        let a = row("|||校园安全隐|1574|1600|≥1793|计划|绩效提升型", false);
        let b = row("|||患排查整治培训人次|人次|人次|人次|标准|", true);
        assert!(!is_header(&a));
        assert!(is_header(&row("年度绩效指标||||2024年|2025年|||", false)));
        // The rest of a header cut inside "2023 / 年".
        assert!(is_header(&row("||||年||值|据|", true)));
        // Titles cut into three lines: the middle one beside the years.
        assert!(is_header(&row("||||2024年|2025年|年实现值|定依|", true)));
        assert!(!is_header(&row("年度绩效指标||||||||", false)));
        assert!(is_header(&row("|||目标值|单位|", false)));
        assert!(!is_header(&row(
            "产出指标|数量指标|培训人次|≥500|人次|30",
            false
        )));
        assert!(!is_header(&row("||||||年||", true)));
        // The lower row of a two-row header: years with their words.
        assert!(is_header(&row("2024年实际|2025年|2026年", false)));
        assert!(is_header(&row("2024年|2025年目标值", false)));
        assert!(is_header(&row("2024年完成值|目标值", false)));
        assert!(!is_header(&row("2024年|1600人次", false)));
        assert!(continues(&a, &b, &[]));
        let j = join(&a, &b, &[]);
        assert_eq!(j.cells[4], "1574人次");
        assert_eq!(j.cells[7], "计划标准");
    }

    #[test]
    fn row_cut_inside_its_cells_by_the_break() {
        // Word and LibreOffice let a row break across pages: the cells'
        // first lines end one page, their last lines open the next.
        let a = row(
            "||生态环境|“双随机、一|100%|100%|100%|行业|绩效基本型",
            false,
        );
        let b = row("||执法|公开”监管任务完成率||||标准|", true);
        assert!(continues(&a, &b, &[]));
        let j = join(&a, &b, &[]);
        assert_eq!(j.cells[2], "生态环境执法");
        assert_eq!(j.cells[3], "“双随机、一公开”监管任务完成率");
        assert_eq!(j.cells[7], "行业标准");
        assert_eq!(j.cells[8], "绩效基本型");
        let a = row("|||县乡公路提|95%|93%|≥95%|其他|绩效提升型", false);
        let b = row("|||档升级覆盖率||||标准|", true);
        assert!(continues(&a, &b, &[]));
        assert_eq!(join(&a, &b, &[]).cells[7], "其他标准");
        // A whole basis below a whole basis is a new row's.
        let a = row(
            "||生态环境|执法率|100%|100%|100%|行业标准|绩效基本型",
            false,
        );
        let c = row("|||信访投诉办结率||||计划标准|", true);
        assert!(!continues(&a, &c, &[]));
    }

    #[test]
    fn a_repeated_header_is_a_page_break_where_none_is_marked() {
        // A table converted from a PDF into Word or HTML: no page breaks,
        // but the header printed again, and the rest of a cut cell.
        let header = "一级指标|二级指标|三级指标|指标值|指标值确定依据|指标分类";
        let rows = [
            row(header, false),
            row(
                "产出指标|质量指标|最低生活保障对象动态管理核查|100%|计划标准|绩效基本型",
                false,
            ),
            row(header, false),
            row("||率|||", false),
            row("||救助资金发放及时率|100%|计划标准|绩效基本型", false),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), true);
        let data: Vec<&str> = out
            .iter()
            .filter(|t| !t.header)
            .map(|t| t.row.cells[2].as_str())
            .collect();
        assert_eq!(
            data,
            vec!["最低生活保障对象动态管理核查率", "救助资金发放及时率"]
        );
        // A different header below data rows (another table) is no break.
        let rows = [
            row(header, false),
            row("产出指标|质量指标|核查|100%|计划标准|绩效基本型", false),
            row(
                "一级指标|二级指标|三级指标|年度指标值|指标值确定依据|指标分类",
                false,
            ),
            row("||率|||", false),
        ];
        let refs: Vec<&Row> = rows.iter().collect();
        let out = join_cut_rows(with_headers(&refs), true);
        assert_eq!(out.iter().filter(|t| t.joined).count(), 0);
    }

    #[test]
    fn repeated_headers_are_not_continuations() {
        let a = row(
            "|满意度|服务对象满意度|群众满意度|98%|98%|≥98%|计划标准|绩效基本型",
            false,
        );
        let h = row(
            "|一级指标|二级指标|三级指标|指标值|指标值确定依据|指标分类",
            true,
        );
        assert!(!continues(&a, &h, &[]));
    }

    #[test]
    fn complete_rows_are_not_joined() {
        let a = row("||预算执行|预算执行率|≥90%|计划标准|绩效基本型", false);
        let b = row("|||结转结余率|0%|计划标准|绩效基本型", true);
        assert!(!continues(&a, &b, &[]));
        // Missing category (ends with a basis) is a complete row too.
        let a = row("||履职效能|政务服务|比例|98%|100%|≥100%|计划标准", false);
        assert!(!continues(&a, &b, &[]));
        // No page break: not a continuation.
        let a = row("||预算执行|预算执行率|≥90%", false);
        let b = row("|||||计划标准|绩效基本型", false);
        assert!(!continues(&a, &b, &[]));
    }

    #[test]
    fn wrapped_text_joins() {
        assert_eq!(join_wrapped("高频政务", "服务事项"), "高频政务服务事项");
        assert_eq!(join_wrapped("CIM", "platform"), "CIM platform");
        assert_eq!(join_wrapped("达到", "95%"), "达到95%");
        assert_eq!(join_wrapped("不少于160", "0家"), "不少于1600家");
    }
}
