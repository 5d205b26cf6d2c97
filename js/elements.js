// Custom elements for themes that don't want to write JavaScript:
//
//   <stock-status sku="TEE-M" quantity="1" button="add-to-cart"></stock-status>
//   <button id="add-to-cart">Add to cart</button>
//
// `defineElements(catalog)` registers them once per page. Each element
// renders the variant's badge and message (ship date included) as plain
// text, announces changes politely (role="status"), and keeps the button
// named by `button` (an element id) in step: its label, `disabled`, and an
// `aria-describedby` pointing at the badge and message, so a disabled button
// says why. The text under the badge never repeats it (`shownText`).
// It re-renders when `sku`, `channel`, `locale`, `quantity` or `now` (an
// RFC 3339 time; default: the current time) change and
// when the catalog is updated.
//
// Where the decision offers notify-me, the buy button is hidden and an
// enabled "Notify me" button takes its place (right after it, outside the
// live region); clicking it fires a bubbling `stock-status:notify` event
// with `{ sku, channel, reason, confirm }` for the theme to collect an
// address, `confirm` being the text to show once it has.

let shared = null;

/**
 * The message's text as `<stock-status>` shows it under its badge: without
 * the badge's words when the text starts with them ("Backordered – ships by
 * Wednesday" under "Backordered" reads "Ships by Wednesday"), empty when it
 * is the badge, so badge and text never say the same thing twice. A server
 * rendering the element's markup uses it too, so nothing is rewritten.
 *
 * ```js
 * shownText({ badge: "Backordered", text: "Backordered – ships by Wednesday, December 2", lang: "en-US" }); // "Ships by Wednesday, December 2"
 * ```
 */
export function shownText({ badge, text, lang }) {
  if (!badge || !text.startsWith(badge)) return text;
  const rest = text.slice(badge.length).replace(/^[\s\u00a0\u2013\u2014:\u00b7\u30fb,-]+/u, "");
  return rest && rest.charAt(0).toLocaleUpperCase(lang || undefined) + rest.slice(1);
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The markup of a `<stock-status>` for `decision`, as a server writes it
 * (Node, an edge worker): badge, text and notice already in place, so the
 * first paint shows them and the element, once defined, takes them over
 * without redrawing (it changes them only if its own decision differs).
 * `attributes` are the element's own (`sku` is the decision's unless
 * given; `id`, `button`, `channel`, `quantity`, and `lang` where the
 * message's language is not the page's); values are escaped.
 *
 * ```js
 * stockStatusHtml(catalog.decide("TEE-L", { locale }), { button: "add" });
 * // <stock-status sku="TEE-L" button="add" role="status" data-policy="backorder" data-reason="backorder"><span … data-part="badge">Nachbestellt</span> …
 * ```
 */
export function stockStatusHtml(decision, attributes = {}) {
  const { message } = decision;
  const own = { sku: decision.sku, ...attributes, role: "status", "data-policy": decision.policy, "data-reason": decision.reason };
  const attrs = Object.entries(own).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(v)}"`).join("");
  // The parts' ids are the ones the element gives them (`${id}-badge` …): the buy button's aria-describedby names them.
  const id = (name) => (own.id ? ` id="${escapeHtml(`${own.id}-${name}`)}"` : "");
  const part = (name, text) => `<span class="stock-status__${name}"${id(name)} data-part="${name}">${escapeHtml(text)}</span>`;
  return `<stock-status${attrs}>${part("badge", message.badge)} ${part("text", shownText(message))} ${part("notice", message.notice ?? "")}</stock-status>`;
}

/**
 * Registers `<stock-status>` with `catalog` as its source of decisions.
 *
 * ```js
 * import { Catalog } from "storefront-availability";
 * import { defineElements } from "storefront-availability/elements";
 * defineElements(Catalog.fromJson(await (await fetch("/inventory.json")).text()));
 * ```
 */
export function defineElements(catalog) {
  if (shared) shared.removeEventListener("update", renderAll);
  shared = catalog;
  catalog.addEventListener("update", renderAll);
  if (!customElements.get("stock-status")) customElements.define("stock-status", StockStatus);
  renderAll();
}

function renderAll() {
  for (const element of document.querySelectorAll("stock-status")) element.render();
}

let ids = 0;

/** `<stock-status sku channel locale quantity now button>`: one variant's availability. */
// (A server can import this module for `shownText`: there is no HTMLElement there.)
export class StockStatus extends (globalThis.HTMLElement ?? class {}) {
  static observedAttributes = ["sku", "channel", "locale", "quantity", "now", "button"];

  /** The decision last rendered (`null` before the first render or after an error). */
  decision = null;

