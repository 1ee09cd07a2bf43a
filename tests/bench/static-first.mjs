// Static first, measured: how soon a reader sees the chart on a pre-rendered page (renderHTML)
// and on a dynamic one (<trade-target-chart>), what is fetched before that, and the layout
// shift. `node tests/bench/static-first.mjs [runs]` (default 7) after `bash .ci/build.sh`.
//
// Each page is an article: a heading, a paragraph, the chart, text below; the script tag is
// each path's own: pkg/element.min.js on the pre-rendered page (the element and the fitting
// fragment's tooltips; the engine imported only to draw), pkg/chart.min.js on the dynamic ones
// (the element and the engine in one file; the wasm beside it). Served from a small
// server here (so Chromium's network throttling applies), cache disabled, a new context per
// load, pages interleaved. "Visible" is the time of the first animation frame in which the
// chart's <svg> is in the page with a size (a rAF loop from the document's start), the same
// probe for both paths, and not before first-contentful-paint (Chromium's paint entry).
// Bytes are as served (this server does not compress). Two networks: this
// machine's loopback, and Lighthouse's mobile throttling (150 ms RTT, 1.6 Mbps down).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { chromium } from "playwright-core";
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { renderHTML } from "../../src/js/index.js";

const RUNS = Number(process.argv[2]) || 7;
const WIDTH = 640;
// The README's build step: renderHTML(spec), the fragment that fits every column;
// TTC_FRAGMENT_WIDTH=640 measures the one-width fragment (taken over on intent) instead.
const ONE_WIDTH = Number(process.env.TTC_FRAGMENT_WIDTH) || null;
const fragment = await renderHTML({}, ONE_WIDTH ? { width: ONE_WIDTH } : {});

