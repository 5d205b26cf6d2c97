//! The inventory snapshot as the rules read it (docs/rules.md, "Snapshot").

use std::cell::OnceCell;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use crate::model::calendar::Calendar;
use crate::model::channel::{Channel, ChannelOverrides};
use crate::model::message::Overrides;
use crate::model::problem::Diagnostic;
use crate::model::stock::{Limits, Locations, Source};
use crate::model::zone::StoreZone;

/// The largest snapshot text [`Snapshot::from_json`] reads: 64 MiB, about
/// 500,000 items. Larger stores split their snapshot (per collection).
pub const MAX_SNAPSHOT_BYTES: usize = 64 << 20;

/// A validated snapshot.
pub struct Snapshot {
    pub generated_at: DateTime<Utc>,
    pub max_age_hours: f64,
    pub time_zone: String,
    pub(crate) zone: Box<dyn StoreZone>,
    pub cutoff: NaiveTime,
    pub calendar: Calendar,
    pub handling_days: u32,
    pub backorder: BackorderSettings,
    pub preorder: PreorderSettings,
    pub low_stock_threshold: Option<u64>,
    /// Units held back from online sale (Magento's `min_qty`), overridable per item.
    pub out_of_stock_threshold: Option<u64>,
    /// Stock locations and the channels each serves.
    pub locations: Locations,
    pub deadlines: Vec<Deadline>,
    pub channels: ChannelOverrides,
    /// The merchant's message templates.
    pub messages: Overrides,
    /// `hideSoldOut`: list sold-out items as hidden (WooCommerce's "hide out
    /// of stock items"); an item's own setting wins.
    pub hide_sold_out: bool,
    /// Every item in snapshot order, valid or not, each read from the
    /// snapshot text the first time it is asked for ([`Snapshot::items`]).
    pub(crate) items: Items,
    /// Problems outside items (templates, channel and location names, half
    /// characters), listed after the items' own.
    pub(crate) store_diagnostics: Vec<Diagnostic>,
    /// Every problem, items' first: made on first use ([`Snapshot::diagnostics`]).
    pub(crate) diagnostics: OnceCell<Vec<Diagnostic>>,
    /// Position in `items` of each SKU (duplicates point at an invalid entry).
    pub(crate) index: HashMap<String, usize>,
}

/// What a patch changes of a snapshot: its items, their index (`None`:
/// as it is), its `generatedAt` and the problems found (see
/// [`Snapshot::swap_items`]).
pub(crate) struct ItemParts {
    pub(crate) items: Items,
    pub(crate) index: Option<HashMap<String, usize>>,
    pub(crate) generated_at: DateTime<Utc>,
    pub(crate) diagnostics: OnceCell<Vec<Diagnostic>>,
}

/// The items of a snapshot, read lazily: loading finds where each item's
/// JSON starts and ends, its `sku` and `productId` (what the index, the
/// SKU list and product roll-ups need) and checks the whole text is JSON;
/// an item's other fields are read and validated the first time it is
/// decided. A product page decides one SKU of thousands (BENCHMARKS.md:
/// loading 10k items takes a quarter of the time, 100k items half the
/// wasm memory).
pub(crate) struct Items {
    /// The snapshot text the items are read from.
    pub(crate) text: String,
    /// Where the `items` array is in `text` (a patch is spliced there).
    pub(crate) array: (usize, usize),
    pub(crate) slots: Slots,
    /// Reads item `i` (the read layer's; the model imports no reader).
    pub(crate) read: fn(&Snapshot, usize) -> ItemRead,
}

/// The items' slots, in chunks of [`Slots::CHUNK`]: one vector grown by
/// doubling left holes in wasm memory (which never shrinks) as large as
/// the vector itself, 8 MB for 100k items.
#[derive(Default)]
pub(crate) struct Slots {
    chunks: Vec<Vec<Slot>>,
    len: usize,
}

impl Slots {
    const CHUNK: usize = 1024;

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Slot> {
        self.chunks.get(i / Self::CHUNK)?.get(i % Self::CHUNK)
    }

    pub(crate) fn get_mut(&mut self, i: usize) -> Option<&mut Slot> {
        self.chunks.get_mut(i / Self::CHUNK)?.get_mut(i % Self::CHUNK)
    }

    pub(crate) fn push(&mut self, slot: Slot) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < Self::CHUNK => chunk.push(slot),
            _ => {
                // The first chunk grows as needed (a small snapshot keeps
                // a small one); later ones are made whole.
                let mut chunk = if self.chunks.is_empty() { Vec::new() } else { Vec::with_capacity(Self::CHUNK) };
                chunk.push(slot);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Slot> + '_ {
        self.chunks.iter().flatten()
    }
}

