// The platform importers, used through the packed package exactly as a
// merchant's server would, on fixtures in each platform's own API shape.
// Conformance: each platform's documented selling rule is written out here
// as an oracle (`sells`), and every import is checked against it. Where we
// answer differently, the importer must have said why with a diagnostic;
// the expected differences are listed per platform.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog } from "storefront-availability";
import { fromMagento, fromSaleor, importSnapshot, platforms } from "storefront-availability/import";

const generatedAt = "2026-11-23T08:00:00Z";
const now = "2026-11-23T10:00:00Z";
const fixture = (name) => JSON.parse(readFileSync(new URL(`platforms/${name}.json`, import.meta.url), "utf8"));

/** Imports a fixture and loads the snapshot; the snapshot itself must be clean. */
function load(platform, options = {}) {
  const result = importSnapshot(platform, fixture(platform), { generatedAt, ...options });
  const catalog = new Catalog(result.snapshot);
  assert.deepEqual(catalog.diagnostics, [], `${platform}: the imported snapshot has problems`);
  return { ...result, catalog };
}

const codesOf = (diagnostics, sku) => diagnostics.filter((d) => d.sku === sku).map((d) => d.code);
const EXPLAINS = ["sells_past_zero_undated", "untracked_inventory", "preorder_uncapped", "preorder_undated", "not_for_sale"];

/**
 * Asserts the oracle and our decisions agree for every case except `differs`,
 * and that each difference carries one of the explaining diagnostics.
 */
function conform({ catalog, diagnostics }, cases, differs) {
  const found = [];
  for (const { sku, channel = "dtc", quantity = 1, sells } of cases) {
    const d = catalog.decide(sku, { channel, quantity, now });
    if (d.canPurchase !== sells) {
      found.push(sku);
      const why = codesOf(diagnostics, sku).filter((c) => EXPLAINS.includes(c));
      assert.ok(why.length > 0, `${sku}: platform ${sells ? "sells" : "refuses"}, we ${d.reason}, and no diagnostic says why`);
    }
  }
  assert.deepEqual(found, differs);
}

test("every platform is listed, and an unknown one is refused by name", () => {
  assert.deepEqual(platforms, ["shopify", "woocommerce", "magento", "saleor", "medusa", "solidus"]);
  assert.throws(() => importSnapshot("etsy", {}), { code: "unknown_platform", message: /unknown platform "etsy"; expected one of shopify/ });
  assert.throws(() => importSnapshot("toString", {}), { code: "unknown_platform" });
});

test("Shopify: per-location available stock, inventoryPolicy, PRE_ORDER selling plans", () => {
  const imported = load("shopify", {
    items: { "TEE-L": { restock: { date: "2026-11-30", confirmed: true, quantity: 20 } }, "VASE-1": { preorder: { limit: 50 } } },
  });
  const { snapshot, catalog, diagnostics, summary } = imported;
  const tee = snapshot.items.find((i) => i.sku === "TEE-S");
  // The Kreuzberg shop does not fulfil online orders: its 3 units are not sold online.
  assert.deepEqual(snapshot.locations, { "gid://shopify/Location/1": { active: true }, "gid://shopify/Location/2": { active: true, channels: [] } });
  assert.equal(catalog.decide("TEE-S", { now }).maxQuantity, 9);
  assert.equal(tee.title, "Merino Tee – S");
  const vase = catalog.decide("VASE-1", { now });
  assert.deepEqual([vase.policy, vase.shipDate, vase.remainingPreorders], ["preorder", "2027-01-15", 50]);
  assert.deepEqual(snapshot.items.find((i) => i.sku === "VASE-1").preorder.deposit, { type: "percentage", value: 20 });
  assert.equal(catalog.decide("TEE-L", { now }).policy, "backorder", "a confirmed restock from options.items makes CONTINUE a dated backorder");
  assert.equal(catalog.decide("POSTER", { now }).reason, "discontinued");
  assert.deepEqual(summary.sellsPastZeroUndated, ["TEE-M"]);
  assert.deepEqual(diagnostics.find((d) => d.sku === "TEE-M"), {
    code: "sells_past_zero_undated", platform: "shopify", sku: "TEE-M", path: "data.products.nodes[0].variants.nodes[1].inventoryPolicy",
    message: diagnostics.find((d) => d.sku === "TEE-M").message,
  });
  assert.match(diagnostics.find((d) => d.code === "missing_sku").message, /imported under "shopify:gid:\/\/shopify\/ProductVariant\/2005"/);
  // Shopify's availableForSale: tracked is false, or inventoryPolicy is CONTINUE, or quantity > 0 (and the product is not archived).
  const sells = (v, product) => product.status !== "ARCHIVED" && (v.inventoryItem.tracked === false || v.inventoryPolicy === "CONTINUE" || v.inventoryQuantity > 0 || v.sellingPlanGroups.nodes.length > 0);
  const cases = fixture("shopify").data.products.nodes.flatMap((product) =>
    product.variants.nodes.map((v) => ({ sku: v.sku || `shopify:${v.id}`, sells: sells(v, product) })));
  conform(imported, cases, ["TEE-M", "shopify:gid://shopify/ProductVariant/2005"]);
});

