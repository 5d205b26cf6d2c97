//! Where an item's units come from: one count, stock per location (with the
//! locations that serve each channel), or a kit made of other items; the
//! out-of-stock threshold held back from online sale; and order limits.
//!
//! ```
//! use storefront_availability::{Catalog, Channel, Request};
//! let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
//!   "locations": { "berlin": { "channels": ["dtc"] }, "fba": { "channels": ["amazon"] } },
//!   "items": [{ "sku": "MUG", "locations": { "berlin": { "onHand": 4 }, "fba": { "onHand": 9 } } },
//!             { "sku": "SAUCER", "onHand": 7, "outOfStockThreshold": 1 },
//!             { "sku": "SET", "components": [{ "sku": "MUG", "quantity": 2 }, { "sku": "SAUCER", "quantity": 2 }] }] }"#).unwrap();
//! let now = "2026-11-23T09:00:00Z".parse().unwrap();
//! let on = |sku, channel| catalog.decide(sku, &Request { channel, ..Request::at(now) }).unwrap().max_quantity;
//! assert_eq!((on("MUG", Channel::Dtc), on("MUG", Channel::Amazon)), (4, 9));
//! assert_eq!(on("SET", Channel::Dtc), 2); // ⌊4 / 2⌋ mugs, ⌊(7 − 1) / 2⌋ saucers
//! ```

use crate::channel::Channel;
use crate::json::{as_str, quoted, Fields, Json};
use crate::snapshot::{Entry, Item, Snapshot};

/// The store's stock locations (`locations` in the snapshot).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    /// `None` when the snapshot lists none: then every location an item
    /// names is active and serves every channel.
    listed: Option<Vec<Location>>,
}

/// A warehouse, store or fulfilment centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub id: String,
    /// An inactive location's stock is not sold.
    pub active: bool,
    /// The channels it serves, by [`Channel`] index; `None`: all of them.
    serves: Option<[bool; 5]>,
}

impl Location {
    pub fn serves(&self, channel: Channel) -> bool {
        self.serves.map_or(true, |serves| serves.get(channel.index()) == Some(&true))
    }
}

impl Locations {
    /// Reads the store's `locations`: `{ "<id>": { "active": true, "channels": ["dtc", …] } }`.
    /// Unknown channel names are returned as `(path, message)` to be listed
    /// as `unknown_channel` diagnostics; they serve nothing.
    pub(crate) fn read(f: &mut Fields) -> (Locations, Vec<(String, String)>) {
        let mut unknown = Vec::new();
        let listed = f.object("locations", |locations| {
            let mut listed = Vec::new();
            for (id, value) in locations.entries() {
                let path = locations.path_of(id);
                let Some(mut l) = locations.nested(value, path.clone()) else { continue };
                let names = l.list("channels", "a channel name", |v| as_str(v).map(str::to_owned));
                let serves = names.map(|names| {
                    let mut serves = [false; 5];
                    for (i, name) in names.iter().enumerate() {
                        match Channel::parse(name) {
                            Some(channel) => {
                                if let Some(serve) = serves.get_mut(channel.index()) {
                                    *serve = true;
                                }
                            }
                            None => unknown.push((format!("{path}.channels[{i}]"), Channel::unknown(name))),
                        }
                    }
                    serves
                });
                let active = l.boolean("active").unwrap_or(true);
                listed.push(Location { id: id.clone(), active, serves });
            }
            listed
        });
        (Locations { listed }, unknown)
    }

    /// Whether stock at `id` is known: the store lists no locations, or lists this one.
    pub fn knows(&self, id: &str) -> bool {
        match &self.listed {
            None => true,
            Some(listed) => listed.iter().any(|l| l.id == id),
        }
    }

    fn counts(&self, id: &str, channel: Channel) -> bool {
        match &self.listed {
            None => true,
            Some(listed) => listed.iter().any(|l| l.id == id && l.active && l.serves(channel)),
        }
    }
}

/// Where an item's units come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `onHand` (may be negative: oversold).
    Count(i64),
    /// `locations`: stock per location.
    Locations(Vec<Level>),
    /// `components`: a kit or bundle, sold as a whole.
    Kit(Vec<Component>),
}

