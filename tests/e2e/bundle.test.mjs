// The minified script-tag builds (.ci/build.sh → pkg/chart.min.js, pkg/element.min.js,
// pkg/trade-target-chart.min.js): the same charts as the readable sources, the wasm found beside
// them, no request more than each page needs, and nothing a strict CSP blocks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { openPage, waitForCharts, STRICT_CSP } from "./embed-pages.mjs";
import { renderHTML } from "../../src/js/index.js";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

const SPEC = { title: "Bundled <b>chart</b>", kind: "bars" };
const COUNT_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
};

const elementPage = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="${src}"></script></head><body>
<trade-target-chart spec='${JSON.stringify(SPEC)}'></trade-target-chart>
<trade-target-chart spec='{"series": "nope"}'></trade-target-chart>
</body></html>`;

/** The first chart's SVG and the second's error text, as drawn by the element from `src`. */
async function drawWith(src, csp) {
  const p = await openPage(env, elementPage(src), { csp, init: COUNT_VIOLATIONS, viewport: { width: 700, height: 2000 } });
  await waitForCharts(p, "trade-target-chart:first-of-type");
  await p.waitForFunction(() => document.querySelectorAll("trade-target-chart")[1].shadowRoot?.textContent.includes("series"));
  const r = await p.evaluate(() => {
    const [good, bad] = document.querySelectorAll("trade-target-chart");
    return {
      svg: good.shadowRoot.querySelector("svg").outerHTML,
      error: bad.shadowRoot.textContent.trim(),
      violations: window.__violations,
    };
  });
  return { ...r, errors: p.errors };
}

for (const script of ["chart.min.js", "element.min.js"]) {
  test(`${script} draws what element.js draws, and shows the same error box, under a strict CSP`, async () => {
    const min = await drawWith(`/pkg/${script}`, STRICT_CSP);
    const src = await drawWith("/src/js/element.js", STRICT_CSP);
    assert.match(min.svg, /^<svg[^>]*class="ttc-chart"/);
    assert.match(min.svg, /Bundled &lt;b&gt;chart&lt;\/b&gt;/, "user text stays text");
    assert.equal(min.svg, src.svg);
    assert.match(min.error, /series: expected an array, found a string/);
    assert.equal(min.error, src.error);
    assert.deepEqual(min.violations, []);
    assert.deepEqual(min.errors, []);
  });
}

/** The .js and .wasm paths a page requested, once each, sorted. */
const RECORD_REQUESTS = () => {
  window.__requests = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__requests.push(new URL(e.name).pathname))).observe({ type: "resource", buffered: true });
};
const requested = async (p) => [...new Set(await p.evaluate(() => window.__requests))].filter((u) => /\.(js|wasm)$/.test(u)).sort();

test("a dynamic chart by the editors' script tag (chart.min.js) loads that file and the wasm, nothing else", async () => {
  const p = await openPage(env, elementPage("/pkg/chart.min.js"), { viewport: { width: 700, height: 2000 }, init: RECORD_REQUESTS });
  await waitForCharts(p, "trade-target-chart:first-of-type");
  await p.waitForTimeout(300); // a late import would have been requested by now
  assert.deepEqual(await requested(p), ["/pkg/chart.min.js", "/pkg/trade_target_chart_bg.wasm"]);
  // A fitting fragment's tooltips and buttons are not in it: imported when one is met.
  const chart = await readFile(path.join(ROOT, "pkg/chart.min.js"), "utf8");
  assert.ok(!chart.includes(".dataset.tips"), "chart.min.js holds none of tips.js");
  assert.ok(chart.includes('import("./tips.min.js")'), "chart.min.js imports tips.min.js");
  assert.ok(!chart.includes("left:-10000px") && chart.includes('import("./downloads.min.js")'), "chart.min.js imports downloads.js, holds none of it");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("chart.min.js meets a pre-rendered chart that fits every column: tips.min.js answers its tooltips, with no wasm; beside element.min.js, one element is defined", async () => {
  const fit = await renderHTML({});
  const page = (scripts) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${scripts}</head><body style="margin:0">
<div style="width:640px">${fit}</div></body></html>`;
  for (const scripts of [
    '<script type="module" src="/pkg/chart.min.js"></script>',
    '<script type="module" src="/pkg/chart.min.js"></script><script type="module" src="/pkg/element.min.js"></script>',
  ]) {
    const p = await openPage(env, page(scripts), { viewport: { width: 700, height: 1200 }, init: RECORD_REQUESTS });
    await p.waitForFunction(() => !!document.querySelector("trade-target-chart")?.shadowRoot?.querySelector(".box[data-tips]"));
    const box = await p.evaluateHandle(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc"));
    const r = await box.evaluate((b) => b.getBoundingClientRect().toJSON());
    await p.mouse.move(r.x + r.width * 0.6, r.y + r.height * 0.5);
    await p.waitForFunction(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc-tip").style.display === "block");
    const tip = await p.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc-tip").textContent);
    assert.match(tip, /\$\d+(\.\d)?B/, `the tooltip says a value: ${tip}`);
    const js = await requested(p);
    assert.ok(js.includes("/pkg/tips.min.js") || js.includes("/pkg/element.min.js"), js.join(" "));
    assert.ok(!js.some((u) => u.endsWith(".wasm") || u.endsWith("trade-target-chart.min.js")), `no engine, no wasm: ${js.join(" ")}`);
    assert.deepEqual(p.errors, [], scripts);
    await p.context().close();
  }
});