/// One item: where it is in the text, what loading read of it, and the
/// entry once read.
pub(crate) struct Slot {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The item's `sku` (a non-empty string) and `productId` (a string), as loading read them.
    pub(crate) sku: Option<TextRef>,
    pub(crate) product_id: Option<TextRef>,
    /// For an SKU more than one item holds: the position of its first holder.
    pub(crate) duplicate_of: Option<usize>,
    pub(crate) entry: OnceCell<Entry>,
}

/// A string of the snapshot text: where it is (byte offset and length),
/// or its value when it held escapes. No copy of an SKU for each item.
pub(crate) enum TextRef {
    At(usize, usize),
    Own(Box<str>),
}

impl TextRef {
    /// The string, from `text` (the snapshot text it was read from).
    pub(crate) fn get<'a>(&'a self, text: &'a str) -> &'a str {
        match self {
            TextRef::At(start, len) => text.get(*start..start + len).unwrap_or_default(),
            TextRef::Own(value) => value,
        }
    }
}

/// An item as read: its entry, the problems reading it found (in the
/// order of docs/rules.md §1: its fields, its channel names, a duplicate
/// SKU) and those of its stock (a kit that cannot be sold, stock at
/// locations the store does not list).
pub(crate) struct ItemRead {
    pub(crate) entry: Entry,
    pub(crate) found: Vec<Diagnostic>,
    pub(crate) stock: Vec<Diagnostic>,
}

/// Store-wide backorder settings, each overridable per item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackorderSettings {
    pub enabled: bool,
    pub max_wait_days: u32,
    pub receiving_days: u32,
}

/// Store-wide pre-order settings, each overridable per item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreorderSettings {
    pub cap_ratio: Ratio,
    pub buffer_days: u32,
}

/// The defaults of docs/rules.md §1: backorders on, up to 14 days' wait,
/// one receiving day.
impl Default for BackorderSettings {
    fn default() -> BackorderSettings {
        BackorderSettings { enabled: true, max_wait_days: 14, receiving_days: 1 }
    }
}

/// The defaults of docs/rules.md §1: a cap of 80 % of planned production,
/// a 7-day buffer.
impl Default for PreorderSettings {
    fn default() -> PreorderSettings {
        PreorderSettings { cap_ratio: Ratio::DEFAULT, buffer_days: 7 }
    }
}

/// A store deadline, e.g. Christmas: orders must ship by `ship_by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub name: String,
    /// The name in other languages, by lower-case BCP 47 tag (`de`, `fr-ca`).
    pub names: Vec<(String, String)>,
    pub ship_by: NaiveDate,
}

/// One entry of `items`: a variant, or the remains of one that failed validation.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    /// Boxed so a catalog's `Vec<Entry>` holds pointers: growing it while
    /// items stream in copies 8 bytes per item, not the whole item.
    Valid(Box<Item>),
    /// Decided fail-safe as `invalid_item`; `sku` and `productId` when they could be read.
    Invalid { sku: Option<String>, product_id: Option<String> },
}

impl Entry {
    pub fn sku(&self) -> Option<&str> {
        match self {
            Entry::Valid(item) => Some(&item.sku),
            Entry::Invalid { sku, .. } => sku.as_deref(),
        }
    }

    /// The product the entry is a variant of.
    pub fn product_id(&self) -> Option<&str> {
        match self {
            Entry::Valid(item) => item.product_id.as_deref(),
            Entry::Invalid { product_id, .. } => product_id.as_deref(),
        }
    }

    /// What the product roll-up groups by: `productId`, else the SKU (a product of its own).
    pub fn product_key(&self) -> Option<&str> {
        self.product_id().or(self.sku())
    }
}

/// A product variant's stock and selling settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub sku: String,
    pub product_id: Option<String>,
    pub title: Option<String>,
    pub lifecycle: Lifecycle,
    /// `onHand`, `locations` or `components`.
    pub source: Source,
    pub reserved: u64,
    pub low_stock_threshold: Option<u64>,
    pub out_of_stock_threshold: Option<u64>,
    /// Boxed: most items have none.
    pub limits: Option<Box<Limits>>,
    /// Incoming supplier deliveries (`restock`: one object, or a list of
    /// them), in date order, undated ones last.
    pub restock: Vec<Restock>,
    pub backorder_enabled: Option<bool>,
    pub max_wait_days: Option<u32>,
    pub receiving_days: Option<u32>,
    /// `hideSoldOut`, overriding the store's.
    pub hide_sold_out: Option<bool>,
    /// Boxed: most items have none, and items are many.
    pub(crate) preorder: Option<Box<Preorder>>,
    /// Boxed: most items have none.
    pub(crate) channels: Option<Box<ChannelOverrides>>,
}

const NO_PREORDER: Preorder = Preorder {
    planned_production: None,
    sold: 0,
    limit: None,
    cap_ratio: None,
    buffer_days: None,
    starts_at: None,
    ends_at: None,
    production_date: None,
    release_date: None,
    ship_date: None,
    deposit: None,
    channel_caps: [None; Channel::COUNT],
};

