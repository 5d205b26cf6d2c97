// Writes www/sample-orders.json: four months of a small store's order
// history for the health report (docs/metrics.md), deterministic (seeded):
// steady in-stock sales on the store and on Amazon, a tee whose restock
// slipped two weeks (its backorders wait longer and cancel more), and a
// lamp launched on pre-order whose first production run shipped late.
// Run: node scripts/generate-orders.mjs
import { writeFileSync } from "node:fs";

let seed = 20260801;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const day = (offset) => new Date(Date.UTC(2026, 7, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const DAYS = 122; // 2026-08-01 … 2026-11-30

const orders = [];
const days = [];
const receipts = [];

/** A SKU sold in stock while it lasts, on backorder when the page offers it. */
function seller({ sku, productId, perDay, stock, restocks, backorder, channelShare = 0, visitsPerSale = 12 }) {
  let onHand = stock;
  for (let d = 0; d < DAYS; d++) {
    for (const r of restocks) {
      if (r.arrives === d) {
        onHand += r.quantity;
        receipts.push({ sku, orderedOn: day(r.ordered), receivedOn: day(d) });
      }
    }
    const wanted = Math.round(perDay * (0.5 + random()));
    const showing = onHand > 0 ? "in_stock" : backorder && backorder(d) ? "backorder" : "out_of_stock";
    days.push({ sku, date: day(d), onHand: Math.max(onHand, 0), visits: Math.max(wanted, 1) * visitsPerSale, showing });
    for (let i = 0; i < wanted; i++) {
      const channel = random() < channelShare ? "amazon" : "dtc";
      if (onHand > 0) {
        onHand -= 1;
        const shipped = d + 1 + Math.floor(random() * 2);
        orders.push({ sku, productId, quantity: 1, channel, placedAt: `${day(d)}T${10 + (i % 8)}:00:00Z`, soldAs: "in_stock", shippedAt: day(Math.min(shipped, DAYS - 1)) });
      } else if (showing === "backorder" && channel === "dtc" && random() < 0.35) {
        const { promised, shipped } = backorder(d);
        const cancels = random() < (shipped > promised ? 0.3 : 0.08);
        const order = { sku, productId, quantity: 1, channel, placedAt: `${day(d)}T12:00:00Z`, soldAs: "backorder", promisedShipDate: day(promised) };
        if (cancels) order.cancelledAt = day(Math.min(d + 3 + Math.floor(random() * 10), DAYS - 1));
        else if (shipped < DAYS) order.shippedAt = day(shipped);
        orders.push(order);
      }
    }
  }
}

// Steady sellers, restocked in time (Amazon takes a share, never backorders).
for (const [sku, productId, perDay] of [["MUG-1", "mug", 3], ["SOCK-1", "socks", 4], ["TOTE-1", "tote", 2]]) {
  seller({ sku, productId, perDay, stock: 120, channelShare: 0.3, restocks: [30, 60, 90].map((d) => ({ ordered: d - 12, arrives: d, quantity: perDay * 30 })) });
}
// The tee: sold out on day 40; its restock was promised for day 55 and came on day 69.
for (const [sku, perDay] of [["TEE-M", 3], ["TEE-L", 2]]) {
  seller({
    sku, productId: "tee", perDay, stock: 90, channelShare: 0.2, visitsPerSale: 5,
    restocks: [{ ordered: 20, arrives: 69, quantity: 200 }, { ordered: 80, arrives: 100, quantity: 150 }],
    backorder: (d) => (d < 69 ? { promised: 56, shipped: 70 } : null),
  });
}
// The lamp: pre-orders from day 30, promised for day 75; the first 35 shipped on time, the rest on day 84.
for (let d = 30; d < 75; d++) {
  const n = Math.round(2 * random() + 0.5);
  for (let i = 0; i < n; i++) {
    const order = { sku: "LAMP-1", productId: "lamp", quantity: 1, channel: "dtc", placedAt: `${day(d)}T15:00:00Z`, soldAs: "preorder", promisedShipDate: day(75) };
    const nth = orders.filter((o) => o.sku === "LAMP-1").length;
    if (random() < 0.07) order.cancelledAt = day(d + 5);
    else order.shippedAt = day(nth < 35 ? 75 : 84);
    orders.push(order);
  }
}
for (let d = 0; d < DAYS; d++) days.push({ sku: "LAMP-1", date: day(d), onHand: d < 75 ? 0 : 40, visits: 30, showing: d < 30 ? "out_of_stock" : d < 75 ? "preorder" : "in_stock" });
receipts.push({ sku: "LAMP-1", orderedOn: day(20), receivedOn: day(74) });

orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
const history = { from: day(0), to: day(DAYS - 1), orders, days, receipts };
writeFileSync(new URL("../www/sample-orders.json", import.meta.url), JSON.stringify(history) + "\n");
console.log(`www/sample-orders.json: ${orders.length} order lines, ${days.length} stock days, ${receipts.length} receipts`);
