#include "color.h"

#include <array>
#include <cmath>
#include <cstddef>

#include "det_math.h"

namespace smp {
namespace {

// 2^14 steps: finer than one 8-bit sRGB step even in the darkest shadows.
constexpr int kLinearSteps = 16384;

double decode(double s) { return s <= 0.04045 ? s / 12.92 : det::pow((s + 0.055) / 1.055, 2.4); }
double encode(double l) { return l <= 0.0031308 ? 12.92 * l : 1.055 * det::pow(l, 1 / 2.4) - 0.055; }

struct Tables {
    std::array<float, 256> toLinear{};
    std::array<std::uint8_t, kLinearSteps + 1> toSrgb{};
    Tables() {
        for (int i = 0; i < 256; ++i) toLinear[static_cast<std::size_t>(i)] = static_cast<float>(decode(i / 255.0));
        for (int i = 0; i <= kLinearSteps; ++i) {
            const double s = encode(static_cast<double>(i) / kLinearSteps);
            toSrgb[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(std::floor(s * 255 + 0.5));
        }
    }
};

const Tables& tables() {
    static const Tables kTables;
    return kTables;
}

}  // namespace

float srgbToLinear(std::uint8_t value) { return tables().toLinear[value]; }

std::uint8_t linearToSrgb(float linear) {
    const float clamped = linear < 0 ? 0.0f : (linear > 1 ? 1.0f : linear);
    return tables().toSrgb[static_cast<std::size_t>(clamped * kLinearSteps + 0.5f)];
}

double srgbByteToLinear(std::uint8_t value) { return decode(value / 255.0); }

}  // namespace smp
