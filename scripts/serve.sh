#!/usr/bin/env bash
# The main job: install what is missing, build the WASM engine (and the single-file
# build beside it, web/build/smp-preview.html), and serve the web app on
# http://localhost:${PORT:-8080}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh serve
scripts/build.sh wasm --target smp_single_file
exec node scripts/serve-web.mjs --port "${PORT:-8080}"
