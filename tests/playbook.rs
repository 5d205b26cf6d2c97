#![cfg(not(target_arch = "wasm32"))]
//! What the merchant playbooks ask for (issue 16), with the playbooks' own
//! numbers where they give them: the backorder queue first, listings,
//! structured data.

mod common;

use common::*;
use serde_json::json;
use storefront_availability::English;
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

fn priced(channel: &str, quantity: u64, unit: u64, currency: &str) -> storefront_availability::Request {
    let currency = storefront_availability::Currency::parse(currency).unwrap();
    storefront_availability::Request {
        price: Some(storefront_availability::Price { unit, currency }),
        ..request(channel, quantity, NOW)
    }
}

fn deposit_shop() -> storefront_availability::Catalog {
    catalog(
        json!({}),
        json!([
            { "sku": "LAMP", "lifecycle": "unreleased",
              "preorder": { "limit": 50, "shipDate": "2027-01-15", "deposit": { "type": "percentage", "value": 40 } } },
            { "sku": "MUG", "onHand": 3 },
            { "sku": "TEE", "onHand": 1, "restock": restock("2026-12-01", 20, 0) },
        ]),
    )
}

#[test]
fn the_charge_sentence_says_when_what_is_charged() {
    use storefront_availability::Payment;
    let c = deposit_shop();
    let lamp = c.decide("LAMP", &priced("dtc", 1, 10_000, "USD")).unwrap();
    assert_eq!(lamp.payment, Some(Payment::DepositNowBalanceAtShipment));
    assert_eq!(lamp.message.charge.as_deref(), Some("$40.00 today, $60.00 when it ships"));
    let mug = c.decide("MUG", &priced("dtc", 2, 1250, "EUR")).unwrap();
    assert_eq!(mug.message.charge.as_deref(), Some("€25.00 today"));
    let tee = c.decide("TEE", &priced("dtc", 3, 400_000, "JPY")).unwrap();
    assert_eq!(tee.message.charge.as_deref(), Some("¥400,000 today, ¥800,000 when it ships"));
    let swiss = c.decide("MUG", &priced("dtc", 1, 1999, "CHF")).unwrap();
    assert_eq!(swiss.message.charge.as_deref(), Some("CHF\u{a0}19.99 today"));
    // No price asked: no sentence; nothing purchasable: no sentence.
    assert_eq!(c.decide("MUG", &request("dtc", 1, NOW)).unwrap().message.charge, None);
    assert_eq!(c.decide("MUG", &priced("dtc", 9, 100, "USD")).unwrap().message.charge, None);
}

#[test]
fn marketplaces_never_charge_a_deposit_before_shipment() {
    use storefront_availability::Currency;
    use storefront_availability::Payment;
    use storefront_availability::{Cart, Line};
    let c = catalog(
        json!({ "channels": { "amazon": { "brandRegistry": true } } }),
        json!([{ "sku": "LAMP", "lifecycle": "unreleased",
                 "preorder": { "limit": 50, "shipDate": "2026-12-10", "deposit": { "type": "percentage", "value": 40 } } }]),
    );
    let on = |channel: &str| {
        let cart = Cart {
            lines: vec![Line { sku: "LAMP".into(), quantity: 1, unit_price: 10_000 }],
            channel: storefront_availability::Channel::parse(channel).unwrap(),
            now: NOW.parse().unwrap(),
            hold_together: false,
            purchased: Default::default(),
            currency: Currency::parse("USD"),
        };
        c.plan_cart(&cart, &English).unwrap()
    };
    let dtc = on("dtc");
    assert_eq!((dtc.charged_now, dtc.lines[0].deposit), (4000, 4000));
    assert_eq!(dtc.charges, "$40.00 today, $60.00 when it ships");
    let amazon = on("amazon");
    assert_eq!((amazon.charged_now, amazon.authorized_now, amazon.lines[0].deposit), (0, 10_000, 0));
    assert_eq!(amazon.charges, "$100.00 when it ships");
    let decision = c.decide("LAMP", &priced("amazon", 1, 10_000, "USD")).unwrap();
    assert_eq!(decision.payment, Some(Payment::AuthorizeNowCaptureAtShipment));
    assert_eq!(decision.message.charge.as_deref(), Some("$100.00 when it ships"));
}

