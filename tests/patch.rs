#![cfg(not(target_arch = "wasm32"))]
//! Patches applied by the core (docs/rules.md §1, "Updates"): items
//! replaced by SKU where they stand, new ones appended, `remove` taken
//! out, `generatedAt` replaced; a bad patch, or a bad item in it, changes
//! nothing and names its path in the patch.

use proptest::prelude::*;
use serde_json::{json, Value};
use storefront_availability::{Catalog, Request, UpdateError};

const SOURCE: &str = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "vendorNote": { "keep": [1, "two", {"3": null}] },
  "items": [ { "sku": "A", "onHand": 1, "x-custom": "ünï\"cøde" }, {"s\u006bu":"B","onHand":2}, { "sku": "C", "onHand": 3 } ] }"#;

fn patched(patch: Value) -> Result<(Catalog, String), UpdateError> {
    Catalog::patched(SOURCE, &patch.to_string())
}

fn skus(text: &str) -> Vec<String> {
    let snapshot: Value = serde_json::from_str(text).unwrap();
    snapshot["items"].as_array().unwrap().iter().map(|i| i["sku"].as_str().unwrap_or("?").to_owned()).collect()
}

fn on_hand(catalog: &Catalog, sku: &str) -> u64 {
    let now = "2026-11-23T09:00:00Z".parse().unwrap();
    catalog.decide(sku, &Request::at(now)).unwrap().max_quantity
}

#[test]
fn items_are_replaced_where_they_stand_appended_when_new_and_removed() {
    let (catalog, text) =
        patched(json!({ "items": [{ "sku": "B", "onHand": 7 }, { "sku": "D", "onHand": 4 }], "remove": ["A"] }))
            .unwrap();
    assert_eq!(skus(&text), ["B", "C", "D"]);
    assert_eq!((on_hand(&catalog, "B"), on_hand(&catalog, "C"), on_hand(&catalog, "D")), (7, 3, 4));
    assert_eq!(
        catalog.decide("A", &Request::at("2026-11-23T09:00:00Z".parse().unwrap())).unwrap().reason.code(),
        "unknown_sku"
    );
}

