// Bundled by esbuild (format esm); the .wasm is copied next to the bundle,
// where the package's init() looks for it (new URL(…, import.meta.url)).
import init, { Catalog } from "storefront-availability";

await init();
const snapshot = await (await fetch("/sample-snapshot.json")).text();
const d = Catalog.fromJson(snapshot).decide("TEE-L", { locale: "en-US" });
document.querySelector("#out").textContent = `${d.policy}: ${d.message.text}`;