test("Shopify: the Storefront API shape (quantityAvailable, currentlyNotInStock) imports too", () => {
  const data = { data: { products: { edges: [{ node: { id: "gid://shopify/Product/9", title: "Cap", variants: { edges: [
    { node: { id: "v1", sku: "CAP-1", availableForSale: true, quantityAvailable: 4, currentlyNotInStock: false } },
    { node: { id: "v2", sku: "CAP-2", availableForSale: true, quantityAvailable: 0, currentlyNotInStock: true } },
    { node: { id: "v3", sku: "CAP-3", availableForSale: true, quantityAvailable: null } },
  ] } } }] } } };
  const { snapshot, summary, diagnostics } = importSnapshot("shopify", data, { generatedAt });
  // Untracked inventory means one thing on every platform (issue 17): no stock, backorders off.
  assert.deepEqual(snapshot.items.map((i) => [i.sku, i.onHand, i.backorder?.enabled]), [["CAP-1", 4, undefined], ["CAP-2", 0, true], ["CAP-3", 0, false]]);
  assert.deepEqual(summary.sellsPastZeroUndated, ["CAP-2"]);
  assert.equal(diagnostics.find((d) => d.sku === "CAP-2").path, "data.products.edges[0].node.variants.edges[1].node.currentlyNotInStock");
  assert.equal(codesOf(diagnostics, "CAP-3")[0], "untracked_inventory");
});

