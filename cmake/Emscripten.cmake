# Checks the Emscripten compiler against the pinned version in emsdk-version.txt.
file(READ "${CMAKE_SOURCE_DIR}/emsdk-version.txt" SMP_PINNED_EMSCRIPTEN)
string(STRIP "${SMP_PINNED_EMSCRIPTEN}" SMP_PINNED_EMSCRIPTEN)
if(NOT EMSCRIPTEN_VERSION VERSION_EQUAL SMP_PINNED_EMSCRIPTEN)
  message(FATAL_ERROR "Emscripten ${EMSCRIPTEN_VERSION} found, but emsdk-version.txt pins "
                      "${SMP_PINNED_EMSCRIPTEN}. Install that version (Debian: apt-get install emscripten).")
endif()
message(STATUS "Emscripten ${EMSCRIPTEN_VERSION} matches emsdk-version.txt")

find_program(SMP_NODE node REQUIRED)

# WASM SIMD: supported by every browser the app targets (Safari 16.4+, Chrome 91+,
# Firefox 89+) and by Node 20 for the tests.
add_compile_options(-msimd128)
add_link_options(-msimd128)

# A WASM program that Node runs from the command line (tests, benchmarks).
function(smp_node_program target)
  # .cjs: the repo's package.json says "type": "module", but Emscripten's Node
  # loader is CommonJS.
  set_target_properties(${target} PROPERTIES SUFFIX ".cjs")
  target_link_options(${target} PRIVATE
    -sNODERAWFS=1               # read fixture photos straight from the host filesystem
    -sENVIRONMENT=node
    -sALLOW_MEMORY_GROWTH=1     # large photos and the limit tests
    -sMAXIMUM_MEMORY=1073741824)
endfunction()
