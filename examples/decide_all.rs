//! Server-side use of the crate: decide every item of a snapshot and print
//! the decisions (and each purchasable item's order confirmation) as JSON.
//!
//! `cargo run --example decide_all -- www/sample-snapshot.json 2026-11-23T15:00:00Z`
//!
//! The JS tests run it beside the wasm package to prove server parity.

use std::process::ExitCode;

use storefront_availability::English;
use storefront_availability::{Catalog, Request};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(now)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: decide_all SNAPSHOT.json RFC3339-NOW");
        return ExitCode::FAILURE;
    };
    let Some(now) = storefront_availability::parse_timestamp(now) else {
        eprintln!("not an RFC 3339 timestamp: {now}");
        return ExitCode::FAILURE;
    };
    let catalog = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| Catalog::from_json(&text).map_err(|e| e.to_string()))
    {
        Ok(catalog) => catalog,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let request = Request::at(now);
    let decisions = catalog.decide_all(&request).unwrap_or_default();
    let emails: Vec<_> = decisions
        .iter()
        .filter(|d| d.can_purchase)
        .filter_map(|d| catalog.order_confirmation(&d.sku, &request, "1042", &English).ok())
        .collect();
    println!("{}", serde_json::json!({ "decisions": decisions, "confirmations": emails }));
    ExitCode::SUCCESS
}
