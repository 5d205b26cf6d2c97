//! The health report of an order history, natively, as JSON: what a Rust
//! server computes; tests/js/parity.test.mjs holds it equal to the wasm's.
//!
//! ```sh
//! cargo run --example health -- www/sample-orders.json
//! ```
use std::{env, fs, process};

use storefront_availability::{health, History};

fn main() {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: health ORDERS.json");
        process::exit(2);
    };
    let text = fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        process::exit(2);
    });
    match History::from_json(&text) {
        Ok(history) => println!("{}", serde_json::to_string(&health(&history)).expect("a report serializes")),
        Err(e) => {
            eprintln!("{e}");
            process::exit(1);
        }
    }
}
