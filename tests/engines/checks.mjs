// The reader checks run in every engine (tests/engines/run.mjs): a list of named checks,
// each `run({ driver, url, engine, golden })` that throws on failure (or throws Skip with the
// reason when an engine cannot do it). `script: false` checks get a browser with JavaScript
// off. The runner fails a check on anything the page's error monitor saw (monitor.js).
// To add one: append { name, run } here; its pages go in pages.mjs.
import assert from "node:assert/strict";
import { Key, Origin } from "selenium-webdriver";
import { IFRAME_SPEC } from "./pages.mjs";

/** Thrown by a check an engine cannot do; the runner prints the reason. */
export class Skip extends Error {}

/**
 * Polls `fn` (run in the page with `args`) until `accept` (default: truthy) takes what it
 * returns; returns that. On a timeout the error shows the last value.
 */
export async function until(driver, fn, args = [], what = "condition", { accept = Boolean, timeout = 15_000 } = {}) {
  let last;
  const ok = await driver
    .wait(async () => accept((last = await driver.executeScript(fn, ...args))), timeout, undefined, 50)
    .catch(() => false);
  if (!ok) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
  return last;
}

/** The tooltip and live region of the chart in `root` (a shadow root or an element), in the page. */
function tooltipState(selector) {
  const host = document.querySelector(selector);
  const root = host.shadowRoot ?? host;
  const frame = root.querySelector("div.ttc");
  const tip = frame.querySelector(".ttc-tip");
  const live = root.querySelector('[aria-live="polite"]');
  const shown = getComputedStyle(tip).display !== "none";
  const r = tip.getBoundingClientRect();
  // The year labels under the plot: texts that are a year or 'yy.
  const years = [...root.querySelectorAll("svg text")].filter((t) => /^(\d{4}|'\d\d)$/.test(t.textContent.trim()));
  const covered = shown
    ? years
        .filter((t) => {
          const b = t.getBoundingClientRect();
          return b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom;
        })
        .map((t) => t.textContent.trim())
    : [];
  return { shown, lines: [...tip.children].map((d) => d.textContent), live: live?.textContent ?? null, covered, years: years.length };
}

/** The fitting fragment in the page as the reader sees it: the layout on screen and its sizes. */
function fitState() {
  const el = document.querySelector("trade-target-chart[rendered]");
  const root = el.shadowRoot;
  const col = document.getElementById("col");
  const shown = [...root.querySelectorAll(".ttc-l")].filter((l) => l.offsetWidth > 0);
  const svg = shown[0]?.querySelector("svg");
  const r = svg?.getBoundingClientRect();
  const scale = r ? r.width / svg.viewBox.baseVal.width : 0;
  const sizes = svg ? [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")) * scale) : [0];
  return {
    defined: !!customElements.get("trade-target-chart"),
    monitor: Array.isArray(window.__ttcErrors),
    layouts: shown.length,
    layout: shown[0]?.dataset.w ?? null,
    width: r?.width ?? 0,
    svgHeight: r?.height ?? 0,
    boxHeight: shown[0]?.getBoundingClientRect().height ?? 0,
    smallest: Math.min(...sizes),
    overflow: Math.max(...[...root.querySelectorAll(".box, .box *")].map((e) => e.getBoundingClientRect().right)) - col.getBoundingClientRect().right,
    title: svg?.querySelector("text")?.textContent ?? "",
    table: !!root.querySelector("details table"),
  };
}

/** Two animation frames and a moment: a late observer notification has arrived. */
function settle(driver) {
  return driver.executeAsyncScript("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));");
}

async function key(driver, k) {
  await driver.actions({ async: true }).sendKeys(k).perform();
}

async function openElementPage(driver, url) {
  await driver.get(`${url}/__x__/element.html`);
  await until(driver, () => document.querySelector("#c")?.shadowRoot?.querySelector(".box svg"), [], "the chart's SVG");
}

/** The keyboard on a chart's frame: Home, ArrowRight, End and Escape, announced in the live region. */
async function keyboardTooltip(driver, selector) {
  await driver.executeScript((s) => {
    const host = document.querySelector(s);
    (host.shadowRoot ?? host).querySelector("div.ttc").focus();
  }, selector);
  await key(driver, Key.HOME);
  const first = await until(driver, tooltipState, [selector], "the tooltip for the first year", { accept: (s) => s.shown });
  assert.match(first.lines[0], /^\d{4}/, "the first line names the year");
  assert.ok(first.live.startsWith(first.lines[0]), `the live region says it: ${first.live}`);
  await key(driver, Key.ARROW_RIGHT);
  const second = await driver.executeScript(tooltipState, selector);
  assert.equal(Number(second.lines[0].slice(0, 4)), Number(first.lines[0].slice(0, 4)) + 1, "ArrowRight moves a year on");
  assert.ok(second.live.startsWith(second.lines[0]));
  await key(driver, Key.END);
  const last = await driver.executeScript(tooltipState, selector);
  assert.ok(last.shown && last.lines[0] > second.lines[0], `End: ${last.lines[0]}`);
  for (const s of [first, second, last]) assert.deepEqual(s.covered, [], `the ${s.lines[0]} tip covers year labels`);
  await key(driver, Key.ESCAPE);
  const hidden = await driver.executeScript(tooltipState, selector);
  assert.equal(hidden.shown, false, "Escape hides the tooltip");
  assert.equal(hidden.live, "", "and empties the live region");
}

export const CHECKS = [
  {
    name: "dynamic chart drawn",
    async run({ driver, url }) {
      await openElementPage(driver, url);
      const r = await driver.executeScript(() => {
        const svg = document.querySelector("#c").shadowRoot.querySelector(".box svg");
        return { width: svg.getAttribute("width"), texts: [...svg.querySelectorAll("text")].map((t) => t.textContent) };
      });
      assert.equal(r.width, "640", "drawn at the column's width");
      assert.ok(r.texts.some((t) => t.includes("$200B target")), `the target label: ${r.texts.join(" | ")}`);
    },
  },
  {
    name: "renderSVG byte-identical to tests/golden/default-640.svg",
    async run({ driver, url, golden }) {
      await driver.get(`${url}/__x__/fixture.html`);
      await until(driver, () => !!window.ttc, [], "the module");
      const svg = await driver.executeAsyncScript("const done = arguments[arguments.length - 1]; window.ttc.renderSVG({}, { width: 640 }).then(done, (e) => done(String(e)));");
      assert.ok(svg === golden("default-640.svg"), `renderSVG differs from the golden file (${svg.length} B against ${golden("default-640.svg").length} B)`);
    },
  },
  {
    name: "mount() on an unstyled page draws renderSVG's bytes (no default font)",
    async run({ driver, url }) {
      await driver.get(`${url}/__x__/fixture.html`);
      await until(driver, () => !!window.ttc, [], "the module");
      const r = await driver.executeAsyncScript(`const done = arguments[arguments.length - 1];
        (async () => {
          const chart = await window.ttc.mount(document.getElementById("chart"), {});
          return { mounted: chart.toSVG(), rendered: await window.ttc.renderSVG({}, { width: 640 }), font: getComputedStyle(document.body).fontFamily };
        })().then(done, (e) => done({ error: String(e) }));`);
      assert.equal(r.error, undefined);
      const fonts = [...new Set([...r.mounted.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]))];
      assert.deepEqual(fonts, ["Helvetica, Arial, sans-serif"], `the page's default font (${r.font}) is not the chart's`);
      assert.ok(r.mounted === r.rendered, `mount() ${r.mounted.length} B against renderSVG ${r.rendered.length} B`);
    },
  },
  {
    name: "tooltip by mouse",
    async run({ driver, url }) {
      await openElementPage(driver, url);
      const box = await driver.executeScript(() => {
        const r = document.querySelector("#c").shadowRoot.querySelector(".box svg").getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
      const seen = [];
      // Across the plot at about mid-height: each position names a year, later ones later years.
      for (const f of [0.25, 0.5, 0.75]) {
        const x = Math.round(box.left + box.width * f);
        const y = Math.round(box.top + box.height * 0.55);
        await driver.actions({ async: true }).move({ x, y, origin: Origin.VIEWPORT }).perform();
        const s = await until(driver, tooltipState, ["#c"], `a tooltip at ${x},${y}`, { accept: (s) => s.shown && s.lines[0] });
        assert.match(s.lines[0], /^\d{4}/);
        assert.deepEqual(s.covered, [], `the ${s.lines[0]} tip covers year labels`);
        seen.push(Number(s.lines[0].slice(0, 4)));
      }
      assert.ok(seen[0] < seen[1] && seen[1] < seen[2], `years follow the pointer: ${seen}`);
      await driver.actions({ async: true }).move({ x: 5, y: 5, origin: Origin.VIEWPORT }).perform();
      await until(driver, (s) => getComputedStyle(document.querySelector(s).shadowRoot.querySelector(".ttc-tip")).display === "none", ["#c"], "the tooltip to hide when the pointer leaves");
    },
  },
  {
    name: "tooltip by keyboard, with its live region",
    async run({ driver, url }) {
      await openElementPage(driver, url);
      await keyboardTooltip(driver, "#c");
    },
  },
  {
    name: "pre-rendered chart that fits every column, JavaScript off: 320, 414 and 768 px",
    script: false,
    async run({ driver, url }) {
      await driver.get(`${url}/__x__/fit.html`);
      for (const width of [320, 414, 768]) {
        await driver.executeScript((w) => (document.getElementById("col").style.cssText = `width: ${w}px`), width);
        const r = await driver.executeScript(fitState);
        assert.equal(r.defined || r.monitor, false, "scripts are off");
        assert.equal(r.layouts, 1, `one layout on screen at ${width} px`);
        assert.ok(Math.abs(r.width - width) <= 1, `the picture is the column's width at ${width} px: ${r.width}`);
        assert.ok(Math.abs(r.boxHeight - r.svgHeight) <= 2, `no blank band at ${width} px: the box ${r.boxHeight} px, the picture ${r.svgHeight} px`);
        assert.ok(r.smallest >= 11, `the smallest text is ${r.smallest.toFixed(1)} px at ${width} px`);
        assert.ok(r.overflow <= 0.5, `nothing wider than the column at ${width} px (${r.overflow} px over)`);
        assert.match(r.title, /China/);
        assert.equal(r.table, true, "the data table is there");
      }
    },
  },
  {
    name: "pre-rendered chart that fits every column: tooltips by mouse and keyboard, no engine, no wasm",
    async run({ driver, url, requests }) {
      const from = requests.length;
      await driver.get(`${url}/__x__/fit.html`);
      const sel = "trade-target-chart[rendered]";
      // The element script, and tips.js it imports for a fitting fragment, are answering.
      await until(driver, (s) => !!document.querySelector(s)?.shadowRoot?.querySelector(".box[data-tips]"), [sel], "the tooltips to answer");
      const box = await driver.executeScript((s) => {
        const shown = [...document.querySelector(s).shadowRoot.querySelectorAll(".ttc-l")].find((l) => l.offsetWidth > 0);
        const r = shown.querySelector("svg").getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      }, sel);
      const seen = [];
      for (const f of [0.3, 0.5, 0.7]) {
        const x = Math.round(box.left + box.width * f);
        const y = Math.round(box.top + box.height * 0.55);
        await driver.actions({ async: true }).move({ x, y, origin: Origin.VIEWPORT }).perform();
        const s = await until(driver, tooltipState, [sel], `a tooltip at ${x},${y}`, { accept: (s) => s.shown && s.lines[0] });
        assert.match(s.lines[0], /^\d{4}/);
        assert.deepEqual(s.covered, [], `the ${s.lines[0]} tip covers year labels`);
        seen.push(Number(s.lines[0].slice(0, 4)));
      }
      assert.ok(seen[0] < seen[1] && seen[1] < seen[2], `years follow the pointer: ${seen}`);
      await driver.actions({ async: true }).move({ x: 2, y: 2, origin: Origin.VIEWPORT }).perform();
      await keyboardTooltip(driver, sel);
      const engine = requests.slice(from).filter((p) => /\.wasm$|trade-target-chart\.min\.js$|trade_target_chart\.js$|\/src\/js\/index\.js$/.test(p));
      assert.deepEqual(engine, [], "no engine and no wasm fetched for the tooltips");
    },
  },
  {
    name: "pre-rendered chart at one width taken over (keyboard tooltip, picture kept)",
    async run({ driver, url }) {
      await driver.get(`${url}/__x__/one.html`);
      const sel = "trade-target-chart[rendered]";
      const before = await until(driver, (s) => document.querySelector(s)?.shadowRoot?.querySelector("svg")?.outerHTML, [sel], "the pre-rendered SVG");
      await until(driver, () => !!customElements.get("trade-target-chart"), [], "the element script");
      // Focus is the reader's first intent: it takes the chart over (loading="interaction").
      await driver.executeScript((s) => document.querySelector(s).shadowRoot.querySelector("div.ttc").focus(), sel);
      await until(driver, (s) => !!document.querySelector(s).chart, [sel], "the element to take the chart over");
      await keyboardTooltip(driver, sel);
      const after = await driver.executeScript((s) => document.querySelector(s).shadowRoot.querySelector("svg").outerHTML, sel);
      assert.ok(after === before, "taking over did not redraw the picture");
    },
  },
  {
    name: "resize (dynamic and pre-rendered) follows the column, nothing on window.onerror",
    async run({ driver, url }) {
      await openElementPage(driver, url);
      for (const width of [360, 900, 480, 640]) {
        await driver.executeScript((w) => (document.getElementById("col").style.width = `${w}px`), width);
        await until(driver, (w) => document.querySelector("#c").shadowRoot.querySelector(".box svg")?.getAttribute("width") === String(w), [width], `the chart at ${width} px`);
      }
      // Let any late observer notification (the loop error comes after a frame) arrive.
      await settle(driver);
      // A one-width pre-rendered chart, once taken over (it keeps its box until the width changes).
      await driver.get(`${url}/__x__/one.html`);
      const sel = "trade-target-chart[rendered]";
      await until(driver, () => !!customElements.get("trade-target-chart"), [], "the element script");
      await driver.executeScript((s) => document.querySelector(s).shadowRoot.querySelector("div.ttc").focus(), sel);
      await until(driver, (s) => !!document.querySelector(s).chart, [sel], "the element to take the chart over");
      for (const width of [360, 440]) {
        await driver.executeScript((w) => (document.getElementById("col").style.width = `${w}px`), width);
        await until(driver, (s, w) => document.querySelector(s).shadowRoot.querySelector("svg")?.getAttribute("width") === String(w), [sel, width], `the pre-rendered chart redrawn at ${width} px`);
      }
      await settle(driver);
      // The fragment that fits every column: its container queries pick another layout.
      await driver.get(`${url}/__x__/fit.html`);
      await until(driver, () => !!customElements.get("trade-target-chart"), [], "the element script");
      for (const [width, layout] of [[360, "340"], [600, "520"], [300, "280"]]) {
        await driver.executeScript((w) => (document.getElementById("col").style.cssText = `width: ${w}px`), width);
        const r = await until(driver, fitState, [], `the layout for ${width} px`, { accept: (r) => r.layout === layout });
        assert.ok(Math.abs(r.width - width) <= 1 && Math.abs(r.boxHeight - r.svgHeight) <= 2, `${width} px: ${JSON.stringify(r)}`);
      }
      await settle(driver);
    },
  },
  {
    name: "iframe embed sizes itself to the chart",
    async run({ driver, url }) {
      await driver.get(`${url}/__x__/iframe.html`);
      const r = await until(
        driver,
        (title) => {
          const f = document.getElementById("f");
          const doc = f.contentDocument;
          const svg = doc?.querySelector("#chart svg");
          if (!svg || svg.querySelector("text")?.textContent.trim() !== title) return null;
          const h = f.getBoundingClientRect().height;
          const want = Number(svg.getAttribute("height")) + 26; // the picture and the links row
          return h === want && doc.documentElement.scrollHeight <= f.contentWindow.innerHeight ? { h, want } : null;
        },
        [IFRAME_SPEC.title],
        "the iframe grown from 300 px to its chart, with nothing cut off",
        { accept: (r) => r && r.h > 300 },
      );
      assert.ok(r.h > 400, `the default height at 640 px: ${r.h}`);
    },
  },
  {
    name: "bad spec shows the error box (and no exception)",
    async run({ driver, url }) {
      await openElementPage(driver, url);
      const text = await until(driver, () => document.querySelector("#bad").shadowRoot?.querySelector(".ttc-error")?.textContent, [], "the error box");
      assert.match(text, /kind/, `names the path: ${text}`);
      assert.match(text, /pie/, "and the value");
    },
  },
  {
    name: "strict CSP: element, mount(), canvas, iframe, error box; zero violations",
    async run({ driver, url }) {
      await driver.get(`${url}/csp/__x__/csp.html`);
      await until(
        driver,
        () => {
          const drawn = (id, what) => !!document.getElementById(id).shadowRoot?.querySelector(what);
          const f = document.getElementById("f").contentDocument;
          const state = {
            element: drawn("script", ".box svg"),
            canvas: drawn("canvas", ".box canvas"),
            errorBox: drawn("bad", ".ttc-error"),
            mount: document.documentElement.dataset.mounted === "yes" && !!document.querySelector("#npm svg"),
            iframe: !!f?.querySelector("#chart svg"),
          };
          return state;
        },
        [],
        "every chart drawn under the policy",
        { accept: (state) => Object.values(state).every(Boolean) },
      );
      const policy = await driver.executeScript(() => document.getElementById("f").contentDocument.querySelector("#chart svg text").textContent);
      assert.equal(policy.trim(), "Iframe under CSP");
      // Violations are collected by the monitor (securitypolicyviolation) and fail the check.
    },
  },
];
