#include "sampler.h"

#include <algorithm>
#include <cmath>

#include "blue_noise_tile.h"
#include "det_math.h"
#include "random.h"

namespace smp {
namespace {

// Log-normal healed diameter: median 0.16 mm, 5–95% range 0.09–0.28 mm
// (σ of the log = ln(0.28/0.16)/1.645); transition-zone dots have median 0.12 mm.
constexpr double kMedianDiameterMm = 0.16;
constexpr double kTransitionMedianDiameterMm = 0.12;
constexpr double kLogDiameterSigma = 0.345;
constexpr double kMeanDepthMm = 0.15;
constexpr double kDepthSigmaMm = 0.04;
constexpr double kMinDepthMm = 0.08;
constexpr double kMaxDepthMm = 0.6;
constexpr double kAngleJitterRad = 8 * det::kPi / 180;
// Where the mask covers less than this, no dot: its ink would fade to a quarter or less
// (render fades it by the coverage), a smudge rather than a dot, and such points lie in
// the mask's outer soft edge, 1–2 mm past its half line, which on a blurred silhouette is
// already background (parmitano's wall).
constexpr double kMinDotCoverage = 0.25;

struct Rotation {
    double c, s;
    Vec2 apply(Vec2 v) const { return {c * v.x - s * v.y, s * v.x + c * v.y}; }
    Vec2 invert(Vec2 v) const { return {c * v.x + s * v.y, -s * v.x + c * v.y}; }
};

double coverageScale(Coverage coverage) {
    return coverage == Coverage::DensityFill ? kDensityFillDensityScale : 1.0;
}

bool followsHairline(Coverage coverage) {
    return coverage == Coverage::FullScalp || coverage == Coverage::DensityFill;
}

// Fraction of the way through the hairline's transition zone (1 off the hairline).
double transitionProgress(const SamplingInputs& in, double distanceBehindMm) {
    return followsHairline(in.coverage) ? smoothstep(0, in.transitionMm, distanceBehindMm) : 1.0;
}

DotCandidate makeCandidate(const SamplingInputs& in, Vec2 mm, Vec2 px, double progress,
                           double distanceBehindMm, std::uint64_t id) {
    Random random(hashCombine(in.seed, id));
    DotCandidate dot{};
    dot.xPx = static_cast<float>(px.x);
    dot.yPx = static_cast<float>(px.y);
    const double median = kTransitionMedianDiameterMm + (kMedianDiameterMm - kTransitionMedianDiameterMm) * progress;
    dot.diameterMm = static_cast<float>(std::clamp(median * det::exp(kLogDiameterSigma * random.normal()), 0.05, 0.45));
    dot.aspect = static_cast<float>(random.uniform(1.0, 1.3));
    const Vec2 growth = in.fields.growthDirection(mm);
    const double jitter = kAngleJitterRad * random.normal();
    const Rotation turn{det::cos(jitter), det::sin(jitter)};
    const Vec2 onPhoto = in.frame.directionToPhoto(turn.apply(growth));
    const double len = length(onPhoto);
    dot.dirX = static_cast<float>(onPhoto.x / len);
    dot.dirY = static_cast<float>(onPhoto.y / len);
    dot.depthMm = static_cast<float>(std::clamp(kMeanDepthMm + kDepthSigmaMm * random.normal(), kMinDepthMm, kMaxDepthMm));
    const double scale = in.coverage == Coverage::DensityFill ? kDensityFillStrengthScale : 1.0;
    dot.strength = static_cast<float>(std::clamp(1 + 0.12 * random.normal(), 0.6, 1.4) * (0.7 + 0.3 * progress) * scale);
    // Only a drawn hairline has the first session's set-back; a patch or the crown area
    // ignores the hairline, so its dots are never held back for it.
    dot.hairlineDistanceMm = followsHairline(in.coverage) ? static_cast<float>(distanceBehindMm) : INFINITY;
    dot.id = id;
    return dot;
}

}  // namespace

CandidateSet sampleCandidates(const SamplingInputs& in) {
    CandidateSet set;
    const double scale = in.style.densityScale * coverageScale(in.coverage);
    for (int z = 0; z < kZoneCount; ++z) {
        set.zoneDensity[static_cast<std::size_t>(z)] = in.fields.densities().of(static_cast<Zone>(z)) * scale;
    }
    const TreatmentMask& mask = in.mask;
    if (mask.bounds.empty()) return set;

    const BlueNoiseTile& tile = BlueNoiseTile::standard();
    const double side = tile.sideMm();
    // The seed turns and shifts the tiling, so each seed gives different dots.
    Random placement(hashCombine(in.seed, 0x54494C45));  // "TILE"
    const double angle = 2 * det::kPi * placement.uniform();
    const Rotation rotation{det::cos(angle), det::sin(angle)};
    const Vec2 offset{placement.uniform() * side, placement.uniform() * side};

    // Tile copies covering the mask's bounds: pixels → frame mm → tile coordinates.
    double lo[2] = {INFINITY, INFINITY}, hi[2] = {-INFINITY, -INFINITY};
    const PixelBox& b = mask.bounds;
    for (const Vec2 corner : {Vec2{double(b.x0), double(b.y0)}, Vec2{double(b.x1), double(b.y0)},
                              Vec2{double(b.x0), double(b.y1)}, Vec2{double(b.x1), double(b.y1)}}) {
        const Vec2 t = rotation.invert(in.frame.toFrame(corner)) + offset;
        lo[0] = std::fmin(lo[0], t.x);
        lo[1] = std::fmin(lo[1], t.y);
        hi[0] = std::fmax(hi[0], t.x);
        hi[1] = std::fmax(hi[1], t.y);
    }
    const int i0 = static_cast<int>(std::floor(lo[0] / side));
    const int i1 = static_cast<int>(std::floor(hi[0] / side));
    const int j0 = static_cast<int>(std::floor(lo[1] / side));
    const int j1 = static_cast<int>(std::floor(hi[1] / side));
    const double areaCm2 = tile.areaCm2();
    const std::vector<Vec2>& points = tile.points();

    for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
            const Vec2 copyOrigin{i * side - offset.x, j * side - offset.y};
            const std::uint64_t copyId = (static_cast<std::uint64_t>(i & 0xFFFFF) << 20) |
                                         static_cast<std::uint64_t>(j & 0xFFFFF);
            for (std::size_t rank = 0; rank < points.size(); ++rank) {
                const Vec2 mm = rotation.apply(copyOrigin + points[rank]);
                const Vec2 px = in.frame.toPhoto(mm);
                if (px.x < b.x0 || px.y < b.y0 || px.x >= b.x1 || px.y >= b.y1) continue;
                const int x = static_cast<int>(px.x);
                const int y = static_cast<int>(px.y);
                const double coverage = mask.coverageAt(x, y);
                if (coverage < kMinDotCoverage) continue;
                const ZoneWeights zones = in.fields.zoneWeights(mm);
                const double zoneDensity = in.fields.density(zones) * scale;
                const double behind = in.hairline.distanceBehind(mm);
                const double hairlineFree = mask.hairlineFreeAt(x, y);
                double ramp = 1;
                if (followsHairline(in.coverage)) {
                    ramp = std::max(hairlineRamp(behind, in.transitionMm, in.style.frontFeatherMm, zoneDensity),
                                    hairlineFree);
                }
                // Soft edges thin the dots only at the very rim; the ink fades across it.
                const double density = zoneDensity * ramp * std::fmin(1.0, 2 * coverage);
                if (density <= 0) continue;
                const double key = (static_cast<double>(rank) + 0.5) / (density * areaCm2);
                if (key >= kMaxDensityMultiplier) continue;
                const double progress = std::max(transitionProgress(in, behind), hairlineFree);
                DotCandidate dot = makeCandidate(in, mm, px, progress, behind,
                                                 (static_cast<std::uint64_t>(rank) << 40) | copyId);
                dot.key = static_cast<float>(key);
                const bool exactDensity = coverage >= 1 && (!followsHairline(in.coverage) || behind >= in.transitionMm);
                dot.coreZone = static_cast<std::int8_t>(exactDensity ? ScalpFields::coreZone(zones) : -1);
                set.candidates.push_back(dot);
            }
        }
    }
    std::sort(set.candidates.begin(), set.candidates.end(), [](const DotCandidate& a, const DotCandidate& c) {
        return a.key != c.key ? a.key < c.key : a.id < c.id;
    });

    return set;
}

