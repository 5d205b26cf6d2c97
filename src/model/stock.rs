//! Where an item's units come from, and its order limits.

use crate::model::channel::Channel;

/// The store's stock locations (`locations` in the snapshot).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locations {
    /// `None` when the snapshot lists none: then every location an item
    /// names is active and serves every channel.
    pub(crate) listed: Option<Vec<Location>>,
}

/// A warehouse, store or fulfilment centre.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Location {
    pub id: String,
    /// An inactive location's stock is not sold.
    pub active: bool,
    /// The channels it serves, by [`Channel`] index; `None`: all of them.
    pub(crate) serves: Option<[bool; Channel::COUNT]>,
}

impl Location {
    pub(crate) fn serves(&self, channel: Channel) -> bool {
        self.serves.map_or(true, |serves| serves.get(channel.index()) == Some(&true))
    }
}

impl Locations {
    /// Whether stock at `id` is known: the store lists no locations, or lists this one.
    pub fn knows(&self, id: &str) -> bool {
        match &self.listed {
            None => true,
            Some(listed) => listed.iter().any(|l| l.id == id),
        }
    }

    pub(crate) fn counts(&self, id: &str, channel: Channel) -> bool {
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
