// A deterministic snapshot of `n` items mixing every situation the rules
// distinguish, with realistic titles: the benchmark's input.
export const NOW = "2026-11-23T15:00:00Z"; // Monday, 10:00 in New York

export function snapshot(n, seed = 1) {
  let state = seed >>> 0;
  const rand = (k) => ((state = (state * 1664525 + 1013904223) >>> 0) >>> 16) % k;
  const day = (offset) => new Date(Date.UTC(2026, 10, 23 + offset)).toISOString().slice(0, 10);
  const items = [];
  for (let i = 0; i < n; i++) {
    const sku = `SKU-${String(i).padStart(6, "0")}`;
    const item = { sku, productId: `P-${Math.floor(i / 4)}`, title: `Product ${Math.floor(i / 4)} / Size ${["S", "M", "L", "XL"][i % 4]}` };
    switch (rand(8)) {
      case 0: case 1: item.onHand = 5 + rand(50); item.reserved = rand(4); break;
      case 2: item.onHand = 1 + rand(4); item.lowStockThreshold = 5; break;
      case 3: item.onHand = rand(3); item.restock = { date: day(2 + rand(20)), confirmed: rand(5) > 0, quantity: 20 + rand(40), backordered: rand(30) }; break;
      case 4: item.lifecycle = "unreleased"; item.preorder = { plannedProduction: 100 + rand(900), sold: rand(600), productionDate: day(20 + rand(60)) }; break;
      case 5: item.lifecycle = "discontinued"; item.onHand = rand(2); break;
      case 6: item.onHand = 0; item.backorder = { enabled: rand(2) === 0 }; item.restock = { date: day(rand(10) - 2), confirmed: true, quantity: 30, backordered: 10 }; break;
      default: item.lifecycle = "unreleased"; item.preorder = { limit: rand(50), shipDate: day(10 + rand(40)), startsAt: "2026-11-01T00:00:00Z" };
    }
    items.push(item);
  }
  return {
    version: 1, generatedAt: "2026-11-23T13:00:00Z", timeZone: "America/New_York", cutoffTime: "14:00",
    holidays: ["2026-11-26", "2026-12-25"], lowStockThreshold: 3,
    deadlines: [{ name: "Christmas", shipBy: "2026-12-18" }], items,
  };
}
