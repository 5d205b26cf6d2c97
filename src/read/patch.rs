//! A patch of items (docs/rules.md §1, "Updates"): `{ items, remove?, generatedAt? }`,
//! applied to snapshot text by SKU. Patched items replace those with the
//! same SKU where they stand, new SKUs are appended, `remove` takes SKUs
//! out, and `generatedAt` replaces the snapshot's. The texts are spliced,
//! never rebuilt: what a patch does not touch is kept byte for byte.

use std::collections::HashMap;

use crate::model::calendar::parse_timestamp;
use crate::model::problem::{Diagnostic, SnapshotError};
use crate::read::json::Json;
use crate::read::parser::{parse_json, Parser};

/// A patch read and checked: every item has its SKU. It borrows the
/// patch's text: each item, and `generatedAt`, as written there.
#[derive(Debug, Clone, PartialEq)]
pub struct Patch<'a> {
    /// Each item's SKU and text, in the patch's order.
    pub items: Vec<(String, &'a str)>,
    pub remove: Vec<String>,
    pub generated_at: Option<&'a str>,
}

/// A problem of the patch itself (code `invalid_update`), at `path`.
fn invalid(path: String, message: &str) -> Diagnostic {
    Diagnostic { code: "invalid_update", sku: None, path, message: message.to_owned() }
}

