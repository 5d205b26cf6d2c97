import type { Catalog, Decision } from "./index.js";

/** The message's text as `<stock-status>` shows it under its badge: without the badge's leading words, empty when it is the badge. */
export declare function shownText(message: Pick<Decision["message"], "badge" | "text" | "lang">): string;
/** The markup of a `<stock-status>` for `decision`, as a server writes it: badge, text and notice in place for the first paint; the element takes them over without redrawing. */
export declare function stockStatusHtml(decision: Pick<Decision, "sku" | "policy" | "reason" | "message">, attributes?: Record<string, string | number | undefined>): string;

/** Registers `<stock-status>` with `catalog` as its source of decisions. */
export declare function defineElements(catalog: Catalog): void;

/** `<stock-status sku channel locale quantity now button>`: one variant's availability. */
export declare class StockStatus extends HTMLElement {
  static observedAttributes: string[];
  /** The decision last rendered (`null` before the first render or after an error). */
  decision: Decision | null;
  render(): void;
}

/** Detail of the bubbling `stock-status:notify` event, fired when the shopper asks to be notified. */
export interface NotifyRequest {
  sku: string;
  channel: string;
  reason: Decision["reason"];
  /** What to show once the address is taken ("We'll email you when it's back"). */
  confirm: string | null;
}

declare global {
  interface HTMLElementTagNameMap {
    "stock-status": StockStatus;
  }
  interface HTMLElementEventMap {
    "stock-status:notify": CustomEvent<NotifyRequest>;
    "stock-status:render": CustomEvent<Decision>;
  }
}
