//! The rules: pure functions of model + request + today.

pub(crate) mod cart;
pub(crate) mod decision;
pub(crate) mod metrics;
pub(crate) mod stock;
