#![cfg(not(target_arch = "wasm32"))]
//! The malformed-data corpus (tests/malformed/): every snapshot gets its
//! exact expected refusal or diagnostics (with JSON paths), and wherever the
//! snapshot loads, its good items are still decided as usual. The JS tier
//! runs the same corpus through the built package (tests/js/malformed.test.mjs).
//!
//! `BLESS=1 cargo test --test malformed` rewrites expected.json from what
//! the library does now; review that diff like code.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde_json::{json, Value};
use storefront_availability::{Catalog, Policy, Reason, Request};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed");

/// The corpus: committed files, plus three generated because of their size.
fn corpus() -> BTreeMap<String, String> {
    let mut cases = BTreeMap::new();
    for entry in fs::read_dir(DIR).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if path.extension().is_some_and(|e| e == "json") && name != "expected" {
            cases.insert(name, fs::read_to_string(&path).unwrap());
        }
    }
    for (name, text) in generated() {
        cases.insert(name.to_owned(), text);
    }
    cases
}

/// The generated cases; tests/js/malformed.test.mjs builds the same text.
fn generated() -> [(&'static str, String); 3] {
    let head = r#"{"version":1,"generatedAt":"2026-11-23T08:00:00Z","timeZone":"America/New_York","items":["#;
    let good = r#"{"sku":"GOOD-A","title":"Stoneware Mug","onHand":12},{"sku":"GOOD-B","title":"Merino Tee","onHand":0,"restock":{"date":"2026-12-01","confirmed":true,"quantity":20}}"#;
    let long_title = format!(r#"{head}{good},{{"sku":"LONG-1","onHand":3,"title":"{}"}}]}}"#, "x".repeat(10 << 20));
    let deep = format!("{head}{good},{}{}]}}", "[".repeat(10_000), "]".repeat(10_000));
    let many: Vec<String> = (0..100_000).map(|i| format!(r#"{{"sku":"BULK-{i}","onHand":{}}}"#, i % 7)).collect();
    let many = format!("{head}{good},{}]}}", many.join(","));
    [("generated-10mb-title", long_title), ("generated-10000-deep", deep), ("generated-100000-items", many)]
}

/// What loading `text` gives, in the shape of expected.json.
fn outcome(text: &str) -> Value {
    match Catalog::from_json(text) {
        Err(error) => json!({ "error": error.problems.iter()
            .map(|p| json!({ "path": p.path, "message": p.message })).collect::<Vec<_>>() }),
        Ok(catalog) => {
            let mut diagnostics: Vec<Value> = catalog
                .diagnostics()
                .iter()
                .map(|d| json!({ "code": d.code, "sku": d.sku, "path": d.path, "message": d.message }))
                .collect();
            // A 10 MB title would bloat expected.json; its size is what matters.
            for d in &mut diagnostics {
                if d["message"].as_str().is_some_and(|m| m.len() > 300) {
                    d["message"] = json!(format!("({} bytes)", d["message"].as_str().unwrap().len()));
                }
            }
            json!({ "items": catalog.snapshot().item_count(), "diagnostics": diagnostics })
        }
    }
}

#[test]
fn every_malformed_snapshot_gets_its_exact_error_and_good_items_are_still_decided() {
    let cases = corpus();
    assert!(cases.len() >= 50, "the corpus has {} snapshots", cases.len());
    let actual: BTreeMap<&String, Value> = cases.iter().map(|(name, text)| (name, outcome(text))).collect();
    let expected_path = Path::new(DIR).join("expected.json");
    if std::env::var_os("BLESS").is_some() {
        fs::write(&expected_path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
    }
    let expected: BTreeMap<String, Value> = serde_json::from_str(&fs::read_to_string(&expected_path).unwrap()).unwrap();
    assert_eq!(expected.len(), cases.len(), "expected.json lists every case and nothing else");
    for (name, text) in &cases {
        assert_eq!(&actual[name], &expected[name], "{name}");
        let Ok(catalog) = Catalog::from_json(text) else { continue };
        // The good items around the bad one decide exactly as in a clean snapshot.
        let request = Request::at("2026-11-23T15:00:00Z".parse().unwrap());
        let a = catalog.decide("GOOD-A", &request).unwrap();
        let b = catalog.decide("GOOD-B", &request).unwrap();
        if name != "sku-duplicate" {
            assert_eq!((a.policy, a.reason), (Policy::InStock, Reason::InStock), "{name}");
        }
        assert_eq!(
            (b.policy, b.reason, b.ship_date.map(|d| d.to_string())),
            (Policy::Backorder, Reason::Backorder, Some("2026-12-02".into())),
            "{name}"
        );
        // Every entry, bad ones included, gets a decision.
        assert_eq!(catalog.decide_all(&request).unwrap().len(), catalog.snapshot().item_count(), "{name}");
    }
}
