// The merchant's health report as one self-contained HTML file: the
// metrics table with alarms, plots (uPlot, inlined) of the weekly backorder
// and cancellation rates against their alarm lines and of each product's
// pre-order on-time rate, and the SKUs most at risk. Readable on a phone.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const asset = (path) => readFileSync(require.resolve(`uplot/dist/${path}`), "utf8");

const METRICS = [
  ["backorderRate", "Backorder rate", "healthy below"],
  ["fillRate", "Order fill rate", null],
  ["backorderConversion", "Backorder conversion", "warn below"],
  ["backorderCancellation", "Backorder cancellation", "warn above"],
  ["preorderCancellation", "Pre-order cancellation", "warn above"],
  ["preorderOnTime", "Pre-order on-time ship rate", "warn below"],
  ["revenueCapture", "Revenue capture during stock-outs", null],
];

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const shown = (metric) => (metric.value ? `${metric.value.percent} %` : "no data");
const ALARM = { ok: "OK", warn: "Warning", no_data: "—", none: "" };

/** How many of a SKU's metrics are past their alarm line, then its backorder rate: the riskiest first. */
function atRisk(skus) {
  const warns = (s) => METRICS.filter(([key]) => s[key].alarm === "warn").length;
  const rate = (s) => (s.backorderRate.value ? s.backorderRate.value.numerator / s.backorderRate.value.denominator : 0);
  return skus
    .filter((s) => warns(s) > 0)
    .sort((a, b) => warns(b) - warns(a) || rate(b) - rate(a))
    .slice(0, 10);
}

/**
 * The report for `health` (what `health()` returns) as HTML text.
 *
 * ```js
 * writeFileSync("report.html", reportHtml(health(orders), { title: "Northwind Supply" }));
 * ```
 */
export function reportHtml(health, { title = "Store" } = {}) {
  const t = health.thresholds;
  const line = { backorderRate: t.backorderRate, backorderConversion: t.backorderConversion, backorderCancellation: t.backorderCancellation, preorderCancellation: t.preorderCancellation, preorderOnTime: t.preorderOnTime };
  const rows = METRICS.map(([key, name, rule]) => {
    const m = health.store[key];
    const limit = rule && line[key] ? `${rule} ${line[key].percent} %` : "";
    return `<tr class="${m.alarm}"><th scope="row">${name}</th><td>${shown(m)}</td><td>${m.value ? `${m.value.numerator} / ${m.value.denominator}` : ""}</td><td>${limit}</td><td>${ALARM[m.alarm]}</td></tr>`;
  }).join("\n");
  const risky = atRisk(health.skus)
    .map((s) => `<tr><th scope="row">${escape(s.sku)}</th><td>${shown(s.backorderRate)}</td><td>${shown(s.backorderCancellation)}</td><td>${shown(s.preorderOnTime)}</td><td>${s.safetyStock ?? "—"}</td><td>${s.reorderPoint ?? "—"}</td></tr>`)
    .join("\n");
  const preorders = health.products.filter((p) => p.preorderOnTime.value);
  const data = {
    weeks: health.weeks.map((w) => Date.parse(`${w.week}T00:00:00Z`) / 1000),
    backorderRate: health.weeks.map((w) => (w.backorderRate.value ? Number(w.backorderRate.value.percent) : null)),
    backorderCancellation: health.weeks.map((w) => (w.backorderCancellation.value ? Number(w.backorderCancellation.value.percent) : null)),
    preorderCancellation: health.weeks.map((w) => (w.preorderCancellation.value ? Number(w.preorderCancellation.value.percent) : null)),
    lines: { backorderRate: Number(t.backorderRate.percent), cancellation: Number(t.backorderCancellation.percent), onTime: Number(t.preorderOnTime.percent) },
    preorders: preorders.map((p) => ({ id: p.productId, onTime: Number(p.preorderOnTime.value.percent) })),
  };
  const diagnostics = health.diagnostics.length
    ? `<details><summary>${health.diagnostics.length} row(s) left out</summary><ul>${health.diagnostics.map((d) => `<li><code>${escape(d.path)}</code>: ${escape(d.message)}</li>`).join("")}</ul></details>`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escape(title)} — availability health, ${health.from} to ${health.to}</title>
