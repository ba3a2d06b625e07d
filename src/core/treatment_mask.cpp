#include "treatment_mask.h"

#include <algorithm>
#include <cmath>

#include "colour_geodesic.h"
#include "fields.h"
#include "head_outline.h"
#include "morphology.h"
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

PixelBox grow(const PixelBox& box, int margin, int width, int height) {
    if (box.empty()) return box;
    return {std::max(0, box.x0 - margin), std::max(0, box.y0 - margin), std::min(width, box.x1 + margin),
            std::min(height, box.y1 + margin)};
}


// The mask is worked out on a lattice of points about kLatticeMm apart, blurred there,
// then interpolated to every pixel: its edges are soft over 1.5 mm anyway, and the cost
// stops growing with the photo's resolution (a 12 MP export costs what a preview does).
constexpr double kLatticeMm = 0.7;

struct Lattice {
    PixelBox area;  // the photo pixels it covers
    int step = 1;   // pixels between lattice points
    int cols = 0;
    int rows = 0;
    std::vector<std::uint8_t> coverage;
    std::vector<std::uint8_t> hairlineFree;  // see TreatmentMask::hairlineFree

    Lattice(const PixelBox& box, int pixelStep) : area(box), step(pixelStep) {
        // One point beyond the last pixel on each axis, so interpolation always has
        // a right and a lower neighbour.
        cols = (area.x1 - area.x0 - 1) / step + 2;
        rows = (area.y1 - area.y0 - 1) / step + 2;
        coverage.assign(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows), 0);
    }
    std::size_t index(int i, int j) const {
        return static_cast<std::size_t>(j) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(i);
    }
    Vec2 pointPx(int i, int j) const { return {area.x0 + i * step + 0.5, area.y0 + j * step + 0.5}; }
};

void paintDab(Lattice& lattice, const BrushStroke& dab, bool trackFree) {
    for (int j = 0; j < lattice.rows; ++j) {
        for (int i = 0; i < lattice.cols; ++i) {
            const Vec2 p = lattice.pointPx(i, j);
            if (std::fabs(p.x - dab.centrePx.x) > dab.radiusPx || std::fabs(p.y - dab.centrePx.y) > dab.radiusPx) continue;
            const double w = dabWeight(dab, p.x, p.y);
            const std::size_t k = lattice.index(i, j);
            if (dab.erase) {
                lattice.coverage[k] = toByte(std::min(lattice.coverage[k] / 255.0, 1 - w));
                if (trackFree) lattice.hairlineFree[k] = toByte(std::min(lattice.hairlineFree[k] / 255.0, 1 - w));
            } else {
                lattice.coverage[k] = toByte(std::max(lattice.coverage[k] / 255.0, w));
                lattice.hairlineFree[k] = toByte(std::max(lattice.hairlineFree[k] / 255.0, w));
            }
        }
    }
}

// The photo pixels next to a non-zero point of `plane`, within lattice.area (empty if
// none): only they can interpolate to a non-zero value.
PixelBox nonZeroPixels(const Lattice& lattice, const std::vector<std::uint8_t>& plane) {
    PixelBox points{lattice.cols, lattice.rows, 0, 0};
    for (int j = 0; j < lattice.rows; ++j) {
        for (int i = 0; i < lattice.cols; ++i) {
            if (plane[lattice.index(i, j)] == 0) continue;
            points = {std::min(points.x0, i), std::min(points.y0, j), std::max(points.x1, i + 1), std::max(points.y1, j + 1)};
        }
    }
    if (points.empty()) return {};
    const PixelBox& a = lattice.area;
    return {std::max(a.x0, a.x0 + (points.x0 - 1) * lattice.step), std::max(a.y0, a.y0 + (points.y0 - 1) * lattice.step),
            std::min(a.x1, a.x0 + points.x1 * lattice.step), std::min(a.y1, a.y0 + points.y1 * lattice.step)};
}

// The bilinear interpolation between lattice points (the rows `top` and `bottom`,
// column i, fractions fx and fy of a step), rounded to a byte.
std::uint8_t between(const std::uint8_t* top, const std::uint8_t* bottom, std::size_t i, float fx, float fy) {
    const float upper = top[i] + fx * static_cast<float>(top[i + 1] - top[i]);
    const float lower = bottom[i] + fx * static_cast<float>(bottom[i + 1] - bottom[i]);
    return static_cast<std::uint8_t>(upper + fy * (lower - upper) + 0.5f);
}

