#!/usr/bin/env node
// `npx storefront-availability …`: the merchant's command line, on the
// server build (the same decisions as every shopper's page).
//
// Commands: validate, explain, import, feed, shard, health (README "For
// merchants"). Exit codes: 0 done; 1 the data was refused (a store-level
// problem, an import or order history that could not be read, a truncated
// snapshot); 2 the command was used wrongly (an unknown option, a missing
// file, a bad --quantity).
import { accessSync, constants, createWriteStream, readFileSync, writeFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { parse as parseCsv } from "csv-parse/sync";
import { Catalog, AvailabilityError, health } from "./node.js";
import { FORMATS, writeFeed } from "./feed.js";
import { writeShards } from "./shard.js";
import { importSnapshot, platforms } from "./import.js";
import { reportHtml } from "./report.js";

const USAGE = 2;
const REFUSED = 1;

/** Reads `file` (or standard input for "-"), or ends with a usage error naming it. */
function read(file) {
  try {
    return readFileSync(file === "-" ? 0 : file, "utf8");
  } catch (e) {
    fail(USAGE, `cannot read ${file}: ${e.code ?? e.message}`);
  }
}

function fail(code, message) {
  process.stderr.write(`storefront-availability: ${message}\n`);
  process.exit(code);
}

/** The snapshot at `file` as a catalog; a refused snapshot prints every problem with its path and exits 1. */
function load(file, json) {
  try {
    return Catalog.fromJson(read(file));
  } catch (e) {
    if (!(e instanceof AvailabilityError) || e.code !== "invalid_snapshot") throw e;
    if (json) console.log(JSON.stringify({ ok: false, code: e.code, message: e.message, problems: e.problems }, null, 2));
    else {
      console.log(`${file}: refused — ${e.message}`);
      for (const p of e.problems) console.log(`  ${p.path || "(snapshot)"}: ${p.message}`);
    }
    process.exit(REFUSED);
  }
}

const wholeNumber = (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
};

/** Runs `ask`, turning our argument errors (a bad --now, an unknown channel) into usage errors. */
function asked(ask) {
  try {
    return ask();
  } catch (e) {
    if (e instanceof AvailabilityError) fail(USAGE, `${e.code}: ${e.message}`);
    throw e;
  }
}

const program = new Command("storefront-availability")
  .description("Check, explain, import and feed inventory snapshots, and measure a store's backorder and pre-order health.")
  .showHelpAfterError()
  .exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : USAGE));

