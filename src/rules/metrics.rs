//! The health metrics (docs/metrics.md): pure functions of an order
//! history. Rates are exact fractions of whole counts; only the
//! replenishment figures (a standard deviation) use floating point, and
//! they round up (more safety stock, never less).

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use crate::model::calendar::days_between;
use crate::model::decision::Policy;
use crate::model::metrics::*;

/// Days before a stock-out whose sales give the velocity it is measured against.
pub(crate) const VELOCITY_DAYS: u64 = 28;

/// Everything counted for one SKU, product, week or the store.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    counts: Counts,
    /// Sold in stock and not cancelled before shipping.
    filled: u64,
    backorder_cancelled: u64,
    preorder_cancelled: u64,
    preorder_due: u64,
    preorder_on_time: u64,
    backorder_visits: u64,
    /// Backorder orders placed on days with visit counts (conversion's numerator).
    backorder_with_visits: u64,
    /// Units captured while out of stock, × VELOCITY_DAYS.
    captured: u128,
    /// Units the pre-stock-out velocity predicts, × VELOCITY_DAYS.
    expected: u128,
}

impl Tally {
    fn order(&mut self, o: &OrderLine, to: NaiveDate) {
        let cancelled = o.cancelled_unshipped();
        match o.sold_as {
            Policy::InStock => {
                self.counts.in_stock += 1;
                self.filled += u64::from(!cancelled);
            }
            Policy::Backorder => {
                self.counts.backorder += 1;
                self.backorder_cancelled += u64::from(cancelled);
            }
            Policy::Preorder => {
                self.counts.preorder += 1;
                self.preorder_cancelled += u64::from(cancelled);
                // Due by the end of the period and not cancelled: shipped on time, or late.
                if let Some(promised) = o.promised.filter(|p| *p <= to && !cancelled) {
                    self.preorder_due += 1;
                    self.preorder_on_time += u64::from(o.shipped.is_some_and(|s| s <= promised));
                }
            }
            Policy::OutOfStock => {}
        }
        self.counts.cancelled += u64::from(cancelled);
    }

    fn add(&mut self, other: &Tally) {
        let (a, b) = (&mut self.counts, &other.counts);
        a.in_stock += b.in_stock;
        a.backorder += b.backorder;
        a.preorder += b.preorder;
        a.cancelled += b.cancelled;
        self.filled += other.filled;
        self.backorder_cancelled += other.backorder_cancelled;
        self.preorder_cancelled += other.preorder_cancelled;
        self.preorder_due += other.preorder_due;
        self.preorder_on_time += other.preorder_on_time;
        self.backorder_visits += other.backorder_visits;
        self.backorder_with_visits += other.backorder_with_visits;
        self.captured += other.captured;
        self.expected += other.expected;
    }

    fn metrics(&self, t: &Thresholds) -> Metrics {
        let c = self.counts;
        let sold = u128::from(c.in_stock + c.backorder);
        Metrics {
            orders: c,
            backorder_rate: metric(Rate::of(c.backorder.into(), sold), |r| !r.below(t.backorder_rate)),
            fill_rate: metric(Rate::of(self.filled.into(), sold), |_| false).without_alarm(),
            backorder_conversion: metric(
                Rate::of(self.backorder_with_visits.into(), self.backorder_visits.into()),
                |r| r.below(t.backorder_conversion),
            ),
            backorder_cancellation: metric(Rate::of(self.backorder_cancelled.into(), c.backorder.into()), |r| {
                r.above(t.backorder_cancellation)
            }),
            preorder_cancellation: metric(Rate::of(self.preorder_cancelled.into(), c.preorder.into()), |r| {
                r.above(t.preorder_cancellation)
            }),
            preorder_on_time: metric(Rate::of(self.preorder_on_time.into(), self.preorder_due.into()), |r| {
                r.below(t.preorder_on_time)
            }),
            revenue_capture: metric(Rate::of(self.captured, self.expected), |_| false).without_alarm(),
        }
    }
}

