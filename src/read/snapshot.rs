//! The inventory snapshot (docs/rules.md §1): reading, validating, defaults.
//!
//! Store-level problems reject the whole snapshot ([`SnapshotError`]); a
//! problem inside an item makes only that item invalid and is listed in
//! [`Snapshot::diagnostics`] with its JSON path.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;

use chrono::NaiveTime;

use crate::model::calendar::{parse_date, parse_time, parse_weekday, Calendar};
use crate::model::channel::Channel;
use crate::model::problem::{Diagnostic, Problem, SnapshotError};
use crate::model::snapshot::*;
use crate::model::stock::Source;
use crate::model::value::quoted;
use crate::model::zone::Zones;
use crate::read::channel::{read_channels, unknown_channels};
use crate::read::json::{as_str, Entries, Fields, Json};
use crate::read::messages::read_messages;
use crate::read::parser::{parse_json, Parser, SyntaxError};
use crate::read::patch::{apply_patch, Origin, Patch, Patched};
use crate::read::stock::{self, read_locations};

impl Snapshot {
    /// Parses and validates snapshot JSON text, resolving `timeZone` with `zones`.
    ///
    /// Text over [`MAX_SNAPSHOT_BYTES`] is refused. A string escape that
    /// holds half a character (a lone UTF-16 surrogate, as `JSON.stringify`
    /// writes for a string cut inside an emoji) would make the JSON
    /// invalid and every good item unsellable: it reads as U+FFFD instead,
    /// and an `invalid_text` diagnostic says how many were replaced.
    pub fn from_json(text: &str, zones: &dyn Zones) -> Result<Snapshot, SnapshotError> {
        Snapshot::from_text(text.to_owned(), zones)
    }

    /// [`Snapshot::from_json`] on text it keeps (its items are read from
    /// it lazily): no copy of a large snapshot.
    #[inline(never)] // two callers (a load, an update): one copy in the wasm
    pub fn from_text(text: String, zones: &dyn Zones) -> Result<Snapshot, SnapshotError> {
        if text.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::at(
                "",
                format!("the snapshot is {} bytes; the most is {MAX_SNAPSHOT_BYTES} (64 MiB)", text.len()),
            ));
        }
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        };
        // One scan of the backslashes first, so the parser is called (and
        // compiled into the wasm) once.
        let (text, replaced, (line, column)) = match crate::read::json::replace_lone_surrogates(&text) {
            Some((repaired, n, place)) => (repaired, n, place),
            None => (text, 0, (0, 0)),
        };
        let document = read_document(&text).map_err(|e| SnapshotError::at("", format!("not valid JSON: {e}")))?;
        let mut store_diagnostics = Vec::new();
        if replaced > 0 {
            store_diagnostics.push(Diagnostic {
                code: "invalid_text",
                sku: None,
                path: String::new(),
                message: format!(
                    "{replaced} string escape(s) held half a character (a lone UTF-16 surrogate), the first at line {line} column {column}; each reads as U+FFFD"
                ),
            });
        }
        Snapshot::from_document(document, text, store_diagnostics, zones)
    }

    /// Validates a parsed document: every store-level problem, or the
    /// snapshot (`last` are problems listed after all others).
    fn from_document(
        document: Document,
        text: String,
        last: Vec<Diagnostic>,
        zones: &dyn Zones,
    ) -> Result<Snapshot, SnapshotError> {
        let mut problems = Vec::new();
        let store = read_store(document, text, last, zones, &mut problems);
        match store {
            Some(store) if problems.is_empty() => Ok(store),
            _ => Err(SnapshotError { problems }),
        }
    }
}

