// A theme page under a strict Content-Security-Policy: no inline script, no
// import map (both would need 'unsafe-inline'), the package by path.
import init, { Catalog } from "/node_modules/storefront-availability/pkg/index.js";
import { Engine, initSync } from "/node_modules/storefront-availability/pkg/storefront_availability.js";

window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
const out = document.querySelector("#out");
try {
  await init();
  const catalog = Catalog.fromJson(await (await fetch("/sample-snapshot.json")).text());
  out.textContent = catalog.decide("TEE-L", { locale: "en-US" }).message.text;

  // A trap inside wasm (a real out-of-bounds access), then the next answer:
  // the fresh instance is made with new WebAssembly.Instance under this CSP.
  const decide = Engine.prototype.decide;
  Engine.prototype.decide = function (...args) {
    Engine.prototype.decide = decide;
    return initSync().engine_decide(0x7ffffff0, ...args);
  };
  catalog.addEventListener("recover", (e) => (document.querySelector("#recovered").dataset.error = e.error.message));
  document.querySelector("#recovered").textContent = catalog.decide("TEE-L", { locale: "en-US" }).message.text;
} catch (e) {
  out.textContent = `failed: ${e.message}`;
}
