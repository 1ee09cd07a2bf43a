#!/usr/bin/env bash
# Coverage-guided fuzzing of the core (not part of npm test):
#   bash .ci/fuzz.sh [seconds]        default 600
# Feeds arbitrary bytes as a spec through JSON -> Json -> Model -> Scene -> SVG
# (tests/fuzz/fuzz_targets/spec_to_svg.rs). cargo-fuzz drives libFuzzer on *stable* Rust:
# `--sanitizer none` leaves out the one nightly-only flag (-Zsanitizer); the SanitizerCoverage
# instrumentation cargo-fuzz adds (-Cpasses=sancov-module, -Cllvm-args=-sanitizer-coverage-*)
# is stable codegen. Debug assertions and overflow checks are on, so an integer overflow
# counts as a crash. Crashes land in tests/fuzz/artifacts/spec_to_svg/; each must become a
# case in tests/hostile.rs. New corpus entries go to tests/fuzz/.work/ (git-ignored); the
# committed seeds in tests/fuzz/corpus/ are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]] && export PATH="$HOME/.cargo/bin:$PATH"

seconds=${1:-600}
target=spec_to_svg
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz (once)"
  cargo install --locked cargo-fuzz
fi
work=tests/fuzz/.work/corpus/$target
mkdir -p "$work" "tests/fuzz/artifacts/$target"
# One job: this is a 2-core machine. -timeout catches layouts that never finish;
# -rss_limit_mb catches runaway allocations.
cargo fuzz run --sanitizer none --fuzz-dir tests/fuzz "$target" \
  "$work" "tests/fuzz/corpus/$target" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict=tests/fuzz/spec.dict \
  -print_final_stats=1
