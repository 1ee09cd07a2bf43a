// <trade-target-chart>: the chart as a custom element, for pages where an editor can add one
// script tag and a bit of HTML but no JavaScript of their own.
//
//   <script type="module" src=".../src/js/element.js"></script>
//   <trade-target-chart></trade-target-chart>                          the default chart
//   <trade-target-chart spec='{"kind":"bars"}'></trade-target-chart>   spec as JSON
//   <trade-target-chart src="/charts/trade.json"></trade-target-chart> spec fetched from a URL
//   <trade-target-chart src="/charts/trade.csv"></trade-target-chart>  data fetched as CSV
//   <trade-target-chart>
//     <script type="application/json">{"title": "…"}</script>          spec in a child script
//     <script type="text/csv">year,total …</script>                    data in a child script
//     <img slot="fallback" src="chart.png" alt="…">                    shown if the wasm fails
//   </trade-target-chart>
//
// Where several are given, the first wins: `spec`, then `src`, then the child scripts, because
// the attributes are what scripts change later. CSV (a `src` served as text/csv or ending in
// .csv, or a text/csv child) is data: its rows are the series, and a JSON child script's spec
// lays over them (title, target, …). From npm: `import "trade-target-chart/element"`.
//
// A chart is drawn when it comes within 200 px of the viewport (IntersectionObserver), or at
// once with `loading="eager"` or where there is no IntersectionObserver; `loading="idle"` draws
// it when the page is idle (or on the reader's first intent, if sooner), and
// `loading="interaction"` on the reader's first intent: the pointer entering it, focus, touch.
//
// Pre-rendered charts (renderHTML, the CLI's --html) arrive with a declarative shadow root that
// already holds the picture, the Source link and the data table: they are on screen at first
// paint with no script. The element takes such a chart over in place (hydration) instead of
// drawing it again; the wasm is only fetched then: on the reader's first intent by default
// (`loading="interaction"`), or with `loading="idle"` / `"eager"` / `"lazy"` (near the viewport). Changing `spec` or
// `src` (or the child script's text) redraws in place; removing the element frees the chart.
// A pre-rendered chart that fits every column (renderHTML(spec) with no width: one layout per
// width band, rendered="fit") is never taken over: tips.js answers its tooltips, touch and
// keyboard from what the core wrote into it, downloads.js does its data and image buttons, and
// the engine (index.js, the glue, the wasm) is imported only to draw it anew: a spec change, the
// canvas renderer, a column narrower than its narrowest layout.
// Events, bubbling: "ttc:render" after each draw, "ttc:error" (detail.error) on a failure.
// `el.chart` is the mounted chart's handle (update, toSVG) or null.
//
// The chart is drawn inside an open shadow root, so the host page's CSS cannot reach it and
// ours cannot leak out. Its styles come from a constructable stylesheet, the one kind a strict
// `style-src 'self'` CSP allows (a <style> element or a style="" attribute would be blocked).
import { SpecError } from "./spec-error.js";
import { answer } from "./tips.js";

// The engine (index.js, the wasm-bindgen glue and the wasm) is fetched only when a chart
// must be drawn: a dynamic chart, a one-width pre-rendered one taken over, or a chart that
// fits every column drawn anew (spec change, a column narrower than its narrowest layout).
const engine = () => import("./index.js");
// Only a pre-rendered chart that fits every column uses these. tips.js is part of
// element.min.js, the script of pre-rendered pages: imported on its own, it cost such a chart
// one more round trip before its first tooltip (149 ms against 17 on a 150 ms RTT link,
// tests/bench/static-first.mjs). chart.min.js, the script of charts drawn in the page, has
// tips-lazy.js in its place (.ci/bundle-chart.mjs). downloads.js is imported on a click of the
// data or image button.
const downloads = () => import("./downloads.js");

// In pkg/ the engine is another bundle with its own copy of the class: know it by name too.
const isSpecError = (e) => e instanceof SpecError || e?.name === "SpecError";

/** The narrowest layout of a fragment that fits every column (src/fragment/style.rs). */
const NARROWEST = 280;

const TAG = "trade-target-chart";

