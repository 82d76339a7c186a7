//! XLS input (in progress).

use crate::layout::Layout;

pub fn read_xls(_bytes: &[u8]) -> Result<Layout, String> {
    Err("XLS input is not supported yet".to_string())
}
