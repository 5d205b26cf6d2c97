// One build per use (README "Which entry to import"): the page, checkout
// and server entries of the packed package, each on its own wasm module,
// in headless Chromium as a theme loads them. Same answers wherever a
// method exists; a method a build lacks throws `not_in_build` naming the
// entry that has it; `Catalog.load(url)` fetches and compiles in one call.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import * as node from "storefront-availability";
import * as nodeCheckout from "storefront-availability/checkout";
import * as nodeServer from "storefront-availability/server";
import { session } from "../../scripts/browser.mjs";

const dir = fileURLToPath(new URL(".", import.meta.url));
const snapshot = readFileSync(dir + "sample-snapshot.json", "utf8");
const now = "2026-11-23T15:00:00Z";
const entries = { page: "index.js", checkout: "checkout.js", server: "server.js" };
let s;

before(async () => {
  s = await session({ "/": dir, "/inventory.json": dir + "sample-snapshot.json" });
});
after(() => s?.close());

async function blankPage(context) {
  const page = await (context ?? s.browser).newPage();
  await page.goto(s.base + "/builds/");
  return page;
}

/** What every build is asked, in the browser: the answers, or the error's code and message. */
async function askEntry(page, file, snapshotText) {
  return page.evaluate(
    async ({ file, snapshotText, now }) => {
      const { default: init, Catalog, AvailabilityError } = await import(`/node_modules/storefront-availability/pkg/${file}`);
      await init();
      const catalog = Catalog.fromJson(snapshotText);
      const attempt = (ask) => {
        try {
          return { value: ask() };
        } catch (e) {
          return { error: { code: e.code, message: e.message, ours: e instanceof AvailabilityError } };
        }
      };
      const lines = [{ sku: "TEE-S", quantity: 1, unitPrice: 2500 }, { sku: "TEE-L", quantity: 2, unitPrice: 2500 }];
      return {
        decisions: catalog.decideAll({ now, locale: "de-DE" }),
        products: catalog.decideProducts({ now }),
        bare: catalog.decideAll({ now, messages: false }),
        plan: attempt(() => catalog.planCart({ lines, currency: "EUR", now, locale: "fr-FR" })),
        notices: attempt(() => catalog.notices()),
        confirmation: attempt(() => catalog.orderConfirmation("TEE-S", { orderNumber: "1042", now })),
        backInStock: attempt(() => catalog.backInStock("TEE-S", { now })),
        shipped: attempt(() => catalog.shipped({ orderNumber: "1042", title: "Tee", now })),
        status: attempt(() =>
          catalog.weeklyStatus({ orderNumber: "1042", title: "Tee", promisedDate: "2026-12-02", expectedDate: "2026-12-09", now }),
        ),
      };
    },
    { file, snapshotText, now },
  );
}

test("page, checkout and server builds give the same answers; what a build lacks names the entry that has it", async () => {
  const page = await blankPage();
  const answers = {};
  for (const [use, file] of Object.entries(entries)) answers[use] = await askEntry(page, file, snapshot);
  await page.close();

  // Node's entries are the server build; the browser's server build agrees with it.
  const catalog = node.Catalog.fromJson(snapshot);
  assert.deepEqual(answers.server.decisions, catalog.decideAll({ now, locale: "de-DE" }));
  for (const use of ["page", "checkout"]) {
    assert.deepEqual(answers[use].decisions, answers.server.decisions, `${use}: decisions`);
    assert.deepEqual(answers[use].products, answers.server.products, `${use}: products`);
    assert.deepEqual(answers[use].bare, answers.server.bare, `${use}: decisions without text`);
  }
  assert.ok(answers.server.decisions.length > 10);

  const notIn = (answer, entry) => {
    assert.equal(answer.error?.code, "not_in_build", JSON.stringify(answer));
    assert.ok(answer.error.ours, "an AvailabilityError");
    assert.match(answer.error.message, new RegExp(`import it from "storefront-availability/${entry}"`));
  };
  notIn(answers.page.plan, "checkout");
  assert.deepEqual(answers.checkout.plan.value, answers.server.plan.value, "checkout plans carts as the server does");
  assert.ok(answers.server.plan.value.lines.length === 2);
  for (const use of ["page", "checkout"]) {
    for (const serverOnly of ["confirmation", "backInStock", "shipped", "status", "notices"]) notIn(answers[use][serverOnly], "server");
  }
  assert.deepEqual(answers.server.notices.value, catalog.notices(), "the browser's server build gives Node's notices");
  for (const email of ["confirmation", "backInStock", "shipped", "status"]) {
    assert.equal(typeof answers.server[email].value?.subject, "string", email);
  }
});

