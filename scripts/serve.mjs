// A small static file server for the demo and the browser tests.
//   node scripts/serve.mjs [port]     serves the demo storefront
// Mounts: "/" → www/, "/assets/storefront-availability/" → pkg/ (the built
// package, where a theme would copy it); the demo's grid and product page
// are rendered on the server (scripts/render.mjs) as a theme's server would.
// Responses are gzipped for clients that accept it, as a store's host would.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Files compressed once per version (the package's wasm takes ~20 ms to gzip). */
const gzipped = new Map();

/**
 * Sends `body` gzipped when the browser takes it, as any production host or
 * CDN does (Lighthouse judges a store on the bytes it downloads); `key`
 * names a file whose compressed copy can be kept.
 */
function send(req, res, status, head, body, key) {
  if (!/\bgzip\b/.test(req.headers["accept-encoding"] ?? "") || body.length < 256 || head["content-type"]?.startsWith("image/png")) {
    return void res.writeHead(status, head).end(body);
  }
  let packed = key && gzipped.get(key);
  if (!packed) {
    packed = gzipSync(body, { level: 9 });
    if (key) gzipped.set(key, packed);
  }
  res.writeHead(status, { ...head, "content-encoding": "gzip", vary: "accept-encoding" }).end(packed);
}

/**
 * Serves `mounts` on `port` (0: any free port): `{ urlPrefix: directory or
 * file }`, and `{ "=path": (url, origin) => html }` for pages rendered on
 * request (an exact path).
 */
export function serve(mounts, port = 0, headers = {}) {
  const entries = Object.entries(mounts).filter(([p]) => !p.startsWith("=")).sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host ?? "localhost"}`);
    const path = decodeURIComponent(url.pathname);
    const render = mounts[`=${path}`];
    if (typeof render === "function") {
      try {
        const html = await render(url, url.origin);
        return send(req, res, 200, { "content-type": TYPES[".html"], "cache-control": "no-store", ...headers }, Buffer.from(html));
      } catch (e) {
        console.error(e);
        return void res.writeHead(500).end("render failed");
      }
    }
    const [prefix, dir] = entries.find(([p]) => path.startsWith(p)) ?? [];
    if (!dir) return void res.writeHead(404).end("not found");
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(resolve(dir))) return void res.writeHead(403).end();
    if (file.endsWith("/") || extname(file) === "") file = join(file, "index.html");
    try {
      const [body, { mtimeMs }] = await Promise.all([readFile(file), stat(file)]);
      send(req, res, 200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store", ...headers }, body, `${file}@${mtimeMs}`);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

export const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const demoMounts = {
  "/": join(root, "www"),
  "/assets/storefront-availability/": join(root, "pkg"),
  // Written by scripts/demo.sh with `storefront-availability health --html`.
  "/merchant.html": join(root, "build", "merchant.html"),
  // Rendered on the server with the package (loaded on first request).
  "=/": async (url) => (await import("./render.mjs")).renderGrid(url),
  "=/index.html": async (url) => (await import("./render.mjs")).renderGrid(url),
  "=/product.html": async (url, origin) => (await import("./render.mjs")).renderProduct(url, origin),
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(demoMounts, Number(process.argv[2] ?? 8080));
  console.log(`Demo storefront: http://localhost:${server.address().port}/`);
}