#[test]
fn what_the_patch_does_not_touch_is_kept_byte_for_byte() {
    let (_, text) = patched(json!({ "items": [{ "sku": "C", "onHand": 0 }] })).unwrap();
    assert!(text.contains(r#""vendorNote": { "keep": [1, "two", {"3": null}] }"#), "{text}");
    assert!(text.contains(r#"{ "sku": "A", "onHand": 1, "x-custom": "ünï\"cøde" }"#), "{text}");
    assert!(text.contains(r#"{"s\u006bu":"B","onHand":2}"#), "an escaped key is still the SKU: {text}");
    assert!(text.contains(r#"{"onHand":0,"sku":"C"}"#) || text.contains(r#"{"sku":"C","onHand":0}"#), "{text}");
}

#[test]
fn generated_at_is_replaced() {
    let (catalog, text) = patched(json!({ "items": [], "generatedAt": "2026-11-23T09:30:00Z" })).unwrap();
    assert_eq!(catalog.generated_at().to_rfc3339(), "2026-11-23T09:30:00+00:00");
    assert_eq!(text.matches("generatedAt").count(), 1);
}

#[test]
fn a_bad_item_refuses_the_patch_with_its_path_in_the_patch() {
    let patch = json!({ "items": [{ "sku": "D", "onHand": 1 }, { "sku": "A", "onHand": "many" }] });
    let UpdateError::Patch(problems) = patched(patch).err().unwrap() else { panic!("an update error") };
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].path.as_str(), problems[0].sku.as_deref()), ("items[1].onHand", Some("A")));
}

#[test]
fn a_sku_patched_twice_is_the_last_one_and_its_problem_is_named_there() {
    let patch = json!({ "items": [{ "sku": "A", "onHand": 5 }, { "sku": "A", "onHand": "many" }] });
    let UpdateError::Patch(problems) = patched(patch).err().unwrap() else { panic!("an update error") };
    assert_eq!(problems.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(), ["items[1].onHand"]);
    let (catalog, text) =
        patched(json!({ "items": [{ "sku": "A", "onHand": "many" }, { "sku": "A", "onHand": 5 }] })).unwrap();
    assert_eq!((skus(&text), on_hand(&catalog, "A")), (vec!["A".into(), "B".into(), "C".into()], 5));
}

#[test]
fn a_patch_is_judged_by_its_own_items_in_the_order_a_load_lists_them() {
    // The source already holds a bad item (not the patch's problem); the
    // patch brings a kit of a missing component and a bad count: both are
    // named, fields before stock, as `diagnostics` lists them, with paths
    // into the patch. Only the patch's items are read to judge it.
    let source = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z",
      "items": [{ "sku": "OLD", "onHand": "lots" }, { "sku": "A", "onHand": 1 }] }"#;
    let patch =
        json!({ "items": [{ "sku": "KIT", "components": [{ "sku": "GONE" }] }, { "sku": "A", "onHand": -0.5 }] });
    let UpdateError::Patch(problems) = Catalog::patched(source, &patch.to_string()).err().unwrap() else {
        panic!("an update error")
    };
    let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["items[1].onHand", "items[0].components[0].sku"]);
    let (catalog, _) = Catalog::patched(source, r#"{ "items": [{ "sku": "A", "onHand": 2 }] }"#).unwrap();
    assert_eq!(on_hand(&catalog, "A"), 2);
    let listed: Vec<_> = catalog.diagnostics().iter().map(|d| d.path.as_str()).collect();
    assert_eq!(listed, ["items[0].onHand"], "the old bad item is still listed, and refuses nothing");
}

#[test]
fn a_patch_that_is_none_is_refused_with_every_path() {
    let paths = |patch: Value| match patched(patch).err().unwrap() {
        UpdateError::Patch(problems) => problems.into_iter().map(|p| p.path).collect::<Vec<_>>(),
        other => panic!("{other}"),
    };
    assert_eq!(paths(json!({ "remove": ["A"] })), ["items"]);
    assert_eq!(
        paths(json!({ "items": [{ "onHand": 1 }, { "sku": "" }], "remove": "A" })),
        ["items[0].sku", "items[1].sku", "remove"]
    );
    assert_eq!(paths(json!({ "items": [], "remove": ["A", 3] })), ["remove[1]"]);
    assert!(Catalog::patched(SOURCE, "{ not json").is_err());
    // A generatedAt that is no timestamp refuses the snapshot it would make.
    assert!(matches!(patched(json!({ "items": [], "generatedAt": "yesterday" })), Err(UpdateError::Snapshot(_))));
}

/// The patch as the rules define it, on parsed values.
fn expected(source: &Value, patch: &Value) -> Value {
    let mut out = source.clone();
    let items = out["items"].as_array_mut().unwrap();
    for item in patch["items"].as_array().unwrap() {
        match items.iter().position(|i| i["sku"] == item["sku"]) {
            Some(at) => items[at] = item.clone(),
            None => items.push(item.clone()),
        }
    }
    let remove = patch.get("remove").and_then(Value::as_array).cloned().unwrap_or_default();
    items.retain(|i| !remove.contains(&i["sku"]));
    if let Some(at) = patch.get("generatedAt") {
        out["generatedAt"] = at.clone();
    }
    out
}

fn item() -> impl Strategy<Value = Value> {
    (0..6u8, 0..50u64, any::<bool>()).prop_map(|(sku, on_hand, extra)| match extra {
        true => json!({ "sku": format!("S{sku}"), "onHand": on_hand, "note": { "x": [sku, "y\"z"] } }),
        false => json!({ "onHand": on_hand, "sku": format!("S{sku}") }),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Any patch on any snapshot gives what the rules say, whatever the
    /// spacing of the source text (compact or pretty).
    #[test]
    fn a_patch_gives_what_the_rules_say(
        // Distinct SKUs in the source (duplicates are invalid items, not a patch question).
        source in prop::collection::btree_map(0..6u8, item(), 0..6),
        patch in prop::collection::vec(item(), 0..5),
        remove in prop::collection::vec(0..7u8, 0..3),
        pretty in any::<bool>(),
        at in prop::option::of(Just("2026-11-23T09:00:00Z")),
    ) {
        let items: Vec<Value> = source.into_iter().map(|(k, mut v)| { v["sku"] = json!(format!("S{k}")); v }).collect();
        let source = json!({ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": items });
        let mut patch = json!({ "items": patch, "remove": remove.iter().map(|n| format!("S{n}")).collect::<Vec<_>>() });
        if let Some(at) = at {
            patch["generatedAt"] = json!(at);
        }
        let text = if pretty { serde_json::to_string_pretty(&source).unwrap() } else { source.to_string() };
        let (_, out) = Catalog::patched(&text, &patch.to_string()).unwrap();
        let out: Value = serde_json::from_str(&out).unwrap();
        prop_assert_eq!(out, expected(&source, &patch));
    }
}

/// A shard is a part of a snapshot: its SKUs replace the catalog's, all its
/// items come in (a SKU it lists twice stays refused), adding an
/// overlapping shard twice changes nothing, a bad item fails alone, and
/// the catalog is as old as its oldest part.
#[test]
fn a_shard_joins_as_a_part_of_the_snapshot() {
    let zones = storefront_availability::IanaZones;
    let index = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [] }"#;
    let shard = json!({ "generatedAt": "2026-11-23T07:00:00Z", "items": [
        { "sku": "TWIN", "onHand": 5 }, { "sku": "TWIN", "onHand": 9 }, { "sku": "PART", "onHand": 4 }, { "sku": "BAD", "onHand": "x" }
    ] })
    .to_string();
    let other = json!({ "generatedAt": "2026-11-23T09:00:00Z", "items": [{ "sku": "PART", "onHand": 4 }, { "sku": "KIT", "components": [{ "sku": "PART", "quantity": 2 }] }] }).to_string();
    let (_, text) = Catalog::with_shard_with(index, &shard, &zones).unwrap();
    let (_, text) = Catalog::with_shard_with(&text, &other, &zones).unwrap();
    let (catalog, text) = Catalog::with_shard_with(&text, &shard, &zones).unwrap();
    assert_eq!(skus(&text), ["KIT", "TWIN", "TWIN", "PART", "BAD"]);
    let now = "2026-11-23T09:30:00Z".parse().unwrap();
    let reason = |sku: &str| catalog.decide(sku, &Request::at(now)).unwrap().reason.code();
    assert_eq!((reason("TWIN"), reason("BAD"), reason("PART")), ("invalid_item", "invalid_item", "in_stock"));
    assert_eq!(catalog.decide("KIT", &Request::at(now)).unwrap().max_quantity, 2);
    assert_eq!(catalog.generated_at().to_rfc3339(), "2026-11-23T07:00:00+00:00");
}

/// The text a catalog keeps is the text it loaded: half a character (a
/// lone surrogate escape, read as U+FFFD) stays in it, and a patch of
/// another item still applies, leaving it as written.
#[test]
fn a_snapshot_holding_half_a_character_can_still_be_patched() {
    let source = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [ { "sku": "A", "title": "Mug \ud83d", "onHand": 1 }, { "sku": "B", "onHand": 2 } ] }"#;
    let (catalog, text) = Catalog::patched(source, r#"{ "items": [{ "sku": "B", "onHand": 5 }] }"#).unwrap();
    assert!(text.contains(r#""title": "Mug \ud83d""#), "{text}");
    assert_eq!((on_hand(&catalog, "A"), on_hand(&catalog, "B")), (1, 5));
}

/// Where `items` stands among the store's keys does not matter.
#[test]
fn items_before_the_other_store_keys_are_patched_alike() {
    let source = r#"{ "items": [ { "sku": "A", "onHand": 1 } ], "version": 1, "generatedAt": "2026-11-23T08:00:00Z" }"#;
    let (catalog, text) = Catalog::patched(source, r#"{ "items": [{ "sku": "A", "onHand": 4 }] }"#).unwrap();
    assert_eq!(skus(&text), ["A"]);
    assert_eq!(on_hand(&catalog, "A"), 4);
}

/// A store whose items go through every way an item's place and reading
/// can go: SKUs twice, kits of other items, bad items, product ids, an SKU
/// and a key written with escapes, an item that is no object.
fn store_item() -> impl Strategy<Value = Value> {
    (0..8u8, 0..6u8, 0..40i64).prop_map(|(sku, kind, n)| {
        let sku = format!("S{sku}");
        match kind {
            0 => json!({ "sku": sku, "onHand": n, "productId": format!("P{}", n % 3) }),
            1 => json!({ "sku": sku, "components": [{ "sku": format!("S{}", n % 8), "quantity": 1 + n % 3 }] }),
            2 => json!({ "sku": sku, "onHand": "many" }),
            3 => json!({ "productId": "P\"1", "sku": format!("{sku}é"), "onHand": n, "restock": { "date": "2026-11-30", "quantity": n, "confirmed": true } }),
            4 => json!({ "sku": sku, "onHand": n, "preorder": { "limit": n, "shipDate": "2026-12-20" }, "lifecycle": "unreleased" }),
            _ if n % 7 == 0 => json!(n),
            _ => json!({ "onHand": n - 5, "sku": sku, "note": ["a", { "b": null }] }),
        }
    })
}

/// Everything the catalog answers, in one comparable text.
fn answers(catalog: &Catalog) -> String {
    let now = "2026-11-23T15:00:00Z".parse().unwrap();
    let snapshot = catalog.snapshot();
    let keys: Vec<_> = (0..snapshot.item_count()).map(|i| (snapshot.sku_at(i), snapshot.product_key_at(i))).collect();
    format!(
        "{}\n{:?}\n{:?}\n{}",
        serde_json::to_string(&catalog.decide_all(&Request::at(now)).unwrap()).unwrap(),
        catalog.diagnostics(),
        keys,
        catalog.generated_at()
    )
}

/// A shard as the rules define it, on parsed values: its SKUs replace
/// every item with them, all its items come in, and its `generatedAt`
/// counts only when it is older.
fn expected_with_shard(source: &Value, shard: &Value) -> Value {
    let mut out = source.clone();
    let brought = shard["items"].as_array().unwrap();
    let items = out["items"].as_array_mut().unwrap();
    items.retain(|i| !brought.iter().any(|b| b["sku"] == i["sku"]));
    items.extend(brought.iter().cloned());
    let at = |v: &Value| v.as_str().map(|s| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap());
    if let Some(older) = shard.get("generatedAt").filter(|g| at(g) < at(&source["generatedAt"])) {
        out["generatedAt"] = older.clone();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Patching a catalog in place (only the items a patch brings are
    /// read) through a run of patches and shards gives the text the rules
    /// say and answers exactly as a fresh load of that text: the same
    /// decisions, problems, SKUs, products and age. A patch is refused,
    /// the catalog unchanged, exactly when an item it brings is invalid.
    #[test]
    fn a_patch_in_place_answers_as_a_load_of_its_text(
        source in prop::collection::vec(store_item(), 0..8),
        items_first in any::<bool>(),
        pretty in any::<bool>(),
        patches in prop::collection::vec((
            prop::collection::vec(store_item(), 0..4),
            prop::collection::vec(0..9u8, 0..3),
            prop::option::of(prop::sample::select(vec!["2026-11-23T07:00:00Z", "2026-11-23T09:00:00Z", "2026-11-23T11:00:00Z"])),
            any::<bool>(),
        ), 1..4),
    ) {
        let store = r#""version": 1, "generatedAt": "2026-11-23T08:00:00Z", "timeZone": "America/New_York""#;
        let items = if pretty { serde_json::to_string_pretty(&source).unwrap() } else { Value::from(source).to_string() };
        let text = match items_first {
            true => format!(r#"{{ "items": {items}, {store} }}"#),
            false => format!(r#"{{{store},"items":{items}}}"#),
        };
        let mut catalog = Catalog::from_json(&text).unwrap();
        let mut value: Value = serde_json::from_str(&text).unwrap();
        for (items, remove, at, shard) in patches {
            // Patch items need their SKU; a store item without one gets a fresh one.
            let items: Vec<Value> = items.into_iter().enumerate().map(|(i, item)| match item.get("sku") {
                Some(_) => item,
                None => json!({ "sku": format!("N{i}"), "onHand": item }),
            }).collect();
            let mut patch = json!({ "items": items });
            if !shard {
                patch["remove"] = json!(remove.iter().map(|n| format!("S{n}")).collect::<Vec<_>>());
            }
            if let Some(at) = at {
                patch["generatedAt"] = json!(at);
            }
            let expected = match shard {
                true => expected_with_shard(&value, &patch),
                false => expected(&value, &patch),
            };
            // Refused when an item the patch brings (the last with its SKU, still there) is invalid; a shard's bad items fail alone.
            let loaded = Catalog::from_json(&expected.to_string()).unwrap();
            let now = "2026-11-23T15:00:00Z".parse().unwrap();
            let invalid = |item: &Value| loaded.decide(item["sku"].as_str().unwrap(), &Request::at(now)).unwrap().reason.code() == "invalid_item";
            let refused = !shard && expected["items"].as_array().unwrap().iter().any(|i| patch["items"].as_array().unwrap().contains(i) && invalid(i));
            let before = answers(&catalog);
            match catalog.patch(&patch.to_string(), shard) {
                Ok(Some(text)) => {
                    prop_assert!(!refused, "a patch bringing an invalid item was taken");
                    let text = text.to_owned();
                    prop_assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), expected.clone());
                    prop_assert_eq!(answers(&catalog), answers(&Catalog::from_json(&text).unwrap()));
                    value = expected;
                }
                Ok(None) => prop_assert!(false, "left to a reload"),
                Err(e) => {
                    prop_assert!(refused, "refused: {}", e);
                    prop_assert_eq!(answers(&catalog), before);
                }
            }
        }
    }
}

/// Where the in-place patch cannot be sure, it says so and changes
/// nothing: a text whose half characters were replaced (a reload reports
/// them again), a `generatedAt` a load refuses (the reload names it).
#[test]
fn a_patch_in_place_leaves_to_a_reload_what_only_a_reload_can_say() {
    let halves = r#"{ "version": 1, "generatedAt": "2026-11-23T08:00:00Z", "items": [ { "sku": "A", "title": "Mug \ud83d", "onHand": 1 } ] }"#;
    let mut catalog = Catalog::from_json(halves).unwrap();
    assert_eq!(catalog.patch(r#"{ "items": [{ "sku": "A", "onHand": 5 }] }"#, false).unwrap(), None);
    assert_eq!(on_hand(&catalog, "A"), 1);
    let mut catalog = Catalog::from_json(SOURCE).unwrap();
    assert_eq!(catalog.patch(r#"{ "items": [], "generatedAt": "yesterday" }"#, false).unwrap(), None);
    // Half a character in the patch refuses it, as the reload does.
    let half = r#"{ "items": [{ "sku": "A", "title": "\udc00" }] }"#;
    assert_eq!(
        catalog.patch(half, false).unwrap_err().to_string(),
        Catalog::patched(SOURCE, half).err().unwrap().to_string()
    );
    assert_eq!(catalog.generated_at().to_rfc3339(), "2026-11-23T08:00:00+00:00");
    assert!(catalog.patch(r#"{ "items": [{ "sku": "A", "onHand": 2 }] }"#, false).unwrap().is_some());
    assert_eq!(on_hand(&catalog, "A"), 2);
}
