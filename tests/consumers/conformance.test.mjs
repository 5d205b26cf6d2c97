// Conformance with the platforms' own tests (issue 17): each platform's
// scenarios are transcribed from its repository's tests (file and test named
// in each group, in tests/consumers/conformance/), imported with our importer
// and decided by the Catalog. Where the platform sells and we deliberately do
// not, the scenario names the diagnostic that must say so; where the platform
// refuses, we never sell — there is no exception to that.
import assert from "node:assert/strict";
import { test } from "node:test";
import { Catalog } from "storefront-availability";
import { importSnapshot } from "storefront-availability/import";
import magento from "./conformance/magento.mjs";
import woocommerce from "./conformance/woocommerce.mjs";
import solidus from "./conformance/solidus.mjs";
import saleor from "./conformance/saleor.mjs";
import medusa from "./conformance/medusa.mjs";
import shopify from "./conformance/shopify.mjs";

const generatedAt = "2026-11-23T08:00:00Z";
const now = "2026-11-23T10:00:00Z";
const suites = [magento, woocommerce, solidus, saleor, medusa, shopify];

for (const { platform, groups } of suites) {
  test(`${platform}: sells exactly what the platform's own tests expect, or says why not`, () => {
    let count = 0;
    for (const group of groups) {
      const { snapshot, diagnostics } = importSnapshot(platform, structuredClone(group.data), { generatedAt, ...group.options });
      const catalog = new Catalog(snapshot);
      for (const check of group.checks) {
        count++;
        const d = catalog.decide(check.sku, { now, quantity: check.quantity, channel: check.channel ?? "dtc" });
        const where = `${check.sku} ×${check.quantity} on ${check.channel ?? "dtc"} — ${group.source}`;
        if (!check.sells) assert.equal(d.canPurchase, false, `the platform refuses: ${where}`);
        else if (check.differs) {
          assert.equal(d.canPurchase, false, `a deliberate difference: ${where}`);
          assert.ok(diagnostics.some((x) => x.code === check.differs && x.sku === check.sku), `${check.differs} reported for ${where}`);
        } else assert.equal(d.canPurchase, true, `the platform sells: ${where} (${d.reason})`);
      }
    }
    // Shopify publishes no tests: its scenarios come from its API reference.
    assert.ok(count >= (platform === "shopify" ? 10 : 15), `${platform}: ${count} scenarios`);
  });
}