program
  .command("validate")
  .description("Check a snapshot: every problem with its JSON path, and a summary. Exit 1 when the snapshot is refused.")
  .argument("<snapshot>", "snapshot JSON file (- for standard input)")
  .option("--json", "print JSON for machines")
  .action((file, options) => {
    const catalog = load(file, options.json);
    const diagnostics = catalog.diagnostics;
    const notices = catalog.notices();
    const skus = catalog.skus.length;
    const byCode = {};
    for (const d of diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    if (options.json) {
      console.log(JSON.stringify({ ok: true, generatedAt: catalog.generatedAt, skus, diagnostics, notices, summary: byCode }, null, 2));
      return;
    }
    for (const d of diagnostics) console.log(`${d.path}: ${d.message} (${d.code})`);
    for (const n of notices) console.log(`${n.path}: notice: ${n.message} (${n.code}, ${n.sku})`);
    const counts = Object.entries(byCode).map(([code, n]) => `${n} ${code}`).join(", ");
    const noticed = notices.length === 0 ? "" : `; ${notices.length} notice(s) of what the rules will refuse`;
    console.log(`${file}: accepted — ${skus} SKUs, generated ${catalog.generatedAt}; ${diagnostics.length === 0 ? "no problems" : `${diagnostics.length} problem(s): ${counts}`}${noticed}`);
  });

program
  .command("explain")
  .description("Decide one SKU and show the chain of rules that led there, with the values each looked at.")
  .argument("<snapshot>", "snapshot JSON file (- for standard input)")
  .argument("<sku>", "the SKU to explain")
  .option("--channel <channel>", "dtc, amazon, ebay, walmart or tiktok_shop", "dtc")
  .option("--quantity <n>", "units wanted", wholeNumber, 1)
  .option("--now <time>", "the moment to decide at (RFC 3339); default: now")
  .option("--json", "print JSON for machines")
  .action((file, sku, options) => {
    const catalog = load(file, options.json);
    const request = { channel: options.channel, quantity: options.quantity, ...(options.now ? { now: options.now } : {}) };
    const { decision, steps } = asked(() => catalog.explain(sku, request));
    if (options.json) {
      console.log(JSON.stringify({ decision, steps }, null, 2));
      return;
    }
    console.log(`${sku} on ${options.channel}, ${options.quantity} wanted:`);
    steps.forEach((step, i) => console.log(`  ${i + 1}. ${step.rule}: ${step.says}`));
    const message = asked(() => catalog.decide(sku, request)).message;
    console.log(`The shopper reads: "${message.text}" (badge "${message.badge}", button "${message.button}")`);
  });

program
  .command("import")
  .description("Turn a platform's API export into a snapshot, printing the importer's diagnostics.")
  .argument("<platform>", platforms.join(", "))
  .argument("<file>", "the platform's JSON (- for standard input)")
  .option("-o, --out <file>", "write the snapshot here (default: standard output)")
  .option("--generated-at <time>", "when the export was taken (RFC 3339)")
  .option("--json", "print the diagnostics and summary as JSON")
  .action((platform, file, options) => {
    if (!platforms.includes(platform)) fail(USAGE, `unknown platform ${JSON.stringify(platform)}: expected one of ${platforms.join(", ")}`);
    let data;
    try {
      data = JSON.parse(read(file));
    } catch (e) {
      fail(REFUSED, `${file} is not JSON: ${e.message}`);
    }
    let result;
    try {
      result = importSnapshot(platform, data, options.generatedAt ? { generatedAt: options.generatedAt } : {});
    } catch (e) {
      if (e instanceof AvailabilityError) fail(REFUSED, `${e.code}${e.path ? ` at ${e.path}` : ""}: ${e.message}`);
      throw e;
    }
    const text = JSON.stringify(result.snapshot, null, 2) + "\n";
    if (options.out) writeFileSync(options.out, text);
    else process.stdout.write(text);
    // The report goes to standard error when the snapshot takes standard output.
    const report = options.out ? console.log : console.error;
    if (options.json) report(JSON.stringify({ diagnostics: result.diagnostics, summary: result.summary }, null, 2));
    else {
      for (const d of result.diagnostics) report(`${d.path}: ${d.message} (${d.code})`);
      report(`${platform}: ${result.summary.items} items imported, ${result.diagnostics.length} diagnostic(s)${options.out ? `; written to ${options.out}` : ""}`);
    }
  });

program
  .command("feed")
  .description("A Google Merchant feed (id, availability, availability_date) for every item, streamed: any number of items.")
  .argument("<snapshot>", "snapshot JSON file")
  .requiredOption("--format <format>", Object.keys(FORMATS).join(", "))
  .option("--channel <channel>", "the channel the feed is for: dtc, amazon, ebay, walmart or tiktok_shop", "dtc")
  .option("--now <time>", "the moment to decide at (RFC 3339); default: now")
  .option("-o, --out <file>", "write the feed here (default: standard output)")
  .option("--title <name>", "the XML feed's title", "Products")
  .action(async (file, options) => {
    if (!FORMATS[options.format]) fail(USAGE, `unknown format ${JSON.stringify(options.format)}: expected one of ${Object.keys(FORMATS).join(", ")}`);
    try {
      accessSync(file, constants.R_OK); // a missing file is a usage error, before any output (and never read whole)
    } catch (e) {
      fail(USAGE, `cannot read ${file}: ${e.code ?? e.message}`);
    }
    const out = options.out ? createWriteStream(options.out) : process.stdout;
    const request = { channel: options.channel, ...(options.now ? { now: options.now } : {}) };
    const tty = process.stderr.isTTY;
    try {
      const { items, diagnostics } = await writeFeed(file, {
        format: options.format, out, request, title: options.title,
        progress: (done, total) => tty && process.stderr.write(`\r${done} / ${total} items`),
      });
      if (options.out) await new Promise((ok) => out.end(ok));
      process.stderr.write(`${tty ? "\n" : ""}${items} items written${diagnostics ? `; ${diagnostics} item problem(s): run validate` : ""}\n`);
    } catch (e) {
      if (e instanceof AvailabilityError && e.code === "invalid_snapshot") fail(REFUSED, e.message);
      if (e instanceof AvailabilityError) fail(USAGE, `${e.code}: ${e.message}`);
      if (e instanceof SyntaxError) fail(REFUSED, `${file}: ${e.message}`);
      throw e;
    }
  });

program
  .command("shard")
  .description("Split a snapshot into small shards by product, with an index, for catalogs too big for one page to download. Streamed: any number of items.")
  .argument("<snapshot>", "snapshot JSON file")
  .requiredOption("-o, --out <folder>", "write index.json and the shards {n}.json here")
  .option("--items-per-shard <n>", "about how many items a shard holds", wholeNumber, 50)
  .option("--json", "print JSON for machines")
  .action(async (file, options) => {
    try {
      accessSync(file, constants.R_OK);
    } catch (e) {
      fail(USAGE, `cannot read ${file}: ${e.code ?? e.message}`);
    }
    const tty = process.stderr.isTTY && !options.json;
    try {
      const result = await writeShards(file, {
        out: options.out, perShard: options.itemsPerShard,
        progress: (done, total) => tty && process.stderr.write(`\r${done} / ${total} items`),
      });
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else console.log(`${tty ? "\n" : ""}${result.items} items in ${result.shards} shards (largest ${result.largest} bytes); index: ${result.index}`);
    } catch (e) {
      if (e instanceof SyntaxError) fail(REFUSED, `${file}: ${e.message}`);
      throw e;
    }
  });

const isoDate = (value) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError("expected a date YYYY-MM-DD");
  return value;
};