fn read_store(
    document: Document,
    text: String,
    last: Vec<Diagnostic>,
    zones: &dyn Zones,
    problems: &mut Vec<Problem>,
) -> Option<Snapshot> {
    let Document { store, items } = document;
    let mut f = Fields::new(&store, String::new(), problems)?;
    match f.value("version") {
        Some(Json::Number(v)) if *v == 1.0 => {}
        Some(other) => f.problem("version", format!("expected 1, got {}", other.describe())),
        None => f.problem("version", "missing; expected 1".into()),
    }
    let generated_at = f.require("generatedAt", "an RFC 3339 timestamp", |v| as_str(v).and_then(parse_timestamp));
    let max_age_hours = f.number_in("maxAgeHours", 0.0, 1e6, "a number of hours ≥ 0").unwrap_or(24.0);
    let time_zone = f.string("timeZone").unwrap_or_else(|| "UTC".into());
    let zone = zones.resolve(&time_zone);
    if zone.is_none() {
        f.problem(
            "timeZone",
            format!("expected an IANA time zone name like \"Europe/Berlin\", got {}", quoted(&time_zone)),
        );
    }
    let cutoff = f.read("cutoffTime", "a time \"HH:MM\"", |v| as_str(v).and_then(parse_time));
    let weekdays = f.list("businessDays", "a weekday \"mon\" … \"sun\"", |d| as_str(d).and_then(parse_weekday));
    if weekdays.as_ref().is_some_and(Vec::is_empty) {
        f.problem("businessDays", "expected at least one weekday, got []".into());
    }
    let holidays = f.list("holidays", "a date \"YYYY-MM-DD\"", |d| as_str(d).and_then(parse_date));
    let handling_days = f.days("handlingDays").unwrap_or(0);
    let hide_sold_out = f.boolean("hideSoldOut").unwrap_or(false);
    let backorder = read_backorder_settings(&mut f);
    let preorder = read_preorder_settings(&mut f);
    let low_stock_threshold = f.integer("lowStockThreshold", 0).map(|n| n as u64);
    let out_of_stock_threshold = f.integer("outOfStockThreshold", 0).map(|n| n as u64);
    let (locations, location_channels) = read_locations(&mut f);
    let deadlines = f.read("deadlines", "an array of { name, shipBy }", |v| match v {
        Json::Array(list) => Some(list),
        _ => None,
    });
    let deadlines = read_deadlines(&mut f, deadlines.map(Vec::as_slice).unwrap_or(&[]));
    let channels = read_channels(&mut f);
    let (slots, index, array) = items_found(items, &mut f);
    let store_problems = f.problem_count();
    let mut diagnostics = Vec::new();
    let messages = read_messages(f.value("messages"), &mut diagnostics);
    diagnostics.extend(unknown_channels(f.value("channels"), "channels", None));
    diagnostics.extend(location_channels);
    diagnostics.extend(last);
    if store_problems > 0 {
        return None;
    }
    use chrono::Weekday::*;
    let weekdays: Vec<_> = weekdays.unwrap_or_else(|| vec![Mon, Tue, Wed, Thu, Fri]);
    Some(Snapshot {
        generated_at: generated_at?,
        max_age_hours,
        time_zone,
        zone: zone?,
        cutoff: cutoff.unwrap_or(NaiveTime::from_hms_opt(14, 0, 0)?),
        calendar: Calendar::new(&weekdays, holidays.unwrap_or_default()),
        handling_days,
        backorder,
        preorder,
        low_stock_threshold,
        out_of_stock_threshold,
        locations,
        deadlines,
        channels,
        messages,
        hide_sold_out,
        items: Items { text, array, slots, read: read_entry },
        store_diagnostics: diagnostics,
        diagnostics: OnceCell::new(),
        index,
    })
}

/// The store's `backorder` settings, defaults for what is not given.
fn read_backorder_settings(f: &mut Fields) -> BackorderSettings {
    let default = BackorderSettings::default();
    f.object("backorder", |b| BackorderSettings {
        enabled: b.boolean("enabled").unwrap_or(default.enabled),
        max_wait_days: b.days("maxWaitDays").unwrap_or(default.max_wait_days),
        receiving_days: b.days("receivingDays").unwrap_or(default.receiving_days),
    })
    .unwrap_or(default)
}

/// The store's `preorder` settings, defaults for what is not given.
fn read_preorder_settings(f: &mut Fields) -> PreorderSettings {
    let default = PreorderSettings::default();
    f.object("preorder", |p| PreorderSettings {
        cap_ratio: read_ratio(p).unwrap_or(default.cap_ratio),
        buffer_days: p.days("bufferDays").unwrap_or(default.buffer_days),
    })
    .unwrap_or(default)
}