#[test]
fn a_cart_with_several_capture_dates_names_each() {
    use storefront_availability::Currency;
    use storefront_availability::{Cart, Line};
    let c = deposit_shop();
    let line = |sku: &str, quantity, unit_price| Line { sku: sku.into(), quantity, unit_price };
    let cart = Cart {
        lines: vec![line("MUG", 2, 1600), line("TEE", 3, 3500), line("LAMP", 1, 8900)],
        channel: storefront_availability::Channel::Dtc,
        now: "2026-11-23T15:00:00Z".parse().unwrap(),
        hold_together: false,
        purchased: Default::default(),
        currency: Currency::parse("USD"),
    };
    let plan = c.plan_cart(&cart, &English).unwrap();
    assert_eq!(
        plan.charges,
        "$102.60 today, $70.00 when it ships on Wednesday, December 2, $53.40 when it ships on Friday, January 15, 2027"
    );
    assert_eq!(plan.charged_now, 3200 + 3500 + 3560);
}

fn delivery(date: &str, confirmed: bool, quantity: u64, backordered: u64) -> serde_json::Value {
    json!({ "date": date, "confirmed": confirmed, "quantity": quantity, "backordered": backordered })
}

#[test]
fn a_backorder_rolls_to_the_next_delivery_when_one_is_full() {
    // Weekly inbound shipments: the first is fully booked, the second has room.
    let c = one(json!({ "sku": "TEE", "onHand": 0, "restock": [
        delivery("2026-12-01", true, 10, 10),
        delivery("2026-11-26", true, 5, 2),
        delivery("2026-12-03", true, 20, 0) ] }));
    // Sorted by date: Nov 26 (3 room, 2 waiting), Dec 1 (full), Dec 3 (20 room).
    let three = decide(&c, "dtc", 3, NOW);
    assert_eq!(
        (three.policy, three.ship_date, three.queue_position),
        (Policy::Backorder, Some(date("2026-11-27")), Some(3))
    );
    let parts = |d: &storefront_availability::Decision| {
        d.deliveries.iter().map(|p| (p.quantity, p.ship_date, p.queue_position)).collect::<Vec<_>>()
    };
    assert_eq!(parts(&three), [(3, date("2026-11-27"), 3)]);
    // Five spans two deliveries, each part with its date; the decision ships by the last.
    let five = decide(&c, "dtc", 5, NOW);
    assert_eq!(parts(&five), [(3, date("2026-11-27"), 3), (2, date("2026-12-04"), 1)]);
    assert_eq!((five.ship_date, five.max_quantity), (Some(date("2026-12-04")), 23));
    assert_eq!(decide(&c, "dtc", 24, NOW).reason, Reason::ExceedsBackorderCapacity);
}

#[test]
fn each_delivery_keeps_every_rule() {
    let c = |restock: serde_json::Value| one(json!({ "sku": "TEE", "onHand": 0, "restock": restock }));
    // The queue of an unconfirmed delivery waits for the confirmed one behind it.
    let unconfirmed_first = d(&c(json!([delivery("2026-11-25", false, 10, 4), delivery("2026-11-27", true, 10, 0)])));
    assert_eq!((unconfirmed_first.queue_position, unconfirmed_first.max_quantity), (Some(5), 6));
    // An overdue delivery is skipped, its queue carried to the next.
    let overdue_first = d(&c(json!([delivery("2026-11-20", true, 10, 3), delivery("2026-11-27", true, 10, 0)])));
    assert_eq!((overdue_first.queue_position, overdue_first.max_quantity), (Some(4), 7));
    // Beyond maxWaitDays a delivery is not offered; nor on a channel whose limit it passes.
    let near_and_far = c(json!([delivery("2026-11-27", true, 2, 0), delivery("2026-12-20", true, 50, 0)]));
    assert_eq!(d(&near_and_far).max_quantity, 2);
    // With none usable the reason is the delivery's own, overdue only when all are.
    assert_eq!(
        d(&c(json!([delivery("2026-11-20", true, 9, 0), delivery("2026-12-30", true, 9, 0)]))).reason,
        Reason::RestockTooFar
    );
    assert_eq!(d(&c(json!([delivery("2026-11-20", true, 9, 0)]))).reason, Reason::RestockOverdue);
    assert_eq!(d(&c(json!([delivery("2026-11-27", false, 9, 0)]))).reason, Reason::RestockUnconfirmed);
    assert_eq!(d(&c(json!([delivery("2026-11-27", true, 9, 9)]))).reason, Reason::RestockOversubscribed);
}

