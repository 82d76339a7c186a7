//! The seed's own text in other bureaus' column orders
//! (samples/variants, made by scripts/make_seed_variants.py): each must read
//! exactly as the seed does, with only the changed columns' fields
//! different, and no warning for a column the variant does not have.

use std::fs;

use pifu::diff::{diff_values, Ignore};
use serde_json::{json, Value};

fn convert(path: &str) -> Value {
    let bytes = fs::read(path).unwrap();
    serde_json::to_value(pifu::convert::convert_bytes(path, &bytes, false)).unwrap()
}

fn seed() -> Value {
    convert("samples/ezhou-data-bureau-2026.txt")
}

fn variant(name: &str) -> Value {
    convert(&format!(
        "samples/variants/ezhou-data-bureau-2026.{name}.txt"
    ))
}

/// Applies `f` to every indicator of `table` with its 1-based row number.
fn each_row(doc: &mut Value, table: &str, mut f: impl FnMut(usize, &mut Value)) {
    let mut k = 0;
    for ind in doc["indicators"].as_array_mut().unwrap() {
        if ind["table"] == table {
            k += 1;
            f(k, ind);
        }
    }
}

fn columns_without(doc: &mut Value, table: &str, field: &str) {
    doc["columns"][table]
        .as_array_mut()
        .unwrap()
        .retain(|c| c["field"] != field);
}

fn drop_category_warnings(doc: &mut Value, table: &str) {
    doc["warnings"].as_array_mut().unwrap().retain(|w| {
        !(w["table"] == table
            && w["code"] == "missing_cell"
            && w["message"].as_str().unwrap().contains("指标分类"))
    });
}

fn assert_same(actual: &Value, expected: &Value, name: &str) {
    let d = diff_values(actual, expected, &Ignore::new(["doc_id", "source"]));
    let lines: Vec<String> = d.iter().map(|d| d.to_string()).collect();
    assert!(lines.is_empty(), "{name}:\n{}", lines.join("\n"));
}

#[test]
fn remark_column_in_the_long_term_table() {
    let mut want = seed();
    each_row(&mut want, "long_term", |k, ind| {
        if k % 4 == 1 {
            ind["remark"] = json!(format!("见说明{k}"));
        }
    });
    want["columns"]["long_term"]
        .as_array_mut()
        .unwrap()
        .push(json!({"header": "备注", "field": "remark"}));
    assert_same(&variant("remark"), &want, "remark");
}

#[test]
fn basis_and_category_swapped() {
    let mut want = seed();
    for table in ["long_term", "annual"] {
        let cols = want["columns"][table].as_array_mut().unwrap();
        let b = cols.iter().position(|c| c["field"] == "basis").unwrap();
        let c = cols.iter().position(|c| c["field"] == "category").unwrap();
        cols.swap(b, c);
    }
    assert_same(&variant("swapped"), &want, "swapped");
}

#[test]
fn no_category_in_the_long_term_table() {
    let mut want = seed();
    each_row(&mut want, "long_term", |_, ind| {
        ind["category"] = Value::Null
    });
    columns_without(&mut want, "long_term", "category");
    drop_category_warnings(&mut want, "long_term");
    assert_same(&variant("nocategory-lt"), &want, "nocategory-lt");
}

#[test]
fn no_category_in_either_table() {
    let mut want = seed();
    for table in ["long_term", "annual"] {
        each_row(&mut want, table, |_, ind| ind["category"] = Value::Null);
        columns_without(&mut want, table, "category");
        drop_category_warnings(&mut want, table);
    }
    assert_same(&variant("nocategory"), &want, "nocategory");
}

#[test]
fn weight_and_unit_columns() {
    let mut want = seed();
    for table in ["long_term", "annual"] {
        each_row(&mut want, table, |_, ind| {
            ind["weight"] = json!(5.0);
            if ind["target"].as_str().is_some_and(|t| t.ends_with('%')) {
                ind["unit"] = json!("%");
            }
        });
        let cols = want["columns"][table].as_array_mut().unwrap();
        cols.push(json!({"header": "权重", "field": "weight"}));
        cols.push(json!({"header": "计量单位", "field": "unit"}));
    }
    assert_same(&variant("weight-unit"), &want, "weight-unit");
}

/// The seed with one indicator's name wrapped onto a line of its own, the
/// way a narrow column prints it: the line joins the name, and says so.
#[test]
fn a_name_wrapped_onto_its_own_line_is_joined() {
    let seed = fs::read_to_string("samples/xiaogan-health-commission-2026.txt").unwrap();
    let line = "\t\t\t健康教育讲座场次\t≥200场\t历史标准\t绩效基本型";
    assert!(seed.contains(line));
    let wrapped = seed.replacen(
        line,
        "\t\t\t健康教育\t≥200场\t历史标准\t绩效基本型\n\t\t\t讲座场次",
        1,
    );
    let doc = serde_json::to_value(pifu::convert::convert_bytes(
        "wrapped.txt",
        wrapped.as_bytes(),
        false,
    ))
    .unwrap();
    let names: Vec<&str> = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["table"] == "long_term")
        .filter_map(|i| i["level3"].as_str())
        .filter(|n| n.starts_with("健康教育"))
        .collect();
    assert_eq!(names, vec!["健康教育讲座场次"]);
    let joined: Vec<&Value> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|w| w["code"] == "row_joined")
        .collect();
    assert_eq!(joined.len(), 1, "{joined:#?}");
}

