#!/usr/bin/env bash
# Installs what smp-preview needs on Debian/Ubuntu, skipping whatever is already there.
#   scripts/setup.sh serve   toolchain to build the WASM module and serve the web app
#   scripts/setup.sh test    everything the test command needs as well
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-test}"

# opencv-data: the face and eye cascades that the build converts for auto-placement.
packages=(cmake make emscripten libstb-dev opencv-data)
if [[ "$purpose" == test ]]; then
  # g++ and libjpeg-dev: native build and test-made JPEGs; googletest: sources built
  # natively and with Emscripten; clang + libclang-rt: libFuzzer; chromium: browser tests.
  packages+=(g++ clang libclang-rt-14-dev libgtest-dev googletest libjpeg-dev chromium)
fi
command -v node >/dev/null || packages+=(nodejs npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
