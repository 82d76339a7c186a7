//! Article pages that were misread with `status: ok` and no warning,
//! each reduced to the table that showed it.

use std::path::Path;

use pifu::model::{Document, Indicator, Kind, Op};

fn convert(page: &str) -> Vec<Document> {
    let page = format!("<html><head><meta charset=\"utf-8\"></head><body>{page}</body></html>");
    pifu::convert::convert_named_all("page.html", page.as_bytes(), Path::new("page.html"))
}

/// Two fields of every indicator, in order.
fn pairs<'a>(
    d: &'a Document,
    a: impl Fn(&'a Indicator) -> &'a Option<String>,
    b: impl Fn(&'a Indicator) -> &'a Option<String>,
) -> Vec<(Option<&'a str>, Option<&'a str>)> {
    d.indicators
        .iter()
        .map(|i| (a(i).as_deref(), b(i).as_deref()))
        .collect()
}

fn one(page: &str) -> Document {
    let mut docs = convert(page);
    assert_eq!(docs.len(), 1, "{docs:#?}");
    docs.remove(0)
}

#[test]
fn a_target_column_divided_into_operator_and_value() {
    let d = one(concat!(
        "<h1>某县统计局2025年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=\"2\">指标值</td><td>2024年实际完成值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>≥</td><td>35项</td><td>33项</td></tr>",
        "<tr><td>产出指标</td><td>质量指标</td><td>统计数据差错率</td><td>≤</td><td>1%</td><td>0.8%</td></tr>",
        "</table>"
    ));
    // A year's 实际完成值 is history, not a report of results.
    assert_eq!(d.kind, Some(Kind::DepartmentOverall));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            let p = i.target_parsed.as_ref().expect("parsed target");
            (i.target.as_deref(), p.op, p.value, i.history.clone())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("35项"), Op::Ge, 35.0, vec![Some("33项".to_string())]),
            (Some("1%"), Op::Le, 1.0, vec![Some("0.8%".to_string())]),
        ]
    );
}

#[test]
fn two_department_forms_one_after_the_other() {
    let form = |heading: &str, code: &str, name: &str, goal: &str, indicator: &str| {
        format!(
            concat!(
                "<p>{}</p><table>",
                "<tr><td>部门（单位）名称</td><td colspan=\"3\">[{}]{}</td></tr>",
                "<tr><td>年度绩效目标</td><td colspan=\"3\">{}</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>{}</td><td>≥100件</td></tr>",
                "</table>"
            ),
            heading, code, name, goal, indicator
        )
    };
    let page = format!(
        "<h1>2025年部门整体绩效目标批复（第二批）</h1>{}{}",
        form(
            "（一）某县人民检察院",
            "108001",
            "某县人民检察院",
            "办案质效稳步提升。",
            "办结案件数"
        ),
        form(
            "（二）某县人民法院",
            "109001",
            "某县人民法院",
            "审判执行工作提质增效。",
            "审结案件数"
        ),
    );
    let docs = convert(&page);
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.department.as_deref(),
                d.department_code.as_deref(),
                d.year,
                d.annual_goals.clone(),
                d.indicators
                    .iter()
                    .map(|i| i.level3.clone())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("某县人民检察院"),
                Some("108001"),
                Some(2025),
                vec!["办案质效稳步提升。".to_string()],
                vec![Some("办结案件数".to_string())]
            ),
            (
                Some("某县人民法院"),
                Some("109001"),
                Some(2025),
                vec!["审判执行工作提质增效。".to_string()],
                vec![Some("审结案件数".to_string())]
            ),
        ]
    );
}

#[test]
fn an_approval_whose_table_is_an_image_says_so() {
    let d = one(concat!(
        "<h1>某县民政局2025年部门整体绩效目标批复</h1>",
        "<p>部门（单位）名称：某县民政局</p>",
        "<p>年度绩效目标：保障困难群众基本生活。</p>",
        "<p><img src=\"/upload/2025/table1.png\"></p>"
    ));
    assert_eq!(d.kind, Some(Kind::DepartmentOverall));
    assert!(d.indicators.is_empty());
    assert!(
        d.warnings.iter().any(|w| w.code == "no_indicators"),
        "{:#?}",
        d.warnings
    );
}

/// A department form in two tables, the indicator table under a caption
/// of its own.
fn captioned_form(caption: &str) -> Document {
    one(&format!(
        "<div class=\"article\"><h1>某县农业农村局2025年部门整体绩效目标批复</h1>\
         <div class=\"tbl\"><p>一、部门基本情况</p><table>\
         <tr><td>部门（单位）名称</td><td colspan=\"2\">某县农业农村局</td></tr>\
         <tr><td rowspan=\"2\">年度预算资金（万元）</td><td>资金总额</td><td>2,356.80</td></tr>\
         <tr><td>其中：财政拨款</td><td>2,106.80</td></tr>\
         <tr><td>年度绩效目标</td><td colspan=\"2\">完成高标准农田建设1.2万亩。</td></tr>\
         </table></div>\
         <div class=\"tbl\"><p>{caption}</p><table>\
         <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
         <tr><td>产出指标</td><td>数量指标</td><td>高标准农田建设面积</td><td>≥1.2万亩</td></tr>\
         <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>农户满意度</td><td>≥90%</td></tr>\
         </table></div></div>"
    ))
}

#[test]
fn a_caption_over_the_indicator_table_continues_the_form() {
    for caption in [
        "二、部门整体绩效目标表（年度绩效指标）",
        "附件：2025年度部门整体支出绩效目标表",
        "部门整体绩效目标表",
    ] {
        let d = captioned_form(caption);
        assert_eq!(
            d.title.as_deref(),
            Some("某县农业农村局2025年部门整体绩效目标批复"),
            "{caption}"
        );
        assert_eq!(d.department.as_deref(), Some("某县农业农村局"), "{caption}");
        assert_eq!(d.year, Some(2025), "{caption}");
        let funding = d.funding.as_ref().map_or(0, |f| f.rows.len());
        assert_eq!(funding, 2, "{caption}");
        assert_eq!(
            d.annual_goals,
            vec!["完成高标准农田建设1.2万亩。"],
            "{caption}"
        );
        let names: Vec<_> = d.indicators.iter().map(|i| i.level3.as_deref()).collect();
        assert_eq!(
            names,
            vec![Some("高标准农田建设面积"), Some("农户满意度")],
            "{caption}"
        );
    }
}

#[test]
fn department_forms_named_on_lines_of_text() {
    let form = |dept: &str, name: &str| {
        format!(
            "<p>{dept}2025年部门整体绩效目标</p><p>部门（单位）名称：{dept}</p>\
             <table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{name}</td><td>≥12项</td></tr></table>"
        )
    };
    let docs = convert(&format!(
        "{}{}",
        form("某县农业农村局", "培训场次"),
        form("某县水利和湖泊局", "河道清淤长度")
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            let names: Vec<_> = d.indicators.iter().map(|i| i.level3.clone()).collect();
            (d.department.clone(), names)
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("某县农业农村局".into()), vec![Some("培训场次".into())]),
            (
                Some("某县水利和湖泊局".into()),
                vec![Some("河道清淤长度".into())]
            ),
        ]
    );
}

#[test]
fn a_header_whose_upper_row_groups_the_level_columns() {
    let d = one(concat!(
        "<h1>某市教育局2025年部门整体支出绩效目标表</h1>",
        "<table>",
        "<tr><td>年度总体目标</td><td colspan=\"8\">保障中小学校正常运转。</td></tr>",
        "<tr><td rowspan=\"2\">序号</td><td colspan=\"3\">绩效指标</td><td rowspan=\"2\">指标方向</td>",
        "<td rowspan=\"2\">目标值</td><td rowspan=\"2\">计量单位</td><td rowspan=\"2\">分值</td><td rowspan=\"2\">备注</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td></tr>",
        "<tr><td>1</td><td>产出指标</td><td>数量指标</td><td>保障在校学生人数</td><td>≥</td><td>86000</td><td>人</td><td>10</td><td></td></tr>",
        "<tr><td>2</td><td>效益指标</td><td>社会效益指标</td><td>适龄儿童入学率</td><td>=</td><td>100</td><td>%</td><td>10</td><td>含中职</td></tr>",
        "</table>"
    ));
    assert_eq!(d.annual_goals, vec!["保障中小学校正常运转。"]);
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            let p = i.target_parsed.as_ref().expect("parsed target");
            (
                i.level3.as_deref(),
                p.op,
                p.value,
                i.weight,
                i.remark.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("保障在校学生人数"), Op::Ge, 86000.0, Some(10.0), None),
            (
                Some("适龄儿童入学率"),
                Op::Eq,
                100.0,
                Some(10.0),
                Some("含中职")
            ),
        ]
    );
}

#[test]
fn project_forms_take_the_year_of_their_covering_letter() {
    let form = |n: &str, name: &str| {
        format!(
            "<p>项目支出绩效目标表（{n}）</p><table>\
             <tr><td>项目名称</td><td colspan=\"3\">{name}</td></tr>\
             <tr><td>主管部门</td><td colspan=\"3\">某县水利和湖泊局</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>储备物资批次</td><td>≥3批</td></tr></table>"
        )
    };
    let docs = convert(&format!(
        "<h1>关于批复2025年度项目支出绩效目标的通知</h1><p>县水利和湖泊局：</p>\
         <p>经审核，现将你单位2025年度项目支出绩效目标批复如下。</p>{}{}",
        form("一", "防汛物资储备"),
        form("二", "小型水库维修养护")
    ));
    let got: Vec<_> = docs.iter().map(|d| (d.kind, d.year)).collect();
    assert_eq!(
        got,
        vec![
            (Some(Kind::Project), Some(2025)),
            (Some(Kind::Project), Some(2025))
        ]
    );
    assert!(docs
        .iter()
        .all(|d| d.warnings.iter().all(|w| w.code != "missing_field")));
}

#[test]
fn a_project_form_with_its_funding_in_a_nested_table() {
    let d = one(concat!(
        "<h1>2025年县级农村公路养护项目绩效目标批复</h1>",
        "<table><tr><td>项目名称</td><td colspan=\"3\">县级农村公路养护项目</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"3\">某县交通运输局</td></tr>",
        "<tr><td>项目资金（万元）</td><td colspan=\"3\"><table>",
        "<tr><td>年度资金总额</td><td>860.00</td></tr>",
        "<tr><td>其中：财政拨款</td><td>800.00</td></tr>",
        "<tr><td>其他资金</td><td>60.00</td></tr></table></td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>日常养护里程</td><td>≥560公里</td></tr>",
        "</table>"
    ));
    assert_eq!(d.kind, Some(Kind::Project));
    assert_eq!(
        d.project.as_ref().and_then(|p| p.name.as_deref()),
        Some("县级农村公路养护项目")
    );
    let funding = funding_of(&d);
    assert_eq!(
        funding,
        vec![
            (Some("年度资金总额"), Some(860.0)),
            (Some("其中：财政拨款"), Some(800.0)),
            (Some("其他资金"), Some(60.0))
        ]
    );
    assert_eq!(d.indicators.len(), 1);
}

#[test]
fn a_header_row_of_value_and_unit_under_a_merged_target() {
    let d = one(concat!(
        "<h1>某县司法局2025年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td rowspan=\"2\">一级指标</td><td rowspan=\"2\">二级指标</td><td rowspan=\"2\">三级指标</td>",
        "<td colspan=\"2\">绩效指标值</td><td rowspan=\"2\">分值</td></tr>",
        "<tr><td>数值</td><td>单位</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥500</td><td>人次</td><td>30</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            let p = i.target_parsed.as_ref().expect("parsed target");
            (
                i.level3.as_deref(),
                p.op,
                p.value,
                p.unit.as_deref(),
                i.weight,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![(Some("培训人次"), Op::Ge, 500.0, Some("人次"), Some(30.0))]
    );
}

#[test]
fn a_units_power_raised_by_sup() {
    let d = one(concat!(
        "<h1>某县生态环境局2025年部门整体绩效目标</h1>",
        "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>效益指标</td><td>生态效益指标</td><td>PM2.5年均浓度</td><td>≤35μg/m<sup>3</sup></td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>绿化面积</td><td>≥10万m<sup>2</sup></td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            let p = i.target_parsed.as_ref().expect("parsed target");
            (i.target.as_deref(), p.op, p.unit.as_deref())
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("≤35μg/m³"), Op::Le, Some("μg/m³")),
            (Some("≥10万m²"), Op::Ge, Some("万m²"))
        ]
    );
}

#[test]
fn a_page_title_naming_the_unit_over_a_generic_form_title() {
    let d = one(concat!(
        "<div class=\"detail-title\">某市教育局2025年部门整体支出绩效目标</div>",
        "<div class=\"detail-content\">",
        "<p><strong>2025年度部门整体支出绩效目标表</strong></p>",
        "<table>",
        "<tr><td>部门名称</td><td colspan=\"3\">某市教育局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>保障在校学生人数</td><td>≥86000人</td></tr>",
        "</table></div>"
    ));
    // The title that names the unit is the document's, and the generic
    // one under it is no text left unread.
    assert_eq!(
        d.title.as_deref(),
        Some("某市教育局2025年部门整体支出绩效目标")
    );
    assert_eq!(d.year, Some(2025));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

fn header_test_page(target: &str, scoring: &str, op: &str, weight: &str) -> Document {
    one(&format!(
        concat!(
            "<h1>某区城管局2026年部门整体支出绩效目标表</h1><table>",
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>{}</td><td>{}</td>",
            "<td>{}</td><td>{}</td></tr>",
            "<tr><td>产出指标</td><td>数量指标</td><td>道路清扫面积</td><td>1200</td><td>≥</td>",
            "<td>20</td><td>少1万平方米扣1分</td></tr>",
            "</table>"
        ),
        target, op, weight, scoring
    ))
}

#[test]
fn header_words_with_a_note_on_how_the_column_is_written() {
    for target in [
        "指标值（包含数字及文字描述）",
        "目标值（含单位）",
        "指标值（含计量单位）",
        "预期指标值",
        "全年指标值",
    ] {
        for (scoring, op, weight) in [
            ("评（计）分标准", "运算符", "指标权重"),
            ("计分标准", "运算符号", "指标分值"),
            ("考核标准", "符号", "权重"),
        ] {
            let d = header_test_page(target, scoring, op, weight);
            let i = d.indicators.first().expect("one indicator");
            let p = i.target_parsed.as_ref().expect("parsed target");
            assert_eq!(
                (i.target.as_deref(), p.op, p.value),
                (Some("1200"), Op::Ge, 1200.0),
                "{target}"
            );
            assert_eq!(i.weight, Some(20.0), "{weight}");
            assert_eq!(i.scoring.as_deref(), Some("少1万平方米扣1分"), "{scoring}");
            assert!(d.warnings.is_empty(), "{target}: {:?}", d.warnings);
        }
    }
}

#[test]
fn a_table_without_a_target_column_says_so() {
    let d = header_test_page("预期水平值域", "计分标准", "运算符", "权重");
    let i = d.indicators.first().expect("one indicator");
    assert_eq!(i.target, None);
    let w: Vec<_> = d
        .warnings
        .iter()
        .map(|w| (w.code.as_str(), w.message.contains("预期水平值域")))
        .collect();
    assert_eq!(w, vec![("unmapped_columns", true)]);
}

#[test]
fn project_forms_under_a_page_heading_that_names_the_region() {
    let form = |n: &str, name: &str| {
        format!(
            concat!(
                "<h3>{}、{}</h3><table>",
                "<tr><td>项目名称</td><td>{}</td></tr>",
                "<tr><td>主管部门</td><td>某区交通运输局</td></tr>",
                "<tr><td>年度目标</td><td>完成养护任务。</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>620公里</td></tr>",
                "</table>"
            ),
            n, name, name
        )
    };
    let docs = convert(&format!(
        "<h1>某市某区2025年项目支出绩效目标批复</h1>{}{}{}",
        form("一", "农村公路养护项目"),
        form("二", "城区道路维修项目"),
        form("三", "公交站台改造项目")
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| (d.project.as_ref().and_then(|p| p.name.as_deref()), d.year))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("农村公路养护项目"), Some(2025)),
            (Some("城区道路维修项目"), Some(2025)),
            (Some("公交站台改造项目"), Some(2025)),
        ]
    );
}

#[test]
fn a_flat_table_headed_by_department_and_money_with_a_numbered_total() {
    let docs = convert(concat!(
        "<h1>2026年项目支出绩效目标表</h1><table>",
        "<tr><td>序号</td><td>主管部门</td><td>项目名称</td><td>资金（万元）</td><td>年度目标</td>",
        "<td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>1</td><td>某县交通运输局</td><td>农村公路养护</td><td>560.00</td><td>养护公路620公里</td>",
        "<td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥620公里</td></tr>",
        "<tr><td>2</td><td>某县教育局</td><td>校舍维修</td><td>1280.50</td><td>维修校舍12所</td>",
        "<td>产出指标</td><td>数量指标</td><td>维修校舍数</td><td>12所</td></tr>",
        "<tr><td>合计</td><td></td><td></td><td>1840.50</td><td></td><td></td><td></td><td></td><td></td></tr>",
        "</table>"
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.department.as_deref(),
                d.funding
                    .as_ref()
                    .and_then(|f| f.rows.first())
                    .and_then(|r| r.current),
                d.indicators.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("某县交通运输局"), Some(560.0), 1),
            (Some("某县教育局"), Some(1280.5), 1),
        ]
    );
}

#[test]
fn short_rows_of_level_cells_merged_without_a_rowspan() {
    // 借阅人次 and 读者到馆率 leave out their level cells, 可持续影响指标
    // its level-1 cell, and none of the cells above them spans: their
    // cells belong at the right, the 备注 column left unprinted.
    let d = one(concat!(
        "<h1>某县图书馆2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>备注</td></tr>",
        "<tr><td rowspan=\"3\">产出指标</td><td>数量指标</td><td>新增藏书</td><td>≥3000册</td><td>无</td></tr>",
        "<tr><td>借阅人次</td><td>≥2万人次</td></tr>",
        "<tr><td>质量指标</td><td>图书完好率</td><td>≥98%</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>阅读推广活动</td><td>≥10场</td><td></td></tr>",
        "<tr><td>读者到馆率</td><td>逐年提高</td></tr>",
        "<tr><td>可持续影响指标</td><td>长效机制</td><td>健全</td></tr>",
        // A template's placeholder row, as short: no indicator.
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_deref().unwrap_or(""),
                i.level2.as_deref().unwrap_or(""),
                i.level3.as_deref().unwrap_or(""),
                i.target.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("产出指标", "数量指标", "新增藏书", "≥3000册"),
            ("产出指标", "数量指标", "借阅人次", "≥2万人次"),
            ("产出指标", "质量指标", "图书完好率", "≥98%"),
            ("效益指标", "社会效益指标", "阅读推广活动", "≥10场"),
            ("效益指标", "社会效益指标", "读者到馆率", "逐年提高"),
            ("效益指标", "可持续影响指标", "长效机制", "健全"),
        ]
    );
    let moved = d
        .warnings
        .iter()
        .filter(|w| w.code == "shifted_cells")
        .count();
    assert_eq!(moved, 3, "{:#?}", d.warnings);
}

#[test]
fn a_note_across_the_table_is_not_a_placeholder_row() {
    let d = one(concat!(
        "<h1>某县图书馆2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>新增藏书</td><td>≥3000册</td></tr>",
        "<tr><td>质量指标</td><td>图书完好率</td><td>≥98%</td></tr>",
        "<tr><td colspan=\"4\">效益指标</td></tr>",
        "<tr><td>社会效益指标</td><td>读者到馆率</td><td>逐年提高</td></tr>",
        "<tr><td colspan=\"4\">指标值以年度统计报表为准，如有调整另行通知。</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level1, |i| &i.level3),
        vec![
            (Some("产出指标"), Some("新增藏书")),
            (Some("产出指标"), Some("图书完好率")),
            (Some("效益指标"), Some("读者到馆率")),
        ]
    );
    // 效益指标 across the table is a group's placeholder row (SPEC §2.5);
    // the note is neither that nor an indicator.
    assert!(
        d.warnings
            .iter()
            .all(|w| !w.message.contains("指标值以年度")),
        "{:#?}",
        d.warnings
    );
}

#[test]
fn sign_off_rows_under_the_table_are_not_indicators() {
    let d = one(concat!(
        "<h1>某县图书馆2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新增藏书</td><td>≥3000册</td></tr>",
        "<tr><td>单位负责人：李明</td><td>财务负责人：王芳</td><td>填表人：张丽</td><td>联系电话：0717-4812345</td></tr>",
        "<tr><td>编制单位：某县图书馆</td><td></td><td></td><td>2026年1月8日</td></tr>",
        "<tr><td>分管领导：</td><td></td><td>经办人：</td><td></td></tr>",
        "</table>"
    ));
    let names: Vec<_> = d.indicators.iter().map(|i| i.level3.as_deref()).collect();
    assert_eq!(names, vec![Some("新增藏书")]);
}

#[test]
fn two_department_forms_without_titles_under_one_heading() {
    let form = |name: &str, indicator: &str| {
        format!(
            concat!(
                "<table><tr><td colspan=\"2\">部门（单位）名称</td><td colspan=\"2\">{}</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>{}</td><td>≥100件</td></tr>",
                "</table><p>&nbsp;</p>"
            ),
            name, indicator
        )
    };
    let docs = convert(&format!(
        "<h1>某县2025年部门整体支出绩效目标公开</h1>{}{}",
        form("某县司法局", "法律援助案件数"),
        form("某县档案馆", "档案数字化卷数")
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.kind,
                d.department.as_deref(),
                d.year,
                d.indicators.first().and_then(|i| i.level3.as_deref()),
            )
        })
        .collect();
    let dept = Some(Kind::DepartmentOverall);
    assert_eq!(
        got,
        vec![
            (dept, Some("某县司法局"), Some(2025), Some("法律援助案件数")),
            (dept, Some("某县档案馆"), Some(2025), Some("档案数字化卷数")),
        ]
    );
}

