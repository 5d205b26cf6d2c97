//! The cart and checkout planner (docs/rules.md §9): what ships when, and what is
//! charged when, before the shopper pays.
//!
//! Lines are decided per SKU across the whole cart, in cart order: a line is
//! accepted while the SKU's cumulative quantity can still be bought, else it
//! is refused with the reason and how many can still be had. The SKU's final
//! decision is spread back over its accepted lines (a split's in-stock units
//! first), and the parts are grouped into shipments by date.
//!
//! Money is integer minor units (cents, yen …), never floats. In-stock units
//! are charged now; backorder and pre-order units are authorized now and
//! captured at shipment. A pre-order deposit is charged now and the balance
//! captured at shipment: a percentage deposit is rounded half up to the
//! minor unit on the line total, and the balance is the line total minus the
//! deposit, so every split sums exactly to the total.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::cart::*;
use crate::model::decision::{Decision, Policy, Request, Verdict};
use crate::model::problem::ArgError;
use crate::model::snapshot::{Deposit, Entry, Snapshot};
use crate::model::value::MAX_SAFE_INTEGER;
use crate::rules::decision::{self, deposit_for, deposit_of, Moment};

fn money_error(what: String) -> ArgError {
    ArgError::new("invalid_price", what)
}

/// Plans `cart` against `snapshot`; `word` puts each SKU's verdict into
/// words (the plan's own sentences, `summary` and `charges`, are left empty
/// for the text layer).
///
/// O(n log n) in the cart's lines: lines are grouped by SKU once, units
/// already promised are kept by SKU, shipments by date.
pub(crate) fn plan(snapshot: &Snapshot, cart: &Cart, word: &dyn Fn(Verdict) -> Decision) -> Result<Plan, ArgError> {
    let request = Request { channel: cart.channel, quantity: 1, now: cart.now, purchased: 0, price: None };
    let mut moment = Moment::new(snapshot, &request);
    let mut lines: Vec<Option<PlannedLine>> = vec![None; cart.lines.len()];

    for (sku, positions) in lines_by_sku(&cart.lines) {
        let entry = snapshot.entry(sku);
        moment.with_purchased(cart.purchased.get(sku).copied().unwrap_or(0));
        let (accepted_total, accepted) =
            accept_lines(snapshot, entry, sku, &cart.lines, &positions, &mut moment, &mut lines, word);
        if accepted.is_empty() {
            continue;
        }
        moment.with_quantity(accepted_total);
        let decision = word(decision::decide(snapshot, entry, sku, &moment));
        let deposit = deposit_for(entry, decision.policy, cart.channel);
        if let Some(Entry::Valid(item)) = entry {
            let from_stock = match decision.policy {
                Policy::InStock => accepted_total,
                _ => decision.split.map_or(0, |s| s.now),
            };
            crate::rules::stock::take(item, from_stock, &mut moment.taken);
        }
        // The SKU's units from stock, then by delivery, handed to its lines in cart order.
        let mut left = Left {
            in_stock: decision.split.map_or(0, |s| s.now),
            in_stock_ship: moment.in_stock_ship,
            deliveries: decision.deliveries.iter().map(|d| (d.ship_date, d.quantity)).collect(),
        };
        for i in accepted {
            let (Some(line), Some(slot)) = (cart.lines.get(i), lines.get_mut(i)) else { continue };
            let planned = plan_line(line, &decision, deposit, &mut left).map_err(|e| e.at(format!("lines[{i}]")))?;
            *slot = Some(planned);
        }
    }

    let lines: Vec<PlannedLine> = lines.into_iter().flatten().collect();
    let shipments = shipments(&lines, cart.hold_together)?;
    let total = sum(lines.iter().map(|l| l.amount))?;
    let charged_now = sum(lines.iter().map(|l| l.charged_now))?;
    let captures: Vec<Capture> = shipments
        .iter()
        .map(|s| &s.shipment)
        .filter(|s| s.capture > 0)
        .map(|s| Capture { date: s.date, amount: s.capture })
        .collect();
    let authorized_now = sum(captures.iter().map(|c| c.amount))?;
    let shipments = shipments.into_iter().map(|s| s.shipment).collect();
    Ok(Plan {
        currency: cart.currency,
        shipments,
        lines,
        total,
        charged_now,
        authorized_now,
        captures,
        summary: String::new(),
        charges: String::new(),
    })
}

