// No panic reaches the page: every export of the packed package, called
// with hostile arguments, answers or throws an Error with a stable `code`;
// nothing traps, and the catalog answers exactly as before. If the module
// traps anyway, the catalog recovers on a fresh instance from its last good
// snapshot (forced here with a real out-of-bounds access inside wasm).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog } from "storefront-availability";
// The wasm-bindgen module the package's Catalog runs on in Node (the server build: the same module
// instance: the same file), reached by path only to force a trap.
import { Engine, initSync } from "./node_modules/storefront-availability/pkg/storefront_availability_server.js";

const snapshot = readFileSync(new URL("sample-snapshot.json", import.meta.url), "utf8");
const now = "2026-11-23T15:00:00Z";

function hostileValues() {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const throwing = new Proxy({}, { get() { throw new Error("getter says no"); }, has() { throw new Error("has says no"); } });
  const cyclic = { version: 1 };
  cyclic.self = cyclic;
  return {
    undefined: undefined, null: null, zero: 0, negative: -1, fraction: 1.5, NaN: NaN, Infinity: Infinity,
    "2^53": 2 ** 53, "-2^60": -(2 ** 60), bigint: 10n, empty: "", "1 MB string": "x".repeat(1 << 20),
    symbol: Symbol("s"), true: true, array: [], object: {}, frozen: Object.freeze({ quantity: 2, lines: Object.freeze([]) }),
    throwing, revoked: revoked.proxy, function: () => 1, "invalid Date": new Date(NaN), "null prototype": Object.create(null),
    "Date proxy": new Proxy(new Date(), {}), cyclic, "lines proxy": { lines: new Proxy([1], { get() { throw new Error("no"); } }), currency: "USD" },
    "hostile toString": { toString() { throw new Error("no"); }, valueOf() { throw new Error("no"); } },
  };
}

/** Every export, called with `h` in each argument position. */
const calls = {
  "new Catalog": (_, h) => new Catalog(h),
  "Catalog.fromJson": (_, h) => Catalog.fromJson(h),
  "decide(h)": (c, h) => c.decide(h),
  "decide(sku, h)": (c, h) => c.decide("TEE-S", h),
  "decide(sku, { now: h })": (c, h) => c.decide("TEE-S", { now: h }),
  "decide(sku, { quantity: h })": (c, h) => c.decide("TEE-S", { quantity: h }),
  "decide(sku, { channel: h })": (c, h) => c.decide("TEE-S", { channel: h }),
  "decide(sku, { locale: h })": (c, h) => c.decide("TEE-S", { locale: h }),
  "decideAll(h)": (c, h) => c.decideAll(h),
  "explain(h, h)": (c, h) => c.explain(h, h),
  "explain(sku, { now: h })": (c, h) => c.explain("TEE-S", { now: h }),
  "decide(sku, { purchased: h })": (c, h) => c.decide("TEE-S", { purchased: h }),
  "decideProduct(h, h)": (c, h) => c.decideProduct(h, h),
  "decideProducts(h)": (c, h) => c.decideProducts(h),
  "orderConfirmation(h, h)": (c, h) => c.orderConfirmation(h, h),
  "orderConfirmation(sku, { orderNumber: h })": (c, h) => c.orderConfirmation("TEE-S", { orderNumber: h, now }),
  "weeklyStatus(h)": (c, h) => c.weeklyStatus(h),
  "weeklyStatus({ position: h })": (c, h) => c.weeklyStatus({ orderNumber: "1", title: "T", promisedDate: "2026-12-01", expectedDate: "2026-12-02", position: h, total: h }),
  "planCart(h)": (c, h) => c.planCart(h),
  "planCart({ lines: h })": (c, h) => c.planCart({ lines: h, currency: "USD" }),
  "planCart({ lines: [h] })": (c, h) => c.planCart({ lines: [h], currency: "USD" }),
  "planCart(line fields h)": (c, h) => c.planCart({ lines: [{ sku: h, quantity: h, unitPrice: h }], currency: h, holdTogether: h }),
  "update(h)": (c, h) => c.update(h),
  "update({ items: [h] })": (c, h) => c.update({ items: [h] }),
  "update({ items: h })": (c, h) => c.update({ items: h }),
};

