// sRGB ↔ linear light through tables built once with the deterministic pow, so every
// platform converts identically.
#pragma once

#include <cstdint>

namespace smp {

float srgbToLinear(std::uint8_t value);
std::uint8_t linearToSrgb(float linear);  // linear clamped to [0, 1]
// sRGB byte → linear, for building a custom pigment from a colour.
double srgbByteToLinear(std::uint8_t value);

}  // namespace smp
