//! A cart as the shopper filled it, and its plan.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::channel::Channel;
use crate::model::decision::Decision;
use crate::model::message::Currency;

/// One line of the cart as the shopper filled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub sku: String,
    pub quantity: u64,
    /// Price of one unit in minor units.
    pub unit_price: u64,
}

/// What to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cart {
    pub lines: Vec<Line>,
    pub channel: Channel,
    pub now: DateTime<Utc>,
    /// One shipment on the latest date instead of shipping what is ready.
    pub hold_together: bool,
    /// Units of each SKU this customer already bought, counted against
    /// `limits.maxPerCustomer` as `Request::purchased` is for one decision.
    pub purchased: HashMap<String, u64>,
    /// The currency of every amount (`None`: no `charges` sentence).
    pub currency: Option<Currency>,
}

/// The plan for a cart.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The cart's currency: every amount is in its minor units.
    pub currency: Option<Currency>,
    /// In date order.
    pub shipments: Vec<Shipment>,
    /// One per cart line, in cart order.
    pub lines: Vec<PlannedLine>,
    /// Sum of the accepted lines.
    pub total: u64,
    /// Charged at checkout: in-stock units and pre-order deposits.
    pub charged_now: u64,
    /// Authorized at checkout, captured at shipment: `sum(captures)`.
    pub authorized_now: u64,
    /// When the authorized amount is captured, by ship date.
    pub captures: Vec<Capture>,
    /// "2 items ship today; 1 ships by Thursday, December 3".
    pub summary: String,
    /// When what is charged: "$84.80 today, $70.00 when it ships on …"
    /// (empty without a currency, or with nothing accepted).
    pub charges: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shipment {
    #[serde(serialize_with = "crate::model::calendar::serialize_date")]
    pub date: NaiveDate,
    pub lines: Vec<ShipmentLine>,
    /// Captured when this shipment leaves.
    pub capture: u64,
    /// When it ships, in the words the product page uses for its lines:
    /// "Ships by Wednesday, December 2", or "Expected to ship the week of
    /// January 10" for pre-orders.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShipmentLine {
    /// Position of the cart line.
    pub line: usize,
    pub sku: String,
    pub quantity: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Capture {
    #[serde(serialize_with = "crate::model::calendar::serialize_date")]
    pub date: NaiveDate,
    pub amount: u64,
}

/// A cart line's part that ships on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    pub quantity: u64,
    #[serde(serialize_with = "crate::model::calendar::serialize_date")]
    pub ship_date: NaiveDate,
    /// Captured at that shipment.
    pub capture: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedLine {
    pub sku: String,
    pub quantity: u64,
    pub unit_price: u64,
    pub accepted: bool,
    /// For a refused line: how many more of this SKU the cart could take.
    pub can_have: u64,
    /// Why: the line's text from its decision ("Only 3 can be ordered – …").
    pub message: String,
    /// The SKU's decision for the cart's quantity of it (for a refused line:
    /// for the quantity that was refused).
    pub decision: Decision,
    /// Free cancellation until it ships (backorder and pre-order lines).
    pub cancellable: bool,
    /// The line total (0 when refused).
    pub amount: u64,
    pub deposit: u64,
    pub charged_now: u64,
    pub parts: Vec<Part>,
}
