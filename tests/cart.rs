#![cfg(not(target_arch = "wasm32"))]
//! The cart planner: mixed carts, per-SKU quantities, payment timing,
//! deposits, and property tests of the plan's invariants.

mod common;

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use common::*;
use proptest::prelude::*;
use serde_json::json;
use storefront_availability::English;
use storefront_availability::{Cart, Line, Plan};
use storefront_availability::{Catalog, Channel, Policy, Reason};

fn line(sku: &str, quantity: u64, unit_price: u64) -> Line {
    Line { sku: sku.into(), quantity, unit_price }
}

fn plan(c: &Catalog, lines: Vec<Line>, channel: Channel, hold_together: bool) -> Plan {
    let cart = Cart {
        lines,
        channel,
        now: NOW.parse().unwrap(),
        hold_together,
        purchased: Default::default(),
        currency: None,
    };
    c.plan_cart(&cart, &English).unwrap()
}

fn shop() -> Catalog {
    catalog(
        json!({}),
        json!([
            { "sku": "MUG", "onHand": 5 },
            // 4 backorders wait: the 6 on hand serve them first, 2 are left for new orders.
            { "sku": "TEE", "onHand": 6, "restock": restock("2026-12-01", 6, 4) },
            { "sku": "AUR", "lifecycle": "unreleased",
              "preorder": { "limit": 100, "shipDate": "2026-12-10", "deposit": { "type": "percentage", "value": 12.5 } } },
            { "sku": "LAMP", "lifecycle": "unreleased",
              "preorder": { "limit": 100, "shipDate": "2026-12-10", "deposit": { "type": "price", "value": 5000 } } },
        ]),
    )
}

#[test]
fn a_mixed_cart_ships_stock_now_and_the_rest_on_its_dates() {
    let p = plan(&shop(), vec![line("MUG", 2, 1200), line("TEE", 5, 2500), line("AUR", 1, 19999)], Channel::Dtc, false);
    let shipments: Vec<_> = p
        .shipments
        .iter()
        .map(|s| (s.date, s.lines.iter().map(|l| (l.sku.as_str(), l.quantity)).collect::<Vec<_>>(), s.capture))
        .collect();
    assert_eq!(
        shipments,
        [
            (date("2026-11-23"), vec![("MUG", 2), ("TEE", 2)], 0),
            (date("2026-12-02"), vec![("TEE", 3)], 7500),
            (date("2026-12-10"), vec![("AUR", 1)], 17499),
        ]
    );
    // Mugs and the two tees in stock are charged now, the 12.5 % deposit
    // (2499.875 → 2500) too; the rest is authorized and captured at shipment.
    assert_eq!((p.total, p.charged_now, p.authorized_now), (2400 + 12500 + 19999, 2400 + 5000 + 2500, 7500 + 17499));
    // The pre-order is promised as its week, in the words its product page uses.
    assert_eq!(
        p.summary,
        "4 items ship today; 3 ship by Wednesday, December 2; 1 expected to ship the week of December 6"
    );
    let texts: Vec<&str> = p.shipments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Ships today", "Ships by Wednesday, December 2", "Expected to ship the week of December 6"]);
    let aur = &p.lines[2];
    assert!(
        aur.decision.message.text.starts_with("Expected to ship the week of December 6"),
        "{}",
        aur.decision.message.text
    );
    assert_eq!((aur.deposit, aur.cancellable, aur.decision.policy), (2500, true, Policy::Preorder));
    assert!(!p.lines[0].cancellable);
}

#[test]
fn hold_together_makes_one_shipment_on_the_latest_date() {
    let p = plan(&shop(), vec![line("MUG", 1, 1200), line("TEE", 3, 2500)], Channel::Dtc, true);
    assert_eq!(p.shipments.len(), 1);
    assert_eq!(p.shipments[0].date, date("2026-12-02"));
    assert_eq!(p.summary, "4 ship by Wednesday, December 2");
    // Stock is still charged now; only the backordered tee waits for capture.
    assert_eq!((p.charged_now, p.authorized_now), (1200 + 5000, 2500));
}

