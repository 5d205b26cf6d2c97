// The same rules (docs/rules.md §3–§8, English messages) written in plain, idiomatic
// JavaScript for the benchmark's comparison. It validates what the wasm
// core validates and must give identical decisions (bench/run.mjs checks).
const DAY = 86_400_000;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const CHANNELS = {
  dtc: { backorder: true, preorder: true, maxShipDays: null },
  amazon: { backorder: false, preorder: null, maxShipDays: null },
  ebay: { backorder: true, preorder: true, maxShipDays: 30 },
  walmart: { backorder: false, preorder: false, maxShipDays: null },
  tiktok_shop: { backorder: false, preorder: false, maxShipDays: null },
};

const dayOf = (iso) => {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
  return new Date(t).toISOString().slice(0, 10) === iso ? t / DAY : null;
};
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const instant = (s) => (typeof s === "string" && /^\d{4}-\d{2}-\d{2}T/.test(s) ? Date.parse(s) : NaN);
const isInt = (v, min) => Number.isSafeInteger(v) && v >= min;

/** Exact floor(n × ratio) for a ratio written as a short decimal. */
function floorMul(n, ratio) {
  const [whole, fraction = ""] = String(ratio).split(".");
  const digits = BigInt(whole + fraction);
  return Number((BigInt(n) * digits) / 10n ** BigInt(fraction.length));
}

