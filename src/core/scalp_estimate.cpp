#include "scalp_estimate.h"

#include <algorithm>
#include <cmath>

#include "fields.h"

namespace smp {
namespace {

// Chromaticity spread never below these: a perfectly flat forehead patch would
// otherwise reject skin a hair's breadth off its colour.
constexpr double kMinSpreadR = 0.015;
constexpr double kMinSpreadG = 0.008;
// Skin keeps its hue but not its saturation: shadow makes it more saturated, stubble,
// sheen and reflected light less. A shift along the line to grey counts this many times
// less than a change of hue.
constexpr double kSaturationTolerance = 3.5;
// Shadows and highlights on a round scalp: brightness from 0.3× to 2.2× the forehead's.
constexpr double kMinLumaRatio = 0.3;
constexpr double kMaxLumaRatio = 2.2;

// Every skin tone is warmer than grey: red chromaticity exceeds blue by 0.1–0.4. Grey
// and beige backgrounds, white hair and grey walls sit below 0.05.
constexpr double kMinWarmth = 0.03;
constexpr double kFullWarmth = 0.06;

struct Chroma {
    double r, g, b, luma;
};

template <typename Channel>
Chroma chromaOf(const Channel* p) {
    const double sum = static_cast<double>(p[0]) + p[1] + p[2] + 1.0;
    return {p[0] / sum, p[1] / sum, p[2] / sum, (p[0] + p[1] + p[2]) / 3.0};
}

}  // namespace

HeadEllipse HeadEllipse::fromCorners(Vec2 leftCornerMm, Vec2 rightCornerMm) {
    // Corners moved in (a turned head, a corner that would leave the silhouette; the
    // scale then comes from the pupils) understate the head: it is never taken as
    // narrower than an 85 mm span's, and the head outline clips it where it is.
    constexpr double kMinSpanMm = 85;
    const double span = std::max(kMinSpanMm, rightCornerMm.x - leftCornerMm.x);
    // Ratios of an average adult head to its temple span (~95 mm): 160 mm wide, the
    // crown ~85 mm above the mid-frontal point and the chin far below. A little wider
    // than average: faces are rarely centred on the head, and the skin test trims it.
    return {{0.5 * (leftCornerMm.x + rightCornerMm.x), -0.3 * span}, 0.92 * span, 1.2 * span};
}

double HeadEllipse::weight(Vec2 mm, double edgeMm) const {
    const double u = (mm.x - centreMm.x) / halfWidthMm;
    const double v = (mm.y - centreMm.y) / halfHeightMm;
    // Distance outside the ellipse, approximately in mm.
    const double outside = (std::sqrt(u * u + v * v) - 1) * std::min(halfWidthMm, halfHeightMm);
    return 1 - smoothstep(-edgeMm, 0, outside);
}

PixelBox HeadEllipse::photoBounds(const HeadFrame& frame, int width, int height) const {
    const Vec2 half{halfWidthMm + 5, halfHeightMm + 5};
    return frame.photoBounds(centreMm - half, centreMm + half, width, height);
}

SkinModel SkinModel::fromForehead(const Image& photo, const HeadFrame& frame) {
    SkinModel model;
    double sumR = 0, sumG = 0, sumRR = 0, sumGG = 0, sumLuma = 0;
    int count = 0;
    // The forehead: 10–30 mm below the mid-frontal point, 20 mm either side.
    for (double y = -30; y <= -10; y += 1.0) {
        for (double x = -20; x <= 20; x += 1.0) {
            const Vec2 px = frame.toPhoto({x, y});
            const int ix = static_cast<int>(px.x);
            const int iy = static_cast<int>(px.y);
            if (ix < 0 || iy < 0 || ix >= photo.width() || iy >= photo.height()) continue;
            const Chroma c = chromaOf(photo.pixel(ix, iy));
            sumR += c.r;
            sumG += c.g;
            sumRR += c.r * c.r;
            sumGG += c.g * c.g;
            sumLuma += c.luma;
            ++count;
        }
    }
    if (count < 10) return model;  // forehead off the photo: keep the generic skin tone
    const double n = count;
    model.meanR_ = sumR / n;
    model.meanG_ = sumG / n;
    model.spreadR_ = std::max(kMinSpreadR, std::sqrt(std::max(0.0, sumRR / n - model.meanR_ * model.meanR_)));
    model.spreadG_ = std::max(kMinSpreadG, std::sqrt(std::max(0.0, sumGG / n - model.meanG_ * model.meanG_)));
    model.meanLuma_ = std::max(8.0, sumLuma / n);
    return model;
}

double SkinModel::likeness(const std::array<float, 3>& rgb, double tolerance) const {
    const Chroma c = chromaOf(rgb.data());
    // In spread units: the deviation from the forehead, and the direction to grey.
    const Vec2 deviation{(c.r - meanR_) / spreadR_, (c.g - meanG_) / spreadG_};
    Vec2 toGrey{(1.0 / 3 - meanR_) / spreadR_, (1.0 / 3 - meanG_) / spreadG_};
    toGrey = (1 / std::max(1e-9, length(toGrey))) * toGrey;
    const double saturation = dot(deviation, toGrey);
    const double hue = length(deviation - saturation * toGrey);
    const double colour =
        1 - smoothstep(3.0 * tolerance, 5.0 * tolerance, std::hypot(saturation / kSaturationTolerance, hue));
    const double ratio = c.luma / meanLuma_;
    const double brightness = smoothstep(kMinLumaRatio * 0.7, kMinLumaRatio, ratio) *
                              (1 - smoothstep(kMaxLumaRatio, kMaxLumaRatio * 1.2, ratio));
    return colour * brightness * smoothstep(kMinWarmth, kFullWarmth, c.r - c.b);
}

}  // namespace smp

namespace smp {

double SkinModel::rednessRatio(const std::array<float, 3>& rgb) const {
    const Chroma c = chromaOf(rgb.data());
    return (c.r - c.g) / std::max(1e-6, meanR_ - meanG_);
}

double SkinModel::saturationRatio(const std::array<float, 3>& rgb) const {
    const Chroma c = chromaOf(rgb.data());
    const double forehead = std::hypot(meanR_ - 1.0 / 3, meanG_ - 1.0 / 3);
    return std::hypot(c.r - 1.0 / 3, c.g - 1.0 / 3) / std::max(1e-6, forehead);
}

}  // namespace smp
