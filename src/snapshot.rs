//! The inventory snapshot (SPEC §2): reading, validating, defaults.
//!
//! Store-level problems reject the whole snapshot ([`SnapshotError`]); a
//! problem inside an item makes only that item invalid and is listed in
//! [`Snapshot::diagnostics`] with its JSON path.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::de::{Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;

use crate::calendar::{parse_date, parse_time, parse_weekday, Calendar};
use crate::channel::{unknown_channels, ChannelOverrides};
use crate::json::{as_str, quoted, Entries, Fields, Json, JsonVisitor, KnownKeys, Problem};
use crate::message::Overrides;
use crate::stock::{self, Limits, Locations, Source};
use crate::zone::{StoreZone, Zones};

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
    /// Every item in snapshot order, valid or not.
    pub items: Vec<Entry>,
    /// Data problems inside items, each with its path.
    pub diagnostics: Vec<Diagnostic>,
    /// Position in `items` of each SKU (duplicates point at an invalid entry).
    pub(crate) index: HashMap<String, usize>,
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

/// A store deadline, e.g. Christmas: orders must ship by `ship_by`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub name: String,
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
    preorder: Option<Box<Preorder>>,
    /// Boxed: most items have none.
    channels: Option<Box<ChannelOverrides>>,
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
    channel_caps: [None; 5],
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
    pub channel_caps: [Option<ChannelCap>; 5],
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
    digits: u64,
    scale: u32,
}

impl Percent {
    /// `amount × self / 100`, rounded half up to the minor unit.
    ///
    /// ```
    /// use storefront_availability::snapshot::Percent;
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
        let (digits, scale) = crate::json::shortest_decimal(value)?;
        Some(Percent { digits, scale })
    }
}

/// A ratio in [0, 1] kept as the exact decimal it was written as, so that
/// `floor(100 × 0.29)` is 29 (floating point gives 28). A number no short
/// decimal reads back as (`0.1 * 3` is `0.30000000000000004`) is kept as
/// its exact binary value instead, never rounded to 0.
///
/// ```
/// use storefront_availability::snapshot::Ratio;
/// assert_eq!(Ratio::from_f64(0.29).unwrap().floor_mul(100), 29);
/// assert_eq!(Ratio::from_f64(0.8).unwrap().floor_mul(500), 400);
/// assert_eq!(Ratio::from_f64(0.1 * 3.0).unwrap().floor_mul(100), 30);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// The ratio is `digits / divisor`.
    digits: u128,
    divisor: u128,
}

impl Ratio {
    const DEFAULT: Ratio = Ratio { digits: 8, divisor: 10 };

    /// The shortest decimal that reads back as `value` (what the JSON text
    /// said), else `value`'s exact binary fraction; `None` outside [0, 1].
    pub fn from_f64(value: f64) -> Option<Ratio> {
        if !(0.0..=1.0).contains(&value) {
            return None;
        }
        if let Some((digits, scale)) = crate::json::shortest_decimal(value) {
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

/// An item-level data problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    /// `invalid_item`, `duplicate_sku`, `invalid_template`,
    /// `unknown_channel` (a name in `channels` that is no channel; ignored) or
    /// `unknown_location` (stock at a location the store does not list; not sold).
    pub code: &'static str,
    /// The item's SKU when it could be read (`None` for templates).
    pub sku: Option<String>,
    /// JSON path of the problem, e.g. `items[3].restock.date`.
    pub path: String,
    pub message: String,
}

/// A snapshot rejected as a whole (code `invalid_snapshot`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError {
    /// Every store-level problem found, first one first.
    pub problems: Vec<Problem>,
}

impl SnapshotError {
    pub const CODE: &'static str = "invalid_snapshot";

