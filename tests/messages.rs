#![cfg(not(target_arch = "wasm32"))]
//! Messages: built-in catalogs, merchant templates, the locale chain,
//! plurals, right-to-left isolation, deadlines and order emails.

mod common;

use chrono::{NaiveDate, Weekday};
use common::*;
use serde_json::json;
use storefront_availability::internals::check_template as check;
use storefront_availability::internals::{builtin, builtin_more, LANGUAGES};
use storefront_availability::internals::{placeholders, KEYS, PLURALS};
use storefront_availability::Catalog;
use storefront_availability::{DateStyle, English, LocaleText, StatusUpdate};

/// A stand-in for `Intl` in another locale: ISO dates, configurable plurals.
struct Fake(&'static str);

impl LocaleText for Fake {
    fn locale(&self) -> &str {
        self.0
    }
    fn date(&self, date: NaiveDate, _: DateStyle) -> String {
        date.to_string()
    }
    fn relative_day(&self, _: i64) -> Option<String> {
        None
    }
    fn first_weekday(&self) -> Weekday {
        Weekday::Mon
    }
    fn plural(&self, n: u64) -> &'static str {
        if n <= 1 {
            "one"
        } else {
            "other"
        }
    }
    fn number(&self, n: u64) -> String {
        n.to_string()
    }
}

#[test]
fn every_built_in_template_is_valid_and_every_language_is_complete() {
    let optional = ["today", "tomorrow"];
    for language in LANGUAGES {
        let catalog: Vec<_> = builtin(language).unwrap().iter().chain(builtin_more(language).unwrap()).collect();
        for (key, source) in &catalog {
            let allowed = placeholders(key).unwrap_or_else(|| panic!("{language}: unknown key {key}"));
            check(source, allowed).unwrap_or_else(|e| panic!("{language}.{key}: {e}"));
        }
        for (key, _) in KEYS.iter().filter(|(k, _)| !optional.contains(k)) {
            let has = catalog.iter().any(|(k, _)| {
                k == key || k.strip_prefix(key).is_some_and(|rest| PLURALS.iter().any(|p| rest == format!(".{p}")))
            });
            assert!(has, "{language} lacks {key}");
        }
    }
}

fn sample() -> serde_json::Value {
    json!([
        { "sku": "IN", "title": "Stoneware Mug", "onHand": 9 },
        { "sku": "LOW", "onHand": 1, "lowStockThreshold": 3 },
        { "sku": "BO", "title": "Merino Tee", "restock": restock("2026-11-30", 40, 12) },
        { "sku": "PRE", "title": "Aurora", "lifecycle": "unreleased", "preorder": { "limit": 50, "sold": 49, "shipDate": "2027-01-15" } },
    ])
}

fn text(c: &Catalog, sku: &str, locale: &dyn LocaleText) -> String {
    c.decide_with(sku, &request("dtc", 1, NOW), locale).unwrap().message.text
}

#[test]
fn merchant_templates_override_the_built_in_ones() {
    let c = catalog(
        json!({ "messages": { "en": { "backorder": "On its way from the mill — ships by {date} (you're #{position})", "button.backorder": "Reserve yours" } } }),
        sample(),
    );
    let d = c.decide("BO", &request("dtc", 1, NOW)).unwrap();
    assert_eq!(d.message.text, "On its way from the mill — ships by Tuesday, December 1 (you're #13)");
    assert_eq!(d.message.button, "Reserve yours");
    assert_eq!(d.message.badge, "Backordered");
    assert!(c.diagnostics().is_empty());
}

#[test]
fn a_bad_template_is_a_diagnostic_and_the_built_in_is_used() {
    let c = catalog(
        json!({ "messages": {
            "en": { "in_stock": "Ships {when}", "backorder": "Ships by {date", "nonsense": "x", "badge.preorder": 5 },
            "de": "Versand"
        } }),
        sample(),
    );
    // (json! sorts keys, so the snapshot lists them alphabetically.)
    let diagnostics: Vec<_> = c.diagnostics().iter().map(|d| (d.code, d.path.as_str(), d.message.as_str())).collect();
    assert_eq!(
        diagnostics,
        [
            ("invalid_template", "messages.de", "expected an object of templates, got \"Versand\""),
            ("invalid_template", "messages.en.backorder", "unclosed \"{\" at character 10"),
            ("invalid_template", "messages.en.badge.preorder", "expected a template string, got 5"),
            ("invalid_template", "messages.en.in_stock", "unknown placeholder {when}; this message has {date}"),
            ("invalid_template", "messages.en.nonsense", "unknown message key \"nonsense\""),
        ]
    );
    assert_eq!(text(&c, "IN", &English), "In stock — ships today");
    assert_eq!(text(&c, "BO", &English), "Backordered – ships by Tuesday, December 1");
}

