//! Any cart over the demo storefront's snapshot (every situation it has), at
//! any moment: money always adds up exactly and nothing is oversold.
#![no_main]

use std::collections::HashMap;

use chrono::Duration;
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use storefront_availability::{Cart, Line};
use storefront_availability::English;
use storefront_availability::{Catalog, Channel, Request};

#[derive(Arbitrary, Debug)]
struct Input {
    lines: Vec<(u8, u64, u64)>,
    channel: u8,
    minutes: i32,
    hold_together: bool,
}

fuzz_target!(|input: Input| {
    thread_local! {
        static CATALOG: Catalog = Catalog::from_json(include_str!("../../www/sample-snapshot.json")).unwrap();
    }
    CATALOG.with(|catalog| {
        let skus: Vec<&str> = catalog.snapshot().skus().flatten().collect();
        let lines: Vec<Line> = input
            .lines
            .iter()
            .take(30)
            .map(|&(sku, quantity, price)| Line {
                sku: skus[usize::from(sku) % skus.len()].to_owned(),
                quantity: quantity.clamp(1, (1 << 53) - 1),
                unit_price: price,
            })
            .collect();
        let cart = Cart {
            lines,
            channel: Channel::ALL[usize::from(input.channel) % Channel::ALL.len()],
            now: catalog.generated_at() + Duration::minutes(input.minutes.into()),
            hold_together: input.hold_together,
            purchased: Default::default(), currency: None,
        };
        let Ok(plan) = catalog.plan_cart(&cart, &English) else { return };
        assert_eq!(plan.charged_now + plan.authorized_now, plan.total);
        assert_eq!(plan.captures.iter().map(|c| c.amount).sum::<u64>(), plan.authorized_now);
        let mut taken: HashMap<&str, u64> = HashMap::new();
        for line in plan.lines.iter().filter(|l| l.accepted) {
            *taken.entry(&line.sku).or_default() += line.quantity;
        }
        let one = Request { channel: cart.channel, quantity: 1, now: cart.now, purchased: 0, price: None };
        for (sku, quantity) in taken {
            let most = catalog.decide(sku, &one).unwrap().max_quantity;
            assert!(quantity <= most, "{sku}: {quantity} accepted of {most}");
        }
        let shipped: u64 = plan.shipments.iter().flat_map(|s| &s.lines).map(|l| l.quantity).sum();
        assert_eq!(shipped, plan.lines.iter().filter(|l| l.accepted).map(|l| l.quantity).sum::<u64>());
    });
});
