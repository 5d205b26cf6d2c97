// Node ESM, importing the packed package by name exactly as a server would.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test } from "node:test";
import init, { AvailabilityError, Catalog } from "storefront-availability";
import { AvailabilityError as ImportError, importSnapshot } from "storefront-availability/import";

const snapshot = readFileSync(new URL("sample-snapshot.json", import.meta.url), "utf8");
const now = "2026-11-23T15:00:00Z"; // Monday 10:00 in New York

test("init() resolves in Node without fetching", async () => {
  await init();
});

test("every situation of the sample snapshot decides as documented", () => {
  const catalog = Catalog.fromJson(snapshot);
  const reasons = Object.fromEntries(catalog.decideAll({ now }).map((d) => [d.sku, d.reason]));
  assert.deepEqual(reasons, {
    "TEE-S": "in_stock", "TEE-M": "low_stock", "TEE-L": "backorder", "TEE-XL": "in_stock",
    "AUR-BLK": "preorder", "AUR-WHT": "preorder_cap_reached", "LAN-1": "preorder_not_open",
    "ORN-26": "preorder_closed", "BOT-1": "preorder_uncapped", "KET-1": "preorder_undated",
    "DRN-1": "preorder_overdue", "LAMP-1": "restock_unconfirmed", "MUG-OLD": "discontinued",
    "TOTE-1": "restock_too_far", "SOCK-1": "restock_overdue", "JKT-1": "restock_oversubscribed",
    "APRON-1": "backorders_disabled", "SCARF-1": "invalid_item",
  });
  assert.deepEqual(catalog.diagnostics, [
    { code: "invalid_item", sku: "SCARF-1", path: "items[17].onHand", message: 'expected an integer from -9007199254740991 to 9007199254740991, got "lots"' },
  ]);
});

test("a backorder carries its date, queue position, payment and feed values", () => {
  const d = Catalog.fromJson(snapshot).decide("TEE-L", { now, quantity: 2 });
  assert.deepEqual(
    { ...d, message: undefined },
    {
      sku: "TEE-L", policy: "backorder", reason: "backorder", canPurchase: true, notifyMe: false, maxQuantity: 28, minQuantity: 1,
      shipDate: "2026-12-02", remainingPreorders: null, queuePosition: 13, split: null,
      payment: "authorize_now_capture_at_shipment", cancellable: true, warnings: [],
      schemaOrg: "https://schema.org/BackOrder", merchantAvailability: "backorder", availabilityDate: "2026-12-02",
      listing: "show", deliveries: [{ quantity: 2, shipDate: "2026-12-02", queuePosition: 13 }],
      message: undefined,
    },
  );
  assert.deepEqual(d.message, {
    badge: "Backordered", text: "Backordered – ships by Wednesday, December 2", button: "Backorder",
    key: "backorder", params: { date: "2026-12-02", position: 13 }, notice: null, charge: null, confirm: null, lang: "en-US",
  });
});

test("split lines, quantity limits and channels", () => {
  const catalog = Catalog.fromJson(snapshot);
  assert.deepEqual(catalog.decide("TEE-XL", { now, quantity: 5 }).split, { now: 2, later: 3 });
  const over = catalog.decide("TEE-XL", { now, quantity: 23 });
  assert.equal(over.reason, "exceeds_backorder_capacity");
  assert.equal(over.maxQuantity, 22);
  assert.equal(catalog.decide("TEE-L", { now, channel: "amazon" }).reason, "channel_disallows_backorder");
  assert.equal(catalog.decide("AUR-BLK", { now, channel: "walmart" }).reason, "channel_disallows_preorder");
  assert.equal(catalog.decide("AUR-BLK", { now, channel: "ebay" }).reason, "channel_disallows_preorder");
});

test("a pre-order gets the missed Christmas deadline as a warning", () => {
  const d = Catalog.fromJson(snapshot).decide("AUR-BLK", { now });
  assert.equal(d.remainingPreorders, 125);
  assert.deepEqual(d.warnings, [{ code: "deadline_missed", deadline: "Christmas", shipBy: "2026-12-18" }]);
});

test("a snapshot older than maxAgeHours makes no dated promise", () => {
  const later = "2026-11-24T13:00:00.001Z";
  const catalog = Catalog.fromJson(snapshot);
  assert.equal(catalog.decide("TEE-L", { now: later }).reason, "stale_snapshot");
  assert.equal(catalog.decide("TEE-S", { now: later }).reason, "in_stock");
});

test("the constructor takes the parsed object too", () => {
  const a = new Catalog(JSON.parse(snapshot)).decideAll({ now });
  assert.deepEqual(a, Catalog.fromJson(snapshot).decideAll({ now }));
});