#[test]
fn the_locale_chain_goes_region_then_language_then_english() {
    let c = catalog(
        json!({ "messages": {
            "fr-CA": { "in_stock": "En inventaire – expédition : {date}" },
            "fr": { "backorder": "Commande en attente – expédition : {date}" }
        } }),
        sample(),
    );
    let canada = Fake("fr-CA");
    assert_eq!(text(&c, "IN", &canada), "En inventaire – expédition : 2026-11-23");
    assert_eq!(text(&c, "BO", &canada), "Commande en attente – expédition : 2026-12-01");
    assert_eq!(text(&c, "IN", &Fake("fr-FR")), "En stock – expédition\u{a0}: 2026-11-23");
    // German built-in; an unknown language falls back to English.
    assert_eq!(text(&c, "BO", &Fake("de-AT")), "Nachbestellt – Versand bis 2026-12-01");
    // English fallback text is written in English throughout, never with the shopper's date format.
    assert_eq!(text(&c, "BO", &Fake("sv-SE")), "Backordered – ships by Tuesday, December 1");
    // Which locale dates are written in: never a sentence in two languages.
    assert_eq!(c.text_locale("fr-CA"), "fr-CA");
    // No Arabic catalog: English words, Egypt's conventions for dates and numbers.
    assert_eq!(c.text_locale("ar-EG"), "en-EG");
    assert_eq!(c.text_locale("ja"), "ja");
}

#[test]
fn plural_forms_follow_the_locale_rules() {
    let c = catalog(json!({}), sample());
    assert_eq!(text(&c, "LOW", &Fake("fr-FR")), "Plus que 1 article en stock – expédition\u{a0}: 2026-11-23");
    assert_eq!(text(&c, "PRE", &Fake("es-ES")), "Envío previsto la semana del 2027-01-11 · queda 1 en preventa");
    let many = catalog(json!({}), json!([{ "sku": "LOW", "onHand": 3, "lowStockThreshold": 3 }]));
    assert_eq!(text(&many, "LOW", &Fake("fr-FR")), "Plus que 3 articles en stock – expédition\u{a0}: 2026-11-23");
    let merchant = catalog(
        json!({ "messages": { "en": { "low_stock.one": "Last one!", "low_stock.other": "{n} left" } } }),
        sample(),
    );
    assert_eq!(text(&merchant, "LOW", &English), "Last one!");
}

#[test]
fn right_to_left_text_isolates_the_values() {
    let c = catalog(json!({ "messages": { "ar": { "backorder": "طلب مسبق – يُشحن بحلول {date}" } } }), sample());
    assert_eq!(c.text_locale("ar"), "ar");
    assert_eq!(text(&c, "BO", &Fake("ar")), "طلب مسبق – يُشحن بحلول \u{2068}2026-12-01\u{2069}");
    // A key the merchant did not translate falls back to plain English, without isolation marks.
    assert_eq!(text(&c, "IN", &Fake("ar")), "In stock — ships today");
}

#[test]
fn near_dates_are_words_far_dates_are_dates() {
    let c = catalog(json!({}), sample());
    assert_eq!(decide(&c, "dtc", 1, "2026-11-23T15:00:00Z").message.text, "In stock — ships tomorrow");
    let ja = catalog(json!({}), json!([{ "sku": "IN", "onHand": 9 }]));
    assert_eq!(text(&ja, "IN", &Fake("ja-JP")), "在庫あり・本日発送");
}

#[test]
fn a_missed_deadline_gets_a_notice() {
    let c = catalog(json!({ "deadlines": [{ "name": "Christmas", "shipBy": "2026-12-18" }] }), sample());
    let pre = c.decide("PRE", &request("dtc", 1, NOW)).unwrap();
    assert_eq!(
        pre.message.notice.as_deref(),
        Some("Won't ship in time for Christmas (its ship-by date is December 18)")
    );
    assert_eq!(c.decide("IN", &request("dtc", 1, NOW)).unwrap().message.notice, None);
}

