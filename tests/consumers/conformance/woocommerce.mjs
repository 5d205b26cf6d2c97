// WooCommerce's own tests, transcribed into REST API v3 products: what its
// cart lets a shopper buy (stock status as it is saved, quantity limits).
const product = (id, fields) => ({ id, name: `Product ${id}`, type: "simple", status: "publish", sku: `P${id}`, manage_stock: true, backorders: "no", ...fields });
const STATUS_ON_SAVE = "woocommerce/woocommerce plugins/woocommerce/tests/legacy/unit-tests/product/class-wc-tests-product.php test_stock_status_on_save_when_managing_stock";
const LIMITS = "woocommerce/woocommerce plugins/woocommerce/tests/php/src/Blocks/StoreApi/Utilities/QuantityLimitsTests.php";

export default {
  platform: "woocommerce",
  groups: [
    {
      // @testWith [stock, notify_no_stock_amount, backorders, saved status]: [5,4,true,instock] [5,4,false,instock]
      // [4,4,true,onbackorder] [4,4,false,outofstock] [3,4,true,onbackorder] [3,4,false,outofstock].
      source: `${STATUS_ON_SAVE} (notify_no_stock_amount 4)`,
      data: {
        settings: [{ id: "woocommerce_notify_no_stock_amount", value: "4" }],
        products: [
          product(1, { stock_quantity: 5, backorders: "yes", stock_status: "instock" }),
          product(2, { stock_quantity: 5, backorders: "no", stock_status: "instock" }),
          product(3, { stock_quantity: 4, backorders: "yes", stock_status: "onbackorder" }),
          product(4, { stock_quantity: 4, backorders: "no", stock_status: "outofstock" }),
          product(5, { stock_quantity: 3, backorders: "yes", stock_status: "onbackorder" }),
          product(6, { stock_quantity: 3, backorders: "no", stock_status: "outofstock" }),
        ],
      },
      checks: [
        // instock: the cart sells every unit of stock_quantity (the threshold holds nothing back).
        { sku: "P1", quantity: 5, sells: true }, { sku: "P2", quantity: 5, sells: true }, { sku: "P2", quantity: 6, sells: false },
        // onbackorder: sells what is in stock; past it WooCommerce takes undated backorders, ours need a dated restock.
        { sku: "P3", quantity: 4, sells: true }, { sku: "P3", quantity: 5, sells: true, differs: "sells_past_zero_undated" },
        // outofstock: nothing is sold, whatever stock_quantity says.
        { sku: "P4", quantity: 1, sells: false }, { sku: "P5", quantity: 3, sells: true }, { sku: "P6", quantity: 1, sells: false },
      ],
    },
    {
      // The same test's rule with a negative option: WooCommerce compares by magnitude and saves outofstock.
      source: `${STATUS_ON_SAVE} (a negative notify_no_stock_amount: the saved stock_status decides)`,
      data: {
        settings: [{ id: "woocommerce_notify_no_stock_amount", value: "-5" }],
        products: [product(41, { stock_quantity: 3, stock_status: "outofstock" }), product(42, { stock_quantity: 8, stock_status: "instock" })],
      },
      checks: [{ sku: "P41", quantity: 1, sells: false }, { sku: "P42", quantity: 8, sells: true }],
    },
    {
      source: `${LIMITS} test_quantity_limit_when_backorders_not_allowed, test_quantity_limit_when_sold_individually_with_stock, test_quantity_limit_when_stock_quantity_is_sold_individually`,
      data: {
        products: [
          product(11, { stock_quantity: 10, stock_status: "instock" }),
          product(12, { stock_quantity: 10, stock_status: "instock", sold_individually: true }),
          product(13, { stock_quantity: 10, stock_status: "instock", backorders: "yes", sold_individually: true }),
        ],
      },
      checks: [
        { sku: "P11", quantity: 10, sells: true }, { sku: "P11", quantity: 11, sells: false },
        { sku: "P12", quantity: 1, sells: true }, { sku: "P12", quantity: 2, sells: false },
        { sku: "P13", quantity: 1, sells: true }, { sku: "P13", quantity: 2, sells: false },
      ],
    },
    {
      source: `${LIMITS} test_quantity_limit_when_stock_management_disabled, test_quantity_limit_when_backorders_allowed (manage_stock off: 9999)`,
      data: { products: [product(21, { manage_stock: false, stock_status: "instock" }), product(22, { manage_stock: false, stock_status: "outofstock" })] },
      checks: [
        // Untracked: WooCommerce sells without counting; ours needs a count (reported, imported with none).
        { sku: "P21", quantity: 1, sells: true, differs: "untracked_inventory" },
        { sku: "P22", quantity: 1, sells: false },
      ],
    },
    {
      // WC_Product::is_purchasable(): a product that is not published cannot be bought (abstract-wc-product.php), as the
      // cart tests' draft and private products show (WC_Cart::add_to_cart refuses a non-purchasable product).
      source: "woocommerce/woocommerce plugins/woocommerce/includes/abstracts/abstract-wc-product.php is_purchasable (status publish required)",
      data: { products: [product(31, { stock_quantity: 5, stock_status: "instock", status: "draft" }), product(32, { stock_quantity: 5, stock_status: "instock", status: "private" })] },
      checks: [{ sku: "P31", quantity: 1, sells: false }, { sku: "P32", quantity: 1, sells: false }],
    },
  ],
};
