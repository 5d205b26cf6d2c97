// Headless Debian Chromium driven by Playwright (playwright-core: no
// browser download). Flags keep Chromium off the closed network.
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** Opens `url` in a new page, failing on any page error or failed request. */
export async function open(browser, url, options = {}) {
  const page = await browser.newPage(options);
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.problems = problems;
  await page.goto(url);
  return page;
}

/** A browser and a server for `mounts`, for a test file's before/after. */
export async function session(mounts) {
  const { serve } = await import("./serve.mjs");
  const browser = await launch();
  const server = await serve(mounts);
  return {
    browser,
    base: `http://127.0.0.1:${server.address().port}`,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