#[test]
fn a_cart_line_spanning_deliveries_ships_in_parts() {
    use storefront_availability::{Cart, Line};
    let c = one(
        json!({ "sku": "TEE", "onHand": 1, "restock": [delivery("2026-11-26", true, 2, 0), delivery("2026-12-03", true, 9, 0)] }),
    );
    let cart = Cart {
        lines: vec![
            Line { sku: "TEE".into(), quantity: 2, unit_price: 100 },
            Line { sku: "TEE".into(), quantity: 3, unit_price: 100 },
        ],
        channel: storefront_availability::Channel::Dtc,
        now: NOW.parse().unwrap(),
        hold_together: false,
        purchased: Default::default(),
        currency: None,
    };
    let plan = c.plan_cart(&cart, &English).unwrap();
    let parts = |i: usize| plan.lines[i].parts.iter().map(|p| (p.quantity, p.ship_date, p.capture)).collect::<Vec<_>>();
    assert_eq!(parts(0), [(1, date("2026-11-23"), 0), (1, date("2026-11-27"), 100)]);
    assert_eq!(parts(1), [(1, date("2026-11-27"), 100), (2, date("2026-12-04"), 200)]);
    assert_eq!(plan.shipments.len(), 3);
}

mod deliveries {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// A single restock object decides exactly as a list of one.
        #[test]
        fn a_single_restock_decides_as_a_list_of_one(
            on_hand in 0i64..8, days in -3i64..20, confirmed: bool, quantity in 0u64..15, backordered in 0u64..15, q in 1u64..20,
        ) {
            let when = (date("2026-11-23") + chrono::Duration::days(days)).to_string();
            let single = one(json!({ "sku": "A", "onHand": on_hand, "restock": delivery(&when, confirmed, quantity, backordered) }));
            let list = one(json!({ "sku": "A", "onHand": on_hand, "restock": [delivery(&when, confirmed, quantity, backordered)] }));
            prop_assert_eq!(decide(&single, "dtc", q, NOW), decide(&list, "dtc", q, NOW));
        }

        /// Never more units promised for a delivery than its room, and FIFO:
        /// parts in date order, each earlier delivery full before a later one is used.
        #[test]
        fn deliveries_fill_in_order_within_their_room(
            on_hand in 0i64..6,
            list in prop::collection::vec((0i64..14, any::<bool>(), 0u64..10, 0u64..8), 1..5),
            q in 1u64..40,
        ) {
            let restock: Vec<_> = list.iter().map(|&(days, confirmed, quantity, backordered)| {
                delivery(&(date("2026-11-23") + chrono::Duration::days(days)).to_string(), confirmed, quantity, backordered)
            }).collect();
            let c = one(json!({ "sku": "A", "onHand": on_hand, "restock": restock }));
            let d = decide(&c, "dtc", q, NOW);
            // The room of each delivery, from the data: on hand serves the queues first, in date order.
            let mut sorted = list.clone();
            sorted.sort_by_key(|&(days, ..)| days);
            let waiting: u64 = list.iter().map(|l| l.3).sum();
            let mut cover = on_hand as u64;
            let mut carry = 0u64;
            let mut room = Vec::new();
            for &(days, confirmed, quantity, backordered) in &sorted {
                let covered = cover.min(backordered);
                cover -= covered;
                let owed = backordered - covered + carry;
                if !confirmed { carry = owed; continue; }
                carry = owed.saturating_sub(quantity);
                room.push((date("2026-11-23") + chrono::Duration::days(days), quantity.saturating_sub(owed)));
            }
            let promised: u64 = d.deliveries.iter().map(|p| p.quantity).sum();
            if d.can_purchase && d.policy == Policy::Backorder {
                let now = (on_hand as u64).saturating_sub(waiting);
                prop_assert_eq!(promised, q - now.min(q));
            }
            for pair in d.deliveries.windows(2) {
                prop_assert!(pair[0].ship_date <= pair[1].ship_date, "parts in date order");
            }
            for (i, part) in d.deliveries.iter().enumerate() {
                // The delivery this part came from: the room with its arrival date (ship = arrival + 1 business day).
                let fits = room.iter().any(|&(arrival, r)| arrival < part.ship_date && part.quantity <= r);
                prop_assert!(fits, "part {:?} exceeds every delivery's room {:?}", part, room);
                if i + 1 < d.deliveries.len() {
                    let full = room.iter().any(|&(arrival, r)| arrival < part.ship_date && part.quantity == r);
                    prop_assert!(full, "an earlier delivery is used up before a later one: {:?}", d.deliveries);
                }
            }
        }
    }
}

