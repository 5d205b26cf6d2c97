#![cfg(not(target_arch = "wasm32"))]
//! Property tests: the invariants of docs/rules.md §3 hold for generated snapshots,
//! times, quantities and channels (time zones, holidays, overrides and
//! corrupt items included). Expected facts are derived here from the
//! generated data, not from the library.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};
use storefront_availability::{Catalog, Channel, Decision, Policy, Reason, Request};

const ZONES: [&str; 6] =
    ["UTC", "America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "Pacific/Chatham", "Asia/Kathmandu"];
/// Cap ratios as exact fractions (numerator, denominator) and their JSON form.
const RATIOS: [(u64, u64, f64); 5] = [(0, 1, 0.0), (29, 100, 0.29), (1, 2, 0.5), (4, 5, 0.8), (1, 1, 1.0)];
const CHANNELS: [&str; 5] = ["dtc", "amazon", "ebay", "walmart", "tiktok_shop"];

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn day(offset: i64) -> String {
    (base() + Duration::days(offset)).to_string()
}

/// What the test knows about one generated case.
#[derive(Debug, Clone)]
struct Case {
    snapshot: Value,
    now: DateTime<Utc>,
    channel: &'static str,
    quantity: u64,
    ratio: (u64, u64),
    /// Units the customer already bought (for `maxPerCustomer`).
    purchased: u64,
}

fn opt<T: std::fmt::Debug + Clone + 'static>(s: impl Strategy<Value = T> + 'static) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 2 => s.prop_map(Some)].boxed()
}

fn item(i: usize) -> impl Strategy<Value = Value> {
    let restock = opt((-5i64..25, any::<bool>(), opt(0u64..20), 0u64..20))
        .prop_map(|r| r.map(|(d, confirmed, quantity, backordered)| json!({ "date": day(d), "confirmed": confirmed, "quantity": quantity, "backordered": backordered })));
    let preorder = opt((
        opt(0u64..500),
        0u64..450,
        opt(0u64..60),
        opt(-3i64..40),
        opt(-3i64..40),
        opt(-3i64..40),
        opt(-48i64..48),
        opt(-48i64..500),
    ))
    .prop_map(|p| {
        p.map(|(planned, sold, limit, ship, production, release, start_h, end_h)| {
            let stamp = |h: Option<i64>| {
                h.map(|h| (base().and_hms_opt(0, 0, 0).unwrap().and_utc() + Duration::hours(h)).to_rfc3339())
            };
            json!({ "plannedProduction": planned, "sold": sold, "limit": limit, "shipDate": ship.map(day),
                        "productionDate": production.map(day), "releaseDate": release.map(day),
                        "startsAt": stamp(start_h), "endsAt": stamp(end_h) })
        })
    });
    (
        prop::sample::select(vec!["active", "active", "discontinued", "unreleased"]),
        -3i64..12,
        0u64..4,
        opt(0u64..6),
        restock,
        opt(any::<bool>()),
        opt(0u32..21),
        preorder,
        0u8..20,
        (0u8..4, (-3i64..8, 0u64..3, -2i64..8), prop::collection::vec((0..i.max(1), 1u64..4), 1..3)),
        (opt(0u64..3), opt((opt(1u64..4), opt(1u64..8), opt(1u64..8))), opt((0usize..5, 0u64..30, 0u64..30))),
    )
        .prop_map(move |(lifecycle, on_hand, reserved, low, restock, enabled, wait, mut preorder, corrupt, (source, (a, ra, b), parts), (threshold, limits, channel_cap))| {
            if let (Some(p), Some((channel, limit, sold))) = (preorder.as_mut(), channel_cap) {
                p["channels"] = json!({ CHANNELS[channel]: { "limit": limit, "sold": sold } });
            }
            let mut item = json!({ "sku": format!("S{i}"), "lifecycle": lifecycle, "onHand": on_hand, "reserved": reserved,
                "lowStockThreshold": low, "restock": restock, "backorder": { "enabled": enabled, "maxWaitDays": wait }, "preorder": preorder,
                "outOfStockThreshold": threshold });
            match source {
                2 => item["locations"] = json!({ "a": { "onHand": a, "reserved": ra }, "b": { "onHand": b } }),
                3 if i > 0 => item["components"] = parts.iter().map(|(j, q)| json!({ "sku": format!("S{j}"), "quantity": q })).collect(),
                _ => {}
            }
            if source >= 2 && (source == 2 || i > 0) {
                item.as_object_mut().unwrap().remove("onHand");
            }
            if let Some((min, max, customer)) = limits {
                item["limits"] = json!({ "minPerOrder": min, "maxPerOrder": max, "maxPerCustomer": customer });
            }
            match corrupt {
                0 => item["onHand"] = json!(1.5),
                1 => item["sku"] = json!("S0"),
                _ => {}
            }
            item
        })
}

