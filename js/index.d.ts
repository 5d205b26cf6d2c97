/// <reference lib="esnext.disposable" />
// The public API (js/index.js). Value types (Decision, Plan, Snapshot …)
// are generated from the Rust boundary into storefront_availability.d.ts.
import type {
  CartOptions, ConfirmationOptions, DecideOptions, Decision, Diagnostic, Email, Notice, Plan, ProductDecision, ShippedOptions, Snapshot, SnapshotItem, StatusOptions,
} from "./storefront_availability.js";

export type * from "./storefront_availability.js";
export { AvailabilityError, type ErrorCode, type Problem } from "./error.js";
export { default, initSync, memoryBytes } from "./storefront_availability.js";

/** One step of the rules behind a decision, with the values it looked at. */
export interface Step {
  /** Which rule: "item", "release", "calendar", "stock", "delivery", "backorder", "preorder", "channel", "limits", "stale" or "decision". */
  rule: string;
  /** What it saw and concluded, in English, e.g. "restock on 2026-12-30 is 37 days away; the limit is 14 (maxWaitDays)". */
  says: string;
}

/** What `catalog.explain` answers. */
export interface Explanation {
  decision: Omit<Decision, "message">;
  steps: Step[];
}

/** An exact rate, with its percentage to one decimal (rounded half up). */
export interface Rate { numerator: number; denominator: number; percent: string }
/** A metric and where it stands against its alarm line ("none": the metric has no line). */
export interface Metric { value: Rate | null; alarm: "ok" | "warn" | "no_data" | "none" }
export interface Metrics {
  orders: { inStock: number; backorder: number; preorder: number; cancelled: number };
  backorderRate: Metric; fillRate: Metric; backorderConversion: Metric; backorderCancellation: Metric;
  preorderCancellation: Metric; preorderOnTime: Metric; revenueCapture: Metric;
}
export interface SkuHealth extends Metrics {
  sku: string; productId: string; averageDailyDemand: string; demandVariability: string;
  leadTimeDays: string | null; safetyStock: number | null; reorderPoint: number | null;
}
/** The health report (docs/metrics.md). */
export interface Health {
  from: string; to: string;
  thresholds: { backorderRate: Rate; backorderConversion: Rate; backorderCancellation: Rate; preorderCancellation: Rate; preorderOnTime: Rate; baseStock: number };
  store: Metrics;
  products: (Metrics & { productId: string })[];
  skus: SkuHealth[];
  weeks: { week: string; backorderRate: Metric; backorderCancellation: Metric; preorderCancellation: Metric }[];
  /** Rows left out of every figure, each with its path (code "invalid_row"). */
  diagnostics: Diagnostic[];
}
/** The merchant's health metrics over an order history (JSON text or object). Server build only; elsewhere throws `not_in_build`. */
export declare function health(history: string | object): Health;
/** The shard (0 … count − 1) holding a product, by its key (productId, else SKU), as `storefront-availability shard` placed it. */
export declare function shardOf(productKey: string, count: number): number;

/** A change to apply with `catalog.update`: items replace those with the same SKU. */
export interface SnapshotPatch {
  items: SnapshotItem[];
  /** SKUs to take out of the catalog. */
  remove?: string[];
  /** When the patched data was taken (RFC 3339), if it moves the snapshot's time. */
  generatedAt?: string | Date;
}

/**
 * Fired on a catalog after an engine call failed in a way that leaves the
 * wasm instance untrustworthy (a trap, or a JavaScript exception such as a
 * stack overflow inside the call) and the instance was replaced.
 */
export interface RecoverEvent extends Event {
  readonly error: WebAssembly.RuntimeError | Error;
}

export interface CatalogEventMap {
  update: Event;
  recover: RecoverEvent;
}

