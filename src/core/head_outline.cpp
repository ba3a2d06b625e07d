#include "head_outline.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "fields.h"

namespace smp {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Rays from a point in the upper forehead, 30 mm below the mid-frontal point, fanning
// from the left side of the head over the crown to the right side (0° = up).
constexpr Vec2 kCentreMm{0, -30};
constexpr double kFirstRayDeg = -125;
constexpr double kRayStepDeg = 2.5;
constexpr int kRays = 101;
// Silhouette candidates every kSampleMm along each ray.
constexpr double kMinRadiusMm = 25;
constexpr double kSampleMm = 1;
constexpr int kSamples = 126;  // to 150 mm: wider than any head
// Contrast across a candidate: mean colour over this many samples inside vs outside.
constexpr int kSideSamples = 4;

// An average adult head seen from the front, from kCentreMm: 78 mm to the sides,
// 62 mm to the top of the dome. Silhouettes within kPriorFreeMm of it cost nothing.
constexpr double kPriorSideMm = 78;
constexpr double kPriorTopMm = 62;
constexpr double kPriorFreeMm = 12;
constexpr double kPriorCostPerMm = 3;
// The silhouette moves at most kMaxStep samples between neighbouring rays, paying
// kStepCost contrast units per sample: a smooth outline beats a jagged one.
constexpr int kMaxStep = 4;
constexpr double kStepCost = 2.5;
// How much a candidate gains for having skin on its inner side and none on its outer
// side (the mean skin likeness over the contrast windows, inner minus outer, times this):
// the head ends where its skin ends. A lamp beside the head (parmitano) has a stronger
// edge than his blurred silhouette, but no skin on either side of it; the dark rim of
// stubble round a head (reisman) is skin-coloured where the black backdrop is not.
constexpr double kSkinEdgeWeight = 80;
// Where the head runs off the photo, its edge counts as this much contrast.
constexpr double kPhotoEdgeContrast = 25;
// A ray whose best edge is fainter than this saw no silhouette (a head filling the
// photo, a view from above): it leaves the head open there instead of guessing.
constexpr double kMinSilhouetteContrast = 10;
constexpr double kOpenRadiusMm = 1e9;

using Colour = std::array<double, 3>;

double priorRadiusMm(double angleDeg) {
    const double a = angleDeg * kPi / 180;
    // An ellipse's radius from its centre.
    const double s = std::sin(a) / kPriorSideMm;
    const double c = std::cos(a) / kPriorTopMm;
    return 1 / std::sqrt(s * s + c * c);
}

Vec2 rayDirection(double angleDeg) {
    const double a = angleDeg * kPi / 180;
    return {std::sin(a), std::cos(a)};
}

// Mean colour of a few pixels around p, spread over about a millimetre.
bool sampleColour(const Image& photo, Vec2 p, int spreadPx, Colour& out) {
    const int cx = static_cast<int>(std::floor(p.x));
    const int cy = static_cast<int>(std::floor(p.y));
    if (cx < 0 || cy < 0 || cx >= photo.width() || cy >= photo.height()) return false;
    out = {0, 0, 0};
    int count = 0;
    for (int dy = -spreadPx; dy <= spreadPx; dy += std::max(1, spreadPx)) {
        for (int dx = -spreadPx; dx <= spreadPx; dx += std::max(1, spreadPx)) {
            const int x = std::clamp(cx + dx, 0, photo.width() - 1);
            const int y = std::clamp(cy + dy, 0, photo.height() - 1);
            const std::uint8_t* rgb = photo.pixel(x, y);
            for (int c = 0; c < 3; ++c) out[static_cast<std::size_t>(c)] += rgb[c];
            ++count;
        }
    }
    for (double& v : out) v /= count;
    return true;
}

// A change of hue counts kChromaWeight times a change of brightness: the step from
// bare skin to stubble on a shaved side, or a shadow, is mostly one of brightness; the
// step from the head to a wall or a backdrop is one of hue too (skin is warmer than
// a beige wall, stubble than a dark blue backdrop).
constexpr double kChromaWeight = 2;

double contrast(const Colour& a, const Colour& b) {
    const double dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];
    // An orthonormal split of the RGB difference into brightness and two hue axes.
    const double luma = (dr + dg + db) / std::sqrt(3.0);
    const double redGreen = (dr - dg) / std::sqrt(2.0);
    const double yellowBlue = (dr + dg - 2 * db) / std::sqrt(6.0);
    return std::sqrt((luma * luma + kChromaWeight * kChromaWeight * (redGreen * redGreen + yellowBlue * yellowBlue)) / 3);
}

}  // namespace

