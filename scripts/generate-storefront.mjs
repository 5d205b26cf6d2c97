// Writes the demo storefront's catalog: www/storefront-snapshot.json (48
// distinct products with 3–4 variants each, priced as a shop would price
// them, covering every situation a collection page meets: all in stock,
// some sizes low or on backorder, pre-orders, sold out with notify-me,
// discontinued) and one small drawing per product in www/img/ (SVG, drawn
// here from the product's kind and colour: bundled, no network, ~1 KB).
// Deterministic; run again after changing it:  node scripts/generate-storefront.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";

const SIZES = ["XS", "S", "M", "L", "XL"];
/** Each kind: its options (sizes, or colours given per product) and its drawing on a 400×500 canvas. */
const kinds = {
  tee: { options: SIZES, draw: (c) => `<path d="M130 120l50-25h40q-20 45 40 0h40l50 25 45 75-55 25-20-25v260H140V195l-20 25-55-25z" fill="${c}"/><path d="M180 95q20 45 40 0" fill="none" stroke="#0002" stroke-width="6"/>` },
  shirt: { options: SIZES.slice(1), draw: (c) => `<path d="M125 115l60-25h30l-15 20-15-20 15 20 15-20h30l60 25 40 160-45 15-25-110v265H155V175l-25 110-45-15z" fill="${c}"/><path d="M200 110v320" stroke="#0003" stroke-width="4"/><g fill="#fff9">${[150, 195, 240, 285, 330].map((y) => `<circle cx="208" cy="${y}" r="4"/>`).join("")}</g><path d="M185 90l15 35 15-35" fill="none" stroke="#0003" stroke-width="5"/>` },
  beanie: { draw: (c) => `<path d="M90 330q0-190 110-190t110 190z" fill="${c}"/><rect x="78" y="318" width="244" height="62" rx="12" fill="${c}"/><path d="M78 340h244M78 360h244" stroke="#0002" stroke-width="5"/><g stroke="#0002" stroke-width="4">${[120, 160, 200, 240, 280].map((x) => `<path d="M${x} 322v58"/>`).join("")}</g>` },
  tote: { draw: (c) => `<path d="M150 200v-50q0-45 50-45t50 45v50" fill="none" stroke="#5a4632" stroke-width="14"/><path d="M95 200h210l25 230H70z" fill="${c}"/><path d="M95 225h210" stroke="#0002" stroke-width="6"/>` },
  mug: { draw: (c) => `<path d="M285 230q70 0 70 60t-70 60" fill="none" stroke="${c}" stroke-width="24"/><path d="M105 180h185v185q0 45-45 45h-95q-45 0-45-45z" fill="${c}"/><ellipse cx="197" cy="182" rx="92" ry="14" fill="#0002"/><path d="M160 150q-15-25 0-50M200 150q-15-25 0-50M240 150q-15-25 0-50" fill="none" stroke="#0002" stroke-width="6"/>` },
  sock: { options: SIZES.slice(1, 4), draw: (c) => `<path d="M165 90h100v210q0 30 25 55l40 40q25 35-10 60-30 20-60-10l-95-95q-20-20-20-50z" fill="${c}"/><rect x="160" y="90" width="110" height="45" rx="6" fill="#0002"/><path d="M268 370l45 45" stroke="#0002" stroke-width="14"/>` },
  jacket: { options: SIZES.slice(1), draw: (c) => `<path d="M140 105l45-20 15 30 15-30 45 20 65 60 30 215-50 10-15-150v230H140V240l-15 150-50-10 30-215z" fill="${c}"/><path d="M200 115v335" stroke="#0004" stroke-width="6"/><path d="M160 300h25M215 300h25" stroke="#0003" stroke-width="5"/><path d="M175 85q25 30 50 0" fill="none" stroke="#0003" stroke-width="6"/>` },
  belt: { options: ["85", "90", "95", "100"], draw: (c) => `<path d="M60 260q140-40 280 0v40q-140-40-280 0z" fill="${c}"/><rect x="265" y="236" width="60" height="62" rx="8" fill="none" stroke="#b8a16a" stroke-width="10"/><path d="M290 267h40" stroke="#b8a16a" stroke-width="8"/><g fill="#0003">${[110, 150, 190].map((x) => `<circle cx="${x}" cy="268" r="5"/>`).join("")}</g>` },
};
/** Name, kind, price in cents, colour — or, for kinds without sizes, the colours it comes in. */
const catalog = [
  ["Merino Crew Tee", "tee", 4800, "#35524a"], ["Linen Camp Shirt", "shirt", 7800, "#d9ccb0"],
  ["Ribbed Wool Beanie", "beanie", 3200, [["Grey", "#8d9197"], ["Navy", "#26355a"], ["Rust", "#a4502e"]]],
  ["Waxed Canvas Tote", "tote", 5800, [["Olive", "#6b6a3a"], ["Tan", "#b8915e"], ["Black", "#2b2b2b"]]],
  ["Stoneware Mug", "mug", 2400, [["White", "#efeae0"], ["Sand", "#d6c3a0"], ["Slate", "#5d6670"]]],
  ["Trail Running Sock", "sock", 1800, "#3d6b8c"], ["Packable Rain Jacket", "jacket", 16800, "#c8502d"], ["Bridle Leather Belt", "belt", 6500, "#6b3f22"],
  ["Organic Pocket Tee", "tee", 3200, "#e6dfcf"], ["Oxford Button-Down", "shirt", 7200, "#a9c1dd"],
  ["Cashmere Beanie", "beanie", 8500, [["Oat", "#d8c8aa"], ["Charcoal", "#3b3d42"], ["Camel", "#b58a58"]]],
  ["Market Tote", "tote", 3600, [["Natural", "#e4d8bf"], ["Navy", "#2a3b5f"], ["Red", "#9e2f2a"]]],
  ["Speckled Latte Mug", "mug", 2800, [["Oat", "#e3d7c3"], ["Moss", "#7d8b5a"], ["Ink", "#2c3446"]]],
  ["Merino Hiking Sock", "sock", 2400, "#7b5b3a"], ["Waxed Field Jacket", "jacket", 24500, "#4a5233"], ["Woven Stretch Belt", "belt", 4500, "#2b3a55"],
  ["Slub Cotton Henley", "tee", 4200, "#9db0a3"], ["Flannel Work Shirt", "shirt", 8400, "#9c3b32"],
  ["Fisherman Beanie", "beanie", 2800, [["Navy", "#1f2d4a"], ["Ecru", "#e8e0cc"], ["Forest", "#2f5140"]]],
  ["Zip-Top Tote", "tote", 4800, [["Black", "#30343a"], ["Sage", "#8fa58a"], ["Clay", "#b9704f"]]],
  ["Enamel Camp Mug", "mug", 1800, [["White", "#f4f1ea"], ["Blue", "#2f5d8c"], ["Black", "#232323"]]],
  ["Ribbed Crew Sock", "sock", 1400, "#d9c9a8"], ["Insulated Parka", "jacket", 29500, "#1d2b3a"], ["Suede Belt", "belt", 5800, "#8b6a4e"],
  ["Heavyweight Boxy Tee", "tee", 3800, "#2a2a2e"], ["Chambray Shirt", "shirt", 7400, "#6f8fb3"],
  ["Lambswool Watch Cap", "beanie", 3600, [["Burgundy", "#6e2f2a"], ["Grey", "#9a9a9a"], ["Black", "#222"]]],
  ["Mini Canvas Tote", "tote", 2400, [["Natural", "#d9c8a0"], ["Olive", "#6d7242"], ["Rose", "#d49a98"]]],
  ["Tall Travel Mug", "mug", 3200, [["Pine", "#3f5e57"], ["Stone", "#a7a39a"], ["Black", "#1f1f1f"]]],
  ["Wool Boot Sock", "sock", 2600, "#5f6b4a"], ["Fleece Zip Jacket", "jacket", 11800, "#b8a98f"], ["Canvas Web Belt", "belt", 2800, "#4d5a3a"],
  ["Breton Stripe Tee", "tee", 4500, "#e9e6dc"], ["Seersucker Shirt", "shirt", 7600, "#c9dbe6"],
  ["Alpaca Bobble Hat", "beanie", 4200, [["Cream", "#e0cfb1"], ["Rose", "#c98f8a"], ["Teal", "#2f6b6b"]]],
  ["Leather-Handle Tote", "tote", 8800, [["Black", "#3b3f46"], ["Tan", "#a8774a"], ["Navy", "#25324d"]]],
  ["Espresso Cup Pair", "mug", 3200, [["Black", "#2a2a2a"], ["White", "#f2efe8"], ["Terracotta", "#b55e3c"]]],
  ["Cotton Ankle Sock", "sock", 1200, "#e3e3e3"], ["Softshell Jacket", "jacket", 14800, "#2f3e46"], ["Reversible Dress Belt", "belt", 7500, "#1c1c1c"],
  ["Merino Long-Sleeve Tee", "tee", 6800, "#5c4a6e"], ["Corduroy Overshirt", "shirt", 9800, "#a0713d"],
  ["Fleece-Lined Beanie", "beanie", 3400, [["Pine", "#2e5a4c"], ["Mustard", "#c9962e"], ["Grey", "#8a8d90"]]],
  ["Beach Tote", "tote", 4200, [["Sea", "#5b9aa0"], ["Sun", "#e0b53f"], ["Coral", "#e07a5f"]]],
  ["Tea Mug with Lid", "mug", 2600, [["Celadon", "#b6c7b0"], ["Cream", "#eee6d3"], ["Indigo", "#34406b"]]],
  ["Cashmere Lounge Sock", "sock", 3800, "#cdb8c4"], ["Quilted Liner Jacket", "jacket", 13500, "#556b2f"], ["Braided Leather Belt", "belt", 6200, "#7a4a2a"],
];
/** A variant's stock for the product's situation (v: the variant's index). */
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
const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
const drawing = (kind, colour) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 500" width="400" height="500"><rect width="400" height="500" fill="#efeee9"/><ellipse cx="200" cy="462" rx="150" ry="14" fill="#0001"/>${kinds[kind].draw(colour)}</svg>\n`;

