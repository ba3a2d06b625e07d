#!/usr/bin/env bash
# Configures and builds the given CMake presets (native, sanitize, wasm, fuzz).
#   scripts/build.sh native wasm
#   scripts/build.sh wasm --target smp_engine
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

presets=()
while (($#)) && [[ "$1" != --* ]]; do presets+=("$1"); shift; done
for preset in "${presets[@]}"; do
  extra=()
  # Let the WASM tests compare pixels with the native CLI when it is built.
  if [[ "$preset" == wasm && -x build/native/src/cli/smp-preview ]]; then
    extra+=("-DSMP_NATIVE_CLI=$PWD/build/native/src/cli/smp-preview")
  fi
  echo "build: $preset"
  cmake --preset "$preset" "${extra[@]}" >/dev/null
  cmake --build --preset "$preset" -j"$(nproc)" "$@"
done
