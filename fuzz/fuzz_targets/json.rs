//! Any text through our JSON parser and through serde_json, the reference
//! it replaced: both take it or both refuse it (but a number beyond the
//! double range, which we read as infinity, as `JSON.parse` does), and
//! what both take reads to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use storefront_availability::internals::{parse_json, Json};

/// The same value: keys compared in order after sorting ours (serde_json's
/// map is sorted; repeated keys keep the last value in both), numbers
/// within a relative 1e-14.
fn same(ours: &Json, reference: &Value) -> bool {
    match (ours, reference) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => {
            let b = b.as_f64().unwrap_or(f64::NAN);
            a == &b || ((a - b) / b).abs() <= 1e-14
        }
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Json::Object(a), Value::Object(b)) => {
            let mut a: Vec<_> = a.iter().collect();
            a.sort_by(|x, y| x.0.cmp(&y.0));
            a.len() == b.len() && a.iter().zip(b).all(|((k, a), (l, b))| k == l && same(a, b))
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let reference = serde_json::from_str::<Value>(text);
    if matches!(&reference, Err(e) if e.to_string().starts_with("number out of range")) {
        return;
    }
    match (parse_json(text), reference) {
        (Ok(ours), Ok(reference)) => assert!(same(&ours, &reference), "{text:?}: {ours:?} vs {reference:?}"),
        (Err(_), Err(_)) => {}
        (ours, reference) => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
    }
});
