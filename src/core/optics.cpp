#include "optics.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "color.h"
#include "det_math.h"

namespace smp {
namespace {

constexpr double kShadeAlpha[kShadeCount] = {1.00, 0.85, 0.70, 0.55, 0.40};
// The layer model under-estimates contrast (smp-reference.md): this gain makes healed
// dots on fair skin read as clearly as in photos of real SMP.
constexpr double kVisibilityGain = 2.2;
constexpr double kReferenceDepthMm = 0.15;
// Share of the layer model's colour shift that is kept. With the visibility gain, the
// full shift saturates red and green while blue stays light: healed dots on fair skin
// read navy rather than the charcoal with a blue cast of real photos.
constexpr double kTintShare = 0.5;

constexpr double kDepths[3] = {0.15, 0.3, 0.5};
constexpr double kDarkening[3][3] = {{0.74, 0.61, 0.42}, {0.57, 0.39, 0.20}, {0.42, 0.24, 0.08}};

// Scattering widens a dot by this many mm per mm of depth (smp-reference.md).
constexpr double kScatterBlurPerMm = 0.8;

// Fading time constant (years).
constexpr double kFadeYears = 8;

struct HealingKey {
    double day;
    HealingState state;
};
constexpr HealingKey kHealing[] = {
    {0, {1.6, 1.5, 0.25}},   // fresh: larger, darker dots, red flush
    {3, {1.4, 1.4, 0.0}},    // the flush has faded (24–72 h)
    {7, {1.2, 1.2, 0.0}},    // scabs flaking off with some pigment
    {28, {1.0, 1.0, 0.0}},   // stable healed result
};

}  // namespace

Result<Pigment> shadePigment(int shade) {
    if (shade < 1 || shade > kShadeCount) {
        return Error{ErrorCode::InvalidArgument,
                     "shade " + std::to_string(shade) + " is not one of 1–5 (1 darkest)"};
    }
    const double s = kVisibilityGain * kShadeAlpha[shade - 1];
    return Pigment{{s, s, s}};
}

Pigment customPigment(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    // On white skin a dot at the reference depth should show this colour:
    // 1 − strength·c(z₀) = linear(colour), per channel.
    const Rgb c0 = depthDarkening(kReferenceDepthMm);
    const std::uint8_t colour[3] = {r, g, b};
    Pigment pigment{};
    for (int ch = 0; ch < 3; ++ch) {
        const std::size_t i = static_cast<std::size_t>(ch);
        pigment.strength[i] = kVisibilityGain * (1 - srgbByteToLinear(colour[ch])) / c0[i];
    }
    return pigment;
}

Rgb depthDarkening(double depthMm) {
    Rgb layer{};
    // Segment of the table to interpolate on (its end slopes extrapolate beyond it).
    const int seg = depthMm < kDepths[1] ? 0 : 1;
    const double f = (depthMm - kDepths[seg]) / (kDepths[seg + 1] - kDepths[seg]);
    for (int ch = 0; ch < 3; ++ch) {
        const double a = det::log(kDarkening[seg][ch]);
        const double b = det::log(kDarkening[seg + 1][ch]);
        layer[static_cast<std::size_t>(ch)] = det::exp(a + f * (b - a));
    }
    const double grey = (layer[0] + layer[1] + layer[2]) / 3;
    Rgb c{};
    for (std::size_t ch = 0; ch < 3; ++ch) c[ch] = std::min(0.95, grey + kTintShare * (layer[ch] - grey));
    return c;
}

const Rgb& depthDarkeningLookup(double depthMm) {
    constexpr int kSteps = 1024;
    constexpr double kMaxDepthMm = 0.6;
    static const std::vector<Rgb> kTable = [] {
        std::vector<Rgb> table(kSteps + 1);
        for (int i = 0; i <= kSteps; ++i) table[static_cast<std::size_t>(i)] = depthDarkening(kMaxDepthMm * i / kSteps);
        return table;
    }();
    const double step = std::clamp(depthMm / kMaxDepthMm, 0.0, 1.0) * kSteps;
    return kTable[static_cast<std::size_t>(step + 0.5)];
}

double dotSigmaMm(double diameterMm, double depthMm) {
    const double own = diameterMm / 2;
    const double scatter = kScatterBlurPerMm * depthMm;
    return std::sqrt(own * own + scatter * scatter);
}

HealingState healingAt(double day) {
    if (day <= kHealing[0].day) return kHealing[0].state;
    for (std::size_t i = 1; i < std::size(kHealing); ++i) {
        if (day <= kHealing[i].day) {
            const HealingKey& a = kHealing[i - 1];
            const HealingKey& b = kHealing[i];
            const double f = (day - a.day) / (b.day - a.day);
            return {a.state.sizeFactor + f * (b.state.sizeFactor - a.state.sizeFactor),
                    a.state.darkness + f * (b.state.darkness - a.state.darkness),
                    a.state.redness + f * (b.state.redness - a.state.redness)};
        }
    }
    return kHealing[std::size(kHealing) - 1].state;
}

Fading fadingAfter(double years) {
    return {det::exp(-years / kFadeYears), 0.01 * years, 1 - 0.02 * years};
}

double sessionStrength(int session, int sessionsShown) {
    return 1 - 0.12 * (sessionsShown - session);
}

}  // namespace smp
