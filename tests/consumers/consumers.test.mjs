// The npm package where developers use it: `npm pack` the repo, install the tarball into a
// fresh Vite app, a fresh webpack 5 app and a bundler-less page (import map into
// node_modules), build each with no configuration, serve the output and check in Chromium
// that the chart (mount() and <trade-target-chart>) is drawn; and into a bare Node project,
// where a build script renders the chart with no DOM, under Node, Deno and Bun (both from their
// npm packages, which carry the binaries), and whose TypeScript sees no DOM lib. Also: `npm pack`
// refuses a package without its wasm.
//
// The apps live in tests/consumers/.cache/<app> (gitignored). Their node_modules (the
// bundlers, from the npm registry) are kept between runs while the template's package.json
// is unchanged; only the tarball is installed afresh each time.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { serve } from "./serve-dir.mjs";

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const CACHE = path.join(HERE, ".cache");
const NPM = ["--no-audit", "--no-fund", "--loglevel=error", "--prefer-offline"];
const APPS = ["vite", "webpack", "plain", "node"];
const TIMEOUT = 8 * 60_000;

let tarball;
let browser;
const times = {};

function npm(args, cwd) {
  return run("npm", args, { cwd, maxBuffer: 32 << 20, timeout: TIMEOUT });
}

/** Copies the template into .cache/<app>; reinstalls its devDependencies only when they changed. */
async function prepare(app) {
  const t0 = performance.now();
  const template = path.join(HERE, app);
  const dir = path.join(CACHE, app);
  const manifest = await readFile(path.join(template, "package.json"));
  const hash = createHash("sha256").update(manifest).digest("hex");
  const stamp = path.join(dir, ".template-hash");
  const warm = existsSync(stamp) && (await readFile(stamp, "utf8")) === hash;
  if (!warm) {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "package.json"), manifest);
    if (Object.keys(JSON.parse(manifest).devDependencies ?? {}).length) await npm(["install", ...NPM], dir);
    await writeFile(stamp, hash);
  }
  // The app's own files, fresh each run; old build output goes.
  await rm(path.join(dir, "dist"), { recursive: true, force: true });
  for (const entry of await readdir(template)) {
    if (entry !== "package.json") await cp(path.join(template, entry), path.join(dir, entry), { recursive: true });
  }
  // The package as npm would install it from the registry. --no-save keeps the app's
  // package.json (and so the cache stamp) as the template has it.
  await rm(path.join(dir, "node_modules", "trade-target-chart"), { recursive: true, force: true });
  await npm(["install", "--no-save", ...NPM, tarball], dir);
  times[app] = { warm, install: performance.now() - t0 };
  return dir;
}

/** Loads the app's page and checks both charts are drawn; returns the requests made. */
async function check(root) {
  const server = await serve(root);
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(server.url);
    await page.waitForSelector("#c svg", { timeout: 20_000 }).catch(() => {});
    await page.waitForFunction(() => document.getElementById("e").shadowRoot?.querySelector("svg"), null, { timeout: 20_000 }).catch(() => {});
    const r = await page.evaluate(() => ({
      mounted: document.querySelector("#c svg text")?.textContent.trim() ?? document.getElementById("c").textContent,
      element: document.getElementById("e").shadowRoot?.querySelector("svg text")?.textContent.trim() ?? null,
    }));
    assert.match(r.mounted, /China–Russia trade/, `mount() drew the default chart (got ${JSON.stringify(r.mounted)}); errors: ${errors.join(" | ")}`);
    assert.equal(r.element, "The element, from npm", `<trade-target-chart> drew; errors: ${errors.join(" | ")}`);
    assert.deepEqual(errors, []);
    assert.equal(server.requests.filter((p) => p.endsWith(".wasm")).length, 1, `wasm fetched once: ${server.requests.join(" ")}`);
    return server.requests;
  } finally {
    await context.close();
    await server.close();
  }
}

