// The packed package in headless Chromium, as browsers load it: a page
// with no bundler, a Vite build, and the README's browser snippet.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import * as esbuild from "esbuild";
import webpack from "webpack";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { launch, open } from "../../scripts/browser.mjs";
import { serve } from "../../scripts/serve.mjs";

const dir = fileURLToPath(new URL(".", import.meta.url));
const monday = new Date("2026-11-23T15:00:00Z"); // 10:00 in the store's New York
let browser, server, base;

before(async () => {
  browser = await launch();
  server = await serve({ "/": dir, "/inventory.json": dir + "sample-snapshot.json" });
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens `path` with the page clock frozen at `monday`. */
async function page(path, options = {}) {
  const context = await browser.newContext({ locale: "en-US", ...options });
  await context.clock.setFixedTime(monday);
  const p = await open(context, base + path);
  return p;
}

test("a page with no bundler: <script type=module> + import map + await init()", async () => {
  const p = await page("/no-bundler/");
  await p.waitForFunction(() => document.querySelector("#out").textContent.length > 0);
  const lines = (await p.textContent("#out")).split("\n");
  assert.equal(lines.length, 18);
  assert.equal(lines[0], "TEE-S: In stock — ships today");
  assert.equal(lines[2], "TEE-L: Backordered – ships by Wednesday 2 December");
  assert.deepEqual(p.problems, []);
});

test("a Vite production build", async () => {
  await build({ root: dir + "vite", base: "/vite/dist/", logLevel: "warn", build: { outDir: "dist", emptyOutDir: true } });
  const assets = readdirSync(dir + "vite/dist/assets");
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `wasm emitted: ${assets}`);
  const p = await page("/vite/dist/");
  await p.waitForFunction(() => document.querySelector("#out").textContent.length > 0);
  assert.equal(await p.textContent("#out"), "preorder: Expected to ship the week of January 10, 2027 · 125 left at pre-order");
  assert.deepEqual(p.problems, []);
});

/** The README's bundler snippet, which the esbuild and webpack builds bundle. */
const bundleSnippet = readdirSync(dir).find((f) => /^readme-\d+-bundle\.mjs$/.test(f));

test("an esbuild bundle, with the .wasm copied next to it", async () => {
  rmSync(dir + "esbuild/dist", { recursive: true, force: true });
  await esbuild.build({ entryPoints: [dir + bundleSnippet], bundle: true, format: "esm", minify: true, outfile: dir + "esbuild/dist/main.js", logLevel: "warning" });
  copyFileSync(dir + "node_modules/storefront-availability/pkg/storefront_availability_bg.wasm", dir + "esbuild/dist/storefront_availability_bg.wasm");
  const p = await page("/esbuild/");
  await p.waitForFunction(() => document.querySelector("#availability").textContent.length > 0);
  assert.equal(await p.textContent("#availability"), "Backordered – ships by Wednesday, December 2");
  assert.deepEqual(p.problems, []);
});

test("a webpack 5 production bundle (webpack emits the .wasm itself)", async () => {
  rmSync(dir + "webpack/dist", { recursive: true, force: true });
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: "production", context: dir, entry: `./${bundleSnippet}`, output: { path: dir + "webpack/dist", filename: "main.js", module: true, publicPath: "auto" }, experiments: { outputModule: true } }, (err, s) => (err ? reject(err) : resolve(s))),
  );
  assert.ok(!stats.hasErrors(), stats.toString("errors-only"));
  assert.ok(readdirSync(dir + "webpack/dist").some((f) => f.endsWith(".wasm")), "wasm emitted");
  const p = await page("/webpack/");
  await p.waitForFunction(() => document.querySelector("#availability").textContent.length > 0);
  assert.equal(await p.textContent("#availability"), "Backordered – ships by Wednesday, December 2");
  assert.deepEqual(p.problems, []);
});

/** What tests/consumers/load/ decides at `path`, with the responses matching `late` sent 1.5 s after they are asked for. */
async function loaded(path, late) {
  // No fake clock: Playwright's clock stubs the performance timeline, which the loader reads.
  const context = await browser.newContext({ locale: "en-US" });
  if (late) await context.route(late, (route) => new Promise((resolve) => setTimeout(resolve, 1500)).then(() => route.continue()));
  const p = await open(context, base + path);
  const result = await p.waitForFunction(() => window.result).then((h) => h.jsonValue());
  assert.deepEqual(p.problems, []);
  await context.close();
  return result;
}

test("Catalog.load prepares the first decision while the snapshot downloads, and only then; the answers are the same", async () => {
  const preloaded = await loaded("/load/?preload");
  assert.deepEqual(preloaded.warmUps, [], "a snapshot already received leaves nothing to prepare");
  const late = await loaded("/load/", "**/inventory.json");
  assert.deepEqual(late.warmUps, [{ steps: 3 }], "a load, a decision and a product decision were prepared while the snapshot was on its way");
  assert.deepEqual(late.decisions, preloaded.decisions);
  assert.deepEqual(late.products, preloaded.products);
  assert.ok(preloaded.decisions.length > 0 && preloaded.products.length > 0);
});

