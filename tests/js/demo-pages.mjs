// What the demo's browser tests share: the two screen sizes they judge
// every page at, and each page with what shows its decisions are drawn.
export const devices = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

/** Path, and a selector present once the page's decisions are drawn. */
export const pages = {
  grid: ["/", "[data-badge]"],
  product: ["/product.html?id=linen-camp-shirt", "#status[data-policy]"],
  checkout: ["/checkout.html", "body[data-ready]"],
  situations: ["/situations.html", "body[data-ready]"],
};
