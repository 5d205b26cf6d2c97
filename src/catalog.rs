//! A loaded snapshot and the questions a storefront asks it.

use chrono::{DateTime, Utc};

use crate::decision::{self, Decision, Request};
use crate::json::MAX_SAFE_INTEGER;
use crate::message::{DateText, EnglishDates};
use crate::snapshot::{Diagnostic, Snapshot, SnapshotError};
use crate::zone::Zones;
use crate::Channel;

/// A caller's mistake (not a data problem): thrown in JavaScript as an
/// `Error` with a stable `code`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError {
    /// `invalid_quantity`, `unknown_channel`, `invalid_now`, `invalid_sku`
    /// or `invalid_locale`.
    pub code: &'static str,
    pub message: String,
}

impl ArgError {
    pub fn new(code: &'static str, message: impl Into<String>) -> ArgError {
        ArgError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ArgError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for ArgError {}

/// A channel by name, or `unknown_channel`.
pub fn parse_channel(name: &str) -> Result<Channel, ArgError> {
    Channel::parse(name).ok_or_else(|| {
        ArgError::new(
            "unknown_channel",
            format!(
                "unknown channel {name:?}; expected one of dtc, amazon, ebay, walmart, tiktok_shop"
            ),
        )
    })
}

/// Checks a quantity: an integer from 1 to 2^53 − 1.
pub fn check_quantity(quantity: f64) -> Result<u64, ArgError> {
    if quantity.fract() == 0.0 && (1.0..=MAX_SAFE_INTEGER as f64).contains(&quantity) {
        Ok(quantity as u64)
    } else {
        Err(ArgError::new(
            "invalid_quantity",
            format!("quantity must be a whole number from 1 to 9007199254740991, got {quantity}"),
        ))
    }
}

/// An inventory snapshot, ready to answer.
///
/// ```
/// use storefront_availability::{Catalog, Request, Policy};
/// let catalog = Catalog::from_json(r#"{
///   "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
///   "items": [{ "sku": "MUG", "onHand": 3 }]
/// }"#).unwrap();
/// let now = "2026-11-23T09:00:00Z".parse().unwrap();
/// let decision = catalog.decide("MUG", &Request::at(now)).unwrap();
/// assert_eq!(decision.policy, Policy::InStock);
/// assert_eq!(decision.message.text, "In stock — ships Monday, November 23");
/// ```
pub struct Catalog {
    snapshot: Snapshot,
}

impl Catalog {
    /// Loads snapshot JSON text; time zones from the IANA database.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Catalog, SnapshotError> {
        Catalog::from_json_with(text, &crate::zone::IanaZones)
    }

    /// Loads snapshot JSON text, resolving the store's time zone with `zones`.
    pub fn from_json_with(text: &str, zones: &dyn Zones) -> Result<Catalog, SnapshotError> {
        Snapshot::from_json(text, zones).map(Catalog::from)
    }

    pub fn snapshot(&self) -> &Snapshot {
        &self.snapshot
    }

    /// Data problems inside items, each with its JSON path.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.snapshot.diagnostics
    }

    /// The decision for `sku`, with US English dates.
    pub fn decide(&self, sku: &str, request: &Request) -> Result<Decision, ArgError> {
        self.decide_with(sku, request, &EnglishDates)
    }

    /// The decision for `sku`, writing dates with `dates`.
    pub fn decide_with(
        &self,
        sku: &str,
        request: &Request,
        dates: &dyn DateText,
    ) -> Result<Decision, ArgError> {
        check_request(request)?;
        if sku.is_empty() {
            return Err(ArgError::new(
                "invalid_sku",
                "sku must be a non-empty string",
            ));
        }
        Ok(decision::decide(
            &self.snapshot,
            self.snapshot.entry(sku),
            sku,
            request,
            dates,
        ))
    }

    /// A decision for every item, in snapshot order (an item whose SKU could
    /// not be read gets `sku: ""` and reason `invalid_item`).
    pub fn decide_all_with(
        &self,
        request: &Request,
        dates: &dyn DateText,
    ) -> Result<Vec<Decision>, ArgError> {
        check_request(request)?;
        let snapshot = &self.snapshot;
        Ok(snapshot
            .items
            .iter()
            .map(|entry| decision::decide(snapshot, Some(entry), "", request, dates))
            .collect())
    }

    /// [`Catalog::decide_all_with`] with US English dates.
    pub fn decide_all(&self, request: &Request) -> Result<Vec<Decision>, ArgError> {
        self.decide_all_with(request, &EnglishDates)
    }

    /// When the snapshot's data was taken.
    pub fn generated_at(&self) -> DateTime<Utc> {
        self.snapshot.generated_at
    }
}

impl From<Snapshot> for Catalog {
    fn from(snapshot: Snapshot) -> Catalog {
        Catalog { snapshot }
    }
}

fn check_request(request: &Request) -> Result<(), ArgError> {
    // Every u64 above 2^53 − 1 converts to at least 2^53, so this is exact.
    check_quantity(request.quantity as f64).map(|_| ())
}
