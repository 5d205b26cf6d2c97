#![cfg(not(target_arch = "wasm32"))]
//! Stock beyond one count: locations per channel, kits, the out-of-stock
//! threshold, order limits, per-channel pre-order caps and the product
//! roll-up (issue 8).

mod common;

use common::*;
use serde_json::json;
use storefront_availability::English;
use storefront_availability::{Cart, Line};
use storefront_availability::{Catalog, Channel, Policy, Reason, Request};

fn max_on(c: &Catalog, sku: &str, channel: &str) -> u64 {
    c.decide(sku, &request(channel, 1, NOW)).unwrap().max_quantity
}

fn codes(c: &Catalog) -> Vec<(&str, &str)> {
    c.diagnostics().iter().map(|d| (d.code, d.path.as_str())).collect()
}

#[test]
fn a_channel_sells_what_its_active_locations_hold() {
    let c = catalog(
        json!({ "locations": {
            "berlin": { "channels": ["dtc", "ebay"] },
            "fba": { "channels": ["amazon"] },
            "closed": { "active": false } } }),
        json!([{ "sku": "MUG", "reserved": 1, "locations": {
            "berlin": { "onHand": 5, "reserved": 2 }, "fba": { "onHand": 9 }, "closed": { "onHand": 50 } } }]),
    );
    assert_eq!(max_on(&c, "MUG", "dtc"), 5 - 2 - 1);
    assert_eq!(max_on(&c, "MUG", "ebay"), 2);
    assert_eq!(max_on(&c, "MUG", "amazon"), 9 - 1);
    assert_eq!(d(&c).reason, Reason::InStock);
    let walmart = c.decide("MUG", &request("walmart", 1, NOW)).unwrap();
    assert_eq!((walmart.policy, walmart.reason), (Policy::OutOfStock, Reason::RestockUnconfirmed));
}

#[test]
fn an_oversold_location_counts_against_the_others() {
    let c = one(json!({ "sku": "MUG", "locations": { "a": { "onHand": -3 }, "b": { "onHand": 5 } } }));
    assert_eq!(d(&c).max_quantity, 2);
}

#[test]
fn without_a_location_list_every_location_serves_every_channel() {
    let c = one(json!({ "sku": "MUG", "locations": { "a": { "onHand": 2 }, "b": { "onHand": 3 } } }));
    assert_eq!(max_on(&c, "MUG", "walmart"), 5);
    assert!(c.diagnostics().is_empty());
}

#[test]
fn stock_at_an_unlisted_location_is_reported_and_not_sold() {
    let c = catalog(
        json!({ "locations": { "a": {}, "b": { "channels": ["dtc", "etsy"] } } }),
        json!([{ "sku": "MUG", "locations": { "a": { "onHand": 2 }, "typo": { "onHand": 40 } } }]),
    );
    assert_eq!(max_on(&c, "MUG", "dtc"), 2);
    assert_eq!(
        codes(&c),
        [("unknown_location", "items[0].locations.typo"), ("unknown_channel", "locations.b.channels[1]")]
    );
}

#[test]
fn an_item_gives_one_source_of_stock() {
    let c = catalog(
        json!({}),
        json!([{ "sku": "A", "onHand": 3, "locations": { "a": { "onHand": 1 } } }, { "sku": "B", "onHand": 1 }]),
    );
    assert_eq!(d(&c).reason, Reason::InvalidItem);
    let problem = &c.diagnostics()[0];
    assert_eq!(problem.path, "items[0].locations");
    assert_eq!(problem.message, "give one of onHand, locations or components, not \"onHand\" and \"locations\"");
    assert_eq!(max_on(&c, "B", "dtc"), 1, "the other item still sells");
}

#[test]
fn a_kit_sells_the_fewest_whole_kits_its_components_make() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "MUG", "onHand": 7 },
            { "sku": "SAUCER", "onHand": 9, "reserved": 2 },
            { "sku": "SET", "components": [{ "sku": "MUG", "quantity": 2 }, { "sku": "SAUCER", "quantity": 3 }] },
        ]),
    );
    assert_eq!(max_on(&c, "SET", "dtc"), 2, "min(⌊7/2⌋, ⌊7/3⌋)");
    let three = c.decide("SET", &request("dtc", 3, NOW)).unwrap();
    assert_eq!((three.reason, three.can_purchase, three.max_quantity), (Reason::ExceedsAvailable, false, 2));
}

