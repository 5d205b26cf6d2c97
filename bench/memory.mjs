// Memory, in a fresh process with a fresh wasm instance (linear memory
// never shrinks, so it must not share the instance with other workloads):
// linear memory after loading N items, and across R reloads of 10k.
import { readFileSync } from "node:fs";
import { initSync, Catalog } from "../pkg/index.js";
import { snapshot } from "./generate.mjs";

const [n, reloads] = process.argv.slice(2).map(Number);
const { memory } = initSync({ module: readFileSync(new URL("../pkg/storefront_availability_bg.wasm", import.meta.url)) });
const mb = () => +(memory.buffer.byteLength / 2 ** 20).toFixed(1);
const start = mb();
const big = Catalog.fromJson(JSON.stringify(snapshot(n)));
const afterLoad = mb();
big.free();
const text = JSON.stringify(snapshot(10_000));
Catalog.fromJson(text).free();
const beforeReloads = mb();
for (let i = 0; i < reloads; i++) Catalog.fromJson(text).free();
console.log(JSON.stringify({ startMB: start, afterLoadMB: afterLoad, items: n, beforeReloadsMB: beforeReloads, afterReloadsMB: mb(), reloads }));