test("WooCommerce: stock status on save (WC_Product::validate_props) with the out-of-stock threshold", () => {
  const imported = load("woocommerce", { items: { CUP: { restock: { date: "2026-12-01", confirmed: true, quantity: 24 } } } });
  const { catalog, snapshot, summary } = imported;
  // notify_no_stock_amount only sets the saved stock_status; Woo's cart sells every unit of stock_quantity (issue 17).
  assert.equal(snapshot.outOfStockThreshold, undefined);
  assert.equal(snapshot.lowStockThreshold, 3, "nothing is held back, so Woo's low stock 3 is ours");
  // validate_props: managing stock, stock > notify_no_stock_amount → instock; else backorders allowed → onbackorder; else outofstock.
  const threshold = 1;
  const status = (p) => !p.manage_stock || p.manage_stock === "parent" ? p.stock_status
    : p.stock_quantity > threshold ? "instock" : p.backorders !== "no" ? "onbackorder" : "outofstock";
  const data = fixture("woocommerce");
  const all = [...data.products.filter((p) => p.type === "simple"), ...data.variations["201"]];
  // The fixture's own stock_status is what WooCommerce saved: the oracle must reproduce it.
  for (const p of all) assert.equal(status(p), p.stock_status, p.sku);
  conform(imported, all.map((p) => ({ sku: p.sku, sells: status(p) !== "outofstock" })), ["PLATE", "SPOON"]);
  assert.deepEqual(summary.sellsPastZeroUndated, ["PLATE"]);
  assert.equal(catalog.decide("CUP", { now }).policy, "backorder");
  assert.equal(catalog.decide("DISH", { now }).reason, "low_stock", "low_stock_amount 5 (4 left)");
  // Variations managed at product level share the parent's stock: a kit of one parent unit.
  assert.equal(catalog.decide("APRON-RED", { now }).maxQuantity, 6);
  assert.equal(catalog.decide("APRON-BLUE", { now, quantity: 2 }).canPurchase, true, "2 in stock, none held back: Woo sells both");
  assert.equal(catalog.decide("APRON-BLUE", { now, quantity: 3 }).canPurchase, false);
  const plan = catalog.planCart({ lines: [{ sku: "APRON-RED", quantity: 4, unitPrice: 5500 }, { sku: "APRON", quantity: 3, unitPrice: 5500 }], currency: "EUR", now });
  assert.deepEqual(plan.lines.map((l) => [l.sku, l.accepted, l.canHave]), [["APRON-RED", true, 0], ["APRON", false, 2]], "the pool of 6 is shared");
});

test("Magento: salable quantity from sources, reservations and min_qty; backorders; sale quantity limits", () => {
  const imported = load("magento");
  const { catalog, snapshot, diagnostics } = imported;
  // MSI: Σ quantity of in-stock items at enabled sources linked to the stock, + reservations, − min_qty.
  const salable = (sku) => {
    const data = fixture("magento");
    const enabled = new Set(data.sources.items.filter((s) => s.enabled).map((s) => s.source_code));
    const linked = new Set(data.stockSourceLinks.items.filter((l) => l.stock_id === 1).map((l) => l.source_code));
    const qty = data.sourceItems.items.filter((s) => s.sku === sku && s.status === 1 && enabled.has(s.source_code) && linked.has(s.source_code)).reduce((n, s) => n + s.quantity, 0);
    const reservations = data.reservations.filter((r) => r.sku === sku).reduce((n, r) => n + r.quantity, 0);
    const item = data.products.items.find((p) => p.sku === sku).extension_attributes.stock_item;
    return qty + reservations - (item.use_config_min_qty ? data.config.min_qty : item.min_qty);
  };
  assert.equal(salable("SKU-1"), 6, "eu-1 5 + eu-2 3 (eu-3 out of stock, eu-disabled disabled, b2b-1 not linked) − 2 reserved");
  for (const sku of ["SKU-1", "SKU-2", "SKU-4"]) assert.equal(catalog.decide(sku, { now }).maxQuantity, Math.min(salable(sku), sku === "SKU-4" ? 5 : Infinity), sku);
  assert.deepEqual(snapshot.locations["b2b-1"], { active: true, channels: [] }, "the b2b website is not mapped: reported, sells nothing");
  assert.equal(diagnostics.find((d) => d.code === "unmapped_channel").path, "stocks[1].extension_attributes.sales_channels[0]");
  // IsProductSalableForRequestedQty: salable ≥ requested, or backorders allowed; min/max sale quantity; disabled products never.
  const product = (sku) => fixture("magento").products.items.find((p) => p.sku === sku);
  const sells = (sku, q) => {
    const s = product(sku).extension_attributes.stock_item;
    if (product(sku).status === 2) return false;
    if (q < (s.use_config_min_sale_qty ? 1 : s.min_sale_qty) || q > (s.use_config_max_sale_qty ? 10000 : s.max_sale_qty)) return false;
    return salable(sku) >= q || (!s.use_config_backorders && s.backorders > 0);
  };
  const cases = [["SKU-1", 6], ["SKU-1", 7], ["SKU-2", 3], ["SKU-2", 4], ["SKU-3", 1], ["SKU-4", 1], ["SKU-4", 2], ["SKU-4", 5], ["SKU-4", 6], ["SKU-5", 1]];
  conform(imported, cases.map(([sku, quantity]) => ({ sku, quantity, sells: sells(sku, quantity) })), ["SKU-3"]);
  assert.equal(catalog.decide("SKU-4", { now, quantity: 1 }).reason, "below_minimum_quantity");
  assert.equal(catalog.decide("SKU-4", { now, quantity: 6 }).reason, "exceeds_order_limit");
});

