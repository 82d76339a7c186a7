//! List sections (functions, tasks, goals): split into items at their
//! enumerators.
//!
//! An enumerator (`(一)`, `（一）`, `一、`, `1、`, `1.`, `(1)`, `目标1：`) counts only at
//! the start of the text or right after a separator (`<p>`, `</p>`, `；`,
//! `;`, `。`, whitespace), and `N.` only when no digit follows, so
//! `达到24.65%` and `提升12345政务服务` stay inside their item. Paragraph
//! tags are item boundaries too.

use std::sync::LazyLock;

use regex::Regex;

use super::values::clean_text;
pub use crate::layout::{after_enumerator, enumerator_len};

static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)</?p(?:\s[^<>]*)?>|<br\s*/?>").unwrap());

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '；' | ';' | '。')
}

fn is_circled_number(c: char) -> bool {
    ('\u{2460}'..='\u{249B}').contains(&c)
}

/// Whether a line opens with an enumerator or a paragraph tag: a wrapped
/// line break before it separates list items.
pub fn starts_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("<p") || t.starts_with("<P") || enumerator_len(t).is_some()
}

/// Splits one paragraph at enumerators; returns the item texts with the
/// enumerators removed.
fn split_paragraph(p: &str, out: &mut Vec<String>) {
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (item start, text start)
    let mut prev: Option<char> = None;
    for (i, c) in p.char_indices() {
        // A circled number (①) opens an item wherever it stands: running
        // text does not use it.
        // (Not right after another's enumerator: `1、 二、三季度` is one
        // item, 二、三季度 its text.)
        let after_enumerator = starts.last().is_some_and(|&(_, text)| text == i);
        if (prev.is_none_or(is_separator) || is_circled_number(c)) && !after_enumerator {
            if let Some(len) = enumerator_len(&p[i..]) {
                starts.push((i, i + len));
            }
        }
        prev = Some(c);
    }
    let mut push = |piece: &str| {
        if let Some(t) = clean_item(piece) {
            out.push(t);
        }
    };
    match starts.first() {
        None => push(p),
        Some(&(first, _)) => {
            push(&p[..first]);
            for (k, &(_, text_start)) in starts.iter().enumerate() {
                let end = starts.get(k + 1).map_or(p.len(), |&(s, _)| s);
                push(&p[text_start..end]);
            }
        }
    }
}

fn clean_item(piece: &str) -> Option<String> {
    let t = clean_text(piece)?;
    let t = t.trim_end_matches(['；', ';', '，', ',', ' ']);
    // (A fill mark, 无 or /, says the list is empty.)
    (!t.is_empty() && !super::indicators::is_filler(t)).then(|| t.to_string())
}

