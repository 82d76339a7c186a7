//! Any bytes as an XLS workbook: OLE2, the BIFF record pass, calamine.
//! A panic of ours is a crash; calamine's panics on damaged records are
//! caught by `read_xls` (an error for the file), so they are let through.
//! An error must be one line.
#![no_main]

use std::sync::Once;

use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| {
        // libFuzzer's hook aborts on any panic, before read_xls can catch it.
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !info.location().is_some_and(|l| l.file().contains("calamine")) {
                abort(info);
            }
        }));
    });
    match pifu::extract::xls::read_xls(data).map(|w| w.layout) {
        Ok(layout) => {
            for row in &layout.rows {
                assert!(row.spans.as_ref().is_none_or(|s| s.len() == row.cells.len()));
            }
        }
        Err(e) => assert!(!e.contains('\n'), "multi-line error: {e:?}"),
    }
});
