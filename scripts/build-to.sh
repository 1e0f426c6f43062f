#!/usr/bin/env bash
# Builds the ncc bundle into DIR (not dist/), for running the e2e tests against work in progress:
#   scripts/build-to.sh /tmp/my-dist && DEPLOY_GUARD_BUNDLE=/tmp/my-dist/index.js npx jest test/e2e/...
set -euo pipefail
out=${1:?usage: scripts/build-to.sh DIR}
rm -rf "$out"
node_modules/.bin/ncc build src/index.ts -o "$out" --license licenses.txt --target es2022 -q
printf '{\n  "type": "module"\n}\n' > "$out/package.json"
