//! Generated snapshots with values across their whole range (huge stock,
//! far dates, any zone, holidays, any quantity and moment): every decision
//! keeps the invariants of docs/rules.md §3 that hold whatever the data.
#![no_main]

use chrono::{DateTime, Duration, NaiveDate};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value};
use storefront_availability::internals::today;
use storefront_availability::{Catalog, Channel, Policy, Reason, Request};

const ZONES: [&str; 5] = ["UTC", "America/St_Johns", "Europe/Berlin", "Pacific/Kiritimati", "Asia/Kathmandu"];
const LIFECYCLES: [&str; 3] = ["active", "discontinued", "unreleased"];

#[derive(Arbitrary, Debug)]
struct Input {
    zone: u8,
    holidays: Vec<i16>,
    business_days: u8,
    cutoff: (u8, u8),
    handling: u8,
    backorder: (bool, u16, u8),
    items: Vec<ItemInput>,
    channel: u8,
    quantity: u64,
    now_minutes: i32,
    age_minutes: i32,
    /// Units the customer already bought (for `maxPerCustomer`).
    purchased: u8,
}

#[derive(Arbitrary, Debug)]
struct ItemInput {
    lifecycle: u8,
    on_hand: i64,
    reserved: u64,
    restock: Option<(i16, bool, Option<u64>, u64)>,
    preorder: Option<(Option<u64>, u64, Option<u64>, Option<i16>, Option<i16>)>,
    /// `minPerOrder`, `maxPerOrder`, `maxPerCustomer` (0 means absent).
    limits: (u8, u8, u8),
}

fn day(base: NaiveDate, offset: i16) -> String {
    (base + Duration::days(offset.into())).to_string()
}

/// The item's `limits` (a minimum above the maximum makes the item invalid, which is fine).
fn limits(it: &ItemInput) -> Value {
    let some = |n: u8| (n > 0).then_some(n);
    json!({ "minPerOrder": some(it.limits.0), "maxPerOrder": some(it.limits.1), "maxPerCustomer": some(it.limits.2) })
}

fn snapshot(input: &Input, base: NaiveDate, generated: DateTime<chrono::Utc>) -> Value {
    let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let business: Vec<_> = (0..7).filter(|i| input.business_days & (1 << i) != 0).map(|i| weekdays[i]).collect();
    let items: Vec<Value> = input
        .items
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, it)| {
            json!({
                "sku": format!("S{i}"),
                "lifecycle": LIFECYCLES[usize::from(it.lifecycle) % 3],
                "onHand": it.on_hand.clamp(-(1 << 53) + 1, (1 << 53) - 1),
                "reserved": it.reserved.min((1 << 53) - 1),
                "restock": it.restock.map(|(d, confirmed, quantity, backordered)| json!({
                    "date": day(base, d), "confirmed": confirmed,
                    "quantity": quantity.map(|q| q.min((1 << 53) - 1)), "backordered": backordered.min((1 << 53) - 1) })),
                "preorder": it.preorder.map(|(planned, sold, limit, ship, release)| json!({
                    "plannedProduction": planned.map(|q| q.min((1 << 53) - 1)), "sold": sold.min((1 << 53) - 1),
                    "limit": limit.map(|q| q.min((1 << 53) - 1)),
                    "shipDate": ship.map(|d| day(base, d)), "releaseDate": release.map(|d| day(base, d)) })),
                "limits": limits(it),
            })
        })
        .collect();
    json!({
        "version": 1, "generatedAt": generated.to_rfc3339(), "timeZone": ZONES[usize::from(input.zone) % ZONES.len()],
        "cutoffTime": format!("{:02}:{:02}", input.cutoff.0 % 24, input.cutoff.1 % 60),
        "businessDays": business, "handlingDays": input.handling % 8,
        "holidays": input.holidays.iter().take(20).map(|d| day(base, *d)).collect::<Vec<_>>(),
        "backorder": { "enabled": input.backorder.0, "maxWaitDays": input.backorder.1 % 4000, "receivingDays": input.backorder.2 % 10 },
        "items": items,
    })
}

fuzz_target!(|input: Input| {
    let base = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = base.and_hms_opt(0, 0, 0).unwrap().and_utc() + Duration::minutes(input.now_minutes.into());
    let generated = now - Duration::minutes(i64::from(input.age_minutes).abs());
    let text = snapshot(&input, base, generated).to_string();
    let catalog = match Catalog::from_json(&text) {
        Ok(catalog) => catalog,
        // Empty business days or a bad zone are store-level errors: refused with a path.
        Err(error) => return assert!(!error.problems.is_empty()),
    };
    let quantity = input.quantity.clamp(1, (1 << 53) - 1);
    let channel = Channel::ALL[usize::from(input.channel) % Channel::ALL.len()];
    let purchased = u64::from(input.purchased);
    let request = Request { channel, quantity, now, purchased, price: None };
    let today = today(catalog.snapshot(), now);
    let all = catalog.decide_all(&request).unwrap();
    for (i, d) in all.iter().enumerate() {
        // A list writes each distinct message once and shares it: an SKU
        // decided on its own gets the same decision, message included.
        if !d.sku.is_empty() && all.iter().filter(|other| other.sku == d.sku).count() == 1 {
            assert_eq!(&catalog.decide(&d.sku, &request).unwrap(), d);
        }
        let purchasable = d.policy != Policy::OutOfStock && d.min_quantity <= quantity && quantity <= d.max_quantity;
        assert_eq!(d.can_purchase, purchasable, "{d:?}");
        if let Some(it) = input.items.get(i).filter(|_| d.reason != Reason::InvalidItem) {
            let customer = (it.limits.2 > 0).then(|| u64::from(it.limits.2).saturating_sub(purchased));
            let order = (it.limits.1 > 0).then_some(u64::from(it.limits.1));
            if let Some(max) = [order, customer].into_iter().flatten().min() {
                assert!(d.max_quantity <= max, "maxQuantity {} over the order limit {max}", d.max_quantity);
            }
        }
        assert!(!d.notify_me || d.policy == Policy::OutOfStock);
        if d.policy == Policy::OutOfStock {
            assert!(d.ship_date.is_none() && d.max_quantity == 0 && d.payment.is_none());
        } else {
            assert!(d.ship_date.is_some_and(|ship| ship >= today), "{d:?} before {today}");
        }
        if matches!(d.reason, Reason::InStock | Reason::LowStock) {
            let it = &input.items[i];
            let on_hand = it.on_hand.clamp(-(1 << 53) + 1, (1 << 53) - 1);
            let available = on_hand.max(0).unsigned_abs().saturating_sub(it.reserved.min((1 << 53) - 1));
            assert!(quantity <= available, "oversold: {quantity} of {available}");
        }
    }
});
