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
pub(crate) mod intl;
#[cfg(feature = "metrics")]
mod metrics;
mod rows;
pub(crate) mod types;

use std::cell::RefCell;

use chrono::DateTime;
use js_sys::{Array, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::problem::{ArgError, SnapshotError, UpdateError};
use crate::model::snapshot::Snapshot;
use crate::model::value::quoted;
use crate::read::json::Json;
use crate::read::options::{read_request, Asked};
use crate::read::patch::read_patch;
use crate::text::LocaleText;
use intl::{is_valid_locale, IntlText, IntlZones};

/// The one serializer: JSON text, parsed by the engine's `JSON.parse`, so
/// results are plain objects (never `Map`s) with `null` for absent values.
/// One string crosses the boundary instead of a call per field: building
/// 100,000 results field by field was quadratic under the garbage
/// collector (43 s for `decideProducts` with an earlier result held).
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    serde_json::to_string(value).ok().and_then(|text| js_sys::JSON::parse(&text).ok()).unwrap_or(JsValue::NULL)
}

/// Decisions or product roll-ups as rows (see `rows.rs`):
/// `{ cells, strings, objects, messages }`.
fn rows_to_js(rows::Rows { cells, text }: rows::Rows) -> JsValue {
    let Ok(rows) = js_sys::JSON::parse(&text) else { return JsValue::NULL };
    let _ = Reflect::set(&rows, &"cells".into(), &js_sys::Float64Array::from(&cells[..]));
    rows
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

/// Snapshot text as the package passes it: UTF-8 bytes (`TextEncoder`'s).
/// wasm-bindgen copies a string in with a JavaScript loop over its
/// characters: a third of loading 10k items, against a memory copy here.
fn snapshot_text(bytes: Vec<u8>) -> Result<String, JsValue> {
    String::from_utf8(bytes).map_err(|_| snapshot_error(SnapshotError::at("", "not UTF-8 text".into())))
}

fn snapshot_error(e: SnapshotError) -> JsValue {
    let path = e.problems.first().map(|p| p.path.as_str()).unwrap_or("");
    js_error(SnapshotError::CODE, &e.to_string(), &[("path", path.into()), ("problems", to_js(&e.problems))])
}

/// An update refused: the snapshot's error, or `invalid_update` naming
/// the patch's first bad path and listing every problem.
fn update_error(e: UpdateError) -> JsValue {
    let message = e.to_string();
    match e {
        UpdateError::Snapshot(e) => snapshot_error(e),
        UpdateError::Patch(problems) => {
            let path = problems.first().map(|p| p.path.as_str()).unwrap_or("");
            js_error(UpdateError::CODE, &message, &[("path", path.into()), ("problems", to_js(&problems))])
        }
    }
}

/// The wasm module's allocator: talc, 2.8 KB gzip smaller than the
/// standard library's dlmalloc, as fast, with the same memory (Cargo.toml).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The engine behind the package's `Catalog` (js/index.js), which reads
/// arguments into plain values, turns snapshot objects into JSON text and
/// recovers from traps; this class is not exported to users (and has no
/// TypeScript declaration), so its name is its own.
///
/// ```js
/// const engine = Engine.fromJson(new TextEncoder().encode(await (await fetch("/inventory.json")).text()));
/// const { cells, strings, messages } = engine.decide("TEE-M", { quantity: 2, locale: "en-GB" }); // rows.rs
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

    /// The request `options` ask for (read by the core; `now` defaults
    /// to the current time).
    fn request(&self, options: types::DecideOptionsArg) -> Result<Asked, JsValue> {
        Ok(read_request(&json_of(&options.into()), clock())?)
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
        let at = self.text_for(locale)?;
        let texts = self.texts.borrow();
        let (_, text) = texts.get(at).ok_or_else(|| js_error("internal", "locale cache", &[]))?;
        Ok(f(text))
    }

    /// Where the `Intl` writer for `locale` is in `texts`, made if it is
    /// not there yet. Not generic, so the wasm holds it once, not in
    /// every caller of [`JsCatalog::with_text`].
    #[inline(never)]
    fn text_for(&self, locale: &str) -> Result<usize, JsValue> {
        let mut texts = self.texts.borrow_mut();
        if let Some(at) = texts.iter().position(|(requested, _)| requested == locale) {
            return Ok(at);
        }
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
        Ok(texts.len() - 1)
    }
}

/// The current time, for a request without `now`.
fn clock() -> chrono::DateTime<chrono::Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A JavaScript value as JSON data, for the core's readers. The package's
/// `Catalog` hands over plain data (a `Date` as its milliseconds, objects
/// copied); an object is its own enumerable string keys, and what JSON has
/// no word for (a function, a symbol, a bigint) or what is nested deeper
/// than any option goes reads as an empty object, which every reader
/// refuses by name.
fn json_of(value: &JsValue) -> Json {
    json_at(value, 0)
}