// The shadow root's styles. Comments stay out of the string (it ships as written):
// - `.box`: inherited properties (font, colour, line-height, letter-spacing, …) stop here:
//   the page's typography must not change the chart's. Custom properties still come through.
// - `.box:empty`: until the chart is drawn (lazily), hold the room it will take, so the page
//   does not jump when it appears: the chart's own height rule (layout::auto_height: 0.62 ×
//   width, rounded, within 260–480 px) plus the 26 px row of links under it. Below 538 px the
//   default chart's texts need more than that rule (its title wraps; layout grows the chart to
//   hold them): those heights are written out step by step (tests/e2e/static-first.test.mjs
//   checks them at 320, 640 and 1200 px). Another spec with a longer title can still need more
//   at narrow widths.
// - `.box svg`: an inline <svg> would sit on the text baseline and leave a gap under it.
// - `.ttc-error`: the look of the wasm's own error box (which sets it through the CSSOM), for
//   ours too.
const CSS = `
:host { display: block; }
:host([hidden]) { display: none; }
.box { all: initial; display: block; color: #1a1a1a; font: 14px/1.4 Helvetica, Arial, sans-serif; }
.box:empty { container-type: inline-size; }
.box:empty::before { content: ""; display: block; height: calc(clamp(260px, round(62cqi, 1px), 480px) + 26px); }
@container (width < 538px) { .box:empty::before { height: 386px; } }
@container (width < 480px) { .box:empty::before { height: 408px; } }
@container (width < 398px) { .box:empty::before { height: 422px; } }
@container (width < 302px) { .box:empty::before { height: 440px; } }
@container (width < 245px) { .box:empty::before { height: 463px; } }
.box.off { display: none; }
.box svg { display: block; }
.ttc-error { border: 1px solid #b83d0b; border-left-width: 4px; padding: 12px 16px;
  background: #fff4ee; overflow-wrap: anywhere; }
slot[name="fallback"] { display: none; }
slot[name="fallback"].on { display: contents; }
`;
let sheet = null; // one stylesheet object, adopted by every element's shadow root
function sharedSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

function parseJSON(text, where) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SpecError("", `${where} is not valid JSON: ${e.message}`);
  }
}

/** The `.box` among a shadow root's (or a template's) children (`:scope` matches no fragment). */
function boxIn(fragment) {
  return [...fragment.children].find((e) => e.classList.contains("box")) ?? null;
}

/** Thrown for a `src` that cannot be fetched: a load failure, like the wasm's. */
class LoadError extends Error {}

/**
 * A spec from a CSV file's text: its rows are the series (read by the core, so errors name
 * the file, line and column: "data.csv line 7, column total: …"), and `over` (a JSON child's
 * spec) lays over them. Inline CSV needs no file name: it goes in as the spec's `csv` key.
 */
async function csvSpec(text, name, over) {
  // The core's reader is in the wasm: CSV data always needs the engine.
  const { parseCSV } = await engine();
  const spec = { ...over, series: await parseCSV(text, name) };
  delete spec.csv; // the file's rows are the series
  return spec;
}

/** The last part of a URL's path, decoded where it can be ("data.csv"). */
function fileName(url) {
  const last = url.pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last; // a malformed %-escape: as written
  }
}

async function fetchSpec(src, over) {
  const url = new URL(src, document.baseURI);
  let res;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new LoadError(`could not fetch ${url} (${e.message})`); // network or CORS
  }
  if (!res.ok) throw new LoadError(`could not fetch ${url} (HTTP ${res.status})`);
  const file = fileName(url);
  if (/^text\/csv\b/i.test(res.headers.get("content-type") ?? "") || /\.csv$/i.test(file)) {
    return csvSpec(await res.text(), file || "csv", over());
  }
  return parseJSON(await res.text(), `the spec at ${url}`);
}

// Importing this in a non-browser runtime (server rendering) must not throw.
const Base = typeof HTMLElement === "function" ? HTMLElement : class {};

export class TradeTargetChartElement extends Base {
  static observedAttributes = ["spec", "src"];

