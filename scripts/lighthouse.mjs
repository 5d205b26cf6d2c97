// npm run lighthouse: Lighthouse 12 (from npm; 13 wants Node 22) on every
// page of the demo, mobile and desktop, against the demo server on this
// machine (loopback). Prints a table and writes bench/lighthouse.json.
// Not part of npm test: Lighthouse takes minutes and its scores are
// measurements, recorded in BENCHMARKS.md.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM } from "./browser.mjs";
import { demoMounts, root, serve } from "./serve.mjs";

const LIGHTHOUSE = "lighthouse@12.8.2";
const every = ["/", "/product.html?id=linen-camp-shirt", "/checkout.html", "/situations.html", "/merchant.html"];
// `node scripts/lighthouse.mjs /situations.html` judges the pages named (bench/lighthouse.json is written for a full run only).
const pages = process.argv.length > 2 ? process.argv.slice(2) : every;
// The merchant page is the command line's report of the bundled order history.
execFileSync(process.execPath, [join(root, "pkg/cli.js"), "health", join(root, "www/sample-orders.json"), "--html", join(root, "build/merchant.html"), "--title", "Northwind Supply"]);
const server = await serve(demoMounts);
const base = `http://127.0.0.1:${server.address().port}`;
const out = join(mkdtempSync(join(tmpdir(), "lighthouse-")), "report.json");
const results = [];
for (const page of pages) {
  for (const preset of ["mobile", "desktop"]) {
    // Asynchronously: the demo server answers from this very process.
    await promisify(execFile)("npx", ["--yes", LIGHTHOUSE, base + page, ...(preset === "desktop" ? ["--preset=desktop"] : []),
      "--only-categories=performance,accessibility,best-practices,seo", "--output=json", `--output-path=${out}`,
      "--chrome-flags=--headless --no-sandbox --disable-gpu", "--quiet"], { env: { ...process.env, CHROME_PATH: CHROMIUM } });
    const report = JSON.parse(readFileSync(out, "utf8"));
    const score = (k) => Math.round(report.categories[k].score * 100);
    results.push({ page, preset, performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo"),
      cls: +report.audits["cumulative-layout-shift"].numericValue.toFixed(3), lcpMs: Math.round(report.audits["largest-contentful-paint"].numericValue) });
  }
}
server.close();
console.log("| page | device | performance | accessibility | best practices | SEO | CLS | LCP |\n|---|---|---|---|---|---|---|---|");
for (const r of results) console.log(`| ${r.page} | ${r.preset} | ${r.performance} | ${r.accessibility} | ${r.bestPractices} | ${r.seo} | ${r.cls} | ${r.lcpMs} ms |`);
if (pages === every) writeFileSync(join(root, "bench/lighthouse.json"), JSON.stringify({ lighthouse: LIGHTHOUSE, date: new Date().toISOString(), results }, null, 2) + "\n");