/// The items loading found, or a problem saying why there are none.
fn items_found(items: ItemsField, f: &mut Fields) -> (Slots, HashMap<String, usize>, (usize, usize)) {
    let problem = match items {
        ItemsField::Found(found) => return found,
        ItemsField::Absent => "missing; expected an array of items".to_owned(),
        ItemsField::NotArray(found) => format!("expected an array of items, got {found}"),
        ItemsField::Repeated => "appears more than once; a snapshot has one array of items".to_owned(),
    };
    f.problem("items", problem);
    (Slots::default(), HashMap::new(), (0, 0))
}

fn read_deadlines(f: &mut Fields, list: &[Json]) -> Vec<Deadline> {
    let mut deadlines = Vec::with_capacity(list.len());
    for (i, value) in list.iter().enumerate() {
        let path = format!("{}[{i}]", f.path_of("deadlines"));
        let Some(mut d) = f.nested(value, path) else {
            continue;
        };
        let name = d.require("name", "a string", |v| as_str(v).map(str::to_owned));
        let ship_by = d.require("shipBy", "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date));
        // `names`: { "de": "Weihnachten", … }, the name in the shopper's language.
        let names = d
            .object("names", |n| {
                let mut names = Vec::new();
                for (tag, value) in n.entries() {
                    match as_str(value) {
                        Some(text) => names.push((tag.to_ascii_lowercase(), text.to_owned())),
                        None => n.problem(tag, format!("expected a string, got {}", value.describe())),
                    }
                }
                names
            })
            .unwrap_or_default();
        if let (Some(name), Some(ship_by)) = (name, ship_by) {
            deadlines.push(Deadline { name, names, ship_by });
        }
    }
    deadlines
}

fn read_ratio(f: &mut Fields) -> Option<Ratio> {
    f.read("capRatio", "a number from 0 to 1", |v| match v {
        Json::Number(n) => Ratio::from_f64(*n),
        _ => None,
    })
}

pub(crate) use crate::model::calendar::parse_timestamp;

/// Reads item `i` of `snapshot` from its text: its entry, with the
/// problems found reading it and those of its stock (see [`ItemRead`]).
fn read_entry(snapshot: &Snapshot, i: usize) -> ItemRead {
    let (mut entry, found) = read_fields(snapshot, i);
    let mut stock = Vec::new();
    let mut broken_kit = false;
    if let Entry::Valid(item) = &entry {
        match &item.source {
            Source::Kit(components) => {
                if let Some(Problem { path, message }) = stock::kit_problem(components, |sku| component(snapshot, sku))
                {
                    broken_kit = true;
                    stock.push(Diagnostic {
                        code: "invalid_item",
                        sku: Some(item.sku.clone()),
                        path: format!("items[{i}].{path}"),
                        message,
                    });
                }
            }
            Source::Locations(levels) => {
                for level in levels.iter().filter(|l| !snapshot.locations.knows(&l.location)) {
                    stock.push(Diagnostic {
                        code: "unknown_location",
                        sku: Some(item.sku.clone()),
                        path: format!("items[{i}].locations.{}", level.location),
                        message: format!(
                            "location {} is not in the store's locations; its stock is not sold",
                            quoted(&level.location)
                        ),
                    });
                }
            }
            Source::Count(_) => {}
        }
    }
    if broken_kit {
        invalidate(&mut entry);
    }
    ItemRead { entry, found, stock }
}

/// What a kit needs to know of its component `sku`: whether its item is
/// valid and whether it is itself a kit (`None`: no item holds it). Read
/// from the component's own fields, never its components, so a kit is
/// judged the same whatever was read before and no chain of kits recurses.
fn component(snapshot: &Snapshot, sku: &str) -> Option<(bool, bool)> {
    let i = *snapshot.index.get(sku)?;
    let is_kit = |item: &Item| matches!(item.source, Source::Kit(_));
    match snapshot.items.slots.get(i)?.entry.get() {
        // A valid entry read before is its fields' reading (a kit's own
        // problems only ever make it invalid).
        Some(Entry::Valid(item)) => Some((true, is_kit(item))),
        _ => match read_fields(snapshot, i).0 {
            Entry::Valid(item) => Some((true, is_kit(&item))),
            Entry::Invalid { .. } => Some((false, false)),
        },
    }
}

/// Reads item `i`'s fields (not yet its stock's sources): its entry, and
/// every problem found, with the SKU when it could be read.
fn read_fields(snapshot: &Snapshot, i: usize) -> (Entry, Vec<Diagnostic>) {
    let Some(slot) = snapshot.items.slots.get(i) else {
        return (Entry::Invalid { sku: None, product_id: None }, Vec::new());
    };
    // Copied only for a problem or an invalid entry (a valid item has its own).
    let sku = || snapshot.sku_at(i).map(str::to_owned);
    let product_id = || slot.product_id.as_ref().map(|p| p.get(&snapshot.items.text).to_owned());
    let text = snapshot.items.text.get(slot.start..slot.end).unwrap_or_default();
    let path = format!("items[{i}]");
    let mut found = Vec::new();
    let problem = |path: String, message: String| Diagnostic { code: "invalid_item", sku: sku(), path, message };
    // Loading checked the text, nesting included (counted from where the
    // item sits: in `items`, in the snapshot): this cannot fail.
    let value = match Parser::at_depth(text, 2).value_keeping(ITEM_KEYS) {
        Ok(value) => value,
        Err(e) => {
            found.push(problem(path, format!("not valid JSON: {e}")));
            return (Entry::Invalid { sku: sku(), product_id: product_id() }, found);
        }
    };
    let mut problems = Vec::new();
    let item = read_item(&value, path, &mut problems);
    found.extend(problems.into_iter().map(|p| problem(p.path, p.message)));
    let sku_text = snapshot.sku_at(i);
    if value.get("channels").is_some() {
        found.extend(unknown_channels(value.get("channels"), &format!("items[{i}].channels"), sku_text));
    }
    if let Some(channels) = value.get("preorder").and_then(|p| p.get("channels")) {
        found.extend(unknown_channels(Some(channels), &format!("items[{i}].preorder.channels"), sku_text));
    }
    if let (Some(first), Some(sku)) = (slot.duplicate_of.filter(|&first| first != i), sku_text) {
        found.push(Diagnostic {
            code: "duplicate_sku",
            sku: Some(sku.to_owned()),
            path: format!("items[{i}].sku"),
            message: format!("duplicate SKU {}, first at items[{first}]; every holder is invalid", quoted(sku)),
        });
    }
    let mut entry = match item {
        Some(item) => Entry::Valid(Box::new(item)),
        None => Entry::Invalid { sku: sku(), product_id: product_id() },
    };
    if slot.duplicate_of.is_some() {
        invalidate(&mut entry);
    }
    (entry, found)
}

fn invalidate(entry: &mut Entry) {
    let sku = entry.sku().map(str::to_owned);
    let product_id = entry.product_id().map(str::to_owned);
    *entry = Entry::Invalid { sku, product_id };
}

/// A snapshot as the parser delivers it: the store-level keys as a JSON
/// tree, where each item is and its SKU. The whole document is never held
/// as a tree (bench: 100k items took 117 MB that way).
struct Document {
    store: Json,
    items: ItemsField,
}

enum ItemsField {
    Absent,
    NotArray(String),
    /// The items, the position of each SKU, and where the array is.
    Found((Slots, HashMap<String, usize>, (usize, usize))),
    /// `items` appeared more than once: which one the merchant meant is unknown.
    Repeated,
}

/// The store-level keys the rules read; any other key is skipped unread.
const STORE_KEYS: &[&str] = &[
    "version",
    "generatedAt",
    "maxAgeHours",
    "timeZone",
    "cutoffTime",
    "businessDays",
    "holidays",
    "handlingDays",
    "backorder",
    "preorder",
    "lowStockThreshold",
    "outOfStockThreshold",
    "locations",
    "deadlines",
    "channels",
    "messages",
    "hideSoldOut",
];

/// The keys of an item the rules read; any other key is skipped unread.
const ITEM_KEYS: &[&str] = &[
    "sku",
    "productId",
    "title",
    "lifecycle",
    "onHand",
    "locations",
    "components",
    "reserved",
    "lowStockThreshold",
    "outOfStockThreshold",
    "limits",
    "restock",
    "backorder",
    "preorder",
    "channels",
    "hideSoldOut",
];

/// Reads the document: store-level keys the rules read as a tree, items
/// one at a time as they come, everything else skipped unbuilt.
fn read_document(text: &str) -> Result<Document, SyntaxError> {
    let mut parser = Parser::new(text);
    let document = match parser.peek() {
        Some(b'{') => {
            let mut entries = Entries::default();
            let mut items = ItemsField::Absent;
            parser.object(|parser, key| {
                if key == "items" && !matches!(items, ItemsField::Absent) {
                    parser.skip()?;
                    items = ItemsField::Repeated;
                } else if key == "items" {
                    items = read_items(parser)?;
                } else if STORE_KEYS.contains(&key.as_ref()) {
                    entries.insert(key.into_owned(), parser.value()?);
                } else {
                    parser.skip()?;
                }
                Ok(())
            })?;
            Document { store: Json::Object(entries.into_vec()), items }
        }
        // Anything but an object is kept whole, for `read_store` to reject.
        _ => Document { store: parser.value()?, items: ItemsField::Absent },
    };
    parser.end()?;
    Ok(document)
}

/// The `items` array: where each item starts and ends, its `sku` and
/// `productId`, and the position of each SKU (every holder of an SKU
/// several items hold is marked); the items' other fields are read when
/// first used ([`read_entry`]).
fn read_items(parser: &mut Parser) -> Result<ItemsField, SyntaxError> {
    if parser.peek() != Some(b'[') {
        return Ok(match parser.value()? {
            Json::Null => ItemsField::Absent,
            other => ItemsField::NotArray(other.describe()),
        });
    }
    let mut slots = Slots::default();
    let start = parser.value_start();
    parser.array(|parser| {
        slots.push(scan_item(parser)?);
        Ok(())
    })?;
    let index = index_skus(&mut slots, parser.text());
    Ok(ItemsField::Found((slots, index, (start, parser.position()))))
}

/// `patch` applied to `source`, the text `snapshot` was loaded from (see
/// [`apply_patch`]): the items are spliced where loading found them.
pub(crate) fn patch_text<'a>(
    snapshot: &'a Snapshot,
    source: &'a str,
    patch: &Patch<'a>,
    shard: bool,
) -> Result<Patched<'a>, SnapshotError> {
    // Where loading found the items: in the text past a byte-order mark (half characters are replaced in place).
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let moved = || SnapshotError::at("items", "not the text this snapshot was loaded from".into());
    let slots = &snapshot.items.slots;
    let kept = slots.iter().map(|slot| source.get(slot.start..slot.end).ok_or_else(moved)).collect::<Result<_, _>>()?;
    // The items holding an SKU, from the index: its first holder, and any twins it has.
    let holders = |sku: &str, found: &mut Vec<usize>| {
        let Some(&first) = snapshot.index.get(sku) else { return };
        match slots.get(first).and_then(|slot| slot.duplicate_of) {
            None => found.push(first),
            Some(_) => found.extend(
                slots.iter().enumerate().filter(|(_, slot)| slot.duplicate_of == Some(first)).map(|(at, _)| at),
            ),
        }
    };
    apply_patch(source, snapshot.items.array, kept, &holders, patch, shard)
}

