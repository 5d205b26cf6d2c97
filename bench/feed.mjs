// The feed of 1,000,000 items (issue 18), or their shards (issue 19): a
// snapshot file written in chunks (never whole in memory), then
// `storefront-availability feed` (or `shard`) run on it in a fresh process,
// timed, with its peak resident memory (maxRSS). Prints one JSON line.
// Usage: node bench/feed.mjs [items] [feed|shard]
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { snapshot } from "./generate.mjs";

const n = Number(process.argv[2] ?? 1_000_000);
const command = process.argv[3] ?? "feed";
const file = join(tmpdir(), `feed-bench-${process.pid}.json`);
const out = join(tmpdir(), `feed-bench-${process.pid}.${command === "shard" ? "shards" : "tsv"}`);
const { items: template, ...store } = snapshot(1000);
const fd = openSync(file, "w");
writeSync(fd, JSON.stringify(store).slice(0, -1) + ',"items":[');
for (let i = 0; i < n; i += 1000) {
  const rows = template.slice(0, Math.min(1000, n - i)).map((item, k) => JSON.stringify({ ...item, sku: `SKU-${String(i + k).padStart(7, "0")}`, productId: `P-${Math.floor((i + k) / 4)}` }));
  writeSync(fd, (i > 0 ? "," : "") + rows.join(","));
}
writeSync(fd, "]}");
closeSync(fd);
const cli = new URL("../pkg/cli.js", import.meta.url).pathname;
const probe = `const t=performance.now();await import(${JSON.stringify(cli)});process.on("exit",()=>console.error(JSON.stringify({ms:performance.now()-t,maxRssMB:process.resourceUsage().maxRSS/1024})))`;
const args = command === "shard" ? ["shard", file, "--out", out, "--json"] : ["feed", file, "--format", "merchant-tsv", "--now", "2026-11-23T15:00:00Z", "--out", out];
const run = spawnSync(process.execPath, [...(process.env.FEED_HEAP_MB ? [`--max-old-space-size=${process.env.FEED_HEAP_MB}`] : []), "--input-type=module", "-e", probe, ...args], { encoding: "utf8" });
if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
const stderr = run.stderr;
const figures = JSON.parse(stderr.trim().split("\n").at(-1));
const common = { items: n, snapshotMB: +(statSync(file).size / 2 ** 20).toFixed(1), seconds: +(figures.ms / 1000).toFixed(1), peakRssMB: Math.round(figures.maxRssMB) };
if (command === "shard") {
  const { shards, largest } = JSON.parse(run.stdout);
  console.log(JSON.stringify({ ...common, shards, largestShardBytes: largest }));
} else {
  const rows = execFileSync("wc", ["-l", out], { encoding: "utf8" }).trim().split(" ")[0] - 1;
  console.log(JSON.stringify({ ...common, rows }));
}
if (!process.env.FEED_KEEP) rmSync(file);
rmSync(out, { recursive: true });
if (process.env.FEED_KEEP) console.log(file);
