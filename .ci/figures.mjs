// The README's byte figures, computed from the build in pkg/ (never typed in by hand).
//
//   node .ci/figures.mjs            prints the table (.ci/build.sh runs this after a build)
//   node .ci/figures.mjs --write    puts it into README.md between the figures markers
//   node .ci/figures.mjs --check    fails when README.md's table is not what the build gives
//                                   (npm test runs this: a stale figure fails the suite)
//
// Sizes are `gzip -9c` byte counts, as everywhere in this project's notes (Node's zlib at
// level 9 gives other numbers), and raw bytes.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BEGIN = "<!-- figures: written by `node .ci/figures.mjs --write` from the build; do not edit -->";
const END = "<!-- /figures -->";

function sizes(bytes) {
  const gzip = execFileSync("gzip", ["-9c"], { input: bytes, maxBuffer: 64 << 20 }).length;
  return { raw: bytes.length, gzip };
}

const file = (name) => sizes(readFileSync(path.join(ROOT, "pkg", name)));

/** The default chart's pre-rendered fragments, as a news site's build step writes them. */
async function fragments() {
  const { renderHTML } = await import("../src/js/index.js");
  return { fit: sizes(Buffer.from(await renderHTML({}))), one: sizes(Buffer.from(await renderHTML({}, { width: 640 }))) };
}

const fmt = (n) => n.toLocaleString("en-US");
const kb = (n) => (n / 1024).toFixed(1);
const total = (...parts) => ({ raw: parts.reduce((s, p) => s + p.raw, 0), gzip: parts.reduce((s, p) => s + p.gzip, 0) });

export async function table() {
  const wasm = file("trade_target_chart_bg.wasm");
  const glue = file("trade_target_chart.js");
  const element = file("element.min.js");
  const chart = file("chart.min.js");
  const tips = file("tips.min.js");
  const downloads = file("downloads.min.js");
  const engine = file("trade-target-chart.min.js");
  const html = await fragments();
  const rows = [
    ["`pkg/trade_target_chart_bg.wasm`: the wasm", wasm],
    ["`pkg/trade_target_chart.js`: the wasm-bindgen glue (npm path; bundlers minify it)", glue],
    ["`pkg/chart.min.js`: the element and the engine in one file (the script tag of charts drawn in the page)", chart],
    ["`pkg/element.min.js`: the element, with a fitting fragment's tooltips (the script tag of pre-rendered pages)", element],
    ["`pkg/trade-target-chart.min.js`: the engine, `index.js` and the glue (element.min.js imports it to draw; the iframe embed's script)", engine],
    ["`pkg/tips.min.js`: a fitting fragment's tooltips (chart.min.js imports them when it meets one)", tips],
    ["`pkg/downloads.min.js`: a fitting fragment's data and image buttons (imported on a click)", downloads],
    ["the default chart's fragment that fits every column (`renderHTML({})`)", html.fit],
    ["the default chart's one-width fragment (`renderHTML({}, { width: 640 })`)", html.one],
  ];
  // What a reader's browser receives, by the path a page takes.
  const paths = [
    ["pre-rendered, fits every column: fragment + element, to the first tooltip (no wasm)", total(html.fit, element)],
    ["pre-rendered at one width: fragment + element + engine + wasm, taken over on intent", total(html.one, element, engine, wasm)],
    ["dynamic, script tag: chart.min.js + wasm", total(chart, wasm)],
    ["iframe embed: engine + wasm", total(engine, wasm)],
  ];
  const line = ([what, s]) => `| ${what} | ${fmt(s.raw)} | ${fmt(s.gzip)} | ${kb(s.gzip)} |`;
  return [
    "| file or path | raw (B) | gzip -9 (B) | gzip -9 (KB) |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(line),
    ...paths.map(([w, s]) => line([`**${w}**`, s])),
  ].join("\n");
}

function readmeTable(readme) {
  const a = readme.indexOf(BEGIN);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no figures markers (${BEGIN} … ${END})`);
  return { head: readme.slice(0, a + BEGIN.length), body: readme.slice(a + BEGIN.length, b).trim(), tail: readme.slice(b) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[2];
  const t = await table();
  const readmePath = path.join(ROOT, "README.md");
  if (mode === "--write" || mode === "--check") {
    const readme = readFileSync(readmePath, "utf8");
    const { head, body, tail } = readmeTable(readme);
    if (mode === "--write") {
      writeFileSync(readmePath, `${head}\n${t}\n${tail}`);
      console.log("figures: README.md updated");
    } else if (body !== t) {
      console.error(`figures: README.md's byte table is not what this build gives.\nREADME.md:\n${body}\n\nthe build:\n${t}\n\nRun: node .ci/figures.mjs --write`);
      process.exit(1);
    } else {
      console.log("figures: README.md's byte table matches the build");
    }
  } else {
    console.log(t);
  }
}
