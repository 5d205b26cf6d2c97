// The importers on hostile platform data (issue 20): ids named __proto__,
// numbers in other notations and names cut inside an emoji. Each case is a
// mutation of a platform fixture; renaming an id must change no decision.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog } from "storefront-availability";
import { importSnapshot, platforms } from "storefront-availability/import";

const generatedAt = "2026-11-23T08:00:00Z";
const now = "2026-11-23T10:00:00Z";
const text = (platform) => readFileSync(new URL(`platforms/${platform}.json`, import.meta.url), "utf8");

/** Every SKU's decision on every channel, for comparing two imports. */
function decisions(snapshot) {
  const catalog = new Catalog(snapshot);
  return catalog.skus.flatMap((sku) => ["dtc", "amazon", "ebay"].map((channel) => {
    const d = catalog.decide(sku, { now, channel });
    return [sku, channel, d.policy, d.reason, d.maxQuantity];
  }));
}

/** One id of each platform's fixture that keys stock (a location, source or warehouse), or a SKU. */
const ids = {
  shopify: "gid://shopify/Location/1",
  magento: "eu-1",
  saleor: "V2FyZWhvdXNlOjE=",
  medusa: "sloc_01JBERLIN",
  woocommerce: "MUG",
  solidus: "TOTE-RED",
};

for (const platform of platforms) {
  test(`${platform}: an id named __proto__ is an ordinary id: no pollution, no stock lost, no abort`, () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype);
    const original = importSnapshot(platform, JSON.parse(text(platform)), { generatedAt });
    const renamed = importSnapshot(platform, JSON.parse(text(platform).replaceAll(`"${ids[platform]}"`, '"__proto__"')), { generatedAt });
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), protoKeys);
    assert.equal({}.channels, undefined);
    const rename = (rows) => rows.map(([sku, ...rest]) => [sku === ids[platform] ? "__proto__" : sku, ...rest]);
    assert.deepEqual(decisions(renamed.snapshot), rename(decisions(original.snapshot)));
  });

  test(`${platform}: a name cut inside an emoji is made well-formed with a diagnostic; every item still sells`, () => {
    const mutated = text(platform).replace(/"(name|title)": "/, '"$1": "Half \\ud83d ');
    assert.notEqual(mutated, text(platform), "the fixture has a name or title");
    const original = importSnapshot(platform, JSON.parse(text(platform)), { generatedAt });
    const result = importSnapshot(platform, JSON.parse(mutated), { generatedAt });
    assert.equal(JSON.stringify(result.snapshot).includes("\\ud83d"), false, "no lone surrogate reaches the engine");
    const catalog = new Catalog(result.snapshot);
    assert.deepEqual(catalog.diagnostics.filter((d) => d.code === "invalid_text"), []);
    assert.deepEqual(decisions(result.snapshot), decisions(original.snapshot));
    // Each variant whose title holds the name is reported, at its path in the snapshot.
    const reported = result.diagnostics.filter((d) => d.code === "invalid_text");
    const fixed = result.snapshot.items.filter((item) => item.title?.includes("Half \ufffd"));
    assert.deepEqual(reported.map((d) => d.sku), fixed.map((item) => item.sku));
    for (const d of reported) assert.match(d.path, /^items\[\d+\]\.title$/);
  });
}

test("numbers in other notations are reported, not read as hex, binary or exponents", () => {
  const cases = [
    ["woocommerce", '"stock_quantity": 5,', '"stock_quantity": "0x10",', "MUG"],
    ["woocommerce", '"stock_quantity": 5,', '"stock_quantity": "0b11",', "MUG"],
    ["woocommerce", '"stock_quantity": 5,', '"stock_quantity": "1e3",', "MUG"],
    ["magento", '"source_code": "eu-1", "quantity": 5,', '"source_code": "eu-1", "quantity": "0x10",', "SKU-1"],
  ];
  const maxOf = (platform, data, sku) => new Catalog(importSnapshot(platform, data, { generatedAt }).snapshot).decide(sku, { now }).maxQuantity;
  for (const [platform, from, to, sku] of cases) {
    assert.ok(text(platform).includes(from), `${platform} fixture has ${from}`);
    const { diagnostics } = importSnapshot(platform, JSON.parse(text(platform).replace(from, to)), { generatedAt });
    const reported = diagnostics.filter((d) => d.code === "invalid_value" && d.sku === sku);
    assert.equal(reported.length, 1, `${platform} ${to}: ${JSON.stringify(diagnostics)}`);
    // Read as the safe default (no units there), exactly as if the platform had said 0.
    const asZero = JSON.parse(text(platform).replace(from, to.replace(/"(0x10|0b11|1e3)"/, "0")));
    assert.equal(maxOf(platform, JSON.parse(text(platform).replace(from, to)), sku), maxOf(platform, asZero, sku), `${platform} ${to}`);
  }
  // Plain decimals written as strings still read.
  const withStock = (value) => JSON.parse(text("woocommerce").replace('"stock_quantity": 5,', `"stock_quantity": ${value},`));
  assert.equal(maxOf("woocommerce", withStock('"7"'), "MUG"), maxOf("woocommerce", withStock("7"), "MUG"));
  assert.ok(maxOf("woocommerce", withStock('" 7 "'), "MUG") > 0);
});