fn metric(value: Option<Rate>, warn: impl Fn(Rate) -> bool) -> Metric {
    let alarm = match value {
        None => Alarm::NoData,
        Some(r) if warn(r) => Alarm::Warn,
        Some(_) => Alarm::Ok,
    };
    Metric { value, alarm }
}

impl Metric {
    /// A metric with no alarm line (shown, never flagged).
    fn without_alarm(self) -> Metric {
        Metric { alarm: if self.value.is_some() { Alarm::None } else { Alarm::NoData }, ..self }
    }
}

/// The health report for `history` over its period.
pub(crate) fn health(history: &History) -> Health {
    let (from, to) = period(history);
    let within = |d: NaiveDate| from <= d && d <= to;
    let t = &history.thresholds;
    let mut by_sku: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut product_of: BTreeMap<&str, &str> = BTreeMap::new();
    let mut by_week: BTreeMap<NaiveDate, Tally> = BTreeMap::new();
    for o in history.orders.iter().filter(|o| within(o.placed)) {
        by_sku.entry(&o.sku).or_default().order(o, to);
        by_week.entry(monday(o.placed)).or_default().order(o, to);
        product_of.insert(&o.sku, &o.product_id);
    }
    // Each SKU's orders (of any date: stock-out velocity looks before the period), read once.
    let mut orders_of: BTreeMap<&str, Vec<&OrderLine>> = BTreeMap::new();
    for o in &history.orders {
        orders_of.entry(&o.sku).or_default().push(o);
    }
    let orders = |sku: &str| orders_of.get(sku).map_or(&[][..], Vec::as_slice);
    conversion(history, &within, &orders, &mut by_sku);
    capture(history, &within, &orders, &mut by_sku);

    let mut store = Tally::default();
    let mut by_product: BTreeMap<&str, Tally> = BTreeMap::new();
    for (sku, tally) in &by_sku {
        store.add(tally);
        by_product.entry(product_of.get(sku).copied().unwrap_or(sku)).or_default().add(tally);
    }
    let skus = by_sku
        .iter()
        .map(|(sku, tally)| {
            let product = product_of.get(sku).copied().unwrap_or(sku);
            replenishment(history, orders(sku), sku, product, tally, (from, to))
        })
        .collect();
    Health {
        from,
        to,
        thresholds: *t,
        store: store.metrics(t),
        products: by_product
            .iter()
            .map(|(id, tally)| ProductHealth { product_id: (*id).to_owned(), metrics: tally.metrics(t) })
            .collect(),
        skus,
        weeks: by_week
            .iter()
            .map(|(week, tally)| {
                let m = tally.metrics(t);
                Week {
                    week: *week,
                    backorder_rate: m.backorder_rate,
                    backorder_cancellation: m.backorder_cancellation,
                    preorder_cancellation: m.preorder_cancellation,
                }
            })
            .collect(),
        diagnostics: history.diagnostics.clone(),
    }
}

/// The period asked for, else the span of the data (orders placed, days).
fn period(history: &History) -> (NaiveDate, NaiveDate) {
    let dates = history.orders.iter().map(|o| o.placed).chain(history.days.iter().map(|d| d.date));
    let (low, high) = dates.fold((None, None), |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
        (Some(lo.map_or(d, |l| l.min(d))), Some(hi.map_or(d, |h| h.max(d))))
    });
    let fallback = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let from = history.from.or(low).unwrap_or(fallback);
    (from, history.to.or(high).unwrap_or(from).max(from))
}

fn monday(d: NaiveDate) -> NaiveDate {
    d - Days::new(u64::from(d.weekday().num_days_from_monday()))
}

/// Backorder conversion: visits on days a SKU's page offered a backorder,
/// and the backorders placed on those days.
fn conversion<'h, 'o>(
    history: &'h History,
    within: &impl Fn(NaiveDate) -> bool,
    orders: &impl Fn(&str) -> &'o [&'o OrderLine],
    by_sku: &mut BTreeMap<&'h str, Tally>,
) {
    for day in history.days.iter().filter(|d| within(d.date) && d.showing == Some(Policy::Backorder)) {
        let Some(visits) = day.visits else { continue };
        let placed =
            orders(&day.sku).iter().filter(|o| o.placed == day.date && o.sold_as == Policy::Backorder).count() as u64;
        // A SKU visited while offered on backorder but never ordered still shows (0 %).
        let tally = by_sku.entry(day.sku.as_str()).or_default();
        tally.backorder_visits += visits;
        tally.backorder_with_visits += placed;
    }
}

