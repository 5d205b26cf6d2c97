//! The wasm boundary in headless Chromium: what JavaScript receives.
#![cfg_attr(rustfmt, rustfmt_skip)]
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use storefront_availability::internals::JsCatalog;
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
    let list = catalog.decide(JsValue::from(sku).unchecked_into(), opts.unchecked_into())?;
    Ok(decisions(&list.into()).get(0))
}

/// The engine's decision rows (src/wasm/rows.rs) as objects, as
/// js/index.js `fromRows` makes them (the JS tests hold the package to
/// `decide`'s fields, key for key).
fn decisions(list: &JsValue) -> Array {
    // (field, what its cell holds): a number, a boolean, or an index into
    // `strings` or `objects` (-1: null, or [] for a list).
    const FIELDS: [(&str, &str); 19] = [
        ("sku", "string"), ("policy", "string"), ("reason", "string"), ("canPurchase", "boolean"),
        ("notifyMe", "boolean"), ("maxQuantity", "number"), ("minQuantity", "number"), ("shipDate", "string"),
        ("remainingPreorders", "number"), ("queuePosition", "number"), ("split", "object"), ("payment", "string"),
        ("cancellable", "boolean"), ("warnings", "list"), ("schemaOrg", "string"), ("merchantAvailability", "string"),
        ("availabilityDate", "string"), ("listing", "string"), ("deliveries", "list"),
    ];
    let cells: js_sys::Float64Array = get(list, "cells").unchecked_into();
    let cells = cells.to_vec();
    let (strings, objects, messages) = (get(list, "strings"), get(list, "objects"), get(list, "messages"));
    let at = |list: &JsValue, i: f64| Array::from(list).get(i as u32);
    cells
        .chunks(20)
        .map(|row| {
            let field = |(i, (name, kind)): (usize, &(&'static str, &str))| {
                let cell = row[i];
                let value = match (*kind, cell < 0.0) {
                    ("list", true) => Array::new().into(),
                    (_, true) => JsValue::NULL,
                    ("string", _) => at(&strings, cell),
                    ("object" | "list", _) => at(&objects, cell),
                    ("boolean", _) => JsValue::from(cell == 1.0),
                    _ => JsValue::from(cell),
                };
                (*name, value)
            };
            let decision = options(&FIELDS.iter().enumerate().map(field).collect::<Vec<_>>());
            if row[19] >= 0.0 {
                Reflect::set(&decision, &"message".into(), &at(&messages, row[19])).unwrap();
            }
            decision
        })
        .collect()
}

fn catalog() -> JsCatalog {
    JsCatalog::from_json(SNAPSHOT.into()).unwrap()
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
fn temporal_and_intl_give_the_same_local_time() {
    use storefront_availability::internals::{intl_zone, temporal_zone};
    // Quarter-hour, half-hour and 45-minute offsets, DST north and south,
    // a 30-minute DST (Lord Howe), a link name, every 37 minutes over three years.
    let zones = [
        "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham",
        "America/St_Johns", "America/Santiago", "Asia/Kathmandu", "US/Pacific", "UTC",
    ];
    let start = chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z").unwrap().to_utc();
    for name in zones {
        let temporal = temporal_zone(name).expect("this Chromium has Temporal");
        let intl = intl_zone(name).unwrap();
        for step in 0..(3 * 365 * 24 * 60 / 37) {
            let at = start + chrono::TimeDelta::minutes(37 * step) + chrono::TimeDelta::seconds(step % 60);
            assert_eq!(temporal.local(at), intl.local(at), "{name} at {at}");
        }
    }
    // What only Intl knows still resolves (a legacy ICU id); what neither knows does not.
    assert!(temporal_zone("Canada/East-Saskatchewan").is_none() && intl_zone("Canada/East-Saskatchewan").is_some());
    assert!(JsCatalog::from_json(r#"{"version":1,"generatedAt":"2026-11-23T08:00:00Z","timeZone":"Canada/East-Saskatchewan","items":[]}"#.into()).is_ok());
    assert!(temporal_zone("Mars/Olympus").is_none() && intl_zone("Mars/Olympus").is_none());
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
fn a_language_without_a_catalog_reads_english_in_the_shoppers_regional_format() {
    let later = JsCatalog::from_json(SNAPSHOT.replace(r#""date": "2026-11-23""#, r#""date": "2026-12-03""#).into()).unwrap();
    let message = |locale: &str| {
        let opts = options(&[("now", "2026-11-23T17:00:00Z".into()), ("locale", locale.into())]);
        let d = decide(&later, "BO", opts).unwrap();
        (get(&d, "message.text").as_string().unwrap(), get(&d, "message.lang").as_string().unwrap())
    };
    let (us, us_lang) = message("en-US");
    assert_eq!(us_lang, "en-US");
    assert!(us.contains("December 4"), "{us}");
    // Dutch: no catalog, so English words with Dutch day-month order, and the text says it is English.
    let (dutch, lang) = message("nl-NL");
    assert_eq!(lang, "en-NL");
    assert!(dutch.starts_with("Backordered"), "{dutch}");
    assert!(dutch.contains("4 December"), "{dutch}");
    assert_eq!(message("de-AT").1, "de-AT");
}

#[wasm_bindgen_test]
fn decision_rows_are_cells_and_plain_json_with_nulls() {
    let list: JsValue = catalog().decide_all(options(&[("now", 1_795_428_000_000f64.into())]).unchecked_into()).unwrap().into();
    assert_eq!(Object::get_prototype_of(&list), Object::get_prototype_of(&Object::new().into()));
    let cells: js_sys::Float64Array = get(&list, "cells").dyn_into().unwrap();
    assert_eq!(cells.length(), 3 * 20, "20 cells a decision");
    assert_eq!(cells.get_index(10), -1.0, "no split");
    let message = get(&list, "messages").unchecked_into::<Array>().get(cells.get_index(19) as u32);
    assert!(get(&message, "params").is_object());
    assert!(!get(&message, "params").is_instance_of::<js_sys::Map>());
    let all = decisions(&list);
    assert_eq!(all.length(), 3);
    assert!(get(&all.get(0), "split").is_null());
    assert_eq!(get(&all.get(2), "reason"), "invalid_item");
    // The text beside the cells round-trips through JSON unchanged: nothing exotic inside.
    for key in ["strings", "objects", "messages"] {
        let json = JSON::stringify(&get(&list, key)).unwrap();
        assert_eq!(JSON::stringify(&JSON::parse(&json.as_string().unwrap()).unwrap()).unwrap(), json);
    }
}

#[wasm_bindgen_test]
fn diagnostics_carry_the_json_path() {
    let diagnostics: Array = JsValue::from(catalog().diagnostics()).unchecked_into();
    assert_eq!(diagnostics.length(), 1);
    assert_eq!(get(&diagnostics.get(0), "path"), "items[2].onHand");
    assert_eq!(get(&diagnostics.get(0), "message"), "expected an integer from -9007199254740991 to 9007199254740991, got \"five\"");
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
        r#"{"version":1,"generatedAt":"2026-11-23T08:00:00Z","timeZone":"Mars/Olympus","items":[]}"#.into(),
    )
    .err()
    .unwrap();
    assert_eq!(get(&err, "code"), "invalid_snapshot");
    assert_eq!(get(&err, "path"), "timeZone");
    let problems: Array = get(&err, "problems").unchecked_into();
    assert_eq!(problems.length(), 1);
    // The package passes the text as UTF-8 bytes; bytes that are not UTF-8 are refused, never read.
    let bytes = JsCatalog::from_json(vec![b'{', 0xff, b'}']).err().unwrap();
    assert_eq!(get(&bytes, "code"), "invalid_snapshot");
    assert_eq!(get(&bytes, "message"), "invalid snapshot: not UTF-8 text");
}

/// Every decision of `catalog` at the snapshot's time, as JSON text.
fn all(catalog: &JsCatalog) -> String {
    let list = catalog.decide_all(options(&[("now", "2026-11-23T15:00:00Z".into())]).unchecked_into()).unwrap();
    JSON::stringify(&decisions(&list.into())).unwrap().into()
}

#[wasm_bindgen_test]
fn a_patch_in_place_answers_as_its_text_loaded_whole() {
    let mut engine = catalog();
    let patch = r#"{ "items": [{ "sku": "IN", "onHand": 0 }, { "sku": "NEW", "onHand": 3 }], "remove": ["BAD"] }"#;
    let text = engine.patch(patch, false, None).unwrap().expect("patched in place");
    assert_eq!(all(&engine), all(&JsCatalog::from_json(text.clone().into_bytes()).unwrap()));
    assert_eq!(get(&JSON::parse(&text).unwrap(), "items.1.sku"), "BO");
    // Refused as a whole: the engine answers as before.
    let before = all(&engine);
    let err = engine.patch(r#"{ "items": [{ "sku": "BO", "onHand": "x" }] }"#, false, None).err().unwrap();
    assert_eq!((get(&err, "code"), get(&err, "path")), ("invalid_update".into(), "items[0].onHand".into()));
    assert_eq!(all(&engine), before);
    // Half a character in the snapshot: only a load of the whole patched text can say where it is now.
    let halves = SNAPSHOT.replace(r#""onHand": 5"#, r#""title": "Mug \ud83d", "onHand": 5"#);
    let mut engine = JsCatalog::from_json(halves.clone().into_bytes()).unwrap();
    let patch = r#"{ "items": [{ "sku": "BO", "onHand": 1 }] }"#;
    assert_eq!(engine.patch(patch, false, None).unwrap(), None);
    let text = engine.patch(patch, false, Some(halves.into_bytes())).unwrap().unwrap();
    assert!(text.contains(r#""Mug \ud83d""#), "{text}");
    assert_eq!(all(&engine), all(&JsCatalog::from_json(text.into_bytes()).unwrap()));
}

const L10N: &str = r#"{
  "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
  "deadlines": [{ "name": "Christmas", "shipBy": "2026-12-18" }],
  "messages": { "ar": { "backorder": "متوفر بالطلب المسبق – يُشحن بحلول {date}", "badge.backorder": "طلب مسبق", "button.backorder": "اطلب الآن" } },
  "items": [
    { "sku": "IN", "onHand": 9 },
    { "sku": "LOW", "onHand": 1, "lowStockThreshold": 3 },
    { "sku": "BO", "title": "Merino Tee", "restock": { "date": "2026-11-30", "confirmed": true, "quantity": 40, "backordered": 12 } },
    { "sku": "PRE", "lifecycle": "unreleased", "preorder": { "limit": 1250, "sold": 3, "shipDate": "2027-01-15" } }
  ]
}"#;

/// `[badge, text, button]` of IN, LOW, BO and PRE, and PRE's notice, in `locale`.
fn messages(locale: &str) -> Vec<String> {
    let catalog = JsCatalog::from_json(L10N.into()).unwrap();
    let mut out = Vec::new();
    for sku in ["IN", "LOW", "BO", "PRE"] {
        let d = decide(&catalog, sku, options(&[("now", "2026-11-23T10:00:00Z".into()), ("locale", locale.into())])).unwrap();
        for field in ["badge", "text", "button"] {
            out.push(get(&d, &format!("message.{field}")).as_string().unwrap());
        }
        if sku == "PRE" {
            out.push(get(&d, "message.notice").as_string().unwrap());
        }
    }
    out
}

#[wasm_bindgen_test]
fn en_us_weeks_start_on_sunday() {
    assert_eq!(
        messages("en-US"),
        [
            "In stock", "In stock — ships today", "Add to cart",
            "Low stock", "Only 1 left — ships today", "Add to cart",
            "Backordered", "Backordered – ships by Tuesday, December 1", "Backorder",
            "Pre-order", "Expected to ship the week of January 10, 2027 · 1,247 left at pre-order", "Pre-order",
            "Won't ship in time for Christmas (its ship-by date is December 18)",
        ]
    );
}

#[wasm_bindgen_test]
fn en_gb_weeks_start_on_monday() {
    let m = messages("en-GB");
    assert_eq!(m[7], "Backordered – ships by Tuesday 1 December");
    assert_eq!(m[10], "Expected to ship the week of 11 January 2027 · 1,247 left at pre-order");
    assert_eq!(m[12], "Won't ship in time for Christmas (its ship-by date is 18 December)");
}

#[wasm_bindgen_test]
fn de_de() {
    assert_eq!(
        messages("de-DE"),
        [
            "Auf Lager", "Auf Lager – Versand: heute", "In den Warenkorb",
            "Fast ausverkauft", "Nur noch 1 auf Lager – Versand: heute", "In den Warenkorb",
            "Nachbestellt", "Nachbestellt – Versand bis Dienstag, 1. Dezember", "Nachbestellen",
            "Vorbestellung", "Versand voraussichtlich in der Woche ab 11. Januar 2027 · noch 1.247 vorbestellbar", "Vorbestellen",
            "Kommt nicht mehr rechtzeitig zu Christmas (Versandschluss: 18. Dezember)",
        ]
    );
}

#[wasm_bindgen_test]
fn fr_fr_with_plural_and_narrow_spaces() {
    assert_eq!(
        messages("fr-FR"),
        [
            "En stock", "En stock – expédition\u{a0}: aujourd’hui", "Ajouter au panier",
            "Stock limité", "Plus que 1 article en stock – expédition\u{a0}: aujourd’hui", "Ajouter au panier",
            "En réappro", "En réapprovisionnement – expédition prévue\u{a0}: mardi 1 décembre", "Commander",
            "Précommande", "Expédition prévue la semaine du 11 janvier 2027 · encore 1\u{202f}247 en précommande", "Précommander",
            "N’arrivera pas à temps pour Christmas (date limite d’expédition\u{a0}: 18 décembre)",
        ]
    );
}

#[wasm_bindgen_test]
fn es_es_with_plural() {
    assert_eq!(
        messages("es-ES"),
        [
            "En stock", "En stock · envío: hoy", "Añadir al carrito",
            "Últimas unidades", "Solo queda 1 · envío: hoy", "Añadir al carrito",
            "Bajo pedido", "Bajo pedido · envío previsto: martes, 1 de diciembre", "Pedir",
            "Preventa", "Envío previsto la semana del 11 de enero de 2027 · quedan 1247 en preventa", "Reservar",
            "No llegará a tiempo para Christmas (fecha límite de envío: 18 de diciembre)",
        ]
    );
}

#[wasm_bindgen_test]
fn ja_jp() {
    assert_eq!(
        messages("ja-JP"),
        [
            "在庫あり", "在庫あり・本日発送", "カートに入れる",
            "残りわずか", "残り1点・本日発送", "カートに入れる",
            "お取り寄せ", "お取り寄せ・12月1日火曜日までに発送", "取り寄せで注文",
            "予約受付中", "2027年1月10日の週に発送予定・予約残り1,247点", "予約する",
            "Christmasには間に合いません（発送期限：12月18日）",
        ]
    );
}

#[wasm_bindgen_test]
fn arabic_merchant_templates_are_isolated_and_the_rest_falls_back_to_english() {
    let m = messages("ar");
    assert_eq!(&m[6..9], ["طلب مسبق", "متوفر بالطلب المسبق – يُشحن بحلول \u{2068}الثلاثاء، 1 ديسمبر\u{2069}", "اطلب الآن"]);
    assert_eq!(&m[0..3], ["In stock", "In stock — ships today", "Add to cart"]);
    assert_eq!(m[10], "Expected to ship the week of January 9, 2027 · 1,247 left at pre-order");
}

#[wasm_bindgen_test]
fn order_emails_in_the_shoppers_language() {
    let catalog = JsCatalog::from_json(L10N.into()).unwrap();
    let opts = options(&[("now", "2026-11-23T10:00:00Z".into()), ("locale", "de-DE".into()), ("orderNumber", "1042".into())]);
    let email: JsValue = catalog.order_confirmation(JsValue::from("BO").unchecked_into(), opts.unchecked_into()).unwrap().into();
    assert_eq!(get(&email, "subject"), "Bestellung bestätigt – Versand bis Dienstag, 1. Dezember");
    let status = options(&[
        ("orderNumber", "1042".into()),
        ("title", "Merino Tee".into()),
        ("promisedDate", "2026-12-01".into()),
        ("expectedDate", "2026-12-08".into()),
        ("position", 13.into()),
        ("total", 40.into()),
        ("now", "2026-11-23T10:00:00Z".into()),
        ("locale", "en-US".into()),
    ]);
    let email: JsValue = catalog.weekly_status(status.unchecked_into()).unwrap().into();
    assert_eq!(get(&email, "subject"), "Update on your order — Merino Tee");
    assert_eq!(
        get(&email, "body"),
        "The new expected ship date is Tuesday, December 8. We apologize for the delay.\nYour order position: 13 of 40 backorders"
    );
    let refused = catalog.order_confirmation(JsValue::from("PRE").unchecked_into(), options(&[("quantity", 5000.into()), ("orderNumber", "1".into()), ("now", "2026-11-23T10:00:00Z".into())]).unchecked_into());
    assert_eq!(get(&refused.map(JsValue::from).unwrap_err(), "code"), "not_purchasable");
}

#[wasm_bindgen_test]
fn charges_are_written_by_intl_as_natively_in_english() {
    use storefront_availability::{Currency, English, LocaleText};
    let charge = |currency: &str, unit: u32, locale: &str| {
        let opts = options(&[
            ("now", "2026-11-23T17:00:00Z".into()), ("quantity", 2.into()), ("unitPrice", unit.into()),
            ("currency", currency.into()), ("locale", locale.into()),
        ]);
        get(&decide(&catalog(), "IN", opts).unwrap(), "message.charge").as_string().unwrap()
    };
    // en-US: Intl.NumberFormat writes exactly what the native English writer does.
    for (currency, unit) in [("USD", 1999u32), ("EUR", 1250), ("JPY", 4000), ("CHF", 99), ("KWD", 12345)] {
        let native = English.money(2 * u64::from(unit), Currency::parse(currency).unwrap());
        assert_eq!(charge(currency, unit, "en-US"), format!("{native} today"), "{currency}");
    }
    // Other locales: their own currency format and words.
    assert_eq!(charge("EUR", 1250, "de-DE"), "25,00\u{a0}€ heute");
    assert_eq!(charge("JPY", 4000, "ja-JP"), "本日￥8,000");
    let missing = options(&[("unitPrice", 100.into())]);
    let error = decide(&catalog(), "IN", missing).unwrap_err();
    assert_eq!(get(&error, "code"), "invalid_currency");
}

#[wasm_bindgen_test]
fn notify_shipped_and_status_lines_in_every_language() {
    let snapshot = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
      "items": [{ "sku": "GONE", "title": "Socks", "onHand": 0, "backorder": { "enabled": false } }] }"#;
    let catalog = JsCatalog::from_json(snapshot.into()).unwrap();
    let mut seen = Vec::new();
    for locale in ["en-US", "de-DE", "fr-FR", "es-ES", "ja-JP"] {
        let d = decide(&catalog, "GONE", options(&[("locale", locale.into()), ("now", "2026-11-23T10:00:00Z".into())])).unwrap();
        let confirm = get(&d, "message.confirm").as_string().unwrap();
        let shipped = catalog.shipped(options(&[("orderNumber", "1042".into()), ("title", "Socks".into()),
            ("tracking", "1Z9".into()), ("locale", locale.into())]).unchecked_into()).unwrap();
        let body = get(&shipped.into(), "body").as_string().unwrap();
        let status = catalog.weekly_status(options(&[("orderNumber", "1042".into()), ("title", "Socks".into()),
            ("promisedDate", "2026-12-01".into()), ("expectedDate", "2026-12-01".into()), ("stage", "in_transit".into()),
            ("warehouseArrival", "2026-11-30".into()), ("locale", locale.into())]).unchecked_into()).unwrap();
        let lines = get(&status.into(), "body").as_string().unwrap();
        assert!(body.contains("1042") && body.contains("1Z9") && !body.contains('{'), "{locale}: {body}");
        assert_eq!(lines.lines().count(), 3, "{locale}: {lines}");
        seen.push((confirm, body, lines));
    }
    // Five languages, five different texts for each.
    for i in 0..seen.len() {
        for j in i + 1..seen.len() {
            assert!(seen[i].0 != seen[j].0 && seen[i].1 != seen[j].1 && seen[i].2 != seen[j].2);
        }
    }
}

/// UTC, for a core catalog built inside the wasm test (no `Intl` there).
struct Utc;

impl storefront_availability::Zones for Utc {
    fn resolve(&self, name: &str) -> Option<Box<dyn storefront_availability::StoreZone>> {
        (name == "UTC").then(|| Box::new(Utc) as Box<dyn storefront_availability::StoreZone>)
    }
}

impl storefront_availability::StoreZone for Utc {
    fn local(&self, at: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
        at.naive_utc()
    }
}

/// The engine's product rows as objects, as js/index.js `fromProductRows`
/// makes them: 14 cells a product (its variant count 13th), 9 a variant.
fn products(list: &JsValue) -> Array {
    const PRODUCT: [(&str, &str); 12] = [
        ("productId", "string"), ("policy", "string"), ("canPurchase", "boolean"), ("notifyMe", "boolean"),
        ("shipDate", "string"), ("variants", "number"), ("inStock", "number"), ("backorder", "number"),
        ("preorder", "number"), ("unavailable", "number"), ("listing", "string"), ("variantsDiffer", "boolean"),
    ];
    const VARIANT: [(&str, &str); 9] = [
        ("sku", "string"), ("policy", "string"), ("reason", "string"), ("canPurchase", "boolean"),
        ("notifyMe", "boolean"), ("shipDate", "string"), ("schemaOrg", "string"), ("availabilityDate", "string"),
        ("listing", "string"),
    ];
    let cells = get(list, "cells").unchecked_into::<js_sys::Float64Array>().to_vec();
    let (strings, messages) = (Array::from(&get(list, "strings")), Array::from(&get(list, "messages")));
    let value = |cell: f64, kind: &str| match (kind, cell < 0.0) {
        (_, true) => JsValue::NULL,
        ("string", _) => strings.get(cell as u32),
        ("boolean", _) => JsValue::from(cell == 1.0),
        _ => JsValue::from(cell),
    };
    let object = |row: &[f64], fields: &[(&str, &str)]| {
        options(&fields.iter().zip(row).map(|((name, kind), cell)| (*name, value(*cell, kind))).collect::<Vec<_>>())
    };
    let all = Array::new();
    let mut at = 0;
    while let Some(row) = cells.get(at..at + 14) {
        let product = object(row, &PRODUCT);
        let variants = Array::new();
        for v in 0..row[12] as usize {
            variants.push(&object(&cells[at + 14 + v * 9..at + 23 + v * 9], &VARIANT));
        }
        Reflect::set(&product, &"variantStates".into(), &variants).unwrap();
        Reflect::set(&product, &"message".into(), &messages.get(row[13] as u32)).unwrap();
        all.push(&product);
        at += 14 + row[12] as usize * 9;
    }
    all
}

#[wasm_bindgen_test]
fn rows_read_as_the_core_writes_decisions_and_products() {
    // Every kind of field: a split, warnings, deliveries, pre-orders, kits of
    // variants in products, hidden and discontinued items, a bad item.
    let text = r#"{
      "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "timeZone": "UTC", "hideSoldOut": true,
      "deadlines": [{ "name": "Christmas", "shipBy": "2026-11-25" }],
      "items": [
        { "sku": "TEE-S", "productId": "tee", "onHand": 1, "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 9 } },
        { "sku": "TEE-M", "productId": "tee", "onHand": 0, "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 9, "backordered": 2 } },
        { "sku": "TEE-L", "productId": "tee", "onHand": 0 },
        { "sku": "MUG", "onHand": 7 },
        { "sku": "BOOK", "productId": "book", "onHand": 0, "preorder": { "releaseDate": "2026-12-10", "cap": 50, "sold": 3 } },
        { "sku": "OLD", "productId": "book", "onHand": 0, "discontinued": true },
        { "sku": "BAD", "productId": "tee", "onHand": "five" }
      ]
    }"#;
    let now = "2026-11-23T15:00:00Z";
    let core = storefront_availability::Catalog::from_json_with(text, &Utc).unwrap();
    let request = storefront_availability::Request::at(now.parse().unwrap());
    let english = storefront_availability::English;
    let engine = JsCatalog::from_json(text.as_bytes().to_vec()).unwrap();
    for quantity in [1.0, 2.0] {
        let asked = || options(&[("now", now.into()), ("quantity", quantity.into())]).unchecked_into();
        let request = storefront_availability::Request { quantity: quantity as u64, ..request };
        let rows: JsValue = engine.decide_all(asked()).unwrap().into();
        let expected = serde_json::to_string(&core.decide_all_with(&request, &english).unwrap()).unwrap();
        assert_eq!(JSON::stringify(&decisions(&rows).into()).unwrap(), expected.as_str());
        let rows: JsValue = engine.decide_products(asked()).unwrap().into();
        let expected = serde_json::to_string(&core.decide_products_with(&request, &english).unwrap()).unwrap();
        assert_eq!(JSON::stringify(&products(&rows).into()).unwrap(), expected.as_str());
        let rows: JsValue = engine.decide_product(JsValue::from("book").unchecked_into(), asked()).unwrap().into();
        let expected = serde_json::to_string(&[core.decide_product_with("book", &request, &english).unwrap()]).unwrap();
        assert_eq!(JSON::stringify(&products(&rows).into()).unwrap(), expected.as_str());
    }
}