fn case() -> impl Strategy<Value = Case> {
    let store = (
        prop::sample::select(ZONES.to_vec()),
        prop::sample::subsequence(vec!["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 1..=7),
        prop::collection::vec(-2i64..30, 0..4),
        (0u32..24, 0u32..60),
        (0u32..3, any::<bool>(), 0u32..21, 0u32..3),
        (0usize..RATIOS.len(), 0u32..14),
        (opt(0i64..3), prop::collection::vec(-2i64..40, 0..3), opt(0u64..3), opt((0usize..5, any::<bool>()))),
        (
            any::<bool>(),
            prop_oneof![Just(json!(null)), Just(json!(30)), (0u32..40).prop_map(|d| json!(d))],
            any::<bool>(),
        ),
    );
    let items = (1usize..7).prop_flat_map(|n| (0..n).map(item).collect::<Vec<_>>());
    (store, items, 0i64..(40 * 24 * 60), 0i64..60, 0usize..5, 1u64..12, 0u64..4)
        .prop_map(|(store, items, minutes, age_h, channel, quantity, purchased)| {
            let (zone, business_days, holidays, (h, m), (handling, enabled, wait, receiving), (ratio, buffer), (low, deadlines, threshold, locations), (brand, ebay_days, ebay_set)) = store;
            let now = base().and_hms_opt(0, 0, 0).unwrap().and_utc() + Duration::minutes(minutes);
            let (num, den, ratio_json) = RATIOS[ratio];
            let mut channels = json!({ "amazon": { "brandRegistry": brand } });
            if ebay_set {
                channels["ebay"] = json!({ "maxShipDays": ebay_days });
            }
            let snapshot = json!({
                "version": 1, "generatedAt": (now - Duration::hours(age_h)).to_rfc3339(), "timeZone": zone,
                "cutoffTime": format!("{h:02}:{m:02}"), "businessDays": business_days,
                "holidays": holidays.into_iter().map(day).collect::<Vec<_>>(), "handlingDays": handling,
                "backorder": { "enabled": enabled, "maxWaitDays": wait, "receivingDays": receiving },
                "preorder": { "capRatio": ratio_json, "bufferDays": buffer },
                "lowStockThreshold": low, "channels": channels,
                "deadlines": deadlines.into_iter().enumerate().map(|(i, d)| json!({ "name": format!("D{i}"), "shipBy": day(d) })).collect::<Vec<_>>(),
                "items": items, "outOfStockThreshold": threshold,
                "locations": locations.map(|(serves, active)| json!({ "a": { "channels": [CHANNELS[serves]] }, "b": { "active": active } })),
            });
            Case { snapshot, now, channel: CHANNELS[channel], quantity, ratio: (num, den), purchased }
        })
}

fn today(case: &Case) -> NaiveDate {
    let tz: chrono_tz::Tz = case.snapshot["timeZone"].as_str().unwrap().parse().unwrap();
    case.now.with_timezone(&tz).date_naive()
}

fn int(v: &Value) -> Option<u64> {
    v.as_u64()
}

fn date_of(v: &Value) -> Option<NaiveDate> {
    v.as_str().and_then(|s| s.parse().ok())
}

/// Checks every invariant for one decision; returns its reason.
fn check(case: &Case, item: &Value, d: &Decision) -> Result<(), TestCaseError> {
    let s = &case.snapshot;
    let today = today(case);
    let q = case.quantity;
    // notify-me only on out-of-stock; out-of-stock promises nothing.
    if d.notify_me {
        prop_assert_eq!(d.policy, Policy::OutOfStock);
    }
    prop_assert_eq!(
        d.can_purchase,
        d.policy != Policy::OutOfStock && d.min_quantity <= q && q <= d.max_quantity,
        "canPurchase rule: {:?}",
        d
    );
    // Order limits bind whatever the stock.
    if let Some(max) = order_limit(item, case.purchased) {
        prop_assert!(d.max_quantity <= max, "maxQuantity {} over the order limit {}", d.max_quantity, max);
    }
    if d.policy == Policy::OutOfStock {
        prop_assert!(d.max_quantity == 0 && d.ship_date.is_none() && d.payment.is_none() && !d.cancellable);
        prop_assert!(d.remaining_preorders.is_none() && d.queue_position.is_none() && d.split.is_none());
    } else {
        prop_assert!(d.ship_date.is_some());
    }
    // Never a ship date before today.
    if let Some(ship) = d.ship_date {
        prop_assert!(ship >= today, "ship {} before today {}", ship, today);
    }
    let stale = (case.now
        - DateTime::parse_from_rfc3339(s["generatedAt"].as_str().unwrap()).unwrap().with_timezone(&Utc))
        > Duration::hours(24);
    let dated = matches!(d.policy, Policy::Backorder | Policy::Preorder);
    if stale {
        prop_assert!(!dated, "dated promise on stale data: {:?}", d);
    }
    // Channels that forbid a promise never get it.
    let ebay_limit = s["channels"]["ebay"].get("maxShipDays").map_or(Some(30), |v| v.as_i64());
    let brand = s["channels"]["amazon"]["brandRegistry"].as_bool() == Some(true);
    if d.policy == Policy::Backorder {
        prop_assert!(matches!(case.channel, "dtc" | "ebay"), "backorder on {}", case.channel);
        let r = &item["restock"];
        prop_assert_eq!(r["confirmed"].as_bool(), Some(true));
        prop_assert!(int(&r["quantity"]).is_some());
        let date = date_of(&r["date"]).unwrap();
        let wait = int(&item["backorder"]["maxWaitDays"]).or(int(&s["backorder"]["maxWaitDays"])).unwrap();
        prop_assert!(
            date >= today && (date - today).num_days() <= wait as i64,
            "restock {} outside wait {} from {}",
            date,
            wait,
            today
        );
        // Queue first: the restock owes the waiting backorders the units on hand do not cover.
        let owed = int(&r["backordered"]).unwrap().saturating_sub(available(case, item));
        prop_assert!(int(&r["quantity"]).unwrap() > owed);
        if let Some(split) = d.split {
            prop_assert_eq!(split.now + split.later, q);
        }
    }
    if d.policy == Policy::Preorder {
        prop_assert!(
            case.channel == "dtc" || case.channel == "ebay" || (case.channel == "amazon" && brand),
            "preorder on {}",
            case.channel
        );
        let p = &item["preorder"];
        let (num, den) = case.ratio;
        let cap = int(&p["limit"]).or(int(&p["plannedProduction"]).map(|n| n * num / den)).unwrap();
        let sold = int(&p["sold"]).unwrap();
        let channel_cap = &p["channels"][case.channel];
        let channel_remaining = int(&channel_cap["limit"])
            .map_or(u64::MAX, |limit| limit.saturating_sub(int(&channel_cap["sold"]).unwrap()));
        // Never more pre-orders than the cap, nor than the channel's cap: the tighter binds.
        prop_assert_eq!(d.remaining_preorders, Some(cap.saturating_sub(sold).min(channel_remaining)));
        if d.can_purchase {
            prop_assert!(sold + q <= cap, "oversold pre-order: sold {} + {} > cap {}", sold, q, cap);
            prop_assert!(q <= channel_remaining, "oversold the channel's pre-orders");
        }
    }
    if dated && case.channel == "ebay" {
        if let Some(limit) = ebay_limit {
            prop_assert!((d.ship_date.unwrap() - today).num_days() <= limit);
        }
    }
    // Never oversold from stock.
    // Queue first: waiting backorders take the units on hand before any new order.
    if matches!(d.reason, Reason::InStock | Reason::LowStock) {
        let waiting = int(&item["restock"]["backordered"]).unwrap_or(0);
        prop_assert!(q + waiting <= available(case, item), "{} oversold from stock: {:?}", item["sku"], d);
    }
    Ok(())
}

/// Units of `item` the channel may sell, from the generated data alone.
fn available(case: &Case, item: &Value) -> u64 {
    let s = &case.snapshot;
    let units: i64 = if let Some(parts) = item["components"].as_array() {
        let items = s["items"].as_array().unwrap();
        parts
            .iter()
            .map(|c| {
                let part = items.iter().find(|p| p["sku"] == c["sku"]).unwrap();
                available(case, part) as i64 / c["quantity"].as_i64().unwrap()
            })
            .min()
            .unwrap()
    } else if let Some(levels) = item["locations"].as_object() {
        let counts = |id: &str| match s["locations"].as_object() {
            None => true,
            Some(_) => {
                let l = &s["locations"][id];
                l["active"].as_bool() != Some(false)
                    && l["channels"].as_array().map_or(true, |c| c.iter().any(|c| c == case.channel))
            }
        };
        levels
            .iter()
            .filter(|(id, _)| counts(id))
            .map(|(_, l)| l["onHand"].as_i64().unwrap() - l["reserved"].as_i64().unwrap_or(0))
            .sum()
    } else {
        item["onHand"].as_i64().unwrap_or(0)
    };
    // A kit's components hold their own threshold back; the store's is not taken twice.
    let store = if item["components"].is_array() { None } else { s["outOfStockThreshold"].as_i64() };
    let threshold = item["outOfStockThreshold"].as_i64().or(store).unwrap_or(0);
    (units - item["reserved"].as_i64().unwrap() - threshold).max(0) as u64
}

/// The most one order may hold under the item's limits.
fn order_limit(item: &Value, purchased: u64) -> Option<u64> {
    let limits = &item["limits"];
    let customer = int(&limits["maxPerCustomer"]).map(|max| max.saturating_sub(purchased));
    [int(&limits["maxPerOrder"]), customer].into_iter().flatten().min()
}

fn run(case: &Case, reasons: &mut HashSet<Reason>) -> Result<(), TestCaseError> {
    let text = case.snapshot.to_string();
    let load = || Catalog::from_json(&text).map_err(|e| TestCaseError::fail(e.to_string()));
    let catalog = load()?;
    let request = Request {
        channel: Channel::parse(case.channel).unwrap(),
        quantity: case.quantity,
        now: case.now,
        purchased: case.purchased,
        price: None,
    };
    let all = catalog.decide_all(&request).unwrap();
    // The same input always gives the same output, one by one or all at once.
    prop_assert_eq!(&all, &catalog.decide_all(&request).unwrap());
    let items = case.snapshot["items"].as_array().unwrap();
    for (item, d) in items.iter().zip(&all) {
        if let Some(sku) = item["sku"].as_str() {
            prop_assert_eq!(&catalog.decide(sku, &request).unwrap(), d);
            explained(&catalog, sku, &request)?;
        }
        check(case, item, d)?;
        reasons.insert(d.reason);
    }
    // Items are read on first use: the order they are read in changes
    // nothing (a kit read before or after its components, diagnostics
    // asked first or last).
    let listed_first = load()?.diagnostics().to_vec();
    prop_assert_eq!(catalog.diagnostics(), &listed_first[..]);
    let backwards = load()?;
    for (item, d) in items.iter().zip(&all).rev() {
        if let Some(sku) = item["sku"].as_str() {
            prop_assert_eq!(&backwards.decide(sku, &request).unwrap(), d);
        }
    }
    prop_assert_eq!(backwards.diagnostics(), &listed_first[..]);
    Ok(())
}

/// `explain` gives the very decision `decide` gives, and a chain of steps
/// that ends in it and names the rule that decided.
fn explained(catalog: &Catalog, sku: &str, request: &Request) -> Result<(), TestCaseError> {
    let (decision, steps) = catalog.explain(sku, request).unwrap();
    let d = catalog.decide_without_message(sku, request).unwrap();
    prop_assert_eq!(&decision, &d);
    let last = steps.last().expect("at least the conclusion");
    prop_assert_eq!(last.rule, "decision");
    let conclusion = format!("{} ({})", d.policy.code(), d.reason.code());
    prop_assert!(last.says.starts_with(&conclusion), "{} vs {}", last.says, conclusion);
    let rules: Vec<&str> = steps.iter().map(|s| s.rule).collect();
    let needs = match d.reason {
        Reason::UnknownSku | Reason::InvalidItem => "item",
        Reason::StaleSnapshot => "stale",
        Reason::InStock | Reason::LowStock | Reason::ExceedsAvailable => "stock",
        Reason::RestockTooFar | Reason::RestockOverdue | Reason::RestockOversubscribed => "delivery",
        Reason::ExceedsOrderLimit | Reason::BelowMinimumQuantity => "limits",
        Reason::Discontinued | Reason::BackordersDisabled => "backorder",
        Reason::PreorderNotOpen | Reason::PreorderClosed | Reason::PreorderUncapped | Reason::PreorderUndated => {
            "preorder"
        }
        Reason::ChannelDisallowsPreorder => "channel",
        _ => "decision",
    };
    // An invalid item may also be one whose calendar has no business day.
    let found = rules.contains(&needs) || (d.reason == Reason::InvalidItem && rules.contains(&"calendar"));
    prop_assert!(found, "{:?}: no {} step in {:?}", d.reason, needs, steps);
    Ok(())
}

proptest! {
    #![proptest_config(Config { cases: 2000, ..Config::default() })]

    #[test]
    fn invariants_hold_for_generated_snapshots(case in case()) {
        run(&case, &mut HashSet::new())?;
    }
}

/// The generator reaches every reason code, so the invariants above are
/// exercised on every rule (fixed seed: deterministic).
#[test]
fn generated_cases_reach_every_reason_code() {
    let mut runner = TestRunner::new_with_rng(Config::default(), TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]));
    let strategy = case();
    let mut reasons = HashSet::new();
    for _ in 0..4000 {
        let case = strategy.new_tree(&mut runner).unwrap().current();
        run(&case, &mut reasons).unwrap();
    }
    let missing: Vec<_> = Reason::ALL.iter().filter(|r| !reasons.contains(r) && **r != Reason::UnknownSku).collect();
    assert!(missing.is_empty(), "never reached: {missing:?}");
}