  connectedCallback() {
    if (!this.hasAttribute("role")) this.setAttribute("role", "status"); // polite live region
    if (!this.querySelector("[data-part]")) {
      this.id ||= `stock-status-${++ids}`;
      const badge = Object.assign(document.createElement("span"), { className: "stock-status__badge", id: `${this.id}-badge` });
      const text = Object.assign(document.createElement("span"), { className: "stock-status__text", id: `${this.id}-text` });
      const notice = Object.assign(document.createElement("span"), { className: "stock-status__notice" });
      badge.dataset.part = "badge";
      text.dataset.part = "text";
      notice.dataset.part = "notice";
      this.replaceChildren(badge, " ", text, " ", notice);
    }
    this.render();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  render() {
    const part = (name) => this.querySelector(`[data-part="${name}"]`);
    if (!shared || !part("text")) return;
    const options = {
      channel: this.getAttribute("channel") ?? undefined,
      locale: this.getAttribute("locale") ?? (this.#pageLang() || undefined),
      quantity: this.hasAttribute("quantity") ? Number(this.getAttribute("quantity")) : undefined,
      now: this.getAttribute("now") ?? undefined,
    };
    let d;
    try {
      d = shared.decide(this.getAttribute("sku") ?? "", options);
    } catch (e) {
      this.decision = null;
      this.dataset.policy = "error";
      part("badge").textContent = "";
      part("text").textContent = e.message;
      part("notice").textContent = "";
      this.#syncButton(null);
      this.#syncNotify(null, "dtc");
      return;
    }
    this.decision = d;
    this.dataset.policy = d.policy;
    this.dataset.reason = d.reason;
    this.dataset.listing = d.listing; // "hide": a theme can leave the card out (CSS [data-listing="hide"])
    // Only what changed is written, so screen readers announce real changes.
    const set = (el, text) => el.textContent !== text && (el.textContent = text);
    set(part("badge"), d.message.badge);
    set(part("text"), shownText(d.message));
    set(part("notice"), d.message.notice ?? "");
    // Text in another language than the page around it says so (WCAG 3.1.2).
    this.#markLang(this, d.message.lang);
    this.#syncButton(d);
    this.#syncNotify(d, options.channel ?? "dtc");
    this.dispatchEvent(new CustomEvent("stock-status:render", { detail: d, bubbles: true }));
  }

  /** The language of the page around this element (its nearest `lang`). */
  #pageLang() {
    return this.parentElement?.closest("[lang]")?.lang ?? document.documentElement.lang;
  }

  /** Sets `lang` on `el` when `lang` is another language than the page's around it, and removes it when not. */
  #markLang(el, lang) {
    const language = (tag) => (tag ?? "").split("-")[0].toLowerCase();
    const around = el === this ? this.#pageLang() : el.parentElement?.closest("[lang]")?.lang ?? document.documentElement.lang;
    if (lang && language(lang) !== language(around)) el.getAttribute("lang") !== lang && el.setAttribute("lang", lang);
    else el.removeAttribute("lang");
  }

  /** The "Notify me" control: shown, enabled and in the buy button's place exactly when the decision offers it. */
  #syncNotify(d, channel) {
    const buy = document.getElementById(this.getAttribute("button") ?? "");
    let notify = this.#notify;
    if (d?.notifyMe && !notify) {
      notify = this.#notify = Object.assign(document.createElement("button"), { type: "button", className: buy?.className || "stock-status__notify" });
      notify.dataset.part = "notify";
      notify.addEventListener("click", () => {
        const current = this.decision;
        if (!current?.notifyMe) return;
        const detail = { sku: current.sku, channel: this.#channel, reason: current.reason, confirm: current.message.confirm };
        this.dispatchEvent(new CustomEvent("stock-status:notify", { detail, bubbles: true, composed: true }));
      });
      if (buy) buy.after(notify);
      else this.append(notify);
    }
    this.#channel = channel;
    if (notify) {
      notify.hidden = !d?.notifyMe;
      if (d?.notifyMe && notify.textContent !== d.message.button) notify.textContent = d.message.button;
    }
    if (buy) buy.hidden = Boolean(d?.notifyMe);
  }

  #notify = null;
  #channel = "dtc";

  #syncButton(d) {
    const id = this.getAttribute("button");
    const button = id && document.getElementById(id);
    if (!button) return;
    if (d && button.textContent !== d.message.button) button.textContent = d.message.button;
    if (d) this.#markLang(button, d.message.lang);
    button.disabled = !d?.canPurchase;
    const described = new Set((button.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean));
    // A disabled button says why: the badge and the text together (the text alone may have lost the badge's words).
    const why = [`${this.id}-badge`, `${this.id}-text`];
    for (const id of why) {
      if (button.disabled && !d?.notifyMe) described.add(id);
      else described.delete(id);
    }
    if (described.size) button.setAttribute("aria-describedby", [...described].join(" "));
    else button.removeAttribute("aria-describedby");
  }
}
