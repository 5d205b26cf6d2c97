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
import init, { Catalog as Engine, initSync, __wbg_reset_state as resetInstance } from "./storefront_availability.js";

export { init as default, initSync };

/** Bumped each time the wasm instance is replaced after a trap. */
let instance = 0;

function codedError(code, message, extra) {
  return Object.assign(new Error(message), { code }, extra);
}

/** A snapshot refused before it reached the parser (no JSON path to name). */
function snapshotError(what) {
  return codedError("invalid_snapshot", `invalid snapshot: ${what}`, { path: "", problems: [] });
}

const DECIDE_KEYS = ["channel", "quantity", "now", "locale", "purchased"];

/** A plain copy of `options` holding `keys`, every value a primitive. */
function readOptions(options, keys) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== "object" && typeof options !== "function") return options; // wasm says why it's wrong
  const copy = {};
  for (const key of keys) {
    let value;
    try {
      value = options[key];
    } catch (e) {
      throw codedError("invalid_options", `options.${key} could not be read: ${e?.message ?? e}`);
    }
    if (key === "now" && typeof value === "object" && value !== null) {
      try {
        value = Date.prototype.valueOf.call(value); // a Date (not a Proxy of one)
      } catch {
        throw codedError("invalid_now", "now must be epoch milliseconds, a Date or an RFC 3339 string, got an object");
      }
    }
    if (key === "lines") value = readLines(value);
    if (value !== undefined) copy[key] = value;
  }
  return copy;
}

function readLines(lines) {
  try {
    return Array.isArray(lines) ? Array.from(lines, (line) => readOptions(line, ["sku", "quantity", "unitPrice"])) : lines;
  } catch (e) {
    if (e?.code) throw e;
    throw codedError("invalid_cart", `lines could not be read: ${e?.message ?? e}`);
  }
}

/** JSON text for a snapshot given as text or as a plain object. */
function snapshotText(snapshot) {
  if (typeof snapshot === "string") return snapshot;
  if (typeof snapshot !== "object" || snapshot === null) {
    throw snapshotError(`expected JSON text or an object, got ${snapshot === null ? "null" : typeof snapshot}`);
  }
  try {
    // NaN, ±Infinity and BigInt have no JSON form: kept as text so the
    // error names them ("got \"NaN\"") instead of JSON.stringify's null.
    return JSON.stringify(snapshot, (_, v) => (typeof v === "bigint" || (typeof v === "number" && !Number.isFinite(v)) ? String(v) : v));
  } catch (e) {
    throw snapshotError(`the object could not be read as JSON: ${e?.message ?? e}`);
  }
}

/** A loaded inventory snapshot, ready to answer availability questions. */
export class Catalog extends EventTarget {
  #engine;
  #instance;
  /** The last good snapshot's JSON text: what a fresh instance reloads. */
  #source;

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
    this.#engine = guarded(() => Engine.fromJson(text));
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

