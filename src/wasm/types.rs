//! TypeScript types for every value that crosses the boundary.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** A sales channel (docs/rules.md §6). */
export type Channel = "dtc" | "amazon" | "ebay" | "walmart" | "tiktok_shop";

/** How an item can be bought. */
export type Policy = "in_stock" | "backorder" | "preorder" | "out_of_stock";

/** The rule that decided, in the order the rules are evaluated. */
export type Reason =
  | "invalid_item" | "unknown_sku"
  | "channel_disallows_preorder" | "preorder_not_open" | "preorder_closed" | "preorder_uncapped"
  | "preorder_undated" | "preorder_overdue" | "preorder_cap_reached" | "preorder"
  | "in_stock" | "low_stock"
  | "discontinued" | "backorders_disabled" | "restock_unconfirmed" | "restock_overdue"
  | "restock_too_far" | "channel_disallows_backorder" | "restock_oversubscribed" | "backorder"
  | "exceeds_available" | "exceeds_backorder_capacity" | "exceeds_preorder_remaining"
  | "stale_snapshot" | "below_minimum_quantity" | "exceeds_order_limit";

/** A calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Options of `decide` and `decideAll`; every key is optional. */
export interface DecideOptions {
  /** Default "dtc". */
  channel?: Channel;
  /** Integer from 1 to 2^53 − 1; default 1. */
  quantity?: number;
  /** Epoch milliseconds, a Date or an RFC 3339 string; default Date.now(). */
  now?: number | Date | string;
  /** BCP 47 tag for dates in messages; default "en-US". */
  locale?: string;
  /** Units of this SKU the customer already bought, counted against `limits.maxPerCustomer`; default 0. */
  purchased?: number;
  /** `false`: decisions without `message`, and without the work of writing it (feeds, JSON-LD, servers). Default true. */
  messages?: boolean;
  /** Price of one unit in minor units, with `currency`: adds `message.charge`. */
  unitPrice?: number;
  /** ISO 4217 code of `unitPrice`, e.g. "USD". */
  currency?: string;
}

export interface Message {
  badge: string;
  text: string;
  button: string;
  /** Stable template key, e.g. "backorder". */
  key: string;
  /** Template values: dates as IsoDate, counts as numbers. */
  params: Record<string, string | number>;
  /** A missed store deadline, in words; null when none. */
  notice: string | null;
  /** For a notify-me decision: what to tell the shopper once their address is taken ("We'll email you when it's back"); else null. */
  confirm: string | null;
  /** The language the text is written in: the shopper's locale, or "en" where English stands in for a missing translation. */
  lang: string;
  /** When what is charged ("$40.00 today, $60.00 when it ships"), for a purchasable decision asked with `unitPrice` and `currency`; else null. */
  charge: string | null;
}

/** Options of `orderConfirmation`: a decision's options plus the order number. */
export interface ConfirmationOptions extends DecideOptions {
  orderNumber: string;
}

/** Options of `weeklyStatus`. */
export interface StatusOptions {
  orderNumber: string;
  /** The product's name as the shopper knows it. */
  title: string;
  /** The ship date promised at order time. */
  promisedDate: IsoDate;
  /** The ship date expected now (e.g. a fresh decision's shipDate). */
  expectedDate: IsoDate;
  /** "Your order position: X of Y backorders": give both or neither. */
  position?: number;
  total?: number;
  /** "Current status: …": where the units are now. */
  stage?: "in_production" | "in_transit" | "received";
  /** "Estimated arrival at our warehouse: …". */
  warehouseArrival?: IsoDate;
  now?: number | Date | string;
  locale?: string;
}

/** Options of `shipped`. */
export interface ShippedOptions {
  orderNumber: string;
  title: string;
  /** The carrier's tracking number; its line is left out without one. */
  tracking?: string;
  now?: number | Date | string;
  locale?: string;
}

/** Options of `planCart`. Amounts are integer minor units (cents, yen …). */
export interface CartOptions {
  lines: { sku: string; quantity?: number; unitPrice: number }[];
  /** ISO 4217 code, e.g. "USD"; echoed in the plan. */
  currency: string;
  channel?: Channel;
  now?: number | Date | string;
  locale?: string;
  /** One shipment on the latest date instead of shipping what is ready now. */
  holdTogether?: boolean;
  /** Units of each SKU this customer already bought, counted against `limits.maxPerCustomer`. */
  purchased?: Record<string, number>;
}

/** The plan for a cart. */
export interface Plan {
  currency: string;
  /** In date order; each captures its `capture` amount when it ships. */
  /** `text`: when it ships, as the product page words its lines ("Ships by Wednesday, December 2"; "Expected to ship the week of January 10" for pre-orders). */
  shipments: { date: IsoDate; lines: { line: number; sku: string; quantity: number }[]; capture: number; text: string }[];
  /** One per cart line, in cart order. */
  lines: PlannedLine[];
  /** Sum of the accepted lines. */
  total: number;
  /** Charged at checkout: in-stock units and pre-order deposits. */
  chargedNow: number;
  /** Authorized at checkout and captured at shipment (the sum of `captures`). */
  authorizedNow: number;
  captures: { date: IsoDate; amount: number }[];
  /** "2 items ship today; 1 ships by Thursday, December 3". */
  summary: string;
  /** When what is charged: "$84.80 today, $70.00 when it ships on …". */
  charges: string;
}

