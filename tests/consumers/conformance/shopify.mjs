// Shopify publishes no tests: these scenarios follow its Admin GraphQL API
// reference (ProductVariant.availableForSale, inventoryPolicy,
// InventoryItem.tracked, InventoryLevel quantities "available", Location
// isActive / fulfillsOnlineOrders, Product.status) and help pages
// ("Selling when out of stock", "Product status").
const DOCS = "shopify.dev Admin GraphQL API reference: ProductVariant, InventoryItem, InventoryLevel, Location, ProductStatus";
const level = (id, available, location = {}) => ({ location: { id, isActive: true, fulfillsOnlineOrders: true, ...location }, quantities: [{ name: "available", quantity: available }] });
const variant = (sku, fields) => ({ id: `gid://shopify/ProductVariant/${sku}`, sku, title: sku, availableForSale: true, inventoryPolicy: "DENY", inventoryItem: { tracked: true, inventoryLevels: { nodes: [] } }, ...fields });
const product = (id, status, variants) => ({ id: `gid://shopify/Product/${id}`, title: `Product ${id}`, status, variants: { nodes: variants } });
const levels = (...nodes) => ({ tracked: true, inventoryLevels: { nodes } });

export default {
  platform: "shopify",
  groups: [
    {
      source: `${DOCS}; help center "Selling when out of stock" (inventoryPolicy CONTINUE) and "Product status" (DRAFT and ARCHIVED are not sold)`,
      data: {
        data: {
          products: {
            nodes: [
              product(1, "ACTIVE", [
                variant("DENY", { inventoryItem: levels(level("gid://shopify/Location/1", 3), level("gid://shopify/Location/2", 2)) }),
                variant("CONTINUE", { inventoryPolicy: "CONTINUE", inventoryItem: levels(level("gid://shopify/Location/1", 0)) }),
                variant("UNTRACKED", { inventoryItem: { tracked: false } }),
                variant("POS-ONLY", { inventoryItem: levels(level("gid://shopify/Location/3", 9, { fulfillsOnlineOrders: false })) }),
                variant("INACTIVE-LOCATION", { inventoryItem: levels(level("gid://shopify/Location/4", 9, { isActive: false }), level("gid://shopify/Location/1", 1)) }),
                variant("NOT-FOR-SALE", { availableForSale: false, inventoryItem: levels(level("gid://shopify/Location/1", 4)) }),
              ]),
              product(2, "DRAFT", [variant("DRAFT", { inventoryItem: levels(level("gid://shopify/Location/1", 5)) })]),
              product(3, "ARCHIVED", [variant("ARCHIVED", { inventoryItem: levels(level("gid://shopify/Location/1", 5)) })]),
            ],
          },
        },
      },
      checks: [
        { sku: "DENY", quantity: 5, sells: true }, { sku: "DENY", quantity: 6, sells: false },
        { sku: "CONTINUE", quantity: 1, sells: true, differs: "sells_past_zero_undated" },
        { sku: "UNTRACKED", quantity: 1, sells: true, differs: "untracked_inventory" },
        { sku: "POS-ONLY", quantity: 1, sells: false },
        { sku: "INACTIVE-LOCATION", quantity: 1, sells: true }, { sku: "INACTIVE-LOCATION", quantity: 2, sells: false },
        { sku: "NOT-FOR-SALE", quantity: 1, sells: false },
        { sku: "DRAFT", quantity: 1, sells: false }, { sku: "ARCHIVED", quantity: 1, sells: false },
      ],
    },
  ],
};
