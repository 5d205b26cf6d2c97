// Solidus's own specs, transcribed into its API shapes: Spree::Stock::Quantifier
// (what can be supplied across stock locations) and Spree::Product#available?.
const QUANTIFIER = "solidusio/solidus core/spec/models/spree/stock/quantifier_spec.rb";
const AVAILABLE = "solidusio/solidus core/spec/models/spree/product_spec.rb context '#available?'";
const past = "2026-01-01T00:00:00.000Z";
const product = (id, fields = {}, master = {}) => ({
  id, name: `Product ${id}`, available_on: past, discontinue_on: null, has_variants: false,
  master: { id, sku: `Q${id}`, is_master: true, track_inventory: true, is_backorderable: false, ...master }, ...fields,
});
const item = (variant, location, count, backorderable = false) => ({ variant_id: variant, stock_location_id: location, count_on_hand: count, backorderable });

export default {
  platform: "solidus",
  groups: [
    {
      source: `${QUANTIFIER} 'with a single stock location/item' and 'with multiple stock locations/items' (an inactive location does not count)`,
      data: {
        products: [product(1), product(2), product(3, {}, { track_inventory: false }), product(4), product(5)],
        stock_locations: [{ id: 1, active: true }, { id: 2, active: true }, { id: 3, active: false }],
        stock_items: [
          item(1, 1, 10), item(2, 1, 10, true),
          item(4, 1, 10), item(4, 2, 5), item(4, 3, 5),
          item(5, 1, 10, true), item(5, 2, 5), item(5, 3, 5),
        ],
      },
      checks: [
        // 'when stock item prevents backordering': can_supply? 1, 10; not 11.
        { sku: "Q1", quantity: 1, sells: true }, { sku: "Q1", quantity: 10, sells: true }, { sku: "Q1", quantity: 11, sells: false },
        // 'when stock item allows backordering': unlimited supply; ours needs a dated restock (reported).
        { sku: "Q2", quantity: 10, sells: true }, { sku: "Q2", quantity: 11, sells: true, differs: "sells_past_zero_undated" },
        { sku: "Q2", quantity: 101, sells: true, differs: "sells_past_zero_undated" },
        // 'when variant inventory tracking is off': unlimited supply; ours needs a count (reported).
        { sku: "Q3", quantity: 1, sells: true, differs: "untracked_inventory" },
        // 'total_on_hand should total all active stock_items' (15) and 'can_supply? upto total_on_hand'.
        { sku: "Q4", quantity: 1, sells: true }, { sku: "Q4", quantity: 15, sells: true }, { sku: "Q4", quantity: 16, sells: false },
        // 'when any stock item allows backordering': unlimited.
        { sku: "Q5", quantity: 15, sells: true }, { sku: "Q5", quantity: 16, sells: true, differs: "sells_past_zero_undated" },
      ],
    },
    {
      source: `${AVAILABLE}: 'is available if date is in the past', 'is not available if date is nil or in the future'`,
      data: {
        products: [product(11), product(12, { available_on: null }), product(13, { available_on: "2027-06-01T00:00:00.000Z" })],
        stock_items: [item(11, 1, 4), item(12, 1, 4), item(13, 1, 4)],
      },
      checks: [{ sku: "Q11", quantity: 4, sells: true }, { sku: "Q12", quantity: 1, sells: false }, { sku: "Q13", quantity: 1, sells: false }],
    },
    {
      // Spree::Product#discontinued? (discontinue_on in the past): the product is no longer available.
      source: "solidusio/solidus core/spec/models/spree/product_spec.rb '#discontinued?' (discontinue_on in the past)",
      data: { products: [product(21, { discontinue_on: "2026-06-01T00:00:00.000Z" })], stock_items: [item(21, 1, 4)] },
      checks: [{ sku: "Q21", quantity: 1, sells: false }],
    },
  ],
};
