// The cost dashboard: reads the cost service's JSON reports and draws them as SVG. Page parameters: ?days=30 (the
// range, ending now), ?tenant=acme (one tenant's spend, its budgets and the global ones), ?job_id=nightly-42 (one
// job's spend) and ?end_user=user-42 (the spend made for one end user, OpenAI's user). When everything is drawn,
// <body data-state="ready">; on a failed report, data-state="failed" and the reason is shown.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const PALETTE = ["#2680c2", "#3ebd93", "#f0b429", "#9446ed", "#d64545", "#40c3f7", "#e8368f", "#7b8794"];
const TIER_COLOURS = { "local-fast": "#3ebd93", "local-quality": "#2680c2", "cloud": "#f0b429" };

const params = new URLSearchParams(location.search);
const days = Math.max(1, Math.min(366, parseInt(params.get("days") || "30", 10) || 30));
const tenant = (params.get("tenant") || "").trim();
const job = (params.get("job_id") || "").trim();
const endUser = (params.get("end_user") || "").trim();
const to = new Date();
const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate() - days + 1));

function query(extra) {
  const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...extra });
  if (tenant) q.set("tenant", tenant);
  if (job) q.set("job_id", job);
  if (endUser) q.set("end_user", endUser);
  return q.toString();
}

// Where reports need a key (hybrid.cost.reports.auth=keys), the dashboard asks for one once per browser session: a
// tenant's key shows its own spend, the admin token everyone's. It is kept in this tab's session storage only.
const KEY = "hybrid-cost-key";

