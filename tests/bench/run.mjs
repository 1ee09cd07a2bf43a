// `npm run bench`: trade-target-chart against Chart.js 4, uPlot, ECharts (full build),
// Vega-Lite + Vega + vega-embed and Observable Plot, all drawing the same chart (the default
// China–Russia data, 640×400, a dashed target line at 200, the title, the y-axis label).
//
// Method
// - Pages: tests/bench/server.mjs (node:http on 127.0.0.1, `Cache-Control: no-store`, COOP+COEP
//   so performance.now() has 5 µs resolution) serves one page per library (libs.mjs), with the
//   data inlined, loading the peers' minified UMD/IIFE builds from node_modules and this widget
//   through `import { mount } from "/src/js/index.js"` (which fetches pkg/ glue + wasm).
//   Page scripts: tests/bench/pages/<lib>.js; in-page driver: tests/bench/pages/common.js.
// - Browser: Debian Chromium via playwright-core, headless, the args in CHROMIUM_ARGS; a new
//   context per page (empty HTTP, code and wasm caches), CDP Network.setCacheDisabled,
//   viewport 800×600, deviceScaleFactor 2.
// - cold: navigation start (performance.now() = 0) → the draw call returned (awaited) + one
//   requestAnimationFrame callback. BENCH_LOADS loads per library (default 12).
// - update: new data (every value scaled by a deterministic factor in [0.85, 1.15)), each
//   iteration at the top of an animation frame: the update call (awaited) + forced layout.
// - resize: container 640 ↔ 480 px inside a rAF callback; timed up to a ResizeObserver
//   callback that runs after the library's own observer (or calls the library's resize API
//   for the ones that need the host to), + forced layout. Paint is in neither figure.
//   BENCH_ITER measured iterations (default 50) after BENCH_WARM warm-ups (default 5), in each
//   of BENCH_ITER_ROUNDS pages per library (default 2); medians over the pooled samples.
// - bytes: every .js/.mjs/.wasm response the page loaded, except the bench's own page
//   scripts; raw and `gzip -9` (stdin, so no file name in the header). CSS is not counted
//   (uPlot's 1.9 KB stylesheet is the only one).
// - memory: after BENCH_SOAK updates (default 10 000) back to back, two CDP
//   HeapProfiler.collectGarbage, then Runtime.getHeapUsage().usedSize (JS heap; canvas
//   backing stores and wasm memory are outside it) and, for this widget, the wasm
//   WebAssembly.Memory buffer.byteLength (reached through the glue's init result).
//   A library still updating after BENCH_SOAK_CAP_S seconds (default 120), or after its share
//   of what is left of BENCH_DEADLINE_S (default 540) for the whole run, stops there and the
//   table says so: a run stays under 10 minutes even on a busy 2-core machine.
//   (BENCH_SOAK_PARALLEL=2 soaks two pages at once: faster on an idle machine only.)
// - Order: every phase goes round by round, each round visiting every library once, the
//   starting library rotated each round (A B C…, B C…A, …): never one library's runs in a row.
// - The printout states os.loadavg() and the core count before and after. pkg/ and src/js/
//   are served from a snapshot taken at the start (tests/bench/out/snapshot/), so a rebuild
//   during the run cannot mix two builds.
// Output: a markdown table of medians (min–max) and ratios to this widget, printed and
// written to tests/bench/out/latest.md; all samples in tests/bench/out/latest.json; one
// screenshot per library after its first cold load (<lib>.png) and after the updates
// (<lib>-updated.png) in tests/bench/out/.
// Quick run: BENCH_LOADS=3 BENCH_ITER=10 BENCH_ITER_ROUNDS=1 BENCH_SOAK=500 npm run bench
// (BENCH_LIBS=ttc,uplot picks libraries.)
// The same Chromium and launch flags as the end-to-end tests (one list, in harness.mjs).
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { LIBS as ALL_LIBS } from "./libs.mjs";
import { ROOT, fileFor, startBenchServer } from "./server.mjs";