before(async () => {
  if (!existsSync(path.join(ROOT, "pkg", "trade_target_chart_bg.wasm"))) {
    throw new Error("pkg/trade_target_chart_bg.wasm is missing: run `bash .ci/build.sh` first");
  }
  const packDir = path.join(CACHE, "pack");
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  const { stdout } = await npm(["pack", "--json", "--pack-destination", packDir, ...NPM], ROOT);
  const [info] = JSON.parse(stdout);
  tarball = path.join(packDir, info.filename);
  const files = info.files.map((f) => f.path);
  for (const f of ["package.json", "LICENSE", "src/js/index.js", "src/js/element.js", "src/js/element.d.ts", "pkg/chart.min.js", "pkg/tips.min.js", "pkg/trade_target_chart.js", "pkg/trade_target_chart_bg.wasm", "www/embed.html"]) {
    assert.ok(files.includes(f), `the tarball has ${f}: ${files.join(" ")}`);
  }
  assert.deepEqual(files.filter((f) => /\.rs$|^target\/|^tests\/|^\.ci\//.test(f)), [], "no sources or tests in the tarball");
  console.log(`# tarball ${info.filename}: ${files.length} files, ${(info.size / 1024).toFixed(0)} KiB`);
  // The three apps install in parallel: mostly waiting on the registry.
  await Promise.all(APPS.map(prepare));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  for (const [app, t] of Object.entries(times)) {
    console.log(`# ${app}: ${t.warm ? "warm" : "cold"} install ${(t.install / 1000).toFixed(1)} s${t.build ? `, build ${(t.build / 1000).toFixed(1)} s` : ""}`);
  }
});

/** Asserts that no JS file under `dir` mentions Node's file system (the browser build of "#wasm-file"). */
async function assertNoNodeFs(dir) {
  for (const f of await readdir(dir, { recursive: true })) {
    if (!/\.m?js$/.test(f)) continue;
    const text = await readFile(path.join(dir, f), "utf8");
    assert.doesNotMatch(text, /node:fs|readFile/, `${f} reads files: the bundler took the Node build of #wasm-file`);
  }
}

test("Vite 7: `vite build` with no config bundles the wasm and draws the chart", { timeout: TIMEOUT }, async () => {
  const dir = path.join(CACHE, "vite");
  const t0 = performance.now();
  await run(path.join(dir, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: dir, timeout: TIMEOUT });
  times.vite.build = performance.now() - t0;
  const assets = await readdir(path.join(dir, "dist", "assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `vite emitted the wasm: ${assets.join(" ")}`);
  await assertNoNodeFs(path.join(dir, "dist"));
  await check(path.join(dir, "dist"));
});

test("Vite 7 dev server: the pre-bundled package still finds its wasm", { timeout: TIMEOUT }, async () => {
  const dir = path.join(CACHE, "vite");
  // --force: pre-bundle afresh, as on a developer's first `vite` after installing.
  const child = spawn(path.join(dir, "node_modules/.bin/vite"), ["--host", "127.0.0.1", "--port", "0", "--force"], { cwd: dir });
  try {
    const url = await new Promise((ok, fail) => {
      let out = "";
      const timer = setTimeout(() => fail(new Error(`vite dev did not start: ${out}`)), 60_000);
      child.stdout.on("data", (d) => {
        out += d;
        const m = /Local:\s+(http:\/\/\S+)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ""));
        if (m) {
          clearTimeout(timer);
          ok(m[1]);
        }
      });
      child.on("exit", (code) => fail(new Error(`vite dev exited (${code}): ${out}`)));
    });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector("#c svg") && document.getElementById("e").shadowRoot?.querySelector("svg"), null, { timeout: 30_000 })
        .catch(() => {});
      const text = await page.evaluate(() => document.getElementById("c").textContent.slice(0, 300));
      assert.ok(await page.$("#c svg"), `mount() drew under vite dev: ${text} ${errors.join(" | ")}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  } finally {
    child.kill();
  }
});

test("webpack 5: `webpack --mode production` with no config bundles the wasm and draws the chart", { timeout: TIMEOUT }, async () => {
  const dir = path.join(CACHE, "webpack");
  const t0 = performance.now();
  await run(path.join(dir, "node_modules/.bin/webpack"), ["--mode", "production", "--no-stats"], { cwd: dir, timeout: TIMEOUT });
  times.webpack.build = performance.now() - t0;
  const out = path.join(dir, "dist");
  await cp(path.join(dir, "index.html"), path.join(out, "index.html")); // webpack does not copy HTML without a plugin
  const files = await readdir(out);
  assert.ok(files.some((f) => f.endsWith(".wasm")), `webpack emitted the wasm: ${files.join(" ")}`);
  await assertNoNodeFs(out);
  await check(out);
});

test("no bundler: an import map into node_modules draws the chart", { timeout: TIMEOUT }, async () => {
  const requests = await check(path.join(CACHE, "plain"));
  assert.ok(requests.some((p) => p.startsWith("/node_modules/trade-target-chart/pkg/")), "served straight from node_modules");
});

/** Runs `script` in the node app with `runtime` (node, deno or bun); returns what it printed as JSON. */
async function runScript(runtime, script) {
  const dir = path.join(CACHE, "node");
  const [cmd, ...args] = {
    node: [process.execPath],
    // Deno reads the installed node_modules (package.json is there); the wasm is a file it must be allowed to read.
    deno: [path.join(dir, "node_modules/.bin/deno"), "run", "--no-prompt", "--allow-read"],
    bun: [path.join(dir, "node_modules/.bin/bun")],
  }[runtime];
  const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1" };
  const { stdout } = await run(cmd, [...args, script], { cwd: dir, env, timeout: 60_000 });
  return JSON.parse(stdout);
}

/** Checks what render.mjs saw under `runtime`. */
async function checkRender(runtime) {
  const r = await runScript(runtime, "render.mjs");
  const golden = await readFile(path.join(ROOT, "tests", "golden", "default-640.svg"), "utf8");
  assert.ok(r.svg.startsWith("<svg"), r.svg.slice(0, 100));
  assert.match(r.svg, /China–Russia trade/, "the chart's title text");
  assert.ok(Buffer.from(r.svg).equals(Buffer.from(golden)), "renderSVG({}, { width: 640 }) equals tests/golden/default-640.svg byte for byte");
  const fragment = await readFile(path.join(ROOT, "tests", "golden", "fragment-default-640.html"), "utf8");
  assert.ok(r.html === fragment, "renderHTML({}, { width: 640 }) equals tests/golden/fragment-default-640.html byte for byte");
  assert.equal(r.sameFromDefaultSpec, true, "renderSVG(await defaultSpec()) draws the default chart");
  assert.deepEqual(r.defaultSpec.keys.slice(0, 3), ["title", "unit", "series"]);
  assert.ok(r.defaultSpec.years >= 20, `the built-in series (${r.defaultSpec.years} years)`);
  assert.deepEqual(r.badSpec, {
    isSpecError: true,
    name: "SpecError",
    path: "series[0].value",
    message: "series[0].value: expected a number, found a string",
  });
  assert.deepEqual(r.badWidths, [
    'RangeError: trade-target-chart: width must be a positive number, not a string ("640")',
    "RangeError: trade-target-chart: width must be a positive number, not 0",
    "RangeError: trade-target-chart: width must be a positive number, not null",
  ]);
  assert.deepEqual(r.csv, [{ year: 2020, value: 1.5, note: 'a, "b"' }, { year: 2021, value: 2 }]);
  assert.deepEqual(r.badCSV, {
    isSpecError: true,
    path: "data.csv",
    line: 3,
    column: "total",
    message: 'data.csv line 3, column total: expected a number, found "n/a"',
  });
  // No DOM: mount says it needs an element rather than failing somewhere inside.
  assert.deepEqual(r.mount, { name: "TypeError", message: "trade-target-chart: mount() needs an element to draw into" });
  assert.deepEqual(r.fakeElement, {
    name: "TypeError",
    message: "trade-target-chart: mount() needs a page (a DOM); outside one use renderSVG() or renderHTML()",
  });
  console.log(`# ${runtime}: first renderSVG (load + render) ${r.firstRenderMs.toFixed(0)} ms`);
}

/** Checks what missing-wasm.mjs saw under `runtime`: read through node:fs, a clear error, not cached. */
async function checkMissing(runtime) {
  const r = await runScript(runtime, "missing-wasm.mjs");
  assert.match(r.missing, /^could not read \/.*\/no-such\.wasm \(ENOENT\)$/);
  assert.equal(r.retry, true, "after setWasmUrl(null) the package's wasm loads");
}

test("Node, no bundler, no DOM: renderSVG, renderHTML and defaultSpec from the installed package; golden bytes, SpecError paths", () => checkRender("node"));
test("Node: a missing wasm file is a clear error, not cached", () => checkMissing("node"));
test("Deno (npm package deno): the same build script, with --allow-read", async () => {
  await checkRender("deno");
  await checkMissing("deno");
});
test("Bun (npm package bun): the same build script", async () => {
  await checkRender("bun");
  await checkMissing("bun");
});

test("TypeScript 5.9: the declarations type-check in a Node project without the DOM lib, and take HTMLElement with it", async () => {
  const dir = path.join(CACHE, "node");
  // Incremental (.tsbuildinfo-* kept in the cached app): a warm run re-checks only what changed.
  const configs = ["tsconfig.json", "tsconfig.dom.json"];
  const failures = await Promise.all(configs.map((c) => run(path.join(dir, "node_modules/.bin/tsc"), ["-p", c], { cwd: dir }).then(() => null, (e) => e)));
  configs.forEach((c, i) => assert.equal(failures[i], null, `tsc -p ${c}:\n${failures[i]?.stdout}${failures[i]?.stderr}`));
});

test("npm pack refuses a package without its wasm", async () => {
  // A checkout whose build "succeeded" but left no pkg/: the prepack script's check stops npm pack.
  const dir = path.join(CACHE, "unbuilt");
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, ".ci"), { recursive: true });
  await cp(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  for (const f of ["prepack.sh", "check-pkg.mjs"]) await cp(path.join(ROOT, ".ci", f), path.join(dir, ".ci", f));
  for (const f of ["setup.sh", "build.sh"]) await writeFile(path.join(dir, ".ci", f), "exit 0\n");
  await mkdir(path.join(dir, "src", "js"), { recursive: true });
  await cp(path.join(ROOT, "src", "js", "index.js"), path.join(dir, "src", "js", "index.js"));

  const direct = await run(process.execPath, [path.join(ROOT, ".ci", "check-pkg.mjs"), dir]).then(() => null, (e) => e);
  assert.ok(direct, "check-pkg.mjs exits non-zero");
  assert.equal(direct.code, 1);
  assert.match(direct.stderr, /refusing to pack .* without its build:\n.*pkg\/trade_target_chart\.js is missing[^]*pkg\/trade_target_chart_bg\.wasm is missing/);

  const packed = await npm(["pack", "--json", ...NPM], dir).then(() => null, (e) => e);
  assert.ok(packed, "npm pack fails");
  assert.match(packed.stderr, /pkg\/trade_target_chart_bg\.wasm is missing/);
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith(".tgz")), [], "no tarball written");
});