/// One location's stock of an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level {
    pub location: String,
    pub on_hand: i64,
    pub reserved: u64,
}

/// One component of a kit: `quantity` units of `sku` per kit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub sku: String,
    /// At least 1.
    pub quantity: u64,
}

/// How many one order (and one customer) may buy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    pub min_per_order: Option<u64>,
    pub max_per_order: Option<u64>,
    pub max_per_customer: Option<u64>,
}

impl Limits {
    /// The most this order may hold for a customer who already bought `purchased`.
    pub fn max_for(&self, purchased: u64) -> Option<u64> {
        let customer = self.max_per_customer.map(|max| max.saturating_sub(purchased));
        match (self.max_per_order, customer) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Reads an item's `onHand`, `locations` or `components` (one of them).
pub(crate) fn read_source(f: &mut Fields) -> Source {
    let given: Vec<&str> =
        ["onHand", "locations", "components"].into_iter().filter(|key| f.value(key).is_some()).collect();
    if let [_, second, ..] = given[..] {
        let list = given.iter().map(|k| quoted(k)).collect::<Vec<_>>().join(" and ");
        f.problem(second, format!("give one of onHand, locations or components, not {list}"));
    }
    if f.value("components").is_some() {
        return Source::Kit(read_components(f));
    }
    if f.value("locations").is_some() {
        let levels = f.object("locations", |locations| {
            let mut levels = Vec::new();
            for (id, value) in locations.entries() {
                let path = locations.path_of(id);
                let Some(mut l) = locations.nested(value, path) else { continue };
                let on_hand = l.integer("onHand", i64::MIN).unwrap_or(0);
                let reserved = l.integer("reserved", 0).unwrap_or(0) as u64;
                levels.push(Level { location: id.clone(), on_hand, reserved });
            }
            levels
        });
        return Source::Locations(levels.unwrap_or_default());
    }
    Source::Count(f.integer("onHand", i64::MIN).unwrap_or(0))
}

fn read_components(f: &mut Fields) -> Vec<Component> {
    let Some(Json::Array(values)) = f.value("components") else {
        let found = f.value("components").map(Json::describe).unwrap_or_default();
        f.problem("components", format!("expected an array of {{ sku, quantity }}, got {found}"));
        return Vec::new();
    };
    if values.is_empty() {
        f.problem("components", "expected at least one component, got []".into());
    }
    let mut components: Vec<Component> = Vec::with_capacity(values.len());
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, value) in values.iter().enumerate() {
        let path = format!("{}[{i}]", f.path_of("components"));
        let Some(mut c) = f.nested(value, path) else { continue };
        let sku = c.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
        let quantity = c.read("quantity", "an integer from 1 to 9007199254740991", |v| {
            crate::json::as_safe_integer(v).filter(|n| *n >= 1).map(|n| n as u64)
        });
        let (Some(sku), quantity) = (sku, quantity.unwrap_or(1)) else { continue };
        // A component listed twice needs both quantities per kit: 3 mugs
        // make one kit of { MUG, MUG }, never three.
        match position.get(&sku).and_then(|&at| components.get_mut(at)) {
            Some(first) => match first.quantity.checked_add(quantity).filter(|q| *q <= crate::json::MAX_SAFE_INTEGER) {
                Some(total) => first.quantity = total,
                None => c.problem(
                    "quantity",
                    format!(
                        "{} is listed more than once and needs more than 9007199254740991 per kit in all",
                        quoted(&sku)
                    ),
                ),
            },
            None => {
                position.insert(sku.clone(), components.len());
                components.push(Component { sku, quantity });
            }
        }
    }
    components
}

/// Reads an item's `limits`: `{ minPerOrder, maxPerOrder, maxPerCustomer }`.
pub(crate) fn read_limits(f: &mut Fields) -> Option<Limits> {
    f.object("limits", |l| {
        let mut count = |key: &str| l.integer(key, 1).map(|n| n as u64);
        let limits = Limits {
            min_per_order: count("minPerOrder"),
            max_per_order: count("maxPerOrder"),
            max_per_customer: count("maxPerCustomer"),
        };
        if let (Some(min), Some(max)) = (limits.min_per_order, limits.max_for(0)) {
            if min > max {
                l.problem("minPerOrder", format!("{min} is above the most one order may hold ({max})"));
            }
        }
        limits
    })
}

/// Why a kit cannot be sold, found once every item is read: a component
/// that is missing, invalid or itself a kit. `(component index, message)`.
pub(crate) fn kit_problem(
    components: &[Component],
    entry: impl Fn(&str) -> Option<(bool, bool)>,
) -> Option<(usize, String)> {
    components.iter().enumerate().find_map(|(j, c)| {
        let problem = match entry(&c.sku) {
            None => "no item with this SKU in the snapshot",
            Some((false, _)) => "that item is invalid",
            Some((true, true)) => "that item is itself a kit; components must be stocked items",
            Some((true, false)) => return None,
        };
        Some((j, format!("component {}: {problem}", quoted(&c.sku))))
    })
}

/// Units of `item` that new orders can take on `channel`: the channel's
/// active locations summed (an oversold location counts against the
/// others), or for a kit the fewest kits its components make, then less
/// `reserved`, the out-of-stock threshold and the backorders already
/// waiting; never below 0. `taken` lists units of
/// stocked SKUs already promised to earlier lines of the same cart, so a
/// kit and its components never sell the same unit twice.
pub fn available(snapshot: &Snapshot, item: &Item, channel: Channel, taken: &Taken) -> u64 {
    on_hand(snapshot, item, channel, taken).saturating_sub(waiting(item))
}

/// Backorders already waiting for the item's restock. Units on hand serve
/// them first, first in, first out (queue first), so new orders get only
/// what is left after them.
pub fn waiting(item: &Item) -> u64 {
    item.restock.iter().fold(0, |total, r| total.saturating_add(r.backordered))
}

/// Units of `item` on hand for `channel` before the waiting backorders take
/// theirs; see [`available`].
pub fn on_hand(snapshot: &Snapshot, item: &Item, channel: Channel, taken: &Taken) -> u64 {
    let units = match &item.source {
        Source::Count(on_hand) => i128::from(*on_hand),
        Source::Locations(levels) => levels
            .iter()
            .filter(|l| snapshot.locations.counts(&l.location, channel))
            .map(|l| i128::from(l.on_hand) - i128::from(l.reserved))
            .sum(),
        Source::Kit(components) => components
            .iter()
            .map(|c| match snapshot.entry(&c.sku) {
                Some(Entry::Valid(part)) if !matches!(part.source, Source::Kit(_)) => {
                    i128::from(available(snapshot, part, channel, taken) / c.quantity)
                }
                _ => 0,
            })
            .min()
            .unwrap_or(0),
    };
    // A kit's components hold their own threshold back; the store's is not taken twice.
    let store_threshold = if matches!(item.source, Source::Kit(_)) { None } else { snapshot.out_of_stock_threshold };
    let threshold = item.out_of_stock_threshold.or(store_threshold).unwrap_or(0);
    let used = match item.source {
        Source::Kit(_) => 0,
        _ => taken.get(&item.sku).map_or(0, |n| i128::from(*n)),
    };
    let units = units - i128::from(item.reserved) - i128::from(threshold) - used;
    u64::try_from(units.max(0)).unwrap_or(u64::MAX)
}

/// Units of stocked SKUs already promised from stock, by SKU.
pub type Taken = std::collections::HashMap<String, u64>;

/// Records in `taken` that `units` of `item` leave stock now: the item's
/// own units, or each component's share of a kit.
pub(crate) fn take(item: &Item, units: u64, taken: &mut Taken) {
    let mut add = |sku: &str, n: u64| {
        let total = taken.entry(sku.to_owned()).or_default();
        *total = total.saturating_add(n);
    };
    match &item.source {
        Source::Kit(components) => {
            for c in components {
                add(&c.sku, units.saturating_mul(c.quantity));
            }
        }
        _ => add(&item.sku, units),
    }
}
