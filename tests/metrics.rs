#![cfg(not(target_arch = "wasm32"))]
//! The health metrics (docs/metrics.md): exact rates from generated order
//! histories, recomputed here from the generated rows, and the alarm lines
//! at their exact edges.

use proptest::prelude::*;
use serde_json::{json, Value};
use storefront_availability::{health, Alarm, History, Rate};

fn day(offset: u32) -> String {
    (chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap() + chrono::Days::new(offset.into())).to_string()
}

/// One generated order row: (sku, policy, placed, promised offset, shipped offset, cancelled offset, quantity).
type Row = (usize, usize, u32, u32, Option<u32>, Option<u32>, u64);

fn order(&(sku, policy, placed, promise, shipped, cancelled, quantity): &Row) -> Value {
    let policy = ["in_stock", "backorder", "preorder"][policy];
    let mut o = json!({ "sku": format!("SKU-{sku}"), "productId": format!("P{}", sku % 2), "quantity": quantity,
                        "placedAt": format!("{}T10:00:00Z", day(placed)), "soldAs": policy,
                        "promisedShipDate": day(placed + promise) });
    if let Some(s) = shipped {
        o["shippedAt"] = json!(day(placed + s));
    }
    if let Some(c) = cancelled {
        o["cancelledAt"] = json!(day(placed + c));
    }
    o
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (0..4usize, 0..3usize, 0..60u32, 0..20u32, prop::option::of(0..30u32), prop::option::of(0..30u32), 1..5u64),
        0..60,
    )
}

fn percent(rate: Option<Rate>) -> Option<u128> {
    rate.map(|r| r.tenths_of_percent())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn rates_are_exact_add_up_and_never_count_a_cancelled_order(rows in rows()) {
        let text = json!({ "from": day(0), "to": day(90), "orders": rows.iter().map(order).collect::<Vec<_>>() }).to_string();
        let report = health(&History::from_json(&text).unwrap());
        let s = report.store;
        // Recomputed from the rows.
        let sold_as = |p: usize| rows.iter().filter(|r| r.1 == p).count() as u128;
        let cancelled = |r: &&Row| r.5.is_some_and(|c| r.4.map_or(true, |s| c < s));
        let (in_stock, backorder, preorder) = (sold_as(0), sold_as(1), sold_as(2));
        prop_assert_eq!(s.backorder_rate.value, Rate::of(backorder, in_stock + backorder));
        let cancelled_of = |p: usize| rows.iter().filter(|r| r.1 == p).filter(cancelled).count() as u128;
        // Filled: sold in stock and never cancelled before shipping.
        prop_assert_eq!(s.fill_rate.value, Rate::of(in_stock - cancelled_of(0), in_stock + backorder));
        if let (Some(b), Some(f)) = (s.backorder_rate.value, s.fill_rate.value) {
            prop_assert_eq!(b.numerator + f.numerator + cancelled_of(0), b.denominator, "backorders + filled + cancelled in-stock orders = all");
        }
        prop_assert_eq!(s.backorder_cancellation.value, Rate::of(cancelled_of(1), backorder));
        prop_assert_eq!(s.preorder_cancellation.value, Rate::of(cancelled_of(2), preorder));
        // On time: shipped on or before the promise, never a cancelled one; due = promised by the period's end.
        let due: Vec<&Row> = rows.iter().filter(|r| r.1 == 2).filter(|r| !cancelled(r)).collect();
        let on_time = due.iter().filter(|r| r.4.is_some_and(|s| s <= r.3)).count() as u128;
        prop_assert_eq!(s.preorder_on_time.value, Rate::of(on_time, due.len() as u128));
        // Every rate a share of its whole: 0–100 %.
        for m in [s.backorder_rate, s.fill_rate, s.backorder_cancellation, s.preorder_cancellation, s.preorder_on_time] {
            prop_assert!(percent(m.value).map_or(true, |p| p <= 1000));
            prop_assert_eq!(m.value.is_none(), m.alarm == Alarm::NoData);
        }
        // The store is the sum of its products and of its SKUs.
        let total = |counts: &mut dyn Iterator<Item = storefront_availability::Counts>| {
            counts.fold([0u64; 4], |a, c| [a[0] + c.in_stock, a[1] + c.backorder, a[2] + c.preorder, a[3] + c.cancelled])
        };
        let store = [s.orders.in_stock, s.orders.backorder, s.orders.preorder, s.orders.cancelled];
        prop_assert_eq!(total(&mut report.products.iter().map(|p| p.metrics.orders)), store);
        prop_assert_eq!(total(&mut report.skus.iter().map(|k| k.metrics.orders)), store);
        prop_assert_eq!(s.orders.cancelled as u128, rows.iter().filter(cancelled).count() as u128);
    }
}