/** A loaded inventory snapshot, ready to answer availability questions. */
export declare class Catalog extends EventTarget {
  /** Loads a snapshot given as JSON text or as a plain object. */
  constructor(snapshot: Snapshot | string);
  /** Loads snapshot JSON text (as fetched from the CDN). */
  static fromJson(text: string): Catalog;
  /**
   * Fetches the snapshot at `url` while the wasm module downloads and
   * compiles (no `init()` needed first), and loads it. Rejects with code
   * `unavailable` when the module or the snapshot cannot be fetched.
   */
  static load(url: string | URL, request?: RequestInit, options?: { product?: string }): Promise<Catalog>;
  /** The decision for one SKU. */
  decide(sku: string, options: DecideOptions & { messages: false }): Omit<Decision, "message">;
  decide(sku: string, options?: DecideOptions): Decision;
  /** The decision (without its message) and the chain of rules behind it. Server build only (Node's default entry); elsewhere it throws `not_in_build`. */
  explain(sku: string, options?: DecideOptions): Explanation;
  /** What the rules will refuse about items that load fine, whatever their stock (a pre-order without a cap or date, backorders without a confirmed restock); in the server build (Node's default entry). */
  notices(): Notice[];
  /** A decision for every item, in snapshot order. */
  decideAll(options: DecideOptions & { messages: false }): Omit<Decision, "message">[];
  decideAll(options?: DecideOptions): Decision[];
  /** One product's roll-up over its variants, for a collection badge. */
  decideProduct(productId: string, options?: DecideOptions): ProductDecision;
  /** Every product's roll-up, in the order products first appear. */
  decideProducts(options?: DecideOptions): ProductDecision[];
  /** The order confirmation email for buying `sku`; throws `not_purchasable` when it can't be bought. */
  orderConfirmation(sku: string, options: ConfirmationOptions): Email;
  /** The weekly status email for an order. */
  weeklyStatus(options: StatusOptions): Email;
  /** The back-in-stock email for a notify-me subscriber; throws `not_purchasable` while it can't be bought. */
  backInStock(sku: string, options?: DecideOptions): Email;
  /** The "your order shipped" email, with the tracking number when given. */
  shipped(options: ShippedOptions): Email;
  /** Plans a cart for checkout (amounts in integer minor units of `currency`). */
  planCart(options: CartOptions): Plan;
  /** Data problems inside the snapshot, each with its JSON path. */
  readonly diagnostics: Diagnostic[];
  /** The SKUs in snapshot order. */
  readonly skus: string[];
  /** The store's IANA time zone ("UTC" when the snapshot names none). */
  readonly timeZone: string;
  /** When the snapshot's data was taken, as an RFC 3339 string. */
  readonly generatedAt: string;
  /** Replaces the snapshot atomically (a new one, or a patch of items); throws and changes nothing if refused. */
  update(next: Snapshot | string | SnapshotPatch): void;
  /** Adds a shard `{ generatedAt, items }` of a large catalog: its items join (replacing same SKUs); the catalog stays as old as its oldest part. */
  addShard(shard: string | { generatedAt?: string; items: SnapshotItem[] }): void;
  /** Frees the engine now instead of at garbage collection. */
  free(): void;
  [Symbol.dispose](): void;
  addEventListener<K extends keyof CatalogEventMap>(type: K, listener: (event: CatalogEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CatalogEventMap>(type: K, listener: (event: CatalogEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** What `productJsonLd` needs besides the decision. `price` is in major units ("25.00"). */
export interface OfferDetails {
  name: string;
  url: string;
  price: string | number;
  currency: string;
  image?: string;
  brand?: string;
  /** The store's IANA zone (`catalog.timeZone`): `availabilityStarts` becomes a date-time with its offset. */
  timeZone?: string;
}

/** schema.org Product JSON-LD with its Offer. */
export interface ProductJsonLd {
  "@context": "https://schema.org";
  "@type": "Product";
  name: string;
  sku: string;
  image?: string;
  brand?: { "@type": "Brand"; name: string };
  offers: {
    "@type": "Offer";
    url: string;
    sku: string;
    price: string;
    priceCurrency: string;
    availability: "https://schema.org/InStock" | "https://schema.org/LimitedAvailability" | "https://schema.org/BackOrder" | "https://schema.org/PreOrder" | "https://schema.org/OutOfStock" | "https://schema.org/SoldOut" | "https://schema.org/Discontinued";
    /** When the promised date starts: "2027-01-15T00:00:00-05:00" with `timeZone`, else the date. */
    availabilityStarts?: string;
  };
}

/** What `productGroupJsonLd` needs besides the product's roll-up. */
export interface ProductGroupDetails {
  name: string;
  url: string;
  currency: string;
  image?: string;
  brand?: string;
  /** schema.org properties the variants differ by: "size", "color", … */
  variesBy?: string[];
  /** Each variant's own page, price (major units) and image, by SKU. */
  variants: Record<string, { name?: string; url: string; price: string | number; image?: string }>;
  timeZone?: string;
}

/** schema.org ProductGroup JSON-LD: one `hasVariant` Product per variant, each with its own Offer. */
export interface ProductGroupJsonLd {
  "@context": "https://schema.org";
  "@type": "ProductGroup";
  productGroupID: string;
  name: string;
  url: string;
  image?: string;
  brand?: { "@type": "Brand"; name: string };
  variesBy?: string[];
  hasVariant: {
    "@type": "Product"; sku: string; name: string; url: string; image?: string;
    offers: Omit<ProductJsonLd["offers"], "sku">;
  }[];
}

/** schema.org Product JSON-LD for a variant; its Offer from the decision. */
export declare function productJsonLd(decision: Decision, details: OfferDetails): ProductJsonLd;
/** schema.org ProductGroup JSON-LD for a product's roll-up (`decideProduct`), every variant with its own URL, SKU, image and Offer. */
export declare function productGroupJsonLd(product: ProductDecision, details: ProductGroupDetails): ProductGroupJsonLd;
/** `<script type="application/ld+json">…</script>` with `<` escaped, for server-rendered HTML. */
export declare function jsonLdScript(jsonLd: object): string;
/** Google Merchant Center feed fields: `availability` and, when dated, `availability_date`. */
export declare function merchantFeedFields(decision: Decision): {
  availability: "in_stock" | "out_of_stock" | "preorder" | "backorder";
  availability_date?: string;
  /** Set when `decision.listing` is "hide": not listed in Shopping ads or free listings. */
  excluded_destination?: "Shopping_ads,Free_listings";
};