/// Each SKU with the positions of its lines, in order of first appearance.
fn lines_by_sku(lines: &[Line]) -> Vec<(&str, Vec<usize>)> {
    let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
    // The same map type as `Taken` and `purchased`: one copy of its code in the wasm.
    let mut group_of: HashMap<String, u64> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let group = *group_of.entry(line.sku.clone()).or_insert_with(|| {
            groups.push((&line.sku, Vec::new()));
            groups.len() as u64 - 1
        });
        if let Some((_, positions)) = usize::try_from(group).ok().and_then(|g| groups.get_mut(g)) {
            positions.push(i);
        }
    }
    groups
}

/// Accepts `sku`'s lines while the cumulative quantity stays purchasable,
/// writing each refused line into `planned`; returns the accepted total
/// and the accepted lines' positions.
// The SKU (snapshot, entry, name), its lines, the moment, the plan so far and
// the wording: splitting them into a struct would only rename them.
#[allow(clippy::too_many_arguments)]
fn accept_lines(
    snapshot: &Snapshot,
    entry: Option<&Entry>,
    sku: &str,
    lines: &[Line],
    positions: &[usize],
    moment: &mut Moment,
    planned: &mut [Option<PlannedLine>],
    word: &dyn Fn(Verdict) -> Decision,
) -> (u64, Vec<usize>) {
    let mut accepted_total = 0u64;
    let mut accepted = Vec::new();
    for &i in positions {
        let Some(line) = lines.get(i) else { continue };
        let wanted = accepted_total.checked_add(line.quantity).filter(|q| *q <= MAX_SAFE_INTEGER);
        let verdict = wanted.map(|q| {
            moment.with_quantity(q);
            decision::decide(snapshot, entry, sku, moment)
        });
        match (wanted, verdict) {
            (Some(q), Some(v)) if v.decision.can_purchase => {
                accepted_total = q;
                accepted.push(i);
            }
            (_, v) => {
                let d = word(v.unwrap_or_else(|| {
                    moment.with_quantity(MAX_SAFE_INTEGER);
                    decision::decide(snapshot, entry, sku, moment)
                }));
                let Some(slot) = planned.get_mut(i) else { continue };
                *slot = Some(PlannedLine {
                    sku: sku.to_owned(),
                    quantity: line.quantity,
                    unit_price: line.unit_price,
                    accepted: false,
                    can_have: d.max_quantity.saturating_sub(accepted_total),
                    message: d.message.text.clone(),
                    cancellable: false,
                    decision: d,
                    amount: 0,
                    deposit: 0,
                    charged_now: 0,
                    parts: Vec::new(),
                });
            }
        }
    }
    (accepted_total, accepted)
}

/// A shipment while it is assembled, with its count of units.
struct Assembling {
    shipment: Shipment,
    units: u64,
}

