// A Google Merchant feed for every item of a snapshot file, streamed: the
// file is read twice in chunks and never held whole, and items are decided
// a batch at a time, so a snapshot of 1,000,000 items (far past the 64 MiB
// one catalog reads) never sits in memory at once.
//
// Pass 1 reads the store-level fields and notes which SKUs must be decided
// together: kits and their components (a kit's stock is its components'),
// and SKUs that appear twice (the core refuses both; pass 1 keeps a number
// per SKU, not the SKU). Pass 2 decides every
// other item in batches as it streams by, then those together at the end
// (so they come last in the feed).
import { createReadStream } from "node:fs";
import { Catalog, merchantFeedFields } from "./node.js";

/** Items decided per catalog. */
const BATCH = 2000;

/**
 * Splits snapshot JSON text, fed in chunks, into its top-level members
 * (`onMember(key, rawText)`) and, for `items`, each element (`onItem(rawText)`),
 * without building the document. The text of each piece is handed over
 * verbatim; what is not valid JSON inside it is the catalog's to report.
 */
export class SnapshotSplitter {
  #depth = 0;
  #inString = false;
  #escaped = false;
  #expect = "start"; // at depth 1: key, colon, value, comma
  #key = null;
  #inItems = false;
  #expectItem = false;
  #capture = null; // { kind: "key" | "member" | "item", depth, text }
  #bytes = 0;

  constructor({ onMember, onItem }) {
    this.onMember = onMember;
    this.onItem = onItem;
  }

