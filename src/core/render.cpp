#include "render.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "color.h"
#include "det_math.h"

namespace smp {
namespace {

// A dot's profile: a sharp Gaussian core plus a faint halo three times as wide: light
// scattered sideways in the dermis. The halo is what gives a treated scalp its even
// "shaved shadow" between the dots instead of specks on bare skin.
constexpr double kHaloWidth = 3;
constexpr double kHaloStrength = 0.15;
// q = (u/σ)² + (v/σ)² in core units; the profile is cut where the halo reaches 2.5σ
// (under 1% of the core's peak).
constexpr double kCutoffSigmas = 2.5 * kHaloWidth;
constexpr double kCutoffQ = kCutoffSigmas * kCutoffSigmas;
constexpr int kProfileSteps = 4096;
// A dot narrower than this (px) is widened, with its ink kept, so tiny dots at preview
// scale still add the right amount of shade instead of vanishing between pixel centres.
constexpr double kMinSigmaPx = 0.75;
// Never darker than this: keeps a hint of the skin's texture under overlapping dots.
constexpr float kMaxDarkening = 0.97f;
// The fresh red flush follows the worked skin: full where dots (with their halos) are
// dense, fading with them through the hairline's transition, none on untouched skin.
constexpr float kFlushPerInk = 10;

// The profile over q in [0, kCutoffQ), then zeros up to twice that: the corners of a
// dot's square footprint (q up to 2·kCutoffQ) read 0 without a branch.
const std::array<float, 2 * kProfileSteps + 1>& profileTable() {
    static const std::array<float, 2 * kProfileSteps + 1> kTable = [] {
        std::array<float, 2 * kProfileSteps + 1> t{};
        for (int i = 0; i < kProfileSteps; ++i) {
            const double q = kCutoffQ * i / kProfileSteps;
            t[static_cast<std::size_t>(i)] = static_cast<float>(
                det::exp(-0.5 * q) + kHaloStrength * det::exp(-0.5 * q / (kHaloWidth * kHaloWidth)));
        }
        return t;
    }();
    return kTable;
}

}  // namespace

void InkLayer::reset(const PixelBox& region) {
    region_ = region;
    const std::size_t size = region.empty() ? 0
                                            : static_cast<std::size_t>(region.x1 - region.x0) *
                                                  static_cast<std::size_t>(region.y1 - region.y0);
    for (auto& plane : planes_) plane.assign(size, 0.0f);
    bounds_ = {};
}

void InkLayer::clear() {
    if (bounds_.empty()) return;
    for (auto& plane : planes_) {
        for (int y = bounds_.y0; y < bounds_.y1; ++y) {
            float* row = plane.data() + index(bounds_.x0, y);
            std::fill(row, row + (bounds_.x1 - bounds_.x0), 0.0f);
        }
    }
    bounds_ = {};
}

void InkLayer::include(const PixelBox& box) { bounds_ = unite(bounds_, box); }

void splatDots(const CandidateSet& set, std::size_t count, const std::vector<std::uint8_t>& sessions,
               const SplatSettings& settings, InkLayer& ink) {
    const auto& profile = profileTable();
    const float tableScale = static_cast<float>(kProfileSteps / kCutoffQ);
    const float maxIndex = static_cast<float>(2 * kProfileSteps);
    float* planes[3] = {ink.plane(0), ink.plane(1), ink.plane(2)};
    const PixelBox region = ink.region();
    PixelBox touched;
    for (std::size_t i = 0; i < count; ++i) {
        const int session = sessions[i];
        if (session == 0) continue;
        const DotCandidate& dot = set.candidates[i];
        const double depth = dot.depthMm;
        const double healedSigma = dotSigmaMm(dot.diameterMm * settings.healing.sizeFactor, depth);
        const double sigma = healedSigma + settings.fading.extraBlurMm;
        // The peak is the layer's darkening c(z) (which already falls with depth);
        // scattering spreads it wider. The years' blur only spreads the pigment that is
        // left (its area grows, its peak falls): it adds none.
        const double spread = healedSigma / sigma;
        double amplitude = dot.strength * settings.healing.darkness * settings.fading.strength *
                           sessionStrength(session, settings.sessionsShown) * spread * spread;
        const double stretch = std::sqrt(static_cast<double>(dot.aspect));
        double sigmaLong = sigma * stretch * settings.pxPerMm;
        double sigmaShort = sigma / stretch * settings.pxPerMm;
        if (sigmaLong < kMinSigmaPx) {
            amplitude *= sigmaLong / kMinSigmaPx;
            sigmaLong = kMinSigmaPx;
        }
        if (sigmaShort < kMinSigmaPx) {
            amplitude *= sigmaShort / kMinSigmaPx;
            sigmaShort = kMinSigmaPx;
        }
        const Rgb& c = depthDarkeningLookup(depth);
        const float amp[3] = {static_cast<float>(amplitude * c[0]), static_cast<float>(amplitude * c[1]),
                              static_cast<float>(amplitude * c[2] * settings.fading.blueFactor)};
        const float invLong2 = static_cast<float>(1 / (sigmaLong * sigmaLong));
        const float invShort2 = static_cast<float>(1 / (sigmaShort * sigmaShort));
        const double reach = kCutoffSigmas * sigmaLong;
        const int x0 = std::max(region.x0, static_cast<int>(std::floor(dot.xPx - reach)));
        const int x1 = std::min(region.x1, static_cast<int>(std::ceil(dot.xPx + reach)) + 1);
        const int y0 = std::max(region.y0, static_cast<int>(std::floor(dot.yPx - reach)));
        const int y1 = std::min(region.y1, static_cast<int>(std::ceil(dot.yPx + reach)) + 1);
        if (x0 >= x1 || y0 >= y1) continue;
        for (int y = y0; y < y1; ++y) {
            const float dy = static_cast<float>(y) + 0.5f - dot.yPx;
            const std::size_t rowStart = ink.index(x0, y);
            for (int x = x0; x < x1; ++x) {
                const float dx = static_cast<float>(x) + 0.5f - dot.xPx;
                const float u = dx * dot.dirX + dy * dot.dirY;   // along the growth direction
                const float v = -dx * dot.dirY + dy * dot.dirX;  // across it
                const float q = u * u * invLong2 + v * v * invShort2;
                const float w = profile[static_cast<std::size_t>(std::min(q * tableScale, maxIndex))];
                const std::size_t at = rowStart + static_cast<std::size_t>(x - x0);
                planes[0][at] += amp[0] * w;
                planes[1][at] += amp[1] * w;
                planes[2][at] += amp[2] * w;
            }
        }
        touched = unite(touched, PixelBox{x0, y0, x1, y1});
    }
    ink.include(touched);
}

namespace {

void copyBox(const Image& from, Image& to, const PixelBox& box) {
    if (box.empty()) return;
    const std::size_t rowBytes = static_cast<std::size_t>(from.width()) * Image::kChannels;
    const std::size_t offset = static_cast<std::size_t>(box.x0) * Image::kChannels;
    const std::size_t bytes = static_cast<std::size_t>(box.x1 - box.x0) * Image::kChannels;
    for (int y = box.y0; y < box.y1; ++y) {
        const std::size_t row = static_cast<std::size_t>(y) * rowBytes + offset;
        std::memcpy(to.data() + row, from.data() + row, bytes);
    }
}

}  // namespace

void composite(const Image& photo, const InkLayer& ink, const TreatmentMask& mask,
               const CompositeSettings& settings, Image& out, PixelBox& written) {
    const int width = photo.width();
    const std::size_t rowBytes = static_cast<std::size_t>(width) * Image::kChannels;
    // Only where there is ink can anything change (the flush follows the ink);
    // everything else is a copy of the photo.
    PixelBox area = ink.bounds();
    area.x0 = std::max(area.x0, settings.splitX);
    copyBox(photo, out, written);
    written = area;
    if (area.empty()) return;
    const ColorTables& tables = colorTables();
    const float strength[3] = {static_cast<float>(settings.pigment.strength[0]),
                               static_cast<float>(settings.pigment.strength[1]),
                               static_cast<float>(settings.pigment.strength[2])};
    const float redness = static_cast<float>(settings.redness);
    const float* inkPlanes[3] = {ink.plane(0), ink.plane(1), ink.plane(2)};
    for (int y = area.y0; y < area.y1; ++y) {
        const std::size_t maskRow = static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        const std::size_t inkRowStart = ink.index(area.x0, y);
        const std::uint8_t* src = photo.data() + static_cast<std::size_t>(y) * rowBytes;
        std::uint8_t* dst = out.data() + static_cast<std::size_t>(y) * rowBytes;
        for (int x = area.x0; x < area.x1; ++x) {
            const std::uint8_t cover = mask.coverage[maskRow + static_cast<std::size_t>(x)];
            if (cover == 0) continue;  // never touched: stays a byte-exact copy
            const float c = cover * (1.0f / 255.0f);
            const std::size_t at = inkRowStart + static_cast<std::size_t>(x - area.x0);
            const std::uint8_t* s = src + static_cast<std::size_t>(x) * Image::kChannels;
            std::uint8_t* d = dst + static_cast<std::size_t>(x) * Image::kChannels;
            const float inkR = inkPlanes[0][at];
            if (inkR <= 0) continue;
            const float flush = 1 + redness * c * std::min(1.0f, kFlushPerInk * inkR);
            const float keep[3] = {1 - std::min(kMaxDarkening, strength[0] * inkR * c),
                                   1 - std::min(kMaxDarkening, strength[1] * inkPlanes[1][at] * c),
                                   1 - std::min(kMaxDarkening, strength[2] * inkPlanes[2][at] * c)};
            d[0] = tables.encode(tables.toLinear[s[0]] * keep[0] * flush);
            d[1] = tables.encode(tables.toLinear[s[1]] * keep[1]);
            d[2] = tables.encode(tables.toLinear[s[2]] * keep[2]);
        }
    }
}

}  // namespace smp