#[test]
fn order_confirmations_follow_the_policy() {
    let c = catalog(json!({}), sample());
    let r = request("dtc", 1, NOW);
    let bo = c.order_confirmation("BO", &r, "1042", &English).unwrap();
    assert_eq!(bo.subject, "Order Confirmed — Ships by Tuesday, December 1");
    assert_eq!(
        bo.body,
        "Thank you for your order. Merino Tee is currently on backorder.\nExpected ship date: Tuesday, December 1\nOrder number: 1042\n\
         We'll tell you as soon as it ships, and right away if the date changes.\nNeed to cancel? Reply to this email: cancelling is free until it ships."
    );
    let pre = c.order_confirmation("PRE", &r, "1043", &English).unwrap();
    // A pre-order's subject names its week, as the product page and the body do.
    assert_eq!(pre.subject, "Pre-order Confirmed — Expected to ship the week of January 10, 2027");
    assert!(pre.body.starts_with(
        "Thank you for your pre-order. Aurora is expected to ship the week of January 10, 2027.\nOrder number: 1043\n"
    ));
    let mug = c.order_confirmation("IN", &r, "1044", &English).unwrap();
    assert_eq!(
        mug.body,
        "Thank you for your order. Stoneware Mug is in stock and ships Monday, November 23.\nOrder number: 1044"
    );
    let refused = c.order_confirmation("PRE", &request("dtc", 2, NOW), "1045", &English).unwrap_err();
    assert_eq!(refused.code, "not_purchasable");
}

#[test]
fn weekly_status_says_on_track_or_gives_the_new_date() {
    let c = catalog(json!({}), sample());
    let mut update = StatusUpdate {
        order_number: "1042".into(),
        title: "Merino Tee".into(),
        promised: date("2026-12-01"),
        expected: date("2026-11-30"),
        position: Some((13, 40)),
        stage: None,
        warehouse_arrival: None,
    };
    let now = NOW.parse().unwrap();
    let on_track = c.weekly_status(&update, now, &English).unwrap();
    assert_eq!(on_track.subject, "Update on your order — Merino Tee");
    assert_eq!(
        on_track.body,
        "Your order is still on track to ship by Tuesday, December 1.\nYour order position: 13 of 40 backorders"
    );
    update.expected = date("2026-12-08");
    update.position = None;
    assert_eq!(
        c.weekly_status(&update, now, &English).unwrap().body,
        "The new expected ship date is Tuesday, December 8. We apologize for the delay."
    );
    // The core checks the position, for servers as for browsers.
    for position in [(41, 40), (0, 40)] {
        update.position = Some(position);
        let error = c.weekly_status(&update, now, &English).unwrap_err();
        assert_eq!(error.code, "invalid_options", "{position:?}");
    }
}

#[test]
fn a_deadline_is_named_in_the_shoppers_language() {
    let c = catalog(
        json!({ "deadlines": [{ "name": "Christmas", "names": { "de": "Weihnachten", "fr-CA": "Noël (Canada)", "fr": "Noël" }, "shipBy": "2026-11-30" }] }),
        json!([{ "sku": "BO", "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 10 } }]),
    );
    let notice =
        |locale: &dyn LocaleText| c.decide_with("BO", &request("dtc", 1, NOW), locale).unwrap().message.notice.unwrap();
    assert!(notice(&English).contains("Christmas"), "{}", notice(&English));
    assert!(notice(&Fake("de-DE")).contains("Weihnachten"), "{}", notice(&Fake("de-DE")));
    // The most specific tag first, then the language.
    assert!(notice(&Fake("fr-CA")).contains("Noël (Canada)"));
    assert!(notice(&Fake("fr-FR")).contains("Noël") && !notice(&Fake("fr-FR")).contains("Canada"));
    // No name in Spanish: the name as given.
    assert!(notice(&Fake("es-ES")).contains("Christmas"));
    // The decision's warning keeps the name as given (machine output).
    let d = c.decide_with("BO", &request("dtc", 1, NOW), &Fake("de-DE")).unwrap();
    assert_eq!(d.warnings[0].deadline, "Christmas");
    // A name that is not text is a store-level problem with its path.
    let text = json!({ "version": 1, "generatedAt": "2026-11-23T13:00:00Z", "deadlines": [{ "name": "X", "names": { "de": 3 }, "shipBy": "2026-12-18" }], "items": [] });
    let Err(bad) = Catalog::from_json(&text.to_string()) else { panic!("a non-text name is refused") };
    assert_eq!(bad.problems[0].path, "deadlines[0].names.de");
}
