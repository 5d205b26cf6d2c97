// Server rendering and large catalogs (issue 19), one JSON line:
// - render: the edge example's product page (examples/edge/app.js) in
//   workerd (the real runtime, examples/edge/worker.js) and in Node (the
//   same function behind node:http), both over loopback on a 10k-item
//   snapshot sharded by 50: median latency of sequential requests, and
//   requests per second of a fixed count at 8 in flight;
// - bytes: what a product page downloads with shards (index + its shard)
//   against the whole snapshot, gzip, for 100k items.
// Usage: node bench/edge.mjs [quick]
import { createServer } from "node:http";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { shardOf } from "../pkg/node.js";
import { answer } from "../examples/edge/app.js";
import { shardInto, startEdge } from "../scripts/edge.mjs";
import { snapshot } from "./generate.mjs";

const quick = process.argv[2] === "quick";
const scratch = mkdtempSync(join(tmpdir(), "edge-bench-"));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function shardSnapshot(n, name) {
  const s = snapshot(n);
  s.generatedAt = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, "Z"); // fresh
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(s));
  const dir = join(scratch, name);
  await shardInto(file, dir, 50);
  return { s, file, dir };
}

/** Sequential latency (median ms) and throughput (requests/s at 8 in flight) of GET /products/{id} at `base`. */
async function load(base, products) {
  const url = (i) => `${base}/products/${products[i % products.length]}`;
  const get = async (i) => {
    const response = await fetch(url(i), { headers: { "accept-language": ["en-US", "de-DE", "fr-FR"][i % 3] } });
    if (response.status !== 200) throw new Error(`${url(i)}: ${response.status}`);
    await response.arrayBuffer();
  };
  for (let i = 0; i < 50; i++) await get(i); // warm: every shard used once is loaded
  const times = [];
  for (let i = 0; i < (quick ? 100 : 300); i++) {
    const t = performance.now();
    await get(i);
    times.push(performance.now() - t);
  }
  const count = quick ? 500 : 2000;
  let next = 0;
  const t = performance.now();
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < count) await get(next++);
  }));
  return { latencyMs: +median(times).toFixed(2), requestsPerSecond: Math.round(count / ((performance.now() - t) / 1000)) };
}

const { s, dir } = await shardSnapshot(10_000, "render");
const products = [...new Set(s.items.map((i) => i.productId))].slice(0, 200);

const edge = await startEdge(dir);
const workerd = await load(edge.url, products);
await edge.stop();

const env = { SNAPSHOTS: { fetch: async (url) => new Response(readFileSync(join(dir, new URL(url).pathname))) }, REFRESH_MS: "1000" };
const server = createServer(async (req, res) => {
  const response = await answer(new Request(`http://127.0.0.1${req.url}`, { headers: req.headers }), env);
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const node = await load(`http://127.0.0.1:${server.address().port}`, products);
server.close();

// What a product page downloads: the index and its product's shard, or the whole snapshot.
const big = await shardSnapshot(quick ? 20_000 : 100_000, "bytes");
const index = readFileSync(join(big.dir, "index.json"));
const { shards } = JSON.parse(index);
const shardBytes = [...new Set(big.s.items.map((i) => i.productId))].slice(0, 500).map((p) => gzipSync(readFileSync(join(big.dir, `${shardOf(p, shards.count)}.json`))).length);
const bytes = {
  items: big.s.items.length,
  wholeGzipKB: +(gzipSync(readFileSync(big.file)).length / 1024).toFixed(1),
  indexGzipKB: +(gzipSync(index).length / 1024).toFixed(2),
  shardGzipKB: +(median(shardBytes) / 1024).toFixed(2),
};
console.log(JSON.stringify({ workerd, node, bytes }));
