// storefront-availability/import: turns a commerce platform's own API JSON
// into a snapshot (docs/snapshot.md), with a diagnostic for every stock
// field that has no place in our rules. It runs where the platform data is
// (a server or a build step), on the server build ("#engine": Node's
// default entry, loaded synchronously), so the shopper's download does not
// grow; what our rules refuse is asked of the core, never restated here.
// The mapping of each platform is in docs/platforms.md.

import { Catalog } from "#engine";
import { AvailabilityError } from "./error.js";

export { AvailabilityError };

/** Our channels (the core's Channel; tests/types.rs keeps the two lists equal). */
const CHANNELS = ["dtc", "amazon", "ebay", "walmart", "tiktok_shop"];

/** Platforms `importSnapshot` understands. */
export const platforms = ["shopify", "woocommerce", "magento", "saleor", "medusa", "solidus"];

/** A shape the importer cannot read at all: thrown, with the path. */
const shapeError = (path, message) => new AvailabilityError("invalid_import", `${path || "data"}: ${message}`, { path });

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An object keyed by platform ids (locations, sources, channels) with no
 * prototype: an id such as "__proto__" is an ordinary key, never
 * `Object.prototype` (which a `??=` would then write into for the whole process).
 */
const dict = () => Object.create(null);

/**
 * A number from platform data: a number, or a string written as a plain
 * decimal ("12", "-3", "5.5000"). Anything else is NaN, so "0x10", "0b11",
 * "1e3" or "Infinity" are reported instead of read as 16, 3, 1000 or ∞.
 */
function decimal(value) {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)) return Number(value);
  return NaN;
}
const path = (base, key) => (typeof key === "number" ? `${base}[${key}]` : base ? `${base}.${key}` : key);

/** `value` if it is an array, else an `invalid_import` naming `at`. */
function arrayAt(value, at) {
  if (!Array.isArray(value)) throw shapeError(at, "expected an array");
  return value;
}

/** A GraphQL connection (`nodes` or `edges[].node`) or a plain array, with each element's path. */
function list(value, at) {
  if (value == null) return [];
  if (Array.isArray(value)) return value.map((v, i) => [v, path(at, i)]);
  if (Array.isArray(value.nodes)) return value.nodes.map((v, i) => [v, path(path(at, "nodes"), i)]);
  if (Array.isArray(value.edges)) return value.edges.map((e, i) => [e?.node, path(path(path(at, "edges"), i), "node")]);
  throw shapeError(at, "expected an array or a GraphQL connection (nodes or edges)");
}

/** Collects items, store settings and diagnostics; `finish()` applies the merchant's own data and checks the result. */
class Importer {
  constructor(platform, options) {
    if (options != null && !isObject(options)) throw shapeError("options", "expected an object");
    this.platform = platform;
    this.options = options ?? {};
    /** When the platform data was read: the snapshot's `generatedAt`, and "now" for dated platform fields. */
    this.generatedAt = this.options.generatedAt ?? new Date().toISOString();
    this.store = {};
    this.items = [];
    this.diagnostics = [];
    this.bySku = new Map();
    /** Platform channel names that were not mapped (each reported once). */
    this.unmappedChannels = new Set();
  }

  report(code, sku, at, message) {
    this.diagnostics.push({ code, platform: this.platform, sku, path: at, message });
  }

  /** A non-negative or signed integer at `at`, or `fallback` with an `invalid_value` diagnostic. */
  integer(value, sku, at, { signed = false, fallback = 0 } = {}) {
    const n = typeof value === "string" ? decimal(value) : value;
    if (Number.isSafeInteger(n) && (signed || n >= 0)) return n;
    if (typeof n === "number" && Number.isFinite(n) && (signed || n >= 0) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
      this.report("unmapped_field", sku, at, `fractional quantity ${n} rounded down to ${Math.floor(n)}: our counts are whole units`);
      return Math.floor(n);
    }
    this.report("invalid_value", sku, at, `expected ${signed ? "an integer" : "an integer ≥ 0"}, got ${JSON.stringify(value) ?? String(value)}; imported as ${fallback}`);
    return fallback;
  }

  /** A decimal number at `at`, or `fallback` with an `invalid_value` diagnostic (see `decimal`). */
  number(value, sku, at, fallback) {
    const n = decimal(value);
    if (Number.isFinite(n)) return n;
    this.report("invalid_value", sku, at, `expected a decimal number, got ${JSON.stringify(value) ?? String(value)}; imported as ${fallback}`);
    return fallback;
  }

  /** Our channel for a platform channel (options.channels, then `defaults`, then the name itself). */
  channel(name, at, defaults = {}) {
    const mapped = own(this.options.channels, name) ?? own(defaults, name) ?? name;
    if (CHANNELS.includes(mapped)) return mapped;
    if (!this.unmappedChannels.has(name)) {
      this.unmappedChannels.add(name);
      this.report("unmapped_channel", null, at, `channel ${JSON.stringify(name)} is not mapped to one of ${CHANNELS.join(", ")} (options.channels); its stock and thresholds are not used`);
    }
    return null;
  }

  /** Adds an item; `pastZeroAt`: the path of the field that makes the platform keep selling at zero. */
  add(item, at, { pastZeroAt = null } = {}) {
    if (typeof item.sku !== "string" || item.sku === "") {
      this.report("invalid_value", null, path(at, "sku"), "a variant without a SKU or id cannot be imported");
      return;
    }
    if (this.bySku.has(item.sku)) {
      this.report("duplicate_sku", item.sku, at, `SKU ${JSON.stringify(item.sku)} already imported from ${this.bySku.get(item.sku).at}; this one is left out`);
      return;
    }
    const entry = { item, at, pastZeroAt };
    this.bySku.set(item.sku, entry);
    this.items.push(entry);
  }

  /** The variant's SKU, or the platform id (reported) when it has none. */
  sku(value, id, at) {
    if (typeof value === "string" && value.trim() !== "") return value;
    if (id == null) return null;
    const fallback = `${this.platform}:${id}`;
    this.report("missing_sku", fallback, at, `no SKU; imported under ${JSON.stringify(fallback)}`);
    return fallback;
  }

  /** Reads one product or variant with `read`; what it cannot read is reported there, and the others go on. */
  guard(at, read) {
    try {
      read();
    } catch (error) {
      this.report("invalid_value", null, error.path ?? at, `could not read this entry (${error.message.replace(/^.*?: /, "")}); it is left out`);
    }
  }

  /**
   * Untracked inventory, the same on every platform: imported with no stock
   * and backorders off (reason backorders_disabled, notify-me), until the
   * merchant gives a count.
   */
  untracked(item, at, what) {
    item.onHand = 0;
    delete item.locations;
    item.backorder = { enabled: false };
    this.report("untracked_inventory", item.sku, at, `${what}: the platform sells it without counting stock; our rules need a count, so it is imported with none (give options.items[${JSON.stringify(item.sku)}].onHand)`);
  }

