#!/usr/bin/env bash
# Renders every golden SVG to a PNG in tests/out/ with headless Chromium, for review by
# eye whenever the golden files are created or changed.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p tests/out
for svg in tests/golden/*.svg; do
  name=$(basename "$svg" .svg)
  w=$(grep -o 'width="[0-9]*"' "$svg" | head -1 | tr -dc 0-9)
  h=$(grep -o 'height="[0-9]*"' "$svg" | head -1 | tr -dc 0-9)
  timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --force-device-scale-factor=1 --screenshot="tests/out/$name.png" --window-size="$w,$h" \
    "file://$PWD/$svg" 2>/dev/null
  echo "tests/out/$name.png"
done
