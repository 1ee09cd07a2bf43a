#!/usr/bin/env bash
# npm's prepack (npm pack, npm publish, installs from git): build pkg/ first (a no-op of a few
# seconds when it is fresh), then refuse to pack if the wasm or the glue is not there.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm pack --json` describes the tarball on stdout: everything said here goes to stderr.
exec >&2
bash .ci/setup.sh
bash .ci/build.sh
node .ci/check-pkg.mjs
