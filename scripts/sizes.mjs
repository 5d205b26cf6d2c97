// Prints raw, gzip and brotli sizes of the files given as arguments.
// With --budget FILE (size-budget.json), also the total of each entry, and
// fails (exit 1) when a file or an entry exceeds its gzip ceiling there
// (entries' files are read from the folder of the first file given).
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const at = args.indexOf("--budget");
const budget = at >= 0 ? JSON.parse(readFileSync(args.splice(at, 2)[1], "utf8")) : null;
const kb = (n) => n / 1024;
const show = (n) => kb(n).toFixed(1).padStart(8) + " KB";
const sizes = (file) => {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
let over = 0;
const row = (name, { raw, gzip, brotli }, limit) => {
  const verdict = limit === undefined ? "" : kb(gzip) <= limit ? `  ≤ ${limit} KB ok` : `  > ${limit} KB OVER BUDGET`;
  if (limit !== undefined && kb(gzip) > limit) over++;
  console.log(name.padEnd(44) + show(raw) + show(gzip) + show(brotli) + verdict);
};
console.log("file".padEnd(44) + "raw".padStart(11) + "gzip".padStart(11) + "brotli".padStart(11) + (budget ? "  budget (gzip)" : ""));
for (const file of args) row(basename(file), sizes(file), budget?.files?.[basename(file)]?.gzip);
if (budget?.entries && args.length > 0) {
  console.log("\nentry: all it downloads".padEnd(45));
  for (const [name, entry] of Object.entries(budget.entries)) {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of entry.files) for (const [k, v] of Object.entries(sizes(join(dirname(args[0]), file)))) total[k] += v;
    row(name, total, entry.gzip);
  }
}
if (budget && over) {
  console.error(`size budget exceeded by ${over} file(s) or entries: see size-budget.json`);
  process.exit(1);
}