HeadOutline HeadOutline::find(const Image& photo, const HeadFrame& frame, const SkinModel& skin) {
    const int spreadPx = static_cast<int>(0.5 * frame.pxPerMm());
    // score[k][j]: how much ray k's silhouette at sample j is worth.
    std::vector<std::array<double, kSamples>> score(kRays);
    std::vector<std::array<double, kSamples>> edge(kRays);  // the contrast alone
    constexpr double kInvalid = -std::numeric_limits<double>::infinity();
    for (int k = 0; k < kRays; ++k) {
        const double angle = kFirstRayDeg + k * kRayStepDeg;
        const Vec2 direction = rayDirection(angle);
        std::array<Colour, kSamples> colours{};
        int inPhoto = 0;  // samples before the ray leaves the photo
        while (inPhoto < kSamples &&
               sampleColour(photo, frame.toPhoto(kCentreMm + (kMinRadiusMm + inPhoto * kSampleMm) * direction), spreadPx,
                            colours[static_cast<std::size_t>(inPhoto)])) {
            ++inPhoto;
        }
        std::array<double, kSamples> skinLikeness{};
        for (int j = 0; j < inPhoto; ++j) {
            const Colour& c = colours[static_cast<std::size_t>(j)];
            skinLikeness[static_cast<std::size_t>(j)] =
                skin.likeness({static_cast<float>(c[0]), static_cast<float>(c[1]), static_cast<float>(c[2])});
        }
        const double prior = priorRadiusMm(angle);
        auto& row = score[static_cast<std::size_t>(k)];
        for (int j = 0; j < kSamples; ++j) {
            double value = kInvalid;
            if (j + 1 == inPhoto && inPhoto < kSamples) {
                value = kPhotoEdgeContrast;
            } else if (j >= kSideSamples && j + kSideSamples < inPhoto) {
                Colour inner{0, 0, 0}, outer{0, 0, 0};
                double skinInside = 0, skinOutside = 0;
                for (int d = 1; d <= kSideSamples; ++d) {
                    const auto in = static_cast<std::size_t>(j - d), out = static_cast<std::size_t>(j + d);
                    for (std::size_t c = 0; c < 3; ++c) {
                        inner[c] += colours[in][c] / kSideSamples;
                        outer[c] += colours[out][c] / kSideSamples;
                    }
                    skinInside += skinLikeness[in] / kSideSamples;
                    skinOutside += skinLikeness[out] / kSideSamples;
                }
                value = contrast(inner, outer) + kSkinEdgeWeight * (skinInside - skinOutside);
            }
            edge[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] = value;
            if (value != kInvalid) {
                const double radius = kMinRadiusMm + j * kSampleMm;
                value -= kPriorCostPerMm * std::max(0.0, std::fabs(radius - prior) - kPriorFreeMm);
            }
            row[static_cast<std::size_t>(j)] = value;
        }
    }

    // Best path: total[k][j] = score[k][j] + max over reachable j' of total[k-1][j'] − step cost.
    std::vector<std::array<double, kSamples>> total(score);
    std::vector<std::array<int, kSamples>> from(kRays);
    for (int k = 1; k < kRays; ++k) {
        const auto& previous = total[static_cast<std::size_t>(k - 1)];
        for (int j = 0; j < kSamples; ++j) {
            double best = kInvalid;
            int bestFrom = j;
            for (int p = std::max(0, j - kMaxStep); p <= std::min(kSamples - 1, j + kMaxStep); ++p) {
                const double value = previous[static_cast<std::size_t>(p)] - kStepCost * std::abs(p - j);
                if (value > best) best = value, bestFrom = p;
            }
            total[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] += best;
            from[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] = bestFrom;
        }
    }
    HeadOutline outline;
    outline.centreMm_ = kCentreMm;
    outline.radiusMm_.assign(kRays, 0);
    const auto& last = total.back();
    int j = static_cast<int>(std::max_element(last.begin(), last.end()) - last.begin());
    if (last[static_cast<std::size_t>(j)] == kInvalid) return HeadOutline{};  // the photo holds no head here
    for (int k = kRays - 1; k >= 0; --k) {
        const bool seen = edge[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] >= kMinSilhouetteContrast;
        outline.radiusMm_[static_cast<std::size_t>(k)] = seen ? kMinRadiusMm + j * kSampleMm : kOpenRadiusMm;
        j = from[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)];
    }
    return outline;
}

double HeadOutline::radiusAt(double angleDeg) const {
    const double u = std::clamp((angleDeg - kFirstRayDeg) / kRayStepDeg, 0.0, kRays - 1.0);
    const std::size_t i = std::min(static_cast<std::size_t>(u), radiusMm_.size() - 2);
    const double f = u - static_cast<double>(i);
    return radiusMm_[i] + f * (radiusMm_[i + 1] - radiusMm_[i]);
}

double HeadOutline::insetMm(Vec2 mm) const {
    if (radiusMm_.empty()) return -kOpenRadiusMm;
    const Vec2 d = mm - centreMm_;
    const double angle = std::atan2(d.x, d.y) * 180 / kPi;
    if (angle < kFirstRayDeg || angle > kFirstRayDeg + (kRays - 1) * kRayStepDeg) return -kOpenRadiusMm;
    return radiusAt(angle) - length(d);
}

double HeadOutline::weight(Vec2 mm, double edgeMm, double edgeInsetMm) const {
    return weightAtInset(insetMm(mm), edgeMm, edgeInsetMm);
}

double HeadOutline::weightAtInset(double insetMm, double edgeMm, double edgeInsetMm) {
    return 1 - smoothstep(-0.5 * edgeMm, 0.5 * edgeMm, edgeInsetMm - insetMm);
}

std::vector<Vec2> HeadOutline::polyline() const {
    std::vector<Vec2> points;
    for (std::size_t k = 0; k < radiusMm_.size(); ++k) {
        if (radiusMm_[k] >= kOpenRadiusMm) continue;
        points.push_back(centreMm_ + radiusMm_[k] * rayDirection(kFirstRayDeg + static_cast<double>(k) * kRayStepDeg));
    }
    return points;
}

}  // namespace smp
