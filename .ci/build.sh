#!/usr/bin/env bash
# Release wasm build into pkg/. Skips when pkg/ is newer than every input; --force rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]] && export PATH="$HOME/.cargo/bin:$PATH"

out=pkg
name=trade_target_chart
stamp=$out/.build-stamp   # written last, so a half-finished build never counts as fresh

if [[ "${1:-}" != "--force" && -f $stamp && -f $out/${name}_bg.wasm ]] &&
   [[ -z "$(find src build.rs Cargo.toml Cargo.lock .ci/build.sh .ci/bundle-chart.mjs .ci/short-imports.mjs -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
  echo "build: pkg/ is up to date (use --force to rebuild)"
  exit 0
fi
rm -f "$stamp"
# Timestamp taken before compiling, so source edits made during the build still trigger the next one.
mkdir -p "$out" && touch "$stamp.new"

# `cargo rustc --crate-type cdylib` links only the cdylib; a cdylib+rlib `cargo build` came out
# ~26 KB larger after wasm-opt.
cargo rustc --lib --release --target wasm32-unknown-unknown --crate-type cdylib
raw=target/wasm32-unknown-unknown/release/$name.wasm

wasm-bindgen --target web --out-dir "$out" --out-name "$name" "$raw"

# npm's binaryen (never Debian's v108, which breaks wasm-bindgen output at run time).
# The feature flags match what rustc 1.95 emits; strip="debuginfo" (not true) keeps the
# target_features section too, without which validation fails on bulk-memory ops.
node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"

# wasm-bindgen's import names carry a hash each, written in the wasm and in the glue: short
# names instead save a reader 4.9 KB gzip (the comment in the script has the figures).
node .ci/short-imports.mjs "$out/${name}_bg.wasm" "$out/$name.js"

# The spec's JSON Schema, generated from the Rust types by the native CLI
# (trade-target-chart/schema.json in the npm package).
cargo run --quiet --bin trade-target-chart -- schema -o "$out/schema.json"

# The script-tag builds: index.js and the glue in one minified ES module next to the wasm
# (trade-target-chart.min.js). One request fewer, and 40% fewer gzipped JS bytes than the
# readable sources, which stay the npm entry points (bundlers minify those themselves).
# The wasm URL in the sources is relative to src/js/; in pkg/ it sits beside the bundle.
# It is for browsers only: --drop-labels drops index.js's `fromDisk:` statement, which reads
# a file: URL through "#wasm-file" in Node, Deno and Bun.
min=$out/trade-target-chart.min.js
node_modules/.bin/esbuild src/js/index.js --bundle --format=esm --minify \
  --target=es2022 --legal-comments=none --log-level=warning --drop-labels=fromDisk --outfile="$min"
! grep -q 'wasm-file' "$min" ||
  { echo "build: $min still reads file: URLs (was the fromDisk: label renamed?)" >&2; exit 1; }
grep -q '"../../pkg/trade_target_chart_bg.wasm"' "$min" ||
  { echo "build: the wasm URL was not found in $min" >&2; exit 1; }
sed -i 's|"../../pkg/trade_target_chart_bg.wasm"|"./trade_target_chart_bg.wasm"|' "$min"

# Three script-tag builds of the element (src/js/element.js), one per kind of page:
# - element.min.js, for pre-rendered pages: the element with a fitting fragment's tooltips
#   (src/js/tips.js, bundled in: no request before the first tooltip). The engine, the module
#   above, is imported only when a chart must be drawn (`import("./index.js")`, kept external);
# - chart.min.js, for charts drawn in the page (the editors' script tag): the element and the
#   engine in one file, which finds the wasm beside it. One request fewer and 1.6 KB gzip less
#   than element.min.js + the engine: a fitting fragment's tooltips, which such a page rarely
#   holds, are imported as tips.min.js when one is met (.ci/bundle-chart.mjs);
# - downloads.min.js (a fitting fragment's buttons, on a click) and tips.min.js.
esbuild_module() { # entry outfile [esbuild flags]
  node_modules/.bin/esbuild "$1" --bundle --format=esm --minify --target=es2022 \
    --legal-comments=none --log-level=warning --outfile="$2" "${@:3}"
}
# Each `import("./x.js")` named as x.js:y becomes `import("./y")`; each must be in the file.
relink() {
  local file=$1 pair
  shift
  for pair in "$@"; do
    grep -q "import(\"./${pair%%:*}\")" "$file" ||
      { echo "build: the import of ${pair%%:*} was not found in $file" >&2; exit 1; }
    sed -i "s|import(\"./${pair%%:*}\")|import(\"./${pair#*:}\")|" "$file"
  done
}
min=$out/element.min.js
esbuild_module src/js/element.js "$min" --external:./index.js --external:./downloads.js
relink "$min" index.js:trade-target-chart.min.js downloads.js:downloads.min.js
! grep -q 'trade_target_chart_bg.wasm' "$min" ||
  { echo "build: $min holds the engine (it must import it)" >&2; exit 1; }

min=$out/chart.min.js
node .ci/bundle-chart.mjs "$min"
relink "$min" downloads.js:downloads.min.js
grep -q 'import("./tips.min.js")' "$min" ||
  { echo "build: $min does not import tips.min.js" >&2; exit 1; }
grep -q '"../../pkg/trade_target_chart_bg.wasm"' "$min" ||
  { echo "build: the wasm URL was not found in $min" >&2; exit 1; }
sed -i 's|"../../pkg/trade_target_chart_bg.wasm"|"./trade_target_chart_bg.wasm"|' "$min"
! grep -q -e 'wasm-file' -e 'import("./index' "$min" ||
  { echo "build: $min must hold the engine, for browsers only" >&2; exit 1; }

for part in downloads tips; do
  esbuild_module "src/js/$part.js" "$out/$part.min.js"
done

mv "$stamp.new" "$stamp"

# What each file and path costs (gzip -9 of the bytes): the README's byte table is this output
# (node .ci/figures.mjs --write puts it there; npm test checks it is current).
node .ci/figures.mjs
