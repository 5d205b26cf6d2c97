// The edge worker (workerd, Cloudflare's open-source Workers runtime):
// the server build's wasm comes in as a compiled module (workers may not
// compile wasm from bytes), and every request is answered by app.js —
// a product page with its availability already in the HTML.
import { initSync } from "storefront-availability/server";
import wasm from "storefront-availability/storefront_availability_server_bg.wasm";
import { answer } from "./app.js";

initSync({ module: wasm });

export default {
  fetch: (request, env) => answer(request, env),
};