// Bilinear interpolation of a lattice plane into a full-size plane. Only the pixels in
// `box` (nonZeroPixels of `from`) are written: the rest stay 0.
void interpolate(const Lattice& lattice, const std::vector<std::uint8_t>& from, std::vector<std::uint8_t>& to,
                 int width, const PixelBox& box) {
    const float scale = 1.0f / static_cast<float>(lattice.step);
    for (int y = box.y0; y < box.y1; ++y) {
        const int dy = y - lattice.area.y0;
        const int j = dy / lattice.step;
        const float fy = static_cast<float>(dy - j * lattice.step) * scale;
        const std::uint8_t* top = from.data() + lattice.index(0, j);
        const std::uint8_t* bottom = from.data() + lattice.index(0, j + 1);
        std::uint8_t* out = to.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (int x = box.x0; x < box.x1; ++x) {
            const int dx = x - lattice.area.x0;
            const int i = dx / lattice.step;
            const float fx = static_cast<float>(dx - i * lattice.step) * scale;
            out[x] = between(top, bottom, static_cast<std::size_t>(i), fx, fy);
        }
    }
}


// Scalp connected to the forehead: a colour step of more than kEdgeTolerance of the
// forehead's brightness per lattice step costs its excess; paths costing more than
// kMaxEdgeCost have crossed a hair edge or a silhouette.
constexpr float kEdgeTolerance = 0.035f;
// The seeds: skin in the forehead patch 10–30 mm below the mid-frontal point, 20 mm
// either side (where SkinModel::fromForehead measures the skin too).
constexpr double kForeheadPatchLowMm = -30;
constexpr double kMaxEdgeCost = 0.45;

// Hair, not scalp: where the brightness of a cell's samples spreads more than
// kHairTextureRatio (fully at 1.5×) times the forehead's, averaged over 3×3 points.
// Strands of brown, grey or white hair that pass the colour tests are rough at this
// scale; bare scalp, shading and short stubble stay near the forehead's texture. The
// forehead's spread counts as at least kMinForeheadTexture grey levels (a very smooth
// studio forehead would make a pore look like hair).
constexpr double kHairTextureRatio = 2;
constexpr double kMinForeheadTexture = 4;

// Stubble mixes the hair's black or brown into the skin: nearer grey (dull) for black
// stubble on dark skin. A shadow darkens skin but keeps its colour or deepens it. 1 below
// kStubbleSaturation of the forehead's distance from grey in chromaticity, 0 from 0.05
// more: satcher's stubble bands measure 0.83; the shaded temples beyond the corners 1.05
// on poindexter, 1.13 on parmitano, 0.97 on satcher; reisman's brown stubble 1.7 (more
// saturated, but rough: the texture finds it).
constexpr double kStubbleSaturation = 0.85;

// A colour's brightness over the forehead's.
double brightnessRatio(const SkinModel& skin, const std::array<float, 3>& rgb) {
    return (rgb[0] + rgb[1] + rgb[2]) / 3.0 / skin.meanLuma();
}

double stubbleDullness(const SkinModel& skin, const std::array<float, 3>& rgb, double below = kStubbleSaturation) {
    return 1 - smoothstep(below, below + 0.05, skin.saturationRatio(rgb));
}

// Bare temple skin: beyond the temple corners and below their height, a point at least
// half as light as the forehead (fully from kTempleSkinLuma + 0.06 of its brightness),
// or darker but not dull, is the temple below the temporal hairline, not scalp, even
// where it turns away from the light (poindexter's bald temples at 0.47–0.64 of his
// forehead and darker beyond his image-right corner, parmitano's at 0.75–0.93): the
// line's gentle fall (sideSlope) would otherwise take a wedge of it in. Dark, dull
// stubble on the shaded side stays (satcher's at 0.35–0.50); stubble the texture shows
// is taken in again by the side band below. Ramps in over 3 mm from the temporal line
// (templeTopMm) and from the corner's vertical.
constexpr double kTempleSkinLuma = 0.5;

// The temporal hairline beyond a corner, as seen from the front: level with the corner,
// or, where the corners were lowered below the rule's height (kDefaultTempleDropMm
// under the mid-frontal point: a narrow dome, a foreshortened forehead), climbing back to
// it by kTemporalRise mm per mm outwards, as the annotators drew it (poindexter's climbs
// 6 mm over the 24 mm to his side hair). Returns its height at mm.x.
constexpr double kTemporalRise = 0.35;

