// Node entry: the server build (everything, compiled for speed), loaded
// synchronously from the package folder, so
// `import { Catalog } from "storefront-availability"` works without a fetch.
// The default export stays an async `init()` (a no-op here), so code written
// for browsers (`await init()`) runs unchanged on the server.
import { readFileSync } from "node:fs";
import { initSync } from "./storefront_availability_server.js";

initSync({ module: readFileSync(new URL("./storefront_availability_server_bg.wasm", import.meta.url)) });

export * from "./server.js";
export default async function init() {}