fn report(orders: Value, thresholds: Value) -> storefront_availability::Health {
    health(&History::from_json(&json!({ "orders": orders, "thresholds": thresholds }).to_string()).unwrap())
}

fn sold(in_stock: usize, backorder: usize) -> Value {
    let mut rows = vec![json!({ "sku": "A", "quantity": 1, "placedAt": "2026-11-02", "soldAs": "in_stock" }); in_stock];
    rows.extend(vec![
        json!({ "sku": "A", "quantity": 1, "placedAt": "2026-11-02", "soldAs": "backorder", "promisedShipDate": "2026-11-20" });
        backorder
    ]);
    Value::Array(rows)
}

#[test]
fn alarm_lines_are_exact_at_their_edges() {
    // Healthy below 5 %: exactly 5 % warns, 4.9 % does not.
    assert_eq!(report(sold(95, 5), json!({})).store.backorder_rate.alarm, Alarm::Warn);
    assert_eq!(report(sold(951, 49), json!({})).store.backorder_rate.alarm, Alarm::Ok);
    assert_eq!(report(sold(951, 49), json!({})).store.backorder_rate.value.unwrap().percent_text(), "4.9");
    // A store's own line.
    assert_eq!(report(sold(951, 49), json!({ "backorderRate": 4.5 })).store.backorder_rate.alarm, Alarm::Warn);
    // Cancellation: above 15 % warns, exactly 15 % does not.
    let cancelled = |n: usize, of: usize| {
        let mut rows = Vec::new();
        for i in 0..of {
            let mut o = json!({ "sku": "A", "quantity": 1, "placedAt": "2026-11-02", "soldAs": "backorder", "promisedShipDate": "2026-11-20" });
            if i < n {
                o["cancelledAt"] = json!("2026-11-05");
            }
            rows.push(o);
        }
        report(Value::Array(rows), json!({})).store.backorder_cancellation
    };
    assert_eq!(cancelled(15, 100).alarm, Alarm::Ok);
    assert_eq!(cancelled(16, 100).alarm, Alarm::Warn);
    // One third is shown rounded, compared exactly.
    assert_eq!(cancelled(1, 3).value.unwrap().percent_text(), "33.3");
}

#[test]
fn a_bad_row_is_left_out_and_named_the_others_still_count() {
    let history = History::from_json(
        &json!({ "orders": [
            { "sku": "A", "quantity": 1, "placedAt": "2026-11-02", "soldAs": "in_stock" },
            { "sku": "A", "quantity": 0, "placedAt": "2026-11-02", "soldAs": "in_stock" },
            { "sku": "B", "quantity": 1, "placedAt": "2026-11-02", "soldAs": "backorder" },
            { "sku": "C", "quantity": 1, "placedAt": "yesterday", "soldAs": "sold" },
        ] })
        .to_string(),
    )
    .unwrap();
    let report = health(&history);
    assert_eq!(report.store.orders.in_stock, 1);
    let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["orders[1].quantity", "orders[2].promisedShipDate", "orders[3].placedAt", "orders[3].soldAs"]);
    assert!(report.diagnostics.iter().all(|d| d.code == "invalid_row" && d.message.contains("left out")));
    let refused = History::from_json(r#"{"orders": {}}"#).unwrap_err();
    assert_eq!(refused.problems[0].path, "orders");
    assert!(History::from_json("[]").is_err());
}

