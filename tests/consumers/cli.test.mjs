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
import { Catalog } from "storefront-availability";
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
  for (const command of ["validate", "explain", "import"]) {
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
