//! HTML, XLSX, XLS and DOCX input (samples/{html,xlsx,xls,docx}, made by
//! scripts/formats/make_samples.py): every format of one approval gives
//! the same document as its text dump, apart from `source`, `doc_id`,
//! `indicators[].page` and the repair warnings only text dumps need; and
//! each matches the expectation written from the content model.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use pifu::diff::{diff_values, Ignore};
use serde_json::Value;

const FORMAT_DIRS: &[&str] = &["html", "xlsx", "xls", "docx"];

fn convert(path: &Path) -> Value {
    let bytes = fs::read(path).unwrap();
    let shown = path.to_string_lossy();
    let doc = pifu::convert::convert_named(&shown, &bytes, path);
    serde_json::to_value(&doc).unwrap()
}

fn samples(stem_prefix: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in FORMAT_DIRS {
        let Ok(entries) = fs::read_dir(Path::new("samples").join(dir)) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(stem_prefix))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Everything but provenance, pages and warnings.
fn same_document(doc: &Value, twin: &Value) -> Vec<String> {
    diff_values(
        doc,
        twin,
        &Ignore::new(["doc_id", "source", "indicators[].page", "warnings"]),
    )
    .into_iter()
    .map(|d| d.to_string())
    .collect()
}

#[test]
fn the_seed_reads_the_same_in_every_format() {
    let text = convert(Path::new("samples/ezhou-data-bureau-2026.txt"));
    let files = samples("ezhou-data-bureau-2026");
    assert!(files.len() >= 3, "{files:?}");
    for f in &files {
        let doc = convert(f);
        assert_eq!(doc["status"], "ok", "{}: {}", f.display(), doc["error"]);
        let diff = same_document(&doc, &text);
        assert!(diff.is_empty(), "{}:\n{}", f.display(), diff.join("\n"));
        // Cells are read by position: nothing to repair, nothing guessed.
        assert_eq!(
            common::warning_codes(&doc),
            Vec::<String>::new(),
            "{}: {}",
            f.display(),
            doc["warnings"]
        );
        assert!(doc["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["page"].is_null()));
        let ext = f.extension().unwrap().to_string_lossy().to_string();
        let format = if ext == "htm" { "html" } else { ext.as_str() };
        assert_eq!(doc["source"]["format"], format, "{}", f.display());
        let encoding = &doc["source"]["encoding"];
        if format == "html" {
            let gbk = f.to_string_lossy().contains("gbk");
            assert_eq!(
                encoding,
                if gbk { "GBK" } else { "UTF-8" },
                "{}",
                f.display()
            );
            assert_eq!(doc["source"]["published"], "2026-01-20");
            assert_eq!(
                doc["source"]["url"],
                "https://czj.ezhou.example.gov.cn/art/2026/1/20/art_1001_1.html"
            );
        } else {
            assert!(encoding.is_null());
            assert!(doc["source"]["url"].is_null());
        }
        // Workbooks name the sheet the approval was read from (the seed's
        // XLSX has a 目录 sheet first, which is not read).
        let sheet = &doc["source"]["sheet"];
        if matches!(format, "xlsx" | "xls") {
            assert_eq!(sheet, "绩效目标表", "{}", f.display());
        } else {
            assert!(sheet.is_null());
        }
    }
}

#[test]
fn the_seed_formats_match_the_expectation() {
    let summary: Value = serde_json::from_str(
        &fs::read_to_string("tests/expected/ezhou-data-bureau-2026.summary.json").unwrap(),
    )
    .unwrap();
    let tsv = fs::read_to_string("tests/expected/ezhou-data-bureau-2026.indicators.tsv").unwrap();
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    for f in samples("ezhou-data-bureau-2026") {
        let stem = f.display().to_string();
        let d = convert(&f);
        common::assert_summary_fields(&d, &summary, &stem);
        let funding = diff_values(
            &d["funding"]["rows"],
            &summary["funding"],
            &Ignore::default(),
        );
        assert!(funding.is_empty(), "{stem}: funding {funding:?}");
        let got = d["indicators"].as_array().unwrap();
        assert_eq!(got.len(), rows.len(), "{stem}: indicator count");
        for (i, (g, line)) in got.iter().zip(&rows).enumerate() {
            for (key, want) in header
                .iter()
                .zip(line.split('\t').chain(std::iter::repeat("")))
            {
                assert_eq!(
                    common::indicator_cell(g, key),
                    common::expected_cell(want),
                    "{stem}: row {} {key}",
                    i + 1
                );
            }
        }
    }
}

/// The template samples against tests/expected/formats/<file>.json
/// (written from the content model), field by field.
#[test]
fn template_samples_match_their_expectations() {
    let mut problems = Vec::new();
    let mut n = 0;
    for e in fs::read_dir("tests/expected/formats").unwrap() {
        let exp = e.unwrap().path();
        let file = exp.file_stem().unwrap().to_string_lossy().into_owned();
        let ext = Path::new(&file)
            .extension()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let dir = if ext == "htm" { "html" } else { ext.as_str() };
        if !FORMAT_DIRS.contains(&dir) {
            continue;
        }
        let sample = Path::new("samples").join(dir).join(&file);
        let want: Value = serde_json::from_str(&fs::read_to_string(&exp).unwrap()).unwrap();
        let doc = convert(&sample);
        if doc["status"] != "ok" {
            problems.push(format!("{file}: {}", doc["error"]));
            continue;
        }
        problems.extend(common::field_differences(
            &doc,
            &want,
            common::DOCUMENT_FIELDS,
            &file,
        ));
        problems.extend(common::warning_code_difference(&doc, &want, &file));
        n += 1;
    }
    assert!(n >= 3, "{n} expectations");
    common::assert_no_differences(&problems);
}

/// The same bytes under another name (or none) are read the same way:
/// the format comes from the content.
#[test]
fn format_by_content_not_by_name() {
    for f in samples("ezhou-data-bureau-2026") {
        let bytes = fs::read(&f).unwrap();
        let named = pifu::convert::convert_named("x", &bytes, &f);
        let unnamed = pifu::convert::convert_named("x", &bytes, Path::new("download.bin"));
        assert_eq!(
            serde_json::to_value(&named).unwrap(),
            serde_json::to_value(&unnamed).unwrap(),
            "{}",
            f.display()
        );
    }
}

/// An indicator table continued in a second `<table>` that lacks the first
/// one's label column (年度绩效指标 over the rows): its rows are read in
/// the header's columns, not one column to the left.
#[test]
fn a_continuation_table_without_the_label_column() {
    let page = r#"<html><head><meta charset="utf-8"></head><body><h1>某市审计局2025年部门整体绩效目标表</h1>
<table border="1"><tr><td>部门名称</td><td colspan="4">某市审计局</td></tr>
<tr><td rowspan="3">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>审计项目数</td><td>≥60个</td></tr>
<tr><td>质量指标</td><td>审计报告合格率</td><td>100%</td></tr></table>
<table border="1"><tr><td>效益指标</td><td>社会效益指标</td><td>问题整改率</td><td>≥90%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>被审计单位满意度</td><td>≥90%</td></tr></table></body></html>"#;
    let doc = pifu::convert::convert_named("x", page.as_bytes(), Path::new("x.html"));
    let got: Vec<[Option<&str>; 4]> = doc
        .indicators
        .iter()
        .map(|i| {
            [
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.level3.as_deref(),
                i.target.as_deref(),
            ]
        })
        .collect();
    assert_eq!(
        got[2..],
        [
            [
                Some("效益指标"),
                Some("社会效益指标"),
                Some("问题整改率"),
                Some("≥90%")
            ],
            [
                Some("满意度指标"),
                Some("服务对象满意度指标"),
                Some("被审计单位满意度"),
                Some("≥90%")
            ],
        ]
    );
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

/// A worksheet from rows of texts, one cell a text, no merges.
fn plain_sheet(name: &str, rows: &[&[&str]]) -> pifu::extract::xlsx::Sheet {
    let cells = rows
        .iter()
        .enumerate()
        .flat_map(|(r, texts)| {
            texts
                .iter()
                .enumerate()
                .map(move |(c, t)| pifu::layout::structured::TableCell {
                    row: r,
                    col: c,
                    rows: 1,
                    cols: 1,
                    text: t.to_string(),
                })
        })
        .collect();
    pifu::extract::xlsx::Sheet {
        name: name.to_string(),
        cells,
        merges: Vec::new(),
        hidden_values: 0,
        uncomputed: 0,
    }
}

#[test]
fn indicators_on_a_sheet_of_their_own_belong_to_the_form_before() {
    const HEADER: &[&str] = &["一级指标", "二级指标", "三级指标", "指标值"];
    let form = plain_sheet(
        "部门整体",
        &[
            &["恩施州林业局2026年部门整体绩效目标表"],
            &["部门（单位）名称", "恩施州林业局"],
            &["长期绩效指标"],
            HEADER,
            &["产出指标", "数量指标", "森林蓄积量", "≥1.2亿立方米"],
        ],
    );
    let annual = plain_sheet(
        "年度绩效指标",
        &[
            &["年度绩效指标"],
            HEADER,
            &["产出指标", "数量指标", "营造林面积", "≥30万亩"],
            &["满意度指标", "服务对象满意度指标", "林农满意度", "≥90%"],
        ],
    );
    let book = pifu::extract::xlsx::sheets_layout(vec![form, annual]).unwrap();
    let parts = pifu::reconstruct::reconstruct_all(&book.layout);
    assert_eq!(parts.len(), 1);
    let names: Vec<&str> = parts[0]
        .content
        .indicators
        .iter()
        .filter_map(|i| i.level3.as_deref())
        .collect();
    assert_eq!(names, vec!["森林蓄积量", "营造林面积", "林农满意度"]);
}

#[test]
fn a_worksheets_warning_is_said_by_the_forms_of_that_worksheet() {
    // Every document of the workbook said the formulas of one worksheet
    // were read as empty, though only that worksheet's form had any.
    const HEADER: &[&str] = &["一级指标", "二级指标", "三级指标", "指标值"];
    let form = |sheet: &str, name: &str| {
        plain_sheet(
            sheet,
            &[
                &["2026年度项目支出绩效目标表"],
                &["项目名称", name],
                &["主管部门", "某局"],
                HEADER,
                &["产出指标", "数量指标", "完成数量", "≥10个"],
            ],
        )
    };
    let mut second = form("项目2", "乙项目");
    second.uncomputed = 1;
    let book = pifu::extract::xlsx::sheets_layout(vec![form("项目1", "甲项目"), second]).unwrap();
    let parts = pifu::reconstruct::reconstruct_all(&book.layout);
    let codes: Vec<(Option<&str>, Vec<&str>)> = parts
        .iter()
        .map(|p| {
            (
                p.sheet.as_deref(),
                p.content.warnings.iter().map(|w| w.code.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (Some("项目1"), vec![]),
            (Some("项目2"), vec!["uncomputed_formulas"])
        ]
    );
}

#[test]
fn an_xls_sheets_hidden_rows_and_columns_are_not_read() {
    // Row 6 (a retired indicator) and column F (指标编码) are hidden, as
    // LibreOffice writes them: neither shown nor printed, so neither is
    // part of the form; their values are counted in a warning.
    let doc = convert(Path::new("tests/fixtures/xls/hidden-row-and-column.xls"));
    let rows: Vec<(&str, &str)> = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["level3"].as_str().unwrap(), i["target"].as_str().unwrap()))
        .collect();
    assert_eq!(
        rows,
        [
            ("馆藏档案数字化页数", "≥120万页"),
            ("数字化成果合格率", "≥99%")
        ]
    );
    for ind in doc["indicators"].as_array().unwrap() {
        assert_eq!(ind["extra"], serde_json::json!({}), "{ind}");
    }
    let codes: Vec<&str> = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["hidden_cells"]);
}