#[test]
fn revenue_capture_measures_stock_out_sales_against_the_velocity_before() {
    // 28 units in the 28 days before the stock-out: 1 a day. Out of stock
    // for 10 days, 4 units taken on backorder: 40 % captured.
    let mut orders: Vec<Value> =
        (0..28).map(|i| json!({ "sku": "A", "quantity": 1, "placedAt": day(i), "soldAs": "in_stock" })).collect();
    for i in [28, 30, 33, 37] {
        orders.push(json!({ "sku": "A", "quantity": 1, "placedAt": day(i), "soldAs": "backorder", "promisedShipDate": day(60) }));
    }
    let days: Vec<Value> = (0..45)
        .map(|i| json!({ "sku": "A", "date": day(i), "onHand": if (28..38).contains(&i) { 0 } else { 5 } }))
        .collect();
    let report = health(&History::from_json(&json!({ "orders": orders, "days": days }).to_string()).unwrap());
    assert_eq!(report.store.revenue_capture.value.unwrap().percent_text(), "40.0");
    assert_eq!(report.store.revenue_capture.alarm, Alarm::None);
}

#[test]
fn safety_stock_and_reorder_point_follow_the_seeds_formula() {
    // 2 units every day for 10 days (no variability), lead time 5 days, base stock 3:
    // safety = 3 + 0 × 5 = 3; reorder point = 2 × 5 + 3 = 13.
    let orders: Vec<Value> =
        (0..10).map(|i| json!({ "sku": "A", "quantity": 2, "placedAt": day(i), "soldAs": "in_stock" })).collect();
    let receipts = [
        json!({ "sku": "A", "orderedOn": day(0), "receivedOn": day(4) }),
        json!({ "sku": "A", "orderedOn": day(10), "receivedOn": day(16) }),
    ];
    let text = json!({ "orders": orders, "receipts": receipts, "thresholds": { "baseStock": 3 } }).to_string();
    let sku = &health(&History::from_json(&text).unwrap()).skus[0];
    assert_eq!((sku.average_daily_demand.as_str(), sku.demand_variability.as_str()), ("2.00", "0.00"));
    assert_eq!(sku.lead_time_days.as_deref(), Some("5.0"));
    assert_eq!((sku.safety_stock, sku.reorder_point), (Some(3), Some(13)));
    // Variable demand raises it: 4 units every other day has σ = 2 → 3 + 2 × 5 = 13.
    let orders: Vec<Value> = (0..10)
        .step_by(2)
        .map(|i| json!({ "sku": "A", "quantity": 4, "placedAt": day(i), "soldAs": "in_stock" }))
        .collect();
    let text = json!({ "from": day(0), "to": day(9), "orders": orders, "receipts": receipts, "thresholds": { "baseStock": 3 } }).to_string();
    let sku = &health(&History::from_json(&text).unwrap()).skus[0];
    assert_eq!((sku.safety_stock, sku.reorder_point), (Some(13), Some(23)));
}

#[test]
fn backorder_conversion_counts_visits_on_days_the_page_offered_a_backorder() {
    let days = [
        json!({ "sku": "A", "date": "2026-11-02", "onHand": 0, "visits": 60, "showing": "backorder" }),
        json!({ "sku": "A", "date": "2026-11-03", "onHand": 0, "visits": 40, "showing": "backorder" }),
        json!({ "sku": "A", "date": "2026-11-04", "onHand": 5, "visits": 500, "showing": "in_stock" }),
        json!({ "sku": "B", "date": "2026-11-02", "onHand": 0, "visits": 30, "showing": "backorder" }),
    ];
    let backorder = |date: &str| json!({ "sku": "A", "quantity": 1, "placedAt": date, "soldAs": "backorder", "promisedShipDate": "2026-11-30" });
    let orders = [backorder("2026-11-02"), backorder("2026-11-02"), backorder("2026-11-03"), backorder("2026-11-03")];
    let report = health(&History::from_json(&json!({ "orders": orders, "days": days }).to_string()).unwrap());
    let a = report.skus.iter().find(|s| s.sku == "A").unwrap();
    assert_eq!(a.metrics.backorder_conversion.value, Rate::of(4, 100));
    assert_eq!(a.metrics.backorder_conversion.alarm, Alarm::Warn, "4 % is below the 5 % line");
    // Offered and visited, never ordered: listed at 0 %.
    let b = report.skus.iter().find(|s| s.sku == "B").unwrap();
    assert_eq!(b.metrics.backorder_conversion.value.unwrap().percent_text(), "0.0");
    assert_eq!(report.store.backorder_conversion.value, Rate::of(4, 130));
}
