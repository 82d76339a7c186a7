//! Any bytes as a DOCX word/document.xml (the package around it is the xlsx target's ZIP path): paragraphs, tables, merges, text boxes.
//! A panic is a crash; an error must be one line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match pifu::extract::docx::read_document_xml(data) {
        Ok(layout) => {
            for row in &layout.rows {
                assert!(row.spans.as_ref().is_none_or(|s| s.len() == row.cells.len()));
            }
        }
        Err(e) => assert!(!e.contains('\n'), "multi-line error: {e:?}"),
    }
});
