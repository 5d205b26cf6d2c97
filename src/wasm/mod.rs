//! The JavaScript boundary: the only code that knows about `wasm_bindgen`.
//!
//! It turns JS arguments into core types (throwing an `Error` with a stable
//! `code` when they are wrong), resolves time zones and dates through the
//! browser's `Intl`, and returns plain JS objects built by one configured
//! serializer.

#[cfg(feature = "cart")]
mod cart;
#[cfg(feature = "emails")]
mod emails;
#[cfg(feature = "explain")]
mod explain;
mod intl;
#[cfg(feature = "metrics")]
mod metrics;
pub(crate) mod types;

use std::cell::RefCell;

use chrono::DateTime;
use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::catalog::{check_quantity, parse_channel};
use crate::model::calendar::parse_timestamp;
use crate::model::problem::{ArgError, SnapshotError};
use crate::model::snapshot::Snapshot;
use crate::model::value::{number_text, quoted};
use crate::text::LocaleText;
use crate::{Channel, Request};
use intl::{is_valid_locale, IntlText, IntlZones};

/// The one serializer: JSON text, parsed by the engine's `JSON.parse`, so
/// results are plain objects (never `Map`s) with `null` for absent values.
/// One string crosses the boundary instead of a call per field: building
/// 100,000 results field by field was quadratic under the garbage
/// collector (43 s for `decideProducts` with an earlier result held).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

/// A JS `Error` with `code` (and any extra properties).
fn js_error(code: &str, message: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let error = js_sys::Error::new(message);
    let _ = Reflect::set(&error, &"code".into(), &code.into());
    for (key, value) in extra {
        let _ = Reflect::set(&error, &(*key).into(), value);
    }
    error.into()
}

impl From<ArgError> for JsValue {
    fn from(e: ArgError) -> JsValue {
        match e.path.is_empty() {
            true => js_error(e.code, &e.message, &[]),
            false => js_error(e.code, &e.text(), &[("path", e.path.as_str().into())]),
        }
    }
}

fn snapshot_error(e: SnapshotError) -> JsValue {
    let path = e.problems.first().map(|p| p.path.as_str()).unwrap_or("");
    js_error(SnapshotError::CODE, &e.to_string(), &[("path", path.into()), ("problems", to_js(&e.problems))])
}

/// The engine behind the package's `Catalog` (js/index.js), which reads
/// arguments into plain values, turns snapshot objects into JSON text and
/// recovers from traps; this class is not exported to users (and has no
/// TypeScript declaration), so its name is its own.
///
/// ```js
/// const engine = Engine.fromJson(await (await fetch("/inventory.json")).text());
/// engine.decide("TEE-M", { quantity: 2, locale: "en-GB" }).message.text;
/// ```
#[wasm_bindgen(js_name = Engine, skip_typescript)]
pub struct JsCatalog {
    inner: crate::Catalog,
    /// `Intl` writers by requested locale, made on first use, at most
    /// [`LOCALE_CACHE`] of them.
    texts: RefCell<Vec<(String, IntlText)>>,
}

impl JsCatalog {
    fn from_snapshot(result: Result<Snapshot, SnapshotError>) -> Result<JsCatalog, JsValue> {
        let snapshot = result.map_err(snapshot_error)?;
        Ok(JsCatalog { inner: snapshot.into(), texts: RefCell::new(Vec::new()) })
    }