<meta name="description" content="Backorder, pre-order and stock-out health of ${escape(title)} from ${health.from} to ${health.to}.">
<style>${asset("uPlot.min.css")}
body { font: 16px/1.5 system-ui, sans-serif; color: #1d1f23; background: #fafaf7; margin: 0 auto; padding: 1rem; max-width: 60rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.muted { color: #4a4f57; } table { border-collapse: collapse; width: 100%; font-size: .95rem; } th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e3e5e8; }
tr.warn td:last-child { color: #7a1515; font-weight: 700; } tr.ok td:last-child { color: #14532d; }
.scroll { overflow-x: auto; } @media (max-width: 40rem) { table { font-size: .85rem; } th, td { padding: .3rem .35rem; } } .chart { width: 100%; min-height: 240px; }
</style>
</head>
<body>
<main>
<h1>${escape(title)}: availability health</h1>
<p class="muted">${health.from} to ${health.to} · ${health.store.orders.inStock + health.store.orders.backorder + health.store.orders.preorder} order lines (${health.store.orders.backorder} backorders, ${health.store.orders.preorder} pre-orders, ${health.store.orders.cancelled} cancelled before shipping)</p>
<div class="scroll" tabindex="0" role="region" aria-label="Metrics"><table><thead><tr><th scope="col">Metric</th><th scope="col">Value</th><th scope="col">Orders</th><th scope="col">Alarm line</th><th scope="col">State</th></tr></thead><tbody>
${rows}
</tbody></table></div>
<h2>Backorder rate by week</h2>
<div class="chart" id="backorder-rate" role="img" aria-label="Weekly backorder rate against the ${data.lines.backorderRate} % alarm line"></div>
<h2>Cancellations by week</h2>
<div class="chart" id="cancellations" role="img" aria-label="Weekly backorder and pre-order cancellation rates against the ${data.lines.cancellation} % alarm line"></div>
<h2>Pre-orders shipped on time</h2>
${preorders.length ? `<div class="chart" id="on-time" role="img" aria-label="On-time ship rate of each pre-order product against the ${data.lines.onTime} % line"></div>` : `<p class="muted">No pre-order was due in this period.</p>`}
<h2>SKUs most at risk</h2>
${risky ? `<div class="scroll" tabindex="0" role="region" aria-label="SKUs most at risk"><table><thead><tr><th scope="col">SKU</th><th scope="col">Backorder rate</th><th scope="col">Backorder cancellation</th><th scope="col">Pre-order on time</th><th scope="col">Safety stock</th><th scope="col">Reorder point</th></tr></thead><tbody>${risky}</tbody></table></div>` : `<p class="muted">No SKU is past an alarm line.</p>`}
${diagnostics}
</main>
<script>${asset("uPlot.iife.min.js")}</script>
<script>
const data = ${JSON.stringify(data).replace(/</g, "\\u003c")};
const percent = { values: (u, ticks) => ticks.map((v) => v + " %") };
// Rates stay readable when small: the scale reaches a little past the highest value or line.
const rates = { range: (u, low, high) => [0, Math.min(100, Math.max(10, Math.ceil((high * 1.2) / 5) * 5))] };
function draw(id, series, x, extra = {}) {
  const el = document.getElementById(id);
  if (!el) return;
  const chart = new uPlot({ width: el.clientWidth, height: 240, series: [{}, ...series], axes: [{}, percent], scales: { y: rates }, ...extra }, [x, ...series.map((s) => s.data)], el);
  new ResizeObserver(() => chart.setSize({ width: el.clientWidth, height: 240 })).observe(el);
}
const flat = (v) => data.weeks.map(() => v);
draw("backorder-rate", [
  { label: "Backorder rate", stroke: "#6b3900", width: 2, data: data.backorderRate },
  { label: "Alarm line", stroke: "#7a1515", dash: [6, 4], data: flat(data.lines.backorderRate) },
], data.weeks);
draw("cancellations", [
  { label: "Backorders cancelled", stroke: "#6b3900", width: 2, data: data.backorderCancellation },
  { label: "Pre-orders cancelled", stroke: "#1a3d7c", width: 2, data: data.preorderCancellation },
  { label: "Alarm line", stroke: "#7a1515", dash: [6, 4], data: flat(data.lines.cancellation) },
], data.weeks);
const index = data.preorders.map((_, i) => i);
draw("on-time", [
  { label: "On time", fill: "#14532d", stroke: "#14532d", paths: uPlot.paths.bars({ size: [0.6] }), points: { show: false }, data: data.preorders.map((p) => p.onTime) },
  { label: "Alarm line", stroke: "#7a1515", dash: [6, 4], data: index.map(() => data.lines.onTime) },
], index, { scales: { x: { time: false, range: [-0.5, index.length - 0.5] }, y: { range: [0, 100] } }, axes: [{ splits: () => index, values: (u, ticks) => ticks.map((i) => data.preorders[i]?.id ?? "") }, percent] });
document.body.dataset.drawn = "true";
</script>
</body>
</html>
`;
}
