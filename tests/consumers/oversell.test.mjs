// The oversell invariant through the packed package (issue 20), as a
// property (fast-check): generated stores with locations written with
// repeated keys, kits listing a component more than once, thresholds,
// reservations, waiting backorders, restocks and order limits; carts with
// per-customer purchases; and a live update() patching an item. No path
// promises more of a stocked SKU than the snapshot holds for it, computed
// here from the generated data (the same model as tests/common/oversell.rs).
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Catalog } from "storefront-availability";

const LOCATIONS = ["berlin", "paris", "fba"];
const CHANNELS = ["dtc", "amazon", "ebay", "walmart", "tiktok_shop"];
const STOCKED = 3;
const KITS = 2;
const now = "2026-11-23T10:00:00Z";
const sku = (x) => (x < STOCKED ? `S${x}` : `K${x - STOCKED}`);
const day = (offset) => new Date(Date.UTC(2026, 10, 23 + offset)).toISOString().slice(0, 10);

const location = fc.record({ id: fc.nat(LOCATIONS.length - 1), active: fc.boolean(), serves: fc.option(fc.nat(31), { nil: null }) });
const stocked = fc.record({
  source: fc.oneof(
    fc.integer({ min: -3, max: 9 }).map((n) => ({ count: n })),
    fc.array(fc.tuple(fc.nat(LOCATIONS.length - 1), fc.integer({ min: -2, max: 7 }), fc.nat(2)), { minLength: 1, maxLength: 4 }).map((levels) => ({ levels })),
  ),
  reserved: fc.nat(2),
  threshold: fc.option(fc.nat(2), { nil: null }),
  restock: fc.option(fc.tuple(fc.nat(19), fc.boolean(), fc.nat(9), fc.nat(9)), { nil: null }),
  maxPerOrder: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
});
const store = fc.record({
  locations: fc.array(location, { maxLength: 4 }),
  threshold: fc.option(fc.nat(2), { nil: null }),
  stocked: fc.array(stocked, { minLength: STOCKED, maxLength: STOCKED }),
  kits: fc.array(fc.array(fc.tuple(fc.nat(STOCKED - 1), fc.option(fc.integer({ min: 1, max: 3 }), { nil: null })), { minLength: 1, maxLength: 4 }), { minLength: KITS, maxLength: KITS }),
});
const cart = fc.record({
  lines: fc.array(fc.tuple(fc.nat(STOCKED + KITS - 1), fc.integer({ min: 1, max: 6 })), { maxLength: 8 }),
  channel: fc.nat(CHANNELS.length - 1),
  purchased: fc.array(fc.nat(2), { minLength: STOCKED, maxLength: STOCKED }),
});

/** One stocked item as JSON text, repeated location keys written as generated. */
function itemText(item, i) {
  const fields = [`"sku": "S${i}"`, `"reserved": ${item.reserved}`];
  if ("count" in item.source) fields.push(`"onHand": ${item.source.count}`);
  else fields.push(`"locations": { ${item.source.levels.map(([l, n, r]) => `"${LOCATIONS[l]}": { "onHand": ${n}, "reserved": ${r} }`).join(", ")} }`);
  if (item.threshold !== null) fields.push(`"outOfStockThreshold": ${item.threshold}`);
  if (item.restock) {
    const [days, confirmed, quantity, backordered] = item.restock;
    fields.push(`"restock": { "date": "${day(days)}", "confirmed": ${confirmed}, "quantity": ${quantity}, "backordered": ${backordered} }`);
  }
  if (item.maxPerOrder !== null) fields.push(`"limits": { "maxPerOrder": ${item.maxPerOrder} }`);
  return `{ ${fields.join(", ")} }`;
}

function snapshotText(s) {
  const items = s.stocked.map(itemText);
  s.kits.forEach((components, k) => {
    const list = components.map(([c, q]) => (q === null ? `{ "sku": "S${c}" }` : `{ "sku": "S${c}", "quantity": ${q} }`));
    items.push(`{ "sku": "K${k}", "components": [${list.join(", ")}] }`);
  });
  const parts = [`"version": 1`, `"generatedAt": "2026-11-23T08:00:00Z"`];
  if (s.locations.length > 0) {
    const entries = s.locations.map((l) => {
      const channels = l.serves === null ? "" : `, "channels": [${CHANNELS.filter((_, b) => l.serves & (1 << b)).map((c) => `"${c}"`).join(", ")}]`;
      return `"${LOCATIONS[l.id]}": { "active": ${l.active}${channels} }`;
    });
    parts.push(`"locations": { ${entries.join(", ")} }`);
  }
  if (s.threshold !== null) parts.push(`"outOfStockThreshold": ${s.threshold}`);
  parts.push(`"items": [${items.join(", ")}]`);
  return `{ ${parts.join(", ")} }`;
}

