// A static server for one folder (an app's build output, a site's dist/), for the consumer
// and README tests: unlike www/serve.mjs it serves everything under its root, as a site would.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";

const MIME = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".json": "application/json", ".css": "text/css" };

/** Serves `root` on a free loopback port; records every path requested. */
export async function serve(root) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const rel = decodeURIComponent(req.url.split("?")[0]);
    requests.push(rel);
    if (rel === "/favicon.ico") return res.writeHead(204).end(); // the browser asks; not ours
    let file = path.join(root, rel);
    if (!file.startsWith(root)) return res.writeHead(404).end();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      await stat(file);
    } catch {
      return res.writeHead(404).end();
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, requests, close: () => new Promise((ok) => server.close(ok)) };
}
