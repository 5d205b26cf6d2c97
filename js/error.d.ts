/** Every `code` an AvailabilityError carries. */
export type ErrorCode =
  | "invalid_snapshot" | "invalid_update" | "invalid_options" | "invalid_quantity" | "unknown_channel" | "invalid_now"
  | "invalid_sku" | "invalid_product" | "invalid_locale" | "invalid_cart" | "invalid_price" | "invalid_currency"
  | "not_purchasable" | "internal" | "freed" | "not_in_build" | "unavailable" | "invalid_history"
  /** From storefront-availability/import. */
  | "invalid_import" | "unknown_platform";

/** One store-level problem of a refused snapshot or update. */
export interface Problem {
  /** JSON path, e.g. "timeZone" or "items[3].sku". */
  path: string;
  message: string;
}

/**
 * Every error the package throws on purpose, from JavaScript or from the
 * wasm engine: `err instanceof AvailabilityError` tells ours from a bug.
 */
export declare class AvailabilityError extends Error {
  constructor(code: ErrorCode, message: string, extra?: { path?: string; problems?: Problem[]; cause?: unknown });
  readonly name: "AvailabilityError";
  readonly code: ErrorCode;
  /** For invalid_snapshot and invalid_update: the JSON path of the first problem; for argument errors, where in the arguments (e.g. "lines[2].unitPrice"). */
  readonly path?: string;
  /** For invalid_snapshot and invalid_update: every store-level problem. */
  readonly problems?: Problem[];
}
