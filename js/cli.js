#!/usr/bin/env node
// `npx storefront-availability …`: the merchant's command line, on the
// server build (the same decisions as every shopper's page).
//
// Exit codes: 0 done; 1 the data was refused (a store-level problem, an
// import that could not be read); 2 the command was used wrongly (an
// unknown option, a missing file, a bad --quantity).
import { readFileSync, writeFileSync } from "node:fs";
import { Command, InvalidArgumentError } from "commander";
import { Catalog, AvailabilityError } from "./node.js";
import { importSnapshot, platforms } from "./import.js";

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
  .description("Check, explain and import inventory snapshots for storefront-availability.")
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
    const skus = catalog.skus.length;
    const byCode = {};
    for (const d of diagnostics) byCode[d.code] = (byCode[d.code] ?? 0) + 1;
    if (options.json) {
      console.log(JSON.stringify({ ok: true, generatedAt: catalog.generatedAt, skus, diagnostics, summary: byCode }, null, 2));
      return;
    }
    for (const d of diagnostics) console.log(`${d.path}: ${d.message} (${d.code})`);
    const counts = Object.entries(byCode).map(([code, n]) => `${n} ${code}`).join(", ");
    console.log(`${file}: accepted — ${skus} SKUs, generated ${catalog.generatedAt}; ${diagnostics.length === 0 ? "no problems" : `${diagnostics.length} problem(s): ${counts}`}`);
  });

program
  .command("explain")
  .description("Decide one SKU and show the chain of rules that led there, with the values each looked at.")
  .argument("<snapshot>", "snapshot JSON file (- for standard input)")
  .argument("<sku>", "the SKU to explain")
  .option("--channel <channel>", "dtc, marketplace, wholesale, pos or social", "dtc")
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

program.parse();
