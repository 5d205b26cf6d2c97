//! The merchant's health metrics (docs/metrics.md): an order history in,
//! rates with their alarm lines out. Plain data; `read::history` reads it,
//! `rules::metrics` computes it.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::model::channel::Channel;
use crate::model::decision::Policy;
use crate::model::problem::Diagnostic;

/// One order line as the shop recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub sku: String,
    /// The product the SKU is a variant of (the SKU itself when not given).
    pub product_id: String,
    pub quantity: u64,
    pub channel: Channel,
    /// The store-local day it was placed.
    pub placed: NaiveDate,
    /// The policy it was sold under: in stock, backorder or pre-order.
    pub sold_as: Policy,
    /// The ship date promised at checkout (backorders and pre-orders).
    pub promised: Option<NaiveDate>,
    pub shipped: Option<NaiveDate>,
    pub cancelled: Option<NaiveDate>,
}

impl OrderLine {
    /// Cancelled before it shipped (a cancellation after shipping is a return).
    pub fn cancelled_unshipped(&self) -> bool {
        match (self.cancelled, self.shipped) {
            (Some(cancelled), Some(shipped)) => cancelled < shipped,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }
}

/// A SKU's stock on one day, and what its page showed.
#[derive(Debug, Clone, PartialEq)]
pub struct StockDay {
    pub sku: String,
    pub date: NaiveDate,
    pub on_hand: i64,
    /// Product-page visits that day (for backorder conversion).
    pub visits: Option<u64>,
    /// The policy the page showed that day.
    pub showing: Option<Policy>,
}

/// A purchase order received: one lead time.
#[derive(Debug, Clone, PartialEq)]
pub struct Receipt {
    pub sku: String,
    pub ordered: NaiveDate,
    pub received: NaiveDate,
}

/// An exact rate: `numerator / denominator`, shown as a percentage with
/// one decimal (rounded half up), compared without floating point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub numerator: u128,
    pub denominator: u128,
}

impl Rate {
    /// `None` when there is nothing to divide by (no data).
    pub fn of(numerator: u128, denominator: u128) -> Option<Rate> {
        (denominator > 0).then_some(Rate { numerator, denominator })
    }

    /// A threshold in percent, e.g. `Rate::percent(5)`.
    pub const fn percent(p: u128) -> Rate {
        Rate { numerator: p, denominator: 100 }
    }

    /// The percentage in tenths, rounded half up: 1/3 → 333 (33.3 %).
    pub fn tenths_of_percent(self) -> u128 {
        (self.numerator * 2000 + self.denominator) / (2 * self.denominator)
    }

    /// "33.3" for 1/3.
    pub fn percent_text(self) -> String {
        let tenths = self.tenths_of_percent();
        format!("{}.{}", tenths / 10, tenths % 10)
    }

    /// Exact comparison (cross-multiplied; the counts stay far below 2^64).
    pub fn below(self, other: Rate) -> bool {
        self.numerator * other.denominator < other.numerator * self.denominator
    }

    pub fn above(self, other: Rate) -> bool {
        other.below(self)
    }
}

impl Serialize for Rate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut r = s.serialize_struct("Rate", 3)?;
        // Whole counts, far below 2^53: plain JSON numbers.
        r.serialize_field("numerator", &(self.numerator as u64))?;
        r.serialize_field("denominator", &(self.denominator as u64))?;
        r.serialize_field("percent", &self.percent_text())?;
        r.end()
    }
}

/// Where a metric stands against its alarm line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Alarm {
    Ok,
    Warn,
    /// Nothing to measure in the period (no such orders, no visits).
    NoData,
    /// The metric has no alarm line (fill rate, revenue capture).
    None,
}

/// One metric: its exact value and its alarm state.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Metric {
    pub value: Option<Rate>,
    pub alarm: Alarm,
}

/// Alarm lines, from the seeds; each can be set per store.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Thresholds {
    /// Warn at or above (healthy below 5 %).
    pub backorder_rate: Rate,
    /// Warn below (5 %).
    pub backorder_conversion: Rate,
    /// Warn above (15 %).
    pub backorder_cancellation: Rate,
    /// Warn above (15 %).
    pub preorder_cancellation: Rate,
    /// Warn below (90 %).
    pub preorder_on_time: Rate,
    /// Units always kept in safety stock on top of the variability term.
    pub base_stock: u64,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            backorder_rate: Rate::percent(5),
            backorder_conversion: Rate::percent(5),
            backorder_cancellation: Rate::percent(15),
            preorder_cancellation: Rate::percent(15),
            preorder_on_time: Rate::percent(90),
            base_stock: 0,
        }
    }
}

/// Order counts behind the rates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub in_stock: u64,
    pub backorder: u64,
    pub preorder: u64,
    /// Cancelled before shipping, any policy.
    pub cancelled: u64,
}

/// Every metric for one SKU, product or the store.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metrics {
    pub orders: Counts,
    /// Backorders ÷ orders sold in stock or on backorder.
    pub backorder_rate: Metric,
    /// Orders filled from stock (sold in stock, not cancelled before
    /// shipping) ÷ orders sold in stock or on backorder.
    pub fill_rate: Metric,
    /// Backorders ÷ product-page visits on days the page offered a backorder.
    pub backorder_conversion: Metric,
    /// Backorders cancelled before shipping ÷ backorders.
    pub backorder_cancellation: Metric,
    /// Pre-orders cancelled before shipping ÷ pre-orders.
    pub preorder_cancellation: Metric,
    /// Pre-orders shipped on or before the promised date ÷ pre-orders due.
    pub preorder_on_time: Metric,
    /// Units ordered on backorder or pre-order while out of stock ÷ the
    /// units the pre-stock-out velocity predicts for those days.
    pub revenue_capture: Metric,
}

/// A SKU's metrics and its replenishment figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SkuHealth {
    pub sku: String,
    pub product_id: String,
    #[serde(flatten)]
    pub metrics: Metrics,
    /// Units ordered per day over the period, two decimals.
    pub average_daily_demand: String,
    /// Standard deviation of the daily units, two decimals.
    pub demand_variability: String,
    /// Mean days from purchase order to receipt; `None` without receipts.
    pub lead_time_days: Option<String>,
    /// Base stock + variability × lead time, rounded up; `None` without receipts.
    pub safety_stock: Option<u64>,
    /// Average daily demand × lead time + safety stock, rounded up.
    pub reorder_point: Option<u64>,
}

/// A product's metrics, over its SKUs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductHealth {
    pub product_id: String,
    #[serde(flatten)]
    pub metrics: Metrics,
}

/// The store's rates in one week (Monday), for the report's plots.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Week {
    pub week: NaiveDate,
    pub backorder_rate: Metric,
    pub backorder_cancellation: Metric,
    pub preorder_cancellation: Metric,
}

/// The health report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub thresholds: Thresholds,
    pub store: Metrics,
    pub products: Vec<ProductHealth>,
    pub skus: Vec<SkuHealth>,
    pub weeks: Vec<Week>,
    /// Rows that could not be read (left out of every figure), with paths.
    pub diagnostics: Vec<Diagnostic>,
}

/// An order history read from JSON: what the metrics are computed from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub thresholds: Thresholds,
    pub orders: Vec<OrderLine>,
    pub days: Vec<StockDay>,
    pub receipts: Vec<Receipt>,
    pub diagnostics: Vec<Diagnostic>,
}
