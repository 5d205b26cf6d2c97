// Bundled by webpack 5, which emits the .wasm as an asset itself
// (it understands new URL(…, import.meta.url)).
import init, { Catalog } from "storefront-availability";

await init();
const snapshot = await (await fetch("/sample-snapshot.json")).text();
const d = Catalog.fromJson(snapshot).decide("TEE-L", { locale: "en-US" });
document.querySelector("#out").textContent = `${d.policy}: ${d.message.text}`;