double templeTopMm(Vec2 mm, Vec2 corner) {
    const double beyond = std::max(0.0, std::fabs(mm.x) - std::fabs(corner.x));
    return std::max(corner.y, std::min(corner.y + kTemporalRise * beyond, -kDefaultTempleDropMm));
}

double templeWeight(Vec2 mm, Vec2 leftCorner, Vec2 rightCorner) {
    const Vec2 corner = mm.x < 0 ? leftCorner : rightCorner;
    return smoothstep(0, 3, templeTopMm(mm, corner) - mm.y) * smoothstep(0, 3, std::fabs(mm.x) - std::fabs(corner.x));
}

// The silhouette's soft edge (2 mm) is centred this far inside it: it lies at the
// outer edge of the skin (head_outline), where a blurred edge (parmitano) or a thin
// fringe of hair (poindexter) is already half background.
constexpr double kOutlineEdgeInsetMm = 0.75;

// Skin-coloured strips and specks narrower than twice kSpurHalfWidthMm are not scalp:
// a run of a skin-coloured wall along a faint silhouette, lit strands in hair. The scalp
// behind a hairline is centimetres across.
constexpr double kSpurHalfWidthMm = 2.5;
// The opening also blunts the narrow wedges between the hairline and the silhouette at
// the temple corners: there the opened coverage grows back kRegrowMm into what it
// removed, up to kRegrowAboveCornersMm above the corners' height. Higher, on the dome, an
// opened part's tip is the root of a spur along the silhouette (parmitano's
// skin-coloured wall), which would grow back too.
constexpr double kRegrowMm = 4;
constexpr double kRegrowAboveCornersMm = 10;

// Temporal stubble: on a shaved head the stubble runs from the temple corners down the
// sides to the ears, in front of the hairline's gentle side fall. Beyond the corners,
// up to kSideBandDepthMm below them (the corners of the default 70 mm line lie 65 mm
// above the glabella; the ears' tops are near its height) and within kSideBandWidthMm
// of the silhouette (satcher's bands are up to 19 mm wide), a point is scalp when its
// texture is kStubbleTextureRatio times the forehead's or more (the hair test's
// measure, with a lower floor: stubble is finer than hair) or it is dark and dull
// (below), its colour is skin darkened and dulled by the stubble, and it joins the scalp
// behind the hairline. Bare temple skin, even shaded, is smooth. Only where a pixel is
// 1/kMinStubblePxPerMm mm or finer: coarser, stubble does not show.
constexpr double kSideBandDepthMm = 65;
constexpr double kSideBandWidthMm = 20;
constexpr double kSideBandOutlineGapMm = 0.5;
constexpr double kMinStubblePxPerMm = 3.5;
constexpr double kStubbleTextureRatio = 2;
constexpr double kMinStubbleForeheadTexture = 0.5;
constexpr double kStubbleColourTolerance = 2;
// Seen edge-on (the side turned away from the camera), a side band is a strip a few
// millimetres wide along the silhouette whose stubble shows neither texture nor darkening
// (satcher's image-left band, lit; reisman's). Where stubble was found down a side (at
// least kMinSideStubbleCm2 joined), the head is shaved and its sides are too: the band's
// outer kSideRimMm is treated wherever its colour is skin's (as for the stubble), not
// grey (greyRim) and connected to the forehead (step 3's test), with no gap at the
// silhouette: the colour tests leave the background out, and no flood fill crosses it.
// Fake stubble (the sharp inner edge of a synthetic shadow) measures 1.1 cm², the
// shaved photos' 3.2–7.0 cm².
constexpr double kSideRimMm = 4;
constexpr double kMinSideStubbleCm2 = 2;
// Stubble too fine for the texture to show (black stubble on dark skin at satcher's
// 3.75 px/mm) still darkens the skin and greys it: below kStubbleLuma + 0.05 of the
// forehead's brightness (fully from kStubbleLuma down) and duller than
// kSideStubbleSaturation. Satcher's bands measure 0.47 and 0.83 on average; towards the
// bare temple the stubble thins out and mixes in less black (0.45–0.50 and 0.91–1.05 at
// the inner edge near his image-right corner), so the test reaches a little beyond step
// 1's dullness, still below the shaded temples (0.97 and up).
constexpr double kStubbleLuma = 0.6;
constexpr double kSideStubbleSaturation = 0.9;

