//! PDFs that used to be misread, one fixture each (made by
//! scripts/make_misread_pdfs.py, make_page_break_pdfs.py and
//! make_chromium_fixtures.py into tests/fixtures/misreads/).

use std::fs;

use pifu::convert::{convert_bytes, lay_out};
use pifu::model::{Document, Indicator, IndicatorTable};

const DIR: &str = "tests/fixtures/misreads";

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{DIR}/{name}");
    fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn convert(name: &str) -> Document {
    convert_bytes(name, &bytes(name), true)
}

fn rows(name: &str) -> Vec<Vec<String>> {
    let laid = lay_out(&bytes(name), true).unwrap_or_else(|e| panic!("{name}: {e}"));
    laid.layout.rows.into_iter().map(|r| r.cells).collect()
}

/// (level1, level2, level3) of every indicator.
fn levels(doc: &Document) -> Vec<(&str, &str, &str)> {
    fn s(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or("")
    }
    doc.indicators
        .iter()
        .map(|i| (s(&i.level1), s(&i.level2), s(&i.level3)))
        .collect()
}

/// Converts fixture `name` and holds its indicators' levels to `want`,
/// with nothing said.
fn assert_levels_without_warnings(name: &str, want: &[(&str, &str, &str)]) {
    let doc = convert(name);
    assert_eq!(levels(&doc), want, "{name}");
    assert!(doc.warnings.is_empty(), "{name}: {:#?}", doc.warnings);
}

fn indicator<'d>(doc: &'d Document, level3: &str) -> &'d Indicator {
    doc.indicators
        .iter()
        .find(|i| i.level3.as_deref() == Some(level3))
        .unwrap_or_else(|| panic!("no indicator {level3}: {:?}", levels(doc)))
}

fn is_radical_or_compatibility(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}' | '\u{2F800}'..='\u{2FA1F}')
}

#[test]
fn radicals_in_to_unicode_read_as_ideographs() {
    // The ToUnicode maps the glyphs of 目 门 长 一 年 to ⽬ ⻔ ⻓ ⼀ and the
    // compatibility ideograph U+F98E.
    let doc = convert("radicals.pdf");
    assert_eq!(doc.title.as_deref(), Some("2026 年部门整体绩效目标批复"));
    assert_eq!(doc.year, Some(2026));
    // 部门（单位）名称, 部门职能概述, 年度目标 and 长期绩效指标 are found.
    assert_eq!(doc.department.as_deref(), Some("鄂州市数据局"));
    assert_eq!(
        doc.functions,
        ["拟订和组织实施数字鄂州规划。", "统筹全市数据基础制度建设。"]
    );
    assert_eq!(doc.annual_goals, ["引导企业完成数据资产入表。"]);
    assert_eq!(
        levels(&doc),
        [
            ("运行成本", "公用经费控制", "公用经费控制率"),
            ("运行成本", "项目支出成本控制", "会议费控制率"),
            ("管理效率", "预算执行", "预算执行率"),
        ]
    );
    assert!(doc
        .indicators
        .iter()
        .all(|i| i.table == IndicatorTable::LongTerm));
    let text: String = rows("radicals.pdf").concat().concat();
    assert!(
        text.contains("部门职能概述") && text.contains("年度目标"),
        "{text}"
    );
    assert!(!text.chars().any(is_radical_or_compatibility), "{text}");
}

