import type { Catalog, Decision } from "./index.js";

/** Registers `<stock-status>` with `catalog` as its source of decisions. */
export declare function defineElements(catalog: Catalog): void;

/** `<stock-status sku channel locale quantity now button>`: one variant's availability. */
export declare class StockStatus extends HTMLElement {
  static observedAttributes: string[];
  /** The decision last rendered (`null` before the first render or after an error). */
  decision: Decision | null;
  render(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "stock-status": StockStatus;
  }
}
