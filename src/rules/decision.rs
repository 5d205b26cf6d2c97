//! The decision (docs/rules.md §3–§7): one item, channel, quantity and moment in,
//! one availability answer out. Rules are evaluated in the order of docs/rules.md §3 and
//! every answer names the rule that produced it in `reason`.

use chrono::{DateTime, NaiveDate, Utc};

use crate::model::calendar::days_between;
use crate::model::channel::{self, Channel, ChannelRules};
use crate::model::decision::*;
use crate::model::message::Message;
use crate::model::snapshot::Deposit;
use crate::model::snapshot::{Entry, Item, Lifecycle, Snapshot};
use crate::model::value::{number_text, quoted, MAX_SAFE_INTEGER};
use crate::rules::stock::Taken;

/// Where the rules note each step they take (see [`Step`]): nowhere for a
/// plain decision (`NoTrace` compiles to nothing), a list for `explain`.
pub(crate) trait Trace {
    fn step(&self, rule: &'static str, says: impl FnOnce() -> String);
}

/// A decision that is not explained.
pub(crate) struct NoTrace;

impl Trace for NoTrace {
    #[inline(always)]
    fn step(&self, _: &'static str, _: impl FnOnce() -> String) {}
}

/// The steps of one explained decision, in order.
#[derive(Default)]
pub(crate) struct Steps(std::cell::RefCell<Vec<Step>>);

impl Trace for Steps {
    fn step(&self, rule: &'static str, says: impl FnOnce() -> String) {
        self.0.borrow_mut().push(Step { rule, says: says() });
    }
}

impl Steps {
    pub(crate) fn into_steps(self) -> Vec<Step> {
        self.0.into_inner()
    }
}

/// The raw outcome of the rules, before feed values and messages.
#[derive(Debug, Clone)]
struct Outcome {
    policy: Policy,
    reason: Reason,
    can_purchase: bool,
    notify_me: bool,
    max_quantity: u64,
    ship_date: Option<NaiveDate>,
    remaining_preorders: Option<u64>,
    queue_position: Option<u64>,
    split: Option<Split>,
    /// Units available now (for "Only N left").
    available: u64,
    min_quantity: u64,
    /// The most one order may hold under the item's limits.
    order_limit: Option<u64>,
    /// A backorder's later units by delivery, in date order.
    deliveries: Vec<Delivery>,
}

impl Outcome {
    fn out_of_stock(reason: Reason, notify_me: bool) -> Outcome {
        Outcome {
            policy: Policy::OutOfStock,
            reason,
            can_purchase: false,
            notify_me,
            max_quantity: 0,
            ship_date: None,
            remaining_preorders: None,
            queue_position: None,
            split: None,
            available: 0,
            min_quantity: 1,
            order_limit: None,
            deliveries: Vec::new(),
        }
    }

    fn in_stock(
        reason: Reason,
        can_purchase: bool,
        max_quantity: u64,
        ship_date: NaiveDate,
        available: u64,
    ) -> Outcome {
        Outcome {
            policy: Policy::InStock,
            reason,
            can_purchase,
            max_quantity: safe(max_quantity),
            ship_date: Some(ship_date),
            available,
            ..Outcome::out_of_stock(reason, false)
        }
    }
}

/// Clamps a count to what JavaScript represents exactly (fail-safe: lower).
fn safe(n: u64) -> u64 {
    n.min(MAX_SAFE_INTEGER)
}

/// One incoming delivery a new backorder can wait for.
#[derive(Debug, Clone, Copy)]
struct Room {
    ship_date: NaiveDate,
    /// Units it brings beyond what it owes the waiting backorders.
    capacity: u64,
    queue_position: u64,
}

/// The deliveries the flowchart allows, in date order, each with room.
struct BackorderOffer {
    rooms: Vec<Room>,
}

impl BackorderOffer {
    fn capacity(&self) -> u64 {
        self.rooms.iter().fold(0, |total, r| total.saturating_add(r.capacity))
    }

