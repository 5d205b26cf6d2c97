// The bench's plain-JavaScript comparison (bench/plain.mjs, and the plain
// build of the demo pages in bench/plain-package.mjs) must answer exactly
// as the package does, or its timings compare different work: every
// decision, every product roll-up (one at a time and all at once), on the
// demo's snapshot and on generated catalogs with products of one to seven
// variants, some not next to each other.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog } from "storefront-availability";
import { Catalog as PlainBuild } from "../../bench/plain-package.mjs";
import { NOW, snapshot } from "../../bench/generate.mjs";
import { root } from "../../scripts/serve.mjs";

const generated = (seed) => {
  const s = snapshot(3000, seed);
  s.items.forEach((item, i) => (item.productId = `P${Math.floor(i / ((i % 7) + 1))}`));
  return JSON.stringify(s);
};
const cases = {
  "the demo storefront": readFileSync(`${root}/www/storefront-snapshot.json`, "utf8"),
  "generated, seed 1": generated(1),
  "generated, seed 2": generated(2),
};
// The demo's clock, a Friday evening past the cutoff, a stale snapshot.
const moments = [NOW, "2026-11-27T23:00:00Z", "2026-11-25T13:00:00Z"];

for (const [name, text] of Object.entries(cases)) {
  test(`the plain build decides as the package does: ${name}`, () => {
    const ours = Catalog.fromJson(text);
    const plain = PlainBuild.fromJson(text);
    const keys = new Set();
    for (const now of moments) {
      const options = { now, locale: "en-US" };
      assert.deepEqual(plain.decideAll(options), ours.decideAll(options), `decideAll at ${now}`);
      const products = ours.decideProducts(options);
      assert.deepEqual(plain.decideProducts(options), products, `decideProducts at ${now}`);
      for (const product of products) {
        assert.deepEqual(plain.decideProduct(product.productId, options), product);
        keys.add(product.message.key);
      }
    }
    // Every kind of roll-up shows up in the generated catalogs, or this compares too little.
    const kinds = ["product.some_backorder", "product.some_preorder", "product.some_sold_out", "badge.in_stock", "badge.backorder", "out_of_stock_notify"];
    for (const key of name.startsWith("generated") ? kinds : ["product.some_backorder", "badge.in_stock"]) assert.ok(keys.has(key), `${key} among ${[...keys]}`);
  });
}

test("the plain build applies a patch as the package does", () => {
  const text = cases["the demo storefront"];
  const ours = Catalog.fromJson(text);
  const plain = PlainBuild.fromJson(text);
  const items = JSON.parse(text).items.slice(0, 5).map((item, i) => ({ ...item, onHand: i }));
  let told = 0;
  plain.addEventListener("update", () => told++);
  ours.update({ items });
  plain.update({ items });
  assert.equal(told, 1);
  assert.deepEqual(plain.decideProducts({ now: NOW }), ours.decideProducts({ now: NOW, locale: "en-US" }));
});
