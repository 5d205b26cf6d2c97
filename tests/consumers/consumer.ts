// A strict TypeScript consumer: the package's types must describe what it
// returns, and reject what it rejects.
import init, { AvailabilityError, Catalog, type Decision, type DecideOptions, type Snapshot, type Reason, type Plan, type ErrorCode } from "storefront-availability";

await init();

const snapshot: Snapshot = {
  version: 1,
  generatedAt: "2026-11-23T13:00:00Z",
  timeZone: "America/New_York",
  channels: { ebay: { maxShipDays: null } },
  items: [{ sku: "TEE-M", onHand: 3, restock: { date: "2026-12-01", confirmed: true, quantity: 40 } }],
};
const catalog = new Catalog(snapshot);
const options: DecideOptions = { channel: "ebay", quantity: 2, now: new Date(), locale: "en-GB" };
const decision: Decision = catalog.decide("TEE-M", options);
const reason: Reason = decision.reason;
const shipDate: string | null = decision.shipDate;
const all: Decision[] = catalog.decideAll({ now: Date.now() });
const paths: string[] = catalog.diagnostics.map((d) => d.path);
const fromText: Catalog = Catalog.fromJson(JSON.stringify(snapshot));
try {
  fromText.decide("TEE-M", { quantity: 0 });
} catch (e) {
  // A class: instanceof narrows to our errors, with typed code and path.
  if (!(e instanceof AvailabilityError)) throw e;
  const code: ErrorCode = e.code;
  const path: string | undefined = e.path;
  console.log(code, path);
}
console.log(reason, shipDate, all.length, paths, decision.message.params.date);
for (const bare of catalog.decideAll({ messages: false })) {
  const feedValue: string = bare.merchantAvailability;
  // @ts-expect-error: asked without messages, a decision has no message
  console.log(feedValue, bare.message);
}

const plan: Plan = catalog.planCart({ lines: [{ sku: "TEE-M", quantity: 2, unitPrice: 3500 }], currency: "USD", holdTogether: true });
const firstShipment: string | undefined = plan.shipments[0]?.date;
const refused: boolean = plan.lines.some((l) => !l.accepted && l.canHave >= 0);
console.log(firstShipment, refused, plan.chargedNow + plan.authorizedNow === plan.total);
// @ts-expect-error: unitPrice is required (minor units)
catalog.planCart({ lines: [{ sku: "TEE-M" }], currency: "USD" });

// @ts-expect-error: unknown channel names are not part of the type
catalog.decide("TEE-M", { channel: "etsy" });
// @ts-expect-error: quantity is a number
catalog.decide("TEE-M", { quantity: "2" });
// @ts-expect-error: a snapshot needs generatedAt
new Catalog({ version: 1, items: [] });
// @ts-expect-error: policy is a closed set
const wrong: Decision["policy"] = "sold_out";
console.log(wrong);

// Live updates, events and structured data, checked against schema.org's
// own types from npm (schema-dts), not only ours.
import { productJsonLd, merchantFeedFields, jsonLdScript, type SnapshotPatch } from "storefront-availability";
import type { Product, WithContext } from "schema-dts";

const patch: SnapshotPatch = { items: [{ sku: "TEE-M", onHand: 0 }], remove: ["OLD"] };
catalog.update(patch);
catalog.addEventListener("update", () => console.log(catalog.decide("TEE-M").message.badge));
catalog.addEventListener("recover", (e) => console.log(e.error.message));
const ld: WithContext<Product> = productJsonLd(decision, { name: "Merino Tee", url: "https://shop.example/tee", price: "25.00", currency: "USD" });
const feed: { availability: string; availability_date?: string } = merchantFeedFields(decision);
const html: string = jsonLdScript(ld);
console.log(feed, html);
// @ts-expect-error: a patch's items need their SKU
catalog.update({ items: [{ onHand: 1 }] });
// @ts-expect-error: JSON-LD needs the price
productJsonLd(decision, { name: "Merino Tee", url: "https://shop.example/tee", currency: "USD" });

import type { ProductDecision } from "storefront-availability";
import { importSnapshot, type ImportResult, type ImportDiagnostic } from "storefront-availability/import";

const products: ProductDecision[] = catalog.decideProducts({ purchased: 1 });
const one: ProductDecision = catalog.decideProduct("tee");
const min: number = catalog.decide("TEE-M").minQuantity;
const imported: ImportResult = importSnapshot("saleor", {}, { channels: { "channel-pln": "ebay" }, items: { "RUN-43": { preorder: { shipDate: "2027-01-20" } } } });
const importCodes: ImportDiagnostic["code"][] = imported.diagnostics.map((d) => d.code);
const kit: Snapshot = { version: 1, generatedAt: "2026-11-23T08:00:00Z", locations: { berlin: { channels: ["dtc"] } },
  items: [{ sku: "SET", components: [{ sku: "MUG", quantity: 2 }], limits: { maxPerOrder: 3 } }] };
console.log(products.length, one.message.text, min, importCodes, kit.items.length);
// @ts-expect-error: an unknown platform
importSnapshot("etsy", {});
// @ts-expect-error: options.channels maps to our channel names only
importSnapshot("saleor", {}, { channels: { "channel-pln": "etsy" } });

import { shardOf, type Notice } from "storefront-availability";
import { stockStatusHtml } from "storefront-availability/elements";

const sharded: Catalog = await Catalog.load("/shards/index.json", undefined, { product: "tee" });
sharded.addShard({ generatedAt: "2026-11-23T08:00:00Z", items: [{ sku: "MUG", onHand: 3 }] });
const shard: number = shardOf("tee", 1024);
const markup: string = stockStatusHtml(sharded.decide("MUG"), { id: "status", button: "add" });
const notices: Notice["code"][] = sharded.notices().map((n) => n.code);
console.log(shard, markup, notices);
// @ts-expect-error: a shard needs its items
sharded.addShard({ generatedAt: "2026-11-23T08:00:00Z" });
