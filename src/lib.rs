//! pifu: 绩效目标批复 documents to structured data.
//!
//! The pipeline is four stages, each a module with narrow types between
//! them: [`extract`] (bytes to decoded text or positioned glyphs),
//! [`layout`] (to rows of cells), [`reconstruct`] (to the [`model`]
//! document) and [`export`] (JSON, JSON Lines, CSV). [`convert`] runs the
//! stages for one file; [`batch`] runs many in parallel with deterministic
//! output; [`diff`] compares documents field by field.

pub mod batch;
pub mod convert;
pub mod diff;
pub mod export;
pub mod extract;
pub mod inspect;
pub mod layout;
pub mod model;
pub mod reconstruct;
pub mod worker;
