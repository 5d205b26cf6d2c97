//! The e-mails, in the server build (Cargo feature `emails`).

use js_sys::Reflect;
use wasm_bindgen::prelude::*;

use super::{js_error, sku_arg, to_js, types, whole_units, JsCatalog};
use crate::model::value::quoted;

#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// The order confirmation email for buying `sku`: `{ subject, body }`.
    /// Throws `not_purchasable` when the decision does not allow the purchase.
    ///
    /// ```js
    /// const { subject, body } = catalog.orderConfirmation("TEE-L", { orderNumber: "1042", quantity: 1, locale: "de-DE" });
    /// ```
    #[wasm_bindgen(js_name = orderConfirmation)]
    pub fn order_confirmation(
        &self,
        sku: types::SkuArg,
        options: types::ConfirmationOptionsArg,
    ) -> Result<types::EmailResult, JsValue> {
        let sku = sku_arg(sku)?;
        let options: JsValue = options.into();
        let (request, locale) = self.request(&options, false)?;
        let order = string_option(&options, "orderNumber")?;
        let email = self.with_text(&locale, |text| self.inner.order_confirmation(&sku, &request, &order, text))??;
        Ok(to_js(&email).unchecked_into())
    }

    /// The weekly status email for an order: "still on track", or the new
    /// date with an apology once it moved later.
    ///
    /// ```js
    /// catalog.weeklyStatus({ orderNumber: "1042", title: "Merino Tee", promisedDate: "2026-12-02",
    ///                        expectedDate: d.shipDate, position: 13, total: 40, locale: "en-US" });
    /// ```
    #[wasm_bindgen(js_name = weeklyStatus)]
    pub fn weekly_status(&self, options: types::StatusOptionsArg) -> Result<types::EmailResult, JsValue> {
        let options: JsValue = options.into();
        if !options.is_object() {
            return Err(js_error(
                "invalid_options",
                "weeklyStatus needs { orderNumber, title, promisedDate, expectedDate }",
                &[],
            ));
        }
        let (request, locale) = self.request(&options, false)?;
        let count = |key: &str| Reflect::get(&options, &key.into()).ok().and_then(|v| v.as_f64());
        // Whole numbers here; 1 ≤ position ≤ total is the core's check.
        let position = match (count("position").map(whole_units), count("total").map(whole_units)) {
            (Some(Some(p)), Some(Some(t))) => Some((p, t)),
            (None, None) => None,
            _ => {
                return Err(js_error(
                    "invalid_options",
                    "position and total must be whole numbers with 1 ≤ position ≤ total",
                    &[],
                ))
            }
        };
        let update = crate::text::StatusUpdate {
            order_number: string_option(&options, "orderNumber")?,
            title: string_option(&options, "title")?,
            promised: date_option(&options, "promisedDate")?,
            expected: date_option(&options, "expectedDate")?,
            position,
            stage: match Reflect::get(&options, &"stage".into()).unwrap_or(JsValue::UNDEFINED) {
                v if v.is_undefined() || v.is_null() => None,
                v => Some(v.as_string().and_then(|s| crate::text::Stage::parse(&s)).ok_or_else(|| {
                    js_error("invalid_options", "stage must be \"in_production\", \"in_transit\" or \"received\"", &[])
                })?),
            },
            warehouse_arrival: match Reflect::get(&options, &"warehouseArrival".into()).unwrap_or(JsValue::UNDEFINED) {
                v if v.is_undefined() || v.is_null() => None,
                _ => Some(date_option(&options, "warehouseArrival")?),
            },
        };
        let email = self.with_text(&locale, |text| self.inner.weekly_status(&update, request.now, text))??;
        Ok(to_js(&email).unchecked_into())
    }

    /// The back-in-stock email for a notify-me subscriber: `{ subject, body }`.
    /// Throws `not_purchasable` while the item can't be bought.
    ///
    /// ```js
    /// const { subject, body } = catalog.backInStock("TEE-L", { locale: "fr-FR" });
    /// ```
    #[wasm_bindgen(js_name = backInStock)]
    pub fn back_in_stock(
        &self,
        sku: types::SkuArg,
        options: types::DecideOptionsArg,
    ) -> Result<types::EmailResult, JsValue> {
        let sku = sku_arg(sku)?;
        let (request, locale) = self.request(&options.into(), false)?;
        let email = self.with_text(&locale, |text| self.inner.back_in_stock(&sku, &request, text))??;
        Ok(to_js(&email).unchecked_into())
    }

    /// The "your order shipped" email: `{ subject, body }`, with the tracking
    /// number when given.
    ///
    /// ```js
    /// catalog.shipped({ orderNumber: "1042", title: "Merino Tee", tracking: "1Z999", locale: "de-DE" });
    /// ```
    pub fn shipped(&self, options: types::ShippedOptionsArg) -> Result<types::EmailResult, JsValue> {
        let options: JsValue = options.into();
        if !options.is_object() {
            return Err(js_error("invalid_options", "shipped needs { orderNumber, title, tracking? }", &[]));
        }
        let (request, locale) = self.request(&options, false)?;
        let order = string_option(&options, "orderNumber")?;
        let title = string_option(&options, "title")?;
        let tracking = match Reflect::get(&options, &"tracking".into()).unwrap_or(JsValue::UNDEFINED) {
            v if v.is_undefined() || v.is_null() => None,
            _ => Some(string_option(&options, "tracking")?),
        };
        let email =
            self.with_text(&locale, |text| self.inner.shipped(&order, &title, tracking.as_deref(), request.now, text))?;
        Ok(to_js(&email).unchecked_into())
    }
}

/// Reads `key` of `options`, which must be a string.
fn string_option(options: &JsValue, key: &str) -> Result<String, JsValue> {
    let value = Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    value.as_string().ok_or_else(|| js_error("invalid_options", &format!("options.{key} must be a string"), &[]))
}

/// Reads `key` of `options` as a date "YYYY-MM-DD".
fn date_option(options: &JsValue, key: &str) -> Result<chrono::NaiveDate, JsValue> {
    let text = string_option(options, key)?;
    crate::model::calendar::parse_date(&text).ok_or_else(|| {
        js_error("invalid_options", &format!("options.{key} must be a date \"YYYY-MM-DD\", got {}", quoted(&text)), &[])
    })
}
