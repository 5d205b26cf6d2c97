//! # storefront-availability
//!
//! Decides, for every product variant in an inventory snapshot, whether it
//! is in stock, on backorder, on pre-order or out of stock (with or without
//! "notify me"), when it ships, how to say so, and how many are left.
//!
//! The core is pure Rust and knows nothing of JavaScript; servers use it
//! directly, browsers through the `wasm` module compiled to WebAssembly.
//!
//! The core reads one way, each layer importing only those above it; the
//! rules themselves are written down in `docs/rules.md`.
//!
//! | layer | what it holds |
//! |---|---|
//! | `model` | plain data: the snapshot, requests, decisions, reason codes, problems, messages as data; the time-zone traits |
//! | `read` | JSON text to model: the JSON reader, the streaming visitor, every field reader, load-time diagnostics (§1) |
//! | `rules` | pure functions of model + request + today: stock (§2), the decision (§3–§7), the cart (§9); no text |
//! | `text` | words: the writer, the built-in catalogs, templates (§8) |
//! | [`Catalog`] | the facade: a loaded snapshot and every question a storefront asks it |
//! | `wasm` | the browser boundary: converts arguments and results, nothing more |
//!
//! ```
//! use storefront_availability::{Catalog, Channel, Request, Reason};
//! let catalog = Catalog::from_json(r#"{
//!   "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "timeZone": "Europe/Berlin",
//!   "items": [{ "sku": "TEE-M", "onHand": 0,
//!               "restock": { "date": "2026-11-30", "confirmed": true, "quantity": 40, "backordered": 12 } }]
//! }"#).unwrap();
//! let now = "2026-11-23T09:00:00Z".parse().unwrap();
//! let d = catalog.decide("TEE-M", &Request { quantity: 2, ..Request::at(now) }).unwrap();
//! assert_eq!(d.reason, Reason::Backorder);
//! assert_eq!(d.queue_position, Some(13));
//! assert_eq!(d.message.text, "Backordered – ships by Tuesday, December 1");
//! ```

#![warn(unreachable_pub)]

mod catalog;
mod model;
mod read;
mod rules;
mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use catalog::{health, Catalog};
pub use model::calendar::parse_timestamp;
pub use model::cart::{Capture, Cart, Line, Part, Plan, PlannedLine, Shipment, ShipmentLine};
pub use model::channel::Channel;
pub use model::decision::{
    Decision, Delivery, Listing, Payment, Policy, Price, ProductDecision, Reason, Request, Split, Step, VariantState,
    Warning,
};
pub use model::message::{Currency, Message, Param, Params, Stage, StatusUpdate};
pub use model::metrics::{
    Alarm, Counts, Health, History, Metric, Metrics, OrderLine, ProductHealth, Rate, Receipt, SkuHealth, StockDay,
    Thresholds, Week,
};
pub use model::problem::{ArgError, Diagnostic, HistoryError, Problem, SnapshotError, UpdateError};
pub use model::snapshot::{Entry, Item, Snapshot, MAX_SNAPSHOT_BYTES};
#[cfg(not(target_arch = "wasm32"))]
pub use model::zone::IanaZones;
pub use model::zone::{StoreZone, Zones};
pub use read::options::parse_channel;
pub use text::{DateStyle, Email, English, LocaleText};

/// The crate's internals, for its own tests, fuzz targets and doc examples
/// only: not a stable API, and not documented.
#[doc(hidden)]
pub mod internals {
    pub use crate::model::calendar::{iso_date, parse_date, parse_time, write_timestamp, Calendar};
    pub use crate::model::message::{placeholders, KEYS, PLURALS};
    pub use crate::model::snapshot::{Percent, Ratio};
    pub use crate::model::value::number_text;
    pub use crate::read::json::{replace_lone_surrogates, Fields, Json};
    pub use crate::read::messages::check_template;
    pub use crate::read::options::{
        read_cart, read_confirmation, read_request, read_shipped, read_status_update, string_option, Asked,
    };
    pub use crate::read::parser::{parse_json, SyntaxError};
    pub use crate::read::patch::{read_patch, Patch};
    pub use crate::rules::decision::today;
    pub use crate::text::catalog::{builtin, builtin_more, LANGUAGES};
    pub use crate::text::template::fill;
    #[cfg(target_arch = "wasm32")]
    pub use crate::wasm::intl::{intl_zone, temporal_zone};
    #[cfg(target_arch = "wasm32")]
    pub use crate::wasm::JsCatalog;
}
