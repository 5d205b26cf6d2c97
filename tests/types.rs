#![cfg(not(target_arch = "wasm32"))]
//! The TypeScript types name every code the library produces, so they cannot
//! drift from the code again: every reason code and channel of the core is
//! in its TS union (and nothing else is), and every error code thrown from
//! Rust or JavaScript is in `ErrorCode` (and every `ErrorCode` is thrown
//! somewhere).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use storefront_availability::{Channel, Reason};

mod common;

fn read(path: &str) -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The string literals of `export type NAME = "a" | "b" …;` in `ts`.
fn union(ts: &str, name: &str) -> BTreeSet<String> {
    let start = ts.find(&format!("export type {name} =")).unwrap_or_else(|| panic!("no type {name}"));
    let body = &ts[start..];
    let body = &body[..body.find(';').expect("the union ends with ;")];
    body.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The first argument of every call `marker"code"` (a literal) in `source`.
fn literal_codes(source: &str, markers: &[&str], codes: &mut BTreeSet<String>) {
    for marker in markers {
        for (at, _) in source.match_indices(marker) {
            let rest = source[at + marker.len()..].trim_start();
            if let Some(rest) = rest.strip_prefix('"') {
                codes.insert(rest[..rest.find('"').expect("closed string")].to_owned());
            }
        }
    }
}

#[test]
fn every_reason_code_is_in_the_typescript_union() {
    let ts = union(&read("src/wasm/types.rs"), "Reason");
    let rust: BTreeSet<String> = Reason::ALL.iter().map(|r| r.code().to_owned()).collect();
    assert_eq!(rust, ts, "Reason in Rust vs. TypeScript");
    for reason in Reason::ALL {
        assert_eq!(serde_json::to_value(reason).unwrap(), reason.code(), "{reason:?} serializes as its code");
    }
}

#[test]
fn every_channel_is_in_the_typescript_union() {
    let ts = union(&read("src/wasm/types.rs"), "Channel");
    let rust: BTreeSet<String> = Channel::ALL.iter().map(|c| c.name().to_owned()).collect();
    assert_eq!(rust, ts, "Channel in Rust vs. TypeScript");
    // The importers (plain JavaScript, no wasm) keep their own copy.
    let import = read("js/import.js");
    let start = import.find("const CHANNELS = [").expect("js/import.js lists CHANNELS");
    let list = &import[start..start + import[start..].find(']').expect("closed list")];
    let js: BTreeSet<String> = list.split('"').skip(1).step_by(2).map(str::to_owned).collect();
    assert_eq!(rust, js, "Channel in Rust vs. js/import.js");
}

#[test]
fn every_error_code_thrown_is_in_error_code_and_back() {
    let declared = union(&read("js/error.d.ts"), "ErrorCode");
    let mut thrown = BTreeSet::new();
    for (_, source) in common::source_files("src", "rs") {
        literal_codes(&source, &["ArgError::new(", "js_error("], &mut thrown);
    }
    for (_, source) in common::source_files("js", "js") {
        literal_codes(&source, &["codedError(", "new AvailabilityError("], &mut thrown);
    }
    // A refused snapshot's code is a constant of the core.
    thrown.insert(storefront_availability::SnapshotError::CODE.to_owned());
    thrown.insert(storefront_availability::HistoryError::CODE.to_owned());
    // The scan must find what it looks for: a sample of codes known to be thrown.
    for known in ["invalid_quantity", "invalid_options", "invalid_import", "freed", "invalid_product"] {
        assert!(thrown.contains(known), "the scan missed {known}");
    }
    let undeclared: Vec<_> = thrown.difference(&declared).collect();
    assert!(undeclared.is_empty(), "thrown but missing from ErrorCode in js/error.d.ts: {undeclared:?}");
    let stale: Vec<_> = declared.difference(&thrown).collect();
    assert!(stale.is_empty(), "in ErrorCode but never thrown: {stale:?}");
}