#[test]
fn a_kit_of_a_missing_invalid_or_kit_component_is_invalid() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "MUG", "onHand": 7 },
            { "sku": "BAD", "onHand": 1.5 },
            { "sku": "SET", "components": [{ "sku": "MUG" }] },
            { "sku": "K1", "components": [{ "sku": "MUG" }, { "sku": "NOPE" }] },
            { "sku": "K2", "components": [{ "sku": "BAD" }] },
            { "sku": "K3", "components": [{ "sku": "SET", "quantity": 1 }] },
            { "sku": "K4", "components": [] },
        ]),
    );
    assert_eq!(max_on(&c, "SET", "dtc"), 7, "quantity defaults to 1");
    for sku in ["K1", "K2", "K3", "K4"] {
        assert_eq!(c.decide(sku, &request("dtc", 1, NOW)).unwrap().reason, Reason::InvalidItem, "{sku}");
    }
    let messages: Vec<_> = c.diagnostics().iter().map(|d| format!("{}: {}", d.path, d.message)).collect();
    assert_eq!(
        messages[1..],
        [
            "items[6].components: expected at least one component, got []",
            "items[3].components[1].sku: component \"NOPE\": no item with this SKU in the snapshot",
            "items[4].components[0].sku: component \"BAD\": that item is invalid",
            "items[5].components[0].sku: component \"SET\": that item is itself a kit; components must be stocked items",
        ]
    );
}

#[test]
fn a_kit_of_a_broken_kit_reads_the_same_whichever_is_read_first() {
    // Items are read on first use; a component is judged by its own fields,
    // so a kit of a kit says "itself a kit" even when that kit, read
    // before, turned out invalid (its component is missing).
    let items = json!([
        { "sku": "INNER", "components": [{ "sku": "GONE" }] },
        { "sku": "OUTER", "components": [{ "sku": "INNER" }] },
        { "sku": "MUG", "onHand": 2 },
    ]);
    let expected = [
        "items[0].components[0].sku: component \"GONE\": no item with this SKU in the snapshot",
        "items[1].components[0].sku: component \"INNER\": that item is itself a kit; components must be stocked items",
    ];
    let listed = |c: &Catalog| c.diagnostics().iter().map(|d| format!("{}: {}", d.path, d.message)).collect::<Vec<_>>();
    for first in ["INNER", "OUTER", "MUG"] {
        let c = catalog(json!({}), items.clone());
        assert_eq!(c.decide(first, &request("dtc", 1, NOW)).unwrap().reason == Reason::InvalidItem, first != "MUG");
        for sku in ["INNER", "OUTER"] {
            assert_eq!(
                c.decide(sku, &request("dtc", 1, NOW)).unwrap().reason,
                Reason::InvalidItem,
                "{first}, then {sku}"
            );
        }
        assert_eq!(listed(&c), expected, "{first} read first");
    }
    assert_eq!(listed(&catalog(json!({}), items)), expected, "listed before any decision");
}

#[test]
fn a_kit_and_its_components_in_one_cart_never_share_a_unit() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "MUG", "onHand": 5 },
            { "sku": "SET", "components": [{ "sku": "MUG", "quantity": 2 }] },
        ]),
    );
    let line = |sku: &str, quantity| Line { sku: sku.into(), quantity, unit_price: 1000 };
    let cart = Cart {
        lines: vec![line("SET", 2), line("MUG", 2)],
        channel: Channel::Dtc,
        now: NOW.parse().unwrap(),
        hold_together: false,
        purchased: Default::default(),
        currency: None,
    };
    let plan = c.plan_cart(&cart, &English).unwrap();
    let accepted: Vec<_> = plan.lines.iter().map(|l| (l.sku.as_str(), l.accepted, l.can_have)).collect();
    assert_eq!(accepted, [("SET", true, 0), ("MUG", false, 1)], "2 sets take 4 of 5 mugs");
}

