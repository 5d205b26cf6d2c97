// The malformed-data corpus (tests/malformed/) through the packed package:
// the same refusals and diagnostics, with the same paths, as the native
// crate (tests/malformed.rs); where a snapshot is refused, a catalog that
// tries to update to it keeps answering from its last good snapshot.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog } from "storefront-availability";

const dir = new URL("../../tests/malformed/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", dir), "utf8"));
const now = "2026-11-23T15:00:00Z";

/** The generated cases of tests/malformed.rs, built the same way. */
function generated() {
  const head = '{"version":1,"generatedAt":"2026-11-23T08:00:00Z","timeZone":"America/New_York","items":[';
  const good = '{"sku":"GOOD-A","title":"Stoneware Mug","onHand":12},{"sku":"GOOD-B","title":"Merino Tee","onHand":0,"restock":{"date":"2026-12-01","confirmed":true,"quantity":20}}';
  const many = Array.from({ length: 100_000 }, (_, i) => `{"sku":"BULK-${i}","onHand":${i % 7}}`).join(",");
  return {
    "generated-10mb-title": `${head}${good},{"sku":"LONG-1","onHand":3,"title":"${"x".repeat(10 << 20)}"}]}`,
    "generated-10000-deep": `${head}${good},${"[".repeat(10_000)}${"]".repeat(10_000)}]}`,
    "generated-100000-items": `${head}${good},${many}]}`,
  };
}

const corpus = {
  ...Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json") && f !== "expected.json")
      .map((f) => [f.slice(0, -5), readFileSync(new URL(f, dir), "utf8")]),
  ),
  ...generated(),
};

function outcome(text) {
  let catalog;
  try {
    catalog = Catalog.fromJson(text);
  } catch (e) {
    assert.equal(e.code, "invalid_snapshot");
    assert.equal(e.path, e.problems[0].path);
    return { error: e.problems.map(({ path, message }) => ({ path, message })) };
  }
  const diagnostics = catalog.diagnostics.map(({ code, sku, path, message }) => ({ code, message: message.length > 300 ? `(${message.length} bytes)` : message, path, sku }));
  const items = catalog.decideAll({ now }).length;
  assert.equal(items, catalog.skus.length + catalog.decideAll({ now }).filter((d) => d.sku === "").length);
  return { items, diagnostics };
}

test("the corpus has at least 50 snapshots and expected.json covers each", () => {
  assert.ok(Object.keys(corpus).length >= 50, `${Object.keys(corpus).length} snapshots`);
  assert.deepEqual(Object.keys(corpus).sort(), Object.keys(expected).sort());
});

for (const [name, text] of Object.entries(corpus)) {
  test(`malformed: ${name}`, () => {
    assert.deepEqual(outcome(text), expected[name]);
    const catalog = Catalog.fromJson(corpus["byte-order-mark"]);
    if (expected[name].error) {
      // Refused as an update too: nothing changes, the old snapshot answers.
      assert.throws(() => catalog.update(text), (e) => e.code === "invalid_snapshot");
    } else {
      catalog.update(text);
    }
    const a = catalog.decide("GOOD-A", { now });
    const b = catalog.decide("GOOD-B", { now });
    if (name !== "sku-duplicate") assert.equal(a.reason, "in_stock");
    assert.deepEqual([b.reason, b.shipDate], ["backorder", "2026-12-02"]);
  });
}
