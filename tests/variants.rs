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
