// Shared set-up for the end-to-end tests and the screenshot helper: the in-process static
// server (www/serve.mjs, serving the repo root) and headless Chromium via playwright-core.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";
import { startServer } from "../../www/serve.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A blank page at this path on the test server's origin, for tests that import
 * /src/js/index.js themselves. The server does not serve tests/e2e/, so the page is
 * answered by the browser context (page.route) with FIXTURE_HTML.
 */
export const FIXTURE_PATH = "/__e2e__/fixture.html";
const FIXTURE_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>trade-target-chart test fixture</title></head>
<body><main id="root"></main></body>
</html>
`;

/**
 * What a page's error monitor (Sentry, New Relic, Datadog…) sees, collected in every frame
 * before the page's own scripts run: window `error` events (uncaught exceptions, and
 * errors like "ResizeObserver loop completed with undelivered notifications" that reach
 * window.onerror but not Playwright's pageerror or the console; in the capture phase, so
 * a failed <script>/<img>/<link> load is seen too) and `unhandledrejection`. Each is sent
 * to the test through the __ttcMonitor binding (see newPage). Kept in one file shared
 * with the cross-engine runner (tests/engines/), which injects it through the server.
 */
export const MONITOR_SCRIPT = readFileSync(path.join(ROOT, "tests", "e2e", "monitor.js"), "utf8");

/**
 * Starts the static server and the browser. Returns { url, browser, newPage, close }.
 * Fails early with a clear message when the wasm has not been built.
 */
export async function setup() {
  if (!existsSync(path.join(ROOT, "pkg", "trade_target_chart_bg.wasm"))) {
    throw new Error("pkg/trade_target_chart_bg.wasm is missing: run `bash .ci/build.sh` first");
  }
  const server = await startServer({ port: 0 });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  const url = server.url.replace(/\/+$/, ""); // the origin, no trailing slash
  const contexts = new Set();
  const pages = [];

  /**
   * Opens a page in a fresh context (so no cache is shared between tests) and records
   * uncaught page errors, console errors and what a page's error monitor would see
   * (MONITOR_SCRIPT: window `error` and `unhandledrejection` events, in every frame) in
   * page.errors.
   */
  async function newPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    contexts.add(context);
    await context.route(`${url}${FIXTURE_PATH}`, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: FIXTURE_HTML }),
    );
    await context.exposeBinding("__ttcMonitor", ({ page }, text) => page?.errors?.push(`monitor: ${text}`));
    await context.addInitScript({ content: MONITOR_SCRIPT });
    const page = await context.newPage();
    pages.push(page);
    page.errors = [];
    /** Takes the errors a test caused on purpose (matching `pattern`) out of page.errors; returns them. */
    page.expectErrors = (pattern) => {
      const hit = page.errors.filter((e) => pattern.test(e));
      page.errors = page.errors.filter((e) => !pattern.test(e));
      return hit;
    };
    page.on("pageerror", (err) => page.errors.push(`pageerror: ${err.message}`));
    page.on("console", (msg) => {
      if (msg.type() === "error") page.errors.push(`console.error: ${msg.text()}`);
    });
    page.closeContext = async () => {
      contexts.delete(context);
      await context.close();
    };
    return page;
  }

  /**
   * Closes everything, then fails (the file's `after` hook, so the file fails) if any page
   * had an error that no test took out of its page.errors: a test that expects one (a
   * deliberate 404) removes it, `page.errors = page.errors.filter(…)`, and asserts the rest.
   */
  async function close() {
    const left = pages.flatMap((p) => (p.errors ?? []).map((e) => `${p.url()}: ${e}`));
    for (const c of contexts) await c.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
    if (left.length) throw new Error(`errors on pages that no test asserted:\n${left.join("\n")}`);
  }

  return { url, server, browser, newPage, close };
}

/** Opens the demo and waits until its chart is drawn and the editor is filled. */
export async function openDemo(env, options = {}) {
  const page = await env.newPage(options);
  await page.goto(`${env.url}/www/`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  return page;
}

/** Opens the blank fixture page (which loads nothing by itself). */
export async function openFixture(env, options = {}) {
  const page = await env.newPage(options);
  await page.goto(`${env.url}${FIXTURE_PATH}`);
  return page;
}

/** The text of every SVG <text> element under `selector`, in document order. */
export async function svgTexts(page, selector = "#chart") {
  return page.$$eval(`${selector} svg text`, (els) => els.map((e) => e.textContent));
}

/** Resolves after two animation frames: a ResizeObserver round and a paint have happened. */
export function nextFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * On the fixture page: mounts a chart with `spec` into a new div#chart (`width` in CSS px or
 * any CSS width; `lang` sets the container's lang attribute; `bodyMargin0` drops the page's
 * 8 px margin), keeps the handle as window.__chart and waits until it is drawn.
 */
export async function mountInFixture(page, spec, { width = "640px", lang, bodyMargin0 = false } = {}) {
  await page.evaluate(
    async ({ spec, width, lang, bodyMargin0 }) => {
      const m = await import("/src/js/index.js");
      if (bodyMargin0) document.body.style.margin = "0";
      const el = document.createElement("div");
      el.id = "chart";
      el.style.width = typeof width === "number" ? `${width}px` : width;
      if (lang) el.lang = lang;
      document.getElementById("root").append(el);
      window.__chart = await m.mount(el, spec ?? {});
    },
    { spec, width, lang, bodyMargin0 },
  );
  await nextFrames(page);
}

/**
 * The tooltip of the chart under `selector` as the reader sees it: shown or not, its lines
 * (one per line box), its box and the chart frame's box (page coordinates), the marker
 * ring's centre, and the live region's text.
 */
export async function tooltipState(page, selector = "#chart") {
  return page.$eval(selector, (root) => {
    const frame = root.querySelector("div.ttc");
    const tip = frame.querySelector(".ttc-tip");
    const ring = [...frame.children].find((c) => c !== tip && c.getAttribute("aria-hidden") === "true");
    const live = root.querySelector('[aria-live="polite"]');
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
    };
    const shown = getComputedStyle(tip).display !== "none";
    const ringBox = ring && getComputedStyle(ring).display !== "none" ? box(ring) : null;
    return {
      shown,
      display: getComputedStyle(tip).display,
      lines: [...tip.children].map((d) => d.textContent),
      text: tip.textContent,
      tip: shown ? box(tip) : null,
      frame: box(frame),
      ring: ringBox ? { x: (ringBox.left + ringBox.right) / 2, y: (ringBox.top + ringBox.bottom) / 2 } : null,
      live: live ? live.textContent : null,
    };
  });
}

/** Non-breaking and narrow spaces as plain spaces, runs of spaces as one. */
export function normalizeSpaces(s) {
  return String(s).replace(/[\u00a0\u202f\u2009]/g, " ").replace(/ +/g, " ");
}
