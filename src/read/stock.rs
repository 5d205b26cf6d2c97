//! The stock fields of a snapshot: sources, kits, locations, limits.

use crate::model::channel::Channel;
use crate::model::problem::{Diagnostic, Problem};
use crate::model::stock::{Component, Level, Limits, Location, Locations, Source};
use crate::model::value::quoted;
use crate::read::json::{as_str, Fields, Json};

/// Reads the store's `locations`: `{ "<id>": { "active": true, "channels": ["dtc", …] } }`.
/// Unknown channel names come back as `unknown_channel` diagnostics; they
/// serve nothing.
pub(crate) fn read_locations(f: &mut Fields) -> (Locations, Vec<Diagnostic>) {
    let mut unknown = Vec::new();
    let listed = f.object("locations", |locations| {
        let mut listed = Vec::new();
        for (id, value) in locations.entries() {
            let path = locations.path_of(id);
            let Some(mut l) = locations.nested(value, path.clone()) else { continue };
            let names = l.list("channels", "a channel name", |v| as_str(v).map(str::to_owned));
            let serves = names.map(|names| {
                let mut serves = [false; Channel::COUNT];
                for (i, name) in names.iter().enumerate() {
                    match Channel::parse(name) {
                        Some(channel) => {
                            if let Some(serve) = serves.get_mut(channel.index()) {
                                *serve = true;
                            }
                        }
                        None => unknown.push(Diagnostic {
                            code: "unknown_channel",
                            sku: None,
                            path: format!("{path}.channels[{i}]"),
                            message: Channel::unknown(name),
                        }),
                    }
                }
                serves
            });
            let active = l.boolean("active").unwrap_or(true);
            listed.push(Location { id: id.clone(), active, serves });
        }
        listed
    });
    (Locations { listed }, unknown)
}

/// Reads an item's `onHand`, `locations` or `components` (one of them).
pub(crate) fn read_source(f: &mut Fields) -> Source {
    let given: Vec<&str> =
        ["onHand", "locations", "components"].into_iter().filter(|key| f.value(key).is_some()).collect();
    if let [_, second, ..] = given[..] {
        let list = given.iter().map(|k| quoted(k)).collect::<Vec<_>>().join(" and ");
        f.problem(second, format!("give one of onHand, locations or components, not {list}"));
    }
    if f.value("components").is_some() {
        return Source::Kit(read_components(f));
    }
    if f.value("locations").is_some() {
        let levels = f.object("locations", |locations| {
            let mut levels = Vec::new();
            for (id, value) in locations.entries() {
                let path = locations.path_of(id);
                let Some(mut l) = locations.nested(value, path) else { continue };
                let on_hand = l.integer("onHand", i64::MIN).unwrap_or(0);
                let reserved = l.integer("reserved", 0).unwrap_or(0) as u64;
                levels.push(Level { location: id.clone(), on_hand, reserved });
            }
            levels
        });
        return Source::Locations(levels.unwrap_or_default());
    }
    Source::Count(f.integer("onHand", i64::MIN).unwrap_or(0))
}

fn read_components(f: &mut Fields) -> Vec<Component> {
    let Some(Json::Array(values)) = f.value("components") else {
        let found = f.value("components").map(Json::describe).unwrap_or_default();
        f.problem("components", format!("expected an array of {{ sku, quantity }}, got {found}"));
        return Vec::new();
    };
    if values.is_empty() {
        f.problem("components", "expected at least one component, got []".into());
    }
    let mut components: Vec<Component> = Vec::with_capacity(values.len());
    let mut position: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, value) in values.iter().enumerate() {
        let path = format!("{}[{i}]", f.path_of("components"));
        let Some(mut c) = f.nested(value, path) else { continue };
        let sku = c.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
        let quantity = c.read("quantity", "an integer from 1 to 9007199254740991", |v| {
            crate::read::json::as_safe_integer(v).filter(|n| *n >= 1).map(|n| n as u64)
        });
        let (Some(sku), quantity) = (sku, quantity.unwrap_or(1)) else { continue };
        // A component listed twice needs both quantities per kit: 3 mugs
        // make one kit of { MUG, MUG }, never three.
        match position.get(&sku).and_then(|&at| components.get_mut(at)) {
            Some(first) => {
                match first.quantity.checked_add(quantity).filter(|q| *q <= crate::model::value::MAX_SAFE_INTEGER) {
                    Some(total) => first.quantity = total,
                    None => c.problem(
                        "quantity",
                        format!(
                            "{} is listed more than once and needs more than 9007199254740991 per kit in all",
                            quoted(&sku)
                        ),
                    ),
                }
            }
            None => {
                position.insert(sku.clone(), components.len());
                components.push(Component { sku, quantity });
            }
        }
    }
    components
}

/// Reads an item's `limits`: `{ minPerOrder, maxPerOrder, maxPerCustomer }`.
pub(crate) fn read_limits(f: &mut Fields) -> Option<Limits> {
    f.object("limits", |l| {
        let mut count = |key: &str| l.integer(key, 1).map(|n| n as u64);
        let limits = Limits {
            min_per_order: count("minPerOrder"),
            max_per_order: count("maxPerOrder"),
            max_per_customer: count("maxPerCustomer"),
        };
        if let (Some(min), Some(max)) = (limits.min_per_order, limits.max_for(0)) {
            if min > max {
                l.problem("minPerOrder", format!("{min} is above the most one order may hold ({max})"));
            }
        }
        limits
    })
}

/// Why a kit cannot be sold, found once every item is read: a component
/// that is missing, invalid or itself a kit, at its path in the kit
/// (`components[1].sku`).
pub(crate) fn kit_problem(components: &[Component], entry: impl Fn(&str) -> Option<(bool, bool)>) -> Option<Problem> {
    components.iter().enumerate().find_map(|(j, c)| {
        let problem = match entry(&c.sku) {
            None => "no item with this SKU in the snapshot",
            Some((false, _)) => "that item is invalid",
            Some((true, true)) => "that item is itself a kit; components must be stocked items",
            Some((true, false)) => return None,
        };
        Some(Problem {
            path: format!("components[{j}].sku"),
            message: format!("component {}: {problem}", quoted(&c.sku)),
        })
    })
}
