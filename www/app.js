// The demo storefront: a product page driven by storefront-availability.
// Everything shown comes from one decision per variant; text goes into the
// page with textContent only (plain text, never HTML).
import init, { Catalog } from "storefront-availability";

// ?snapshot=URL loads another snapshot (try your own); the bundled sample otherwise.
// The module and the snapshot load side by side.
const snapshotUrl = new URLSearchParams(location.search).get("snapshot") ?? "sample-snapshot.json";
const [, snapshotText] = await Promise.all([init(), fetch(snapshotUrl).then((response) => response.text())]);
const catalog = Catalog.fromJson(snapshotText);
/** The same snapshot in the server build, which has the e-mails: imported the first time they are shown. */
let mailer;
const emailCatalog = () =>
  (mailer ??= import("storefront-availability/server").then(async (server) => {
    await server.default();
    return server.Catalog.fromJson(snapshotText);
  }));

const $ = (id) => document.getElementById(id);
const state = { sku: location.hash.slice(1) || "TEE-S", quantity: 1 };
const items = JSON.parse(snapshotText).items;

/** Products in snapshot order, each with its variants. */
const products = new Map();
for (const item of items) {
  const [name, variant] = String(item.title ?? item.sku).split(" / ");
  item.productId ??= item.sku;
  const product = products.get(item.productId) ?? { name, variants: [] };
  product.variants.push({ sku: item.sku, label: variant ?? item.sku });
  products.set(item.productId, product);
}
const productOf = (sku) => [...products.values()].find((p) => p.variants.some((v) => v.sku === sku));

function options(extra = {}) {
  const clock = $("clock").value;
  return { channel: $("channel").value, locale: $("locale").value, now: clock === "real" ? Date.now() : clock, ...extra };
}

function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function renderCatalog() {
  const decisions = new Map(catalog.decideAll(options()).map((d) => [d.sku, d]));
  const list = $("products");
  list.replaceChildren();
  for (const product of products.values()) {
    const first = product.variants[0].sku;
    const badges = new Set(product.variants.map((v) => decisions.get(v.sku)?.message.badge));
    const link = el("a", product.name, { href: `#${first}` });
    link.append(el("span", badges.size === 1 ? [...badges][0] : "Options vary", { class: "mini-badge" }));
    if (product.variants.some((v) => v.sku === state.sku)) link.setAttribute("aria-current", "page");
    const entry = el("li");
    entry.append(link);
    list.append(entry);
  }
}

function renderProduct() {
  const product = productOf(state.sku);
  const root = $("product");
  if (!product) {
    root.replaceChildren(el("p", `Unknown product ${state.sku}`));
    return;
  }
  const view = $("product-template").content.cloneNode(true);
  const field = (name) => view.querySelector(`[data-field="${name}"]`);
  let decision;
  try {
    decision = catalog.decide(state.sku, options({ quantity: state.quantity }));
  } catch (error) {
    // An argument error (e.g. a quantity of 0) names its code.
    decision = null;
    field("why").textContent = `${error.message} (${error.code})`;
  }
  field("sku").textContent = `SKU ${state.sku}`;
  field("name").textContent = product.name;
  for (const variant of product.variants) {
    const d = catalog.decide(variant.sku, options());
    const button = el("button", variant.label, { type: "button", "aria-pressed": String(variant.sku === state.sku), "data-sku": variant.sku });
    button.classList.add(`policy-${d.policy}`);
    button.title = d.message.badge;
    button.addEventListener("click", () => (location.hash = variant.sku));
    field("variants").append(button);
  }
  const quantity = field("quantity");
  quantity.value = String(state.quantity);
  quantity.addEventListener("change", () => {
    state.quantity = Number(quantity.value);
    renderProduct();
  });
  if (decision) {
    const { message } = decision;
    field("badge").textContent = message.badge;
    field("badge").className = `badge badge--${decision.policy}`;
    field("text").textContent = message.text;
    field("ship").textContent = decision.shipDate ? `Ship date: ${decision.shipDate}` : "";
    const button = field("button");
    button.textContent = message.button;
    button.disabled = !decision.canPurchase;
    if (!decision.canPurchase) {
      button.setAttribute("aria-describedby", "why");
      field("why").textContent = decision.notifyMe
        ? "Can't be bought right now — we'll email you when it can."
        : decision.maxQuantity > 0
          ? `Up to ${decision.maxQuantity} can be ordered.`
          : "Can't be bought right now.";
    }
    const facts = {
      reason: decision.reason, policy: decision.policy, canPurchase: decision.canPurchase, notifyMe: decision.notifyMe,
      maxQuantity: decision.maxQuantity, remainingPreorders: decision.remainingPreorders, queuePosition: decision.queuePosition,
      split: decision.split ? `${decision.split.now} now + ${decision.split.later} later` : null,
      payment: decision.payment, cancellable: decision.cancellable, schemaOrg: decision.schemaOrg,
      merchantAvailability: decision.merchantAvailability, availabilityDate: decision.availabilityDate, messageKey: message.key,
    };
    for (const [k, v] of Object.entries(facts)) field("facts").append(el("dt", k), el("dd", String(v), { "data-fact": k }));
    if (message.notice) field("warnings").replaceChildren(el("li", message.notice));
    const emails = field("emails");
    emails.parentElement.addEventListener("toggle", () => renderEmails(emails, decision), { once: true });
  }
  root.replaceChildren(view);
}

/** The order confirmation and a weekly status update for this variant, when "Order emails" is opened. */
async function renderEmails(root, decision) {
  if (!decision.canPurchase) return root.replaceChildren(el("p", "No email: this variant can't be bought as asked."));
  const sku = state.sku;
  const confirmationOptions = options({ quantity: state.quantity, orderNumber: "1042" });
  const statusOptions = {
    ...options(), orderNumber: "1042", title: productOf(sku).name, promisedDate: decision.shipDate,
    expectedDate: decision.shipDate, ...(decision.queuePosition ? { position: decision.queuePosition, total: decision.queuePosition + 9 } : {}),
  };
  root.replaceChildren(el("p", "Writing the e-mails…"));
  try {
    const mail = await emailCatalog();
    const confirmation = mail.orderConfirmation(sku, confirmationOptions);
    const status = mail.weeklyStatus(statusOptions);
    root.replaceChildren(
      el("h3", "Order confirmation"), el("p", confirmation.subject, { class: "subject" }), el("pre", confirmation.body),
      el("h3", "Weekly status"), el("p", status.subject, { class: "subject" }), el("pre", status.body),
    );
  } catch (error) {
    root.replaceChildren(el("p", `The e-mails could not be written: ${error.message}`));
  }
}

/** Every variant's message in the chosen language, for reviewing copy. */
function renderAllMessages() {
  const rows = catalog.decideAll(options()).map((d) => {
    const row = el("tr");
    row.append(el("td", d.sku), el("td", d.message.badge), el("td", d.message.text), el("td", d.message.button));
    return row;
  });
  $("all-messages").replaceChildren(...rows);
}

function renderDiagnostics() {
  $("diagnostics").replaceChildren(...catalog.diagnostics.map((d) => el("li", `${d.path}: ${d.message}`)));
}

function render() {
  document.documentElement.lang = $("locale").value;
  renderCatalog();
  renderProduct();
  renderAllMessages();
}

window.addEventListener("hashchange", () => {
  state.sku = location.hash.slice(1);
  state.quantity = 1;
  render();
});
for (const id of ["channel", "locale", "clock"]) $(id).addEventListener("change", render);
render();
renderDiagnostics();
document.body.dataset.ready = "true";