/// `snapshot`'s items with `patch` applied, as a load of the patched text
/// ([`patch_text`]) would make them, and where each of the patch's items
/// now stands: only the items the patch brings are read; the others move
/// in the text and are not read again. `None` when only loading the whole
/// patched text gives the same answer (then do that): the snapshot's text
/// had half characters replaced (a load reports them; a patch holding
/// some is refused as JSON by [`read_patch`]), a load would refuse an item
/// the patch brings or its `generatedAt` (and say where), or the text
/// would grow past [`MAX_SNAPSHOT_BYTES`].
///
/// [`read_patch`]: crate::read::patch::read_patch
pub(crate) fn patch_items(snapshot: &Snapshot, patch: &Patch, shard: bool) -> Option<(ItemParts, Vec<usize>)> {
    if snapshot.store_diagnostics.iter().any(|d| d.code == "invalid_text") {
        return None;
    }
    let patched = patch_text(snapshot, &snapshot.items.text, patch, shard).ok()?;
    if patched.text.len() > MAX_SNAPSHOT_BYTES {
        return None;
    }
    let generated_at = match patched.generated_at {
        Some(value) => parse_json(value).ok().as_ref().and_then(as_str).and_then(parse_timestamp)?,
        None => snapshot.generated_at,
    };
    let mut slots = Slots::default();
    // Items are read two deep: in the snapshot's object, in its `items`.
    let mut parser = Parser::at_depth(&patched.text, 2);
    for &(start, end, origin) in &patched.layout {
        let slot = match origin {
            Origin::Kept(i) => {
                let old = snapshot.items.slots.get(i)?;
                let moved = |r: &TextRef| match r {
                    TextRef::At(at, len) => Some(TextRef::At(at.checked_sub(old.start)? + start, *len)),
                    TextRef::Own(value) => Some(TextRef::Own(value.clone())),
                };
                let sku = match &old.sku {
                    Some(sku) => Some(moved(sku)?),
                    None => None,
                };
                let product_id = match &old.product_id {
                    Some(id) => Some(moved(id)?),
                    None => None,
                };
                Slot { start, end, sku, product_id, duplicate_of: old.duplicate_of, entry: OnceCell::new() }
            }
            Origin::Brought { replaces, .. } => {
                parser.rewind(start);
                let slot = scan_item(&mut parser).ok().filter(|slot| slot.end == end)?;
                // In place of an item with the same SKU: its twins are as they were.
                let twins = replaces.and_then(|at| snapshot.items.slots.get(at)).and_then(|old| old.duplicate_of);
                Slot { duplicate_of: twins, ..slot }
            }
        };
        slots.push(slot);
    }
    // Every item where it was (stock changes): the same SKUs at the same
    // places, so the index stands; else it is made again.
    let in_place = |(k, (_, _, origin)): (usize, &(usize, usize, Origin))| match *origin {
        Origin::Kept(at) | Origin::Brought { replaces: Some(at), .. } => at == k,
        Origin::Brought { replaces: None, .. } => false,
    };
    let same_places =
        patched.layout.len() == snapshot.items.slots.len() && patched.layout.iter().enumerate().all(in_place);
    let index = (!same_places).then(|| index_skus(&mut slots, &patched.text));
    let items = Items { text: patched.text, array: patched.array, slots, read: snapshot.items.read };
    Some((ItemParts { items, index, generated_at, diagnostics: OnceCell::new() }, patched.placed))
}