impl Item {
    /// The item's pre-order terms (all unset when it has none).
    pub fn preorder(&self) -> &Preorder {
        self.preorder.as_deref().unwrap_or(&NO_PREORDER)
    }

    /// The item's channel overrides.
    pub fn channels(&self) -> &ChannelOverrides {
        self.channels.as_deref().unwrap_or(&ChannelOverrides::NONE)
    }

    /// The item's order limits (all unset when it has none).
    pub fn limits(&self) -> Limits {
        self.limits.as_deref().copied().unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifecycle {
    Active,
    Discontinued,
    Unreleased,
}

/// A supplier purchase order on its way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restock {
    pub date: Option<NaiveDate>,
    pub confirmed: bool,
    pub quantity: Option<u64>,
    pub backordered: u64,
}

impl Restock {
    /// Confirmed only with `confirmed: true`, a date and a quantity.
    pub fn confirmed_date_and_quantity(&self) -> Option<(NaiveDate, u64)> {
        match (self.confirmed, self.date, self.quantity) {
            (true, Some(date), Some(quantity)) => Some((date, quantity)),
            _ => None,
        }
    }
}

/// An item's pre-order terms (all optional).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preorder {
    pub planned_production: Option<u64>,
    pub sold: u64,
    pub limit: Option<u64>,
    pub cap_ratio: Option<Ratio>,
    pub buffer_days: Option<u32>,
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub production_date: Option<NaiveDate>,
    pub release_date: Option<NaiveDate>,
    pub ship_date: Option<NaiveDate>,
    /// Charged at checkout; the balance is captured at shipment.
    pub deposit: Option<Deposit>,
    /// A cap per channel on top of the item's cap (Saleor's channel
    /// `preorderThreshold`): the tighter one binds. By [`Channel`] index.
    pub channel_caps: [Option<ChannelCap>; Channel::COUNT],
}

/// One channel's pre-order cap: at most `limit`, of which `sold` are taken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelCap {
    pub limit: u64,
    pub sold: u64,
}

/// A pre-order deposit, as Shopify's pre-order selling plans model it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deposit {
    /// A share of the line total, e.g. 20 % (exact decimal).
    Percentage(Percent),
    /// A fixed amount per unit in minor units (capped at the unit price).
    PerUnit(u64),
}

/// A percentage from 0 to 100 kept as the exact decimal `digits / 10^scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent {
    pub(crate) digits: u64,
    pub(crate) scale: u32,
}

impl Percent {
    /// `amount × self / 100`, rounded half up to the minor unit.
    ///
    /// ```
    /// use storefront_availability::internals::Percent;
    /// let p = Percent::from_f64(12.5).unwrap();
    /// assert_eq!(p.of(1999), 250); // 249.875 → 250
    /// assert_eq!(Percent::from_f64(20.0).unwrap().of(2505), 501);
    /// ```
    pub fn of(self, amount: u64) -> u64 {
        let denominator = 100 * 10u128.pow(self.scale);
        let doubled = 2 * u128::from(amount) * u128::from(self.digits) + denominator;
        u64::try_from(doubled / (2 * denominator)).unwrap_or(amount).min(amount)
    }

    pub fn from_f64(value: f64) -> Option<Percent> {
        if !(0.0..=100.0).contains(&value) {
            return None;
        }
        let (digits, scale) = crate::model::value::shortest_decimal(value)?;
        Some(Percent { digits, scale })
    }
}

/// A ratio in [0, 1] kept as the exact decimal it was written as, so that
/// `floor(100 × 0.29)` is 29 (floating point gives 28). A number no short
/// decimal reads back as (`0.1 * 3` is `0.30000000000000004`) is kept as
/// its exact binary value instead, never rounded to 0.
///
/// ```
/// use storefront_availability::internals::Ratio;
/// assert_eq!(Ratio::from_f64(0.29).unwrap().floor_mul(100), 29);
/// assert_eq!(Ratio::from_f64(0.8).unwrap().floor_mul(500), 400);
/// assert_eq!(Ratio::from_f64(0.1 * 3.0).unwrap().floor_mul(100), 30);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// The ratio is `digits / divisor`.
    pub(crate) digits: u128,
    pub(crate) divisor: u128,
}

impl Ratio {
    pub(crate) const DEFAULT: Ratio = Ratio { digits: 8, divisor: 10 };

