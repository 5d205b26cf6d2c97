// The package's public `Catalog`: a thin JavaScript layer over the wasm
// engine (the wasm-bindgen class), for what only JavaScript can do:
//
// - reads every argument once, in JavaScript, into plain values, so a
//   throwing getter, a Proxy or a revoked Proxy becomes an `Error` with a
//   code before anything reaches wasm;
// - turns a snapshot object into JSON text, so objects and text take one
//   parser with one set of errors and limits;
// - `update()` swaps in a new snapshot or a patch of items atomically and
//   tells listeners (it is an `EventTarget`);
// - keeps the last good snapshot, so if the module ever traps the instance
//   is replaced by a fresh one, every catalog reloads and the call is
//   answered (a `recover` event says it happened).
import init, { Engine, health as engineHealth, initSync, maxSnapshotBytes, memoryBytes, __wbg_reset_state as resetInstance } from "./storefront_availability.js";

import { AvailabilityError, availabilityError } from "./error.js";
export { productJsonLd, productGroupJsonLd, jsonLdScript, merchantFeedFields } from "./structured-data.js";

export { init as default, initSync, memoryBytes, AvailabilityError };

/** Bumped each time the wasm instance is replaced (after a trap, or to return memory). */
let instance = 0;
/** Set while an instance replacement has not completed (it can itself be interrupted). */
let resetPending = false;

/**
 * Wasm memory never shrinks: once a replaced or freed snapshot leaves the
 * module holding more than this plus 8× the text still in use, a fresh
 * instance is started and the catalogs still in use reload lazily.
 */
const MEMORY_SLACK = 64 * 1024 * 1024;

/**
 * Catalogs dropped without free() are reclaimed only by the garbage
 * collector, between event-loop turns: a synchronous loop of them would
 * fill the module's 4 GiB and trap. Past this much wasm memory, loading a
 * catalog starts a fresh instance first (catalogs in use reload lazily).
 */
const MEMORY_CEILING = 512 * 1024 * 1024;

const utf8 = new TextEncoder();

const codedError = (code, message, extra) => new AvailabilityError(code, message, extra);

/** An error the engine raised on purpose (it carries our `code`): the engine is fine. */
const isCoded = (error) => error instanceof Error && typeof error.code === "string";

const freedError = () => codedError("freed", "this catalog was freed (free() or `using`); load a new Catalog");

/** A snapshot refused before it reached the parser (no JSON path to name). */
function snapshotError(what) {
  return codedError("invalid_snapshot", `invalid snapshot: ${what}`, { path: "", problems: [] });
}

const DECIDE_KEYS = ["channel", "quantity", "now", "locale", "purchased", "unitPrice", "currency", "messages"];

/**
 * A copy of `options` holding `keys` as plain data (a `Date` as its
 * milliseconds, an object as its JSON copy; `lines` are copied line by
 * line by `readCart`), with no prototype: a key the caller left out stays
 * out even on a page whose `Object.prototype` was polluted (a value found
 * only there is ignored). Whether a value is right is the core's to say.
 */
