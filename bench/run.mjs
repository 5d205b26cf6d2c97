// npm run bench: every workload side by side in one run (wasm package vs the
// plain-JavaScript implementation vs JSON.parse), medians of interleaved
// rounds. Prints a table and writes bench/results.json.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync } from "node:zlib";
// Two builds side by side (README "Which entry to import"): the page build
// a product page downloads (size-first) and the server build Node gets
// (compiled for speed); the checkout build runs the cart planner.
import { initSync, Catalog } from "../pkg/index.js";
import { initSync as initServer, Catalog as ServerCatalog } from "../pkg/server.js";
import { initSync as initCheckout, Catalog as CheckoutCatalog } from "../pkg/checkout.js";
import { PlainCatalog } from "./plain.mjs";
import { Catalog as PlainBuild } from "./plain-package.mjs";
import { snapshot, NOW } from "./generate.mjs";
import { launch } from "../scripts/browser.mjs";
import { serve, root, demoMounts } from "../scripts/serve.mjs";

const wasmBytes = readFileSync(new URL("../pkg/storefront_availability_bg.wasm", import.meta.url));
initSync({ module: wasmBytes });
initServer({ module: readFileSync(new URL("../pkg/storefront_availability_server_bg.wasm", import.meta.url)) });
initCheckout({ module: readFileSync(new URL("../pkg/storefront_availability_checkout_bg.wasm", import.meta.url)) });
const quick = process.argv.includes("--quick");
const rounds = quick ? 3 : 9;
const results = { machine: `${process.platform} ${process.arch}, Node ${process.version}`, date: new Date().toISOString(), rows: [] };
const now = Date.parse(NOW);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Times each named function `rounds` times, interleaved; medians in ms. */
function sideBySide(fns, reps = 1) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(fns)) {
      const t = performance.now();
      for (let i = 0; i < reps; i++) fn(i);
      times[name].push((performance.now() - t) / reps);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}
/** Loads `text` and reads every item (`diagnostics` does), then frees the catalog. */
function readAll(Kind, text) {
  const catalog = Kind.fromJson(text);
  catalog.diagnostics;
  catalog.free();
}
function row(workload, wasm, plain, unit, extra = {}) {
  results.rows.push({ workload, wasm, plain, unit, ratio: plain ? wasm / plain : null, ...extra });
}

// Size.
const glue = readFileSync(new URL("../pkg/storefront_availability.js", import.meta.url));
const kb = (n) => +(n / 1024).toFixed(1);
results.size = {
  wasm: { raw: kb(wasmBytes.length), gzip: kb(gzipSync(wasmBytes, { level: 9 }).length), brotli: kb(brotliCompressSync(wasmBytes).length) },
  glue: { raw: kb(glue.length), gzip: kb(gzipSync(glue, { level: 9 }).length), brotli: kb(brotliCompressSync(glue).length) },
  entries: {},
};
for (const [entry, { files }] of Object.entries(JSON.parse(readFileSync(new URL("../size-budget.json", import.meta.url), "utf8")).entries)) {
  const bytes = files.map((f) => readFileSync(new URL(`../pkg/${f}`, import.meta.url)));
  results.size.entries[entry] = {
    gzip: kb(bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0)),
    brotli: kb(bytes.reduce((n, b) => n + brotliCompressSync(b).length, 0)),
  };
}

// Correctness first: the comparison is only fair if both give the same answers.
const check = JSON.stringify(snapshot(2000, 7));
for (const quantity of [1, 3]) {
  for (const messages of [true, false]) {
    const plain = new PlainCatalog(check).decideAll({ now, quantity, messages });
    assert.deepStrictEqual(plain, Catalog.fromJson(check).decideAll({ now, quantity, messages }));
    assert.deepStrictEqual(plain, ServerCatalog.fromJson(check).decideAll({ now, quantity, messages }));
  }
}