#[test]
fn names_under_a_column_titled_only_performance_indicator() {
    // 绩效指标 after the level columns titles the names; 预期目标 the
    // targets.
    let d = one(concat!(
        "<h1>某县图书馆2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>绩效指标</td><td>预期目标</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新增藏书</td><td>≥3000册</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>读者到馆率</td><td>逐年提高</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("新增藏书"), Some("≥3000册")),
            (Some("读者到馆率"), Some("逐年提高")),
        ]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn a_name_on_two_lines_of_a_cell_closes_up() {
    let d = one(concat!(
        "<h1>某县卫生健康局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>开展基层医疗卫生机构<br>绩效考核次数</td><td>≥12次</td></tr>",
        "</table>"
    ));
    let names: Vec<_> = d.indicators.iter().map(|i| i.level3.as_deref()).collect();
    assert_eq!(names, vec![Some("开展基层医疗卫生机构绩效考核次数")]);
}

#[test]
fn a_spacer_column_merged_beside_level1_is_no_level2() {
    let d = one(concat!(
        "<h1>某县市场监督管理局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td></td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"3\">产出指标</td><td rowspan=\"3\"></td><td rowspan=\"2\">数量指标</td><td>开展专项检查次数</td><td>≥12次</td></tr>",
        "<tr><td>培训基层人员人次</td><td>≥300人次</td></tr>",
        "<tr><td>质量指标</td><td>检查问题整改率</td><td>≥90%</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level2, |i| &i.level3),
        vec![
            (Some("数量指标"), Some("开展专项检查次数")),
            (Some("数量指标"), Some("培训基层人员人次")),
            (Some("质量指标"), Some("检查问题整改率")),
        ]
    );
}

/// A form that names its department by its role in the budget or the form
/// (`预算单位`, `填报单位（盖章）`) instead of 部门名称: the department, its
/// code and the unit printed beside it are read; a 部门名称 row under it
/// is the same department, and the date beside a 编制单位 is no stray text.
#[test]
fn the_department_named_as_budget_or_filing_unit() {
    let table = concat!(
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>统计调查项目数</td><td>≥12项</td></tr>",
        "</table>"
    );
    for (line, name, code) in [
        (
            "<p>预算单位：[102003]宜城市统计局</p>",
            "宜城市统计局",
            Some("102003"),
        ),
        (
            "<p>填报单位（盖章）：宜城市统计局　　单位：万元</p><p>部门名称：宜城市统计局</p>",
            "宜城市统计局",
            None,
        ),
        (
            "<p>编制单位：宜城市统计局　　2026年1月8日</p>",
            "宜城市统计局",
            None,
        ),
    ] {
        let d = one(&format!(
            "<h1>2026年部门整体支出绩效目标表</h1>{line}{table}"
        ));
        assert_eq!(d.department.as_deref(), Some(name), "{line}");
        assert_eq!(d.department_code.as_deref(), code, "{line}");
        assert!(d.warnings.is_empty(), "{line}: {:#?}", d.warnings);
        assert_eq!(d.indicators.len(), 1, "{line}");
    }
}

/// (level1, level2, level3) of every indicator.
fn levels(d: &Document) -> Vec<(Option<&str>, Option<&str>, Option<&str>)> {
    d.indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.level3.as_deref(),
            )
        })
        .collect()
}

