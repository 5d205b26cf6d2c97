// Bounded memory for a page left open for hours: decisions are plain
// objects (nothing to free), and reloading the snapshot — by update() or by
// dropping old catalogs — does not grow the wasm heap or the JS heap.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Catalog } from "storefront-availability";
import { initSync } from "./node_modules/storefront-availability/pkg/storefront_availability_server.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");
const snapshot = readFileSync(new URL("sample-snapshot.json", import.meta.url), "utf8");
const now = "2026-11-23T15:00:00Z";
const MB = 1 << 20;

/** Wasm linear memory (it only ever grows) and the JS heap after a full GC. */
async function usage() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve)); // lets FinalizationRegistry run
  }
  return { wasm: initSync().memory.buffer.byteLength, heap: process.memoryUsage().heapUsed };
}

test("1,000,000 decisions keep memory bounded", async () => {
  const catalog = Catalog.fromJson(snapshot);
  const skus = catalog.skus;
  const options = [{ now }, { now, quantity: 3, locale: "de-DE" }, { now, channel: "ebay", locale: "ja-JP" }];
  for (let i = 0; i < 20_000; i++) catalog.decide(skus[i % skus.length], options[i % 3]);
  const warm = await usage();
  let answered = 0;
  for (let i = 0; i < 1_000_000; i++) answered += catalog.decide(skus[i % skus.length], options[i % 3]).sku === skus[i % skus.length];
  const after = await usage();
  assert.equal(answered, 1_000_000);
  assert.equal(after.wasm, warm.wasm, `wasm memory grew from ${warm.wasm / MB} MB to ${after.wasm / MB} MB`);
  assert.ok(after.heap - warm.heap < 4 * MB, `JS heap grew by ${((after.heap - warm.heap) / MB).toFixed(1)} MB`);
});

test("1,000 snapshot reloads keep memory bounded, by update() or by dropping catalogs", async () => {
  const catalog = Catalog.fromJson(snapshot);
  for (let i = 0; i < 50; i++) {
    catalog.update(snapshot);
    Catalog.fromJson(snapshot).decide("TEE-S", { now });
  }
  const warm = await usage();
  for (let i = 0; i < 1_000; i++) {
    catalog.update(i % 2 ? snapshot : { items: [{ sku: "TEE-S", onHand: i }] });
    Catalog.fromJson(snapshot).decide("TEE-S", { now }); // dropped: freed by the FinalizationRegistry
    if (i % 100 === 99) await usage();
  }
  const after = await usage();
  assert.equal(catalog.decide("TEE-S", { now }).reason, "in_stock");
  assert.ok(after.wasm - warm.wasm <= 1 * MB, `wasm memory grew from ${warm.wasm / MB} MB to ${after.wasm / MB} MB`);
  assert.ok(after.heap - warm.heap < 4 * MB, `JS heap grew by ${((after.heap - warm.heap) / MB).toFixed(1)} MB`);
});