/// Reads patch JSON text. A patch that is none (not JSON, not an object,
/// `items` not a list, an item without its SKU, a `remove` that is not a
/// list of SKUs) is refused with every problem's path: ignoring a bad
/// `remove` would keep selling what was meant to go.
///
/// ```
/// use storefront_availability::internals::read_patch;
/// let patch = read_patch(r#"{ "items": [{ "sku": "TEE-M", "onHand": 0 }], "remove": ["MUG"] }"#).unwrap();
/// assert_eq!(patch.items[0], ("TEE-M".to_owned(), r#"{ "sku": "TEE-M", "onHand": 0 }"#));
/// assert_eq!(read_patch(r#"{ "items": [{ "onHand": 1 }] }"#).unwrap_err()[0].path, "items[0].sku");
/// ```
pub fn read_patch(text: &str) -> Result<Patch<'_>, Vec<Diagnostic>> {
    let json =
        parse_json(text).map_err(|e| vec![invalid(String::new(), &format!("could not be read as JSON: {e}"))])?;
    let mut problems = Vec::new();
    let items = match json.get("items") {
        Some(Json::Array(items)) => items.as_slice(),
        _ => {
            problems.push(invalid(
                "items".into(),
                "expected an array of items (a patch is { items, remove?, generatedAt? })",
            ));
            &[]
        }
    };
    let mut skus = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.get("sku") {
            Some(Json::String(sku)) if !sku.is_empty() => skus.push(sku.clone()),
            _ => problems.push(invalid(format!("items[{i}].sku"), "a patched item needs its SKU")),
        }
    }
    let remove = match json.get("remove") {
        None | Some(Json::Null) => &[][..],
        Some(Json::Array(remove)) => remove.as_slice(),
        Some(_) => {
            problems.push(invalid("remove".into(), "expected an array of SKUs to take out"));
            &[]
        }
    };
    let mut removed = Vec::with_capacity(remove.len());
    for (i, sku) in remove.iter().enumerate() {
        match sku {
            Json::String(sku) if !sku.is_empty() => removed.push(sku.clone()),
            _ => problems.push(invalid(format!("remove[{i}]"), "expected a SKU (a non-empty string)")),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Each item's text, and `generatedAt`'s, as written (the text was just read as JSON).
    let mut texts = None;
    let entries = entries(text, ItemsPass::Read(&mut texts)).unwrap_or_default();
    // (Spans come from scanning this very text: `get` never misses; it keeps panics out of the wasm.)
    let spans = texts.unwrap_or_default().into_iter();
    let items = skus.into_iter().zip(spans).map(|(sku, (a, b, _))| (sku, text.get(a..b).unwrap_or_default())).collect();
    let generated_at = last(&entries, "generatedAt").and_then(|(a, b)| text.get(a..b));
    Ok(Patch { items, remove: removed, generated_at })
}

/// The span of the value of `key` (its last, as `JSON.parse` reads it).
fn last(entries: &[(String, (usize, usize))], key: &str) -> Option<(usize, usize)> {
    entries.iter().rev().find(|(k, _)| k == key).map(|(_, span)| *span)
}

/// `source` (the JSON text of a loaded snapshot, whose `items` array is at
/// `array` and holds `items`, the text of each) with `patch` applied, as
/// JSON text; where each patched item now stands in `items`, in the
/// patch's order (`usize::MAX`: nowhere, removed or replaced by a later
/// twin in the patch); and where each item of the new text came from.
/// `holders` puts the positions of the items holding an SKU, in order, in
/// its list (the loaded snapshot's index answers without reading them).
///
/// A shard (`oldest`) is a part of a snapshot: its items replace every
/// item with their SKUs and all come in (a SKU it lists twice stays
/// twice), and its `generatedAt` replaces the snapshot's only when it is
/// older: a catalog assembled from parts is as old as its oldest part, so
/// its staleness is never understated.
pub(crate) fn apply_patch<'a>(
    source: &'a str,
    array: (usize, usize),
    items: Vec<&'a str>,
    holders: &dyn Fn(&str, &mut Vec<usize>),
    patch: &Patch<'a>,
    oldest: bool,
) -> Result<Patched<'a>, SnapshotError> {
    let store = entries(source, ItemsPass::Known(array))
        .ok_or_else(|| SnapshotError::at("", "expected a snapshot object".into()))?;
    let (start, end) = last(&store, "items").ok_or_else(not_items)?;

    // The patch's SKUs, each to where it is last listed in the patch.
    let last_of: HashMap<&str, usize> = patch.items.iter().enumerate().map(|(i, (sku, _))| (sku.as_str(), i)).collect();
    // The source's items, each kept or not and replaced or not; then the patch's items it adds.
    let mut kept = vec![true; items.len()];
    let mut replaced: Vec<Option<usize>> = vec![None; items.len()];
    let mut added: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    let drop_holders = |sku: &str, found: &mut Vec<usize>, kept: &mut Vec<bool>| {
        holders(sku, found);
        found.drain(..).for_each(|at| kept.get_mut(at).into_iter().for_each(|k| *k = false));
    };
    if oldest {
        // A shard: its SKUs replace every item with them, and all its own
        // items come in (a SKU it lists twice stays listed twice, refused
        // as in the whole snapshot; shards that overlap add nothing twice).
        patch.items.iter().for_each(|(sku, _)| drop_holders(sku, &mut found, &mut kept));
        added.extend(0..patch.items.len());
    } else {
        // Each patched SKU's item goes where the last item holding it
        // stands, else it is added; a twin later in the patch takes its
        // place. Where each SKU goes, by where it is last listed: in place
        // of the source's item at `Ok(at)`, or added as `added[k]` at `Err(k)`.
        let mut place: Vec<Option<Result<usize, usize>>> = vec![None; patch.items.len()];
        for (i, (sku, _)) in patch.items.iter().enumerate() {
            let Some(slot) = last_of.get(sku.as_str()).and_then(|&last| place.get_mut(last)) else { continue };
            let target = *slot.get_or_insert_with(|| {
                holders(sku, &mut found);
                let last = found.pop();
                found.clear();
                last.ok_or_else(|| {
                    added.push(i);
                    added.len() - 1
                })
            });
            match target {
                Ok(at) => replaced.get_mut(at).into_iter().for_each(|r| *r = Some(i)),
                Err(k) => added.get_mut(k).into_iter().for_each(|a| *a = i),
            }
        }
    }
    if !patch.remove.is_empty() {
        patch.remove.iter().for_each(|sku| drop_holders(sku, &mut found, &mut kept));
        added.retain(|&i| !patch.items.get(i).is_some_and(|(sku, _)| patch.remove.contains(sku)));
    }

    let mut out = String::with_capacity(source.len() + patch.items.iter().map(|(_, t)| t.len() + 1).sum::<usize>());
    // `generatedAt` before the items or after them (or, if the source had none, first).
    let at = |token: &str| string(token).as_deref().and_then(parse_timestamp);
    let newer = |value: &str| match last(&store, "generatedAt") {
        Some((a, b)) => at(value).zip(source.get(a..b).and_then(at)).is_some_and(|(shard, own)| shard >= own),
        None => false,
    };
    let generated_at = patch.generated_at.filter(|value| !(oldest && newer(value)));
    let generated = generated_at.map(|value| match last(&store, "generatedAt") {
        Some(span) => (span, value.to_owned()),
        None => {
            let open = source.find('{').map_or(0, |i| i + 1);
            ((open, open), format!("\"generatedAt\":{value},"))
        }
    });
    let mut copied = 0;
    let mut splice = |out: &mut String, (a, b): (usize, usize), text: &str| {
        out.push_str(source.get(copied..a).unwrap_or_default());
        out.push_str(text);
        copied = b;
    };
    if let Some((span, value)) = generated.as_ref().filter(|((a, _), _)| *a < start) {
        splice(&mut out, *span, value);
    }
    // The list, written in place, each item's span and origin noted as it goes.
    splice(&mut out, (start, end), "[");
    let list = out.len() - 1;
    let mut layout = Vec::with_capacity(items.len() + added.len());
    let mut placed = vec![usize::MAX; patch.items.len()];
    let from_source = (0..items.len()).filter(|&at| kept.get(at) == Some(&true)).map(|at| {
        match replaced.get(at).copied().flatten() {
            Some(i) => Origin::Brought { patch: i, replaces: Some(at) },
            None => Origin::Kept(at),
        }
    });
    let origins = from_source.chain(added.iter().map(|&i| Origin::Brought { patch: i, replaces: None }));
    for (position, origin) in origins.enumerate() {
        let item = match origin {
            Origin::Kept(at) => items.get(at).copied(),
            Origin::Brought { patch: i, .. } => {
                // Where the patch's item stands, if it is the last with its SKU.
                if patch.items.get(i).is_some_and(|(sku, _)| last_of.get(sku.as_str()) == Some(&i)) {
                    placed.get_mut(i).into_iter().for_each(|p| *p = position);
                }
                patch.items.get(i).map(|(_, item)| *item)
            }
        };
        let item = item.unwrap_or_default();
        if position > 0 {
            out.push(',');
        }
        layout.push((out.len(), out.len() + item.len(), origin));
        out.push_str(item);
    }
    out.push(']');
    let array = (list, out.len());
    if let Some((span, value)) = generated.as_ref().filter(|((a, _), _)| *a > start) {
        splice(&mut out, *span, value);
    }
    out.push_str(source.get(copied..).unwrap_or_default());
    Ok(Patched { text: out, placed, layout, generated_at, array })
}

