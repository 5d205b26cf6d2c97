// Server parity: the native crate (examples/decide_all.rs, as a Rust
// server would use it) and the wasm package in Node give the same
// decisions, the same English text and the same confirmation emails.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { Catalog, health } from "storefront-availability";
import { root } from "../../scripts/serve.mjs";

const snapshotPath = `${root}/www/sample-snapshot.json`;
const catalog = Catalog.fromJson(readFileSync(snapshotPath, "utf8"));
execFileSync("cargo", ["build", "-q", "--example", "decide_all"], { cwd: root, stdio: "inherit" });

// Before and after the cutoff, a Friday evening, a stale snapshot, next year.
const moments = ["2026-11-23T15:00:00Z", "2026-11-23T19:30:00Z", "2026-11-27T23:00:00Z", "2026-11-24T13:00:00.001Z", "2027-01-04T15:00:00Z"];

for (const now of moments) {
  test(`native and wasm agree at ${now}`, () => {
    const native = JSON.parse(
      execFileSync(`${root}/target/debug/examples/decide_all`, [snapshotPath, now], { encoding: "utf8" }),
    );
    const decisions = catalog.decideAll({ now, locale: "en-US" });
    assert.deepEqual(native.decisions, decisions);
    const confirmations = decisions
      .filter((d) => d.canPurchase)
      .map((d) => catalog.orderConfirmation(d.sku, { now, orderNumber: "1042", locale: "en-US" }));
    assert.deepEqual(native.confirmations, confirmations);
    assert.ok(decisions.some((d) => d.message.text.length > 0));
  });
}

test("native and wasm compute the same health report", () => {
  execFileSync("cargo", ["build", "-q", "--example", "health"], { cwd: root, stdio: "inherit" });
  const orders = `${root}/www/sample-orders.json`;
  const native = JSON.parse(execFileSync(`${root}/target/debug/examples/health`, [orders], { encoding: "utf8" }));
  const wasm = health(readFileSync(orders, "utf8"));
  assert.deepEqual(native, wasm);
  assert.ok(wasm.skus.length > 5 && wasm.weeks.length > 10);
});
