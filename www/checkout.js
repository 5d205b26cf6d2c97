// The mobile checkout: an editable cart planned by storefront-availability —
// what ships when and what is charged when, before the shopper pays.
import { loadCatalog } from "/load.js";

const params = new URLSearchParams(location.search);
const { text, catalog } = await loadCatalog(params.get("snapshot") ?? "sample-snapshot.json");
const items = JSON.parse(text).items.filter((i) => typeof i.sku === "string");
const now = params.get("now") ?? "2026-11-23T15:00:00Z"; // the demo's clock
const locale = params.get("locale") ?? "en-US";
const currency = "USD";

// Prices are the shop's, not the snapshot's: cents per product.
const PRICES = { "merino-tee": 3500, aurora: 24900, lantern: 12900, ornament: 1800, lamp: 8900, mug: 1600, tote: 2400, socks: 1400, jacket: 11900, apron: 3200 };
// (The storefront's generated snapshot carries a `price` per item: used when present.)
const priceOf = (sku) => items.find((i) => i.sku === sku)?.price ?? PRICES[items.find((i) => i.sku === sku)?.productId] ?? 2000;
const titleOf = (sku) => items.find((i) => i.sku === sku)?.title ?? sku;

const state = {
  // ?cart=[{ sku, quantity }] comes from the storefront's cart drawer.
  lines: params.has("cart") ? JSON.parse(params.get("cart")) : [{ sku: "TEE-S", quantity: 2 }, { sku: "TEE-XL", quantity: 4 }, { sku: "AUR-BLK", quantity: 1 }, { sku: "LAMP-1", quantity: 1 }],
  hold: false,
};
const $ = (id) => document.getElementById(id);
const money = new Intl.NumberFormat(locale, { style: "currency", currency });
const minor = 10 ** money.resolvedOptions().maximumFractionDigits;
const price = (amount) => money.format(amount / minor);
const day = new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" });
const dayYear = new Intl.DateTimeFormat(locale, { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
const dateText = (iso) => (iso.slice(0, 4) === now.slice(0, 4) ? day : dayYear).format(new Date(`${iso}T00:00:00Z`));
const el = (tag, text, attrs = {}) => Object.assign(document.createElement(tag), { textContent: text ?? "" }, attrs);

function render() {
  const plan = catalog.planCart({
    lines: state.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: priceOf(l.sku) })),
    currency, now, locale, holdTogether: state.hold,
  });
  $("lines").replaceChildren(...plan.lines.map((line, i) => renderLine(line, i)));
  $("summary").textContent = plan.summary;
  $("shipments").replaceChildren(...plan.shipments.map((s) => {
    const li = el("li", "", { className: "shipment" });
    li.append(el("h3", s.text)); // the core's words: a pre-order's week, as its product page says
    const list = el("ul");
    for (const l of s.lines) list.append(el("li", `${l.quantity} × ${titleOf(l.sku)}`));
    li.append(list, el("p", s.capture ? `${price(s.capture)} charged when it ships` : "Paid today", { className: "capture" }));
    return li;
  }));
  $("total").textContent = price(plan.total);
  $("charged").textContent = price(plan.chargedNow);
  $("authorized").textContent = price(plan.authorizedNow);
  $("captures").replaceChildren(...plan.captures.map((c) => el("li", `${price(c.amount)} on ${dateText(c.date)}`)));
  $("pay").disabled = plan.total === 0;
  $("hold").checked = state.hold;
  // Shown once planned, all at once: nothing on the page moves as the plan arrives.
  document.querySelector("main").removeAttribute("aria-busy");
  document.body.dataset.ready = "true";
}

function renderLine(line, i) {
  const view = $("line-template").content.firstElementChild.cloneNode(true);
  const field = (name) => view.querySelector(`[data-field="${name}"]`);
  field("title").textContent = titleOf(line.sku);
  field("amount").textContent = line.accepted ? price(line.amount) : "";
  field("message").textContent = line.message;
  const notes = [];
  if (!line.accepted) notes.push(line.canHave > 0 ? `Only ${line.canHave} more can be ordered.` : "Can't be ordered right now.");
  if (line.deposit) notes.push(`${price(line.deposit)} deposit today, the rest when it ships.`);
  if (line.cancellable) notes.push("Free cancellation until it ships.");
  field("note").textContent = notes.join(" ");
  view.classList.toggle("refused", !line.accepted);
  // Each control names its item: "One less Merino Tee — M", not eight "One less".
  const title = titleOf(line.sku);
  view.querySelector('[data-action="minus"]').setAttribute("aria-label", `One less ${title}`);
  view.querySelector('[data-action="plus"]').setAttribute("aria-label", `One more ${title}`);
  view.querySelector('[data-action="remove"]').setAttribute("aria-label", `Remove ${title}`);
  const quantity = field("quantity");
  quantity.setAttribute("aria-label", `Quantity of ${title}`);
  quantity.value = String(state.lines[i].quantity);
  quantity.addEventListener("change", () => setQuantity(i, Number(quantity.value)));
  view.querySelector('[data-action="minus"]').addEventListener("click", () => setQuantity(i, state.lines[i].quantity - 1));
  view.querySelector('[data-action="plus"]').addEventListener("click", () => setQuantity(i, state.lines[i].quantity + 1));
  view.querySelector('[data-action="remove"]').addEventListener("click", () => {
    state.lines.splice(i, 1);
    render();
  });
  return view;
}

function setQuantity(i, quantity) {
  state.lines[i].quantity = Math.max(1, Math.floor(quantity) || 1);
  render();
}

$("add-sku").replaceChildren(...items.map((i) => el("option", i.title ?? i.sku, { value: i.sku })));
$("add").addEventListener("click", () => {
  state.lines.push({ sku: $("add-sku").value, quantity: 1 });
  render();
});
$("hold").addEventListener("change", () => {
  state.hold = $("hold").checked;
  render();
});
render();
