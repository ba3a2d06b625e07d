# Sourced by the build scripts: where Emscripten lives and what it needs.
# emsdk when it is active, else the Debian package.
if [[ -n "${EMSDK:-}" ]]; then
  export SMP_EMSCRIPTEN_ROOT="${SMP_EMSCRIPTEN_ROOT:-$EMSDK/upstream/emscripten}"
else
  export SMP_EMSCRIPTEN_ROOT="${SMP_EMSCRIPTEN_ROOT:-/usr/share/emscripten}"
  # Debian's emcc needs Debian's node modules (acorn); the machine's Node may not see them.
  export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
fi