/// The seed with two cells of two lines each, copied out of the page as
/// they show: the line break inside a cell cuts its row in two, the rest of
/// the cell opening the next line. Each row reads whole, and says so.
#[test]
fn rows_cut_by_a_line_break_inside_a_cell_are_joined() {
    let seed = fs::read_to_string("samples/xiaogan-health-commission-2026.txt").unwrap();
    let name = "\t\t\t健康教育讲座场次\t≥200场\t历史标准\t绩效基本型";
    let target = "\t\t\t传染病报告及时率\t100%\t行业标准\t绩效基本型";
    assert!(seed.contains(name) && seed.contains(target));
    let cut = seed
        .replacen(
            name,
            "\t\t\t健康教育\n讲座场次\t≥200场\t历史标准\t绩效基本型",
            1,
        )
        .replacen(
            target,
            "\t\t\t传染病报告及时率\t100\n%\t行业标准\t绩效基本型",
            1,
        );
    let read = |text: &str| {
        serde_json::to_value(pifu::convert::convert_bytes(
            "cut.txt",
            text.as_bytes(),
            false,
        ))
        .unwrap()
    };
    let (whole, cut) = (read(&seed), read(&cut));
    assert_eq!(cut["indicators"], whole["indicators"]);
    let joined = |doc: &Value| {
        doc["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "row_joined")
            .count()
    };
    assert_eq!(joined(&cut), joined(&whole) + 2);
}

/// A level-2 name with no indicator under it (the seed's 生态效益 row),
/// its empty cells run together: still the level-2 name, not an indicator
/// named 生态效益指标.
#[test]
fn a_level2_name_alone_in_a_shifted_row_stays_level2() {
    let text = [
        "某县文化馆2026年部门整体绩效目标批复",
        "长期绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\t指标分类",
        "\t产出指标\t数量指标\t举办展览次数\t≥12次\t计划标准\t绩效基本型",
        "\t效益指标\t社会效益指标\t参观人次\t≥5万人次\t计划标准\t绩效基本型",
        "\t\t生态效益指标\t\t其他标准\t绩效基本型",
        "\t\t可持续影响指标\t长效机制\t健全\t其他标准\t绩效提升型",
    ]
    .join("\n");
    let doc = serde_json::to_value(pifu::convert::convert_bytes(
        "shifted.txt",
        text.as_bytes(),
        false,
    ))
    .unwrap();
    let levels: Vec<(&Value, &Value)> = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (&i["level2"], &i["level3"]))
        .collect();
    assert_eq!(
        levels.get(2),
        Some(&(&json!("生态效益指标"), &Value::Null)),
        "{levels:?}"
    );
}

/// A 序号 column before the levels: its numbers are the rows' `extra`,
/// never level names, in full rows and in rows whose merged cells were
/// left out.
#[test]
fn row_numbers_before_the_levels_are_no_level_names() {
    let text = [
        "某县审计局2026年部门整体绩效目标批复",
        "年度绩效指标\t序号\t一级指标\t二级指标\t三级指标\t指标值\t指标值确定依据\t指标分类",
        "\t1\t履职效能\t审计项目\t完成审计项目数\t≥25个\t计划标准\t绩效基本型",
        "\t2\t\t\t经济责任审计覆盖率\t≥30%\t计划标准\t绩效基本型",
        "\t3\t\t审计整改\t审计发现问题整改率\t≥95%\t行业标准\t绩效基本型",
        "\t4\t审计发现问题移送率\t100%\t行业标准\t绩效基本型",
    ]
    .join("\n");
    let doc = serde_json::to_value(pifu::convert::convert_bytes(
        "numbered.txt",
        text.as_bytes(),
        false,
    ))
    .unwrap();
    let rows: Vec<(&Value, &Value, &Value, &Value)> = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                &i["level1"],
                &i["level2"],
                &i["level3"],
                &i["extra"]["序号"],
            )
        })
        .collect();
    let (l1, a, b) = (json!("履职效能"), json!("审计项目"), json!("审计整改"));
    let names = [
        json!("完成审计项目数"),
        json!("经济责任审计覆盖率"),
        json!("审计发现问题整改率"),
        json!("审计发现问题移送率"),
    ];
    let numbers = [json!("1"), json!("2"), json!("3"), json!("4")];
    assert_eq!(
        rows,
        vec![
            (&l1, &a, &names[0], &numbers[0]),
            (&l1, &a, &names[1], &numbers[1]),
            (&l1, &b, &names[2], &numbers[2]),
            (&l1, &b, &names[3], &numbers[3]),
        ]
    );
}