    /// Reads `{ channel, quantity, now, locale, purchased }`, each optional
    /// (`purchased` is read per SKU by a cart: `self_is_cart`).
    fn request(&self, options: &JsValue, self_is_cart: bool) -> Result<(Request, String), JsValue> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(js_error(
                "invalid_options",
                "options must be an object like { channel, quantity, now, locale }",
                &[],
            ));
        }
        let get = |key: &str| -> Result<JsValue, JsValue> {
            if options.is_object() {
                Reflect::get(options, &key.into())
                    .map_err(|_| js_error("invalid_options", &format!("options.{key} could not be read"), &[]))
            } else {
                Ok(JsValue::UNDEFINED)
            }
        };
        let channel = match get("channel")? {
            v if v.is_undefined() || v.is_null() => Channel::Dtc,
            v => parse_channel(&v.as_string().unwrap_or_else(|| "(not a string)".into()))?,
        };
        let quantity = match get("quantity")? {
            v if v.is_undefined() || v.is_null() => 1,
            v => match v.as_f64() {
                Some(q) => check_quantity(q)?,
                None => return Err(ArgError::new("invalid_quantity", "quantity must be a number").into()),
            },
        };
        let now = read_now(&get("now")?)?;
        // planCart reads `purchased` per SKU (`purchased_by_sku`).
        let purchased = match get("purchased")? {
            v if v.is_undefined() || v.is_null() || self_is_cart => 0,
            v => units(&v).ok_or_else(|| {
                ArgError::new(
                    "invalid_options",
                    "purchased must be a whole number ≥ 0 (units this customer already bought)",
                )
            })?,
        };
        let locale = match get("locale")? {
            v if v.is_undefined() || v.is_null() => "en-US".to_owned(),
            v => v
                .as_string()
                .ok_or_else(|| ArgError::new("invalid_locale", "locale must be a string like \"en-GB\""))?,
        };
        // `unitPrice` and `currency` (for the message's charge sentence);
        // a cart reads its own prices per line.
        let price = match (get("unitPrice")?, self_is_cart) {
            (v, false) if !(v.is_undefined() || v.is_null()) => {
                let unit = units(&v).ok_or_else(|| {
                    ArgError::new("invalid_price", "unitPrice must be an integer amount of minor units ≥ 0")
                })?;
                let currency = get("currency")?.as_string().and_then(|c| crate::model::message::Currency::parse(&c));
                let currency = currency.ok_or_else(|| {
                    ArgError::new("invalid_currency", "with unitPrice, currency must be an ISO 4217 code like \"USD\"")
                })?;
                Some(crate::model::decision::Price { unit, currency })
            }
            _ => None,
        };
        Ok((Request { channel, quantity, now, purchased, price }, locale))
    }

    /// Runs `f` with the `Intl` writer for `locale` when `messages` are
    /// wanted, else with none (and no writer is made).
    fn with_text_if<T>(
        &self,
        messages: bool,
        locale: &str,
        f: impl FnOnce(Option<&dyn LocaleText>) -> T,
    ) -> Result<T, JsValue> {
        match messages {
            true => self.with_text(locale, |text| f(Some(text))),
            false => Ok(f(None)),
        }
    }

    /// Runs `f` with the `Intl` writer for a shopper asking for `locale`.
    fn with_text<T>(&self, locale: &str, f: impl FnOnce(&IntlText) -> T) -> Result<T, JsValue> {
        let mut texts = self.texts.borrow_mut();
        let index = match texts.iter().position(|(requested, _)| requested == locale) {
            Some(i) => i,
            None => {
                let invalid = || {
                    ArgError::new(
                        "invalid_locale",
                        format!("invalid locale {}; expected a BCP 47 tag like \"en-GB\"", quoted(locale)),
                    )
                };
                if !is_valid_locale(locale) {
                    return Err(invalid().into());
                }
                let text = IntlText::new(&self.inner.text_locale(locale)).ok_or_else(invalid)?;
                // Bounded: a server passing each shopper's Accept-Language
                // must not let clients grow it; the oldest writer goes.
                if texts.len() >= LOCALE_CACHE {
                    texts.remove(0);
                }
                texts.push((locale.to_owned(), text));
                texts.len() - 1
            }
        };
        let (_, text) = texts.get(index).ok_or_else(|| js_error("internal", "locale cache", &[]))?;
        Ok(f(text))
    }
}

/// A whole number of units from 0 to 2^53 − 1.
fn units(value: &JsValue) -> Option<u64> {
    value.as_f64().and_then(whole_units)
}

fn whole_units(n: f64) -> Option<u64> {
    (n.fract() == 0.0 && (0.0..=crate::model::value::MAX_SAFE_INTEGER as f64).contains(&n)).then_some(n as u64)
}

/// The SKU argument: a string (an empty one is refused by the core).
fn sku_arg(sku: types::SkuArg) -> Result<String, JsValue> {
    JsValue::from(sku).as_string().ok_or_else(|| ArgError::new("invalid_sku", "sku must be a non-empty string").into())
}

/// The largest snapshot text a catalog reads, in UTF-8 bytes (64 MiB):
/// the JavaScript layer refuses longer text before copying it into wasm
/// memory, which never shrinks.
///
/// ```js
/// if (text.length > maxSnapshotBytes()) split(text);
/// ```
#[wasm_bindgen(js_name = maxSnapshotBytes)]
#[allow(unreachable_pub)] // exported to JavaScript; wasm-bindgen needs `pub`
pub fn max_snapshot_bytes() -> usize {
    crate::model::snapshot::MAX_SNAPSHOT_BYTES
}

