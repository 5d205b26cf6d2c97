//! The oversell invariant's model, shared by tests/oversell.rs (proptest)
//! and fuzz/fuzz_targets/oversell.rs (libFuzzer): a store with locations
//! (written with repeated keys), kits (listing components more than once),
//! thresholds, reservations, restocks and order limits, written as snapshot
//! text; what the snapshot holds, computed here independently of the
//! library (JSON's last-wins for repeated keys, a kit's repeated components
//! added up); and `check`, which asks every path that can promise units.
#![allow(dead_code, clippy::needless_range_loop)] // channels and SKUs are indices into the generated store

use std::collections::HashMap;

use storefront_availability::English;
use storefront_availability::{Cart, Line};
use storefront_availability::{Catalog, Channel, Decision, Policy, Request};

/// Monday 2026-11-23, 10:00 UTC.
const NOW: &str = "2026-11-23T10:00:00Z";

pub const LOCATIONS: [&str; 3] = ["berlin", "paris", "fba"];
pub const CHANNELS: [&str; 5] = ["dtc", "amazon", "ebay", "walmart", "tiktok_shop"];
pub const STOCKED: usize = 3;
pub const KITS: usize = 2;

#[derive(Debug, Clone)]
pub struct Location {
    pub id: usize,
    pub active: bool,
    /// Bit i: serves CHANNELS[i]; `None`: every channel.
    pub serves: Option<u8>,
}

#[derive(Debug, Clone)]
pub enum Source {
    Count(i64),
    /// (location, onHand, reserved), repeats allowed.
    Levels(Vec<(usize, i64, u64)>),
}

#[derive(Debug, Clone)]
pub struct Stocked {
    pub source: Source,
    pub reserved: u64,
    pub threshold: Option<u64>,
    /// (days from today, confirmed, quantity, backordered)
    pub restock: Option<(u32, bool, u64, u64)>,
    pub max_per_order: Option<u64>,
}

#[derive(Debug, Clone)]
pub struct Store {
    /// Empty: the store lists no locations (every location counts).
    pub locations: Vec<Location>,
    pub threshold: Option<u64>,
    pub stocked: Vec<Stocked>,
    /// Per kit: (stocked index, quantity), repeats allowed.
    pub kits: Vec<Vec<(usize, Option<u64>)>>,
}

#[derive(Debug, Clone)]
pub struct CartCase {
    pub lines: Vec<(usize, u64)>,
    pub channel: usize,
    pub purchased: Vec<u64>,
}

pub fn sku(i: usize) -> String {
    if i < STOCKED {
        format!("S{i}")
    } else {
        format!("K{}", i - STOCKED)
    }
}

