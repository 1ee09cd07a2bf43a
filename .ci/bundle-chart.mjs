// Builds pkg/chart.min.js, the script of charts drawn in the page (the editors' script tag):
// src/js/element.js and the engine (index.js and the wasm-bindgen glue) in one minified module,
// with src/js/tips-lazy.js in place of tips.js (a fitting fragment's tooltips, which only
// pre-rendered pages need up front: element.min.js holds them). esbuild's CLI cannot swap a
// relative import, hence this script (.ci/build.sh runs it).
//
//   node .ci/bundle-chart.mjs OUTFILE
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = process.argv[2];
if (!outfile) {
  console.error("usage: node .ci/bundle-chart.mjs OUTFILE");
  process.exit(2);
}

let swapped = 0;
const lazyTips = {
  name: "lazy-tips",
  setup(b) {
    b.onResolve({ filter: /^\.\/tips\.js$/ }, (args) => {
      if (path.basename(args.importer) !== "element.js") return undefined;
      swapped++;
      return { path: path.join(args.resolveDir, "tips-lazy.js") };
    });
  },
};

await build({
  entryPoints: [path.join(root, "src/js/element.js")],
  bundle: true,
  format: "esm",
  minify: true,
  target: "es2022",
  legalComments: "none",
  logLevel: "warning",
  // index.js's file: URL path for Node, Deno and Bun (as in trade-target-chart.min.js).
  dropLabels: ["fromDisk"],
  external: ["./downloads.js", "./tips.min.js"],
  plugins: [lazyTips],
  outfile,
});
if (swapped !== 1) throw new Error(`bundle-chart: element.js's import of tips.js was swapped ${swapped} times, not once`);
