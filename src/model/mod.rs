//! Plain data: the snapshot, requests and decisions, reason codes, problems,
//! and the traits the outside injects (time zones). Imports nothing above it.

pub(crate) mod calendar;
pub(crate) mod cart;
pub(crate) mod channel;
pub(crate) mod decision;
pub(crate) mod message;
pub(crate) mod metrics;
pub(crate) mod problem;
pub(crate) mod snapshot;
pub(crate) mod stock;
pub(crate) mod value;
pub(crate) mod zone;
