// <trade-target-chart> (src/js/element.js): the one-script-tag embed for editors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT } from "./harness.mjs";
import { openPage, waitForCharts, chartTexts, frames } from "./embed-pages.mjs";

const SCRIPT = `<script type="module" src="/src/js/element.js"></script>`;
const page = (body, head = "") =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}${SCRIPT}</head><body>${body}</body></html>`;

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

test("the spec comes from a child JSON script, the spec attribute, a src URL, or the default", async () => {
  const p = await openPage(
    env,
    page(`
      <trade-target-chart id="script"><script type="application/json">{"title": "From a child script"}</script></trade-target-chart>
      <trade-target-chart id="attr" spec='{"title": "From the spec attribute", "kind": "bars"}'></trade-target-chart>
      <trade-target-chart id="src" src="spec.json"></trade-target-chart>
      <trade-target-chart id="none"></trade-target-chart>`,
      // A second copy of the module (another URL) must not throw on the second define().
      `<script type="module" src="/src/js/element.js?copy=2"></script>`),
    { files: { "spec.json": { body: JSON.stringify({ title: "From a src URL" }) } }, viewport: { width: 700, height: 3000 } },
  );
  await waitForCharts(p);
  assert.equal((await chartTexts(p, "#script"))[0], "From a child script");
  assert.equal((await chartTexts(p, "#attr"))[0], "From the spec attribute");
  assert.equal((await chartTexts(p, "#src"))[0], "From a src URL");
  assert.match((await chartTexts(p, "#none"))[0], /China–Russia trade/);
  // The chart is in an open shadow root, not in the page's DOM.
  assert.equal(await p.evaluate(() => document.querySelectorAll("svg").length), 0);
  // Each follows its own width: 700 px viewport, 8 px body margin each side.
  const w = await p.$eval("#attr", (el) => el.shadowRoot.querySelector("svg").getAttribute("width"));
  assert.equal(Number(w), 700 - 16);
  assert.deepEqual(p.errors, []);
});

test("a bad spec, bad JSON or a failed src fetch shows a readable error box, never a blank one", async () => {
  const p = await openPage(
    env,
    page(`
      <trade-target-chart id="bad" spec='{"series": [{"year": 2020, "value": "abc"}]}'></trade-target-chart>
      <trade-target-chart id="json" spec='{"title": "x",}'></trade-target-chart>
      <trade-target-chart id="missing" src="nowhere.json"></trade-target-chart>
      <trade-target-chart id="badscript"><script type="application/json">[1, 2]</script></trade-target-chart>`),
    { files: { "nowhere.json": { body: "not here", status: 404, type: "text/plain" } }, viewport: { width: 700, height: 3000 } },
  );
  const boxes = await p.waitForFunction(() => {
    const out = {};
    for (const el of document.querySelectorAll("trade-target-chart")) {
      const box = el.shadowRoot.querySelector('.ttc-error[role="alert"]');
      if (!box) return false;
      out[el.id] = { text: box.textContent, height: box.getBoundingClientRect().height };
    }
    return out;
  }, null, { timeout: 15_000 }).then((h) => h.jsonValue());
  assert.match(boxes.bad.text, /series\[0\]\.value/);
  assert.match(boxes.json.text, /spec attribute is not valid JSON/);
  assert.match(boxes.missing.text, /could not be loaded.*nowhere\.json.*404/);
  assert.match(boxes.badscript.text, /must be an object/);
  for (const [id, b] of Object.entries(boxes)) assert.ok(b.height > 20, `${id}: the error box has room`);
  p.expectErrors(/status of 404/); // the 404 itself is logged by Chromium
  assert.deepEqual(p.errors, []);
});

test("changing spec or src redraws in place; a bad spec shows the error, a good one brings the chart back", async () => {
  const p = await openPage(env, page(`<trade-target-chart id="c" spec='{"title": "First"}'></trade-target-chart>`), {
    files: { "second.json": { body: JSON.stringify({ title: "From src" }) } },
  });
  await waitForCharts(p);
  const r = await p.evaluate(async () => {
    const el = document.getElementById("c");
    const title = () => el.shadowRoot.querySelector("svg text")?.textContent.trim();
    const rendered = () => new Promise((r) => el.addEventListener("ttc:render", r, { once: true }));
    const first = el.chart;
    el.setAttribute("spec", '{"title": "Second"}'); // update() is synchronous: no wait needed
    const second = title();
    const sameHandle = el.chart === first;
    el.setAttribute("spec", '{"kind": "nope"}');
    await new Promise((r) => setTimeout(r, 50));
    const error = el.shadowRoot.querySelector(".ttc-error")?.textContent;
    let done = rendered();
    el.setAttribute("spec", '{"title": "Third"}');
    await done;
    const third = title();
    el.setAttribute("src", "second.json"); // `spec` still wins: drawn again from it
    done = rendered();
    el.removeAttribute("spec"); // now `src` is fetched
    await done;
    return { second, sameHandle, error, third, fourth: title() };
  });
  assert.equal(r.second, "Second");
  assert.equal(r.sameHandle, true, "an attribute change updates the chart in place");
  assert.match(r.error, /kind/);
  assert.equal(r.third, "Third");
  assert.equal(r.fourth, "From src");
  assert.deepEqual(p.errors, []);
});

test("editing the child JSON script (a CMS preview) redraws the chart", async () => {
  const p = await openPage(
    env,
    page(`<trade-target-chart id="c"><script type="application/json">{"title": "Before"}</script></trade-target-chart>`),
  );
  await waitForCharts(p);
  const title = await p.evaluate(async () => {
    const el = document.getElementById("c");
    const done = new Promise((r) => el.addEventListener("ttc:render", r, { once: true }));
    el.querySelector("script").textContent = '{"title": "After"}';
    await done;
    return el.shadowRoot.querySelector("svg text").textContent.trim();
  });
  assert.equal(title, "After");
  assert.deepEqual(p.errors, []);
});

test("removing the element destroys the chart (also while the wasm is still loading)", async () => {
  const p = await openPage(env, page(`<trade-target-chart id="c"></trade-target-chart>`));
  await waitForCharts(p);
  const r = await p.evaluate(async () => {
    const el = document.getElementById("c");
    const handle = el.chart;
    el.remove();
    let destroyed = false;
    try {
      handle.toSVG();
    } catch {
      destroyed = true;
    }
    // Put back: draws again. Then removed in the same task as it was added.
    document.body.append(el);
    await new Promise((r) => el.addEventListener("ttc:render", r, { once: true }));
    const again = !!el.shadowRoot.querySelector("svg");
    const quick = document.createElement("trade-target-chart");
    quick.setAttribute("loading", "eager");
    document.body.append(quick);
    quick.remove();
    await new Promise((r) => setTimeout(r, 100));
    return {
      destroyed,
      again,
      chartAfter: el.chart !== null,
      quickEmpty: quick.shadowRoot.querySelector(".box").childElementCount === 0,
      quickChart: quick.chart,
    };
  });
  assert.equal(r.destroyed, true, "the handle is destroyed with the element");
  assert.equal(r.again, true, "put back, it draws again");
  assert.equal(r.chartAfter, true);
  assert.equal(r.quickEmpty, true, "removed before the wasm answered: nothing drawn");
  assert.equal(r.quickChart, null);
  assert.deepEqual(p.errors, []);
});

test("twenty elements load the wasm once and all draw; time to all twenty drawn", async () => {
  const els = Array.from({ length: 20 }, (_, i) => `<trade-target-chart loading="eager" spec='{"title": "Chart ${i + 1}"}'></trade-target-chart>`);
  const requests = [];
  const p = await env.newPage({ viewport: { width: 1000, height: 900 } });
  p.on("request", (req) => requests.push(new URL(req.url()).pathname));
  await p.addInitScript(() => {
    let n = 0;
    document.addEventListener("ttc:render", () => {
      if (++n === 1) window.__firstDrawnAt = performance.now();
      if (n === 20) window.__allDrawnAt = performance.now();
    });
  });
  await p.context().route(`${env.url}/__e2e__/twenty.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: page(els.join("\n")) }),
  );
  await p.goto(`${env.url}/__e2e__/twenty.html`);
  await waitForCharts(p);
  const at = await p.waitForFunction(() => window.__allDrawnAt).then((h) => h.jsonValue());
  const titles = await p.$$eval("trade-target-chart", (all) => all.map((e) => e.shadowRoot.querySelector("svg text").textContent.trim()));
  assert.deepEqual(titles, Array.from({ length: 20 }, (_, i) => `Chart ${i + 1}`));
  assert.equal(requests.filter((u) => u.endsWith(".wasm")).length, 1, `wasm requests: ${requests.join(" ")}`);
  assert.equal(requests.filter((u) => u.endsWith("/trade_target_chart.js")).length, 1);
  const t = await p.evaluate(() => ({
    first: window.__firstDrawnAt,
    wasm: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm")).responseEnd,
  }));
  console.log(`# 20 elements, ms after navigation start: wasm downloaded ${t.wasm.toFixed(0)}, first chart ${t.first.toFixed(0)}, all 20 ${at.toFixed(0)}`);
  assert.deepEqual(p.errors, []);
});