#[test]
fn footer_in_a_scaled_form_is_not_a_level_name() {
    // Every page is drawn through a form XObject at 90%, its footer
    // (第 n 页 共 3 页) included; groups run on across the page breaks.
    let doc = convert("scaled-form.pdf");
    assert_eq!(
        levels(&doc),
        [
            ("运行成本", "公用经费控制", "公用经费控制率"),
            ("运行成本", "在职人员控制", "在职人员控制率"),
            ("运行成本", "项目支出成本控制", "会议费控制率"),
            ("管理效率", "战略管理", "中长期规划相符性"),
            ("管理效率", "预算编制", "预算编制科学性"),
            ("管理效率", "预算执行", "预算执行率"),
            ("履职效能", "政务服务", "“一网通办”事项办结率"),
            ("履职效能", "数据安全", "数据归集准确率"),
            ("履职效能", "数据基础建设", "政务云平台稳定运行率"),
            ("满意度", "服务对象满意度", "群众满意度"),
            ("满意度", "联系部门满意度", "联系部门满意度"),
        ]
    );
    let pages: Vec<Option<u32>> = doc.indicators.iter().map(|i| i.page).collect();
    assert_eq!(
        pages,
        [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3].map(Some).to_vec(),
        "pages"
    );
    assert!(
        rows("scaled-form.pdf")
            .concat()
            .iter()
            .all(|c| !c.contains('页')),
        "a footer is left among the rows"
    );
    assert!(doc.warnings.iter().all(|w| !w.message.contains('页')));
}

#[test]
fn punctuation_hanging_past_the_border_stays_in_its_cell() {
    // In both list cells the 、 of "2、" hangs past the table's right
    // border at a line end.
    let doc = convert("hanging-punct.pdf");
    assert_eq!(doc.functions.len(), 3, "{:?}", doc.functions);
    assert_eq!(
        doc.functions.get(1).map(String::as_str),
        Some("统筹全市数据基础制度建设，构建数据标准规范体系")
    );
    assert_eq!(
        doc.annual_tasks.get(1..),
        Some(
            &[
                "深化政务服务改革，大幅提升办事便利度",
                "充分发挥数字底座作用，深化数据治理"
            ]
            .map(String::from)[..]
        )
    );
    let rows = rows("hanging-punct.pdf");
    let tasks = rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c == "年度工作任务"))
        .and_then(|r| r.get(1))
        .map_or("", String::as_str);
    assert!(
        tasks.replace('\n', "").contains("；2、深化政务服务改革"),
        "{tasks}"
    );
    // No row made of the stray mark.
    assert!(rows.iter().all(|r| r.concat() != "、"), "{rows:?}");
}

/// Level 1 of each indicator, by level 3, in the two fixtures whose level-1
/// cell 管理效率 is cut by the page break.
fn level1_across_the_break(name: &str) {
    let doc = convert(name);
    let got: Vec<(&str, &str, Option<u32>)> = doc
        .indicators
        .iter()
        .map(|i| {
            (
                i.level3.as_deref().unwrap_or(""),
                i.level1.as_deref().unwrap_or(""),
                i.page,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("公用经费控制率", "运行成本", Some(1)),
            ("在职人员控制率", "运行成本", Some(1)),
            ("中长期规划相符性", "管理效率", Some(1)),
            ("预算编制科学性", "管理效率", Some(1)),
            ("预算执行率", "管理效率", Some(2)),
            ("结转结余率", "管理效率", Some(2)),
            ("资产管理规范性", "管理效率", Some(2)),
            ("数据资产登记数量", "产出指标", Some(2)),
        ],
        "{name}"
    );
    assert!(doc
        .indicators
        .iter()
        .all(|i| i.table == IndicatorTable::Annual));
    let budget = indicator(&doc, "结转结余率");
    assert_eq!(budget.level2.as_deref(), Some("预算执行"));
}

#[test]
fn level1_printed_before_the_break_holds_after_it() {
    level1_across_the_break("merged-level1-first.pdf");
}

#[test]
fn level1_printed_after_the_break_holds_before_it() {
    // Page 2 prints the header again beside the empty label cell; the name
    // carried back is 管理效率, not the header's 一级指标.
    level1_across_the_break("merged-level1-second.pdf");
}

#[test]
fn empty_category_cell_is_null_not_a_shift() {
    // 在职人员控制率: the basis is free text, the 指标分类 cell is empty.
    let doc = convert("empty-category.pdf");
    let i = indicator(&doc, "在职人员控制率");
    assert_eq!(i.level1.as_deref(), Some("运行成本"));
    assert_eq!(i.level2.as_deref(), Some("在职人员控制"));
    assert_eq!(
        i.history,
        vec![Some("98%".to_string()), Some("99%".to_string())]
    );
    assert_eq!(i.target.as_deref(), Some("≥98%"));
    assert_eq!(i.basis.as_deref(), Some("参考近两年完成情况"));
    assert_eq!(i.category, None);
    // The rows around it are whole.
    let next = indicator(&doc, "预算执行率");
    assert_eq!(next.level1.as_deref(), Some("管理效率"));
    assert_eq!(next.category.as_deref(), Some("绩效基本型"));
}

/// (level1, level2, level3, target, page) of every indicator.
fn rows_read(doc: &Document) -> Vec<(&str, &str, &str, &str, Option<u32>)> {
    fn s(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or("")
    }
    doc.indicators
        .iter()
        .map(|i| {
            (
                s(&i.level1),
                s(&i.level2),
                s(&i.level3),
                s(&i.target),
                i.page,
            )
        })
        .collect()
}

#[test]
fn a_row_cut_inside_its_brackets_is_joined_across_the_break() {
    // The name and the target of the third row both go on at the top of
    // page 2, where their brackets close; no new row starts there.
    let doc = convert("row-cut-in-brackets.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            (
                "产出指标",
                "质量指标",
                "危化品企业风险隐患整改率",
                "100%",
                Some(1)
            ),
            ("产出指标", "质量指标", "执法案卷合格率", "≥95%", Some(1)),
            (
                "产出指标",
                "质量指标",
                "自然灾害预警信息发布覆盖率（含短信、应急广播等渠道，按行政村统计）",
                "≥98%（以行政村为单位统计）",
                Some(1)
            ),
            (
                "产出指标",
                "时效指标",
                "灾情信息报送时限",
                "≤2小时",
                Some(2)
            ),
        ]
    );
    let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["row_joined"]);
}

