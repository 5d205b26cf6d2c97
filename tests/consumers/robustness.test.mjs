// Hostile and unlucky data against the packed package (issue 20): each test
// failed before its fix. Resource bounds are checked through the package's
// own memoryBytes(), never with timings.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import { Catalog, memoryBytes } from "storefront-availability";

const snapshot = readFileSync(new URL("sample-snapshot.json", import.meta.url), "utf8");
const now = "2026-11-23T15:00:00Z";
const MiB = 1024 * 1024;

/** A snapshot of `count` in-stock items, as JSON text. */
function items(count, extra = "") {
  const list = Array.from({ length: count }, (_, i) => `{"sku":"SKU-${i}","title":"Item number ${i} of a big store","onHand":${i % 7}${extra}}`);
  return `{"version":1,"generatedAt":"2026-11-23T08:00:00Z","items":[${list.join(",")}]}`;
}

test("a patch whose remove is not a list of SKUs is refused, and nothing changes", () => {
  const catalog = new Catalog(snapshot);
  const before = catalog.skus;
  for (const remove of ["TEE-S", { sku: "TEE-S" }, [1], [""]]) {
    assert.throws(() => catalog.update({ items: [], remove }), (e) => e.code === "invalid_update" && /^remove/.test(e.path), JSON.stringify(remove));
  }
  assert.deepEqual(catalog.skus, before);
  catalog.update({ items: [], remove: ["TEE-S"] });
  assert.equal(catalog.decide("TEE-S", { now }).reason, "unknown_sku");
});

test("a cyclic patch item is an invalid_update", () => {
  const catalog = new Catalog(snapshot);
  const item = { sku: "TEE-S", onHand: 1 };
  item.self = item;
  assert.throws(() => catalog.update({ items: [item] }), (e) => e.code === "invalid_update");
});

test("every method of a freed catalog throws code freed", () => {
  const catalog = new Catalog(snapshot);
  catalog.free();
  catalog.free(); // twice is fine
  const calls = [
    () => catalog.decide("TEE-S"), () => catalog.decideAll(), () => catalog.decideProduct("tee"), () => catalog.decideProducts(),
    () => catalog.planCart({ lines: [], currency: "USD" }), () => catalog.diagnostics, () => catalog.skus, () => catalog.generatedAt,
    () => catalog.update({ items: [] }), () => catalog.orderConfirmation("TEE-S", { orderNumber: "1" }),
  ];
  for (const call of calls) assert.throws(call, (e) => e instanceof Error && e.code === "freed");
});

test("a cart's amount overflow names its line", () => {
  const catalog = new Catalog(snapshot);
  const sku = catalog.decideAll({ now }).find((d) => d.policy === "in_stock" && d.maxQuantity >= 4).sku;
  const lines = [{ sku, quantity: 4, unitPrice: 2 ** 52 - 1 }];
  assert.throws(() => catalog.planCart({ lines, currency: "USD", now }), (e) => e.code === "invalid_price" && e.path === "lines[0].unitPrice");
});

test("a cart holds maxPerCustomer against what the customer already bought", () => {
  const catalog = new Catalog({ version: 1, generatedAt: "2026-11-23T08:00:00Z", items: [{ sku: "LIMITED", onHand: 50, limits: { maxPerCustomer: 3 } }] });
  const plan = (purchased) => catalog.planCart({ lines: [{ sku: "LIMITED", quantity: 2, unitPrice: 100 }], currency: "USD", now, purchased });
  assert.equal(plan(undefined).lines[0].accepted, true);
  assert.equal(plan({ LIMITED: 1 }).lines[0].accepted, true);
  const refused = plan({ LIMITED: 2 }).lines[0];
  assert.deepEqual([refused.accepted, refused.canHave, refused.decision.reason], [false, 1, "exceeds_order_limit"]);
  assert.throws(() => plan({ LIMITED: -1 }), (e) => e.code === "invalid_options" && e.path === "purchased.LIMITED");
  assert.throws(() => plan(2), (e) => e.code === "invalid_options" && e.path === "purchased");
});

test("a JavaScript stack overflow during engine calls never leaves the catalog unusable", () => {
  const catalog = new Catalog(snapshot);
  const expected = catalog.decideAll({ now, locale: "de-DE" });
  const errors = [];
  let calls = 0;
  // Calls the engine (decide and update) at each of the 3,000 frames nearest
  // the stack limit, so some calls overflow in JavaScript, some inside wasm
  // frames or the glue (once, mid-free, leaving a freed engine in place).
  function deep() {
    let height;
    try {
      height = deep();
    } catch {
      height = 0;
    }
    if (height < 3000) {
      calls++;
      try {
        if (height % 3 === 0) catalog.update({ items: [{ sku: "TEE-S", onHand: 24, reserved: 2, productId: "merino-tee", title: "Merino Crew Tee / S" }] });
        else catalog.decide("TEE-S", { now, locale: height % 2 ? "de-DE" : "fr-FR" });
      } catch (error) {
        errors.push(error);
      }
    }
    return height + 1;
  }
  for (let round = 0; round < 5; round++) deep();
  assert.ok(calls >= 15000 && errors.length > 0, `${calls} calls, ${errors.length} errors`);
  for (const error of errors) {
    assert.ok(typeof error.code === "string" || error instanceof RangeError, `${error.name}: ${error.message}`);
    assert.doesNotMatch(String(error.message), /null pointer|recursive use/);
  }
  assert.deepEqual(catalog.decideAll({ now, locale: "de-DE" }), expected);
  catalog.update({ items: [{ sku: "TEE-S", onHand: 2 }] });
  assert.equal(catalog.decide("TEE-S", { now }).maxQuantity, 2);
});

