// The edge example (examples/edge) on workerd, Cloudflare's open-source
// Workers runtime from npm, on the loopback interface:
//   npm run edge               shards the demo snapshot and serves it
// `startEdge` is what the tests and the bench use: a snapshot file is
// sharded into a folder the worker reads (`snapshots`), and workerd serves
// the worker on a free port of 127.0.0.1.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { writeShards } from "../pkg/shard.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A port of 127.0.0.1 nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Shards `snapshot` (a file) into `dir`, ready for the worker. */
export async function shardInto(snapshot, dir, perShard = 50) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return writeShards(snapshot, { out: dir, perShard });
}

/**
 * Starts workerd with the edge worker reading shards from `dir`; resolves
 * to `{ url, stop }` once it answers.
 */
export async function startEdge(dir) {
  const port = await freePort();
  // The binary itself (not through npx), so stopping it stops workerd.
  const binary = (await import("workerd")).default;
  const child = spawn(
    typeof binary === "string" ? binary : binary.default,
    ["serve", "examples/edge/workerd.capnp", `--socket-addr=http=127.0.0.1:${port}`, `--directory-path=snapshots=${dir}`],
    { cwd: root, stdio: ["ignore", "inherit", "pipe"] },
  );
  let errors = "";
  child.stderr.on("data", (chunk) => {
    errors += chunk;
    process.stderr.write(chunk);
  });
  const url = `http://127.0.0.1:${port}`;
  // workerd drains open keep-alive connections before it exits on SIGTERM: a second later, SIGKILL.
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 1000);
      child.once("exit", () => resolve(clearTimeout(kill)));
      child.kill();
    });
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}): ${errors}`);
    try {
      await fetch(`${url}/`);
      return { url, stop };
    } catch {
      if (tries > 300) {
        await stop();
        throw new Error(`workerd did not answer on ${url}: ${errors}`);
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The demo snapshot, taken now (as a merchant's export would be), so its answers are fresh.
  const snapshot = JSON.parse(readFileSync(`${root}www/storefront-snapshot.json`, "utf8"));
  snapshot.generatedAt = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  mkdirSync(`${root}build/edge`, { recursive: true });
  writeFileSync(`${root}build/edge/snapshot.json`, JSON.stringify(snapshot));
  const dir = `${root}build/edge/snapshots`;
  const { items, shards } = await shardInto(`${root}build/edge/snapshot.json`, dir);
  const { url } = await startEdge(dir);
  console.log(`${items} items in ${shards} shards; the edge worker answers on ${url}/products/merino-crew-tee (Ctrl-C stops it)`);
}
