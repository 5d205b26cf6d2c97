// The demo's product list, read from its snapshot: shared by the browser
// (shop.js) and the demo server's rendering (scripts/render.mjs), so both
// show the same products. Plain data, no DOM.

/** Products in snapshot order: { id, title, price, image, variants: [{ sku, option }] } (the image is the demo's drawing of it, www/img/). */
export function productsOf(items) {
  const products = [];
  for (const item of items) {
    let product = products.at(-1);
    if (product?.id !== item.productId) products.push((product = { id: item.productId, title: item.title.split(" — ")[0], price: item.price, image: `/img/${encodeURIComponent(item.productId)}.svg`, variants: [] }));
    product.variants.push({ sku: item.sku, option: item.title.split(" — ")[1] });
  }
  return products;
}

/**
 * A card's picture: decorative (the card's link names the product), sized so
 * nothing moves when it loads; the first row asked for first (it is what a
 * phone's first screen shows largest), the rest lazily.
 */
export const cardImage = (product, index) => ({
  className: "art", src: product.image, alt: "", width: 400, height: 500, decoding: "async",
  loading: index < 4 ? "eager" : "lazy", fetchPriority: index < 2 ? "high" : "auto",
});

/** What the picker's options are: sizes or colours. */
export const optionName = (product) => (/^\d+$|^(XS|S|M|L|XL)$/.test(product.variants[0].option) ? "Size" : "Colour");

/** The variant a product page opens on: the one asked for, else the first that can be bought. */
export function openingVariant(product, states, asked) {
  if (asked && product.variants.some((v) => v.sku === asked)) return asked;
  return product.variants.find((v) => states.get(v.sku)?.canPurchase)?.sku ?? product.variants[0].sku;
}