    /// The shortest decimal that reads back as `value` (what the JSON text
    /// said), else `value`'s exact binary fraction; `None` outside [0, 1].
    pub fn from_f64(value: f64) -> Option<Ratio> {
        if !(0.0..=1.0).contains(&value) {
            return None;
        }
        if let Some((digits, scale)) = crate::model::value::shortest_decimal(value) {
            return Some(Ratio { digits: u128::from(digits), divisor: 10u128.pow(scale) });
        }
        // value = mantissa / 2^shift exactly (value < 1, so shift > 0). Below
        // 2^-120 a ratio floors every count to 0.
        let bits = value.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as i32;
        let (mantissa, shift) = match exponent {
            0 => (bits & ((1 << 52) - 1), 1074),
            _ => ((bits & ((1 << 52) - 1)) | (1 << 52), 1075 - exponent),
        };
        Some(match u32::try_from(shift) {
            Ok(shift) if shift <= 120 => Ratio { digits: u128::from(mantissa), divisor: 1u128 << shift },
            _ => Ratio { digits: 0, divisor: 1 },
        })
    }

    /// `floor(n × self)`, exactly.
    pub fn floor_mul(self, n: u64) -> u64 {
        // n < 2^64 and digits < 2^75, so the product fits in u128 except
        // for counts no snapshot holds; saturating keeps it safe.
        let product = u128::from(n).saturating_mul(self.digits);
        u64::try_from(product / self.divisor.max(1)).unwrap_or(u64::MAX)
    }
}

impl Snapshot {
    /// The entry holding `sku`.
    pub fn entry(&self, sku: &str) -> Option<&Entry> {
        self.index.get(sku).and_then(|&i| self.item_at(i))
    }

    /// The entry at position `i` of `items`, read on first use.
    pub fn item_at(&self, i: usize) -> Option<&Entry> {
        let slot = self.items.slots.get(i)?;
        Some(slot.entry.get_or_init(|| (self.items.read)(self, i).entry))
    }

    /// Every item in snapshot order, valid or not (each read on first use).
    ///
    /// ```
    /// use storefront_availability::Catalog;
    /// let catalog = Catalog::from_json(r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
    ///   "items": [{ "sku": "MUG", "onHand": 3 }, { "sku": "TEE", "onHand": "many" }] }"#).unwrap();
    /// let valid: Vec<bool> = catalog.snapshot().items().map(|e| matches!(e, storefront_availability::Entry::Valid(_))).collect();
    /// assert_eq!(valid, [true, false]);
    /// ```
    pub fn items(&self) -> impl Iterator<Item = &Entry> + '_ {
        (0..self.item_count()).filter_map(|i| self.item_at(i))
    }

    /// The SKUs of the items in snapshot order, without reading the items
    /// (`None` where an item has no readable SKU).
    pub fn skus(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.items.slots.iter().map(|slot| slot.sku.as_ref().map(|sku| sku.get(&self.items.text)))
    }

    /// How many items the snapshot lists, valid or not.
    pub fn item_count(&self) -> usize {
        self.items.slots.len()
    }

    /// The SKU of item `i`, without reading the item.
    pub fn sku_at(&self, i: usize) -> Option<&str> {
        Some(self.items.slots.get(i)?.sku.as_ref()?.get(&self.items.text))
    }

    /// What the product roll-up groups item `i` by (its `productId`, else
    /// its SKU; see [`Entry::product_key`]), without reading the item.
    pub fn product_key_at(&self, i: usize) -> Option<&str> {
        let slot = self.items.slots.get(i)?;
        Some(slot.product_id.as_ref().or(slot.sku.as_ref())?.get(&self.items.text))
    }

    /// Data problems inside items (each with its path, items in snapshot
    /// order), then those outside them. Reads every item not read yet.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.diagnostics.get_or_init(|| {
            let mut all = self.diagnostics_of(&|_| true);
            all.extend(self.store_diagnostics.iter().cloned());
            all
        })
    }

    /// Puts `parts` in place of this snapshot's, and gives back what was.
    pub(crate) fn swap_items(&mut self, parts: ItemParts) -> ItemParts {
        ItemParts {
            items: std::mem::replace(&mut self.items, parts.items),
            index: parts.index.map(|index| std::mem::replace(&mut self.index, index)),
            generated_at: std::mem::replace(&mut self.generated_at, parts.generated_at),
            diagnostics: std::mem::replace(&mut self.diagnostics, parts.diagnostics),
        }
    }

    /// The problems of the items at the positions `wanted` takes, in the
    /// order [`Snapshot::diagnostics`] lists them, reading only those items
    /// (an update checks the items it brings, not the whole catalog).
    pub(crate) fn diagnostics_of(&self, wanted: &dyn Fn(usize) -> bool) -> Vec<Diagnostic> {
        let (mut found, mut stock) = (Vec::new(), Vec::new());
        for (i, slot) in self.items.slots.iter().enumerate().filter(|(i, _)| wanted(*i)) {
            let read = (self.items.read)(self, i);
            found.extend(read.found);
            stock.extend(read.stock);
            let _ = slot.entry.set(read.entry);
        }
        found.extend(stock);
        found
    }
}