// Grey near the silhouette is background seen through a blurred edge (parmitano's beige
// wall, at 0.4 of his forehead's saturation, where our silhouette took the wall's
// stronger edge further out) or white hair (biden), not scalp: within kGreyRimMm of the
// silhouette (fading out over 2 mm more), a point duller or less red than
// kGreyRimSaturation of the forehead (fully from 0.1 less), neither dark (dull stubble:
// fully from kStubbleLuma + 0.1 of the brightness, not at all below it) nor brighter
// than the forehead (sheen). Less red: skin blended into a yellowish wall keeps its
// saturation but loses its red (parmitano's blur beside his image-right corner: 0.9–1.4
// of the saturation, 0.4–0.7 of the redness). 0–1.
constexpr double kGreyRimMm = 4;
constexpr double kGreyRimSaturation = 0.8;

double greyRim(const SkinModel& skin, const std::array<float, 3>& rgb, double insetMm) {
    const double near = 1 - smoothstep(kGreyRimMm, kGreyRimMm + 2, insetMm);
    if (near <= 0) return 0;
    const double luma = brightnessRatio(skin, rgb);
    const double colour = std::min(skin.saturationRatio(rgb), skin.rednessRatio(rgb));
    return near * (1 - smoothstep(kGreyRimSaturation - 0.1, kGreyRimSaturation, colour)) *
           smoothstep(kStubbleLuma, kStubbleLuma + 0.1, luma) * (1 - smoothstep(1.0, 1.1, luma));
}

// The dome's rim where it turns away from the camera and the light, or under a fringe of
// fine hair, is not scalp the annotators drew: within kDarkRimMm of the silhouette (fading
// out over 2 mm more), a point darker than kDarkRimLuma of the forehead (fully from 0.05
// less) that is not dull (stubbleDullness: dull is stubble, and stays). Poindexter's
// fringe measures 0.38–0.49 of the brightness and 1.0–1.5 of the saturation, the skin
// inside it 0.49 and up; satcher's stubble edge is as dark but dull (0.35–0.70). 0–1.
constexpr double kDarkRimMm = 3;
constexpr double kDarkRimLuma = 0.5;

double darkRim(const SkinModel& skin, const std::array<float, 3>& rgb, double insetMm) {
    const double near = 1 - smoothstep(kDarkRimMm, kDarkRimMm + 2, insetMm);
    if (near <= 0) return 0;
    return near * (1 - smoothstep(kDarkRimLuma - 0.05, kDarkRimLuma, brightnessRatio(skin, rgb))) *
           (1 - stubbleDullness(skin, rgb));
}

// Where the side bands lie: beyond the corners' verticals, from 3 mm above the temporal
// line to kSideBandDepthMm below the corners. 0–1.
double besideTheCorners(Vec2 mm, Vec2 leftCorner, Vec2 rightCorner) {
    const Vec2 corner = mm.x < 0 ? leftCorner : rightCorner;
    const double beyond = smoothstep(0, 3, std::fabs(mm.x) - std::fabs(corner.x));
    if (beyond <= 0 || mm.y > templeTopMm(mm, corner) + 3) return 0;
    return beyond * (1 - smoothstep(kSideBandDepthMm - 5, kSideBandDepthMm, corner.y - mm.y));
}

// The side band, `insetMm` inside the silhouette. Not on the silhouette itself: the step
// from head to background is rough too.
double sideBandWeight(double beside, double insetMm) {
    return beside * smoothstep(kSideBandOutlineGapMm, kSideBandOutlineGapMm + 1.5, insetMm) *
           (1 - smoothstep(kSideBandWidthMm, kSideBandWidthMm + 3, insetMm));
}

double sideRimWeight(double beside, double insetMm) { return beside * (1 - smoothstep(kSideRimMm, kSideRimMm + 1, insetMm)); }

