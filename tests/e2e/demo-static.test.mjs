// The demo's second page, www/static.html: a pre-rendered chart (written by www/build-static.mjs
// with renderHTML) beside a dynamic one, both under the strict CSP, neither shifting the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { createHash } from "node:crypto";
import { STRICT_CSP, frames } from "./embed-pages.mjs";
import { staticPage } from "../../www/build-static.mjs";

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("www/static.html is what www/build-static.mjs writes (run it after changing the chart)", async () => {
  assert.equal(await readFile(path.join(ROOT, "www/static.html"), "utf8"), await staticPage());
});

test("the static page: the pre-rendered chart answers on hover without being drawn anew, the dynamic one draws, no shift, no CSP violation", async () => {
  const p = await env.newPage({ viewport: { width: 1100, height: 1000 } });
  // The strict policy with the fragment's style allowed by its hash (README, "Static first").
  const css = (await staticPage()).split("<style>")[1].split("</style>")[0];
  const csp = STRICT_CSP.replace("style-src 'self'", `style-src 'self' 'sha256-${createHash("sha256").update(css).digest("base64")}'`);
  await p.context().route(`${env.url}/www/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": csp } });
  });
  await p.addInitScript(() => {
    window.__shift = 0;
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await p.goto(`${env.url}/www/static.html`);
  await p.waitForFunction(() => document.getElementById("dynamic").chart);
  const box = await p.evaluate(() => {
    const r = [...document.querySelector("trade-target-chart[rendered]").shadowRoot.querySelectorAll(".ttc-l svg")].find((s) => s.getBoundingClientRect().width > 0).getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await p.mouse.move(box.x, box.y);
  await p.mouse.move(box.x + 1, box.y);
  await frames(p);
  const r = await p.evaluate(() => {
    const [pre, dyn] = document.querySelectorAll("trade-target-chart");
    const tip = pre.shadowRoot.querySelector(".ttc-tip");
    const shown = [...pre.shadowRoot.querySelectorAll(".ttc-l")].find((l) => l.offsetWidth > 0);
    const svg = shown.querySelector("svg");
    return {
      shift: window.__shift,
      violations: window.__violations,
      layout: shown.dataset.w,
      box: pre.shadowRoot.querySelector(".ttc").getBoundingClientRect().height,
      drawing: (svg.viewBox.baseVal.height * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width,
      tip: getComputedStyle(tip).display !== "none" && /^20\d\d/.test(tip.textContent),
      width: pre.getBoundingClientRect().width,
      state: document.getElementById("pre-state").textContent,
      dyn: dyn.chart !== null,
    };
  });
  assert.equal(r.width, 480);
  assert.equal(r.layout, "420", "a 480 px column shows the 420 px layout, scaled up");
  assert.ok(Math.abs(r.box - r.drawing) <= 2, `box ${r.box}, drawing ${r.drawing}`);
  assert.deepEqual([r.tip, r.state, r.dyn], [true, "static", true]);
  assert.equal(r.shift, 0);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(p.errors, []);
});
