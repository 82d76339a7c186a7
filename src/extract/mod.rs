//! Extraction: input bytes to what the layout stage reads.
//!
//! Text input is decoded here (encoding detection lives in [`text`]); PDF
//! input becomes positioned glyphs and ruling lines.

pub mod page;
pub mod pdf;
pub mod text;

pub use text::{decode_text, DecodedText};
