//! A list of decisions as it crosses to JavaScript: each decision a row of
//! [`WIDTH`] numbers in one `Float64Array` (`cells`), and the text beside
//! them in one JSON string: `strings` (SKUs, codes and dates, each distinct
//! code or date once), `objects` (a split, or a non-empty list of warnings
//! or deliveries: one entry for each, never shared) and `messages` (each
//! distinct message once). js/index.js `fromRows` makes each row the object
//! `decide` returns, with a message of its own. Product roll-ups cross the
//! same way ([`product_rows`], `fromProductRows`).
//!
//! A cell holds a number, a boolean as 0 or 1, or an index into one of the
//! lists; -1 stands for `null`, or for an empty list where the field is a
//! list. Measured on 10k decisions without messages (bench generator):
//! rows as JSON arrays were 1.9 MB of text that `JSON.parse` took about
//! 8 ms to read; now the cells are 1.6 MB copied as one block and the text
//! 0.3 MB (0.9 MB with English messages), parsed in under 2 ms
//! (BENCHMARKS.md).

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::calendar::iso_date;
use crate::model::decision::{Decision, Delivery, ProductDecision, Split, VariantState, Warning};
use crate::model::message::Message;
use crate::text::Worded;

/// Cells a decision takes: its fields in declaration order, `message` last.
pub(crate) const WIDTH: usize = 20;

/// `null`, or an empty list.
const NONE: f64 = -1.0;

/// A list of decisions as cells and text; see the module doc.
pub(crate) struct Rows {
    pub cells: Vec<f64>,
    pub text: String,
}

/// The JSON text beside the cells.
#[derive(Serialize)]
struct Text<'a> {
    strings: Vec<Cow<'a, str>>,
    objects: Vec<Object<'a>>,
    messages: &'a [Message],
}

