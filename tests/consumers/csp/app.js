// A theme page under a strict Content-Security-Policy: no inline script, no
// import map (both would need 'unsafe-inline'), the package by path.
import init, { Catalog } from "/node_modules/storefront-availability/pkg/index.js";
// The page entry carries its glue inside; to force a trap the test reaches
// into a glue it can import: the server entry's (the same js/index.js).
import initServer, { Catalog as ServerCatalog } from "/node_modules/storefront-availability/pkg/server.js";
import { Engine, initSync } from "/node_modules/storefront-availability/pkg/storefront_availability_server.js";

window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
const out = document.querySelector("#out");
try {
  await init();
  const catalog = Catalog.fromJson(await (await fetch("/sample-snapshot.json")).text());
  out.textContent = catalog.decide("TEE-L", { locale: "en-US" }).message.text;

  // A trap inside wasm (a real out-of-bounds access), then the next answer:
  // the fresh instance is made with new WebAssembly.Instance under this CSP.
  await initServer();
  const served = ServerCatalog.fromJson(await (await fetch("/sample-snapshot.json")).text());
  const decide = Engine.prototype.decide;
  Engine.prototype.decide = function (...args) {
    Engine.prototype.decide = decide;
    return initSync().engine_decide(0x7ffffff0, ...args);
  };
  served.addEventListener("recover", (e) => (document.querySelector("#recovered").dataset.error = e.error.message));
  document.querySelector("#recovered").textContent = served.decide("TEE-L", { locale: "en-US" }).message.text;
} catch (e) {
  out.textContent = `failed: ${e.message}`;
}
