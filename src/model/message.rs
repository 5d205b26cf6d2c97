//! A decision's message as data, and the merchant's templates.

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A decision's message.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Message {
    /// Short label for a badge: "In stock", "Backordered", "Pre-order" …
    pub badge: String,
    /// One sentence for the product page.
    pub text: String,
    /// The buy button's label.
    pub button: String,
    /// Stable key of the text template, e.g. `backorder`.
    pub key: &'static str,
    /// The values the template fills in (dates as ISO `YYYY-MM-DD`).
    pub params: Params,
    /// A missed store deadline, e.g. "Won't ship in time for Christmas (its ship-by date is December 18)".
    pub notice: Option<String>,
    /// When what is charged, for a purchasable decision asked with a
    /// price: "$40.00 today, $60.00 when it ships".
    pub charge: Option<String>,
    /// For a notify-me decision, what to tell the shopper once their address
    /// is taken: "We'll email you when it's back" (the waitlist of a full
    /// pre-order, or the opening of a coming one, in their own words).
    pub confirm: Option<String>,
    /// The language the text is written in (a BCP 47 tag: the shopper's
    /// locale, or `en` where English stands in for a missing translation):
    /// what a page puts in `lang` when it differs from its own.
    pub lang: String,
}

/// Named template values, serialized as an object.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Params(Vec<(&'static str, Param)>);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Param {
    Date(NaiveDate),
    Count(u64),
    Text(String),
    /// An amount in minor units of a currency.
    Money(u64, Currency),
}

impl Params {
    pub fn with(mut self, name: &'static str, value: Param) -> Params {
        self.0.push((name, value));
        self
    }

    /// The value called `name`.
    pub fn get(&self, name: &str) -> Option<&Param> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

impl Message {
    /// Whether no message was written (a decision asked without messages).
    pub fn is_unwritten(&self) -> bool {
        self.key.is_empty()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            match value {
                Param::Date(d) => map.serialize_entry(name, &crate::model::calendar::iso_date(*d))?,
                Param::Count(n) => map.serialize_entry(name, n)?,
                Param::Text(t) => map.serialize_entry(name, t)?,
                Param::Money(n, _) => map.serialize_entry(name, n)?,
            }
        }
        map.end()
    }
}

/// An ISO 4217 currency code, e.g. `USD`: three upper-case letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency([u8; 3]);

/// Serialized as its code, e.g. `"USD"`.
impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

impl Currency {
    /// `None` unless `code` is three letters A–Z.
    pub fn parse(code: &str) -> Option<Currency> {
        let bytes: [u8; 3] = code.as_bytes().try_into().ok()?;
        bytes.iter().all(u8::is_ascii_uppercase).then_some(Currency(bytes))
    }

    pub fn code(&self) -> String {
        self.0.iter().map(|&b| char::from(b)).collect()
    }

