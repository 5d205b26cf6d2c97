// Server rendering (issue 15, point 4): the demo server renders the grid and
// every product page with the package (scripts/render.mjs), so the HTML a
// crawler or a shopper without JavaScript gets holds the products, prices,
// badges, availability text and JSON-LD — decided by the same engine — with
// the buy button disabled until the page's own decision enables it; and the
// page's script takes that markup over without redrawing the badge.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { Catalog } from "../../pkg/node.js";
import { shownText } from "../../pkg/elements.js";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts, root } from "../../scripts/serve.mjs";
import { openingVariant, productsOf } from "../../www/products.mjs";

let browser, base, close;
before(async () => ({ browser, base, close } = await session(demoMounts)));
after(() => close?.());

const now = "2026-11-23T15:00:00Z";
const snapshot = JSON.parse(readFileSync(`${root}/www/storefront-snapshot.json`, "utf8"));
const catalog = Catalog.fromJson(JSON.stringify(snapshot));
const products = productsOf(snapshot.items);
const between = (html, open) => {
  const at = html.indexOf(open);
  assert.ok(at >= 0, `${open} in the HTML`);
  return html.slice(at + open.length, html.indexOf("</", at + open.length));
};
const unescape = (text) => text.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));

test("every product page's HTML holds its name, price, availability and JSON-LD, the buy button disabled", async () => {
  for (const product of products) {
    const html = await (await fetch(`${base}/product.html?id=${product.id}`)).text();
    assert.equal(unescape(between(html, '<h1 id="title">')), product.title);
    assert.ok(between(html, '<p class="price" id="price">').startsWith("$"));
    const states = new Map(catalog.decideProduct(product.id, { now }).variantStates.map((v) => [v.sku, v]));
    const sku = openingVariant(product, states, null);
    const d = catalog.decide(sku, { now });
    assert.equal(unescape(between(html, 'data-part="badge">')), d.message.badge, product.id);
    assert.equal(unescape(between(html, 'data-part="text">')), shownText(d.message), product.id);
    assert.match(html, /<button id="add" class="button" type="button" disabled>/, "disabled until the page decides");
    const ld = JSON.parse(between(html, '<script type="application/ld+json" id="json-ld">'));
    assert.equal(ld.hasVariant.length, product.variants.length);
    assert.deepEqual(ld.hasVariant.map((v) => v.offers.availability), product.variants.map((v) => states.get(v.sku).schemaOrg));
    assert.match(html, /<meta name="description" content="[^"]+">/);
    // Its own picture, on the page and in every variant's JSON-LD, served as an image.
    assert.match(html, new RegExp(`<img class="art art--big" id="art" src="/img/${product.id}.svg" alt="${product.title}"`));
    assert.deepEqual(new Set(ld.hasVariant.map((v) => v.image)), new Set([`${base}/img/${product.id}.svg`]));
    const picture = await fetch(`${base}/img/${product.id}.svg`);
    assert.deepEqual([picture.status, picture.headers.get("content-type")], [200, "image/svg+xml"]);
  }
});

test("the grid's HTML holds every product's card and badge, as the engine rolls them up", async () => {
  const html = await (await fetch(`${base}/`)).text();
  const badges = [...html.matchAll(/data-product="([^"]+)".*?data-badge="">([^<]*)</g)].map(([, id, text]) => [id, unescape(text)]);
  assert.equal(badges.length, products.length);
  for (const [id, text] of badges) {
    const p = catalog.decideProduct(id, { now });
    assert.equal(text, p.variantsDiffer ? p.message.text : p.message.badge, id);
  }
});

test("the rendered pages carry the shop's stylesheet inline: their first paint (and first badge) waits for no stylesheet request", async () => {
  const styles = readFileSync(`${root}/www/shop.css`, "utf8");
  for (const path of ["/", `/product.html?id=${products[0].id}`]) {
    const html = await (await fetch(base + path)).text();
    assert.doesNotMatch(html, /<link rel="stylesheet"/, path);
    assert.ok(html.includes(`<style>${styles}</style>`), `${path}: shop.css inline, whole`);
    const page = await open(browser, base + path);
    const styled = await page.evaluate(() => ({
      badge: getComputedStyle(document.querySelector("[data-badge], [data-part=badge]")).borderTopLeftRadius,
      sheets: performance.getEntriesByType("resource").filter((e) => e.initiatorType === "link" && e.name.endsWith(".css")).length,
    }));
    assert.notEqual(styled.badge, "0px", `${path}: the badge is styled`);
    assert.equal(styled.sheets, 0, `${path}: no stylesheet requested`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test("without JavaScript the product page shows the product and its availability, and offers nothing to buy", async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const p = await context.newPage();
  await p.goto(`${base}/product.html?id=stoneware-mug`);
  assert.equal(await p.textContent("h1"), "Stoneware Mug");
  assert.ok((await p.textContent("#status .stock-status__badge")).length > 0);
  assert.equal(await p.isDisabled("#add"), true);
  assert.ok((await p.$$eval(".option-state", (s) => s.filter((e) => e.textContent).length)) > 0, "sold-out options are marked");
  await p.goto(`${base}/`);
  assert.equal(await p.$$eval("[data-badge]", (b) => b.length), products.length);
  await context.close();
});

test("with JavaScript the page takes the server's markup over: the same badge node, the same words, then the button enabled", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener("readystatechange", () => {
      if (document.readyState !== "interactive") return;
      const status = document.querySelector("#status");
      if (status) window.served = { badge: status.querySelector('[data-part="badge"]'), text: status.textContent };
    });
  });
  const p = await open(context, `${base}/product.html?id=ribbed-wool-beanie`);
  await p.waitForFunction(() => window.firstBadgeMs);
  assert.equal(await p.evaluate(() => document.querySelector('#status [data-part="badge"]') === window.served.badge), true, "no redraw");
  assert.equal(await p.evaluate(() => document.querySelector("#status").textContent === window.served.text), true, "the same words");
  assert.equal(await p.isDisabled("#add"), false, "enabled by the page's own decision");
  assert.deepEqual(p.problems, []);
  await context.close();
});