function readOptions(options, keys) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object" && typeof options !== "function") return options; // the core says why it's wrong
  const copy = Object.create(null);
  for (const key of keys) {
    let value;
    try {
      value = Object.hasOwn(options, key) || !Object.hasOwn(Object.prototype, key) ? options[key] : undefined;
      if (typeof value === "object" && value !== null && key !== "lines") value = plainValue(key, value);
    } catch (e) {
      if (isCoded(e)) throw e;
      throw codedError("invalid_options", `options.${key} could not be read: ${e?.message ?? e}`, { path: key });
    }
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

/** An object option as plain data: `now` as a `Date`'s milliseconds, anything else its JSON copy. */
function plainValue(key, value) {
  if (key !== "now") return JSON.parse(JSON.stringify(value));
  try {
    return Date.prototype.valueOf.call(value); // a Date (not a Proxy of one)
  } catch {
    throw codedError("invalid_now", "now must be epoch milliseconds, a Date or an RFC 3339 string, got an object");
  }
}

/** A message of its own for each answer that shares it in the engine's rows (a page may change one). */
const ownCopy = (message) => ({ ...message, params: { ...message.params } });

/** Cells a decision row takes (src/wasm/rows.rs `WIDTH`). */
const WIDTH = 20;

/**
 * The engine's decision rows (src/wasm/rows.rs) as decision objects, each
 * with a message of its own: a row is WIDTH numbers of `cells` in
 * `Decision`'s field order, a number, a boolean as 0 / 1 or an index into
 * `strings`, `objects` or `messages` (-1: null, or an empty list). For 10k
 * decisions, `JSON.parse` of rows as arrays took about 8 ms of 15
 * (BENCHMARKS.md).
 */
function fromRows({ cells, strings, objects, messages }) {
  const text = (i) => (i < 0 ? null : strings[i]);
  const count = (n) => (n < 0 ? null : n);
  const object = (i) => (i < 0 ? null : objects[i]);
  const list = (i) => (i < 0 ? [] : objects[i]);
  const decisions = new Array(cells.length / WIDTH);
  for (let k = 0, i = 0; i < cells.length; k++, i += WIDTH) {
    const d = {
      sku: strings[cells[i]], policy: strings[cells[i + 1]], reason: strings[cells[i + 2]], canPurchase: cells[i + 3] === 1,
      notifyMe: cells[i + 4] === 1, maxQuantity: cells[i + 5], minQuantity: cells[i + 6], shipDate: text(cells[i + 7]),
      remainingPreorders: count(cells[i + 8]), queuePosition: count(cells[i + 9]), split: object(cells[i + 10]),
      payment: text(cells[i + 11]), cancellable: cells[i + 12] === 1, warnings: list(cells[i + 13]), schemaOrg: strings[cells[i + 14]],
      merchantAvailability: strings[cells[i + 15]], availabilityDate: text(cells[i + 16]), listing: strings[cells[i + 17]],
      deliveries: list(cells[i + 18]),
    };
    if (cells[i + 19] >= 0) d.message = ownCopy(messages[cells[i + 19]]);
    decisions[k] = d;
  }
  return decisions;
}

/** Cells a product roll-up and each of its variants take (src/wasm/rows.rs). */
const PRODUCT_WIDTH = 14;
const VARIANT_WIDTH = 9;

/**
 * The engine's product rows (src/wasm/rows.rs `product_rows`) as product
 * objects, each with a message of its own: a product's PRODUCT_WIDTH cells
 * (its variant count in the 13th), then VARIANT_WIDTH cells per variant.
 */
function fromProductRows({ cells, strings, messages }) {
  const text = (i) => (i < 0 ? null : strings[i]);
  const products = [];
  for (let i = 0; i < cells.length; ) {
    const p = {
      productId: strings[cells[i]], policy: strings[cells[i + 1]], canPurchase: cells[i + 2] === 1, notifyMe: cells[i + 3] === 1,
      shipDate: text(cells[i + 4]), variants: cells[i + 5], inStock: cells[i + 6], backorder: cells[i + 7], preorder: cells[i + 8],
      unavailable: cells[i + 9], listing: strings[cells[i + 10]], variantsDiffer: cells[i + 11] === 1, variantStates: [],
    };
    const count = cells[i + 12];
    const message = messages[cells[i + 13]];
    i += PRODUCT_WIDTH;
    for (let v = 0; v < count; v++, i += VARIANT_WIDTH) {
      p.variantStates.push({
        sku: strings[cells[i]], policy: strings[cells[i + 1]], reason: strings[cells[i + 2]], canPurchase: cells[i + 3] === 1,
        notifyMe: cells[i + 4] === 1, shipDate: text(cells[i + 5]), schemaOrg: strings[cells[i + 6]],
        availabilityDate: text(cells[i + 7]), listing: strings[cells[i + 8]],
      });
    }
    p.message = ownCopy(message);
    products.push(p);
  }
  return products;
}

/** A cart's options read once, each line copied. */
function readCart(options) {
  const read = readOptions(options, [...DECIDE_KEYS, "lines", "holdTogether"]);
  if (typeof read !== "object" || read === undefined || read.lines === undefined) return read;
  try {
    read.lines = Array.isArray(read.lines) ? Array.from(read.lines, (line) => readOptions(line, ["sku", "quantity", "unitPrice"])) : plainValue("lines", read.lines);
  } catch (e) {
    if (isCoded(e)) throw e; // ours already (readOptions), or the caller's own
    throw codedError("invalid_cart", `lines could not be read: ${e?.message ?? e}`);
  }
  return read;
}

/** JSON text for a snapshot given as text or as a plain object, within the size limit. */
function snapshotText(snapshot) {
  if (typeof snapshot === "string") return withinLimit(snapshot);
  if (typeof snapshot !== "object" || snapshot === null) {
    throw snapshotError(`expected JSON text or an object, got ${snapshot === null ? "null" : typeof snapshot}`);
  }
  try {
    const text = JSON.stringify(snapshot, jsonValue);
    return withinLimit(text);
  } catch (e) {
    if (isCoded(e)) throw e;
    throw snapshotError(`the object could not be read as JSON: ${e?.message ?? e}`);
  }
}

/**
 * NaN, ±Infinity and BigInt have no JSON form: kept as text so the error
 * names them ("got \"NaN\"") instead of `JSON.stringify`'s null.
 */
const jsonValue = (_, v) => (typeof v === "bigint" || (typeof v === "number" && !Number.isFinite(v)) ? String(v) : v);

/**
 * `text`, if it is within the engine's limit. Checked before the text is
 * copied into wasm memory, which never shrinks (UTF-8 takes at least one
 * byte per UTF-16 unit, so a longer string is always over).
 */
function withinLimit(text) {
  const most = maxSnapshotBytes();
  if (text.length > most) throw snapshotError(`the snapshot is ${text.length} characters; the most is ${most} bytes (64 MiB)`);
  return text;
}

/**
 * The merchant's health metrics over an order history (JSON text or an
 * object; docs/metrics.md): each rate exact, with its alarm state. Server
 * build only (Node's default entry); elsewhere it throws `not_in_build`.
 *
 * ```js
 * const report = health(readFileSync("orders.json", "utf8"));
 * if (report.store.backorderRate.alarm === "warn") alert(`backorder rate ${report.store.backorderRate.value.percent} %`);
 * ```
 */
export function health(history) {
  let text;
  try {
    text = typeof history === "string" ? history : JSON.stringify(history);
  } catch (e) {
    throw codedError("invalid_history", `invalid order history: could not be read as JSON: ${e?.message ?? e}`, { path: "", problems: [] });
  }
  if (typeof text !== "string") throw codedError("invalid_history", "invalid order history: expected JSON text or an object", { path: "", problems: [] });
  try {
    return engineHealth(text);
  } catch (error) {
    throw isCoded(error) ? availabilityError(error) : error;
  }
}

/** The snapshot text at `url`; an `unavailable` error when it cannot be fetched. */
async function fetchText(url, request) {
  let response;
  try {
    response = await fetch(url, request);
  } catch (e) {
    throw codedError("unavailable", `the snapshot ${url} could not be fetched: ${e?.message ?? e}`, { cause: e });
  }
  if (!response.ok) throw codedError("unavailable", `the snapshot ${url} could not be fetched: HTTP ${response.status}`);
  return response.text();
}

/** A loaded inventory snapshot, ready to answer availability questions. */
export class Catalog extends EventTarget {
  #engine;
  #instance;
  /** The last good snapshot's JSON text: what a fresh instance reloads. */
  #source;
  #freed = false;

  /**
   * Loads a snapshot given as JSON text or as a plain object.
   *
   * ```js
   * const catalog = new Catalog({ version: 1, generatedAt: new Date(), items: [{ sku: "MUG", onHand: 3 }] });
   * ```
   */
  constructor(snapshot) {
    super();
    const text = snapshotText(snapshot);
    this.#engine = load(text);
    this.#instance = instance;
    this.#source = text;
  }

  /**
   * Loads snapshot JSON text (as fetched from the CDN).
   *
   * ```js
   * const catalog = Catalog.fromJson(await (await fetch("/inventory.json")).text());
   * ```
   */
  static fromJson(text) {
    if (typeof text !== "string") throw snapshotError(`fromJson takes JSON text, got ${text === null ? "null" : typeof text}`);
    return new Catalog(text);
  }

  /**
   * Fetches the snapshot at `url` while the wasm module downloads and
   * compiles, and loads it: one call, no waterfall. When the module is
   * ready first (or a product's shard is still on its way), the wait is
   * spent preparing the first decision (the browser compiles its code),
   * so the first answer comes a few
   * milliseconds after the snapshot. `request` is passed to
   * `fetch` (headers, credentials, `signal`). With `{ product }` and a
   * shard index at `url` (written by `storefront-availability shard`),
   * the shard holding that product is fetched and added too: a product
   * page downloads its product's few KB, not the whole catalog.
   *
   * ```js
   * const catalog = await Catalog.load("/inventory.json");
   * const one = await Catalog.load("/shards/index.json", undefined, { product: "tee" });
   * ```
   */
  static async load(url, request, { product } = {}) {
    const ready = init().catch((e) => {
      throw codedError("unavailable", `the availability module could not load: ${e?.message ?? e}`, { cause: e });
    });
    const [text] = await Promise.all(fetchWarming(url, request, ready));
    const catalog = new Catalog(text);
    if (product !== undefined) {
      const shards = shardsOf(text);
      // The shard is a second wait, the module ready.
      if (shards) catalog.addShard(await fetchWarming(shardUrl(shards, product, url), request, Promise.resolve())[0]);
    }
    return catalog;
  }

  /**
   * Runs `ask` on the engine. Any exception but the engine's own coded
   * errors (a trap, or a JavaScript exception such as a stack overflow
   * that unwound through wasm frames) leaves the instance untrustworthy:
   * it is replaced and `ask` runs once more on a fresh one.
   */
  #ask(ask) {
    if (this.#freed) throw freedError();
    if (resetPending) replaceInstance();
    if (this.#instance !== instance) this.#reload();
    try {
      return ask(this.#engine);
    } catch (error) {
      if (isCoded(error)) throw availabilityError(error);
      replaceInstance();
      this.#reload();
      this.dispatchEvent(Object.assign(new Event("recover"), { error }));
      return guarded(() => ask(this.#engine));
    }
  }

  #reload() {
    this.#engine = load(this.#source);
    this.#instance = instance;
  }

  /**
   * The decision for one SKU.
   *
   * ```js
   * const d = catalog.decide("TEE-M", { quantity: 2, locale: "en-GB" });
   * button.disabled = !d.canPurchase; button.textContent = d.message.button;
   * ```
   */
  decide(sku, options) {
    const read = readOptions(options, DECIDE_KEYS);
    return fromRows(this.#ask((engine) => engine.decide(sku, read)))[0];
  }

  /**
   * The decision for one SKU (without its message) and the chain of rules
   * behind it, each step with the values it looked at. In the server build
   * (Node's default entry).
   *
   * ```js
   * const { decision, steps } = catalog.explain("TEE-L");
   * for (const step of steps) console.log(`${step.rule}: ${step.says}`);
   * ```
   */
  explain(sku, options) {
    const read = readOptions(options, DECIDE_KEYS);
    return this.#ask((engine) => engine.explain(sku, read));
  }

  /**
   * What the rules will refuse about items that load fine, whatever their
   * stock: a pre-order without a cap or a date, an item taking backorders
   * with no confirmed restock (out of stock at zero). Each with its path.
   * In the server build (Node's default entry).
   *
   * ```js
   * for (const n of catalog.notices()) console.warn(`${n.path}: ${n.message}`);
   * ```
   */
  notices() {
    return this.#ask((engine) => engine.notices());
  }

  /**
   * A decision for every item, in snapshot order.
   *
   * ```js
   * for (const d of catalog.decideAll({ locale: "en-US" })) badge(d.sku, d.message.badge);
   * ```
   */
  decideAll(options) {
    const read = readOptions(options, DECIDE_KEYS);
    return fromRows(this.#ask((engine) => engine.decideAll(read)));
  }

  /**
   * One product's availability over its variants (items with this `productId`;
   * an item without one is a product of its own, named by its SKU).
   *
   * ```js
   * const p = catalog.decideProduct("tee");
   * card.querySelector(".badge").textContent = p.message.badge; // "In stock"
   * card.querySelector(".note").textContent = p.message.text;   // "Some options on backorder"
   * ```
   */
  decideProduct(productId, options) {
    const read = readOptions(options, DECIDE_KEYS);
    return fromProductRows(this.#ask((engine) => engine.decideProduct(productId, read)))[0];
  }

  /**
   * Every product's roll-up, in the order products first appear: one call for a collection grid.
   *
   * ```js
   * for (const p of catalog.decideProducts({ locale: "de-DE" })) cards.get(p.productId).badge = p.message.badge;
   * ```
   */
  decideProducts(options) {
    const read = readOptions(options, DECIDE_KEYS);
    return fromProductRows(this.#ask((engine) => engine.decideProducts(read)));
  }

  /**
   * The order confirmation email for buying `sku`: `{ subject, body }`.
   *
   * ```js
   * const { subject } = catalog.orderConfirmation("TEE-L", { orderNumber: "1042" });
   * ```
   */
  orderConfirmation(sku, options) {
    const read = readOptions(options, [...DECIDE_KEYS, "orderNumber"]);
    return this.#ask((engine) => engine.orderConfirmation(sku, read));
  }

  /**
   * The weekly status email for an order.
   *
   * ```js
   * catalog.weeklyStatus({ orderNumber: "1042", title: "Merino Tee", promisedDate: "2026-12-02", expectedDate: "2026-12-09" });
   * ```
   */
  weeklyStatus(options) {
    const keys = [...DECIDE_KEYS, "orderNumber", "title", "promisedDate", "expectedDate", "position", "total", "stage", "warehouseArrival"];
    const read = readOptions(options, keys);
    return this.#ask((engine) => engine.weeklyStatus(read));
  }

  /**
   * The back-in-stock email for a notify-me subscriber, once the item can
   * be bought again: `{ subject, body }` (throws `not_purchasable` until then).
   *
   * ```js
   * if (catalog.decide(sku).canPurchase) send(address, catalog.backInStock(sku, { locale }));
   * ```
   */
  backInStock(sku, options) {
    const read = readOptions(options, DECIDE_KEYS);
    return this.#ask((engine) => engine.backInStock(sku, read));
  }

  /**
   * The "your order shipped" email, with the tracking number when given.
   *
   * ```js
   * catalog.shipped({ orderNumber: "1042", title: "Merino Tee", tracking: "1Z999" });
   * ```
   */
  shipped(options) {
    const read = readOptions(options, [...DECIDE_KEYS, "orderNumber", "title", "tracking"]);
    return this.#ask((engine) => engine.shipped(read));
  }

  /**
   * Plans a cart for checkout (amounts in integer minor units).
   *
   * ```js
   * const plan = catalog.planCart({ lines: [{ sku: "TEE-L", quantity: 2, unitPrice: 2500 }], currency: "USD" });
   * ```
   */
  planCart(options) {
    const read = readCart(options);
    return this.#ask((engine) => engine.planCart(read));
  }

  /**
   * Data problems inside the snapshot, each with its JSON path.
   *
   * ```js
   * for (const p of catalog.diagnostics) console.warn(`${p.path}: ${p.message}`);
   * ```
   */
  get diagnostics() {
    return this.#ask((engine) => engine.diagnostics);
  }

  /**
   * The SKUs in snapshot order.
   *
   * ```js
   * catalog.skus.length; // 48
   * ```
   */
  get skus() {
    return this.#ask((engine) => engine.skus);
  }

  /**
   * When the snapshot's data was taken, as an RFC 3339 string.
   *
   * ```js
   * catalog.generatedAt; // "2026-11-23T08:00:00Z"
   * ```
   */
  get generatedAt() {
    return this.#ask((engine) => engine.generatedAt);
  }

  /**
   * The store's IANA time zone (`"UTC"` when the snapshot names none): pass
   * it to `productJsonLd` / `productGroupJsonLd` so `availabilityStarts`
   * carries the store's time and offset.
   *
   * ```js
   * catalog.timeZone; // "America/New_York"
   * ```
   */
  get timeZone() {
    return this.#ask((engine) => engine.timeZone);
  }

  /**
   * Replaces the snapshot, atomically: a whole new snapshot (JSON text or
   * an object with `version`), or a patch `{ items, remove?, generatedAt? }`
   * whose items replace those with the same SKU (new SKUs are appended).
   * If the result is refused, or a patched item is invalid, nothing changes
   * and the error says why (paths point into what you passed). Listeners
   * of `update` hear of every change.
   *
   * ```js
   * catalog.addEventListener("update", () => render());
   * catalog.update({ items: [{ sku: "TEE-M", onHand: 0 }] });
   * ```
   */
  update(next) {
    if (this.#freed) throw freedError();
    const patch = patchText(next);
    if (patch === null) this.#change(snapshotText(next));
    else this.#patch(patch, false);
  }

  /**
   * Adds a shard of a large catalog (`{ generatedAt, items }` as JSON text
   * or an object, written by `storefront-availability shard`): its items
   * join the catalog, replacing those with the same SKUs. The catalog is
   * as old as its oldest part: the shard's `generatedAt` counts only when
   * it is older, so staleness is never understated. A bad item in it fails
   * alone (see `diagnostics`), as in the whole snapshot; a shard that is
   * none is refused and nothing changes.
   *
   * ```js
   * const catalog = Catalog.fromJson(await (await fetch("/shards/index.json")).text());
   * catalog.addShard(await (await fetch(`/shards/${shardOf("tee", 1024)}.json`)).text());
   * ```
   */
  addShard(shard) {
    if (this.#freed) throw freedError();
    const text = typeof shard === "string" ? withinLimit(shard) : patchText({ items: shard?.items, generatedAt: shard?.generatedAt });
    this.#patch(text, true);
  }

  /**
   * Applies a patch (or a shard) to the engine in place, reading only the
   * items it brings; where only a load of the whole patched text can
   * answer (see `Engine.patch`), the engine does that from the source.
   * Atomic either way: a refused patch changes nothing.
   */
  #patch(patch, shard) {
    const text = this.#ask((engine) => engine.patch(patch, shard) ?? engine.patch(patch, shard, utf8.encode(this.#source)));
    this.#source = text;
    returnMemory(text.length);
    this.dispatchEvent(new Event("update"));
  }

  /** Replaces the engine by one loaded from snapshot `text`, atomically, and tells listeners. */
  #change(text) {
    if (this.#freed) throw freedError();
    const engine = load(text);
    const old = this.#instance === instance ? this.#engine : null;
    this.#engine = engine;
    this.#instance = instance;
    this.#source = text;
    release(old);
    returnMemory(text.length);
    this.dispatchEvent(new Event("update"));
  }

  /**
   * Frees the engine now instead of when the catalog is garbage-collected.
   *
   * ```js
   * catalog.free();
   * ```
   */
  free() {
    if (this.#freed) return;
    this.#freed = true;
    const old = this.#instance === instance ? this.#engine : null;
    this.#engine = null;
    this.#source = null;
    release(old);
    returnMemory(0);
  }

  [Symbol.dispose]() {
    this.free();
  }
}

/**
 * The shard (0 … `count` − 1) holding a product, by its key (`productId`,
 * else the SKU): FNV-1a over its UTF-16 code units. The shard writer,
 * `Catalog.load` and an edge worker all place a product with it.
 *
 * ```js
 * shardOf("tee", 1024); // 517
 * ```
 */
export function shardOf(productKey, count) {
  let h = 0x811c9dc5;
  for (let i = 0; i < productKey.length; i++) h = Math.imul(h ^ productKey.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}

/** A shard index's `shards` member (`{ count, path }`), or null for a plain snapshot. */
function shardsOf(text) {
  try {
    const shards = JSON.parse(text.replace(/^\uFEFF/, "")).shards;
    return Number.isInteger(shards?.count) && shards.count > 0 && typeof shards.path === "string" ? shards : null;
  } catch {
    return null; // the catalog said what is wrong with the text already
  }
}

/** Where the shard holding `product` is, relative to the index at `indexUrl`. */
function shardUrl(shards, product, indexUrl) {
  const base = new URL(indexUrl, globalThis.location?.href ?? "http://localhost/");
  return new URL(shards.path.replace("{n}", String(shardOf(String(product), shards.count))), base).href;
}

/**
 * `next` as the JSON text of a patch `{ items, remove, generatedAt }`;
 * `null` when it is a whole snapshot (text, or an object with `version`).
 * Whether the patch is a good one is the core's to say.
 */
function patchText(next) {
  if (typeof next !== "object" || next === null) return null;
  try {
    if ("version" in next) return null;
    return withinLimit(JSON.stringify({ items: next.items, remove: next.remove, generatedAt: next.generatedAt }, jsonValue));
  } catch (e) {
    if (isCoded(e)) throw e;
    const message = `could not be read as JSON: ${e?.message ?? e}`;
    throw codedError("invalid_update", `invalid update: ${message}`, { path: "", problems: [{ code: "invalid_update", sku: null, path: "", message }] });
  }
}

/**
 * Replaces the wasm instance by a fresh one (new memory); catalogs in use
 * reload lazily from their source, dropped ones are simply gone. Marked
 * pending first, so an interrupted replacement is finished by the next call.
 */
function replaceInstance() {
  resetPending = true;
  instance += 1;
  resetInstance();
  resetPending = false;
}

/** Runs `run`; anything but a coded error replaces the instance and becomes an `internal` error. */
function guarded(run) {
  try {
    return run();
  } catch (error) {
    if (isCoded(error)) throw availabilityError(error);
    replaceInstance();
    throw codedError("internal", `the availability engine failed (${error?.message ?? error}); it was restarted, please report this`, { cause: error });
  }
}

/**
 * `[text, warming]`: the text at `url` (fetchText), and once the module is
 * `ready`, the wait for the text spent preparing the first decision
 * (warmUp) unless the text is already in. The warm-up is not awaited: it
 * stops at its next step once the text arrives.
 */
function fetchWarming(url, request, ready) {
  let arrived = false;
  const text = fetchText(url, request).finally(() => {
    arrived = true;
  });
  const warming = ready.then(() => {
    if (!arrived && !downloaded(url)) warmUp(() => arrived);
  });
  return [text, warming];
}

/** Whether this page's first decision was already prepared (warmUp). */
let warmed = false;

/**
 * Prepares the first decision while the snapshot (or a product's shard)
 * is still downloading: a load and two decisions on a one-item snapshot,
 * so the browser compiles the wasm code they run (it compiles each
 * function on its first call). Once per page, only while the download has not
 * `arrived()`, checked before each step: each step is work the first real
 * decision would do anyway, done in time that is otherwise idle. Nothing
 * is kept, and nothing it throws matters. The steps taken show in the
 * page's performance timeline as a "storefront-availability warm-up"
 * measure, `detail: { steps }`.
 */
async function warmUp(arrived) {
  if (warmed) return;
  warmed = true;
  const start = performance.now();
  const generatedAt = new Date().toISOString();
  const item = { sku: "warm-up", productId: "warm-up", onHand: 1 };
  let catalog;
  const steps = [
    () => (catalog = new Catalog({ version: 1, generatedAt, timeZone: "America/New_York", items: [item] })),
    () => catalog.decide(item.sku),
    () => catalog.decideProduct(item.productId),
  ];
  let taken = 0;
  try {
    for (const step of steps) {
      if (arrived()) break;
      step();
      taken += 1;
      await new Promise((resolve) => setTimeout(resolve)); // lets the snapshot's arrival through
    }
    if (taken > 0) performance.measure("storefront-availability warm-up", { start, detail: { steps: taken } });
  } catch {
    // A module that fails here fails the real load the same way, with its own error.
  } finally {
    catalog?.free();
  }
}

/**
 * Whether the response for `url` has already been received in full (a
 * `<link rel="preload">` of it, say): the browser writes its resource
 * timing entry once it has.
 */
function downloaded(url) {
  try {
    return performance.getEntriesByName(new URL(url, globalThis.location?.href).href, "resource").some((e) => e.responseEnd > 0);
  } catch {
    return false;
  }
}

/**
 * A new engine for `text`, on a fresh instance when the module holds more
 * than MEMORY_CEILING. If the module traps anyway (out of memory), it is
 * retried once on a fresh instance, which holds only what is loaded again.
 */
function load(text) {
  // As UTF-8 bytes: the glue copies a string into wasm one character at a time.
  const make = () => Engine.fromJson(utf8.encode(text));
  if (resetPending || memoryBytes() > MEMORY_CEILING) replaceInstance();
  try {
    return make();
  } catch (error) {
    if (isCoded(error)) throw availabilityError(error);
    replaceInstance();
    return guarded(make);
  }
}

/**
 * Frees an engine that is no longer referenced. Done last, after the
 * catalog let go of it: an exception inside free() (a stack overflow) once
 * left a catalog holding a half-freed engine for good. If it fails, the
 * memory is reclaimed with the instance.
 */
function release(engine) {
  try {
    engine?.free();
  } catch {
    resetPending = true;
  }
}

/** Starts a fresh instance when the module holds far more memory than `inUse` characters of snapshot need. */
function returnMemory(inUse) {
  if (memoryBytes() > MEMORY_SLACK + 8 * inUse) replaceInstance();
}
