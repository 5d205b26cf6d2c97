//! Shared helpers for the native tests: snapshots built from `json!`.
#![allow(dead_code)]

use serde_json::{json, Value};
use storefront_availability::{Catalog, Channel, Decision, Request};

/// Monday 2026-11-23, 10:00 UTC.
pub const NOW: &str = "2026-11-23T10:00:00Z";

/// A catalog from store settings (merged over a minimal valid store) and items.
pub fn catalog(store: Value, items: Value) -> Catalog {
    let mut snapshot = json!({ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": items });
    if let (Some(target), Value::Object(extra)) = (snapshot.as_object_mut(), store) {
        target.extend(extra);
    }
    Catalog::from_json(&snapshot.to_string()).expect("valid snapshot")
}

/// One item in a default store.
pub fn one(item: Value) -> Catalog {
    catalog(json!({}), json!([item]))
}

pub fn request(channel: &str, quantity: u64, now: &str) -> Request {
    Request {
        channel: Channel::parse(channel).unwrap(),
        quantity,
        now: now.parse().unwrap(),
        purchased: 0,
        price: None,
    }
}

/// Decides the catalog's first SKU.
pub fn decide(c: &Catalog, channel: &str, quantity: u64, now: &str) -> Decision {
    let sku = c.snapshot().skus().next().flatten().unwrap().to_owned();
    c.decide(&sku, &request(channel, quantity, now)).unwrap()
}

/// Decides the first SKU, one unit on `dtc` at [`NOW`].
pub fn d(c: &Catalog) -> Decision {
    decide(c, "dtc", 1, NOW)
}

pub fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// A confirmed restock arriving on `date`.
pub fn restock(date: &str, quantity: u64, backordered: u64) -> Value {
    json!({ "date": date, "confirmed": true, "quantity": quantity, "backordered": backordered })
}

/// Every file under `dir` (relative to the crate) whose name ends in
/// `.{extension}`, as (path relative to `dir`, text), in no set order.
pub fn source_files(dir: &str, extension: &str) -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == extension) {
                let text = std::fs::read_to_string(&path).expect("readable source");
                out.push((path.strip_prefix(&root).expect("under root").to_path_buf(), text));
            }
        }
    }
    out
}
