// The cross-engine runner's server: the repo's static server (www/serve.mjs) behind a thin
// front that
// - puts tests/e2e/monitor.js first in every HTML page (www/ pages too), so each page's
//   window `error`/`unhandledrejection` events and console errors are collected before the
//   page's own scripts run, in every engine (WebDriver classic cannot add init scripts);
// - serves the checks' own pages from memory under /__x__/ (www/ holds no test pages);
// - under /csp/…, serves the same paths with the strict policy a careful news site sends.
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../e2e/harness.mjs";
import { STRICT_CSP } from "../e2e/embed-pages.mjs";
import { startServer } from "../../www/serve.mjs";

const MONITOR = readFileSync(path.join(ROOT, "tests", "e2e", "monitor.js"), "utf8");
const MONITOR_TAG = '<script src="/__x__/monitor.js"></script>';

/** Starts the front and the static server behind it. `pages` maps /__x__/<name> to { body, type }. */
export async function startFront(pages = {}) {
  const inner = await startServer({ port: 0 });
  const files = { "monitor.js": { body: MONITOR, type: "text/javascript; charset=utf-8" }, ...pages };
  const requests = []; // every path asked for, in order: checks look for engine and wasm loads
  const server = createServer(async (req, res) => {
    try {
      let url = req.url;
      requests.push(url.split(/[?#]/)[0]);
      const csp = url.startsWith("/csp/");
      if (csp) url = url.slice(4);
      const headers = { "cache-control": "no-store", ...(csp ? { "content-security-policy": STRICT_CSP } : {}) };
      let status = 200;
      let type;
      let body;
      // No favicon: answered, so no engine logs a failed load for it.
      if (url === "/favicon.ico") return res.writeHead(204).end();
      const own = url.startsWith("/__x__/") && files[url.slice(7).split(/[?#]/)[0]];
      if (own) {
        ({ body, type = "text/html; charset=utf-8" } = own);
        if (typeof body === "function") body = body();
      } else if (url.startsWith("/__x__/")) {
        status = 404;
        body = "Not Found\n";
        type = "text/plain";
      } else {
        const r = await fetch(new URL(url, inner.url), { redirect: "manual" });
        status = r.status;
        type = r.headers.get("content-type") ?? "application/octet-stream";
        const location = r.headers.get("location");
        if (location) headers.location = csp ? `/csp${location}` : location;
        body = Buffer.from(await r.arrayBuffer());
      }
      if (type.startsWith("text/html")) body = inject(String(body));
      res.writeHead(status, { ...headers, "content-type": type });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(e));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((ok) => server.close(ok));
      await inner.close();
    },
  };
}

/** The monitor as the first thing in the page: before any other script can run. */
function inject(html) {
  const m = html.match(/<head[^>]*>/i) ?? html.match(/<html[^>]*>/i);
  if (!m) return MONITOR_TAG + html;
  const at = m.index + m[0].length;
  return html.slice(0, at) + MONITOR_TAG + html.slice(at);
}
