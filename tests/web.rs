//! The wasm boundary in headless Chromium: what JavaScript receives.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use storefront_availability::wasm::JsCatalog;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SNAPSHOT: &str = r#"{
  "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "timeZone": "America/Los_Angeles",
  "items": [
    { "sku": "IN", "onHand": 5 },
    { "sku": "BO", "restock": { "date": "2026-11-23", "confirmed": true, "quantity": 10, "backordered": 2 } },
    { "sku": "BAD", "onHand": "five" }
  ]
}"#;

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (k, v) in pairs {
        Reflect::set(&object, &(*k).into(), v).unwrap();
    }
    object.into()
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| Reflect::get(&v, &key.into()).unwrap())
}

fn decide(catalog: &JsCatalog, sku: &str, opts: JsValue) -> Result<JsValue, JsValue> {
    catalog.decide(JsValue::from(sku).unchecked_into(), opts.unchecked_into()).map(Into::into)
}

fn catalog() -> JsCatalog {
    JsCatalog::from_json(SNAPSHOT).unwrap()
}

#[wasm_bindgen_test]
fn store_time_zone_resolves_through_intl() {
    // 03:00 UTC on the 24th is still Monday the 23rd, 19:00, in Los Angeles:
    // the restock is today (not overdue) and in-stock orders miss the cutoff.
    let now = options(&[("now", "2026-11-24T03:00:00Z".into())]);
    let bo = decide(&catalog(), "BO", now.clone()).unwrap();
    assert_eq!(get(&bo, "reason"), "backorder");
    assert_eq!(get(&bo, "shipDate"), "2026-11-24");
    assert_eq!(get(&bo, "queuePosition"), 3);
    let ins = decide(&catalog(), "IN", now).unwrap();
    assert_eq!(get(&ins, "shipDate"), "2026-11-24");
}

#[wasm_bindgen_test]
fn dates_in_messages_follow_the_shoppers_locale() {
    let text = |locale: &str| {
        let opts = options(&[("now", "2026-11-23T17:00:00Z".into()), ("locale", locale.into())]);
        get(&decide(&catalog(), "IN", opts).unwrap(), "message.text").as_string().unwrap()
    };
    // Same English text natively (tests/decision.rs) and in the browser.
    assert_eq!(text("en-US"), "In stock — ships today");
    assert_eq!(text("en-GB"), "In stock — ships today");
    assert_eq!(text("de-DE"), "Auf Lager – Versand: heute");
}

#[wasm_bindgen_test]
fn decisions_are_plain_objects_with_nulls() {
    let all: Array = catalog()
        .decide_all(options(&[("now", 1_795_428_000_000f64.into())]).unchecked_into())
        .unwrap()
        .unchecked_into();
    assert_eq!(all.length(), 3);
    let first = all.get(0);
    assert_eq!(Object::get_prototype_of(&first), Object::get_prototype_of(&Object::new().into()));
    assert!(get(&first, "split").is_null());
    assert!(get(&first, "message.params").is_object());
    assert!(!get(&first, "message.params").is_instance_of::<js_sys::Map>());
    assert_eq!(get(&all.get(2), "reason"), "invalid_item");
    // Round-trips through JSON unchanged: nothing exotic inside.
    let json = JSON::stringify(&first).unwrap();
    assert_eq!(JSON::stringify(&JSON::parse(&json.as_string().unwrap()).unwrap()).unwrap(), json);
}

#[wasm_bindgen_test]
fn diagnostics_carry_the_json_path() {
    let diagnostics: Array = JsValue::from(catalog().diagnostics()).unchecked_into();
    assert_eq!(diagnostics.length(), 1);
    assert_eq!(get(&diagnostics.get(0), "path"), "items[2].onHand");
    assert_eq!(get(&diagnostics.get(0), "message"), "expected an integer, got \"five\"");
}

#[wasm_bindgen_test]
fn argument_errors_are_errors_with_a_code() {
    let code = |sku: &str, pairs: &[(&str, JsValue)]| {
        let err = decide(&catalog(), sku, options(pairs)).unwrap_err();
        assert!(err.is_instance_of::<js_sys::Error>());
        get(&err, "code").as_string().unwrap()
    };
    assert_eq!(code("IN", &[("quantity", 0.5.into())]), "invalid_quantity");
    assert_eq!(code("IN", &[("quantity", (-1).into())]), "invalid_quantity");
    assert_eq!(code("IN", &[("quantity", 9_007_199_254_740_992f64.into())]), "invalid_quantity");
    assert_eq!(code("IN", &[("quantity", "2".into())]), "invalid_quantity");
    assert_eq!(code("IN", &[("channel", "etsy".into())]), "unknown_channel");
    assert_eq!(code("IN", &[("now", f64::NAN.into())]), "invalid_now");
    assert_eq!(code("IN", &[("now", "23/11/2026".into())]), "invalid_now");
    assert_eq!(code("IN", &[("locale", "not a locale!".into())]), "invalid_locale");
    assert_eq!(code("", &[]), "invalid_sku");
    let err = catalog()
        .decide(JsValue::from(42).unchecked_into(), JsValue::UNDEFINED.unchecked_into())
        .map(JsValue::from)
        .unwrap_err();
    assert_eq!(get(&err, "code"), "invalid_sku");
}

#[wasm_bindgen_test]
fn snapshot_errors_name_the_path() {
    let err = JsCatalog::from_json(
        r#"{"version":1,"generatedAt":"2026-11-23T08:00:00Z","timeZone":"Mars/Olympus","items":[]}"#,
    )
    .err()
    .unwrap();
    assert_eq!(get(&err, "code"), "invalid_snapshot");
    assert_eq!(get(&err, "path"), "timeZone");
    let problems: Array = get(&err, "problems").unchecked_into();
    assert_eq!(problems.length(), 1);
}

#[wasm_bindgen_test]
fn an_object_snapshot_decides_like_its_json_text() {
    let object = JSON::parse(SNAPSHOT).unwrap();
    let from_object = JsCatalog::new(object.unchecked_into()).unwrap();
    let opts = options(&[("now", "2026-11-23T17:00:00Z".into()), ("quantity", 2.into())]);
    let a = JSON::stringify(&from_object.decide_all(opts.clone().unchecked_into()).unwrap().into()).unwrap();
    let b = JSON::stringify(&catalog().decide_all(opts.unchecked_into()).unwrap().into()).unwrap();
    assert_eq!(a, b);
    // NaN cannot come from JSON text, but can from an object: it is a data problem.
    let with_nan = JSON::parse(SNAPSHOT).unwrap();
    let items: Array = get(&with_nan, "items").unchecked_into();
    Reflect::set(&items.get(0), &"onHand".into(), &f64::NAN.into()).unwrap();
    let c = JsCatalog::new(with_nan.unchecked_into()).unwrap();
    let diagnostics: Array = JsValue::from(c.diagnostics()).unchecked_into();
    assert_eq!(get(&diagnostics.get(0), "path"), "items[0].onHand");
}
