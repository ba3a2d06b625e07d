# The face and eye detectors' models: OpenCV cascades from Debian's opencv-data,
# converted at build time into one small binary bundle (tools/convert-cascade.mjs).
# The XML is never copied into the repository; the bundle is a build output.
#   face: LBP frontal face (Puttemans et al. 2017, "improved"), 45×45 window
#   eye:  Haar eye (Intel), 20×20 window; haarcascade_eye_tree_eyeglasses needs
#         tilted features, which our evaluator does not implement
set(SMP_OPENCV_DATA_DIR "/usr/share/opencv4" CACHE PATH "OpenCV cascade XML files (Debian opencv-data)")
set(SMP_FACE_CASCADE_XML "${SMP_OPENCV_DATA_DIR}/lbpcascades/lbpcascade_frontalface_improved.xml")
set(SMP_EYE_CASCADE_XML "${SMP_OPENCV_DATA_DIR}/haarcascades/haarcascade_eye.xml")
foreach(xml IN ITEMS "${SMP_FACE_CASCADE_XML}" "${SMP_EYE_CASCADE_XML}")
  if(NOT EXISTS "${xml}")
    message(FATAL_ERROR "cascade model ${xml} not found: apt-get install opencv-data "
                        "(or set SMP_OPENCV_DATA_DIR)")
  endif()
endforeach()
find_program(SMP_NODE node REQUIRED)

# smp_cascade_bundle(OUTPUT path TARGET name): a target that writes the bundle.
function(smp_cascade_bundle)
  cmake_parse_arguments(arg "" "OUTPUT;TARGET" "" ${ARGN})
  set(converter "${CMAKE_SOURCE_DIR}/tools/convert-cascade.mjs")
  add_custom_command(
    OUTPUT "${arg_OUTPUT}"
    COMMAND "${SMP_NODE}" "${converter}" -o "${arg_OUTPUT}"
            "face=${SMP_FACE_CASCADE_XML}" "eye=${SMP_EYE_CASCADE_XML}"
    DEPENDS "${converter}" "${SMP_FACE_CASCADE_XML}" "${SMP_EYE_CASCADE_XML}"
    COMMENT "Converting the OpenCV face and eye cascades to ${arg_OUTPUT}"
    VERBATIM)
  add_custom_target(${arg_TARGET} ALL DEPENDS "${arg_OUTPUT}")
endfunction()

# Native builds keep the bundle in the build tree (tests, CLI, benchmarks); the WASM
# build writes it next to the page's module, fetched only when auto-placement runs.
if(EMSCRIPTEN)
  set(SMP_CASCADES_FILE "${SMP_WEB_BUILD_DIR}/smp_cascades.bin")
else()
  set(SMP_CASCADES_FILE "${CMAKE_BINARY_DIR}/smp_cascades.bin")
endif()
smp_cascade_bundle(OUTPUT "${SMP_CASCADES_FILE}" TARGET smp_cascades)
