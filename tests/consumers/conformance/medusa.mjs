// Medusa's own tests and cart workflow steps, transcribed into its Admin API
// shapes (products with variants, inventory items and location levels; sales
// channels with their stock locations).
const MODULE = "medusajs/medusa packages/modules/inventory/integration-tests/__tests__/inventory-module-service.spec.ts describe('confirmInventory')";
const V1 = "medusajs/medusa packages/medusa/src/services/__tests__/inventory.js describe('confirmInventory')";
const STEP = "medusajs/medusa packages/core/core-flows/src/cart/steps/confirm-inventory.ts (required_quantity × quantity over the sales channel's locations)";
const level = (location_id, stocked_quantity, reserved_quantity = 0) => ({ location_id, stocked_quantity, reserved_quantity });
const inventory = (id, levels, required_quantity = 1) => ({ inventory_item_id: id, required_quantity, inventory: { id, sku: id, location_levels: levels } });
const variant = (sku, fields) => ({ id: `variant_${sku}`, sku, title: sku, manage_inventory: true, allow_backorder: false, inventory_items: [], ...fields });
const product = (id, variants, status = "published") => ({ id, title: id, status, variants });

export default {
  platform: "medusa",
  groups: [
    {
      source: `${MODULE}: 'should return true if quantity is less than or equal to available quantity' / 'should return false if quantity is more than available quantity' (stocked 4, reserved 2); ${STEP}; ${V1}`,
      data: {
        sales_channels: [{ name: "Default Sales Channel", stock_locations: [{ id: "sloc_A" }, { id: "sloc_B" }] }, { name: "Outlet", stock_locations: [{ id: "sloc_C" }] }],
        stock_locations: [{ id: "sloc_A" }, { id: "sloc_B" }, { id: "sloc_C" }],
        products: [
          product("prod_1", [
            variant("CONFIRM", { inventory_items: [inventory("iitem_confirm", [level("sloc_A", 4, 2)])] }),
            variant("MULTI", { inventory_items: [inventory("iitem_multi", [level("sloc_A", 4, 2), level("sloc_B", 5)])] }),
            // Stock at a location the sales channel is not linked to does not count for it.
            variant("ELSEWHERE", { inventory_items: [inventory("iitem_elsewhere", [level("sloc_A", 1), level("sloc_C", 10)])] }),
            variant("NO-BO", { inventory_items: [inventory("iitem_nobo", [level("sloc_A", 5)])] }),
            variant("BO", { allow_backorder: true, inventory_items: [inventory("iitem_bo", [level("sloc_A", 0)])] }),
            variant("NO-MANAGE", { manage_inventory: false }),
            // A kit: two of one inventory item and one of another per unit.
            variant("KIT", { inventory_items: [inventory("iitem_x", [level("sloc_A", 5)], 2), inventory("iitem_y", [level("sloc_A", 3)], 1)] }),
          ]),
        ],
      },
      checks: [
        { sku: "CONFIRM", quantity: 2, sells: true }, { sku: "CONFIRM", quantity: 3, sells: false },
        { sku: "MULTI", quantity: 1, sells: true }, { sku: "MULTI", quantity: 7, sells: true }, { sku: "MULTI", quantity: 8, sells: false },
        { sku: "ELSEWHERE", quantity: 1, sells: true }, { sku: "ELSEWHERE", quantity: 2, sells: false },
        // v1 'returns false when inventory is managed, and no back orders are allowed and the quantity is larger than inventory'.
        { sku: "NO-BO", quantity: 5, sells: true }, { sku: "NO-BO", quantity: 10, sells: false },
        // 'returns true when variant is out of stock but allows back orders': ours needs a dated restock (reported).
        { sku: "BO", quantity: 100, sells: true, differs: "sells_past_zero_undated" },
        // 'returns true when variant is out of stock but inventory quantity is not managed': ours needs a count (reported).
        { sku: "NO-MANAGE", quantity: 10000, sells: true, differs: "untracked_inventory" },
        { sku: "KIT", quantity: 2, sells: true }, { sku: "KIT", quantity: 3, sells: false },
      ],
    },
    {
      // createCartWorkflow's sales channel step refuses a disabled channel ("Unable to assign cart to disabled Sales Channel"),
      // and line items of unpublished products ("do not exist or belong to a product that is not published").
      source: "medusajs/medusa packages/core/core-flows/src/cart/steps/find-sales-channel.ts (disabled sales channel) and packages/core/core-flows/src/cart/utils/validate-variant-prices / get-variants (unpublished products)",
      data: {
        sales_channels: [{ name: "Default Sales Channel", stock_locations: [{ id: "sloc_A" }] }, { name: "Outlet", is_disabled: true, stock_locations: [{ id: "sloc_O" }] }],
        stock_locations: [{ id: "sloc_A" }, { id: "sloc_O" }],
        products: [
          product("prod_draft", [variant("DRAFT", { inventory_items: [inventory("iitem_draft", [level("sloc_A", 5)])] })], "draft"),
          product("prod_outlet", [variant("OUTLET", { inventory_items: [inventory("iitem_outlet", [level("sloc_O", 5)])] })]),
        ],
      },
      options: { channels: { Outlet: "ebay" } },
      checks: [{ sku: "DRAFT", quantity: 1, sells: false }, { sku: "OUTLET", quantity: 1, channel: "ebay", sells: false }],
    },
  ],
};