fn json_at(value: &JsValue, depth: u32) -> Json {
    if value.is_undefined() || value.is_null() {
        Json::Null
    } else if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if depth > 4 || !value.is_object() {
        Json::Object(Vec::new())
    } else if let Some(list) = value.dyn_ref::<Array>() {
        Json::Array(list.iter().map(|v| json_at(&v, depth + 1)).collect())
    } else {
        let entries = js_sys::Object::entries(value.unchecked_ref());
        let entries = entries.iter().filter_map(|entry| {
            let entry: Array = entry.unchecked_into();
            Some((entry.get(0).as_string()?, json_at(&entry.get(1), depth + 1)))
        });
        Json::Object(entries.collect())
    }
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

#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// Loads snapshot JSON text, as UTF-8 bytes.
    ///
    /// ```js
    /// const engine = Engine.fromJson(new TextEncoder().encode(await response.text()));
    /// ```
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(text: Vec<u8>) -> Result<JsCatalog, JsValue> {
        // Owned: the catalog keeps the text its items are read from.
        JsCatalog::from_snapshot(Snapshot::from_text(snapshot_text(text)?, &IntlZones))
    }

    /// Applies a patch `{ items, remove?, generatedAt? }` (JSON text; a
    /// `shard`'s `generatedAt` counts only when older) to this engine in
    /// place, reading only the items it brings: the new snapshot text. Or
    /// `undefined`, nothing changed, where only a load of the whole patched
    /// text can answer: called again with `source`, the text this engine
    /// was loaded from (UTF-8 bytes), it does that. Refused as a whole
    /// (`invalid_update`, `invalid_snapshot`), and then nothing changes.
    ///
    /// ```js
    /// const patch = JSON.stringify({ items: [{ sku: "TEE-M", onHand: 0 }] });
    /// const text = engine.patch(patch, false) ?? engine.patch(patch, false, new TextEncoder().encode(source));
    /// ```
    pub fn patch(&mut self, patch: &str, shard: bool, source: Option<Vec<u8>>) -> Result<Option<String>, JsValue> {
        let patched = match source {
            None => self.inner.patch(patch, shard).map(|text| text.map(str::to_owned)),
            // Only ever after the call without `source` declined: straight to the load.
            Some(source) => {
                let source = snapshot_text(source)?;
                read_patch(patch)
                    .map_err(UpdateError::Patch)
                    .and_then(|patch| self.inner.reload_patched(&source, &patch, &IntlZones, shard))
                    .map(Some)
            }
        };
        patched.map_err(update_error)
    }

    /// The decision for one SKU, as a list of one row (see `rows.rs`):
    /// the package's `decide` makes it an object.
    ///
    /// ```js
    /// const { cells, strings } = engine.decide("TEE-M", { channel: "dtc", quantity: 2, locale: "en-US" }); // one row
    /// ```
    pub fn decide(
        &self,
        sku: types::SkuArg,
        options: types::DecideOptionsArg,
    ) -> Result<types::DecisionRowList, JsValue> {
        let sku = sku_arg(sku)?;
        let Asked { request, locale, messages } = self.request(options)?;
        let decision =
            self.with_text_if(messages, &locale, |text| self.inner.decide_listed(&sku, &request, text))??;
        Ok(rows_to_js(rows::rows(&decision)).unchecked_into())
    }

    /// A decision for every item, in snapshot order, as rows (see
    /// `rows.rs`): the package's `decideAll` makes them objects.
    ///
    /// ```js
    /// const { cells, strings, objects, messages } = engine.decideAll({ locale: "en-US" });
    /// ```
    #[wasm_bindgen(js_name = decideAll)]
    pub fn decide_all(&self, options: types::DecideOptionsArg) -> Result<types::DecisionRowList, JsValue> {
        let Asked { request, locale, messages } = self.request(options)?;
        let decisions = self.with_text_if(messages, &locale, |text| self.inner.decide_all_in(&request, text))??;
        Ok(rows_to_js(rows::rows(&decisions)).unchecked_into())
    }

    /// One product's availability over its variants (items with this
    /// `productId`), for a collection badge, as a list of one in rows (see
    /// `rows.rs`): the package's `decideProduct` makes it an object.
    ///
    /// ```js
    /// const { cells, strings, messages } = engine.decideProduct("tee", { locale: "en-US" });
    /// ```
    #[wasm_bindgen(js_name = decideProduct)]
    pub fn decide_product(
        &self,
        product_id: types::SkuArg,
        options: types::DecideOptionsArg,
    ) -> Result<types::ProductRowList, JsValue> {
        let id = JsValue::from(product_id)
            .as_string()
            .ok_or_else(|| ArgError::new("invalid_product", "productId must be a non-empty string"))?;
        let Asked { request, locale, .. } = self.request(options)?;
        let product = self.with_text(&locale, |text| self.inner.decide_product_listed(&id, &request, text))??;
        Ok(rows_to_js(rows::product_rows(&product)).unchecked_into())
    }

    /// Every product's roll-up, in the order products first appear, as rows
    /// (see `rows.rs`): the package's `decideProducts` makes them objects.
    ///
    /// ```js
    /// const { cells, strings, messages } = engine.decideProducts({ locale: "de-DE" });
    /// ```
    #[wasm_bindgen(js_name = decideProducts)]
    pub fn decide_products(&self, options: types::DecideOptionsArg) -> Result<types::ProductRowList, JsValue> {
        let Asked { request, locale, .. } = self.request(options)?;
        let products = self.with_text(&locale, |text| self.inner.decide_products_in(&request, text))??;
        Ok(rows_to_js(rows::product_rows(&products)).unchecked_into())
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
        let skus: Array = self.inner.snapshot().skus().flatten().map(JsValue::from).collect();
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

/// `explain` and `notices` are in the server build (Node's default entry).
#[cfg(not(feature = "explain"))]
#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    pub fn explain(&self, _sku: JsValue, _options: JsValue) -> Result<JsValue, JsValue> {
        Err(not_in_build("explain", "storefront-availability/server"))
    }

    pub fn notices(&self) -> Result<JsValue, JsValue> {
        Err(not_in_build("notices", "storefront-availability/server"))
    }
}

/// `health` is in the server build (Node's default entry).
#[cfg(not(feature = "metrics"))]
#[wasm_bindgen]
#[allow(unreachable_pub)] // exported to JavaScript; wasm-bindgen needs `pub`
pub fn health(_history: JsValue) -> Result<JsValue, JsValue> {
    Err(not_in_build("health", "storefront-availability/server"))
}