// Ingest: text → ready catalog, against JSON.parse of the same text.
for (const n of [1_000, 10_000, 100_000]) {
  const text = JSON.stringify(snapshot(n));
  const t = sideBySide({
    json: () => JSON.parse(text),
    wasm: () => Catalog.fromJson(text).free(),
    server: () => ServerCatalog.fromJson(text).free(),
    plain: () => new PlainCatalog(text),
  });
  row(`ingest ${n / 1000}k items`, t.wasm, t.plain, "ms", { jsonParse: t.json, wasmVsJsonParse: t.wasm / t.json, plainVsJsonParse: t.plain / t.json });
  row(`ingest ${n / 1000}k items, server build`, t.server, t.plain, "ms", { jsonParse: t.json, wasmVsJsonParse: t.server / t.json, plainVsJsonParse: t.plain / t.json });
  if (n !== 10_000) continue;
  // Loading reads each item's fields when it is first decided; plain JS
  // validates every item as it loads. Both reading every item:
  const whole = sideBySide({
    json: () => JSON.parse(text),
    wasm: () => readAll(Catalog, text),
    server: () => readAll(ServerCatalog, text),
    plain: () => new PlainCatalog(text),
  });
  const extra = (time) => ({ jsonParse: whole.json, wasmVsJsonParse: time / whole.json, plainVsJsonParse: whole.plain / whole.json });
  row("ingest 10k items, then every item read (diagnostics)", whole.wasm, whole.plain, "ms", extra(whole.wasm));
  row("ingest 10k items, then every item read (diagnostics), server build", whole.server, whole.plain, "ms", extra(whole.server));
}

// Decisions over a 10k catalog.
const text10k = JSON.stringify(snapshot(10_000));
const wasm10k = Catalog.fromJson(text10k);
const plain10k = new PlainCatalog(text10k);
const server10k = ServerCatalog.fromJson(text10k);
const skus = wasm10k.skus;
const one = sideBySide({
  wasm: (i) => wasm10k.decide(skus[(i * 7919) % skus.length], { now }),
  plain: (i) => plain10k.decide(skus[(i * 7919) % skus.length], { now }),
}, 20_000);
row("decide (one call)", one.wasm * 1e6, one.plain * 1e6, "ns");
const all = sideBySide({ wasm: () => wasm10k.decideAll({ now }), server: () => server10k.decideAll({ now }), plain: () => plain10k.decideAll({ now }) });
row("decideAll 10k items", all.wasm, all.plain, "ms");
row("decideAll 10k items, server build", all.server, all.plain, "ms");
const bare = sideBySide({
  wasm: () => wasm10k.decideAll({ now, messages: false }),
  server: () => server10k.decideAll({ now, messages: false }),
  plain: () => plain10k.decideAll({ now, messages: false }),
});
row("decideAll 10k items, messages: false", bare.wasm, bare.plain, "ms");
row("decideAll 10k items, messages: false, server build", bare.server, bare.plain, "ms");

// A live stock change (the demo's "another shopper buys"): one item patched
// into a 10k catalog, against the plain build replacing the item and
// checking its catalog again (bench/plain-package.mjs); the same patches,
// and the same answers after them.
const live = { wasm: Catalog.fromJson(text10k), server: ServerCatalog.fromJson(text10k), plain: PlainBuild.fromJson(text10k) };
const patchOf = (i) => ({ items: [{ sku: skus[(i * 31) % skus.length], onHand: i % 9 }] });
const updates = sideBySide(Object.fromEntries(Object.entries(live).map(([build, catalog]) => [build, (i) => catalog.update(patchOf(i))])), 20);
assert.deepStrictEqual(live.plain.decideAll({ now }), live.wasm.decideAll({ now }));
assert.deepStrictEqual(live.plain.decideAll({ now }), live.server.decideAll({ now }));
row("update: one item into 10k items", updates.wasm, updates.plain, "ms");
row("update: one item into 10k items, server build", updates.server, updates.plain, "ms");

// A 20-line cart (plain JS has no planner: no ratio).
const cart = { currency: "USD", now, lines: skus.slice(0, 20).map((sku, i) => ({ sku, quantity: 1 + (i % 3), unitPrice: 1000 + i })) };
const checkout10k = CheckoutCatalog.fromJson(text10k);
const planned = sideBySide({ wasm: () => checkout10k.planCart(cart) }, 200);
row("planCart, 20 lines (checkout build)", planned.wasm * 1000, null, "µs");

