//! The rules: pure functions of model + request + today.

pub mod cart;
pub mod decision;
pub mod stock;