  write(chunk) {
    let from = 0; // where the active capture's text starts in this chunk
    const take = (end) => {
      const text = this.#capture.text + chunk.slice(from, end);
      const done = this.#capture;
      this.#capture = null;
      return { ...done, text };
    };
    const start = (kind, at, depth) => {
      this.#capture = { kind, depth, text: "" };
      from = at;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (c === 92) this.#escaped = true; // backslash
        else if (c === 34) {
          this.#inString = false;
          if (this.#capture?.kind === "key") {
            this.#key = JSON.parse(take(i + 1).text);
            this.#expect = "colon";
          }
        }
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      if (this.#depth === 0) {
        if (c !== 123 || this.#expect !== "start") throw new SyntaxError("a snapshot is one JSON object");
        this.#depth = 1;
        this.#expect = "key";
        continue;
      }
      if (this.#depth === 1 && this.#expect === "key" && c === 34) {
        start("key", i, 1);
        this.#inString = true;
        continue;
      }
      if (this.#depth === 1 && this.#expect === "value") {
        this.#expect = "comma";
        if (this.#key === "items" && c === 91) {
          this.#inItems = true;
          this.#expectItem = true;
          this.#depth = 2;
          continue;
        }
        start("member", i, 1);
      } else if (this.#inItems && this.#depth === 2 && this.#expectItem && c !== 93) {
        this.#expectItem = false;
        start("item", i, 2);
      }
      switch (c) {
        case 34: // "
          this.#inString = true;
          break;
        case 123: // {
        case 91: // [
          this.#depth++;
          break;
        case 125: // }
        case 93: // ]
          if (this.#capture && this.#depth === this.#capture.depth) this.#emit(take(i));
          if (this.#inItems && this.#depth === 2 && c === 93) this.#inItems = false;
          this.#depth--;
          break;
        case 44: // ,
          if (this.#capture && this.#depth === this.#capture.depth) this.#emit(take(i));
          if (this.#depth === 1) this.#expect = "key";
          if (this.#inItems && this.#depth === 2) this.#expectItem = true;
          break;
        case 58: // :
          if (this.#depth === 1 && this.#expect === "colon") this.#expect = "value";
          break;
      }
    }
    if (this.#capture) this.#capture.text += chunk.slice(from);
    this.#bytes += chunk.length;
  }

  #emit({ kind, text }) {
    if (kind === "member") this.onMember(this.#key, text.trim());
    else if (kind === "item") this.onItem(text.trim());
  }

  /** Throws when the text ended inside the object. */
  end() {
    if (this.#depth !== 0 || this.#inString) throw new SyntaxError(`the snapshot ends early (after ${this.#bytes} characters)`);
  }
}

/** Streams `file` through a splitter; `afterChunk` runs (awaited) after each 1 MiB chunk. */
export async function split(file, handlers, afterChunk = async () => {}) {
  const splitter = new SnapshotSplitter(handlers);
  let first = true;
  for await (const chunk of createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    splitter.write(first ? chunk.replace(/^\uFEFF/, "") : chunk);
    first = false;
    await afterChunk();
  }
  splitter.end();
}

/**
 * What the streaming commands need of an item's text: its SKU, its product
 * key (`productId`, else the SKU), whether it is a kit and its components'
 * SKUs.
 */
export function itemKeys(raw) {
  try {
    const item = JSON.parse(raw);
    const sku = typeof item?.sku === "string" ? item.sku : null;
    const key = typeof item?.productId === "string" && item.productId !== "" ? item.productId : sku;
    const kit = Array.isArray(item?.components);
    const components = kit ? item.components.map((c) => c?.sku).filter((s) => typeof s === "string") : [];
    return { sku, key, kit, components };
  } catch {
    return { sku: null, key: null, kit: false, components: [] };
  }
}

/** A 53-bit hash of a SKU (two FNV-1a passes): what pass 1 keeps per item instead of the SKU itself. */
export function hash(text) {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/**
 * Every SKU hash seen once, in an open-addressing table of numbers (8 bytes
 * a slot, not a string a SKU), answering whether a hash came before. A
 * collision of two different SKUs only makes the feed decide them together
 * at the end, which gives each its own answer all the same.
 */
export class Seen {
  #slots = new Float64Array(1 << 16);
  #size = 0;

  /** Adds `h`; true when it was there already. */
  add(h) {
    if (this.#size * 2 >= this.#slots.length) this.#grow();
    const mask = this.#slots.length - 1;
    for (let i = h % this.#slots.length; ; i = (i + 1) & mask) {
      if (this.#slots[i] === 0) {
        this.#slots[i] = h + 1;
        this.#size++;
        return false;
      }
      if (this.#slots[i] === h + 1) return true;
    }
  }

  #grow() {
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2);
    this.#size = 0;
    for (const v of old) if (v !== 0) this.add(v - 1);
  }
}

const xml = (text) => String(text).replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The feed's writers: a header, a row per decision, a footer. */
export const FORMATS = {
  "merchant-tsv": {
    header: () => "id\tavailability\tavailability_date\texcluded_destination\n",
    row: (d, f) => `${d.sku}\t${f.availability}\t${f.availability_date ?? ""}\t${f.excluded_destination ?? ""}\n`,
    footer: () => "",
  },
  "merchant-xml": {
    header: (title) => `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n<channel>\n<title>${xml(title)}</title>\n`,
    row: (d, f) =>
      `<item><g:id>${xml(d.sku)}</g:id><g:availability>${f.availability}</g:availability>${f.availability_date ? `<g:availability_date>${f.availability_date}</g:availability_date>` : ""}${f.excluded_destination ? `<g:excluded_destination>${f.excluded_destination}</g:excluded_destination>` : ""}</item>\n`,
    footer: () => "</channel>\n</rss>\n",
  },
  jsonl: {
    header: () => "",
    row: (d, f) => JSON.stringify({ id: d.sku, ...f, policy: d.policy, reason: d.reason, shipDate: d.shipDate, maxQuantity: d.maxQuantity }) + "\n",
    footer: () => "",
  },
};

/**
 * Writes the feed of the snapshot at `file` to `out` (a writable stream),
 * deciding each item for `request` (`{ channel, now }`). `progress(done, total)`
 * is called after each batch. Resolves to `{ items, diagnostics }`.
 */
export async function writeFeed(file, { format, out, request = {}, title = "Products", progress = () => {} }) {
  const writer = FORMATS[format];
  // Pass 1: the store, and which SKUs must be decided together.
  const members = [];
  const seen = new Seen();
  const duplicated = new Set(); // hashes of SKUs that appear twice
  const together = new Set(); // kits and their components
  let total = 0;
  await split(file, {
    onMember: (key, raw) => members.push(`${JSON.stringify(key)}:${raw}`),
    onItem: (raw) => {
      total++;
      const { sku, kit, components } = itemKeys(raw);
      if (sku !== null && seen.add(hash(sku))) duplicated.add(hash(sku));
      if (kit) {
        together.add(sku);
        for (const c of components) together.add(c);
      }
    },
  });
  const store = `{${members.join(",")}${members.length ? "," : ""}"items":[`;
  const written = (text) => (out.write(text) ? undefined : new Promise((ok) => out.once("drain", ok)));
  let done = 0;
  let diagnostics = 0;
  const decide = async (raws) => {
    if (raws.length === 0) return;
    const catalog = Catalog.fromJson(`${store}${raws.join(",")}]}`);
    diagnostics += catalog.diagnostics.length;
    const rows = catalog.decideAll({ ...request, messages: false }).map((d) => writer.row(d, merchantFeedFields(d)));
    catalog.free();
    await written(rows.join(""));
    done += raws.length;
    progress(done, total);
  };
  await written(writer.header(title));
  // Pass 2: batches decided as they stream by (after each chunk, so at most
  // a chunk's worth waits); the held items together at the end.
  let batch = [];
  const held = [];
  let full = [];
  await split(
    file,
    {
      onMember: () => {},
      onItem: (raw) => {
        const { sku } = itemKeys(raw);
        if (sku !== null && (together.has(sku) || duplicated.has(hash(sku)))) held.push(raw);
        else batch.push(raw);
        if (batch.length === BATCH) {
          full.push(batch);
          batch = [];
        }
      },
    },
    async () => {
      for (const b of full) await decide(b);
      full = [];
    },
  );
  for (const b of [batch, held]) await decide(b);
  await written(writer.footer());
  return { items: done, diagnostics };
}