// Scaling (issue 20): each operation at 1× and 4× its input, side by side.
// Linear work takes about 4× as long; n log n a little more; quadratic 16×.
const store = { version: 1, generatedAt: "2026-11-23T13:00:00Z", timeZone: "America/New_York" };
const dayAfter = (k) => new Date(Date.UTC(2027, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
const scalings = {
  "load: holidays": (n) => {
    const text = JSON.stringify({ ...store, holidays: Array.from({ length: n }, (_, i) => dayAfter((i * 7919) % (3 * n))), items: [{ sku: "A", onHand: 1 }] });
    return () => Catalog.fromJson(text).free();
  },
  "load: one object with repeated keys": (n) => {
    const text = `{"version":1,"generatedAt":"2026-11-23T13:00:00Z","items":[{"sku":"A","locations":{${Array.from({ length: n }, (_, i) => `"L${i % (n / 2)}":{"onHand":1}`).join(",")}}}]}`;
    return () => Catalog.fromJson(text).free();
  },
  "load: a kit of many components": (n) => {
    const parts = Array.from({ length: n }, (_, i) => ({ sku: `P${i}`, onHand: 3 }));
    const text = JSON.stringify({ ...store, items: [...parts, { sku: "KIT", components: parts.map((p, i) => ({ sku: p.sku, quantity: 1 + (i % 2) })) }] });
    return () => Catalog.fromJson(text).free();
  },
  "planCart: lines": (n) => {
    const catalog = CheckoutCatalog.fromJson(JSON.stringify(snapshot(n)));
    const ids = catalog.skus;
    const lines = Array.from({ length: n }, (_, i) => ({ sku: ids[(i * 31) % ids.length], quantity: 1, unitPrice: 100 }));
    return () => catalog.planCart({ currency: "USD", now, lines });
  },
  "decideProducts, a decideAll result held": (n) => {
    const s = snapshot(n);
    s.items.forEach((item, i) => (item.productId = `P${i}`));
    const catalog = Catalog.fromJson(JSON.stringify(s));
    const held = catalog.decideAll({ now });
    return () => held.length + catalog.decideProducts({ now }).length;
  },
  "update: a patch of items": (n) => {
    const catalog = Catalog.fromJson(JSON.stringify(snapshot(n)));
    const items = catalog.skus.map((sku, i) => ({ sku, onHand: i % 9 }));
    return () => catalog.update({ items });
  },
};
results.scaling = [];
for (const [workload, make] of Object.entries(scalings)) {
  const base = workload.startsWith("decideProducts") ? 25_000 : 2_000;
  const t = sideBySide({ small: make(base), large: make(4 * base) });
  results.scaling.push({ workload, n: base, small: t.small, large: t.large, growth: t.large / t.small });
}

// Memory, in a fresh process (see bench/memory.mjs).
results.memory = JSON.parse(
  execFileSync(process.execPath, [new URL("memory.mjs", import.meta.url).pathname, "100000", quick ? "100" : "1000"], { encoding: "utf8" }),
);

// The Merchant feed of 1,000,000 items (issue 18), streamed, in a fresh process (bench/feed.mjs).
results.feed = JSON.parse(
  execFileSync(process.execPath, [new URL("feed.mjs", import.meta.url).pathname, quick ? "100000" : "1000000"], { encoding: "utf8" }),
);

// Shards of 1,000,000 items (issue 19), streamed, in a fresh process; and
// server rendering in workerd and Node, with the bytes a product page
// downloads with shards (bench/edge.mjs).
results.shards = JSON.parse(
  execFileSync(process.execPath, [new URL("feed.mjs", import.meta.url).pathname, quick ? "100000" : "1000000", "shard"], { encoding: "utf8" }),
);
results.edge = JSON.parse(
  execFileSync(process.execPath, [new URL("edge.mjs", import.meta.url).pathname, ...(quick ? ["quick"] : [])], { encoding: "utf8" }).trim().split("\n").at(-1),
);

// Cold start in headless Chromium: import + compile + instantiate + load a
// 50-item snapshot + first decision, a fresh page each time (no cache).
const text50 = JSON.stringify(snapshot(50));
const server = await serve({ "/": root });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
/** A fresh page in a context of its own, the cache off; `throttle()` slows its CPU `rate` times. */
async function freshPage(rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  return { context, page, cdp, throttle: () => rate > 1 && cdp.send("Emulation.setCPUThrottlingRate", { rate }) };
}
/**
 * The value of `expression` in the page once it is truthy, asked over CDP.
 * Not `page.waitForFunction`: that first injects Playwright's script into
 * the page, and parsing it takes the page's main thread for ~9 ms (~36 ms
 * at 4× CPU, in a trace), landing inside whatever the page is still doing:
 * it lengthened the slower of two cold starts, whichever that was.
 */
async function settled(cdp, expression) {
  const poll = `new Promise((resolve) => { const poll = () => { const v = (${expression}); v ? resolve(v) : setTimeout(poll, 5); }; poll(); })`;
  const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", { expression: poll, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(`page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
/** One cold start of `kind` from a blank page: import, init(), load 50 items, decide. */
async function coldStart(kind, throttle) {
  const { context, page, throttle: slow } = await freshPage(throttle);
  await page.goto(`${base}/bench/blank.html`);
  await slow();
  const ms = await page.evaluate(async ({ kind, text, now }) => {
    const t = performance.now();
    if (kind === "wasm") {
      const { default: init, Catalog } = await import("/pkg/index.js");
      await init();
      Catalog.fromJson(text).decide("SKU-000001", { now });
    } else {
      const { PlainCatalog } = await import("/bench/plain.mjs");
      new PlainCatalog(text).decide("SKU-000001", { now });
    }
    return performance.now() - t;
  }, { kind, text: text50, now });
  await context.close();
  return { ms };
}
/**
 * `measure(kind)` over fresh pages, the two builds taking turns (never one
 * block then the other: this machine drifts); `mid(kind, key)` is the
 * median of one of the values each page returned.
 */
async function alternating(measure) {
  const runs = { wasm: [], plain: [] };
  for (let r = 0; r < (quick ? 3 : 11); r++) for (const kind of ["wasm", "plain"]) runs[kind].push(await measure(kind));
  return { mid: (kind, key) => median(runs[kind].map((run) => run[key])) };
}
// Reference: the browser's own first zone-aware Intl.DateTimeFormat in a
// fresh page (ICU loading its locale data), which the plain implementation
// pays inside its cold start; the package's, in US English, does not (the
// store's zone read through Temporal, en-US written by the crate).
async function firstIntl() {
  const samples = [];
  for (let r = 0; r < (quick ? 3 : 11); r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/bench/blank.html`);
    samples.push(await page.evaluate(() => {
      const t = performance.now();
      new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric" }).format(0);
      return performance.now() - t;
    }));
    await context.close();
  }
  return median(samples);
}
results.firstIntlMs = await firstIntl();
for (const throttle of [1, 4]) {
  const { mid } = await alternating((kind) => coldStart(kind, throttle));
  row(`cold start, 50 items${throttle > 1 ? ", 4× CPU throttle" : ""}`, mid("wasm", "ms"), mid("plain", "ms"), "ms");
}

// Cold start as a theme loads the package (the README's snippet): the
// module, the .wasm and the snapshot preloaded with the HTML, then
// Catalog.load; the plain-JS page preloads its module and the snapshot.
// From navigation start to the first decision, a fresh page each time.
mkdirSync(join(root, "build", "bench"), { recursive: true });
writeFileSync(join(root, "build", "bench", "cold-50.json"), text50);
// Then the same with the snapshot sent `late` ms after it is asked for, as
// from an inventory endpoint slower than the static module: what counts
// there is how soon the first decision follows the snapshot's arrival.
let coldDecision;
/** One cold page of `kind`: from navigation to the first decision, and from the snapshot's arrival. */
async function coldPage(kind, throttle, late = 0) {
  const { context, page, cdp, throttle: slow } = await freshPage(throttle);
  await slow();
  if (late) await page.route("**/cold-50.json", (route) => new Promise((resolve) => setTimeout(resolve, late)).then(() => route.continue()));
  await page.goto(`${base}/bench/cold-${kind}.html?now=${now}`);
  const [ms, decision] = await settled(cdp, "window.coldMs && [window.coldMs, window.decision]");
  coldDecision ??= decision;
  assert.deepStrictEqual(decision, coldDecision, "both cold pages decide alike");
  const arrived = await page.evaluate(() => performance.getEntriesByType("resource").find((e) => e.name.endsWith("/cold-50.json")).responseEnd);
  await context.close();
  return { ms, afterArrival: ms - arrived };
}
for (const late of [0, 200]) {
  for (const throttle of [1, 4]) {
    const { mid } = await alternating((kind) => coldPage(kind, throttle, late));
    const slowed = throttle > 1 ? ", 4× CPU throttle" : "";
    const sent = late ? `, the snapshot sent ${late} ms late` : "";
    row(`cold start as a theme loads it (preloads, Catalog.load), 50 items${sent}${slowed}`, mid("wasm", "ms"), mid("plain", "ms"), "ms");
    if (late) row(`  of which after the snapshot arrived${slowed}`, mid("wasm", "afterArrival"), mid("plain", "afterArrival"), "ms");
  }
}

// Time to first badge on the demo storefront (what a shopper sees): from
// navigation to the first badge on screen, a fresh context with the cache
// off each time, the package's build and a plain-JavaScript build of the
// same pages side by side. The plain build (bench/plain-package.mjs, bundled
// and minified into one module as a theme would ship it) serves the same
// HTML, rendered on the server by the package as a theme's server would,
// without the wasm preload; the theme code, <stock-status> and the JSON-LD
// builders are the same files, only the rules differ.
const plainDir = join(root, "build", "plain-demo");
mkdirSync(plainDir, { recursive: true });
execFileSync("npx", ["--no-install", "esbuild", join(root, "bench", "plain-package.mjs"), "--bundle", "--minify", "--keep-names", "--format=esm", "--log-level=warning", `--outfile=${join(plainDir, "index.js")}`]);
copyFileSync(join(root, "pkg", "elements.js"), join(plainDir, "elements.js"));
const withoutWasm = (html) => html.replace(/\s*<link rel="preload" href="[^"]*\.wasm"[^>]*>/g, "");
const plainMounts = Object.fromEntries(Object.entries(demoMounts).map(([path, target]) => [
  path,
  path === "/assets/storefront-availability/" ? plainDir : typeof target === "function" ? async (...args) => withoutWasm(await target(...args)) : target,
]));
const clientOnlyOf = (mounts) => Object.fromEntries(Object.entries(mounts).filter(([path]) => !path.startsWith("=")));
// The same pages without the server's rendering (issue 19): the static
// HTML, everything drawn by the page's own script.
const builds = {
  "server-rendered": { wasm: await serve(demoMounts), plain: await serve(plainMounts) },
  "client-only": { wasm: await serve(clientOnlyOf(demoMounts)), plain: await serve(clientOnlyOf(plainMounts)) },
};
const urlOf = (server, path) => `http://127.0.0.1:${server.address().port}${path}`;
/** What the page shows once its own decisions are drawn: every badge, status, option state and the JSON-LD. */
async function shown(server, path) {
  const { context, page } = await freshPage(1);
  await page.goto(urlOf(server, path));
  await page.waitForFunction(() => window.firstBadgeMs);
  const seen = await page.evaluate(() => [...document.querySelectorAll("[data-badge], stock-status, .option-state, #json-ld, #reason")].map((e) => e.textContent.replaceAll(location.origin, "")));
  await context.close();
  return seen;
}
// The demo's grid and product pages are rendered on the server with their
// badges in the HTML: the shopper sees the first badge at the first
// contentful paint; the page's own decision (rules loaded, snapshot
// fetched) is drawn later over the same markup. Both are reported, with
// the layout shift (CLS) of the whole load, against the client-only pages.
async function firstBadge(server, path, throttle) {
  const { context, page, cdp, throttle: slow } = await freshPage(throttle);
  await slow();
  await page.goto(urlOf(server, path));
  const decided = await settled(cdp, "window.firstBadgeMs");
  const painted = await page.evaluate(() => {
    const served = document.querySelector("[data-badge], [data-part=badge]")?.textContent;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
    return served ? fcp : null;
  });
  const cls = await page.evaluate(() => new Promise((resolve) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) sum += e.value;
    }).observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(sum), 200);
  }));
  await context.close();
  return { painted, decided, cls };
}
results.cls = [];
for (const [name, path] of [["grid", "/"], ["product page", "/product.html?id=linen-camp-shirt"]]) {
  for (const [rendering, { wasm, plain }] of Object.entries(builds)) {
    // Both builds must show the same page before either is timed.
    assert.deepEqual(await shown(plain, path), await shown(wasm, path), `the plain build of the demo ${name} (${rendering}) shows what the package's does`);
    // The badge must be in the served HTML for its first paint to count.
    const html = await (await fetch(urlOf(wasm, path))).text();
    const served = /data-badge="">[^<]+<|data-part="badge">[^<]+</.test(html);
    for (const throttle of [1, 4]) {
      const { mid } = await alternating((build) => firstBadge(builds[rendering][build], path, throttle));
      const slowed = throttle > 1 ? ", 4× CPU throttle" : "";
      if (served) row(`first badge on the demo ${name}${slowed} (server-rendered: first paint)`, mid("wasm", "painted"), mid("plain", "painted"), "ms");
      row(`the page's own decision drawn on the demo ${name}${slowed}${rendering === "client-only" ? " (client-only page)" : ""}`, mid("wasm", "decided"), mid("plain", "decided"), "ms");
      results.cls.push({ page: name, rendering, throttle, cls: mid("wasm", "cls"), plainCls: mid("plain", "cls") });
    }
  }
}
for (const pair of Object.values(builds)) for (const server of Object.values(pair)) server.close();
await browser.close();
server.close();

