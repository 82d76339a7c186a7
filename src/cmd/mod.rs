pub mod convert;
pub mod diff;
pub mod inspect;
pub mod text;
pub mod worker;

/// Exit codes of the specification.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_USAGE: u8 = 2;