export interface PlannedLine {
  sku: string;
  quantity: number;
  unitPrice: number;
  accepted: boolean;
  /** For a refused line: how many more of this SKU the cart can take. */
  canHave: number;
  /** The line's text from its decision, e.g. why it was refused. */
  message: string;
  decision: Decision;
  /** Free cancellation until it ships. */
  cancellable: boolean;
  amount: number;
  deposit: number;
  chargedNow: number;
  parts: { quantity: number; shipDate: IsoDate; capture: number }[];
}

/** A plain-text email: lines in `body` are separated by "\n". */
export interface Email {
  subject: string;
  body: string;
}

/** A missed store deadline, or a ship date too far ahead for Google Merchant Center (more than a year). */
export type Warning =
  | { code: "deadline_missed"; deadline: string; shipBy: IsoDate }
  | { code: "availability_date_too_far"; shipBy: IsoDate };

/** The availability answer for one item (docs/rules.md §7). */
export interface Decision {
  sku: string;
  policy: Policy;
  reason: Reason;
  canPurchase: boolean;
  notifyMe: boolean;
  maxQuantity: number;
  /** The least one order may hold (`limits.minPerOrder`, else 1). */
  minQuantity: number;
  shipDate: IsoDate | null;
  remainingPreorders: number | null;
  queuePosition: number | null;
  split: { now: number; later: number } | null;
  payment: "charge_now" | "authorize_now_capture_at_shipment" | "deposit_now_balance_at_shipment" | null;
  cancellable: boolean;
  warnings: Warning[];
  schemaOrg: "https://schema.org/InStock" | "https://schema.org/LimitedAvailability" | "https://schema.org/BackOrder" | "https://schema.org/PreOrder" | "https://schema.org/OutOfStock" | "https://schema.org/SoldOut" | "https://schema.org/Discontinued";
  merchantAvailability: "in_stock" | "backorder" | "preorder" | "out_of_stock";
  availabilityDate: IsoDate | null;
  /** "hide": discontinued and sold out, or sold out in a store with `hideSoldOut`; leave it out of listings and feeds. */
  listing: "show" | "hide";
  /** A backorder's later units by the delivery that brings them, in date order; empty otherwise. */
  deliveries: { quantity: number; shipDate: IsoDate; queuePosition: number }[];
  message: Message;
}

/** A product's availability over its variants, for a collection badge. */
/** One variant of a product roll-up. */
export interface VariantState {
  sku: string;
  policy: Policy;
  reason: Reason;
  canPurchase: boolean;
  notifyMe: boolean;
  shipDate: IsoDate | null;
  schemaOrg: Decision["schemaOrg"];
  availabilityDate: IsoDate | null;
  listing: "show" | "hide";
}

export interface ProductDecision {
  productId: string;
  /** The best way any variant can be bought; "out_of_stock" when none can. */
  policy: Policy;
  canPurchase: boolean;
  /** Only when no variant can be bought and one offers notify-me. */
  notifyMe: boolean;
  /** The earliest ship date among the variants of `policy`. */
  shipDate: IsoDate | null;
  variants: number;
  inStock: number;
  backorder: number;
  preorder: number;
  unavailable: number;
  /** "hide" when every variant is hidden. */
  listing: "show" | "hide";
  /** The variants cannot all be bought the same way (some on backorder, on pre-order or sold out while others are not). */
  variantsDiffer: boolean;
  /** Each variant's own state, in snapshot order: what a picker marks and a ProductGroup's offers say. */
  variantStates: VariantState[];
  /** key "product.some_backorder", "product.some_preorder", "product.some_sold_out" when variants differ. */
  message: Message;
}

/** A data problem inside an item. */
export interface Diagnostic {
  /** `invalid_row`: an order history's row left out of `health` (the others: a snapshot's items). */
  code: "invalid_item" | "duplicate_sku" | "invalid_template" | "unknown_channel" | "unknown_location" | "invalid_text" | "invalid_row";
  /** null for template problems. */
  sku: string | null;
  /** JSON path, e.g. "items[3].restock.date". */
  path: string;
  message: string;
}

/** What the rules will refuse about an item that loads fine, whatever its stock (`catalog.notices()`). */
export interface Notice {
  code: "preorder_uncapped" | "preorder_undated" | "restock_unconfirmed";
  sku: string | null;
  /** JSON path, e.g. "items[3].preorder". */
  path: string;
  message: string;
}

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";

export interface ChannelOverride {
  backorder?: boolean | null;
  preorder?: boolean | null;
  brandRegistry?: boolean | null;
  /** null: no limit. */
  maxShipDays?: number | null;
}

