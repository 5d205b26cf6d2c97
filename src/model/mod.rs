//! Plain data: the snapshot, requests and decisions, reason codes, problems,
//! and the traits the outside injects (time zones). Imports nothing above it.

pub mod calendar;
pub mod cart;
pub mod channel;
pub mod decision;
pub mod message;
pub mod problem;
pub mod snapshot;
pub mod stock;
pub mod value;
pub mod zone;
