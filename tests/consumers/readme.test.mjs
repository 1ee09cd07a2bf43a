// The README's code blocks, run as written, so the front door cannot rot.
//
// Every fenced block in README.md is either run here (extracted from the README at test time,
// not copied) or listed in KNOWN with the reason it is not; a new block that is neither fails the test.
// The news developer's path is followed in a bare workspace: the install block packs this
// repository and installs the tarball into a fresh site, the assets block copies pkg/ under
// dist/assets/, the "Static first" build step renders a spec whose texts hold "$", "$&", "$'",
// "$`" and "$$" (which String.replace reads as patterns) into a page that carries the README's
// element script tag, and that page is opened in Chromium: the spec attribute must read back as
// the spec, and the chart must answer the reader without an error box. The npm example runs
// in a page of the same site, and what it logs must be what its comments say. The CLI block
// runs with the CLI this checkout builds.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, symlink, writeFile, cp } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/harness.mjs";
import { serve } from "./serve-dir.mjs";

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const WORK = path.join(HERE, ".cache", "readme");
const SITE = path.join(WORK, "my-site");
const TIMEOUT = 8 * 60_000;

/** The README's fenced blocks: { lang, text, line }. */
export function codeBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    assert.ok(i < lines.length, `README.md line ${start + 1}: a code block is never closed`);
    blocks.push({ lang: open[1], text: body.join("\n") + "\n", line: start + 1 });
  }
  return blocks;
}

// Each block is known by a line only it has. `run` names the step below that runs it.
const KNOWN = [
  { has: "npm start   #", why: "the two commands themselves: npm test is what runs this file, npm start serves until stopped (CI runs .ci/run from a clean clone)" },
  { has: "npm install ../trade-target-chart/", run: "install" },
  { has: 'const chart = await mount(el);', run: "npm example" },
  { has: '<trade-target-chart src="/charts/india-russia.json">', why: "placeholders (https://…, a spec and a PNG of the site's); the same markup is drawn by tests/e2e/embed-element.test.mjs" },
  { has: "cp -r node_modules/trade-target-chart/pkg dist/assets/trade-target-chart/", run: "assets" },
  { has: '<iframe src="https://…/www/embed.html', why: "placeholders (https://…); the iframe embed is tested by tests/e2e/embed-iframe.test.mjs" },
  { has: "// build-chart.mjs:", run: "build step" },
  { has: '<script type="module" src="/assets/trade-target-chart/pkg/element.min.js"></script>', run: "element script" },
  { has: "cargo install --path .", run: "cli" },
  { has: "year,total,exports,imports,estimate,note\n2022,", run: "csv example" },
  { has: "data.csv line 7, column total: expected a number", run: "csv errors" },
  { has: "JS object ──serde-wasm-bindgen", why: "a diagram, not code" },
];

let blocks;
const byStep = {};