/// A level-1 cell merged over rows and left empty, over level-2 names of
/// another level 1 than the group above: its rows have no level 1, not
/// the group's above. (A level cell left blank in a table that merges
/// others means the name above: see the next test.)
#[test]
fn an_empty_merged_level_cell_names_nothing() {
    let d = one(concat!(
        "<h1>秭归县体育局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>全民健身活动场次</td><td>≥40场</td></tr>",
        "<tr><td>质量指标</td><td>公共体育设施完好率</td><td>≥95%</td></tr>",
        "<tr><td rowspan=\"2\"></td><td>社会效益指标</td><td>经常参加锻炼人数比例</td><td>≥38%</td></tr>",
        "<tr><td>可持续影响指标</td><td>健身设施管护机制</td><td>健全</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>健身群众满意度</td><td>≥90%</td></tr>",
        "</table>"
    ));
    assert_eq!(
        levels(&d),
        [
            (Some("产出指标"), Some("数量指标"), Some("全民健身活动场次")),
            (
                Some("产出指标"),
                Some("质量指标"),
                Some("公共体育设施完好率")
            ),
            (None, Some("社会效益指标"), Some("经常参加锻炼人数比例")),
            (None, Some("可持续影响指标"), Some("健身设施管护机制")),
            (
                Some("满意度指标"),
                Some("服务对象满意度指标"),
                Some("健身群众满意度")
            ),
        ]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

/// An empty level-2 cell merged over rows inside a table names nothing:
/// its rows do not take the level 2 of the group above (`数量指标` over
/// a 完好率 is a misread; the form left the name out).
#[test]
fn an_empty_merged_level2_cell_names_nothing() {
    let d = one(concat!(
        "<h1>秭归县体育局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"4\">产出指标</td><td rowspan=\"2\">数量指标</td><td>全民健身活动场次</td><td>≥40场</td></tr>",
        "<tr><td>体育赛事场次</td><td>≥6场</td></tr>",
        "<tr><td rowspan=\"2\"></td><td>公共体育设施完好率</td><td>≥95%</td></tr>",
        "<tr><td>健身指导站点覆盖率</td><td>100%</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>健身群众满意度</td><td>≥90%</td></tr>",
        "</table>"
    ));
    assert_eq!(
        levels(&d),
        [
            (Some("产出指标"), Some("数量指标"), Some("全民健身活动场次")),
            (Some("产出指标"), Some("数量指标"), Some("体育赛事场次")),
            (Some("产出指标"), None, Some("公共体育设施完好率")),
            (Some("产出指标"), None, Some("健身指导站点覆盖率")),
            (
                Some("满意度指标"),
                Some("服务对象满意度指标"),
                Some("健身群众满意度")
            ),
        ]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

/// A table continued in a second table (a Word table split at a page, as
/// pages copy it): the continuation's first row has empty level cells
/// where the merged cells were cut, and the names above go on. A blank
/// row under merged cells is no indicator.
#[test]
fn level_names_go_on_into_a_continued_table_and_over_blank_rows() {
    let d = one(concat!(
        "<h1>恩施州农业农村局2025年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值确定依据</td></tr>",
        "<tr><td rowspan=\"3\">产出指标</td><td rowspan=\"3\">数量指标</td><td>低产茶园改造面积</td><td>≥1.2万亩</td><td rowspan=\"3\">计划标准</td></tr>",
        "<tr><td>培育区域公用品牌</td><td>2个</td></tr>",
        "<tr><td></td><td></td></tr>",
        "</table>",
        "<table>",
        "<tr><td rowspan=\"2\"></td><td></td><td>茶园绿色防控覆盖率</td><td>≥90%</td><td>计划标准</td></tr>",
        "<tr><td>质量指标</td><td>茶叶质量抽检合格率</td><td>≥98%</td><td>计划标准</td></tr>",
        "<tr><td>效益指标</td><td>经济效益指标</td><td>茶农人均增收</td><td>≥800元</td><td>计划标准</td></tr>",
        "</table>"
    ));
    assert_eq!(
        levels(&d),
        [
            (Some("产出指标"), Some("数量指标"), Some("低产茶园改造面积")),
            (Some("产出指标"), Some("数量指标"), Some("培育区域公用品牌")),
            (
                Some("产出指标"),
                Some("数量指标"),
                Some("茶园绿色防控覆盖率")
            ),
            (
                Some("产出指标"),
                Some("质量指标"),
                Some("茶叶质量抽检合格率")
            ),
            (Some("效益指标"), Some("经济效益指标"), Some("茶农人均增收")),
        ]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

/// Forms that name no year on a page whose first form, or heading, names
/// one: a heading over some departments' forms (部分部门) gives its year;
/// a project's form titled without a year after a department's form takes
/// that form's year and says so.
#[test]
fn forms_without_a_year_take_the_year_above_them() {
    let form = |name: &str, indicator: &str| {
        format!(
            "<table><tr><td>部门（单位）名称</td><td>{name}</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>≥10项</td></tr></table>"
        )
    };
    let docs = convert(&format!(
        "<h2>钟祥市2026年部分部门整体支出绩效目标</h2>{}{}",
        form("钟祥市统计局", "统计调查项目数"),
        form("钟祥市审计局", "审计项目数")
    ));
    let years: Vec<(Option<i32>, Vec<&str>)> = docs
        .iter()
        .map(|d| {
            let codes = d.warnings.iter().map(|w| w.code.as_str()).collect();
            (d.year, codes)
        })
        .collect();
    assert_eq!(
        years,
        [(Some(2026), vec![]), (Some(2026), vec!["missing_title"])]
    );

    let project = "<p>大冶市城镇污水处理厂运维项目绩效目标表</p>\
        <table><tr><td>项目名称</td><td>城镇污水处理厂运维</td></tr>\
        <tr><td>主管部门</td><td>大冶市住房和城乡建设局</td></tr>\
        <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
        <tr><td>产出指标</td><td>数量指标</td><td>污水处理量</td><td>≥1200万吨</td></tr></table>";
    let docs = convert(&format!(
        "<p>大冶市住房和城乡建设局2026年部门整体支出绩效目标表</p>{}{project}",
        form("大冶市住房和城乡建设局", "老旧管网改造长度")
    ));
    let read: Vec<(Option<Kind>, Option<i32>, Vec<&str>)> = docs
        .iter()
        .map(|d| {
            let codes = d.warnings.iter().map(|w| w.code.as_str()).collect();
            (d.kind, d.year, codes)
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some(Kind::DepartmentOverall), Some(2026), vec![]),
            (Some(Kind::Project), Some(2026), vec!["year_inferred"]),
        ]
    );
}

/// Level cells left blank as "same as above" in a table that merges other
/// level cells: the names above go on.
#[test]
fn blank_level_cells_beside_merged_ones_mean_the_name_above() {
    let d = one(concat!(
        "<h1>某县统计局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"4\">产出指标</td><td rowspan=\"2\">数量指标</td><td>统计调查项目数</td><td>≥28项</td></tr>",
        "<tr><td>统计报表种类</td><td>≥40种</td></tr>",
        "<tr><td>质量指标</td><td>数据上报准确率</td><td>≥98%</td></tr>",
        "<tr><td></td><td>数据差错率</td><td>≤2%</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>统计数据公开率</td><td>100%</td></tr>",
        "<tr><td></td><td>可持续影响指标</td><td>统计信息化水平</td><td>持续提升</td></tr>",
        "</table>"
    ));
    let l12: Vec<(Option<&str>, Option<&str>)> = levels(&d).iter().map(|l| (l.0, l.1)).collect();
    assert_eq!(
        l12,
        [
            (Some("产出指标"), Some("数量指标")),
            (Some("产出指标"), Some("数量指标")),
            (Some("产出指标"), Some("质量指标")),
            (Some("产出指标"), Some("质量指标")),
            (Some("效益指标"), Some("社会效益指标")),
            (Some("效益指标"), Some("可持续影响指标")),
        ]
    );
}

/// A role label is no department row when its value is a column title
/// (`预算单位 | 资金总额 | …`, a budget table's header), and gives way to
/// the unit's own name (单位名称 after 预算部门). Sign-off fields beside a
/// unit at the foot of a project's form are no stray text.
#[test]
fn role_labels_give_way_to_names_and_column_titles() {
    let indicators = "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
        <tr><td>产出指标</td><td>数量指标</td><td>高标准农田建设面积</td><td>≥5万亩</td></tr></table>";
    let d = one(&format!(
        "<h1>咸宁市农业农村局2026年部门整体支出绩效目标表</h1>\
         <table><tr><td>预算单位</td><td>资金总额</td><td>财政拨款</td><td>其他资金</td></tr>\
         <tr><td>合计</td><td>1647.19</td><td>1600.00</td><td>47.19</td></tr></table>{indicators}"
    ));
    assert_eq!(d.department.as_deref(), Some("咸宁市农业农村局"));

    let d = one(&format!(
        "<h1>2026年部门整体支出绩效目标表</h1>\
         <table><tr><td>预算部门</td><td>咸宁市农业农村局</td></tr>\
         <tr><td>单位名称</td><td>咸宁市农业技术推广中心</td></tr></table>{indicators}"
    ));
    assert_eq!(d.department.as_deref(), Some("咸宁市农业技术推广中心"));
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);

    let d = one(&format!(
        "<p>衡阳市食品安全抽检监测项目绩效目标表（2025年度）</p>\
         <table><tr><td>项目名称</td><td>衡阳市食品安全抽检监测项目</td></tr>\
         <tr><td>主管部门</td><td>衡阳市市场监督管理局</td></tr></table>{indicators}\
         <p>编制单位：衡阳市市场监督管理局　　日期：2025年1月8日</p>"
    ));
    assert_eq!(d.department.as_deref(), Some("衡阳市市场监督管理局"));
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

/// A 年度 | 2026年 row between the department's row and its budget gives
/// the year; it is no line of the budget.
#[test]
fn a_year_field_above_the_budget_is_no_budget_line() {
    let d = one(concat!(
        "<p>大悟县市场监督管理局部门整体支出绩效目标表</p>",
        "<table>",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">大悟县市场监督管理局</td></tr>",
        "<tr><td>年度</td><td colspan=\"3\">2026年</td></tr>",
        "<tr><td rowspan=\"2\">年度资金（元）</td><td colspan=\"2\">资金总额合计</td><td>12,846,300.00</td></tr>",
        "<tr><td colspan=\"2\">财政拨款</td><td>12,306,300.00</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>食品安全监督抽检批次</td><td>≥1800批次</td></tr>",
        "</table>"
    ));
    assert_eq!(d.year, Some(2026));
    let items: Vec<Option<&str>> = d
        .funding
        .iter()
        .flat_map(|f| &f.rows)
        .map(|r| r.item.as_deref())
        .collect();
    assert_eq!(items, [Some("资金总额合计"), Some("财政拨款")]);
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

/// Word's Insert › Symbol writes ≥ and ≤ in the Symbol font, as the
/// letters `³` and `£`: the page shows ≥95%, and so does the target.
#[test]
fn comparison_signs_in_the_symbol_font_are_read_as_shown() {
    let d = one(concat!(
        "<h1>某县林业局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td><p class=MsoNormal>",
        "<span style='font-family:Symbol;mso-ascii-font-family:仿宋_GB2312;mso-char-type:symbol;",
        "mso-symbol-font-family:Symbol'><span style='mso-char-type:symbol'>³</span></span>",
        "<span lang=EN-US>5000</span><span>亩</span></p></td></tr>",
        "<tr><td>产出指标</td><td>时效指标</td><td>火情响应时间</td>",
        "<td><font face=\"Symbol\">£</font>2小时</td></tr>",
        "</table>"
    ));
    let targets: Vec<_> = d.indicators.iter().map(|i| i.target.as_deref()).collect();
    assert_eq!(targets, [Some("≥5000亩"), Some("≤2小时")]);
    assert!(d.indicators.iter().all(|i| i.target_parsed.is_some()));
}

/// A project's amounts printed with their unit in the cell (`235.80万元`),
/// one under another or side by side in one row, are its funding, and
/// the cell's unit is the block's.
#[test]
fn amounts_printed_with_their_unit_are_funding() {
    let form = |funding: &str| {
        format!(
            "<p>2025年度项目支出绩效目标表</p><table>\
             <tr><td>项目名称</td><td colspan=4>农村公路养护工程</td></tr>\
             <tr><td>主管部门</td><td colspan=2>荆门市交通运输局</td><td>实施单位</td><td>荆门市公路中心</td></tr>\
             {funding}\
             <tr><td>年度总体目标</td><td colspan=4>完成道路养护126公里。</td></tr>\
             <tr><td rowspan=2>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥126公里</td></tr></table>"
        )
    };
    let funding = |d: &Document| -> Vec<(Option<String>, Option<f64>)> {
        d.funding
            .iter()
            .flat_map(|f| &f.rows)
            .map(|r| (r.item.clone(), r.current))
            .collect()
    };
    let item = |s: &str, n: f64| (Some(s.to_string()), Some(n));
    let stacked = one(&form(
        "<tr><td rowspan=3>项目资金</td><td colspan=2>年度资金总额</td><td colspan=2>235.80万元</td></tr>\
         <tr><td colspan=2>其中：财政拨款</td><td colspan=2>200.00万元</td></tr>\
         <tr><td colspan=2>其他资金</td><td colspan=2>35.80万元</td></tr>",
    ));
    assert_eq!(
        funding(&stacked),
        [
            item("年度资金总额", 235.8),
            item("其中：财政拨款", 200.0),
            item("其他资金", 35.8)
        ]
    );
    let unit = |d: &Document| d.funding.as_ref().and_then(|f| f.unit.clone());
    assert_eq!(unit(&stacked).as_deref(), Some("万元"));
    assert!(stacked.project.as_ref().is_some_and(|p| p.extra.is_empty()));
    let inline = one(&form(
        "<tr><td>项目资金</td><td>年度资金总额</td><td>235.80万元</td><td>其中：财政拨款</td><td>200万元</td></tr>",
    ));
    assert_eq!(
        funding(&inline),
        [item("年度资金总额", 235.8), item("其中：财政拨款", 200.0)]
    );
    assert_eq!(unit(&inline).as_deref(), Some("万元"));
}

/// Two projects' forms under the same generic title, each with its header
/// block as lines of prose (`项目名称：…`): two documents, not one with
/// the first project's name and both projects' indicators.
#[test]
fn the_same_title_over_a_new_header_block_starts_a_form() {
    let form = |name: &str, dept: &str, indicator: &str| {
        format!(
            "<p>2026年项目支出绩效目标表</p><p>项目名称：{name}</p><p>主管部门：{dept}</p>\
             <p>年度目标：完成年度建设任务。</p><table>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>≥42条</td></tr></table>"
        )
    };
    let docs = convert(&format!(
        "{}{}",
        form(
            "城区背街小巷改造项目",
            "荆门市住房和城乡建设局",
            "背街小巷改造条数"
        ),
        form(
            "农村饮水安全巩固提升项目",
            "鄂州市水利和湖泊局",
            "改造供水管网长度"
        )
    ));
    let read: Vec<(Option<&str>, usize)> = docs
        .iter()
        .map(|d| {
            let name = d.project.as_ref().and_then(|p| p.name.as_deref());
            (name, d.indicators.len())
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some("城区背街小巷改造项目"), 1),
            (Some("农村饮水安全巩固提升项目"), 1)
        ]
    );
}

/// 指标值 over two columns named only by their period (`年度 | 中长期`,
/// `年度目标 | 中长期目标`): a header row, and each column the target of
/// its period's table.
#[test]
fn periods_under_the_target_title_split_the_table() {
    for (annual, long_term) in [("年度", "中长期"), ("年度目标", "中长期目标")] {
        let d = one(&format!(
            "<h1>某县水利局2026年部门整体绩效目标表</h1><table>\
             <tr><th rowspan=2>一级指标</th><th rowspan=2>二级指标</th><th rowspan=2>三级指标</th><th colspan=2>指标值</th></tr>\
             <tr><th>{annual}</th><th>{long_term}</th></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>堤防整险加固长度</td><td>≥5公里</td><td>≥20公里</td></tr>\
             </table>"
        ));
        let read: Vec<(&str, Option<&str>)> = d
            .indicators
            .iter()
            .map(|i| (i.table.as_str(), i.target.as_deref()))
            .collect();
        assert_eq!(
            read,
            [("long_term", Some("≥20公里")), ("annual", Some("≥5公里"))],
            "{annual}"
        );
        assert!(d.warnings.is_empty(), "{annual}: {:#?}", d.warnings);
    }
}

/// A project's form under a page's heading and a lead-in sentence: its
/// title is its own (`2025年度项目支出绩效目标表`, printed over or in its
/// table), not the heading or the sentence; a form title without a year
/// takes the heading's.
#[test]
fn a_project_form_is_titled_by_its_own_title() {
    let block = "<tr><td>项目名称</td><td colspan=4>农村公路养护工程</td></tr>\
        <tr><td>主管部门</td><td colspan=2>荆门市交通运输局</td><td>实施单位</td><td>荆门市公路中心</td></tr>\
        <tr><td>年度总体目标</td><td colspan=4>完成道路养护126公里。</td></tr>\
        <tr><td rowspan=2>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
        <tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥126公里</td></tr></table>";
    let heading = "<h1>孝昌县2025年县直部门项目支出绩效目标公开</h1>";
    for (page, title) in [
        (
            format!("{heading}<p>现将我县2025年项目支出绩效目标公开如下：</p><table border=1><tr><td colspan=5>2025年度项目支出绩效目标表</td></tr>{block}"),
            "2025年度项目支出绩效目标表",
        ),
        (
            format!("{heading}<p>项目支出绩效目标表</p><table border=1>{block}"),
            "项目支出绩效目标表",
        ),
    ] {
        let d = one(&page);
        assert_eq!(d.title.as_deref(), Some(title));
        assert_eq!(d.year, Some(2025), "{title}");
        assert!(d.warnings.is_empty(), "{title}: {:#?}", d.warnings);
    }
}

/// An empty level-1 cell merged over rows whose level-2 names belong under
/// the level 1 above (时效指标, 成本指标 after 产出指标) goes on with it.
#[test]
fn an_empty_merged_level1_cell_over_its_own_level2_names_goes_on() {
    let d = one(concat!(
        "<h1>某县审计局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>审计项目数</td><td>≥60个</td></tr>",
        "<tr><td>质量指标</td><td>审计报告合格率</td><td>100%</td></tr>",
        "<tr><td rowspan=\"2\"></td><td>时效指标</td><td>按时完成率</td><td>100%</td></tr>",
        "<tr><td>成本指标</td><td>经费控制数</td><td>≤80万元</td></tr>",
        "</table>"
    ));
    let level1: Vec<_> = d.indicators.iter().map(|i| i.level1.as_deref()).collect();
    assert_eq!(level1, [Some("产出指标"); 4]);
}

/// An amount printed in another unit than its block's (`1000000元` in a
/// 项目资金（万元） block) is no amount of the block: it stays as printed.
#[test]
fn an_amount_in_another_unit_than_the_block_stays_as_printed() {
    let d = one("<p>2025年度项目支出绩效目标表</p><table>\
         <tr><td>项目名称</td><td colspan=2>农村公路养护工程</td></tr>\
         <tr><td rowspan=2>项目资金（万元）</td><td>年度资金总额</td><td>120万元</td></tr>\
         <tr><td>其中：财政拨款</td><td>1000000元</td></tr>\
         <tr><td rowspan=2>绩效指标</td><td>三级指标</td><td>指标值</td></tr>\
         <tr><td>养护里程</td><td>≥126公里</td></tr></table>");
    let funding = d.funding.as_ref().expect("funding");
    assert_eq!(funding_of(&d), [(Some("年度资金总额"), Some(120.0))]);
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    let extra = &d.project.as_ref().expect("project").extra;
    assert_eq!(
        extra.get("其中：财政拨款").map(String::as_str),
        Some("1000000元")
    );
}

#[test]
fn a_name_merged_across_level_2_and_level_3_is_the_rows_name() {
    // 森林覆盖率 over 二级 and 三级: the row had no indicator name. A
    // level-1 name over 一级 and 二级 still names no level 2, and a
    // placeholder (……) over 二级 and 三级 in a row with nothing else stays
    // a placeholder.
    let d = one(concat!(
        "<h1>某县林业局2026年部门整体支出绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>植树造林面积</td><td>≥5000亩</td></tr>",
        "<tr><td colspan=\"2\">满意度指标</td><td>群众满意度</td><td>≥95%</td></tr>",
        "<tr><td>效益指标</td><td colspan=\"2\">森林覆盖率</td><td>≥60%</td></tr>",
        "<tr><td>效益指标</td><td colspan=\"2\">……</td><td></td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level1, |i| &i.level2),
        vec![
            (Some("产出指标"), Some("数量指标")),
            (Some("满意度指标"), None),
            (Some("效益指标"), Some("森林覆盖率")),
        ]
    );
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("植树造林面积"), Some("≥5000亩")),
            (Some("群众满意度"), Some("≥95%")),
            (Some("森林覆盖率"), Some("≥60%")),
        ]
    );
    let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, vec!["empty_row"], "{:?}", d.warnings);
}

#[test]
fn a_level_2_heading_over_two_level_columns_stays_a_heading() {
    let d = one(concat!(
        "<h1>某县林业局2026年部门整体支出绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td colspan=\"2\">数量指标</td><td></td></tr>",
        "<tr><td>数量指标</td><td>植树造林面积</td><td>≥5000亩</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level2, |i| &i.level3),
        vec![(Some("数量指标"), Some("植树造林面积"))]
    );
}

#[test]
fn a_level_1_name_merged_with_the_row_number_column_is_level_1() {
    // 产出指标 over 序号 and 一级指标 went to extra.序号, level 1 null.
    let d = one(concat!(
        "<h1>某县统计局2026年部门整体支出绩效目标表</h1>",
        "<table>",
        "<tr><td>序号</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td colspan=\"2\" rowspan=\"2\">产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>35项以上</td></tr>",
        "<tr><td>质量指标</td><td>统计数据上报准确率</td><td>98%</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level1, |i| &i.level2),
        vec![
            (Some("产出指标"), Some("数量指标")),
            (Some("产出指标"), Some("质量指标")),
        ]
    );
    assert!(
        d.indicators.iter().all(|i| i.extra.is_empty()),
        "{:?}",
        d.indicators
    );
}

/// A form whose indicator table groups its rows under numbered level
/// names printed across it.
fn grouped(header: &str, rows: &str) -> Document {
    one(&format!(
        concat!(
            "<h1>某县统计局2026年部门整体绩效目标</h1>",
            "<table><tr><td>部门（单位）名称</td><td colspan=\"4\">某县统计局</td></tr>",
            "<tr><td>年度总体目标</td><td colspan=\"4\">按时完成统计调查任务。</td></tr></table>",
            "<table>{}{}</table>"
        ),
        header, rows
    ))
}

#[test]
fn level_names_printed_across_the_table_group_the_rows_under_them() {
    // Only levels 2 and 3 have columns: the groups' headings give level 1.
    let d = grouped(
        "<tr><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>",
        concat!(
            "<tr><td colspan=\"4\">一、产出指标</td></tr>",
            "<tr><td rowspan=\"2\">数量指标</td><td>完成统计调查项目数</td><td>35项以上</td><td>20</td></tr>",
            "<tr><td>统计报表数</td><td>120份</td><td>10</td></tr>",
            "<tr><td colspan=\"4\">二、效益指标</td></tr>",
            "<tr><td>社会效益指标</td><td>统计数据使用单位数</td><td>较上年增加</td><td>20</td></tr>",
        ),
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
    assert_eq!(
        levels(&d),
        vec![
            (
                Some("产出指标"),
                Some("数量指标"),
                Some("完成统计调查项目数")
            ),
            (Some("产出指标"), Some("数量指标"), Some("统计报表数")),
            (
                Some("效益指标"),
                Some("社会效益指标"),
                Some("统计数据使用单位数")
            ),
        ]
    );
    // A heading right under the header row keeps the table going, and
    // rows that print their own level 1 keep it.
    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>",
        concat!(
            "<tr><td colspan=\"5\">一、产出指标</td></tr>",
            "<tr><td>产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>35项以上</td><td>20</td></tr>",
            "<tr><td colspan=\"5\">二、效益指标</td></tr>",
            "<tr><td></td><td>社会效益指标</td><td>统计数据使用单位数</td><td>较上年增加</td><td>20</td></tr>",
        ),
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
    assert_eq!(
        levels(&d),
        vec![
            (
                Some("产出指标"),
                Some("数量指标"),
                Some("完成统计调查项目数")
            ),
            (
                Some("效益指标"),
                Some("社会效益指标"),
                Some("统计数据使用单位数")
            ),
        ]
    );
}

#[test]
fn a_level_name_merged_across_the_level2_columns_takes_no_level2_from_above() {
    // 二级指标 heads two columns (the second holds the indicators' names);
    // the last row's 满意度指标 covers all three level columns.
    let d = grouped(
        "<tr><td>一级指标</td><td colspan=\"2\">二级指标</td><td>指标值</td><td>权重</td></tr>",
        concat!(
            "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>35项以上</td><td>20</td></tr>",
            "<tr><td>质量指标</td><td>统计数据上报准确率</td><td>98%</td><td>15</td></tr>",
            "<tr><td>满意度指标</td><td colspan=\"2\">服务对象满意度</td><td>≥90%</td><td>20</td></tr>",
            "<tr><td colspan=\"3\">满意度指标</td><td>≥85%</td><td>20</td></tr>",
        ),
    );
    assert_eq!(
        levels(&d),
        vec![
            (
                Some("产出指标"),
                Some("数量指标"),
                Some("完成统计调查项目数")
            ),
            (
                Some("产出指标"),
                Some("质量指标"),
                Some("统计数据上报准确率")
            ),
            (Some("满意度指标"), Some("服务对象满意度"), None),
            (Some("满意度指标"), None, None),
        ]
    );
}

#[test]
fn a_row_read_as_no_indicator_is_said() {
    // A text dump's row that prints a name and nothing else is no
    // indicator; a page number printed across the grid is no row at all.
    let text = concat!(
        "某县教育局2026年部门整体绩效目标表\n",
        "部门（单位）名称\t某县教育局\n",
        "年度总体目标\t保障学校正常运转。\n",
        "一级指标\t二级指标\t三级指标\t指标值\n",
        "产出指标\t数量指标\t新建校舍面积\t≥2.5万平方米\n",
        "\t\t资助资金发放规范性\t\n",
        "满意度指标\t服务对象满意度指标\t学生家长满意度\t≥90%\n",
    );
    let docs = pifu::convert::convert_named_all("dump.txt", text.as_bytes(), Path::new("dump.txt"));
    let d = docs.first().expect("a document");
    assert_eq!(d.indicators.len(), 2);
    let said: Vec<&str> = d
        .warnings
        .iter()
        .filter(|w| w.code == "unread_row")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].ends_with(": 资助资金发放规范性"), "{said:?}");

    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>",
        concat!(
            "<tr><td>产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>35项以上</td><td>20</td></tr>",
            "<tr><td colspan=\"5\">第 1 页 共 1 页</td></tr>",
        ),
    );
    assert_eq!(d.indicators.len(), 1);
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn an_indicator_named_after_a_section_stays_in_its_table() {
    // 部门预算执行率 opens with 部门预算, 部门职能履行率 with 部门职能: in
    // a dump whose merged level cells are left out, each is its row's
    // first text, and neither is a budget or the functions.
    let text = concat!(
        "某县市场监督管理局2026年部门整体绩效目标表\n",
        "部门（单位）名称\t某县市场监督管理局\n",
        "一级指标\t二级指标\t三级指标\t指标值\n",
        "产出指标\t成本指标\t项目成本控制率\t100%\n",
        "部门预算执行率\t95%\n",
        "部门职能履行率\t98%\n",
        "满意度指标\t服务对象满意度指标\t市场主体满意度\t≥90%\n",
    );
    let docs = pifu::convert::convert_named_all("dump.txt", text.as_bytes(), Path::new("dump.txt"));
    let d = docs.first().expect("a document");
    let names: Vec<&str> = d
        .indicators
        .iter()
        .filter_map(|i| i.level3.as_deref())
        .collect();
    assert_eq!(
        names,
        vec![
            "项目成本控制率",
            "部门预算执行率",
            "部门职能履行率",
            "市场主体满意度"
        ]
    );
    assert!(d.functions.is_empty(), "{:?}", d.functions);
    assert!(d.funding.as_ref().is_none_or(|f| f.rows.is_empty()));
}

#[test]
fn a_qualitative_target_merged_over_the_operator_keeps_the_operator_column() {
    // 指标值 heads `≥ | 5000亩`; a qualitative row's target is merged over
    // both parts, another prints 定性 in the operator's place.
    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=\"2\">指标值</td></tr>",
        concat!(
            "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td>≥</td><td>5000亩</td></tr>",
            "<tr><td>效益指标</td><td>生态效益指标</td><td>森林生态功能</td><td colspan=\"2\">持续增强</td></tr>",
            "<tr><td>效益指标</td><td>生态效益指标</td><td>水质状况</td><td>定性</td><td>明显改善</td></tr>",
        ),
    );
    let targets: Vec<Option<&str>> = d.indicators.iter().map(|i| i.target.as_deref()).collect();
    assert_eq!(
        targets,
        vec![Some("5000亩"), Some("持续增强"), Some("明显改善")]
    );
    let parsed = d.indicators.first().and_then(|i| i.target_parsed.as_ref());
    assert_eq!(
        parsed.map(|p| (p.op, p.value)),
        Some((pifu::model::Op::Ge, 5000.0))
    );
}

#[test]
fn a_group_heading_with_its_number_or_its_weight_is_no_indicator() {
    // The group's number in the 序号 column beside its name.
    let d = grouped(
        "<tr><td>序号</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        concat!(
            "<tr><td>一</td><td colspan=\"3\">产出指标</td></tr>",
            "<tr><td>1</td><td>数量指标</td><td>执法检查次数</td><td>≥200次</td></tr>",
            "<tr><td>二</td><td colspan=\"3\">满意度指标</td></tr>",
            "<tr><td>2</td><td>服务对象满意度指标</td><td>公众满意度</td><td>≥85%</td></tr>",
        ),
    );
    let expected = vec![
        (Some("产出指标"), Some("数量指标"), Some("执法检查次数")),
        (
            Some("满意度指标"),
            Some("服务对象满意度指标"),
            Some("公众满意度"),
        ),
    ];
    assert_eq!(levels(&d), expected);
    // The group's weight, the sum of its rows', in the weight column.
    let d = grouped(
        "<tr><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>",
        concat!(
            "<tr><td colspan=\"3\">一、产出指标</td><td>50</td></tr>",
            "<tr><td>数量指标</td><td>执法检查次数</td><td>≥200次</td><td>50</td></tr>",
            "<tr><td colspan=\"3\">二、满意度指标</td><td>50</td></tr>",
            "<tr><td>服务对象满意度指标</td><td>公众满意度</td><td>≥85%</td><td>50</td></tr>",
        ),
    );
    assert_eq!(levels(&d), expected);
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn level_headers_worded_with_a_suffix_are_the_levels() {
    for name_header in ["三级指标名称", "三级指标内容", "三级指标（具体指标）"]
    {
        let d = grouped(
            &format!("<tr><td>一级指标名称</td><td>二级指标名称</td><td>{name_header}</td><td>指标值</td></tr>"),
            "<tr><td>产出指标</td><td>数量指标</td><td>执法检查次数</td><td>≥200次</td></tr>",
        );
        assert_eq!(
            levels(&d),
            vec![(Some("产出指标"), Some("数量指标"), Some("执法检查次数"))],
            "{name_header}"
        );
    }
    // A name column headed by no word pifu knows is said, not silently
    // left in extra.
    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>考核事项</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>执法检查次数</td><td>≥200次</td></tr>",
    );
    let said: Vec<&str> = d
        .warnings
        .iter()
        .filter(|w| w.code == "unmapped_columns")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{:#?}", d.warnings);
    assert!(said[0].ends_with("kept in extra: 考核事项"), "{said:?}");
}

#[test]
fn a_remark_row_and_a_stamp_line_under_the_table_are_no_indicators() {
    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        concat!(
            "<tr><td>产出指标</td><td>数量指标</td><td>公共自行车投放数量</td><td>≥3000辆</td></tr>",
            "<tr><td>备注</td><td colspan=\"3\">本表指标值为年度目标值，由部门据实填报。</td></tr>",
            "<tr><td colspan=\"2\">单位签章：</td><td colspan=\"2\">日期：2025年3月10日</td></tr>",
        ),
    );
    assert_eq!(
        levels(&d),
        vec![(
            Some("产出指标"),
            Some("数量指标"),
            Some("公共自行车投放数量")
        )]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn amounts_written_with_their_unit_beside_their_labels_are_read() {
    let d = one(concat!(
        "<h1>某县水利局2026年项目支出绩效目标表</h1><table>",
        "<tr><td>项目名称</td><td colspan=\"3\">农村饮水安全巩固提升工程</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"3\">某县水利局</td></tr>",
        "<tr><td rowspan=\"2\">项目资金</td><td colspan=\"2\">年度资金总额：650万元</td><td>其他资金：50万元</td></tr>",
        "<tr><td colspan=\"3\">其中：财政拨款：600万元</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>改造供水管网长度</td><td>≥20公里</td></tr>",
        "</table>",
    ));
    let funding = d.funding.as_ref().expect("funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    let rows: Vec<(&str, Option<f64>)> = funding
        .rows
        .iter()
        .map(|r| (r.item.as_deref().unwrap_or_default(), r.current))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("年度资金总额", Some(650.0)),
            ("其他资金", Some(50.0)),
            ("其中：财政拨款", Some(600.0))
        ]
    );
}

#[test]
fn of_two_operator_columns_the_comparison_is_the_operator() {
    let d = grouped(
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>计算符号</td><td>目标值</td><td>计量单位</td></tr>",
        "<tr><td>产出指标</td><td>质量指标</td><td>统计数据差错率</td><td>定量</td><td>≤</td><td>0.5</td><td>%</td></tr>",
    );
    let parsed = d.indicators.first().and_then(|i| i.target_parsed.as_ref());
    assert_eq!(parsed.map(|p| p.op), Some(pifu::model::Op::Le));
}

#[test]
fn a_target_divided_into_quantitative_and_qualitative_columns() {
    let d = grouped(
        concat!(
            "<tr><td rowspan=\"2\">一级指标</td><td rowspan=\"2\">二级指标</td><td rowspan=\"2\">三级指标</td><td colspan=\"2\">指标值</td></tr>",
            "<tr><td>定量</td><td>定性</td></tr>",
        ),
        concat!(
            "<tr><td>产出指标</td><td>数量指标</td><td>执法检查次数</td><td>≥200次</td><td></td></tr>",
            "<tr><td>效益指标</td><td>社会效益指标</td><td>环境质量</td><td></td><td>持续改善</td></tr>",
        ),
    );
    let read: Vec<(Option<&str>, Option<&str>)> = d
        .indicators
        .iter()
        .map(|i| (i.target.as_deref(), i.unit.as_deref()))
        .collect();
    assert_eq!(read, vec![(Some("≥200次"), None), (Some("持续改善"), None)]);
}

#[test]
fn several_fields_on_one_line_of_text_are_each_read() {
    let d = one(concat!(
        "<h1>某县民政局2026年项目支出绩效目标表</h1>",
        "<p>项目名称：老年人助餐服务补助项目　　项目编码：420222-26-0031</p>",
        "<p>主管部门：某县民政局　　　　实施单位：某县社会福利中心</p>",
        "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>助餐服务点数量</td><td>≥12个</td></tr></table>",
    ));
    let p = d.project.as_ref().expect("a project");
    assert_eq!(p.name.as_deref(), Some("老年人助餐服务补助项目"));
    assert_eq!(p.code.as_deref(), Some("420222-26-0031"));
    assert_eq!(p.implementer.as_deref(), Some("某县社会福利中心"));
    assert_eq!(d.department.as_deref(), Some("某县民政局"));
}

#[test]
fn a_budget_unit_beside_its_department_is_the_implementer() {
    let d = one(concat!(
        "<h1>某县住房和城乡建设局2026年项目支出绩效目标表</h1><table>",
        "<tr><td>项目名称</td><td colspan=\"3\">乡镇污水处理厂运营补助</td></tr>",
        "<tr><td>预算部门</td><td>某县住房和城乡建设局</td><td>预算单位</td><td>某县城乡建设服务中心</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>运营污水处理厂数量</td><td>12座</td></tr></table>",
    ));
    assert_eq!(d.department.as_deref(), Some("某县住房和城乡建设局"));
    let p = d.project.as_ref().expect("a project");
    assert_eq!(p.implementer.as_deref(), Some("某县城乡建设服务中心"));
}

#[test]
fn a_row_of_a_level_name_and_its_number_is_a_placeholder() {
    let d = one(concat!(
        "<h1>某县统计局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>部门（单位）名称</td><td colspan=\"4\">某县统计局</td></tr>",
        "<tr><td>序号</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>一</td><td>产出指标</td><td></td><td></td><td></td></tr>",
        "<tr><td>1</td><td>产出指标</td><td>数量指标</td><td>完成统计调查项目数</td><td>35项以上</td></tr>",
        "</table>",
    ));
    assert_eq!(
        levels(&d),
        vec![(
            Some("产出指标"),
            Some("数量指标"),
            Some("完成统计调查项目数")
        )]
    );
    let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, vec!["empty_row"]);
}

#[test]
fn goals_numbered_with_circled_numbers_are_items() {
    let d = one(concat!(
        "<h1>某县林业局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>部门名称</td><td colspan=\"3\">某县林业局</td></tr>",
        "<tr><td>年度目标</td><td colspan=\"3\">①完成人工造林1.5万亩；②森林火灾受害率控制在0.9‰以内③林业有害生物成灾率低于3‰。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td>≥1.5万亩</td></tr>",
        "</table>"
    ));
    assert_eq!(
        d.annual_goals,
        vec![
            "完成人工造林1.5万亩",
            "森林火灾受害率控制在0.9‰以内",
            "林业有害生物成灾率低于3‰。"
        ]
    );
}

#[test]
fn a_department_label_with_the_stamp_place_names_the_department() {
    let d = one(concat!(
        "<h1>2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>部门名称（盖章）</td><td colspan=\"3\">某县林业局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td>≥1.5万亩</td></tr>",
        "</table>"
    ));
    assert_eq!(d.department.as_deref(), Some("某县林业局"));
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn a_unit_column_headed_indicator_unit_completes_the_target() {
    let d = one(concat!(
        "<h1>某县审计局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标单位</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>审计项目数</td><td>≥30</td><td>个</td></tr>",
        "</table>"
    ));
    let i = d.indicators.first().expect("an indicator");
    assert_eq!(i.unit.as_deref(), Some("个"));
    let p = i.target_parsed.as_ref().expect("parsed");
    assert_eq!(
        (p.op, p.value, p.unit.as_deref()),
        (Op::Ge, 30.0, Some("个"))
    );
    assert!(i.extra.is_empty(), "{:?}", i.extra);
}

#[test]
fn rows_of_fill_marks_are_placeholders() {
    let d = one(concat!(
        "<h1>某县档案馆2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"3\">产出指标</td><td>数量指标</td><td>档案数字化页数</td><td>≥50万页</td></tr>",
        "<tr><td>质量指标</td><td>/</td><td>/</td></tr>",
        "<tr><td>成本指标</td><td>无</td><td>无</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>——</td><td>——</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>安全事故发生数</td><td>无</td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("档案数字化页数"), Some("≥50万页")),
            // 无 as the target of a named indicator is its value.
            (Some("安全事故发生数"), Some("无")),
        ]
    );
    let skipped = d.warnings.iter().filter(|w| w.code == "empty_row").count();
    assert_eq!(skipped, 3, "{:#?}", d.warnings);
}

#[test]
fn several_indicators_stacked_in_one_row_are_each_read() {
    let d = one(concat!(
        "<h1>某县水务局2026年部门整体绩效目标表</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>备注</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新建供水管网长度<br>改造泵站数量</td><td>≥20公里<br>≥3座</td><td>按竣工验收</td></tr>",
        "<tr><td>产出指标</td><td>质量指标</td><td>水质达标率</td><td>100%</td><td></td></tr>",
        "</table>"
    ));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("新建供水管网长度"), Some("≥20公里")),
            (Some("改造泵站数量"), Some("≥3座")),
            (Some("水质达标率"), Some("100%")),
        ]
    );
    // The one-line cells beside them belong to both.
    let l2: Vec<_> = d.indicators.iter().map(|i| i.level2.as_deref()).collect();
    assert_eq!(l2, [Some("数量指标"), Some("数量指标"), Some("质量指标")]);
    let remarks: Vec<_> = d.indicators.iter().map(|i| i.remark.as_deref()).collect();
    assert_eq!(remarks, [Some("按竣工验收"), Some("按竣工验收"), None]);
}