const env = (name, dflt) => {
  const v = process.env[name];
  if (v === undefined || v === "") return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, not ${v}`);
  return n;
};
const CFG = {
  loads: env("BENCH_LOADS", 12),
  iter: env("BENCH_ITER", 50),
  iterRounds: env("BENCH_ITER_ROUNDS", 2),
  warm: env("BENCH_WARM", 5),
  soak: env("BENCH_SOAK", 10_000),
  soakParallel: Math.max(1, env("BENCH_SOAK_PARALLEL", 1)),
  soakCapS: env("BENCH_SOAK_CAP_S", 120),
  deadlineS: env("BENCH_DEADLINE_S", 540),
};
const pick = (process.env.BENCH_LIBS || "").split(",").map((s) => s.trim()).filter(Boolean);
const LIBS = pick.length ? ALL_LIBS.filter((l) => pick.includes(l.id)) : ALL_LIBS;
if (!LIBS.length) throw new Error(`BENCH_LIBS matched no library (have: ${ALL_LIBS.map((l) => l.id).join(", ")})`);
const BASE = LIBS.find((l) => l.id === "ttc") ? "ttc" : LIBS[0].id;

const OUT = path.join(ROOT, "tests/bench/out");
const PAGE_TIMEOUT = 60_000;

const t00 = Date.now();
const log = (...a) => console.error(`[bench ${((Date.now() - t00) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// ---------- statistics and formatting ----------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const summary = (xs) => ({ n: xs.length, median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kb = (b) => (b / 1024).toFixed(1);
const mb = (b) => (b / 1048576).toFixed(2);
const ratio = (x, base) => (Number.isFinite(x) && base > 0 ? `×${(x / base).toFixed(x / base >= 10 ? 0 : 2)}` : "–");
const rotate = (xs, r) => xs.map((_, i) => xs[(i + r) % xs.length]);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const cores = () => (os.availableParallelism ? os.availableParallelism() : os.cpus().length);

const gzipCache = new Map();
function sizes(file) {
  if (!gzipCache.has(file)) {
    const raw = readFileSync(file);
    const gz = execFileSync("gzip", ["-9c"], { input: raw, maxBuffer: 64 << 20 });
    gzipCache.set(file, { raw: raw.length, gzip9: gz.length });
  }
  return gzipCache.get(file);
}

function versions() {
  const v = {};
  for (const name of ["chart.js", "uplot", "echarts", "vega", "vega-lite", "vega-embed", "@observablehq/plot", "d3", "playwright-core"]) {
    try {
      v[name] = JSON.parse(readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")).version;
    } catch {
      v[name] = "?";
    }
  }
  v["trade-target-chart"] = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  return v;
}

// ---------- browser ----------
async function openPage(browser, url, lib) {
  const context = await browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const errors = [];
  const loaded = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (u.origin === url && /\.(m?js|wasm)$/.test(u.pathname) && !u.pathname.startsWith("/tests/bench/")) {
      loaded.push({ path: u.pathname, status: r.status() });
    }
  });
  await page.goto(`${url}/bench/${lib.id}.html`, { waitUntil: "load", timeout: PAGE_TIMEOUT });
  await page.waitForFunction(() => window.__bench && window.__bench.done, null, { timeout: PAGE_TIMEOUT });
  const state = await page.evaluate(() => window.__bench);
  if (state.error) throw new Error(`${lib.id}: draw failed: ${state.error}`);
  if (errors.length) throw new Error(`${lib.id}: page errors: ${errors.join(" | ")}`);
  return { context, page, cdp, state, errors, loaded };
}

async function heapUsed(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const h = await cdp.send("Runtime.getHeapUsage");
  return h.usedSize;
}

// ---------- main ----------
async function main() {
  const wasm = path.join(ROOT, "pkg/trade_target_chart_bg.wasm");
  let wasmStat;
  try {
    wasmStat = statSync(wasm);
  } catch {
    throw new Error("pkg/trade_target_chart_bg.wasm is missing: run `bash .ci/build.sh` (npm run bench does) first");
  }
  mkdirSync(OUT, { recursive: true });
  // Serve a snapshot of this widget's files: pkg/ and src/js/ may be rebuilt while we run.
  const SNAP = path.join(OUT, "snapshot");
  rmSync(SNAP, { recursive: true, force: true });
  const roots = { pkg: path.join(SNAP, "pkg"), "src/js": path.join(SNAP, "src/js") };
  for (const [area, dir] of Object.entries(roots)) cpSync(path.join(ROOT, area), dir, { recursive: true });
  const wasmSha256 = createHash("sha256").update(readFileSync(path.join(roots.pkg, "trade_target_chart_bg.wasm"))).digest("hex");
  const machine = { nproc: cores(), loadavgStart: os.loadavg(), cpu: os.cpus()[0]?.model, memGiB: os.totalmem() / 2 ** 30 };
  log(`load average ${load()} on ${machine.nproc} cores; libraries: ${LIBS.map((l) => l.id).join(", ")}; ${JSON.stringify(CFG)}`);

  const server = await startBenchServer({ port: 0, roots });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const res = Object.fromEntries(
    LIBS.map((l) => [l.id, { label: l.label, cold: [], scriptStart: [], update: [], resize: [], resizeWrongWidth: 0, files: null, memory: null }]),
  );
  try {
    // Phase 1: cold loads (+ bytes, + one screenshot per library).
    for (let r = 0; r < CFG.loads; r++) {
      for (const lib of rotate(LIBS, r)) {
        const p = await openPage(browser, server.url, lib);
        try {
          res[lib.id].cold.push(p.state.coldMs);
          res[lib.id].scriptStart.push(p.state.scriptStartMs);
          const bad = p.loaded.filter((f) => f.status !== 200);
          if (bad.length) throw new Error(`${lib.id}: failed loads ${JSON.stringify(bad)}`);
          const files = p.loaded
            .map((f) => f.path)
            .sort()
            .map((u) => {
              const file = fileFor(u, roots);
              return { url: u, ...sizes(file) };
            });
          if (!res[lib.id].files) res[lib.id].files = files;
          else if (JSON.stringify(files.map((f) => f.url)) !== JSON.stringify(res[lib.id].files.map((f) => f.url))) {
            throw new Error(`${lib.id}: loaded a different set of files on load ${r + 1}`);
          }
          if (r === 0) {
            await p.page.locator("#chart").screenshot({ path: path.join(OUT, `${lib.id}.png`) });
          }
        } finally {
          await p.context.close();
        }
      }
      log(`cold round ${r + 1}/${CFG.loads}: ${LIBS.map((l) => `${l.id} ${ms(res[l.id].cold.at(-1))}`).join(", ")} ms`);
    }

    // Phase 2: update and resize iterations, in pages opened round by round.
    for (let r = 0; r < CFG.iterRounds; r++) {
      for (const lib of rotate(LIBS, r + 1)) {
        const p = await openPage(browser, server.url, lib);
        try {
          const up = await p.page.evaluate(([n, w]) => window.__benchUpdate(n, w), [CFG.iter, CFG.warm]);
          res[lib.id].update.push(...up);
          if (r === 0) await p.page.locator("#chart").screenshot({ path: path.join(OUT, `${lib.id}-updated.png`) });
          const rs = await p.page.evaluate(([n, w]) => window.__benchResize(n, w), [CFG.iter, CFG.warm]);
          res[lib.id].resize.push(...rs.samples);
          res[lib.id].resizeWrongWidth += rs.wrongWidth;
          if (p.errors.length) throw new Error(`${lib.id}: page errors: ${p.errors.join(" | ")}`);
        } finally {
          await p.context.close();
        }
      }
      log(`iteration round ${r + 1}/${CFG.iterRounds}: update medians ${LIBS.map((l) => `${l.id} ${ms(median(res[l.id].update))}`).join(", ")} ms`);
    }

    // Phase 3: memory after BENCH_SOAK updates, BENCH_SOAK_PARALLEL pages at a time (default 1);
    // each stops early at its share of the time budget (see soakOne).
    let soaksLeft = LIBS.length;
    const soakOne = async (lib) => {
      // Each library's share of what is left of BENCH_DEADLINE_S, at most BENCH_SOAK_CAP_S.
      const leftS = CFG.deadlineS - (Date.now() - t00) / 1000 - 10;
      const capS = Math.max(5, Math.min(CFG.soakCapS, (leftS * CFG.soakParallel) / soaksLeft));
      soaksLeft--;
      const p = await openPage(browser, server.url, lib);
      try {
        const before = await heapUsed(p.cdp);
        const wasmBefore = await p.page.evaluate(() => window.__benchWasmBytes());
        const soak = await p.page.evaluate(([n, cap]) => window.__benchSoak(n, cap), [CFG.soak, capS * 1000]);
        const after = await heapUsed(p.cdp);
        const wasmAfter = await p.page.evaluate(() => window.__benchWasmBytes());
        if (p.errors.length) throw new Error(`${lib.id}: page errors: ${p.errors.join(" | ")}`);
        res[lib.id].memory = {
          updates: soak.done,
          capped: soak.done < CFG.soak,
          capS,
          soakMs: soak.ms,
          jsHeapAfterDraw: before,
          jsHeapAfter: after,
          wasmAfterDraw: wasmBefore,
          wasmAfter,
        };
        log(
          `memory ${lib.id}: ${soak.done}${soak.done < CFG.soak ? ` of ${CFG.soak} (time cap)` : ""} updates in ${(soak.ms / 1000).toFixed(1)} s, ` +
            `JS heap ${mb(before)} → ${mb(after)} MB${wasmAfter != null ? `, wasm ${mb(wasmBefore)} → ${mb(wasmAfter)} MB` : ""}`,
        );
      } finally {
        await p.context.close();
      }
    };
    const soakOrder = rotate(LIBS, 2 % LIBS.length);
    for (let i = 0; i < soakOrder.length; i += CFG.soakParallel) {
      await Promise.all(soakOrder.slice(i, i + CFG.soakParallel).map(soakOne));
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }

  machine.loadavgEnd = os.loadavg();
  const chromiumVersion = (() => {
    try {
      return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "?";
    }
  })();
  const wallSeconds = (Date.now() - t00) / 1000;
  const report = {
    date: new Date().toISOString(),
    wallSeconds,
    machine,
    node: process.version,
    chromium: chromiumVersion,
    chromiumArgs: CHROMIUM_ARGS,
    versions: versions(),
    wasm: { file: "pkg/trade_target_chart_bg.wasm", mtime: wasmStat.mtime.toISOString(), sha256: wasmSha256 },
    config: CFG,
    base: BASE,
    results: Object.fromEntries(
      Object.entries(res).map(([id, r]) => [
        id,
        {
          ...r,
          stats: {
            cold: summary(r.cold),
            scriptStart: summary(r.scriptStart),
            update: summary(r.update),
            resize: summary(r.resize),
            bytes: {
              files: r.files.length,
              raw: r.files.reduce((a, f) => a + f.raw, 0),
              gzip9: r.files.reduce((a, f) => a + f.gzip9, 0),
            },
          },
        },
      ]),
    ),
  };
  const md = markdown(report);
  writeFileSync(path.join(OUT, "latest.json"), JSON.stringify(report, null, 2) + "\n");
  writeFileSync(path.join(OUT, "latest.md"), md);
  process.stdout.write(md);
  log(`wrote tests/bench/out/latest.md and latest.json in ${wallSeconds.toFixed(0)} s`);
}

function markdown(rep) {
  const R = rep.results;
  const ids = Object.keys(R);
  const b = R[rep.base].stats;
  const bm = R[rep.base].memory;
  const baseMem = bm ? bm.jsHeapAfter + (bm.wasmAfter || 0) : NaN;
  const L = [];
  const la = (xs) => xs.map((x) => x.toFixed(2)).join(" ");
  L.push(`# Bench: ${R[rep.base].label} and its peers`);
  L.push("");
  L.push(
    `${rep.date} · ${rep.chromium} headless · node ${rep.node} · ${rep.machine.nproc} cores (${rep.machine.cpu}) · ` +
      `load average ${la(rep.machine.loadavgStart)} at start, ${la(rep.machine.loadavgEnd)} at end · ` +
      `${rep.config.loads} cold loads, ${rep.config.iterRounds}×${rep.config.iter} update/resize iterations, ` +
      `${rep.config.soak} updates for memory · run took ${rep.wallSeconds.toFixed(0)} s`,
  );
  L.push("");
  L.push("Medians; ratios are to this widget (×2.00 = twice this widget's figure).");
  L.push("");
  L.push("| library | cold load → drawn (ms) | update (ms) | resize 480↔640 (ms) | JS+wasm gzip -9 (KB) | JS heap after updates (MB) |");
  L.push("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const id of ids) {
    const s = R[id].stats;
    const m = R[id].memory;
    const memTotal = m ? m.jsHeapAfter + (m.wasmAfter || 0) : NaN;
    L.push(
      `| ${R[id].label} | ${ms(s.cold.median)} ${ratio(s.cold.median, b.cold.median)} | ${ms(s.update.median)} ${ratio(s.update.median, b.update.median)} | ` +
        `${ms(s.resize.median)} ${ratio(s.resize.median, b.resize.median)} | ${kb(s.bytes.gzip9)} ${ratio(s.bytes.gzip9, b.bytes.gzip9)} | ` +
        `${m ? `${mb(m.jsHeapAfter)}${m.wasmAfter != null ? ` + ${mb(m.wasmAfter)} wasm` : ""} ${ratio(memTotal, baseMem)}` : "–"} |`,
    );
  }
  L.push("");
  L.push("## Timings: median (min–max), ratio of medians");
  L.push("");
  L.push("| library | cold load → drawn (ms) | of which: page script starts (ms) | update (ms) | resize 480↔640 (ms) |");
  L.push("| --- | --- | --- | --- | --- |");
  const cell = (s, base) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)}) ${ratio(s.median, base.median)}`;
  for (const id of ids) {
    const s = R[id].stats;
    L.push(`| ${R[id].label} | ${cell(s.cold, b.cold)} | ${cell(s.scriptStart, b.scriptStart)} | ${cell(s.update, b.update)} | ${cell(s.resize, b.resize)} |`);
  }
  L.push("");
  L.push(
    `n = ${b.cold.n} cold loads and ${b.update.n} update and resize samples per library. ` +
      "Cold = navigation start → the draw call has returned + one animation frame; update = the update call + forced layout; " +
      "resize = container width change → the library's redraw + forced layout, in one frame. Paint is in none of them.",
  );
  const wrong = ids.filter((id) => R[id].resizeWrongWidth > 0);
  if (wrong.length) L.push(`Warning: drawn width did not follow the container on resize for: ${wrong.map((id) => `${id} (${R[id].resizeWrongWidth}×)`).join(", ")}.`);
  L.push("");
  L.push("## Bytes: every JS and wasm file the page loads");
  L.push("");
  L.push("| library | files | raw (KB) | gzip -9 (KB) | gzip ratio to this widget |");
  L.push("| --- | --- | ---: | ---: | ---: |");
  for (const id of ids) {
    const s = R[id].stats.bytes;
    const files = R[id].files.map((f) => `${f.url.replace(/^\/node_modules\//, "")} ${kb(f.raw)}/${kb(f.gzip9)}`).join("<br>");
    L.push(`| ${R[id].label} | ${files} | ${kb(s.raw)} | ${kb(s.gzip9)} | ${ratio(s.gzip9, b.bytes.gzip9)} |`);
  }
  L.push("");
  L.push("(file raw/gzip KB; the bench's own page scripts are not counted; uPlot's stylesheet, 1.9 KB, neither.)");
  L.push("");
  L.push("## Memory");
  L.push("");
  L.push(`| library | JS heap after first draw (MB) | JS heap after updates (MB) | wasm memory (MB) | updates | took (s${rep.config.soakParallel > 1 ? `, ${rep.config.soakParallel} pages at once` : ""}) | heap + wasm ratio to this widget |`);
  L.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const id of ids) {
    const m = R[id].memory;
    if (!m) continue;
    const w = m.wasmAfter != null ? `${mb(m.wasmAfterDraw)} → ${mb(m.wasmAfter)}` : "–";
    const n = `${m.updates}${m.capped ? ` (time cap ${m.capS.toFixed(0)} s)` : ""}`;
    L.push(`| ${R[id].label} | ${mb(m.jsHeapAfterDraw)} | ${mb(m.jsHeapAfter)} | ${w} | ${n} | ${(m.soakMs / 1000).toFixed(1)} | ${ratio(m.jsHeapAfter + (m.wasmAfter || 0), baseMem)} |`);
  }
  L.push("");
  L.push(
    `JS heap = CDP Runtime.getHeapUsage().usedSize after two forced GCs, after ${rep.config.soak} updates back to back ` +
      `(fewer where a library hit its time cap: at most ${rep.config.soakCapS} s, less when the run's ${rep.config.deadlineS} s budget is short). ` +
      "Canvas backing stores and the wasm linear memory are outside the JS heap; the wasm memory (WebAssembly.Memory " +
      "buffer.byteLength) only grows, so it is the high-water mark.",
  );
  L.push("");
  L.push(`Versions: ${Object.entries(rep.versions).map(([k, v]) => `${k} ${v}`).join(", ")}.`);
  L.push("");
  return L.join("\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