export class PlainCatalog {
  constructor(snapshot) {
    const s = typeof snapshot === "string" ? JSON.parse(snapshot) : snapshot;
    const problems = [];
    if (s?.version !== 1) problems.push("version: expected 1");
    this.generatedAt = instant(s?.generatedAt);
    if (Number.isNaN(this.generatedAt)) problems.push("generatedAt: expected an RFC 3339 timestamp");
    this.maxAgeMs = (s.maxAgeHours ?? 24) * 3_600_000;
    this.timeZone = s.timeZone ?? "UTC";
    try {
      this.zone = new Intl.DateTimeFormat("en-US", { timeZone: this.timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    } catch {
      problems.push("timeZone: expected an IANA time zone name");
    }
    const [h, m] = (s.cutoffTime ?? "14:00").split(":").map(Number);
    this.cutoffMinutes = h * 60 + m;
    this.business = new Set((s.businessDays ?? ["mon", "tue", "wed", "thu", "fri"]).map((d) => WEEKDAYS.indexOf(d)));
    this.holidays = new Set((s.holidays ?? []).map(dayOf));
    this.handlingDays = s.handlingDays ?? 0;
    this.backorder = { enabled: true, maxWaitDays: 14, receivingDays: 1, ...s.backorder };
    this.hideSoldOut = s.hideSoldOut ?? false;
    this.preorder = { capRatio: 0.8, bufferDays: 7, ...s.preorder };
    this.lowStockThreshold = s.lowStockThreshold ?? null;
    this.deadlines = (s.deadlines ?? []).map((d) => ({ name: d.name, shipBy: dayOf(d.shipBy) }));
    this.channels = s.channels ?? {};
    if (problems.length) throw Object.assign(new Error(`invalid snapshot: ${problems.join("; ")}`), { code: "invalid_snapshot" });
    this.diagnostics = [];
    this.items = [];
    this.bySku = new Map();
    for (const [i, raw] of (s.items ?? []).entries()) this.#addItem(raw, i);
    this.dates = new Map();
  }

  #addItem(raw, i) {
    const path = `items[${i}]`;
    const bad = [];
    const check = (ok, key, what) => ok || bad.push({ path: `${path}.${key}`, message: `expected ${what}` });
    check(typeof raw?.sku === "string" && raw.sku !== "", "sku", "a non-empty string");
    const count = (obj, key, prefix = "") => obj?.[key] == null || check(isInt(obj[key], 0), prefix + key, "an integer ≥ 0");
    check(raw?.onHand == null || isInt(raw.onHand, -MAX_SAFE), "onHand", "an integer");
    count(raw, "reserved");
    count(raw, "lowStockThreshold");
    check(raw?.lifecycle == null || ["active", "discontinued", "unreleased"].includes(raw.lifecycle), "lifecycle", "a lifecycle");
    const deliveries = raw?.restock == null ? [] : Array.isArray(raw.restock) ? raw.restock : [raw.restock];
    deliveries.forEach((r, k) => {
      const at = Array.isArray(raw.restock) ? `restock[${k}].` : "restock.";
      check(r?.date == null || dayOf(r.date) !== null, `${at}date`, 'a date "YYYY-MM-DD"');
      ["quantity", "backordered"].forEach((key) => count(r, key, at));
    });
    const p = raw?.preorder;
    if (p != null) {
      ["plannedProduction", "sold", "limit"].forEach((k) => count(p, k, "preorder."));
      ["productionDate", "releaseDate", "shipDate"].forEach((k) => check(p[k] == null || dayOf(p[k]) !== null, `preorder.${k}`, "a date"));
      ["startsAt", "endsAt"].forEach((k) => check(p[k] == null || !Number.isNaN(instant(p[k])), `preorder.${k}`, "a timestamp"));
    }
    const item = bad.length ? { invalid: true, sku: raw?.sku ?? "" } : raw;
    for (const b of bad) this.diagnostics.push({ code: "invalid_item", sku: raw?.sku ?? null, ...b });
    if (this.bySku.has(item.sku)) {
      this.items[this.bySku.get(item.sku)] = { invalid: true, sku: item.sku };
      this.items.push({ invalid: true, sku: item.sku });
    } else {
      this.bySku.set(item.sku, this.items.length);
      this.items.push(item);
    }
  }

  #isBusiness(day) {
    return this.business.has((day + 4) % 7) && !this.holidays.has(day);
  }
  #next(day) {
    while (!this.#isBusiness(day)) day++;
    return day;
  }
  #addBusiness(day, n) {
    day = this.#next(day);
    for (let i = 0; i < n; i++) day = this.#next(day + 1);
    return day;
  }
  #local(now) {
    const [mo, d, y, h, mi] = this.zone.format(new Date(now)).split(/\D+/).map(Number);
    return { today: Date.UTC(y, mo - 1, d) / DAY, minutes: h * 60 + mi };
  }
  #rules(channel, item) {
    const r = { ...CHANNELS[channel], brandRegistry: false };
    for (const o of [this.channels[channel], item.channels?.[channel]]) {
      if (!o) continue;
      for (const k of ["backorder", "preorder", "brandRegistry"]) if (o[k] != null) r[k] = o[k];
      if ("maxShipDays" in o) r.maxShipDays = o.maxShipDays;
    }
    r.preorder ??= r.brandRegistry;
    return r;
  }

  decide(sku, { channel = "dtc", quantity = 1, now = Date.now(), messages = true } = {}) {
    if (!CHANNELS[channel]) throw Object.assign(new Error(`unknown channel ${channel}`), { code: "unknown_channel" });
    if (!isInt(quantity, 1)) throw Object.assign(new Error("invalid quantity"), { code: "invalid_quantity" });
    const at = typeof now === "number" ? now : Date.parse(now);
    const i = this.bySku.get(sku);
    return this.#decide(i === undefined ? null : this.items[i], sku, channel, quantity, at, this.#local(at), messages);
  }

  decideAll({ channel = "dtc", quantity = 1, now = Date.now(), messages = true } = {}) {
    const at = typeof now === "number" ? now : Date.parse(now);
    const local = this.#local(at);
    return this.items.map((item) => this.#decide(item, item.sku, channel, quantity, at, local, messages));
  }

  #decide(item, sku, channel, quantity, now, { today, minutes }, messages = true) {
    const out = (reason, notifyMe) => ({ policy: "out_of_stock", reason, canPurchase: false, notifyMe, maxQuantity: 0, shipDate: null, available: 0 });
    let o;
    if (!item) o = out("unknown_sku", false);
    else if (item.invalid) o = out("invalid_item", false);
    else {
      const rules = this.#rules(channel, item);
      const stale = now - this.generatedAt > this.maxAgeMs;
      const p = item.preorder ?? {};
      const release = p.releaseDate ? dayOf(p.releaseDate) : null;
      if (item.lifecycle === "unreleased" || (release !== null && release > today)) o = this.#preorder(item, p, release, rules, now, today, quantity, stale);
      else o = this.#stock(item, rules, today, minutes, quantity, stale);
      // Order limits (the bench's snapshots have none; kept so the rules are the same).
      o.minQuantity = item.limits?.minPerOrder ?? 1;
      const max = item.limits?.maxPerOrder;
      if (o.policy !== "out_of_stock" && max != null) {
        o.maxQuantity = Math.min(o.maxQuantity, max);
        if (o.canPurchase && quantity > max) Object.assign(o, { reason: "exceeds_order_limit", canPurchase: false, split: null });
      }
      if (o.policy !== "out_of_stock" && o.canPurchase && quantity < o.minQuantity) Object.assign(o, { reason: "below_minimum_quantity", canPurchase: false, split: null });
    }
    return this.#finish(sku, o, today, item, channel, messages);
  }

  #preorder(item, p, release, rules, now, today, quantity, stale) {
    const out = (reason, notifyMe) => ({ policy: "out_of_stock", reason, canPurchase: false, notifyMe, maxQuantity: 0, shipDate: null, available: 0 });
    let ship = p.shipDate ? dayOf(p.shipDate) : p.productionDate ? this.#next(dayOf(p.productionDate) + (p.bufferDays ?? this.preorder.bufferDays)) : null;
    if (release !== null) ship = ship === null ? this.#next(release) : Math.max(ship, this.#next(release));
    const within = rules.maxShipDays == null || (ship !== null && ship - today <= rules.maxShipDays);
    if (!rules.preorder || !within) return out("channel_disallows_preorder", false);
    if (p.startsAt && now < instant(p.startsAt)) return out("preorder_not_open", true);
    if (p.endsAt && now > instant(p.endsAt)) return out("preorder_closed", true);
    const cap = p.limit ?? (p.plannedProduction != null ? floorMul(p.plannedProduction, p.capRatio ?? this.preorder.capRatio) : null);
    if (cap === null) return out("preorder_uncapped", true);
    if (ship === null) return out("preorder_undated", true);
    if (ship < today) return out("preorder_overdue", true);
    const remaining = Math.max(0, cap - (p.sold ?? 0));
    if (remaining === 0) return out("preorder_cap_reached", true);
    if (stale) return out("stale_snapshot", true);
    const ok = quantity <= remaining;
    return { policy: "preorder", reason: ok ? "preorder" : "exceeds_preorder_remaining", canPurchase: ok, notifyMe: false, maxQuantity: remaining, shipDate: ship, remainingPreorders: remaining, available: 0 };
  }

  #stock(item, rules, today, minutes, quantity, stale) {
    const out = (reason, notifyMe) => ({ policy: "out_of_stock", reason, canPurchase: false, notifyMe, maxQuantity: 0, shipDate: null, available: 0 });
    // Queue first: units on hand serve the backorders already waiting.
    const onHand = Math.max(0, (item.onHand ?? 0) - (item.reserved ?? 0));
    const deliveries = (item.restock == null ? [] : [item.restock].flat()).slice().sort((a, b) => (a.date == null) - (b.date == null) || (dayOf(a.date ?? "") ?? 0) - (dayOf(b.date ?? "") ?? 0));
    const waiting = deliveries.reduce((sum, r) => sum + (r.backordered ?? 0), 0);
    const available = Math.max(0, onHand - waiting);
    const processing = this.#isBusiness(today) && minutes < this.cutoffMinutes ? today : this.#next(today + 1);
    const inStockShip = this.#addBusiness(processing, this.handlingDays);
    const offer = this.#flowchart(item, rules, today, onHand, deliveries);
    const inStock = (reason, canPurchase, maxQuantity) => ({ policy: "in_stock", reason, canPurchase, notifyMe: false, maxQuantity: Math.min(maxQuantity, MAX_SAFE), shipDate: inStockShip, available });
    if (available >= quantity) {
      const capacity = offer.ok && !stale ? offer.rooms.reduce((sum, r) => sum + r.room, 0) : 0;
      const threshold = item.lowStockThreshold ?? this.lowStockThreshold;
      return inStock(threshold !== null && available <= threshold ? "low_stock" : "in_stock", true, available + capacity);
    }
    if (!offer.ok) return available > 0 ? inStock("exceeds_available", false, available) : out(offer.reason, offer.notifyMe);
    if (stale) return available > 0 ? inStock("exceeds_available", false, available) : out("stale_snapshot", true);
    const room = offer.rooms.reduce((sum, r) => sum + r.room, 0);
    const max = Math.min(available + room, MAX_SAFE);
    const ok = quantity <= max;
    // The later units by delivery, earliest first (all the room when over it, for the dates).
    let left = ok ? quantity - available : room;
    const parts = [];
    for (const r of offer.rooms) {
      if (left === 0) break;
      const take = Math.min(left, r.room);
      left -= take;
      parts.push({ quantity: take, shipDate: r.ship, queuePosition: r.position });
    }
    return {
      policy: "backorder", reason: ok ? "backorder" : "exceeds_backorder_capacity", canPurchase: ok, notifyMe: false, maxQuantity: max,
      shipDate: parts.at(-1).shipDate, queuePosition: parts[0].queuePosition, split: ok && available > 0 ? { now: available, later: quantity - available } : null, available,
      deliveries: ok ? parts.map((p) => ({ ...p, shipDate: isoOf(p.shipDate) })) : [],
    };
  }

  /** Per delivery in date order: the waiting backorders are served by stock on hand, then by each delivery in turn. */
  #flowchart(item, rules, today, onHand, deliveries) {
    const no = (reason, notifyMe) => ({ ok: false, reason, notifyMe });
    if (item.lifecycle === "discontinued") return no("discontinued", false);
    if (!(item.backorder?.enabled ?? this.backorder.enabled)) return no("backorders_disabled", true);
    let cover = onHand;
    let carry = 0;
    let refusal = null;
    const rooms = [];
    for (const r of deliveries) {
      const covered = Math.min(cover, r.backordered ?? 0);
      cover -= covered;
      const owed = (r.backordered ?? 0) - covered + carry;
      if (r.confirmed !== true || !r.date || r.quantity == null) {
        carry = owed;
        continue;
      }
      const date = dayOf(r.date);
      carry = Math.max(0, owed - r.quantity);
      let refused = null;
      if (date < today) {
        carry = owed;
        refused = no("restock_overdue", true);
      } else if (date - today > (item.backorder?.maxWaitDays ?? this.backorder.maxWaitDays)) refused = no("restock_too_far", true);
      else {
        const ship = this.#addBusiness(date, item.backorder?.receivingDays ?? this.backorder.receivingDays);
        if (!rules.backorder || (rules.maxShipDays != null && ship - today > rules.maxShipDays)) refused = no("channel_disallows_backorder", false);
        else if (r.quantity <= owed) refused = no("restock_oversubscribed", true);
        else rooms.push({ ship, room: r.quantity - owed, position: owed + 1 });
      }
      if (refused && (refusal === null || refusal.reason === "restock_overdue")) refusal = refused;
    }
    if (rooms.length > 0) return { ok: true, rooms };
    return refusal ?? no("restock_unconfirmed", false);
  }

  #date(day, today, weekday, relative) {
    if (relative && day - today === 0) return "today";
    if (relative && day - today === 1) return "tomorrow";
    const year = new Date(day * DAY).getUTCFullYear() !== new Date(today * DAY).getUTCFullYear();
    const key = `${weekday}${year}`;
    let format = this.dates.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", day: "numeric", ...(weekday && { weekday: "long" }), ...(year && { year: "numeric" }) });
      this.dates.set(key, format);
    }
    return format.format(new Date(day * DAY));
  }

  #finish(sku, o, today, item, channel, messages) {
    const ship = o.shipDate;
    const dated = o.policy === "backorder" || o.policy === "preorder";
    const n = (x) => x.toLocaleString("en-US");
    const day = (d, relative = true) => this.#date(d, today, true, relative);
    const plain = (d) => this.#date(d, today, false, false);
    const warnings = ship === null ? [] : this.deadlines.filter((d) => d.shipBy < ship).map((d) => ({ code: "deadline_missed", deadline: d.name, shipBy: isoOf(d.shipBy) }));
    // Merchant Center takes availability dates up to a year ahead (same day next year, clamped to the month's end).
    const t = new Date(today * DAY);
    const yearAhead = Math.min(Date.UTC(t.getUTCFullYear() + 1, t.getUTCMonth(), t.getUTCDate()), Date.UTC(t.getUTCFullYear() + 1, t.getUTCMonth() + 1, 0)) / DAY;
    if (dated && ship > yearAhead) warnings.push({ code: "availability_date_too_far", shipBy: isoOf(ship) });
    const schemaOrg = o.reason === "low_stock" ? "LimitedAvailability" : { in_stock: "InStock", backorder: "BackOrder", preorder: "PreOrder" }[o.policy] ?? (o.reason === "discontinued" ? "Discontinued" : o.reason === "preorder_cap_reached" ? "SoldOut" : "OutOfStock");
    const hideSoldOut = (item && !item.invalid ? item.hideSoldOut : undefined) ?? this.hideSoldOut;
    const listing = o.policy === "out_of_stock" && (o.reason === "discontinued" || hideSoldOut) ? "hide" : "show";
    const deposit = o.policy === "preorder" && channel === "dtc" && item?.preorder?.deposit != null;
    const decision = {
      sku, policy: o.policy, reason: o.reason, canPurchase: o.canPurchase, notifyMe: o.notifyMe, maxQuantity: o.maxQuantity, minQuantity: o.minQuantity ?? 1,
      shipDate: ship === null ? null : isoOf(ship), remainingPreorders: o.remainingPreorders ?? null, queuePosition: o.queuePosition ?? null,
      split: o.split ?? null, payment: o.policy === "in_stock" ? "charge_now" : deposit ? "deposit_now_balance_at_shipment" : dated ? "authorize_now_capture_at_shipment" : null,
      cancellable: dated, warnings, schemaOrg: `https://schema.org/${schemaOrg}`,
      merchantAvailability: o.policy === "out_of_stock" ? "out_of_stock" : o.policy, availabilityDate: dated ? isoOf(ship) : null,
      listing, deliveries: o.deliveries ?? [],
    };
    if (!messages) return decision;
    let message;
    if (o.policy === "in_stock") {
      const params = { date: isoOf(ship) };
      if (o.reason === "low_stock") message = ["low_stock", "Low stock", `Only ${n(o.available)} left — ships ${day(ship)}`, "Add to cart", { ...params, n: o.available }];
      else if (o.reason === "exceeds_available") message = ["exceeds_available", "In stock", `Only ${n(o.available)} available — ships ${day(ship)}`, "Add to cart", { ...params, n: o.available }];
      else message = ["in_stock", "In stock", `In stock — ships ${day(ship)}`, "Add to cart", params];
    } else if (o.policy === "backorder") {
      const params = { date: isoOf(ship), position: o.queuePosition };
      if (o.reason === "exceeds_backorder_capacity") message = ["exceeds_backorder_capacity", "Backordered", `Only ${n(o.maxQuantity)} can be ordered – ships by ${day(ship)}`, "Backorder", { ...params, n: o.maxQuantity }];
      else if (o.split) message = ["backorder_split", "Backordered", `In stock: ${n(o.split.now)} · Backordered: ${n(o.split.later)} – ships by ${day(ship)}`, "Backorder", { ...params, now: o.split.now, later: o.split.later }];
      else message = ["backorder", "Backordered", `Backordered – ships by ${day(ship)}`, "Backorder", params];
    } else if (o.policy === "preorder") {
      const week = ship - ((ship + 4) % 7); // Sunday: US weeks
      const params = { date: isoOf(ship), week: isoOf(week), remaining: o.remainingPreorders };
      const r = n(o.remainingPreorders);
      message = o.reason === "exceeds_preorder_remaining"
        ? ["exceeds_preorder_remaining", "Pre-order", `Only ${r} left at pre-order — expected to ship the week of ${plain(week)}`, "Pre-order", params]
        : ["preorder", "Pre-order", `Expected to ship the week of ${plain(week)} · ${r} left at pre-order`, "Pre-order", params];
    } else {
      const button = o.notifyMe ? "Notify me" : "Sold out";
      const texts = {
        discontinued: ["discontinued", "Discontinued", "No longer available"],
        preorder_cap_reached: ["preorder_cap_reached", "Sold out", "Pre-orders are full — join the waitlist"],
        preorder_not_open: ["preorder_not_open", "Coming soon", "Coming soon"],
        preorder_closed: ["preorder_closed", "Sold out", "Pre-orders have closed"],
      };
      const [key, badge, text] = texts[o.reason] ?? (o.notifyMe ? ["out_of_stock_notify", "Out of stock", "Out of stock — get notified when it's back"] : ["out_of_stock", "Out of stock", "Out of stock"]);
      message = [key, badge, text, button, {}];
    }
    const [key, badge, text, button, params] = message;
    const missed = warnings.find((w) => w.code === "deadline_missed");
    const notice = missed ? `Won't ship in time for ${missed.deadline} (its ship-by date is ${plain(this.deadlines.find((d) => d.name === missed.deadline).shipBy)})` : null;
    const confirm = !o.notifyMe ? null : o.reason === "preorder_cap_reached" ? "You're on the waitlist — we'll email you if more become available" : o.reason === "preorder_not_open" ? "We'll email you when pre-orders open" : "We'll email you when it's back";
    decision.message = { badge, text, button, key, params, notice, charge: null, confirm, lang: "en-US" };
    return decision;
  }
}