#[test]
fn a_target_printed_only_after_the_break_joins_its_cut_name() {
    // Page 1 prints the start of the name and no target; page 2 the rest
    // of the name, closing its bracket, and the target.
    let doc = convert("name-cut-target-after.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            ("产出指标", "质量指标", "执法案卷合格率", "≥95%", Some(1)),
            (
                "产出指标",
                "质量指标",
                "自然灾害预警信息发布覆盖率（含短信、应急广播、农村大喇叭、户外电子显示屏等多种渠道，按行政村统计）",
                "≥98%",
                Some(1)
            ),
            ("产出指标", "时效指标", "灾情信息报送时限", "≤2小时", Some(2)),
        ]
    );
}

#[test]
fn level_names_printed_only_after_the_break_hold_before_it() {
    // 满意度指标 / 服务对象满意度指标 are merged over the last row of page 1
    // and the first of page 2, and printed on page 2 only. The row on
    // page 1 has cells of its own there: it is not 效益指标's.
    let doc = convert("names-after-the-break.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            (
                "效益指标",
                "社会效益指标",
                "生产安全事故死亡人数下降率",
                "≥5%",
                Some(1)
            ),
            (
                "效益指标",
                "可持续影响指标",
                "应急管理体系和能力现代化水平",
                "持续提升",
                Some(1)
            ),
            (
                "满意度指标",
                "服务对象满意度指标",
                "受灾群众满意度",
                "≥90%",
                Some(1)
            ),
            (
                "满意度指标",
                "服务对象满意度指标",
                "企业对执法服务满意度",
                "≥92%",
                Some(2)
            ),
        ]
    );
}