test("Magento without Inventory (MSI): legacy stock_item qty and the config defaults", () => {
  const { products, config } = fixture("magento");
  const { snapshot } = fromMagento({ products, config }, { generatedAt });
  assert.deepEqual(snapshot.items.map((i) => [i.sku, i.onHand, i.outOfStockThreshold]), [
    ["SKU-1", 18, undefined], ["SKU-2", 5, 2], ["SKU-3", 0, undefined], ["SKU-4", 40, undefined], ["SKU-5", 0, undefined],
  ]);
  assert.equal(snapshot.locations, undefined);
});

test("Saleor: warehouses per channel, allocations, per-customer limits, pre-order thresholds (channel and global: the tighter binds)", () => {
  const shipDates = { "RUN-43": { preorder: { shipDate: "2027-01-20" } }, "RUN-44": { preorder: { shipDate: "2027-01-20" } } };
  const imported = load("saleor", { items: shipDates });
  const { catalog, snapshot, diagnostics } = imported;
  assert.equal(catalog.decide("RUN-42", { now }).maxQuantity, 2, "6 available at the channel's warehouse, 2 per customer");
  assert.equal(catalog.decide("RUN-42", { now, purchased: 2 }).reason, "exceeds_order_limit");
  assert.deepEqual(snapshot.items[2].preorder, { limit: 50, sold: 35, channels: { dtc: { limit: 20, sold: 5 } }, shipDate: "2027-01-20" },
    "no global threshold, every channel capped: the sum bounds it");
  assert.ok(diagnostics.some((d) => d.code === "unmapped_channel" && d.path === "data.channels[1].slug"));
  // saleor/warehouse/availability.py check_preorder_threshold_bulk: refused when the channel
  // threshold's remaining or the global threshold's remaining is below the request.
  const variant = (sku) => fixture("saleor").data.products.edges[0].node.variants.find((v) => v.sku === sku);
  const sells = (sku, q) => {
    const v = variant(sku);
    const t = v.channelListings.find((l) => l.channel.slug === "default-channel").preorderThreshold;
    if (t.quantity != null && t.quantity - t.soldUnits < q) return false;
    if (v.preorder.globalThreshold != null && v.preorder.globalThreshold - v.preorder.globalSoldUnits < q) return false;
    return true;
  };
  const cases = [["RUN-43", 10], ["RUN-43", 11], ["RUN-44", 15], ["RUN-44", 16]];
  conform(imported, cases.map(([sku, quantity]) => ({ sku, quantity, sells: sells(sku, quantity) })), []);
  assert.equal(catalog.decide("RUN-43", { now, quantity: 11 }).reason, "exceeds_preorder_remaining");
  // Without our ship date the same thresholds import, and the missing date is reported.
  const undated = fromSaleor(fixture("saleor"), { generatedAt });
  assert.deepEqual(undated.diagnostics.filter((d) => d.code === "preorder_undated").map((d) => d.sku), ["RUN-43", "RUN-44"]);
  assert.equal(new Catalog(undated.snapshot).decide("RUN-43", { now }).reason, "preorder_undated");
});

