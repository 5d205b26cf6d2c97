// The edge example (examples/edge/worker.js) in workerd itself — Cloudflare's
// open-source Workers runtime from npm, on 127.0.0.1 — not a mock of it:
// its HTML holds the decision Node makes from the whole snapshot, for the
// shopper's language and channel; its caching ends when the answer could
// change; it reloads when the snapshot's generatedAt changes; and a stale
// shard gets the same answer at the edge as in the browser's loader.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Catalog } from "../../pkg/node.js";
import { shownText } from "../../pkg/elements.js";
import { shardInto, startEdge } from "../../scripts/edge.mjs";

const demo = JSON.parse(readFileSync(new URL("../../www/storefront-snapshot.json", import.meta.url), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "edge-"));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
const HOUR = 3_600_000;

/** Writes `snapshot` and shards it into the worker's folder; the full snapshot's catalog. */
async function publish(snapshot) {
  const file = join(scratch, "snapshot.json");
  writeFileSync(file, JSON.stringify(snapshot));
  await shardInto(file, join(scratch, "snapshots"), 20);
  return Catalog.fromJson(JSON.stringify(snapshot));
}

let edge;
let full;
before(async () => {
  full = await publish({ ...demo, generatedAt: iso(Date.now() - HOUR) });
  edge = await startEdge(join(scratch, "snapshots"));
});
after(() => edge?.stop());

/** What a page's HTML holds: the status element's attributes and parts, the button, the JSON-LD. */
function read(html) {
  const part = (name) => new RegExp(`data-part="${name}">([^<]*)<`).exec(html)?.[1];
  const unescape = (text) => text?.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
  return {
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
    sku: /<stock-status sku="([^"]+)"/.exec(html)?.[1],
    policy: /data-policy="([^"]+)"/.exec(html)?.[1],
    reason: /data-reason="([^"]+)"/.exec(html)?.[1],
    badge: unescape(part("badge")),
    text: unescape(part("text")),
    button: unescape(/<button id="add"[^>]*>([^<]*)</.exec(html)?.[1]),
    disabled: /<button id="add"[^>]*disabled/.test(html),
    jsonLd: JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)[1]),
  };
}

const products = [...new Set(demo.items.map((i) => i.productId))];

test("a product URL answers with the badge, text, button and JSON-LD Node decides, for the shopper's language and channel", async () => {
  const cases = [
    [products[0], "en-US", "dtc"],
    [products[5], "de-DE,de;q=0.9,en;q=0.5", "dtc"],
    [products[11], "fr;q=0.4, ja-JP;q=0.8", "amazon"],
    ...products.slice(12).map((p, i) => [p, ["en-GB", "es-ES", "de-AT", "fr-CA"][i % 4], i % 3 === 0 ? "ebay" : "dtc"]),
  ];
  for (const [product, acceptLanguage, channel] of cases) {
    const response = await fetch(`${edge.url}/products/${encodeURIComponent(product)}?channel=${channel}`, { headers: { "accept-language": acceptLanguage } });
    assert.equal(response.status, 200, product);
    const page = read(await response.text());
    const locale = { "de-DE,de;q=0.9,en;q=0.5": "de-DE", "fr;q=0.4, ja-JP;q=0.8": "ja-JP" }[acceptLanguage] ?? acceptLanguage;
    const d = full.decide(page.sku, { locale, channel });
    assert.equal(full.decideProduct(product).variantStates.some((v) => v.sku === page.sku), true, `${page.sku} is a variant of ${product}`);
    assert.deepEqual(
      [page.policy, page.reason, page.badge, page.text, page.button, page.disabled, page.lang],
      [d.policy, d.reason, d.message.badge, shownText(d.message), d.message.button, !d.canPurchase, d.message.lang],
      `${product} ${acceptLanguage} ${channel}`,
    );
    assert.equal(page.jsonLd["@type"], "ProductGroup");
    const offers = page.jsonLd.hasVariant.map((v) => v.offers.availability);
    const rollup = full.decideProduct(product, { channel });
    assert.equal(offers.length, rollup.variantStates.length, product);
  }
});

test("caching keeps promises: an ETag, and a max-age that ends before the snapshot turns stale (304 on a match)", async () => {
  const url = `${edge.url}/products/${encodeURIComponent(products[1])}`;
  const first = await fetch(url);
  const age = Number(/max-age=(\d+)/.exec(first.headers.get("cache-control"))?.[1]);
  assert.ok(age > 0 && age <= 23 * 3600, `max-age ${age} within the 23 h of freshness left`);
  assert.match(first.headers.get("cache-control"), /must-revalidate/);
  const etag = first.headers.get("etag");
  assert.match(etag, /^"[0-9a-z]+"$/);
  const again = await fetch(url, { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304);
  const german = await fetch(url, { headers: { "accept-language": "de-DE", "if-none-match": etag } });
  assert.equal(german.status, 200, "another language is another answer");
  assert.notEqual(german.headers.get("etag"), etag);
});

test("a new snapshot (a new generatedAt) is picked up: the old shards are dropped", async () => {
  const product = products[2];
  const sku = demo.items.find((i) => i.productId === product).sku;
  const before_ = read(await (await fetch(`${edge.url}/products/${product}?sku=${sku}`)).text());
  assert.equal(before_.disabled, false, "on sale before");
  const changed = structuredClone(demo);
  for (const item of changed.items) if (item.productId === product) Object.assign(item, { onHand: 0, backorder: { enabled: false }, restock: [], locations: undefined });
  const next = await publish({ ...changed, generatedAt: iso(Date.now() - HOUR / 2) });
  await new Promise((ok) => setTimeout(ok, 1200)); // the worker looks again after REFRESH_MS (1 s)
  const response = await fetch(`${edge.url}/products/${product}?sku=${sku}`);
  const after_ = read(await response.text());
  const d = next.decide(sku);
  assert.deepEqual([after_.reason, after_.disabled], [d.reason, true]);
  assert.equal(response.headers.get("x-snapshot-generated-at"), next.generatedAt);
});

test("a stale shard is refused at the edge as in the browser's loader, and never cached", async () => {
  const stale = await publish({ ...demo, generatedAt: iso(Date.now() - 48 * HOUR) });
  // The browser's one-call loader, fetching the index and the product's shard over HTTP.
  const folder = join(scratch, "snapshots");
  const server = createServer((req, res) => res.end(readFileSync(join(folder, new URL(req.url, "http://x").pathname))));
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  try {
    await new Promise((ok) => setTimeout(ok, 1200));
    // Products a fresh snapshot would sell on backorder or pre-order: what staleness takes away.
    const later = products.filter((p) => ["backorder", "preorder"].includes(full.decideProduct(p).policy));
    assert.ok(later.length >= 2, "the demo has backorders and pre-orders");
    for (const product of [...later, products[0]]) {
      const response = await fetch(`${edge.url}/products/${product}`);
      assert.equal(response.headers.get("cache-control"), "no-store", product);
      const page = read(await response.text());
      const loaded = await Catalog.load(`http://127.0.0.1:${server.address().port}/index.json`, undefined, { product });
      const inBrowser = loaded.decide(page.sku);
      const whole = stale.decide(page.sku);
      assert.deepEqual([page.reason, page.policy, page.disabled], [inBrowser.reason, inBrowser.policy, !inBrowser.canPurchase], product);
      assert.deepEqual(inBrowser, whole, `${product}: the loader's catalog decides as the whole snapshot does`);
      if (later.includes(product)) assert.equal(inBrowser.canPurchase && inBrowser.policy !== "in_stock", false, `${product}: stale data sells no later units`);
    }
  } finally {
    server.close();
  }
});
