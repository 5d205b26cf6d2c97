//! `explain` and `notices`, in the server build (Cargo feature `explain`).

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::{sku_arg, to_js, types, JsCatalog};
use crate::{Decision, Step};

#[derive(Serialize)]
struct Explanation {
    decision: Decision,
    steps: Vec<Step>,
}

#[wasm_bindgen(js_class = Engine)]
impl JsCatalog {
    /// The decision for one SKU (without its message) and the chain of
    /// rules behind it, each step with the values it looked at.
    ///
    /// ```js
    /// const { decision, steps } = catalog.explain("TEE-L", { now: Date.now() });
    /// for (const step of steps) console.log(`${step.rule}: ${step.says}`);
    /// ```
    pub fn explain(&self, sku: types::SkuArg, options: types::DecideOptionsArg) -> Result<JsValue, JsValue> {
        let sku = sku_arg(sku)?;
        let request = self.request(options)?.request;
        let (decision, steps) = self.inner.explain(&sku, &request)?;
        Ok(to_js(&Explanation { decision, steps }))
    }

    /// What the rules will refuse about items that load fine, whatever
    /// their stock (a pre-order without a cap or date, backorders without a
    /// confirmed restock), each with its path; what importers and
    /// `validate` report.
    ///
    /// ```js
    /// for (const n of catalog.notices()) console.warn(`${n.path}: ${n.message}`);
    /// ```
    pub fn notices(&self) -> types::DiagnosticList {
        to_js(&self.inner.notices()).unchecked_into()
    }
}
