// Runs the README's own examples (extracted by scripts/pack-consumer.mjs)
// against the packed package. Every `// → value` comment in an example is
// checked against what the example prints, in order.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL(".", import.meta.url));
const examples = readdirSync(dir).filter((f) => /^readme-\d+-(node\.mjs|cjs\.cjs)$/.test(f));

test("the README has Node examples", () => assert.ok(examples.length >= 1));

for (const file of examples) {
  test(`README example ${file}`, () => {
    const code = readFileSync(dir + file, "utf8");
    const expected = [...code.matchAll(/\/\/ → (.+)$/gm)].map((m) => m[1].trim());
    const printed = execFileSync(process.execPath, [file], { cwd: dir, encoding: "utf8" }).trim().split("\n");
    assert.deepEqual(printed, expected);
  });
}