// Report.
const fmt = (x) => (x === null ? "" : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log(`\n${results.machine}\n`);
console.log("| workload | wasm | plain JS | wasm ÷ plain | vs JSON.parse |");
console.log("|---|---|---|---|---|");
for (const r of results.rows) {
  const vs = r.wasmVsJsonParse ? `wasm ${fmt(r.wasmVsJsonParse)}×, plain ${fmt(r.plainVsJsonParse)}× (JSON.parse ${fmt(r.jsonParse)} ms)` : "";
  const plain = r.plain === null ? "— (none)" : `${fmt(r.plain)} ${r.unit}`;
  console.log(`| ${r.workload} | ${fmt(r.wasm)} ${r.unit} | ${plain} | ${fmt(r.ratio)} | ${vs} |`);
}
console.log("\n| scaling (issue 20) | n | time at n | time at 4n | growth (linear ≈ 4, quadratic ≈ 16) |");
console.log("|---|---|---|---|---|");
for (const r of results.scaling) console.log(`| ${r.workload} | ${r.n} | ${fmt(r.small)} ms | ${fmt(r.large)} ms | ${fmt(r.growth)}× |`);
const s = results.size;
console.log(`\nsize of the page build: .wasm ${s.wasm.raw} KB raw / ${s.wasm.gzip} KB gzip / ${s.wasm.brotli} KB brotli; glue ${s.glue.raw} / ${s.glue.gzip} / ${s.glue.brotli} KB`);
for (const [entry, total] of Object.entries(s.entries)) console.log(`entry ${entry}: ${total.gzip} KB gzip (${total.brotli} KB brotli), everything it downloads`);
const m = results.memory;
console.log(`reference: the first zone-aware Intl.DateTimeFormat in a fresh page takes ${fmt(results.firstIntlMs)} ms (ICU loading its locale data), inside the plain cold start (the package reads zones through Temporal and writes US English itself)`);
console.log(`memory: ${m.afterLoadMB} MB linear memory after loading ${m.items / 1000}k items (fresh instance, ${m.startMB} MB at start); ${m.beforeReloadsMB} → ${m.afterReloadsMB} MB across ${m.reloads} reloads of 10k`);
const f = results.feed;
console.log(`feed: ${f.items.toLocaleString("en")} items (a ${f.snapshotMB} MB snapshot) → ${f.rows.toLocaleString("en")} Merchant TSV rows in ${f.seconds} s, peak memory ${f.peakRssMB} MB (resident, whole Node process)`);
const sh = results.shards;
console.log(`shards: ${sh.items.toLocaleString("en")} items (a ${sh.snapshotMB} MB snapshot) → ${sh.shards.toLocaleString("en")} shards (largest ${(sh.largestShardBytes / 1024).toFixed(1)} KB) in ${sh.seconds} s, peak memory ${sh.peakRssMB} MB (resident, whole Node process)`);
const e = results.edge;
console.log(`server rendering of a product page (10k items, sharded), over loopback: workerd ${e.workerd.latencyMs} ms median, ${e.workerd.requestsPerSecond} requests/s at 8 in flight; Node ${e.node.latencyMs} ms, ${e.node.requestsPerSecond} requests/s`);
console.log(`a product page downloads, of a ${e.bytes.items.toLocaleString("en")}-item catalog: index ${e.bytes.indexGzipKB} KB + its shard ${e.bytes.shardGzipKB} KB gzip (median), against ${e.bytes.wholeGzipKB} KB for the whole snapshot`);
for (const c of results.cls) console.log(`CLS, demo ${c.page}, ${c.rendering}${c.throttle > 1 ? ", 4× CPU throttle" : ""}: ${c.cls.toFixed(3)} (plain build ${c.plainCls.toFixed(3)})`);
writeFileSync(new URL("results.json", import.meta.url), JSON.stringify(results, null, 2) + "\n");
console.log("written: bench/results.json");
