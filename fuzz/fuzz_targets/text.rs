//! Any bytes as a text input, through the whole conversion (bytes that look
//! like a PDF take the PDF path, as in `pifu convert`). `convert_bytes`
//! catches panics, but libfuzzer-sys's panic hook aborts first, so a panic
//! anywhere in the pipeline is reported as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let doc = pifu::convert::convert_bytes("fuzz.txt", data, false);
    // Errors are one line (SPEC §5).
    if let Some(e) = &doc.error {
        assert!(!e.contains('\n'), "multi-line error: {e:?}");
    }
});
