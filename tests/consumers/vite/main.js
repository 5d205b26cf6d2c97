import init, { Catalog } from "storefront-availability";
import snapshot from "../sample-snapshot.json?raw";

await init();
const d = Catalog.fromJson(snapshot).decide("AUR-BLK", { locale: "en-US" });
document.querySelector("#out").textContent = `${d.policy}: ${d.message.text}`;