fn not_items() -> SnapshotError {
    SnapshotError::at("items", "expected an array of items".into())
}

/// Where an item of a patched snapshot came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The source's item at this position.
    Kept(usize),
    /// The patch's item at position `patch`, in place of the source's item
    /// at `replaces` (`None`: added).
    Brought { patch: usize, replaces: Option<usize> },
}

/// A patched snapshot's text, and what [`apply_patch`] says of it.
pub(crate) struct Patched<'a> {
    pub(crate) text: String,
    /// Where each of the patch's items stands in the new `items` (see [`apply_patch`]).
    pub(crate) placed: Vec<usize>,
    /// Each item's span in `text`, and where it came from, in order.
    pub(crate) layout: Vec<(usize, usize, Origin)>,
    /// The `generatedAt` value (JSON text) the patch wrote, if it wrote one.
    pub(crate) generated_at: Option<&'a str>,
    /// Where the `items` array is in `text`.
    pub(crate) array: (usize, usize),
}

/// The string a JSON string token holds.
fn string(token: &str) -> Option<String> {
    match parse_json(token).ok()? {
        Json::String(text) => Some(text),
        _ => None,
    }
}

/// Diagnostics of the patched items, with paths into the patch:
/// `diagnostics` are the patched snapshot's, `placed` where each of the
/// patch's items stands in it (from [`apply_patch`]).
pub(crate) fn patch_problems(diagnostics: &[Diagnostic], placed: &[usize]) -> Vec<Diagnostic> {
    // The patch's index of the item at each position (usize::MAX: not patched).
    let positions = placed.iter().filter(|&&at| at != usize::MAX).max().map_or(0, |&at| at + 1);
    let mut patch_index = vec![usize::MAX; positions];
    for (i, &at) in placed.iter().enumerate() {
        if let Some(slot) = patch_index.get_mut(at) {
            *slot = i;
        }
    }
    let into_patch = |d: &Diagnostic| {
        let (position, rest) = d.path.strip_prefix("items[")?.split_once(']')?;
        let i = *patch_index.get(position.parse::<usize>().ok()?)?;
        (i != usize::MAX).then(|| Diagnostic { path: format!("items[{i}]{rest}"), ..d.clone() })
    };
    diagnostics.iter().filter_map(into_patch).collect()
}

/// An item's span in its text and its SKU (its last `sku` key), when that is a string.
type ItemSpan = (usize, usize, Option<String>);

/// What [`entries`] does with an `items` array.
enum ItemsPass<'a> {
    /// Puts the span and SKU of each of its elements here (`None` when the
    /// last `items` is no array).
    Read(&'a mut Option<Vec<ItemSpan>>),
    /// Steps over the array found at this span, unread (a loaded snapshot's).
    Known((usize, usize)),
}

/// An object's entries in JSON text: each key (unescaped) and its value's
/// byte span; `None` when the text is not an object. The `items` array is
/// read in the same pass, or stepped over where it is known (see [`ItemsPass`]).
fn entries(text: &str, mut items: ItemsPass) -> Option<Vec<(String, (usize, usize))>> {
    let mut parser = Parser::new(text);
    let mut entries = Vec::new();
    (parser.peek() == Some(b'{')).then_some(())?;
    parser
        .object(|parser, key| {
            let start = parser.value_start();
            let read = match &mut items {
                ItemsPass::Read(read) => Some(&mut **read),
                ItemsPass::Known(_) => None,
            };
            if let Some(items) = read.filter(|_| key == "items" && parser.peek() == Some(b'[')) {
                let mut spans = Vec::new();
                parser.array(|parser| {
                    let start = parser.value_start();
                    let sku = match parser.value_keeping(&["sku"])?.get("sku") {
                        Some(Json::String(sku)) => Some(sku.clone()),
                        _ => None,
                    };
                    spans.push((start, parser.position(), sku));
                    Ok(())
                })?;
                *items = Some(spans);
            } else {
                match &mut items {
                    ItemsPass::Read(items) if key == "items" => **items = None,
                    // The whole text was read when it was loaded: the array ends where loading found its end.
                    ItemsPass::Known((at, end)) if key == "items" && *at == start => parser.rewind(*end),
                    _ => {}
                }
                if parser.position() == start {
                    parser.skip()?;
                }
            }
            entries.push((key.into_owned(), (start, parser.position())));
            Ok(())
        })
        .ok()?;
    Some(entries)
}
