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
    let entries = entries(text, &mut texts).unwrap_or_default();
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

/// `source` (snapshot JSON text, as a catalog loaded it) with `patch`
/// applied, as JSON text; and where each patched item now stands in
/// `items`, in the patch's order (`usize::MAX`: nowhere, removed or
/// replaced by a later twin in the patch). A source that is not a
/// snapshot object with an `items` array is refused as the snapshot it is.
///
/// A shard (`oldest`) is a part of a snapshot: its items replace every
/// item with their SKUs and all come in (a SKU it lists twice stays
/// twice), and its `generatedAt` replaces the snapshot's only when it is
/// older: a catalog assembled from parts is as old as its oldest part, so
/// its staleness is never understated.
pub(crate) fn apply_patch(source: &str, patch: &Patch, oldest: bool) -> Result<(String, Vec<usize>), SnapshotError> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut old = None;
    let store = entries(source, &mut old).ok_or_else(|| SnapshotError::at("", "expected a snapshot object".into()))?;
    let not_items = || SnapshotError::at("items", "expected an array of items".into());
    let (start, end) = last(&store, "items").ok_or_else(not_items)?;
    let old = old.ok_or_else(not_items)?;
    let mut items: Vec<(Option<String>, &str)> =
        old.into_iter().map(|(a, b, sku)| (sku, source.get(a..b).unwrap_or_default())).collect();

    // The patch's SKUs, each to where it is last listed in the patch: the
    // items are looked up in it, one map of the patch's few SKUs where two
    // copies of the catalog's thousands were built for every patch.
    let last_of: HashMap<String, usize> =
        patch.items.iter().enumerate().map(|(i, (sku, _))| (sku.clone(), i)).collect();
    // Where the last item with each patched SKU stands, by the SKU's `last_of`.
    let positions = |items: &[(Option<String>, &str)]| {
        let mut at = vec![None; patch.items.len()];
        for (position, (sku, _)) in items.iter().enumerate() {
            if let Some(slot) = sku.as_deref().and_then(|sku| last_of.get(sku)).and_then(|&i| at.get_mut(i)) {
                *slot = Some(position);
            }
        }
        at
    };
    if oldest {
        // A shard: its SKUs replace every item with them, and all its own
        // items come in (a SKU it lists twice stays listed twice, refused
        // as in the whole snapshot; shards that overlap add nothing twice).
        items.retain(|(sku, _)| !sku.as_ref().is_some_and(|sku| last_of.contains_key(sku)));
        items.extend(patch.items.iter().map(|(sku, item)| (Some(sku.clone()), *item)));
    } else {
        let mut at = positions(&items);
        for (sku, item) in &patch.items {
            let Some(&i) = last_of.get(sku) else { continue };
            match at.get(i).copied().flatten() {
                Some(position) => {
                    if let Some(slot) = items.get_mut(position) {
                        slot.1 = item;
                    }
                }
                None => {
                    if let Some(slot) = at.get_mut(i) {
                        *slot = Some(items.len());
                    }
                    items.push((Some(sku.clone()), item));
                }
            }
        }
    }
    if !patch.remove.is_empty() {
        let remove: HashMap<String, usize> = patch.remove.iter().map(|sku| (sku.clone(), 0)).collect();
        items.retain(|(sku, _)| !sku.as_ref().is_some_and(|sku| remove.contains_key(sku)));
    }
    let now_at = positions(&items);
    let placed = patch.items.iter().enumerate().map(|(i, (sku, _))| match last_of.get(sku) == Some(&i) {
        true => now_at.get(i).copied().flatten().unwrap_or(usize::MAX),
        false => usize::MAX,
    });
    let placed = placed.collect();

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
    let mut list = String::from("[");
    for (i, (_, item)) in items.iter().enumerate() {
        if i > 0 {
            list.push(',');
        }
        list.push_str(item);
    }
    list.push(']');
    splice(&mut out, (start, end), &list);
    if let Some((span, value)) = generated.as_ref().filter(|((a, _), _)| *a > start) {
        splice(&mut out, *span, value);
    }
    out.push_str(source.get(copied..).unwrap_or_default());
    Ok((out, placed))
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

/// An object's entries in JSON text: each key (unescaped) and its value's
/// byte span; `None` when the text is not an object. In the same pass, the
/// spans and SKUs of the elements of its (last) `items` go to `items` when
/// that is an array (`None` when it is not one): one pass over a 10k-item
/// snapshot where a second one read each item again for its SKU.
fn entries(text: &str, items: &mut Option<Vec<ItemSpan>>) -> Option<Vec<(String, (usize, usize))>> {
    let mut parser = Parser::new(text);
    let mut entries = Vec::new();
    (parser.peek() == Some(b'{')).then_some(())?;
    parser
        .object(|parser, key| {
            let start = parser.value_start();
            if key == "items" && parser.peek() == Some(b'[') {
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
                if key == "items" {
                    *items = None;
                }
                parser.skip()?;
            }
            entries.push((key.into_owned(), (start, parser.position())));
            Ok(())
        })
        .ok()?;
    Some(entries)
}
