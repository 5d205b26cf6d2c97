// No layout shift on the demo pages: the cumulative layout shift (the
// Layout Instability API, as Lighthouse and Core Web Vitals count it) from
// navigation until the page's decisions are drawn stays ≤ 0.02, at a
// desktop and a phone size. (The badge never shifts; the grid and the
// checkout reserve their space.)
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { open, session } from "../../scripts/browser.mjs";
import { demoMounts } from "../../scripts/serve.mjs";
import { devices, pages } from "./demo-pages.mjs";

let browser, base, close;
before(async () => ({ browser, base, close } = await session(demoMounts)));
after(() => close?.());


/** Sums every layout shift not caused by input, from the first paint on. */
function recordShifts() {
  window.layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.layoutShift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
}

for (const [device, options] of Object.entries(devices)) {
  for (const [name, [path, ready]] of Object.entries(pages)) {
    test(`${device}, ${name}: cumulative layout shift ≤ 0.02`, async () => {
      const context = await browser.newContext(options);
      await context.addInitScript(recordShifts);
      const p = await open(context, base + path);
      await p.waitForSelector(ready, { state: "attached" });
      // Two frames after the decisions are drawn: any shift they cause is recorded.
      await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const cls = await p.evaluate(() => window.layoutShift);
      assert.ok(cls <= 0.02, `CLS ${cls.toFixed(3)} on ${path}`);
      await context.close();
    });
  }
}
