//! The e-mails, in the server build (Cargo feature `emails`).

use wasm_bindgen::prelude::*;

use super::{clock, json_of, sku_arg, to_js, types, JsCatalog};
use crate::read::options::{read_confirmation, read_shipped, read_status_update};

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
        let (asked, order) = read_confirmation(&json_of(&options.into()), clock())?;
        let email =
            self.with_text(&asked.locale, |text| self.inner.order_confirmation(&sku, &asked.request, &order, text))??;
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
        let (update, asked) = read_status_update(&json_of(&options.into()), clock())?;
        let email =
            self.with_text(&asked.locale, |text| self.inner.weekly_status(&update, asked.request.now, text))??;
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
        let asked = self.request(options)?;
        let email = self.with_text(&asked.locale, |text| self.inner.back_in_stock(&sku, &asked.request, text))??;
        Ok(to_js(&email).unchecked_into())
    }

    /// The "your order shipped" email: `{ subject, body }`, with the tracking
    /// number when given.
    ///
    /// ```js
    /// catalog.shipped({ orderNumber: "1042", title: "Merino Tee", tracking: "1Z999", locale: "de-DE" });
    /// ```
    pub fn shipped(&self, options: types::ShippedOptionsArg) -> Result<types::EmailResult, JsValue> {
        let (order, title, tracking, asked) = read_shipped(&json_of(&options.into()), clock())?;
        let now = asked.request.now;
        let email =
            self.with_text(&asked.locale, |text| self.inner.shipped(&order, &title, tracking.as_deref(), now, text))?;
        Ok(to_js(&email).unchecked_into())
    }
}