#[test]
fn the_out_of_stock_threshold_is_held_back() {
    let c = catalog(
        json!({ "outOfStockThreshold": 2 }),
        json!([{ "sku": "A", "onHand": 5 }, { "sku": "B", "onHand": 5, "outOfStockThreshold": 0 }, { "sku": "C", "onHand": 2 },
               { "sku": "KIT", "components": [{ "sku": "A" }] }]),
    );
    assert_eq!((max_on(&c, "A", "dtc"), max_on(&c, "B", "dtc")), (3, 5));
    assert_eq!(max_on(&c, "KIT", "dtc"), 3, "held back once, by the component");
    let at_threshold = c.decide("C", &request("dtc", 1, NOW)).unwrap();
    assert_eq!((at_threshold.policy, at_threshold.reason), (Policy::OutOfStock, Reason::RestockUnconfirmed));
}

#[test]
fn order_limits_bound_every_purchasable_answer() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "TEE", "onHand": 40, "limits": { "minPerOrder": 2, "maxPerOrder": 6, "maxPerCustomer": 10 } },
            { "sku": "BO", "restock": restock("2026-11-30", 50, 0), "limits": { "maxPerOrder": 3 } },
        ]),
    );
    let ask = |sku: &str, quantity, purchased| {
        c.decide(sku, &Request { quantity, purchased, ..request("dtc", 1, NOW) }).unwrap()
    };
    let one = ask("TEE", 1, 0);
    assert_eq!((one.reason, one.can_purchase, one.min_quantity), (Reason::BelowMinimumQuantity, false, 2));
    assert_eq!(one.message.text, "Minimum order: 2");
    assert_eq!(one.message.button, "Add to cart", "the policy's button stays");
    assert!(ask("TEE", 2, 0).can_purchase);
    let seven = ask("TEE", 7, 0);
    assert_eq!((seven.policy, seven.reason, seven.max_quantity), (Policy::InStock, Reason::ExceedsOrderLimit, 6));
    assert_eq!(seven.message.text, "Limit 6 per order");
    assert_eq!(ask("TEE", 4, 7).reason, Reason::ExceedsOrderLimit, "10 per customer, 7 bought: 3 left");
    let done = ask("TEE", 2, 10);
    assert_eq!((done.max_quantity, done.message.text.as_str()), (0, "You've reached the limit for this item"));
    let backorder = ask("BO", 4, 0);
    assert_eq!(
        (backorder.policy, backorder.reason, backorder.split),
        (Policy::Backorder, Reason::ExceedsOrderLimit, None)
    );
    assert_eq!(ask("BO", 3, 0).reason, Reason::Backorder);
}

#[test]
fn impossible_limits_are_refused_with_their_path() {
    let c = catalog(json!({}), json!([{ "sku": "A", "onHand": 5, "limits": { "minPerOrder": 5, "maxPerOrder": 4 } }]));
    assert_eq!(d(&c).reason, Reason::InvalidItem);
    assert_eq!(c.diagnostics()[0].path, "items[0].limits.minPerOrder");
}

/// Saleor's pre-order thresholds: a channel threshold on top of the global
/// one, the tighter binding (saleor/warehouse/availability.py).
#[test]
fn a_channel_preorder_cap_binds_when_tighter_than_the_global_cap() {
    let item = |global: u64, channel_limit: u64, channel_sold: u64| {
        one(json!({ "sku": "P", "lifecycle": "unreleased",
            "preorder": { "limit": global, "sold": 10, "shipDate": "2026-12-14",
                          "channels": { "dtc": { "limit": channel_limit, "sold": channel_sold } } } }))
    };
    assert_eq!(d(&item(100, 20, 5)).remaining_preorders, Some(15), "channel tighter");
    assert_eq!(d(&item(15, 50, 0)).remaining_preorders, Some(5), "global tighter");
    let full = d(&item(100, 20, 20));
    assert_eq!((full.reason, full.notify_me), (Reason::PreorderCapReached, true));
    let ebay = decide(&item(100, 20, 20), "ebay", 1, NOW);
    assert_eq!(ebay.remaining_preorders, Some(90), "other channels keep the global cap");
}

