//! # storefront-availability
//!
//! Decides, for every product variant in an inventory snapshot, whether it
//! is in stock, on backorder, on pre-order or out of stock (with or without
//! "notify me"), when it ships, how to say so, and how many are left.
//!
//! The core is pure Rust and knows nothing of JavaScript; servers use it
//! directly, browsers through the `wasm` module compiled to WebAssembly.
//!
//! | module | what it holds |
//! |---|---|
//! | [`json`] | a JSON value tree and a path-aware field reader |
//! | [`snapshot`] | the snapshot format, validation and defaults (SPEC §2) |
//! | [`calendar`] | business days, holidays, cutoff, ship-date arithmetic |
//! | [`zone`] | store time zones (IANA natively, `Intl` in browsers) |
//! | [`channel`] | the channel table and its overrides (SPEC §4) |
//! | [`stock`] | stock per location, kits, the out-of-stock threshold, order limits |
//! | [`decision`] | the rules, reason codes and output (SPEC §3, §5) |
//! | [`message`] | shopper-facing text (SPEC §6) |
//! | [`cart`] | the cart planner: shipments, payment timing (SPEC §7) |
//! | [`catalog`] | a loaded snapshot: `decide`, `decide_all`, `plan_cart`, diagnostics |
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