test("a dynamic chart by the pre-rendered pages' script (element.min.js) loads the element, the engine and the wasm, never the fitting fragment's downloads.min.js", async () => {
  const p = await openPage(env, elementPage("/pkg/element.min.js"), { viewport: { width: 700, height: 2000 }, init: RECORD_REQUESTS });
  await waitForCharts(p, "trade-target-chart:first-of-type");
  await p.waitForTimeout(300); // a late import would have been requested by now
  const js = await requested(p);
  assert.deepEqual(js, ["/pkg/element.min.js", "/pkg/trade-target-chart.min.js", "/pkg/trade_target_chart_bg.wasm"]);
  // The fitting fragment's tooltips are in the element (no second request before its first
  // tooltip); its buttons' code is not.
  const element = await readFile(path.join(ROOT, "pkg/element.min.js"), "utf8");
  assert.ok(element.includes(".dataset.tips"), "element.min.js holds the fitting fragment's tooltips");
  assert.ok(!element.includes("toPNG"), "element.min.js holds none of downloads.js");
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("trade-target-chart.min.js: mount and renderSVG from one file and the wasm beside it", async () => {
  const p = await openPage(env, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body style="margin:0"><div id="c" style="width:640px"></div></body></html>`);
  const requests = [];
  p.on("request", (r) => requests.push(new URL(r.url()).pathname));
  const r = await p.evaluate(async () => {
    const m = await import("/pkg/trade-target-chart.min.js");
    const chart = await m.mount(document.getElementById("c"));
    let bad;
    try {
      await m.renderSVG({ titel: "x" });
    } catch (e) {
      bad = `${e.name} [${e.path}] ${e.message}`;
    }
    return { svg: await m.renderSVG(undefined, { width: 640 }), drawn: chart.toSVG().slice(0, 4), bad, exports: Object.keys(m).sort() };
  });
  const golden = await readFile(path.join(ROOT, "tests/golden/default-640.svg"), "utf8");
  assert.equal(r.svg, golden, "byte-identical to the native golden file");
  assert.equal(r.drawn, "<svg");
  assert.equal(r.bad, 'SpecError [titel] titel: unknown key "titel"; did you mean "title"?');
  assert.deepEqual(r.exports, ["SpecError", "defaultSpec", "hydrate", "mount", "parseCSV", "ready", "renderHTML", "renderSVG", "setWasmUrl"]);
  assert.deepEqual(requests.filter((u) => u.startsWith("/pkg/") || u.startsWith("/src/")), [
    "/pkg/trade-target-chart.min.js",
    "/pkg/trade_target_chart_bg.wasm",
  ]);
  assert.deepEqual(p.errors, []);
});
