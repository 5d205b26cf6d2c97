// Type-checks consumer.ts (strict, with expected errors marked) against the
// packed package's .d.ts files.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

test("a strict TypeScript consumer type-checks with tsc --noEmit", () => {
  const dir = fileURLToPath(new URL(".", import.meta.url));
  const tsc = fileURLToPath(new URL("../../node_modules/typescript/bin/tsc", import.meta.url));
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: dir, encoding: "utf8" });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
