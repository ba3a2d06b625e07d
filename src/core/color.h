// sRGB ↔ linear light through tables built once with the deterministic pow, so every
// platform converts identically.
#pragma once

#include <cstdint>

namespace smp {

// The tables themselves, for loops that convert millions of pixels.
struct ColorTables {
    static constexpr int kLinearSteps = 16384;  // finer than one 8-bit sRGB step in the shadows
    float toLinear[256];
    std::uint8_t toSrgb[kLinearSteps + 1];
    std::uint8_t encode(float linear) const {
        const float clamped = linear < 0 ? 0.0f : (linear > 1 ? 1.0f : linear);
        return toSrgb[static_cast<int>(clamped * kLinearSteps + 0.5f)];
    }
};
const ColorTables& colorTables();

float srgbToLinear(std::uint8_t value);
// sRGB byte → linear, for building a custom pigment from a colour.
double srgbByteToLinear(std::uint8_t value);

}  // namespace smp
