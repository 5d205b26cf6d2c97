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

use crate::model::channel::Channel;
use crate::model::snapshot::{Entry, Item, Snapshot};
use crate::model::stock::Source;

/// Units of `item` that new orders can take on `channel`: the channel's
/// active locations summed (an oversold location counts against the
/// others), or for a kit the fewest kits its components make, then less
/// `reserved`, the out-of-stock threshold and the backorders already
/// waiting; never below 0. `taken` lists units of
/// stocked SKUs already promised to earlier lines of the same cart, so a
/// kit and its components never sell the same unit twice.
pub(crate) fn available(snapshot: &Snapshot, item: &Item, channel: Channel, taken: &Taken) -> u64 {
    on_hand(snapshot, item, channel, taken).saturating_sub(waiting(item))
}

/// Backorders already waiting for the item's restock. Units on hand serve
/// them first, first in, first out (queue first), so new orders get only
/// what is left after them.
pub(crate) fn waiting(item: &Item) -> u64 {
    item.restock.iter().fold(0, |total, r| total.saturating_add(r.backordered))
}

/// Units of `item` on hand for `channel` before the waiting backorders take
/// theirs; see [`available`].
pub(crate) fn on_hand(snapshot: &Snapshot, item: &Item, channel: Channel, taken: &Taken) -> u64 {
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
pub(crate) type Taken = std::collections::HashMap<String, u64>;

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
