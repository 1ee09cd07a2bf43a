#!/usr/bin/env bash
# Release wasm build into pkg/. Skips when pkg/ is newer than every input; --force rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]] && export PATH="$HOME/.cargo/bin:$PATH"

out=pkg
name=trade_target_chart
stamp=$out/.build-stamp   # written last, so a half-finished build never counts as fresh

if [[ "${1:-}" != "--force" && -f $stamp && -f $out/${name}_bg.wasm ]] &&
   [[ -z "$(find src build.rs Cargo.toml Cargo.lock .ci/build.sh -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
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

# The spec's JSON Schema, generated from the Rust types by the native CLI
# (trade-target-chart/schema.json in the npm package).
cargo run --quiet --bin trade-target-chart -- schema -o "$out/schema.json"

mv "$stamp.new" "$stamp"

for f in "$out/${name}_bg.wasm" "$out/$name.js"; do
  printf 'build: %-32s %8d B raw %8d B gzip -9\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
done