before(async () => {
  blocks = codeBlocks(await readFile(path.join(ROOT, "README.md"), "utf8"));
  for (const b of blocks) {
    const known = KNOWN.filter((k) => b.text.includes(k.has));
    assert.equal(known.length, 1, `README.md line ${b.line}: every code block must be run by tests/consumers/readme.test.mjs or listed with the reason it is not (KNOWN) (matched ${known.length}):\n${b.text}`);
    if (known[0].run) {
      assert.ok(!byStep[known[0].run], `README.md line ${b.line}: two blocks for the step "${known[0].run}"`);
      byStep[known[0].run] = b.text;
    }
  }
  for (const k of KNOWN.filter((k) => k.run)) assert.ok(byStep[k.run], `the README lost its "${k.run}" block`);
  await rm(WORK, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  // The clone the install block packs, and a bare site beside it.
  await symlink(ROOT, path.join(WORK, "trade-target-chart"));
  await writeFile(path.join(SITE, "package.json"), JSON.stringify({ name: "my-site", private: true }, null, 2));
});

after(async () => {
  // `npm pack` in the clone left its tarball there (*.tgz is ignored by git).
  const { version } = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8"));
  await rm(path.join(ROOT, `trade-target-chart-${version}.tgz`), { force: true });
});

function sh(script, cwd, env = {}) {
  return run("bash", ["-euo", "pipefail", "-c", script], { cwd, env: { ...process.env, ...env }, maxBuffer: 32 << 20, timeout: TIMEOUT });
}

/** Runs build-chart.mjs (the README's block) in `dir`; resolves to { code, stdout, stderr }. */
async function buildStep(dir) {
  try {
    const r = await run(process.execPath, ["build-chart.mjs"], { cwd: dir, timeout: 60_000 });
    return { code: 0, ...r };
  } catch (e) {
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const unescapeAttr = (s) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

// Texts with every replacement pattern String.replace knows, and a unit with "$".
const DOLLAR_SPEC = {
  title: "Trade passed $200B: $& and $' and $` and $$ and $1",
  subtitle: "Patterns such as $& or $$ must come through as written",
  unit: { prefix: "$", suffix: "B" },
  series: [
    { year: 2021, value: 146.9 },
    { year: 2022, value: 190.3, note: "$' then $`" },
    { year: 2023, value: 240.1 },
  ],
  target: { value: 200, year: 2024, label: "$200B goal ($&)" },
};

test("README: the install block packs the repository and installs the tarball into a bare site", { timeout: TIMEOUT }, async () => {
  await sh(byStep.install, WORK);
  assert.ok(existsSync(path.join(SITE, "node_modules/trade-target-chart/pkg/element.min.js")), "the package is installed");
  const installed = JSON.parse(await readFile(path.join(SITE, "node_modules/trade-target-chart/package.json"), "utf8"));
  assert.equal(installed.name, "trade-target-chart");
  await sh(byStep.assets, SITE);
  assert.ok(existsSync(path.join(SITE, "dist/assets/trade-target-chart/pkg/element.min.js")), "pkg/ copied under dist/assets/");
  assert.ok(existsSync(path.join(SITE, "dist/assets/trade-target-chart/pkg/trade_target_chart_bg.wasm")), "the wasm beside the script");
});

test("README: the Static first build step writes a page whose spec attribute round-trips texts with $, $&, $', $` and $$", { timeout: TIMEOUT }, async () => {
  await writeFile(path.join(SITE, "build-chart.mjs"), byStep["build step"]);
  await writeFile(path.join(SITE, "spec.json"), JSON.stringify(DOLLAR_SPEC, null, 2));
  const before = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>An article</title>\n" +
    byStep["element script"] + "</head>\n<body>\n<main style=\"max-width:680px\">\n<p>Text before the chart.</p>\n";
  const afterText = "\n<p>Text after the chart, with $& and $$ of its own.</p>\n</main>\n</body>\n</html>\n";
  await writeFile(path.join(SITE, "article.html"), `${before}<!-- chart -->${afterText}`);
  assert.ok(!existsSync(path.join(SITE, "dist/article.html")));
  const r = await buildStep(SITE);
  assert.equal(r.code, 0, `node build-chart.mjs failed:\n${r.stderr}`);
  assert.equal(r.stderr, "");
  const page = await readFile(path.join(SITE, "dist/article.html"), "utf8");
  assert.ok(page.startsWith(before) && page.endsWith(afterText), "the page around the chart is unchanged");
  const m = /<trade-target-chart spec="([^"]*)"/.exec(page);
  assert.ok(m, "the fragment is in the page");
  assert.deepEqual(JSON.parse(unescapeAttr(m[1])), DOLLAR_SPEC, "the spec attribute reads back as the spec");
  assert.ok(!page.includes("<!-- chart -->"), "the marker was replaced");
});

test("README: the build step names spec.json when it is not JSON or not a valid spec, without a stack trace", { timeout: TIMEOUT }, async () => {
  const dir = path.join(WORK, "bad-site");
  await mkdir(dir, { recursive: true });
  await symlink(path.join(SITE, "node_modules"), path.join(dir, "node_modules")).catch(() => {});
  await cp(path.join(SITE, "build-chart.mjs"), path.join(dir, "build-chart.mjs"));
  await writeFile(path.join(dir, "article.html"), "<!-- chart -->");
  for (const [text, want] of [
    ['{ "title": "no closing brace"', /^spec\.json: .*JSON/],
    ['{ "series": [{ "year": 2020, "value": "abc" }] }', /^spec\.json: series\[0\]\.value: expected a number, found a string/],
    ['{ "titel": "Trade" }', /^spec\.json: titel: unknown key "titel"; did you mean "title"\?/],
  ]) {
    await writeFile(path.join(dir, "spec.json"), text);
    const r = await buildStep(dir);
    assert.equal(r.code, 1, `${text}: exit code 1`);
    assert.match(r.stderr, want, text);
    assert.doesNotMatch(r.stderr, /^\s+at /m, `${text}: no stack trace`);
    assert.equal(r.stderr.trim().split("\n").length, 1, `${text}: one line`);
    assert.ok(!existsSync(path.join(dir, "dist/article.html")), `${text}: nothing written`);
  }
});

let browser;
async function page() {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  const p = await context.newPage();
  p.errors = [];
  p.logs = [];
  await p.addInitScript(() => {
    addEventListener("error", (e) => console.error(`window error: ${e.message}`));
    addEventListener("unhandledrejection", (e) => console.error(`unhandled rejection: ${e.reason}`));
  });
  p.on("pageerror", (e) => p.errors.push(e.message));
  p.on("console", (m) => (m.type() === "error" ? p.errors.push(m.text()) : m.type() === "log" && p.logs.push(m.text())));
  p.done = () => context.close();
  return p;
}
after(async () => browser?.close());

test("README: the built page shows the chart with JavaScript's help and answers the reader, with no error box", { timeout: TIMEOUT }, async () => {
  const server = await serve(path.join(SITE, "dist"));
  const p = await page();
  try {
    await p.goto(`${server.url}article.html`);
    const el = p.locator("trade-target-chart");
    await p.waitForFunction(() => document.querySelector("trade-target-chart")?.shadowRoot?.querySelector("svg"));
    const attr = await el.evaluate((e) => JSON.parse(e.getAttribute("spec")));
    assert.deepEqual(attr, DOLLAR_SPEC, "the DOM's spec attribute is the spec");
    const title = await el.evaluate((e) => e.shadowRoot.querySelector("svg title")?.textContent);
    assert.equal(title, DOLLAR_SPEC.title);
    // The reader points at the chart: the tooltip answers (before or after the wasm arrives).
    const box = await el.boundingBox();
    let tip = "";
    for (let i = 0; i < 40 && !tip; i++) {
      await p.mouse.move(box.x + box.width * (0.3 + (i % 5) * 0.1), box.y + box.height * 0.5);
      await p.waitForTimeout(250);
      tip = await el.evaluate((e) => e.shadowRoot.querySelector(".ttc-tip")?.textContent ?? "");
    }
    assert.match(tip, /20(21|22|23)/, "a tooltip names a year");
    const error = await el.evaluate((e) => e.shadowRoot.querySelector(".ttc-error")?.textContent ?? null);
    assert.equal(error, null, "no error box");
    assert.deepEqual(p.errors, []);
  } finally {
    await p.done();
    await server.close();
  }
});

test("README: the npm example runs as written in a page and logs what its comments say", { timeout: TIMEOUT }, async () => {
  const want = [...byStep["npm example"].matchAll(/console\.log\([^)]*\);?\s*\}?\s*\/\/\s*"([^"]*)"/g)].map((m) => m[1]);
  assert.ok(want.length >= 2, "the example's logged values are in its comments");
  await writeFile(path.join(SITE, "example.js"), `${byStep["npm example"]}\nwindow.readmeDone = true;\n`);
  await writeFile(path.join(SITE, "data.csv"), byStep["csv example"]); // the file it fetches
  await writeFile(path.join(SITE, "example.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README example</title>
<script type="importmap">{ "imports": { "trade-target-chart": "./node_modules/trade-target-chart/src/js/index.js" } }</script>
<script type="module" src="example.js"></script></head><body><div id="chart"></div></body></html>`);
  const server = await serve(SITE);
  const p = await page();
  try {
    await p.goto(`${server.url}example.html`);
    await p.waitForFunction(() => window.readmeDone === true, null, { timeout: 30_000 }).catch(() => {});
    assert.deepEqual(p.errors, [], "the example throws nothing");
    assert.equal(await p.evaluate(() => window.readmeDone), true, "the example ran to its end");
    assert.deepEqual(p.logs, want);
  } finally {
    await p.done();
    await server.close();
  }
});

test("README: the CLI block runs as written with the CLI this checkout builds", { timeout: TIMEOUT }, async () => {
  const lines = byStep.cli.split("\n").map((l) => l.replace(/\s+#.*$/, "").trim()).filter(Boolean);
  assert.match(lines[0], /^cargo install --path \.$/);
  // `cargo install` would build a release binary into ~/.cargo/bin: the debug build of the same
  // source stands in, found on PATH under the name the README uses.
  await run("cargo", ["build", "--quiet", "--bin", "trade-target-chart"], { cwd: ROOT, timeout: TIMEOUT });
  const dir = path.join(WORK, "cli");
  await mkdir(path.join(dir, "bin"), { recursive: true });
  await symlink(path.join(ROOT, "target/debug/trade-target-chart"), path.join(dir, "bin/trade-target-chart"));
  await writeFile(path.join(dir, "spec.json"), JSON.stringify(DOLLAR_SPEC));
  // The README's own CSV example is the data file its --data line reads.
  await writeFile(path.join(dir, "data.csv"), byStep["csv example"]);
  const r = await sh(lines.slice(1).join("\n"), dir, { PATH: `${path.join(dir, "bin")}:${process.env.PATH}` });
  assert.match(r.stdout, /usage: trade-target-chart render/, "--help printed the usage");
  const svg = await readFile(path.join(dir, "chart.svg"), "utf8");
  assert.ok(svg.startsWith("<svg") && svg.includes("Trade passed $200B: $&amp; and $&apos; and"), "chart.svg drawn");
  assert.deepEqual([...(await readFile(path.join(dir, "chart.png"))).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], "chart.png is a PNG");
  assert.match(await readFile(path.join(dir, "chart.html"), "utf8"), /^<trade-target-chart spec="/, "chart.html is the fragment");
  assert.equal(JSON.parse(await readFile(path.join(dir, "schema.json"), "utf8")).title, "trade-target-chart spec");
});

test("README: every CSV error message it lists is one tests/csv.rs asserts word for word", async () => {
  const source = await readFile(path.join(ROOT, "tests/csv.rs"), "utf8");
  const lines = byStep["csv errors"].split("\n").filter(Boolean);
  assert.ok(lines.length >= 10);
  const missing = lines.filter((l) => !source.includes(l) && !source.includes(l.replaceAll("\\", "\\\\").replaceAll('"', '\\"')));
  assert.deepEqual(missing, [], "README messages that tests/csv.rs does not assert");
});
