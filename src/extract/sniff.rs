//! Format recognition by content (SPEC §1), whatever the file is named.
//!
//! PDF: `%PDF-` near the start. ZIP: DOCX when it holds
//! `word/document.xml` (or another `word/document*.xml` main part beside
//! package relationships), XLSX when it holds `xl/workbook.xml`; OFD,
//! OpenDocument and other archives are unsupported. OLE2 compound files:
//! a workbook stream makes XLS; `WordDocument` is a legacy .doc,
//! `EncryptionInfo` an encrypted (password-protected) OOXML file. Markup
//! with `<table` or `<html` near the start is HTML; anything else is text.
//! The file name only refines an error message (WPS `.wps`/`.et` files are
//! OLE2 files too) or says that a file named `.pdf` should be one.

use std::io::Cursor;
use std::path::Path;

use crate::model::Format;

/// What a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    Pdf,
    Docx,
    Xlsx,
    Xls,
    Html,
    Text,
    /// A format pifu does not read: the format to report and the one-line
    /// error (what the file is and what the user can do).
    Unsupported(Format, String),
}

impl Detected {
    /// The `source.format` of the file's document.
    pub fn format(&self) -> Format {
        match self {
            Detected::Pdf => Format::Pdf,
            Detected::Docx => Format::Docx,
            Detected::Xlsx => Format::Xlsx,
            Detected::Xls => Format::Xls,
            Detected::Html => Format::Html,
            Detected::Text => Format::Text,
            Detected::Unsupported(f, _) => *f,
        }
    }
}

const OLE2_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether the bytes are a PDF: `%PDF-` within the first KiB, as readers
/// accept leading junk.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = bytes.get(..1024).unwrap_or(bytes);
    head.windows(5).any(|w| w == b"%PDF-")
}

fn extension(name: &Path) -> String {
    name.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Recognises the format of `bytes`; `name` is the file's name or path.
pub fn detect(bytes: &[u8], name: &Path) -> Detected {
    let ext = extension(name);
    if looks_like_pdf(bytes) {
        return Detected::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return detect_zip(bytes, &ext);
    }
    if bytes.starts_with(OLE2_MAGIC) {
        return detect_ole2(bytes, &ext);
    }
    if ext == "pdf" {
        return Detected::Unsupported(Format::Pdf, "not a PDF file (no %PDF- header)".to_string());
    }
    if looks_like_html(bytes) {
        return Detected::Html;
    }
    match ext.as_str() {
        "ofd" => Detected::Unsupported(
            Format::Pdf,
            "not an OFD archive (OFD files are ZIP archives); convert the original to PDF"
                .to_string(),
        ),
        "docx" | "xlsx" => Detected::Unsupported(
            if ext == "docx" {
                Format::Docx
            } else {
                Format::Xlsx
            },
            format!("not a .{ext} file (not a ZIP archive): the file is damaged or misnamed"),
        ),
        _ => Detected::Text,
    }
}

/// The format to report for a ZIP that is not a DOCX or XLSX: what its
/// name says, else text.
fn zip_family(ext: &str) -> Format {
    match ext {
        "xlsx" | "xlsm" => Format::Xlsx,
        "docx" => Format::Docx,
        "ofd" | "pdf" => Format::Pdf,
        _ => Format::Text,
    }
}

fn detect_zip(bytes: &[u8], ext: &str) -> Detected {
    let archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(a) => a,
        Err(e) => {
            return Detected::Unsupported(
                zip_family(ext),
                format!("damaged ZIP archive ({e}): open and save the file again"),
            );
        }
    };
    let names: Vec<String> = archive
        .file_names()
        .take(100_000)
        .filter_map(|f| f.ok().map(|f| f.into_owned()))
        .collect();
    let has = |n: &str| names.iter().any(|f| f.eq_ignore_ascii_case(n));
    // (Some producers name the main part otherwise, `word/document2.xml`:
    // the package's relationships say which it is.)
    let word_main = || {
        names
            .iter()
            .filter_map(|f| f.strip_prefix("word/"))
            .any(|f| f.starts_with("document") && f.ends_with(".xml") && !f.contains('/'))
            && has("_rels/.rels")
    };
    if has("word/document.xml") || word_main() {
        Detected::Docx
    } else if has("xl/workbook.xml") {
        Detected::Xlsx
    } else if has("OFD.xml") {
        Detected::Unsupported(
            Format::Pdf,
            "OFD document: not supported; convert it to PDF (e.g. with the 数科 OFD reader) and convert that"
                .to_string(),
        )
    } else if has("content.xml") && has("mimetype") {
        Detected::Unsupported(
            Format::Docx,
            "OpenDocument file (.odt/.ods): save it as .docx, .xlsx or PDF".to_string(),
        )
    } else if names.iter().any(|f| f.starts_with("xl/")) {
        Detected::Unsupported(
            Format::Xlsx,
            "ZIP archive with xl/ parts but no xl/workbook.xml: a damaged workbook; open and save it again"
                .to_string(),
        )
    } else {
        Detected::Unsupported(
            zip_family(ext),
            "ZIP archive that is neither DOCX nor XLSX: unzip it and convert the files inside"
                .to_string(),
        )
    }
}

