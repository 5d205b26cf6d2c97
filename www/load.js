// Loads the catalog for a demo page, failing safe: when the availability
// module or the snapshot cannot load, the page says so and offers nothing
// for sale (buy buttons start disabled in the HTML and only a decision
// enables them).
import init, { Catalog } from "storefront-availability";

/** `{ text, catalog }` for the snapshot at `url`; on failure the page says availability can't be checked, and this throws. */
export async function loadCatalog(url) {
  try {
    // The snapshot and the module come in parallel, as Catalog.load(url)
    // does; the demo also keeps the text (it reads titles and prices from it).
    const [text] = await Promise.all([fetchText(url), init()]);
    return { text, catalog: Catalog.fromJson(text) };
  } catch (error) {
    cannotCheckAvailability(error); // never fail open: no decision, nothing for sale
    throw error;
  }
}

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

/** Says availability cannot be checked, and keeps every buy button disabled. */
function cannotCheckAvailability(error) {
  for (const button of document.querySelectorAll("#add, #pay")) button.disabled = true;
  document.querySelector("main")?.removeAttribute("aria-busy"); // show the page, with nothing for sale
  const note = document.createElement("p");
  note.className = "availability-error";
  note.setAttribute("role", "alert");
  note.textContent = "Availability can't be checked right now, so nothing can be added to the cart. Please try again later.";
  document.querySelector("main")?.prepend(note);
  console.warn("availability could not be checked:", error);
}
