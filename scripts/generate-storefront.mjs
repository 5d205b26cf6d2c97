// Writes www/storefront-snapshot.json: the demo storefront's catalog, 48
// products with 3–4 variants each, covering every situation a collection
// page meets (all in stock, some sizes low or on backorder, pre-orders,
// sold out with notify-me, discontinued). Deterministic; run again after
// changing it:  node scripts/generate-storefront.mjs
import { writeFileSync } from "node:fs";

const kinds = [
  ["Merino Tee", ["XS", "S", "M", "L", "XL"]], ["Linen Shirt", ["S", "M", "L", "XL"]], ["Wool Beanie", ["Grey", "Navy", "Rust"]],
  ["Canvas Tote", ["Natural", "Black", "Olive"]], ["Stoneware Mug", ["White", "Sand", "Slate"]], ["Trail Sock", ["S", "M", "L"]],
  ["Rain Jacket", ["S", "M", "L", "XL"]], ["Leather Belt", ["85", "90", "95", "100"]],
];
const adjectives = ["Classic", "Everyday", "Field", "Harbor", "Northern", "Studio"];
/** A variant's stock for the product's situation (i: product, v: variant). */
const situations = [
  () => ({ onHand: 40 }),
  (v) => (v === 1 ? { onHand: 2, lowStockThreshold: 3 } : { onHand: 25 }),
  (v) => (v % 2 ? { onHand: 0, restock: { date: "2026-12-04", confirmed: true, quantity: 30, backordered: 4 } } : { onHand: 12 }),
  () => ({ lifecycle: "unreleased", preorder: { plannedProduction: 400, sold: 120, releaseDate: "2027-01-11", shipDate: "2027-01-15" } }),
  (v) => (v === 0 ? { onHand: 0 } : v === 1 ? { onHand: 0, backorder: { enabled: false } } : { onHand: 8 }),
  () => ({ onHand: 0, restock: { date: "2026-12-20", confirmed: false } }),
  () => ({ onHand: 0, restock: { date: "2026-11-30", confirmed: true, quantity: 60, backordered: 10 } }),
  (v) => (v === 2 ? { lifecycle: "discontinued", onHand: 0 } : { onHand: 6 }),
];
const items = [];
for (let i = 0; i < 48; i++) {
  const [kind, options] = kinds[i % kinds.length];
  const title = `${adjectives[Math.floor(i / kinds.length) % adjectives.length]} ${kind}`;
  const productId = title.toLowerCase().replace(/\s+/g, "-");
  const price = 1500 + ((i * 700) % 9000);
  options.slice(0, 3 + (i % 2)).forEach((option, v) => {
    items.push({ sku: `${productId}-${option}`.toUpperCase(), productId, title: `${title} — ${option}`, price, ...situations[Math.floor(i / 1) % situations.length](v) });
  });
}
const snapshot = {
  version: 1, generatedAt: "2026-11-23T13:00:00Z", maxAgeHours: 24, timeZone: "America/New_York", cutoffTime: "14:00",
  businessDays: ["mon", "tue", "wed", "thu", "fri"], holidays: ["2026-11-26", "2026-12-25"], handlingDays: 0,
  deadlines: [{ name: "Christmas", shipBy: "2026-12-18" }], items,
};
writeFileSync(new URL("../www/storefront-snapshot.json", import.meta.url), JSON.stringify(snapshot, null, 1) + "\n");
console.log(`${new Set(items.map((x) => x.productId)).size} products, ${items.length} variants`);