const page = (chart, script, blocking = false) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>
<script type="module" src="/pkg/${script}"${blocking ? ' blocking="render"' : ""}></script></head>
<body><h1>China–Russia trade</h1><p>Text before the chart.</p>${chart}<p>Text after the chart.</p>${"<p>More article text.</p>".repeat(30)}</body></html>`;

const PAGES = {
  "/pre.html": page(fragment, "element.min.js"),
  "/dynamic.html": page("<trade-target-chart></trade-target-chart>", "chart.min.js"),
  "/dynamic-blocking.html": page("<trade-target-chart></trade-target-chart>", "chart.min.js", true),
};
const KINDS = [
  ["pre-rendered", "/pre.html", "interaction (default)"],
  ["dynamic", "/dynamic.html", "near the viewport (default)"],
  ["dynamic, script blocking=\"render\"", "/dynamic-blocking.html", "near the viewport (default)"],
];
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm" };

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://x");
  const html = PAGES[url.pathname];
  if (html) {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    return res.end(html);
  }
  if (!/^\/pkg\/[\w.-]+$/.test(url.pathname)) return res.writeHead(404).end();
  try {
    const body = await readFile(path.join(ROOT, url.pathname));
    res.writeHead(200, { "content-type": TYPES[path.extname(url.pathname)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

function probe() {
  window.__m = { shift: 0, fcp: null, visible: null };
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__m.shift += e.value))).observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => e.name === "first-contentful-paint" && (window.__m.fcp = e.startTime))).observe({ type: "paint", buffered: true });
  const look = (t) => {
    // The layout on screen (a fitting fragment's others are display: none).
    const svgs = document.querySelector("trade-target-chart")?.shadowRoot?.querySelectorAll(".ttc svg") ?? [];
    if ([...svgs].some((svg) => svg.getBoundingClientRect().height > 0)) window.__m.visible = t;
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

async function load(pathname, throttled) {
  const context = await browser.newContext({ viewport: { width: WIDTH + 16, height: 900 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (throttled) {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 });
  }
  await p.addInitScript(probe);
  await p.goto(`${origin}${pathname}`);
  await p.waitForFunction(() => window.__m.visible !== null && window.__m.fcp !== null, null, { timeout: 60_000 });
  const m = await p.evaluate(() => {
    const before = (t) => performance.getEntriesByType("resource").filter((e) => e.startTime < t).map((e) => ({ name: new URL(e.name).pathname, bytes: e.encodedBodySize, done: e.responseEnd }));
    // Nothing is on screen before the first contentful paint: a chart in the first frame
    // (the pre-rendered one) becomes visible with it.
    window.__m.visible = Math.max(window.__m.visible, window.__m.fcp);
    return { ...window.__m, requestedBeforeVisible: before(window.__m.visible), requestedBeforeFcp: before(window.__m.fcp) };
  });
  // The first tooltip: the mouse comes over the plot and keeps moving a pixel at a time (as
  // a reader's does) until a tooltip with words is on screen; its latency is from the first
  // move, and the bytes are the JS and wasm requested before it showed.
  const box = await p.evaluate(() => {
    const r = [...document.querySelector("trade-target-chart").shadowRoot.querySelectorAll(".ttc svg")].find((s) => s.getBoundingClientRect().width > 0).getBoundingClientRect();
    return { x: r.left + r.width * 0.6, y: r.top + r.height * 0.5 };
  });
  await p.evaluate(() => (window.__t0 = performance.now()));
  for (let i = 0; ; i++) {
    await p.mouse.move(box.x + (i % 2), box.y);
    const at = await p.evaluate(() => {
      const t = document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc-tip");
      return t && t.textContent.trim() && getComputedStyle(t).display !== "none" && t.getBoundingClientRect().width > 0 ? performance.now() : null;
    });
    if (at !== null) {
      m.tip = at - (await p.evaluate(() => window.__t0));
      m.beforeTip = await p.evaluate((t) => performance.getEntriesByType("resource").filter((e) => e.responseEnd <= t).map((e) => ({ name: new URL(e.name).pathname, bytes: e.encodedBodySize })), at);
      break;
    }
    if (i > 2000) throw new Error(`${pathname}: no tooltip`);
  }
  // A fitting fragment is never taken over (its tooltips need no engine).
  if (pathname !== "/pre.html" || ONE_WIDTH) {
    await p.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 60_000 });
  }
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.waitForTimeout(200);
  m.shiftAfter = await p.evaluate(() => window.__m.shift);
  await context.close();
  return m;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const lines = [];
const log = (s) => {
  lines.push(s);
  console.log(s);
};
log(`# Static first: ${RUNS} loads each, medians (min–max); viewport ${WIDTH + 16} px, the default chart`);
log(`fragment (renderHTML, default chart, ${ONE_WIDTH ? `${ONE_WIDTH} px` : "no width: fits every column"}): ${Buffer.byteLength(fragment)} B raw, ${gzipSync(fragment, { level: 9 }).length} B gzip -9`);
for (const throttled of [false, true]) {
  log(`\n## ${throttled ? "throttled: 150 ms RTT, 1.6 Mbps" : "loopback, no throttling"}`);
  log("| page | loading | first contentful paint (ms) | chart visible (ms) | JS+wasm requested before visible | layout-shift sum, through take-over |");
  log("| --- | --- | ---: | ---: | --- | ---: |");
  const results = Object.fromEntries(KINDS.map(([k]) => [k, []]));
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < KINDS.length; j++) {
      const [kind, pathname] = KINDS[(i + j) % KINDS.length];
      results[kind].push(await load(pathname, throttled));
    }
  }
  for (const [kind, , loading] of KINDS) {
    const rs = results[kind];
    const fmt = (key) => {
      const xs = rs.map((r) => r[key]);
      return `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
    };
    const fetched = rs.map((r) => r.requestedBeforeVisible.filter((e) => /\.(js|wasm)$/.test(e.name)));
    const names = [...new Set(fetched.flat().map((e) => `${path.basename(e.name)}`))].join(", ") || "none";
    const bytes = median(fetched.map((f) => f.reduce((s, e) => s + e.bytes, 0)));
    const shifts = rs.map((r) => r.shiftAfter);
    log(`| ${kind} | ${loading} | ${fmt("fcp")} | ${fmt("visible")} | ${names} (${bytes} B) | ${median(shifts).toFixed(4)} (max ${Math.max(...shifts).toFixed(4)}) |`);
  }
  log("\n| page | first tooltip after the mouse arrives (ms) | JS+wasm received before it |");
  log("| --- | ---: | --- |");
  for (const [kind] of KINDS) {
    const rs = results[kind];
    const xs = rs.map((r) => r.tip);
    const got = rs.map((r) => r.beforeTip.filter((e) => /\.(js|wasm)$/.test(e.name)));
    const names = [...new Set(got.flat().map((e) => path.basename(e.name)))].join(", ") || "none";
    const bytes = median(got.map((f) => f.reduce((s, e) => s + e.bytes, 0)));
    log(`| ${kind} | ${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}) | ${names} (${bytes} B) |`);
  }
  const pre = results["pre-rendered"];
  const neededBeforeVisible = pre.map((r) => r.requestedBeforeVisible.filter((e) => /\.(js|wasm)$/.test(e.name) && e.done <= r.visible));
  log(`pre-rendered: JS/wasm *received* before the chart was visible: ${median(neededBeforeVisible.map((f) => f.reduce((s, e) => s + e.bytes, 0)))} B (median); wasm requested before visible in ${pre.filter((r) => r.requestedBeforeVisible.some((e) => e.name.endsWith(".wasm"))).length} of ${RUNS} loads`);
}
await browser.close();
server.close();