test("charts far below the fold draw only when scrolled near; space is held for them meanwhile", async () => {
  const p = await openPage(
    env,
    page(`<trade-target-chart id="top"></trade-target-chart>
      <div id="spacer"></div>
      <trade-target-chart id="below" spec='{"title": "Below the fold"}'></trade-target-chart>`,
      `<link rel="stylesheet" href="spacer.css">`),
    { files: { "spacer.css": { body: "#spacer { height: 3000px }", type: "text/css" } }, viewport: { width: 800, height: 600 } },
  );
  await waitForCharts(p, "#top");
  await frames(p);
  await p.waitForTimeout(200);
  const before = await p.$eval("#below", (el) => ({
    svg: !!el.shadowRoot.querySelector("svg"),
    height: el.getBoundingClientRect().height,
    width: el.getBoundingClientRect().width,
  }));
  assert.equal(before.svg, false, "not drawn while 3000 px below the viewport");
  // The chart's own rule, plus the 26 px row of links under it.
  const expected = Math.min(480, Math.max(260, before.width * 0.62)) + 26;
  assert.ok(Math.abs(before.height - expected) < 2, `placeholder height ${before.height} for width ${before.width}`);
  // Within the 200 px margin below the viewport, not yet in view: drawn already.
  await p.evaluate(() => {
    const el = document.getElementById("below");
    window.scrollTo(0, el.getBoundingClientRect().top + scrollY - innerHeight - 150);
  });
  await waitForCharts(p, "#below", 5_000);
  const drawn = await p.$eval("#below", (el) => el.getBoundingClientRect().height);
  assert.ok(Math.abs(drawn - before.height) <= 2, `the page did not jump: ${before.height} → ${drawn}`);
  assert.deepEqual(p.errors, []);
});