std::array<double, kZoneCount> measureCoreAreas(const SamplingInputs& in) {
    std::array<double, kZoneCount> areas{};
    const TreatmentMask& mask = in.mask;
    const PixelBox& b = mask.bounds;
    if (b.empty()) return areas;
    Vec2 frameLo{INFINITY, INFINITY}, frameHi{-INFINITY, -INFINITY};
    for (const Vec2 corner : {Vec2{double(b.x0), double(b.y0)}, Vec2{double(b.x1), double(b.y0)},
                              Vec2{double(b.x0), double(b.y1)}, Vec2{double(b.x1), double(b.y1)}}) {
        const Vec2 mm = in.frame.toFrame(corner);
        frameLo = {std::fmin(frameLo.x, mm.x), std::fmin(frameLo.y, mm.y)};
        frameHi = {std::fmax(frameHi.x, mm.x), std::fmax(frameHi.y, mm.y)};
    }
    constexpr double kAreaLatticeMm = 0.5;
    constexpr double kCm2PerSample = kAreaLatticeMm * kAreaLatticeMm / 100;
    for (double y = std::floor(frameLo.y) + 0.5; y < frameHi.y; y += kAreaLatticeMm) {
        for (double x = std::floor(frameLo.x) + 0.5; x < frameHi.x; x += kAreaLatticeMm) {
            const Vec2 mm{x, y};
            const Vec2 px = in.frame.toPhoto(mm);
            if (px.x < b.x0 || px.y < b.y0 || px.x >= b.x1 || px.y >= b.y1) continue;
            if (mask.coverageAt(static_cast<int>(px.x), static_cast<int>(px.y)) < 1) continue;
            if (followsHairline(in.coverage) && in.hairline.distanceBehind(mm) < in.transitionMm) continue;
            const int zone = in.fields.coreZone(mm);
            if (zone >= 0) areas[static_cast<std::size_t>(zone)] += kCm2PerSample;
        }
    }
    return areas;
}

std::size_t keptCount(const CandidateSet& set, double densityMultiplier) {
    const auto end = std::lower_bound(
        set.candidates.begin(), set.candidates.end(), static_cast<float>(densityMultiplier),
        [](const DotCandidate& dot, float m) { return dot.key < m; });
    return static_cast<std::size_t>(end - set.candidates.begin());
}

}  // namespace smp