const METRIC_NAMES = {
  backorderRate: "backorder rate", fillRate: "order fill rate", backorderConversion: "backorder conversion",
  backorderCancellation: "backorder cancellation", preorderCancellation: "pre-order cancellation",
  preorderOnTime: "pre-order on-time ship rate", revenueCapture: "revenue capture in stock-outs",
};

/** Columns read as numbers in CSV rows; every other cell stays text, and an empty cell is left out. */
const NUMERIC = new Set(["quantity", "onHand", "visits"]);

/**
 * Rows from a file: a JSON array (or, for `key`, a JSON document holding
 * it), or CSV with a header line naming the fields (docs/metrics.md).
 */
function rowsOf(file, key) {
  const text = read(file);
  if (/^\s*[[{]/.test(text)) {
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      fail(REFUSED, `${file} is not JSON: ${e.message}`);
    }
    return Array.isArray(value) ? { [key]: value } : value;
  }
  let records;
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    fail(REFUSED, `${file} is not CSV with a header line: ${e.message}`);
  }
  const rows = records.map((record) =>
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== "").map(([k, v]) => [k, NUMERIC.has(k) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v])),
  );
  return { [key]: rows };
}

const period = (value) => {
  const match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (!match) throw new InvalidArgumentError("expected FROM..TO, e.g. 2026-09-01..2026-11-30");
  return { from: match[1], to: match[2] };
};

program
  .command("health")
  .description("The backorder and pre-order health metrics of an order history (docs/metrics.md), each with its alarm state.")
  .argument("<orders>", "order history: a JSON document, a JSON array of order rows, or CSV with a header line (- for standard input)")
  .option("--stock <file>", "daily stock levels (JSON array or CSV: sku,date,onHand,visits,showing)")
  .option("--receipts <file>", "purchase orders received, for lead times (JSON array or CSV: sku,orderedOn,receivedOn)")
  .option("--period <from..to>", "the period, both days included (2026-09-01..2026-11-30)", period)
  .option("--from <date>", "first day of the period (YYYY-MM-DD)", isoDate)
  .option("--to <date>", "last day of the period (YYYY-MM-DD)", isoDate)
  .option("--html <file>", "also write a self-contained HTML report with plots")
  .option("--title <name>", "the store's name in the report", "Store")
  .option("--json", "print the whole report as JSON")
  .action((file, options) => {
    const history = rowsOf(file, "orders");
    if (history && typeof history === "object" && !Array.isArray(history)) {
      if (options.stock) history.days = rowsOf(options.stock, "days").days;
      if (options.receipts) history.receipts = rowsOf(options.receipts, "receipts").receipts;
      const { from = options.from, to = options.to } = options.period ?? {};
      if (from) history.from = from;
      if (to) history.to = to;
    }
    let report;
    try {
      report = health(history);
    } catch (e) {
      if (e instanceof AvailabilityError) {
        console.log(`${file}: refused — ${e.message}`);
        process.exit(REFUSED);
      }
      throw e;
    }
    if (options.html) writeFileSync(options.html, reportHtml(report, { title: options.title }));
    if (options.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const o = report.store.orders;
    console.log(`${report.from} to ${report.to}: ${o.inStock + o.backorder + o.preorder} order lines (${o.backorder} backorders, ${o.preorder} pre-orders, ${o.cancelled} cancelled before shipping)`);
    for (const [key, name] of Object.entries(METRIC_NAMES)) {
      const m = report.store[key];
      const value = m.value ? `${m.value.percent} %`.padStart(8) + `  (${m.value.numerator}/${m.value.denominator})` : "      — (no data)";
      console.log(`  ${name.padEnd(30)}${value}${m.alarm === "warn" ? "  WARNING" : ""}`);
    }
    const warned = report.skus.filter((s) => Object.keys(METRIC_NAMES).some((k) => s[k].alarm === "warn"));
    if (warned.length) console.log(`SKUs past an alarm line: ${warned.map((s) => s.sku).join(", ")}`);
    for (const d of report.diagnostics) console.log(`${d.path}: ${d.message}`);
    if (options.html) console.log(`report written to ${options.html}`);
  });

await program.parseAsync();