/// One item as loading reads it: where it is, its `sku` and `productId`;
/// every other field is skipped (and checked where the rules will read it).
fn scan_item(parser: &mut Parser) -> Result<Slot, SyntaxError> {
    let start = parser.value_start();
    let (mut sku, mut product_id) = (None, None);
    if parser.peek() == Some(b'{') {
        parser.object(|parser, key| {
            match key.as_ref() {
                "sku" => sku = text_ref(parser)?,
                "productId" => product_id = text_ref(parser)?,
                key => skip_field(parser, key)?,
            }
            Ok(())
        })?;
    } else {
        parser.skip_checked()?; // read whole later, as an item that is no object
    }
    let sku = sku.filter(|s| !s.get(parser.text()).is_empty());
    Ok(Slot { start, end: parser.position(), sku, product_id, duplicate_of: None, entry: OnceCell::new() })
}

/// The position of each SKU in `slots` (its first holder), marking every
/// holder of an SKU several items hold with the first one's position (and
/// no other).
fn index_skus(slots: &mut Slots, text: &str) -> HashMap<String, usize> {
    // At its final size at once: a table grown by doubling leaves holes in
    // wasm memory, which never shrinks (100k items: 25.4 -> 24.5 MB).
    let mut index: HashMap<String, usize> = HashMap::with_capacity(slots.len());
    for i in 0..slots.len() {
        if let Some(slot) = slots.get_mut(i) {
            slot.duplicate_of = None;
        }
        let Some(sku) = slots.get(i).and_then(|slot| slot.sku.as_ref()).map(|sku| sku.get(text)) else {
            continue;
        };
        let first = match index.entry(sku.to_owned()) {
            std::collections::hash_map::Entry::Occupied(first) => *first.get(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(i);
                continue;
            }
        };
        for at in [first, i] {
            if let Some(slot) = slots.get_mut(at) {
                slot.duplicate_of = Some(first);
            }
        }
    }
    index
}

