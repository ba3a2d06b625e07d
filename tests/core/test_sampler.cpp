// The sampler through the Simulator: dot densities match the targets per zone, dots
// keep a minimum spacing, their spectrum is blue (little low-frequency energy), and the
// dots at a lower density are exactly a subset of those at a higher one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>
#include <vector>

#include "blue_noise_tile.h"
#include "fields.h"
#include "random.h"
#include "sampler.h"
#include "simulator.h"
#include "support/scene.h"

namespace smp {
namespace {

constexpr double kPxPerMm = 2;
constexpr double kSessionShare[3] = {0.45, 0.8, 1.0};  // smp-reference.md, "Sessions"
// Tolerance of the measured density (the issue's ±7%).
constexpr double kDensityTolerance = 0.07;
// Zones smaller than this hold too few dots for a ±7% check.
constexpr double kMinZoneAreaCm2 = 5;

// Full scalp on a flat skin photo: the head ellipse fits in the photo, the forehead
// (10–30 mm below the mid-frontal point) too. Front-mid and sides have core area.
test::Scene fullScalpScene() { return test::levelScene(400, 300, kPxPerMm, {200, 200}); }

// A tall photo with the handles near the bottom: 200 mm of head above the mid-frontal
// point, so the crown (centred 115 mm up) and a strip of the back fit in. One brush dab
// covers the whole photo (Patch coverage), since the head ellipse of a front view ends
// ~85 mm up, short of the crown.
test::Scene tallScene() { return test::levelScene(400, 440, kPxPerMm, {200, 400}); }

void setUpFullScalp(Simulator& sim) {
    const test::Scene scene = fullScalpScene();
    test::setUp(sim, test::flatPhoto(scene.width, scene.height), scene);
}

void setUpPatch(Simulator& sim) {
    const test::Scene scene = tallScene();
    test::setUp(sim, test::flatPhoto(scene.width, scene.height), scene);
    ASSERT_TRUE(sim.setCoverage(Coverage::Patch).ok());
    ASSERT_TRUE(sim.addBrushStroke(test::dabCoveringPhoto(scene.width, scene.height)).ok());
}

HeadFrame frameOf(const test::Scene& scene) {
    return HeadFrame::fromHandles(scene.handles, scene.width, scene.height).value();
}

// Dots whose centre lies in the frame rectangle [lo, hi] (mm).
std::size_t countIn(const std::vector<DotRecord>& dots, const HeadFrame& frame, Vec2 lo, Vec2 hi) {
    std::size_t n = 0;
    for (const DotRecord& d : dots) {
        const Vec2 mm = frame.toFrame({d.xPx, d.yPx});
        if (mm.x >= lo.x && mm.x < hi.x && mm.y >= lo.y && mm.y < hi.y) ++n;
    }
    return n;
}

std::size_t countWithin(const std::vector<DotRecord>& dots, const HeadFrame& frame, Vec2 centre, double radius) {
    std::size_t n = 0;
    for (const DotRecord& d : dots) {
        if (length(frame.toFrame({d.xPx, d.yPx}) - centre) < radius) ++n;
    }
    return n;
}

struct DensityReport {
    double worst = 0;  // largest |measured/target − 1| over checked zones and settings
    std::array<bool, kZoneCount> checked{};
};

// For density multipliers 0.5/1/1.5 and sessions 1/2/3: each zone with core area has
// the target density (reference × multiplier × session share) within ±7%.
void checkZoneDensities(Simulator& sim, DensityReport& report) {
    const ZoneDensities reference;
    const double styleScale = findHairlineTemplate(sim.settings().templateId)->densityScale;
    for (double multiplier : {0.5, 1.0, 1.5}) {
        for (int sessions : {1, 2, 3}) {
            SCOPED_TRACE("density " + std::to_string(multiplier) + ", sessions " + std::to_string(sessions));
            ASSERT_TRUE(sim.setDensity(multiplier).ok());
            ASSERT_TRUE(sim.setSessions(sessions).ok());
            test::renderOrFail(sim);
            for (int z = 0; z < kZoneCount; ++z) {
                const ZoneStats& zone = sim.stats().zones[static_cast<std::size_t>(z)];
                const double expectedTarget = reference.of(static_cast<Zone>(z)) * styleScale * multiplier *
                                              kSessionShare[sessions - 1];
                EXPECT_NEAR(zone.targetPerCm2, expectedTarget, 1e-9 * expectedTarget) << zoneName(static_cast<Zone>(z));
                if (zone.areaCm2 < kMinZoneAreaCm2) continue;
                report.checked[static_cast<std::size_t>(z)] = true;
                const double error = zone.measuredPerCm2 / zone.targetPerCm2 - 1;
                report.worst = std::fmax(report.worst, std::fabs(error));
                EXPECT_LE(std::fabs(error), kDensityTolerance)
                    << zoneName(static_cast<Zone>(z)) << ": measured " << zone.measuredPerCm2 << "/cm² on "
                    << zone.areaCm2 << " cm², target " << zone.targetPerCm2;
            }
        }
    }
}

TEST(SamplerDensity, FullScalpZonesMeetTheirTargets) {
    Simulator sim;
    setUpFullScalp(sim);
    DensityReport report;
    checkZoneDensities(sim, report);
    EXPECT_TRUE(report.checked[static_cast<std::size_t>(Zone::FrontMid)]);
    EXPECT_TRUE(report.checked[static_cast<std::size_t>(Zone::Sides)]);
    const auto& zones = sim.stats().zones;
    std::printf("[ measured ] full scalp: worst zone density error %.2f%% (core areas front-mid %.0f, sides %.0f cm²)\n",
                100 * report.worst, zones[0].areaCm2, zones[2].areaCm2);
}

TEST(SamplerDensity, PatchOverTheWholeHeadReachesTheCrown) {
    Simulator sim;
    setUpPatch(sim);
    DensityReport report;
    checkZoneDensities(sim, report);
    EXPECT_TRUE(report.checked[static_cast<std::size_t>(Zone::FrontMid)]);
    EXPECT_TRUE(report.checked[static_cast<std::size_t>(Zone::Sides)]);
    EXPECT_TRUE(report.checked[static_cast<std::size_t>(Zone::Crown)]);
    EXPECT_GT(sim.stats().zones[static_cast<std::size_t>(Zone::Crown)].areaCm2, 30);
    const auto& zones = sim.stats().zones;
    std::printf("[ measured ] patch: worst zone density error %.2f%% (core areas front-mid %.0f, crown %.0f, sides %.0f, "
                "back %.0f cm²)\n",
                100 * report.worst, zones[0].areaCm2, zones[1].areaCm2, zones[2].areaCm2, zones[3].areaCm2);
}

// The same check without the simulator's own bookkeeping: count the drawn dots in
// regions chosen by hand well inside one zone.
TEST(SamplerDensity, DotsCountedByHandMatchTheReferenceDensities) {
    double worst = 0;
    {
        Simulator sim;
        setUpFullScalp(sim);
        const HeadFrame frame = frameOf(fullScalpScene());
        // Front-mid, behind the soft style's 12 mm ramp, inside the head ellipse.
        const Vec2 lo{-35, 25}, hi{35, 70};
        const double areaCm2 = (hi.x - lo.x) * (hi.y - lo.y) / 100;
        for (double m : {0.5, 1.0, 1.5}) {
            ASSERT_TRUE(sim.setDensity(m).ok());
            test::renderOrFail(sim);
            const double measured = static_cast<double>(countIn(sim.dots(), frame, lo, hi)) / areaCm2;
            const double error = measured / (90 * m) - 1;
            worst = std::fmax(worst, std::fabs(error));
            EXPECT_LE(std::fabs(error), kDensityTolerance) << "front-mid at ×" << m << ": " << measured << "/cm²";
        }
    }
    {
        Simulator sim;
        setUpPatch(sim);
        const HeadFrame frame = frameOf(tallScene());
        const double radius = 35;  // the crown zone is pure within 40 mm of its centre
        const double areaCm2 = 3.14159265358979 * radius * radius / 100;
        for (double m : {0.5, 1.0, 1.5}) {
            ASSERT_TRUE(sim.setDensity(m).ok());
            test::renderOrFail(sim);
            const double measured =
                static_cast<double>(countWithin(sim.dots(), frame, kCrownCentreMm, radius)) / areaCm2;
            const double error = measured / (85 * m) - 1;
            worst = std::fmax(worst, std::fabs(error));
            EXPECT_LE(std::fabs(error), kDensityTolerance) << "crown at ×" << m << ": " << measured << "/cm²";
        }
    }
    std::printf("[ measured ] hand-counted: worst density error %.2f%%\n", 100 * worst);
}

// Nearest-neighbour distance of each query point among `points` (excluding itself),
// with a bucket grid of cell `cell`.
std::vector<double> nearestNeighbourDistances(const std::vector<Vec2>& points, const std::vector<std::size_t>& queries,
                                              double cell) {
    double minX = INFINITY, minY = INFINITY, maxX = -INFINITY, maxY = -INFINITY;
    for (const Vec2& p : points) {
        minX = std::fmin(minX, p.x);
        minY = std::fmin(minY, p.y);
        maxX = std::fmax(maxX, p.x);
        maxY = std::fmax(maxY, p.y);
    }
    const int nx = static_cast<int>((maxX - minX) / cell) + 1;
    const int ny = static_cast<int>((maxY - minY) / cell) + 1;
    std::vector<std::vector<std::size_t>> grid(static_cast<std::size_t>(nx * ny));
    const auto cellOf = [&](Vec2 p) {
        return std::pair<int, int>{static_cast<int>((p.x - minX) / cell), static_cast<int>((p.y - minY) / cell)};
    };
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto [cx, cy] = cellOf(points[i]);
        grid[static_cast<std::size_t>(cy * nx + cx)].push_back(i);
    }
    std::vector<double> result;
    for (std::size_t q : queries) {
        const auto [cx, cy] = cellOf(points[q]);
        double best = INFINITY;
        for (int y = std::max(0, cy - 2); y <= std::min(ny - 1, cy + 2); ++y) {
            for (int x = std::max(0, cx - 2); x <= std::min(nx - 1, cx + 2); ++x) {
                for (std::size_t i : grid[static_cast<std::size_t>(y * nx + x)]) {
                    if (i != q) best = std::fmin(best, length(points[i] - points[q]));
                }
            }
        }
        result.push_back(best);
    }
    return result;
}

TEST(SamplerSpacing, NearestNeighboursKeepTheirDistance) {
    Simulator sim;
    setUpPatch(sim);
    test::renderOrFail(sim);  // density 1, three sessions: 90 dots/cm² in front-mid
    const HeadFrame frame = frameOf(tallScene());
    const double pxPerMm = sim.stats().pxPerMm;
    ASSERT_NEAR(pxPerMm, kPxPerMm, 1e-12);

    std::vector<Vec2> points;  // every drawn dot, mm
    std::vector<std::size_t> queries;  // those in a front-mid core window
    for (const DotRecord& d : sim.dots()) {
        const Vec2 mm = frame.toFrame({d.xPx, d.yPx});
        points.push_back((1 / pxPerMm) * Vec2{d.xPx, d.yPx});
        // Front-mid core: inside the temple corners' 0.9 (42.75 mm), 60+ mm from the crown.
        if (std::fabs(mm.x) < 35 && mm.y > -15 && mm.y < 50) queries.push_back(points.size() - 1);
    }
    ASSERT_GT(queries.size(), 3000u);
    const double spacing = 1 / std::sqrt(90.0 / 100);  // mm at 90 dots/cm² (0.9/mm²)
    EXPECT_NEAR(spacing, 1.054, 1e-3);
    std::vector<double> ratios;
    for (double d : nearestNeighbourDistances(points, queries, spacing)) ratios.push_back(d / spacing);
    std::sort(ratios.begin(), ratios.end());
    const std::size_t firstPercentile = ratios.size() / 100;
    // At least 99% of the dots have no neighbour closer than 0.6 × the target spacing.
    EXPECT_GE(ratios[firstPercentile], 0.6);
    // And no clumps at all: the closest pair is still well apart (a dot never doubles up).
    EXPECT_GT(ratios.front(), 0.3);
    std::printf("[ measured ] %zu dots: nearest neighbour / spacing: min %.3f, 1st percentile %.3f, median %.3f\n",
                ratios.size(), ratios.front(), ratios[firstPercentile], ratios[ratios.size() / 2]);
}

// Periodogram of points on a torus of side L: P(k) = |Σ exp(−2πi k·x/L)|² / N for
// integer wave vectors k. Returns the mean of P over |k|/L in [lo, hi) (cycles/mm).
// P(−k) = P(k), so half the plane suffices.
class Periodogram {
public:
    Periodogram(const std::vector<Vec2>& points, double side, double maxFrequency) : side_(side) {
        kMax_ = static_cast<int>(std::ceil(maxFrequency * side));
        for (int ky = 0; ky <= kMax_; ++ky) {
            for (int kx = -kMax_; kx <= kMax_; ++kx) {
                if (ky == 0 && kx <= 0) continue;
                if (kx * kx + ky * ky > kMax_ * kMax_) continue;
                waves_.push_back({kx, ky});
            }
        }
        // Plain doubles rather than std::complex: several times faster in the
        // unoptimised sanitizer build.
        const std::size_t n = static_cast<std::size_t>(2 * kMax_ + 1);
        std::vector<double> sumRe(waves_.size()), sumIm(waves_.size());
        std::vector<double> exRe(n), exIm(n), eyRe(n), eyIm(n);  // e^(−2πi k x/L), k = −kMax…kMax
        const std::size_t mid = static_cast<std::size_t>(kMax_);
        constexpr double kTwoPi = 6.283185307179586;
        for (const Vec2& p : points) {
            const double ax = -kTwoPi * p.x / side, ay = -kTwoPi * p.y / side;
            exRe[mid] = eyRe[mid] = 1;
            exIm[mid] = eyIm[mid] = 0;
            for (std::size_t k = 1; k <= mid; ++k) {
                // Direct, not by recurrence: no error build-up over ~100 steps.
                const double kd = static_cast<double>(k);
                exRe[mid + k] = exRe[mid - k] = std::cos(kd * ax);
                exIm[mid + k] = std::sin(kd * ax);
                exIm[mid - k] = -exIm[mid + k];
                eyRe[mid + k] = eyRe[mid - k] = std::cos(kd * ay);
                eyIm[mid + k] = std::sin(kd * ay);
                eyIm[mid - k] = -eyIm[mid + k];
            }
            for (std::size_t w = 0; w < waves_.size(); ++w) {
                const std::size_t i = static_cast<std::size_t>(waves_[w].first + kMax_);
                const std::size_t j = mid + static_cast<std::size_t>(waves_[w].second);
                sumRe[w] += exRe[i] * eyRe[j] - exIm[i] * eyIm[j];
                sumIm[w] += exRe[i] * eyIm[j] + exIm[i] * eyRe[j];
            }
        }
        for (std::size_t w = 0; w < waves_.size(); ++w) {
            power_.push_back((sumRe[w] * sumRe[w] + sumIm[w] * sumIm[w]) / static_cast<double>(points.size()));
        }
    }

