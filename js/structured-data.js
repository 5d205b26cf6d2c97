// Structured data from decisions: schema.org JSON-LD for product pages and
// Google Merchant Center feed fields. Plain functions of a decision (or a
// product roll-up), with no wasm: every entry bundles this file and
// re-exports it.
import { AvailabilityError } from "./error.js";

const codedError = (code, message, extra) => new AvailabilityError(code, message, extra);

/** Checks the JSON-LD options shared by both builders. */
function jsonLdNeeds(ok, what) {
  if (!ok) throw codedError("invalid_options", `productJsonLd needs ${what}`);
}

const isPrice = (price) => (typeof price === "string" && /^\d+(\.\d+)?$/.test(price)) || (typeof price === "number" && Number.isFinite(price) && price >= 0);

const offsetFormats = new Map();

/**
 * When the promised date starts in the store's zone, as schema.org wants
 * `availabilityStarts` (`2027-01-15T00:00:00-05:00`); the bare date when
 * no `timeZone` is given.
 */
function availabilityStarts(date, timeZone) {
  if (!timeZone) return date;
  // One offset formatter per zone (a ProductGroup asks once per variant).
  if (!offsetFormats.has(timeZone)) offsetFormats.set(timeZone, new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }));
  const format = offsetFormats.get(timeZone);
  const offsetAt = (instant) => {
    const name = format.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
    const [, sign = "+", h = "00", m = "00"] = /^GMT([+-])(\d{2}):?(\d{2})?$/.exec(name) ?? [];
    return { text: name === "GMT" ? "Z" : `${sign}${h}:${m}`, minutes: (sign === "-" ? -1 : 1) * (Number(h) * 60 + Number(m)) };
  };
  // Local midnight: the offset at noon UTC that day, then the offset at that midnight (a DST change at 2 a.m. keeps the day's first offset).
  const guess = offsetAt(new Date(`${date}T12:00:00Z`));
  const midnight = offsetAt(new Date(Date.parse(`${date}T00:00:00Z`) - guess.minutes * 60_000));
  return `${date}T00:00:00${midnight.text}`;
}

/** The schema.org Offer of one variant's decision (or its state in a product roll-up). */
function offerOf(d, { url, price, currency, timeZone }) {
  const offer = { "@type": "Offer", url, price: String(price), priceCurrency: currency, availability: d.schemaOrg };
  if ((d.policy === "backorder" || d.policy === "preorder") && d.availabilityDate) offer.availabilityStarts = availabilityStarts(d.availabilityDate, timeZone);
  return offer;
}

/**
 * schema.org `Product` JSON-LD for one variant's decision. With `timeZone`
 * (`catalog.timeZone`), `availabilityStarts` is a date-time in the store's zone.
 *
 * ```js
 * productJsonLd(d, { name: "Merino Tee — L", url, price: "35.00", currency: "USD", image, timeZone: catalog.timeZone });
 * ```
 */
export function productJsonLd(decision, { name, url, price, currency, image, brand, timeZone } = {}) {
  jsonLdNeeds(typeof decision?.sku === "string" && typeof decision.schemaOrg === "string", "a decision from decide()");
  jsonLdNeeds(typeof name === "string" && name !== "", "name: the product's name");
  jsonLdNeeds(typeof url === "string" && url !== "", "url: the product page's URL");
  jsonLdNeeds(isPrice(price), 'price: a number ≥ 0 or a decimal string like "25.00"');
  jsonLdNeeds(typeof currency === "string" && /^[A-Z]{3}$/.test(currency), 'currency: an ISO 4217 code like "USD"');
  const product = { "@context": "https://schema.org", "@type": "Product", name, sku: decision.sku };
  if (image) product.image = String(image);
  if (brand) product.brand = { "@type": "Brand", name: String(brand) };
  const { "@type": type, ...offer } = offerOf(decision, { url, price, currency, timeZone });
  product.offers = { "@type": type, url, sku: decision.sku, ...offer };
  return product;
}

/**
 * schema.org `ProductGroup` JSON-LD for a product's roll-up
 * (`decideProduct`): one `hasVariant` Product per variant, each with its
 * own URL, SKU, image and Offer (availability and `availabilityStarts`).
 * `variants` maps each SKU to `{ name, url, price, image }`.
 *
 * ```js
 * productGroupJsonLd(catalog.decideProduct("tee"), { name: "Merino Tee", url, currency: "USD", variesBy: ["size"],
 *   variants: { "TEE-M": { name: "Merino Tee — M", url: url + "?sku=TEE-M", price: "35.00", image } }, timeZone: catalog.timeZone });
 * ```
 */
export function productGroupJsonLd(product, { name, url, currency, brand, image, variesBy = [], variants = {}, timeZone } = {}) {
  jsonLdNeeds(typeof product?.productId === "string" && Array.isArray(product.variantStates), "a product from decideProduct()");
  jsonLdNeeds(typeof name === "string" && name !== "", "name: the product's name");
  jsonLdNeeds(typeof url === "string" && url !== "", "url: the product page's URL");
  jsonLdNeeds(typeof currency === "string" && /^[A-Z]{3}$/.test(currency), 'currency: an ISO 4217 code like "USD"');
  const group = { "@context": "https://schema.org", "@type": "ProductGroup", productGroupID: product.productId, name, url };
  if (image) group.image = String(image);
  if (brand) group.brand = { "@type": "Brand", name: String(brand) };
  if (variesBy.length) group.variesBy = variesBy.map((v) => (String(v).startsWith("https://") ? String(v) : `https://schema.org/${v}`));
  group.hasVariant = product.variantStates.map((v) => {
    const given = Object.hasOwn(variants, v.sku) ? variants[v.sku] : undefined;
    jsonLdNeeds(typeof given?.url === "string" && given.url !== "" && isPrice(given.price), `variants["${v.sku}"]: { name?, url, price, image? }`);
    const variant = { "@type": "Product", sku: v.sku, name: String(given.name ?? name), url: given.url };
    if (given.image ?? image) variant.image = String(given.image ?? image);
    variant.offers = offerOf(v, { url: given.url, price: given.price, currency, timeZone });
    return variant;
  });
  return group;
}

/**
 * JSON-LD as an HTML `<script>` element's source, for server-rendered
 * pages: `<` is escaped, so a product name holding `</script>` cannot end it.
 *
 * ```js
 * html += jsonLdScript(productJsonLd(decision, offer));
 * ```
 */
export function jsonLdScript(jsonLd) {
  return `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>`;
}

/**
 * The Google Merchant Center feed fields for a decision: `availability`
 * (`in_stock`, `out_of_stock`, `preorder`, `backorder`); for backorders
 * and pre-orders `availability_date`, unless it is more than a year ahead
 * (the decision then carries an `availability_date_too_far` warning naming
 * the date); and `excluded_destination` for an item not to be listed
 * (`decision.listing === "hide"`).
 *
 * ```js
 * feedRow = { id: sku, ...merchantFeedFields(catalog.decide(sku)) };
 * ```
 */
export function merchantFeedFields(decision) {
  if (typeof decision?.merchantAvailability !== "string") throw codedError("invalid_options", "merchantFeedFields needs a decision from decide()");
  const fields = { availability: decision.merchantAvailability };
  // More than a year ahead is refused by Merchant Center: the decision warns (availability_date_too_far) and the date stays out.
  const tooFar = decision.warnings?.some((w) => w.code === "availability_date_too_far");
  if (decision.availabilityDate && !tooFar) fields.availability_date = decision.availabilityDate;
  if (decision.listing === "hide") fields.excluded_destination = "Shopping_ads,Free_listings";
  return fields;
}