#[test]
fn an_indicator_table_nested_beside_its_label_is_read_as_its_grid() {
    let d = one(concat!(
        "<h1>荆门市2025年项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>项目名称</td><td>城市社区养老服务中心建设项目</td></tr>",
        "<tr><td>主管部门</td><td>荆门市民政局</td></tr>",
        "<tr><td>实施单位</td><td>荆门市社会福利院</td></tr>",
        "<tr><td>年度目标</td><td>新建社区养老服务中心10个。</td></tr>",
        "<tr><td>绩效指标</td><td><table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>新建社区养老服务中心</td><td>10个</td></tr>",
        "<tr><td>质量指标</td><td>验收合格率</td><td>100%</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>服务老年人数</td><td>≥5000人</td></tr>",
        "</table></td></tr>",
        "</table>"
    ));
    // Read as a layout table, its label and value cells were lines of
    // prose: no project name, and the department from the title (荆门市).
    assert_eq!(d.department.as_deref(), Some("荆门市民政局"));
    let p = d.project.as_ref().expect("project");
    assert_eq!(p.name.as_deref(), Some("城市社区养老服务中心建设项目"));
    assert_eq!(p.implementer.as_deref(), Some("荆门市社会福利院"));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("新建社区养老服务中心"), Some("10个")),
            (Some("验收合格率"), Some("100%")),
            (Some("服务老年人数"), Some("≥5000人")),
        ]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn a_flat_table_unit_printed_once_over_its_projects() {
    let docs = convert(concat!(
        "<h1>2025年度镇级项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>单位名称</td><td>项目名称</td><td>预算数（万元）</td><td>年度目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>许州镇人民政府</td><td>人居环境整治项目</td><td>85</td><td>完成12个村人居环境整治。</td><td>产出指标</td><td>数量指标</td><td>整治村数</td><td>12个</td></tr>",
        "<tr><td></td><td>农村道路维护项目</td><td>40.5</td><td>维护村道35公里。</td><td>产出指标</td><td>数量指标</td><td>维护村道里程</td><td>35公里</td></tr>",
        "<tr><td>金龙镇人民政府</td><td>便民服务中心运行项目</td><td>22</td><td>保障便民服务中心正常运行。</td><td>产出指标</td><td>时效指标</td><td>事项办结率</td><td>100%</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            let funding = d.funding.as_ref().expect("funding");
            let f = funding.rows.first().expect("budget row");
            (
                d.department.as_deref(),
                d.project.as_ref().and_then(|p| p.name.as_deref()),
                f.item.as_deref(),
                f.current,
                funding.unit.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("许州镇人民政府"),
                Some("人居环境整治项目"),
                Some("预算数"),
                Some(85.0),
                Some("万元")
            ),
            (
                Some("许州镇人民政府"),
                Some("农村道路维护项目"),
                Some("预算数"),
                Some(40.5),
                Some("万元")
            ),
            (
                Some("金龙镇人民政府"),
                Some("便民服务中心运行项目"),
                Some("预算数"),
                Some(22.0),
                Some("万元")
            ),
        ]
    );
}