test("without IntersectionObserver every chart draws at once", async () => {
  const p = await openPage(
    env,
    page(`<div id="spacer"></div><trade-target-chart id="below"></trade-target-chart>`,
      `<link rel="stylesheet" href="spacer.css">`),
    {
      files: { "spacer.css": { body: "#spacer { height: 3000px }", type: "text/css" } },
      init: () => delete window.IntersectionObserver,
    },
  );
  await waitForCharts(p, "#below");
  assert.deepEqual(p.errors, []);
});

test("hostile page CSS neither hides nor restyles the chart, and the chart's CSS stays inside", async () => {
  const css = `
    body *:not(trade-target-chart) { font-size: 40px !important; color: red !important; display: none !important; }
    span, text, svg, div, slot { display: none !important; font-size: 40px !important; fill: red !important; }
    trade-target-chart { font: italic 40px/5 serif; color: red; letter-spacing: 10px; text-transform: uppercase; visibility: visible; }
    .probe { display: inline !important; }`;
  const p = await openPage(
    env,
    page(`<trade-target-chart id="c"></trade-target-chart><span class="box probe" id="probe">outside</span>`,
      `<link rel="stylesheet" href="hostile.css">`),
    { files: { "hostile.css": { body: css, type: "text/css" } }, viewport: { width: 640, height: 900 } },
  );
  await waitForCharts(p);
  const texts = await p.$$eval("#c", ([el]) =>
    [...el.shadowRoot.querySelectorAll("svg text")].slice(0, 3).map((t) => {
      const cs = getComputedStyle(t);
      const box = t.getBoundingClientRect();
      return {
        attr: t.getAttribute("font-size"),
        size: cs.fontSize,
        fill: cs.fill,
        spacing: cs.letterSpacing,
        transform: cs.textTransform,
        style: cs.fontStyle,
        display: cs.display,
        w: box.width,
        h: box.height,
      };
    }),
  );
  for (const t of texts) {
    assert.equal(t.size, `${t.attr}px`, `font-size follows the SVG attribute: ${JSON.stringify(t)}`);
    assert.notEqual(t.fill, "rgb(255, 0, 0)");
    assert.equal(t.spacing, "normal");
    assert.equal(t.transform, "none");
    assert.equal(t.style, "normal");
    assert.notEqual(t.display, "none");
    assert.ok(t.w > 0 && t.h > 0 && t.h < 40, `visible, at its own size: ${JSON.stringify(t)}`);
  }
  assert.ok(await p.locator("#c").boundingBox(), "the host element is laid out");
  const svgBox = await p.evaluate(() => document.getElementById("c").shadowRoot.querySelector("svg").getBoundingClientRect().height);
  assert.ok(svgBox > 200, `the svg is visible (${svgBox}px high)`);
  // The shadow root's `.box { display: block }` does not reach the page's own `.box`.
  assert.equal(await p.$eval("#probe", (e) => getComputedStyle(e).display), "inline");
  assert.deepEqual(p.errors, []);
});