#[test]
fn lines_of_one_sku_count_together_and_a_refused_line_says_how_many_can_be_had() {
    // TEE: 2 on hand + 6 restock capacity = 8.
    let p = plan(&shop(), vec![line("TEE", 5, 2500), line("MUG", 1, 100), line("TEE", 4, 2500)], Channel::Dtc, false);
    assert!(p.lines[0].accepted && p.lines[1].accepted);
    let refused = &p.lines[2];
    assert_eq!(
        (refused.accepted, refused.can_have, refused.decision.reason),
        (false, 3, Reason::ExceedsBackorderCapacity)
    );
    assert_eq!(refused.message, "Only 8 can be ordered – ships by Wednesday, December 2");
    assert!(refused.parts.is_empty());
    assert_eq!(p.total, 5 * 2500 + 100);
}

#[test]
fn a_marketplace_refuses_what_it_cannot_sell() {
    let p =
        plan(&shop(), vec![line("MUG", 1, 1200), line("TEE", 3, 2500), line("AUR", 1, 19999)], Channel::Amazon, false);
    let verdicts: Vec<_> = p.lines.iter().map(|l| (l.accepted, l.decision.reason)).collect();
    assert_eq!(
        verdicts,
        [(true, Reason::InStock), (false, Reason::ExceedsAvailable), (false, Reason::ChannelDisallowsPreorder)]
    );
    assert_eq!(p.lines[1].can_have, 2);
    assert_eq!(p.summary, "1 item ships today");
}

#[test]
fn per_unit_deposits_are_capped_at_the_unit_price() {
    let p = plan(&shop(), vec![line("LAMP", 3, 4000)], Channel::Dtc, false);
    assert_eq!((p.lines[0].deposit, p.charged_now, p.authorized_now), (12000, 12000, 0));
    assert!(p.captures.is_empty());
}

#[test]
fn nothing_shippable_says_so() {
    let p = plan(&shop(), vec![line("NOPE", 1, 100)], Channel::Dtc, false);
    assert_eq!(
        (p.summary.as_str(), p.total, p.lines[0].decision.reason),
        ("Nothing in this cart can be shipped yet", 0, Reason::UnknownSku)
    );
}

#[test]
fn amounts_beyond_safe_integers_are_refused_not_wrapped() {
    let cart = Cart {
        lines: vec![line("MUG", 5, 1 << 52)],
        channel: Channel::Dtc,
        now: NOW.parse().unwrap(),
        hold_together: false,
        purchased: Default::default(),
        currency: None,
    };
    assert_eq!(shop().plan_cart(&cart, &English).unwrap_err().code, "invalid_price");
}

#[test]
fn a_plan_names_its_currency() {
    let mut cart = Cart {
        lines: vec![line("MUG", 1, 1250)],
        channel: Channel::Dtc,
        now: NOW.parse().unwrap(),
        hold_together: false,
        purchased: Default::default(),
        currency: storefront_availability::Currency::parse("EUR"),
    };
    let plan = shop().plan_cart(&cart, &English).unwrap();
    assert_eq!(serde_json::to_value(&plan).unwrap()["currency"], "EUR");
    cart.currency = None;
    let plan = shop().plan_cart(&cart, &English).unwrap();
    assert_eq!(serde_json::to_value(&plan).unwrap()["currency"], serde_json::Value::Null);
}

// ---------- properties ----------

fn day(offset: i64) -> String {
    (date("2026-11-23") + Duration::days(offset)).to_string()
}

fn item(i: usize) -> impl Strategy<Value = serde_json::Value> {
    (0u8..4, 0i64..6, 0i64..20, 0u64..12, 0u64..12, 0i64..30, 0u64..40, 0u8..3, 0u64..=100, 0u64..3000).prop_map(
        move |(kind, on_hand, restock_day, quantity, backordered, ship_day, limit, deposit, pct, per_unit)| {
            let sku = format!("S{i}");
            let deposit = match deposit {
                0 => json!(null),
                1 => json!({ "type": "percentage", "value": pct as f64 / 4.0 }),
                _ => json!({ "type": "price", "value": per_unit }),
            };
            match kind {
                0 => json!({ "sku": sku, "onHand": on_hand }),
                1 | 2 => json!({ "sku": sku, "onHand": on_hand, "restock": { "date": day(restock_day - 2), "confirmed": true, "quantity": quantity, "backordered": backordered } }),
                _ => json!({ "sku": sku, "lifecycle": "unreleased", "preorder": { "limit": limit, "sold": 0, "shipDate": day(ship_day - 2), "deposit": deposit } }),
            }
        },
    )
}

#[derive(Debug, Clone)]
struct Case {
    snapshot: serde_json::Value,
    lines: Vec<Line>,
    channel: Channel,
    hold: bool,
    now: DateTime<Utc>,
}