#[test]
fn notify_me_says_what_happens_next_in_the_shoppers_words() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "GONE", "title": "Wool Socks", "onHand": 0, "backorder": { "enabled": false } },
            { "sku": "FULL", "lifecycle": "unreleased", "preorder": { "limit": 5, "sold": 5, "shipDate": "2027-01-15" } },
            { "sku": "SOON", "lifecycle": "unreleased", "preorder": { "limit": 5, "shipDate": "2027-01-15", "startsAt": "2026-12-01T00:00:00Z" } },
            { "sku": "MUG", "title": "Stoneware Mug", "onHand": 3 },
        ]),
    );
    let confirm = |sku: &str| {
        let d = c.decide(sku, &request("dtc", 1, NOW)).unwrap();
        assert!(d.notify_me || d.message.confirm.is_none(), "{sku}");
        d.message.confirm
    };
    assert_eq!(confirm("GONE").as_deref(), Some("We'll email you when it's back"));
    assert_eq!(confirm("FULL").as_deref(), Some("You're on the waitlist — we'll email you if more become available"));
    assert_eq!(confirm("SOON").as_deref(), Some("We'll email you when pre-orders open"));
    assert_eq!(confirm("MUG"), None);
    // The back-in-stock email, once it can be bought; refused before.
    let email = c.back_in_stock("MUG", &request("dtc", 1, NOW), &English).unwrap();
    assert_eq!(email.subject, "Stoneware Mug is back in stock");
    assert!(
        email.body.starts_with("Good news: Stoneware Mug is back and ships Monday, November 23."),
        "{}",
        email.body
    );
    assert_eq!(c.back_in_stock("GONE", &request("dtc", 1, NOW), &English).unwrap_err().code, "not_purchasable");
}

#[test]
fn the_rhythm_is_complete_confirm_weekly_update_shipped() {
    use storefront_availability::{Stage, StatusUpdate};
    let c = one(json!({ "sku": "TEE", "title": "Merino Tee", "onHand": 0, "restock": restock("2026-11-30", 40, 12) }));
    let now = NOW.parse().unwrap();
    let update = StatusUpdate {
        order_number: "1042".into(),
        title: "Merino Tee".into(),
        promised: date("2026-12-01"),
        expected: date("2026-12-01"),
        position: Some((13, 52)),
        stage: Some(Stage::InTransit),
        warehouse_arrival: Some(date("2026-11-30")),
    };
    let status = c.weekly_status(&update, now, &English).unwrap();
    assert_eq!(
        status.body,
        "Your order is still on track to ship by Tuesday, December 1.\nCurrent status: in transit from the supplier\nEstimated arrival at our warehouse: Monday, November 30\nYour order position: 13 of 52 backorders"
    );
    let shipped = c.shipped("1042", "Merino Tee", Some("1Z999AA10123456784"), now, &English);
    assert_eq!(shipped.subject, "Your order has shipped — Merino Tee");
    assert_eq!(
        shipped.body,
        "Good news: your order 1042 is on its way.\nMerino Tee has left our warehouse.\nTracking number: 1Z999AA10123456784"
    );
    assert_eq!(c.shipped("1042", "Merino Tee", None, now, &English).body.lines().count(), 2);
}
