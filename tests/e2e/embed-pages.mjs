// Helpers for the embedding tests (embed-*.test.mjs): pages made up on the fly on the test
// server's origin (answered by page.route, so www/ holds no test-only pages), and waits.

/** The strict policy a careful news site sends: no inline script or style at all. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** JSON → base64url (RFC 4648 §5, no padding): what embed.html reads after `#`. */
export function toBase64Url(value) {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/**
 * Opens `html` at `/__e2e__/<name>` on the server's origin. `files` maps more paths under
 * /__e2e__/ to { body, type? } (JSON by default). `csp` adds a Content-Security-Policy
 * header to those and to every response from the real server (www/embed.html included).
 */
export async function openPage(env, html, { name = "page.html", files = {}, csp, init, ...options } = {}) {
  const page = await env.newPage(options);
  const context = page.context();
  const headers = csp ? { "content-security-policy": csp } : {};
  if (csp) {
    await context.route(`${env.url}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
    });
  }
  const all = { [name]: { body: html, type: "text/html; charset=utf-8" }, ...files };
  for (const [file, { body, type = "application/json", status = 200 }] of Object.entries(all)) {
    await context.route(`${env.url}/__e2e__/${file}`, (route) =>
      route.fulfill({ status, contentType: type, body, headers }),
    );
  }
  if (init) await page.addInitScript(init);
  await page.goto(`${env.url}/__e2e__/${name}`);
  return page;
}

/** Waits until every <trade-target-chart> on the page (or those matching `selector`) has an SVG. */
export function waitForCharts(page, selector = "trade-target-chart", timeout = 15_000) {
  return page.waitForFunction(
    (sel) => {
      const els = [...document.querySelectorAll(sel)];
      return els.length > 0 && els.every((e) => e.shadowRoot?.querySelector(".box svg"));
    },
    selector,
    { timeout },
  );
}

/** The texts of an element's chart (inside its shadow root). */
export function chartTexts(page, selector) {
  return page.$eval(selector, (el) =>
    [...(el.shadowRoot?.querySelectorAll("svg text") ?? [])].map((t) => t.textContent.trim()),
  );
}

/** Two animation frames: lets ResizeObserver and IntersectionObserver callbacks run. */
export function frames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
