// The mobile checkout page (www/checkout.html) on a 375 px touch phone in
// headless Chromium: the plan for an editable cart.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts, root } from "../../scripts/serve.mjs";

let browser, base, close;
before(async () => {
  mkdirSync(`${root}/test-results`, { recursive: true });
  ({ browser, base, close } = await session(demoMounts));
});
after(() => close?.());

async function phone() {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await open(context, `${base}/checkout.html`);
  await page.waitForSelector("body[data-ready]", { state: "attached" });
  return page;
}
const texts = (page, selector) => page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent));

test("the checkout shows what ships when and what is charged when", async () => {
  const p = await phone();
  // One date phrase everywhere: the pre-order is promised as the week its product page names.
  assert.equal(await p.textContent("#summary"), "4 items ship today; 2 ship by Wednesday, December 2; 1 expected to ship the week of January 10, 2027");
  assert.deepEqual(await texts(p, ".shipment h3"), ["Ships today", "Ships by Wednesday, December 2", "Expected to ship the week of January 10, 2027"]);
  assert.deepEqual(await texts(p, ".shipment .capture"), ["Paid today", "$70.00 charged when it ships", "$199.20 charged when it ships"]);
  // Tees in stock (2 S + 2 XL) and the 20 % Aurora deposit today; the rest at shipment.
  assert.equal(await p.textContent("#total"), "$459.00");
  assert.equal(await p.textContent("#charged"), "$189.80");
  assert.equal(await p.textContent("#authorized"), "$269.20");
  assert.deepEqual(await texts(p, "#captures li"), ["$70.00 on Wednesday, December 2", "$199.20 on Friday, January 15, 2027"]);
  const notes = await texts(p, ".line-note");
  assert.equal(notes[2], "$49.80 deposit today, the rest when it ships. Free cancellation until it ships.");
  assert.equal(notes[3], "Can't be ordered right now.");
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, "no sideways scrolling");
  await p.screenshot({ path: `${root}/test-results/checkout-mobile.png`, fullPage: true });
  assert.deepEqual(p.problems, []);
});

test("editing the cart re-plans it: quantities, refusals, shipping together", async () => {
  const p = await phone();
  // XL: 2 on hand + 20 restock capacity = 22. Tap + until 23 is refused.
  await p.fill(".line:nth-child(2) input", "22");
  await p.press(".line:nth-child(2) input", "Tab");
  await p.waitForFunction(() => document.querySelector("#summary").textContent.startsWith("4 items ship today; 20 ship"));
  await p.tap('.line:nth-child(2) [data-action="plus"]');
  await p.waitForFunction(() => document.querySelector(".line:nth-child(2)").classList.contains("refused"));
  assert.equal(await p.textContent(".line:nth-child(2) .line-message"), "Only 22 can be ordered – ships by Wednesday, December 2");
  assert.equal(await p.textContent(".line:nth-child(2) .line-note"), "Only 22 more can be ordered.");
  assert.equal(await p.textContent("#summary"), "2 items ship today; 1 expected to ship the week of January 10, 2027");

  await p.tap('.line:nth-child(4) [data-action="remove"]');
  await p.tap("#hold");
  await p.waitForFunction(() => document.querySelectorAll(".shipment").length === 1);
  assert.equal(await p.textContent("#summary"), "3 ship by Friday, January 15, 2027");
  assert.deepEqual(p.problems, []);
});