/// Skips the value of an item's `key`, refusing it as the item's reading
/// would when the rules read that key and it is nested too deeply (the
/// key is looked up only then: skipping is most of loading).
fn skip_field(parser: &mut Parser, key: &str) -> Result<(), SyntaxError> {
    let start = parser.value_start();
    match parser.skip_checked() {
        Err(_) if !ITEM_KEYS.contains(&key) => {
            parser.rewind(start);
            parser.skip()
        }
        skipped => skipped,
    }
}

/// A string value as a [`TextRef`] into the parser's text; any other
/// value is read past (`None`), checked as the item's reading will.
fn text_ref(parser: &mut Parser) -> Result<Option<TextRef>, SyntaxError> {
    if parser.peek() != Some(b'"') {
        parser.skip_checked()?;
        return Ok(None);
    }
    let quote = parser.value_start();
    Ok(Some(match parser.text_string()? {
        // Borrowed: exactly the bytes between the quotes.
        Cow::Borrowed(s) => TextRef::At(quote + 1, s.len()),
        Cow::Owned(s) => TextRef::Own(s.into_boxed_str()),
    }))
}

/// Reads one item; `None` (with problems recorded) when anything is wrong.
fn read_item(value: &Json, path: String, problems: &mut Vec<Problem>) -> Option<Item> {
    let mut f = Fields::new(value, path, problems)?;
    let sku = f.require("sku", "a non-empty string", |v| as_str(v).filter(|s| !s.is_empty()).map(str::to_owned));
    let product_id = f.string("productId");
    let title = f.string("title");
    let lifecycle = f
        .read("lifecycle", "\"active\", \"discontinued\" or \"unreleased\"", |v| match as_str(v)? {
            "active" => Some(Lifecycle::Active),
            "discontinued" => Some(Lifecycle::Discontinued),
            "unreleased" => Some(Lifecycle::Unreleased),
            _ => None,
        })
        .unwrap_or(Lifecycle::Active);
    let source = stock::read_source(&mut f);
    let reserved = count(&mut f, "reserved").unwrap_or(0);
    let low_stock_threshold = count(&mut f, "lowStockThreshold");
    let out_of_stock_threshold = count(&mut f, "outOfStockThreshold");
    let limits = stock::read_limits(&mut f).map(Box::new);
    let restock = read_restock(&mut f);
    let (backorder_enabled, max_wait_days, receiving_days) = f
        .object("backorder", |b| (b.boolean("enabled"), b.days("maxWaitDays"), b.days("receivingDays")))
        .unwrap_or_default();
    let preorder = f.object("preorder", read_preorder).map(Box::new);
    let channels =
        Some(read_channels(&mut f)).filter(|c| *c != crate::model::channel::ChannelOverrides::NONE).map(Box::new);
    let hide_sold_out = f.boolean("hideSoldOut");
    if f.problem_count() > 0 {
        return None;
    }
    Some(Item {
        sku: sku?,
        product_id,
        title,
        lifecycle,
        source,
        reserved,
        low_stock_threshold,
        out_of_stock_threshold,
        limits,
        restock,
        backorder_enabled,
        max_wait_days,
        receiving_days,
        hide_sold_out,
        preorder,
        channels,
    })
}