    /// Digits of the minor unit (ISO 4217): 0 for yen, 3 for dinars, else 2.
    pub fn minor_digits(&self) -> u32 {
        match self.code().as_str() {
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF" | "UGX" | "VND" | "VUV"
            | "XAF" | "XOF" | "XPF" => 0,
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }
}

/// The merchant's templates from the snapshot's `messages`, by locale.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides(pub(crate) Vec<(String, Vec<(String, String)>)>);

/// The longest merchant template, in characters (a sentence or two; a
/// 1 MB template once made every `decideAll` run out of memory).
pub(crate) const MAX_TEMPLATE_CHARS: usize = 1000;

/// The most locales of merchant templates a snapshot may hold.
pub(crate) const MAX_LOCALES: usize = 64;

/// Every message key and the placeholders it provides.
pub const KEYS: &[(&str, &[&str])] = &[
    ("in_stock", &["date"]),
    ("low_stock", &["date", "n"]),
    ("exceeds_available", &["date", "n"]),
    ("backorder", &["date", "position"]),
    ("backorder_split", &["date", "position", "now", "later"]),
    ("exceeds_backorder_capacity", &["date", "position", "n"]),
    ("preorder", &["date", "week", "remaining"]),
    ("exceeds_preorder_remaining", &["date", "week", "remaining"]),
    ("discontinued", &[]),
    ("preorder_cap_reached", &[]),
    ("preorder_not_open", &[]),
    ("preorder_closed", &[]),
    ("out_of_stock", &[]),
    ("out_of_stock_notify", &[]),
    ("below_minimum_quantity", &["min"]),
    ("exceeds_order_limit", &["limit"]),
    ("order_limit_reached", &[]),
    ("deadline_missed", &["deadline", "date"]),
    ("product.some_backorder", &[]),
    ("product.some_preorder", &[]),
    ("product.some_sold_out", &[]),
    ("today", &[]),
    ("tomorrow", &[]),
    ("badge.in_stock", &[]),
    ("badge.low_stock", &[]),
    ("badge.backorder", &[]),
    ("badge.preorder", &[]),
    ("badge.out_of_stock", &[]),
    ("badge.sold_out", &[]),
    ("badge.coming_soon", &[]),
    ("badge.discontinued", &[]),
    ("button.add_to_cart", &[]),
    ("button.backorder", &[]),
    ("button.preorder", &[]),
    ("button.notify_me", &[]),
    ("button.sold_out", &[]),
    ("confirmation.subject", &["date", "order", "title"]),
    ("confirmation.preorder_subject", &["week", "order", "title"]),
    ("confirmation.in_stock", &["date", "order", "title"]),
    ("confirmation.backorder", &["date", "order", "title", "position"]),
    ("confirmation.preorder", &["date", "week", "order", "title"]),
    ("status.subject", &["order", "title"]),
    ("status.on_track", &["date", "order", "title"]),
    ("status.delayed", &["date", "order", "title"]),
    ("status.position", &["position", "total"]),
    ("cart.ships_today", &["n"]),
    ("cart.ships_by", &["n", "date"]),
    ("cart.preorder_week", &["n", "week"]),
    ("cart.nothing", &[]),
    ("shipment.today", &[]),
    ("shipment.by", &["date"]),
    ("shipment.week", &["week"]),
    ("charge.today", &["amount"]),
    ("charge.at_shipment", &["amount"]),
    ("charge.at_shipment_on", &["amount", "date"]),
    ("charge.separator", &[]),
    ("notify.back_in_stock", &[]),
    ("notify.waitlist", &[]),
    ("notify.preorder_opens", &[]),
    ("back_in_stock.subject", &["title"]),
    ("back_in_stock.body", &["title", "date"]),
    ("shipped.subject", &["order", "title"]),
    ("shipped.body", &["order", "title"]),
    ("shipped.tracking", &["tracking"]),
    ("status.current", &["status"]),
    ("status.arrival", &["date"]),
    ("stage.in_production", &[]),
    ("stage.in_transit", &[]),
    ("stage.received", &[]),
];

/// Plural categories a key may be suffixed with.
pub const PLURALS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The placeholders of `key` (plural suffix allowed), or `None` for an unknown key.
pub fn placeholders(key: &str) -> Option<&'static [&'static str]> {
    let find = |k: &str| KEYS.iter().find(|(name, _)| *name == k).map(|(_, p)| *p);
    find(key).or_else(|| {
        let (base, category) = key.rsplit_once('.')?;
        PLURALS.contains(&category).then(|| find(base)).flatten()
    })
}

/// What a weekly status update reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusUpdate {
    pub order_number: String,
    pub title: String,
    /// The date promised at order time.
    pub promised: NaiveDate,
    /// The date expected now.
    pub expected: NaiveDate,
    /// "Your order position: X of Y backorders", when known.
    pub position: Option<(u64, u64)>,
    /// Where the order's units are now ("Current status: in transit from the supplier").
    pub stage: Option<Stage>,
    /// When the supplier's delivery is expected at the warehouse.
    pub warehouse_arrival: Option<NaiveDate>,
}

/// Where a backorder's or pre-order's units are, for the weekly status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    InProduction,
    InTransit,
    Received,
}

impl Stage {
    /// `in_production`, `in_transit` or `received`.
    pub fn parse(code: &str) -> Option<Stage> {
        match code {
            "in_production" => Some(Stage::InProduction),
            "in_transit" => Some(Stage::InTransit),
            "received" => Some(Stage::Received),
            _ => None,
        }
    }
}