#[derive(Serialize)]
#[serde(untagged)]
enum Object<'a> {
    Split(&'a Split),
    Warnings(&'a [Warning]),
    Deliveries(&'a [Delivery]),
}

/// Builds the lists the cells point into.
#[derive(Default)]
struct Lists<'a> {
    strings: Vec<Cow<'a, str>>,
    objects: Vec<Object<'a>>,
    /// Codes already in `strings`, by address: a row's codes are a few
    /// dozen static strings.
    codes: Vec<(&'static str, f64)>,
    /// Dates already in `strings`, sorted (a binary search; a hash map
    /// cost the page wasm 0.4 KB gzip).
    dates: Vec<(NaiveDate, f64)>,
}

impl<'a> Lists<'a> {
    fn string(&mut self, s: Cow<'a, str>) -> f64 {
        self.strings.push(s);
        (self.strings.len() - 1) as f64
    }

    fn code(&mut self, code: &'static str) -> f64 {
        match self.codes.iter().find(|(c, _)| std::ptr::eq(*c, code)) {
            Some(&(_, index)) => index,
            None => {
                let index = self.string(Cow::Borrowed(code));
                self.codes.push((code, index));
                index
            }
        }
    }

    fn date(&mut self, date: Option<NaiveDate>) -> f64 {
        let Some(date) = date else { return NONE };
        let at = match self.dates.binary_search_by_key(&date, |&(d, _)| d) {
            Ok(at) => return self.dates.get(at).map_or(NONE, |&(_, index)| index),
            Err(at) => at,
        };
        let index = self.string(Cow::Owned(iso_date(date)));
        self.dates.insert(at, (date, index));
        index
    }

    fn object(&mut self, object: Option<Object<'a>>) -> f64 {
        let Some(object) = object else { return NONE };
        self.objects.push(object);
        (self.objects.len() - 1) as f64
    }

    fn list<T>(&mut self, items: &'a [T], object: fn(&'a [T]) -> Object<'a>) -> f64 {
        self.object((!items.is_empty()).then(|| object(items)))
    }

    /// The rows: `cells`, and the lists with `messages` as JSON text.
    fn finish(self, cells: Vec<f64>, messages: &[Message]) -> Rows {
        let Lists { strings, objects, .. } = self;
        // Serializing plain data into a string cannot fail.
        let text = serde_json::to_string(&Text { strings, objects, messages }).unwrap_or_default();
        Rows { cells, text }
    }
}

fn flag(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

fn count(n: Option<u64>) -> f64 {
    n.map_or(NONE, |n| n as f64)
}

/// `list` as cells and text; see the module doc.
pub(crate) fn rows(list: &Worded) -> Rows {
    let mut lists = Lists::default();
    let mut cells = Vec::with_capacity(list.decisions.len() * WIDTH);
    for (d, message) in list.decisions.iter().zip(&list.message_of) {
        // Every field named (no `..`): a field added to `Decision` fails
        // to compile here until the row (and `fromRows`) carry it.
        let Decision {
            sku,
            policy,
            reason,
            can_purchase,
            notify_me,
            max_quantity,
            min_quantity,
            ship_date,
            remaining_preorders,
            queue_position,
            split,
            payment,
            cancellable,
            warnings,
            schema_org,
            merchant_availability,
            availability_date,
            listing,
            deliveries,
            message: _,
        } = d;
        let row: [f64; WIDTH] = [
            lists.string(Cow::Borrowed(sku)),
            lists.code(policy.code()),
            lists.code(reason.code()),
            flag(*can_purchase),
            flag(*notify_me),
            *max_quantity as f64,
            *min_quantity as f64,
            lists.date(*ship_date),
            count(*remaining_preorders),
            count(*queue_position),
            lists.object(split.as_ref().map(Object::Split)),
            payment.map_or(NONE, |p| lists.code(p.code())),
            flag(*cancellable),
            lists.list(warnings, Object::Warnings),
            lists.code(schema_org),
            lists.code(merchant_availability),
            lists.date(*availability_date),
            lists.code(listing.code()),
            lists.list(deliveries, Object::Deliveries),
            message.map_or(NONE, |i| i as f64),
        ];
        cells.extend_from_slice(&row);
    }
    lists.finish(cells, &list.messages)
}

/// Cells a product roll-up takes before its variants: its fields in
/// declaration order, `variantStates` as their count (each variant's
/// [`VARIANT_WIDTH`] cells follow the product's), `message` last.
pub(crate) const PRODUCT_WIDTH: usize = 14;

/// Cells a variant of a product roll-up takes.
pub(crate) const VARIANT_WIDTH: usize = 9;

/// Product roll-ups as cells and text: each product's cells, then its
/// variants' (see [`PRODUCT_WIDTH`]).
pub(crate) fn product_rows(list: &Worded<ProductDecision>) -> Rows {
    let mut lists = Lists::default();
    let mut cells = Vec::new();
    for (p, message) in list.decisions.iter().zip(&list.message_of) {
        // Every field named, as in `rows`.
        let ProductDecision {
            product_id,
            policy,
            can_purchase,
            notify_me,
            ship_date,
            variants,
            in_stock,
            backorder,
            preorder,
            unavailable,
            listing,
            variants_differ,
            variant_states,
            message: _,
        } = p;
        let row: [f64; PRODUCT_WIDTH] = [
            lists.string(Cow::Borrowed(product_id)),
            lists.code(policy.code()),
            flag(*can_purchase),
            flag(*notify_me),
            lists.date(*ship_date),
            *variants as f64,
            *in_stock as f64,
            *backorder as f64,
            *preorder as f64,
            *unavailable as f64,
            lists.code(listing.code()),
            flag(*variants_differ),
            variant_states.len() as f64,
            message.map_or(NONE, |i| i as f64),
        ];
        cells.extend_from_slice(&row);
        for v in variant_states {
            let VariantState {
                sku,
                policy,
                reason,
                can_purchase,
                notify_me,
                ship_date,
                schema_org,
                availability_date,
                listing,
            } = v;
            let row: [f64; VARIANT_WIDTH] = [
                lists.string(Cow::Borrowed(sku)),
                lists.code(policy.code()),
                lists.code(reason.code()),
                flag(*can_purchase),
                flag(*notify_me),
                lists.date(*ship_date),
                lists.code(schema_org),
                lists.date(*availability_date),
                lists.code(listing.code()),
            ];
            cells.extend_from_slice(&row);
        }
    }
    lists.finish(cells, &list.messages)
}
