// trade-target-chart: the npm entry (ESM).
//
//   import { mount, renderSVG, defaultSpec, SpecError } from "trade-target-chart";
//   const chart = await mount(document.getElementById("chart"), { title: "…" });
//   chart.update({ kind: "bars" });          // sync; throws SpecError, chart unchanged
//
// Nothing runs at import time: the WebAssembly module is fetched and instantiated
// the first time a function that needs it is called (mount, renderSVG, defaultSpec,
// ready), and only once per page however many charts are mounted.

/** Where the wasm binary lives unless setWasmUrl() said otherwise. */
function DEFAULT_WASM_URL() {
  const url = new URL("../../pkg/trade_target_chart_bg.wasm", import.meta.url);
  // Vite's dev server pre-bundles dependencies into node_modules/.vite/deps/ but leaves the
  // wasm behind (vitejs/vite#8427): from there the URL above lands on node_modules/pkg/,
  // where Vite answers with its index.html. The package itself is at
  // node_modules/trade-target-chart/. (Bundled builds get a hashed asset URL: no match.)
  url.pathname = url.pathname.replace(
    /\/node_modules\/pkg\/(trade_target_chart_bg\.wasm)$/,
    "/node_modules/trade-target-chart/pkg/$1",
  );
  return url;
}

let wasmUrl = null; // set by setWasmUrl(); null = DEFAULT_WASM_URL()
let wasmPromise = null; // the one shared init promise (null = not started)

import { SpecError } from "./spec-error.js";

export { SpecError };

/**
 * Overrides where the wasm binary is fetched from (a URL or a string). Must be called
 * before the first mount/renderSVG/defaultSpec/ready call.
 */
export function setWasmUrl(url) {
  if (wasmPromise) {
    throw new Error("trade-target-chart: setWasmUrl() must be called before the wasm starts loading");
  }
  wasmUrl = url == null ? null : url;
}

/**
 * Starts loading the wasm (once per page) and resolves when it is ready.
 * Resolves to nothing useful for callers; await it to preload.
 */
export function ready() {
  return loadWasm().then(() => undefined);
}

function loadWasm() {
  if (!wasmPromise) {
    const p = (async () => {
      const url = wasmUrl ?? DEFAULT_WASM_URL();
      let response;
      // A file: URL (Node, Deno or Bun running the package from disk; Node's fetch cannot
      // read those): "#wasm-file" (package.json "imports") reads the bytes with node:fs under
      // the "node" condition and is an error elsewhere, so bundlers building for the browser
      // never see node:fs. The browser-only script-tag builds drop this statement
      // (.ci/build.sh: esbuild --drop-labels=fromDisk).
      fromDisk: if (/^file:/i.test(url)) response = import("#wasm-file").then((m) => m.readWasm(url));
      // Fetch here (rather than passing the URL) to turn an HTTP error into a clear
      // message; wasm-bindgen's init still compiles with instantiateStreaming. Started
      // before the glue is imported, so the two downloads overlap instead of queueing.
      response ??= fetch(url).then((res) => {
        if (!res.ok) {
          throw new Error(`could not fetch ${res.url || String(url)} (HTTP ${res.status})`);
        }
        // A dev server's catch-all page instead of the file: say so, not "bad magic word".
        if (/^text\/html/i.test(res.headers.get("content-type") ?? "")) {
          throw new Error(`${res.url || String(url)} is an HTML page, not the wasm binary: serve pkg/trade_target_chart_bg.wasm there or call setWasmUrl()`);
        }
        return res;
      });
      response.catch(() => {}); // reported through init below, not as an unhandled rejection
      const glue = await import("../../pkg/trade_target_chart.js");
      await glue.default({ module_or_path: response });
      return glue;
    })();
    wasmPromise = p;
    // A failed load is not cached: the next call tries again.
    p.catch(() => {
      if (wasmPromise === p) wasmPromise = null;
    });
  }
  return wasmPromise;
}

/** Turns what a spec may be (object, JSON text, nothing) into what the wasm takes. */
function normalizeSpec(spec) {
  if (spec === undefined || spec === null) return {};
  if (typeof spec === "string") {
    let parsed;
    try {
      parsed = JSON.parse(spec);
    } catch (e) {
      throw new SpecError("", `the spec is not valid JSON: ${e && e.message ? e.message : e}`);
    }
    if (parsed === null) return {};
    spec = parsed;
  }
  if (typeof spec !== "object" || Array.isArray(spec)) {
    const kind = Array.isArray(spec) ? "an array" : typeof spec;
    throw new SpecError("", `the spec must be an object (or its JSON text), not ${kind}`);
  }
  // A plain copy before the wasm reads it: a getter or Proxy that throws fails here,
  // once, as a SpecError, instead of throwing midway through the wasm's reader.
  try {
    return plainCopy(spec, 0);
  } catch (e) {
    throw new SpecError("", `the spec could not be read: ${e && e.message ? e.message : e}`);
  }
}

