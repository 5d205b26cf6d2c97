// The one error class of the package: every error it throws on purpose,
// from JavaScript or from the wasm engine, is an AvailabilityError with a
// stable `code`, so `err instanceof AvailabilityError` tells ours from a bug.

/**
 * An error the package threw on purpose: a bad snapshot, argument or import.
 * `code` is stable (see the `ErrorCode` type); `path` says where (a JSON
 * path in the snapshot, or in the arguments, e.g. "lines[2].unitPrice");
 * `problems` lists every store-level problem of a refused snapshot or update.
 *
 * ```js
 * try { catalog.update(next); } catch (err) {
 *   if (!(err instanceof AvailabilityError)) throw err;
 *   console.warn(err.code, err.path, err.problems);
 * }
 * ```
 */
export const AvailabilityError = shared(
  class AvailabilityError extends Error {
    constructor(code, message, extra) {
      super(message, extra?.cause === undefined ? undefined : { cause: extra.cause });
      this.name = "AvailabilityError";
      this.code = code;
      for (const key of ["path", "problems"]) if (extra?.[key] !== undefined) this[key] = extra[key];
    }
  },
);

/**
 * One class per page, whichever entries carry this module: the page and
 * checkout entries bundle it (a cold page imports one module fewer), so the
 * first copy to load keeps its class under a global symbol (not enumerable,
 * not writable) and every later copy uses it. Where the global object is
 * frozen, each copy keeps its own.
 */
function shared(own) {
  const key = Symbol.for("storefront-availability.AvailabilityError");
  if (typeof globalThis[key] !== "function") {
    try {
      Object.defineProperty(globalThis, key, { value: own });
    } catch {
      return own;
    }
  }
  return typeof globalThis[key] === "function" ? globalThis[key] : own;
}

/** The engine's own error (a plain `Error` with our `code`) as an AvailabilityError. */
export function availabilityError(error) {
  if (error instanceof AvailabilityError) return error;
  return new AvailabilityError(error.code, error.message, error);
}