    double meanPower(double lo, double hi) const {
        double sum = 0;
        int count = 0;
        for (std::size_t w = 0; w < waves_.size(); ++w) {
            const double f = std::hypot(waves_[w].first, waves_[w].second) / side_;
            if (f < lo || f >= hi) continue;
            sum += power_[w];
            ++count;
        }
        return count ? sum / count : NAN;
    }

private:
    double side_;
    int kMax_ = 0;
    std::vector<std::pair<int, int>> waves_;
    std::vector<double> power_;
};

// Blue noise: mean power below half the principal frequency (1/spacing) against the
// plateau at 1.5–2.5× it, where any set of distinct points sits at P ≈ 1. White noise
// is flat: ratio ≈ 1, each P(k) exponentially distributed, so the mean over the few
// hundred low-band wave vectors scatters by ±5%. Good blue noise suppresses the low
// band by an order of magnitude (Mitchell's best candidate: ~0.1). 0.25 sits between
// the two with a wide margin either way; clumps or a grid-free but uneven spread
// (e.g. a sampler keeping random rather than ranked tile points) push it towards 1.
constexpr double kMaxLowToPlateau = 0.25;

double lowToPlateauRatio(const std::vector<Vec2>& points, double side, double spacing) {
    const double principal = 1 / spacing;
    const Periodogram spectrum(points, side, 2.5 * principal);
    const double low = spectrum.meanPower(0, 0.5 * principal);
    const double plateau = spectrum.meanPower(1.5 * principal, 2.5 * principal);
    return low / plateau;
}

TEST(SamplerBlueNoise, TilePrefixIsBlueAndWhiteNoiseIsNot) {
    const BlueNoiseTile& tile = BlueNoiseTile::standard();
    const double side = tile.sideMm();
    ASSERT_EQ(tile.points().size(), 2600u);
    ASSERT_GE(tile.maxDensity(), kMaxDensityMultiplier * 90);  // room for front-mid at ×1.5
    for (double density : {40.0, 90.0}) {  // dots/cm²: a low setting and the front-mid target
        const std::size_t n = static_cast<std::size_t>(density * tile.areaCm2());
        const std::vector<Vec2> prefix(tile.points().begin(), tile.points().begin() + static_cast<std::ptrdiff_t>(n));
        const double spacing = 1 / std::sqrt(density / 100);
        const double blue = lowToPlateauRatio(prefix, side, spacing);

        Random random(static_cast<std::uint64_t>(density));
        std::vector<Vec2> white;
        for (std::size_t i = 0; i < n; ++i) white.push_back({random.uniform() * side, random.uniform() * side});
        const double whiteRatio = lowToPlateauRatio(white, side, spacing);

        EXPECT_LT(blue, kMaxLowToPlateau) << density << " dots/cm²";
        EXPECT_GT(whiteRatio, kMaxLowToPlateau) << "the check must reject white noise";
        std::printf("[ measured ] tile prefix at %.0f/cm² (%zu points): low/plateau power %.3f (white noise %.3f)\n",
                    density, n, blue, whiteRatio);
    }
}

// The drawn dots, not just the tile: a 40 mm window of front-mid dots, treated as a
// torus of its own size. Points meeting across the window's seam were not placed
// against each other, which adds a little low-frequency power; the threshold holds.
TEST(SamplerBlueNoise, DrawnDotsAreBlue) {
    Simulator sim;
    setUpPatch(sim);
    test::renderOrFail(sim);
    const HeadFrame frame = frameOf(tallScene());
    const Vec2 lo{-20, 0};
    constexpr double kSide = 40;
    std::vector<Vec2> window;
    for (const DotRecord& d : sim.dots()) {
        const Vec2 mm = frame.toFrame({d.xPx, d.yPx}) - lo;
        if (mm.x >= 0 && mm.x < kSide && mm.y >= 0 && mm.y < kSide) window.push_back(mm);
    }
    ASSERT_GT(window.size(), 1200u);
    const double spacing = 1 / std::sqrt(0.9);
    const double blue = lowToPlateauRatio(window, kSide, spacing);

    Random random(99);
    std::vector<Vec2> white;
    for (std::size_t i = 0; i < window.size(); ++i) white.push_back({random.uniform() * kSide, random.uniform() * kSide});
    const double whiteRatio = lowToPlateauRatio(white, kSide, spacing);
    EXPECT_LT(blue, kMaxLowToPlateau);
    EXPECT_GT(whiteRatio, kMaxLowToPlateau);
    std::printf("[ measured ] drawn dots (%zu in 40 mm window): low/plateau power %.3f (white noise %.3f)\n",
                window.size(), blue, whiteRatio);
}

using DotKey = std::pair<double, double>;

std::set<DotKey> positions(const std::vector<DotRecord>& dots) {
    std::set<DotKey> set;
    for (const DotRecord& d : dots) set.insert({d.xPx, d.yPx});
    return set;
}

TEST(SamplerNesting, RaisingTheDensityOnlyAddsDots) {
    Simulator sim;
    setUpFullScalp(sim);
    const std::vector<double> multipliers = {0.3, 0.5, 0.8, 1.0, 1.2, 1.5};
    test::renderOrFail(sim);
    std::vector<std::vector<DotRecord>> dotsAt;
    for (double m : multipliers) {
        ASSERT_TRUE(sim.setDensity(m).ok());
        test::renderOrFail(sim);
        dotsAt.push_back(sim.dots());
        // A density change only re-selects: the candidates are not rebuilt.
        EXPECT_EQ(sim.stats().stageMs[static_cast<std::size_t>(Stage::Candidates)], 0.0);
    }
    for (std::size_t a = 0; a < multipliers.size(); ++a) {
        for (std::size_t b = a + 1; b < multipliers.size(); ++b) {
            const std::set<DotKey> lower = positions(dotsAt[a]);
            const std::set<DotKey> higher = positions(dotsAt[b]);
            EXPECT_EQ(lower.size(), dotsAt[a].size()) << "two dots at the same place";
            EXPECT_GT(higher.size(), lower.size()) << multipliers[a] << " → " << multipliers[b];
            EXPECT_TRUE(std::includes(higher.begin(), higher.end(), lower.begin(), lower.end()))
                << "a dot at density " << multipliers[a] << " is missing or moved at " << multipliers[b];
        }
    }
    // Dots keep their size, depth and angle too: the same dot, not a new one in its place.
    std::vector<DotRecord> low = dotsAt.front(), high = dotsAt.back();
    const auto byPosition = [](const DotRecord& p, const DotRecord& q) {
        return p.xPx != q.xPx ? p.xPx < q.xPx : p.yPx < q.yPx;
    };
    std::sort(low.begin(), low.end(), byPosition);
    std::sort(high.begin(), high.end(), byPosition);
    std::size_t j = 0;
    for (const DotRecord& d : low) {
        while (j < high.size() && byPosition(high[j], d)) ++j;
        ASSERT_LT(j, high.size());
        EXPECT_EQ(high[j].diameterMm, d.diameterMm);
        EXPECT_EQ(high[j].depthMm, d.depthMm);
        EXPECT_EQ(high[j].angleDeg, d.angleDeg);
    }
}

}  // namespace
}  // namespace smp
