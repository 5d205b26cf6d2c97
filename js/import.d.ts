import type { Channel, Snapshot, SnapshotItem } from "./storefront_availability.js";

export { AvailabilityError, type ErrorCode } from "./error.js";

/** A platform `importSnapshot` understands. */
export type Platform = "shopify" | "woocommerce" | "magento" | "saleor" | "medusa" | "solidus";

export declare const platforms: Platform[];

export interface ImportOptions {
  /** RFC 3339 time the platform data was read; default now. */
  generatedAt?: string;
  /** Snapshot settings to set or override, e.g. { timeZone: "Europe/Berlin", backorder: { maxWaitDays: 21 } }. */
  store?: Partial<Omit<Snapshot, "version" | "items">>;
  /** Fields by SKU that the platform does not hold (a confirmed restock, a pre-order cap or ship date); objects merge key by key. */
  items?: Record<string, Partial<SnapshotItem>>;
  /** Platform channel (Saleor slug, Medusa sales channel name, Magento website code) → our channel. */
  channels?: Record<string, Channel>;
  /** Minor-unit digits of the currency of Shopify deposit amounts; default 2. */
  currencyDigits?: number;
}

/** A platform field that could not be carried over as it is, with its path in the platform's JSON. */
export interface ImportDiagnostic {
  code:
    | "sells_past_zero_undated" | "untracked_inventory" | "preorder_uncapped" | "preorder_undated"
    | "unmapped_field" | "unmapped_channel" | "not_for_sale" | "missing_sku" | "duplicate_sku"
    | "invalid_value" | "unknown_sku"
    /** A string that held half a character, made well-formed; `path` is in the snapshot (e.g. "items[3].title"). */
    | "invalid_text";
  platform: Platform;
  sku: string | null;
  path: string;
  message: string;
}

export interface ImportResult {
  /** Load it with `new Catalog(snapshot)` or publish it as JSON. */
  snapshot: Snapshot;
  diagnostics: ImportDiagnostic[];
  summary: {
    platform: Platform;
    items: number;
    /** Diagnostics counted by code. */
    diagnostics: Partial<Record<ImportDiagnostic["code"], number>>;
    /** SKUs the platform sells past zero with no restock date, which our rules show out of stock at zero. */
    sellsPastZeroUndated: string[];
  };
}

/** Turns a platform's API JSON into a snapshot; throws `unknown_platform` or `invalid_import` (with `path`). */
export declare function importSnapshot(platform: Platform, data: unknown, options?: ImportOptions): ImportResult;
export declare function fromShopify(data: unknown, options?: ImportOptions): ImportResult;
export declare function fromWooCommerce(data: unknown, options?: ImportOptions): ImportResult;
export declare function fromMagento(data: unknown, options?: ImportOptions): ImportResult;
export declare function fromSaleor(data: unknown, options?: ImportOptions): ImportResult;
export declare function fromMedusa(data: unknown, options?: ImportOptions): ImportResult;
export declare function fromSolidus(data: unknown, options?: ImportOptions): ImportResult;

/**
 * Imports a store's full export given as several pages of the platform's API: an array of responses, or an
 * (async) iterable that fetches page after page. One snapshot, as if the platform had answered in one response.
 */
export declare function importPages(
  platform: Platform,
  pages: Iterable<unknown> | AsyncIterable<unknown>,
  options?: ImportOptions,
): Promise<ImportResult>;
