//! JSON text to model: the JSON parser and value tree, every field reader
//! and the load-time diagnostics.

pub(crate) mod channel;
pub(crate) mod history;
pub(crate) mod json;
pub(crate) mod messages;
pub(crate) mod options;
pub(crate) mod parser;
pub(crate) mod patch;
pub(crate) mod snapshot;
pub(crate) mod stock;
