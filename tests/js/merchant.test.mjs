// The demo's merchant page: the health report of the bundled order history
// (www/sample-orders.json), written by the package's command line and
// opened in headless Chromium at a desktop and a phone size — its figures
// are the library's, its three plots are drawn, it passes axe, and a phone
// needs no sideways scrolling.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { AxeBuilder } from "@axe-core/playwright";
import { health } from "../../pkg/node.js";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts, root } from "../../scripts/serve.mjs";
import { devices } from "./demo-pages.mjs";

let browser, base, close;
const orders = readFileSync(`${root}/www/sample-orders.json`, "utf8");
before(async () => {
  mkdirSync(`${root}/build`, { recursive: true });
  mkdirSync(`${root}/test-results`, { recursive: true });
  execFileSync(process.execPath, [`${root}/pkg/cli.js`, "health", `${root}/www/sample-orders.json`, "--html", `${root}/build/merchant.html`, "--title", "Northwind Supply"]);
  ({ browser, base, close } = await session(demoMounts));
});
after(() => close?.());


for (const [device, options] of Object.entries(devices)) {
  test(`${device}: the merchant report shows the library's figures and draws its plots`, async () => {
    const context = await browser.newContext(options);
    const p = await open(context, `${base}/merchant.html`);
    await p.waitForSelector("body[data-drawn]", { state: "attached" });
    const report = health(orders);
    // The table holds the store's figures as the library computes them.
    const rows = Object.fromEntries(await p.$$eval("main table:first-of-type tbody tr", (trs) => trs.map((tr) => [tr.querySelector("th").textContent, [...tr.querySelectorAll("td")].map((td) => td.textContent)])));
    assert.equal(rows["Backorder cancellation"][0], `${report.store.backorderCancellation.value.percent} %`);
    assert.equal(rows["Backorder cancellation"][3], report.store.backorderCancellation.alarm === "warn" ? "Warning" : "OK");
    assert.equal(rows["Pre-order on-time ship rate"][1], `${report.store.preorderOnTime.value.numerator} / ${report.store.preorderOnTime.value.denominator}`);
    // Three plots, each with ink on its canvas (not an empty frame).
    const inked = await p.$$eval(".chart canvas", (canvases) => canvases.map((c) => {
      const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < pixels.length; i += 4) n += pixels[i] > 0 ? 1 : 0;
      return { width: c.getBoundingClientRect().width, inked: n / (pixels.length / 4) };
    }));
    assert.equal(inked.length, 3);
    for (const c of inked) {
      assert.ok(c.width > 300, `a plot as wide as the page: ${c.width}`);
      assert.ok(c.inked > 0.005, `a plot with lines drawn: ${c.inked}`);
    }
    const risky = await p.$$eval("main table:last-of-type tbody th", (ths) => ths.map((th) => th.textContent));
    assert.ok(risky.includes("TEE-M") && risky.includes("LAMP-1"), `SKUs at risk: ${risky}`);
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false, "no sideways scrolling");
    const { violations } = await new AxeBuilder({ page: p }).withTags(["wcag2a", "wcag2aa", "wcag2aaa"]).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`), []);
    await p.screenshot({ path: `${root}/test-results/merchant-report-${device}.png`, fullPage: true });
    assert.deepEqual(p.problems, []);
    await context.close();
  });
}