#[test]
fn long_term_and_annual_rows_under_one_header_marked_by_a_label_column() {
    let d = one(concat!(
        "<h1>随州市2026年项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>项目名称</td><td colspan=\"5\">城区污水管网改造项目</td></tr>",
        "<tr><td rowspan=\"6\">绩效指标</td><td></td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">长期绩效指标</td><td>产出指标</td><td>数量指标</td><td>管网改造长度</td><td>60公里</td></tr>",
        "<tr><td>效益指标</td><td>生态效益指标</td><td>污水收集率</td><td>≥95%</td></tr>",
        "<tr><td rowspan=\"3\">年度绩效指标</td><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>管网改造长度</td><td>20公里</td></tr>",
        "<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥85%</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| (i.table, i.level3.as_deref(), i.target.as_deref()))
        .collect();
    use pifu::model::IndicatorTable::{Annual, LongTerm};
    assert_eq!(
        got,
        vec![
            (LongTerm, Some("管网改造长度"), Some("60公里")),
            (LongTerm, Some("污水收集率"), Some("≥95%")),
            (Annual, Some("管网改造长度"), Some("20公里")),
            (Annual, Some("工程验收合格率"), Some("100%")),
            (Annual, Some("居民满意度"), Some("≥85%")),
        ]
    );
}

#[test]
fn a_row_holding_only_a_weight_is_kept() {
    // A number alone in the weight column is a cell of the table, not a
    // page number printed across it.
    let d = one(concat!(
        "<h1>2026年项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>项目名称</td><td colspan=\"5\">重点项目前期工作经费</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td><td>备注</td></tr>",
        "<tr><td rowspan=\"2\">产出指标</td><td rowspan=\"2\">数量指标</td><td>入库项目数</td><td>≥40个</td><td>20</td><td></td></tr>",
        "<tr><td></td><td></td><td>10</td><td></td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>项目单位满意度</td><td>≥90%</td><td>10</td><td></td></tr>",
        "</table>"
    ));
    let weights: Vec<Option<f64>> = d.indicators.iter().map(|i| i.weight).collect();
    assert_eq!(weights, vec![Some(20.0), Some(10.0), Some(10.0)]);
}

#[test]
fn a_second_column_titled_for_the_indicator_name_is_kept_in_extra() {
    // 指标名称 and 指标内容 are both words of the level-3 column; the second
    // was mapped to level 3 too, and its text (the indicator's description)
    // was in no field of the document.
    let d = one(concat!(
        "<h1>某区审计局2026年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>指标名称</td><td>指标内容</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>审计项目完成数</td><td>完成年度审计计划确定的项目数量</td><td>≥25个</td></tr>",
        "</table>"
    ));
    let ind = d.indicators.first().expect("an indicator");
    assert_eq!(ind.level3.as_deref(), Some("审计项目完成数"));
    assert_eq!(ind.target.as_deref(), Some("≥25个"));
    assert_eq!(
        ind.extra.get("指标内容").map(String::as_str),
        Some("完成年度审计计划确定的项目数量")
    );
    let fields: Vec<&str> = d.columns.annual.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["level1", "level2", "level3", "extra", "target"]);
}

#[test]
fn year_columns_beside_long_term_and_annual_targets_are_the_annual_history() {
    // One row prints both periods' targets and the years before: long-term
    // rows have no history (SPEC 2.5); they were given the annual one.
    let d = one(concat!(
        "<h1>某市自然资源和规划局2026年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>2024年实际值</td><td>2025年目标值</td><td>中长期指标值</td><td>年度指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>变更调查图斑数</td><td>15000个</td><td>16000个</td><td>≥48000个</td><td>≥16500个</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| (i.table, i.target.as_deref(), i.history.clone()))
        .collect();
    use pifu::model::IndicatorTable::{Annual, LongTerm};
    assert_eq!(
        got,
        vec![
            (LongTerm, Some("≥48000个"), vec![]),
            (
                Annual,
                Some("≥16500个"),
                vec![Some("15000个".to_string()), Some("16000个".to_string())]
            ),
        ]
    );
    assert_eq!(d.history_years, [2024, 2025]);
    assert!(d.columns.long_term.iter().all(|c| c.field != "history"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn two_goal_sections_side_by_side_on_one_row_of_a_department_form() {
    // Each label's text is its own list; the second label and its text
    // went into the first one's.
    let page = |row: &str| {
        format!(
            concat!(
                "<h1>某县林业局2026年部门整体绩效目标表</h1><table>",
                "<tr><td>部门名称</td><td colspan=\"5\">某县林业局</td></tr>",
                "{}",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=\"3\">指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>巡护里程</td><td colspan=\"3\">≥500公里</td></tr>",
                "</table>"
            ),
            row
        )
    };
    let d = one(&page(
        "<tr><td>中长期目标</td><td colspan=\"3\">到2028年森林火灾受害率控制在0.9‰以内。</td><td>年度目标</td><td>年度完成巡护500公里。</td></tr>",
    ));
    assert_eq!(
        d.long_term_goals,
        ["到2028年森林火灾受害率控制在0.9‰以内。"]
    );
    assert_eq!(d.annual_goals, ["年度完成巡护500公里。"]);
    let d = one(&page(
        "<tr><td>部门职能</td><td colspan=\"3\">负责全县林业资源保护。</td><td>年度总体目标</td><td>完成巡护500公里。</td></tr>",
    ));
    assert_eq!(d.functions, ["负责全县林业资源保护。"]);
    assert_eq!(d.annual_goals, ["完成巡护500公里。"]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_row_a_cell_short_under_a_merged_remark_is_repaired() {
    // The row below 数量指标 leaves out its level-2 cell; a 备注 merged over
    // both rows fills the column after its cells, so the row seemed as
    // wide as the table and was read by position: its name as the level-2
    // name, its target as the name, its weight as the target. It is read
    // as short now (and says so), and the merge still reaches the row
    // below it.
    let d = one(concat!(
        "<h1>某县民政局2026年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td><td>备注</td></tr>",
        "<tr><td rowspan=\"4\">产出指标</td><td>数量指标</td><td>低保保障人数</td><td>≥1.6万人</td><td>10</td><td rowspan=\"3\">按月调整</td></tr>",
        "<tr><td>特困人员供养人数</td><td>≥2100人</td><td>10</td></tr>",
        "<tr><td>质量指标</td><td>认定准确率</td><td>≥98%</td><td>10</td></tr>",
        "<tr><td>时效指标</td><td>审批时限</td><td>≤5个工作日</td><td>10</td><td></td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.level2.as_deref(),
                i.level3.as_deref(),
                i.target.as_deref(),
                i.weight,
                i.remark.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("数量指标"),
                Some("低保保障人数"),
                Some("≥1.6万人"),
                Some(10.0),
                Some("按月调整")
            ),
            (
                Some("数量指标"),
                Some("特困人员供养人数"),
                Some("≥2100人"),
                Some(10.0),
                None
            ),
            (
                Some("质量指标"),
                Some("认定准确率"),
                Some("≥98%"),
                Some(10.0),
                Some("按月调整")
            ),
            (
                Some("时效指标"),
                Some("审批时限"),
                Some("≤5个工作日"),
                Some(10.0),
                None
            ),
        ]
    );
    let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, ["shifted_cells"]);
}

#[test]
fn a_project_category_chosen_by_check_box_and_a_crossed_out_nature() {
    let d = one(concat!(
        "<h1>某县水利局2026年项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>项目名称</td><td colspan=\"3\">农村供水工程维修养护</td></tr>",
        "<tr><td>主管部门</td><td>某县水利局</td><td>实施单位</td><td>某县农村供水站</td></tr>",
        "<tr><td>项目属性</td><td>新增项目（×）延续项目（√）</td><td>项目类别</td><td>□基本建设类 ☑专项业务类 □其他</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>维修养护供水站</td><td>≥12座</td></tr>",
        "</table>"
    ));
    assert_eq!(d.kind, Some(Kind::Project));
    let p = d.project.as_ref().expect("a project");
    assert_eq!(p.nature.as_deref(), Some("延续项目"));
    assert_eq!(p.category.as_deref(), Some("专项业务类"));
}

#[test]
fn a_task_table_whose_label_is_a_row_of_its_own() {
    // 年度主要任务 over the table (its first row, spanning it) and the
    // column titles on the next row: every cell was read as an item, the
    // titles among them, the task names lost.
    let d = one(concat!(
        "<h1>某县供销合作社2026年部门整体绩效目标</h1>",
        "<table>",
        "<tr><td>部门名称</td><td colspan=\"3\">某县供销合作社</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>化肥储备量</td><td>≥2000吨</td></tr>",
        "</table>",
        "<table>",
        "<tr><td colspan=\"3\">年度主要任务</td></tr>",
        "<tr><td>任务名称</td><td>主要内容</td><td>预算金额</td></tr>",
        "<tr><td>农资保供</td><td>组织化肥储备2000吨</td><td>60.00</td></tr>",
        "<tr><td>电商服务</td><td>建设村级电商服务站15个</td><td>35.00</td></tr>",
        "</table>"
    ));
    assert_eq!(
        d.annual_tasks,
        [
            "农资保供：组织化肥储备2000吨（预算金额：60.00）",
            "电商服务：建设村级电商服务站15个（预算金额：35.00）"
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_flat_table_with_each_projects_code_implementer_and_period() {
    // 项目编码, 实施单位 and 项目期限 columns of a flat table were read as
    // the indicators' extra, the projects' own fields left null, silently.
    let docs = convert(concat!(
        "<h1>2025年项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>单位名称</td><td>项目编码</td><td>项目名称</td><td>实施单位</td><td>项目期限</td><td>预算数（万元）</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=\"2\">101001-某县水利局</td><td rowspan=\"2\">4210212500001</td><td rowspan=\"2\">河道清淤</td><td rowspan=\"2\">县河道管理站</td><td rowspan=\"2\">2025年1月-2025年12月</td><td rowspan=\"2\">120.50</td><td>产出指标</td><td>数量指标</td><td>清淤长度</td><td>≥10公里</td></tr>",
        "<tr><td>效益指标</td><td>社会效益指标</td><td>防洪能力</td><td>有效提升</td></tr>",
        // Same name, another code: another project.
        "<tr><td>101001-某县水利局</td><td>4210212500002</td><td>河道清淤</td><td>县水文站</td><td>2025年</td><td>30</td><td>产出指标</td><td>数量指标</td><td>监测断面数</td><td>12个</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            let p = d.project.as_ref().expect("project");
            (
                d.department_code.as_deref(),
                p.name.as_deref(),
                p.code.as_deref(),
                p.implementer.as_deref(),
                p.period.as_deref(),
                d.indicators.len(),
                d.indicators.iter().all(|i| i.extra.is_empty()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("101001"),
                Some("河道清淤"),
                Some("4210212500001"),
                Some("县河道管理站"),
                Some("2025年1月-2025年12月"),
                2,
                true
            ),
            (
                Some("101001"),
                Some("河道清淤"),
                Some("4210212500002"),
                Some("县水文站"),
                Some("2025年"),
                1,
                true
            ),
        ]
    );
}

#[test]
fn a_funding_block_labelled_in_a_cell_merged_down_its_rows() {
    // 年度预算 printed once, merged down the amounts' rows: the first row
    // was read as item 年度预算 with 资金总额 for its amount (null, with a
    // bad_number warning), the total lost.
    let d = one(concat!(
        "<h1>某县农业农村局2026年部门整体支出绩效目标表</h1>",
        "<table>",
        "<tr><td>部门名称</td><td colspan=\"3\">某县农业农村局</td></tr>",
        "<tr><td rowspan=\"3\">年度预算</td><td>资金总额</td><td colspan=\"2\">3,456.70</td></tr>",
        "<tr><td>其中：财政拨款</td><td colspan=\"2\">3,000.00</td></tr>",
        "<tr><td>其他资金</td><td colspan=\"2\">456.70</td></tr>",
        "<tr><td>年度总体目标</td><td colspan=\"3\">完成高标准农田建设2万亩。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>高标准农田建设面积</td><td>≥2万亩</td></tr>",
        "</table>"
    ));
    let rows = funding_of(&d);
    assert_eq!(
        rows,
        [
            (Some("资金总额"), Some(3456.7)),
            (Some("其中：财政拨款"), Some(3000.0)),
            (Some("其他资金"), Some(456.7)),
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

fn funding_of(d: &Document) -> Vec<(Option<&str>, Option<f64>)> {
    d.funding
        .as_ref()
        .map(|f| {
            f.rows
                .iter()
                .map(|r| (r.item.as_deref(), r.current))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn project_amounts_printed_with_their_unit_under_a_row_of_labels() {
    // 资金总额 | 财政拨款 | 其他资金 over 150万元 | 120万元 | 30万元: the
    // amounts were read as unplaced text, the funding left empty.
    let d = one(concat!(
        "<h1>2026年项目支出绩效目标表</h1><table>",
        "<tr><td>项目名称</td><td colspan=\"3\">乡村道路养护</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"3\">某县交通运输局</td></tr>",
        "<tr><td rowspan=\"2\">项目资金</td><td>资金总额</td><td>财政拨款</td><td>其他资金</td></tr>",
        "<tr><td>150万元</td><td>120万元</td><td>30万元</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>养护里程</td><td>≥200公里</td></tr>",
        "</table>"
    ));
    assert_eq!(
        funding_of(&d),
        [
            (Some("资金总额"), Some(150.0)),
            (Some("财政拨款"), Some(120.0)),
            (Some("其他资金"), Some(30.0)),
        ]
    );
    assert_eq!(
        d.funding.as_ref().and_then(|f| f.unit.as_deref()),
        Some("万元")
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn project_amounts_in_columns_of_their_source() {
    // 资金来源 | 中央 | 省级 | 市县 over the amounts' rows: the second
    // amount was read as the item of the third (item "50", 30).
    let d = one(concat!(
        "<h1>2026年项目支出绩效目标表</h1><table>",
        "<tr><td>项目名称</td><td colspan=\"4\">乡村道路养护</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"4\">某县交通运输局</td></tr>",
        "<tr><td rowspan=\"3\">资金情况（万元）</td><td>资金来源</td><td>中央</td><td>省级</td><td>市县</td></tr>",
        "<tr><td>年度资金总额</td><td>100</td><td>50</td><td>30</td></tr>",
        "<tr><td>其中：财政拨款</td><td>100</td><td>50</td><td>20</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td colspan=\"2\">三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td colspan=\"2\">养护里程</td><td>≥200公里</td></tr>",
        "</table>"
    ));
    assert_eq!(
        funding_of(&d),
        [
            (Some("年度资金总额/中央"), Some(100.0)),
            (Some("年度资金总额/省级"), Some(50.0)),
            (Some("年度资金总额/市县"), Some(30.0)),
            (Some("其中：财政拨款/中央"), Some(100.0)),
            (Some("其中：财政拨款/省级"), Some(50.0)),
            (Some("其中：财政拨款/市县"), Some(20.0)),
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

fn levels_and_values(d: &Document) -> Vec<[Option<&str>; 5]> {
    d.indicators
        .iter()
        .map(|i| {
            [
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.level3.as_deref(),
                i.target.as_deref(),
                i.basis.as_deref(),
            ]
        })
        .collect()
}

fn short_row_form(label_cell: &str, short_row: &str) -> Document {
    one(&format!(
        "<h1>钟祥市2025年项目支出绩效目标表</h1><table>\
         <tr><td>项目名称</td><td colspan=\"5\">文物保护修缮</td></tr>\
         <tr><td>主管部门</td><td colspan=\"5\">钟祥市文化和旅游局</td></tr>\
         <tr>{label_cell}<td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值确定依据</td></tr>\
         <tr><td rowspan=\"3\">产出指标</td><td>数量指标</td><td>修缮数量</td><td>3处</td><td>计划标准</td></tr>\
         {short_row}\
         <tr><td>时效指标</td><td>完成时间</td><td>2025年11月</td><td>计划标准</td></tr>\
         <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>游客满意度</td><td>≥90%</td><td>计划标准</td></tr>\
         </table>"
    ))
}

#[test]
fn a_row_short_on_the_right_beside_a_merged_label_column() {
    // 年度绩效指标 merged down the rows on the left, one row without its
    // last cell: the row was taken for one without the label column and
    // moved right (质量指标 as the name, the name as the target), silently.
    let label = "<td rowspan=\"5\">年度绩效指标</td>";
    let d = short_row_form(
        label,
        "<tr><td>质量指标</td><td>验收合格率</td><td>100%</td></tr>",
    );
    assert_eq!(
        levels_and_values(&d)[1],
        [
            Some("产出指标"),
            Some("质量指标"),
            Some("验收合格率"),
            Some("100%"),
            None
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // The label column's cell left empty (a Word row that starts a column
    // in) and the last cell missing: in place too.
    let d = one(
        "<h1>钟祥市2025年项目支出绩效目标表</h1><table>\
         <tr><td>年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>指标值确定依据</td></tr>\
         <tr><td></td><td>产出指标</td><td>数量指标</td><td>修缮数量</td><td>3处</td><td>计划标准</td></tr>\
         <tr><td></td><td>效益指标</td><td>社会效益指标</td><td>文物开放率</td><td>100%</td></tr>\
         </table>",
    );
    assert_eq!(
        levels_and_values(&d)[1],
        [
            Some("效益指标"),
            Some("社会效益指标"),
            Some("文物开放率"),
            Some("100%"),
            None
        ]
    );
    // Without its target either: still in place, the target null.
    let d = short_row_form(label, "<tr><td>质量指标</td><td>验收合格率</td></tr>");
    assert_eq!(
        levels_and_values(&d)[1],
        [
            Some("产出指标"),
            Some("质量指标"),
            Some("验收合格率"),
            None,
            None
        ]
    );
}

#[test]
fn a_short_row_whose_cells_stand_where_they_belong() {
    // No label column. A row without its target whose first cell is a
    // level-2 name, and one whose level-2 name is the publisher's own
    // (审计质量) with a quantity for its target: both were moved right as
    // rows that leave merged cells out, their names read as targets.
    let d = short_row_form("", "<tr><td>质量指标</td><td>验收合格率</td></tr>");
    assert_eq!(
        levels_and_values(&d)[1],
        [
            Some("产出指标"),
            Some("质量指标"),
            Some("验收合格率"),
            None,
            None
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    let d = short_row_form(
        "",
        "<tr><td>审计质量</td><td>审计质量检查合格率</td><td>100%</td></tr>",
    );
    assert_eq!(
        levels_and_values(&d)[1],
        [
            Some("产出指标"),
            Some("审计质量"),
            Some("审计质量检查合格率"),
            Some("100%"),
            None
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn one_target_merged_across_the_annual_and_long_term_columns() {
    // 100% printed once across 年度指标值 and 实施期指标值: only the annual
    // table had the row; the long-term table lost it, silently.
    let d = one(concat!(
        "<h1>2025年项目支出绩效目标表</h1><table>",
        "<tr><td>项目名称</td><td colspan=\"5\">老旧小区供水改造</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"5\">某县水务局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>2024年完成值</td><td>年度指标值</td><td>实施期指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>改造户数</td><td>800户</td><td>1000户</td><td>3000户</td></tr>",
        "<tr><td>产出指标</td><td>质量指标</td><td>水质检测合格率</td><td>100%</td><td colspan=\"2\">100%</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| (i.table, i.level3.as_deref(), i.target.as_deref()))
        .collect();
    use pifu::model::IndicatorTable::{Annual, LongTerm};
    assert_eq!(
        got,
        [
            (LongTerm, Some("改造户数"), Some("3000户")),
            (LongTerm, Some("水质检测合格率"), Some("100%")),
            (Annual, Some("改造户数"), Some("1000户")),
            (Annual, Some("水质检测合格率"), Some("100%")),
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_form_title_numbered_in_a_batch() {
    // `（一）某局2025年…表` was taken for a section heading: no title, no
    // year, no department; `一、` kept its number in the department.
    for numbered in ["（一）", "一、"] {
        let d = one(&format!(
            "<p>{numbered}荆门市商务局2025年部门整体绩效目标表</p><table>\
             <tr><td>年度绩效目标</td><td colspan=\"3\">促进消费增长。</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>开展促消费活动</td><td>≥20场</td></tr>\
             </table>"
        ));
        assert_eq!(
            (d.kind, d.year, d.department.as_deref()),
            (
                Some(Kind::DepartmentOverall),
                Some(2025),
                Some("荆门市商务局")
            ),
            "{numbered}"
        );
        assert!(d.warnings.is_empty(), "{numbered}: {:?}", d.warnings);
    }
}

#[test]
fn a_project_form_under_the_line_of_the_unit_that_filled_it_in() {
    // `填报单位：某局` over a project form without a 主管部门 field: the
    // department was null, and nothing said so.
    let page = |unit_line: &str| {
        one(&format!(
            "<h1>2025年项目支出绩效目标表</h1><p>{unit_line}</p><table>\
             <tr><td>项目名称</td><td colspan=\"3\">宜昌市植树项目</td></tr>\
             <tr><td>实施单位</td><td colspan=\"3\">宜昌市林业科学研究所</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>植树数量</td><td>≥10万株</td></tr>\
             </table>"
        ))
    };
    let d = page("填报单位（盖章）：宜昌市林业和园林局");
    assert_eq!(d.department.as_deref(), Some("宜昌市林业和园林局"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // No department anywhere: said.
    let d = page("");
    assert_eq!(d.department, None);
    assert!(
        d.warnings
            .iter()
            .any(|w| w.code == "missing_field" && w.message.contains("主管部门")),
        "{:?}",
        d.warnings
    );
}

fn department_funding(row: &str) -> Document {
    one(&format!(
        "<h1>麻城市民政局2026年部门整体绩效目标表</h1><table>\
         <tr><td>部门名称</td><td colspan=\"4\">麻城市民政局</td></tr>\
         {row}\
         <tr><td>年度总体目标</td><td colspan=\"4\">保障困难群众基本生活。</td></tr>\
         <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=\"2\">指标值</td></tr>\
         <tr><td>产出指标</td><td>数量指标</td><td>低保对象人数</td><td colspan=\"2\">≥5000人</td></tr>\
         </table>"
    ))
}

#[test]
fn department_amounts_as_label_and_amount_pairs_along_a_row() {
    // 资金总额 | 2,846.32 | 其中：财政拨款 | 2,846.32: read as one row with
    // the second label for its 占比 and the last amount as history, and
    // the document's history years assumed.
    let d = department_funding(
        "<tr><td>年度预算资金</td><td>资金总额</td><td>2,846.32</td><td>其中：财政拨款</td><td>2,846.32</td></tr>",
    );
    assert_eq!(
        funding_of(&d),
        [
            (Some("资金总额"), Some(2846.32)),
            (Some("其中：财政拨款"), Some(2846.32))
        ]
    );
    assert!(d.history_years.is_empty());
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn department_amounts_written_out_in_one_cell() {
    let d = department_funding(
        "<tr><td>年度预算资金</td><td colspan=\"4\">资金总额：2,846.32万元　其中：财政拨款：2,800.00万元　其他资金：46.32万元</td></tr>",
    );
    assert_eq!(
        funding_of(&d),
        [
            (Some("资金总额"), Some(2846.32)),
            (Some("其中：财政拨款"), Some(2800.0)),
            (Some("其他资金"), Some(46.32))
        ]
    );
    assert_eq!(
        d.funding.as_ref().and_then(|f| f.unit.as_deref()),
        Some("万元")
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // Figures in a cell that reads as no amount: said.
    let d = department_funding(
        "<tr><td>年度预算资金</td><td colspan=\"4\">预计2026年安排资金约2846万</td></tr>",
    );
    assert!(
        d.warnings.iter().any(|w| w.code == "bad_number"),
        "{:?}",
        d.warnings
    );
}

#[test]
fn the_documents_year_column_beside_a_long_term_column() {
    // 2026年度指标值 (the document's year) beside 中长期指标值: the table
    // was not split, the long-term values kept in extra (warned).
    let d = one(concat!(
        "<h1>某县教育局2026年部门整体绩效目标表</h1><table>",
        "<tr><td>部门名称</td><td colspan=\"5\">某县教育局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>2025年度指标值</td><td>2026年度指标值</td><td>中长期指标值（2026-2028年）</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新建校舍面积</td><td>5000平方米</td><td>6000平方米</td><td>18000平方米</td></tr>",
        "</table>"
    ));
    use pifu::model::IndicatorTable::{Annual, LongTerm};
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| (i.table, i.target.as_deref(), i.history.len()))
        .collect();
    assert_eq!(
        got,
        [
            (LongTerm, Some("18000平方米"), 0),
            (Annual, Some("6000平方米"), 1)
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

/// A project form: its name, department, goal and indicator rows
/// (name, target).
fn project_form(name: &str, dept: &str, goal: &str, rows: &[(&str, &str)]) -> String {
    let mut t = format!(
        concat!(
            "<table>",
            "<tr><td>项目名称</td><td colspan=\"3\">{}</td></tr>",
            "<tr><td>主管部门</td><td colspan=\"3\">{}</td></tr>",
            "<tr><td>年度目标</td><td colspan=\"3\">{}</td></tr>",
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        ),
        name, dept, goal
    );
    for (indicator, target) in rows {
        t.push_str(&format!(
            "<tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>{target}</td></tr>"
        ));
    }
    t.push_str("</table>");
    t
}

#[test]
fn forms_each_in_a_section_of_their_own_are_all_read() {
    // A word processor's "save as web page" puts each section in a <div>:
    // only the form with the largest table was read, the others dropped
    // without a warning.
    let page = [
        project_form("乡村公路养护", "某县交通运输局", "养护乡村公路。", &[("养护里程", "≥80公里")]),
        project_form(
            "客运站改造",
            "某县交通运输局",
            "完成客运站候车厅改造，提升旅客候车环境。",
            &[("改造面积", "≥1200平方米"), ("新增座椅", "≥300个")],
        ),
        project_form("公交站亭建设", "某县交通运输局", "新建公交站亭。", &[("新建站亭", "≥20个")]),
    ]
    .iter()
    .enumerate()
    .map(|(i, form)| {
        format!(
            "<div class=\"Section{}\"><p align=\"center\"><b>2026年项目支出绩效目标表</b></p>{form}</div>",
            i + 1
        )
    })
    .collect::<String>();
    let docs = convert(&page);
    let names: Vec<_> = docs
        .iter()
        .map(|d| d.project.as_ref().and_then(|p| p.name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            Some("乡村公路养护"),
            Some("客运站改造"),
            Some("公交站亭建设")
        ]
    );
    let counts: Vec<_> = docs.iter().map(|d| d.indicators.len()).collect();
    assert_eq!(counts, [1, 2, 1]);
}

#[test]
fn department_forms_each_in_a_block_of_their_own_are_all_read() {
    // Each form in its own block inside the article: the block with the
    // largest table was read as the page's only approval; the page's
    // navigation and footer stay out.
    let form = |dept: &str, rows: &[(&str, &str)]| {
        let mut t = format!(
            concat!(
                "<div class=\"form-block\"><p><b>{}2026年部门整体支出绩效目标表</b></p><table>",
                "<tr><td>部门名称</td><td colspan=\"3\">{}</td></tr>",
                "<tr><td>年度目标</td><td colspan=\"3\">做好本部门各项工作。</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            ),
            dept, dept
        );
        for (indicator, target) in rows {
            t.push_str(&format!(
                "<tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>{target}</td></tr>"
            ));
        }
        t.push_str("</table></div>");
        t
    };
    let page = format!(
        concat!(
            "<div class=\"nav\"><a>首页</a> <a>信息公开</a></div>",
            "<div class=\"article\"><h1>某县2026年部门整体支出绩效目标公开</h1>",
            "<div class=\"body\">{}{}</div></div>",
            "<div class=\"footer\">某县人民政府办公室主办</div>"
        ),
        form("某县档案馆", &[("档案数字化", "≥5000卷")]),
        form(
            "某县气象局",
            &[
                ("预警信息发布", "≥120次"),
                ("气象站点维护", "≥30个"),
                ("人工增雨作业", "≥6次")
            ]
        ),
    );
    let docs = convert(&page);
    let got: Vec<_> = docs
        .iter()
        .map(|d| (d.department.as_deref(), d.indicators.len()))
        .collect();
    assert_eq!(got, [(Some("某县档案馆"), 1), (Some("某县气象局"), 3)]);
    for d in &docs {
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}

#[test]
fn an_article_inside_the_form_that_wraps_the_whole_page() {
    // Server-side form frameworks wrap the page's body in one <form>: it
    // was taken for a search box, and the page read as holding nothing.
    let d = one(concat!(
        "<form name=\"mainForm\" method=\"post\" action=\"./ArticleView.aspx?aid=3071\" id=\"mainForm\">",
        "<div><input type=\"hidden\" name=\"__STATE\" value=\"dDwxMjM0NTY3ODk7Oz4=\"></div>",
        "<div class=\"head\"><a href=\"/\">网站首页</a> <a href=\"/gk/\">信息公开</a></div>",
        "<div class=\"show\"><h2>某县商务局2026年部门整体支出绩效目标表</h2>",
        "<table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县商务局</td></tr>",
        "<tr><td>年度绩效目标</td><td colspan=\"3\">培育限上商贸企业，推动消费回升。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新增限上商贸企业</td><td>≥15家</td></tr>",
        "<tr><td>效益指标</td><td>经济效益指标</td><td>社会消费品零售总额增速</td><td>≥6%</td></tr>",
        "</table></div></form>"
    ));
    assert_eq!(d.kind, Some(Kind::DepartmentOverall));
    assert_eq!(d.department.as_deref(), Some("某县商务局"));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        [
            (Some("新增限上商贸企业"), Some("≥15家")),
            (Some("社会消费品零售总额增速"), Some("≥6%"))
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn layout_utility_classes_do_not_make_the_article_furniture() {
    // `position-relative` (a positioning utility) and `relative` were
    // taken for the "you are here" bar and a related-articles list: the
    // article inside was dropped and the page read as holding nothing.
    let article = concat!(
        "<div class=\"col-12 article\"><h1 class=\"text-center\">某县文化和旅游局2026年部门整体支出绩效目标表</h1>",
        "<table class=\"table table-bordered\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县文化和旅游局</td></tr>",
        "<tr><td>年度绩效目标</td><td colspan=\"3\">开展送戏下乡，提升公共文化服务水平。</td></tr>",
        "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>送戏下乡场次</td><td>≥60场</td></tr>",
        "</table></div>"
    );
    for wrapper in [
        "container position-relative mt-3",
        "relative mx-auto max-w-4xl",
    ] {
        let d = one(&format!(
            concat!(
                "<nav class=\"navbar navbar-light\"><a class=\"navbar-brand\">某县人民政府</a></nav>",
                "<div class=\"{}\"><ol class=\"breadcrumb\"><li class=\"breadcrumb-item\">首页</li>",
                "<li class=\"breadcrumb-item\">财政信息</li></ol>{}</div>",
                "<div class=\"site-footer\">某县人民政府办公室主办</div>"
            ),
            wrapper, article
        ));
        assert_eq!(d.kind, Some(Kind::DepartmentOverall), "{wrapper}");
        assert_eq!(d.department.as_deref(), Some("某县文化和旅游局"));
        assert_eq!(
            pairs(&d, |i| &i.level3, |i| &i.target),
            [(Some("送戏下乡场次"), Some("≥60场"))]
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}

#[test]
fn values_in_the_fields_of_a_saved_form() {
    // A budget system's print view shows its values in read-only fields:
    // they were dropped with the fields, the project read without name,
    // department, funding, goal or targets.
    let field = |v: &str| format!("<input type=\"text\" readonly=\"readonly\" value=\"{v}\">");
    let d = one(&format!(
        concat!(
            "<h1>某县2026年项目支出绩效目标表</h1><table border=\"1\">",
            "<tr><td>项目名称</td><td colspan=\"3\">{}</td></tr>",
            "<tr><td>主管部门</td><td>{}</td><td>实施单位</td><td>{}</td></tr>",
            "<tr><td>年度资金总额（万元）</td><td colspan=\"3\">{}</td></tr>",
            "<tr><td>年度目标</td><td colspan=\"3\"><textarea readonly rows=\"3\">完成城区排水管网清淤，\n汛期城区无严重内涝。</textarea></td></tr>",
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
            "<tr><td>产出指标</td><td>数量指标</td><td>管网清淤长度</td><td>{}<input type=\"hidden\" name=\"row1\" value=\"77\"></td></tr>",
            "<tr><td>产出指标</td><td>时效指标</td><td>清淤完成时间</td><td><input readonly value=\"2026年5月底前\"></td></tr>",
            "</table>"
        ),
        field("城区排水管网清淤"),
        field("某县住房和城乡建设局"),
        field("某县市政设施维护中心"),
        field("86.50"),
        field("≥45公里"),
    ));
    assert_eq!(d.kind, Some(Kind::Project));
    assert_eq!(d.department.as_deref(), Some("某县住房和城乡建设局"));
    let p = d.project.as_ref().expect("project");
    assert_eq!(p.name.as_deref(), Some("城区排水管网清淤"));
    assert_eq!(p.implementer.as_deref(), Some("某县市政设施维护中心"));
    assert_eq!(funding_of(&d), [(Some("年度资金总额（万元）"), Some(86.5))]);
    assert_eq!(
        d.annual_goals,
        ["完成城区排水管网清淤，汛期城区无严重内涝。"]
    );
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        [
            (Some("管网清淤长度"), Some("≥45公里")),
            (Some("清淤完成时间"), Some("2026年5月底前"))
        ]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_pages_footer_and_download_links_are_no_rows_of_the_table() {
    // Footers named `foot` or `bottom` (or not named at all) and a link to
    // the form's download under it were read as rows of the table left
    // unread, each an `unread_row` warning.
    let page = concat!(
        "<table width=\"960\"><tr><td class=\"title\"><b>某县审计局2026年部门整体支出绩效目标表</b></td></tr>",
        "<tr><td class=\"main\"><table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县审计局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>完成审计项目数</td><td>≥25个</td></tr>",
        "</table>",
        "<p>附件下载：<a href=\"/files/2026/sj.xls\">某县审计局2026年部门整体支出绩效目标表.XLS</a></p></td></tr>",
        "<tr><td class=\"foot\">主办：某县人民政府办公室 地址：某县人民路1号</td></tr>",
        "<tr><td id=\"bottom\">联系电话：0000-1234567</td></tr>",
        "<tr><td class=\"site-info\">Copyright © 2026 某县人民政府 版权所有 某ICP备12345678号-1</td></tr>",
        "<tr><td>网站标识码：0000000001 某公网安备 00000000000001号</td></tr></table>"
    );
    let d = one(page);
    assert_eq!(d.department.as_deref(), Some("某县审计局"));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        [(Some("完成审计项目数"), Some("≥25个"))]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_summary_of_the_approvals_is_none_of_them() {
    // A 汇总表 listing the departments before their forms was read as a
    // department's approval of its own (no department, no indicators).
    let form = |dept: &str| {
        format!(
            "<p>{dept}2025年部门整体绩效目标表</p><table>\
             <tr><td>部门（单位）名称</td><td colspan=\"3\">{dept}</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>满意度</td><td>服务对象满意度</td><td>企业满意度</td><td>≥90%</td></tr>\
             </table>"
        )
    };
    let docs = convert(&format!(
        "<p>2025年市直部门整体绩效目标汇总表</p><table>\
         <tr><td>序号</td><td>部门名称</td><td>预算总额（万元）</td><td>指标个数</td></tr>\
         <tr><td>1</td><td>荆门市商务局</td><td>860.50</td><td>12</td></tr>\
         <tr><td>2</td><td>荆门市科学技术局</td><td>1200.00</td><td>10</td></tr>\
         </table>{}{}",
        form("荆门市商务局"),
        form("荆门市科学技术局")
    ));
    let depts: Vec<_> = docs.iter().map(|d| d.department.as_deref()).collect();
    assert_eq!(depts, [Some("荆门市商务局"), Some("荆门市科学技术局")]);
}

#[test]
fn a_batch_of_forms_each_under_its_organisations_numbered_heading() {
    // 2025年部门整体绩效目标批复（第二批）, then （一）某局 over its goals and
    // table, （二）某局 over its own: one document held every department's
    // goals and indicators, with no department.
    let form = |n: &str, dept: &str, goal: &str| {
        format!(
            "<p>{n}{dept}</p><table>\
             <tr><td>年度绩效目标</td><td colspan=\"3\">{goal}</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>企业满意度</td><td>≥90%</td></tr>\
             </table>"
        )
    };
    let docs = convert(&format!(
        "<h1>2025年部门整体绩效目标批复（第二批）</h1>{}{}{}",
        form("（一）", "荆门市东宝区商务局", "促进消费增长。"),
        form("（二）", "荆门市东宝区统计局", "提高统计数据质量。"),
        form("（三）", "荆门市东宝区退役军人事务局", "做好优抚安置。"),
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.department.as_deref(),
                d.year,
                d.annual_goals.clone(),
                d.indicators.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("荆门市东宝区商务局"),
                Some(2025),
                vec!["促进消费增长。".to_string()],
                1
            ),
            (
                Some("荆门市东宝区统计局"),
                Some(2025),
                vec!["提高统计数据质量。".to_string()],
                1
            ),
            (
                Some("荆门市东宝区退役军人事务局"),
                Some(2025),
                vec!["做好优抚安置。".to_string()],
                1
            ),
        ]
    );
    // The heading is the title of none of them, the first included.
    let titles: Vec<_> = docs.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(titles, [None, None, None]);
    assert!(docs[0].warnings.iter().any(|w| w.code == "missing_title"));
}

#[test]
fn forms_under_a_letter_each_under_its_organisations_numbered_heading() {
    // A letter, then `一、某局` over the batch's title and the form, `二、
    // 某局` over the same title and its own form: they were one document
    // of both departments' amounts and indicators, with no department.
    let form = |n: &str, dept: &str, amount: &str, indicator: &str| {
        format!(
            "<p>{n}{dept}</p><p>2026年度部门整体支出绩效目标表</p><table>\
             <tr><td>收入构成</td><td>财政拨款</td><td>{amount}</td></tr>\
             <tr><td>年度绩效目标</td><td colspan=\"2\">全面履行{dept}职责。</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{indicator}</td><td>≥20项</td></tr>\
             </table>"
        )
    };
    let docs = convert(&format!(
        "<h1>关于批复2026年度部门整体支出绩效目标的通知</h1><p>各预算单位：</p>\
         <p>你单位报送的2026年度部门整体支出绩效目标已收悉。经审核，现将绩效目标批复如下。</p>\
         <p>附件：2026年度部门整体支出绩效目标表</p><p>市财政局</p><p>2026年2月10日</p>{}{}",
        form("一、", "某市统计局", "298.00", "完成统计调查项目"),
        form("二、", "某市应急管理局", "1140.00", "开展执法检查"),
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.department.as_deref(),
                d.funding
                    .as_ref()
                    .map(|f| f.rows.iter().map(|r| r.current).collect::<Vec<_>>()),
                d.indicators
                    .iter()
                    .map(|i| i.level3.as_deref())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("某市统计局"),
                Some(vec![Some(298.0)]),
                vec![Some("完成统计调查项目")]
            ),
            (
                Some("某市应急管理局"),
                Some(vec![Some(1140.0)]),
                vec![Some("开展执法检查")]
            ),
        ]
    );
    assert!(docs.iter().all(|d| d.warnings.is_empty()), "{docs:?}");
}

#[test]
fn department_funding_without_a_share_column() {
    // 当年金额 | 2024年 | 2025年: the 2024 amount was read as the 占比 and
    // the history lost a year; under 2026年预算数 | 2023年 | 2024年 | 2025年
    // the current amount went into the history.
    let page = |head: &str, years: &str, amounts: &str| {
        department_funding(&format!(
            "<tr><td rowspan=\"3\">部门总体资金情况</td><td colspan=\"2\" rowspan=\"2\">总体资金情况</td>{head}</tr>\
             <tr>{years}</tr>\
             <tr><td>收入构成</td><td>财政拨款</td>{amounts}</tr>"
        ))
    };
    let d = page(
        "<td rowspan=\"2\">当年金额</td><td colspan=\"2\">近两年收支金额</td>",
        "<td>2024年</td><td>2025年</td>",
        "<td>486.52</td><td>452.10</td><td>470.36</td>",
    );
    let f = d.funding.as_ref().expect("funding");
    let r = f.rows.first().expect("row");
    assert_eq!(
        (r.current, r.share_pct, r.history.clone()),
        (Some(486.52), None, vec![Some(452.1), Some(470.36)])
    );
    assert_eq!(d.history_years, [2024, 2025]);
    let d = page(
        "<td rowspan=\"2\">2026年预算数</td><td colspan=\"3\">以前年度收支金额</td>",
        "<td>2023年</td><td>2024年</td><td>2025年</td>",
        "<td>486.52</td><td>430.00</td><td>452.10</td><td>470.36</td>",
    );
    let f = d.funding.as_ref().expect("funding");
    let r = f.rows.first().expect("row");
    assert_eq!(
        (r.current, r.share_pct, r.history.clone()),
        (
            Some(486.52),
            None,
            vec![Some(430.0), Some(452.1), Some(470.36)]
        )
    );
    assert_eq!(d.history_years, [2023, 2024, 2025]);
}

/// The repro's project form: its name, department and two indicators.
const TEA_FORM: &str = concat!(
    "<table border=\"1\"><tbody>",
    "<tr><td>项目名称</td><td colspan=\"3\">茶产业发展扶持</td></tr>",
    "<tr><td>主管部门</td><td colspan=\"3\">通城县农业农村局</td></tr>",
    "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
    "<tr><td>产出指标</td><td>数量指标</td><td>新建标准化茶园</td><td>≥3000亩</td></tr>",
    "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>茶农满意度</td><td>≥90%</td></tr>",
    "</tbody></table>"
);

fn assert_tea_form(d: &Document) {
    assert_eq!(d.kind, Some(Kind::Project));
    assert_eq!(d.year, Some(2026));
    assert_eq!(d.department.as_deref(), Some("通城县农业农村局"));
    let name = d.project.as_ref().and_then(|p| p.name.as_deref());
    assert_eq!(name, Some("茶产业发展扶持"));
    assert_eq!(
        pairs(d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("新建标准化茶园"), Some("≥3000亩")),
            (Some("茶农满意度"), Some("≥90%")),
        ]
    );
}

#[test]
fn a_copy_of_the_form_that_the_pages_stylesheet_hides() {
    // A layout for phones, hidden by a class the page's <style> hides,
    // was read as a second approval.
    let page = format!(
        concat!(
            "<html><head><meta charset=\"utf-8\"><style>.mobile{{display:none}}</style></head>",
            "<body><h1>2026年项目支出绩效目标表</h1>{}<div class=\"mobile\">{}</div></body></html>"
        ),
        TEA_FORM, TEA_FORM
    );
    let mut docs =
        pifu::convert::convert_named_all("page.html", page.as_bytes(), Path::new("page.html"));
    assert_eq!(docs.len(), 1, "{docs:#?}");
    let d = docs.remove(0);
    assert_tea_form(&d);
    // Hidden like an inline style: nothing guessed.
    assert!(d.warnings.iter().all(|w| w.code != "repeated_form"));
}

#[test]
fn the_same_form_printed_twice() {
    // Its stylesheet linked, not in the page: both copies are shown.
    let d = one(&format!(
        "<h1>2026年项目支出绩效目标表</h1><div class=\"pc\">{TEA_FORM}</div><div class=\"m\">{TEA_FORM}</div>"
    ));
    assert_tea_form(&d);
    assert!(d.warnings.iter().any(|w| w.code == "repeated_form"));
}

#[test]
fn a_letters_sentence_and_headings_around_the_forms_are_no_unread_text() {
    // The sentence that hands the approvals over gives the year, and the
    // numbered heading over the projects names no project: both were
    // said as unread text (unknown_section, unplaced_cell). The closing
    // paragraph under a table is unread text, but outside the table, not
    // a line of it (it was said as unread_row of the annual table).
    let docs = convert(concat!(
        "<p>县茶叶局：</p><p>经审核，现将你局2026年部门整体及项目支出绩效目标批复如下，请认真执行。</p>",
        "<p>一、部门整体绩效目标</p>",
        "<table border=\"1\"><tr><td>部门名称</td><td colspan=\"3\">通城县茶叶局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>培训茶农人次</td><td>≥500人次</td></tr></table>",
        "<p>二、项目支出绩效目标</p>",
        "<table border=\"1\"><tr><td>项目名称</td><td colspan=\"3\">茶产业发展扶持</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新建标准化茶园</td><td>≥3000亩</td></tr></table>",
        "<p>请加强绩效运行监控，确保绩效目标如期实现。</p>",
    ));
    assert_eq!(docs.len(), 2, "{docs:#?}");
    let codes = |d: &Document| -> Vec<(String, Option<String>)> {
        d.warnings
            .iter()
            .filter(|w| matches!(&*w.code, "unknown_section" | "unplaced_cell" | "unread_row"))
            .map(|w| (w.code.clone(), w.table.clone()))
            .collect()
    };
    assert_eq!(docs[0].kind, Some(Kind::DepartmentOverall));
    assert_eq!(docs[0].year, Some(2026));
    assert_eq!(codes(&docs[0]), vec![], "{:#?}", docs[0].warnings);
    assert_eq!(docs[1].kind, Some(Kind::Project));
    assert_eq!(docs[1].indicators.len(), 1);
    assert_eq!(
        codes(&docs[1]),
        vec![("unknown_section".to_string(), None)],
        "{:#?}",
        docs[1].warnings
    );
    let closing = docs[1]
        .warnings
        .iter()
        .find(|w| w.code == "unknown_section");
    assert!(closing.is_some_and(|w| w.message.contains("请加强绩效运行监控")));
}

#[test]
fn forms_under_the_same_title_each_with_its_units_line() {
    // The second title, printed as the first, was taken for a running
    // head: both forms read as one, the second unit lost, no warning.
    let form = |unit: &str, name: &str, value: &str| {
        format!(
            concat!(
                "<p>2026年度部门整体支出绩效目标表</p><p>填报单位：{}</p>",
                "<table border=\"1\"><tr><td>年度总体目标</td><td colspan=\"3\">完成年度任务。</td></tr>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
                "<tr><td>产出指标</td><td>数量指标</td><td>{}</td><td>{}</td></tr></table>"
            ),
            unit, name, value
        )
    };
    let docs = convert(&format!(
        "{}{}",
        form("咸宁市档案馆", "接收档案", "≥1万卷"),
        form("咸宁市地方志办公室", "编纂志书", "2部")
    ));
    assert_eq!(docs.len(), 2, "{docs:#?}");
    for (d, (unit, name)) in docs.iter().zip([
        ("咸宁市档案馆", "接收档案"),
        ("咸宁市地方志办公室", "编纂志书"),
    ]) {
        assert_eq!(d.kind, Some(Kind::DepartmentOverall));
        assert_eq!(d.department.as_deref(), Some(unit));
        assert_eq!(
            pairs(d, |i| &i.level3, |i| &i.level2),
            vec![(Some(name), Some("数量指标"))]
        );
    }
}

#[test]
fn a_type_column_of_level_2_names_is_level_2() {
    // 指标类型 names a category in most templates; here it holds the
    // level-2 names, which went to category with level2 null, no warning.
    let d = one(concat!(
        "<p>2027年项目绩效目标表</p>",
        "<table border=\"1\"><tr><td>项目名称</td><td colspan=\"3\">城乡居民医保参保补助</td></tr>",
        "<tr><td>一级指标</td><td>指标类型</td><td>指标名称</td><td>目标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>资助参保人数</td><td>≥5.2万人</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>参保群众满意度</td><td>≥90%</td></tr></table>",
    ));
    assert_eq!(
        pairs(&d, |i| &i.level2, |i| &i.category),
        vec![(Some("数量指标"), None), (Some("服务对象满意度指标"), None)]
    );
    // Where it holds categories, it stays the category.
    let table = |kind: &str| {
        one(&format!(
            "<p>2027年项目绩效目标表</p>\
             <table border=\"1\"><tr><td>项目名称</td><td colspan=\"4\">城乡居民医保参保补助</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>指标名称</td><td>指标类型</td><td>目标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>资助参保人数</td><td>{kind}</td><td>≥5.2万人</td></tr></table>"
        ))
    };
    let d = table("共性指标");
    assert_eq!(
        pairs(&d, |i| &i.level2, |i| &i.category),
        vec![(Some("数量指标"), Some("共性指标"))]
    );
    // Where it holds the kind of value (定量, 定性), as 指标值类型 does, it
    // is a column of its own, no category.
    let d = table("定量");
    assert_eq!(
        pairs(&d, |i| &i.level2, |i| &i.category),
        vec![(Some("数量指标"), None)]
    );
    assert_eq!(
        d.indicators
            .first()
            .map(|i| i.extra.get("指标类型").cloned()),
        Some(Some("定量".to_string()))
    );
}

/// A project's indicator table of one row.
fn indicators_of(name: &str, value: &str) -> String {
    format!(
        concat!(
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
            "<tr><td>产出指标</td><td>数量指标</td><td>{}</td><td>{}</td></tr>"
        ),
        name, value
    )
}

/// Each document's project name, department and indicator names.
fn projects(docs: &[Document]) -> Vec<(Option<&str>, Option<&str>, Vec<&str>)> {
    docs.iter()
        .map(|d| {
            (
                d.project.as_ref().and_then(|p| p.name.as_deref()),
                d.department.as_deref(),
                d.indicators
                    .iter()
                    .filter_map(|i| i.level3.as_deref())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn project_forms_whose_fields_are_lines_above_their_tables() {
    // The second 项目名称 line started no form: both read as one project,
    // the second project's name only in a warning.
    let form = |name: &str, ind: &str| {
        format!(
            "<p>项目名称：{name}</p><p>主管部门：五峰县财政局</p><table border=\"1\">{}</table>",
            indicators_of(ind, "≥1个")
        )
    };
    let docs = convert(&format!(
        "<p>2026年度项目支出绩效目标表</p>{}{}",
        form("村级公益事业奖补", "奖补项目个数"),
        form("政府采购平台运维", "系统故障修复次数")
    ));
    assert_eq!(
        projects(&docs),
        vec![
            (
                Some("村级公益事业奖补"),
                Some("五峰县财政局"),
                vec!["奖补项目个数"]
            ),
            (
                Some("政府采购平台运维"),
                Some("五峰县财政局"),
                vec!["系统故障修复次数"]
            ),
        ]
    );
    assert!(docs.iter().all(|d| d.kind == Some(Kind::Project)));
}

#[test]
fn a_form_whose_indicators_are_an_image_ends_at_the_next_project() {
    // The next project's form was read into this one: its name in extra,
    // its money, goals and indicators charged to this project, no warning.
    let docs = convert(&format!(
        concat!(
            "<p>2026年度项目支出绩效目标表</p><table border=\"1\">",
            "<tr><td>项目名称</td><td colspan=\"3\">智慧医保平台建设</td></tr>",
            "<tr><td>主管部门</td><td colspan=\"3\">大冶市医疗保障局</td></tr></table>",
            "<p><img src=\"zb1.png\" alt=\"绩效指标表\"></p><table border=\"1\">",
            "<tr><td>项目名称</td><td colspan=\"3\">医疗救助</td></tr>",
            "<tr><td>主管部门</td><td colspan=\"3\">大冶市医疗保障局</td></tr>{}</table>"
        ),
        indicators_of("救助困难群众人次", "≥1.2万人次")
    ));
    assert_eq!(
        projects(&docs),
        vec![
            (Some("智慧医保平台建设"), Some("大冶市医疗保障局"), vec![]),
            (
                Some("医疗救助"),
                Some("大冶市医疗保障局"),
                vec!["救助困难群众人次"]
            ),
        ]
    );
    assert!(docs[0].warnings.iter().any(|w| w.code == "no_indicators"));
}

#[test]
fn the_name_row_printed_again_over_the_indicator_header() {
    // A header repeated on each page, 项目名称 row and all: read as a
    // second project's form, with the rest of the indicators.
    let d = one(&format!(
        concat!(
            "<p>2026年度项目支出绩效目标表</p><table border=\"1\">",
            "<tr><td>项目名称</td><td colspan=\"3\">乡村振兴衔接资金项目</td></tr>",
            "<tr><td>主管部门</td><td colspan=\"3\">房县农业农村局</td></tr>{}",
            "<tr><td>项目名称</td><td colspan=\"3\">乡村振兴衔接资金项目</td></tr>{}</table>"
        ),
        indicators_of("培训基层农技人员人次", "≥1200人次"),
        indicators_of("建设高标准农田面积", "≥3.5万亩")
    ));
    assert_eq!(
        projects(std::slice::from_ref(&d)),
        vec![(
            Some("乡村振兴衔接资金项目"),
            Some("房县农业农村局"),
            vec!["培训基层农技人员人次", "建设高标准农田面积"]
        )]
    );
}

#[test]
fn the_units_row_printed_above_the_name_row() {
    // 主管部门 | … | 实施单位 | … above 项目名称: the row went to neither
    // form, the second's department and implementer null.
    let form = |dept: &str, unit: &str, name: &str, ind: &str| {
        format!(
            concat!(
                "<table border=\"1\"><tr><td>主管部门</td><td>{}</td><td>实施单位</td><td>{}</td></tr>",
                "<tr><td>项目名称</td><td colspan=\"3\">{}</td></tr>{}</table>"
            ),
            dept,
            unit,
            name,
            indicators_of(ind, "≥1处")
        )
    };
    let docs = convert(&format!(
        "<p>2026年度项目支出绩效目标表</p>{}<p></p>{}",
        form(
            "通山县林业局",
            "通山县森林消防大队",
            "森林防火能力提升",
            "建设防火隔离带"
        ),
        form(
            "通山县应急管理局",
            "通山县林业站",
            "生态护林员补助",
            "选聘生态护林员"
        )
    ));
    assert_eq!(
        projects(&docs),
        vec![
            (
                Some("森林防火能力提升"),
                Some("通山县林业局"),
                vec!["建设防火隔离带"]
            ),
            (
                Some("生态护林员补助"),
                Some("通山县应急管理局"),
                vec!["选聘生态护林员"]
            ),
        ]
    );
    let implementer = docs[1]
        .project
        .as_ref()
        .and_then(|p| p.implementer.as_deref());
    assert_eq!(implementer, Some("通山县林业站"));
}

#[test]
fn the_same_targets_approved_for_two_years() {
    // Two forms the same cell for cell, under titles of their own: the
    // second was dropped as a hidden copy of the first.
    let table = format!(
        concat!(
            "<table border=\"1\"><tr><td>项目名称</td><td colspan=\"3\">农村环境卫生长效管护</td></tr>",
            "<tr><td>主管部门</td><td colspan=\"3\">阳新县住房和城乡建设局</td></tr>{}</table>"
        ),
        indicators_of("保洁村庄数量", "≥380个")
    );
    let docs = convert(&format!(
        "<p>2025年度项目支出绩效目标表</p>{table}<p>2026年度项目支出绩效目标表</p>{table}"
    ));
    let years: Vec<Option<i32>> = docs.iter().map(|d| d.year).collect();
    assert_eq!(years, [Some(2025), Some(2026)]);
    assert!(docs
        .iter()
        .all(|d| d.warnings.iter().all(|w| w.code != "repeated_form")));
}

#[test]
fn a_departments_money_block_at_the_top_of_its_table() {
    // 部门资金（万元） as the table's first row (the title names the
    // department): the block was said as unread text, funding empty.
    let d = one(&format!(
        concat!(
            "<p>宜都市统计局2026年度部门整体支出绩效目标表</p><table border=\"1\">",
            "<tr><td rowspan=\"3\">部门资金（万元）</td><td colspan=\"2\">资金项目</td><td>当年金额</td></tr>",
            "<tr><td>收入构成</td><td>财政拨款</td><td>298.00</td></tr>",
            "<tr><td>支出构成</td><td>基本支出</td><td>298.00</td></tr>{}</table>"
        ),
        indicators_of("完成统计调查项目", "≥26项")
    ));
    assert_eq!(d.kind, Some(Kind::DepartmentOverall));
    let funding = d.funding.as_ref().expect("a department's funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    assert_eq!(
        funding_of(&d),
        [
            (Some("财政拨款"), Some(298.0)),
            (Some("基本支出"), Some(298.0))
        ]
    );
    assert!(
        d.warnings.iter().all(|w| w.code != "unknown_section"),
        "{:#?}",
        d.warnings
    );
}

#[test]
fn a_letters_attachment_line_signature_and_date() {
    let d = one(&format!(
        concat!(
            "<p>关于批复2026年度部门整体支出绩效目标的通知</p><p>嘉鱼县自然资源和规划局：</p>",
            "<p>经审核，现将绩效目标批复如下，请严格执行。</p>",
            "<p>附件：2026年度部门整体支出绩效目标表</p><p>嘉鱼县财政局</p><p>2026年2月10日</p>",
            "<p>2026年度部门整体支出绩效目标表</p><table border=\"1\">",
            "<tr><td>部门（单位）名称</td><td colspan=\"3\">嘉鱼县自然资源和规划局</td></tr>{}</table>"
        ),
        indicators_of("审核办理行政许可事项", "≥1800件")
    ));
    assert_eq!(d.department.as_deref(), Some("嘉鱼县自然资源和规划局"));
    assert_eq!(d.warnings, vec![]);
}

#[test]
fn a_numbered_heading_over_each_forms_title() {
    // 二、 over the second form's title went with the form before, said
    // there as a header text read into no field.
    let form = |n: &str, name: &str, ind: &str| {
        format!(
            concat!(
                "<p>{}、{}</p><p>2026年度项目支出绩效目标表</p><table border=\"1\">",
                "<tr><td>项目名称</td><td colspan=\"3\">{}</td></tr>",
                "<tr><td>主管部门</td><td colspan=\"3\">团风县教育局</td></tr>{}</table>"
            ),
            n,
            name,
            name,
            indicators_of(ind, "≥1人")
        )
    };
    let docs = convert(&format!(
        "{}{}",
        form("一", "义务教育营养改善计划", "受益学生人数"),
        form("二", "乡村教师生活补助", "受益教师人数")
    ));
    assert_eq!(
        projects(&docs),
        vec![
            (
                Some("义务教育营养改善计划"),
                Some("团风县教育局"),
                vec!["受益学生人数"]
            ),
            (
                Some("乡村教师生活补助"),
                Some("团风县教育局"),
                vec!["受益教师人数"]
            ),
        ]
    );
    for d in &docs {
        assert_eq!(d.title.as_deref(), Some("2026年度项目支出绩效目标表"));
        assert_eq!(d.warnings, vec![]);
    }
}

#[test]
fn a_budget_of_amounts_under_two_rows_of_labels() {
    // 资金总额 merged down beside groups (按收入性质分 over 财政拨款 |
    // 其他资金): every amount was lost, two rows left with null, no warning.
    let d = one(&format!(
        concat!(
            "<p>2026年度部门整体支出绩效目标申报表</p><table border=\"1\">",
            "<tr><td>部门（单位）名称</td><td colspan=\"5\">黄埔区市场监督管理局</td></tr>",
            "<tr><td rowspan=\"3\">年度预算申请（万元）</td><td rowspan=\"2\">资金总额</td>",
            "<td colspan=\"2\">按收入性质分</td><td colspan=\"2\">按支出性质分</td></tr>",
            "<tr><td>财政拨款</td><td>其他资金</td><td>基本支出</td><td>项目支出</td></tr>",
            "<tr><td>5,236.80</td><td>4,986.80</td><td>250.00</td><td>3,120.50</td><td>2,116.30</td></tr>",
            "</table><table border=\"1\">{}</table>"
        ),
        indicators_of("食品安全抽检批次", "≥4500批次")
    ));
    let funding = d.funding.as_ref().expect("a department's funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    let rows: Vec<(pifu::model::FundingSection, Option<&str>, Option<f64>)> = funding
        .rows
        .iter()
        .map(|r| (r.section, r.item.as_deref(), r.current))
        .collect();
    use pifu::model::FundingSection::{Expenditure, Income};
    assert_eq!(
        rows,
        vec![
            (Income, Some("资金总额"), Some(5236.8)),
            (Income, Some("财政拨款"), Some(4986.8)),
            (Income, Some("其他资金"), Some(250.0)),
            (Expenditure, Some("基本支出"), Some(3120.5)),
            (Expenditure, Some("项目支出"), Some(2116.3)),
        ]
    );
}

#[test]
fn a_budget_headed_by_its_own_row_of_years() {
    // 收支类别 | 项目 | 当年金额 | 2023年决算数 | 2024年决算数: the header
    // was not read, the amounts placed by position (the 2023 amount as
    // the share) and the years assumed.
    let d = department_funding(concat!(
        "<tr><td>收支类别</td><td>项目</td><td>当年金额</td><td>2023年决算数</td><td>2024年决算数</td></tr>",
        "<tr><td>收入构成</td><td>财政拨款</td><td>3,256.40</td><td>3,000.00</td><td>3,100.00</td></tr>",
        "<tr><td>支出构成</td><td>基本支出</td><td>3,256.40</td><td>3,000.00</td><td>3,100.00</td></tr>",
    ));
    assert_eq!(d.history_years, [2023, 2024]);
    let funding = d.funding.as_ref().expect("a department's funding");
    for r in &funding.rows {
        assert_eq!(
            (r.current, r.share_pct, r.history.clone()),
            (Some(3256.4), None, vec![Some(3000.0), Some(3100.0)])
        );
    }
    assert_eq!(funding.rows.len(), 2);
    assert_eq!(d.warnings, vec![]);
}

#[test]
fn a_budget_of_one_years_history() {
    // One year's column: each row's history had two entries for the one
    // history year.
    let d = department_funding(concat!(
        "<tr><td>收入构成</td><td>项目</td><td>当年金额</td><td>占比</td><td>2025年</td></tr>",
        "<tr><td></td><td>财政拨款</td><td>3,256.40</td><td>92.6%</td><td>3,105.77</td></tr>",
    ));
    assert_eq!(d.history_years, [2025]);
    let funding = d.funding.as_ref().expect("a department's funding");
    let history: Vec<Vec<Option<f64>>> = funding.rows.iter().map(|r| r.history.clone()).collect();
    assert_eq!(history, vec![vec![Some(3105.77)]]);
}

#[test]
fn values_in_one_column_of_a_header_merged_over_two() {
    // 三级指标 and 指标值 each merged over two columns, every value in the
    // right one, the left one empty: names and targets went to extra
    // columns, level3 and target null, silently.
    let d = one(concat!(
        "<p>2026年项目支出绩效目标表</p>",
        "<table border=\"1\"><tr><td>项目名称</td><td colspan=\"6\">某项目</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td colspan=\"2\">三级指标</td><td colspan=\"2\">指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td></td><td>建成站点</td><td></td><td>≥5个</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td></td><td>群众满意度</td><td></td><td>≥90%</td></tr>",
        "</table>",
    ));
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        vec![
            (Some("建成站点"), Some("≥5个")),
            (Some("群众满意度"), Some("≥90%"))
        ]
    );
    assert!(d.indicators.iter().all(|i| i.extra.is_empty()));
}

#[test]
fn a_title_beside_a_link_to_the_contents_or_a_print_date() {
    // A workbook's title row with `返回目录` or `打印日期：…` beside the
    // title: title and year were null, the title said as unread text.
    for beside in ["返回目录", "打印日期：2025-01-15"] {
        let d = one(&format!(
            "<table border=\"1\"><tr><td colspan=\"4\">2025年项目支出绩效目标表</td><td>{beside}</td></tr>\
             <tr><td>项目名称</td><td colspan=\"4\">某项目</td></tr>\
             <tr><td>主管部门</td><td colspan=\"4\">某局</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td colspan=\"2\">指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>完成数量</td><td colspan=\"2\">10个</td></tr></table>"
        ));
        assert_eq!(
            (d.title.as_deref(), d.year),
            (Some("2025年项目支出绩效目标表"), Some(2025)),
            "{beside}"
        );
        assert!(d.warnings.is_empty(), "{beside}: {:?}", d.warnings);
    }
}

/// A 合计 row's weight that the rows above it do not add up to is said:
/// a row lost on the way would leave the table short in silence. A weight
/// merged over a level-1 group counts once.
#[test]
fn weights_that_do_not_add_up_to_the_total_are_said() {
    let page = |rows: &str| {
        one(&format!(
            concat!(
                "<h1>某县统计局2026年部门整体绩效目标</h1><table>",
                "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>",
                "{}</table>"
            ),
            rows
        ))
    };
    let mismatches = |d: &Document| -> Vec<String> {
        d.warnings
            .iter()
            .filter(|w| w.code == "total_mismatch")
            .map(|w| w.message.clone())
            .collect()
    };
    let short = page(concat!(
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>调查项目数</td><td>≥35项</td><td>40</td></tr>",
        "<tr><td>质量指标</td><td>数据准确率</td><td>≥98%</td><td>30</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>用户满意度</td><td>≥90%</td><td>20</td></tr>",
        "<tr><td colspan=\"4\">合计</td><td>100</td></tr>",
    ));
    assert_eq!(short.indicators.len(), 3);
    assert_eq!(
        mismatches(&short),
        ["the 合计 row prints a weight of 100 but the 3 rows above it add up to 90 (a row lost or misread, or the printed figures disagree)"]
    );
    let merged = page(concat!(
        "<tr><td rowspan=\"2\">产出指标</td><td>数量指标</td><td>调查项目数</td><td>≥35项</td><td rowspan=\"2\">60</td></tr>",
        "<tr><td>质量指标</td><td>数据准确率</td><td>≥98%</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>用户满意度</td><td>≥90%</td><td>40</td></tr>",
        "<tr><td colspan=\"4\">合计</td><td>100</td></tr>",
    ));
    assert_eq!(merged.indicators.len(), 3);
    assert_eq!(mismatches(&merged), Vec::<String>::new());
}

/// A covering letter's numbered list of the projects it approves (`序号 |
/// 项目名称 | 预算金额（万元）`) is no approval: it was read as a project
/// named 预算金额（万元）, with no indicators.
#[test]
fn a_letters_list_of_projects_is_no_approval() {
    let docs = convert(concat!(
        "<p>关于批复2026年度项目支出绩效目标的通知</p>",
        "<table><tr><td>序号</td><td>项目名称</td><td>预算金额（万元）</td></tr>",
        "<tr><td>1</td><td>校园安全项目</td><td>120.00</td></tr></table>",
        "<p>项目支出绩效目标表（2026年度）</p><table>",
        "<tr><td>项目名称</td><td colspan=\"3\">校园安全项目</td></tr>",
        "<tr><td>主管部门</td><td>青山区教育局</td><td>实施单位</td><td>青山区教育事务中心</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>校园监控点位数</td><td>≥120个</td></tr>",
        "</table>"
    ));
    let names: Vec<Option<&str>> = docs
        .iter()
        .map(|d| d.project.as_ref().and_then(|p| p.name.as_deref()))
        .collect();
    assert_eq!(names, [Some("校园安全项目")]);
    assert_eq!(docs[0].year, Some(2026));
    assert!(docs[0].warnings.is_empty(), "{:#?}", docs[0].warnings);
}

#[test]
fn a_title_row_with_its_unit_opens_the_next_form_of_one_table() {
    // The second form's title row, with 单位：万元 in a cell beside it, was
    // read as an indicator of the first form (level1 the title, target the
    // unit); the second form had no title and the first's year, silently.
    let form = |title: &str, unit: &str, name: &str, value: &str| {
        format!(
            "<tr><td colspan=\"3\">{title}</td><td>单位：万元</td></tr>\
             <tr><td>部门（单位）名称</td><td colspan=\"3\">{unit}</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{name}</td><td>{value}</td></tr>"
        )
    };
    let docs = convert(&format!(
        "<table border=\"1\">{}{}</table>",
        form(
            "某县统计局2026年部门整体支出绩效目标表",
            "某县统计局",
            "入户调查户数",
            "≥300户"
        ),
        form(
            "某县档案馆2025年部门整体支出绩效目标表",
            "某县档案馆",
            "档案数字化页数",
            "≥50万页"
        ),
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.title.as_deref(),
                d.year,
                d.department.as_deref(),
                pairs(d, |i| &i.level1, |i| &i.level3),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                Some("某县统计局2026年部门整体支出绩效目标表"),
                Some(2026),
                Some("某县统计局"),
                vec![(Some("产出指标"), Some("入户调查户数"))]
            ),
            (
                Some("某县档案馆2025年部门整体支出绩效目标表"),
                Some(2025),
                Some("某县档案馆"),
                vec![(Some("产出指标"), Some("档案数字化页数"))]
            ),
        ]
    );
}

#[test]
fn a_funding_breakdown_with_its_groups_in_a_column_of_their_own() {
    // 基本支出 merged down over 人员经费 and 公用经费 in a column before
    // theirs: each part was read with its name as 当年金额 and the amounts
    // one column off (warned, but every amount of the parts was wrong).
    let d = one(concat!(
        "<p>某市大数据中心2026年部门整体绩效目标</p>",
        "<table border=\"1\"><tr><td>部门（单位）名称</td><td colspan=\"6\">某市大数据中心</td></tr>",
        "<tr><td colspan=\"3\">总体资金情况</td><td>当年金额</td><td>占比</td><td>2024年</td><td>2025年</td></tr>",
        "<tr><td rowspan=\"2\">收入构成</td><td colspan=\"2\">财政拨款</td><td>950.00</td><td>95.0%</td><td>900.00</td><td>920.00</td></tr>",
        "<tr><td colspan=\"2\">其他收入</td><td>50.00</td><td>5.0%</td><td>40.00</td><td>45.00</td></tr>",
        "<tr><td rowspan=\"6\">支出构成</td><td rowspan=\"2\">基本支出</td><td>人员经费</td><td>500.00</td><td>50.0%</td><td>480.00</td><td>490.00</td></tr>",
        "<tr><td>公用经费</td><td>100.00</td><td>10.0%</td><td>90.00</td><td>95.00</td></tr>",
        "<tr><td rowspan=\"3\">项目支出</td><td>信息化运维项目</td><td>250.00</td><td>25.0%</td><td>250.00</td><td>260.00</td></tr>",
        "<tr><td>培训项目</td><td>150.00</td><td>15.0%</td><td>120.00</td><td>120.00</td></tr>",
        "<tr><td>小计</td><td>400.00</td><td>40.0%</td><td>370.00</td><td>380.00</td></tr>",
        "<tr><td colspan=\"2\">合计</td><td>1000.00</td><td>100.0%</td><td>940.00</td><td>965.00</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td colspan=\"4\">三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td colspan=\"4\">完成事项数</td><td>≥10项</td></tr></table>",
    ));
    let rows: Vec<_> = d
        .funding
        .as_ref()
        .map(|f| {
            f.rows
                .iter()
                .filter(|r| r.section == pifu::model::FundingSection::Expenditure)
                .map(|r| (r.item.as_deref(), r.current, r.share_pct, r.history.clone()))
                .collect()
        })
        .unwrap_or_default();
    let row = |item, current, share, a, b| {
        (
            Some(item),
            Some(current),
            Some(share),
            vec![Some(a), Some(b)],
        )
    };
    assert_eq!(
        rows,
        vec![
            row("基本支出/人员经费", 500.0, 50.0, 480.0, 490.0),
            row("基本支出/公用经费", 100.0, 10.0, 90.0, 95.0),
            row("项目支出/信息化运维项目", 250.0, 25.0, 250.0, 260.0),
            row("项目支出/培训项目", 150.0, 15.0, 120.0, 120.0),
            row("项目支出/小计", 400.0, 40.0, 370.0, 380.0),
            row("合计", 1000.0, 100.0, 940.0, 965.0),
        ]
    );
    // The 小计 counted once: the items add up to the 合计, nothing said.
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn goal_labels_inside_one_goal_cell_sort_its_goals() {
    // `实施期目标：… 年度目标：…` in one 总体目标 cell: the labels were read
    // as goals and every goal went to annual_goals, long_term_goals empty,
    // silently.
    for cell in [
        "实施期目标：<br>1、三年建成应急救援队伍体系。<br>年度目标：<br>1、组建救援队伍6支。",
        "实施期目标：三年建成应急救援队伍体系。<br>年度目标：组建救援队伍6支。",
    ] {
        let d = one(&format!(
            "<h2>某市2026年项目支出绩效目标表</h2><table border=\"1\">\
             <tr><td>项目名称</td><td colspan=\"3\">基层应急救援能力建设</td></tr>\
             <tr><td>主管部门</td><td colspan=\"3\">某市应急管理局</td></tr>\
             <tr><td>总体目标</td><td colspan=\"3\">{cell}</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>组建救援队伍</td><td>6支</td></tr></table>"
        ));
        assert_eq!(
            d.long_term_goals,
            vec!["三年建成应急救援队伍体系。"],
            "{cell}"
        );
        assert_eq!(d.annual_goals, vec!["组建救援队伍6支。"], "{cell}");
    }
    // A department's form, its goals under one label likewise.
    let d = one(concat!(
        "<h2>某县林业局2026年部门整体支出绩效目标表</h2><table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县林业局</td></tr>",
        "<tr><td>部门整体支出绩效目标</td><td colspan=\"3\">中长期目标（2026-2028年）：<br>1、森林覆盖率稳定在60%以上。",
        "<br>年度目标：<br>1、完成人工造林1.2万亩。<br>2、森林火灾受害率控制在0.9‰以内。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td>≥1.2万亩</td></tr></table>",
    ));
    assert_eq!(d.long_term_goals, vec!["森林覆盖率稳定在60%以上。"]);
    assert_eq!(d.long_term_deadline, Some(2028));
    assert_eq!(
        d.annual_goals,
        vec!["完成人工造林1.2万亩。", "森林火灾受害率控制在0.9‰以内。"]
    );
    // A sentence that opens with the words is no label.
    let d = one(concat!(
        "<h2>某县林业局2026年部门整体支出绩效目标表</h2><table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县林业局</td></tr>",
        "<tr><td>年度总体目标</td><td colspan=\"3\">年度目标是完成人工造林1.2万亩。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>人工造林面积</td><td>≥1.2万亩</td></tr></table>",
    ));
    assert_eq!(d.annual_goals, vec!["年度目标是完成人工造林1.2万亩。"]);
    assert!(d.long_term_goals.is_empty());
}

#[test]
fn a_rowspan_short_of_its_group_by_two_rows_with_cost_under_output() {
    // 产出指标 spanning two rows of a group of four: the last row, 成本指标
    // (level 2 under 产出指标 in the framework before 2021), was read as a
    // level 1 with the target in level3 and no target, silently.
    let d = one(concat!(
        "<h1>某县统计局2025年部门整体支出绩效目标表</h1><table border=1>",
        "<tr><td>部门（单位）名称</td><td colspan=3>某县统计局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td rowspan=2>产出指标</td><td>数量指标</td><td>入户调查户数</td><td>≥300户</td></tr>",
        "<tr><td>质量指标</td><td>数据差错率</td><td>≤1%</td></tr>",
        "<tr><td>时效指标</td><td>报表按时报送率</td><td>100%</td></tr>",
        "<tr><td>成本指标</td><td>调查经费控制率</td><td>≤100%</td></tr>",
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>调查对象满意度</td><td>≥90%</td></tr></table>",
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.target.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("产出指标"), Some("数量指标"), Some("≥300户")),
            (Some("产出指标"), Some("质量指标"), Some("≤1%")),
            (Some("产出指标"), Some("时效指标"), Some("100%")),
            (Some("产出指标"), Some("成本指标"), Some("≤100%")),
            (Some("满意度指标"), Some("服务对象满意度指标"), Some("≥90%")),
        ]
    );
    assert!(
        d.warnings.iter().all(|w| w.code == "rowspan_repaired"),
        "{:#?}",
        d.warnings
    );
}

#[test]
fn a_units_line_over_a_form_whose_title_is_its_tables_first_row() {
    // A batch page prints 单位：万元 over each form's table, the title the
    // table's first row: the line went to the form above (said as unknown
    // text), this form's amounts had no unit.
    let form = |unit: &str, name: &str| {
        format!(
            "<p>单位：万元</p><table border=1>\
             <tr><td colspan=4>{unit}2025年部门整体支出绩效目标表</td></tr>\
             <tr><td>部门（单位）名称</td><td colspan=3>{unit}</td></tr>\
             <tr><td rowspan=2>部门总体资金情况</td><td>收入构成</td><td>财政拨款</td><td>300.00</td></tr>\
             <tr><td>支出构成</td><td>人员类项目支出</td><td>300.00</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>{name}</td><td>≥300户</td></tr></table>"
        )
    };
    let docs = convert(&format!(
        "{}{}",
        form("某县统计局", "入户调查户数"),
        form("某县档案馆", "档案数字化页数")
    ));
    let got: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                d.department.as_deref(),
                d.funding.as_ref().and_then(|f| f.unit.as_deref()),
                d.warnings.len(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("某县统计局"), Some("万元"), 0),
            (Some("某县档案馆"), Some("万元"), 0)
        ]
    );
}

#[test]
fn a_year_with_its_unit_in_the_unit_column_is_no_quantity() {
    // `2026` | 年 read as {=, 2026, 年}, silently; `2026年` in one cell is a
    // date (SPEC §2.5), and so is this.
    let d = one(concat!(
        "<p>某县水利局2026年部门整体支出绩效目标表</p><table border=\"1\">",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标性质</td><td>指标值</td><td>度量单位</td></tr>",
        "<tr><td>产出指标</td><td>时效指标</td><td>完成年度</td><td>≤</td><td>2026</td><td>年</td></tr>",
        "<tr><td>产出指标</td><td>时效指标</td><td>建设周期</td><td>≤</td><td>2</td><td>年</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>新建泵站</td><td>=</td><td>2026</td><td>千瓦</td></tr></table>",
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            i.target_parsed
                .as_ref()
                .map(|p| (p.op, p.value, p.unit.clone()))
        })
        .collect();
    assert_eq!(
        got,
        vec![
            None,
            Some((Op::Le, 2.0, Some("年".to_string()))),
            Some((Op::Eq, 2026.0, Some("千瓦".to_string()))),
        ]
    );
}

#[test]
fn a_lower_header_row_with_the_current_years_column_in_a_word_of_its_own() {
    // 指标值 over 2024年 | 2025年 | 本年目标: the lower row was read as an
    // indicator (its 本年目标 no field's word), the 2024 value as the
    // target and the real target in extra, silently.
    for word in ["本年目标", "当年目标", "计划值", "今年"] {
        let d = one(&format!(
            "<p>某县某局2026年部门整体绩效目标批复</p><table border=\"1\">\
             <tr><td rowspan=\"2\">一级指标</td><td rowspan=\"2\">二级指标</td><td rowspan=\"2\">三级指标</td><td colspan=\"3\">指标值</td></tr>\
             <tr><td>2024年</td><td>2025年</td><td>{word}</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>巡查次数</td><td>310次</td><td>326次</td><td>≥330次</td></tr></table>"
        ));
        assert_eq!(d.history_years, vec![2024, 2025], "{word}");
        let got: Vec<_> = d
            .indicators
            .iter()
            .map(|i| (i.level3.as_deref(), i.target.as_deref(), i.history.clone()))
            .collect();
        assert_eq!(
            got,
            vec![(
                Some("巡查次数"),
                Some("≥330次"),
                vec![Some("310次".to_string()), Some("326次".to_string())]
            )],
            "{word}"
        );
    }
}

#[test]
fn a_row_not_shown_under_a_long_rowspan_repairs_nothing() {
    // A row hidden by its style, or Word's row of no height that only sets
    // the columns' widths, under a rowspan running past the table's end:
    // it was taken for a row the rowspan overran, and a repair said.
    for row in [
        "<tr style=\"display:none\"><td>产出指标</td><td>数量指标</td><td>作废指标</td><td>≥1项</td></tr>",
        "<![if !supportMisalignedColumns]><tr height=0><td width=80></td><td width=80></td><td width=80></td><td width=80></td></tr><![endif]>",
    ] {
        let d = one(&format!(
            "<h1>某县统计局2025年部门整体支出绩效目标表</h1><table border=1>\
             <tr><td>部门（单位）名称</td><td colspan=3>某县统计局</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td rowspan=2>产出指标</td><td>数量指标</td><td>入户调查户数</td><td>≥300户</td></tr>\
             <tr><td>质量指标</td><td>数据差错率</td><td>≤1%</td></tr>\
             <tr><td rowspan=3>满意度指标</td><td>服务对象满意度指标</td><td>调查对象满意度</td><td>≥90%</td></tr>\
             {row}</table>"
        ));
        assert_eq!(
            pairs(&d, |i| &i.level1, |i| &i.level3),
            vec![
                (Some("产出指标"), Some("入户调查户数")),
                (Some("产出指标"), Some("数据差错率")),
                (Some("满意度指标"), Some("调查对象满意度")),
            ],
            "{row}"
        );
        assert!(d.warnings.is_empty(), "{row}: {:#?}", d.warnings);
    }
}

#[test]
fn the_years_money_labelled_with_its_unit_over_label_amount_pairs() {
    // 年度资金总额（万元） beside 资金总额 | 120.00 | 财政拨款 | …: the label
    // was no section's, and the row's cells went into the tasks above as
    // tasks, the funding empty, silently.
    let d = one(concat!(
        "<h2>2026年部门整体支出绩效目标表</h2><table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"6\">某市档案馆</td></tr>",
        "<tr><td>年度主要任务</td><td colspan=\"6\"><p>1、完成馆藏档案数字化2万卷。</p></td></tr>",
        "<tr><td>年度资金总额（万元）</td><td>资金总额</td><td>120.00</td><td>财政拨款</td><td>100.00</td><td>其他资金</td><td>20.00</td></tr>",
        "<tr><td>年度目标</td><td colspan=\"6\">1、保障档案安全。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td colspan=\"3\">指标值确定依据</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>年度数字化卷数</td><td>≥2万卷</td><td colspan=\"3\">计划标准</td></tr></table>",
    ));
    assert_eq!(d.annual_tasks, vec!["完成馆藏档案数字化2万卷。"]);
    assert_eq!(
        funding_of(&d),
        vec![
            (Some("资金总额"), Some(120.0)),
            (Some("财政拨款"), Some(100.0)),
            (Some("其他资金"), Some(20.0))
        ]
    );
    assert_eq!(
        d.funding.as_ref().and_then(|f| f.unit.as_deref()),
        Some("万元")
    );
}

#[test]
fn a_letters_signing_date_gives_its_year_said() {
    // The letter names no year but is signed 2025年12月30日; its form names
    // none: the year was 2025, silently (a December letter approves the
    // next year's targets as often as not). It is that year, said.
    let d = one(concat!(
        "<h1>某市财政局关于批复市文化和旅游局部门整体支出绩效目标的通知</h1><p>市文化和旅游局：</p>",
        "<p>经审核，现将你局部门整体支出绩效目标批复如下。</p><p>特此批复。</p>",
        "<p>某市财政局</p><p>2025年12月30日</p><p>附件1</p><p>部门整体支出绩效目标表</p>",
        "<table border=\"1\"><tr><td>部门名称</td><td colspan=\"3\">某市文化和旅游局</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>文化惠民演出场次</td><td>≥80场</td></tr></table>",
    ));
    assert_eq!(d.year, Some(2025));
    let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, vec!["year_inferred"]);
}

#[test]
fn a_form_naming_no_department_under_a_letter_to_one_unit() {
    // The letter is addressed to 某县水利局; its form names no department:
    // the department was null (said), though the page names it. 附件1 over
    // the form was said as unknown text.
    let d = one(concat!(
        "<h1>关于批复某县水利局2026年部门整体支出绩效目标的通知</h1><p>某县水利局：</p>",
        "<p>经审核，现将你单位2026年部门整体支出绩效目标批复如下。</p><p>特此批复。</p>",
        "<p>附件1</p><p>部门整体支出绩效目标表</p><table border=\"1\">",
        "<tr><td>年度总体目标</td><td colspan=\"3\">1.完成小型水库除险加固8座。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>小型水库除险加固数量</td><td>8座</td></tr></table>",
    ));
    assert_eq!(d.department.as_deref(), Some("某县水利局"));
    let codes: Vec<&str> = d.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(codes, vec!["department_inferred"]);
}

#[test]
fn a_letters_title_under_its_sender_on_a_line_of_its_own() {
    // 某县财政局 / 关于批复…的通知, as the heading prints it: the title lost
    // its first line, silently.
    for heading in [
        "<h1>某县财政局<br>关于批复县水利局2026年部门整体支出绩效目标的通知</h1>",
        "<p>某县财政局</p><p>关于批复县水利局2026年部门整体支出绩效目标的通知</p>",
    ] {
        let d = one(&format!(
            "{heading}<p>县水利局：</p><p>现将你单位2026年部门整体支出绩效目标批复如下。</p>\
             <table border=\"1\"><tr><td>部门名称</td><td colspan=\"3\">某县水利局</td></tr>\
             <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
             <tr><td>产出指标</td><td>数量指标</td><td>小型水库除险加固数量</td><td>8座</td></tr></table>"
        ));
        assert_eq!(
            d.title.as_deref(),
            Some("某县财政局关于批复县水利局2026年部门整体支出绩效目标的通知"),
            "{heading}"
        );
    }
}

#[test]
fn a_tables_first_row_of_group_titles_over_its_header() {
    // 绩效指标 over the level columns, 目标 over 指标值 | 计量单位: the group
    // row was taken for data and the table for one without a header (the
    // seed's columns forced on it: level3 数量指标, target 个, warned).
    let d = one(concat!(
        "<h2>2026年部门整体绩效目标批复</h2><table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td>某县某局</td></tr></table><table border=\"1\">",
        "<tr><td colspan=\"3\">绩效指标</td><td colspan=\"2\">目标</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>计量单位</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>建成口袋公园</td><td>15</td><td>个</td></tr></table>",
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| {
            (
                i.level2.as_deref(),
                i.level3.as_deref(),
                i.target.as_deref(),
                i.unit.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![(
            Some("数量指标"),
            Some("建成口袋公园"),
            Some("15"),
            Some("个")
        )]
    );
    assert!(d.warnings.is_empty(), "{:#?}", d.warnings);
}

#[test]
fn an_annual_table_printed_first_comes_first() {
    // Indicators are in document order (SPEC §2.5): the long-term table
    // was put first whatever the form printed first, silently.
    let d = one(concat!(
        "<h1>2025年度项目支出绩效目标表</h1>",
        "<table>",
        "<tr><td>项目名称</td><td colspan=\"4\">智慧课堂建设项目</td></tr>",
        "<tr><td>主管部门</td><td colspan=\"4\">某县教育局</td></tr>",
        "<tr><td>年度目标</td><td colspan=\"4\">完成二十所学校智慧课堂建设。</td></tr>",
        "<tr><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>智慧课堂建设数</td><td>≥60间</td></tr>",
        "<tr><td rowspan=\"2\">实施期绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>累计智慧课堂建设数</td><td>≥180间</td></tr>",
        "</table>"
    ));
    let got: Vec<_> = d
        .indicators
        .iter()
        .map(|i| (i.table.as_str(), i.level3.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("annual", Some("智慧课堂建设数")),
            ("long_term", Some("累计智慧课堂建设数"))
        ]
    );
}

#[test]
fn a_form_beside_an_empty_first_column_reads_its_sections() {
    // Every row opens with an empty cell (a sheet laid out from column B,
    // saved as a web page): the labels were looked for in that cell, so
    // the department, goals and tasks were lost (said only as
    // unknown_section); the indicator table was right.
    let d = one(concat!(
        "<p>2025年部门整体支出绩效目标表</p>",
        "<table border=\"1\">",
        "<tr><td></td><td>部门名称</td><td colspan=\"4\">某县水务局</td></tr>",
        "<tr><td></td><td>年度主要任务</td><td colspan=\"4\">1.维修农村供水管网。<br>2.开展河道清障。</td></tr>",
        "<tr><td></td><td>年度总体目标</td><td colspan=\"4\">农村自来水普及率稳定在98%以上。</td></tr>",
        "<tr><td></td><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td></td><td>产出指标</td><td>数量指标</td><td>供水管网维修长度</td><td>≥35公里</td></tr>",
        "</table>"
    ));
    assert_eq!(d.department.as_deref(), Some("某县水务局"));
    assert_eq!(d.annual_tasks, ["维修农村供水管网。", "开展河道清障。"]);
    assert_eq!(d.annual_goals, ["农村自来水普及率稳定在98%以上。"]);
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        [(Some("供水管网维修长度"), Some("≥35公里"))]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_goal_sublabel_beside_the_goals_label_is_no_goal() {
    // 年度绩效目标 merged down over 总体目标 | text and the indicator
    // table: 总体目标 was the first goal, silently.
    let d = one(concat!(
        "<p>某县水务局2025年部门整体支出绩效目标表</p>",
        "<table border=\"1\">",
        "<tr><td>部门名称</td><td colspan=\"4\">某县水务局</td></tr>",
        "<tr><td rowspan=\"3\">年度绩效目标</td><td>总体目标</td><td colspan=\"3\">1.农村自来水普及率稳定在98%以上。2.完成河道清淤整治12公里。</td></tr>",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>供水管网维修长度</td><td>≥35公里</td></tr>",
        "</table>"
    ));
    assert_eq!(
        d.annual_goals,
        [
            "农村自来水普及率稳定在98%以上。",
            "完成河道清淤整治12公里。"
        ]
    );
    assert_eq!(d.indicators.len(), 1);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn goals_numbered_in_brackets_under_their_label_are_read() {
    // `（1）…` lines under `年度总体目标：` were taken for headings of an
    // unnamed section: the goals were lost, said as unknown_section.
    let d = one(concat!(
        "<p>某县司法局2026年度部门整体支出绩效目标表</p>",
        "<p>单位名称：某县司法局</p>",
        "<p>年度总体目标：</p>",
        "<p>（1）完成普法总结验收</p>",
        "<p>(2)法律援助案件办结率达到100%</p>",
        "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>普法宣传活动场次</td><td>≥12场</td></tr></table>"
    ));
    assert_eq!(
        d.annual_goals,
        ["完成普法总结验收", "法律援助案件办结率达到100%"]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_unit_line_between_the_sections_states_the_funding_unit() {
    // `金额单位：万元` between the goals and the funding table: the unit
    // was null, the line said as unknown_section.
    let d = one(concat!(
        "<p>某县农业农村局2026年度部门整体支出绩效目标表</p>",
        "<p>单位名称：某县农业农村局</p>",
        "<p>年度总体目标：</p><p>1.按时足额发放补贴资金</p><p>2.健全长效管护机制</p>",
        "<p>金额单位：万元</p>",
        "<table><tr><td>收支类别</td><td>项目</td><td>金额</td></tr>",
        "<tr><td>收入构成</td><td>财政拨款</td><td>600.00</td></tr>",
        "<tr><td>支出构成</td><td>基本支出</td><td>600.00</td></tr></table>",
        "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>补贴发放户数</td><td>≥1200户</td></tr></table>"
    ));
    let funding = d.funding.as_ref().expect("funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    assert_eq!(funding.rows.len(), 2);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // Under the department's line too.
    let d = one(concat!(
        "<p>某县林业局2026年度部门整体支出绩效目标表</p>",
        "<p>单位名称：某县林业局</p>",
        "<p>金额单位：万元</p>",
        "<p>年度总体目标：</p><p>1.健全长效管护机制</p>",
        "<table><tr><td>收支类别</td><td>项目</td><td>金额</td></tr>",
        "<tr><td>收入构成</td><td>财政拨款</td><td>600.00</td></tr></table>",
        "<table><tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>造林面积</td><td>≥12亩</td></tr></table>"
    ));
    assert_eq!(d.department.as_deref(), Some("某县林业局"));
    let funding = d.funding.as_ref().expect("funding");
    assert_eq!(funding.unit.as_deref(), Some("万元"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn the_task_tables_amount_total_is_no_task() {
    // The ministry's template labels the task table's total 金额合计: it
    // was read as a task, silently.
    let d = one(concat!(
        "<h1>2025年度部门整体支出绩效目标申报表</h1>",
        "<table border=\"1\">",
        "<tr><td>部门（单位）名称</td><td colspan=\"3\">某县林业局</td></tr>",
        "<tr><td rowspan=\"3\">年度主要任务</td><td>任务名称</td><td>主要内容</td><td>预算金额（万元）</td></tr>",
        "<tr><td>国土绿化行动</td><td>完成人工造林1.5万亩</td><td>356.50</td></tr>",
        "<tr><td colspan=\"2\">金额合计</td><td>356.50</td></tr>",
        "<tr><td>年度总体目标</td><td colspan=\"3\">完成国土绿化任务。</td></tr>",
        "<tr><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>完成人工造林面积</td><td>1.5万亩</td></tr>",
        "</table>"
    ));
    assert_eq!(d.annual_tasks.len(), 1, "{:?}", d.annual_tasks);
    assert!(d.annual_tasks[0].starts_with("国土绿化行动"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_column_of_row_numbers_beside_the_form_is_no_part_of_it() {
    // A sheet pasted with its row headings: 1, 2, 3 … down every row. The
    // form was read as unknown (title, department and goals lost), though
    // its indicators were read.
    let d = one(concat!(
        "<table border=\"1\">",
        "<tr><td>1</td><td colspan=\"5\">某县水务局2025年部门整体支出绩效目标表</td></tr>",
        "<tr><td>2</td><td>部门名称</td><td colspan=\"4\">某县水务局</td></tr>",
        "<tr><td>3</td><td>年度总体目标</td><td colspan=\"4\">农村自来水普及率稳定在98%以上。</td></tr>",
        "<tr><td>4</td><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>5</td><td>产出指标</td><td>数量指标</td><td>供水管网维修长度</td><td>≥35公里</td></tr>",
        "</table>"
    ));
    assert_eq!(d.kind, Some(Kind::DepartmentOverall));
    assert_eq!(
        d.title.as_deref(),
        Some("某县水务局2025年部门整体支出绩效目标表")
    );
    assert_eq!(d.department.as_deref(), Some("某县水务局"));
    assert_eq!(d.annual_goals, ["农村自来水普及率稳定在98%以上。"]);
    assert_eq!(
        pairs(&d, |i| &i.level3, |i| &i.target),
        [(Some("供水管网维修长度"), Some("≥35公里"))]
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn department_labels_over_their_values_are_read() {
    // 部门名称 | 部门编码 on one row, their values on the next: the name
    // and code were lost (said as unknown_section).
    let d = one(concat!(
        "<p>2025年部门整体支出绩效目标表</p>",
        "<table border=\"1\">",
        "<tr><td colspan=\"3\">部门名称</td><td colspan=\"2\">部门编码</td></tr>",
        "<tr><td colspan=\"3\">某县水务局</td><td colspan=\"2\">123001</td></tr>",
        "<tr><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>供水管网维修长度</td><td>≥35公里</td></tr>",
        "</table>"
    ));
    assert_eq!(d.department.as_deref(), Some("某县水务局"));
    assert_eq!(d.department_code.as_deref(), Some("123001"));
    assert_eq!(d.indicators.len(), 1);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_department_code_printed_before_its_label_is_read() {
    // `单位编码 | 207013 | 部门（单位）名称 | 某局`: the code was lost and
    // the row said as unknown_section.
    let d = one(concat!(
        "<h1>2025年部门整体绩效目标表</h1>",
        "<table border=\"1\">",
        "<tr><td>单位编码</td><td>207013</td><td>部门（单位）名称</td><td>某区医疗保障局</td></tr>",
        "<tr><td>年度绩效目标</td><td colspan=\"3\">规范基金监管。</td></tr>",
        "</table>",
        "<table border=\"1\">",
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>定点医药机构现场检查数</td><td>≥160家</td></tr>",
        "</table>"
    ));
    assert_eq!(d.department.as_deref(), Some("某区医疗保障局"));
    assert_eq!(d.department_code.as_deref(), Some("207013"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn figures_read_as_goals_are_said() {
    // A funding block printed beside the goals' text is read into the
    // goals (a layout not read yet): said, where it was silent.
    let d = one(concat!(
        "<p>某县水务局2025年部门整体支出绩效目标表</p>",
        "<table border=\"1\">",
        "<tr><td>部门名称</td><td colspan=\"4\">某县水务局</td></tr>",
        "<tr><td rowspan=\"3\">年度总体目标</td><td rowspan=\"3\" colspan=\"2\">1.农村自来水普及率稳定在98%以上。</td><td>资金总额（万元）</td><td>860.50</td></tr>",
        "<tr><td>财政拨款</td><td>800.50</td></tr>",
        "<tr><td>其他资金</td><td>60.00</td></tr>",
        "<tr><td rowspan=\"2\">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>",
        "<tr><td>产出指标</td><td>数量指标</td><td>供水管网维修长度</td><td>≥35公里</td></tr>",
        "</table>"
    ));
    let said: Vec<&str> = d
        .warnings
        .iter()
        .filter(|w| w.code == "unplaced_cell")
        .map(|w| w.message.as_str())
        .collect();
    assert_eq!(said.len(), 1, "{:?}", d.warnings);
    assert!(
        said[0].starts_with("annual_goals holds figures"),
        "{said:?}"
    );
}