#[test]
fn a_product_rolls_up_its_variants() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "TEE-S", "productId": "tee", "onHand": 3 },
            { "sku": "TEE-M", "productId": "tee", "restock": restock("2026-11-30", 5, 0) },
            { "sku": "TEE-L", "productId": "tee" },
            { "sku": "CAP-1", "productId": "cap", "lifecycle": "discontinued" },
            { "sku": "CAP-2", "productId": "cap", "lifecycle": "discontinued" },
            { "sku": "BAG", "restock": restock("2026-11-30", 5, 0) },
            { "sku": "HAT-1", "productId": "hat", "onHand": 1 },
            { "sku": "HAT-2", "productId": "hat", "onHand": 1.5 },
            { "sku": "PIN", "productId": "pin", "backorder": { "enabled": false } },
        ]),
    );
    let products = c.decide_products_with(&request("dtc", 1, NOW), &English).unwrap();
    let summary: Vec<_> = products
        .iter()
        .map(|p| (p.product_id.as_str(), p.policy, p.message.badge.as_str(), p.message.text.as_str(), p.variants))
        .collect();
    assert_eq!(
        summary,
        [
            ("tee", Policy::InStock, "In stock", "Some options on backorder", 3),
            ("cap", Policy::OutOfStock, "Discontinued", "No longer available", 2),
            ("BAG", Policy::Backorder, "Backordered", "Backordered", 1),
            ("hat", Policy::InStock, "In stock", "Some options sold out", 2),
            ("pin", Policy::OutOfStock, "Out of stock", "Out of stock — get notified when it's back", 1),
        ]
    );
    // The core says when variants differ, so a theme need not read message keys.
    let differ: Vec<_> = products.iter().map(|p| (p.product_id.as_str(), p.variants_differ)).collect();
    assert_eq!(differ, [("tee", true), ("cap", false), ("BAG", false), ("hat", true), ("pin", false)]);
    let tee = &products[0];
    assert_eq!((tee.in_stock, tee.backorder, tee.preorder, tee.unavailable), (1, 1, 0, 1));
    assert_eq!(tee.ship_date, Some(date("2026-11-23")));
    assert_eq!(c.decide_product_with("tee", &request("dtc", 1, NOW), &English).unwrap(), products[0]);
    // Each variant's own state, in snapshot order, as its own decision says (for the picker and the ProductGroup).
    for product in &products {
        let each: Vec<_> =
            product.variant_states.iter().map(|v| (v.sku.as_str(), v.policy, v.reason, v.can_purchase)).collect();
        let own: Vec<_> = product
            .variant_states
            .iter()
            .map(|v| c.decide(&v.sku, &request("dtc", 1, NOW)).unwrap())
            .map(|d| (d.sku.clone(), d.policy, d.reason, d.can_purchase))
            .collect();
        assert_eq!(each, own.iter().map(|(s, p, r, b)| (s.as_str(), *p, *r, *b)).collect::<Vec<_>>());
        assert_eq!(product.variant_states.len(), product.variants);
    }
    let skus: Vec<_> = tee.variant_states.iter().map(|v| v.sku.as_str()).collect();
    assert_eq!(skus, ["TEE-S", "TEE-M", "TEE-L"]);
    let unknown = c.decide_product_with("nope", &request("dtc", 1, NOW), &English).unwrap();
    assert_eq!((unknown.policy, unknown.variants, unknown.notify_me), (Policy::OutOfStock, 0, false));
}

#[test]
fn decisions_without_messages_are_the_same_decisions_without_text() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "TEE-S", "productId": "tee", "onHand": 3 },
            { "sku": "TEE-M", "productId": "tee", "restock": restock("2026-11-30", 5, 0) },
            { "sku": "PIN", "backorder": { "enabled": false } },
        ]),
    );
    let worded = c.decide_all(&request("dtc", 2, NOW)).unwrap();
    let bare = c.decide_all_without_messages(&request("dtc", 2, NOW)).unwrap();
    assert_eq!(bare.len(), worded.len());
    for (mut worded, bare) in worded.into_iter().zip(bare) {
        assert!(!worded.message.is_unwritten() && bare.message.is_unwritten());
        let json = serde_json::to_value(&bare).unwrap();
        assert!(json.get("message").is_none() && json.get("policy").is_some(), "{json}");
        worded.message = Default::default();
        assert_eq!(worded, bare);
        let one = c.decide_without_message(&bare.sku, &request("dtc", 2, NOW)).unwrap();
        assert_eq!(one, bare);
    }
}
