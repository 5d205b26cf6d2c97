// The edge example's page: what examples/edge/worker.js answers in
// workerd, and what the bench runs in Node for comparison (the same
// function on the same package: the server build).
//
// It answers a product URL with its availability already in the HTML:
// badge, message, buy-button label and ProductGroup JSON-LD, decided by the package's server build for the shopper's language
// (`Accept-Language`) and channel (`?channel=`), so the first paint shows
// them before any wasm reaches the browser — and the browser's own
// decision, from the same engine, can only agree.
//
//   GET /products/{productId}[?sku=…&channel=…]
//
// The snapshot is sharded (`storefront-availability shard`): the worker
// reads the index and the one shard the product lives in, from the
// `SNAPSHOTS` binding (a folder here; static assets or KV on a CDN), keeps
// each shard's catalog, and starts over when the index's `generatedAt`
// changes. Responses carry an `ETag` and a `Cache-Control` that ends when
// the answer could change: at the store's next cutoff or midnight, or when
// the snapshot turns stale (docs/rules.md §7); a stale snapshot is never
// cached at all.
import { Catalog, productGroupJsonLd, shardOf } from "storefront-availability/server";
import { stockStatusHtml } from "storefront-availability/elements";

/** Shard catalogs kept per isolate (the most recently used). */
const KEEP = 256;

const state = { index: null, checkedAt: 0, catalogs: new Map() };

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function read(env, path) {
  const response = await env.SNAPSHOTS.fetch(new URL(path, "http://snapshots/"));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

/** The shard index, looked up again at most every REFRESH_MS; a new `generatedAt` drops every shard. */
async function currentIndex(env, now) {
  if (state.index && now - state.checkedAt < Number(env.REFRESH_MS ?? 1000)) return state.index;
  const text = await read(env, "index.json");
  const { generatedAt, maxAgeHours = 24, timeZone = "UTC", cutoffTime = "14:00", shards } = JSON.parse(text);
  if (state.index?.generatedAt !== generatedAt) {
    for (const { catalog } of state.catalogs.values()) catalog.free();
    state.catalogs.clear();
    state.index = { text, generatedAt, maxAgeHours, timeZone, cutoffTime, shards };
  }
  state.checkedAt = now;
  return state.index;
}

/** The catalog of the shard holding `product` (the index's store settings plus that shard). */
async function catalogOf(env, index, product) {
  const n = shardOf(product, index.shards.count);
  let entry = state.catalogs.get(n);
  if (!entry) {
    const shard = await read(env, index.shards.path.replace("{n}", String(n)));
    const catalog = Catalog.fromJson(index.text);
    catalog.addShard(shard);
    entry = { catalog, items: JSON.parse(shard).items };
    if (state.catalogs.size >= KEEP) {
      const [oldest, { catalog: old }] = state.catalogs.entries().next().value;
      state.catalogs.delete(oldest);
      old.free();
    }
  }
  state.catalogs.delete(n);
  state.catalogs.set(n, entry); // most recently used last
  return entry;
}

/** The shopper's first language that is a valid tag, by `q`; else en-US. */
export function localeOf(header) {
  const tags = (header ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.trim().slice(2) ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter(({ tag, q }) => tag !== "" && tag !== "*" && q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      // not a language tag: the next one
    }
  }
  return "en-US";
}

/**
 * Seconds this answer stays true: until the snapshot turns stale
 * (`generatedAt` + `maxAgeHours`), the store's next cutoff or its next
 * midnight (when "ships today" becomes "ships tomorrow"), whichever comes
 * first; 0 when the snapshot is stale already.
 */
export function secondsValid(index, now) {
  const staleAt = Date.parse(index.generatedAt) + index.maxAgeHours * 3_600_000;
  if (!(staleAt > now)) return 0;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: index.timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(now)
      .map((p) => [p.type, Number(p.value)]),
  );
  const local = parts.hour * 3600 + parts.minute * 60 + parts.second;
  const [h, m] = index.cutoffTime.split(":").map(Number);
  const cutoff = h * 3600 + m * 60;
  const untilCutoff = cutoff > local ? cutoff - local : Infinity;
  const untilMidnight = 86_400 - local;
  return Math.max(0, Math.floor(Math.min((staleAt - now) / 1000, untilCutoff, untilMidnight)));
}

