#![cfg(not(target_arch = "wasm32"))]
//! docs/rules.md §3 rule by rule: every reason code and the boundaries around it.

mod common;

use common::*;
use serde_json::json;
use storefront_availability::{Channel, Policy, Reason};
use storefront_availability::{Payment, Split};

// ---------- rule 1: invalid item, unknown SKU ----------

#[test]
fn unknown_sku_is_out_of_stock_without_notify() {
    let c = one(json!({ "sku": "A", "onHand": 5 }));
    let d = c.decide("NOPE", &request("dtc", 1, NOW)).unwrap();
    assert_eq!(
        (d.policy, d.reason, d.notify_me, d.can_purchase),
        (Policy::OutOfStock, Reason::UnknownSku, false, false)
    );
    assert_eq!(d.sku, "NOPE");
}

#[test]
fn a_bad_item_is_invalid_and_the_others_are_still_decided() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "GOOD", "onHand": 4 },
            { "sku": "BAD", "onHand": 9, "restock": { "date": "12/01/2026" } },
            { "sku": "ALSO-GOOD", "onHand": 1 },
        ]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    let reasons: Vec<_> = all.iter().map(|d| (d.sku.as_str(), d.reason)).collect();
    assert_eq!(reasons, [("GOOD", Reason::InStock), ("BAD", Reason::InvalidItem), ("ALSO-GOOD", Reason::InStock)]);
    assert!(!all[1].notify_me);
    let diag = &c.diagnostics()[0];
    assert_eq!(
        (diag.code, diag.sku.as_deref(), diag.path.as_str()),
        ("invalid_item", Some("BAD"), "items[1].restock.date")
    );
    assert_eq!(
        format!("{}: {}", diag.path, diag.message),
        r#"items[1].restock.date: expected a date "YYYY-MM-DD", got "12/01/2026""#
    );
}

#[test]
fn every_problem_of_an_item_is_listed() {
    let c =
        one(json!({ "sku": "X", "onHand": 1.5, "reserved": -1, "lifecycle": "gone", "preorder": { "capRatio": 1.2 } }));
    let paths: Vec<_> = c.diagnostics().iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["items[0].lifecycle", "items[0].onHand", "items[0].reserved", "items[0].preorder.capRatio"]);
    assert_eq!(d(&c).reason, Reason::InvalidItem);
}

#[test]
fn an_item_without_a_readable_sku_is_kept_in_place() {
    let c = catalog(json!({}), json!([{ "onHand": 1 }, "not an object", { "sku": "B", "onHand": 1 }]));
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!((all[0].sku.as_str(), all[0].reason), ("", Reason::InvalidItem));
    assert_eq!(all[2].reason, Reason::InStock);
    let messages: Vec<_> = c.diagnostics().iter().map(|d| format!("{}: {}", d.path, d.message)).collect();
    assert_eq!(
        messages,
        ["items[0].sku: missing; expected a non-empty string", "items[1]: expected an object, got \"not an object\""]
    );
}

