//! DOCX input (in progress).

use crate::layout::Layout;

pub fn read_docx(_bytes: &[u8]) -> Result<Layout, String> {
    Err("DOCX input is not supported yet".to_string())
}
