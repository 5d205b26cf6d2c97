// Screenshots of the demo's product page in the four states a shopper
// meets — in stock, backorder, pre-order, sold out — at the two sizes the
// browser tests judge (1280×800 and a 390×844 phone), into docs/screenshots/
// for the README. Run after `bash scripts/build.sh`:
//   node scripts/screenshots.mjs
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { session } from "./browser.mjs";
import { demoMounts } from "./serve.mjs";
import { devices } from "../tests/js/demo-pages.mjs";

const out = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
/** A product of the demo in each state (every variant alike, at the demo's clock). */
const states = {
  "in-stock": "merino-crew-tee",
  backorder: "packable-rain-jacket",
  preorder: "waxed-canvas-tote",
  "sold-out": "trail-running-sock",
};

mkdirSync(out, { recursive: true });
const s = await session(demoMounts);
try {
  for (const [size, device] of Object.entries(devices)) {
    const context = await s.browser.newContext({ ...device, deviceScaleFactor: 1 });
    for (const [state, product] of Object.entries(states)) {
      const page = await context.newPage();
      await page.goto(`${s.base}/product.html?id=${product}`);
      await page.waitForSelector("#status[data-policy]");
      await page.screenshot({ path: `${out}${state}-${size}.jpg`, type: "jpeg", quality: 70 });
      await page.close();
    }
    await context.close();
  }
} finally {
  await s.close();
}
console.log(`written: ${Object.keys(states).length * Object.keys(devices).length} screenshots in docs/screenshots/`);
