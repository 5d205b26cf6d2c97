//! Store time zones: turning an instant into a store-local date and time.
//!
//! The core never bundles time-zone data. Servers resolve IANA names with
//! `chrono-tz` ([`IanaZones`], native builds only); the wasm boundary
//! resolves them with the browser's `Intl` and plugs in through [`Zones`].

use chrono::{DateTime, NaiveDateTime, Utc};

/// One resolved store time zone.
pub trait StoreZone {
    /// The store-local wall-clock time at instant `at`.
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime;
}

/// Resolves time-zone names (IANA, e.g. `Europe/Berlin`).
pub trait Zones {
    /// The zone called `name`, or `None` when the name is unknown.
    fn resolve(&self, name: &str) -> Option<Box<dyn StoreZone>>;
}

/// IANA zones from the `chrono-tz` database (native builds).
///
/// ```
/// use storefront_availability::{IanaZones, Zones};
/// let zone = IanaZones.resolve("America/New_York").unwrap();
/// let at = "2026-12-01T03:30:00Z".parse().unwrap();
/// assert_eq!(zone.local(at).to_string(), "2026-11-30 22:30:00");
/// assert!(IanaZones.resolve("Mars/Olympus").is_none());
/// ```
#[cfg(not(target_arch = "wasm32"))]
pub struct IanaZones;

#[cfg(not(target_arch = "wasm32"))]
impl Zones for IanaZones {
    fn resolve(&self, name: &str) -> Option<Box<dyn StoreZone>> {
        let tz: chrono_tz::Tz = name.parse().ok()?;
        Some(Box::new(Iana(tz)))
    }
}

#[cfg(not(target_arch = "wasm32"))]
struct Iana(chrono_tz::Tz);

#[cfg(not(target_arch = "wasm32"))]
impl StoreZone for Iana {
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.0).naive_local()
    }
}
