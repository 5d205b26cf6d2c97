//! `health`, in the server build (Cargo feature `metrics`).

use wasm_bindgen::prelude::*;

use super::{js_error, to_js};
use crate::model::problem::HistoryError;
use crate::History;

/// The merchant's health metrics over order history JSON text
/// (docs/metrics.md); throws `invalid_history` when the text is not an
/// order history at all (bad rows are diagnostics in the report).
///
/// ```js
/// const report = health(await readFile("orders.json", "utf8"));
/// report.store.backorderRate; // { value: { numerator: 3, denominator: 120, percent: "2.5" }, alarm: "ok" }
/// ```
#[wasm_bindgen]
#[allow(unreachable_pub)] // exported to JavaScript; wasm-bindgen needs `pub`
pub fn health(history: &str) -> Result<JsValue, JsValue> {
    let history = History::from_json(history).map_err(|e| {
        let path = e.problems.first().map(|p| p.path.as_str()).unwrap_or("");
        js_error(HistoryError::CODE, &e.to_string(), &[("path", path.into()), ("problems", to_js(&e.problems))])
    })?;
    Ok(to_js(&crate::health(&history)))
}
