// Refuses to pack a package without its build: every pkg/ file listed in package.json "files"
// must be there and not empty, and the wasm must be WebAssembly. Run by .ci/prepack.sh (npm
// pack, npm publish). Usage: node .ci/check-pkg.mjs [package root, default: this repo].
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), ".."));
const { files = [] } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const problems = [];
for (const f of files.filter((f) => f.startsWith("pkg/"))) {
  let size;
  try {
    size = statSync(path.join(root, f)).size;
  } catch {
    problems.push(`${f} is missing`);
    continue;
  }
  if (size === 0) problems.push(`${f} is empty`);
  else if (f.endsWith(".wasm") && !readFileSync(path.join(root, f)).subarray(0, 4).equals(Buffer.from("\0asm"))) {
    problems.push(`${f} is not a WebAssembly binary`);
  }
}
if (!files.includes("pkg/trade_target_chart_bg.wasm") || !files.includes("pkg/trade_target_chart.js")) {
  problems.push(`package.json "files" no longer lists pkg/trade_target_chart_bg.wasm and pkg/trade_target_chart.js`);
}
if (problems.length) {
  console.error(`check-pkg: refusing to pack ${root} without its build:\n  ${problems.join("\n  ")}\n` +
    "Build it first: bash .ci/setup.sh && bash .ci/build.sh (npm pack runs both through the prepack script).");
  process.exit(1);
}
console.error(`check-pkg: ${files.filter((f) => f.startsWith("pkg/")).length} built files present`);
