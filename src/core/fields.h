// Fields over the head frame (mm): how dense the dots are and which way the hair grows.
// Zones blend smoothly into each other so no seam shows in the density.
#pragma once

#include <array>
#include <string>

#include "head_frame.h"
#include "result.h"

namespace smp {

// The crown (vertex) sits about 115 mm behind the mid-frontal point along the scalp.
constexpr Vec2 kCrownCentreMm{0, 115};

enum class Zone { FrontMid = 0, Crown = 1, Sides = 2, Back = 3 };
constexpr int kZoneCount = 4;
const char* zoneName(Zone zone);  // "front-mid", "crown", "sides", "back"

// Healed dots per cm² after the final session (smp-reference.md, "Density").
struct ZoneDensities {
    double frontMid = 90;
    double crown = 85;
    double sides = 60;
    double back = 80;
    double of(Zone zone) const;
};

using ZoneWeights = std::array<double, kZoneCount>;  // sum to 1

enum class Whorl { Clockwise, CounterClockwise };
const char* whorlName(Whorl whorl);  // "cw", "ccw"
Result<Whorl> parseWhorl(const std::string& name);

// Head geometry the zones are laid out from: the temple corners, in frame mm.
class ScalpFields {
public:
    ScalpFields(Vec2 leftCornerMm, Vec2 rightCornerMm, ZoneDensities densities, Whorl whorl);

    const ZoneDensities& densities() const { return densities_; }
    ZoneWeights zoneWeights(Vec2 mm) const;
    double density(Vec2 mm) const { return density(zoneWeights(mm)); }  // dots/cm², zones blended
    double density(const ZoneWeights& weights) const;
    // The zone whose weight is (almost) 1 here, or -1 in a blend between zones.
    int coreZone(Vec2 mm) const { return coreZone(zoneWeights(mm)); }
    static int coreZone(const ZoneWeights& weights);
    // Unit vector (frame mm) along which hair grows: forward (down the forehead) at the
    // front, down at the temples and sides, a whorl around the crown, down the back.
    Vec2 growthDirection(Vec2 mm) const;

private:
    Vec2 leftCorner_;
    Vec2 rightCorner_;
    ZoneDensities densities_;
    Whorl whorl_;
};

// Density factor across the hairline: 0 in front of the feather, a sparse floor of
// ~15 dots/cm² right at the line, then a smooth step to 1 over transitionMm behind it.
double hairlineRamp(double distanceBehindMm, double transitionMm, double frontFeatherMm,
                    double fullDensity);

// 0 below edge0, 1 above edge1, a smooth cubic between. Inline and branch-light: the
// mask evaluates it several times per pixel.
inline double smoothstep(double edge0, double edge1, double x) {
    double t = (x - edge0) / (edge1 - edge0);
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return t * t * (3 - 2 * t);
}

}  // namespace smp
