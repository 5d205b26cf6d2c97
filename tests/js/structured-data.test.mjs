// The demo's JSON-LD judged by an independent validator from npm
// (@adobe/structured-data-validator: Google's rich-result and merchant
// listing rules for Product and Offer): every product page of the demo, in
// every availability state it shows, has 0 errors. (Its schema.org
// vocabulary check needs the schema fetched from schema.org; this closed
// machine has no internet, so that one pass is not run.)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Validator from "@adobe/structured-data-validator";
import { Catalog, productJsonLd } from "../../pkg/node.js";
import { readFileSync } from "node:fs";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts, root } from "../../scripts/serve.mjs";

let browser, base, close;
before(async () => ({ browser, base, close } = await session(demoMounts)));
after(() => close?.());

const validator = new Validator();
const errors = async (jsonLd) => (await validator.validate({ jsonld: { [jsonLd["@type"]]: [structuredClone(jsonLd)] } })).filter((i) => i.severity === "ERROR");

test("every demo product page's ProductGroup has 0 structured-data errors, in every availability state", async () => {
  const snapshot = JSON.parse(readFileSync(`${root}/www/storefront-snapshot.json`, "utf8"));
  const ids = [...new Set(snapshot.items.map((i) => i.productId))];
  const context = await browser.newContext();
  const seen = new Set();
  for (const id of ids) {
    const p = await open(context, `${base}/product.html?id=${id}`);
    await p.waitForFunction(() => document.querySelector("#json-ld").textContent.length > 0);
    const ld = JSON.parse(await p.textContent("#json-ld"));
    assert.equal(ld["@type"], "ProductGroup");
    for (const v of ld.hasVariant) {
      seen.add(v.offers.availability);
      assert.ok(v.image && v.url && v.sku, `${id}: each variant has its image, URL and SKU`);
      if (v.offers.availabilityStarts) assert.match(v.offers.availabilityStarts, /^\d{4}-\d{2}-\d{2}T00:00:00([+-]\d{2}:\d{2}|Z)$/);
    }
    assert.deepEqual(await errors(ld), [], id);
    await p.close();
  }
  await context.close();
  assert.ok(seen.size >= 4, `several availability states checked: ${[...seen]}`);
});

test("a Product without an image is an error for merchant listings: the validator is not blind", async () => {
  const catalog = Catalog.fromJson(readFileSync(`${root}/www/sample-snapshot.json`, "utf8"));
  const d = catalog.decide("TEE-S", { now: "2026-11-23T15:00:00Z" });
  const details = { name: "Merino Tee — S", url: "https://shop.example/tee?sku=TEE-S", price: "35.00", currency: "USD", timeZone: catalog.timeZone };
  assert.ok((await errors(productJsonLd(d, details))).length > 0, "no image: an error");
  assert.deepEqual(await errors(productJsonLd(d, { ...details, image: "https://shop.example/tee.jpg" })), []);
});