/// Splits a list section's text into items, in order.
/// A line break the file printed inside a paragraph
/// ([`LINE_BREAK`](super::values::LINE_BREAK)) ends an item in a list
/// without enumerators (`建设高标准农田` / `发展特色产业`, one a line), and
/// is a wrap in a numbered one.
pub fn split_items(text: &str) -> Vec<String> {
    use super::values::{LINE_BREAK, PARAGRAPH_BREAK};
    let paragraphs: Vec<&str> = PARAGRAPH
        .split(text)
        .flat_map(|p| p.split(PARAGRAPH_BREAK))
        .collect();
    let numbered = paragraphs
        .iter()
        .flat_map(|p| p.split(['\n', LINE_BREAK]))
        .any(starts_item);
    let mut items = Vec::new();
    for paragraph in paragraphs {
        if numbered || !paragraph.contains(LINE_BREAK) {
            split_paragraph(paragraph, &mut items);
        } else {
            for line in paragraph.split(LINE_BREAK) {
                split_paragraph(line, &mut items);
            }
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_with_chinese_enumerators() {
        let s =
            "<p>(一) 拟订规划。协调推动。</p> <p>(二) 统筹建设。</p> <p>(十三) 完成其他任务。</p>";
        assert_eq!(
            split_items(s),
            vec!["拟订规划。协调推动。", "统筹建设。", "完成其他任务。"]
        );
    }

    #[test]
    fn numbered_items_in_one_paragraph() {
        let s = "1、引导企业入表“零的突破”； 2、聚合数据资源； 3、建立机制； 4、进一步提升12345政务服务便民热线工作效能。";
        assert_eq!(
            split_items(s),
            vec![
                "引导企业入表“零的突破”",
                "聚合数据资源",
                "建立机制",
                "进一步提升12345政务服务便民热线工作效能。"
            ]
        );
    }

    #[test]
    fn enumerators_spaced_from_their_text_and_fill_marks() {
        // A space after `N.` before a number: an enumerator, no decimal.
        assert_eq!(
            split_items("1. 新建5G基站1200个；2. 12345热线实现对接。"),
            vec!["新建5G基站1200个", "12345热线实现对接。"]
        );
        // An enumerator's text that opens with a number word is its text.
        assert_eq!(
            split_items("1、 二、三季度完成验收；2、 第一、二批次资金拨付"),
            vec!["二、三季度完成验收", "第一、二批次资金拨付"]
        );
        // A fill mark is no item.
        for empty in ["无", "/", "——"] {
            assert!(split_items(empty).is_empty(), "{empty}");
        }
    }

    #[test]
    fn decimals_and_numbers_are_not_breaks() {
        let s = "<p>1、覆盖率达到24.65%；</p> <p>2、拓展至4967项。</p>";
        assert_eq!(split_items(s), vec!["覆盖率达到24.65%", "拓展至4967项。"]);
        // `N.` after a separator but followed by a digit is a decimal.
        assert_eq!(
            split_items("1.增长 3.5倍；2.完善"),
            vec!["增长 3.5倍", "完善"]
        );
        assert_eq!(
            split_items("提升 12345政务服务"),
            vec!["提升 12345政务服务"]
        );
    }

    #[test]
    fn items_of_official_prose() {
        assert_eq!(
            split_items(
                "一是完成农村公路养护200公里；二是新建候车亭15个；三是确保安全生产零事故。"
            ),
            vec![
                "完成农村公路养护200公里",
                "新建候车亭15个",
                "确保安全生产零事故。"
            ]
        );
        assert_eq!(
            split_items("第一，建成四好农村路示范县。第二，公交覆盖率达到100%。"),
            vec!["建成四好农村路示范县。", "公交覆盖率达到100%。"]
        );
        // 统一是 is no item's start: no separator before it.
        assert_eq!(split_items("标准统一是关键"), vec!["标准统一是关键"]);
    }

    #[test]
    fn circled_and_bracket_closed_numbers() {
        assert_eq!(
            split_items("①完善制度建设；②提升服务质量③按期完成验收"),
            vec!["完善制度建设", "提升服务质量", "按期完成验收"]
        );
        assert_eq!(
            split_items("1）开展培训；2）完成年度考核。"),
            vec!["开展培训", "完成年度考核。"]
        );
        // A bracket closing a number inside the text is no enumerator.
        assert_eq!(
            split_items("完成率达到(95)%以上"),
            vec!["完成率达到(95)%以上"]
        );
    }

    #[test]
    fn full_width_and_dot_enumerators() {
        assert_eq!(
            split_items("（一）负责交通规划；（二）负责运输管理。"),
            vec!["负责交通规划", "负责运输管理。"]
        );
        assert_eq!(
            split_items("1.完善路网；2.推进12328服务热线建设，满意度达到3.5%以上。"),
            vec!["完善路网", "推进12328服务热线建设，满意度达到3.5%以上。"]
        );
    }

    #[test]
    fn an_item_that_opens_with_a_year() {
        assert_eq!(
            split_items("1.2025年完成投资38.6亿元；2.2026年建成"),
            vec!["2025年完成投资38.6亿元", "2026年建成"]
        );
        // A decimal is still no item break.
        assert_eq!(split_items("达到1.2025亿元"), vec!["达到1.2025亿元"]);
    }

    #[test]
    fn goals_numbered_by_name() {
        assert_eq!(
            split_items("目标1：举办活动200场次以上；目标2：免费开放率100%"),
            vec!["举办活动200场次以上", "免费开放率100%"]
        );
    }

    #[test]
    fn text_without_enumerators_is_one_item() {
        assert_eq!(split_items("  完成年度目标  "), vec!["完成年度目标"]);
        assert!(split_items("<p></p>").is_empty());
    }

    #[test]
    fn preamble_before_first_enumerator_is_kept() {
        assert_eq!(
            split_items("主要任务如下： 1、甲 2、乙"),
            vec!["主要任务如下：", "甲", "乙"]
        );
    }
}
