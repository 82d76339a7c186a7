//! Any bytes as a PDF: extraction (lopdf and our content interpreter),
//! layout and reconstruction, without the panic guard of `convert_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pages) = pifu::extract::pdf::extract_pdf(data) {
        let layout = pifu::layout::pdf::layout_pages(&pages);
        let _ = pifu::reconstruct::reconstruct(&layout);
    }
});