  // One IntersectionObserver for every element on the page; null where there is none.
  static #io;
  static #lazy() {
    if (this.#io === undefined) {
      this.#io =
        typeof IntersectionObserver === "function"
          ? new IntersectionObserver(
              (entries) => {
                for (const e of entries) {
                  if (!e.isIntersecting) continue;
                  this.#io.unobserve(e.target);
                  e.target.#render();
                }
              },
              { rootMargin: "200px" }, // start a little before the chart scrolls into view
            )
          : null;
    }
    return this.#io;
  }

  #box; // the div the chart is mounted into
  #pre = null; // { width, height, spec } of a pre-rendered chart not taken over yet
  #waiting = null; // stops waiting for intent or idleness
  #fallback; // <slot name="fallback">
  #chart = null; // the ChartHandle while a chart is drawn
  #run = 0; // bumped by each render and by removal: a stale async render stops
  #started = false; // rendered once since connected: attribute changes redraw
  #watch = null; // MutationObserver on the child JSON script
  #tips = null; // stops the tooltips of a pre-rendered chart that fits every column
  #narrow = null; // ResizeObserver: that chart in a column narrower than its layouts

  constructor() {
    super();
    this.#fallback = document.createElement("slot");
    this.#fallback.name = "fallback";
    // Created by the parser before its children (the element was defined early): a shadow root
    // attached now would make the parser drop a pre-rendered chart's declarative one. Wait.
    if (this.shadowRoot || document.readyState !== "loading") this.#attach();
  }

  #attach() {
    if (this.#box) return;
    // A pre-rendered chart's declarative shadow root is already there: keep what it holds.
    const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
    root.adoptedStyleSheets = [sharedSheet()];
    this.#box = boxIn(root);
    if (!this.#box) {
      this.#box = document.createElement("div");
      this.#box.className = "box";
      root.prepend(this.#box);
    }
    root.append(this.#fallback);
  }

  // The pre-rendered chart in the shadow root, if it is one and is not taken over yet. A
  // fragment inserted with innerHTML keeps its <template shadowrootmode> unparsed (only the
  // HTML parser attaches declarative shadow roots): its content is attached here.
  #prerendered() {
    if (!this.#box.firstElementChild) {
      const t = this.querySelector(":scope > template[shadowrootmode]");
      if (t) {
        if (boxIn(t.content)) {
          this.shadowRoot.replaceChildren(...t.content.cloneNode(true).childNodes, this.#fallback);
          this.#box = boxIn(this.shadowRoot);
        }
        t.remove();
      }
    }
    const m = /^(\d+)x(\d+)$/.exec(this.getAttribute("rendered") ?? "");
    if (!m || !this.#box.querySelector(":scope > .ttc svg")) return null;
    return { width: Number(m[1]), height: Number(m[2]), spec: this.getAttribute("spec") };
  }

  /** The mounted chart (update, toSVG), or null before it is drawn or after an error. */
  get chart() {
    return this.#chart;
  }

  connectedCallback() {
    // Defined while the parser is still at this element (an async module that ran early):
    // its children, the pre-rendered chart among them, come later. Decide at DOMContentLoaded.
    if (!this.#box) {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => this.isConnected && this.connectedCallback(), { once: true });
        return;
      }
      this.#attach();
    }
    if (!this.#started && !this.#chart) {
      this.#pre = this.#prerendered();
      if (!this.#pre && this.#fits()) return;
    }
    // A chart to draw from scratch: fetch the engine's JS now, while waiting to come into
    // view, so the wasm's request is not one round trip later than when both were one file.
    if (!this.#pre) engine().catch(() => {});
    const loading = this.getAttribute("loading") ?? (this.#pre ? "interaction" : "lazy");
    if (loading === "eager") return this.#render();
    if (loading === "idle" || loading === "interaction") return this.#wait(loading === "idle");
    const io = TradeTargetChartElement.#lazy();
    if (io) io.observe(this);
    else this.#render();
  }

  // Draws on the reader's first intent (the pointer entering, focus inside, a touch), or
  // when the page is idle if `idle`, whichever comes first.
  #wait(idle) {
    this.#waiting?.();
    const intents = ["pointerenter", "focusin", "touchstart"];
    const go = () => {
      this.#waiting?.();
      this.#render();
    };
    for (const type of intents) this.addEventListener(type, go, { passive: true });
    let handle = null;
    if (idle) {
      handle = typeof requestIdleCallback === "function"
        ? { idle: requestIdleCallback(go, { timeout: 2000 }) }
        : { timer: setTimeout(go, 200) };
    }
    this.#waiting = () => {
      for (const type of intents) this.removeEventListener(type, go, { passive: true });
      if (handle?.idle != null) cancelIdleCallback(handle.idle);
      if (handle?.timer != null) clearTimeout(handle.timer);
      this.#waiting = null;
    };
  }

  // A pre-rendered chart that fits every column: its layouts and tooltips are all there,
  // so nothing is drawn until the spec changes or the column is narrower than them all.
  #fits() {
    if (!this.#box.classList.contains("ttc-fit") || !this.#box.querySelector(":scope > .ttc")) return false;
    // Without the fragment's style (a CSP without its hash) the tooltips would be unstyled
    // blocks in the page's flow: the chart is drawn anew by the engine (lazily, as a dynamic
    // one), which styles through the CSSOM.
    const tip = this.#box.querySelector(":scope > .ttc > .ttc-tip");
    if (!tip || getComputedStyle(tip).position !== "absolute") return false;
    // The canvas renderer is the engine's: such a chart is drawn anew (lazily, as a dynamic one).
    try {
      if (JSON.parse(this.getAttribute("spec") || "{}")?.renderer === "canvas") return false;
    } catch {
      // Not JSON: drawing it shows the error.
      return false;
    }
    if (!this.#tips) {
      this.#tips = answer(this.#box);
      // The data and image buttons work with this script only: shown now, if the fragment's
      // style is there to put them in the links row (else they would push the text below).
      const acts = this.#box.querySelector(":scope > .ttc-row > .ttc-acts");
      if (acts && getComputedStyle(acts).position === "absolute") {
        acts.hidden = false;
        // Only where they fit beside the Source link (a long language in a narrow column
        // does not): the data table is there in any case.
        const link = acts.parentElement.querySelector("a")?.getBoundingClientRect();
        if (link && link.width > 0 && acts.getBoundingClientRect().left < link.right + 16) acts.hidden = true;
        acts.addEventListener("click", (e) => this.#act(e.target.closest?.("[data-ttc]")?.dataset.ttc));
      }
    }
    if (!this.#narrow && typeof ResizeObserver === "function") {
      this.#narrow = new ResizeObserver(([e]) => e.contentRect.width > 0 && e.contentRect.width < NARROWEST && this.#render());
      this.#narrow.observe(this.#box);
    }
    return true;
  }

  async #act(kind) {
    if (kind !== "csv" && kind !== "png") return;
    try {
      const { download } = await downloads();
      await download(this.#box, await this.#readSpec(), kind, engine);
    } catch (e) {
      this.dispatchEvent(new CustomEvent("ttc:error", { bubbles: true, detail: { error: e } }));
    }
  }

  // Drawn anew: the fragment's own style and classes must not reach the wasm's chart.
  #unfit() {
    this.#tips?.();
    this.#narrow?.disconnect();
    this.#tips = this.#narrow = null;
    if (!this.#box.classList.contains("ttc-fit")) return;
    for (const e of [...this.shadowRoot.children]) if (e.localName === "style") e.remove();
    this.#box.className = "box";
  }

  disconnectedCallback() {
    TradeTargetChartElement.#io?.unobserve(this);
    // Taken out of the page untouched: the pre-rendered chart stays as it is.
    if (this.#tips && !this.#started) {
      this.#tips();
      this.#narrow?.disconnect();
      this.#tips = this.#narrow = null;
      return;
    }
    this.#waiting?.();
    // Taken out of the page before it was taken over: the pre-rendered chart stays as it is.
    if (this.#pre && !this.#chart) {
      this.#run++;
      this.#started = false;
      return;
    }
    this.#pre = null;
    this.#run++;
    this.#started = false;
    this.#watch?.disconnect();
    this.#watch = null;
    this.#chart?.destroy(); // frees the wasm chart and its ResizeObserver
    this.#chart = null;
    this.#box?.replaceChildren();
    if (this.#box) this.#show(true);
  }

  attributeChangedCallback(_name, before, after) {
    if (before === after) return;
    // A pre-rendered chart whose spec changes before it is taken over is drawn anew at once.
    if (this.#started || ((this.#pre || this.#tips) && this.isConnected)) {
      this.#waiting?.();
      this.#render();
    }
  }

  // Synchronous up to the draw when the spec is at hand (attribute, child script), so a
  // setAttribute("spec", …) on a drawn chart has redrawn it when it returns.
  #render() {
    this.#started = true;
    const run = ++this.#run;
    // Defined before the parser reached our children: wait for the child script to exist.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", () => run === this.#run && this.#render(), { once: true });
      return;
    }
    this.#watchChildren();
    let spec;
    try {
      spec = this.#readSpec();
    } catch (e) {
      return this.#failed(e);
    }
    if (!(spec instanceof Promise)) return this.#draw(spec, run);
    spec.then(
      (s) => run === this.#run && this.#draw(s, run),
      (e) => run === this.#run && this.#failed(e),
    );
  }

  async #draw(spec, run) {
    if (this.#chart) {
      try {
        this.#chart.update(spec); // in place: synchronous, no flash
        return this.#done();
      } catch {
        // A bad spec: mount again below, which replaces the chart with the error box.
      }
    }
    this.#chart = null;
    let chart;
    try {
      // Wait for the wasm (loaded once per page) before touching the box: a newer render or
      // a removal may come meanwhile, and a late mount would draw over what they showed.
      const { ready, mount, hydrate } = await engine();
      await ready();
      // Each chart draws in a task of its own (5–15 ms each): twenty on a page must not
      // freeze it for a third of a second, and the first can be painted before the rest.
      await new Promise((r) => setTimeout(r));
      if (run !== this.#run) return;
      // The pre-rendered chart is taken over in place when it is the one the spec draws;
      // otherwise (the spec attribute changed since) it is drawn anew.
      const pre = this.#pre;
      this.#pre = null;
      this.#unfit();
      chart = pre && pre.spec === this.getAttribute("spec")
        ? await hydrate(this.#box, spec, pre) // resolves in a microtask now
        : await mount(this.#box, spec);
    } catch (e) {
      if (run !== this.#run) return;
      // The wasm did not load: a pre-rendered chart stays on screen as it is.
      if (!isSpecError(e) && this.#box.querySelector(":scope > .ttc svg")) {
        this.dispatchEvent(new CustomEvent("ttc:error", { bubbles: true, detail: { error: e } }));
        return;
      }
      this.#failed(e);
      return;
    }
    if (!this.isConnected) return chart.destroy();
    this.#chart = chart;
    if (run === this.#run) this.#done();
  }

  #readSpec() {
    const attr = this.getAttribute("spec");
    if (attr != null && attr.trim() !== "") return parseJSON(attr, "the spec attribute");
    const script = this.querySelector(':scope > script[type="application/json"]');
    const json = () => script ? parseJSON(script.textContent, "the JSON script in <trade-target-chart>") : undefined;
    const src = this.getAttribute("src");
    if (src != null && src.trim() !== "") return fetchSpec(src.trim(), json);
    // Inline CSV goes in as the spec's `csv` key, synchronously like the JSON child.
    const csv = this.querySelector(':scope > script[type="text/csv"]');
    if (csv) return { ...json(), csv: csv.textContent };
    return json(); // undefined: the default chart
  }

  // A CMS preview may rewrite the child script: redraw when it changes.
  #watchChildren() {
    if (this.#watch || typeof MutationObserver !== "function") return;
    this.#watch = new MutationObserver(() => {
      if (!this.hasAttribute("spec") && !this.hasAttribute("src")) this.#render();
    });
    this.#watch.observe(this, { childList: true, subtree: true, characterData: true });
  }

  #done() {
    this.#show(true);
    this.dispatchEvent(new CustomEvent("ttc:render", { bubbles: true }));
  }

  #failed(e) {
    // A chart still drawn from an earlier spec would keep following the size, unseen.
    this.#chart?.destroy();
    this.#chart = null;
    if (isSpecError(e)) {
      // mount() has put the wasm's error box in; a JSON error never reached it.
      if (!this.#box.querySelector(".ttc-error")) this.#message(`This chart could not be drawn. ${e.message}`);
    } else if (this.querySelector(':scope > [slot="fallback"]')) {
      this.#box.replaceChildren();
      this.#show(false); // the page's own static image instead
    } else {
      const why = e instanceof LoadError ? "The chart's data could not be loaded" : "The chart could not be loaded";
      this.#message(`${why}: ${e && e.message ? e.message : e}`);
    }
    this.dispatchEvent(new CustomEvent("ttc:error", { bubbles: true, detail: { error: e } }));
  }

  #message(text) {
    const div = document.createElement("div");
    div.className = "ttc-error";
    div.setAttribute("role", "alert");
    div.textContent = text; // text, never markup
    this.#box.replaceChildren(div);
    this.#show(true);
  }

  #show(chart) {
    this.#box.classList.toggle("off", !chart);
    this.#fallback.classList.toggle("on", !chart);
  }
}

if (typeof customElements === "object" && !customElements.get(TAG)) {
  customElements.define(TAG, TradeTargetChartElement);
}
