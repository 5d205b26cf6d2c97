//! Order history JSON → [`History`] (docs/metrics.md). A row that cannot be
//! read is left out of every figure and listed as a diagnostic with its
//! path; only a document that is not an order history at all is refused.

use chrono::NaiveDate;

use crate::model::calendar::{parse_date, parse_timestamp};
use crate::model::channel::Channel;
use crate::model::decision::Policy;
use crate::model::metrics::{History, OrderLine, Rate, Receipt, StockDay, Thresholds};
use crate::model::problem::{Diagnostic, HistoryError, Problem};
use crate::read::json::{as_safe_integer, as_str, Fields, Json};
use crate::read::parser::parse_json;

impl History {
    /// Reads order history JSON text: `{ from?, to?, thresholds?, orders,
    /// days?, receipts? }`.
    ///
    /// ```
    /// # use storefront_availability::History;
    /// let history = History::from_json(r#"{"orders":[{"sku":"MUG","quantity":1,"placedAt":"2026-11-02T10:00:00Z","soldAs":"in_stock"},
    ///   {"sku":"MUG","quantity":"two","placedAt":"2026-11-03","soldAs":"in_stock"}]}"#).unwrap();
    /// assert_eq!(history.orders.len(), 1);
    /// assert_eq!(history.diagnostics[0].path, "orders[1].quantity");
    /// ```
    pub fn from_json(text: &str) -> Result<History, HistoryError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let document = parse_json(text).map_err(|e| HistoryError {
            problems: vec![Problem { path: String::new(), message: format!("not valid JSON: {e}") }],
        })?;
        let mut problems = Vec::new();
        let mut history = History::default();
        let Some(mut top) = Fields::new(&document, String::new(), &mut problems) else {
            return Err(HistoryError { problems });
        };
        history.from = top.read("from", "a date \"YYYY-MM-DD\"", date);
        history.to = top.read("to", "a date \"YYYY-MM-DD\"", date);
        if let Some(thresholds) = top.object("thresholds", read_thresholds) {
            history.thresholds = thresholds;
        }
        let orders = rows(&mut top, "orders", true);
        let days = rows(&mut top, "days", false);
        let receipts = rows(&mut top, "receipts", false);
        if let (Some(from), Some(to)) = (history.from, history.to) {
            if to < from {
                top.problem("to", format!("the period ends ({to}) before it starts ({from})"));
            }
        }
        if !problems.is_empty() {
            return Err(HistoryError { problems });
        }
        let diagnostics = &mut history.diagnostics;
        history.orders = read_rows(orders, "orders", diagnostics, read_order);
        history.days = read_rows(days, "days", diagnostics, read_day);
        history.receipts = read_rows(receipts, "receipts", diagnostics, read_receipt);
        Ok(history)
    }
}

/// The array at `key` (required or optional); a non-array is a document problem.
fn rows<'a>(top: &mut Fields<'a, '_>, key: &str, required: bool) -> &'a [Json] {
    match top.value(key) {
        Some(Json::Array(rows)) => rows,
        None if !required => &[],
        found => {
            let found = found.map(Json::describe).unwrap_or_else(|| "nothing".into());
            top.problem(key, format!("expected an array of rows, got {found}"));
            &[]
        }
    }
}

/// Each row read on its own: a bad one becomes an `invalid_row` diagnostic.
fn read_rows<T>(
    rows: &[Json],
    key: &str,
    diagnostics: &mut Vec<Diagnostic>,
    read: impl Fn(&mut Fields) -> Option<T>,
) -> Vec<T> {
    let mut read_ok = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let mut problems: Vec<Problem> = Vec::new();
        let value = Fields::new(row, format!("{key}[{i}]"), &mut problems).and_then(|mut fields| read(&mut fields));
        match value {
            Some(value) if problems.is_empty() => read_ok.push(value),
            _ => {
                let sku = row.get("sku").and_then(as_str).map(str::to_owned);
                diagnostics.extend(problems.into_iter().map(|p| Diagnostic {
                    code: "invalid_row",
                    sku: sku.clone(),
                    path: p.path,
                    message: format!("{}; the row is left out of every figure", p.message),
                }));
            }
        }
    }
    read_ok
}

fn date(v: &Json) -> Option<NaiveDate> {
    as_str(v).and_then(parse_date)
}

/// A day from "YYYY-MM-DD" or the date part of an RFC 3339 time (UTC).
fn day(v: &Json) -> Option<NaiveDate> {
    let text = as_str(v)?;
    parse_date(text).or_else(|| parse_timestamp(text).map(|t| t.date_naive()))
}

