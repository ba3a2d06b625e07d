#include "fields.h"

#include <cmath>

namespace smp {
namespace {

constexpr double kCrownRadiusMm = 40;
constexpr double kCrownBlendMm = 20;
constexpr double kBackStartMm = 165;
// Sparse hairs right at the line: ~15 dots/cm² (smp-reference.md, transition zone).
constexpr double kHairlineFloorDensity = 15;

Vec2 normalized(Vec2 v) {
    const double len = length(v);
    return len > 0 ? (1 / len) * v : Vec2{0, -1};
}

}  // namespace

const char* zoneName(Zone zone) {
    switch (zone) {
        case Zone::FrontMid: return "front-mid";
        case Zone::Crown: return "crown";
        case Zone::Sides: return "sides";
        case Zone::Back: return "back";
    }
    return "";
}

const char* whorlName(Whorl whorl) { return whorl == Whorl::Clockwise ? "cw" : "ccw"; }

Result<Whorl> parseWhorl(const std::string& name) {
    for (Whorl w : {Whorl::Clockwise, Whorl::CounterClockwise}) {
        if (name == whorlName(w)) return w;
    }
    return Error{ErrorCode::InvalidArgument, "unknown whorl direction '" + name + "' (cw, ccw)"};
}

double ZoneDensities::of(Zone zone) const {
    switch (zone) {
        case Zone::FrontMid: return frontMid;
        case Zone::Crown: return crown;
        case Zone::Sides: return sides;
        case Zone::Back: return back;
    }
    return 0;
}

ScalpFields::ScalpFields(Vec2 leftCornerMm, Vec2 rightCornerMm, ZoneDensities densities,
                         Whorl whorl)
    : leftCorner_(leftCornerMm), rightCorner_(rightCornerMm), densities_(densities), whorl_(whorl) {}

ZoneWeights ScalpFields::zoneWeights(Vec2 mm) const {
    // Sides start a little inside the temple corners and are full a little outside.
    const double cornerX = std::fabs(mm.x < 0 ? leftCorner_.x : rightCorner_.x);
    const double side = smoothstep(0.9 * cornerX, 1.2 * cornerX, std::fabs(mm.x));
    const double crown = 1 - smoothstep(kCrownRadiusMm, kCrownRadiusMm + kCrownBlendMm,
                                        length(mm - kCrownCentreMm));
    const double back = smoothstep(kBackStartMm, kBackStartMm + kCrownBlendMm, mm.y);
    ZoneWeights w{};
    w[static_cast<int>(Zone::Back)] = back;
    w[static_cast<int>(Zone::Crown)] = (1 - back) * crown;
    w[static_cast<int>(Zone::Sides)] = (1 - back) * (1 - crown) * side;
    w[static_cast<int>(Zone::FrontMid)] = (1 - back) * (1 - crown) * (1 - side);
    return w;
}

double ScalpFields::density(const ZoneWeights& w) const {
    double d = 0;
    for (int z = 0; z < kZoneCount; ++z) d += w[static_cast<std::size_t>(z)] * densities_.of(static_cast<Zone>(z));
    return d;
}

int ScalpFields::coreZone(const ZoneWeights& w) {
    for (int z = 0; z < kZoneCount; ++z) {
        if (w[static_cast<std::size_t>(z)] >= 0.999) return z;
    }
    return -1;
}

Vec2 ScalpFields::growthDirection(Vec2 mm) const {
    // Front and sides: down the head (−y), fanning slightly outwards at the sides.
    const double cornerX = std::fabs(mm.x < 0 ? leftCorner_.x : rightCorner_.x);
    const Vec2 front = normalized({0.35 * mm.x / cornerX, -1});
    // Behind the crown hair grows down the back of the head (+y).
    const double behind = smoothstep(kCrownCentreMm.y - 10, kCrownCentreMm.y + 30, mm.y);
    const Vec2 base = normalized((1 - behind) * front + behind * Vec2{0, 1});
    // Around the crown: a whorl, tangential with a slight outward spiral.
    const Vec2 radial = mm - kCrownCentreMm;
    const double r = length(radial);
    const double whorlWeight = 1 - smoothstep(0.5 * kCrownRadiusMm, 1.5 * kCrownRadiusMm, r);
    if (whorlWeight <= 0 || r == 0) return base;
    const Vec2 out = (1 / r) * radial;
    // Seen from above with the face at the bottom (frame y up), clockwise is (y, −x).
    const Vec2 tangent = whorl_ == Whorl::Clockwise ? Vec2{out.y, -out.x} : Vec2{-out.y, out.x};
    const Vec2 swirl = normalized(0.85 * tangent + 0.5 * out);
    return normalized(whorlWeight * swirl + (1 - whorlWeight) * base);
}

double hairlineRamp(double distanceBehindMm, double transitionMm, double frontFeatherMm,
                    double fullDensity) {
    const double floor = fullDensity > kHairlineFloorDensity ? kHairlineFloorDensity / fullDensity : 1;
    if (distanceBehindMm >= 0) {
        return floor + (1 - floor) * smoothstep(0, transitionMm, distanceBehindMm);
    }
    if (frontFeatherMm <= 0) return 0;
    // In front of the line: strays thinning out to nothing over the feather.
    return 0.5 * floor * smoothstep(-frontFeatherMm, 0, distanceBehindMm);
}

}  // namespace smp