    fn at(path: &str, message: String) -> SnapshotError {
        SnapshotError { problems: vec![Problem { path: path.into(), message }] }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("invalid snapshot: ")?;
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SnapshotError {}

impl Snapshot {
    /// Parses and validates snapshot JSON text, resolving `timeZone` with `zones`.
    ///
    /// Text over [`MAX_SNAPSHOT_BYTES`] is refused. A string escape that
    /// holds half a character (a lone UTF-16 surrogate, as `JSON.stringify`
    /// writes for a string cut inside an emoji) would make the JSON
    /// invalid and every good item unsellable: it reads as U+FFFD instead,
    /// and an `invalid_text` diagnostic says how many were replaced.
    pub fn from_json(text: &str, zones: &dyn Zones) -> Result<Snapshot, SnapshotError> {
        if text.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::at(
                "",
                format!("the snapshot is {} bytes; the most is {MAX_SNAPSHOT_BYTES} (64 MiB)", text.len()),
            ));
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // One scan of the backslashes first, so the parser is called (and
        // compiled into the wasm) once.
        let repaired = crate::json::replace_lone_surrogates(text);
        let (text, replaced, (line, column)) =
            repaired.as_ref().map_or((text, 0, (0, 0)), |(text, n, place)| (text.as_str(), *n, *place));
        let document: Document =
            serde_json::from_str(text).map_err(|e| SnapshotError::at("", format!("not valid JSON: {e}")))?;
        let mut snapshot = Snapshot::from_document(document, zones)?;
        if replaced > 0 {
            snapshot.diagnostics.push(Diagnostic {
                code: "invalid_text",
                sku: None,
                path: String::new(),
                message: format!(
                    "{replaced} string escape(s) held half a character (a lone UTF-16 surrogate), the first at line {line} column {column}; each reads as U+FFFD"
                ),
            });
        }
        Ok(snapshot)
    }

    /// Validates a snapshot delivered by any serde deserializer (`from_json`
    /// uses `serde_json`).
    pub fn from_document(document: Document, zones: &dyn Zones) -> Result<Snapshot, SnapshotError> {
        let mut problems = Vec::new();
        let store = read_store(document, zones, &mut problems);
        match store {
            Some(store) if problems.is_empty() => Ok(store),
            _ => Err(SnapshotError { problems }),
        }
    }

    /// The entry holding `sku`.
    pub fn entry(&self, sku: &str) -> Option<&Entry> {
        self.index.get(sku).and_then(|&i| self.items.get(i))
    }
}

fn read_store(document: Document, zones: &dyn Zones, problems: &mut Vec<Problem>) -> Option<Snapshot> {
    let Document { store, items } = document;
    let mut f = Fields::new(&store, String::new(), problems)?;
    match f.value("version") {
        Some(Json::Number(v)) if *v == 1.0 => {}
        Some(other) => f.problem("version", format!("expected 1, got {}", other.describe())),
        None => f.problem("version", "missing; expected 1".into()),
    }
    let generated_at = f.require("generatedAt", "an RFC 3339 timestamp", |v| as_str(v).and_then(parse_timestamp));
    let max_age_hours = f.number_in("maxAgeHours", 0.0, 1e6, "a number of hours ≥ 0").unwrap_or(24.0);
    let time_zone = f.string("timeZone").unwrap_or_else(|| "UTC".into());
    let zone = zones.resolve(&time_zone);
    if zone.is_none() {
        f.problem(
            "timeZone",
            format!("expected an IANA time zone name like \"Europe/Berlin\", got {}", quoted(&time_zone)),
        );
    }
    let cutoff = f.read("cutoffTime", "a time \"HH:MM\"", |v| as_str(v).and_then(parse_time));
    let weekdays = f.list("businessDays", "a weekday \"mon\" … \"sun\"", |d| as_str(d).and_then(parse_weekday));
    if weekdays.as_ref().is_some_and(Vec::is_empty) {
        f.problem("businessDays", "expected at least one weekday, got []".into());
    }
    let holidays = f.list("holidays", "a date \"YYYY-MM-DD\"", |d| as_str(d).and_then(parse_date));
    let handling_days = f.days("handlingDays").unwrap_or(0);
    let hide_sold_out = f.boolean("hideSoldOut").unwrap_or(false);
    let backorder = f
        .object("backorder", |b| BackorderSettings {
            enabled: b.boolean("enabled").unwrap_or(true),
            max_wait_days: b.days("maxWaitDays").unwrap_or(14),
            receiving_days: b.days("receivingDays").unwrap_or(1),
        })
        .unwrap_or(BackorderSettings { enabled: true, max_wait_days: 14, receiving_days: 1 });
    let default_ratio = Ratio::DEFAULT;
    let preorder = f
        .object("preorder", |p| PreorderSettings {
            cap_ratio: read_ratio(p).unwrap_or(default_ratio),
            buffer_days: p.days("bufferDays").unwrap_or(7),
        })
        .unwrap_or(PreorderSettings { cap_ratio: default_ratio, buffer_days: 7 });
    let low_stock_threshold = f.integer("lowStockThreshold", 0).map(|n| n as u64);
    let out_of_stock_threshold = f.integer("outOfStockThreshold", 0).map(|n| n as u64);
    let (locations, location_channels) = Locations::read(&mut f);
    let deadlines = f.read("deadlines", "an array of { name, shipBy }", |v| match v {
        Json::Array(list) => Some(list),
        _ => None,
    });
    let deadlines = read_deadlines(&mut f, deadlines.map(Vec::as_slice).unwrap_or(&[]));
    let channels = ChannelOverrides::read(&mut f);
    let reader = match items {
        ItemsField::Read(reader) => reader,
        ItemsField::Absent => {
            f.problem("items", "missing; expected an array of items".into());
            ItemReader::default()
        }
        ItemsField::NotArray(found) => {
            f.problem("items", format!("expected an array of items, got {found}"));
            ItemReader::default()
        }
        ItemsField::Repeated => {
            f.problem("items", "appears more than once; a snapshot has one array of items".into());
            ItemReader::default()
        }
    };
    let store_problems = f.problem_count();
    let (items, mut diagnostics, index) = reader.finish(&locations);
    let messages = Overrides::read(f.value("messages"), &mut diagnostics);
    for (path, message) in unknown_channels(f.value("channels"), "channels") {
        diagnostics.push(Diagnostic { code: "unknown_channel", sku: None, path, message });
    }
    for (path, message) in location_channels {
        diagnostics.push(Diagnostic { code: "unknown_channel", sku: None, path, message });
    }
    if store_problems > 0 {
        return None;
    }
    use chrono::Weekday::*;
    let weekdays: Vec<_> = weekdays.unwrap_or_else(|| vec![Mon, Tue, Wed, Thu, Fri]);
    Some(Snapshot {
        generated_at: generated_at?,
        max_age_hours,
        time_zone,
        zone: zone?,
        cutoff: cutoff.unwrap_or(NaiveTime::from_hms_opt(14, 0, 0)?),
        calendar: Calendar::new(&weekdays, holidays.unwrap_or_default()),
        handling_days,
        backorder,
        preorder,
        low_stock_threshold,
        out_of_stock_threshold,
        locations,
        deadlines,
        channels,
        messages,
        hide_sold_out,
        items,
        diagnostics,
        index,
    })
}

fn read_deadlines(f: &mut Fields, list: &[Json]) -> Vec<Deadline> {
    let mut deadlines = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let path = format!("{}[{i}]", f.path_of("deadlines"));
        let Some(mut d) = f.nested(value, path) else {
            continue;
        };
        let name = d.require("name", "a string", |v| as_str(v).map(str::to_owned));
        let ship_by = d.require("shipBy", "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date));
        if let (Some(name), Some(ship_by)) = (name, ship_by) {
            deadlines.push(Deadline { name, ship_by });
        }
    }
    deadlines
}

fn read_ratio(f: &mut Fields) -> Option<Ratio> {
    f.read("capRatio", "a number from 0 to 1", |v| match v {
        Json::Number(n) => Ratio::from_f64(*n),
        _ => None,
    })
}

pub use crate::calendar::parse_timestamp;

type ReadItems = (Vec<Entry>, Vec<Diagnostic>, HashMap<String, usize>);

/// Reads items one at a time, as the parser hands them over.
#[derive(Default)]
struct ItemReader {
    items: Vec<Entry>,
    diagnostics: Vec<Diagnostic>,
    index: HashMap<String, usize>,
    duplicates: Vec<usize>,
}

impl ItemReader {
    fn push(&mut self, value: &Json) {
        let i = self.items.len();
        let mut problems = Vec::new();
        let item = read_item(value, format!("items[{i}]"), &mut problems);
        let sku = match &item {
            Some(item) => Some(item.sku.clone()),
            None => value.get("sku").and_then(as_str).filter(|s| !s.is_empty()).map(str::to_owned),
        };
        let product_id = value.get("productId").and_then(as_str).map(str::to_owned);
        for problem in problems {
            self.diagnostics.push(Diagnostic {
                code: "invalid_item",
                sku: sku.clone(),
                path: problem.path,
                message: problem.message,
            });
        }
        let preorder_channels = value.get("preorder").and_then(|p| p.get("channels"));
        let unknown = unknown_channels(value.get("channels"), &format!("items[{i}].channels"))
            .into_iter()
            .chain(unknown_channels(preorder_channels, &format!("items[{i}].preorder.channels")));
        for (path, message) in unknown {
            self.diagnostics.push(Diagnostic { code: "unknown_channel", sku: sku.clone(), path, message });
        }
        if let Some(sku) = &sku {
            if let Some(&first) = self.index.get(sku) {
                self.duplicates.extend([first, i]);
                self.diagnostics.push(Diagnostic {
                    code: "duplicate_sku",
                    sku: Some(sku.clone()),
                    path: format!("items[{i}].sku"),
                    message: format!("duplicate SKU {}, first at items[{first}]; every holder is invalid", quoted(sku)),
                });
            } else {
                self.index.insert(sku.clone(), i);
            }
        }
        self.items.push(match item {
            Some(item) => Entry::Valid(Box::new(item)),
            None => Entry::Invalid { sku, product_id },
        });
    }