// Mean colour of a few pixels spread over one lattice cell: stubble and pores average
// out. `texture` gets the spread of their brightness.
std::array<float, 3> cellColour(const Image& photo, Vec2 px, int step, float& texture) {
    std::array<float, 3> sum{0, 0, 0};
    float lumaSum = 0, lumaSquares = 0;
    const int half = step / 2;
    for (int dy = -half; dy <= half; dy += std::max(1, half)) {
        for (int dx = -half; dx <= half; dx += std::max(1, half)) {
            const int x = std::clamp(static_cast<int>(px.x) + dx, 0, photo.width() - 1);
            const int y = std::clamp(static_cast<int>(px.y) + dy, 0, photo.height() - 1);
            const std::uint8_t* rgb = photo.pixel(x, y);
            for (std::size_t c = 0; c < 3; ++c) sum[c] += rgb[c];
            const float luma = (static_cast<float>(rgb[0]) + static_cast<float>(rgb[1]) + static_cast<float>(rgb[2])) / 3.0f;
            lumaSum += luma;
            lumaSquares += luma * luma;
        }
    }
    const float n = half > 0 ? 9.0f : 1.0f;
    const float mean = lumaSum / n;
    texture = std::sqrt(std::max(0.0f, lumaSquares / n - mean * mean));
    return {sum[0] / n, sum[1] / n, sum[2] / n};
}

// The texture of each point where `where` is positive, averaged with its usable
// neighbours over 3×3 points.
std::vector<float> localTexture(const Lattice& lattice, const std::vector<float>& where, const std::vector<float>& texture,
                                const std::vector<bool>& usable) {
    // 3×3 sums of the usable points' texture and of their count, separably: rows first.
    const std::size_t n = where.size();
    std::vector<float> rowSum(n, 0), rowCount(n, 0);
    for (int j = 0; j < lattice.rows; ++j) {
        for (int i = 0; i < lattice.cols; ++i) {
            float sum = 0, count = 0;
            for (int u = std::max(0, i - 1); u <= std::min(lattice.cols - 1, i + 1); ++u) {
                const std::size_t q = lattice.index(u, j);
                if (!usable[q]) continue;
                sum += texture[q];
                count += 1;
            }
            rowSum[lattice.index(i, j)] = sum;
            rowCount[lattice.index(i, j)] = count;
        }
    }
    std::vector<float> local(n, 0);
    for (int j = 0; j < lattice.rows; ++j) {
        for (int i = 0; i < lattice.cols; ++i) {
            const std::size_t k = lattice.index(i, j);
            if (where[k] <= 0) continue;
            float sum = 0, count = 0;
            for (int v = std::max(0, j - 1); v <= std::min(lattice.rows - 1, j + 1); ++v) {
                sum += rowSum[lattice.index(i, v)];
                count += rowCount[lattice.index(i, v)];
            }
            local[k] = count > 0 ? sum / count : 0;
        }
    }
    return local;
}

double meanTexture(const std::vector<float>& texture, const std::vector<int>& seeds) {
    double sum = 0;
    for (int seed : seeds) sum += texture[static_cast<std::size_t>(seed)];
    return sum / static_cast<double>(seeds.size());
}

// 0 where the local texture is at most `low` times the forehead's, to 1 from `high` times.
std::vector<float> roughness(const std::vector<float>& local, const std::vector<float>& where, double forehead,
                             double low, double high) {
    std::vector<float> rough(local.size(), 0);
    for (std::size_t k = 0; k < local.size(); ++k) {
        if (where[k] > 0) rough[k] = static_cast<float>(smoothstep(low * forehead, high * forehead, local[k]));
    }
    return rough;
}

// Treats point k at `value` whatever the hairline says (Lattice::hairlineFree).
void treatBeyondTheHairline(Lattice& lattice, std::size_t k, std::uint8_t value) {
    lattice.coverage[k] = std::max(lattice.coverage[k], value);
    if (lattice.hairlineFree.empty()) lattice.hairlineFree.assign(lattice.coverage.size(), 0);
    lattice.hairlineFree[k] = value;
}

// Adds the parts of `extra` (at half strength or more) that touch the lattice's
// coverage (at half or more), by a flood fill from it: a detached patch stays out.
// Returns the number of points added.
std::size_t joinToScalp(Lattice& lattice, const std::vector<std::uint8_t>& extra) {
    constexpr std::uint8_t kHalf = 128;
    std::vector<int> queue;
    std::vector<bool> reached(extra.size(), false);
    std::size_t added = 0;
    for (std::size_t k = 0; k < extra.size(); ++k) {
        if (lattice.coverage[k] >= kHalf) queue.push_back(static_cast<int>(k)), reached[k] = true;
    }
    for (std::size_t next = 0; next < queue.size(); ++next) {
        const int k = queue[next];
        const int i = k % lattice.cols, j = k / lattice.cols;
        const int neighbours[4][2] = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
        for (const auto& n : neighbours) {
            if (n[0] < 0 || n[1] < 0 || n[0] >= lattice.cols || n[1] >= lattice.rows) continue;
            const std::size_t q = lattice.index(n[0], n[1]);
            if (reached[q] || extra[q] < kHalf) continue;
            reached[q] = true;
            if (lattice.coverage[q] < kHalf) ++added;
            treatBeyondTheHairline(lattice, q, extra[q]);
            queue.push_back(static_cast<int>(q));
        }
    }
    return added;
}