test("Saleor: a channel mapped through options.channels sells from its warehouses with its own cap", () => {
  const { catalog } = load("saleor", { channels: { "channel-pln": "ebay" }, items: { "RUN-43": { preorder: { shipDate: "2026-12-10" } } } });
  assert.equal(catalog.decide("RUN-42", { now, channel: "ebay" }).maxQuantity, 2, "Europe: 7, 2 per customer");
  assert.equal(catalog.decide("RUN-42", { now, channel: "ebay", purchased: 1 }).maxQuantity, 1);
  assert.equal(catalog.decide("RUN-43", { now, channel: "ebay" }).remainingPreorders, 10, "channel 50 left, global 10: the tighter binds");
});

test("Medusa: location levels of the sales channel's stock locations, inventory kits with required_quantity", () => {
  const imported = load("medusa");
  const { catalog, diagnostics, summary } = imported;
  // Medusa: available = stocked − reserved at the channel's locations; a kit sells ⌊min(available / required)⌋.
  assert.equal(catalog.decide("CUP", { now }).maxQuantity, 8, "the POS location is not in the default sales channel");
  assert.equal(catalog.decide("SET-2", { now }).maxQuantity, 2, "min(⌊8/2⌋, ⌊5/2⌋)");
  assert.equal(catalog.decide("SAUCER", { now }).maxQuantity, 5, "the kit's component is an item of its own");
  assert.ok(diagnostics.some((d) => d.sku === "MUG" && d.code === "unmapped_field" && /12 incoming/.test(d.message)));
  assert.deepEqual(summary.sellsPastZeroUndated, ["MUG"]);
  const sells = { CUP: true, "SET-2": true, MUG: true, "GIFT-WRAP": true };
  conform(imported, Object.entries(sells).map(([sku, s]) => ({ sku, sells: s })), ["MUG", "GIFT-WRAP"]);
  const three = catalog.decide("SET-2", { now, quantity: 3 });
  assert.deepEqual([three.canPurchase, three.reason], [false, "exceeds_available"]);
});

test("Solidus: stock items at active locations (Spree::Stock::Quantifier), backorderable, track_inventory", () => {
  const imported = load("solidus");
  const { catalog, snapshot } = imported;
  const data = fixture("solidus");
  const active = new Set(data.stock_locations.filter((l) => l.active).map((l) => l.id));
  // Quantifier: total_on_hand over active locations; can_supply?(q) = !track_inventory || backorderable? || total_on_hand ≥ q.
  const canSupply = (variant, q) => {
    const items = data.stock_items.filter((s) => s.variant_id === variant.id && active.has(s.stock_location_id));
    const total = items.reduce((n, s) => n + s.count_on_hand, 0);
    return !variant.track_inventory || items.some((s) => s.backorderable) || total >= q;
  };
  const tote = data.products[0].variants;
  const cases = [[tote[0], 5], [tote[0], 6], [tote[1], 1], [data.products[1].master, 1]];
  conform(imported, cases.map(([v, quantity]) => ({ sku: v.sku, quantity, sells: canSupply(v, quantity) })), ["TOTE-BLUE", "STICKER"]);
  assert.deepEqual(snapshot.locations, { 1: { active: true }, 2: { active: false } });
  const beanie = catalog.decide("BEANIE", { now });
  assert.deepEqual([beanie.canPurchase, beanie.notifyMe], [false, true], "not available before available_on, as in Solidus");
});

test("a release date still ahead makes a pre-order for the importer as for the core: an uncapped one is named", () => {
  const { catalog, diagnostics } = load("woocommerce", { items: { PLATE: { preorder: { releaseDate: "2027-03-01", shipDate: "2027-03-05" } } } });
  assert.equal(catalog.decide("PLATE", { now }).reason, "preorder_uncapped");
  assert.ok(codesOf(diagnostics, "PLATE").includes("preorder_uncapped"), JSON.stringify(codesOf(diagnostics, "PLATE")));
  // Released already: no pre-order, no notice.
  const released = load("woocommerce", { items: { PLATE: { preorder: { releaseDate: "2026-11-01" } } } });
  assert.equal(codesOf(released.diagnostics, "PLATE").includes("preorder_uncapped"), false);
  assert.notEqual(released.catalog.decide("PLATE", { now }).reason, "preorder_uncapped");
});