test("catalogs dropped in a synchronous loop are reclaimed instead of trapping the module", () => {
  // 100 items with 100 kB titles: 10 MB a catalog, 1 GB if none were reclaimed.
  const title = "t".repeat(100_000);
  const list = Array.from({ length: 100 }, (_, i) => `{"sku":"S${i}","title":"${title}","onHand":${i % 7}}`);
  const text = `{"version":1,"generatedAt":"2026-11-23T08:00:00Z","items":[${list.join(",")}]}`;
  let last;
  for (let i = 0; i < 100; i++) last = new Catalog(text);
  assert.equal(last.decide("S8", { now }).maxQuantity, 1);
  assert.ok(memoryBytes() <= 512 * MiB + 2 * text.length, `${memoryBytes()} bytes`);
});

test("data under unknown keys costs no memory, and a replaced big snapshot returns its memory", () => {
  const junk = `[${"1,".repeat(10 * MiB)}1]`; // 20 MB of numbers no rule reads
  const catalog = new Catalog(`{"version":1,"generatedAt":"2026-11-23T08:00:00Z","analytics":${junk},"items":[{"sku":"MUG","onHand":3,"history":${junk}}]}`);
  assert.equal(catalog.decide("MUG", { now }).maxQuantity, 3);
  catalog.free();
  const big = items(400_000); // 28 MB of items
  const store = new Catalog(big);
  assert.equal(store.decide("SKU-399999", { now }).maxQuantity, 399_999 % 7);
  const grown = memoryBytes();
  const small = items(10);
  store.update(small);
  assert.equal(store.decide("SKU-3", { now }).maxQuantity, 3);
  assert.ok(memoryBytes() <= 64 * MiB + 8 * small.length, `${memoryBytes()} bytes after replacing a ${big.length}-character snapshot (${grown} before)`);
});

test("a snapshot over the documented maximum is refused before it reaches wasm memory", () => {
  const before = memoryBytes();
  const text = `{"version":1,"generatedAt":"2026-11-23T08:00:00Z","items":[],"pad":"${"x".repeat(64 * MiB)}"}`;
  assert.throws(() => new Catalog(text), (e) => e.code === "invalid_snapshot" && /the most is 67108864 bytes/.test(e.message));
  assert.equal(memoryBytes(), before);
});

test("a template longer than 1000 characters is refused and decideAll stays small", () => {
  const catalog = new Catalog({
    version: 1, generatedAt: "2026-11-23T08:00:00Z", messages: { en: { in_stock: "x".repeat(MiB) } },
    items: Array.from({ length: 2000 }, (_, i) => ({ sku: `S${i}`, onHand: 5 })),
  });
  assert.deepEqual(catalog.diagnostics.map((d) => [d.code, d.path]), [["invalid_template", "messages.en.in_stock"]]);
  const plain = new Catalog({ version: 1, generatedAt: "2026-11-23T08:00:00Z", items: [{ sku: "S0", onHand: 5 }] });
  assert.equal(catalog.decideAll({ now })[0].message.text, plain.decide("S0", { now }).message.text);
});

test("the locale cache is bounded: any number of Accept-Language values keeps memory flat", () => {
  const catalog = new Catalog(snapshot);
  const ask = (from, to) => {
    for (let i = from; i < to; i++) catalog.decide("TEE-S", { now, locale: `en-US-x-c${i}` });
  };
  ask(0, 300);
  const warm = memoryBytes();
  ask(300, 3000);
  assert.ok(memoryBytes() - warm <= 128 * 1024, `grew ${memoryBytes() - warm} bytes over 2,700 more locales`);
  assert.equal(catalog.decide("TEE-S", { now, locale: "en-US-x-c1" }).sku, "TEE-S");
});

test("a lone surrogate in a snapshot object reads as U+FFFD; every good item stays sellable", () => {
  const catalog = new Catalog({
    version: 1, generatedAt: "2026-11-23T08:00:00Z",
    items: [{ sku: "MUG", title: "Mug \ud83d", onHand: 2 }, { sku: "CUP", title: "Cup", onHand: 4 }],
  });
  assert.equal(catalog.decide("CUP", { now }).maxQuantity, 4);
  assert.equal(catalog.decide("MUG", { now }).maxQuantity, 2);
  assert.deepEqual(catalog.diagnostics.map((d) => d.code), ["invalid_text"]);
});

test("the shipped files hold no absolute path of the build machine", () => {
  const pkg = new URL("node_modules/storefront-availability/pkg/", import.meta.url);
  const repository = fileURLToPath(new URL("../../", import.meta.url)); // build/consumer/ → the checkout
  const forbidden = [repository, `${homedir()}/`, "/root/", "/home/", "/Users/", ".cargo/registry"];
  const files = readdirSync(pkg);
  assert.ok(files.some((f) => f.endsWith(".wasm")));
  for (const file of files) {
    const text = readFileSync(new URL(file, pkg)).toString("latin1");
    for (const path of forbidden) assert.equal(text.includes(path), false, `${file} holds ${path}`);
  }
});
