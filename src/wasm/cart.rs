//! `planCart`, in the checkout and server builds (Cargo feature `cart`).

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;

use super::{js_error, to_js, types, units, JsCatalog};
use crate::catalog::check_quantity;

#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// Plans a cart for checkout: shipments by date with what each captures,
    /// what is charged and authorized now, each line's decision (refused
    /// lines say why and how many can be had), and a summary sentence.
    /// Amounts are integer minor units of `currency`.
    ///
    /// ```js
    /// const plan = catalog.planCart({ lines: [{ sku: "TEE-L", quantity: 2, unitPrice: 2500 }], currency: "USD" });
    /// plan.summary; // "2 ship by Wednesday, December 2"
    /// ```
    #[wasm_bindgen(js_name = planCart)]
    pub fn plan_cart(&self, options: types::CartOptionsArg) -> Result<types::PlanResult, JsValue> {
        let options: JsValue = options.into();
        if !options.is_object() {
            return Err(js_error("invalid_options", "planCart needs { lines, currency }", &[]));
        }
        let (request, locale) = self.request(&options, true)?;
        let currency = Reflect::get(&options, &"currency".into()).ok().and_then(|v| v.as_string());
        let currency = currency.and_then(|c| crate::model::message::Currency::parse(&c)).ok_or_else(|| {
            js_error(
                "invalid_currency",
                "currency must be an ISO 4217 code like \"USD\" (amounts are its minor units)",
                &[],
            )
        })?;
        let lines = Reflect::get(&options, &"lines".into()).unwrap_or(JsValue::UNDEFINED);
        let lines: &Array = lines
            .dyn_ref::<Array>()
            .ok_or_else(|| js_error("invalid_cart", "lines must be an array of { sku, quantity, unitPrice }", &[]))?;
        let mut cart_lines = Vec::with_capacity(lines.length() as usize);
        let mut purchased = std::collections::HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            let field = |key: &str| Reflect::get(&line, &key.into()).unwrap_or(JsValue::UNDEFINED);
            let at = |key: &str, code: &str, what: &str| {
                js_error(code, &format!("lines[{i}].{key}: {what}"), &[("path", format!("lines[{i}].{key}").into())])
            };
            let sku = field("sku")
                .as_string()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| at("sku", "invalid_sku", "expected a non-empty string"))?;
            let quantity = match field("quantity") {
                v if v.is_undefined() => 1,
                v => v.as_f64().and_then(|q| check_quantity(q).ok()).ok_or_else(|| {
                    at("quantity", "invalid_quantity", "expected a whole number from 1 to 9007199254740991")
                })?,
            };
            let unit_price = units(&field("unitPrice"))
                .ok_or_else(|| at("unitPrice", "invalid_price", "expected an integer amount of minor units ≥ 0"))?;
            // The JavaScript layer hands a cart's `purchased` ({ [sku]: units }) over line by line.
            match field("purchased") {
                v if v.is_undefined() => {}
                v => {
                    let units = units(&v).ok_or_else(|| {
                        let path = format!("purchased.{sku}");
                        js_error(
                            "invalid_options",
                            &format!("{path}: expected a whole number ≥ 0 (units already bought)"),
                            &[("path", path.as_str().into())],
                        )
                    })?;
                    purchased.insert(sku.clone(), units);
                }
            }
            cart_lines.push(crate::model::cart::Line { sku, quantity, unit_price });
        }
        let hold_together =
            Reflect::get(&options, &"holdTogether".into()).ok().and_then(|v| v.as_bool()).unwrap_or(false);
        let cart = crate::model::cart::Cart {
            lines: cart_lines,
            channel: request.channel,
            now: request.now,
            hold_together,
            purchased,
            currency: Some(currency),
        };
        let plan = self.with_text(&locale, |text| self.inner.plan_cart(&cart, text))??;
        Ok(to_js(&plan).unchecked_into())
    }
}
