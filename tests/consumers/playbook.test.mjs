// What the playbooks ask for (issue 16), through the packed package as a
// theme or a feed job uses it: feed fields, listings, the charge sentence,
// several deliveries, and the emails of the rhythm.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Catalog, merchantFeedFields, productJsonLd } from "storefront-availability";

const now = "2026-11-23T15:00:00Z";
const catalog = new Catalog({
  version: 1, generatedAt: "2026-11-23T13:00:00Z", timeZone: "America/New_York", lowStockThreshold: 3, hideSoldOut: true,
  items: [
    { sku: "FAR", title: "Lantern", lifecycle: "unreleased", preorder: { limit: 10, shipDate: "2028-03-01" } },
    { sku: "GONE", title: "Socks", onHand: 0, backorder: { enabled: false } },
    { sku: "LOW", title: "Mug", onHand: 2 },
    { sku: "TEE", title: "Tee", onHand: 0, restock: [
      { date: "2026-11-26", confirmed: true, quantity: 3, backordered: 0 },
      { date: "2026-12-03", confirmed: true, quantity: 10, backordered: 0 }] },
    { sku: "LAMP", title: "Lamp", lifecycle: "unreleased", preorder: { limit: 5, shipDate: "2026-12-10", deposit: { type: "percentage", value: 40 } } },
  ],
});

test("feed fields: a date more than a year ahead stays out, hidden items are excluded", () => {
  const far = catalog.decide("FAR", { now });
  assert.deepEqual(far.warnings, [{ code: "availability_date_too_far", shipBy: "2028-03-01" }]);
  assert.deepEqual(merchantFeedFields(far), { availability: "preorder" });
  const gone = catalog.decide("GONE", { now });
  assert.equal(gone.listing, "hide");
  assert.deepEqual(merchantFeedFields(gone), { availability: "out_of_stock", excluded_destination: "Shopping_ads,Free_listings" });
  const low = catalog.decide("LOW", { now });
  const ld = productJsonLd(low, { name: "Mug", url: "https://shop.example/mug", price: "18.00", currency: "USD" });
  assert.deepEqual([ld.offers.availability, merchantFeedFields(low).availability], ["https://schema.org/LimitedAvailability", "in_stock"]);
});

test("a backorder spanning two deliveries, and the charge sentence for a price", () => {
  const d = catalog.decide("TEE", { now, quantity: 5, unitPrice: 2500, currency: "USD" });
  assert.deepEqual(d.deliveries, [
    { quantity: 3, shipDate: "2026-11-27", queuePosition: 1 },
    { quantity: 2, shipDate: "2026-12-04", queuePosition: 1 },
  ]);
  assert.equal(d.shipDate, "2026-12-04");
  assert.equal(d.message.charge, "$125.00 when it ships");
  const lamp = catalog.decide("LAMP", { now, unitPrice: 10000, currency: "USD", locale: "de-DE" });
  assert.equal(lamp.payment, "deposit_now_balance_at_shipment");
  assert.equal(lamp.message.charge, "40,00\u00a0$ heute, 60,00\u00a0$ beim Versand");
  const plan = catalog.planCart({ lines: [{ sku: "LAMP", quantity: 1, unitPrice: 10000 }], currency: "USD", now, channel: "ebay" });
  assert.deepEqual([plan.chargedNow, plan.charges], [0, "$100.00 when it ships"]);
});

test("notify-me confirmation, back in stock and shipped emails", () => {
  assert.equal(catalog.decide("GONE", { now, locale: "fr-FR" }).message.confirm, "Nous vous enverrons un e-mail dès son retour");
  assert.throws(() => catalog.backInStock("GONE", { now }), (e) => e.code === "not_purchasable");
  assert.equal(catalog.backInStock("LOW", { now }).subject, "Mug is back in stock");
  const shipped = catalog.shipped({ orderNumber: "1042", title: "Tee", tracking: "1Z9", locale: "es-ES" });
  assert.equal(shipped.subject, "Tu pedido está en camino · Tee");
  const status = catalog.weeklyStatus({ orderNumber: "1042", title: "Tee", promisedDate: "2026-12-04", expectedDate: "2026-12-04", stage: "in_production", warehouseArrival: "2026-12-03", now });
  assert.match(status.body, /Current status: in production at the supplier\nEstimated arrival at our warehouse: Thursday, December 3/);
  assert.throws(() => catalog.weeklyStatus({ orderNumber: "1", title: "T", promisedDate: "2026-12-04", expectedDate: "2026-12-04", stage: "lost" }), (e) => e.code === "invalid_options");
});
