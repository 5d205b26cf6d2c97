//! `planCart`, in the checkout and server builds (Cargo feature `cart`).

use wasm_bindgen::prelude::*;

use super::{clock, json_of, to_js, types, JsCatalog};
use crate::read::options::read_cart;

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
        let (cart, locale) = read_cart(&json_of(&options.into()), clock())?;
        let plan = self.with_text(&locale, |text| self.inner.plan_cart(&cart, text))??;
        Ok(to_js(&plan).unchecked_into())
    }
}
