// Packs the package exactly as npm would publish it (the `files` allow-list
// applies) and installs the tarball with npm into build/consumer/ next to copies of
// the consumer projects in tests/consumers/. Tests then import it by name,
// as users do.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./serve.mjs";

const build = join(root, "build");
const consumer = join(build, "consumer");
rmSync(consumer, { recursive: true, force: true });
mkdirSync(consumer, { recursive: true });
const [{ filename, files }] = JSON.parse(
  execFileSync("npm", ["pack", "--json", "--pack-destination", build], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
);
cpSync(join(root, "tests", "consumers"), consumer, { recursive: true });
// Installed with npm, as a user installs it: its dependencies and its
// `bin` (node_modules/.bin/storefront-availability) come with it.
execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(build, filename)], { cwd: consumer, stdio: "inherit" });
cpSync(join(root, "www", "sample-snapshot.json"), join(consumer, "sample-snapshot.json"));
cpSync(join(root, "www", "sample-orders.json"), join(consumer, "sample-orders.json"));

// The README's own examples, extracted for tests/consumers/readme.test.mjs.
const readme = readFileSync(join(root, "README.md"), "utf8");
const blocks = [...readme.matchAll(/<!-- tested: (\w+) -->\s*```\w+\n([\s\S]*?)```/g)];
for (const [i, [, kind, code]] of blocks.entries()) {
  const ext = { browser: "html", ts: "ts", cjs: "cjs" }[kind] ?? "mjs";
  writeFileSync(join(consumer, `readme-${i}-${kind}.${ext}`), code);
}
console.log(`packed ${filename}: ${files.length} files; ${blocks.length} README examples extracted`);