    /// `units` spread over the deliveries, earliest first, each up to its room.
    fn fill(&self, mut units: u64) -> Vec<Delivery> {
        let mut parts = Vec::new();
        for room in &self.rooms {
            if units == 0 {
                break;
            }
            let take = units.min(room.capacity);
            units -= take;
            parts.push(Delivery { quantity: take, ship_date: room.ship_date, queue_position: room.queue_position });
        }
        parts
    }
}

/// The facts every rule reads.
struct Context<'a, T: Trace> {
    trace: &'a T,
    snapshot: &'a Snapshot,
    item: &'a Item,
    request: &'a Request,
    rules: ChannelRules,
    today: NaiveDate,
    stale: bool,
    taken: &'a Taken,
}

/// What every decision of one call shares: the request, the store-local
/// moment, the in-stock ship date and staleness.
/// Made once per `decide`/`decide_all` call, not once per item.
pub(crate) struct Moment {
    request: Request,
    pub(crate) today: NaiveDate,
    pub(crate) in_stock_ship: Option<NaiveDate>,
    stale: bool,
    /// Units already promised from stock to earlier lines of a cart.
    pub(crate) taken: Taken,
}

impl Moment {
    /// The same moment for another quantity (the cart decides per SKU).
    pub(crate) fn with_quantity(&mut self, quantity: u64) {
        self.request.quantity = quantity;
    }

    /// The same moment for a customer who already bought `purchased` of the SKU.
    pub(crate) fn with_purchased(&mut self, purchased: u64) {
        self.request.purchased = purchased;
    }

