// CommonJS on the server (Node ≥ 20.19 loads the package's ES module
// through require): server-side rendering of a product's availability and
// its JSON-LD, and Google Merchant feed rows.
const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const { test } = require("node:test");
const { Catalog, productJsonLd, jsonLdScript, merchantFeedFields } = require("storefront-availability");

const snapshot = readFileSync(`${__dirname}/sample-snapshot.json`, "utf8");
const now = "2026-11-23T15:00:00Z";

test("require() gives the same Catalog as import", () => {
  assert.equal(typeof Catalog.fromJson, "function");
  assert.equal(Catalog.fromJson(snapshot).decide("TEE-L", { now }).shipDate, "2026-12-02");
});

test("server-side rendering: the availability line and JSON-LD that matches it", () => {
  const d = Catalog.fromJson(snapshot).decide("TEE-L", { now, locale: "en-US" });
  const ld = productJsonLd(d, { name: "Merino Tee </script><script>alert(1)</script>", url: "https://shop.example/products/merino-tee?variant=L", price: "25.00", currency: "USD" });
  const html = `<p class="availability">${d.message.text}</p>${jsonLdScript(ld)}`;
  assert.equal(
    html,
    '<p class="availability">Backordered – ships by Wednesday, December 2</p>' +
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Merino Tee \\u003c/script>\\u003cscript>alert(1)\\u003c/script>","sku":"TEE-L",' +
      '"offers":{"@type":"Offer","url":"https://shop.example/products/merino-tee?variant=L","sku":"TEE-L","price":"25.00","priceCurrency":"USD",' +
      '"availability":"https://schema.org/BackOrder","availabilityStarts":"2026-12-02"}}</script>',
  );
  // The escaped text is still the same JSON.
  assert.deepEqual(JSON.parse(html.slice(html.indexOf("{"), html.lastIndexOf("<"))), ld);
});

test("JSON-LD and feed fields for every situation agree with the decision", () => {
  const expected = {
    in_stock: ["https://schema.org/InStock", "in_stock"],
    backorder: ["https://schema.org/BackOrder", "backorder"],
    preorder: ["https://schema.org/PreOrder", "preorder"],
    out_of_stock: ["https://schema.org/OutOfStock", "out_of_stock"],
  };
  // Out of stock for good: the more precise schema.org values.
  // Few left: LimitedAvailability for search engines (the feed keeps in_stock).
  const precise = { discontinued: "https://schema.org/Discontinued", preorder_cap_reached: "https://schema.org/SoldOut", low_stock: "https://schema.org/LimitedAvailability" };
  for (const d of Catalog.fromJson(snapshot).decideAll({ now })) {
    const ld = productJsonLd(d, { name: d.sku, url: `https://shop.example/${d.sku}`, price: 10, currency: "EUR" });
    const feed = merchantFeedFields(d);
    const [schema, merchant] = expected[d.policy];
    assert.deepEqual([ld.offers.availability, feed.availability], [precise[d.reason] ?? schema, merchant], d.sku);
    const dated = d.policy === "backorder" || d.policy === "preorder";
    assert.equal(ld.offers.availabilityStarts, dated ? d.shipDate : undefined, d.sku);
    assert.equal(feed.availability_date, dated ? d.shipDate : undefined, d.sku);
  }
});

test("productJsonLd names what is missing", () => {
  const d = Catalog.fromJson(snapshot).decide("TEE-S", { now });
  assert.throws(() => productJsonLd(d, { name: "Tee", url: "https://x", price: "25,00", currency: "USD" }), { code: "invalid_options", message: /price/ });
  assert.throws(() => productJsonLd({}, { name: "Tee" }), { code: "invalid_options", message: /decision/ });
});
