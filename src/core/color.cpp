#include "color.h"

#include <cmath>
#include <cstddef>

#include "det_math.h"

namespace smp {
namespace {

double decode(double s) { return s <= 0.04045 ? s / 12.92 : det::pow((s + 0.055) / 1.055, 2.4); }
double encode(double l) { return l <= 0.0031308 ? 12.92 * l : 1.055 * det::pow(l, 1 / 2.4) - 0.055; }

ColorTables buildTables() {
    ColorTables t{};
    for (int i = 0; i < 256; ++i) t.toLinear[i] = static_cast<float>(decode(i / 255.0));
    for (int i = 0; i <= ColorTables::kLinearSteps; ++i) {
        const double s = encode(static_cast<double>(i) / ColorTables::kLinearSteps);
        t.toSrgb[i] = static_cast<std::uint8_t>(std::floor(s * 255 + 0.5));
    }
    return t;
}

}  // namespace

const ColorTables& colorTables() {
    static const ColorTables kTables = buildTables();
    return kTables;
}

float srgbToLinear(std::uint8_t value) { return colorTables().toLinear[value]; }


double srgbByteToLinear(std::uint8_t value) { return decode(value / 255.0); }

}  // namespace smp
