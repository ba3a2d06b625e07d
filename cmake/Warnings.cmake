# Warnings and floating-point settings for the project's own targets (not GoogleTest's).
function(smp_target_defaults target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    # No fused multiply-add contraction: the same arithmetic gives the same bits
    # natively and in WASM (see README, "Determinism").
    -ffp-contract=off)
endfunction()
