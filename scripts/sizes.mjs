// Prints raw, gzip and brotli sizes of the files given as arguments.
// With --budget FILE, fails (exit 1) when a file's gzip size exceeds its
// ceiling in FILE (size-budget.json).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
const at = args.indexOf("--budget");
const budget = at >= 0 ? JSON.parse(readFileSync(args.splice(at, 2)[1], "utf8")) : null;
const kb = (n) => n / 1024;
const show = (n) => kb(n).toFixed(1).padStart(7) + " KB";
let over = 0;
console.log("file".padEnd(34) + "raw".padStart(10) + "gzip".padStart(10) + "brotli".padStart(10) + (budget ? "  budget (gzip)" : ""));
for (const file of args) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const limit = budget?.[basename(file)]?.gzip;
  const verdict = limit === undefined ? "" : kb(gzip) <= limit ? `  ≤ ${limit} KB ok` : `  > ${limit} KB OVER BUDGET`;
  if (limit !== undefined && kb(gzip) > limit) over++;
  console.log(basename(file).padEnd(34) + show(bytes.length) + show(gzip) + show(brotli) + verdict);
}
if (budget && over) {
  console.error(`size budget exceeded by ${over} file(s): see size-budget.json`);
  process.exit(1);
}
