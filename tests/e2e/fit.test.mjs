// The fragment that fits every column (issue 18): renderHTML(spec) with no width holds one
// layout per width band, chosen by container queries in one fixed <style>; theme "auto"
// follows the reader's colour scheme at first paint; the style's hash is the README's; and
// the element's small runtime (src/js/tips.js) answers mouse, touch and keyboard with the
// core's tooltip words and places, with no wasm. Bench: tests/bench/static-first.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setup, ROOT, mountInFixture, openFixture } from "./harness.mjs";
import { openPage, frames, STRICT_CSP } from "./embed-pages.mjs";
import { renderHTML } from "../../src/js/index.js";

let env;
let fit; // the default chart, no width
before(async () => {
  env = await setup();
  fit = await renderHTML({});
});
after(async () => {
  await env?.close();
});

const styleOf = (html) => html.split("<style>")[1].split("</style>")[0];

/** A news article: a column of at most 680 px with 16 px padding. */
/** The element is defined and every fitting chart's tooltips answer (its box says data-tips). */
const answering = (p) =>
  p.waitForFunction(() => customElements.get("trade-target-chart") && ![...document.querySelectorAll("trade-target-chart")].some((e) => e.shadowRoot?.querySelector(".box.ttc-fit:not([data-tips])")));

function article(chart, { script = "/pkg/element.min.js", head = "" } = {}) {
  const js = script ? `<script type="module" src="${script}"></script>` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title>${head}${js}</head>
<body><main><h1>Trade with Russia</h1><p>Text before the chart.</p>${chart}<p id="after">Text after the chart.</p></main></body></html>`;
}
const COLUMN = '<link rel="stylesheet" href="/__e2e__/column.css">';
const FILES = { "column.css": { type: "text/css", body: "body{margin:0;font:18px/1.5 Georgia,serif}main{max-width:680px;margin:0 auto;padding:0 16px}" } };
const open = (html, options) => openPage(env, html, { files: FILES, ...options });

/** What a reader sees of the chart: the layout shown, its scale, the smallest text, the box. */
function measure() {
  const el = document.querySelector("trade-target-chart");
  const root = el.shadowRoot;
  const shown = [...root.querySelectorAll(".ttc-l")].filter((l) => l.offsetWidth > 0);
  const svg = (shown[0] ?? root).querySelector("svg");
  const r = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const scale = Math.min(r.width / vb.width, r.height / vb.height);
  const sizes = [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")) * scale);
  const frame = root.querySelector(".ttc").getBoundingClientRect();
  const column = el.parentElement.getBoundingClientRect();
  return {
    shown: shown.map((l) => l.dataset.w),
    smallest: Math.min(...sizes),
    largest: Math.max(...sizes),
    drawing: (vb.height * r.width) / vb.width, // the picture's own height at this width
    box: frame.height,
    right: Math.max(r.right, frame.right) - column.right,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}

test("renderHTML with no width writes the reviewed golden fragment, the CLI's bytes", async () => {
  assert.equal(fit, await readFile(path.join(ROOT, "tests/golden/fragment-default-fit.html"), "utf8"));
});

test("with JavaScript off, at every phone and desktop width: text at its designed size, no blank band, no overflow", async () => {
  for (const width of [320, 360, 414, 768, 1280]) {
    const p = await open(article(fit, { script: "", head: COLUMN }), { viewport: { width, height: 900 }, javaScriptEnabled: false });
    const m = await p.evaluate(measure);
    assert.equal(m.shown.length, 1, `${width}: one layout shown (${m.shown})`);
    assert.ok(m.smallest >= 11 - 1e-9, `${width}: smallest text ${m.smallest.toFixed(1)} px (layout ${m.shown})`);
    assert.ok(m.largest <= 20 * 1.25 + 1e-9, `${width}: largest text ${m.largest.toFixed(1)} px`);
    assert.ok(Math.abs(m.box - m.drawing) <= 2, `${width}: box ${m.box} px for a drawing of ${m.drawing.toFixed(1)} px`);
    assert.ok(m.right <= 0.5 && m.overflow <= 0, `${width}: overflow ${m.right} / ${m.overflow}`);
    await p.context().close();
  }
});

test("theme auto is dark for a dark-mode reader and light otherwise at first paint, and --ttc-* properties apply", async () => {
  const look = () => {
    const root = document.querySelector("trade-target-chart").shadowRoot;
    const svg = [...root.querySelectorAll(".ttc-l")].find((l) => l.offsetWidth > 0).querySelector("svg");
    const bg = getComputedStyle(svg.querySelector("rect")).fill;
    const title = getComputedStyle(svg.querySelector("text")).fill;
    const line = getComputedStyle(svg.querySelector('[stroke="#1F5FA6"]')).stroke;
    return { bg, title, line };
  };
  const run = async (colorScheme, head = "") => {
    const p = await open(article(fit, { script: "", head: COLUMN + head }), { viewport: { width: 414, height: 900 }, javaScriptEnabled: false, colorScheme });
    const r = await p.evaluate(look);
    await p.context().close();
    return r;
  };
  assert.deepEqual(await run("light"), { bg: "rgb(255, 255, 255)", title: "rgb(26, 26, 26)", line: "rgb(31, 95, 166)" });
  assert.deepEqual(await run("dark"), { bg: "rgb(22, 22, 24)", title: "rgb(242, 242, 242)", line: "rgb(111, 168, 238)" });
  // A page's own colours reach the picture before any script, in both schemes.
  const props = "<style>trade-target-chart{--ttc-accent:#aa0000;--ttc-background:#fdf6e3}</style>";
  assert.deepEqual(await run("dark", props), { bg: "rgb(253, 246, 227)", title: "rgb(242, 242, 242)", line: "rgb(170, 0, 0)" });
  // A chart whose spec says light stays light.
  const light = await renderHTML({ theme: "light" });
  const p = await open(article(light, { script: "" }), { viewport: { width: 414, height: 900 }, javaScriptEnabled: false, colorScheme: "dark" });
  assert.equal((await p.evaluate(look)).bg, "rgb(255, 255, 255)");
  await p.context().close();
});

test("the style is one fixed text whose hash the README publishes; under that strict CSP: no violation, and without it one readable layout", async () => {
  const css = styleOf(fit);
  for (const spec of [{ theme: "dark", locale: "ru" }, { kind: "breakdown" }, { title: "<style>x</style>" }]) {
    assert.equal(styleOf(await renderHTML(spec)), css, "the same style in every fragment");
  }
  const hash = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
  const readme = await readFile(path.join(ROOT, "README.md"), "utf8");
  assert.ok(readme.includes(hash), `README publishes ${hash}`);
  const watch = () => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  };
  const csp = STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${hash}`);
  const p = await open(article(fit, { head: COLUMN }), { viewport: { width: 360, height: 900 }, csp, init: watch });
  await answering(p);
  await p.hover("trade-target-chart");
  await p.keyboard.press("Tab");
  await p.keyboard.press("End");
  await frames(p);
  const m = await p.evaluate(measure);
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(m.shown, ["280"], "a 328 px column");
  assert.deepEqual(p.errors, []);
  await p.context().close();
  // Without the hash the style is blocked: the one layout not hidden shows (640 px wide,
  // shrunk to the column as a one-width fragment is), readable, with no blank band under it.
  const q = await open(article(fit, { script: "", head: COLUMN }), { viewport: { width: 768, height: 900 }, csp: STRICT_CSP, init: watch });
  const n = await q.evaluate(measure);
  assert.deepEqual(n.shown, ["640"]);
  assert.ok(n.smallest >= 11, `smallest text ${n.smallest}`);
  assert.ok((await q.evaluate(() => window.__violations)).length >= 1, "the style was blocked");
  // The browser's console and the error monitor report the blocked <style>; nothing else.
  const blocked = /Content Security Policy directive 'style-src 'self''|securitypolicyviolation: style-src-elem inline/;
  assert.ok(q.expectErrors(blocked).length >= 1);
  assert.deepEqual(q.errors, []);
  await q.context().close();
  // With the element script, such a chart is drawn anew by the engine (styled through the
  // CSSOM): a full chart at the column's width.
  const r = await open(article(fit, { head: COLUMN }), { viewport: { width: 360, height: 900 }, csp: STRICT_CSP, init: watch });
  await r.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 15_000 });
  const drawn = await r.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc svg").getAttribute("viewBox"));
  assert.match(drawn, /^0 0 328 /);
  // The blocked <style> is reported (the page lacks the hash); nothing else.
  r.expectErrors(blocked);
  assert.deepEqual(r.errors, []);
  await r.context().close();
});

