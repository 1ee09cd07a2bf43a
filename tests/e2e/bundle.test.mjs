// The minified script-tag builds (.ci/build.sh → pkg/element.min.js, pkg/trade-target-chart.min.js):
// the same charts as the readable sources, the wasm found beside them, two requests in all, and
// nothing a strict CSP blocks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { openPage, waitForCharts, STRICT_CSP } from "./embed-pages.mjs";

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

test("element.min.js draws what element.js draws, and shows the same error box, under a strict CSP", async () => {
  const min = await drawWith("/pkg/element.min.js", STRICT_CSP);
  const src = await drawWith("/src/js/element.js", STRICT_CSP);
  assert.match(min.svg, /^<svg[^>]*class="ttc-chart"/);
  assert.match(min.svg, /Bundled &lt;b&gt;chart&lt;\/b&gt;/, "user text stays text");
  assert.equal(min.svg, src.svg);
  assert.match(min.error, /series: expected an array, found a string/);
  assert.equal(min.error, src.error);
  assert.deepEqual(min.violations, []);
  assert.deepEqual(min.errors, []);
});

test("a dynamic chart by script tag loads the element, the engine and the wasm, never the fitting fragment's downloads.min.js", async () => {
  const init = () => {
    window.__requests = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__requests.push(new URL(e.name).pathname))).observe({ type: "resource", buffered: true });
  };
  const p = await openPage(env, elementPage("/pkg/element.min.js"), { viewport: { width: 700, height: 2000 }, init });
  await waitForCharts(p, "trade-target-chart:first-of-type");
  await p.waitForTimeout(300); // a late import would have been requested by now
  const js = [...new Set(await p.evaluate(() => window.__requests))].filter((u) => /\.(js|wasm)$/.test(u)).sort();
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