/** The inventory snapshot, version 1 (docs/snapshot.md). */
export interface Snapshot {
  version: 1;
  /** RFC 3339 timestamp of the data. */
  generatedAt: string;
  maxAgeHours?: number | null;
  timeZone?: string | null;
  cutoffTime?: string | null;
  businessDays?: Weekday[] | null;
  holidays?: IsoDate[] | null;
  handlingDays?: number | null;
  backorder?: { enabled?: boolean | null; maxWaitDays?: number | null; receivingDays?: number | null } | null;
  preorder?: { capRatio?: number | null; bufferDays?: number | null } | null;
  lowStockThreshold?: number | null;
  /** `names`: the deadline's name by language tag ({ de: "Weihnachten" }), for the message's notice. */
  deadlines?: { name: string; names?: Record<string, string>; shipBy: IsoDate }[] | null;
  channels?: Partial<Record<Channel, ChannelOverride>> | null;
  /** Units held back from online sale (Magento min_qty, WooCommerce notify_no_stock_amount). */
  outOfStockThreshold?: number | null;
  /** Stock locations: inactive ones sell nothing; `channels` absent: serves every channel. */
  locations?: Record<string, { active?: boolean | null; channels?: Channel[] | null }> | null;
  /** List sold-out items as hidden (decision `listing: "hide"`); an item's own setting wins. */
  hideSoldOut?: boolean | null;
  /** Per-locale template overrides: { "fr": { "backorder": "…{date}…" } }. */
  messages?: Record<string, Record<string, string>> | null;
  items: SnapshotItem[];
}

/** A supplier purchase order on its way: counts only with `confirmed: true`, a `date` and a `quantity`. */
export interface Delivery {
  date?: IsoDate | null;
  confirmed?: boolean | null;
  quantity?: number | null;
  /** Backorders already waiting for it. */
  backordered?: number | null;
}

export interface SnapshotItem {
  sku: string;
  productId?: string | null;
  title?: string | null;
  lifecycle?: "active" | "discontinued" | "unreleased" | null;
  /** Give one of onHand, locations or components. */
  onHand?: number | null;
  /** Stock per location id (see Snapshot.locations). */
  locations?: Record<string, { onHand?: number | null; reserved?: number | null }> | null;
  /** A kit: sold as a whole, `quantity` (default 1) of each component per kit. */
  components?: { sku: string; quantity?: number | null }[] | null;
  reserved?: number | null;
  lowStockThreshold?: number | null;
  outOfStockThreshold?: number | null;
  limits?: { minPerOrder?: number | null; maxPerOrder?: number | null; maxPerCustomer?: number | null } | null;
  /** An incoming supplier delivery, or a list of them (weekly inbound shipments). */
  restock?: Delivery | Delivery[] | null;
  backorder?: { enabled?: boolean | null; maxWaitDays?: number | null; receivingDays?: number | null } | null;
  preorder?: {
    plannedProduction?: number | null;
    sold?: number | null;
    limit?: number | null;
    capRatio?: number | null;
    bufferDays?: number | null;
    startsAt?: string | null;
    endsAt?: string | null;
    productionDate?: IsoDate | null;
    releaseDate?: IsoDate | null;
    shipDate?: IsoDate | null;
    /** Charged at checkout, the balance at shipment. */
    deposit?: { type: "percentage"; value: number } | { type: "price"; value: number } | null;
    /** A cap per channel on top of the item's cap; the tighter binds. */
    channels?: Partial<Record<Channel, { limit: number; sold?: number | null }>> | null;
  } | null;
  channels?: Partial<Record<Channel, ChannelOverride>> | null;
  hideSoldOut?: boolean | null;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "string")]
    pub type SkuArg;
    #[wasm_bindgen(typescript_type = "DecideOptions | undefined")]
    pub type DecideOptionsArg;
    #[wasm_bindgen(typescript_type = "ConfirmationOptions")]
    pub type ConfirmationOptionsArg;
    #[wasm_bindgen(typescript_type = "StatusOptions")]
    pub type StatusOptionsArg;
    #[wasm_bindgen(typescript_type = "ShippedOptions")]
    pub type ShippedOptionsArg;
    #[wasm_bindgen(typescript_type = "CartOptions")]
    pub type CartOptionsArg;
    #[wasm_bindgen(typescript_type = "Plan")]
    pub type PlanResult;
    #[wasm_bindgen(typescript_type = "Email")]
    pub type EmailResult;
    #[wasm_bindgen(
        typescript_type = "{ cells: Float64Array; strings: string[]; objects: unknown[]; messages: Message[] }"
    )]
    pub type DecisionRowList;
    #[wasm_bindgen(
        typescript_type = "{ cells: Float64Array; strings: string[]; objects: unknown[]; messages: Message[] }"
    )]
    pub type ProductRowList;
    #[wasm_bindgen(typescript_type = "Diagnostic[]")]
    pub type DiagnosticList;
    #[wasm_bindgen(typescript_type = "string[]")]
    pub type StringList;
}