/// The accepted lines' parts grouped into shipments by date (all on the
/// latest date with `hold_together`), in date order. A sorted `Vec`: ship
/// dates are few (at most one per day of the backorder and pre-order
/// windows), whatever the number of lines.
fn shipments(lines: &[PlannedLine], hold_together: bool) -> Result<Vec<Assembling>, ArgError> {
    let latest = lines.iter().flat_map(|l| l.parts.iter().map(|p| p.ship_date)).max();
    let mut shipments: Vec<Assembling> = Vec::new();
    let too_many = || ArgError::new("invalid_cart", "the cart holds more than 9007199254740991 units");
    for (i, line) in lines.iter().enumerate() {
        for part in &line.parts {
            let date = if hold_together { latest.unwrap_or(part.ship_date) } else { part.ship_date };
            let at = shipments.binary_search_by_key(&date, |s| s.shipment.date).unwrap_or_else(|at| {
                let shipment = Shipment { date, lines: Vec::new(), capture: 0, text: String::new() };
                shipments.insert(at, Assembling { shipment, units: 0 });
                at
            });
            let Some(s) = shipments.get_mut(at) else { continue };
            s.shipment.capture = s.shipment.capture.checked_add(part.capture).ok_or_else(too_many)?;
            s.units = s.units.checked_add(part.quantity).filter(|u| *u <= MAX_SAFE_INTEGER).ok_or_else(too_many)?;
            // A line's parts arrive together, so its entry, if any, is the last.
            match s.shipment.lines.last_mut().filter(|l| l.line == i) {
                Some(existing) => existing.quantity += part.quantity,
                None => s.shipment.lines.push(ShipmentLine { line: i, sku: line.sku.clone(), quantity: part.quantity }),
            }
        }
    }
    Ok(shipments)
}

fn sum(mut amounts: impl Iterator<Item = u64>) -> Result<u64, ArgError> {
    amounts
        .try_fold(0u64, |a, b| a.checked_add(b))
        .filter(|t| *t <= MAX_SAFE_INTEGER)
        .ok_or_else(|| money_error("the cart total exceeds 2^53 − 1 minor units".into()))
}

/// An accepted line's parts and money, given its SKU's decision.
/// What a backordered SKU still has to hand to its lines: units from stock
/// (shipping on the in-stock date) and units by delivery date.
struct Left {
    in_stock: u64,
    in_stock_ship: Option<NaiveDate>,
    deliveries: Vec<(NaiveDate, u64)>,
}

fn plan_line(line: &Line, d: &Decision, deposit: Option<Deposit>, left: &mut Left) -> Result<PlannedLine, ArgError> {
    let amount = line.unit_price.checked_mul(line.quantity).filter(|a| *a <= MAX_SAFE_INTEGER).ok_or_else(|| {
        money_error(format!("{} × {} exceeds 2^53 − 1 minor units", line.quantity, line.unit_price)).at("unitPrice")
    })?;
    let ship = d.ship_date.unwrap_or_default();
    let (parts, charged_now, deposit) = match d.policy {
        Policy::Backorder => {
            let now_units = left.in_stock.min(line.quantity);
            left.in_stock -= now_units;
            let mut later_units = line.quantity - now_units;
            let mut parts = Vec::new();
            if now_units > 0 {
                parts.push(Part { quantity: now_units, ship_date: left.in_stock_ship.unwrap_or(ship), capture: 0 });
            }
            // Each delivery's units, earliest first; its capture is what they cost.
            for (date, units) in left.deliveries.iter_mut().filter(|(_, units)| *units > 0) {
                if later_units == 0 {
                    break;
                }
                let take = later_units.min(*units);
                (*units, later_units) = (*units - take, later_units - take);
                parts.push(Part { quantity: take, ship_date: *date, capture: line.unit_price * take });
            }
            if later_units > 0 {
                parts.push(Part { quantity: later_units, ship_date: ship, capture: line.unit_price * later_units });
            }
            (parts, line.unit_price * now_units, 0)
        }
        Policy::Preorder => {
            let deposit = deposit.map_or(0, |d| deposit_of(d, line.unit_price, line.quantity));
            (vec![Part { quantity: line.quantity, ship_date: ship, capture: amount - deposit }], deposit, deposit)
        }
        _ => (vec![Part { quantity: line.quantity, ship_date: ship, capture: 0 }], amount, 0),
    };
    Ok(PlannedLine {
        sku: line.sku.clone(),
        quantity: line.quantity,
        unit_price: line.unit_price,
        accepted: true,
        can_have: 0,
        message: d.message.text.clone(),
        decision: d.clone(),
        cancellable: d.cancellable,
        amount,
        deposit,
        charged_now,
        parts,
    })
}
