//! Any merchant template, for any message key and language: it is either
//! refused with an `invalid_template` diagnostic naming its path, or every
//! decision renders with it; `fill` never fails on any text.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use storefront_availability::internals::KEYS;
use storefront_availability::internals::check_template;
use storefront_availability::internals::fill;
use storefront_availability::{Catalog, Request};

#[derive(Arbitrary, Debug)]
struct Input {
    key: u8,
    language: u8,
    template: String,
    value: String,
}

fuzz_target!(|input: Input| {
    let _ = check_template(&input.template, &["date", "n"]);
    let _ = fill(&input.template, |_| Some(input.value.clone()));
    let (key, _) = KEYS[usize::from(input.key) % KEYS.len()];
    let language = ["en", "de", "ja", "ar", "fr-CA"][usize::from(input.language) % 5];
    let snapshot = serde_json::json!({
        "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
        "messages": { language: { key: input.template } },
        "items": [
            { "sku": "IN", "onHand": 3, "title": "Mug" },
            { "sku": "BACK", "restock": { "date": "2026-12-01", "confirmed": true, "quantity": 9 } },
            { "sku": "PRE", "lifecycle": "unreleased", "preorder": { "limit": 5, "releaseDate": "2027-01-10" } },
            { "sku": "OUT", "onHand": 0 }
        ]
    });
    let catalog = Catalog::from_json(&snapshot.to_string()).expect("templates never reject a snapshot");
    for d in catalog.diagnostics() {
        assert_eq!(d.code, "invalid_template");
        assert!(d.path.starts_with(&format!("messages.{language}")), "{}", d.path);
    }
    let now = "2026-11-23T09:00:00Z".parse().unwrap();
    for d in catalog.decide_all(&Request::at(now)).unwrap() {
        assert!(!d.message.text.is_empty() || !d.message.badge.is_empty());
    }
});
