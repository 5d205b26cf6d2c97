// Saleor's own tests, transcribed into its GraphQL shapes: stock availability
// over warehouses with allocations (saleor/warehouse/tests/test_stock_availability.py,
// the variant_with_many_stocks fixture: warehouses of 4 and 3 units in channel
// USD, which we map to dtc) and pre-order thresholds
// (saleor/warehouse/tests/test_preorder_availability.py). Saleor pre-orders
// have no ship date; the merchant gives one through options.items, as our
// rules require a dated promise.
const STOCK = "saleor/saleor saleor/warehouse/tests/test_stock_availability.py";
const PREORDER = "saleor/saleor saleor/warehouse/tests/test_preorder_availability.py";
const A = { id: "V2FyZWhvdXNlOkE=", name: "A" };
const B = { id: "V2FyZWhvdXNlOkI=", name: "B" };
const variant = (sku, fields) => ({ id: `v-${sku}`, sku, name: sku, trackInventory: true, quantityLimitPerCustomer: null, preorder: null, channelListings: [], stocks: [], ...fields });
const stock = (warehouse, quantity, quantityAllocated = 0) => ({ warehouse, quantity, quantityAllocated });
const listing = (slug, quantity, soldUnits) => ({ channel: { slug }, preorderThreshold: { quantity, soldUnits } });
const data = (variants) => ({
  data: {
    channels: [{ slug: "channel-USD", warehouses: [A, B] }, { slug: "channel-PLN", warehouses: [A, B] }],
    products: { edges: [{ node: { id: "UHJvZHVjdDox", name: "Test", variants } }] },
  },
});
const options = { channels: { "channel-USD": "dtc", "channel-PLN": "ebay" } };
const dated = (skus) => ({ ...options, items: Object.fromEntries(skus.map((sku) => [sku, { preorder: { shipDate: "2026-12-15" } }])) });

export default {
  platform: "saleor",
  groups: [
    {
      source: `${STOCK} test_check_stock_quantity (7), test_check_stock_quantity_out_of_stock (8), test_get_available_quantity (7), test_check_stock_quantity_with_allocations (3), test_get_available_quantity_with_allocations (3), test_check_stock_quantity_with_allocations_out_of_stock (5), test_check_stock_quantity_without_stocks, test_check_stock_quantity_without_one_stock (4), test_check_stock_quantity_bulk (track_inventory False)`,
      data: data([
        variant("MANY", { stocks: [stock(A, 4), stock(B, 3)] }),
        variant("ALLOCATED", { stocks: [stock(A, 4, 3), stock(B, 3, 1)] }),
        variant("ALLOCATED-MANY", { stocks: [stock(A, 4, 2), stock(B, 3, 1)] }),
        variant("NO-STOCKS", { stocks: [] }),
        variant("ONE-STOCK", { stocks: [stock(A, 4)] }),
        variant("UNTRACKED", { trackInventory: false, stocks: [stock(A, 4), stock(B, 3)] }),
      ]),
      options,
      checks: [
        { sku: "MANY", quantity: 7, sells: true }, { sku: "MANY", quantity: 8, sells: false },
        { sku: "ALLOCATED", quantity: 3, sells: true }, { sku: "ALLOCATED", quantity: 4, sells: false },
        { sku: "ALLOCATED-MANY", quantity: 4, sells: true }, { sku: "ALLOCATED-MANY", quantity: 5, sells: false },
        { sku: "NO-STOCKS", quantity: 1, sells: false },
        { sku: "ONE-STOCK", quantity: 4, sells: true }, { sku: "ONE-STOCK", quantity: 5, sells: false },
        // Saleor sells an untracked variant without counting; ours needs a count (reported).
        { sku: "UNTRACKED", quantity: 7, sells: true, differs: "untracked_inventory" },
      ],
    },
    {
      source: `${PREORDER} test_check_preorder_threshold_bulk_channel_threshold, test_check_preorder_threshold_bulk_global_threshold, test_check_preorder_threshold_bulk_global_and_channel_threshold, test_check_stock_and_preorder_quantity_bulk (after the end date: stock)`,
      data: data([
        // Channel threshold 10, 3 sold: 7 available in USD.
        variant("PRE-CHANNEL", { preorder: { globalThreshold: null, globalSoldUnits: 0, endDate: null }, channelListings: [listing("channel-USD", 10, 3)] }),
        // Global threshold 20, 5 sold: 15.
        variant("PRE-GLOBAL", { preorder: { globalThreshold: 20, globalSoldUnits: 5, endDate: null }, channelListings: [listing("channel-USD", null, 0)] }),
        // Global 10 with 5 sold (2 USD + 3 PLN) is tighter than USD's 20 − 2 = 18: the global limit binds.
        variant("PRE-BOTH", { preorder: { globalThreshold: 10, globalSoldUnits: 5, endDate: null }, channelListings: [listing("channel-USD", 20, 2), listing("channel-PLN", 5, 3)] }),
        // Ended three days ago: sold from stock like any variant.
        variant("PRE-ENDED", { preorder: { globalThreshold: 10, globalSoldUnits: 0, endDate: "2026-11-20T00:00:00+00:00" }, stocks: [stock(A, 2)] }),
      ]),
      options: dated(["PRE-CHANNEL", "PRE-GLOBAL", "PRE-BOTH"]),
      checks: [
        { sku: "PRE-CHANNEL", quantity: 7, sells: true }, { sku: "PRE-CHANNEL", quantity: 8, sells: false },
        { sku: "PRE-GLOBAL", quantity: 15, sells: true }, { sku: "PRE-GLOBAL", quantity: 16, sells: false },
        { sku: "PRE-BOTH", quantity: 5, sells: true }, { sku: "PRE-BOTH", quantity: 18, sells: false }, { sku: "PRE-BOTH", quantity: 6, sells: false },
        { sku: "PRE-ENDED", quantity: 2, sells: true }, { sku: "PRE-ENDED", quantity: 3, sells: false },
      ],
    },
  ],
};
