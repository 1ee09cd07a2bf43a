// The demo's second page, www/static.html: a pre-rendered chart (written by www/build-static.mjs
// with renderHTML) beside a dynamic one, both under the strict CSP, neither shifting the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { STRICT_CSP } from "./embed-pages.mjs";
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

test("the static page: the pre-rendered chart is taken over on hover, the dynamic one draws, no shift, no CSP violation", async () => {
  const p = await env.newPage({ viewport: { width: 1100, height: 1000 } });
  await p.context().route(`${env.url}/www/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
  });
  await p.addInitScript(() => {
    window.__shift = 0;
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: "layout-shift", buffered: true });
  });
  await p.goto(`${env.url}/www/static.html`);
  await p.waitForFunction(() => document.getElementById("dynamic").chart);
  assert.equal(await p.$eval("#pre-state", (e) => e.textContent), "static");
  await p.hover("trade-target-chart[rendered]");
  await p.waitForFunction(() => document.getElementById("pre-state").textContent === "taken over");
  const r = await p.evaluate(() => {
    const [pre, dyn] = document.querySelectorAll("trade-target-chart");
    const h = (el) => el.shadowRoot.querySelector(".box").getBoundingClientRect().height;
    return { shift: window.__shift, violations: window.__violations, pre: h(pre), dyn: h(dyn), width: pre.getBoundingClientRect().width };
  });
  assert.equal(r.width, 480);
  assert.equal(r.pre, r.dyn, "the same chart at the same width: the same box");
  assert.equal(r.shift, 0);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(p.errors, []);
});