const images = new URL("../www/img/", import.meta.url);
rmSync(images, { recursive: true, force: true });
mkdirSync(images);
const items = [];
catalog.forEach(([title, kind, price, looks], i) => {
  const productId = slug(title);
  const options = Array.isArray(looks) ? looks.map(([name]) => name) : kinds[kind].options;
  writeFileSync(new URL(`${productId}.svg`, images), drawing(kind, Array.isArray(looks) ? looks[0][1] : looks));
  // Each row of the grid (8 kinds) starts one situation later, so every kind meets every situation.
  const situation = situations[(i + Math.floor(i / 8)) % situations.length];
  options.slice(0, 3 + (i % 2)).forEach((option, v) => {
    items.push({ sku: slug(`${productId}-${option}`).toUpperCase(), productId, title: `${title} — ${option}`, price, ...situation(v) });
  });
});
const snapshot = {
  version: 1, generatedAt: "2026-11-23T13:00:00Z", maxAgeHours: 24, timeZone: "America/New_York", cutoffTime: "14:00",
  businessDays: ["mon", "tue", "wed", "thu", "fri"], holidays: ["2026-11-26", "2026-12-25"], handlingDays: 0,
  deadlines: [{ name: "Christmas", shipBy: "2026-12-18" }], items,
};
writeFileSync(new URL("../www/storefront-snapshot.json", import.meta.url), JSON.stringify(snapshot, null, 1) + "\n");
console.log(`${catalog.length} products, ${items.length} variants, ${readdirSync(images).length} images`);
