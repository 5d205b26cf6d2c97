#![cfg(not(target_arch = "wasm32"))]
//! The oversell invariant, as a property (issue 20): for generated stores
//! with locations (written with repeated keys), kits (listing components
//! more than once), thresholds, reservations, restocks, order limits and
//! carts, no path that can promise units — `decide`, `decide_all`,
//! `decide_products`, `plan_cart` — promises more of a stocked SKU than the
//! snapshot holds for it (the model and the check: tests/common/oversell.rs,
//! shared with the `oversell` fuzz target).

#[path = "common/oversell.rs"]
mod oversell;

use oversell::*;
use proptest::prelude::*;

fn store() -> impl Strategy<Value = Store> {
    let location = (0..LOCATIONS.len(), any::<bool>(), prop::option::of(0u8..32))
        .prop_map(|(id, active, serves)| Location { id, active, serves });
    let source = prop_oneof![
        (-3i64..10).prop_map(Source::Count),
        prop::collection::vec((0..LOCATIONS.len(), -2i64..8, 0u64..3), 1..5).prop_map(Source::Levels),
    ];
    let stocked = (
        source,
        0u64..3,
        prop::option::of(0u64..3),
        prop::option::of((0u32..20, any::<bool>(), 0u64..10, 0u64..10)),
        prop::option::of(1u64..8),
    )
        .prop_map(|(source, reserved, threshold, restock, max_per_order)| Stocked {
            source,
            reserved,
            threshold,
            restock,
            max_per_order,
        });
    let kit = prop::collection::vec((0..STOCKED, prop::option::of(1u64..4)), 1..5);
    (
        prop::collection::vec(location, 0..5),
        prop::option::of(0u64..3),
        prop::collection::vec(stocked, STOCKED),
        prop::collection::vec(kit, KITS),
    )
        .prop_map(|(locations, threshold, stocked, kits)| Store { locations, threshold, stocked, kits })
}

fn cart_case() -> impl Strategy<Value = CartCase> {
    (
        prop::collection::vec((0..STOCKED + KITS, 1u64..7), 0..9),
        0..CHANNELS.len(),
        prop::collection::vec(0u64..3, STOCKED),
    )
        .prop_map(|(lines, channel, purchased)| CartCase { lines, channel, purchased })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_path_promises_more_than_the_snapshot_holds(s in store(), cart in cart_case()) {
        if let Err(problem) = check(&s, &cart) {
            prop_assert!(false, "{}", problem);
        }
    }
}
