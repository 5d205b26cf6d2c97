// Shards of a large snapshot, streamed: the file is read twice in chunks
// and never held whole, so a snapshot of 1,000,000 items is split with
// memory for its store settings, a number per SKU and the shards waiting
// to be written (flushed to disk past 32 MB).
//
// The index (`index.json`) is the snapshot's store settings with no items
// and a `shards` member `{ count, path, items }`; a `Catalog` loaded from
// it decides nothing until shards are added (`catalog.addShard`, or
// `Catalog.load(indexUrl, init, { product })`). Shard `n` (`{n}.json`) is
// `{ generatedAt, items }`: the items of the products `shardOf(productId
// ?? sku, count)` places there. What must be decided together travels
// together: a kit's components are copied into its kit's shard, and every
// copy of a SKU listed twice goes into each shard holding one (the engine
// then refuses them all, as it does in the whole snapshot).
import { appendFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { shardOf } from "./node.js";
import { Seen, hash, itemKeys, split } from "./feed.js";

/** Shard texts held in memory before they are appended to their files. */
const FLUSH_CHARS = 32 * 1024 * 1024;

/**
 * Writes the shards of the snapshot at `file` into the folder `out`, about
 * `perShard` items each. `progress(done, total)` is called after each
 * chunk of pass 2. Resolves to `{ items, shards, index, largest }`
 * (`largest`: the biggest shard file, in bytes).
 */
export async function writeShards(file, { out, perShard = 50, progress = () => {} }) {
  // Pass 1: the store, the number of items, kits' components and SKUs listed twice.
  const members = [];
  let total = 0;
  let generatedAt = null;
  const kits = []; // [product key, component SKUs]
  const seen = new Seen(); // a number per SKU (its hash), not the SKU
  const twice = new Set(); // hashes of SKUs listed more than once
  await split(file, {
    onMember: (key, raw) => {
      members.push(`${JSON.stringify(key)}:${raw}`);
      if (key === "generatedAt") generatedAt = raw;
    },
    onItem: (raw) => {
      total++;
      const { sku, key, components } = itemKeys(raw);
      if (components.length > 0 && key !== null) kits.push([key, components]);
      if (sku !== null && seen.add(hash(sku))) twice.add(hash(sku));
    },
  });
  const count = Math.max(1, Math.ceil(total / perShard));
  // Where else an item must go: each component to its kits' shards.
  const alsoIn = new Map();
  const also = (sku, shard) => {
    if (!alsoIn.has(sku)) alsoIn.set(sku, new Set());
    alsoIn.get(sku).add(shard);
  };
  for (const [key, components] of kits) for (const sku of components) also(sku, shardOf(key, count));
  // A SKU listed twice: every copy to every shard that holds one (pass 2
  // collects them first). By hash: a collision only copies two items into
  // each other's shards, which changes no decision.
  const twins = new Map([...twice].map((h) => [h, []]));

  mkdirSync(out, { recursive: true });
  const shardFile = (n) => join(out, `${n}.json`);
  const pending = new Map(); // shard → item texts not yet written
  const started = new Set(); // shards whose file has its header
  let held = 0;
  const put = (n, raw) => {
    if (!pending.has(n)) pending.set(n, []);
    pending.get(n).push(raw);
    held += raw.length;
  };
  const flush = () => {
    for (const [n, raws] of pending) {
      // The first write starts the file afresh: a folder sharded before is overwritten, never appended to.
      if (started.has(n)) appendFileSync(shardFile(n), `,${raws.join(",")}`);
      else writeFileSync(shardFile(n), `{"generatedAt":${generatedAt ?? "null"},"items":[${raws.join(",")}`);
      started.add(n);
    }
    pending.clear();
    held = 0;
  };
  let done = 0;
  await split(
    file,
    {
      onMember: () => {},
      onItem: (raw) => {
        done++;
        const { sku, key } = itemKeys(raw);
        const home = shardOf(key ?? "", count);
        if (sku !== null && twins.has(hash(sku))) {
          twins.get(hash(sku)).push([home, sku, raw]);
          return;
        }
        put(home, raw);
        for (const n of (sku !== null && alsoIn.get(sku)) || []) if (n !== home) put(n, raw);
      },
    },
    async () => {
      if (held > FLUSH_CHARS) flush();
      progress(done, total);
    },
  );
  for (const copies of twins.values()) {
    const shards = new Set(copies.map(([home]) => home));
    for (const [, sku] of copies) for (const n of alsoIn.get(sku) ?? []) shards.add(n);
    for (const n of shards) for (const [, , raw] of copies) put(n, raw);
  }
  flush();
  let largest = 0;
  for (let n = 0; n < count; n++) {
    if (started.has(n)) appendFileSync(shardFile(n), "]}");
    else writeFileSync(shardFile(n), `{"generatedAt":${generatedAt ?? "null"},"items":[]}`);
  }
  const index = `{${members.join(",")}${members.length ? "," : ""}"items":[],"shards":{"count":${count},"path":"{n}.json","items":${total}}}`;
  writeFileSync(join(out, "index.json"), index);
  for (let n = 0; n < count; n++) largest = Math.max(largest, statSync(shardFile(n)).size);
  return { items: total, shards: count, index: join(out, "index.json"), largest };
}
