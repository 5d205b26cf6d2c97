// A page whose Object.prototype was polluted (by a dependency, or an
// attacker's query string through a naive merge) gets exactly the answers a
// clean page gets: Intl options and argument copies have no prototype.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";

const probe = new URL("pollution-probe.mjs", import.meta.url);

test("polluted Object.prototype changes no clock, date, option or cart", async () => {
  const clean = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", `import { probe } from ${JSON.stringify(probe.href)}; console.log(JSON.stringify(probe()));`], { encoding: "utf8" }));
  const pollution = { hour12: true, hourCycle: "h12", calendar: "islamic", numberingSystem: "arab", timeZone: "Asia/Tokyo", quantity: 1000, holdTogether: true, channel: "amazon", locale: "ja-JP", purchased: 5 };
  for (const [key, value] of Object.entries(pollution)) Object.prototype[key] = value;
  try {
    const { probe: polluted } = await import(probe.href);
    assert.deepEqual(polluted(), clean);
  } finally {
    for (const key of Object.keys(pollution)) delete Object.prototype[key];
  }
});
