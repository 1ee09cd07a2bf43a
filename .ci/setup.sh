#!/usr/bin/env bash
# Install whatever the build/test tool chain lacks; a no-op (well under 2 s) when all is present.
# Usage: .ci/setup.sh [--test]   (--test also ensures Chromium, Firefox ESR, WebKitGTK, their
# WebDriver servers and Xvfb)
set -euo pipefail
cd "$(dirname "$0")/.."
# CI shells may not source ~/.cargo/env.
[[ -d "$HOME/.cargo/bin" && ":$PATH:" != *":$HOME/.cargo/bin:"* ]] && export PATH="$HOME/.cargo/bin:$PATH"

want_test=0
[[ "${1:-}" == "--test" ]] && want_test=1

if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  echo "setup: cargo/rustup not found; install Rust via rustup first" >&2
  exit 1
fi

# The browser build and the wasm test suite both need the wasm std.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# test.sh runs fmt --check and clippy; minimal rustup profiles omit them.
installed_components=$(rustup component list --installed)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$installed_components" || rustup component add "$c"
done

# wasm-bindgen's CLI must match the library version byte-for-byte (schema check at bindgen time).
# --locked is deliberately absent: one locked dependency of the CLI is missing from the registry.
wb_want=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$wb_want" ]] || { echo "setup: wasm-bindgen not found in Cargo.lock" >&2; exit 1; }
wb_have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$wb_have" != "$wb_want" ]]; then
  echo "setup: installing wasm-bindgen-cli $wb_want (have: ${wb_have:-none}); takes ~2.5 min"
  cargo install wasm-bindgen-cli --version "$wb_want" --force
fi

# npm dev deps (binaryen's wasm-opt, playwright-core, axe-core, selenium-webdriver). Debian's binaryen is too old
# and silently miscompiles wasm-bindgen output, so wasm-opt always comes from here.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

if (( want_test )); then
  # Playwright cannot download browsers here; tests use Debian's browsers instead: Chromium
  # (Playwright, wasm-bindgen-test) and, for the cross-engine checks (tests/engines/),
  # Firefox ESR and WebKitGTK (WebKitWebDriver and MiniBrowser) under Xvfb.
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  [[ -x /usr/bin/firefox-esr ]] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if (( ${#missing[@]} )); then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  fi
  # Firefox's WebDriver server is not packaged in Debian 12: from crates.io (about 3 min).
  if ! command -v geckodriver >/dev/null; then
    echo "setup: installing geckodriver from crates.io; takes ~3 min"
    cargo install geckodriver --version 0.37.1
  fi
fi
