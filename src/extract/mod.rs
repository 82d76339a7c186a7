//! Extraction: input bytes to what the layout stage reads.
//!
//! [`sniff`] recognises the format by content. Text input is decoded here
//! (encoding detection lives in [`text`]); PDF input becomes positioned
//! glyphs and ruling lines; the structured formats ([`html`], [`xlsx`],
//! [`xls`], [`docx`]) are read into tables of cells with their spans,
//! laid out by `layout::structured`. [`archive`] bounds what a ZIP package
//! may inflate; [`xml`] reads its XML parts without expanding entities;
//! [`numfmt`] shows spreadsheet numbers as displayed.

pub mod archive;
pub mod docx;
pub mod html;
pub mod numfmt;
pub mod page;
pub mod pdf;
pub mod sniff;
pub mod text;
pub mod xls;
pub mod xlsx;
pub mod xml;

pub use text::{decode_text, DecodedText};