/// `restock`: one delivery `{ date, confirmed, quantity, backordered }`, or
/// a list of them (`restock[2].date` in paths), sorted by date.
fn read_restock(f: &mut Fields) -> Vec<Restock> {
    let delivery = |r: &mut Fields| Restock {
        date: r.read("date", "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date)),
        confirmed: r.boolean("confirmed").unwrap_or(false),
        quantity: count(r, "quantity"),
        backordered: count(r, "backordered").unwrap_or(0),
    };
    let mut deliveries = match f.value("restock") {
        Some(Json::Array(list)) => {
            let base = f.path_of("restock");
            let mut deliveries = Vec::with_capacity(list.len());
            for (i, value) in list.iter().enumerate() {
                if let Some(mut r) = f.nested(value, format!("{base}[{i}]")) {
                    deliveries.push(delivery(&mut r));
                }
            }
            deliveries
        }
        _ => f.object("restock", delivery).into_iter().collect(),
    };
    // Date order, undated last (`None` sorts first, so by (is none, date));
    // a heap sort, the smallest sort code in the wasm.
    let keys: Vec<_> = deliveries.iter().enumerate().map(|(i, d)| (d.date.is_none(), d.date, i)).collect();
    let order = std::collections::BinaryHeap::from(keys).into_sorted_vec();
    let mut slots: Vec<Option<Restock>> = deliveries.drain(..).map(Some).collect();
    order.into_iter().filter_map(|(_, _, i)| slots.get_mut(i).and_then(Option::take)).collect()
}

fn read_preorder(p: &mut Fields) -> Preorder {
    let date = |p: &mut Fields, key: &str| p.read(key, "a date \"YYYY-MM-DD\"", |v| as_str(v).and_then(parse_date));
    let timestamp =
        |p: &mut Fields, key: &str| p.read(key, "an RFC 3339 timestamp", |v| as_str(v).and_then(parse_timestamp));
    Preorder {
        planned_production: count(p, "plannedProduction"),
        sold: count(p, "sold").unwrap_or(0),
        limit: count(p, "limit"),
        cap_ratio: read_ratio(p),
        buffer_days: p.days("bufferDays"),
        starts_at: timestamp(p, "startsAt"),
        ends_at: timestamp(p, "endsAt"),
        production_date: date(p, "productionDate"),
        release_date: date(p, "releaseDate"),
        ship_date: date(p, "shipDate"),
        deposit: p.object("deposit", read_deposit).flatten(),
        channel_caps: read_channel_caps(p),
    }
}

/// `preorder.channels`: `{ "dtc": { "limit": 50, "sold": 12 } }`.
fn read_channel_caps(p: &mut Fields) -> [Option<ChannelCap>; Channel::COUNT] {
    let mut caps = [None; Channel::COUNT];
    p.object("channels", |channels| {
        for (name, value) in channels.entries() {
            let Some(channel) = crate::Channel::parse(name) else { continue };
            let path = channels.path_of(name);
            let Some(mut c) = channels.nested(value, path) else { continue };
            let limit = c.require("limit", "an integer from 0 to 9007199254740991", |v| {
                crate::read::json::as_safe_integer(v).filter(|n| *n >= 0).map(|n| n as u64)
            });
            let sold = count(&mut c, "sold").unwrap_or(0);
            if let Some(slot) = caps.get_mut(channel.index()) {
                *slot = limit.map(|limit| ChannelCap { limit, sold });
            }
        }
    });
    caps
}

fn read_deposit(d: &mut Fields) -> Option<Deposit> {
    let kind = d.require("type", "\"percentage\" or \"price\"", |v| match as_str(v)? {
        "percentage" => Some(true),
        "price" => Some(false),
        _ => None,
    })?;
    if kind {
        d.require("value", "a percentage from 0 to 100", |v| match v {
            Json::Number(n) => Percent::from_f64(*n).map(Deposit::Percentage),
            _ => None,
        })
    } else {
        d.require("value", "an amount in minor units (an integer ≥ 0)", |v| {
            crate::read::json::as_safe_integer(v).filter(|n| *n >= 0).map(|n| Deposit::PerUnit(n as u64))
        })
    }
}

/// An integer ≥ 0 (a count of units).
fn count(f: &mut Fields, key: &str) -> Option<u64> {
    f.integer(key, 0).map(|n| n as u64)
}