fn case() -> impl Strategy<Value = Case> {
    let items = (1usize..6).prop_flat_map(|n| (0..n).map(item).collect::<Vec<_>>());
    let lines = prop::collection::vec((0usize..7, 1u64..9, 0u64..100_000), 0..8);
    (items, lines, prop::sample::select(Channel::ALL.to_vec()), any::<bool>(), 0i64..(3 * 24 * 60), prop::sample::select(vec!["UTC", "America/Los_Angeles", "Asia/Tokyo"]))
        .prop_map(|(items, lines, channel, hold, minutes, zone)| {
            let now = date("2026-11-23").and_hms_opt(0, 0, 0).unwrap().and_utc() + Duration::minutes(minutes);
            let snapshot = json!({ "version": 1, "generatedAt": now.to_rfc3339(), "timeZone": zone, "holidays": [day(3)], "items": items });
            let lines = lines.into_iter().map(|(s, q, p)| line(&format!("S{s}"), q, p)).collect();
            Case { snapshot, lines, channel, hold, now }
        })
}

fn today(case: &Case) -> NaiveDate {
    let tz: chrono_tz::Tz = case.snapshot["timeZone"].as_str().unwrap().parse().unwrap();
    case.now.with_timezone(&tz).date_naive()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn plans_keep_their_invariants(case in case()) {
        let catalog = Catalog::from_json(&case.snapshot.to_string()).unwrap();
        let cart = Cart { lines: case.lines.clone(), channel: case.channel, now: case.now, hold_together: case.hold, purchased: Default::default(), currency: None };
        let p = catalog.plan_cart(&cart, &English).unwrap();
        prop_assert_eq!(p.lines.len(), case.lines.len());

        // Shipped quantities sum to the accepted quantities, line by line and in all.
        let mut shipped: HashMap<usize, u64> = HashMap::new();
        for s in &p.shipments {
            for l in &s.lines {
                *shipped.entry(l.line).or_default() += l.quantity;
            }
        }
        for (i, l) in p.lines.iter().enumerate() {
            prop_assert_eq!(shipped.get(&i).copied().unwrap_or(0), if l.accepted { l.quantity } else { 0 });
            prop_assert_eq!(l.parts.iter().map(|x| x.quantity).sum::<u64>(), if l.accepted { l.quantity } else { 0 });
            // Per line, what is charged now and what is captured later make the line total.
            prop_assert_eq!(l.charged_now + l.parts.iter().map(|x| x.capture).sum::<u64>(), l.amount);
            prop_assert_eq!(l.amount, if l.accepted { l.quantity * l.unit_price } else { 0 });
            prop_assert!(l.deposit <= l.amount);
        }
        // Charged now + authorized (= the captures) equal the total exactly.
        prop_assert_eq!(p.charged_now + p.authorized_now, p.total);
        prop_assert_eq!(p.captures.iter().map(|c| c.amount).sum::<u64>(), p.authorized_now);
        prop_assert_eq!(p.shipments.iter().map(|s| s.capture).sum::<u64>(), p.authorized_now);

        let today = today(&case);
        let latest = p.lines.iter().flat_map(|l| l.parts.iter().map(|x| x.ship_date)).max();
        for s in &p.shipments {
            // No shipment before today.
            prop_assert!(s.date >= today);
            for sl in &s.lines {
                let l = &p.lines[sl.line];
                let d = &l.decision;
                prop_assert!(d.can_purchase);
                // Each shipment's date is its lines' decision date (a split's
                // in-stock units ship with stock), or the latest with holdTogether.
                if case.hold {
                    prop_assert_eq!(Some(s.date), latest);
                } else {
                    prop_assert!(l.parts.iter().any(|x| x.ship_date == s.date));
                    prop_assert!(Some(s.date) == d.ship_date || (d.split.is_some() && s.date < d.ship_date.unwrap()));
                }
            }
        }
        // Never more of a SKU than its decision allows, across lines.
        let mut per_sku: HashMap<&str, u64> = HashMap::new();
        for l in p.lines.iter().filter(|l| l.accepted) {
            *per_sku.entry(&l.sku).or_default() += l.quantity;
        }
        for l in p.lines.iter().filter(|l| l.accepted) {
            prop_assert!(per_sku[l.sku.as_str()] <= l.decision.max_quantity);
        }
    }
}
