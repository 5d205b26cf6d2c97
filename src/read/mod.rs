//! JSON text to model: the JSON reader, the streaming visitor, every field
//! reader and the load-time diagnostics.

pub mod channel;
pub mod json;
pub mod messages;
pub mod snapshot;
pub mod stock;