    pub(crate) fn new(snapshot: &Snapshot, request: &Request) -> Moment {
        let local = snapshot.zone.local(request.now);
        let today = local.date();
        let processing = snapshot.calendar.processing_day(today, local.time(), snapshot.cutoff);
        let age_ms = (request.now - snapshot.generated_at).num_milliseconds();
        Moment {
            request: *request,
            today,
            in_stock_ship: processing.and_then(|d| snapshot.calendar.add_business(d, snapshot.handling_days)),
            stale: age_ms as f64 > snapshot.max_age_hours * 3_600_000.0,
            taken: Taken::new(),
        }
    }
}

/// Decides `entry` (the snapshot's entry for `sku`, if any) at `moment`.
// Not inlined: the facade calls it from several places; one copy in the wasm.
#[inline(never)]
pub(crate) fn decide(snapshot: &Snapshot, entry: Option<&Entry>, sku: &str, moment: &Moment) -> Verdict {
    decide_traced(snapshot, entry, sku, moment, &NoTrace)
}

/// [`decide`], noting each rule it applies with the values it looked at.
pub(crate) fn explain(snapshot: &Snapshot, entry: Option<&Entry>, sku: &str, moment: &Moment) -> (Verdict, Vec<Step>) {
    let steps = Steps::default();
    let verdict = decide_traced(snapshot, entry, sku, moment, &steps);
    let d = &verdict.decision;
    steps.step("decision", || {
        let ship = d.ship_date.map(|date| format!(", ships {date}")).unwrap_or_default();
        let buy = if d.can_purchase { "can be bought" } else { "cannot be bought" };
        format!("{} ({}): {buy}{ship}, at most {}", d.policy.code(), d.reason.code(), d.max_quantity)
    });
    (verdict, steps.into_steps())
}

fn decide_traced<T: Trace>(
    snapshot: &Snapshot,
    entry: Option<&Entry>,
    sku: &str,
    moment: &Moment,
    trace: &T,
) -> Verdict {
    if moment.stale {
        trace.step("stale", || {
            format!(
                "the snapshot was taken at {} and is older than maxAgeHours ({}): no dated promise",
                snapshot.generated_at.to_rfc3339(),
                number_text(snapshot.max_age_hours)
            )
        });
    }
    let outcome = match entry {
        None => {
            trace.step("item", || format!("no item has SKU {}: never sold", quoted(sku)));
            Outcome::out_of_stock(Reason::UnknownSku, false)
        }
        Some(Entry::Invalid { .. }) => {
            trace.step("item", || "the item's data is invalid (its problems are in diagnostics): never sold".into());
            Outcome::out_of_stock(Reason::InvalidItem, false)
        }
        Some(Entry::Valid(item)) => {
            let context = Context {
                trace,
                snapshot,
                item,
                request: &moment.request,
                rules: channel::rules(moment.request.channel, &snapshot.channels, item.channels()),
                today: moment.today,
                stale: moment.stale,
                taken: &moment.taken,
            };
            within_limits(item, &moment.request, decide_item(&context, moment.in_stock_ship), trace)
        }
    };
    finish(snapshot, entry, sku, outcome, moment)
}

/// Rule 7, order limits: `maxQuantity` never exceeds what one order (and
/// this customer, after `purchased`) may hold; a purchasable request
/// outside `[minPerOrder, that]` is refused with the policy kept.
fn within_limits<T: Trace>(item: &Item, request: &Request, mut o: Outcome, trace: &T) -> Outcome {
    let limits = item.limits();
    o.min_quantity = limits.min_per_order.unwrap_or(1);
    if o.policy == Policy::OutOfStock {
        return o;
    }
    if let Some(max) = limits.max_for(request.purchased) {
        trace.step("limits", || {
            format!(
                "one order may hold at most {max} (after {} already bought); {} wanted",
                request.purchased, request.quantity
            )
        });
        o.max_quantity = o.max_quantity.min(max);
        o.order_limit = Some(max);
        if o.can_purchase && request.quantity > max {
            o = Outcome { reason: Reason::ExceedsOrderLimit, can_purchase: false, split: None, ..o };
        }
    }
    if o.can_purchase && request.quantity < o.min_quantity {
        trace.step("limits", || {
            format!("the least one order may hold is {}; {} wanted", o.min_quantity, request.quantity)
        });
        o = Outcome { reason: Reason::BelowMinimumQuantity, can_purchase: false, split: None, ..o };
    }
    o
}

/// The store-local date of `now`.
pub fn today(snapshot: &Snapshot, now: DateTime<Utc>) -> NaiveDate {
    snapshot.zone.local(now).date()
}

fn decide_item<T: Trace>(c: &Context<T>, in_stock_ship: Option<NaiveDate>) -> Outcome {
    if is_unreleased(c.item, c.today) {
        c.trace.step("release", || match c.item.preorder().release_date {
            Some(date) if date > c.today => {
                format!("released on {date}, after today ({}): the pre-order rules decide", c.today)
            }
            _ => "the item is unreleased: the pre-order rules decide".into(),
        });
        return decide_preorder(c);
    }
    // A calendar that cannot produce a ship date cannot promise anything.
    let Some(in_stock_ship) = in_stock_ship else {
        c.trace.step("calendar", || "the warehouse calendar has no business day ahead: nothing can be promised".into());
        return Outcome::out_of_stock(Reason::InvalidItem, false);
    };
    // Queue first: units on hand serve the backorders already waiting
    // before any new order, first in, first out.
    let on_hand = crate::rules::stock::on_hand(c.snapshot, c.item, c.request.channel, c.taken);
    let waiting = crate::rules::stock::waiting(c.item);
    let available = on_hand.saturating_sub(waiting);
    let quantity = c.request.quantity;
    c.trace.step("stock", || {
        format!(
            "{on_hand} sellable on hand for {} (after reservations and safety stock), {waiting} owed to waiting backorders: {available} available, {quantity} wanted",
            c.request.channel.name()
        )
    });
    let backorder = backorder_flowchart(c, on_hand);
    if available >= quantity {
        let capacity = match &backorder {
            Ok(offer) if !c.stale => offer.capacity(),
            _ => 0,
        };
        let threshold = c.item.low_stock_threshold.or(c.snapshot.low_stock_threshold);
        let reason = match threshold {
            Some(t) if available <= t => Reason::LowStock,
            _ => Reason::InStock,
        };
        c.trace.step("stock", || match threshold {
            Some(t) if available <= t => {
                format!("{available} available is at or below the low-stock threshold {t}; ships {in_stock_ship}")
            }
            _ => format!("enough on hand; ships {in_stock_ship}"),
        });
        return Outcome::in_stock(reason, true, available.saturating_add(capacity), in_stock_ship, available);
    }
    let some_on_hand = |fallback: Outcome| {
        if available > 0 {
            Outcome::in_stock(Reason::ExceedsAvailable, false, available, in_stock_ship, available)
        } else {
            fallback
        }
    };
    match backorder {
        Err((reason, notify_me)) => some_on_hand(Outcome::out_of_stock(reason, notify_me)),
        Ok(_) if c.stale => some_on_hand(Outcome::out_of_stock(Reason::StaleSnapshot, true)),
        Ok(offer) => {
            let max_quantity = safe(available.saturating_add(offer.capacity()));
            let within = quantity <= max_quantity;
            // Within: the later units by delivery; over: every delivery's room, for the dates.
            let deliveries = offer.fill(if within { quantity - available } else { offer.capacity() });
            let (first, last) = (deliveries.first().copied(), deliveries.last().copied());
            Outcome {
                policy: Policy::Backorder,
                reason: if within { Reason::Backorder } else { Reason::ExceedsBackorderCapacity },
                can_purchase: within,
                notify_me: false,
                max_quantity,
                ship_date: last.map(|d| d.ship_date),
                remaining_preorders: None,
                queue_position: first.map(|d| d.queue_position),
                split: (within && available > 0).then(|| Split { now: available, later: quantity - available }),
                available,
                deliveries: if within { deliveries } else { Vec::new() },
                ..Outcome::out_of_stock(Reason::Backorder, false)
            }
        }
    }
}

/// A release date is an embargo: until then the item is a pre-order.
fn is_unreleased(item: &Item, today: NaiveDate) -> bool {
    item.lifecycle == Lifecycle::Unreleased || item.preorder().release_date.is_some_and(|d| d > today)
}

/// The backorder flowchart (docs/rules.md §5, rule 4 of §3), per incoming delivery: the
/// deliveries a new backorder may wait for, or the refusal (reason, notify-me).
///
/// Waiting backorders are served first in, first out: by the `on_hand`
/// units first (queue first), then by each delivery in date order; what a
/// delivery cannot serve waits for the next one. Each delivery must be
/// confirmed, not overdue, within `maxWaitDays`, on a channel that takes
/// its ship date, and have room after what it owes. With none, the refusal
/// is the earliest usable-looking delivery's (overdue only when all are).
fn backorder_flowchart<T: Trace>(c: &Context<T>, on_hand: u64) -> Result<BackorderOffer, (Reason, bool)> {
    let refuse = |reason, notify| Err((reason, notify));
    let store = &c.snapshot.backorder;
    if c.item.lifecycle == Lifecycle::Discontinued {
        c.trace.step("backorder", || "the item is discontinued: no backorders".into());
        return refuse(Reason::Discontinued, false);
    }
    if !c.item.backorder_enabled.unwrap_or(store.enabled) {
        c.trace.step("backorder", || "backorders are off for this item".into());
        return refuse(Reason::BackordersDisabled, true);
    }
    let max_wait = c.item.max_wait_days.unwrap_or(store.max_wait_days);
    let receiving = c.item.receiving_days.unwrap_or(store.receiving_days);
    let (mut cover, mut carry) = (on_hand, 0u64);
    let mut rooms = Vec::new();
    let mut refusal: Option<(Reason, bool)> = None;
    for delivery in &c.item.restock {
        let covered = cover.min(delivery.backordered);
        cover -= covered;
        let owed = (delivery.backordered - covered).saturating_add(carry);
        let Some((date, quantity)) = delivery.confirmed_date_and_quantity() else {
            c.trace.step("delivery", || match delivery.date {
                Some(date) => {
                    format!("restock on {date} is not confirmed (confirmed, date and quantity): not promised")
                }
                None => "a restock without a date is not confirmed: not promised".into(),
            });
            carry = owed; // an unconfirmed delivery's queue waits for a confirmed one
            continue;
        };
        carry = owed.saturating_sub(quantity);
        let refused = if date < c.today {
            carry = owed; // it did not come as promised: its queue waits on
            Some((Reason::RestockOverdue, true))
        } else if days_between(c.today, date) > i64::from(max_wait) {
            Some((Reason::RestockTooFar, true))
        } else {
            match c.snapshot.calendar.add_business(date, receiving) {
                None => Some((Reason::RestockTooFar, true)),
                Some(ship) if !c.rules.backorder || !c.rules.ships_within(Some(days_between(c.today, ship))) => {
                    Some((Reason::ChannelDisallowsBackorder, false))
                }
                Some(_) if quantity <= owed => Some((Reason::RestockOversubscribed, true)),
                Some(ship_date) => {
                    let queue_position = owed.saturating_add(1);
                    c.trace.step("delivery", || {
                        format!("restock of {quantity} on {date}, {owed} of it owed to earlier backorders: room for {}, ships {ship_date}, queue position {queue_position}", quantity - owed)
                    });
                    rooms.push(Room { ship_date, capacity: quantity - owed, queue_position });
                    None
                }
            }
        };
        if let Some((reason, _)) = refused {
            c.trace.step("delivery", || match reason {
                Reason::RestockOverdue => format!("restock of {quantity} due {date} is overdue (today is {})", c.today),
                Reason::RestockTooFar => {
                    format!(
                        "restock on {date} is {} days away; the limit is {max_wait} (maxWaitDays)",
                        days_between(c.today, date)
                    )
                }
                Reason::ChannelDisallowsBackorder => {
                    format!(
                        "{} does not take backorders shipping after the restock on {date}",
                        c.request.channel.name()
                    )
                }
                _ => format!("restock of {quantity} on {date} has no room: {owed} already owed to earlier backorders"),
            });
        }
        if let Some(r) = refused {
            if refusal.map_or(true, |(reason, _)| reason == Reason::RestockOverdue) {
                refusal = Some(r);
            }
        }
    }
    match (rooms.is_empty(), refusal) {
        (false, _) => Ok(BackorderOffer { rooms }),
        (true, Some((reason, notify))) => refuse(reason, notify),
        (true, None) => refuse(Reason::RestockUnconfirmed, false),
    }
}

/// The pre-order ship date: `shipDate`, else `next(productionDate +
/// bufferDays)`, never before `next(releaseDate)`.
fn preorder_ship_date<T: Trace>(c: &Context<T>) -> Option<NaiveDate> {
    let p = c.item.preorder();
    let calendar = &c.snapshot.calendar;
    let buffer = p.buffer_days.unwrap_or(c.snapshot.preorder.buffer_days);
    let planned = p.ship_date.or_else(|| {
        let padded = p.production_date?.checked_add_days(chrono::Days::new(u64::from(buffer)))?;
        calendar.next(padded)
    });
    match (planned, p.release_date.and_then(|r| calendar.next(r))) {
        (Some(ship), Some(release)) => Some(ship.max(release)),
        (ship, release) => ship.or(release),
    }
}

/// The pre-order cap: `limit`, else `capRatio` of `plannedProduction`.
fn preorder_cap<T: Trace>(c: &Context<T>) -> Option<u64> {
    let p = c.item.preorder();
    let ratio = p.cap_ratio.unwrap_or(c.snapshot.preorder.cap_ratio);
    p.limit.or_else(|| p.planned_production.map(|planned| ratio.floor_mul(planned)))
}

/// What the rules refuse about an item whatever its stock, read at the
/// snapshot's own time on the merchant's own store (docs/rules.md §1,
/// "Notices"): a pre-order without a cap (`PreorderUncapped`) or a date
/// (`PreorderUndated`), and an item that asks for backorders (its own
/// `backorder.enabled`, or a restock it lists) without a confirmed restock,
/// so out of stock at zero (`RestockUnconfirmed`). Each with the item's
/// index in the snapshot.
pub(crate) fn notices(snapshot: &Snapshot) -> Vec<(usize, Reason)> {
    let moment = Moment::new(snapshot, &Request::at(snapshot.generated_at));
    let mut notices = Vec::new();
    for (i, entry) in snapshot.items().enumerate() {
        let Entry::Valid(item) = entry else { continue };
        let c = Context {
            trace: &NoTrace,
            snapshot,
            item,
            request: &moment.request,
            rules: channel::rules(Channel::Dtc, &snapshot.channels, item.channels()),
            today: moment.today,
            stale: false,
            taken: &moment.taken,
        };
        if is_unreleased(item, moment.today) {
            if preorder_cap(&c).is_none() {
                notices.push((i, Reason::PreorderUncapped));
            }
            if preorder_ship_date(&c).is_none() {
                notices.push((i, Reason::PreorderUndated));
            }
        } else if item.backorder_enabled == Some(true) || !item.restock.is_empty() {
            if let Err((Reason::RestockUnconfirmed, _)) = backorder_flowchart(&c, 0) {
                notices.push((i, Reason::RestockUnconfirmed));
            }
        }
    }
    notices
}

/// Pre-orders: docs/rules.md §4 (rule 2 of §3).
fn decide_preorder<T: Trace>(c: &Context<T>) -> Outcome {
    let p = c.item.preorder();
    let now = c.request.now;
    let ship_date = preorder_ship_date(c);
    let days_out = ship_date.map(|d| days_between(c.today, d));
    let channel = c.request.channel.name();
    if !c.rules.preorder() || !c.rules.ships_within(days_out) {
        c.trace.step("channel", || match ship_date {
            Some(date) if c.rules.preorder() => {
                format!("{channel} does not take pre-orders shipping {date}, that far out")
            }
            _ => format!("{channel} does not take pre-orders"),
        });
        return Outcome::out_of_stock(Reason::ChannelDisallowsPreorder, false);
    }
    if let Some(start) = p.starts_at.filter(|start| now < *start) {
        c.trace.step("preorder", || format!("pre-orders open at {}", start.to_rfc3339()));
        return Outcome::out_of_stock(Reason::PreorderNotOpen, true);
    }
    if let Some(end) = p.ends_at.filter(|end| now > *end) {
        c.trace.step("preorder", || format!("pre-orders closed at {}", end.to_rfc3339()));
        return Outcome::out_of_stock(Reason::PreorderClosed, true);
    }
    let Some(cap) = preorder_cap(c) else {
        c.trace.step("preorder", || "no pre-order limit and no planned production: never sold without a cap".into());
        return Outcome::out_of_stock(Reason::PreorderUncapped, true);
    };
    let Some(ship_date) = ship_date else {
        c.trace.step("preorder", || "no ship date, production date or release date: no date to promise".into());
        return Outcome::out_of_stock(Reason::PreorderUndated, true);
    };
    if ship_date < c.today {
        c.trace.step("preorder", || format!("the ship date {ship_date} has passed (today is {})", c.today));
        return Outcome::out_of_stock(Reason::PreorderOverdue, true);
    }
    let channel_remaining =
        p.channel_caps.get(c.request.channel.index()).copied().flatten().map(|cap| cap.limit.saturating_sub(cap.sold));
    let remaining = safe(cap.saturating_sub(p.sold).min(channel_remaining.unwrap_or(u64::MAX)));
    c.trace.step("preorder", || {
        let on_channel = channel_remaining.map(|r| format!(", {r} left on {channel}")).unwrap_or_default();
        format!(
            "cap {cap} − {} sold{on_channel}: {remaining} left, {} wanted; ships {ship_date}",
            p.sold, c.request.quantity
        )
    });
    if remaining == 0 {
        return Outcome::out_of_stock(Reason::PreorderCapReached, true);
    }
    // Stale data never makes a dated promise; the embargo still holds, so
    // stock on hand is not offered either.
    if c.stale {
        return Outcome::out_of_stock(Reason::StaleSnapshot, true);
    }
    let within = c.request.quantity <= remaining;
    Outcome {
        policy: Policy::Preorder,
        reason: if within { Reason::Preorder } else { Reason::ExceedsPreorderRemaining },
        can_purchase: within,
        notify_me: false,
        max_quantity: remaining,
        ship_date: Some(ship_date),
        remaining_preorders: Some(remaining),
        queue_position: None,
        split: None,
        available: 0,
        ..Outcome::out_of_stock(Reason::Preorder, false)
    }
}

/// Adds payment terms, feed values, deadline warnings and the message.
fn finish(snapshot: &Snapshot, entry: Option<&Entry>, sku: &str, o: Outcome, moment: &Moment) -> Verdict {
    let today = moment.today;
    let deposit = deposit_for(entry, o.policy, moment.request.channel);
    let (schema_org, merchant_availability) = feed_values(o.policy, o.reason);
    let dated_promise = matches!(o.policy, Policy::Backorder | Policy::Preorder);
    let payment = match o.policy {
        Policy::InStock => Some(Payment::ChargeNow),
        Policy::Preorder if deposit.is_some() => Some(Payment::DepositNowBalanceAtShipment),
        Policy::Backorder | Policy::Preorder => Some(Payment::AuthorizeNowCaptureAtShipment),
        Policy::OutOfStock => None,
    };
    let availability_date = o.ship_date.filter(|_| dated_promise);
    let warnings = warnings(snapshot, o.ship_date, availability_date, today);
    let hide_sold_out = match entry {
        Some(Entry::Valid(item)) => item.hide_sold_out,
        _ => None,
    };
    let listing = match (o.policy, o.reason) {
        (Policy::OutOfStock, Reason::Discontinued) => Listing::Hide,
        (Policy::OutOfStock, _) if hide_sold_out.unwrap_or(snapshot.hide_sold_out) => Listing::Hide,
        _ => Listing::Show,
    };
    let sku = entry.and_then(Entry::sku).unwrap_or(sku).to_owned();
    let charge = moment.request.price.filter(|_| o.can_purchase).and_then(|price| {
        let quantity = moment.request.quantity;
        let amount = price.unit.checked_mul(quantity).filter(|a| *a <= MAX_SAFE_INTEGER)?;
        let now = match (o.policy, deposit) {
            (Policy::InStock, _) => amount,
            (Policy::Backorder, _) => price.unit * o.split.map_or(0, |s| s.now),
            (Policy::Preorder, Some(deposit)) => deposit_of(deposit, price.unit, quantity),
            _ => 0,
        };
        let later = o.ship_date.filter(|_| now < amount).map(|d| (d, amount - now)).into_iter().collect();
        Some(Charge { currency: price.currency, now, later })
    });
    let decision = Decision {
        sku,
        policy: o.policy,
        reason: o.reason,
        can_purchase: o.can_purchase,
        notify_me: o.notify_me,
        max_quantity: o.max_quantity,
        min_quantity: o.min_quantity,
        ship_date: o.ship_date,
        remaining_preorders: o.remaining_preorders,
        queue_position: o.queue_position,
        split: o.split,
        payment,
        cancellable: dated_promise,
        warnings,
        schema_org,
        merchant_availability,
        availability_date,
        listing,
        deliveries: o.deliveries,
        message: Message::default(),
    };
    Verdict { decision, available: o.available, order_limit: o.order_limit, charge }
}

/// The schema.org availability and the Merchant feed's value of a decision.
fn feed_values(policy: Policy, reason: Reason) -> (&'static str, &'static str) {
    match (policy, reason) {
        // Few left: search engines read LimitedAvailability; the Merchant feed has no such value.
        (Policy::InStock, Reason::LowStock) => ("https://schema.org/LimitedAvailability", "in_stock"),
        (Policy::InStock, _) => ("https://schema.org/InStock", "in_stock"),
        (Policy::Backorder, _) => ("https://schema.org/BackOrder", "backorder"),
        (Policy::Preorder, _) => ("https://schema.org/PreOrder", "preorder"),
        (_, Reason::Discontinued) => ("https://schema.org/Discontinued", "out_of_stock"),
        (_, Reason::PreorderCapReached) => ("https://schema.org/SoldOut", "out_of_stock"),
        _ => ("https://schema.org/OutOfStock", "out_of_stock"),
    }
}

/// The store deadlines a ship date misses, and an availability date more
/// than a year ahead (feeds refuse those).
fn warnings(
    snapshot: &Snapshot,
    ship: Option<NaiveDate>,
    availability_date: Option<NaiveDate>,
    today: NaiveDate,
) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = match ship {
        Some(ship) => snapshot
            .deadlines
            .iter()
            .filter(|d| d.ship_by < ship)
            .map(|d| Warning {
                code: "deadline_missed",
                deadline: d.name.clone(),
                names: d.names.clone(),
                ship_by: d.ship_by,
            })
            .collect(),
        None => Vec::new(),
    };
    let a_year_ahead = today.checked_add_months(chrono::Months::new(12));
    if let (Some(date), Some(limit)) = (availability_date, a_year_ahead) {
        if date > limit {
            warnings.push(Warning {
                code: "availability_date_too_far",
                deadline: String::new(),
                names: Vec::new(),
                ship_by: date,
            });
        }
    }
    warnings
}