test("the merchant's own data fills what the platform lacks, and every undated past-zero item is listed once", () => {
  const { summary, diagnostics } = load("woocommerce", { items: { PLATE: { restock: { date: "2026-12-02", confirmed: true, quantity: 10 } }, NOPE: { onHand: 1 } } });
  assert.deepEqual(summary.sellsPastZeroUndated, ["CUP"]);
  assert.equal(summary.diagnostics.sells_past_zero_undated, 1);
  assert.deepEqual(codesOf(diagnostics, "NOPE"), ["unknown_sku"]);
});

test("bad platform data: a clear error for a shape we cannot read, a diagnostic for a bad value, the other items unharmed", () => {
  assert.throws(() => importSnapshot("shopify", { data: { orders: [] } }), { code: "invalid_import", message: "data: expected products or productVariants" });
  const one = importSnapshot("woocommerce", { products: [1, { id: 7, type: "simple", sku: "OK", manage_stock: true, stock_quantity: 2 }] }, { generatedAt });
  assert.deepEqual(one.diagnostics.map((d) => [d.code, d.path]), [["invalid_value", "products[0]"]], "a bad product is reported and left out");
  assert.deepEqual(one.snapshot.items.map((i) => i.sku), ["OK"]);
  assert.throws(() => importSnapshot("saleor", { data: { products: { edges: 3 } } }), { code: "invalid_import", path: "data.products" });
  const data = fixture("woocommerce");
  data.products[0].stock_quantity = "lots";
  data.products[1].stock_quantity = 2.5;
  data.products[1].stock_status = "instock"; // as Woo saves it for 2.5 units (its saved "outofstock" would sell none)
  const { snapshot, diagnostics } = importSnapshot("woocommerce", data, { generatedAt });
  assert.deepEqual(diagnostics.slice(0, 2).map((d) => [d.code, d.path]), [["invalid_value", "products[0].stock_quantity"], ["unmapped_field", "products[1].stock_quantity"]]);
  assert.deepEqual(snapshot.items.slice(0, 3).map((i) => i.onHand), [0, 2, 0]);
  // 4 in stock: Woo's no-stock threshold holds nothing back (issue 17).
  assert.equal(new Catalog(snapshot).decide("DISH", { now }).maxQuantity, 4, "the other items import as before");
});

