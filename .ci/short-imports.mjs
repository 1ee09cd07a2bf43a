// Renames the wasm's imports to short names, in the wasm and in the wasm-bindgen glue alike.
//
//   node .ci/short-imports.mjs pkg/trade_target_chart_bg.wasm pkg/trade_target_chart.js
//
// wasm-bindgen names every import after its JS function plus a 16-hex-digit hash
// (`__wbg_setAttribute_1a2b3c4d5e6f7a8b`), and writes each name twice: in the wasm's import
// section and as a key of the glue's import object. 167 hashes compress to almost nothing,
// so they cost a reader 2.8 KB of wasm and 2.1 KB of glue (gzip -9, measured on 2026-12-05);
// `a`, `b`, … `eK` cost neither. Nothing else changes: the exports (which index.js and the
// d.ts files name) keep their names, and the code and data sections are copied byte for byte.
// binaryen's --minify-imports renames only imports from "env", which wasm-bindgen does not use.
import { readFileSync, writeFileSync } from "node:fs";

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error("usage: node .ci/short-imports.mjs WASM GLUE");
  process.exit(2);
}
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, "utf8");

/** `i` as letters: a … z, A … Z, then ba, bb, … (never a digit first, so a valid JS key). */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let s = "";
  do {
    s = letters[i % 52] + s;
    i = Math.floor(i / 52);
  } while (i > 0);
  return s;
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

let at = 8; // past the magic number and version
function readUleb() {
  let n = 0;
  let shift = 0;
  let byte;
  do {
    byte = wasm[at++];
    n += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return n;
}
function readName() {
  const len = readUleb();
  const name = wasm.subarray(at, at + len).toString("utf8");
  at += len;
  return name;
}
/** Skips an import's description (after its kind byte), returning nothing. */
function skipLimits() {
  const flags = wasm[at++];
  readUleb();
  if (flags & 1) readUleb();
}

const renamed = new Map();
const parts = [wasm.subarray(0, 8)];
while (at < wasm.length) {
  const id = wasm[at++];
  const size = readUleb();
  const end = at + size;
  if (id !== 2) {
    parts.push(Buffer.from([id]), uleb(size), wasm.subarray(at, end));
    at = end;
    continue;
  }
  const count = readUleb();
  const body = [uleb(count)];
  for (let i = 0; i < count; i++) {
    const module = readName();
    const name = readName();
    const descStart = at;
    const kind = wasm[at++];
    if (kind === 0) readUleb(); // function: its type index
    else if (kind === 1) (at++, skipLimits()); // table: element type, limits
    else if (kind === 2) skipLimits(); // memory
    else if (kind === 3) at += 2; // global: value type, mutability
    else throw new Error(`short-imports: unknown import kind ${kind} for ${module}.${name}`);
    // Only the glue's own functions: their names are keys of its import object.
    const short = kind === 0 ? shortName(renamed.size) : name;
    if (short !== name) renamed.set(name, short);
    const m = Buffer.from(module);
    const n = Buffer.from(short);
    body.push(uleb(m.length), m, uleb(n.length), n, wasm.subarray(descStart, at));
  }
  if (at !== end) throw new Error("short-imports: the import section did not parse to its end");
  const section = Buffer.concat(body);
  parts.push(Buffer.from([2]), uleb(section.length), section);
}

// Each old name must be a key of the glue's import object exactly once, and nowhere else.
const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
for (const [name, short] of renamed) {
  const hits = glue.match(word(name))?.length ?? 0;
  if (hits !== 1 || !new RegExp(`\\n\\s+${name.replace(/\$/g, "\\$")}: `).test(glue)) {
    throw new Error(`short-imports: ${name} is in the glue ${hits} times, not once as an import key`);
  }
  glue = glue.replace(word(name), short);
}

const out = Buffer.concat(parts);
// Every import the module asks for is now a key the glue gives.
for (const { name } of WebAssembly.Module.imports(new WebAssembly.Module(out))) {
  if (!new RegExp(`\\n\\s+${name.replace(/\$/g, "\\$")}: `).test(glue)) {
    throw new Error(`short-imports: the glue has no import named ${name}`);
  }
}
writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.error(`short-imports: ${renamed.size} imports renamed`);