/// Bytes of memory the wasm module holds now. It grows and never shrinks:
/// the JavaScript layer starts a fresh instance when a replaced snapshot
/// left it much larger than what is loaded.
///
/// ```js
/// memoryBytes(); // 1179648
/// ```
#[wasm_bindgen(js_name = memoryBytes)]
#[allow(unreachable_pub)] // exported to JavaScript; wasm-bindgen needs `pub`
pub fn memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) as f64) * 65536.0
}

/// How many locales' `Intl` writers a catalog keeps (the most recently made).
const LOCALE_CACHE: usize = 16;

/// `messages`: `false` leaves every decision's message out (and skips
/// writing it); absent or `true` writes it.
fn messages_option(options: &JsValue) -> Result<bool, JsValue> {
    if !options.is_object() {
        return Ok(true);
    }
    match Reflect::get(options, &"messages".into()).unwrap_or(JsValue::UNDEFINED) {
        v if v.is_undefined() || v.is_null() => Ok(true),
        v => v.as_bool().ok_or_else(|| js_error("invalid_options", "options.messages must be true or false", &[])),
    }
}

/// `now`: absent (the current time), epoch milliseconds, a `Date`, or an
/// RFC 3339 string.
fn read_now(value: &JsValue) -> Result<chrono::DateTime<chrono::Utc>, JsValue> {
    let invalid = |what: String| {
        ArgError::new(
            "invalid_now",
            format!("now must be epoch milliseconds, a Date or an RFC 3339 string, got {what}"),
        )
    };
    let ms = if value.is_undefined() || value.is_null() {
        js_sys::Date::now()
    } else if let Some(ms) = value.as_f64() {
        ms
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(text) = value.as_string() {
        return parse_timestamp(&text).ok_or_else(|| invalid(quoted(&text)).into());
    } else {
        return Err(invalid(value.js_typeof().as_string().unwrap_or_default()).into());
    };
    // The range a JavaScript Date covers (±8.64e15 ms).
    if !ms.is_finite() || ms.abs() > 8.64e15 {
        return Err(invalid(number_text(ms)).into());
    }
    DateTime::from_timestamp_millis(ms.floor() as i64).ok_or_else(|| invalid(number_text(ms)).into())
}

#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// Loads snapshot JSON text (as fetched from the CDN).
    ///
    /// ```js
    /// const catalog = Catalog.fromJson(await response.text());
    /// ```
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: &str) -> Result<JsCatalog, JsValue> {
        JsCatalog::from_snapshot(Snapshot::from_json(text, &IntlZones))
    }

    /// The decision for one SKU.
    ///
    /// ```js
    /// const d = catalog.decide("TEE-M", { channel: "dtc", quantity: 2, now: Date.now(), locale: "en-US" });
    /// button.disabled = !d.canPurchase; button.textContent = d.message.button;
    /// ```
    pub fn decide(
        &self,
        sku: types::SkuArg,
        options: types::DecideOptionsArg,
    ) -> Result<types::DecisionResult, JsValue> {
        let sku = sku_arg(sku)?;
        let options: JsValue = options.into();
        let (request, locale) = self.request(&options, false)?;
        let decision =
            self.with_text_if(messages_option(&options)?, &locale, |text| self.inner.decide_in(&sku, &request, text))??;
        Ok(to_js(&decision).unchecked_into())
    }

    /// A decision for every item, in snapshot order.
    ///
    /// ```js
    /// for (const d of catalog.decideAll({ locale: "en-US" })) badge(d.sku, d.message.badge);
    /// ```
    #[wasm_bindgen(js_name = decideAll)]
    pub fn decide_all(&self, options: types::DecideOptionsArg) -> Result<types::DecisionList, JsValue> {
        let options: JsValue = options.into();
        let (request, locale) = self.request(&options, false)?;
        let decisions =
            self.with_text_if(messages_option(&options)?, &locale, |text| self.inner.decide_all_in(&request, text))??;
        Ok(to_js(&decisions).unchecked_into())
    }

    /// One product's availability over its variants (items with this
    /// `productId`), for a collection badge.
    ///
    /// ```js
    /// const p = catalog.decideProduct("tee", { locale: "en-US" });
    /// badge.textContent = p.message.badge; note.textContent = p.message.text; // "Some options on backorder"
    /// ```
    #[wasm_bindgen(js_name = decideProduct)]
    pub fn decide_product(
        &self,
        product_id: types::SkuArg,
        options: types::DecideOptionsArg,
    ) -> Result<types::ProductDecisionResult, JsValue> {
        let id = JsValue::from(product_id)
            .as_string()
            .ok_or_else(|| ArgError::new("invalid_product", "productId must be a non-empty string"))?;
        let (request, locale) = self.request(&options.into(), false)?;
        let product = self.with_text(&locale, |text| self.inner.decide_product_with(&id, &request, text))??;
        Ok(to_js(&product).unchecked_into())
    }

    /// Every product's roll-up, in the order products first appear.
    ///
    /// ```js
    /// for (const p of catalog.decideProducts()) card(p.productId).badge = p.message.badge;
    /// ```
    #[wasm_bindgen(js_name = decideProducts)]
    pub fn decide_products(&self, options: types::DecideOptionsArg) -> Result<types::ProductDecisionList, JsValue> {
        let (request, locale) = self.request(&options.into(), false)?;
        let products = self.with_text(&locale, |text| self.inner.decide_products_with(&request, text))??;
        Ok(to_js(&products).unchecked_into())
    }

    /// Data problems inside items, each with its JSON path.
    ///
    /// ```js
    /// for (const p of catalog.diagnostics) console.warn(`${p.path}: ${p.message}`);
    /// ```
    #[wasm_bindgen(getter)]
    pub fn diagnostics(&self) -> types::DiagnosticList {
        to_js(self.inner.diagnostics()).unchecked_into()
    }

    /// The SKUs in snapshot order (items whose SKU could not be read are left out).
    ///
    /// ```js
    /// catalog.skus.length; // 48
    /// ```
    #[wasm_bindgen(getter)]
    pub fn skus(&self) -> types::StringList {
        let skus: Array = self.inner.snapshot().items.iter().filter_map(|e| e.sku()).map(JsValue::from).collect();
        skus.unchecked_into()
    }

    /// When the snapshot's data was taken, as an RFC 3339 string.
    ///
    /// ```js
    /// catalog.generatedAt; // "2026-11-23T08:00:00Z"
    /// ```
    #[wasm_bindgen(getter, js_name = generatedAt)]
    pub fn generated_at(&self) -> String {
        crate::model::calendar::write_timestamp(self.inner.generated_at())
    }

    /// The store's IANA time zone (`"UTC"` when the snapshot names none).
    ///
    /// ```js
    /// catalog.timeZone; // "America/New_York"
    /// ```
    #[wasm_bindgen(getter, js_name = timeZone)]
    pub fn time_zone(&self) -> String {
        self.inner.snapshot().time_zone.clone()
    }
}