/** The tooltip and live region of the chart in `sel`'s shadow root (or the fixture's #chart). */
function tipNow(sel) {
  const el = document.querySelector(sel);
  const root = el.shadowRoot ?? el;
  const tip = root.querySelector(".ttc-tip");
  const frame = root.querySelector(".ttc").getBoundingClientRect();
  const r = tip.getBoundingClientRect();
  return {
    shown: getComputedStyle(tip).display !== "none",
    lines: [...tip.children].map((d) => d.textContent),
    live: root.querySelector('[aria-live="polite"]').textContent,
    at: [Math.round(r.left - frame.left), Math.round(r.top - frame.top)],
  };
}

test("mouse, touch and keyboard answer with no wasm and no glue requested", async () => {
  const requests = [];
  const init = () => {
    window.__requests = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__requests.push(new URL(e.name).pathname))).observe({ type: "resource", buffered: true });
  };
  const p = await open(article(fit, { head: COLUMN }), { viewport: { width: 414, height: 900 }, hasTouch: true, init });
  p.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await answering(p);
  const box = await p.evaluate(() => {
    const svg = [...document.querySelector("trade-target-chart").shadowRoot.querySelectorAll(".ttc-l svg")].find((s) => s.getBoundingClientRect().width > 0);
    const r = svg.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  });
  // Mouse: over the plot, a tooltip; away, none.
  await p.mouse.move(box.x + box.w * 0.5, box.y + box.h * 0.6);
  await p.mouse.move(box.x + box.w * 0.52, box.y + box.h * 0.6);
  let t = await p.evaluate(tipNow, "trade-target-chart");
  assert.equal(t.shown, true, "a tooltip on hover");
  assert.match(t.lines[0], /^20\d\d$/);
  await p.mouse.move(box.x + box.w * 0.5, box.y + box.h + 200);
  assert.equal((await p.evaluate(tipNow, "trade-target-chart")).shown, false, "gone when the mouse leaves");
  // Touch: a tap near the right end shows the last years.
  await p.touchscreen.tap(box.x + box.w * 0.8, box.y + box.h * 0.5);
  t = await p.evaluate(tipNow, "trade-target-chart");
  assert.equal(t.shown, true, "a tooltip on a tap");
  assert.match(t.lines[0], /^20[12]\d$/);
  // Keyboard: one tab stop, End, arrows, Home, Escape, and the live region.
  await p.mouse.click(5, 5);
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.activeElement?.className), "ttc");
  await p.keyboard.press("End");
  t = await p.evaluate(tipNow, "trade-target-chart");
  assert.equal(t.lines[0], "2025");
  assert.match(t.live, /^2025\. \$228\.1B/);
  await p.keyboard.press("ArrowLeft");
  assert.equal((await p.evaluate(tipNow, "trade-target-chart")).lines[0], "2024");
  await p.keyboard.press("Home");
  assert.equal((await p.evaluate(tipNow, "trade-target-chart")).lines[0], "2000");
  await p.keyboard.press("Escape");
  t = await p.evaluate(tipNow, "trade-target-chart");
  assert.deepEqual([t.shown, t.live], [false, ""]);
  await p.keyboard.press("Tab");
  assert.equal(await p.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.activeElement?.textContent), "Get the data", "one tab stop in the chart, then the links row");
  requests.push(...(await p.evaluate(() => window.__requests)));
  assert.deepEqual(requests.filter((u) => /\.wasm$|trade_target_chart\.js$|trade-target-chart\.min\.js$/.test(u)), [], "no engine fetched");
  assert.ok(requests.includes("/pkg/element.min.js"));
  // The tooltips are in the element script: nothing else is fetched before the first one.
  assert.deepEqual(requests.filter((u) => /\.(js|wasm)$/.test(u)), ["/pkg/element.min.js"], "the element script alone");
  assert.ok(!requests.includes("/pkg/downloads.min.js"), "the buttons' module waits for a click");
  assert.deepEqual(p.errors, []);
  // A spec change draws anew: then the engine comes.
  await p.evaluate(() => document.querySelector("trade-target-chart").setAttribute("spec", '{"kind":"bars"}'));
  await p.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 15_000 });
  assert.equal(requests.filter((u) => u.endsWith(".wasm")).length, 1);
  assert.equal(await p.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.querySelector("style")), null);
  assert.deepEqual(p.errors, []);
  await p.context().close();
});