/// The deposit a purchase of `entry` under `policy` takes: a pre-order's,
/// on the merchant's own store only (marketplaces never charge before
/// shipment).
pub(crate) fn deposit_for(entry: Option<&Entry>, policy: Policy, channel: Channel) -> Option<Deposit> {
    match entry {
        Some(Entry::Valid(item)) if policy == Policy::Preorder && channel == Channel::Dtc => item.preorder().deposit,
        _ => None,
    }
}

/// The deposit charged now for `quantity` units at `unit_price`: a
/// percentage of the line total rounded half up, or a fixed amount per
/// unit capped at the unit price.
pub(crate) fn deposit_of(deposit: Deposit, unit_price: u64, quantity: u64) -> u64 {
    let amount = unit_price.saturating_mul(quantity);
    match deposit {
        Deposit::Percentage(p) => p.of(amount),
        Deposit::PerUnit(per_unit) => per_unit.min(unit_price).saturating_mul(quantity),
    }
}

/// Rolls up the decisions of one product's variants (docs/rules.md §3 per variant,
/// then: all out → out; some purchasable → the best purchasable policy).
pub(crate) fn roll_up(product_id: &str, variants: &[Decision]) -> ProductDecision {
    let count = |policy| variants.iter().filter(|d| d.can_purchase && d.policy == policy).count();
    let (in_stock, backorder, preorder) = (count(Policy::InStock), count(Policy::Backorder), count(Policy::Preorder));
    let unavailable = variants.iter().filter(|d| !d.can_purchase).count();
    let policy = [(Policy::InStock, in_stock), (Policy::Backorder, backorder), (Policy::Preorder, preorder)]
        .into_iter()
        .find(|(_, n)| *n > 0)
        .map_or(Policy::OutOfStock, |(policy, _)| policy);
    let can_purchase = policy != Policy::OutOfStock;
    let notify_me = !can_purchase && variants.iter().any(|d| d.notify_me);
    let ship_date = variants.iter().filter(|d| d.can_purchase && d.policy == policy).filter_map(|d| d.ship_date).min();
    let key = match policy {
        Policy::OutOfStock if !variants.is_empty() && variants.iter().all(|d| d.reason == Reason::Discontinued) => {
            "discontinued"
        }
        Policy::OutOfStock if notify_me => "out_of_stock_notify",
        Policy::OutOfStock => "out_of_stock",
        Policy::InStock if backorder > 0 => "product.some_backorder",
        Policy::InStock | Policy::Backorder if preorder > 0 => "product.some_preorder",
        _ if unavailable > 0 => "product.some_sold_out",
        Policy::InStock => "badge.in_stock",
        Policy::Backorder => "badge.backorder",
        Policy::Preorder => "badge.preorder",
    };
    ProductDecision {
        product_id: product_id.to_owned(),
        policy,
        can_purchase,
        notify_me,
        ship_date,
        variants: variants.len(),
        in_stock,
        backorder,
        preorder,
        unavailable,
        listing: match !variants.is_empty() && variants.iter().all(|d| d.listing == Listing::Hide) {
            true => Listing::Hide,
            false => Listing::Show,
        },
        variants_differ: key.starts_with("product."),
        variant_states: variants
            .iter()
            .map(|d| VariantState {
                sku: d.sku.clone(),
                policy: d.policy,
                reason: d.reason,
                can_purchase: d.can_purchase,
                notify_me: d.notify_me,
                ship_date: d.ship_date,
                schema_org: d.schema_org,
                availability_date: d.availability_date,
                listing: d.listing,
            })
            .collect(),
        // The text layer writes it from `key`.
        message: Message { key, ..Message::default() },
    }
}