  /**
   * Not for sale on the platform (a draft, archived, disabled, unpublished
   * or discontinued product, or one not yet available), the same on every
   * platform: imported as discontinued with no stock and no backorders, so
   * it is never sold, offers no notify-me and is hidden from listings.
   */
  notForSale(item, at, why) {
    item.onHand = 0;
    delete item.locations;
    delete item.components;
    delete item.preorder;
    item.lifecycle = "discontinued"; // out of stock for good: no notify-me, hidden from listings
    item.backorder = { enabled: false };
    this.report("not_for_sale", item.sku, at, `${why}; imported as discontinued with no stock`);
  }

  finish() {
    const patches = this.options.items ?? {};
    if (!isObject(patches)) throw shapeError("options.items", "expected an object of item fields by SKU");
    const items = [];
    for (const { item } of this.items) {
      const patch = own(patches, item.sku);
      items.push(isObject(patch) ? merge(item, patch) : item);
    }
    for (const sku of Object.keys(patches)) {
      if (!this.bySku.has(sku)) this.report("unknown_sku", sku, `options.items.${sku}`, `no imported item has SKU ${JSON.stringify(sku)}; the patch is not used`);
    }
    const textProblem = (at) => this.report("invalid_text", items[/^items\[(\d+)\]/.exec(at)?.[1]]?.sku ?? null, at, "held half a character (a lone UTF-16 surrogate, as a name cut inside an emoji leaves); the half is replaced by U+FFFD");
    const snapshot = makeWellFormed({ version: 1, generatedAt: this.generatedAt, ...this.store, ...(this.options.store ?? {}), items }, "", textProblem);
    const sellsPastZero = this.reportNotices(snapshot);
    const byCode = {};
    for (const d of this.diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    return {
      snapshot,
      diagnostics: this.diagnostics,
      summary: { platform: this.platform, items: items.length, diagnostics: byCode, sellsPastZeroUndated: sellsPastZero },
    };
  }

  /**
   * What our rules will refuse about the imported items, asked of the core
   * (`catalog.notices()`), reported where the platform's data says it:
   * pre-orders without a cap or a date, and items the platform keeps
   * selling past zero with no confirmed restock (out of stock at zero
   * here). The SKUs of the latter. A snapshot the core refuses as a whole
   * (options.store gave a bad setting) has no notices: loading it says why.
   */
  reportNotices(snapshot) {
    let catalog;
    try {
      catalog = new Catalog(snapshot);
    } catch (error) {
      if (error?.code === "invalid_snapshot") return [];
      throw error;
    }
    let notices;
    try {
      notices = catalog.notices();
    } finally {
      catalog.free();
    }
    const where = new Map(this.items.map((entry) => [entry.item.sku, entry]));
    const sellsPastZero = [];
    for (const { code, sku } of notices) {
      const { at, pastZeroAt } = where.get(sku) ?? {};
      if (code === "restock_unconfirmed" && pastZeroAt) {
        sellsPastZero.push(sku);
        this.report("sells_past_zero_undated", sku, pastZeroAt, "the platform keeps selling this past zero with no restock date (\"ships when available\"); our rules refuse an undated backorder, so it shows out of stock at zero until a confirmed restock is given (options.items[sku].restock)");
      } else if (code === "preorder_uncapped" && at) {
        this.report(code, sku, at, "pre-order without a cap on the platform; our rules refuse an unlimited pre-order (give options.items[sku].preorder.limit)");
      } else if (code === "preorder_undated" && at) {
        this.report(code, sku, at, "pre-order without a ship date on the platform; our rules refuse an undated pre-order (give options.items[sku].preorder.shipDate)");
      }
    }
    return sellsPastZero;
  }
}

/** `patch` over `item`: nested objects merge key by key, anything else replaces. */
function merge(item, patch) {
  const out = { ...item };
  for (const [key, value] of Object.entries(patch)) {
    const merged = isObject(value) && isObject(own(out, key)) ? merge(out[key], value) : value;
    // Defined, not assigned: a key "__proto__" stays data.
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** `object[key]` when it is the object's own (never an inherited `Object.prototype` member). */
const own = (object, key) => (object != null && Object.hasOwn(object, key) ? object[key] : undefined);

/**
 * The snapshot as plain JSON data. Replaces every string (and key) in
 * `value` that holds half a UTF-16 character (a lone surrogate, as truncating a name inside an emoji leaves)
 * by its well-formed form (U+FFFD for the half), calling `report(path)`
 * for each: the engine would otherwise see text that is not valid Unicode.
 */
function makeWellFormed(value, at, report) {
  if (typeof value === "string") {
    if (value.isWellFormed()) return value;
    report(at);
    return value.toWellFormed();
  }
  if (Array.isArray(value)) return value.map((v, i) => makeWellFormed(v, path(at, i), report));
  if (typeof value !== "object" || value === null) return value;
  // A plain object again (what callers compare and spread), each key defined as data: "__proto__" stays a key.
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    const name = makeWellFormed(key, path(at, key), report);
    Object.defineProperty(out, name, { value: makeWellFormed(v, path(at, name), report), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

const titleOf = (product, variant) =>
  [product, variant].filter((t) => typeof t === "string" && t !== "" && t !== "Default Title").join(" – ") || undefined;

/** `YYYY-MM-DD` of an ISO timestamp, or undefined. */
const dayOf = (stamp) => (typeof stamp === "string" && /^\d{4}-\d{2}-\d{2}/.test(stamp) ? stamp.slice(0, 10) : undefined);

// ---------------------------------------------------------------- Shopify

/**
 * Shopify Admin or Storefront GraphQL `products` (variants inside) or `productVariants`.
 *
 * ```js
 * const { snapshot, diagnostics } = fromShopify(await (await fetch(adminGraphql, { … })).json());
 * ```
 */
function readShopify(data, options) {
  const im = new Importer("shopify", options);
  const root = isObject(data?.data) ? data.data : data;
  const at0 = isObject(data?.data) ? "data" : "";
  if (!isObject(root)) throw shapeError(at0, "expected a GraphQL response with products or productVariants");
  const locations = dict();
  const variants = [];
  if (root.products != null) {
    for (const [product, pAt] of list(root.products, path(at0, "products"))) {
      im.guard(pAt, () => {
        if (!isObject(product)) throw shapeError(pAt, "expected a product object");
        for (const [variant, vAt] of list(product.variants, path(pAt, "variants"))) variants.push([product, variant, vAt]);
      });
    }
  } else if (root.productVariants != null) {
    for (const [variant, vAt] of list(root.productVariants, path(at0, "productVariants"))) variants.push([variant?.product ?? {}, variant, vAt]);
  } else {
    throw shapeError(at0, "expected products or productVariants");
  }
  for (const [product, v, at] of variants) im.guard(at, () => {
    if (!isObject(v)) throw shapeError(at, "expected a variant object");
    const sku = im.sku(v.sku, v.id, path(at, "sku"));
    if (sku == null) return;
    const item = { sku, productId: product.id, title: titleOf(product.title, v.title) };
    const tracked = v.inventoryItem?.tracked;
    const levels = list(v.inventoryItem?.inventoryLevels, path(at, "inventoryItem.inventoryLevels"));
    let untracked = false;
    if (tracked === false) {
      untracked = true;
      im.untracked(item, path(at, "inventoryItem.tracked"), "inventoryItem.tracked is false");
    } else if (levels.length > 0) {
      item.locations = dict();
      for (const [level, lAt] of levels) {
        const location = level?.location ?? {};
        const id = String(location.id ?? location.name ?? "");
        const available = (level.quantities ?? []).find((q) => q?.name === "available");
        if (available == null) {
          im.report("unmapped_field", sku, path(lAt, "quantities"), "no \"available\" quantity at this location; ask for quantities(names: [\"available\"])");
          continue;
        }
        item.locations[id] = { onHand: im.integer(available.quantity, sku, path(lAt, "quantities"), { signed: true }) };
        // POS-only locations do not fulfil online orders: they serve no online channel.
        locations[id] ??= { active: location.isActive !== false, ...(location.fulfillsOnlineOrders === false ? { channels: [] } : {}) };
      }
    } else if (v.inventoryQuantity !== undefined) {
      item.onHand = im.integer(v.inventoryQuantity, sku, path(at, "inventoryQuantity"), { signed: true });
    } else if (v.quantityAvailable !== undefined && v.quantityAvailable !== null) {
      item.onHand = im.integer(v.quantityAvailable, sku, path(at, "quantityAvailable"), { signed: true });
    } else {
      untracked = true;
      im.untracked(item, path(at, "quantityAvailable"), "no inventory count (quantityAvailable is null: untracked, or the token lacks unauthenticated_read_product_inventory)");
    }
    // Storefront API: currentlyNotInStock with availableForSale means the policy is CONTINUE.
    const policy = v.inventoryPolicy ?? (v.currentlyNotInStock === true && v.availableForSale === true ? "CONTINUE" : undefined);
    if (!untracked && policy === "CONTINUE") item.backorder = { enabled: true };
    else if (!untracked && policy === "DENY") item.backorder = { enabled: false };
    shopifyPreorder(im, item, v, at);
    // Drafts and archived products are not sold (whether or not the query asked for availableForSale).
    let forSale = true;
    if (product.status === "DRAFT" || product.status === "ARCHIVED") {
      forSale = false;
      const statusAt = at.includes(".variants") ? path(at.replace(/\.variants.*$/, ""), "status") : path(at, "product.status");
      im.notForSale(item, statusAt, `product status ${product.status}: Shopify does not sell it`);
    } else if (v.availableForSale === false && !untracked && (item.onHand ?? 1) > 0) {
      forSale = false;
      im.notForSale(item, path(at, "availableForSale"), "Shopify does not sell this variant (availableForSale: false) though it has stock");
    }
    const policyAt = path(at, v.inventoryPolicy ? "inventoryPolicy" : "currentlyNotInStock");
    im.add(item, at, { pastZeroAt: forSale && policy === "CONTINUE" && item.lifecycle !== "unreleased" && !untracked ? policyAt : null });
  });
  if (Object.keys(locations).length > 0) im.store.locations = locations;
  return im.finish();
}

/** A PRE_ORDER selling plan: the variant is unreleased, shipping on the plan's exact fulfilment date. */
function shopifyPreorder(im, item, v, at) {
  const plans = [];
  for (const [group, gAt] of list(v.sellingPlanGroups, path(at, "sellingPlanGroups"))) {
    for (const [plan, pAt] of list(group?.sellingPlans, path(gAt, "sellingPlans"))) plans.push([plan, pAt]);
  }
  for (const [allocation, aAt] of list(v.sellingPlanAllocations, path(at, "sellingPlanAllocations"))) {
    plans.push([allocation?.sellingPlan, path(aAt, "sellingPlan")]);
  }
  const preorders = plans.filter(([plan]) => plan?.category === "PRE_ORDER");
  if (preorders.length === 0) return;
  if (preorders.length > 1) im.report("unmapped_field", item.sku, preorders[1][1], "more than one PRE_ORDER selling plan; the first is used");
  const [plan, pAt] = preorders[0];
  item.lifecycle = "unreleased";
  item.preorder = {};
  const delivery = plan.deliveryPolicy ?? {};
  if (delivery.fulfillmentTrigger === "EXACT_TIME" && dayOf(delivery.fulfillmentExactTime)) {
    item.preorder.shipDate = dayOf(delivery.fulfillmentExactTime);
  } else if (delivery.fulfillmentTrigger != null) {
    im.report("unmapped_field", item.sku, path(pAt, "deliveryPolicy.fulfillmentTrigger"), `fulfillmentTrigger ${delivery.fulfillmentTrigger} gives no ship date; only EXACT_TIME does`);
  }
  const charge = plan.billingPolicy?.checkoutCharge;
  const value = charge?.value ?? {};
  if (charge?.type === "PERCENTAGE" && typeof value.percentage === "number") {
    if (value.percentage < 100) item.preorder.deposit = { type: "percentage", value: value.percentage };
  } else if (charge?.type === "PRICE" && value.amount != null) {
    const digits = im.options.currencyDigits ?? 2;
    const minor = Math.round(decimal(value.amount) * 10 ** digits);
    if (Number.isSafeInteger(minor) && minor >= 0) item.preorder.deposit = { type: "price", value: minor };
    else im.report("invalid_value", item.sku, path(pAt, "billingPolicy.checkoutCharge.value.amount"), `expected an amount, got ${JSON.stringify(value.amount)}`);
  }
  const trigger = plan.billingPolicy?.remainingBalanceChargeTrigger;
  if (trigger != null && trigger !== "NO_REMAINING_BALANCE" && item.preorder.deposit) {
    // Ours captures the balance at shipment; Shopify may charge it at a time of its own.
    im.report("unmapped_field", item.sku, path(pAt, "billingPolicy.remainingBalanceChargeTrigger"), `the balance is charged on ${trigger} by Shopify; ours is captured at shipment`);
  }
}

// ------------------------------------------------------------ WooCommerce

const wooSetting = (settings, id) => {
  if (Array.isArray(settings)) return settings.find((s) => s?.id === id)?.value;
  return isObject(settings) ? settings[id] : undefined;
};

/**
 * WooCommerce REST API v3: `{ products, variations: { [productId]: [...] }, settings }` or just the products array.
 *
 * ```js
 * const products = await wc.get("products", { per_page: 100 });
 * const { snapshot } = fromWooCommerce({ products, variations, settings: await wc.get("settings/products") });
 * ```
 */
function readWooCommerce(data, options) {
  const im = new Importer("woocommerce", options);
  const input = Array.isArray(data) ? { products: data } : data;
  if (!isObject(input) || !Array.isArray(input.products)) throw shapeError("products", "expected an array of products");
  // woocommerce_notify_no_stock_amount only sets a product's saved stock_status (read per product below):
  // WooCommerce's cart sells every unit of stock_quantity while the status is instock. It holds nothing back.
  const threshold = 0;
  const lowStore = wooSetting(input.settings, "woocommerce_notify_low_stock_amount");
  if (lowStore != null) im.store.lowStockThreshold = im.integer(lowStore, null, "settings.woocommerce_notify_low_stock_amount");
  input.products.forEach((product, i) => im.guard(`products[${i}]`, () => {
    const at = `products[${i}]`;
    if (!isObject(product)) throw shapeError(at, "expected a product object");
    if (product.type === "variable") {
      const variations = input.variations?.[product.id] ?? input.variations?.[String(product.id)];
      if (!Array.isArray(variations)) {
        im.report("unmapped_field", null, path(at, "variations"), `variable product ${product.id}: its variations were not given (variations[${product.id}])`);
        return;
      }
      // "Manage stock at product level": variations without their own stock draw on the parent's.
      let parentSku = null;
      variations.forEach((variation, j) => im.guard(`variations.${product.id}[${j}]`, () => {
        const vAt = `variations.${product.id}[${j}]`;
        if (variation?.manage_stock === "parent" && parentSku == null && product.manage_stock === true) {
          parentSku = im.sku(product.sku, `product:${product.id}`, path(at, "sku"));
          wooItem(im, product, at, { sku: parentSku, title: product.name, threshold });
        }
        wooItem(im, variation, vAt, { productId: String(product.id), title: titleOf(product.name, variation?.name), threshold, parentSku });
      }));
    } else if (product.type === "grouped" || product.type === "external") {
      // Grouped products hold other products; external ones are sold elsewhere.
    } else {
      wooItem(im, product, at, { productId: String(product.id), title: product.name, threshold });
    }
  }));
  return im.finish();
}

function wooItem(im, p, at, { sku: givenSku, productId, title, threshold, parentSku = null }) {
  if (!isObject(p)) throw shapeError(at, "expected a product or variation object");
  const sku = givenSku ?? im.sku(p.sku, p.id, path(at, "sku"));
  if (sku == null) return;
  const item = { sku, productId, title };
  const backorders = p.backorders ?? "no";
  if (!["no", "notify", "yes"].includes(backorders)) im.report("invalid_value", sku, path(at, "backorders"), `expected "no", "notify" or "yes", got ${JSON.stringify(backorders)}`);
  const allowed = backorders === "notify" || backorders === "yes";
  if (p.manage_stock === "parent" && parentSku != null) {
    item.components = [{ sku: parentSku, quantity: 1 }];
  } else if (p.manage_stock === true) {
    item.onHand = im.integer(p.stock_quantity ?? 0, sku, path(at, "stock_quantity"), { signed: true });
    item.backorder = { enabled: allowed };
    if (p.low_stock_amount != null && p.low_stock_amount !== "") {
      item.lowStockThreshold = Math.max(0, im.integer(p.low_stock_amount, sku, path(at, "low_stock_amount")) - threshold);
    }
    // The saved stock_status decides whether WooCommerce sells at all (it applies the no-stock threshold, by magnitude).
    if (p.stock_status === "outofstock" && item.onHand > 0) {
      item.onHand = 0;
      im.report("not_for_sale", sku, path(at, "stock_status"), `stock_status is "outofstock" though stock_quantity is ${p.stock_quantity} (the store's out-of-stock threshold); imported with no stock`);
    }
  } else {
    // Not managing stock: WooCommerce sells on the status the merchant set by hand.
    item.onHand = 0;
    if (p.stock_status === "instock") {
      im.untracked(item, path(at, "manage_stock"), "manage_stock is false and stock_status is \"instock\"");
    } else if (p.stock_status === "onbackorder") {
      item.backorder = { enabled: true };
    } else if (p.stock_status !== "outofstock") {
      im.report("invalid_value", sku, path(at, "stock_status"), `expected "instock", "outofstock" or "onbackorder", got ${JSON.stringify(p.stock_status)}`);
    }
  }
  // One per order: WooCommerce's sold_individually.
  if (p.sold_individually === true) item.limits = { maxPerOrder: 1 };
  const published = p.status == null || p.status === "publish";
  if (!published) im.notForSale(item, path(at, "status"), `status ${JSON.stringify(p.status)}: not published on the store`);
  const pastZeroAt =
    !published ? null
    : p.manage_stock === true && allowed ? path(at, "backorders")
    : !item.components && p.manage_stock !== true && p.stock_status === "onbackorder" ? path(at, "stock_status")
    : null;
  im.add(item, at, { pastZeroAt });
}

// --------------------------------------------------------------- Magento

/**
 * Magento 2 REST: `{ products: GET /V1/products (items with extension_attributes.stock_item), config?, sources?,
 * stocks?, stockSourceLinks?, sourceItems?, reservations? }`. With `sourceItems` (Inventory / MSI) stock is per source
 * and sources serve the channels of the stocks linked to them; otherwise the legacy `stock_item.qty` is used.
 *
 * ```js
 * const { snapshot } = fromMagento({ products: await get("/V1/products?searchCriteria[pageSize]=500"),
 *   sourceItems: await get("/V1/inventory/source-items?searchCriteria[pageSize]=5000") });
 * ```
 */
function readMagento(data, options) {
  const im = new Importer("magento", options);
  if (!isObject(data)) throw shapeError("", "expected { products, … }");
  const products = Array.isArray(data.products) ? data.products : data.products?.items;
  if (!Array.isArray(products)) throw shapeError("products", "expected GET /V1/products (an object with items) or an array of products");
  const productsAt = Array.isArray(data.products) ? "products" : "products.items";
  const config = data.config ?? {};
  const msi = data.sourceItems != null;
  const levels = new Map();
  // Magento rounds the salable total, not each source or reservation: the fractions are kept per SKU.
  const fractions = new Map();
  if (msi) {
    const sourceItems = data.sourceItems.items ?? data.sourceItems;
    const sourceItemsAt = Array.isArray(data.sourceItems) ? "sourceItems" : "sourceItems.items";
    if (!Array.isArray(sourceItems)) throw shapeError("sourceItems", "expected GET /V1/inventory/source-items");
    sourceItems.forEach((s, i) => im.guard(`${sourceItemsAt}[${i}]`, () => {
      if (!isObject(s)) throw shapeError(`${sourceItemsAt}[${i}]`, "expected a source item");
      // A source item marked out of stock (status 0) does not count toward salable quantity.
      const quantity = s.status === 0 ? 0 : im.number(s.quantity, s.sku, `${sourceItemsAt}[${i}].quantity`, 0);
      const onHand = Math.floor(quantity);
      if (!levels.has(s.sku)) levels.set(s.sku, dict());
      levels.get(s.sku)[s.source_code] = { onHand };
      fractions.set(s.sku, (fractions.get(s.sku) ?? 0) + (quantity - onHand));
    }));
    im.store.locations = magentoLocations(im, data);
  }
  const reserved = new Map();
  const reservations = data.reservations?.items ?? data.reservations ?? [];
  arrayAt(reservations, "reservations").forEach((r, i) => {
    const q = im.number(r?.quantity, r?.sku, `reservations[${i}].quantity`, 0);
    reserved.set(r?.sku, (reserved.get(r?.sku) ?? 0) + q);
  });
  products.forEach((p, i) => im.guard(`${productsAt}[${i}]`, () => {
    const at = `${productsAt}[${i}]`;
    if (!isObject(p)) throw shapeError(at, "expected a product object");
    if (p.type_id === "configurable" || p.type_id === "grouped") return; // their simple children are the variants
    const sku = im.sku(p.sku, p.id, path(at, "sku"));
    if (sku == null) return;
    if (p.type_id === "bundle") {
      im.report("unmapped_field", sku, path(at, "type_id"), "bundle products choose their parts at checkout; give the kit as options.items[sku].components");
    }
    const s = p.extension_attributes?.stock_item ?? {};
    const sAt = path(at, "extension_attributes.stock_item");
    const setting = (key) => (s[`use_config_${key}`] === true || s[key] == null ? config[key] ?? s[key] : s[key]);
    const item = { sku, productId: String(p.id ?? sku), title: p.name };
    const manage = setting("manage_stock") ?? true;
    let untracked = false;
    let fraction = fractions.get(sku) ?? 0;
    if (manage === false || manage === 0) {
      untracked = true;
    } else if (msi && levels.has(sku)) {
      item.locations = levels.get(sku);
    } else {
      const qty = im.number(s.qty ?? 0, sku, path(sAt, "qty"), 0);
      item.onHand = Math.floor(qty);
      fraction = qty - item.onHand;
    }
    // Reservations are negative for placed orders, positive when they are shipped or cancelled.
    // Salable = floor(Σ source quantities − open reservations), rounded once as Magento does.
    const open = -(reserved.get(sku) ?? 0);
    const hold = Math.ceil(open - fraction - 1e-9);
    if (hold > 0 && !untracked) item.reserved = hold;
    else if (hold < 0 && !untracked) {
      // The fractions add up to whole units Magento sells: give them to the first location.
      if (item.locations) {
        const first = Object.values(item.locations)[0];
        if (first) first.onHand += -hold;
      } else item.onHand += -hold;
    }
    if (s.is_qty_decimal === true) im.report("unmapped_field", sku, path(sAt, "is_qty_decimal"), "decimal quantities: the salable total is rounded down to whole units, as Magento sells");
    if (untracked) im.untracked(item, path(sAt, "manage_stock"), "manage_stock is off");
    let forSale = true;
    if (p.status === 2) {
      // A disabled product is not sold at all, whatever its stock.
      forSale = false;
      item.lifecycle = "discontinued";
      im.notForSale(item, path(at, "status"), "the product is disabled (status 2)");
    } else if (s.is_in_stock === false && !untracked) {
      forSale = false;
      im.notForSale(item, path(sAt, "is_in_stock"), "stock status is \"Out of Stock\"");
    }
    const minQty = im.number(setting("min_qty") ?? 0, sku, path(sAt, "min_qty"), 0);
    const backorders = im.number(setting("backorders") ?? 0, sku, path(sAt, "backorders"), 0);
    if (minQty > 0) item.outOfStockThreshold = Math.floor(minQty);
    if (minQty < 0) im.report("unmapped_field", sku, path(sAt, "min_qty"), `a negative out-of-stock threshold (${minQty}) lets Magento backorder ${-minQty} units with no date; not used`);
    item.backorder = { enabled: forSale && !untracked && (backorders === 1 || backorders === 2) };
    const notify = setting("notify_stock_qty");
    const lowAt = notify == null ? 0 : im.number(notify, sku, path(sAt, "notify_stock_qty"), 0);
    if (lowAt > 0) item.lowStockThreshold = Math.max(0, Math.floor(lowAt - Math.max(0, minQty)));
    const limits = {};
    const minSale = im.number(setting("min_sale_qty") ?? 1, sku, path(sAt, "min_sale_qty"), 1);
    const maxSale = im.number(setting("max_sale_qty") ?? 10000, sku, path(sAt, "max_sale_qty"), 10000);
    if (minSale > 1) limits.minPerOrder = Math.ceil(minSale);
    if (maxSale > 0 && maxSale < 10000) limits.maxPerOrder = Math.floor(maxSale);
    // Quantity increments: Magento sells only multiples. Our limits have no multiples, so exactly one
    // increment per order is sold (never a quantity Magento refuses), and the merchant is told.
    const increments = setting("enable_qty_increments");
    const step = increments === true || increments === 1 ? im.number(setting("qty_increments") ?? 1, sku, path(sAt, "qty_increments"), 1) : 1;
    if (step > 1 && Number.isInteger(step)) {
      limits.minPerOrder = step;
      limits.maxPerOrder = step;
      im.report("unmapped_field", sku, path(sAt, "qty_increments"), `sold in increments of ${step}: our limits have no multiples, so exactly ${step} per order is sold`);
    }
    if (Object.keys(limits).length > 0 && forSale) item.limits = limits;
    im.add(item, at, { pastZeroAt: forSale && item.backorder.enabled && !untracked ? path(sAt, "backorders") : null });
  }));
  return im.finish();
}

/** MSI sources → locations; each serves the channels of the stocks linked to it (website code → channel). */
function magentoLocations(im, data) {
  const locations = dict();
  const sources = data.sources?.items ?? data.sources ?? [];
  for (const source of sources) locations[source.source_code] = { active: source.enabled !== false && source.enabled !== 0 };
  const stocks = data.stocks?.items ?? data.stocks ?? [];
  const links = data.stockSourceLinks?.items ?? data.stockSourceLinks ?? [];
  if (stocks.length === 0) return sources.length > 0 ? locations : undefined;
  const channelsOf = new Map();
  stocks.forEach((stock, i) => {
    const names = (stock.extension_attributes?.sales_channels ?? [])
      .map((c, j) => im.channel(c.code, `stocks[${i}].extension_attributes.sales_channels[${j}]`, { base: "dtc" }))
      .filter(Boolean);
    channelsOf.set(stock.stock_id, names);
  });
  for (const link of links) {
    const location = (locations[link.source_code] ??= { active: true });
    location.channels = [...new Set([...(location.channels ?? []), ...(channelsOf.get(link.stock_id) ?? [])])];
  }
  for (const location of Object.values(locations)) location.channels ??= [];
  return locations;
}

// ---------------------------------------------------------------- Saleor

/**
 * Saleor GraphQL: `{ data: { products } }` with variants (stocks, preorder, channelListings), and optionally
 * `channels` (each with its `warehouses`) to tell which warehouses serve which channel.
 *
 * ```js
 * const { snapshot } = fromSaleor({ ...productsResponse, channels: channelsResponse.data.channels });
 * ```
 */
function readSaleor(data, options) {
  const im = new Importer("saleor", options);
  const root = isObject(data?.data) ? data.data : data;
  const at0 = isObject(data?.data) ? "data" : "";
  if (!isObject(root) || root.products == null) throw shapeError(at0, "expected { data: { products } }");
  const defaults = { "default-channel": "dtc" };
  const channels = data.channels ?? root.channels;
  if (channels != null) {
    const locations = dict();
    for (const [channel, cAt] of list(channels, channels === data.channels ? "channels" : path(at0, "channels"))) {
      const ours = im.channel(channel?.slug, path(cAt, "slug"), defaults);
      for (const warehouse of channel?.warehouses ?? []) {
        const location = (locations[warehouse.id] ??= { channels: [] });
        if (ours && !location.channels.includes(ours)) location.channels.push(ours);
      }
    }
    im.store.locations = locations;
  }
  for (const [product, pAt] of list(root.products, path(at0, "products"))) im.guard(pAt, () => {
    if (!isObject(product)) throw shapeError(pAt, "expected a product object");
    for (const [v, at] of list(product.variants, path(pAt, "variants"))) im.guard(at, () => {
      if (!isObject(v)) throw shapeError(at, "expected a variant object");
      const sku = im.sku(v.sku, v.id, path(at, "sku"));
      if (sku == null) return;
      // Saleor has no backorders: it never sells past what its warehouses hold.
      const item = { sku, productId: product.id, title: titleOf(product.name, v.name), backorder: { enabled: false } };
      if (v.trackInventory === false) {
        im.untracked(item, path(at, "trackInventory"), "trackInventory is false");
      } else {
        item.locations = dict();
        for (const [stock, sAt] of list(v.stocks, path(at, "stocks"))) {
          item.locations[stock?.warehouse?.id ?? ""] = {
            onHand: im.integer(stock?.quantity, sku, path(sAt, "quantity")),
            reserved: im.integer(stock?.quantityAllocated ?? 0, sku, path(sAt, "quantityAllocated")),
          };
        }
      }
      if (v.quantityLimitPerCustomer != null) {
        item.limits = { maxPerCustomer: im.integer(v.quantityLimitPerCustomer, sku, path(at, "quantityLimitPerCustomer")) };
      }
      if (v.preorder != null) saleorPreorder(im, item, v, at, defaults);
      im.add(item, at);
    });
  });
  return im.finish();
}

function saleorPreorder(im, item, v, at, defaults) {
  const p = v.preorder;
  // After its end date a Saleor pre-order variant is sold from its stocks like any other.
  if (p.endDate != null && Date.parse(p.endDate) <= Date.parse(im.generatedAt)) return;
  item.lifecycle = "unreleased";
  item.preorder = {};
  if (p.endDate != null) item.preorder.endsAt = p.endDate;
  const caps = dict();
  let allCapped = true;
  let sumLimit = 0;
  let sumSold = 0;
  for (const [listing, lAt] of list(v.channelListings, path(at, "channelListings"))) {
    const threshold = listing?.preorderThreshold;
    if (threshold?.quantity == null) {
      allCapped = false;
      continue;
    }
    const limit = im.integer(threshold.quantity, item.sku, path(lAt, "preorderThreshold.quantity"));
    const sold = im.integer(threshold.soldUnits ?? 0, item.sku, path(lAt, "preorderThreshold.soldUnits"));
    sumLimit += limit;
    sumSold += sold;
    const ours = im.channel(listing.channel?.slug, path(lAt, "channel.slug"), defaults);
    if (ours) caps[ours] = { limit, sold };
  }
  if (Object.keys(caps).length > 0) item.preorder.channels = caps;
  if (p.globalThreshold != null) {
    item.preorder.limit = im.integer(p.globalThreshold, item.sku, path(at, "preorder.globalThreshold"));
    item.preorder.sold = im.integer(p.globalSoldUnits ?? 0, item.sku, path(at, "preorder.globalSoldUnits"));
  } else if (allCapped && sumLimit > 0) {
    // No global threshold, but every channel has one: together they bound the pre-orders.
    item.preorder.limit = sumLimit;
    item.preorder.sold = sumSold;
  }
}

// ---------------------------------------------------------------- Medusa

/**
 * Medusa v2 Admin API: `{ products: GET /admin/products?fields=*variants,*variants.inventory_items,
 * *variants.inventory_items.inventory.location_levels, sales_channels?: GET /admin/sales-channels?fields=*stock_locations,
 * stock_locations? }`. A variant with several inventory items, or a `required_quantity` above 1, is a kit.
 *
 * ```js
 * const { snapshot } = fromMedusa({ products: (await sdk.admin.product.list({ fields })).products, sales_channels });
 * ```
 */
function readMedusa(data, options) {
  const im = new Importer("medusa", options);
  if (!isObject(data) || !Array.isArray(data.products)) throw shapeError("products", "expected { products: [...] } from GET /admin/products");
  if (Array.isArray(data.sales_channels)) {
    const locations = dict();
    for (const location of data.stock_locations ?? []) locations[location.id] = { channels: [] };
    data.sales_channels.forEach((channel, i) => {
      const ours = im.channel(channel.name, `sales_channels[${i}].name`, { "Default Sales Channel": "dtc" });
      // Medusa refuses carts on a disabled sales channel: its locations do not serve it here either.
      const disabled = channel.is_disabled === true;
      if (disabled && ours) im.report("not_for_sale", null, `sales_channels[${i}].is_disabled`, `sales channel ${JSON.stringify(channel.name)} is disabled: nothing is sold on ${ours} through it`);
      for (const location of channel.stock_locations ?? []) {
        const entry = (locations[location.id] ??= { channels: [] });
        if (ours && !disabled && !entry.channels.includes(ours)) entry.channels.push(ours);
      }
    });
    im.store.locations = locations;
  }
  const parts = new Map();
  data.products.forEach((product, i) => im.guard(`products[${i}]`, () => {
    const pAt = `products[${i}]`;
    if (!isObject(product)) throw shapeError(pAt, "expected a product object");
    arrayAt(product.variants ?? [], `${pAt}.variants`).forEach((v, j) => im.guard(`${pAt}.variants[${j}]`, () => {
      const at = `${pAt}.variants[${j}]`;
      if (!isObject(v)) throw shapeError(at, "expected a variant object");
      const sku = im.sku(v.sku, v.id, path(at, "sku"));
      if (sku == null) return;
      const item = { sku, productId: product.id, title: titleOf(product.title, v.title) };
      let untracked = false;
      const links = v.inventory_items ?? [];
      if (v.manage_inventory === false) {
        untracked = true;
      } else if (links.length === 1 && (links[0].required_quantity ?? 1) === 1) {
        item.locations = medusaLevels(im, sku, links[0].inventory, `${at}.inventory_items[0].inventory`);
      } else if (links.length > 0) {
        item.components = links.map((link, k) => {
          const inventory = link.inventory ?? { id: link.inventory_item_id };
          const partSku = inventory.sku || `medusa:${inventory.id ?? link.inventory_item_id}`;
          if (!parts.has(partSku)) parts.set(partSku, [inventory, `${at}.inventory_items[${k}].inventory`]);
          return { sku: partSku, quantity: im.integer(link.required_quantity ?? 1, sku, `${at}.inventory_items[${k}].required_quantity`, { fallback: 1 }) };
        });
      } else {
        untracked = true;
      }
      item.backorder = { enabled: v.allow_backorder === true };
      if (v.manage_inventory === false) im.untracked(item, path(at, "manage_inventory"), "manage_inventory is false");
      else if (untracked) im.untracked(item, path(at, "inventory_items"), "no inventory items");
      const published = product.status == null || product.status === "published";
      if (!published) im.notForSale(item, path(pAt, "status"), `product status ${JSON.stringify(product.status)}: not published`);
      im.add(item, at, { pastZeroAt: published && v.allow_backorder === true && !untracked ? path(at, "allow_backorder") : null });
    }));
  }));
  // Kit components are items of their own (inventory items), sold only through their kits unless a variant is the same SKU.
  for (const [partSku, [inventory, at]] of parts) im.guard(at, () => {
    if (im.bySku.has(partSku)) return;
    im.add({ sku: partSku, title: inventory.title ?? undefined, backorder: { enabled: false }, locations: medusaLevels(im, partSku, inventory, at) }, at);
  });
  return im.finish();
}

function medusaLevels(im, sku, inventory, at) {
  const locations = dict();
  (inventory?.location_levels ?? []).forEach((level, i) => {
    const lAt = `${at}.location_levels[${i}]`;
    locations[level.location_id] = {
      onHand: im.integer(level.stocked_quantity, sku, `${lAt}.stocked_quantity`, { signed: true }),
      reserved: im.integer(level.reserved_quantity ?? 0, sku, `${lAt}.reserved_quantity`),
    };
    if ((level.incoming_quantity ?? 0) > 0) {
      im.report("unmapped_field", sku, `${lAt}.incoming_quantity`, `${level.incoming_quantity} incoming without a date or confirmation; not used as a restock (give options.items[sku].restock)`);
    }
  });
  return locations;
}

// --------------------------------------------------------------- Solidus

/**
 * Solidus API: `{ products: GET /api/products, stock_locations?: GET /api/stock_locations,
 * stock_items?: the stock_items of each location }`. Solidus has no sales channels: active locations serve them all.
 *
 * ```js
 * const { snapshot } = fromSolidus({ products: productsJson.products, stock_locations, stock_items });
 * ```
 */
function readSolidus(data, options) {
  const im = new Importer("solidus", options);
  const products = Array.isArray(data?.products) ? data.products : null;
  if (!products) throw shapeError("products", "expected { products: [...] } from GET /api/products");
  const locations = dict();
  for (const l of data.stock_locations?.stock_locations ?? data.stock_locations ?? []) {
    locations[String(l.id)] = { active: l.active !== false };
  }
  if (Object.keys(locations).length > 0) im.store.locations = locations;
  const itemsOf = new Map();
  (data.stock_items?.stock_items ?? data.stock_items ?? []).forEach((s, i) => {
    const key = String(s.variant_id);
    if (!itemsOf.has(key)) itemsOf.set(key, []);
    itemsOf.get(key).push([s, `stock_items[${i}]`]);
  });
  products.forEach((product, i) => im.guard(`products[${i}]`, () => {
    const pAt = `products[${i}]`;
    if (!isObject(product)) throw shapeError(pAt, "expected a product object");
    // A product without variants is sold as its master variant.
    const ownVariants = product.has_variants || (product.variants ?? []).length > 0;
    const variants = ownVariants ? arrayAt(product.variants, `${pAt}.variants`) : [product.master];
    variants.forEach((v, j) => im.guard(ownVariants ? `${pAt}.variants[${j}]` : `${pAt}.master`, () => {
      const at = ownVariants ? `${pAt}.variants[${j}]` : `${pAt}.master`;
      if (!isObject(v)) throw shapeError(at, "expected a variant object");
      const sku = im.sku(v.sku, v.id, path(at, "sku"));
      if (sku == null) return;
      const item = { sku, productId: String(product.id), title: titleOf(product.name, v.options_text) };
      let untracked = false;
      let backorderable = v.is_backorderable === true;
      const stockItems = itemsOf.get(String(v.id)) ?? [];
      if (v.track_inventory === false) {
        untracked = true;
      } else if (stockItems.length > 0) {
        item.locations = dict();
        for (const [s, sAt] of stockItems) {
          item.locations[String(s.stock_location_id)] = { onHand: im.integer(s.count_on_hand, sku, `${sAt}.count_on_hand`, { signed: true }) };
          if (s.backorderable === true && locations[String(s.stock_location_id)]?.active !== false) backorderable = true;
        }
      } else {
        item.onHand = im.integer(v.total_on_hand ?? 0, sku, path(at, "total_on_hand"), { signed: true });
      }
      item.backorder = { enabled: backorderable };
      if (untracked) im.untracked(item, path(at, "track_inventory"), "track_inventory is false");
      // Solidus sells a product only from available_on (none: never) until discontinue_on.
      const now = Date.parse(im.generatedAt);
      let forSale = true;
      if (product.discontinue_on != null && Date.parse(product.discontinue_on) <= now) {
        forSale = false;
        item.lifecycle = "discontinued";
        im.notForSale(item, path(pAt, "discontinue_on"), `discontinued on ${product.discontinue_on}: Solidus no longer sells it`);
      } else if (product.available_on == null || !dayOf(product.available_on)) {
        forSale = false;
        im.notForSale(item, path(pAt, "available_on"), "no available_on: Solidus does not sell a product without one");
      } else if (Date.parse(product.available_on) > now) {
        // Coming: not sold before available_on (Solidus has no pre-order), "coming soon" with notify-me until then.
        forSale = false;
        im.report("unmapped_field", item.sku, path(pAt, "available_on"), `available from ${product.available_on}: Solidus does not sell it before then and has no pre-order; imported as coming soon`);
        item.lifecycle = "unreleased";
        item.preorder = { startsAt: product.available_on, releaseDate: dayOf(product.available_on) };
      }
      im.add(item, at, { pastZeroAt: forSale && backorderable && !untracked ? path(at, "is_backorderable") : null });
    }));
  }));
  return im.finish();
}

/**
 * Runs an adapter; a store-level shape it trips over (per-item problems are
 * diagnostics already) becomes `invalid_import` rather than a bare TypeError.
 */
function safely(read, data, options) {
  try {
    return read(data, options);
  } catch (error) {
    if (error?.code === "invalid_import") throw error;
    throw shapeError("", `could not read the data (${error?.message ?? error})`);
  }
}

/** Shopify Admin or Storefront GraphQL `products` (variants inside) or `productVariants`. */
export const fromShopify = (data, options) => safely(readShopify, data, options);
/** WooCommerce REST v3: `{ products, variations: { [productId]: [...] }, settings }` or the products array. */
export const fromWooCommerce = (data, options) => safely(readWooCommerce, data, options);
/** Magento 2 REST: `{ products, config?, sources?, stocks?, stockSourceLinks?, sourceItems?, reservations? }`. */
export const fromMagento = (data, options) => safely(readMagento, data, options);
/** Saleor GraphQL `products` (and `channels` with their warehouses). */
export const fromSaleor = (data, options) => safely(readSaleor, data, options);
/** Medusa v2 Admin API: `{ products, sales_channels?, stock_locations? }`. */
export const fromMedusa = (data, options) => safely(readMedusa, data, options);
/** Solidus API: `{ products, stock_locations?, stock_items? }`. */
export const fromSolidus = (data, options) => safely(readSolidus, data, options);

const adapters = {
  shopify: fromShopify,
  woocommerce: fromWooCommerce,
  magento: fromMagento,
  saleor: fromSaleor,
  medusa: fromMedusa,
  solidus: fromSolidus,
};

/**
 * Turns a platform's API JSON into a snapshot: `{ snapshot, diagnostics, summary }`.
 * `options`: `generatedAt` (default now), `store` (snapshot settings such as `timeZone`), `items` (fields by SKU the
 * platform lacks, e.g. a confirmed `restock`), `channels` (platform channel → ours), `currencyDigits` (Shopify deposits).
 *
 * ```js
 * import { importSnapshot } from "storefront-availability/import";
 * const { snapshot, diagnostics, summary } = importSnapshot("woocommerce", { products, variations, settings },
 *   { store: { timeZone: "Europe/Berlin" }, items: { "TEE-L": { restock: { date: "2026-12-01", confirmed: true, quantity: 40 } } } });
 * ```
 */
export function importSnapshot(platform, data, options) {
  const adapter = Object.hasOwn(adapters, platform) ? adapters[platform] : null;
  if (!adapter) {
    throw new AvailabilityError("unknown_platform", `unknown platform ${JSON.stringify(platform)}; expected one of ${platforms.join(", ")}`);
  }
  return adapter(data, options);
}

/** The nodes of a GraphQL connection or a plain array (raw, for merging pages). */
const nodesOf = (value) => (Array.isArray(value) ? value : Array.isArray(value?.nodes) ? value.nodes : Array.isArray(value?.edges) ? value.edges.map((e) => e?.node) : []);
const itemsOf = (value) => (Array.isArray(value) ? value : Array.isArray(value?.items) ? value.items : []);
const listAt = (value, key) => (Array.isArray(value?.[key]) ? value[key] : value?.[key]?.[key] ?? value?.[key]);

/**
 * How each platform's page responses combine into one: the lists that are
 * paginated are concatenated in page order; the store-level parts (settings,
 * channels, sources, locations) are concatenated too, or taken from the
 * first page that has them.
 */
const mergers = {
  shopify(pages) {
    const roots = pages.map((page) => (isObject(page?.data) ? page.data : page));
    const key = roots.some((r) => r?.products != null) ? "products" : "productVariants";
    return { data: { [key]: { nodes: roots.flatMap((r) => nodesOf(r?.[key])) } } };
  },
  woocommerce(pages) {
    const parts = pages.map((page) => (Array.isArray(page) ? { products: page } : page ?? {}));
    return {
      products: parts.flatMap((p) => (Array.isArray(p.products) ? p.products : [])),
      variations: Object.assign(dict(), ...parts.map((p) => (isObject(p.variations) ? p.variations : {}))),
      settings: parts.find((p) => p.settings != null)?.settings,
    };
  },
  magento(pages) {
    const all = (key) => pages.flatMap((p) => itemsOf(p?.[key]));
    const merged = { products: { items: all("products") }, sources: { items: all("sources") }, stocks: { items: all("stocks") }, stockSourceLinks: { items: all("stockSourceLinks") }, reservations: all("reservations") };
    if (pages.some((p) => p?.sourceItems != null)) merged.sourceItems = { items: all("sourceItems") };
    merged.config = pages.find((p) => p?.config != null)?.config;
    return merged;
  },
  saleor(pages) {
    const roots = pages.map((page) => (isObject(page?.data) ? page.data : page));
    const channels = pages.find((p) => p?.channels != null)?.channels ?? roots.find((r) => r?.channels != null)?.channels;
    return { data: { products: { nodes: roots.flatMap((r) => nodesOf(r?.products)) }, ...(channels != null ? { channels } : {}) } };
  },
  medusa(pages) {
    const all = (key) => pages.flatMap((p) => (Array.isArray(p?.[key]) ? p[key] : []));
    const merged = { products: all("products") };
    if (pages.some((p) => Array.isArray(p?.sales_channels))) merged.sales_channels = all("sales_channels");
    if (pages.some((p) => Array.isArray(p?.stock_locations))) merged.stock_locations = all("stock_locations");
    return merged;
  },
  solidus(pages) {
    const all = (key) => pages.flatMap((p) => { const v = listAt(p, key); return Array.isArray(v) ? v : []; });
    return { products: all("products"), stock_locations: all("stock_locations"), stock_items: all("stock_items") };
  },
};

/**
 * Imports a store's full export given as several pages of the platform's API
 * (an array, or an async iterable such as a generator that fetches page
 * after page): one snapshot, as if the platform had answered in one
 * response. Resolves to `{ snapshot, diagnostics, summary }`. Paths in
 * diagnostics point into the combined response (`products[120]` is the
 * 121st product over all pages). Each page is reduced to its lists as it
 * arrives; the combined lists are held until the snapshot is made.
 *
 * ```js
 * async function* pages() { for (let page = 1; ; page++) { const products = await wc.get("products", { page, per_page: 100 }); if (!products.length) return; yield products; } }
 * const { snapshot } = await importPages("woocommerce", pages());
 * ```
 */
export async function importPages(platform, pages, options) {
  if (!Object.hasOwn(mergers, platform)) return importSnapshot(platform, pages, options); // refused by name there
  if (pages == null || (typeof pages[Symbol.asyncIterator] !== "function" && typeof pages[Symbol.iterator] !== "function")) {
    throw shapeError("pages", "expected an array or an (async) iterable of API responses");
  }
  // Each page is reduced to its lists as it arrives (a merger's output is also its input).
  const collected = [];
  for await (const page of pages) collected.push(mergers[platform]([page]));
  return importSnapshot(platform, mergers[platform](collected), options);
}
