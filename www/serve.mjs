// Zero-dependency static server for the demo and the browser tests.
// Run: node www/serve.mjs  (PORT env, default 8080; walks up if the port is taken)
// Import: const { url, port, close } = await startServer({ port: 0 });
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
// Only these trees are public; everything else (the Rust sources, target/, .git/ ...) stays private.
const ALLOWED = ['www', 'src/js', 'src/data', 'pkg', 'tests/golden'];

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8', // .d.ts, viewable but not executable
  // Exactly application/wasm, or WebAssembly.instantiateStreaming refuses the response.
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
  let path;
  try {
    // Not new URL(req.url, base): a target like //www/x would be read as a host name.
    path = decodeURIComponent(req.url.split(/[?#]/)[0]);
  } catch {
    return send(res, 400, 'Bad Request\n');
  }
  // The first page is the builder (the reader's demo is /www/).
  if (path === '/') return send(res, 302, '', { Location: '/www/builder.html' });
  // Reject traversal, NUL and dotfiles (pkg/.build-stamp, .gitignore) before any normalisation.
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((s) => s.startsWith('.'))) return send(res, 404, 'Not Found\n');
  const rel = path.replace(/^\/+/, '');
  const area = ALLOWED.find((a) => rel === a || rel.startsWith(a + '/'));
  if (!area) return send(res, 404, 'Not Found\n');
  if (rel === area) return send(res, 301, '', { Location: `/${area}/` });

  let file = resolve(ROOT, rel);
  if (!file.startsWith(join(ROOT, area) + sep) && file !== join(ROOT, area)) return send(res, 404, 'Not Found\n');
  try {
    let st = await stat(file);
    if (st.isDirectory()) {
      if (!path.endsWith('/')) return send(res, 301, '', { Location: `/${rel}/` }); // never //host
      file = join(file, 'index.html');
      st = await stat(file);
    }
    if (!st.isFile()) return send(res, 404, 'Not Found\n');
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  } catch {
    send(res, 404, 'Not Found\n');
  }
}

function listen(server, port) {
  return new Promise((ok, fail) => {
    const onError = (err) => { server.off('listening', onListening); fail(err); };
    const onListening = () => { server.off('error', onError); ok(); };
    server.once('error', onError).once('listening', onListening).listen(port, '127.0.0.1');
  });
}

/** Start the server. port 0 = any free port; a busy fixed port falls through to the next ones. */
export async function startServer({ port = 0 } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => { if (!res.headersSent) send(res, 500, 'Internal Server Error\n'); else res.destroy(); });
  });
  for (let p = port, tries = 0; ; p++, tries++) {
    try {
      await listen(server, p);
      break;
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || port === 0 || tries >= 20) throw err;
    }
  }
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { port } = await startServer({ port: Number(process.env.PORT) || 8080 });
  console.log(`Serving the trade-target-chart builder at http://127.0.0.1:${port}/www/builder.html (the demo: /www/)`);
}