test("Catalog.load with { product } prepares the first decision while the product's shard downloads", async () => {
  rmSync(dir + "shards", { recursive: true, force: true });
  execFileSync(process.execPath, [dir + "node_modules/storefront-availability/pkg/cli.js", "shard", dir + "sample-snapshot.json", "--out", dir + "shards", "--items-per-shard", "2"]);
  const whole = await loaded("/load/?preload");
  for (const product of ["merino-tee", "lamp"]) {
    // The index is in before the load starts: only the shard is waited for.
    const sharded = await loaded(`/load/?preload&product=${product}`, "**/shards/[0-9]*.json");
    assert.deepEqual(sharded.warmUps, [{ steps: 3 }], product);
    assert.deepEqual(sharded.products, whole.products.filter((p) => p.productId === product), product);
    assert.deepEqual(sharded.decisions, whole.decisions.filter((d) => sharded.products[0].variantStates.some((v) => v.sku === d.sku)), product);
  }
});

test("US English is written by the package as the browser's Intl writes it: dates, numbers, plurals, today and tomorrow", async () => {
  // The wasm writes en-US and en itself (no Intl object, so no locale data
  // loaded for a first decision); en-US-u-ca-gregory and en-u-ca-gregory
  // are the same locales written through Intl. Every situation, at
  // moments across a year.
  const { snapshot, NOW } = await import("../../bench/generate.mjs");
  const store = snapshot(3000);
  // Counts with thousands separators too.
  store.items.push(
    { sku: "BIG-PRE", lifecycle: "unreleased", preorder: { plannedProduction: 1_250_000, sold: 3, productionDate: "2027-01-20" } },
    { sku: "BIG-LEFT", onHand: 12_345, lowStockThreshold: 20_000 },
  );
  const text = JSON.stringify(store);
  const day = 86_400_000;
  const moments = [0, 0.3, 1, 6, 40, 39.8, 200, 365].map((days) => new Date(Date.parse(NOW) + days * day).toISOString());
  const p = await page("/no-bundler/");
  await p.waitForFunction(() => document.querySelector("#out").textContent.length > 0); // its init() done
  const seen = await p.evaluate(async ({ text, moments }) => {
    const { Catalog } = await import("storefront-availability");
    const catalog = Catalog.fromJson(text);
    const words = (locale, now) => [
      ...catalog.decideAll({ locale, now }).map(({ message: m }) => [m.badge, m.text, m.button, m.notice]),
      ...catalog.decideProducts({ locale, now }).map(({ message: m }) => [m.badge, m.text]),
    ];
    return moments.map((now) => ["en-US", "en-US-u-ca-gregory", "en", "en-u-ca-gregory"].map((locale) => words(locale, now)));
  }, { text, moments });
  for (const [i, [us, usIntl, en, enIntl]] of seen.entries()) {
    assert.deepEqual(us, usIntl, moments[i]);
    assert.deepEqual(en, enIntl, moments[i]);
  }
  const all = seen.flat(3).join("\n");
  for (const written of [/(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, [A-Z][a-z]+ \d+/, /[A-Z][a-z]+ \d+, 20\d\d/, /\d,\d{3}/, /\btoday\b/, /\btomorrow\b/, /Only 1 left/, /Only \d+ left/]) {
    assert.match(all, written, "the comparison covers this");
  }
  assert.deepEqual(p.problems, []);
});

const readmeSnippets = readdirSync(dir).filter((f) => /^readme-\d+-browser\.html$/.test(f));
test("the README has a browser snippet", () => assert.ok(readmeSnippets.length >= 1));
for (const file of readmeSnippets) {
  test(`README browser snippet ${file}`, async () => {
    const p = await page("/" + file);
    // A plain element with the message's text, or a <stock-status> showing its badge and the rest of the text.
    const text = () => {
      const element = document.querySelector("#availability");
      const part = (name) => element?.querySelector(`[data-part=${name}]`)?.textContent;
      return part("text") ? `${part("badge")} | ${part("text")}` : element?.textContent;
    };
    await p.waitForFunction(text);
    assert.ok(["Backordered – ships by Wednesday, December 2", "Backordered | Ships by Wednesday, December 2"].includes(await p.evaluate(text)), await p.evaluate(text));
    assert.deepEqual(p.problems, []);
  });
}

/** Serves the consumer folder with `policy` as its Content-Security-Policy. */
async function underPolicy(policy, run) {
  const strict = await serve({ "/": dir }, 0, { "content-security-policy": policy });
  try {
    const context = await browser.newContext({ locale: "en-US" });
    await context.clock.setFixedTime(monday);
    const p = await open(context, `http://127.0.0.1:${strict.address().port}/csp/`);
    await p.waitForFunction(() => document.querySelector("#out").textContent.length > 0);
    await run(p);
    await context.close();
  } finally {
    strict.close();
  }
}

test("works under a strict CSP: script-src 'self' 'wasm-unsafe-eval', no unsafe-eval, trap recovery included", async () => {
  await underPolicy("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'", async (p) => {
    // The recovery runs after the first answer (it loads the server build first): wait for it, or for a failure.
    await p.waitForFunction(() => document.querySelector("#recovered").textContent || document.querySelector("#out").textContent.startsWith("failed"));
    assert.equal(await p.textContent("#out"), "Backordered – ships by Wednesday, December 2");
    assert.equal(await p.textContent("#recovered"), "Backordered – ships by Wednesday, December 2");
    assert.match(await p.getAttribute("#recovered", "data-error"), /memory access out of bounds/);
    assert.deepEqual(await p.evaluate(() => window.violations), []);
    assert.deepEqual(p.problems, []);
  });
});

test("the CSP is really enforced: without 'wasm-unsafe-eval' the module may not compile", async () => {
  await underPolicy("default-src 'self'; script-src 'self'", async (p) => {
    assert.match(await p.textContent("#out"), /^failed: .*(Content Security Policy|CSP|wasm-unsafe-eval)/i);
  });
});