test("in Node, every entry is the server build (everything works)", () => {
  for (const entry of [node, nodeCheckout, nodeServer]) {
    const catalog = entry.Catalog.fromJson(snapshot);
    const plan = catalog.planCart({ lines: [{ sku: "TEE-S", quantity: 1, unitPrice: 100 }], currency: "USD", now });
    assert.equal(plan.lines.length, 1);
    assert.match(catalog.orderConfirmation("TEE-S", { orderNumber: "7", now }).body, /7/);
  }
  assert.equal(node.Catalog, nodeCheckout.Catalog, "one module instance in Node");
});

test("Catalog.load(url): snapshot and module fetched together, then the same catalog as fromJson", async () => {
  const page = await blankPage();
  const result = await page.evaluate(async (now) => {
    const { Catalog } = await import("/node_modules/storefront-availability/pkg/index.js");
    const catalog = await Catalog.load("/inventory.json");
    const missing = await Catalog.load("/no-such.json").then(() => null, (e) => ({ code: e.code, message: e.message }));
    return { badge: catalog.decide("TEE-L", { now }).message.badge, skus: catalog.skus.length, missing };
  }, now);
  await page.close();
  const catalog = node.Catalog.fromJson(snapshot);
  assert.equal(result.badge, catalog.decide("TEE-L", { now }).message.badge);
  assert.equal(result.skus, catalog.skus.length);
  assert.equal(result.missing.code, "unavailable");
  assert.match(result.missing.message, /no-such\.json.*HTTP 404/);
});

test("Catalog.load with the wasm blocked rejects with `unavailable` (never a catalog that answers nothing)", async () => {
  const context = await s.browser.newContext();
  await context.route(/\.wasm$/, (route) => route.abort());
  const page = await blankPage(context);
  const error = await page.evaluate(async () => {
    const { Catalog, AvailabilityError } = await import("/node_modules/storefront-availability/pkg/index.js");
    return Catalog.load("/inventory.json").then(() => null, (e) => ({ code: e.code, ours: e instanceof AvailabilityError, message: e.message }));
  });
  await context.close();
  assert.equal(error?.code, "unavailable");
  assert.ok(error.ours);
  assert.match(error.message, /module could not load/);
});

test("one AvailabilityError on a page whichever entries it loads, and a cold page imports one module of ours", async () => {
  const page = await blankPage();
  const fetched = [];
  page.on("request", (request) => request.url().includes("storefront-availability/pkg/") && fetched.push(request.url().split("/pkg/")[1]));
  const result = await page.evaluate(async () => {
    const pkg = "/node_modules/storefront-availability/pkg/";
    const { default: init, Catalog, AvailabilityError } = await import(pkg + "index.js");
    await init();
    const bad = (() => { try { Catalog.fromJson("{}"); } catch (e) { return e; } })();
    const others = await Promise.all(["checkout.js", "error.js", "server.js"].map((file) => import(pkg + file)));
    return {
      thrown: bad instanceof AvailabilityError && bad.code,
      same: others.map((m) => m.AvailabilityError === AvailabilityError),
      checkoutCatches: bad instanceof others[0].AvailabilityError,
      enumerable: Object.keys(globalThis).some((k) => /availability/i.test(k)),
    };
  });
  await page.close();
  assert.deepEqual(fetched.slice(0, 2), ["index.js", "storefront_availability_bg.wasm"], "the entry and its wasm, nothing between");
  assert.equal(result.thrown, "invalid_snapshot");
  assert.deepEqual(result.same, [true, true, true], "checkout.js, error.js and server.js share the page entry's class");
  assert.ok(result.checkoutCatches);
  assert.equal(result.enumerable, false, "the shared class is kept under a symbol, not a global name");
});