async function getJson(path) {
  const headers = { Accept: "application/json" };
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = "Bearer " + key;
  const response = await fetch(path, { headers });
  if (response.status === 401) {
    const entered = window.prompt("This dashboard needs a key: a tenant's API key, or the admin token.");
    if (entered && entered.trim() && entered.trim() !== key) {
      sessionStorage.setItem(KEY, entered.trim());
      return getJson(path);
    }
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(path.split("?")[0] + ": " + (body.detail || response.status));
  return body;
}

function el(name, attrs = {}, parent = null, text = null) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function html(name, attrs = {}, parent = null, text = null) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  if (text !== null) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function usd(value) {
  const n = Number(value);
  // Cents hide most of a small bill: under a dollar, a tenth of a cent more; under a cent, two significant digits.
  if (n !== 0 && Math.abs(n) < 0.01) return "$" + n.toPrecision(2);
  const digits = Math.abs(n) < 1 ? 3 : 2;
  return "$" + n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function colourOf(keys) {
  const colours = new Map();
  [...new Set(keys)].sort().forEach((key, i) => colours.set(key, PALETTE[i % PALETTE.length]));
  return colours;
}

function emptyNote(svg, text) {
  el("text", { x: 20, y: 40, class: "empty" }, svg, text);
}

function drawKpis(total, savings) {
  const box = document.getElementById("kpis");
  const tiles = [
    ["spend", usd(total.cost_usd), "spent in " + days + " days"],
    ["calls", String(total.calls), "provider calls"],
    ["requests", String(total.requests), "requests"],
    ["savings", savings.ok ? savings.total.savings_percent + "%" : "–",
      savings.ok ? "saved vs " + savings.reference.provider + "/" + savings.reference.model : savings.reason],
    ["cache", savings.ok && savings.cache ? usd(savings.cache.saved_usd) : "–",
      savings.ok && savings.cache ? "saved by " + savings.cache.hits + " cache hits" : "cache hits"],
    ["unpriced", String(total.unpriced_calls), "unpriced calls"],
  ];
  for (const [id, value, label] of tiles) {
    const tile = html("div", { class: "kpi", "data-kpi": id }, box);
    html("div", { class: "value" }, tile, value);
    html("div", { class: "label" }, tile, label);
  }
}

/** Stacked bars: one per UTC day of the range, one segment per provider. */
function drawSpendOverTime(groups) {
  const svg = document.querySelector("#spend-over-time svg");
  const legend = document.querySelector("#spend-over-time .legend");
  const dayList = [];
  for (let d = new Date(from); d <= to; d.setUTCDate(d.getUTCDate() + 1)) dayList.push(d.toISOString().slice(0, 10));
  const colours = colourOf(groups.map((g) => g.provider));
  const perDay = new Map(dayList.map((day) => [day, []]));
  for (const g of groups) if (perDay.has(g.day) && Number(g.cost_usd) > 0) perDay.get(g.day).push(g);
  const max = Math.max(0, ...[...perDay.values()].map((gs) => gs.reduce((s, g) => s + Number(g.cost_usd), 0)));
  const [left, top, width, height] = [60, 10, 830, 210];
  el("line", { x1: left, y1: top + height, x2: left + width, y2: top + height, class: "axis" }, svg);
  if (max === 0) return emptyNote(svg, "No priced spend in this range.");
  for (const fraction of [0.5, 1]) {
    const y = top + height - fraction * height;
    el("line", { x1: left, y1: y, x2: left + width, y2: y, class: "axis", "stroke-dasharray": "3 3" }, svg);
    el("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, svg, usd(max * fraction));
  }
  const slot = width / dayList.length;
  dayList.forEach((day, i) => {
    let y = top + height;
    for (const g of perDay.get(day).sort((a, b) => a.provider.localeCompare(b.provider))) {
      const h = (Number(g.cost_usd) / max) * height;
      y -= h;
      const bar = el("rect", { x: left + i * slot + slot * 0.15, y, width: slot * 0.7, height: Math.max(h, 1),
        fill: colours.get(g.provider), class: "bar", "data-day": day, "data-provider": g.provider,
        "data-usd": g.cost_usd }, svg);
      el("title", {}, bar, day + " " + g.provider + ": " + usd(g.cost_usd));
    }
    if (dayList.length <= 10 || i % Math.ceil(dayList.length / 10) === 0 || i === dayList.length - 1) {
      el("text", { x: left + i * slot + slot / 2, y: top + height + 16, "text-anchor": "middle" }, svg, day.slice(5));
    }
  });
  const spending = new Set(groups.filter((g) => Number(g.cost_usd) > 0).map((g) => g.provider));
  for (const [provider, colour] of [...colours].filter(([provider]) => spending.has(provider))) {
    html("li", { style: "--swatch:" + colour, "data-provider": provider }, legend, provider);
  }
}

/** Horizontal bars, one per provider and model, largest first. */
function drawByModel(groups) {
  const svg = document.querySelector("#by-model svg");
  const rows = groups.filter((g) => Number(g.cost_usd) > 0 || g.calls > 0)
    .sort((a, b) => Number(b.cost_usd) - Number(a.cost_usd)).slice(0, 8);
  if (rows.length === 0) return emptyNote(svg, "No calls in this range.");
  const colours = colourOf(groups.map((g) => g.provider));
  const max = Math.max(...rows.map((g) => Number(g.cost_usd)), 1e-12);
  const rowHeight = Math.min(26, 200 / rows.length);
  rows.forEach((g, i) => {
    const y = 10 + i * rowHeight;
    const label = g.provider + " / " + (g.model || "?");
    el("text", { x: 150, y: y + rowHeight * 0.65, "text-anchor": "end" }, svg, label.length > 26 ? label.slice(0, 25) + "…" : label);
    const w = (Number(g.cost_usd) / max) * 210;
    const bar = el("rect", { x: 158, y: y + 3, width: Math.max(w, 1), height: rowHeight - 6, rx: 2,
      fill: colours.get(g.provider), class: "bar", "data-provider": g.provider, "data-model": g.model || "",
      "data-usd": g.cost_usd }, svg);
    el("title", {}, bar, label + ": " + usd(g.cost_usd) + " in " + g.calls + " calls");
    el("text", { x: 164 + Math.max(w, 1), y: y + rowHeight * 0.65, class: "value-label" }, svg, usd(g.cost_usd));
  });
}

/** A donut of calls per tier. */
function drawTiers(groups) {
  const svg = document.querySelector("#tiers svg");
  const slices = groups.filter((g) => g.calls > 0).map((g) => ({ tier: g.tier || "unknown", calls: g.calls }));
  const total = slices.reduce((s, g) => s + g.calls, 0);
  if (total === 0) return emptyNote(svg, "No calls in this range.");
  const [cx, cy, r] = [110, 110, 90];
  let angle = -Math.PI / 2;
  slices.forEach((s, i) => {
    const sweep = (s.calls / total) * 2 * Math.PI;
    const colour = TIER_COLOURS[s.tier] || PALETTE[(i + 3) % PALETTE.length];
    const attrs = { fill: colour, class: "slice", "data-tier": s.tier, "data-calls": s.calls };
    const slice = sweep >= 2 * Math.PI - 1e-9
      ? el("circle", { cx, cy, r, ...attrs }, svg)
      : el("path", { d: arc(cx, cy, r, angle, angle + sweep), ...attrs }, svg);
    el("title", {}, slice, s.tier + ": " + s.calls + " calls");
    angle += sweep;
    const y = 40 + i * 24;
    el("rect", { x: 240, y: y - 10, width: 12, height: 12, rx: 2, fill: colour }, svg);
    el("text", { x: 260, y }, svg, s.tier + "  " + Math.round((100 * s.calls) / total) + "% (" + s.calls + ")");
  });
  el("circle", { cx, cy, r: 50, fill: "#fff" }, svg);
  el("text", { x: cx, y: cy + 6, "text-anchor": "middle", class: "value-label" }, svg, total + " calls");
}

function arc(cx, cy, r, start, end) {
  const [x1, y1, x2, y2] = [cx + r * Math.cos(start), cy + r * Math.sin(start), cx + r * Math.cos(end), cy + r * Math.sin(end)];
  return `M ${cx} ${cy} L ${x1} ${y1} A ${r} ${r} 0 ${end - start > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
}

/** A half-circle gauge per budget: spend of the current period, with the warn and pause thresholds marked. */
function drawBudgets(budgets) {
  const box = document.querySelector("#budgets .gauges");
  if (budgets.length === 0) return html("p", { class: "empty" }, box, "No budgets set.");
  for (const b of budgets) {
    const gauge = html("figure", { class: "gauge " + b.level, "data-scope": b.scope, "data-period": b.period,
      "data-percent": b.percent, "data-level": b.level }, box);
    const svg = el("svg", { viewBox: "0 0 200 120" }, gauge);
    const [cx, cy, r] = [100, 100, 80];
    const point = (p) => [cx - r * Math.cos((Math.min(p, 100) / 100) * Math.PI), cy - r * Math.sin((Math.min(p, 100) / 100) * Math.PI)];
    const path = (p) => { const [x, y] = point(p); return `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${x} ${y}`; };
    el("path", { d: path(100), class: "track", fill: "none", "stroke-width": 16 }, svg);
    if (b.percent > 0) el("path", { d: path(b.percent), class: "fill", fill: "none", "stroke-width": 16 }, svg);
    for (const t of [b.warn_at_percent, b.pause_at_percent]) {
      const a = (t / 100) * Math.PI;
      el("line", { x1: cx - (r - 12) * Math.cos(a), y1: cy - (r - 12) * Math.sin(a), x2: cx - (r + 12) * Math.cos(a),
        y2: cy - (r + 12) * Math.sin(a), class: "tick" }, svg);
    }
    el("text", { x: cx, y: cy - 8, "text-anchor": "middle", class: "percent" }, svg, b.percent + "%");
    html("figcaption", { class: "caption" }, gauge,
      `${b.scope} · ${b.period} ${b.period_key}: ${usd(b.spend_usd)} of ${usd(b.amount_usd)}` +
      ` (forecast ${usd(b.forecast_usd)})`);
  }
}

function drawAlerts(alerts) {
  const list = document.querySelector("#alerts .alerts");
  if (alerts.length === 0) return html("li", { class: "empty" }, list, "No alerts.");
  for (const a of alerts) {
    // Budget alerts carry a level; provider alerts are an outage or its end.
    const level = a.type === "budget" ? a.level : a.type === "provider_outage" ? "outage" : "recovered";
    const row = html("li", { class: "alert", "data-level": level, "data-tenant": a.tenant }, list);
    html("span", { class: "badge " + level }, row, level);
    html("time", { datetime: a.at }, row, a.at.replace("T", " ").slice(0, 19) + " UTC");
    if (a.type === "provider_outage") {
      html("span", {}, row, `provider ${a.provider} out since ${a.since.replace("T", " ").slice(0, 19)}: ${a.detail}`);
    } else if (a.type === "provider_recovered") {
      html("span", {}, row, `provider ${a.provider} usable again after ${a.duration_seconds} s: ${a.detail}`);
    } else {
      const who = a.tenant === "*" ? "global" : "tenant " + a.tenant;
      html("span", {}, row, `${who}, period ${a.period}: ${usd(a.spend_usd)} of ` +
        `${a.budget_usd == null ? "a deleted budget" : usd(a.budget_usd)} (${a.percent}%), forecast ${usd(a.forecast_usd)}`);
    }
  }
}

async function main() {
  document.getElementById("scope").textContent = (tenant ? "tenant " + tenant : "all tenants") +
    (job ? " · job " + job : "") + (endUser ? " · end user " + endUser : "") + " · " +
    from.toISOString().slice(0, 10) + " to " + to.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  try {
    const [perDay, perModel, perTier, budgets, alerts, savings] = await Promise.all([
      getJson("/v1/costs/summary?" + query({ group_by: "day,provider" })),
      getJson("/v1/costs/summary?" + query({ group_by: "provider,model" })),
      getJson("/v1/costs/summary?" + query({ group_by: "tier" })),
      getJson("/v1/costs/budgets" + (tenant ? "?tenant=" + encodeURIComponent(tenant) : "")),
      getJson("/v1/costs/alerts?limit=12" + (tenant ? "&tenant=" + encodeURIComponent(tenant) : "")),
      // Savings need a priced reference model; without one, the tile says why instead of failing the page.
      getJson("/v1/costs/savings?" + query({})).then((s) => ({ ok: true, ...s }), (e) => ({ ok: false, reason: e.message })),
    ]);
    drawKpis(perModel.total, savings);
    drawSpendOverTime(perDay.groups);
    drawByModel(perModel.groups);
    drawTiers(perTier.groups);
    drawBudgets(budgets);
    drawAlerts(alerts);
    document.body.dataset.state = "ready";
  } catch (e) {
    const problem = document.getElementById("problem");
    problem.hidden = false;
    problem.textContent = "Could not load the reports: " + e.message;
    document.body.dataset.state = "failed";
  }
}

main();
