#![cfg(not(target_arch = "wasm32"))]
//! Regressions for hostile and unlucky data (issue 20): each test failed
//! before its fix. Snapshots are written as text where the finding needs
//! what `json!` cannot express (repeated keys, escapes).

mod common;

use std::collections::HashMap;

use common::*;
use serde_json::json;
use storefront_availability::English;
use storefront_availability::MAX_SNAPSHOT_BYTES;
use storefront_availability::{Cart, Line};
use storefront_availability::{Catalog, Channel, Policy, Reason};

const STORE: &str = r#""version": 1, "generatedAt": "2026-11-23T08:00:00Z""#;

fn from_text(rest: &str) -> Catalog {
    Catalog::from_json(&format!("{{ {STORE}, {rest} }}")).expect("valid snapshot")
}

fn cart(lines: &[(&str, u64)]) -> Cart {
    Cart {
        lines: lines.iter().map(|&(sku, quantity)| Line { sku: sku.into(), quantity, unit_price: 1000 }).collect(),
        channel: Channel::Dtc,
        now: NOW.parse().unwrap(),
        hold_together: false,
        purchased: HashMap::new(),
        currency: None,
    }
}

fn accepted(c: &Catalog, cart: &Cart) -> Vec<bool> {
    c.plan_cart(cart, &English).unwrap().lines.iter().map(|l| l.accepted).collect()
}

#[test]
fn a_kit_listing_one_component_twice_needs_both() {
    let c = catalog(
        json!({}),
        json!([{ "sku": "MUG", "onHand": 3 },
               { "sku": "PAIR", "components": [{ "sku": "MUG" }, { "sku": "MUG" }] },
               { "sku": "SIX", "components": [{ "sku": "MUG", "quantity": 2 }, { "sku": "MUG", "quantity": 4 }] }]),
    );
    let one = request("dtc", 1, NOW);
    assert_eq!(c.decide("PAIR", &one).unwrap().max_quantity, 1, "3 mugs make one pair");
    assert_eq!(c.decide("SIX", &one).unwrap().policy, Policy::OutOfStock, "3 mugs make no kit of six");
    assert_eq!(accepted(&c, &cart(&[("PAIR", 2)])), [false]);
    assert_eq!(accepted(&c, &cart(&[("PAIR", 1), ("MUG", 1), ("MUG", 1)])), [true, true, false]);
}

#[test]
fn a_repeated_location_key_is_last_one_wins_as_json_parse_reads_it() {
    let c = from_text(
        r#""locations": { "berlin": { "active": true }, "paris": {}, "berlin": { "active": false } },
           "items": [{ "sku": "MUG", "locations": { "berlin": { "onHand": 3 }, "berlin": { "onHand": 3 } } },
                     { "sku": "TEE", "locations": { "paris": { "onHand": 2 }, "paris": { "onHand": 3 } } }]"#,
    );
    let one = request("dtc", 1, NOW);
    let mug = c.decide("MUG", &one).unwrap();
    assert_eq!((mug.policy, mug.max_quantity), (Policy::OutOfStock, 0), "berlin was written inactive last");
    assert_eq!(c.decide("TEE", &one).unwrap().max_quantity, 3, "the last paris count, not 2 + 3");
}

#[test]
fn a_cart_counts_what_the_customer_already_bought() {
    let c = one(json!({ "sku": "LIMITED", "onHand": 50, "limits": { "maxPerCustomer": 2 } }));
    let mut bought_one = cart(&[("LIMITED", 1), ("LIMITED", 1)]);
    bought_one.purchased.insert("LIMITED".into(), 1);
    assert_eq!(accepted(&c, &bought_one), [true, false]);
    let plan = c.plan_cart(&bought_one, &English).unwrap();
    assert_eq!(plan.lines[1].can_have, 0);
    assert_eq!(plan.lines[1].decision.reason, Reason::ExceedsOrderLimit);
    bought_one.purchased.insert("OTHER".into(), 5);
    bought_one.purchased.insert("LIMITED".into(), 0);
    assert_eq!(accepted(&c, &bought_one), [true, true], "purchases count per SKU");
}

#[test]
fn a_cap_ratio_with_float_noise_is_not_zero() {
    // 0.1 * 3 in JavaScript; no short decimal reads back as it.
    let c = from_text(
        r#""preorder": { "capRatio": 0.30000000000000004 },
           "items": [{ "sku": "BOOK", "lifecycle": "unreleased", "onHand": 0,
                       "preorder": { "plannedProduction": 100, "shipDate": "2027-01-15" } }]"#,
    );
    let book = d(&c);
    assert_eq!((book.policy, book.remaining_preorders), (Policy::Preorder, Some(30)));
}

