// The bench's own static server (node:http, loopback only). It serves, from the repo root:
//   /pkg/…, /src/js/…, /src/data/…      this widget (wasm as application/wasm)
//   /node_modules/<peer>/…              the peers' browser builds (only the packages in PEER_DIRS)
//   /tests/bench/pages/…                the bench's page scripts
//   /bench/<lib>.html                   a page per library, generated from libs.mjs, with the
//                                       default data inlined (no fetch of the data on any page)
// Every response is `Cache-Control: no-store` and the pages are cross-origin isolated
// (COOP + COEP), which gives performance.now() 5 µs resolution instead of 100 µs.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { LIBS } from "./libs.mjs";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

const PEER_DIRS = [
  "node_modules/chart.js/dist",
  "node_modules/uplot/dist",
  "node_modules/echarts/dist",
  "node_modules/vega/build",
  "node_modules/vega-lite/build",
  "node_modules/vega-embed/build",
  "node_modules/@observablehq/plot/dist",
  "node_modules/d3/dist",
];
const ALLOWED = ["pkg", "src/js", "src/data", "tests/bench/pages", ...PEER_DIRS];

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
};

const COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The HTML page for one library: its CSS, its classic scripts, the data, its page module. */
export function pageHtml(lib, data) {
  const css = (lib.css || []).map((h) => `<link rel="stylesheet" href="${esc(h)}">`).join("\n");
  const scripts = (lib.scripts || []).map((s) => `<script src="${esc(s)}"></script>`).join("\n");
  // `</` cannot appear inside the inline JSON (it would close the script element).
  const json = JSON.stringify(data).replace(/<\//g, "<\\/");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>bench: ${esc(lib.label)}</title>
<style>
  html, body { margin: 0; padding: 0; background: #fff; }
  body { font-family: Helvetica, Arial, sans-serif; }
  #chart { width: 640px; ${lib.fixedHeight ? "height: 400px;" : ""} padding: 0; margin: 0; }
  ${lib.pageCss || ""}
</style>
${css}
<script>window.BENCH_DATA = ${json};</script>
${scripts}
<script type="module" src="/tests/bench/pages/${esc(lib.id)}.js"></script>
</head>
<body><div id="chart"></div></body>
</html>
`;
}

/**
 * Maps a URL path to a file on disk, or null when the bench server would not serve it.
 * Also used by run.mjs to find the file behind each JS/wasm response it counts.
 */
export function fileFor(urlPath, roots = {}) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  if (p.includes("\0") || p.includes("\\") || p.split("/").some((s) => s.startsWith("."))) return null;
  const rel = p.replace(/^\/+/, "");
  const area = ALLOWED.find((a) => rel.startsWith(a + "/"));
  if (!area) return null;
  const file = resolve(ROOT, rel);
  if (!file.startsWith(join(ROOT, area) + sep)) return null;
  // `roots` maps an area to another folder (run.mjs serves a snapshot of pkg/ and src/js/,
  // so a rebuild during a run cannot mix two builds in one result).
  return roots[area] ? join(roots[area], file.slice(join(ROOT, area).length + 1)) : file;
}

export async function startBenchServer({ port = 0, host = "127.0.0.1", roots = {} } = {}) {
  const data = JSON.parse(await readFile(join(ROOT, "src/data/china-russia.json"), "utf8"));
  const pages = new Map(LIBS.map((l) => [`/bench/${l.id}.html`, pageHtml(l, data)]));

  const server = createServer(async (req, res) => {
    const send = (status, body, type = "text/plain; charset=utf-8") => {
      res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "Method Not Allowed\n");
    const path = req.url.split(/[?#]/)[0];
    if (pages.has(path)) return send(200, pages.get(path), MIME[".html"]);
    if (path === "/favicon.ico") return send(204, "");
    const file = fileFor(path, roots);
    if (!file) return send(404, "Not Found\n");
    try {
      const st = await stat(file);
      if (!st.isFile()) return send(404, "Not Found\n");
      const body = await readFile(file);
      send(200, body, MIME[extname(file)] || "application/octet-stream");
    } catch {
      send(404, "Not Found\n");
    }
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, ok);
  });
  const addr = server.address();
  const url = `http://${host}:${addr.port}`;
  return {
    url,
    port: addr.port,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

// `node tests/bench/server.mjs` serves the pages for a look by hand (PORT env, default 8090).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await startBenchServer({ port: Number(process.env.PORT || 8090) });
  console.log(`bench pages: ${LIBS.map((l) => `${s.url}/bench/${l.id}.html`).join("\n             ")}`);
}
