// Prints raw, gzip and brotli sizes of the files given as arguments.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
console.log("file".padEnd(34) + "raw".padStart(10) + "gzip".padStart(10) + "brotli".padStart(10));
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(basename(file).padEnd(34) + kb(bytes.length) + kb(gzip) + kb(brotli));
}