test("argument errors throw Error objects with stable codes", () => {
  const catalog = Catalog.fromJson(snapshot);
  const cases = [
    [() => catalog.decide("TEE-S", { quantity: -1 }), "invalid_quantity"],
    [() => catalog.decide("TEE-S", { quantity: 1.5 }), "invalid_quantity"],
    [() => catalog.decide("TEE-S", { quantity: 2 ** 53 }), "invalid_quantity"],
    [() => catalog.decide("TEE-S", { channel: "etsy" }), "unknown_channel"],
    [() => catalog.decide("TEE-S", { now: "tomorrow" }), "invalid_now"],
    [() => catalog.decide("TEE-S", { now: new Date(NaN) }), "invalid_now"],
    [() => catalog.decide("TEE-S", { locale: "??" }), "invalid_locale"],
    [() => catalog.decide(undefined), "invalid_sku"],
    [() => catalog.decideAll("dtc"), "invalid_options"],
  ];
  for (const [call, code] of cases) assert.throws(call, (e) => e instanceof Error && e.code === code && e.message.length > 10, code);
});

test("snapshot errors name the JSON path", () => {
  assert.throws(() => Catalog.fromJson('{"version":1,"generatedAt":"2026-11-23","items":[]}'), (e) =>
    e.code === "invalid_snapshot" && e.path === "generatedAt" &&
    e.message === 'invalid snapshot: generatedAt: expected an RFC 3339 timestamp, got "2026-11-23"');
  assert.throws(() => Catalog.fromJson("{"), (e) => e.code === "invalid_snapshot" && /not valid JSON/.test(e.message));
});

test("the package ships only its allow-listed files", () => {
  const require = createRequire(import.meta.url);
  const manifest = require("storefront-availability/package.json");
  assert.equal(manifest.name, "storefront-availability");
  const dir = new URL("node_modules/storefront-availability/", import.meta.url);
  for (const file of ["pkg/storefront_availability_bg.wasm", "pkg/storefront_availability.js", "pkg/index.js", "pkg/index.d.ts", "pkg/node.js"]) {
    assert.ok(existsSync(new URL(file, dir)), file);
  }
  for (const file of ["src", "Cargo.toml", "www", "tests", "target"]) assert.ok(!existsSync(new URL(file, dir)), file);
});