/** Units of stocked item `i` on `channel` before the waiting backorders (last key wins). */
function stock(s, i, channel) {
  const item = s.stocked[i];
  let units;
  if ("count" in item.source) units = item.source.count;
  else {
    const listed = new Map(s.locations.map((l) => [l.id, l]));
    const counts = (id) => s.locations.length === 0 || (listed.has(id) && listed.get(id).active && (listed.get(id).serves === null || (listed.get(id).serves & (1 << channel)) !== 0));
    const levels = new Map(item.source.levels.map(([l, n, r]) => [l, n - r]));
    units = [...levels].filter(([l]) => counts(l)).reduce((sum, [, n]) => sum + n, 0);
  }
  return Math.max(0, units - item.reserved - (item.threshold ?? s.threshold ?? 0));
}
const waiting = (s, i) => s.stocked[i].restock?.[3] ?? 0;
const free = (s, i, channel) => Math.max(0, stock(s, i, channel) - waiting(s, i));
function needs(s, k) {
  const m = new Map();
  for (const [c, q] of s.kits[k]) m.set(c, (m.get(c) ?? 0) + (q ?? 1));
  return m;
}
const holds = (s, x, channel) => (x < STOCKED ? free(s, x, channel) : Math.min(...[...needs(s, x - STOCKED)].map(([c, q]) => Math.floor(free(s, c, channel) / q))));
function room(s, x, channel) {
  const r = s.stocked[x]?.restock;
  if (!r || !r[1]) return 0;
  return Math.max(0, r[2] - Math.max(0, r[3] - stock(s, x, channel)));
}
const promised = (d, quantity) => (d.policy === "in_stock" ? [quantity, 0] : d.policy === "backorder" ? (d.split ? [d.split.now, d.split.later] : [0, quantity]) : [0, 0]);

/** Every path that can promise units, against the model. */
function check(catalog, s, c) {
  for (let channel = 0; channel < CHANNELS.length; channel++) {
    for (let x = 0; x < STOCKED + KITS; x++) {
      for (const quantity of [1, 3, 7]) {
        const d = catalog.decide(sku(x), { now, quantity, channel: CHANNELS[channel] });
        assert.ok(d.maxQuantity <= holds(s, x, channel) + room(s, x, channel), `${sku(x)} max ${d.maxQuantity}`);
        if (!d.canPurchase) continue;
        const [fromStock, later] = promised(d, quantity);
        assert.ok(fromStock <= holds(s, x, channel), `${sku(x)} ×${quantity} on ${CHANNELS[channel]}: ${fromStock} now`);
        assert.ok(later <= room(s, x, channel), `${sku(x)} ×${quantity}: ${later} later`);
      }
    }
    for (const d of catalog.decideAll({ now, channel: CHANNELS[channel] })) {
      const x = d.sku.startsWith("S") ? Number(d.sku.slice(1)) : STOCKED + Number(d.sku.slice(1));
      assert.ok(d.maxQuantity <= holds(s, x, channel) + room(s, x, channel));
    }
  }
  const purchased = Object.fromEntries(c.purchased.map((n, i) => [`S${i}`, n]));
  const plan = catalog.planCart({ lines: c.lines.map(([x, quantity]) => ({ sku: sku(x), quantity, unitPrice: 100 })), currency: "USD", now, channel: CHANNELS[c.channel], purchased });
  const taken = new Array(STOCKED).fill(0);
  const seen = new Set();
  for (const line of plan.lines.filter((l) => l.accepted)) {
    if (seen.has(line.sku)) continue;
    seen.add(line.sku);
    const x = line.sku.startsWith("S") ? Number(line.sku.slice(1)) : STOCKED + Number(line.sku.slice(1));
    const total = plan.lines.filter((l) => l.accepted && l.sku === line.sku).reduce((sum, l) => sum + l.quantity, 0);
    const [fromStock, later] = promised(line.decision, total);
    assert.ok(later <= room(s, x, c.channel), `${line.sku}: ${later} later`);
    if (x < STOCKED) taken[x] += fromStock;
    else for (const [comp, q] of needs(s, x - STOCKED)) taken[comp] += fromStock * q;
  }
  taken.forEach((units, i) => assert.ok(units <= free(s, i, c.channel), `S${i}: ${units} from stock of ${free(s, i, c.channel)}`));
}

test("no path promises more than the snapshot holds, before and after a live update", () => {
  fc.assert(
    fc.property(store, cart, stocked, fc.nat(STOCKED - 1), (s, c, replacement, target) => {
      const catalog = Catalog.fromJson(snapshotText(s));
      check(catalog, s, c);
      // A live patch replaces one stocked item; the model follows it.
      let patched = { ...s, stocked: s.stocked.map((item, i) => (i === target ? replacement : item)) };
      try {
        catalog.update({ items: [JSON.parse(itemText(replacement, target))] });
      } catch (error) {
        // A refused patch (stock at a location the store does not list) changes nothing.
        assert.equal(error.code, "invalid_update");
        patched = s;
      }
      check(catalog, patched, c);
      catalog.free();
    }),
    { numRuns: 400, seed: 20261123 },
  );
});
