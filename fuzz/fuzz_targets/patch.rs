//! Any text as a snapshot and any text as a patch or a shard: the update
//! is made or refused with its problems named, never a panic; a patch that
//! is made keeps every SKU it brings, one that removes a SKU leaves it
//! out (docs/rules.md §1, "Updates"), and the catalog it makes (in place,
//! reading only what the patch brings) answers as a load of its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storefront_availability::{Catalog, IanaZones, UpdateError};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The first line is the snapshot (or a valid one when it does not load), the rest the patch.
    let (source, patch) = text.split_once('\n').unwrap_or((text, ""));
    let source = match Catalog::from_json(source) {
        Ok(_) => source,
        Err(_) => r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [{ "sku": "A", "onHand": 1 }] }"#,
    };
    for shard in [false, true] {
        let result = match shard {
            true => Catalog::with_shard_with(source, patch, &IanaZones),
            false => Catalog::patched_with(source, patch, &IanaZones),
        };
        match result {
            Ok((catalog, text)) => {
                let loaded = Catalog::from_json(&text).expect("the patched text loads again");
                let now = "2026-11-23T15:00:00Z".parse().unwrap();
                let request = storefront_availability::Request::at(now);
                assert_eq!(catalog.decide_all(&request).unwrap(), loaded.decide_all(&request).unwrap(), "decides as its text loaded");
                assert_eq!(catalog.diagnostics(), loaded.diagnostics(), "the same problems as its text loaded");
                assert_eq!(catalog.generated_at(), loaded.generated_at());
                let Ok(read) = storefront_availability::internals::read_patch(patch) else {
                    panic!("a patch that was applied reads")
                };
                for (sku, _) in &read.items {
                    if !read.remove.contains(sku) {
                        assert!(catalog.snapshot().entry(sku).is_some(), "{sku} was patched in");
                    }
                }
                for sku in &read.remove {
                    assert!(catalog.snapshot().entry(sku).is_none(), "{sku} was removed");
                }
            }
            Err(UpdateError::Patch(problems)) => assert!(!problems.is_empty(), "a refusal names its problems"),
            Err(UpdateError::Snapshot(e)) => assert!(!e.problems.is_empty(), "a refusal names its problems"),
        }
    }
});