// Coverage of the head-based modes on the lattice: behind the hairline (or in the crown
// patch), inside the head and, for the modes that need skin, on skin connected to the
// forehead.
void fillScalpCoverage(const Image& photo, const HeadFrame& frame, const Hairline& hairline,
                       const HairlineTemplate& style, Coverage coverage, const HeadEllipse& head, Lattice& lattice) {
    const SkinModel skin = SkinModel::fromForehead(photo, frame);
    const HeadOutline outline = HeadOutline::find(photo, frame, skin);
    const bool needsSkin = coverage == Coverage::FullScalp || coverage == Coverage::CrownOnly;
    std::vector<float> shape(lattice.coverage.size(), 0);
    ColourGrid grid;
    if (needsSkin) {
        grid.cols = lattice.cols;
        grid.rows = lattice.rows;
        grid.colours.resize(shape.size());
        grid.usable.assign(shape.size(), false);
    }
    std::vector<float> texture(needsSkin ? shape.size() : 0, 0);
    // Where bare temple skin is looked for (FullScalp only), 0–1.
    const bool temples = coverage == Coverage::FullScalp;
    std::vector<float> temple(temples ? shape.size() : 0, 0);
    const bool sideBand = temples && frame.pxPerMm() >= kMinStubblePxPerMm;
    std::vector<float> band(sideBand ? shape.size() : 0, 0);
    std::vector<float> rim(sideBand ? shape.size() : 0, 0);
    std::vector<float> inset(needsSkin ? shape.size() : 0, 0);  // mm inside the silhouette
    std::vector<int> seeds;
    for (int j = 0; j < lattice.rows; ++j) {
        for (int i = 0; i < lattice.cols; ++i) {
            const std::size_t k = lattice.index(i, j);
            const Vec2 px = lattice.pointPx(i, j);
            const Vec2 mm = frame.toFrame(px);
            const double area = coverage == Coverage::CrownOnly
                                    ? 1 - smoothstep(kCrownPatchRadiusMm - 10, kCrownPatchRadiusMm, length(mm - kCrownCentreMm))
                                    : smoothstep(-style.frontFeatherMm - kMaskEdgeMm, -style.frontFeatherMm,
                                                 hairline.distanceBehind(mm));
            // Below the forehead patch only the treated area matters: paths from the
            // forehead to the scalp run above it. Cheapest tests first.
            const bool pathOnly = needsSkin && mm.y >= kForeheadPatchLowMm - 2;
            const double beside = sideBand ? besideTheCorners(mm, frame.leftCornerMm(), frame.rightCornerMm()) : 0;
            if (area <= 0 && !pathOnly && beside <= 0) continue;
            const double insetMm = outline.insetMm(mm);
            const double inOutline = HeadOutline::weightAtInset(insetMm, 2.0, kOutlineEdgeInsetMm);
            const double inHead = head.weight(mm, 3.0) * inOutline;
            // The band lies along the silhouette, which bounds it; the ellipse (a guess
            // where the silhouette is not seen) would cut a wide head's sides.
            if (inHead <= 0 && beside * inOutline <= 0) continue;
            shape[k] = static_cast<float>(inHead * area);
            if (beside > 0) {
                band[k] = static_cast<float>(inOutline * sideBandWeight(beside, insetMm));
                rim[k] = static_cast<float>(inOutline * sideRimWeight(beside, insetMm));
            }
            if (!needsSkin) continue;
            grid.colours[k] = cellColour(photo, px, lattice.step, texture[k]);
            inset[k] = static_cast<float>(insetMm);
            grid.usable[k] = true;
            if (temples) temple[k] = static_cast<float>(templeWeight(mm, frame.leftCornerMm(), frame.rightCornerMm()));
            if (std::fabs(mm.x) <= 20 && mm.y >= kForeheadPatchLowMm && mm.y <= -10 &&
                skin.likeness(grid.colours[k]) > 0.5) {
                seeds.push_back(static_cast<int>(k));
            }
        }
    }
    // No forehead skin to start from (the patch off the photo, or not skin): the colour
    // test alone decides.
    const bool checkConnected = needsSkin && !seeds.empty();
    std::vector<float> edgeCost;
    std::vector<float> hair;
    std::vector<float> stubble;
    if (checkConnected) {
        edgeCost = colourGeodesic(grid, seeds, static_cast<float>(skin.meanLuma()), kEdgeTolerance);
        std::vector<float> where = shape;
        for (std::size_t k = 0; k < band.size(); ++k) where[k] = std::max(where[k], band[k]);
        const std::vector<float> local = localTexture(lattice, where, texture, grid.usable);
        const double forehead = meanTexture(texture, seeds);
        hair = roughness(local, shape, std::max(kMinForeheadTexture, forehead), kHairTextureRatio,
                         1.5 * kHairTextureRatio);
        if (sideBand) {
            stubble = roughness(local, band, std::max(kMinStubbleForeheadTexture, forehead), kStubbleTextureRatio,
                                1.5 * kStubbleTextureRatio);
        }
    }
    // 1 where the point's cheapest colour path from the forehead crosses no edge.
    const auto connectedAt = [&](std::size_t k) {
        return checkConnected ? 1 - smoothstep(0.6 * kMaxEdgeCost, kMaxEdgeCost, edgeCost[k]) : 1.0;
    };
    for (std::size_t k = 0; k < shape.size(); ++k) {
        double w = shape[k];
        if (w > 0 && needsSkin) {
            const double connected = connectedAt(k);
            w *= skin.likeness(grid.colours[k]) * connected * (hair.empty() ? 1.0 : 1 - hair[k]) *
                 (1 - greyRim(skin, grid.colours[k], inset[k])) * (1 - darkRim(skin, grid.colours[k], inset[k]));
            if (temples && temple[k] > 0) {
                const auto& c = grid.colours[k];
                const double ratio = brightnessRatio(skin, c);
                const double bare = std::max(smoothstep(kTempleSkinLuma, kTempleSkinLuma + 0.06, ratio),
                                             1 - stubbleDullness(skin, c));
                w *= 1 - temple[k] * bare;
            }
        }
        lattice.coverage[k] = toByte(w);
    }
    if (needsSkin) {
        const int radius = static_cast<int>(std::lround(kSpurHalfWidthMm * frame.pxPerMm() / lattice.step));
        std::vector<std::uint8_t> regrowLimit = lattice.coverage;
        openPlane(lattice.coverage, lattice.cols, lattice.rows, radius);
        const double regrowTop = std::max(frame.leftCornerMm().y, frame.rightCornerMm().y) + kRegrowAboveCornersMm;
        for (int j = 0; j < lattice.rows; ++j) {
            for (int i = 0; i < lattice.cols; ++i) {
                const std::size_t k = lattice.index(i, j);
                if (frame.toFrame(lattice.pointPx(i, j)).y > regrowTop) regrowLimit[k] = lattice.coverage[k];
            }
        }
        const int regrow = static_cast<int>(std::lround(kRegrowMm * frame.pxPerMm() / lattice.step));
        regrowPlane(lattice.coverage, regrowLimit, lattice.cols, lattice.rows, regrow);
    }
    if (sideBand && checkConnected) {
        std::vector<std::uint8_t> side(band.size(), 0);
        for (std::size_t k = 0; k < band.size(); ++k) {
            if (band[k] <= 0) continue;
            const auto& c = grid.colours[k];
            const double lumaRatio = brightnessRatio(skin, c);
            const double darkAndDull =
                (1 - smoothstep(kStubbleLuma, kStubbleLuma + 0.05, lumaRatio)) * stubbleDullness(skin, c, kSideStubbleSaturation);
            side[k] = toByte(band[k] * skin.likeness(c, kStubbleColourTolerance) * std::max<double>(stubble[k], darkAndDull));
        }
        const double pointCm2 = lattice.step * lattice.step / (frame.pxPerMm() * frame.pxPerMm()) / 100;
        if (static_cast<double>(joinToScalp(lattice, side)) * pointCm2 < kMinSideStubbleCm2) return;
        for (std::size_t k = 0; k < rim.size(); ++k) {
            if (rim[k] <= 0) continue;
            const auto& c = grid.colours[k];
            const std::uint8_t value = toByte(rim[k] * skin.likeness(c, kStubbleColourTolerance) * connectedAt(k) *
                                              (1 - greyRim(skin, c, inset[k])));
            if (value >= 128 && value > lattice.coverage[k]) treatBeyondTheHairline(lattice, k, value);
        }
    }
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


void buildTreatmentMask(const Image& photo, const HeadFrame& frame, const Hairline& hairline,
                        const HairlineTemplate& style, Coverage coverage, const std::vector<BrushStroke>& brush,
                        TreatmentMask& mask) {
    mask.width = photo.width();
    mask.height = photo.height();
    const std::size_t pixels = static_cast<std::size_t>(mask.width) * static_cast<std::size_t>(mask.height);
    mask.coverage.assign(pixels, 0);
    mask.hairlineFree.clear();
    mask.bounds = {};

    const HeadEllipse head = HeadEllipse::fromCorners(frame.leftCornerMm(), frame.rightCornerMm());
    const bool usesHead = coverage != Coverage::Patch;
    PixelBox area = usesHead ? head.photoBounds(frame, mask.width, mask.height) : PixelBox{};
    for (const BrushStroke& dab : brush) {
        const PixelBox box{static_cast<int>(std::floor(dab.centrePx.x - dab.radiusPx)),
                           static_cast<int>(std::floor(dab.centrePx.y - dab.radiusPx)),
                           static_cast<int>(std::ceil(dab.centrePx.x + dab.radiusPx)) + 1,
                           static_cast<int>(std::ceil(dab.centrePx.y + dab.radiusPx)) + 1};
        area = unite(area, grow(box, 0, mask.width, mask.height));
    }
    const int step = std::max(1, static_cast<int>(std::lround(kLatticeMm * frame.pxPerMm())));
    const int blurRadius = static_cast<int>(std::lround(0.5 * kMaskEdgeMm * frame.pxPerMm() / step));
    area = grow(area, (blurRadius + 1) * step, mask.width, mask.height);
    if (area.empty()) return;

    Lattice lattice(area, step);
    if (usesHead) fillScalpCoverage(photo, frame, hairline, style, coverage, head, lattice);
    // Brush dabs in order: a later erasure wins over an earlier addition and vice versa.
    const bool brushAdds = std::any_of(brush.begin(), brush.end(), [](const BrushStroke& s) { return !s.erase; });
    if (brushAdds && lattice.hairlineFree.empty()) lattice.hairlineFree.assign(lattice.coverage.size(), 0);
    const bool trackFree = !lattice.hairlineFree.empty();
    for (const BrushStroke& dab : brush) paintDab(lattice, dab, trackFree);

    const PixelBox all{0, 0, lattice.cols, lattice.rows};
    boxBlur(lattice.coverage, lattice.cols, all, blurRadius);
    // A pixel is non-zero only next to a non-zero point.
    mask.bounds = nonZeroPixels(lattice, lattice.coverage);
    interpolate(lattice, lattice.coverage, mask.coverage, mask.width, mask.bounds);
    if (trackFree) {
        mask.hairlineFree.assign(lattice.hairlineFree.begin(), lattice.hairlineFree.end());
        mask.latticeArea = lattice.area;
        mask.latticeStep = lattice.step;
        mask.latticeCols = lattice.cols;
    }
}

double TreatmentMask::hairlineFreeAt(int x, int y) const {
    if (hairlineFree.empty() || x < latticeArea.x0 || y < latticeArea.y0 || x >= latticeArea.x1 ||
        y >= latticeArea.y1) {
        return 0;
    }
    // As interpolate() would give it for the pixel.
    const float scale = 1.0f / static_cast<float>(latticeStep);
    const int dx = x - latticeArea.x0;
    const int dy = y - latticeArea.y0;
    const int i = dx / latticeStep;
    const int j = dy / latticeStep;
    const std::uint8_t* top = hairlineFree.data() + static_cast<std::size_t>(j) * static_cast<std::size_t>(latticeCols);
    return between(top, top + latticeCols, static_cast<std::size_t>(i), static_cast<float>(dx - i * latticeStep) * scale,
                   static_cast<float>(dy - j * latticeStep) * scale) /
           255.0;
}

}  // namespace smp