    /// Marks duplicates and kits that cannot be sold invalid, and lists
    /// stock at locations the store does not list.
    fn finish(mut self, locations: &Locations) -> ReadItems {
        for i in self.duplicates {
            if let Some(entry) = self.items.get_mut(i) {
                invalidate(entry);
            }
        }
        let is_kit = |item: &Item| matches!(item.source, Source::Kit(_));
        let mut broken_kits = Vec::new();
        for (i, entry) in self.items.iter().enumerate() {
            let Entry::Valid(item) = entry else { continue };
            match &item.source {
                Source::Kit(components) => {
                    let lookup = |sku: &str| match self.index.get(sku).and_then(|&k| self.items.get(k)) {
                        Some(Entry::Valid(part)) => Some((true, is_kit(part))),
                        Some(Entry::Invalid { .. }) => Some((false, false)),
                        None => None,
                    };
                    if let Some((j, message)) = stock::kit_problem(components, lookup) {
                        let path = format!("items[{i}].components[{j}].sku");
                        broken_kits.push(i);
                        self.diagnostics.push(Diagnostic {
                            code: "invalid_item",
                            sku: Some(item.sku.clone()),
                            path,
                            message,
                        });
                    }
                }
                Source::Locations(levels) => {
                    for level in levels.iter().filter(|l| !locations.knows(&l.location)) {
                        self.diagnostics.push(Diagnostic {
                            code: "unknown_location",
                            sku: Some(item.sku.clone()),
                            path: format!("items[{i}].locations.{}", level.location),
                            message: format!(
                                "location {} is not in the store's locations; its stock is not sold",
                                quoted(&level.location)
                            ),
                        });
                    }
                }
                Source::Count(_) => {}
            }
        }
        for i in broken_kits {
            if let Some(entry) = self.items.get_mut(i) {
                invalidate(entry);
            }
        }
        self.items.shrink_to_fit();
        (self.items, self.diagnostics, self.index)
    }
}

fn invalidate(entry: &mut Entry) {
    let sku = entry.sku().map(str::to_owned);
    let product_id = entry.product_id().map(str::to_owned);
    *entry = Entry::Invalid { sku, product_id };
}

/// A snapshot as the parser delivers it: the store-level keys as a JSON
/// tree, the items already read one by one. The whole document is never
/// held as a tree (bench: 100k items took 117 MB that way).
pub struct Document {
    store: Json,
    items: ItemsField,
}

enum ItemsField {
    Absent,
    NotArray(String),
    Read(ItemReader),
    /// `items` appeared more than once: which one the merchant meant is unknown.
    Repeated,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Document, D::Error> {
        deserializer.deserialize_any(DocumentVisitor)
    }
}

struct DocumentVisitor;

/// The store-level keys the rules read; any other key is skipped unread.
const STORE_KEYS: &[&str] = &[
    "version",
    "generatedAt",
    "maxAgeHours",
    "timeZone",
    "cutoffTime",
    "businessDays",
    "holidays",
    "handlingDays",
    "backorder",
    "preorder",
    "lowStockThreshold",
    "outOfStockThreshold",
    "locations",
    "deadlines",
    "channels",
    "messages",
    "hideSoldOut",
];

/// The keys of an item the rules read; any other key is skipped unread.
const ITEM_KEYS: &[&str] = &[
    "sku",
    "productId",
    "title",
    "lifecycle",
    "onHand",
    "locations",
    "components",
    "reserved",
    "lowStockThreshold",
    "outOfStockThreshold",
    "limits",
    "restock",
    "backorder",
    "preorder",
    "channels",
    "hideSoldOut",
];

/// Anything but an object is kept whole, for `read_store` to reject.
macro_rules! keep_whole {
    ($($method:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $method<E: serde::de::Error>(self, $($arg: $ty),*) -> Result<Document, E> {
            JsonVisitor.$method($($arg),*).map(|store| Document { store, items: ItemsField::Absent })
        }
    )*};
}

impl<'de> Visitor<'de> for DocumentVisitor {
    type Value = Document;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a snapshot object")
    }

