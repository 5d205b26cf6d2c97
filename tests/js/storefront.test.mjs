// The demo storefront (www/index.html, product.html) end to end in headless
// Chromium, on a desktop and on a 375 px touch phone: the collection grid's
// badges, the variant picker driving <stock-status> and the buy button, a
// live update reaching the page, the cart drawer and checkout. Screenshots
// and the time from navigation to the first badge go to test-results/.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts, root } from "../../scripts/serve.mjs";

let browser, base, close;
const figures = {};
before(async () => {
  mkdirSync(`${root}/test-results`, { recursive: true });
  ({ browser, base, close } = await session(demoMounts));
});
after(async () => {
  writeFileSync(`${root}/test-results/storefront-figures.json`, JSON.stringify(figures, null, 2) + "\n");
  console.log("time from navigation to first rendered badge (ms):", JSON.stringify(figures));
  await close?.();
});

const devices = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
const texts = (page, selector) => page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent));

for (const [device, options] of Object.entries(devices)) {
  test(`${device}: the collection grid renders a badge for each of the 48 products`, async () => {
    const context = await browser.newContext(options);
    const p = await open(context, `${base}/`);
    await p.waitForSelector("[data-badge]");
    const badges = await texts(p, "[data-badge]");
    assert.equal(badges.length, 48);
    assert.ok(badges.every((b) => b.length > 0));
    // Variants that differ say so; all-alike products show their one badge.
    const byProduct = Object.fromEntries(await p.$$eval(".card", (cards) => cards.map((c) => [c.dataset.product, c.querySelector("[data-badge]").textContent])));
    assert.equal(byProduct["merino-crew-tee"], "In stock");
    assert.equal(byProduct["ribbed-wool-beanie"], "Some options on backorder");
    assert.equal(byProduct["waxed-canvas-tote"], "Pre-order");
    assert.equal(byProduct["stoneware-mug"], "Some options sold out");
    assert.equal(byProduct["trail-running-sock"], "Out of stock"); // restock not confirmed: no promise
    // Each card shows its own product's picture, sized before it loads; the first row is on screen, drawn.
    const pictures = await p.$$eval(".card", (cards) => cards.map((c) => ({ product: c.dataset.product, src: c.querySelector("img.art")?.getAttribute("src"), size: [c.querySelector("img.art")?.getAttribute("width"), c.querySelector("img.art")?.getAttribute("height")] })));
    assert.deepEqual(pictures.map((x) => x.src), pictures.map((x) => `/img/${x.product}.svg`));
    assert.ok(pictures.every((x) => x.size.join("x") === "400x500"));
    await p.waitForFunction(() => [...document.querySelectorAll(".card img.art")].slice(0, 2).every((img) => img.complete && img.naturalWidth > 0));
    figures[device] = Math.round(await p.evaluate(() => window.firstBadgeMs));
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, "no sideways scrolling");
    await p.screenshot({ path: `${root}/test-results/storefront-grid-${device}.png` });
    assert.deepEqual(p.problems, []);
    await context.close();
  });

  test(`${device}: picking variants updates badge, ship date and button; a live update reaches the page`, async () => {
    const context = await browser.newContext(options);
    const p = await open(context, `${base}/product.html?id=ribbed-wool-beanie`);
    const status = p.locator("#status");
    await p.waitForFunction(() => document.querySelector("#status")?.dataset.policy);
    assert.equal(await status.getAttribute("role"), "status");
    // Badge and text never repeat each other: "In stock" over "Ships today".
    assert.equal(await p.textContent("#status .stock-status__badge"), "In stock");
    assert.equal(await p.textContent("#status .stock-status__text"), "Ships today");
    assert.equal(await p.textContent("#add"), "Add to cart");
    await p.getByLabel("Navy", { exact: true }).check();
    await p.waitForFunction(() => document.querySelector("#status").dataset.policy === "backorder");
    assert.equal(await p.textContent("#status .stock-status__text"), "Ships by Monday, December 7");
    assert.equal(await p.textContent("#add"), "Backorder");
    assert.equal(await p.isDisabled("#add"), false);
    // One ProductGroup, each variant with its own URL and offer; the date starts at midnight in the store's zone.
    const ld = JSON.parse(await p.textContent("#json-ld"));
    assert.equal(ld["@type"], "ProductGroup");
    const navy = ld.hasVariant.find((v) => v.name.endsWith("Navy"));
    assert.deepEqual([navy.offers.availability, navy.offers.availabilityStarts], ["https://schema.org/BackOrder", "2026-12-07T00:00:00-05:00"]);
    assert.equal(new Set(ld.hasVariant.map((v) => v.url)).size, ld.hasVariant.length, "a URL per variant");
    // The picker marks the backordered option with its badge, described to screen readers.
    const navyInput = p.getByLabel("Navy", { exact: true });
    assert.equal(await p.textContent(`#${await navyInput.getAttribute("aria-describedby")}`), "Backordered");
    // The element follows its locale and channel attributes.
    await p.evaluate(() => document.querySelector("#status").setAttribute("locale", "de-DE"));
    await p.waitForFunction(() => document.querySelector("#status .stock-status__badge").textContent === "Nachbestellt");
    assert.equal(await p.textContent("#status .stock-status__text"), "Versand bis Montag, 7. Dezember");
    assert.equal(await p.textContent("#add"), "Nachbestellen");
    await p.evaluate(() => document.querySelector("#status").setAttribute("channel", "amazon"));
    await p.waitForFunction(() => document.querySelector("#status").dataset.reason === "channel_disallows_backorder");
    assert.equal(await p.isDisabled("#add"), true);

    // The picker opens on a variant that can be bought, and marks the sold-out one.
    await p.goto(`${base}/product.html?id=stoneware-mug`);
    await p.waitForFunction(() => document.querySelector("#status")?.dataset.policy);
    assert.equal(await p.isDisabled("#add"), false, "opens on a purchasable variant");
    const soldOut = p.locator('.option[data-state="unavailable"] input').first();
    assert.ok((await p.textContent(`#${await soldOut.getAttribute("aria-describedby")}`)).length > 0);
    // A sold-out variant: the button is disabled and described by the reason.
    await soldOut.check();
    await p.waitForFunction(() => document.querySelector("#status")?.dataset.policy === "out_of_stock");
    assert.equal(await p.isDisabled("#add"), true);
    // Described by the badge and the text together: the whole reason.
    const describedBy = (await p.getAttribute("#add", "aria-describedby")).split(" ");
    const said = await Promise.all(describedBy.map((id) => p.textContent(`#${id}`)));
    assert.deepEqual(said, [await p.textContent("#status .stock-status__badge"), await p.textContent("#status .stock-status__text")]);

    // Notify me: where the decision offers it, an enabled control takes the buy
    // button's place, fires stock-status:notify, and the theme takes an address.
    await p.evaluate(() => document.addEventListener("stock-status:notify", (e) => (window.notified = e.detail)));
    await p.getByLabel("Sand", { exact: true }).check();
    await p.waitForFunction(() => document.querySelector("#status").decision?.notifyMe);
    const notify = p.locator('[data-part="notify"]');
    assert.equal(await p.isHidden("#add"), true);
    assert.deepEqual([await notify.textContent(), await notify.isEnabled()], ["Notify me", true]);
    await notify.click();
    const request = await p.evaluate(() => window.notified);
    assert.deepEqual([request.sku, request.channel, request.reason], ["STONEWARE-MUG-SAND", "dtc", "backorders_disabled"]);
    assert.equal(await p.evaluate(() => document.activeElement.id), "notify-email", "focus moves to the address");
    await p.fill("#notify-email", "shopper@example.com");
    await p.click('#notify-form button[type="submit"]');
    assert.equal(await p.textContent("#notify-done"), "We'll email you when it's back");
    // Back on a purchasable variant the buy button returns and the control goes.
    await p.getByLabel("Slate", { exact: true }).check();
    await p.waitForFunction(() => !document.querySelector("#status").decision?.notifyMe);
    assert.deepEqual([await p.isHidden("#add"), await notify.isHidden()], [false, true]);

    // Live: another shopper buys the last-but-one unit of a low-stock size.
    await p.goto(`${base}/product.html?id=linen-camp-shirt`);
    await p.waitForFunction(() => document.querySelector("#status")?.dataset.policy);
    await p.getByLabel("M", { exact: true }).check();
    await p.waitForFunction(() => document.querySelector("#status .stock-status__text").textContent === "Only 2 left — ships today");
    // Few left: search engines read LimitedAvailability; the item stays listed.
    const m = JSON.parse(await p.textContent("#json-ld")).hasVariant.find((v) => v.name.endsWith("— M"));
    assert.equal(m.offers.availability, "https://schema.org/LimitedAvailability");
    assert.equal(await p.getAttribute("#status", "data-listing"), "show");
    await p.click("#simulate-sale");
    await p.waitForFunction(() => document.querySelector("#status .stock-status__text").textContent === "Only 1 left — ships today");
    await p.fill("#quantity", "2");
    await p.waitForFunction(() => document.querySelector("#add").disabled);
    await p.fill("#quantity", "1");
    await p.click("#add");
    // The drawer plans the cart with the checkout build, imported on first use.
    await p.waitForSelector(".cart-line__title");
    assert.deepEqual(await texts(p, ".cart-line__title"), ["1 × Linen Camp Shirt — M"]);
    assert.equal(await p.textContent("#cart-drawer [data-summary]"), "1 item ships today · Total $78.00");
    await p.screenshot({ path: `${root}/test-results/storefront-product-${device}.png` });
    // The header's Checkout link and the drawer's button both check out this cart on this shop's catalog.
    const checkout = (selector) => p.evaluate((s) => Object.fromEntries(new URL(document.querySelector(s).href).searchParams), selector);
    const expected = { snapshot: "/storefront-snapshot.json", cart: '[{"sku":"LINEN-CAMP-SHIRT-M","quantity":1}]' };
    assert.deepEqual((({ snapshot, cart }) => ({ snapshot, cart }))(await checkout(".bar nav a[href*='checkout']")), expected);
    assert.deepEqual(await checkout(".bar nav a[href*='checkout']"), await checkout("#cart-drawer a.button"));
    await p.click("#cart-drawer a.button");
    await p.waitForSelector("body[data-ready]", { state: "attached" });
    assert.equal(await p.textContent("#summary"), "1 item ships today");
    assert.deepEqual(p.problems, []);
    await context.close();
  });
}

test("fails safe: with the wasm blocked, nothing is offered for sale and the page says why", async () => {
  for (const [path, buy] of [["/product.html?id=ribbed-wool-beanie", "#add"], ["/checkout.html", "#pay"]]) {
    const context = await browser.newContext(devices.desktop);
    await context.route("**/*.wasm", (route) => route.abort());
    const p = await open(context, `${base}${path}`);
    await p.waitForSelector(".availability-error", { timeout: 10_000 });
    assert.match(await p.textContent(".availability-error"), /Availability can't be checked right now/, path);
    assert.equal(await p.getAttribute(".availability-error", "role"), "alert");
    assert.equal(await p.isDisabled(buy), true, `${path}: ${buy} stays disabled`);
    assert.ok(p.problems.some((problem) => problem.includes(".wasm")), "the wasm really was blocked");
    await context.close();
  }
  // Unblocked, the same buttons are enabled by a decision.
  const context = await browser.newContext(devices.desktop);
  const p = await open(context, `${base}/product.html?id=merino-crew-tee`);
  await p.waitForFunction(() => document.querySelector("#status")?.dataset.policy);
  assert.equal(await p.isDisabled("#add"), false);
  assert.equal(await p.$(".availability-error"), null);
  await context.close();
});