#[test]
fn a_lone_surrogate_leaves_every_item_sellable() {
    let c = from_text(
        r#""items": [{ "sku": "MUG", "title": "Mug \ud83d", "onHand": 2 },
                     { "sku": "CUP", "title": "Cup \udc00 and \ud83d\ude00 \\ud83d", "onHand": 4 }]"#,
    );
    assert_eq!(c.decide("CUP", &request("dtc", 1, NOW)).unwrap().max_quantity, 4);
    let Some(catalog_item) = c.snapshot().items().next() else { panic!("no items") };
    let storefront_availability::Entry::Valid(mug) = catalog_item else { panic!("MUG invalid") };
    assert_eq!(mug.title.as_deref(), Some("Mug \u{fffd}"));
    let text: Vec<_> = c.diagnostics().iter().filter(|d| d.code == "invalid_text").collect();
    assert_eq!(text.len(), 1);
    assert!(text[0].message.starts_with("2 string escape(s)"), "{}", text[0].message);
    // Invalid JSON for any other reason is still refused.
    let broken = Catalog::from_json(&format!("{{ {STORE}, \"items\": [\"\\ud83d\", }}")).err().unwrap();
    assert!(broken.to_string().contains("not valid JSON"), "{broken}");
}

#[test]
fn data_under_unknown_keys_is_skipped_and_a_huge_snapshot_is_refused() {
    // 2 MB under keys the rules never read, at store and item level.
    let filler = format!("[{}0]", "0,".repeat(1 << 20));
    let c = from_text(&format!(
        r#""analytics": {filler}, "items": [{{ "sku": "MUG", "onHand": 1, "history": {filler} }}]"#
    ));
    assert_eq!(d(&c).max_quantity, 1);
    let huge = " ".repeat(MAX_SNAPSHOT_BYTES + 1);
    let error = Catalog::from_json(&huge).err().unwrap();
    assert!(error.to_string().contains("the most is 67108864"), "{error}");
}

#[test]
fn an_overlong_template_is_refused_and_the_built_in_text_used() {
    let long = "x".repeat(1001);
    let c = catalog(json!({ "messages": { "en": { "in_stock": long } } }), json!([{ "sku": "MUG", "onHand": 3 }]));
    assert_eq!(d(&c).message.text, "In stock — ships today");
    let diagnostic = &c.diagnostics()[0];
    assert_eq!((diagnostic.code, diagnostic.path.as_str()), ("invalid_template", "messages.en.in_stock"));
    assert!(diagnostic.message.contains("1001 characters; the most is 1000"), "{}", diagnostic.message);
}

#[test]
fn an_amount_overflow_names_its_line() {
    let c = one(json!({ "sku": "MUG", "onHand": 9 }));
    let mut big = cart(&[("MUG", 1), ("MUG", 4)]);
    big.lines[1].unit_price = (1 << 52) - 1;
    let error = c.plan_cart(&big, &English).unwrap_err();
    assert_eq!((error.code, error.path.as_str()), ("invalid_price", "lines[1].unitPrice"));
    assert!(error.to_string().starts_with("lines[1].unitPrice: 4 × 4503599627370495 exceeds"), "{error}");
}

#[test]
fn a_cart_summary_never_wraps() {
    // Two SKUs of 2^53 − 1 units each, shipping on one date: the unit count
    // passes 2^53 and is refused instead of adding up unchecked.
    let most = (1 << 53) - 1;
    let items = json!([{ "sku": "A", "onHand": most }, { "sku": "B", "onHand": most }]);
    let c = catalog(json!({}), items);
    let mut free = cart(&[("A", most), ("B", most)]);
    free.lines.iter_mut().for_each(|l| l.unit_price = 0);
    let error = c.plan_cart(&free, &English).unwrap_err();
    assert_eq!(error.code, "invalid_cart");
}

#[test]
fn holidays_in_any_order_and_repeated_give_the_same_calendar() {
    let ship = |holidays: serde_json::Value| {
        let c = catalog(json!({ "holidays": holidays }), json!([{ "sku": "MUG", "onHand": 1 }]));
        decide(&c, "dtc", 1, "2026-11-23T15:00:00Z").ship_date
    };
    let sorted = ship(json!(["2026-11-24", "2026-11-25"]));
    assert_eq!(sorted, Some(date("2026-11-26")));
    assert_eq!(ship(json!(["2026-11-25", "2026-11-24", "2026-11-25", "2026-11-24"])), sorted);
}