const DAY: &str = "a date \"YYYY-MM-DD\" or an RFC 3339 time";

fn count(v: &Json) -> Option<u64> {
    as_safe_integer(v).and_then(|n| u64::try_from(n).ok())
}

fn policy(v: &Json) -> Option<Policy> {
    match as_str(v)? {
        "in_stock" => Some(Policy::InStock),
        "backorder" => Some(Policy::Backorder),
        "preorder" => Some(Policy::Preorder),
        "out_of_stock" => Some(Policy::OutOfStock),
        _ => None,
    }
}

fn read_order(f: &mut Fields) -> Option<OrderLine> {
    let sku = f.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
    let product_id = f.string("productId");
    let quantity = f.require("quantity", "a whole number ≥ 1", |v| count(v).filter(|n| *n >= 1));
    let channel = match f.value("channel") {
        None => Some(Channel::Dtc),
        Some(_) => f.read("channel", "one of the channels (dtc, amazon, ebay, walmart, tiktok_shop)", |v| {
            as_str(v).and_then(Channel::parse)
        }),
    };
    let placed = f.require("placedAt", DAY, day);
    let sold_as = f.require("soldAs", "\"in_stock\", \"backorder\" or \"preorder\"", |v| {
        policy(v).filter(|p| *p != Policy::OutOfStock)
    });
    let promised = f.read("promisedShipDate", DAY, day);
    let shipped = f.read("shippedAt", DAY, day);
    let cancelled = f.read("cancelledAt", DAY, day);
    if matches!(sold_as, Some(Policy::Backorder | Policy::Preorder))
        && promised.is_none()
        && f.value("promisedShipDate").is_none()
    {
        f.problem("promisedShipDate", "missing; a backorder or pre-order is sold with a promised ship date".into());
    }
    let sku = sku?;
    Some(OrderLine {
        product_id: product_id.unwrap_or_else(|| sku.clone()),
        sku,
        quantity: quantity?,
        channel: channel?,
        placed: placed?,
        sold_as: sold_as?,
        promised,
        shipped,
        cancelled,
    })
}

fn read_day(f: &mut Fields) -> Option<StockDay> {
    let sku = f.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
    let date = f.require("date", "a date \"YYYY-MM-DD\"", date);
    let on_hand = f.require("onHand", "an integer", as_safe_integer);
    let visits = f.read("visits", "a whole number ≥ 0", count);
    let showing = f.read("showing", "\"in_stock\", \"backorder\", \"preorder\" or \"out_of_stock\"", policy);
    Some(StockDay { sku: sku?, date: date?, on_hand: on_hand?, visits, showing })
}

fn read_receipt(f: &mut Fields) -> Option<Receipt> {
    let sku = f.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
    let ordered = f.require("orderedOn", "a date \"YYYY-MM-DD\"", date);
    let received = f.require("receivedOn", "a date \"YYYY-MM-DD\"", date);
    if let (Some(o), Some(r)) = (ordered, received) {
        if r < o {
            f.problem("receivedOn", format!("received {r} before it was ordered {o}"));
            return None;
        }
    }
    Some(Receipt { sku: sku?, ordered: ordered?, received: received? })
}

/// Percent lines as numbers from 0 to 100 (one decimal at most).
fn read_thresholds(f: &mut Fields) -> Thresholds {
    let defaults = Thresholds::default();
    let mut percent = |key: &str, default: Rate| {
        f.read(key, "a percentage from 0 to 100 with at most one decimal", |v| match v {
            Json::Number(n) if (0.0..=100.0).contains(n) && (n * 10.0).fract() == 0.0 => {
                Some(Rate { numerator: (n * 10.0) as u128, denominator: 1000 })
            }
            _ => None,
        })
        .unwrap_or(default)
    };
    let backorder_rate = percent("backorderRate", defaults.backorder_rate);
    let backorder_conversion = percent("backorderConversion", defaults.backorder_conversion);
    let backorder_cancellation = percent("backorderCancellation", defaults.backorder_cancellation);
    let preorder_cancellation = percent("preorderCancellation", defaults.preorder_cancellation);
    let preorder_on_time = percent("preorderOnTime", defaults.preorder_on_time);
    let base_stock = f.read("baseStock", "a whole number ≥ 0", count).unwrap_or(defaults.base_stock);
    Thresholds {
        backorder_rate,
        backorder_conversion,
        backorder_cancellation,
        preorder_cancellation,
        preorder_on_time,
        base_stock,
    }
}