/// The snapshot as JSON text: repeated keys are written as generated.
pub fn snapshot_text(s: &Store) -> String {
    let mut items = Vec::new();
    for (i, item) in s.stocked.iter().enumerate() {
        let source = match &item.source {
            Source::Count(n) => format!(r#""onHand": {n}"#),
            Source::Levels(levels) => {
                let entries: Vec<String> = levels
                    .iter()
                    .map(|(l, on_hand, reserved)| {
                        format!(r#""{}": {{ "onHand": {on_hand}, "reserved": {reserved} }}"#, LOCATIONS[*l])
                    })
                    .collect();
                format!(r#""locations": {{ {} }}"#, entries.join(", "))
            }
        };
        let mut fields = vec![format!(r#""sku": "S{i}""#), source, format!(r#""reserved": {}"#, item.reserved)];
        if let Some(t) = item.threshold {
            fields.push(format!(r#""outOfStockThreshold": {t}"#));
        }
        if let Some((days, confirmed, quantity, backordered)) = item.restock {
            let date =
                chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default() + chrono::Duration::days(days.into());
            fields.push(format!(
                r#""restock": {{ "date": "{date}", "confirmed": {confirmed}, "quantity": {quantity}, "backordered": {backordered} }}"#
            ));
        }
        if let Some(max) = item.max_per_order {
            fields.push(format!(r#""limits": {{ "maxPerOrder": {max}, "maxPerCustomer": {} }}"#, max + 1));
        }
        items.push(format!("{{ {} }}", fields.join(", ")));
    }
    for (k, components) in s.kits.iter().enumerate() {
        let list: Vec<String> = components
            .iter()
            .map(|(c, q)| match q {
                Some(q) => format!(r#"{{ "sku": "S{c}", "quantity": {q} }}"#),
                None => format!(r#"{{ "sku": "S{c}" }}"#),
            })
            .collect();
        items.push(format!(r#"{{ "sku": "K{k}", "components": [{}] }}"#, list.join(", ")));
    }
    let mut store = vec![r#""version": 1, "generatedAt": "2026-11-23T08:00:00Z""#.to_owned()];
    if !s.locations.is_empty() {
        let entries: Vec<String> = s
            .locations
            .iter()
            .map(|l| {
                let channels = match l.serves {
                    None => String::new(),
                    Some(mask) => {
                        let names: Vec<String> =
                            (0..5).filter(|b| mask & (1 << b) != 0).map(|b| format!("\"{}\"", CHANNELS[b])).collect();
                        format!(r#", "channels": [{}]"#, names.join(", "))
                    }
                };
                format!(r#""{}": {{ "active": {}{channels} }}"#, LOCATIONS[l.id], l.active)
            })
            .collect();
        store.push(format!(r#""locations": {{ {} }}"#, entries.join(", ")));
    }
    if let Some(t) = s.threshold {
        store.push(format!(r#""outOfStockThreshold": {t}"#));
    }
    store.push(format!(r#""items": [{}]"#, items.join(", ")));
    format!("{{ {} }}", store.join(", "))
}

/// Units of stocked item `i` sellable now on `channel`, from the generated data.
pub fn stock(s: &Store, i: usize, channel: usize) -> u64 {
    let item = &s.stocked[i];
    let units: i64 = match &item.source {
        Source::Count(n) => *n,
        Source::Levels(levels) => {
            // Last one wins, for the store's locations and the item's levels alike.
            let listed: HashMap<usize, &Location> = s.locations.iter().map(|l| (l.id, l)).collect();
            let counts = |id: usize| {
                s.locations.is_empty()
                    || listed.get(&id).is_some_and(|l| l.active && l.serves.map_or(true, |m| m & (1 << channel) != 0))
            };
            let per_location: HashMap<usize, (i64, u64)> = levels.iter().map(|&(l, n, r)| (l, (n, r))).collect();
            per_location.iter().filter(|(l, _)| counts(**l)).map(|(_, (n, r))| n - *r as i64).sum()
        }
    };
    let threshold = item.threshold.or(s.threshold).unwrap_or(0);
    (units - item.reserved as i64 - threshold as i64).max(0) as u64
}

/// Units per kit of each stocked item, repeated components added up.
pub fn kit_needs(s: &Store, k: usize) -> HashMap<usize, u64> {
    let mut needs = HashMap::new();
    for (c, q) in &s.kits[k] {
        *needs.entry(*c).or_default() += q.unwrap_or(1);
    }
    needs
}

/// Backorders waiting for stocked item `i`'s restock (confirmed or not).
pub fn waiting(s: &Store, i: usize) -> u64 {
    s.stocked.get(i).and_then(|item| item.restock).map_or(0, |(_, _, _, backordered)| backordered)
}

/// Units of stocked item `i` new orders may take: the waiting backorders
/// are served from stock first (queue first).
pub fn free_stock(s: &Store, i: usize, channel: usize) -> u64 {
    stock(s, i, channel).saturating_sub(waiting(s, i))
}

/// Units of SKU index `x` new orders may take now: a stocked item's free
/// stock, or the kits its components' free stock makes.
pub fn holds(s: &Store, x: usize, channel: usize) -> u64 {
    if x < STOCKED {
        free_stock(s, x, channel)
    } else {
        kit_needs(s, x - STOCKED).iter().map(|(c, q)| free_stock(s, *c, channel) / q).min().unwrap_or(0)
    }
}

/// Restock units a stocked item may still promise to new backorders: its
/// quantity less what it owes the waiting backorders stock does not cover
/// (0 for kits, which have no restock).
pub fn restock_room(s: &Store, x: usize, channel: usize) -> u64 {
    match s.stocked.get(x).and_then(|item| item.restock) {
        Some((_, true, quantity, backordered)) => {
            quantity.saturating_sub(backordered.saturating_sub(stock(s, x, channel)))
        }
        _ => 0,
    }
}

/// (units from stock now, units promised for later) of a decision for `quantity`.
pub fn promised(d: &Decision, quantity: u64) -> (u64, u64) {
    match (d.policy, d.split) {
        (Policy::InStock, _) => (quantity, 0),
        (Policy::Backorder, Some(split)) => (split.now, split.later),
        (Policy::Backorder, None) => (0, quantity),
        _ => (0, 0),
    }
}

pub fn request(channel: usize, quantity: u64) -> Request {
    Request {
        channel: Channel::parse(CHANNELS[channel]).unwrap(),
        quantity,
        now: NOW.parse().unwrap(),
        purchased: 0,
        price: None,
    }
}

/// Fails with a message when `condition` does not hold.
macro_rules! ensure {
    ($condition:expr, $($message:tt)+) => {
        if !$condition {
            return Err(format!($($message)+));
        }
    };
}

/// Checks every path that can promise units against what `s` holds.
pub fn check(s: &Store, cart: &CartCase) -> Result<(), String> {
    let catalog = Catalog::from_json(&snapshot_text(s)).map_err(|e| e.to_string())?;

    for channel in 0..CHANNELS.len() {
        for x in 0..STOCKED + KITS {
            let most = holds(s, x, channel) + restock_room(s, x, channel);
            for quantity in 1..=8 {
                let d = catalog.decide(&sku(x), &request(channel, quantity)).unwrap();
                ensure!(d.max_quantity <= most, "{}: max {} of {most}", sku(x), d.max_quantity);
                if d.can_purchase {
                    let (now, later) = promised(&d, quantity);
                    ensure!(now <= holds(s, x, channel), "{} ×{quantity} on {}: {now} now", sku(x), CHANNELS[channel]);
                    ensure!(later <= restock_room(s, x, channel), "{} ×{quantity}: {later} later", sku(x));
                }
            }
        }
        let all = catalog.decide_all(&request(channel, 1)).unwrap();
        for (x, d) in all.iter().enumerate() {
            ensure!(
                d.max_quantity <= holds(s, x, channel) + restock_room(s, x, channel),
                "{}: decideAll max {}",
                d.sku,
                d.max_quantity
            );
        }
        let products = catalog.decide_products_with(&request(channel, 1), &English).unwrap();
        for (p, d) in products.iter().zip(&all) {
            ensure!(p.can_purchase == d.can_purchase, "{}: product and variant disagree", p.product_id);
        }
    }

    // A cart: units from stock per stocked item (directly and through kits)
    // never exceed its stock; later units never exceed its restock's room.
    let lines: Vec<Line> =
        cart.lines.iter().map(|&(x, quantity)| Line { sku: sku(x), quantity, unit_price: 100 }).collect();
    let purchased = cart.purchased.iter().enumerate().map(|(i, n)| (sku(i), *n)).collect();
    let plan = catalog
        .plan_cart(
            &Cart {
                lines,
                channel: Channel::ALL[cart.channel],
                now: NOW.parse().unwrap(),
                hold_together: false,
                purchased,
                currency: None,
            },
            &English,
        )
        .unwrap();
    let mut from_stock = [0u64; STOCKED];
    let mut seen = Vec::new();
    for line in plan.lines.iter().filter(|l| l.accepted) {
        if seen.contains(&line.sku) {
            continue;
        }
        seen.push(line.sku.clone());
        let x = (0..STOCKED + KITS).find(|x| sku(*x) == line.sku).unwrap();
        let total: u64 = plan.lines.iter().filter(|l| l.accepted && l.sku == line.sku).map(|l| l.quantity).sum();
        let (now, later) = promised(&line.decision, total);
        ensure!(later <= restock_room(s, x, cart.channel), "{}: {later} later", line.sku);
        if x < STOCKED {
            from_stock[x] += now;
            let limit = s.stocked[x].max_per_order.map(|m| m.min(m + 1 - cart.purchased[x].min(m + 1)));
            ensure!(limit.map_or(true, |m| total <= m), "{}: {total} past the order limit", line.sku);
        } else {
            for (c, q) in kit_needs(s, x - STOCKED) {
                from_stock[c] += now * q;
            }
        }
    }
    for (i, units) in from_stock.iter().enumerate() {
        let free = free_stock(s, i, cart.channel);
        ensure!(*units <= free, "S{i}: {units} from stock of {free} left after the waiting backorders");
    }

    Ok(())
}
