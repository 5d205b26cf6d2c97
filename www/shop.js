// The demo storefront's theme code: what a theme developer writes on top of
// the package. Loads the catalog once, registers <stock-status>, keeps a
// cart in localStorage and draws the cart drawer.
import { defineElements } from "storefront-availability/elements";
import { loadCatalog } from "/load.js";
import { productsOf } from "/products.mjs";
import { translate } from "/labels.mjs";

const params = new URLSearchParams(location.search);
/** The demo's clock: the bundled snapshot was taken at 13:00 UTC on Monday 23 November 2026. */
export const now = params.get("now") ?? "2026-11-23T15:00:00Z";
export const locale = params.get("locale") ?? "en-US";
// The demo's own words follow the shopper's language, as the package's messages do.
translate(document, locale);

const loaded = await loadCatalog("/storefront-snapshot.json");
const { text } = loaded;
export const catalog = loaded.catalog;
/** The snapshot as data: the theme reads titles and prices from it. */
const raw = JSON.parse(text);
defineElements(catalog);

/** Products in snapshot order: { id, title, price, variants: [{ sku, option }] }. */
export const products = productsOf(raw.items);

export const money = (minor) => new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(minor / 100);

/** Every product's badge, rolled up over its variants by the package: one call into wasm for the whole grid. */
export function productBadges() {
  const badges = new Map();
  for (const p of catalog.decideProducts({ now, locale })) {
    // Variants that differ say so ("Some options on backorder"); alike ones show their one badge.
    badges.set(p.productId, { text: p.variantsDiffer ? p.message.text : p.message.badge, policy: p.variantsDiffer ? "mixed" : p.policy });
  }
  return badges;
}

// ---- cart (localStorage) and its drawer ----
const KEY = "storefront-demo-cart";
export const cart = {
  lines: JSON.parse(localStorage.getItem(KEY) ?? "[]"),
  add(sku, quantity = 1) {
    const line = this.lines.find((l) => l.sku === sku);
    if (line) line.quantity += quantity;
    else this.lines.push({ sku, quantity });
    this.save();
  },
  remove(sku) {
    this.lines = this.lines.filter((l) => l.sku !== sku);
    this.save();
  },
  save() {
    localStorage.setItem(KEY, JSON.stringify(this.lines));
    drawCart();
  },
};

const priceOf = (sku) => raw.items.find((i) => i.sku === sku)?.price ?? 0;
const titleOf = (sku) => raw.items.find((i) => i.sku === sku)?.title ?? sku;

/**
 * The cart drawer plans shipments with the checkout build
 * (`storefront-availability/checkout`, which adds `planCart`), imported the
 * first time the cart has something in it: the page's badges never wait
 * for it. It holds the same snapshot as the page's catalog.
 */
let planner;
function cartPlanner() {
  planner ??= import("storefront-availability/checkout").then(async ({ default: init, Catalog }) => {
    await init();
    return Catalog.fromJson(JSON.stringify(raw));
  });
  return planner;
}

/** Applies a live stock change to the page's catalog and, once loaded, the drawer's. */
function updateStock(patch) {
  catalog.update(patch);
  planner
    ?.then((p) => {
      p.update(patch);
      drawCart();
    })
    .catch(() => {});
}

/** The checkout of this shop's cart, on this shop's catalog (a bare /checkout.html shows the situations' sample cart). */
const checkoutHref = () => `/checkout.html?${new URLSearchParams({ snapshot: "/storefront-snapshot.json", cart: JSON.stringify(cart.lines), now, locale })}`;

export function drawCart() {
  const drawer = document.querySelector("#cart-drawer");
  document.querySelector("#cart-count").textContent = String(cart.lines.reduce((n, l) => n + l.quantity, 0));
  for (const link of document.querySelectorAll('.bar nav a[href^="/checkout.html"]')) link.href = checkoutHref();
  if (!drawer) return;
  const list = drawer.querySelector("ul");
  if (cart.lines.length === 0) {
    list.replaceChildren(Object.assign(document.createElement("li"), { textContent: "Your cart is empty." }));
    drawer.querySelector("[data-summary]").textContent = "";
    return;
  }
  const lines = cart.lines.map((l) => ({ ...l, unitPrice: priceOf(l.sku) }));
  cartPlanner().then(
    (p) => drawPlan(drawer, p.planCart({ lines, currency: "USD", now, locale })),
    (error) => {
      // Fails safe: no plan, no way to check out from the drawer.
      console.warn("the cart could not be planned:", error);
      drawer.querySelector("[data-summary]").textContent = "Availability can't be checked right now.";
      drawer.querySelector("a.button").removeAttribute("href");
    },
  );
}

function drawPlan(drawer, plan) {
  const list = drawer.querySelector("ul");
  list.replaceChildren();
  for (const line of plan.lines) {
    const li = document.createElement("li");
    const name = Object.assign(document.createElement("span"), { className: "cart-line__title", textContent: `${line.quantity} × ${titleOf(line.sku)}` });
    const note = Object.assign(document.createElement("span"), { className: "cart-line__note", textContent: line.message });
    const remove = Object.assign(document.createElement("button"), { className: "link", textContent: "Remove", type: "button" });
    remove.setAttribute("aria-label", `Remove ${titleOf(line.sku)}`);
    remove.addEventListener("click", () => cart.remove(line.sku));
    li.append(name, note, remove);
    list.append(li);
  }
  drawer.querySelector("[data-summary]").textContent = `${plan.summary} · Total ${money(plan.total)}`;
  drawer.querySelector("a.button").href = checkoutHref();
}

export function wireHeader() {
  const drawer = document.querySelector("#cart-drawer");
  document.querySelector("#cart-toggle").addEventListener("click", () => {
    drawer.hidden = !drawer.hidden;
    if (!drawer.hidden) drawer.querySelector("h2").focus();
  });
  drawer.querySelector("[data-close]").addEventListener("click", () => (drawer.hidden = true));
  // Live updates: another shopper buys one unit of the first in-stock variant shown.
  document.querySelector("#simulate-sale")?.addEventListener("click", () => {
    const sku = document.querySelector("[data-live-sku]")?.dataset.liveSku;
    const item = sku && JSON.parse(JSON.stringify(raw.items.find((i) => i.sku === sku)));
    if (!item || !(item.onHand > 0)) return;
    item.onHand -= 1;
    raw.items[raw.items.findIndex((i) => i.sku === sku)] = item;
    updateStock({ items: [item] });
  });
  drawCart();
}

/** Records when the first badge was on screen, in ms since navigation (read by the E2E test). */
export function firstBadgeShown() {
  window.firstBadgeMs ??= performance.now();
}
