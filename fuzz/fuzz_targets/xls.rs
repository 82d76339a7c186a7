//! Any bytes as an XLS workbook: OLE2, the BIFF record pass, calamine.
//! A panic is a crash; an error must be one line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match pifu::extract::xls::read_xls(data).map(|w| w.layout) {
        Ok(layout) => {
            for row in &layout.rows {
                assert!(row.spans.as_ref().is_none_or(|s| s.len() == row.cells.len()));
            }
        }
        Err(e) => assert!(!e.contains('\n'), "multi-line error: {e:?}"),
    }
});