#[test]
fn a_level2_name_printed_only_after_the_break_holds_before_it() {
    // 效益指标 is printed on page 1; 社会效益指标 is merged over the last row
    // of page 1 and the first of page 2, and printed on page 2 only. The
    // row on page 1 is not 经济效益指标's, the group above it.
    let doc = convert("level2-after-the-break.pdf");
    let read: Vec<(&str, &str, &str)> = levels(&doc);
    assert_eq!(
        read,
        [
            ("产出指标", "数量指标", "应急演练场次"),
            ("效益指标", "经济效益指标", "灾害直接经济损失下降率"),
            ("效益指标", "社会效益指标", "群众避险转移及时率"),
            ("效益指标", "社会效益指标", "生产安全事故死亡人数下降率"),
            ("满意度指标", "服务对象满意度指标", "受灾群众满意度"),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
}

#[test]
fn level_names_after_a_repeated_header_hold_before_the_break() {
    // Rows that print their own level names, the last of page 1 blank:
    // its cells merge into page 2's first row, under the header printed
    // again. It took the names of the row above, silently.
    assert_levels_without_warnings(
        "names-after-a-repeated-header.pdf",
        &[
            ("产出指标", "数量指标", "新建应急广播终端"),
            ("效益指标", "社会效益指标", "预警信息发布及时率"),
            ("效益指标", "社会效益指标", "预警覆盖人口"),
        ],
    );
}

#[test]
fn merged_level1_named_after_the_break_holds_on_the_page_before() {
    // 效益指标 merged over page 1's last two rows, printed in its part on
    // page 2 under the header printed again; the table merges elsewhere
    // too. Its rows on page 1 had no level 1, silently.
    assert_levels_without_warnings(
        "merged-level1-named-after-the-break.pdf",
        &[
            ("产出指标", "数量指标", "新建应急避难场所"),
            ("产出指标", "数量指标", "应急物资储备库"),
            ("效益指标", "社会效益指标", "预警信息发布及时率"),
            ("效益指标", "社会效益指标", "预警覆盖人口"),
            ("效益指标", "可持续影响指标", "应急值守机制"),
        ],
    );
}

#[test]
fn level2_named_after_the_break_beside_its_level1() {
    // The last row of page 1 prints 效益指标 and leaves its level 2 to the
    // part on page 2: its level 2 was null, silently.
    assert_levels_without_warnings(
        "level2-named-after-the-break.pdf",
        &[
            ("产出指标", "数量指标", "新建应急避难场所"),
            ("产出指标", "数量指标", "应急物资储备库"),
            ("效益指标", "社会效益指标", "预警信息发布及时率"),
            ("效益指标", "社会效益指标", "预警覆盖人口"),
            ("满意度指标", "服务对象满意度指标", "受灾群众满意度"),
        ],
    );
}

#[test]
fn level2_name_wrapped_across_the_break_is_whole() {
    // 服务对象满意度指标 wraps in its merged cell; the page break falls
    // between its lines, so page 2 prints 标 as the first row's level 2.
    let doc = convert("wrapped-level2.pdf");
    let tail: Vec<_> = rows_read(&doc).into_iter().skip(2).collect();
    assert_eq!(
        tail,
        vec![
            (
                "满意度指标",
                "服务对象满意度指标",
                "企业满意度",
                "≥95%",
                Some(1)
            ),
            (
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                "≥90%",
                Some(1)
            ),
            (
                "满意度指标",
                "服务对象满意度指标",
                "投诉处理满意度",
                "≥90%",
                Some(2)
            ),
            ("产出指标", "数量指标", "数据资产登记数量", "≥27项", Some(2)),
        ]
    );
    // The repair is said.
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.code == "row_joined" && w.message.contains("服务对象满意度指 + 标")));
}

#[test]
fn glyphs_named_as_radicals_read_as_printed() {
    // Chromium named the glyph of 户 by the radical ⼾ (folded to 戶) and
    // that of 胶 by U+3B35, giving the characters shown as /ActualText:
    // 户 and 胶 read as 戶 and 㬵, silently.
    let doc = convert("glyphs-named-as-radicals.pdf");
    let project = doc.project.as_ref().expect("a project form");
    assert_eq!(project.name.as_deref(), Some("农户门窗密封胶条更换项目"));
    let names: Vec<(&str, Option<&str>)> = doc
        .indicators
        .iter()
        .map(|i| (i.level3.as_deref().unwrap_or(""), i.target.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            ("更换胶条农户数", Some("≥150户")),
            ("受益农户满意度", Some("≥90%"))
        ]
    );
    assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
}