test("every point's tooltip in every layout says what the wasm's says, in the same place", async () => {
  const specs = [{}, { kind: "breakdown", locale: "ru" }];
  for (const spec of specs) {
    const html = await renderHTML(spec);
    for (const w of [280, 340, 420, 520, 640, 800, 1000]) {
      // The fragment in a column exactly as wide as the layout (scale 1) …
      const p = await open(`<!doctype html><meta charset="utf-8"><script type="module" src="/pkg/element.min.js"></script><body style="margin:0"><div style="width:${w}px">${html}</div>`, { viewport: { width: 1100, height: 900 } });
      await answering(p);
      await p.focus("trade-target-chart >> .ttc");
      const fromFragment = [];
      await p.keyboard.press("Home");
      const n = await p.evaluate(() => JSON.parse(document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc").dataset.words).length);
      for (let i = 0; i < n; i++) {
        fromFragment.push(await p.evaluate(tipNow, "trade-target-chart"));
        await p.keyboard.press("ArrowRight");
      }
      await p.context().close();
      // … and the wasm's chart mounted at that width.
      const q = await openFixture(env, { viewport: { width: 1100, height: 900 } });
      await mountInFixture(q, spec, { width: `${w}px`, bodyMargin0: true });
      await q.focus("#chart .ttc");
      const fromWasm = [];
      await q.keyboard.press("Home");
      for (let i = 0; i < n; i++) {
        fromWasm.push(await q.evaluate(tipNow, "#chart"));
        await q.keyboard.press("ArrowRight");
      }
      await q.context().close();
      assert.deepEqual(fromFragment, fromWasm, `${JSON.stringify(spec)} at ${w} px`);
    }
  }
});

test("the data and image buttons appear with the element script, in the links row, and download via the engine without touching the picture", async () => {
  const spec = { locale: "ru", source: { text: "ГТУ", url: "https://example.com/" } };
  const html = await renderHTML(spec);
  for (const width of [320, 414]) {
    const p = await open(article(html, { head: COLUMN }), { viewport: { width, height: 900 }, acceptDownloads: true });
    await answering(p);
    await frames(p);
    const hidden = await p.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc-acts").hidden);
    if (width === 320) {
      // "Источник" + "Получить данные" + "Скачать изображение" need more than a 288 px column:
      // the buttons stay hidden rather than cover the link.
      assert.equal(hidden, true);
      await p.context().close();
      continue;
    }
    assert.equal(hidden, false);
    const r = await p.evaluate(() => {
      const root = document.querySelector("trade-target-chart").shadowRoot;
      const row = root.querySelector(".ttc-links").getBoundingClientRect();
      const link = root.querySelector(".ttc-links a").getBoundingClientRect();
      const buttons = [...root.querySelectorAll(".ttc-acts button")].map((b) => b.getBoundingClientRect());
      return {
        words: [...root.querySelectorAll(".ttc-acts button")].map((b) => b.textContent),
        inRow: buttons.every((b) => b.top >= row.top && b.bottom <= row.bottom + 1 && b.right <= row.right + 0.5),
        clear: buttons.every((b) => b.left >= link.right) && buttons[0].right <= buttons[1].left,
        box: root.querySelector(".box").getBoundingClientRect().height,
      };
    });
    assert.deepEqual(r.words, ["Получить данные", "Скачать изображение"]);
    assert.ok(r.inRow && r.clear, `${width}: ${JSON.stringify(r)}`);
    await p.screenshot({ path: path.join(ROOT, "tests", "out", `fit-buttons-${width}.png`) });
    if (width === 414) {
      await p.evaluate(() => {
        const svg = [...document.querySelector("trade-target-chart").shadowRoot.querySelectorAll(".ttc-l svg")].find((s) => s.getBoundingClientRect().width > 0);
        window.__writes = 0;
        new MutationObserver((l) => (window.__writes += l.length)).observe(svg, { attributes: true, childList: true, subtree: true });
      });
      for (const [label, name] of [["Получить данные", "trade-target-chart.csv"], ["Скачать изображение", "trade-target-chart.png"]]) {
        const [dl] = await Promise.all([p.waitForEvent("download"), p.getByRole("button", { name: label }).click()]);
        assert.equal(dl.suggestedFilename(), name);
      }
      const after = await p.evaluate(() => ({
        writes: window.__writes,
        box: document.querySelector("trade-target-chart").shadowRoot.querySelector(".box").getBoundingClientRect().height,
        style: !!document.querySelector("trade-target-chart").shadowRoot.querySelector("style"),
      }));
      assert.deepEqual(after, { writes: 0, box: r.box, style: true }, "the picture on screen is untouched");
    }
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});

test("a fitting fragment whose spec asks for the canvas renderer, or in a column narrower than 280 px, is drawn anew by the engine", async () => {
  const canvas = await renderHTML({ renderer: "canvas" });
  const p = await open(article(canvas, { head: COLUMN }), { viewport: { width: 414, height: 900 } });
  await p.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 15_000 });
  const r = await p.evaluate(() => {
    const root = document.querySelector("trade-target-chart").shadowRoot;
    return { canvas: !!root.querySelector(".ttc canvas"), style: !!root.querySelector("style"), layouts: root.querySelectorAll(".ttc-l").length };
  });
  assert.deepEqual(r, { canvas: true, style: false, layouts: 0 });
  assert.deepEqual(p.errors, []);
  await p.context().close();
  const q = await open(`<!doctype html><meta charset="utf-8"><script type="module" src="/pkg/element.min.js"></script><body style="margin:0"><div style="width:250px">${fit}</div>`, { viewport: { width: 400, height: 900 } });
  await q.waitForFunction(() => document.querySelector("trade-target-chart").chart !== null, null, { timeout: 15_000 });
  const w = await q.evaluate(() => document.querySelector("trade-target-chart").shadowRoot.querySelector(".ttc svg").getAttribute("viewBox"));
  assert.match(w, /^0 0 250 /, "drawn at the column's width");
  assert.deepEqual(q.errors, []);
  await q.context().close();
});

test("axe finds nothing in the fitting fragment, light and dark, with a tooltip open; no layout shift through it", async () => {
  const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
  const shifts = () => {
    window.__shift = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: "layout-shift", buffered: true });
  };
  for (const colorScheme of ["light", "dark"]) {
    const p = await open(article(fit, { head: COLUMN }), { viewport: { width: 414, height: 900 }, colorScheme, init: shifts });
    await answering(p);
    await p.focus("trade-target-chart >> .ttc");
    await p.keyboard.press("End");
    await p.addScriptTag({ path: AXE });
    const v = await p.evaluate(async () => (await window.axe.run("trade-target-chart", { resultTypes: ["violations"] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    assert.deepEqual(v, [], colorScheme);
    assert.equal(await p.evaluate(() => window.__shift), 0, colorScheme);
    assert.deepEqual(p.errors, []);
    await p.context().close();
  }
});
