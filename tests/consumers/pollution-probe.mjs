// What the pollution test asks of the package, as plain JSON: it is run
// once in a clean process and once after Object.prototype was polluted.
import { readFileSync } from "node:fs";
import { Catalog } from "storefront-availability";

export function probe() {
  const catalog = new Catalog(readFileSync(new URL("sample-snapshot.json", import.meta.url), "utf8"));
  const answers = {};
  // Around the store's 14:00 cutoff in New York, in three locales.
  for (const now of ["2026-11-23T18:30:00Z", "2026-11-23T19:30:00Z"]) {
    for (const locale of ["en-US", "de-DE", "ar-EG"]) {
      answers[`${now} ${locale}`] = catalog.decideAll({ now, locale }).map((d) => [d.sku, d.shipDate, d.maxQuantity, d.message.text]);
    }
  }
  const lines = [{ sku: "TEE-S", quantity: 1, unitPrice: 2500 }, { sku: "TEE-L", quantity: 1, unitPrice: 2500 }];
  const plan = catalog.planCart({ lines, currency: "USD", now: "2026-11-23T18:30:00Z" });
  answers.cart = [plan.summary, plan.shipments.map((s) => s.date)];
  return answers;
}
