#![cfg(not(target_arch = "wasm32"))]
//! What the merchant playbooks ask for (issue 16), with the playbooks' own
//! numbers where they give them: the backorder queue first, listings,
//! structured data.

mod common;

use common::*;
use serde_json::json;
use storefront_availability::message::English;
use storefront_availability::{Listing, Policy, Reason};

#[test]
fn units_on_hand_serve_the_waiting_backorders_first() {
    // The worked example: 3 on hand, 12 waiting, 40 coming.
    let c = one(json!({ "sku": "TEE", "onHand": 3, "restock": restock("2026-11-30", 40, 12) }));
    let one_unit = d(&c);
    assert_eq!((one_unit.policy, one_unit.split), (Policy::Backorder, None), "nothing ships now");
    assert_eq!(one_unit.queue_position, Some(10), "9 still owed: the new backorder is tenth");
    assert_eq!(one_unit.max_quantity, 31, "40 coming less the 9 owed");
    let too_many = decide(&c, "dtc", 32, NOW);
    assert_eq!((too_many.reason, too_many.can_purchase), (Reason::ExceedsBackorderCapacity, false));
    // Enough on hand for the queue and more: new orders take what is left.
    let plenty = one(json!({ "sku": "TEE", "onHand": 15, "restock": restock("2026-11-30", 40, 12) }));
    let d3 = decide(&plenty, "dtc", 3, NOW);
    assert_eq!((d3.policy, d3.max_quantity), (Policy::InStock, 3 + 40));
    let d5 = decide(&plenty, "dtc", 5, NOW);
    assert_eq!((d5.policy, d5.queue_position), (Policy::Backorder, Some(1)), "the queue is already served");
    assert_eq!(d5.split.map(|s| (s.now, s.later)), Some((3, 2)));
}

#[test]
fn a_queue_larger_than_stock_and_restock_oversubscribes() {
    let c = one(json!({ "sku": "TEE", "onHand": 5, "restock": restock("2026-11-30", 10, 15) }));
    let d = d(&c);
    assert_eq!((d.policy, d.reason, d.notify_me), (Policy::OutOfStock, Reason::RestockOversubscribed, true));
}

#[test]
fn discontinued_and_sold_out_items_leave_listings() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "OLD", "productId": "old", "lifecycle": "discontinued", "onHand": 0 },
            { "sku": "LAST", "productId": "old", "lifecycle": "discontinued", "onHand": 1 },
            { "sku": "GONE", "onHand": 0, "backorder": { "enabled": false } },
        ]),
    );
    let listing = |sku: &str| c.decide(sku, &request("dtc", 1, NOW)).unwrap().listing;
    assert_eq!((listing("OLD"), listing("LAST"), listing("GONE")), (Listing::Hide, Listing::Show, Listing::Show));
    let products = c.decide_products_with(&request("dtc", 1, NOW), &English).unwrap();
    assert_eq!(products[0].listing, Listing::Show, "one variant is still for sale");
}

#[test]
fn a_store_can_hide_every_sold_out_item_and_an_item_can_opt_out() {
    let c = catalog(
        json!({ "hideSoldOut": true }),
        json!([
            { "sku": "GONE", "productId": "p", "onHand": 0, "backorder": { "enabled": false } },
            { "sku": "KEEP", "productId": "q", "onHand": 0, "backorder": { "enabled": false }, "hideSoldOut": false },
            { "sku": "HERE", "productId": "q", "onHand": 4 },
        ]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    let listings: Vec<_> = all.iter().map(|d| d.listing).collect();
    assert_eq!(listings, [Listing::Hide, Listing::Show, Listing::Show]);
    let products = c.decide_products_with(&request("dtc", 1, NOW), &English).unwrap();
    assert_eq!((products[0].listing, products[1].listing), (Listing::Hide, Listing::Show));
}

#[test]
fn low_stock_is_limited_availability_for_search_engines_and_in_stock_for_the_feed() {
    let c =
        catalog(json!({ "lowStockThreshold": 3 }), json!([{ "sku": "A", "onHand": 2 }, { "sku": "B", "onHand": 9 }]));
    let a = c.decide("A", &request("dtc", 1, NOW)).unwrap();
    assert_eq!(
        (a.reason, a.schema_org, a.merchant_availability),
        (Reason::LowStock, "https://schema.org/LimitedAvailability", "in_stock")
    );
    assert_eq!(c.decide("B", &request("dtc", 1, NOW)).unwrap().schema_org, "https://schema.org/InStock");
}

#[test]
fn a_ship_date_more_than_a_year_ahead_is_flagged_for_the_feed() {
    let item =
        |ship: &str| json!({ "sku": "LAMP", "lifecycle": "unreleased", "preorder": { "limit": 10, "shipDate": ship } });
    let far = d(&one(item("2028-02-15")));
    assert_eq!((far.policy, far.availability_date), (Policy::Preorder, Some(date("2028-02-15"))));
    let flagged: Vec<_> = far.warnings.iter().map(|w| (w.code, w.ship_by)).collect();
    assert_eq!(flagged, [("availability_date_too_far", date("2028-02-15"))]);
    // Exactly a year ahead is still within.
    assert!(d(&one(item("2027-11-23"))).warnings.is_empty());
    assert_eq!(d(&one(item("2027-11-24"))).warnings.len(), 1);
}