/**
 * A copy of the plain objects and arrays in `v` (what a spec is made of), with anything
 * else (a Date, a Map, a cycle past the wasm's depth limit) left to structuredClone, so
 * the wasm reads what it read before. Written out because structuredClone serializes and
 * parses the whole spec: 0.13 ms of a 1.9 ms data update at the top of a frame, against
 * next to nothing for this loop (measured).
 */
function plainCopy(v, depth) {
  if (typeof v !== "object" || v === null) return v;
  // One level past the wasm's limit (32) is enough for it to say "nested too deep".
  if (depth > 33) return structuredClone(v);
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = plainCopy(v[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return structuredClone(v);
  const out = {};
  for (const k of Object.keys(v)) out[k] = plainCopy(v[k], depth + 1);
  return out;
}

/** Converts what the wasm throws ({path, message}) into a SpecError; other errors pass through. */
function toError(e) {
  if (e instanceof Error) return e;
  if (e && typeof e === "object" && typeof e.message === "string") {
    return new SpecError(typeof e.path === "string" ? e.path : "", e.message, { line: e.line, column: e.column });
  }
  return new Error(String(e));
}

function loadFailureMessage(e) {
  const why = e && e.message ? e.message : String(e);
  return `The chart could not be loaded: ${why}`;
}

// Charts currently mounted, by element: mounting again into the same element
// destroys the previous chart first.
const mounted = new WeakMap();

class ChartHandle {
  #chart;
  #element;

  constructor(chart, element) {
    this.#chart = chart;
    this.#element = element;
  }

  /** The element the chart was mounted into. */
  get element() {
    return this.#element;
  }

  #live() {
    if (!this.#chart) throw new Error("trade-target-chart: this chart has been destroyed");
    return this.#chart;
  }

  /** Redraws with a new spec. Throws SpecError (chart left as it was) on a bad spec. */
  update(spec) {
    const chart = this.#live();
    const s = normalizeSpec(spec);
    try {
      chart.update(s);
    } catch (e) {
      throw toError(e);
    }
  }

  /** The chart as it is drawn now, as SVG text (even when it is drawn on a canvas). */
  toSVG() {
    return this.#live().toSvg();
  }

  /** The chart as drawn now, as a PNG Blob; `scale` = pixels per CSS pixel (default 2). */
  toPNG({ scale = 2 } = {}) {
    return this.#live().toPng(scale);
  }

  /** The data drawn, as CSV text (year,total,exports,imports,estimate,note). */
  toCSV() {
    return this.#live().toCsv();
  }

  /** Shows the tooltip for the index-th drawn year, as the arrow keys do. */
  showTooltip(index) {
    this.#live().showTooltip(index);
  }

  /** Stops following the element's size, empties the element and frees the chart. Idempotent. */
  destroy() {
    const chart = this.#chart;
    if (!chart) return;
    this.#chart = null;
    if (mounted.get(this.#element) === this) mounted.delete(this.#element);
    try {
      chart.destroy();
    } finally {
      chart.free();
    }
  }
}

/**
 * Draws a chart into `element` and resolves to a handle. Rejects with SpecError on a bad
 * spec (the element then shows an error box), or with the load error if the wasm could
 * not be loaded (the element then shows a short message). A chart already mounted in
 * `element` by this module is destroyed first.
 */
export async function mount(element, spec) {
  if (!element || typeof element !== "object" || element.nodeType !== 1) {
    throw new TypeError("trade-target-chart: mount() needs an element to draw into");
  }
  // An element-like object outside a page (jsdom without a window, a build step): say
  // what to use instead of failing deep in the wasm with "no document".
  if (typeof document === "undefined" || !element.ownerDocument) {
    throw new TypeError("trade-target-chart: mount() needs a page (a DOM); outside one use renderSVG() or renderHTML()");
  }
  let s;
  try {
    s = normalizeSpec(spec);
  } catch (e) {
    // Not JSON (or not an object): the wasm never sees it, so say it here, as plain text.
    mounted.get(element)?.destroy();
    element.textContent = `This chart could not be drawn. ${e.message}`;
    throw e;
  }
  let glue;
  try {
    glue = await loadWasm();
  } catch (e) {
    mounted.get(element)?.destroy();
    element.textContent = loadFailureMessage(e);
    throw e;
  }
  mounted.get(element)?.destroy();
  let chart;
  try {
    chart = new glue.Chart(element, s);
  } catch (e) {
    throw toError(e);
  }
  const handle = new ChartHandle(chart, element);
  mounted.set(element, handle);
  return handle;
}

/**
 * Takes over a chart pre-rendered by renderHTML: `element` is the `.box` in the fragment's
 * shadow root, `width` × `height` the fragment's `rendered` size. The picture stays on
 * screen as it is (at that width nothing in it is written again); the chart then follows
 * the element like a mounted one. Used by <trade-target-chart>; resolves to a handle.
 */
export async function hydrate(element, spec, { width, height } = {}) {
  if (!element || typeof element !== "object" || element.nodeType !== 1) {
    throw new TypeError("trade-target-chart: hydrate() needs the element holding a pre-rendered chart");
  }
  const s = normalizeSpec(spec);
  const glue = await loadWasm();
  mounted.get(element)?.destroy();
  let chart;
  try {
    chart = glue.Chart.hydrate(element, s, Number(width) || 640, Number(height) || 0);
  } catch (e) {
    throw toError(e);
  }
  const handle = new ChartHandle(chart, element);
  mounted.set(element, handle);
  return handle;
}

// Width and height are CSS pixels; the core clamps a width to 120–4000 px. A value of the
// wrong type is named as such ("a string", not its text: "640" and 640 print alike).
function checkSize(width, height) {
  const bad = (v) => typeof v !== "number" || !Number.isFinite(v) || v <= 0;
  const what = (v) =>
    typeof v === "number" || v == null ? String(v)
      : typeof v === "string" ? `a string (${JSON.stringify(v)})`
      : typeof v === "boolean" ? `a boolean (${v})`
      : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v}`;
  if (bad(width)) throw new RangeError(`trade-target-chart: width must be a positive number, not ${what(width)}`);
  if (height != null && bad(height)) {
    throw new RangeError(`trade-target-chart: height must be a positive number, not ${what(height)}`);
  }
}

/**
 * Renders a spec to a pre-rendered HTML fragment: a <trade-target-chart> element holding
 * the SVG, the data table, the source link and the spec, shown with no JavaScript. With
 * no `width` it holds one layout per width band and fits every column (the element script
 * answers its tooltips without the wasm); with a `width`, one layout at that width that the
 * element takes over. The same bytes as the native CLI's `render --html` with the same
 * options. No DOM needed (Node, Deno, Bun, workers).
 */
export async function renderHTML(spec, { width, height } = {}) {
  const s = normalizeSpec(spec);
  if (width == null && height != null) {
    throw new RangeError("trade-target-chart: renderHTML() takes a height only with a width");
  }
  if (width != null) checkSize(width, height);
  const glue = await loadWasm();
  try {
    if (width == null) return glue.renderHtml(s);
    return height == null ? glue.renderHtml(s, width) : glue.renderHtml(s, width, height);
  } catch (e) {
    throw toError(e);
  }
}

/**
 * Renders a spec to SVG text without touching the page. `width` defaults to 640 px;
 * `height` defaults to the spec's height or one that follows the width.
 */
export async function renderSVG(spec, { width = 640, height } = {}) {
  const s = normalizeSpec(spec);
  checkSize(width, height);
  const glue = await loadWasm();
  try {
    return height == null ? glue.renderSvg(s, width) : glue.renderSvg(s, width, height);
  } catch (e) {
    throw toError(e);
  }
}

/**
 * Reads CSV text with the widget's columns (year,total,exports,imports,estimate,note, in
 * any order; `value` for `total`) into series points, in the file's order, with the core's
 * reader (the same one the spec's `csv` key, the element and the CLI use). Rejects with a
 * SpecError naming `name` (default "csv"), the file's line and the column:
 * "data.csv line 7, column total: expected a number, found \"n/a\"" (`e.line`, `e.column`).
 */
export async function parseCSV(text, name) {
  if (typeof text !== "string") {
    throw new TypeError(`trade-target-chart: parseCSV() takes CSV text, not ${text === null ? "null" : typeof text}`);
  }
  const glue = await loadWasm();
  try {
    return glue.parseCsv(text, typeof name === "string" && name ? name : undefined);
  } catch (e) {
    throw toError(e);
  }
}

/**
 * The default spec (the built-in China–Russia data) as a fresh plain object.
 * It comes from the wasm, so this loads it if it is not loaded yet.
 */
export async function defaultSpec() {
  const glue = await loadWasm();
  return glue.defaultSpec();
}
