//! Structure-aware stores — locations written with repeated keys, kits that
//! list a component more than once, thresholds, reservations, restocks,
//! order limits — and carts with per-customer purchases. The oracle is the
//! oversell invariant: no path promises more of a SKU than the snapshot
//! holds (the model is shared with tests/oversell.rs).
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/oversell.rs"]
mod oversell;

use oversell::*;

#[derive(Arbitrary, Debug)]
struct Input {
    locations: Vec<(u8, bool, Option<u8>)>,
    threshold: Option<u8>,
    stocked: [(Option<i8>, Vec<(u8, i8, u8)>, u8, Option<u8>, Option<(u8, bool, u8, u8)>, Option<u8>); STOCKED],
    kits: [Vec<(u8, Option<u8>)>; KITS],
    lines: Vec<(u8, u8)>,
    channel: u8,
    purchased: [u8; STOCKED],
}

fn store(input: &Input) -> Store {
    let small = |n: u8, most: u8| u64::from(n % (most + 1));
    let locations = input
        .locations
        .iter()
        .take(6)
        .map(|&(id, active, serves)| Location { id: usize::from(id) % LOCATIONS.len(), active, serves: serves.map(|m| m % 32) })
        .collect();
    let stocked = input
        .stocked
        .iter()
        .map(|(count, levels, reserved, threshold, restock, max)| Stocked {
            source: match count {
                Some(n) => Source::Count(i64::from(*n)),
                None if levels.is_empty() => Source::Count(0),
                None => Source::Levels(
                    levels.iter().take(6).map(|&(l, n, r)| (usize::from(l) % LOCATIONS.len(), i64::from(n), small(r, 5))).collect(),
                ),
            },
            reserved: small(*reserved, 5),
            threshold: threshold.map(|t| small(t, 5)),
            restock: restock.map(|(days, confirmed, quantity, backordered)| (u32::from(days % 30), confirmed, u64::from(quantity), u64::from(backordered))),
            max_per_order: max.map(|m| small(m, 20).max(1)),
        })
        .collect();
    let kits = input
        .kits
        .iter()
        .map(|components| {
            let list: Vec<_> = components.iter().take(6).map(|&(c, q)| (usize::from(c) % STOCKED, q.map(|q| small(q, 4).max(1)))).collect();
            if list.is_empty() { vec![(0, None)] } else { list }
        })
        .collect();
    Store { locations, threshold: input.threshold.map(|t| small(t, 5)), stocked, kits }
}

fuzz_target!(|input: Input| {
    let cart = CartCase {
        lines: input.lines.iter().take(12).map(|&(x, q)| (usize::from(x) % (STOCKED + KITS), u64::from(q % 20).max(1))).collect(),
        channel: usize::from(input.channel) % CHANNELS.len(),
        purchased: input.purchased.iter().map(|&n| u64::from(n % 5)).collect(),
    };
    if let Err(problem) = check(&store(&input), &cart) {
        panic!("oversold: {problem}");
    }
});