#[test]
fn two_items_with_one_sku_make_both_invalid() {
    let c = catalog(
        json!({}),
        json!([{ "sku": "D", "onHand": 3 }, { "sku": "E", "onHand": 3 }, { "sku": "D", "onHand": 7 }]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    let reasons: Vec<_> = all.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, [Reason::InvalidItem, Reason::InStock, Reason::InvalidItem]);
    assert_eq!(c.decide("D", &request("dtc", 1, NOW)).unwrap().reason, Reason::InvalidItem);
    let dup = c.diagnostics().iter().find(|d| d.code == "duplicate_sku").unwrap();
    assert_eq!(dup.path, "items[2].sku");
}

// ---------- store-level problems reject the snapshot ----------

fn store_error(store: serde_json::Value) -> String {
    let mut snapshot = json!({ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [] });
    snapshot.as_object_mut().unwrap().extend(store.as_object().unwrap().clone());
    storefront_availability::Catalog::from_json(&snapshot.to_string()).err().expect("rejected").to_string()
}

#[test]
fn store_level_problems_name_their_path() {
    assert_eq!(store_error(json!({ "version": 2 })), "invalid snapshot: version: expected 1, got 2");
    assert_eq!(
        store_error(json!({ "timeZone": "Europe/Atlantis" })),
        r#"invalid snapshot: timeZone: expected an IANA time zone name like "Europe/Berlin", got "Europe/Atlantis""#
    );
    assert_eq!(
        store_error(json!({ "businessDays": [] })),
        r#"invalid snapshot: businessDays: expected at least one weekday, got []"#
    );
    assert_eq!(
        store_error(json!({ "cutoffTime": "2pm" })),
        r#"invalid snapshot: cutoffTime: expected a time "HH:MM", got "2pm""#
    );
    assert_eq!(
        store_error(json!({ "generatedAt": null })),
        "invalid snapshot: generatedAt: missing; expected an RFC 3339 timestamp"
    );
    assert_eq!(
        store_error(json!({ "deadlines": [{ "name": "Xmas", "shipBy": "2026-02-30" }] })),
        r#"invalid snapshot: deadlines[0].shipBy: expected a date "YYYY-MM-DD", got "2026-02-30""#
    );
    assert_eq!(
        store_error(json!({ "channels": { "ebay": { "maxShipDays": -1 } } })),
        "invalid snapshot: channels.ebay.maxShipDays: expected a whole number of days from 0 to 3660 or null, got -1"
    );
    let err = storefront_availability::Catalog::from_json("[1,").err().unwrap();
    assert!(err.to_string().starts_with("invalid snapshot: not valid JSON: "), "{err}");
}

#[test]
fn unknown_keys_are_ignored_and_null_means_absent() {
    let c = catalog(
        json!({ "futureKey": { "x": 1 }, "cutoffTime": null }),
        json!([{ "sku": "A", "onHand": 2, "color": "red", "restock": null }]),
    );
    assert!(c.diagnostics().is_empty());
    assert_eq!(d(&c).reason, Reason::InStock);
}

#[test]
fn unknown_channel_names_are_ignored_but_listed() {
    let c = catalog(
        json!({ "channels": { "etsy": { "backorder": true } } }),
        json!([{ "sku": "A", "onHand": 2, "channels": { "amazn": { "preorder": false } } }]),
    );
    assert_eq!(d(&c).reason, Reason::InStock);
    let listed: Vec<_> = c.diagnostics().iter().map(|d| (d.code, d.sku.as_deref(), d.path.as_str())).collect();
    assert_eq!(
        listed,
        [("unknown_channel", Some("A"), "items[0].channels.amazn"), ("unknown_channel", None, "channels.etsy")]
    );
    assert_eq!(c.diagnostics()[1].message, Channel::unknown("etsy"));
}

// ---------- rule 2: pre-orders ----------

fn preorder(extra: serde_json::Value) -> serde_json::Value {
    let mut item = json!({ "sku": "P", "lifecycle": "unreleased",
        "preorder": { "plannedProduction": 500, "sold": 275, "shipDate": "2027-01-15" } });
    item["preorder"].as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    item
}

#[test]
fn playbook_preorder_500_planned_80_percent_cap_275_sold_leaves_125() {
    let d = d(&one(preorder(json!({}))));
    assert_eq!((d.policy, d.reason, d.can_purchase), (Policy::Preorder, Reason::Preorder, true));
    assert_eq!((d.remaining_preorders, d.max_quantity), (Some(125), 125));
    assert_eq!(d.ship_date, Some(date("2027-01-15")));
    assert_eq!(d.availability_date, Some(date("2027-01-15")));
    assert_eq!((d.schema_org, d.merchant_availability), ("https://schema.org/PreOrder", "preorder"));
    assert_eq!((d.payment, d.cancellable), (Some(Payment::AuthorizeNowCaptureAtShipment), true));
    assert_eq!(d.message.text, "Expected to ship the week of January 10, 2027 · 125 left at pre-order");
    assert_eq!((d.message.badge.as_str(), d.message.button.as_str()), ("Pre-order", "Pre-order"));
}

#[test]
fn playbook_preorder_at_400_sold_switches_to_the_waitlist() {
    let d = d(&one(preorder(json!({ "sold": 400 }))));
    assert_eq!((d.policy, d.reason, d.notify_me), (Policy::OutOfStock, Reason::PreorderCapReached, true));
    assert_eq!(d.schema_org, "https://schema.org/SoldOut");
    assert_eq!((d.max_quantity, d.ship_date, d.remaining_preorders), (0, None, None));
    assert_eq!(d.message.button, "Notify me");
}

#[test]
fn cap_is_computed_as_an_exact_decimal() {
    let d = d(&one(preorder(json!({ "plannedProduction": 100, "capRatio": 0.29, "sold": 0 }))));
    assert_eq!(d.remaining_preorders, Some(29));
    let store = catalog(
        json!({ "preorder": { "capRatio": 0.57 } }),
        json!([preorder(json!({ "plannedProduction": 100, "sold": 0 }))]),
    );
    assert_eq!(common::d(&store).remaining_preorders, Some(57));
}

#[test]
fn limit_even_zero_overrides_the_ratio() {
    assert_eq!(d(&one(preorder(json!({ "limit": 300 })))).remaining_preorders, Some(25));
    assert_eq!(d(&one(preorder(json!({ "limit": 0 })))).reason, Reason::PreorderCapReached);
}

#[test]
fn preorder_without_a_cap_is_never_sold() {
    let d = d(&one(json!({ "sku": "P", "lifecycle": "unreleased", "preorder": { "shipDate": "2027-01-15" } })));
    assert_eq!((d.reason, d.notify_me), (Reason::PreorderUncapped, true));
}

#[test]
fn preorder_without_a_date_is_coming_soon_not_for_sale() {
    let d = d(&one(json!({ "sku": "P", "lifecycle": "unreleased", "preorder": { "limit": 10 } })));
    assert_eq!((d.policy, d.reason, d.notify_me), (Policy::OutOfStock, Reason::PreorderUndated, true));
}

#[test]
fn preorder_ship_date_in_the_past_is_overdue() {
    let d = d(&one(preorder(json!({ "shipDate": "2026-11-22" }))));
    assert_eq!((d.reason, d.notify_me), (Reason::PreorderOverdue, true));
    assert_eq!(common::d(&one(preorder(json!({ "shipDate": "2026-11-23" })))).reason, Reason::Preorder);
}

#[test]
fn preorder_window_bounds_are_inclusive() {
    let window = json!({ "startsAt": "2026-11-23T10:00:00Z", "endsAt": "2026-11-30T10:00:00Z" });
    let c = catalog(json!({ "maxAgeHours": 1000 }), json!([preorder(window)]));
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T09:59:59Z").reason, Reason::PreorderNotOpen);
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T09:59:59Z").message.badge, "Coming soon");
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T10:00:00Z").reason, Reason::Preorder);
    assert_eq!(decide(&c, "dtc", 1, "2026-11-30T10:00:00Z").reason, Reason::Preorder);
    let closed = decide(&c, "dtc", 1, "2026-11-30T10:00:01Z");
    assert_eq!((closed.reason, closed.notify_me), (Reason::PreorderClosed, true));
}

#[test]
fn a_release_date_is_an_embargo_even_with_stock_on_hand() {
    let c = one(json!({ "sku": "NEW", "onHand": 50,
        "preorder": { "limit": 20, "releaseDate": "2026-12-05" } }));
    let d = d(&c);
    assert_eq!(d.policy, Policy::Preorder);
    // Saturday 5 December → next business day, Monday 7 December.
    assert_eq!(d.ship_date, Some(date("2026-12-07")));
    // On release day the item is active and sells from stock.
    assert_eq!(decide(&c, "dtc", 1, "2026-12-05T10:00:00Z").policy, Policy::InStock);
}

#[test]
fn preorder_ship_date_is_production_plus_buffer_then_never_before_release() {
    // 2026-12-01 + 7 days = Tue 8 Dec.
    let c = one(
        json!({ "sku": "P", "lifecycle": "unreleased", "preorder": { "limit": 5, "productionDate": "2026-12-01" } }),
    );
    assert_eq!(d(&c).ship_date, Some(date("2026-12-08")));
    // + 4 days = Sat 5 Dec → Mon 7 Dec.
    let c = one(
        json!({ "sku": "P", "lifecycle": "unreleased", "preorder": { "limit": 5, "productionDate": "2026-12-01", "bufferDays": 4 } }),
    );
    assert_eq!(d(&c).ship_date, Some(date("2026-12-07")));
    // Release later than the padded date wins.
    let c =
        one(json!({ "sku": "P", "preorder": { "limit": 5, "shipDate": "2026-12-02", "releaseDate": "2026-12-10" } }));
    assert_eq!(d(&c).ship_date, Some(date("2026-12-10")));
}

#[test]
fn preorder_quantity_over_remaining_keeps_the_policy_but_refuses() {
    let d = decide(&one(preorder(json!({}))), "dtc", 126, NOW);
    assert_eq!(
        (d.policy, d.reason, d.can_purchase, d.max_quantity),
        (Policy::Preorder, Reason::ExceedsPreorderRemaining, false, 125)
    );
    assert_eq!(d.message.text, "Only 125 left at pre-order — expected to ship the week of January 10, 2027");
    assert_eq!(decide(&one(preorder(json!({}))), "dtc", 125, NOW).reason, Reason::Preorder);
}

#[test]
fn channels_refuse_preorders_per_the_table() {
    let c = one(preorder(json!({})));
    for channel in ["walmart", "tiktok_shop", "amazon"] {
        let d = decide(&c, channel, 1, NOW);
        assert_eq!((d.reason, d.notify_me), (Reason::ChannelDisallowsPreorder, false), "{channel}");
    }
    let registered =
        catalog(json!({ "channels": { "amazon": { "brandRegistry": true } } }), json!([preorder(json!({}))]));
    assert_eq!(decide(&registered, "amazon", 1, NOW).reason, Reason::Preorder);
    let item_registered =
        one(json!({ "sku": "P", "lifecycle": "unreleased", "channels": { "amazon": { "brandRegistry": true } },
        "preorder": { "limit": 5, "shipDate": "2026-12-01" } }));
    assert_eq!(decide(&item_registered, "amazon", 1, NOW).reason, Reason::Preorder);
    let explicit_off = catalog(
        json!({ "channels": { "amazon": { "brandRegistry": true, "preorder": false } } }),
        json!([preorder(json!({}))]),
    );
    assert_eq!(decide(&explicit_off, "amazon", 1, NOW).reason, Reason::ChannelDisallowsPreorder);
}

#[test]
fn ebay_takes_preorders_shipping_within_30_days() {
    let within = one(preorder(json!({ "shipDate": "2026-12-23" }))); // 30 days out
    assert_eq!(decide(&within, "ebay", 1, NOW).reason, Reason::Preorder);
    let beyond = one(preorder(json!({ "shipDate": "2026-12-24" }))); // 31 days out
    assert_eq!(decide(&beyond, "ebay", 1, NOW).reason, Reason::ChannelDisallowsPreorder);
    assert_eq!(decide(&beyond, "dtc", 1, NOW).reason, Reason::Preorder);
    let unlimited = catalog(
        json!({ "channels": { "ebay": { "maxShipDays": null } } }),
        json!([preorder(json!({ "shipDate": "2026-12-24" }))]),
    );
    assert_eq!(decide(&unlimited, "ebay", 1, NOW).reason, Reason::Preorder);
}

// ---------- rule 3: in stock, ship dates ----------

#[test]
fn in_stock_ships_today_before_cutoff() {
    let d = d(&one(json!({ "sku": "A", "onHand": 10, "reserved": 3 })));
    assert_eq!((d.policy, d.reason, d.can_purchase, d.max_quantity), (Policy::InStock, Reason::InStock, true, 7));
    assert_eq!(d.ship_date, Some(date("2026-11-23")));
    assert_eq!((d.payment, d.cancellable, d.availability_date), (Some(Payment::ChargeNow), false, None));
    assert_eq!(d.schema_org, "https://schema.org/InStock");
    assert_eq!(d.message.text, "In stock — ships today");
}

#[test]
fn cutoff_1359_ships_today_and_1400_tomorrow_in_store_time() {
    let c = catalog(json!({ "timeZone": "Europe/Berlin" }), json!([{ "sku": "A", "onHand": 1 }]));
    // Berlin is UTC+1 in November.
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T12:59:59Z").ship_date, Some(date("2026-11-23")));
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T13:00:00Z").ship_date, Some(date("2026-11-24")));
}

#[test]
fn friday_after_cutoff_ships_monday() {
    let c = one(json!({ "sku": "A", "onHand": 1 }));
    assert_eq!(decide(&c, "dtc", 1, "2026-11-27T15:00:00Z").ship_date, Some(date("2026-11-30")));
    assert_eq!(decide(&c, "dtc", 1, "2026-11-28T09:00:00Z").ship_date, Some(date("2026-11-30")));
}

#[test]
fn a_holiday_monday_ships_tuesday() {
    let c = catalog(json!({ "holidays": ["2026-11-30"] }), json!([{ "sku": "A", "onHand": 1 }]));
    assert_eq!(decide(&c, "dtc", 1, "2026-11-27T15:00:00Z").ship_date, Some(date("2026-12-01")));
}

#[test]
fn handling_days_and_custom_business_days_count() {
    let c = catalog(
        json!({ "handlingDays": 2, "businessDays": ["mon", "wed", "fri"] }),
        json!([{ "sku": "A", "onHand": 1 }]),
    );
    // Processing Mon 23 → +2 business days (Wed 25, Fri 27).
    assert_eq!(d(&c).ship_date, Some(date("2026-11-27")));
}

#[test]
fn an_instant_that_is_still_yesterday_in_the_store_time_zone() {
    // 2026-11-24T03:00Z is Monday 23 November, 19:00 in Los Angeles.
    let store =
        |tz: &str| catalog(json!({ "timeZone": tz }), json!([{ "sku": "B", "restock": restock("2026-11-23", 10, 0) }]));
    let la = decide(&store("America/Los_Angeles"), "dtc", 1, "2026-11-24T03:00:00Z");
    assert_eq!(la.reason, Reason::Backorder);
    assert_eq!(la.ship_date, Some(date("2026-11-24")));
    let utc = decide(&store("UTC"), "dtc", 1, "2026-11-24T03:00:00Z");
    assert_eq!(utc.reason, Reason::RestockOverdue);
}

#[test]
fn low_stock_at_or_below_the_threshold() {
    let c = catalog(
        json!({ "lowStockThreshold": 3 }),
        json!([{ "sku": "A", "onHand": 3 }, { "sku": "B", "onHand": 4 }, { "sku": "C", "onHand": 4, "lowStockThreshold": 5 }]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    let reasons: Vec<_> = all.iter().map(|d| d.reason).collect();
    assert_eq!(reasons, [Reason::LowStock, Reason::InStock, Reason::LowStock]);
    assert_eq!(all[0].message.text, "Only 3 left — ships today");
    assert_eq!(all[0].policy, Policy::InStock);
}

#[test]
fn in_stock_max_quantity_includes_backorder_capacity() {
    let c = one(json!({ "sku": "A", "onHand": 4, "restock": restock("2026-11-30", 10, 3) }));
    assert_eq!(d(&c).max_quantity, 11);
    let refused = one(json!({ "sku": "A", "onHand": 4, "restock": restock("2026-12-30", 10, 3) }));
    // The 3 waiting backorders take 3 of the 4 on hand first (queue first).
    assert_eq!(common::d(&refused).max_quantity, 1);
}

#[test]
fn discontinued_sells_what_is_left_then_stops() {
    let c =
        one(json!({ "sku": "OLD", "lifecycle": "discontinued", "onHand": 2, "restock": restock("2026-11-30", 10, 0) }));
    let d = d(&c);
    assert_eq!((d.reason, d.max_quantity), (Reason::InStock, 2));
    let gone = decide(
        &one(json!({ "sku": "OLD", "lifecycle": "discontinued", "restock": restock("2026-11-30", 10, 0) })),
        "dtc",
        1,
        NOW,
    );
    assert_eq!((gone.policy, gone.reason, gone.notify_me), (Policy::OutOfStock, Reason::Discontinued, false));
    assert_eq!(gone.schema_org, "https://schema.org/Discontinued");
    assert_eq!(gone.message.button, "Sold out");
}

// ---------- rule 4: the backorder flowchart ----------

#[test]
fn backorder_with_queue_position() {
    let d = d(&one(json!({ "sku": "B", "restock": restock("2026-11-30", 40, 12) })));
    assert_eq!((d.policy, d.reason, d.can_purchase, d.notify_me), (Policy::Backorder, Reason::Backorder, true, false));
    // Monday 30 November + 1 receiving day.
    assert_eq!(d.ship_date, Some(date("2026-12-01")));
    assert_eq!((d.queue_position, d.max_quantity), (Some(13), 28));
    assert_eq!(
        (d.schema_org, d.merchant_availability, d.availability_date),
        ("https://schema.org/BackOrder", "backorder", Some(date("2026-12-01")))
    );
    assert_eq!((d.payment, d.cancellable), (Some(Payment::AuthorizeNowCaptureAtShipment), true));
    assert_eq!(d.message.text, "Backordered – ships by Tuesday, December 1");
    assert_eq!((d.message.badge.as_str(), d.message.button.as_str()), ("Backordered", "Backorder"));
}

#[test]
fn backorders_off_in_the_store_and_back_on_for_an_item() {
    let c = catalog(
        json!({ "backorder": { "enabled": false } }),
        json!([{ "sku": "A", "restock": restock("2026-11-30", 5, 0) }, { "sku": "B", "restock": restock("2026-11-30", 5, 0), "backorder": { "enabled": true } }]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    assert_eq!((all[0].reason, all[0].notify_me), (Reason::BackordersDisabled, true));
    assert_eq!(all[1].reason, Reason::Backorder);
}

#[test]
fn an_unconfirmed_restock_promises_nothing() {
    let unconfirmed = json!({ "sku": "A", "restock": { "date": "2026-11-30", "quantity": 5 } });
    let d = d(&one(unconfirmed));
    assert_eq!((d.reason, d.notify_me), (Reason::RestockUnconfirmed, false));
    let no_quantity = json!({ "sku": "A", "restock": { "date": "2026-11-30", "confirmed": true } });
    assert_eq!(common::d(&one(no_quantity)).reason, Reason::RestockUnconfirmed);
    assert_eq!(common::d(&one(json!({ "sku": "A" }))).reason, Reason::RestockUnconfirmed);
}

#[test]
fn a_restock_in_the_past_is_overdue() {
    let d = d(&one(json!({ "sku": "A", "restock": restock("2026-11-22", 5, 0) })));
    assert_eq!((d.reason, d.notify_me), (Reason::RestockOverdue, true));
    assert_eq!(d.message.button, "Notify me");
}

#[test]
fn restock_exactly_14_days_away_is_a_backorder_15_is_too_far() {
    let at = |date: &str| common::d(&one(json!({ "sku": "A", "restock": restock(date, 5, 0) })));
    assert_eq!(at("2026-12-07").reason, Reason::Backorder);
    let far = at("2026-12-08");
    assert_eq!((far.reason, far.notify_me), (Reason::RestockTooFar, true));
    let longer = one(json!({ "sku": "A", "restock": restock("2026-12-08", 5, 0), "backorder": { "maxWaitDays": 21 } }));
    assert_eq!(common::d(&longer).reason, Reason::Backorder);
}

#[test]
fn marketplaces_that_do_not_take_backorders_refuse() {
    let c = one(json!({ "sku": "A", "restock": restock("2026-11-30", 5, 0) }));
    for channel in ["amazon", "walmart", "tiktok_shop"] {
        let d = decide(&c, channel, 1, NOW);
        assert_eq!((d.reason, d.notify_me), (Reason::ChannelDisallowsBackorder, false), "{channel}");
    }
    let opened = catalog(
        json!({ "channels": { "walmart": { "backorder": true } } }),
        json!([{ "sku": "A", "restock": restock("2026-11-30", 5, 0) }]),
    );
    assert_eq!(decide(&opened, "walmart", 1, NOW).reason, Reason::Backorder);
}

#[test]
fn ebay_backorders_must_ship_within_30_days() {
    let item = |date: &str| {
        one(
            json!({ "sku": "A", "restock": restock(date, 5, 0), "backorder": { "maxWaitDays": 60, "receivingDays": 0 } }),
        )
    };
    // Wed 23 December is 30 days out; Thu 24 December 31.
    assert_eq!(decide(&item("2026-12-23"), "ebay", 1, NOW).reason, Reason::Backorder);
    assert_eq!(decide(&item("2026-12-24"), "ebay", 1, NOW).reason, Reason::ChannelDisallowsBackorder);
    assert_eq!(decide(&item("2026-12-24"), "dtc", 1, NOW).reason, Reason::Backorder);
}

#[test]
fn an_oversubscribed_restock_takes_no_more() {
    let d = d(&one(json!({ "sku": "A", "restock": restock("2026-11-30", 5, 5) })));
    assert_eq!((d.reason, d.notify_me), (Reason::RestockOversubscribed, true));
}

#[test]
fn a_line_larger_than_stock_is_split() {
    let c = one(json!({ "sku": "A", "onHand": 2, "restock": restock("2026-11-30", 10, 0) }));
    let d = decide(&c, "dtc", 5, NOW);
    assert_eq!((d.policy, d.reason, d.can_purchase), (Policy::Backorder, Reason::Backorder, true));
    assert_eq!(d.split, Some(Split { now: 2, later: 3 }));
    assert_eq!(d.message.text, "In stock: 2 · Backordered: 3 – ships by Tuesday, December 1");
    assert_eq!(decide(&one(json!({ "sku": "A", "restock": restock("2026-11-30", 10, 0) })), "dtc", 5, NOW).split, None);
}

#[test]
fn a_backorder_above_capacity_keeps_policy_and_date_but_refuses() {
    let c = one(json!({ "sku": "A", "onHand": 2, "restock": restock("2026-11-30", 10, 4) }));
    assert_eq!(decide(&c, "dtc", 8, NOW).reason, Reason::Backorder);
    let d = decide(&c, "dtc", 9, NOW);
    assert_eq!(
        (d.policy, d.reason, d.can_purchase, d.max_quantity),
        (Policy::Backorder, Reason::ExceedsBackorderCapacity, false, 8)
    );
    // The 2 on hand serve 2 of the 4 waiting; the restock owes 2, so a new backorder is third.
    assert_eq!((d.ship_date, d.queue_position, d.split), (Some(date("2026-12-01")), Some(3), None));
}

#[test]
fn when_the_flowchart_refuses_some_stock_is_still_offered() {
    let c = one(json!({ "sku": "A", "onHand": 2 }));
    let d = decide(&c, "dtc", 5, NOW);
    assert_eq!(
        (d.policy, d.reason, d.can_purchase, d.max_quantity),
        (Policy::InStock, Reason::ExceedsAvailable, false, 2)
    );
    assert!(!d.notify_me);
    assert_eq!(d.message.text, "Only 2 available — ships today");
}

// ---------- rule 6: stale snapshots ----------

#[test]
fn a_stale_snapshot_makes_no_dated_promise() {
    let c = catalog(
        json!({ "maxAgeHours": 24 }),
        json!([
            { "sku": "BO", "restock": restock("2026-11-30", 10, 0) },
            { "sku": "PART", "onHand": 1, "restock": restock("2026-11-30", 10, 0) },
            { "sku": "IN", "onHand": 5 },
            preorder(json!({})),
        ]),
    );
    // generatedAt 2026-11-23T08:00Z; exactly 24 h later is not yet stale.
    let fresh = c.decide_all(&request("dtc", 2, "2026-11-24T08:00:00Z")).unwrap();
    assert_eq!(
        fresh.iter().map(|d| d.reason).collect::<Vec<_>>(),
        [Reason::Backorder, Reason::Backorder, Reason::InStock, Reason::Preorder]
    );
    let stale = c.decide_all(&request("dtc", 2, "2026-11-24T08:00:00.001Z")).unwrap();
    assert_eq!(
        stale.iter().map(|d| d.reason).collect::<Vec<_>>(),
        [Reason::StaleSnapshot, Reason::ExceedsAvailable, Reason::InStock, Reason::StaleSnapshot]
    );
    assert!(stale[0].notify_me && stale[3].notify_me);
    assert_eq!(stale[2].max_quantity, 5, "capacity does not count on stale data");
}

#[test]
fn stale_takes_precedence_over_the_quantity_rule() {
    let c = one(preorder(json!({})));
    assert_eq!(decide(&c, "dtc", 500, "2026-11-25T08:00:00Z").reason, Reason::StaleSnapshot);
}

// ---------- deadlines, arguments ----------

#[test]
fn missed_deadlines_warn_in_snapshot_order() {
    let c = catalog(
        json!({ "deadlines": [{ "name": "Christmas", "shipBy": "2026-12-18" }, { "name": "Cyber Monday", "shipBy": "2026-11-30" }, { "name": "New Year", "shipBy": "2026-12-30" }] }),
        json!([{ "sku": "B", "restock": restock("2026-12-01", 10, 0) }, { "sku": "A", "onHand": 1 }]),
    );
    let all = c.decide_all(&request("dtc", 1, NOW)).unwrap();
    let names: Vec<_> = all[0].warnings.iter().map(|w| (w.code, w.deadline.as_str(), w.ship_by)).collect();
    assert_eq!(names, [("deadline_missed", "Cyber Monday", date("2026-11-30"))]);
    assert!(all[1].warnings.is_empty());
}

#[test]
fn quantity_must_be_a_safe_positive_integer() {
    let c = one(json!({ "sku": "A", "onHand": 1 }));
    for bad in [0, 1 << 53] {
        let err = c.decide("A", &request("dtc", bad, NOW)).unwrap_err();
        assert_eq!(err.code, "invalid_quantity");
    }
    assert_eq!(c.decide("A", &request("dtc", (1 << 53) - 1, NOW)).unwrap().reason, Reason::ExceedsAvailable);
    assert_eq!(c.decide("", &request("dtc", 1, NOW)).unwrap_err().code, "invalid_sku");
    assert_eq!(storefront_availability::parse_channel("etsy").unwrap_err().code, "unknown_channel");
}

#[test]
fn every_reason_code_is_serialized_as_its_code() {
    for reason in Reason::ALL {
        assert_eq!(serde_json::to_value(reason).unwrap(), json!(reason.code()));
    }
}

/// Notices (docs/rules.md §1): what the rules refuse about an item
/// whatever its stock, at the snapshot's own time; each agrees with the
/// decision the item gets at zero stock.
#[test]
fn notices_name_what_the_rules_refuse_whatever_the_stock() {
    let c = catalog(
        json!({}),
        json!([
            { "sku": "UNCAPPED", "lifecycle": "unreleased", "preorder": { "shipDate": "2027-01-15" } },
            { "sku": "UNDATED", "lifecycle": "unreleased", "preorder": { "limit": 10 } },
            { "sku": "NEITHER", "lifecycle": "unreleased", "preorder": {} },
            { "sku": "EMBARGO", "onHand": 50, "preorder": { "releaseDate": "2026-12-10" } },
            { "sku": "RELEASED", "onHand": 50, "preorder": { "releaseDate": "2026-11-20" } },
            { "sku": "CAPPED", "lifecycle": "unreleased", "preorder": { "plannedProduction": 100, "productionDate": "2027-01-04" } },
            { "sku": "UNCONFIRMED", "onHand": 9, "backorder": { "enabled": true }, "restock": { "date": "2026-12-01", "quantity": 5 } },
            { "sku": "CONFIRMED", "onHand": 0, "backorder": { "enabled": true }, "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 5 } },
            { "sku": "OFF", "onHand": 0 },
            { "sku": "GONE", "onHand": 0, "lifecycle": "discontinued", "backorder": { "enabled": true } },
            { "sku": "BROKEN", "onHand": "many", "backorder": { "enabled": true } }
        ]),
    );
    let notices: Vec<(String, &str, String)> =
        c.notices().into_iter().map(|n| (n.sku.unwrap(), n.code, n.path)).collect();
    let expected = [
        ("UNCAPPED", "preorder_uncapped", "items[0].preorder"),
        ("UNDATED", "preorder_undated", "items[1].preorder"),
        ("NEITHER", "preorder_uncapped", "items[2].preorder"),
        ("NEITHER", "preorder_undated", "items[2].preorder"),
        ("EMBARGO", "preorder_uncapped", "items[3].preorder"),
        ("UNCONFIRMED", "restock_unconfirmed", "items[6].restock"),
    ];
    assert_eq!(notices, expected.map(|(s, c, p)| (s.to_owned(), c, p.to_owned())));
    // The decision at zero stock says the first of them.
    let at_zero = one(json!({ "sku": "UNCONFIRMED", "onHand": 0, "backorder": { "enabled": true } }));
    assert_eq!(d(&at_zero).reason.code(), "restock_unconfirmed");
    for (i, sku) in [(0, "UNCAPPED"), (1, "UNDATED"), (2, "NEITHER"), (4, "EMBARGO")] {
        let reason = c.decide(sku, &request("dtc", 1, NOW)).unwrap().reason;
        assert_eq!(reason.code(), expected[i].1, "{sku}");
    }
}