fn detect_ole2(bytes: &[u8], ext: &str) -> Detected {
    // WPS Office's own formats are OLE2 files too; their names say what
    // they are better than their streams do.
    match ext {
        "wps" => {
            return Detected::Unsupported(
                Format::Docx,
                "WPS Writer .wps document: not supported; save it as .docx or PDF".to_string(),
            )
        }
        "et" => {
            return Detected::Unsupported(
                Format::Xls,
                "WPS Spreadsheets .et workbook: not supported; save it as .xlsx".to_string(),
            )
        }
        _ => {}
    }
    let names: Vec<String> = match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(file) => file
            .walk()
            .take(10_000)
            .map(|e| e.name().to_string())
            .collect(),
        Err(e) => {
            return Detected::Unsupported(
                Format::Xls,
                format!("damaged OLE2 (legacy Office) file: {e}"),
            )
        }
    };
    let has = |n: &str| names.iter().any(|f| f.eq_ignore_ascii_case(n));
    if has("EncryptionInfo") || has("EncryptedPackage") {
        Detected::Unsupported(
            if ext == "docx" {
                Format::Docx
            } else {
                Format::Xlsx
            },
            "encrypted (password-protected) Office file: open it, remove the password and save it again"
                .to_string(),
        )
    } else if has("Workbook") || has("Book") {
        Detected::Xls
    } else if has("WordDocument") {
        Detected::Unsupported(
            Format::Docx,
            "legacy Word .doc: save as .docx or PDF".to_string(),
        )
    } else if has("PowerPoint Document") {
        Detected::Unsupported(
            Format::Docx,
            "PowerPoint file: not supported; save the tables as .docx, .xlsx or PDF".to_string(),
        )
    } else {
        Detected::Unsupported(
            Format::Xls,
            "OLE2 compound file that is neither a workbook nor a document: not supported"
                .to_string(),
        )
    }
}

/// Markup: `<html`, `<!doctype html` or `<table` in the first 64 KiB,
/// compared without case (UTF-16 with a byte-order mark decoded first).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.get(..65_536).unwrap_or(bytes);
    let ascii: Vec<u8> = match encoding_rs::Encoding::for_bom(head) {
        Some((enc, bom)) if enc != encoding_rs::UTF_8 => {
            let (text, _) = enc.decode_without_bom_handling(head.get(bom..).unwrap_or_default());
            text.bytes().collect()
        }
        _ => head.to_vec(),
    };
    let lower = ascii.to_ascii_lowercase();
    [&b"<table"[..], b"<html", b"<!doctype html"]
        .iter()
        .any(|pat| lower.windows(pat.len()).any(|w| w == *pat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_text() {
        let p = Path::new("a.txt");
        assert_eq!(detect(b"<!DOCTYPE html><p>x", p), Detected::Html);
        assert_eq!(detect(b"title\n<TABLE><tr><td>a", p), Detected::Html);
        assert_eq!(detect("年度目标\t<p>1、x".as_bytes(), p), Detected::Text);
        assert_eq!(detect(b"%PDF-1.7\n", p), Detected::Pdf);
        assert!(matches!(
            detect(b"plain", Path::new("a.pdf")),
            Detected::Unsupported(Format::Pdf, _)
        ));
    }

    #[test]
    fn broken_zip_and_ole2_are_errors() {
        let p = Path::new("a.bin");
        assert!(matches!(
            detect(b"PK\x03\x04garbage", p),
            Detected::Unsupported(..)
        ));
        let mut ole = OLE2_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 100]);
        assert!(matches!(detect(&ole, p), Detected::Unsupported(..)));
        assert!(matches!(
            detect(&ole, Path::new("x.wps")),
            Detected::Unsupported(Format::Docx, m) if m.contains("WPS")
        ));
    }
}
