//! The `channels` objects of a snapshot.

use crate::model::channel::{Channel, ChannelOverrides};
use crate::model::problem::Diagnostic;
use crate::read::json::{as_safe_integer, Fields, Json, Slot};

/// Reads `channels` from `fields`; unknown channel names are ignored
/// (docs/rules.md §6) and reported by [`unknown_channels`].
pub(crate) fn read_channels(fields: &mut Fields) -> ChannelOverrides {
    let mut overrides = ChannelOverrides::default();
    fields.object("channels", |channels| {
        for (name, value) in channels.entries() {
            let Some(channel) = Channel::parse(name) else {
                continue;
            };
            let path = channels.path_of(name);
            let Some(mut f) = channels.nested(value, path) else {
                continue;
            };
            let patch = &mut overrides.0[channel.index()];
            patch.backorder = f.boolean("backorder");
            patch.preorder = f.boolean("preorder");
            patch.brand_registry = f.boolean("brandRegistry");
            patch.max_ship_days = match f.slot("maxShipDays") {
                Slot::Absent => None,
                Slot::Null => Some(None),
                Slot::Value(v) => read_max_ship_days(&mut f, v).map(Some),
            };
        }
    });
    overrides
}

fn read_max_ship_days(f: &mut Fields, v: &Json) -> Option<u32> {
    let days = as_safe_integer(v).filter(|d| (0..=i64::from(crate::model::value::MAX_DAYS)).contains(d));
    if days.is_none() {
        f.problem(
            "maxShipDays",
            format!("expected a whole number of days from 0 to 3660 or null, got {}", v.describe()),
        );
    }
    days.map(|d| d as u32)
}

/// The names in a `channels` object (of the item `sku`, if any) that are
/// no channel: ignored like other unknown keys, but listed as
/// `unknown_channel` diagnostics because a typo there silently drops a
/// rule the merchant set.
pub(crate) fn unknown_channels(channels: Option<&Json>, path: &str, sku: Option<&str>) -> Vec<Diagnostic> {
    let Some(Json::Object(entries)) = channels else { return Vec::new() };
    entries
        .iter()
        .filter(|(name, _)| Channel::parse(name).is_none())
        .map(|(name, _)| Diagnostic {
            code: "unknown_channel",
            sku: sku.map(str::to_owned),
            path: format!("{path}.{name}"),
            message: Channel::unknown(name),
        })
        .collect()
}
