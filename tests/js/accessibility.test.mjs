// Accessibility of the demo storefront in headless Chromium, at a desktop
// size and a phone size: axe-core (WCAG 2 A, AA and AAA rules, enhanced
// 7:1 contrast included) on every page once its decisions are drawn, and
// what a checker can't see: steppers that name their item, and the cart
// drawer taking focus when "Add to cart" opens it.
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { after, before, test } from "node:test";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts } from "../../scripts/serve.mjs";
import { devices, pages } from "./demo-pages.mjs";

let browser, base, close;
before(async () => ({ browser, base, close } = await session(demoMounts)));
after(() => close?.());


for (const [device, options] of Object.entries(devices)) {
  for (const [name, [path, ready]] of Object.entries(pages)) {
    test(`${device}, ${name}: axe finds no violation of WCAG 2 A, AA or AAA (7:1 contrast)`, async () => {
      const context = await browser.newContext(options);
      const p = await open(context, base + path);
      await p.waitForSelector(ready, { state: "attached" });
      const { violations } = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag2aaa", "wcag21a", "wcag21aa"]).analyze();
      const found = violations.map((v) => `${v.id}: ${v.nodes.length} node(s), e.g. ${v.nodes[0]?.target.join(" ")} — ${v.nodes[0]?.failureSummary}`);
      assert.deepEqual(found, []);
      await context.close();
    });
  }
}

test("checkout: every stepper, quantity field and Remove button names its item", async () => {
  const context = await browser.newContext(devices.phone);
  const p = await open(context, base + "/checkout.html");
  await p.waitForSelector("body[data-ready]", { state: "attached" });
  const titles = await p.$$eval("#lines [data-field=title]", (nodes) => nodes.map((n) => n.textContent));
  assert.ok(titles.length >= 2);
  for (const [action, label] of [["minus", "One less"], ["plus", "One more"], ["remove", "Remove"]]) {
    const names = await p.$$eval(`#lines [data-action=${action}]`, (nodes) => nodes.map((n) => n.getAttribute("aria-label")));
    assert.deepEqual(names, titles.map((t) => `${label} ${t}`));
  }
  assert.deepEqual(await p.$$eval("#lines [data-field=quantity]", (nodes) => nodes.map((n) => n.getAttribute("aria-label"))), titles.map((t) => `Quantity of ${t}`));
  await context.close();
});

test("product page: Add to cart opens the drawer with focus inside it", async () => {
  const context = await browser.newContext(devices.desktop);
  const p = await open(context, base + "/product.html?id=linen-camp-shirt");
  await p.waitForSelector("#status[data-policy]");
  await p.getByLabel("M", { exact: true }).check();
  await p.waitForFunction(() => !document.querySelector("#add").disabled);
  await p.focus("#add");
  await p.keyboard.press("Enter");
  assert.equal(await p.isHidden("#cart-drawer"), false);
  assert.equal(await p.evaluate(() => document.activeElement?.id), "cart-heading");
  await context.close();
});

test("the page follows the shopper's language; <stock-status> marks text in another language than the page's with lang (WCAG 3.1.2)", async () => {
  const context = await browser.newContext(devices.desktop);
  // ?locale=de-DE: the whole page is German (the demo's words and the package's), so nothing needs marking.
  const p = await open(context, `${base}/product.html?id=linen-camp-shirt&locale=de-DE`);
  await p.waitForFunction(() => window.firstBadgeMs);
  assert.equal(await p.evaluate(() => document.documentElement.lang), "de-DE");
  assert.equal(await p.textContent("#option-label"), "Größe");
  assert.equal(await p.textContent('[data-label="quantity"]'), "Menge");
  assert.equal(await p.getAttribute("#status", "lang"), null);
  // Served that way too: the server renders the German words and lang.
  const served = await (await fetch(`${base}/product.html?id=linen-camp-shirt&locale=de-DE`)).text();
  assert.match(served, /<html lang="de-DE">/);
  assert.match(served, /data-label="quantity">Menge</);
  await p.close();
  // An English page with one element asked for another language: that element and its button say so.
  const q = await open(context, `${base}/product.html?id=linen-camp-shirt`);
  await q.waitForFunction(() => window.firstBadgeMs);
  assert.equal(await q.evaluate(() => document.documentElement.lang), "en-US");
  for (const [locale, lang] of [["ja-JP", "ja-JP"], ["nl-NL", null], ["en-GB", null], ["de-DE", "de-DE"]]) {
    await q.evaluate((l) => document.querySelector("#status").setAttribute("locale", l), locale);
    await q.waitForFunction((l) => (document.querySelector("#status").getAttribute("lang") ?? null) === l, lang);
    assert.equal(await q.getAttribute("#add", "lang"), lang, `${locale}: the button's label too`);
  }
  await context.close();
});

test("grid: a live stock update rewrites only the badges, and keyboard focus stays where it was", async () => {
  const context = await browser.newContext(devices.desktop);
  const p = await open(context, `${base}/`);
  await p.waitForSelector("[data-badge]");
  const cards = await p.$$eval(".card", (list) => list.length);
  // A shopper tabbed to the fifth card; another shopper buys (a script click: focus does not move by itself).
  await p.evaluate(() => {
    window.firstCard = document.querySelector(".card");
    window.firstBadge = document.querySelector("[data-badge]").textContent;
    document.querySelector(".card:nth-child(5) a").focus();
    document.querySelector("#simulate-sale").click(); // catalog.update() and its "update" event run synchronously
  });
  assert.equal(await p.evaluate(() => document.activeElement?.closest(".card") === document.querySelector(".card:nth-child(5)")), true, "focus stays on the card");
  assert.equal(await p.evaluate(() => document.querySelector(".card") === window.firstCard), true, "the cards are not re-created");
  assert.equal(await p.$$eval(".card", (list) => list.length), cards);
  await context.close();
});
