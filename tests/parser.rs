#![cfg(not(target_arch = "wasm32"))]
//! The JSON parser (src/read/parser.rs) against `serde_json`, the
//! reference it replaced: the same values from any JSON text, the same
//! texts refused — but for a number beyond `f64`, which reads as infinity
//! (as `JSON.parse` reads it) for the field readers to refuse at its path.

use proptest::prelude::*;
use serde_json::Value;
use storefront_availability::internals::{parse_json, Json};
use storefront_availability::Catalog;

/// What `parse_json` must give for a value: objects' keys sorted on both
/// sides (serde_json's map sorts them; `Json` keeps the text's order).
fn expected(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Number(n.as_f64().unwrap()),
        Value::String(s) => Json::String(s.clone()),
        Value::Array(items) => Json::Array(items.iter().map(expected).collect()),
        Value::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), expected(v))).collect()),
    }
}

/// Equal, numbers within a relative 1e-14 (serde_json's own reading of a
/// long mantissa is not correctly rounded either).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x == y || ((x - y) / y).abs() <= 1e-14,
        (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, x), (l, y))| k == l && same(x, y))
        }
        _ => a == b,
    }
}

fn sorted(json: Json) -> Json {
    match json {
        Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
        Json::Object(mut entries) => {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Json::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        other => other,
    }
}

/// Any JSON value: strings with escapes, quotes, control characters and
/// characters outside the BMP; integers up to 2^53; decimals.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-(1i64 << 53)..=(1i64 << 53)).prop_map(Value::from),
        // Decimals with up to 15 significant digits, exponents within ±22: exact.
        (-999_999_999_999_999i64..=999_999_999_999_999, -22i32..=22)
            .prop_map(|(m, e)| Value::from(format!("{m}e{e}").parse::<f64>().unwrap())),
        "(\\PC|[\"\\\\/\u{0}-\u{1f}😀é])*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-zé\"\\\\ ]{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A JSON text with one edit that may or may not break it.
fn edited() -> impl Strategy<Value = String> {
    (
        value(),
        any::<bool>(),
        any::<prop::sample::Index>(),
        0..4usize,
        prop::sample::select(&b"{}[],:\"\\ 0123456789eE.+-tfnul/u"[..]),
    )
        .prop_map(|(value, pretty, at, how, byte)| {
            let text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
            let mut bytes = text.into_bytes();
            let at = at.index(bytes.len() + 1);
            match how {
                0 if at < bytes.len() => drop(bytes.remove(at)),
                1 => bytes.insert(at, byte),
                2 if at < bytes.len() => bytes[at] = byte,
                _ => bytes.truncate(at),
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Every value written as JSON, compact or pretty, reads back as itself.
    #[test]
    fn any_value_reads_back_as_itself(value in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&value).unwrap() } else { value.to_string() };
        prop_assert_eq!(sorted(parse_json(&text).unwrap()), expected(&value));
    }

    /// An edited text is refused exactly when serde_json refuses it, and
    /// read to the same value when both take it; a snapshot holding it
    /// under a key the rules do not read (skipped, not built) loads exactly
    /// when it is JSON.
    #[test]
    fn any_text_is_refused_exactly_when_serde_json_refuses_it(text in edited()) {
        let reference = serde_json::from_str::<Value>(&text);
        if let Err(e) = &reference {
            prop_assume!(!e.to_string().starts_with("number out of range"));
        }
        let ours = parse_json(&text);
        prop_assert_eq!(ours.is_ok(), reference.is_ok(), "{:?}: ours {:?}, serde_json {:?}", text, ours, reference);
        if let (Ok(ours), Ok(reference)) = (ours.clone(), reference) {
            let (ours, reference) = (sorted(ours), expected(&reference));
            prop_assert!(same(&ours, &reference), "{:?}: {:?} vs {:?}", text, ours, reference);
        }
        let snapshot = format!(r#"{{"version": 1, "generatedAt": "2026-11-23T08:00:00Z", "vendorData": {text}, "items": [{{"sku": "A", "onHand": 1}}]}}"#);
        let loaded = Catalog::from_json(&snapshot);
        prop_assert_eq!(loaded.is_ok(), ours.is_ok(), "{:?}: {:?}", snapshot, loaded.err());
    }

    /// Long mantissas and large exponents: within a relative 1e-14 of the nearest double.
    #[test]
    fn long_numbers_are_within_1e_14(digits in "[1-9][0-9]{15,30}", point in 0..30usize, exponent in -300i32..300) {
        let point = point.min(digits.len());
        let text = format!("{}.{}e{exponent}", &digits[..point.max(1)], &digits[point.max(1)..]);
        let text = text.replace(".e", "e");
        let nearest: f64 = text.parse().unwrap();
        let Json::Number(ours) = parse_json(&text).unwrap() else { panic!("{text}: not a number") };
        prop_assume!(nearest.is_normal());
        prop_assert!(((ours - nearest) / nearest).abs() <= 1e-14, "{}: {} vs {}", text, ours, nearest);
    }
}

#[test]
fn errors_say_what_is_wrong_and_where() {
    let error = |text: &str| parse_json(text).unwrap_err().to_string();
    assert_eq!(error(""), "the text ended where a value was expected at line 1 column 1");
    assert_eq!(error("{\n  \"a\": 1,\n  \"b\" 2\n}"), "expected `:` at line 3 column 7");
    assert_eq!(error("[1, 2,]"), "trailing comma at line 1 column 7");
    assert_eq!(error("{\"é\": tru}"), "expected a value at line 1 column 7");
    assert_eq!(error("[01]"), "invalid number: a leading zero at line 1 column 3");
    assert_eq!(
        error("\"a\\qb\""),
        "invalid escape (a backslash must be followed by one of \"\\/bfnrtu) at line 1 column 4"
    );
    assert_eq!(
        error("\"\\ud83d\""),
        "half a character: a \\u escape of a UTF-16 surrogate without its pair at line 1 column 8"
    );
    assert_eq!(error("{\"a\": 1} x"), "trailing characters at line 1 column 10");
    assert_eq!(
        error("\"tab\there\""),
        "a control character (U+0000 to U+001F) inside a string; write it escaped at line 1 column 5"
    );
    assert_eq!(error(&"[".repeat(128)), "nested too deeply (more than 127 arrays and objects) at line 1 column 128");
    assert!(parse_json(&format!("{}{}", "[".repeat(127), "]".repeat(127))).is_ok());
}

#[test]
fn numbers_read_as_javascript_reads_them() {
    let number = |text: &str| match parse_json(text).unwrap() {
        Json::Number(n) => n,
        other => panic!("{other:?}"),
    };
    for text in
        ["0", "-0", "12", "9007199254740993", "0.1", "1.5e3", "2.5E-3", "123456789012345.6", "1e22", "1e-22", "4.35"]
    {
        assert_eq!(number(text).to_bits(), text.parse::<f64>().unwrap().to_bits(), "{text}");
    }
    assert_eq!(number("1e400"), f64::INFINITY);
    assert_eq!(number("-1e400"), f64::NEG_INFINITY);
    assert_eq!(number("1e-400"), 0.0);
    assert_eq!(number("0e999999999999"), 0.0);
}

#[test]
fn a_value_nested_a_million_deep_under_an_unread_key_is_skipped_without_the_stack() {
    let deep = format!("{}1{}", "[{\"k\":".repeat(500_000), "}]".repeat(500_000));
    let snapshot = format!(
        r#"{{"version": 1, "generatedAt": "2026-11-23T08:00:00Z", "vendorData": {deep}, "items": [{{"sku": "A", "onHand": 1}}]}}"#
    );
    assert_eq!(Catalog::from_json(&snapshot).unwrap().snapshot().item_count(), 1);
    let refused =
        format!(r#"{{"version": 1, "generatedAt": "2026-11-23T08:00:00Z", "timeZone": {deep}, "items": []}}"#);
    assert!(Catalog::from_json(&refused).err().unwrap().to_string().contains("nested too deeply"));
}
