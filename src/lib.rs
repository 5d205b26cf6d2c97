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

pub mod model;
pub mod read;
pub mod rules;
pub mod text;

pub mod catalog;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use catalog::Catalog;
pub use model::calendar::parse_timestamp;
pub use model::cart::{Capture, Cart, Line, Part, Plan, PlannedLine, Shipment, ShipmentLine};
pub use model::channel::Channel;
pub use model::decision::{
    Decision, Delivery, Listing, Payment, Policy, Price, ProductDecision, Reason, Request, Split, Warning,
};
pub use model::message::{Currency, Message};
pub use model::problem::{ArgError, Diagnostic, Problem, SnapshotError};
pub use model::snapshot::MAX_SNAPSHOT_BYTES;
pub use text::{DateStyle, Email, English, LocaleText, Stage, StatusUpdate};
