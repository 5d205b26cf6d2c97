//! Any text as a snapshot: it loads or is refused with a path, and whatever
//! loads is decided for every SKU, channel and a spread of moments, with
//! `decide` and `decideAll` agreeing, whatever order items are read in.
#![no_main]

use chrono::Duration;
use libfuzzer_sys::fuzz_target;
use storefront_availability::{Catalog, Channel, Request};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = match Catalog::from_json(text) {
        Ok(catalog) => catalog,
        Err(error) => {
            assert!(!error.problems.is_empty(), "a refusal names its problems");
            return;
        }
    };
    // Items are read on first use: the same text read backwards, item by
    // item, lists the same problems as one that lists them first.
    let backwards = Catalog::from_json(text).expect("it loaded once");
    let at = catalog.generated_at();
    let skus: Vec<_> = backwards.snapshot().skus().flatten().map(str::to_owned).collect();
    for sku in skus.iter().rev() {
        let _ = backwards.decide(sku, &Request::at(at));
    }
    assert_eq!(backwards.diagnostics(), catalog.diagnostics(), "read order changed the diagnostics");
    for diagnostic in catalog.diagnostics() {
        // Half characters are found in the text, before any path exists: they name line and column.
        let text_place = diagnostic.code == "invalid_text" && diagnostic.message.contains(" line ");
        let place = text_place || ["items[", "messages", "channels."].iter().any(|p| diagnostic.path.starts_with(p));
        assert!(place, "a diagnostic names where: {diagnostic:?}");
    }
    for days in [0, 1, 45, 400] {
        for channel in Channel::ALL {
            let request = Request { channel, quantity: 1, now: catalog.generated_at() + Duration::days(days), purchased: 0, price: None };
            let all = catalog.decide_all(&request).expect("a valid request");
            for (entry, listed) in catalog.snapshot().items().zip(&all) {
                let Some(sku) = entry.sku().filter(|s| !s.is_empty()) else { continue };
                let one = catalog.decide(sku, &request).expect("a valid request");
                if catalog.diagnostics().iter().all(|d| d.sku.as_deref() != Some(sku)) {
                    assert_eq!(one.reason, listed.reason, "{sku}");
                }
                assert!(!one.can_purchase || one.max_quantity >= 1, "{sku}");
            }
        }
    }
});
