#include "treatment_mask.h"

#include <algorithm>
#include <cmath>

#include "fields.h"
#include "scalp_estimate.h"

namespace smp {
namespace {

std::uint8_t toByte(double v) {
    return static_cast<std::uint8_t>(std::clamp(v, 0.0, 1.0) * 255 + 0.5);
}

// Soft disc of a brush dab: 1 inside, smooth to 0 over the outer fifth of the radius.
double dabWeight(const BrushStroke& dab, double x, double y) {
    const double d = length(Vec2{x, y} - dab.centrePx);
    return 1 - smoothstep(0.8 * dab.radiusPx, dab.radiusPx, d);
}

// Box blur in place within `box`, radius r, horizontally then vertically: removes
// single-pixel speckle of the skin test and softens the edge. Pixels outside the box
// are taken as 0 (the box has a margin of r around everything non-zero).
void boxBlur(std::vector<std::uint8_t>& plane, int width, const PixelBox& box, int r) {
    if (r <= 0 || box.empty()) return;
    const int w = box.x1 - box.x0;
    const int h = box.y1 - box.y0;
    std::vector<int> line(static_cast<std::size_t>(std::max(w, h)) + static_cast<std::size_t>(2 * r + 1), 0);
    const auto pass = [&](int count, int length, std::size_t first, std::size_t stride, std::size_t step) {
        for (int i = 0; i < count; ++i) {
            std::uint8_t* base = plane.data() + first + static_cast<std::size_t>(i) * stride;
            // line holds r zeros, the values, r zeros: the running sum needs no clamping.
            for (int k = 0; k < length; ++k) line[static_cast<std::size_t>(k + r)] = base[static_cast<std::size_t>(k) * step];
            for (int k = length + r; k < length + 2 * r + 1; ++k) line[static_cast<std::size_t>(k)] = 0;
            int sum = 0;
            for (int k = 0; k < 2 * r + 1; ++k) sum += line[static_cast<std::size_t>(k)];
            for (int k = 0; k < length; ++k) {
                base[static_cast<std::size_t>(k) * step] = static_cast<std::uint8_t>((sum + r) / (2 * r + 1));
                sum += line[static_cast<std::size_t>(k + 2 * r + 1)] - line[static_cast<std::size_t>(k)];
            }
        }
    };
    const std::size_t origin = static_cast<std::size_t>(box.y0) * static_cast<std::size_t>(width) + static_cast<std::size_t>(box.x0);
    pass(h, w, origin, static_cast<std::size_t>(width), 1);
    pass(w, h, origin, 1, static_cast<std::size_t>(width));
}

PixelBox unite(const PixelBox& a, const PixelBox& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

PixelBox grow(const PixelBox& box, int margin, int width, int height) {
    if (box.empty()) return box;
    return {std::max(0, box.x0 - margin), std::max(0, box.y0 - margin), std::min(width, box.x1 + margin),
            std::min(height, box.y1 + margin)};
}

}  // namespace

const char* coverageName(Coverage coverage) {
    switch (coverage) {
        case Coverage::FullScalp: return "full";
        case Coverage::CrownOnly: return "crown";
        case Coverage::DensityFill: return "density-fill";
        case Coverage::Patch: return "patch";
    }
    return "";
}

Result<Coverage> parseCoverage(const std::string& name) {
    for (Coverage c : {Coverage::FullScalp, Coverage::CrownOnly, Coverage::DensityFill, Coverage::Patch}) {
        if (name == coverageName(c)) return c;
    }
    return Error{ErrorCode::InvalidArgument,
                 "unknown coverage '" + name + "' (full, crown, density-fill, patch)"};
}

TreatmentMask buildTreatmentMask(const Image& photo, const HeadFrame& frame, const Hairline& hairline,
                                 const HairlineTemplate& style, Coverage coverage,
                                 const std::vector<BrushStroke>& brush) {
    TreatmentMask mask;
    mask.width = photo.width();
    mask.height = photo.height();
    const std::size_t pixels = static_cast<std::size_t>(mask.width) * static_cast<std::size_t>(mask.height);
    mask.coverage.assign(pixels, 0);

    const HeadEllipse head = HeadEllipse::fromCorners(frame.leftCornerMm(), frame.rightCornerMm());
    const SkinModel skin = SkinModel::fromForehead(photo, frame);
    const bool needsSkin = coverage == Coverage::FullScalp || coverage == Coverage::CrownOnly;
    PixelBox touched;
    if (coverage != Coverage::Patch) {
        const PixelBox area = head.photoBounds(frame, mask.width, mask.height);
        touched = area;
        for (int y = area.y0; y < area.y1; ++y) {
            for (int x = area.x0; x < area.x1; ++x) {
                const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
                // Cheapest test first: most pixels of the box are forehead or face.
                double w = coverage == Coverage::CrownOnly
                               ? 1 - smoothstep(kCrownPatchRadiusMm - 10, kCrownPatchRadiusMm, length(mm - kCrownCentreMm))
                               : smoothstep(-style.frontFeatherMm - kMaskEdgeMm, -style.frontFeatherMm,
                                            hairline.distanceBehind(mm));
                if (w <= 0) continue;
                w *= head.weight(mm, 3.0);
                if (w > 0 && needsSkin) w *= skin.likeness(photo.pixel(x, y));
                mask.coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(mask.width) +
                              static_cast<std::size_t>(x)] = toByte(w);
            }
        }
    }
    // Brush dabs in order: a later erasure wins over an earlier addition and vice versa.
    if (!brush.empty()) {
        const bool anyAdded = std::any_of(brush.begin(), brush.end(), [](const BrushStroke& s) { return !s.erase; });
        if (anyAdded) mask.brushAdded.assign(pixels, 0);
        for (const BrushStroke& dab : brush) {
            const int x0 = std::max(0, static_cast<int>(std::floor(dab.centrePx.x - dab.radiusPx)));
            const int x1 = std::min(mask.width, static_cast<int>(std::ceil(dab.centrePx.x + dab.radiusPx)) + 1);
            const int y0 = std::max(0, static_cast<int>(std::floor(dab.centrePx.y - dab.radiusPx)));
            const int y1 = std::min(mask.height, static_cast<int>(std::ceil(dab.centrePx.y + dab.radiusPx)) + 1);
            touched = unite(touched, PixelBox{x0, y0, x1, y1});
            for (int y = y0; y < y1; ++y) {
                for (int x = x0; x < x1; ++x) {
                    const double w = dabWeight(dab, x + 0.5, y + 0.5);
                    const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(mask.width) +
                                          static_cast<std::size_t>(x);
                    if (dab.erase) {
                        mask.coverage[i] = toByte(std::min(mask.coverage[i] / 255.0, 1 - w));
                        if (anyAdded) mask.brushAdded[i] = toByte(std::min(mask.brushAdded[i] / 255.0, 1 - w));
                    } else {
                        mask.coverage[i] = toByte(std::max(mask.coverage[i] / 255.0, w));
                        mask.brushAdded[i] = toByte(std::max(mask.brushAdded[i] / 255.0, w));
                    }
                }
            }
        }
    }
    const int blurRadius = static_cast<int>(std::lround(0.5 * kMaskEdgeMm * frame.pxPerMm()));
    touched = grow(touched, blurRadius + 1, mask.width, mask.height);
    boxBlur(mask.coverage, mask.width, touched, blurRadius);

    mask.bounds = {mask.width, mask.height, 0, 0};
    for (int y = touched.y0; y < touched.y1; ++y) {
        const std::uint8_t* row = mask.coverage.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(mask.width);
        for (int x = touched.x0; x < touched.x1; ++x) {
            if (row[x] == 0) continue;
            mask.bounds.x0 = std::min(mask.bounds.x0, x);
            mask.bounds.x1 = std::max(mask.bounds.x1, x + 1);
            mask.bounds.y0 = std::min(mask.bounds.y0, y);
            mask.bounds.y1 = std::max(mask.bounds.y1, y + 1);
        }
    }
    if (mask.bounds.empty()) mask.bounds = {};
    return mask;
}

}  // namespace smp