test("if the wasm cannot load: the slotted fallback image is shown, else a readable message", async () => {
  const p = await env.newPage({ viewport: { width: 640, height: 1200 } });
  await p.context().route(/\.wasm$/, (route) => route.fulfill({ status: 503, body: "down" }));
  await p.context().route(`${env.url}/__e2e__/fallback.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: page(`
        <trade-target-chart id="img" loading="eager">
          <img slot="fallback" src="/tests/golden/default-640.svg" alt="China–Russia trade (static image)" width="640" height="397">
        </trade-target-chart>
        <trade-target-chart id="plain" loading="eager"></trade-target-chart>`),
    }),
  );
  await p.goto(`${env.url}/__e2e__/fallback.html`);
  await p.waitForFunction(() => document.getElementById("plain").shadowRoot.querySelector(".ttc-error"));
  await p.waitForFunction(() => document.getElementById("img").shadowRoot.querySelector("slot.on"));
  const img = await p.locator("#img img").boundingBox();
  assert.ok(img && img.height > 300, `the fallback image is shown: ${JSON.stringify(img)}`);
  const msg = await p.$eval("#plain", (el) => el.shadowRoot.querySelector('.ttc-error[role="alert"]').textContent);
  assert.match(msg, /could not be loaded.*503/);
  // The plain element's fallback slot stays hidden; the image element shows no message.
  assert.equal(await p.$eval("#img", (el) => el.shadowRoot.querySelector(".ttc-error")), null);
  p.expectErrors(/status of 503/); // the wasm's 503, logged by Chromium
  assert.deepEqual(p.errors, []);
});

test("screenshots of the element at 320, 640 and 1200 px (tests/out/element-*.png)", async () => {
  const out = path.join(ROOT, "tests", "out");
  await mkdir(out, { recursive: true });
  const article = page(
    `<main><h1>Trade with Russia</h1><p>Some article text before the chart, in the page's own font.</p>
     <trade-target-chart></trade-target-chart>
     <p>And after it.</p></main>`,
    `<link rel="stylesheet" href="article.css">`,
  );
  const css = "body { margin: 0; font: 18px/1.5 Georgia, serif; } main { padding: 0 12px; }";
  for (const width of [320, 640, 1200]) {
    const p = await openPage(env, article, {
      files: { "article.css": { body: css, type: "text/css" } },
      viewport: { width, height: 800 },
    });
    await waitForCharts(p);
    await frames(p);
    const w = await p.$eval("trade-target-chart", (el) => Number(el.shadowRoot.querySelector("svg").getAttribute("width")));
    assert.equal(w, width - 24, "the chart fills the column");
    await p.screenshot({ path: path.join(out, `element-${width}.png`), fullPage: true });
    assert.deepEqual(p.errors, []);
    await p.closeContext();
  }
});