/// Revenue capture: for each run of days a SKU had nothing on hand, the
/// units ordered on backorder or pre-order during it against what its
/// sales in the `VELOCITY_DAYS` before the run predict.
fn capture<'h, 'o>(
    history: &'h History,
    within: &impl Fn(NaiveDate) -> bool,
    orders: &impl Fn(&str) -> &'o [&'o OrderLine],
    by_sku: &mut BTreeMap<&'h str, Tally>,
) {
    let mut days_by_sku: BTreeMap<&str, Vec<&StockDay>> = BTreeMap::new();
    for d in history.days.iter().filter(|d| within(d.date)) {
        days_by_sku.entry(&d.sku).or_default().push(d);
    }
    for (sku, mut days) in days_by_sku {
        days.sort_by_key(|d| d.date);
        let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for d in days.iter().filter(|d| d.on_hand <= 0) {
            match runs.last_mut() {
                Some((_, end)) if days_between(*end, d.date) == 1 => *end = d.date,
                _ => runs.push((d.date, d.date)),
            }
        }
        let units = |from: NaiveDate, to: NaiveDate, captured_only: bool| -> u128 {
            orders(sku)
                .iter()
                .filter(|o| from <= o.placed && o.placed <= to)
                .filter(|o| !captured_only || matches!(o.sold_as, Policy::Backorder | Policy::Preorder))
                .map(|o| u128::from(o.quantity))
                .sum()
        };
        for (start, end) in runs {
            let before = units(start - Days::new(VELOCITY_DAYS), start - Days::new(1), false);
            if before == 0 {
                continue; // no sales before: no velocity to measure against
            }
            let length = (days_between(start, end) + 1) as u128;
            let tally = by_sku.entry(sku).or_default();
            tally.captured += units(start, end, true) * u128::from(VELOCITY_DAYS);
            tally.expected += before * length;
        }
    }
}

/// A SKU's metrics with its demand, lead time, safety stock and reorder point.
fn replenishment(
    history: &History,
    orders: &[&OrderLine],
    sku: &str,
    product_id: &str,
    tally: &Tally,
    (from, to): (NaiveDate, NaiveDate),
) -> SkuHealth {
    let span = (days_between(from, to) + 1).max(1) as usize;
    let mut daily = vec![0f64; span];
    for o in orders.iter().filter(|o| from <= o.placed && o.placed <= to) {
        daily[days_between(from, o.placed) as usize] += o.quantity as f64;
    }
    let mean = daily.iter().sum::<f64>() / span as f64;
    let sigma = (daily.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / span as f64).sqrt();
    let leads: Vec<f64> =
        history.receipts.iter().filter(|r| r.sku == sku).map(|r| days_between(r.ordered, r.received) as f64).collect();
    let lead = (!leads.is_empty()).then(|| leads.iter().sum::<f64>() / leads.len() as f64);
    let base = history.thresholds.base_stock as f64;
    let safety = lead.map(|l| (base + sigma * l).ceil() as u64);
    SkuHealth {
        sku: sku.to_owned(),
        product_id: product_id.to_owned(),
        metrics: tally.metrics(&history.thresholds),
        average_daily_demand: decimals(mean, 2),
        demand_variability: decimals(sigma, 2),
        lead_time_days: lead.map(|l| decimals(l, 1)),
        safety_stock: safety,
        reorder_point: lead.zip(safety).map(|(l, s)| (mean * l + s as f64).ceil() as u64),
    }
}

/// `x` (≥ 0) with `places` decimals, rounded half up: written from whole
/// numbers, so the wasm carries no float formatting.
fn decimals(x: f64, places: u32) -> String {
    let scale = 10u64.pow(places);
    let scaled = (x * scale as f64).round() as u64;
    format!("{}.{:0width$}", scaled / scale, scaled % scale, width = places as usize)
}
