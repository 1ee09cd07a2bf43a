// Where the wasm's bytes go, by concern: `node tests/bench/where-bytes-go.mjs`.
// Needs twiggy (`cargo install twiggy`) and a release build (bash .ci/build.sh). The shipped
// wasm has no names, so this reads wasm-bindgen's output of the same build kept with names,
// before wasm-opt; the per-concern shares are then applied to the shipped file's size.
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const raw = path.join(ROOT, "target/wasm32-unknown-unknown/release/trade_target_chart.wasm");
const shipped = path.join(ROOT, "pkg/trade_target_chart_bg.wasm");
const dir = mkdtempSync(path.join(os.tmpdir(), "ttc-bytes-"));
execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", dir, "--out-name", "t", raw]);
const csv = execFileSync("twiggy", ["top", "-n", "1000000", "--format", "csv", path.join(dir, "t_bg.wasm")], {
  encoding: "utf8",
  maxBuffer: 64 << 20,
});

// First match wins.
const CONCERNS = [
  ["names (stripped when shipped)", /names" subsection|^custom section/],
  ["ours: spec reading + validation + model", /trade_target_chart::(spec|validate|limits|model|json|web::to_json|web::read)\b/],
  ["ours: layout + text metrics + tooltip placement", /trade_target_chart::(layout|text|scene|tooltip)\b/],
  ["ours: words (en/ru/zh) + number formats", /trade_target_chart::(story|locale|format)\b/],
  ["ours: default data reader (its text is in the data segments)", /trade_target_chart::(data|embedded_json)\b/],
  ["ours: markup (skeleton, table, SVG patch plan) + XML escaping", /trade_target_chart::(markup|xml|fragment)\b/],
  ["ours: drawing (scene → plotters; SVG and canvas backends)", /trade_target_chart::(draw|svg|web::canvas)\b/],
  ["plotters (drawing area, elements)", /plotters/],
  ["serde + serde-wasm-bindgen (JS values in and out)", /serde_wasm_bindgen|serde_core|serde::|<serde/],
  ["ours: DOM edge (web.rs) + exports", /trade_target_chart::|^chart_|^rendersvg|^renderhtml|^defaultspec/i],
  ["wasm-bindgen / js-sys / web-sys glue", /wasm_bindgen|js_sys|web_sys|externref|__wbg|__wbindgen|closure/],
  ["allocator (lol_alloc)", /lol_alloc|__rust_(alloc|dealloc|realloc)|__rdl_/],
  ["libm (pow, fmod)", /compiler_builtins|libm/],
  ["data segments (strings, metric tables, data)", /^data segment/],
  ["core float formatting (linked by serde's error messages)", /fmt::float|flt2dec|dragon|grisu|bignum|Big32x40|diy_float/],
  ["core / alloc (fmt, str, iterators, Vec, String)", /./],
];
const sums = new Map(CONCERNS.map(([k]) => [k, 0]));
for (const line of csv.trim().split("\n").slice(1)) {
  const m = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  if (!m) continue;
  const name = m[1].replace(/^"|"$/g, "").replace(/""/g, '"');
  const [k] = CONCERNS.find(([, re]) => re.test(name));
  sums.set(k, sums.get(k) + Number(m[2]));
}
const names = sums.get(CONCERNS[0][0]);
const code = [...sums.values()].reduce((a, b) => a + b, 0) - names;
const size = statSync(shipped).size;
// gzip -9 as .ci/build.sh and the bench count it (node's zlib comes out ~2% larger).
const gz = execFileSync("gzip", ["-9c", shipped], { maxBuffer: 64 << 20 }).length;
console.log(`shipped wasm: ${(size / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip -9`);
console.log(`| concern | share | ≈ KB raw | ≈ KB gzip |\n| --- | ---: | ---: | ---: |`);
for (const [k, v] of sums) {
  if (k === CONCERNS[0][0]) continue;
  const share = v / code;
  console.log(`| ${k} | ${(share * 100).toFixed(1)}% | ${((share * size) / 1024).toFixed(1)} | ${((share * gz) / 1024).toFixed(1)} |`);
}
