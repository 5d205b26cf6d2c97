// The demo server's rendering: what a theme's Node server does with the
// package. The grid (`/`) and the product page (`/product.html`) are served
// with their products, prices, badges, availability text, option marks and
// JSON-LD already in the HTML — decided by the same engine the page runs —
// so crawlers and shoppers without JavaScript see them, and the page's own
// script finds them in place (it redraws the same thing: no flash, no
// shift). The buy button stays disabled in the HTML: only the page's own
// decision enables it (fail safe).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Catalog, productGroupJsonLd } from "../pkg/node.js";
import { stockStatusHtml } from "../pkg/elements.js";
import { cardImage, openingVariant, optionName, productsOf } from "../www/products.mjs";
import { label, translateHtml } from "../www/labels.mjs";

const www = new URL("../www/", import.meta.url).pathname;
const snapshot = JSON.parse(readFileSync(join(www, "storefront-snapshot.json"), "utf8"));
const catalog = Catalog.fromJson(JSON.stringify(snapshot));
const products = productsOf(snapshot.items);
/**
 * The shop's stylesheet, inlined into the rendered pages: a linked one is
 * a request the first paint waits for (with the badges already in the
 * HTML, the first badge shows at the first paint). 1.9 KB gzip.
 */
const styles = readFileSync(join(www, "shop.css"), "utf8");
if (styles.includes("</")) throw new Error("render: shop.css must not hold </ (it is inlined in a <style>)");
const STYLESHEET = '<link rel="stylesheet" href="/shop.css">';

/** The demo's clock and language, as the page reads them (`?now=`, `?locale=`). */
const DEMO_NOW = "2026-11-23T15:00:00Z";

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const money = (minor, locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(minor / 100);

/** Puts `html` inside the element that opens with `open` (an exact tag in the page's HTML). */
function fill(page, open, html) {
  const at = page.indexOf(open);
  if (at < 0) throw new Error(`render: ${open} is not in the page`);
  const inside = at + open.length;
  const close = page.indexOf("</", inside);
  return page.slice(0, inside) + html + page.slice(close);
}

/** The page with its title and description, and the stylesheet inlined. */
function withHead(page, title, description) {
  if (!page.includes(STYLESHEET)) throw new Error(`render: ${STYLESHEET} is not in the page`);
  return page
    .replace(STYLESHEET, () => `<style>${styles}</style>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`)
    .replace("</title>", `</title>\n  <meta name="description" content="${escape(description)}">`);
}

const imgHtml = ({ className, ...attributes }) => `<img class="${className}"${Object.entries(attributes).map(([k, v]) => ` ${k}="${escape(String(v))}"`).join("")}>`;

/** The collection grid: every product's card with its badge. */
export function renderGrid(url) {
  const now = url.searchParams.get("now") ?? DEMO_NOW;
  const locale = url.searchParams.get("locale") ?? "en-US";
  const rollups = new Map(catalog.decideProducts({ now, locale }).map((p) => [p.productId, p]));
  const cards = products.map((product, i) => {
    const p = rollups.get(product.id);
    const [text, policy] = p.variantsDiffer ? [p.message.text, "mixed"] : [p.message.badge, p.policy];
    return `<li class="card" data-product="${escape(product.id)}"><a href="/product.html?id=${encodeURIComponent(product.id)}">${imgHtml(cardImage(product, i))}<span class="card__title">${escape(product.title)}</span><span class="card__price">${escape(money(product.price, locale))}</span></a><span class="badge badge--${policy}" data-badge="">${escape(text)}</span></li>`;
  });
  let page = readFileSync(join(www, "index.html"), "utf8");
  page = fill(page, '<ul class="grid" id="grid" aria-label="Products">', cards.join(""));
  page = fill(page, '<p class="muted" id="count">', escape(label("products", locale, products.length)));
  page = translateHtml(page, locale);
  return withHead(page, "Northwind Supply — Shop all", `${products.length} products from Northwind Supply, each with its stock and ship date.`);
}

/** A product page: name, price, the picker with each option's state, the opening variant's availability, and the ProductGroup JSON-LD. */
export function renderProduct(url, origin) {
  const product = products.find((p) => p.id === url.searchParams.get("id")) ?? products[0];
  const now = url.searchParams.get("now") ?? DEMO_NOW;
  const locale = url.searchParams.get("locale") ?? "en-US";
  const rollup = catalog.decideProduct(product.id, { now, locale });
  const states = new Map(rollup.variantStates.map((v) => [v.sku, v]));
  const sku = openingVariant(product, states, url.searchParams.get("sku"));
  const d = catalog.decide(sku, { now, locale });
  const options = product.variants.map((variant) => {
    const v = states.get(variant.sku);
    const marked = !v.canPurchase || v.policy !== "in_stock";
    const word = marked ? catalog.decide(variant.sku, { now, locale }).message.badge : "";
    const described = marked ? ` aria-describedby="state-${escape(variant.sku)}"` : "";
    const checked = variant.sku === sku ? " checked" : "";
    return `<div class="option" data-state="${v.canPurchase ? v.policy : "unavailable"}"><label><input type="radio" name="variant" value="${escape(variant.sku)}"${checked}${described}> ${escape(variant.option)}</label><span class="option-state" id="state-${escape(variant.sku)}">${escape(word)}</span></div>`;
  });
  const page_ = new URL(`/product.html?id=${encodeURIComponent(product.id)}`, origin).href;
  const image = new URL(product.image, origin).href;
  const variants = Object.fromEntries(product.variants.map((v) => [v.sku, { name: `${product.title} — ${v.option}`, url: `${page_}&sku=${encodeURIComponent(v.sku)}`, price: (product.price / 100).toFixed(2), image }]));
  const jsonLd = productGroupJsonLd(rollup, {
    name: product.title, url: page_, currency: "USD", brand: "Northwind Supply", image, variants, timeZone: catalog.timeZone,
    variesBy: [optionName(product) === "Size" ? "size" : "color"],
  });
  let page = readFileSync(join(www, "product.html"), "utf8");
  page = page.replace('<img class="art art--big" id="art"', `<img class="art art--big" id="art" src="${escape(product.image)}" alt="${escape(product.title)}"`);
  page = fill(page, '<h1 id="title">', escape(product.title));
  page = fill(page, '<p class="price" id="price">', escape(money(product.price, locale)));
  page = fill(page, '<legend id="option-label">', escape(label(optionName(product), locale)));
  page = fill(page, '<div id="options">', options.join(""));
  page = page.replace('<stock-status id="status" button="add"></stock-status>', stockStatusHtml(d, { id: "status", button: "add" }));
  page = fill(page, '<button id="add" class="button" type="button" disabled>', escape(d.message.button));
  page = fill(page, '<code id="reason">', escape(d.reason));
  page = fill(page, '<script type="application/ld+json" id="json-ld">', JSON.stringify(jsonLd).replace(/</g, "\\u003c"));
  page = translateHtml(page, locale);
  return withHead(page, `${product.title} — Northwind Supply`, `${product.title}: ${d.message.text}.`);
}