/// The error a build gives for a method it was built without: the method is
/// still there (the API is the same in every build), and names the entry
/// that has it.
#[cfg(not(all(feature = "cart", feature = "emails", feature = "explain", feature = "metrics")))]
fn not_in_build(method: &str, entry: &str) -> JsValue {
    js_error(
        "not_in_build",
        &format!("{method} is not in this build of storefront-availability; import it from \"{entry}\""),
        &[],
    )
}

#[cfg(not(feature = "cart"))]
#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// `planCart` is in the checkout and server builds.
    #[wasm_bindgen(js_name = planCart)]
    pub fn plan_cart(&self, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("planCart", "storefront-availability/checkout"))
    }
}

/// The e-mails are in the server build (Node's default entry).
#[cfg(not(feature = "emails"))]
#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    #[wasm_bindgen(js_name = orderConfirmation)]
    pub fn order_confirmation(&self, _sku: JsValue, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("orderConfirmation", "storefront-availability/server"))
    }

    #[wasm_bindgen(js_name = weeklyStatus)]
    pub fn weekly_status(&self, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("weeklyStatus", "storefront-availability/server"))
    }

    #[wasm_bindgen(js_name = backInStock)]
    pub fn back_in_stock(&self, _sku: JsValue, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("backInStock", "storefront-availability/server"))
    }

    pub fn shipped(&self, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("shipped", "storefront-availability/server"))
    }
}

/// `explain` is in the server build (Node's default entry).
#[cfg(not(feature = "explain"))]
#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    pub fn explain(&self, _sku: JsValue, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("explain", "storefront-availability/server"))
    }
}

/// `health` is in the server build (Node's default entry).
#[cfg(not(feature = "metrics"))]
#[wasm_bindgen]
#[allow(unreachable_pub)] // exported to JavaScript; wasm-bindgen needs `pub`
pub fn health(_history: JsValue) -> Result<JsValue, JsValue> {
    Err(not_in_build("health", "storefront-availability/server"))
}
