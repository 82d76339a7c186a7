//! PDF input: the fixture PDFs whose fonts and operators break other
//! extractors, and the sample PDFs of every producer.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use pifu::diff::{diff_values, Ignore};
use pifu::extract::pdf::{extract_pdf, read_pages};
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn pifu(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pifu"))
        .args(args)
        .output()
        .unwrap()
}

/// NFKC-folded characters without white space, sorted: what "the same
/// text" means when two tools order table cells differently.
fn chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.nfkc().filter(|c| !c.is_whitespace()).collect();
    v.sort_unstable();
    v
}

#[test]
fn fixture_text_matches_pdftotext() {
    let mut checked = 0;
    for e in fs::read_dir("tests/fixtures/pdf").unwrap() {
        let path = e.unwrap().path();
        if path.extension().is_none_or(|x| x != "pdf") {
            continue;
        }
        let reference = fs::read_to_string(path.with_extension("pdftotext.txt")).unwrap();
        let out = pifu(&["text", path.to_str().unwrap()]);
        if chars(&reference).is_empty() {
            // No text at all: pifu says so instead of printing nothing.
            assert_eq!(out.status.code(), Some(1), "{}", path.display());
            assert!(String::from_utf8_lossy(&out.stderr).contains("no text layer"));
            continue;
        }
        assert_eq!(out.status.code(), Some(0), "{}", path.display());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(chars(&text), chars(&reference), "{}", path.display());
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn rare_operators_and_forms() {
    // Text shown with ' lands on the next line, not lost.
    let out = pifu(&["text", "tests/fixtures/pdf/edge-quote-operator.pdf"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Line two via quote"), "{text}");
    // Text inside a form XObject is placed through its /Matrix: the fixture
    // draws it 280 pt lower and 238 pt to the right of the page text.
    let bytes = fs::read("tests/fixtures/pdf/edge-form-xobject.pdf").unwrap();
    let pages = extract_pdf(&bytes).unwrap();
    let first = |s: &str| {
        pages[0]
            .glyphs
            .iter()
            .find(|g| g.text == s)
            .map(|g| (g.x0.round(), g.baseline.round()))
    };
    assert_eq!(first("O"), Some((72.0, 92.0)));
    assert_eq!(first("I"), Some((310.0, 372.0)));
    // A rectangle filled with f* is reported (as its four sides), as are
    // the stroked ones.
    let bytes = fs::read("tests/fixtures/pdf/edge-fill-even-odd.pdf").unwrap();
    let pages = read_pages(&bytes).unwrap();
    let rulings = &pages[0].rulings;
    assert!(
        rulings
            .iter()
            .any(|r| r.is_horizontal() && (r.y0 - (792.0 - 620.0)).abs() < 0.01),
        "{rulings:?}"
    );
    assert_eq!(rulings.len(), 4 + 4 + 1);
}

fn document(path: &str) -> Value {
    let out = pifu(&["convert", path, "--in-process", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{path}");
    serde_json::from_slice(&out.stdout).unwrap()
}

const SAME_CONTENT: &[&str] = &["doc_id", "source", "warnings"];

#[test]
fn producers_of_the_same_content_agree() {
    let base = document("samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf");
    // GBK-EUC-H with GBK bytes and no ToUnicode, and the form-XObject
    // overlay: the same document, pages included.
    for other in ["gbk", "overlay"] {
        let d = document(&format!("samples/pdf/ezhou-data-bureau-2026.{other}.pdf"));
        let diff = diff_values(&d, &base, &Ignore::new(SAME_CONTENT.iter().copied()));
        assert!(diff.is_empty(), "{other}: {diff:?}");
    }
    // Chromium and the embedded TrueType font break pages elsewhere (other
    // font metrics): the same document apart from the page a row starts on.
    for other in ["chromium", "reportlab-ttf"] {
        let d = document(&format!("samples/pdf/ezhou-data-bureau-2026.{other}.pdf"));
        let ignore = Ignore::new(SAME_CONTENT.iter().copied().chain(["indicators[].page"]));
        let diff = diff_values(&d, &base, &ignore);
        assert!(diff.is_empty(), "{other}: {diff:?}");
    }
    // And the seed as a PDF has the seed text's indicators.
    let text = document("samples/ezhou-data-bureau-2026.txt");
    let ignore = Ignore::new(["doc_id", "source", "warnings", "indicators[].page"]);
    let diff = diff_values(&base, &text, &ignore);
    assert!(diff.is_empty(), "seed text vs PDF: {diff:?}");
}

#[test]
fn libreoffice_printings_match_their_samples() {
    // Writer (like Word) lets a row break across pages inside its cells,
    // and cuts a header row the same way; scripts/pdfgen/libreoffice.py
    // prints four samples' content so that it does.
    let ignore = Ignore::new(SAME_CONTENT.iter().copied().chain(["indicators[].page"]));
    let mut n = 0;
    for e in fs::read_dir("tests/fixtures/libreoffice").unwrap() {
        let path = e.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let d = document(path.to_str().unwrap());
        let sample = document(&format!("samples/pdf/{stem}.pdf"));
        let diff: Vec<String> = diff_values(&d, &sample, &ignore)
            .iter()
            .map(|x| x.to_string())
            .collect();
        // Writer wraps "达 27 万元" at the space before 万元; a line break
        // between a number and CJK is read without a space.
        let known = |l: &String| {
            stem.starts_with("ezhou")
                && l.starts_with("indicators[27].target: \"登记入表达 27万元\"")
        };
        let unexpected: Vec<&String> = diff.iter().filter(|l| !known(l)).collect();
        assert!(unexpected.is_empty(), "{stem}: {unexpected:?}");
        let joined = d["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|w| w["code"] == "row_joined")
            .count();
        assert!(joined > 0, "{stem}: no row was cut by a page break");
        n += 1;
    }
    assert_eq!(n, 4);
}

/// `bytes` with every page's content drawn turned (by 270, 90 and 180
/// degrees in turn) on a page of the turned size; with `rotate`, the page's
/// /Rotate turns it back, so that it displays exactly as before (how a
/// landscape table printed on portrait paper, or a scanned-then-OCRed page,
/// often arrives), without it the page displays sideways.
fn rotated_twin(bytes: &[u8], rotate: bool) -> Vec<u8> {
    use lopdf::{Object, Stream};
    let mut doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<_> = doc.get_pages().into_values().collect();
    for (i, id) in pages.into_iter().enumerate() {
        let page = doc.get_object(id).unwrap().as_dict().unwrap().clone();
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        let (w, h) = (media[2] - media[0], media[3] - media[1]);
        assert_eq!((media[0], media[1]), (0.0, 0.0));
        let (turn, cm, boxed) = match i % 3 {
            0 => (90, format!("0 1 -1 0 {h} 0 cm"), (h, w)),
            1 => (270, format!("0 -1 1 0 0 {w} cm"), (h, w)),
            _ => (180, format!("-1 0 0 -1 {w} {h} cm"), (w, h)),
        };
        let before = doc.add_object(Stream::new(
            lopdf::Dictionary::new(),
            format!("q {cm}\n").into_bytes(),
        ));
        let after = doc.add_object(Stream::new(lopdf::Dictionary::new(), b"\nQ\n".to_vec()));
        let mut contents = vec![Object::Reference(before)];
        match page.get(b"Contents").unwrap() {
            Object::Array(parts) => contents.extend(parts.iter().cloned()),
            one => contents.push(one.clone()),
        }
        contents.push(Object::Reference(after));
        let dict = doc.get_object_mut(id).unwrap().as_dict_mut().unwrap();
        dict.set("Contents", contents);
        if rotate {
            dict.set("Rotate", turn);
        }
        dict.set(
            "MediaBox",
            vec![0.into(), 0.into(), boxed.0.into(), boxed.1.into()],
        );
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn rotated_pages_read_as_displayed() {
    let src = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";
    let dir = tempfile::tempdir().unwrap();
    let twin = dir.path().join("rotated.pdf");
    fs::write(&twin, rotated_twin(&fs::read(src).unwrap(), true)).unwrap();
    let d = document(twin.to_str().unwrap());
    let diff = diff_values(
        &d,
        &document(src),
        &Ignore::new(SAME_CONTENT.iter().copied()),
    );
    assert!(diff.is_empty(), "{diff:?}");
    // Pages keep their displayed size: portrait, whatever the turn.
    let pages = read_pages(&fs::read(&twin).unwrap()).unwrap();
    assert!(pages.len() >= 3);
    let sizes: Vec<_> = pages.iter().map(|p| (p.width, p.height)).collect();
    assert!(sizes.iter().all(|(w, h)| h > w), "{sizes:?}");
}

#[test]
fn sideways_pages_are_turned_upright() {
    // No /Rotate: the text runs up or down the page, or right to left
    // (upside down). Each page is read turned upright, and then also the
    // whole document is the sample's.
    let src = "samples/pdf/ezhou-data-bureau-2026.reportlab-cid.pdf";
    let twin = rotated_twin(&fs::read(src).unwrap(), false);
    let pages = read_pages(&twin).unwrap();
    let sizes: Vec<_> = pages.iter().map(|p| (p.width, p.height)).collect();
    assert!(sizes.iter().all(|(w, h)| h > w), "{sizes:?}");
    let upright = read_pages(&fs::read(src).unwrap()).unwrap();
    assert_eq!(pages.len(), upright.len());
    for k in 0..pages.len() {
        let (got, want) = (&pages[k].glyphs, &upright[k].glyphs);
        assert_eq!(got.len(), want.len(), "page {}", k + 1);
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.text, w.text);
            let close = (g.x0 - w.x0).abs() < 0.01 && (g.baseline - w.baseline).abs() < 0.01;
            assert!(close, "page {}: {g:?} vs {w:?}", k + 1);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sideways.pdf");
    fs::write(&file, &twin).unwrap();
    let diff = diff_values(
        &document(file.to_str().unwrap()),
        &document(src),
        &Ignore::new(SAME_CONTENT.iter().copied()),
    );
    assert!(diff.is_empty(), "{diff:?}");
}

#[test]
fn every_sample_pdf_matches_its_expectations() {
    let dir = Path::new("samples/pdf");
    let mut n = 0;
    for e in fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let d = document(path.to_str().unwrap());
        let tsv = fs::read_to_string(format!("tests/expected/pdf/{stem}.indicators.tsv")).unwrap();
        let mut lines = tsv.lines();
        let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
        let got = d["indicators"].as_array().unwrap();
        let rows: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
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
        let summary: Value = serde_json::from_str(
            &fs::read_to_string(format!("tests/expected/pdf/{stem}.summary.json")).unwrap(),
        )
        .unwrap();
        common::assert_summary_fields(&d, &summary, &stem);
        assert_eq!(d["source"]["pages"], summary["pages"], "{stem}: pages");
        let funding = diff_values(
            &d["funding"]["rows"],
            &summary["funding"],
            &Ignore::default(),
        );
        assert!(funding.is_empty(), "{stem}: funding {funding:?}");
        n += 1;
    }
    assert_eq!(n, 17);
}

#[test]
fn a_batch_with_broken_pdfs_converts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("truncated.pdf");
    let good = fs::read("samples/pdf/ezhou-data-bureau-2026.gbk.pdf").unwrap();
    fs::write(&broken, &good[..good.len() / 3]).unwrap();
    let fake = dir.path().join("fake.pdf");
    fs::write(&fake, b"this is not a PDF").unwrap();
    let out_dir = dir.path().join("out");
    let out = pifu(&[
        "convert",
        "samples/pdf/ezhou-data-bureau-2026.gbk.pdf",
        broken.to_str().unwrap(),
        fake.to_str().unwrap(),
        "samples/pdf/xiaogan-health-commission-2026.chromium.pdf",
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let mut r = csv::Reader::from_path(out_dir.join("documents.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let status: Vec<(&str, &str)> = rows.iter().map(|r| (&r[18], &r[19])).collect();
    assert_eq!(status[0], ("ok", ""));
    assert_eq!(status[1].0, "error");
    assert!(
        status[1].1.starts_with("not a readable PDF"),
        "{:?}",
        status[1]
    );
    assert_eq!(status[2], ("error", "not a PDF file (no %PDF- header)"));
    assert_eq!(status[3], ("ok", ""));
}

#[test]
fn text_set_past_a_cell_border_is_kept_or_said() {
    // The fixture sets some lines past the table's right border, and two
    // lines of an indicator's name on into the target's cell.
    let d = document("tests/fixtures/pdf/gb-euc-h-no-tounicode.pdf");
    let goal = d["annual_goals"][0].as_str().unwrap_or_default();
    assert!(goal.contains("完成1200项政务服务事项接入"), "{goal}");
    assert!(goal.ends_with("安全保障水平。"), "{goal}");
    let indicators = d["indicators"].as_array().unwrap();
    let done = indicators
        .iter()
        .find(|i| i["level3"] == "项目完成时间")
        .unwrap();
    assert_eq!(done["target"], "2024年12月31日前");
    let codes: Vec<&str> = d["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["text_across_cells"]);
}
