#include "hairline.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace smp {
namespace {

constexpr double kHalfRangeMm = 160;  // wider than any head
constexpr double kStepMm = 0.25;
constexpr double kFineWavelengthMm = 2.5;
constexpr double kBroadWavelengthMm = 22;

// Smooth 1-D value noise in [-1, 1]: random values on a lattice, blended with a
// smoothstep so the line has no kinks.
double valueNoise(double x, double wavelength, std::uint64_t key) {
    const double u = x / wavelength;
    const double cell = std::floor(u);
    const double f = u - cell;
    const auto lattice = [key](double k) {
        return 2 * Random(hashCombine(key, static_cast<std::uint64_t>(static_cast<std::int64_t>(k))))
                       .uniform() - 1;
    };
    const double s = f * f * (3 - 2 * f);
    return lattice(cell) + s * (lattice(cell + 1) - lattice(cell));
}

// Cubic Hermite interpolation through the style's points (tangents from neighbours):
// smooth where the points are smooth, without overshoot between close points.
double shapeValue(const std::vector<ShapePoint>& shape, double t, double ShapePoint::*field) {
    if (t <= shape.front().t) return shape.front().*field;
    if (t >= shape.back().t) return shape.back().*field;
    std::size_t i = 1;
    while (shape[i].t < t) ++i;
    const ShapePoint& a = shape[i - 1];
    const ShapePoint& b = shape[i];
    const auto slope = [&shape, field](std::size_t k) {
        const std::size_t lo = k == 0 ? 0 : k - 1;
        const std::size_t hi = std::min(k + 1, shape.size() - 1);
        return (shape[hi].*field - shape[lo].*field) / (shape[hi].t - shape[lo].t);
    };
    const double h = b.t - a.t;
    const double s = (t - a.t) / h;
    const double s2 = s * s;
    const double s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * (a.*field) + (s3 - 2 * s2 + s) * h * slope(i - 1) +
           (-2 * s3 + 3 * s2) * (b.*field) + (s3 - s2) * h * slope(i);
}

}  // namespace

Hairline::Hairline(const HeadFrame& frame, const HairlineTemplate& style, double heightOffsetMm,
                   std::uint64_t seed) {
    const Vec2 left = frame.leftCornerMm();
    const Vec2 right = frame.rightCornerMm();
    const std::uint64_t fineKey = hashCombine(seed, 0x4649'4E45);    // "FINE"
    const std::uint64_t broadKey = hashCombine(seed, 0x4252'4F41);   // "BROA"
    const std::size_t count = static_cast<std::size_t>(2 * kHalfRangeMm / kStepMm) + 1;
    height_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const double x = -kHalfRangeMm + static_cast<double>(i) * kStepMm;
        const Vec2 corner = x < 0 ? left : right;
        double y;
        if (std::fabs(x) <= std::fabs(corner.x)) {
            const double t = x / corner.x;
            y = shapeValue(style.shape, t, &ShapePoint::rise) * corner.y +
                shapeValue(style.shape, t, &ShapePoint::offsetMm);
        } else {
            y = corner.y - style.sideSlope * (std::fabs(x) - std::fabs(corner.x));
        }
        height_[i] = y + heightOffsetMm + style.fineJitterMm * valueNoise(x, kFineWavelengthMm, fineKey) +
                     style.broadJitterMm * valueNoise(x, kBroadWavelengthMm, broadKey);
    }
    inverseSlopeNorm_.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t lo = i == 0 ? 0 : i - 1;
        const std::size_t hi = std::min(i + 1, count - 1);
        const double slope = (height_[hi] - height_[lo]) / (static_cast<double>(hi - lo) * kStepMm);
        inverseSlopeNorm_[i] = 1 / std::sqrt(1 + slope * slope);
    }
}

double Hairline::interpolate(const std::vector<double>& table, double xMm) const {
    const double u = (std::clamp(xMm, -kHalfRangeMm, kHalfRangeMm) + kHalfRangeMm) / kStepMm;
    const std::size_t i = std::min(static_cast<std::size_t>(u), table.size() - 2);
    const double f = u - static_cast<double>(i);
    return table[i] + f * (table[i + 1] - table[i]);
}

double Hairline::heightAt(double xMm) const { return interpolate(height_, xMm); }

double Hairline::distanceBehind(Vec2 mm) const {
    return (mm.y - heightAt(mm.x)) * interpolate(inverseSlopeNorm_, mm.x);
}

std::vector<Vec2> Hairline::polyline() const {
    std::vector<Vec2> points;
    points.reserve(height_.size());
    for (std::size_t i = 0; i < height_.size(); ++i) {
        points.push_back({-kHalfRangeMm + static_cast<double>(i) * kStepMm, height_[i]});
    }
    return points;
}

}  // namespace smp
