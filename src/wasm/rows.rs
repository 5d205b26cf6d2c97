//! A list of decisions as it crosses to JavaScript: one row a decision, its
//! fields in a fixed order without their names, and its message an index
//! into the list's distinct messages (a catalog says "In stock — ships
//! today" thousands of times). js/index.js `fromRows` makes each row the
//! object `decide` returns, with a message of its own.
//!
//! Measured on 10k decisions (bench generator, English): 6.6 MB of JSON
//! as objects, 2.5 MB as rows; the text is written, decoded and parsed in
//! a third less time or better (BENCHMARKS.md).

use std::collections::HashMap;

use serde::ser::{SerializeStruct, SerializeTuple, Serializer};
use serde::Serialize;

use crate::model::calendar::iso_date;
use crate::model::decision::Decision;
use crate::model::message::Message;

/// `{ messages: Message[], rows: Row[] }`; see the module doc.
pub(crate) struct DecisionRows<'a>(pub &'a [Decision]);

impl Serialize for DecisionRows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut index: HashMap<&Message, usize> = HashMap::new();
        let mut messages: Vec<&Message> = Vec::new();
        let rows: Vec<Row> = self
            .0
            .iter()
            .map(|d| {
                let message = (!d.message.is_unwritten()).then(|| {
                    *index.entry(&d.message).or_insert_with(|| {
                        messages.push(&d.message);
                        messages.len() - 1
                    })
                });
                Row(d, message)
            })
            .collect();
        let mut list = serializer.serialize_struct("DecisionRows", 2)?;
        list.serialize_field("messages", &messages)?;
        list.serialize_field("rows", &rows)?;
        list.end()
    }
}

/// One decision: its fields in declaration order (`message` last, as the
/// index of its message, or `null` when asked without messages).
struct Row<'a>(&'a Decision, Option<usize>);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Row(d, message_index) = self;
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
        let mut row = serializer.serialize_tuple(20)?;
        row.serialize_element(sku)?;
        row.serialize_element(policy)?;
        row.serialize_element(reason)?;
        row.serialize_element(can_purchase)?;
        row.serialize_element(notify_me)?;
        row.serialize_element(max_quantity)?;
        row.serialize_element(min_quantity)?;
        row.serialize_element(&ship_date.map(iso_date))?;
        row.serialize_element(remaining_preorders)?;
        row.serialize_element(queue_position)?;
        row.serialize_element(split)?;
        row.serialize_element(payment)?;
        row.serialize_element(cancellable)?;
        row.serialize_element(warnings)?;
        row.serialize_element(schema_org)?;
        row.serialize_element(merchant_availability)?;
        row.serialize_element(&availability_date.map(iso_date))?;
        row.serialize_element(listing)?;
        row.serialize_element(deliveries)?;
        row.serialize_element(message_index)?;
        row.end()
    }
}