#[test]
fn level1_and_level2_merged_cells_both_named_after_the_break() {
    // 产出指标 merged over all of page 1, named in its part on page 2 (as
    // a spreadsheet prints it); 质量指标 merged over the last two rows of
    // page 1, named there too: those rows kept 数量指标, silently.
    assert_levels_without_warnings(
        "level1-and-level2-named-after-the-break.pdf",
        &[
            ("产出指标", "数量指标", "新建应急避难场所"),
            ("产出指标", "数量指标", "应急物资储备库"),
            ("产出指标", "数量指标", "应急广播终端"),
            ("产出指标", "质量指标", "执法案卷合格率"),
            ("产出指标", "质量指标", "隐患整改率"),
            ("产出指标", "质量指标", "预警信息准确率"),
            ("效益指标", "社会效益指标", "预警覆盖人口"),
        ],
    );
}

#[test]
fn a_whole_row_is_not_joined_to_a_new_row_after_the_break() {
    // LibreOffice prints page 1's last row whole and page 2's first row
    // (a new level 2 under the merged 效益指标, its unit cell empty) under
    // the repeated header: two rows, nothing joined. They were read as one
    // (`生活垃圾无害化处理率长效管护机制`, target `95健全`), with only a
    // row_joined warning.
    let doc = convert("whole-row-then-new-level2-after-the-break.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            (
                "效益指标",
                "生态效益指标",
                "生活垃圾无害化处理率",
                "95",
                Some(2)
            ),
            (
                "效益指标",
                "可持续影响指标",
                "长效管护机制",
                "健全",
                Some(3)
            ),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_new_level2_under_a_level1_merged_over_the_break_starts_a_row() {
    // Chromium-style and LibreOffice tables alike: the level-1 cell runs
    // on over the break, page 2 opens with 社会效益指标 and its row.
    let doc = convert("new-level2-under-continued-level1.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            ("产出指标", "数量指标", "农技培训人次", "≥800", Some(2)),
            ("效益指标", "经济效益指标", "带动农户增收", "≥500", Some(2)),
            (
                "效益指标",
                "社会效益指标",
                "农村人居环境整治成效",
                "明显改善",
                Some(3)
            ),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_row_cut_inside_its_level_and_name_cells_is_joined() {
    // LibreOffice lets the row break inside its cells: page 1 ends with
    // `生态效益 | 生活垃圾 | ≥ | 95 | % | 5`, page 2 opens with the rest of
    // the level and of the name (`指标 | 无害化处理率`) and nothing else.
    // The rest was read as a row of its own, silently.
    let doc = convert("row-cut-in-its-level-and-name.pdf");
    assert_eq!(
        rows_read(&doc),
        [
            (
                "效益指标",
                "生态效益指标",
                "生活垃圾无害化处理率",
                "95",
                Some(2)
            ),
            ("效益指标", "可持续影响指标", "设施使用年限", "10", Some(3)),
        ]
    );
    let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["row_joined"]);
}

#[test]
fn a_projects_goals_cut_by_the_break_are_whole() {
    // LibreOffice breaks the goals row of a project's form (实施期目标 |
    // 年度目标 side by side, under 总体目标 merged down): the last
    // characters of the annual goals open page 2 alone. They were lost,
    // silently.
    let doc = convert("project-goals-cut-by-the-break.pdf");
    assert_eq!(
        doc.annual_goals,
        [
            "完成储备物资批次32批，项目资金按进度拨付到位",
            "建立健全应急物资储备长效管理机制，受益群众满意度达到95%以上。"
        ]
    );
    assert_eq!(
        doc.long_term_goals,
        [
            "实施期内累计完成储备物资批次96批",
            "形成应急物资储备规范化运行模式，区域公共服务水平明显提升。"
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_projects_funding_label_cut_by_the_break_is_whole() {
    // The merged label 资金情况（万元） is cut after `（万`; `元）` opens page
    // 2 in the label column, beside the amounts under 实施期资金总额 |
    // 年度资金总额 of page 1. The unit was lost and the amounts read
    // without their columns (the annual ones lost).
    let doc = convert("project-funding-label-cut-by-the-break.pdf");
    let funding = doc.funding.as_ref().expect("funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    let rows: Vec<(&str, Option<f64>)> = funding
        .rows
        .iter()
        .map(|r| (r.item.as_deref().unwrap_or_default(), r.current))
        .collect();
    assert_eq!(
        rows,
        [
            ("资金总额/实施期资金总额", Some(1146.87)),
            ("资金总额/年度资金总额", Some(382.29)),
            ("其中：财政拨款/实施期资金总额", Some(917.5)),
            ("其中：财政拨款/年度资金总额", Some(344.06)),
            ("其他资金/实施期资金总额", Some(229.37)),
            ("其他资金/年度资金总额", Some(38.23)),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

/// The level-2 name of each indicator.
fn level2s(doc: &Document) -> Vec<&str> {
    doc.indicators
        .iter()
        .map(|i| i.level2.as_deref().unwrap_or(""))
        .collect()
}

#[test]
fn a_merged_level2_printed_again_in_part_after_the_break_is_the_same_name() {
    // A spreadsheet printed by LibreOffice: 服务对象满意度指标 is merged over
    // three rows, two on page 1 (which shows its two lines) and one on
    // page 2, where the cell's text is drawn again, clipped to `度指标`.
    // That row was read with level 2 `度指标`, silently.
    let doc = convert("merged-level2-printed-again-in-part.pdf");
    assert_eq!(
        level2s(&doc),
        [
            "数量指标",
            "服务对象满意度指标",
            "服务对象满意度指标",
            "服务对象满意度指标"
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_merged_level2_cut_by_the_break_is_whole_on_every_row() {
    // Merged over five rows, three on page 1 (showing `服务对象满意`) and
    // two on page 2 (showing `度指标`, and the top line clipped above the
    // grid). Every row had half a name, the rows on page 1 `服务对象满意`,
    // the rest `度指标`, and the line above the grid was said as empty_row.
    let doc = convert("merged-level2-top-clipped-above-the-grid.pdf");
    let l2 = level2s(&doc);
    assert_eq!(l2.len(), 9);
    assert!(l2[4..].iter().all(|l| *l == "服务对象满意度指标"), "{l2:?}");
    let codes: Vec<&str> = doc.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["row_joined"]);
    // With the header repeated on page 2, the row joined was right but
    // the row below it, continuing the merge, took `度指标`.
    let doc = convert("merged-level2-cut-rows-below-the-join.pdf");
    let l2 = level2s(&doc);
    assert_eq!(l2.len(), 9);
    assert!(l2[4..].iter().all(|l| *l == "服务对象满意度指标"), "{l2:?}");
}

#[test]
fn a_new_row_after_the_break_without_its_basis_is_a_row_of_its_own() {
    // Chromium: page 1 ends on a whole row (项目完成时间 | 年底前完成 |
    // 计划标准); page 2 opens with a new row whose 依据 is empty. The two
    // were joined into one (项目完成时间问题整改时限, 年底前完成≤15个工作日).
    let doc = convert("new-row-after-the-break-without-basis.pdf");
    let (output, timing) = ("产出指标", "时效指标");
    assert_eq!(
        rows_read(&doc),
        [
            (output, "数量指标", "巡查检查次数", "≥48次", Some(1)),
            (output, "数量指标", "培训人次", "≥500人次", Some(1)),
            (output, timing, "项目完成时间", "年底前完成", Some(1)),
            (output, timing, "问题整改时限", "≤15个工作日", Some(2)),
            (output, timing, "资金拨付及时率", "100%", Some(2)),
            (
                "满意度指标",
                "服务对象满意度指标",
                "受益群众满意度",
                "≥90%",
                Some(2)
            ),
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn a_header_repeated_right_under_itself_is_one_header_row() {
    // A spreadsheet printed by LibreOffice with the header as a print
    // title, the header the last row of page 1: printed again at the top
    // of page 2, it was read as a second header row (一级指标/一级指标).
    let doc = convert("header-repeated-under-itself.pdf");
    let headers: Vec<&str> = doc
        .columns
        .annual
        .iter()
        .map(|c| c.header.as_str())
        .collect();
    assert_eq!(headers, ["一级指标", "二级指标", "三级指标", "指标值"]);
    assert!(!doc.indicators.is_empty());
}
