#!/usr/bin/env bash
# Builds the ncc bundle into DIR (not dist/), for running the e2e tests and benchmarks against work in
# progress — the same build, byte for byte, as `npm run build` (keep the two commands alike):
#   scripts/build-to.sh /tmp/my-dist && DEPLOY_GUARD_BUNDLE=/tmp/my-dist/index.js npx jest test/e2e/...
# `--stats-out FILE` keeps webpack's stats (which module went into which chunk) in FILE.
# -m minifies index.js only (ncc leaves lazy chunks as they are) without compression and keeping
# names, so the output stays deterministic and error names readable: index.js goes from 2.2 MB to 1.0 MB.
# The stats always go to DIR/stats.json first: write-dist-package.js completes licenses.txt from them.
set -euo pipefail
out=${1:?usage: scripts/build-to.sh DIR [--stats-out FILE]}
keep=()
if [ $# -ge 3 ] && [ "$2" = --stats-out ]; then keep=(--keep-stats "$3"); fi
rm -rf "$out"
node_modules/.bin/ncc build src/index.ts -o "$out" --license licenses.txt --target es2022 -m -q --stats-out "$out/stats.json"
node "$(dirname "$0")/write-dist-package.js" "$out" "${keep[@]}"
