// How pigment in the skin looks (smp-reference.md, "Pigment seen through skin",
// "Shades", "Sessions, healing, fading"). The model multiplies the photo in linear light
// by 1 − strength·c(z) per channel: the photo's skin tone and lighting carry through.
#pragma once

#include <array>
#include <cstdint>

#include "result.h"

namespace smp {

using Rgb = std::array<double, 3>;

// Darkening per channel of the ink before depth: how strong this pigment is.
struct Pigment {
    Rgb strength;
};

constexpr int kShadeCount = 5;
// Shade 1 (black, α 1.0) to 5 (light, α 0.4).
Result<Pigment> shadePigment(int shade);
// A custom colour: what a dot at the reference depth looks like on white skin.
Pigment customPigment(std::uint8_t r, std::uint8_t g, std::uint8_t b);

// c(z): darkening per channel of a black layer at depth z (Kubelka–Munk figures:
// 0.74/0.61/0.42 at 0.15 mm, 0.57/0.39/0.20 at 0.3, 0.42/0.24/0.08 at 0.5), interpolated
// in log space, with half its colour shift (see optics.cpp). Deeper: fainter, and blue
// falls fastest, so deep dots read blue-grey.
Rgb depthDarkening(double depthMm);
// The same from a table (depth steps of 0.6 µm over 0–0.6 mm), for per-dot use.
const Rgb& depthDarkeningLookup(double depthMm);

// Gaussian σ (mm) of a dot of diameter d at depth z: σ = √(r₀² + (0.8·z)²), the dot's
// radius widened by scattering on the way up through the skin.
double dotSigmaMm(double diameterMm, double depthMm);

struct HealingState {
    double sizeFactor;  // dot diameter relative to healed
    double darkness;    // ink strength relative to healed
    double redness;     // extra red of the treated skin (0.25 = +25%)
};
// Day 0: fresh, red, dots ×1.6 and darker; day 7: flaking; day 28 and after: healed.
HealingState healingAt(double day);

struct Fading {
    double strength;     // α(t)/α₀ = e^(−t/8)
    double extraBlurMm;  // ~0.01 mm per year
    double blueFactor;   // multiplies the blue channel's darkening: slight blue drift
};
Fading fadingAfter(double years);

// Ink strength of dots from session s when the result after n sessions is shown:
// earlier sessions used a lighter shade.
double sessionStrength(int session, int sessionsShown);

}  // namespace smp