test("the shipped JavaScript never evaluates strings (no eval, no new Function)", () => {
  const dir = new URL("node_modules/storefront-availability/pkg/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  assert.ok(files.length >= 3, files.join());
  for (const file of files) {
    const code = readFileSync(new URL(file, dir), "utf8");
    assert.doesNotMatch(code, /\beval\s*\(/, file);
    // `Function(${name})` inside a debug-format template string is text, not a call.
    assert.doesNotMatch(code, /(?<![`'"\w.$])(new\s+)?Function\s*\(/, file);
    assert.doesNotMatch(code, /setTimeout\s*\(\s*["'`]/, file);
  }
});

test("runtime dependencies for the command line only (commander, csv-parse, uplot), pinned, with none of their own, never on a page", () => {
  const manifest = JSON.parse(readFileSync(new URL("node_modules/storefront-availability/package.json", import.meta.url), "utf8"));
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ["commander", "csv-parse", "uplot"]);
  for (const [name, version] of Object.entries(manifest.dependencies)) {
    assert.match(version, /^\d+\.\d+\.\d+$/, `${name}: an exact version`);
    const own = JSON.parse(readFileSync(new URL(`node_modules/${name}/package.json`, import.meta.url), "utf8"));
    assert.equal(own.dependencies, undefined, `${name} brings nothing else`);
  }
  assert.equal(manifest.optionalDependencies, undefined);
  assert.equal(manifest.peerDependencies, undefined);
  const pkg = new URL("node_modules/storefront-availability/pkg/", import.meta.url);
  for (const file of ["index.js", "checkout.js", "server.js", "elements.js", "error.js", "import.js", "node.js"]) {
    assert.doesNotMatch(readFileSync(new URL(file, pkg), "utf8"), /commander|csv-parse|uplot/i, `${file} does not load the command line's libraries`);
  }
});

test("every error the package throws on purpose is an AvailabilityError, from JavaScript and from the wasm alike", () => {
  assert.equal(ImportError, AvailabilityError, "one class for the core and the importers");
  const catalog = Catalog.fromJson(snapshot);
  const cases = {
    // Raised inside the wasm engine:
    invalid_quantity: () => catalog.decide("TEE-S", { quantity: 0 }),
    unknown_channel: () => catalog.decide("TEE-S", { channel: "etsy" }),
    invalid_snapshot: () => Catalog.fromJson('{"version": 2}'),
    invalid_price: () => catalog.planCart({ lines: [{ sku: "TEE-S", quantity: 1, unitPrice: -1 }], currency: "USD" }),
    // Raised by the JavaScript layer:
    invalid_update: () => catalog.update({ items: [{ onHand: 1 }] }),
    invalid_import: () => importSnapshot("woocommerce", { products: 7 }),
    unknown_platform: () => importSnapshot("etsy", {}),
  };
  for (const [code, run] of Object.entries(cases)) {
    assert.throws(run, (err) => {
      assert.ok(err instanceof AvailabilityError, `${code}: ${err?.constructor?.name}`);
      assert.ok(err instanceof Error);
      assert.equal(err.code, code);
      assert.equal(err.name, "AvailabilityError");
      assert.equal(typeof err.message, "string");
      return true;
    }, code);
  }
  // The snapshot's problems and paths survive the crossing.
  try {
    Catalog.fromJson('{"version": 1, "generatedAt": "soon", "items": []}');
    assert.fail("accepted");
  } catch (err) {
    assert.ok(err instanceof AvailabilityError);
    assert.equal(err.path, "generatedAt");
    assert.equal(err.problems[0].path, "generatedAt");
  }
  const freed = Catalog.fromJson(snapshot);
  freed.free();
  assert.throws(() => freed.decide("TEE-S"), (err) => err instanceof AvailabilityError && err.code === "freed");
});

test("messages: false gives the same decisions without their message", () => {
  const catalog = Catalog.fromJson(snapshot);
  const worded = catalog.decideAll({ now, quantity: 2 });
  const bare = catalog.decideAll({ now, quantity: 2, messages: false });
  assert.equal(bare.length, worded.length);
  bare.forEach((d, i) => {
    assert.equal("message" in d, false, d.sku);
    const { message, ...rest } = worded[i];
    assert.equal(typeof message.text, "string");
    assert.deepEqual(d, rest);
  });
  const one = catalog.decide("TEE-L", { now, messages: false });
  assert.equal("message" in one, false);
  assert.equal(one.reason, catalog.decide("TEE-L", { now }).reason);
  assert.throws(() => catalog.decideAll({ messages: "no" }), (err) => err instanceof AvailabilityError && err.code === "invalid_options");
});

test("decideProducts: each product as decideProduct gives it, its variants as decideAll decides them, messages its own", () => {
  // Both cross from the wasm as product rows (src/wasm/rows.rs); decideAll as decision rows.
  const catalog = Catalog.fromJson(snapshot);
  for (const options of [{ now }, { now, quantity: 2, locale: "de-DE" }]) {
    const products = catalog.decideProducts(options);
    const bySku = new Map(catalog.decideAll(options).map((d) => [d.sku, d]));
    assert.ok(products.length > 3 && products.some((p) => p.variantStates.length > 1));
    for (const p of products) {
      assert.deepEqual(Object.keys(p), ["productId", "policy", "canPurchase", "notifyMe", "shipDate", "variants", "inStock", "backorder",
        "preorder", "unavailable", "listing", "variantsDiffer", "variantStates", "message"]);
      assert.equal(JSON.stringify(catalog.decideProduct(p.productId, options)), JSON.stringify(p));
      assert.equal(p.variants, p.variantStates.length);
      for (const v of p.variantStates) {
        const d = bySku.get(v.sku);
        const picked = Object.fromEntries(Object.keys(v).map((key) => [key, d[key]]));
        assert.deepEqual(Object.keys(v), ["sku", "policy", "reason", "canPurchase", "notifyMe", "shipDate", "schemaOrg", "availabilityDate", "listing"]);
        assert.deepEqual(v, picked, v.sku);
      }
      assert.equal(p.inStock, p.variantStates.filter((v) => v.canPurchase && v.policy === "in_stock").length);
      assert.equal(typeof p.message.text, "string");
    }
    const [a, b] = products.filter((p) => p.message.key === products[0].message.key);
    if (b) {
      a.message.badge = "changed";
      assert.notEqual(b.message.badge, "changed", "each product holds its own message");
    }
  }
});

test("decideAll gives, key for key and in key order, what decide gives each SKU (varied stock, options and languages)", () => {
  // decideAll crosses from the wasm as rows with shared messages
  // (src/wasm/rows.rs); decide crosses as one object. Both must read the same.
  let seed = 7;
  const random = (n) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const base = JSON.parse(snapshot);
  const items = [];
  for (let copy = 0; copy < 12; copy++) {
    for (const item of base.items) {
      const varied = structuredClone(item);
      varied.sku = `${item.sku}~${copy}`;
      if (typeof varied.onHand === "number") varied.onHand = random(3) === 0 ? item.onHand : random(12) - 1;
      if (random(4) === 0) varied.reserved = random(4);
      items.push(varied);
    }
  }
  const catalog = Catalog.fromJson(JSON.stringify({ ...base, items }));
  const asked = [
    { now },
    { now, quantity: 3, locale: "de-DE" },
    { now: "2026-11-27T23:00:00Z", locale: "fr-FR", unitPrice: 2500, currency: "EUR" },
    { now, channel: "amazon", messages: false },
    { now: "2026-12-20T15:00:00Z", locale: "ja-JP", quantity: 2 },
  ];
  for (const options of asked) {
    const all = catalog.decideAll(options);
    assert.equal(all.length, items.length);
    const one = items.map((item) => catalog.decide(item.sku, options));
    assert.equal(JSON.stringify(all), JSON.stringify(one), JSON.stringify(options));
  }
  // Decisions that read the same message hold copies of it, not one object.
  const all = catalog.decideAll({ now });
  const [a, b] = all.filter((d) => d.message.key === "in_stock");
  assert.deepEqual(a.message, b.message);
  a.message.params.extra = 1;
  a.message.badge = "changed";
  assert.notEqual(b.message.badge, "changed");
  assert.equal("extra" in b.message.params, false);
});