    keep_whole!(visit_bool(v: bool), visit_i64(v: i64), visit_u64(v: u64), visit_f64(v: f64), visit_str(v: &str), visit_unit());

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Document, A::Error> {
        JsonVisitor.visit_seq(seq).map(|store| Document { store, items: ItemsField::Absent })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Document, A::Error> {
        let mut entries = Entries::default();
        let mut items = ItemsField::Absent;
        while let Some(key) = map.next_key::<String>()? {
            if key == "items" && !matches!(items, ItemsField::Absent) {
                map.next_value::<serde::de::IgnoredAny>()?;
                items = ItemsField::Repeated;
            } else if key == "items" {
                items = map.next_value_seed(ItemsSeed)?;
            } else if STORE_KEYS.contains(&key.as_str()) {
                let value = map.next_value::<Json>()?;
                entries.insert(key, value);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(Document { store: Json::Object(entries.into_vec()), items })
    }
}

struct ItemsSeed;

impl<'de> DeserializeSeed<'de> for ItemsSeed {
    type Value = ItemsField;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ItemsField, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemsSeed {
    type Value = ItemsField;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ItemsField, A::Error> {
        let mut reader = ItemReader::default();
        reader.items.reserve(seq.size_hint().unwrap_or(0).min(1 << 20));
        while let Some(item) = seq.next_element_seed(KnownKeys(ITEM_KEYS))? {
            reader.push(&item);
        }
        Ok(ItemsField::Read(reader))
    }

    fn visit_unit<E>(self) -> Result<ItemsField, E> {
        Ok(ItemsField::Absent)
    }
    fn visit_none<E>(self) -> Result<ItemsField, E> {
        Ok(ItemsField::Absent)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ItemsField, A::Error> {
        JsonVisitor.visit_map(map).map(|v| ItemsField::NotArray(v.describe()))
    }
    fn visit_bool<E>(self, v: bool) -> Result<ItemsField, E> {
        Ok(ItemsField::NotArray(Json::Bool(v).describe()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<ItemsField, E> {
        Ok(ItemsField::NotArray(Json::Number(v as f64).describe()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<ItemsField, E> {
        Ok(ItemsField::NotArray(Json::Number(v as f64).describe()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<ItemsField, E> {
        Ok(ItemsField::NotArray(Json::Number(v).describe()))
    }
    fn visit_str<E>(self, v: &str) -> Result<ItemsField, E> {
        Ok(ItemsField::NotArray(Json::String(v.to_owned()).describe()))
    }
}

/// Reads one item; `None` (with problems recorded) when anything is wrong.
fn read_item(value: &Json, path: String, problems: &mut Vec<Problem>) -> Option<Item> {
    let mut f = Fields::new(value, path, problems)?;
    let sku = f.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
    let product_id = f.string("productId");
    let title = f.string("title");
    let lifecycle = f
        .read("lifecycle", "\"active\", \"discontinued\" or \"unreleased\"", |v| match as_str(v)? {
            "active" => Some(Lifecycle::Active),
            "discontinued" => Some(Lifecycle::Discontinued),
            "unreleased" => Some(Lifecycle::Unreleased),
            _ => None,
        })
        .unwrap_or(Lifecycle::Active);
    let source = stock::read_source(&mut f);
    let reserved = count(&mut f, "reserved").unwrap_or(0);
    let low_stock_threshold = count(&mut f, "lowStockThreshold");
    let out_of_stock_threshold = count(&mut f, "outOfStockThreshold");
    let limits = stock::read_limits(&mut f).map(Box::new);
    let restock = read_restock(&mut f);
    let (backorder_enabled, max_wait_days, receiving_days) = f
        .object("backorder", |b| (b.boolean("enabled"), b.days("maxWaitDays"), b.days("receivingDays")))
        .unwrap_or_default();
    let preorder = f.object("preorder", read_preorder).map(Box::new);
    let channels = Some(ChannelOverrides::read(&mut f)).filter(|c| *c != ChannelOverrides::NONE).map(Box::new);
    let hide_sold_out = f.boolean("hideSoldOut");
    if f.problem_count() > 0 {
        return None;
    }
    Some(Item {
        sku: sku?,
        product_id,
        title,
        lifecycle,
        source,
        reserved,
        low_stock_threshold,
        out_of_stock_threshold,
        limits,
        restock,
        backorder_enabled,
        max_wait_days,
        receiving_days,
        hide_sold_out,
        preorder,
        channels,
    })
}

/// `restock`: one delivery `{ date, confirmed, quantity, backordered }`, or
/// a list of them (`restock[2].date` in paths), sorted by date.
fn read_restock(f: &mut Fields) -> Vec<Restock> {
    let delivery = |r: &mut Fields| Restock {
        date: r.read("date", "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date)),
        confirmed: r.boolean("confirmed").unwrap_or(false),
        quantity: count(r, "quantity"),
        backordered: count(r, "backordered").unwrap_or(0),
    };
    let mut deliveries = match f.value("restock") {
        Some(Json::Array(list)) => {
            let base = f.path_of("restock");
            let mut deliveries = Vec::with_capacity(list.len());
            for (i, value) in list.iter().enumerate() {
                if let Some(mut r) = f.nested(value, format!("{base}[{i}]")) {
                    deliveries.push(delivery(&mut r));
                }
            }
            deliveries
        }
        _ => f.object("restock", delivery).into_iter().collect(),
    };
    // Date order, undated last (`None` sorts first, so by (is none, date));
    // a heap sort, the smallest sort code in the wasm.
    let keys: Vec<_> = deliveries.iter().enumerate().map(|(i, d)| (d.date.is_none(), d.date, i)).collect();
    let order = std::collections::BinaryHeap::from(keys).into_sorted_vec();
    let mut slots: Vec<Option<Restock>> = deliveries.drain(..).map(Some).collect();
    order.into_iter().filter_map(|(_, _, i)| slots.get_mut(i).and_then(Option::take)).collect()
}

fn read_preorder(p: &mut Fields) -> Preorder {
    let date = |p: &mut Fields, key: &str| p.read(key, "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date));
    let timestamp =
        |p: &mut Fields, key: &str| p.read(key, "an RFC 3339 timestamp", |v| as_str(v).and_then(parse_timestamp));
    Preorder {
        planned_production: count(p, "plannedProduction"),
        sold: count(p, "sold").unwrap_or(0),
        limit: count(p, "limit"),
        cap_ratio: read_ratio(p),
        buffer_days: p.days("bufferDays"),
        starts_at: timestamp(p, "startsAt"),
        ends_at: timestamp(p, "endsAt"),
        production_date: date(p, "productionDate"),
        release_date: date(p, "releaseDate"),
        ship_date: date(p, "shipDate"),
        deposit: p.object("deposit", read_deposit).flatten(),
        channel_caps: read_channel_caps(p),
    }
}

/// `preorder.channels`: `{ "dtc": { "limit": 50, "sold": 12 } }`.
fn read_channel_caps(p: &mut Fields) -> [Option<ChannelCap>; 5] {
    let mut caps = [None; 5];
    p.object("channels", |channels| {
        for (name, value) in channels.entries() {
            let Some(channel) = crate::Channel::parse(name) else { continue };
            let path = channels.path_of(name);
            let Some(mut c) = channels.nested(value, path) else { continue };
            let limit = c.require("limit", "an integer from 0 to 9007199254740991", |v| {
                crate::json::as_safe_integer(v).filter(|n| *n >= 0).map(|n| n as u64)
            });
            let sold = count(&mut c, "sold").unwrap_or(0);
            if let Some(slot) = caps.get_mut(channel.index()) {
                *slot = limit.map(|limit| ChannelCap { limit, sold });
            }
        }
    });
    caps
}

fn read_deposit(d: &mut Fields) -> Option<Deposit> {
    let kind = d.require("type", "\"percentage\" or \"price\"", |v| match as_str(v)? {
        "percentage" => Some(true),
        "price" => Some(false),
        _ => None,
    })?;
    if kind {
        d.require("value", "a percentage from 0 to 100", |v| match v {
            Json::Number(n) => Percent::from_f64(*n).map(Deposit::Percentage),
            _ => None,
        })
    } else {
        d.require("value", "an amount in minor units (an integer ≥ 0)", |v| {
            crate::json::as_safe_integer(v).filter(|n| *n >= 0).map(|n| Deposit::PerUnit(n as u64))
        })
    }
}

/// An integer ≥ 0 (a count of units).
fn count(f: &mut Fields, key: &str) -> Option<u64> {
    f.integer(key, 0).map(|n| n as u64)
}
