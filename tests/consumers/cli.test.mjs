// `npx storefront-availability …` from the installed package: each command
// against the bundled fixtures, its output and its exit code, and the same
// answers as the library.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Catalog, health, shardOf } from "storefront-availability";
import { importSnapshot, platforms } from "storefront-availability/import";

const dir = fileURLToPath(new URL(".", import.meta.url));
const sample = join(dir, "sample-snapshot.json");
const now = "2026-11-23T15:00:00Z";
const scratch = mkdtempSync(join(tmpdir(), "sa-cli-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs the installed command (its `bin`), as `npx storefront-availability` does. */
function cli(...args) {
  const run = spawnSync(join(dir, "node_modules/.bin/storefront-availability"), args, { cwd: dir, encoding: "utf8" });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

function file(name, value) {
  const path = join(scratch, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

test("--help names every command, and each command has its own help", () => {
  const help = cli("--help");
  assert.equal(help.code, 0);
  for (const command of ["validate", "explain", "import", "health", "feed", "shard"]) {
    assert.match(help.out, new RegExp(`\\b${command}\\b`));
    const own = cli(command, "--help");
    assert.equal(own.code, 0, command);
    assert.match(own.out, new RegExp(`Usage: storefront-availability ${command}`));
  }
  const wrong = cli("valdate", sample);
  assert.equal(wrong.code, 2, "an unknown command is a usage error");
  assert.match(wrong.err, /unknown command/);
});

test("validate: every item problem with its path and a summary; --json agrees with the library", () => {
  const run = cli("validate", sample);
  assert.equal(run.code, 0);
  const diagnostics = Catalog.fromJson(readFileSync(sample, "utf8")).diagnostics;
  assert.ok(diagnostics.length > 0, "the sample carries a bad item");
  for (const d of diagnostics) assert.ok(run.out.includes(`${d.path}: ${d.message}`), d.path);
  assert.match(run.out, new RegExp(`accepted — \\d+ SKUs.*${diagnostics.length} problem`));
  const json = JSON.parse(cli("validate", sample, "--json").out);
  assert.deepEqual(json.diagnostics, diagnostics);
  assert.equal(json.ok, true);
});

test("validate: notices of what the rules will refuse whatever the stock, as the library gives them", () => {
  const snapshot = file("notices.json", {
    version: 1, generatedAt: "2026-11-23T08:00:00Z",
    items: [
      { sku: "LAMP", lifecycle: "unreleased", preorder: { limit: 10 } },
      { sku: "TEE", onHand: 5, backorder: { enabled: true } },
      { sku: "MUG", onHand: 0, backorder: { enabled: true }, restock: { date: "2026-12-01", confirmed: true, quantity: 9 } },
      { sku: "VASE", lifecycle: "unreleased", preorder: { limit: 5, shipDate: "2027-01-15" } },
    ],
  });
  const run = cli("validate", snapshot);
  assert.equal(run.code, 0);
  assert.match(run.out, /^items\[0\]\.preorder: notice: .* \(preorder_undated, LAMP\)$/m);
  assert.match(run.out, /^items\[1\]\.restock: notice: .* \(restock_unconfirmed, TEE\)$/m);
  assert.match(run.out, /2 notice\(s\)/);
  const json = JSON.parse(cli("validate", snapshot, "--json").out);
  assert.deepEqual(json.notices.map((n) => [n.code, n.sku]), [["preorder_undated", "LAMP"], ["restock_unconfirmed", "TEE"]]);
});

test("validate: a refused snapshot exits 1 and names every store-level problem's path", () => {
  const bad = file("bad.json", { version: 1, generatedAt: "yesterday", timeZone: "Mars/Olympus", items: [] });
  const run = cli("validate", bad);
  assert.equal(run.code, 1);
  assert.match(run.out, /refused/);
  assert.match(run.out, /^\s+generatedAt: /m);
  assert.match(run.out, /^\s+timeZone: /m);
  const json = JSON.parse(cli("validate", bad, "--json").out);
  assert.deepEqual(json.problems.map((p) => p.path).sort(), ["generatedAt", "timeZone"]);
  assert.equal(cli("validate", join(scratch, "missing.json")).code, 2, "a missing file is a usage error");
  assert.equal(cli("validate", file("notjson.json", "{")).code, 1, "text that is not JSON is refused");
});

test("explain: the chain of rules, ending in the library's decision, for every SKU of the sample", () => {
  const catalog = Catalog.fromJson(readFileSync(sample, "utf8"));
  for (const sku of catalog.skus) {
    const run = cli("explain", sample, sku, "--now", now, "--json");
    assert.equal(run.code, 0, sku);
    const { decision, steps } = JSON.parse(run.out);
    const expected = catalog.decide(sku, { now, messages: false });
    assert.deepEqual(decision, expected, sku);
    assert.ok(steps.length >= 2, `${sku}: more than the conclusion`);
    const last = steps.at(-1);
    assert.equal(last.rule, "decision");
    assert.ok(last.says.startsWith(`${expected.policy} (${expected.reason})`), `${sku}: ${last.says}`);
  }
  const text = cli("explain", sample, "TEE-L", "--now", now);
  assert.equal(text.code, 0);
  assert.match(text.out, /^ {2}1\. /m);
  assert.ok(text.out.includes(`The shopper reads: "${catalog.decide("TEE-L", { now }).message.text}"`));
});

test("explain: a restock too far away says how far and what the limit is", () => {
  const store = (generatedAt) => ({
    version: 1, generatedAt, backorder: { maxWaitDays: 10 },
    items: [{ sku: "MUG", onHand: 0, restock: [{ date: "2026-12-13", quantity: 5, confirmed: true }] }],
  });
  const snapshot = file("far.json", store("2026-11-23T13:00:00Z"));
  const { decision, steps } = JSON.parse(cli("explain", snapshot, "MUG", "--now", now, "--json").out);
  assert.equal(decision.reason, "restock_too_far");
  const days = (Date.parse("2026-12-13") - Date.parse("2026-11-23")) / 86_400_000;
  assert.ok(steps.some((s) => s.rule === "delivery" && s.says.includes(`${days} days away; the limit is 10`)), JSON.stringify(steps));
  // The same restock within the limit: room and a queue position instead.
  const later = file("near.json", store("2026-12-05T13:00:00Z"));
  const near = JSON.parse(cli("explain", later, "MUG", "--now", "2026-12-05T15:00:00Z", "--json").out);
  assert.equal(near.decision.policy, "backorder");
  assert.ok(near.steps.some((s) => /room for 5, ships .* queue position 1/.test(s.says)), JSON.stringify(near.steps));
});

test("explain: bad arguments are usage errors (exit 2) that say what is wrong", () => {
  for (const [args, pattern] of [
    [["--quantity", "0"], /quantity/],
    [["--quantity", "two"], /quantity/],
    [["--channel", "amazn"], /unknown_channel/],
    [["--now", "tomorrow"], /invalid_now/],
  ]) {
    const run = cli("explain", sample, "TEE-L", ...args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.err, pattern);
  }
  const unknown = JSON.parse(cli("explain", sample, "NOPE", "--now", now, "--json").out);
  assert.equal(unknown.decision.reason, "unknown_sku");
  assert.match(unknown.steps[0].says, /no item has SKU "NOPE"/);
  // Without --now it is decided now: the sample is old by then, and the first step says so.
  const stale = JSON.parse(cli("explain", sample, "TEE-L", "--json").out);
  assert.equal(stale.steps[0].rule, "stale");
  assert.match(stale.steps[0].says, /older than maxAgeHours/);
});

test("import: every platform's fixture becomes the library's snapshot, with its diagnostics", () => {
  for (const platform of platforms) {
    const fixture = join(dir, "platforms", `${platform}.json`);
    const out = join(scratch, `${platform}-snapshot.json`);
    const run = cli("import", platform, fixture, "--out", out, "--generated-at", "2026-11-23T13:00:00Z", "--json");
    assert.equal(run.code, 0, `${platform}: ${run.err}`);
    const expected = importSnapshot(platform, JSON.parse(readFileSync(fixture, "utf8")), { generatedAt: "2026-11-23T13:00:00Z" });
    assert.deepEqual(JSON.parse(readFileSync(out, "utf8")), JSON.parse(JSON.stringify(expected.snapshot)), platform);
    assert.deepEqual(JSON.parse(run.out).diagnostics, expected.diagnostics, platform);
    assert.equal(cli("validate", out).code, 0, `${platform}: the imported snapshot loads`);
  }
  const unknown = cli("import", "shopiffy", sample);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown platform "shopiffy"/);
  assert.equal(cli("import", "shopify", file("empty.json", "{}")).code, 1, "data the importer cannot read is refused");
});

const orders = join(dir, "sample-orders.json");

test("health: the store's metrics with alarms; --json is the library's report; --from/--to narrow the period", () => {
  const run = cli("health", orders);
  assert.equal(run.code, 0, run.err);
  const report = health(readFileSync(orders, "utf8"));
  const cancellation = report.store.backorderCancellation;
  assert.match(run.out, new RegExp(`backorder cancellation\\s+${cancellation.value.percent} %\\s+\\(${cancellation.value.numerator}/${cancellation.value.denominator}\\)${cancellation.alarm === "warn" ? "  WARNING" : ""}`));
  assert.deepEqual(JSON.parse(cli("health", orders, "--json").out), report);
  const october = JSON.parse(cli("health", orders, "--from", "2026-10-01", "--to", "2026-10-31", "--json").out);
  assert.equal(october.from, "2026-10-01");
  assert.equal(october.to, "2026-10-31");
  const history = JSON.parse(readFileSync(orders, "utf8"));
  const inOctober = history.orders.filter((o) => o.placedAt.startsWith("2026-10")).length;
  const o = october.store.orders;
  assert.equal(o.inStock + o.backorder + o.preorder, inOctober);
  assert.equal(cli("health", orders, "--from", "October").code, 2, "a bad date is a usage error");
});

test("health: a bad row is named and left out; a file that is no order history exits 1; --html writes a self-contained report", () => {
  const history = JSON.parse(readFileSync(orders, "utf8"));
  history.orders[3].quantity = -2;
  const bad = file("bad-orders.json", history);
  const run = cli("health", bad, "--json");
  assert.equal(run.code, 0);
  const report = JSON.parse(run.out);
  assert.deepEqual(report.diagnostics.map((d) => d.path), ["orders[3].quantity"]);
  const o = report.store.orders;
  assert.equal(o.inStock + o.backorder + o.preorder, history.orders.length - 1, "the others still count");
  const refused = cli("health", file("not-orders.json", { orders: "none" }));
  assert.equal(refused.code, 1);
  assert.match(refused.out, /invalid order history: orders: expected an array/);
  const html = join(scratch, "report.html");
  assert.equal(cli("health", orders, "--html", html, "--title", "Test & Co").code, 0);
  const page = readFileSync(html, "utf8");
  assert.match(page, /<title>Test &#38; Co — availability health/);
  assert.match(page, /uPlot/, "the charting library is inlined");
  assert.doesNotMatch(page, /<script src=|<link rel="stylesheet"/, "nothing to fetch");
});

test("feed: every item's Merchant fields, streamed in batches, the same as deciding the whole snapshot at once", () => {
  // 4,500 items (three batches), with kits whose components sit in other
  // batches, a SKU listed twice, and an invalid item.
  const items = [];
  for (let i = 0; i < 4500; i++) {
    const sku = `SKU-${i}`;
    if (i % 500 === 7) items.push({ sku, components: [{ sku: `SKU-${i + 1200}`, quantity: 2 }, { sku: `SKU-${(i + 3) % 4500}`, quantity: 1 }] });
    else if (i % 3 === 0) items.push({ sku, onHand: i % 7 });
    else if (i % 3 === 1) items.push({ sku, onHand: 0, restock: { date: "2026-12-01", quantity: 20, confirmed: true } });
    else items.push({ sku, lifecycle: "unreleased", preorder: { limit: 10, sold: i % 12, shipDate: "2027-01-15" } });
  }
  items[4000] = { sku: "SKU-17" , onHand: 9 }; // SKU-17 twice: both refused
  items[4001] = { sku: "SKU-4001", onHand: "lots" };
  const snapshot = { version: 1, generatedAt: "2026-11-23T13:00:00Z", timeZone: "America/New_York", items };
  const path = file("big.json", JSON.stringify(snapshot, null, 1));
  const run = spawnSync(join(dir, "node_modules/.bin/storefront-availability"), ["feed", path, "--format", "jsonl", "--now", now], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /4500 items written; \d+ item problem/);
  const rows = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
  const whole = Catalog.fromJson(JSON.stringify(snapshot)).decideAll({ now, messages: false });
  const key = (r) => JSON.stringify(r);
  const expected = whole.map((d) => ({ id: d.sku, availability: d.merchantAvailability, ...(d.availabilityDate ? { availability_date: d.availabilityDate } : {}), ...(d.listing === "hide" ? { excluded_destination: "Shopping_ads,Free_listings" } : {}), policy: d.policy, reason: d.reason, shipDate: d.shipDate, maxQuantity: d.maxQuantity }));
  assert.deepEqual(rows.map(key).sort(), expected.map(key).sort());
  assert.ok(rows.some((r) => r.id === "SKU-7" && r.reason !== "invalid_item"), "a kit whose components are in other batches is decided from them");
  assert.deepEqual(rows.filter((r) => r.id === "SKU-17").map((r) => r.reason), ["invalid_item", "invalid_item"]);
});

test("feed: TSV and XML for Merchant Center; a truncated file exits 1; an unknown format exits 2", () => {
  const tsv = cli("feed", sample, "--format", "merchant-tsv", "--now", now);
  assert.equal(tsv.code, 0);
  const lines = tsv.out.trim().split("\n");
  assert.equal(lines[0], "id\tavailability\tavailability_date\texcluded_destination");
  const catalog = Catalog.fromJson(readFileSync(sample, "utf8"));
  assert.equal(lines.length - 1, catalog.skus.length, "every item, the invalid one too");
  const tee = catalog.decide("TEE-L", { now });
  assert.ok(lines.includes(`TEE-L\t${tee.merchantAvailability}\t${tee.availabilityDate}\t`));
  const xml = cli("feed", sample, "--format", "merchant-xml", "--now", now, "--title", "Shop <A&B>");
  assert.equal(xml.code, 0);
  assert.match(xml.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0" xmlns:g="http:\/\/base.google.com\/ns\/1.0">/);
  assert.match(xml.out, /<title>Shop &#60;A&#38;B&#62;<\/title>/);
  assert.equal(xml.out.match(/<item>/g).length, lines.length - 1);
  assert.match(xml.out, new RegExp(`<item><g:id>TEE-L</g:id><g:availability>${tee.merchantAvailability}</g:availability><g:availability_date>${tee.availabilityDate}</g:availability_date></item>`));
  const text = readFileSync(sample, "utf8");
  const truncated = cli("feed", file("truncated.json", text.slice(0, text.length / 2)), "--format", "jsonl");
  assert.equal(truncated.code, 1);
  assert.match(truncated.err, /ends early/);
  assert.equal(cli("feed", sample, "--format", "csv").code, 2);
  assert.equal(cli("feed", join(scratch, "nope.json"), "--format", "jsonl").code, 2);
});

test("health: the same report from CSV files (orders, --stock, --receipts) as from the JSON document; --period", () => {
  const history = JSON.parse(readFileSync(orders, "utf8"));
  const csv = (rows, columns) => [columns.join(","), ...rows.map((r) => columns.map((c) => r[c] ?? "").join(","))].join("\n") + "\n";
  const orderCsv = file("orders.csv", csv(history.orders, ["sku", "productId", "quantity", "channel", "placedAt", "soldAs", "promisedShipDate", "shippedAt", "cancelledAt"]));
  const stockCsv = file("stock.csv", csv(history.days, ["sku", "date", "onHand", "visits", "showing"]));
  const receiptCsv = file("receipts.csv", csv(history.receipts, ["sku", "orderedOn", "receivedOn"]));
  const period = `${history.from}..${history.to}`;
  const fromCsv = cli("health", orderCsv, "--stock", stockCsv, "--receipts", receiptCsv, "--period", period, "--json");
  assert.equal(fromCsv.code, 0, fromCsv.err);
  assert.deepEqual(JSON.parse(fromCsv.out), health(history));
  // A bad cell is named by its row (orders[i] is the i-th data row) and left out.
  const lines = readFileSync(orderCsv, "utf8").split("\n");
  lines[3] = lines[3].replace(/,1,/, ",two,");
  const bad = JSON.parse(cli("health", file("bad.csv", lines.join("\n")), "--json").out);
  assert.deepEqual(bad.diagnostics.map((d) => d.path), ["orders[2].quantity"]);
  assert.equal(cli("health", orderCsv, "--period", "September").code, 2);
});

/** Every SKU decided from the index plus its product's shard, as from the whole snapshot. */
function assertShardsDecideAsWhole(snapshotFile, out, requests) {
  const text = readFileSync(snapshotFile, "utf8");
  const whole = Catalog.fromJson(text);
  const index = readFileSync(join(out, "index.json"), "utf8");
  const { shards } = JSON.parse(index);
  const items = JSON.parse(text).items;
  for (const item of items) {
    if (typeof item?.sku !== "string") continue;
    const key = typeof item.productId === "string" && item.productId !== "" ? item.productId : item.sku;
    const catalog = Catalog.fromJson(index);
    catalog.addShard(readFileSync(join(out, shards.path.replace("{n}", shardOf(key, shards.count))), "utf8"));
    for (const request of requests) assert.deepEqual(catalog.decide(item.sku, request), whole.decide(item.sku, request), `${item.sku} ${JSON.stringify(request)}`);
    assert.deepEqual(catalog.decideProduct(key, requests[0]), whole.decideProduct(key, requests[0]), key);
    catalog.free();
  }
  return { shards, items };
}

test("shard: the index plus a product's shard decides every SKU as the whole snapshot does", () => {
  const out = join(scratch, "shards");
  // Sharded twice into one folder: the second run overwrites the first.
  assert.equal(cli("shard", sample, "--out", out, "--items-per-shard", "4").code, 0);
  const run = cli("shard", sample, "--out", out, "--items-per-shard", "4", "--json");
  assert.equal(run.code, 0, run.err);
  const result = JSON.parse(run.out);
  const { shards, items } = assertShardsDecideAsWhole(sample, out, [{ now, locale: "de-DE" }, { now, channel: "amazon", quantity: 3 }]);
  assert.equal(result.shards, shards.count);
  assert.equal(result.items, items.length);
  assert.ok(shards.count >= Math.ceil(items.length / 4) && shards.count > 3);
});

test("shard: kits travel with their components and a SKU listed twice stays refused, across products", () => {
  const snapshot = file("kits.json", {
    version: 1, generatedAt: "2026-11-23T08:00:00Z",
    items: [
      ...Array.from({ length: 40 }, (_, i) => ({ sku: `PART-${i}`, productId: `part-${i}`, onHand: i % 5 })),
      { sku: "KIT-A", productId: "kit-a", components: [{ sku: "PART-1", quantity: 1 }, { sku: "PART-33", quantity: 2 }] },
      { sku: "KIT-B", productId: "kit-b", components: [{ sku: "PART-4", quantity: 1 }, { sku: "MISSING", quantity: 1 }] },
      { sku: "TWIN", productId: "twin-1", onHand: 5 },
      { sku: "TWIN", productId: "twin-2", onHand: 9 },
      { sku: "LATE", productId: "late", onHand: 0, restock: { date: "2026-12-01", confirmed: true, quantity: 5 } },
    ],
  });
  const out = join(scratch, "kit-shards");
  assert.equal(cli("shard", snapshot, "--out", out, "--items-per-shard", "3").code, 0);
  assertShardsDecideAsWhole(snapshot, out, [{ now }, { now, quantity: 2 }]);
  const whole = Catalog.fromJson(readFileSync(snapshot, "utf8"));
  assert.equal(whole.decide("TWIN", { now }).reason, "invalid_item", "both copies refused, in the whole and in each shard");
  assert.ok(whole.decide("KIT-A", { now }).maxQuantity > 0, "a kit whose parts are in other products' shards still sells");
});

test("shard: an older shard makes the catalog as old as it (staleness is never understated)", () => {
  const index = JSON.stringify({ version: 1, generatedAt: "2026-11-23T08:00:00Z", maxAgeHours: 24, items: [], shards: { count: 1, path: "{n}.json" } });
  const catalog = Catalog.fromJson(index);
  catalog.addShard({ generatedAt: "2026-11-20T08:00:00Z", items: [{ sku: "MUG", onHand: 0, restock: { date: "2026-12-01", confirmed: true, quantity: 5 } }] });
  assert.equal(catalog.generatedAt, "2026-11-20T08:00:00Z");
  assert.equal(catalog.decide("MUG", { now }).reason, "stale_snapshot");
  catalog.addShard({ generatedAt: "2026-11-23T09:00:00Z", items: [{ sku: "CUP", onHand: 1 }] });
  assert.equal(catalog.generatedAt, "2026-11-20T08:00:00Z", "a newer shard does not freshen the older one");
});