test("every export survives hostile arguments: an answer or a coded Error, never a trap", () => {
  const catalog = Catalog.fromJson(snapshot);
  const before = JSON.stringify(catalog.decideAll({ now }));
  let recovered = 0;
  catalog.addEventListener("recover", () => recovered++);
  const outcomes = new Map();
  for (const [name, call] of Object.entries(calls)) {
    for (const [label, value] of Object.entries(hostileValues())) {
      try {
        call(catalog, value);
        outcomes.set("answered", (outcomes.get("answered") ?? 0) + 1);
      } catch (e) {
        assert.ok(e instanceof Error, `${name} with ${label} threw a non-Error: ${String(e)}`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name} with ${label} trapped: ${e.message}`);
        assert.equal(typeof e.code, "string", `${name} with ${label}: ${e.message}`);
        assert.notEqual(e.code, "internal", `${name} with ${label}: ${e.message}`);
        outcomes.set(e.code, (outcomes.get(e.code) ?? 0) + 1);
      }
    }
  }
  assert.equal(recovered, 0, "no call trapped");
  // Some hostile updates are valid (an empty patch): reload to compare.
  catalog.update(snapshot);
  assert.equal(JSON.stringify(catalog.decideAll({ now })), before);
  for (const code of ["invalid_sku", "invalid_options", "invalid_now", "invalid_quantity", "invalid_cart", "invalid_snapshot", "invalid_update", "unknown_channel", "invalid_locale"]) {
    assert.ok(outcomes.get(code) > 0, `some call was refused with ${code}: ${JSON.stringify([...outcomes])}`);
  }
});

test("a hostile getter in options is named in the error", () => {
  const catalog = Catalog.fromJson(snapshot);
  const options = { get quantity() { throw new Error("boom"); } };
  assert.throws(() => catalog.decide("TEE-S", options), { code: "invalid_options", message: "options.quantity could not be read: boom" });
  assert.throws(() => new Catalog({ get items() { throw new Error("boom"); } }), { code: "invalid_snapshot", message: "invalid snapshot: the object could not be read as JSON: boom" });
});

test("a snapshot object decides like its JSON text; NaN in it is a data problem with its path", () => {
  const fromText = Catalog.fromJson(snapshot);
  const object = JSON.parse(snapshot);
  assert.deepEqual(new Catalog(object).decideAll({ now }), fromText.decideAll({ now }));
  object.items[0].onHand = NaN;
  object.generatedAt = new Date("2026-11-23T08:00:00Z");
  const withNaN = new Catalog(object);
  assert.deepEqual(withNaN.diagnostics[0], { code: "invalid_item", sku: "TEE-S", path: "items[0].onHand", message: 'expected an integer from -9007199254740991 to 9007199254740991, got "NaN"' });
  assert.equal(withNaN.decide("TEE-S", { now }).reason, "invalid_item");
});

/** Makes the engine's next `decide` trap inside wasm: a real out-of-bounds access. */
function trapNextDecide() {
  const decide = Engine.prototype.decide;
  Engine.prototype.decide = function (...args) {
    Engine.prototype.decide = decide;
    return initSync().engine_decide(0x7ffffff0, ...args);
  };
}

test("after a trap, catalogs answer from a fresh instance and their last good snapshot", () => {
  const catalog = Catalog.fromJson(snapshot);
  const other = Catalog.fromJson(snapshot);
  catalog.update({ items: [{ sku: "TEE-S", onHand: 0 }] }); // the last good snapshot is the patched one
  const events = [];
  catalog.addEventListener("recover", (e) => events.push(e.error));
  const memory = initSync().memory;

  assert.throws(() => initSync().engine_decide(0x7ffffff0, "TEE-S", undefined), WebAssembly.RuntimeError, "the forced access really traps");
  trapNextDecide();
  const d = catalog.decide("TEE-S", { now });

  assert.equal(d.policy, "out_of_stock", "answered from the patched snapshot (TEE-S has 0 on hand)");
  assert.equal(events.length, 1);
  assert.ok(events[0] instanceof WebAssembly.RuntimeError);
  assert.notEqual(initSync().memory, memory, "a fresh wasm instance");
  // A catalog made before the trap reloads on its next call, from its own snapshot.
  assert.equal(other.decide("TEE-S", { now }).reason, "in_stock");
  assert.equal(catalog.decideAll({ now }).length, 18);
});

test("a call that traps again on the fresh instance fails with `internal`, and the next call works", () => {
  const catalog = Catalog.fromJson(snapshot);
  const decide = Engine.prototype.decide;
  Engine.prototype.decide = function (...args) {
    return initSync().engine_decide(0x7ffffff0, ...args); // every decide traps
  };
  try {
    assert.throws(() => catalog.decide("TEE-S", { now }), { code: "internal" });
  } finally {
    Engine.prototype.decide = decide;
  }
  assert.equal(catalog.decide("TEE-S", { now }).reason, "in_stock");
});

test("a patch that traps inside wasm is applied once, on a fresh instance", () => {
  const catalog = Catalog.fromJson(snapshot);
  const patch = Engine.prototype.patch;
  Engine.prototype.patch = function () {
    Engine.prototype.patch = patch;
    return initSync().engine_decide(0x7ffffff0, "TEE-S", undefined); // a real trap, in place of the patch
  };
  const events = [];
  for (const name of ["update", "recover"]) catalog.addEventListener(name, () => events.push(name));
  catalog.update({ items: [{ sku: "TEE-S", onHand: 0 }] });
  assert.deepEqual(events, ["recover", "update"]);
  assert.equal(catalog.decide("TEE-S", { now }).policy, "out_of_stock");
  assert.equal(catalog.decideAll({ now }).length, 18, "nothing lost, nothing twice");
});

test("patched in place or loaded whole, a catalog answers alike, half characters and refusals included", () => {
  const parsed = JSON.parse(snapshot);
  parsed.items[1].title = "Mug HALF";
  // Half a character, as JSON.stringify writes for a string cut inside an emoji: the text is patched by loading it whole.
  const halves = JSON.stringify(parsed).replace("HALF", "\\ud83d");
  for (const text of [snapshot, halves]) {
    const catalog = Catalog.fromJson(text);
    const half = catalog.diagnostics.filter((d) => d.code === "invalid_text");
    assert.equal(half.length, text === halves ? 1 : 0);
    catalog.update({ items: [{ sku: "TEE-S", onHand: 0 }, { sku: "NEW-1", onHand: 2 }], remove: ["TEE-M"] });
    const fresh = JSON.parse(text);
    fresh.items = fresh.items.filter((i) => i.sku !== "TEE-M").map((i) => (i.sku === "TEE-S" ? { sku: "TEE-S", onHand: 0 } : i));
    fresh.items.push({ sku: "NEW-1", onHand: 2 });
    const reloaded = Catalog.fromJson(text === halves ? JSON.stringify(fresh).replace("HALF", "\\ud83d") : JSON.stringify(fresh));
    assert.deepEqual(catalog.decideAll({ now }), reloaded.decideAll({ now }));
    assert.deepEqual(catalog.diagnostics, reloaded.diagnostics);
    assert.deepEqual(catalog.skus, reloaded.skus);
    // A refused patch changes nothing, either way.
    assert.throws(() => catalog.update({ items: [{ sku: "NEW-1", onHand: "many" }] }), { code: "invalid_update", path: "items[0].onHand" });
    assert.equal(catalog.decide("NEW-1", { now }).maxQuantity, 2);
  }
});