/** A stable tag for what the answer depends on. */
function etagOf(index, ...parts) {
  return `"${shardOf([index.generatedAt, ...parts].join("\u0000"), 2 ** 32).toString(36)}"`;
}

function page({ lang, title, status, button, buyable, variants, jsonLd }) {
  return `<!doctype html>
<html lang="${escape(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
<ul class="variants">${variants}</ul>
${status}
<button id="add" type="button"${buyable ? "" : " disabled"}>${escape(button)}</button>
</main>
</body>
</html>
`;
}

/**
 * The answer to `request`: a product page, or 404/400. `env.SNAPSHOTS`
 * fetches the shards (`index.json`, `{n}.json`); `env.CURRENCY` and
 * `env.REFRESH_MS` are optional.
 */
export async function answer(request, env) {
  const url = new URL(request.url);
  const match = /^\/products\/([^/]+)$/.exec(url.pathname);
  if (!match) return new Response("Not found: try /products/{productId}\n", { status: 404 });
  const product = decodeURIComponent(match[1]);
  const now = Date.now();
  const index = await currentIndex(env, now);
  const { catalog, items } = await catalogOf(env, index, product);
  const variants = items.filter((item) => (item.productId ?? item.sku) === product);
  if (variants.length === 0) return new Response(`No product ${product}\n`, { status: 404 });
  const locale = localeOf(request.headers.get("accept-language"));
  const channel = url.searchParams.get("channel") ?? "dtc";
  let rollup;
  try {
    rollup = catalog.decideProduct(product, { now, locale, channel });
  } catch (error) {
    return new Response(`${error.code}: ${error.message}\n`, { status: 400 });
  }
  const states = new Map(rollup.variantStates.map((v) => [v.sku, v]));
  const asked = variants.find((v) => v.sku === url.searchParams.get("sku"));
  const sku = (asked ?? variants.find((v) => states.get(v.sku)?.canPurchase) ?? variants[0]).sku;
  const decision = catalog.decide(sku, { now, locale, channel });
  const base = `${url.origin}/products/${encodeURIComponent(product)}`;
  const jsonLd = productGroupJsonLd(rollup, {
    name: variants[0].title?.replace(/\s+—\s+[^—]+$/, "") ?? product,
    url: base,
    currency: env.CURRENCY ?? "USD",
    timeZone: catalog.timeZone,
    variants: Object.fromEntries(
      variants.map((v) => [v.sku, { name: v.title ?? v.sku, url: `${base}?sku=${encodeURIComponent(v.sku)}`, price: ((v.price ?? 0) / 100).toFixed(2) }]),
    ),
  });
  const list = variants
    .map((v) => `<li><a href="${escape(`${base}?sku=${encodeURIComponent(v.sku)}`)}"${v.sku === sku ? ' aria-current="true"' : ""}>${escape(v.title ?? v.sku)}</a></li>`)
    .join("");
  const html = page({
    lang: decision.message.lang,
    title: variants.find((v) => v.sku === sku)?.title ?? sku,
    status: stockStatusHtml(decision, { id: "status", button: "add", channel }),
    button: decision.message.button,
    buyable: decision.canPurchase,
    variants: list,
    jsonLd,
  });
  const etag = etagOf(index, product, sku, locale, channel, decision.message.text);
  const seconds = secondsValid(index, now);
  const headers = {
    "content-type": "text/html; charset=utf-8",
    etag,
    vary: "accept-language",
    "cache-control": seconds > 0 ? `public, max-age=${seconds}, must-revalidate` : "no-store",
    "x-snapshot-generated-at": index.generatedAt,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(html, { headers });
}
