#!/usr/bin/env bash
# The one test command (npm test, CI). Stops at the first failing step; prints per-step times.
set -euo pipefail
export LC_NUMERIC=C  # printf %f below expects a dot
cd "$(dirname "$0")/.."
[[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]] && export PATH="$HOME/.cargo/bin:$PATH"
# wasm-bindgen-test-runner picks the browser from this; Debian's driver finds /usr/bin/chromium.
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver || echo /usr/bin/chromedriver)}"
# A cold CI machine is slower than the runner's 20 s default.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

summary=()
current=""
report() {
  local rc=$?
  (( ${#summary[@]} )) || [[ -n $current ]] || return 0
  echo
  echo "== test summary =="
  printf '%s\n' "${summary[@]}"
  if [[ -n $current ]]; then printf '  FAIL  %-52s (exit %d)\n' "$current" "$rc"
  elif (( rc == 0 )); then echo "all steps passed"; fi
  return 0
}
trap report EXIT

step() { # step "label" cmd args...
  current=$1; shift
  echo
  echo "==> $current"
  local t0=$EPOCHREALTIME
  "$@"
  summary+=("$(printf '  ok    %-52s %6.1fs' "$current" "$(awk "BEGIN{print $EPOCHREALTIME - $t0}")")")
  current=""
}
skip() { echo; echo "==> SKIP $1: $2"; summary+=("$(printf '  skip  %-52s (%s)' "$1" "$2")"); }

step "setup (.ci/setup.sh --test)" bash .ci/setup.sh --test
step "build (.ci/build.sh)" bash .ci/build.sh
step "README byte figures match the build" node .ci/figures.mjs --check
step "cargo fmt --check" cargo fmt --check
step "cargo clippy --all-targets -D warnings" cargo clippy --all-targets -- -D warnings
# The same lints for the wasm build, which alone compiles src/web.rs (the core denies unwrap,
# expect, panic, indexing and truncating casts: see src/lib.rs).
step "cargo clippy --target wasm32 --all-targets -D warnings" \
  cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# Includes tests/hostile.rs (the hostile-spec table) and tests/proptest.rs (random specs).
# The fuzzer (tests/fuzz) is not part of npm test: bash .ci/fuzz.sh [seconds].
step "cargo test (native)" cargo test
if [[ -f tests/web.rs ]]; then
  step "cargo test --target wasm32 --test web (chromium)" \
    cargo test --target wasm32-unknown-unknown --test web
else
  skip "wasm browser tests" "tests/web.rs not written yet"
fi
if [[ -d tests/e2e ]]; then
  step "node --test tests/e2e/" node --test tests/e2e/
else
  skip "end-to-end tests" "tests/e2e/ not written yet"
fi
# The reader checks in Firefox ESR, WebKitGTK (under its own Xvfb) and Chromium, over WebDriver.
if [[ -f tests/engines/run.mjs ]]; then
  step "engines: firefox, webkit, chromium (tests/engines)" node tests/engines/run.mjs
fi
# The packed tarball installed into fresh Vite, webpack and bundler-less apps (needs the npm
# registry for the bundlers; their node_modules are cached in tests/consumers/.cache/).
if [[ -f tests/consumers/consumers.test.mjs ]]; then
  step "consumers: npm pack into vite, webpack, plain page" node --test tests/consumers/consumers.test.mjs
fi
# Every README code block run as written (or named with the reason it is not).
step "README code blocks, run as written" node --test tests/consumers/readme.test.mjs