  /** Runs `ask` on the engine; after a trap, once more on a fresh instance. */
  #ask(ask) {
    if (this.#instance !== instance) this.#reload();
    try {
      return ask(this.#engine);
    } catch (error) {
      if (!(error instanceof WebAssembly.RuntimeError)) throw error;
      replaceInstance();
      this.#reload();
      this.dispatchEvent(Object.assign(new Event("recover"), { error }));
      return guarded(() => ask(this.#engine));
    }
  }

  #reload() {
    this.#engine = guarded(() => Engine.fromJson(this.#source));
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
    return this.#ask((engine) => engine.decide(sku, read));
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
    return this.#ask((engine) => engine.decideAll(read));
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
    return this.#ask((engine) => engine.decideProduct(productId, read));
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
    return this.#ask((engine) => engine.decideProducts(read));
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
    const keys = [...DECIDE_KEYS, "orderNumber", "title", "promisedDate", "expectedDate", "position", "total"];
    const read = readOptions(options, keys);
    return this.#ask((engine) => engine.weeklyStatus(read));
  }

  /**
   * Plans a cart for checkout (amounts in integer minor units).
   *
   * ```js
   * const plan = catalog.planCart({ lines: [{ sku: "TEE-L", quantity: 2, unitPrice: 2500 }], currency: "USD" });
   * ```
   */
  planCart(options) {
    const read = readOptions(options, [...DECIDE_KEYS, "lines", "currency", "holdTogether"]);
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
    const patch = readPatch(next);
    const text = patch ? this.#patched(patch) : snapshotText(next);
    const engine = guarded(() => Engine.fromJson(text));
    if (patch) {
      const bad = patchProblems(engine, patch.items);
      if (bad.length > 0) {
        engine.free();
        throw codedError("invalid_update", `invalid update: ${bad.map((p) => `${p.path}: ${p.message}`).join("; ")}`, { path: bad[0].path, problems: bad });
      }
    }
    if (this.#instance === instance) this.#engine.free();
    this.#engine = engine;
    this.#instance = instance;
    this.#source = text;
    this.dispatchEvent(new Event("update"));
  }

  /** The current snapshot with `patch` applied, as JSON text. */
  #patched(patch) {
    const snapshot = JSON.parse(this.#source.replace(/^\uFEFF/, ""));
    const remove = new Set(patch.remove);
    const position = new Map(snapshot.items.map((item, i) => [item?.sku, i]));
    for (const item of patch.items) {
      const at = position.get(item.sku);
      if (at === undefined) position.set(item.sku, snapshot.items.push(item) - 1);
      else snapshot.items[at] = item;
    }
    snapshot.items = snapshot.items.filter((item) => !remove.has(item?.sku));
    if (patch.generatedAt !== undefined) snapshot.generatedAt = patch.generatedAt;
    return snapshotText(snapshot);
  }

  /**
   * Frees the engine now instead of when the catalog is garbage-collected.
   *
   * ```js
   * catalog.free();
   * ```
   */
  free() {
    if (this.#instance === instance) this.#engine.free();
  }

  [Symbol.dispose]() {
    this.free();
  }
}

/**
 * `next` read as a patch `{ items, remove, generatedAt }` with plain JSON
 * items, each with its SKU; `null` when `next` is a whole snapshot.
 */
function readPatch(next) {
  if (typeof next !== "object" || next === null) return null;
  const invalid = (path, what) => codedError("invalid_update", `invalid update: ${path ? `${path}: ` : ""}${what}`, { path, problems: [{ path, message: what }] });
  let patch, isList;
  try {
    if ("version" in next) return null;
    patch = { items: next.items, remove: next.remove, generatedAt: next.generatedAt };
    isList = Array.isArray(patch.items);
    if (!Array.isArray(patch.remove)) patch.remove = [];
  } catch (e) {
    throw invalid("", `could not be read: ${e?.message ?? e}`);
  }
  if (!isList) throw invalid("items", "expected an array of items (a patch is { items, remove?, generatedAt? })");
  patch.items = JSON.parse(snapshotText(patch.items));
  patch.items.forEach((item, i) => {
    if (typeof item?.sku !== "string" || item.sku === "") throw invalid(`items[${i}].sku`, "a patched item needs its SKU");
  });
  patch.remove = JSON.parse(snapshotText(patch.remove));
  return patch;
}

/** Diagnostics of the patched items, with paths into the patch. */
function patchProblems(engine, items) {
  const where = new Map(items.map((item, i) => [item.sku, i]));
  return engine.diagnostics
    .filter((d) => where.has(d.sku))
    .map((d) => ({ ...d, path: d.path.replace(/^items\[\d+\]/, `items[${where.get(d.sku)}]`) }));
}

/** Replaces a trapped wasm instance by a fresh one; catalogs reload lazily. */
function replaceInstance() {
  resetInstance();
  instance += 1;
}

/** Runs `run`; a trap replaces the instance and becomes an `internal` error. */
function guarded(run) {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof WebAssembly.RuntimeError)) throw error;
    replaceInstance();
    throw codedError("internal", `the availability engine failed (${error.message}); it was restarted, please report this`, { cause: error });
  }
}

/**
 * schema.org `Product` JSON-LD for a variant, its `Offer` from `decision`:
 * `availability`, and `availabilityStarts` (the ship date) for backorders
 * and pre-orders. `price` is in major units, as schema.org wants ("25.00").
 *
 * ```js
 * const ld = productJsonLd(catalog.decide("TEE-L"), { name: "Merino Tee", url: location.href, price: "25.00", currency: "USD" });
 * document.querySelector("#ld").textContent = JSON.stringify(ld);
 * ```
 */
export function productJsonLd(decision, { name, url, price, currency, image, brand } = {}) {
  const need = (ok, what) => {
    if (!ok) throw codedError("invalid_options", `productJsonLd needs ${what}`);
  };
  need(typeof decision?.sku === "string" && typeof decision.schemaOrg === "string", "a decision from decide()");
  need(typeof name === "string" && name !== "", "name: the product's name");
  need(typeof url === "string" && url !== "", "url: the product page's URL");
  need((typeof price === "string" && /^\d+(\.\d+)?$/.test(price)) || (typeof price === "number" && Number.isFinite(price) && price >= 0), 'price: a number ≥ 0 or a decimal string like "25.00"');
  need(typeof currency === "string" && /^[A-Z]{3}$/.test(currency), 'currency: an ISO 4217 code like "USD"');
  const offer = { "@type": "Offer", url, sku: decision.sku, price: String(price), priceCurrency: currency, availability: decision.schemaOrg };
  if ((decision.policy === "backorder" || decision.policy === "preorder") && decision.availabilityDate) {
    offer.availabilityStarts = decision.availabilityDate;
  }
  const product = { "@context": "https://schema.org", "@type": "Product", name, sku: decision.sku };
  if (image) product.image = String(image);
  if (brand) product.brand = { "@type": "Brand", name: String(brand) };
  product.offers = offer;
  return product;
}

/**
 * JSON-LD as an HTML `<script>` element's source, for server-rendered
 * pages: `<` is escaped, so a product name holding `</script>` cannot end it.
 *
 * ```js
 * html += jsonLdScript(productJsonLd(decision, offer));
 * ```
 */
export function jsonLdScript(jsonLd) {
  return `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The Google Merchant Center feed fields for a decision: `availability`
 * (`in_stock`, `out_of_stock`, `preorder`, `backorder`) and, for backorders
 * and pre-orders, `availability_date`.
 *
 * ```js
 * feedRow = { id: sku, ...merchantFeedFields(catalog.decide(sku)) };
 * ```
 */
export function merchantFeedFields(decision) {
  if (typeof decision?.merchantAvailability !== "string") throw codedError("invalid_options", "merchantFeedFields needs a decision from decide()");
  const fields = { availability: decision.merchantAvailability };
  if (decision.availabilityDate) fields.availability_date = decision.availabilityDate;
  return fields;
}
