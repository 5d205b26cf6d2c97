// The demo storefront's pages built on plain JavaScript instead of the
// package (issue 14's "time to first badge ≤ 1.1× a plain-JavaScript build
// of the same page"): the rules of bench/plain.mjs, rolled up per product
// the way docs/rules.md §7 says, behind the part of the package's API the
// demo's theme code calls. The bench bundles it into one minified module
// (as a theme would ship its own code) and serves it in place of the
// package; the theme code, the <stock-status> element and the JSON-LD
// builders are the same files on both builds. English only, like plain.mjs.
import { PlainCatalog } from "./plain.mjs";

export { productGroupJsonLd, productJsonLd } from "../js/structured-data.js";

/** Nothing to load: plain JavaScript is ready once imported. */
export default async function init() {}

const BADGES = { in_stock: "In stock", backorder: "Backordered", preorder: "Pre-order" };
const BUTTONS = { in_stock: "Add to cart", backorder: "Backorder", preorder: "Pre-order" };
const TEXTS = {
  "product.some_backorder": "Some options on backorder",
  "product.some_preorder": "Some options on pre-order",
  "product.some_sold_out": "Some options sold out",
  discontinued: "No longer available",
  out_of_stock_notify: "Out of stock — get notified when it's back",
  out_of_stock: "Out of stock",
};

/** A product's roll-up of its variants' decisions (docs/rules.md §7, "Products"). */
function rollUp(productId, variants) {
  const count = (policy) => variants.filter((d) => d.canPurchase && d.policy === policy).length;
  const [inStock, backorder, preorder] = [count("in_stock"), count("backorder"), count("preorder")];
  const unavailable = variants.filter((d) => !d.canPurchase).length;
  const policy = inStock ? "in_stock" : backorder ? "backorder" : preorder ? "preorder" : "out_of_stock";
  const canPurchase = policy !== "out_of_stock";
  const notifyMe = !canPurchase && variants.some((d) => d.notifyMe);
  const dates = variants.filter((d) => d.canPurchase && d.policy === policy && d.shipDate).map((d) => d.shipDate).sort();
  let key;
  if (!canPurchase) key = variants.length && variants.every((d) => d.reason === "discontinued") ? "discontinued" : notifyMe ? "out_of_stock_notify" : "out_of_stock";
  else if (policy === "in_stock" && backorder) key = "product.some_backorder";
  else if (policy !== "preorder" && preorder) key = "product.some_preorder";
  else if (unavailable) key = "product.some_sold_out";
  else key = `badge.${policy}`;
  const badge = canPurchase ? BADGES[policy] : key === "discontinued" ? "Discontinued" : "Out of stock";
  const button = canPurchase ? BUTTONS[policy] : notifyMe ? "Notify me" : "Sold out";
  return {
    productId, policy, canPurchase, notifyMe, shipDate: dates[0] ?? null,
    variants: variants.length, inStock, backorder, preorder, unavailable,
    listing: variants.length && variants.every((d) => d.listing === "hide") ? "hide" : "show",
    variantsDiffer: key.startsWith("product."),
    variantStates: variants.map(({ sku, policy, reason, canPurchase, notifyMe, shipDate, schemaOrg, availabilityDate, listing }) =>
      ({ sku, policy, reason, canPurchase, notifyMe, shipDate, schemaOrg, availabilityDate, listing })),
    message: {
      badge, text: TEXTS[key] ?? badge, button, key, params: {}, notice: null, charge: null,
      confirm: notifyMe ? "We'll email you when it's back" : null, lang: "en-US",
    },
  };
}

/** The package's `Catalog` as the demo uses it: decisions, product roll-ups, live updates. */
export class Catalog extends EventTarget {
  #snapshot;
  #rules;

  constructor(snapshot) {
    super();
    this.#snapshot = snapshot;
    this.#rules = new PlainCatalog(snapshot);
  }

  static fromJson(text) {
    return new Catalog(JSON.parse(text));
  }

  static async load(url) {
    return Catalog.fromJson(await (await fetch(url)).text());
  }

  get timeZone() {
    return this.#rules.timeZone;
  }

  decide(sku, options) {
    return this.#rules.decide(sku, options);
  }

  decideAll(options) {
    return this.#rules.decideAll(options);
  }

  decideProducts(options) {
    const byProduct = new Map();
    const decisions = this.#rules.decideAll(options);
    this.#snapshot.items.forEach((item, i) => {
      const id = item.productId ?? item.sku;
      if (!byProduct.has(id)) byProduct.set(id, []);
      byProduct.get(id).push(decisions[i]);
    });
    return [...byProduct].map(([id, variants]) => rollUp(id, variants));
  }

  decideProduct(productId, options) {
    const skus = this.#snapshot.items.filter((item) => (item.productId ?? item.sku) === productId).map((item) => item.sku);
    return rollUp(productId, skus.map((sku) => this.#rules.decide(sku, options)));
  }

  /** Replaces the items a patch names (by SKU) and tells listeners. */
  update({ items }) {
    const changed = new Map(items.map((item) => [item.sku, item]));
    this.#snapshot = { ...this.#snapshot, items: this.#snapshot.items.map((item) => changed.get(item.sku) ?? item) };
    this.#rules = new PlainCatalog(this.#snapshot);
    this.dispatchEvent(new Event("update"));
  }
}