/** Every container in `value` with its keys, for mutation. */
function containers(value, out = []) {
  if (typeof value === "object" && value !== null) {
    out.push(value);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

test("fuzzed platform data: importers refuse with invalid_import or import a snapshot that loads; no other exception", () => {
  let seed = 20261123;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const values = [null, undefined, -1, 0, 1.5, 2 ** 60, -(2 ** 60), "", "7", "x", "2027-01-15T00:00:00Z", true, false, [], {}, [null], { nodes: null }, { edges: [{}] },
    // Hostile text and ids: half an emoji, a prototype's name, numbers in other notations.
    "Half \ud83d", "\udc00", "__proto__", "constructor", "0x10", "0b11", "1e3", " 12 "];
  const protoKeys = Object.getOwnPropertyNames(Object.prototype);
  let imported = 0;
  let refused = 0;
  for (const platform of platforms) {
    for (let run = 0; run < 400; run++) {
      const data = fixture(platform);
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) {
        const target = pick(containers(data));
        const keys = Object.keys(target);
        if (keys.length === 0) continue;
        const key = pick(keys);
        const roll = random();
        if (roll < 0.2) delete target[key];
        else if (roll < 0.3 && !Array.isArray(target)) {
          // An id-keyed object whose key is "__proto__" (as JSON.parse makes it: an own key).
          Object.defineProperty(target, "__proto__", { value: target[key], enumerable: true, writable: true, configurable: true });
          delete target[key];
        } else target[key] = structuredClone(pick(values));
      }
      let result;
      try {
        result = importSnapshot(platform, data, { generatedAt });
      } catch (error) {
        assert.equal(error.code, "invalid_import", `${platform} run ${run}: ${error.stack}`);
        assert.equal(typeof error.path, "string");
        refused += 1;
        continue;
      }
      imported += 1;
      assert.deepEqual(Object.getOwnPropertyNames(Object.prototype), protoKeys, `${platform} run ${run} polluted Object.prototype`);
      assert.doesNotMatch(JSON.stringify(result.snapshot), /\\ud[89a-f]/i, `${platform} run ${run}: half a character reached the snapshot`);
      const catalog = new Catalog(result.snapshot);
      assert.deepEqual(catalog.diagnostics.filter((d) => d.code === "invalid_text"), []);
      for (const d of catalog.decideAll({ now })) assert.ok(d.maxQuantity >= 0 && Number.isSafeInteger(d.maxQuantity));
      for (const d of result.diagnostics) assert.ok(typeof d.path === "string" && typeof d.message === "string" && d.platform === platform);
    }
  }
  assert.ok(imported > 1000 && refused > 0, `${imported} imported, ${refused} refused`);
});

test("a full export in pages (an array, or an async generator) imports as the one response would", async () => {
  const { importPages } = await import("storefront-availability/import");
  // Each fixture split into pages of one product (or variant) each, along the platform's paginated lists.
  const split = {
    shopify: (d) => d.data.products.nodes.map((node) => ({ data: { products: { nodes: [node] } } })),
    woocommerce: (d) => d.products.map((product, i) => ({ products: [product], variations: d.variations, ...(i === 0 ? { settings: d.settings } : {}) })),
    magento: (d) => [{ ...d, products: { items: d.products.items.slice(0, 3) } }, { products: { items: d.products.items.slice(3) } }],
    // The fixture has one product: a page per variant (each its product's copy).
    saleor: (d) => d.data.products.edges.flatMap((edge) => edge.node.variants.map((v) => ({ ...edge, node: { ...edge.node, variants: [v] } })))
      .map((edge, i) => ({ data: { products: { edges: [edge] }, ...(i === 0 ? { channels: d.data.channels } : {}) } })),
    medusa: (d) => d.products.map((product, i) => ({ products: [product], ...(i === 0 ? { sales_channels: d.sales_channels, stock_locations: d.stock_locations } : {}) })),
    solidus: (d) => d.products.map((product, i) => ({ products: [product], ...(i === 0 ? { stock_locations: d.stock_locations, stock_items: d.stock_items } : {}) })),
  };
  const decisions = (snapshot) => {
    const catalog = new Catalog(snapshot);
    return catalog.skus.map((sku) => [sku, catalog.decide(sku, { now }).maxQuantity, catalog.decide(sku, { now }).reason]);
  };
  for (const platform of platforms) {
    const whole = importSnapshot(platform, fixture(platform), { generatedAt });
    const pages = split[platform](fixture(platform));
    assert.ok(pages.length > 1, platform);
    const fromArray = await importPages(platform, pages, { generatedAt });
    async function* fetchPages() {
      for (const page of split[platform](fixture(platform))) yield await Promise.resolve(page);
    }
    const fromGenerator = await importPages(platform, fetchPages(), { generatedAt });
    assert.deepEqual(decisions(fromArray.snapshot), decisions(whole.snapshot), platform);
    assert.deepEqual(decisions(fromGenerator.snapshot), decisions(whole.snapshot), platform);
    assert.deepEqual(fromArray.diagnostics.map((d) => d.code).sort(), whole.diagnostics.map((d) => d.code).sort(), platform);
  }
  await assert.rejects(importPages("shopify", 42), (e) => e.code === "invalid_import");
});
