#!/usr/bin/env bash
# Prints the decode benchmark for every fixture photo, native and WASM (Node) in one run.
# Expects the native and wasm presets to be built (scripts/test.sh does; or run
# scripts/build.sh native wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="${SMP_FIXTURES_DIR:-../shared/fixtures/photos}"
photos=("$fixtures"/*.jpg "$fixtures"/*.png)

native=$(build/native/bench/bench_decode "${photos[@]}")
wasm=$(node --no-experimental-fetch build/wasm/bench/bench_decode.cjs "${photos[@]}")

echo "Decode + EXIF orientation + resize to 2048 px (median of 7; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs))"
echo
echo "| photo | MP | native ms | native MP/s | WASM ms | WASM MP/s | WASM/native |"
echo "|---|---:|---:|---:|---:|---:|---:|"
paste <(echo "$native") <(echo "$wasm") |
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %.2f× |\n", $1, $2, $3, $4, $7, $8, $7 / $3 }'
