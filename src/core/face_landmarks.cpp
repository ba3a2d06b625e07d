#include "face_landmarks.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "cascade_detector.h"
#include "det_math.h"

namespace smp {
namespace {

// The face patch is resampled so the face box is this wide; all sizes below are in
// patch pixels, i.e. shares of the face width × 320.
constexpr double kPatchFaceWidth = 320;
// Where the pupils sit in the LBP face box (shares of its width from its top-left
// corner; the mean over the fixture faces, ±0.03).
constexpr double kPupilX[2] = {0.245, 0.78};
constexpr double kPupilY = 0.235;
// The eye cascade runs on the patch rows between these (shares of the face width from
// the patch's top, which is 0.25 above the face box): the eyes sit near 0.485.
constexpr double kEyeBandTop = 0.30;
constexpr double kEyeBandBottom = 0.72;
// An eye box counts for an eye when its centre is this close to where the eye should be.
constexpr double kEyeTolerance = 0.12;
// The pupil is looked for this far (half-width, half-height) around the eye's centre:
// wide enough for a mis-centred eye box, short of the brow above.
constexpr double kSearchHalfWidth = 0.07;
constexpr double kSearchHalfHeight = 0.05;
// Smoothing before the darkest-point search: about a pupil's radius; and the
// surround the iris is compared with (the white of the eye and the lids).
constexpr double kBlurRadius = 0.012;
constexpr double kCatchlightRadius = 0.012;
constexpr double kSurroundRadius = 0.05;
// Disc around the darkest point whose dark pixels give the pupil's centroid.
constexpr double kPupilDisc = 0.025;
// Outer eye corner from the pupils: lateral by this share of the pupil distance and
// slightly below (the fixtures' canthi: 0.16–0.30 outside, 0–0.06 below).
constexpr double kCornerOffset = 0.21;
constexpr double kCornerDrop = 0.02;
// Brows: the darkest band this high above the pupils (shares of the face width; above
// 0.22 lie fringes and hairlines), over a strip this wide; found when darker than
// their surroundings by kMinBrowContrast.
constexpr double kBrowMin = 0.06;
constexpr double kBrowMax = 0.22;
constexpr double kBrowHalfStrip = 0.06;
constexpr double kMinBrowContrast = 6;
// The glabella's height above the pupils' midpoint from face proportions: this share
// of the pupil distance (0.18–0.32 on the fixtures). With brows found, the estimate is
// the mean of this and the brows' height: two independent errors partly cancel.
constexpr double kGlabellaAbovePupils = 0.255;

struct FacePatch {
    GrayImage image;
    double originX = 0, originY = 0;  // image position of the patch's top-left corner
    double scale = 1;                 // image pixels per patch pixel
    Vec2 toImage(Vec2 p) const { return {originX + (p.x + 0.5) * scale - 0.5, originY + (p.y + 0.5) * scale - 0.5}; }
};

FacePatch makePatch(const GrayImage& gray, PixelBox face) {
    const double w = face.x1 - face.x0;
    FacePatch patch;
    patch.scale = w / kPatchFaceWidth;
    // From a little outside the box's sides, and from above its top (the brows) down
    // to below the eyes.
    const int x0 = face.x0 - static_cast<int>(0.1 * w);
    const int y0 = face.y0 - static_cast<int>(0.25 * w);
    const int x1 = face.x1 + static_cast<int>(0.1 * w);
    const int y1 = face.y0 + static_cast<int>(0.6 * w);
    patch.originX = x0;
    patch.originY = y0;
    const int pw = static_cast<int>(std::lround((x1 - x0) / patch.scale));
    const int ph = static_cast<int>(std::lround((y1 - y0) / patch.scale));
    const bool inside = x0 >= 0 && y0 >= 0 && x1 <= gray.width && y1 <= gray.height;
    if (inside) {
        patch.image = resampleRegion(gray, {x0, y0, x1, y1}, pw, ph);
        return patch;
    }
    // A face near the photo's edge: nearest samples, edge pixels repeated (resampling a
    // clipped region would change the patch's scale).
    patch.image = GrayImage{pw, ph, std::vector<std::uint8_t>(static_cast<std::size_t>(pw) * static_cast<std::size_t>(ph))};
    for (int y = 0; y < ph; ++y) {
        for (int x = 0; x < pw; ++x) {
            const Vec2 p = patch.toImage({static_cast<double>(x), static_cast<double>(y)});
            const int ix = std::clamp(static_cast<int>(std::lround(p.x)), 0, gray.width - 1);
            const int iy = std::clamp(static_cast<int>(std::lround(p.y)), 0, gray.height - 1);
            patch.image.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(pw) + static_cast<std::size_t>(x)] = gray.at(ix, iy);
        }
    }
    return patch;
}

Vec2 expectedEye(int side, const FacePatch& patch, PixelBox face) {
    const double w = face.x1 - face.x0;
    const Vec2 image{face.x0 + kPupilX[side] * w, face.y0 + kPupilY * w};
    return {(image.x - patch.originX) / patch.scale, (image.y - patch.originY) / patch.scale};
}

// Eye boxes in patch pixels. The cascade runs only on the band where eyes can be, at
// half the patch's resolution (eyes ~32 px for its 20 px window): a tenth of the work.
std::vector<Detection> findEyeBoxes(const GrayImage& patch, const Cascade& eyeCascade) {
    const int top = static_cast<int>(kEyeBandTop * kPatchFaceWidth);
    const int bottom = std::min(patch.height, static_cast<int>(kEyeBandBottom * kPatchFaceWidth));
    const GrayImage band = resampleRegion(patch, {0, top, patch.width, bottom}, patch.width / 2, (bottom - top) / 2);
    DetectOptions options;
    options.minNeighbours = 1;
    options.maxWindow = static_cast<int>(0.35 * kPatchFaceWidth / 2);
    std::vector<Detection> eyes = detectObjects(band, eyeCascade, options);
    for (Detection& eye : eyes) {
        eye.box = {2 * eye.box.x0, top + 2 * eye.box.y0, 2 * eye.box.x1, top + 2 * eye.box.y1};
    }
    return eyes;
}

Vec2 centreOf(const PixelBox& b) { return {0.5 * (b.x0 + b.x1), 0.5 * (b.y0 + b.y1)}; }

// The eye box with most neighbours near where the eye should be, if any.
const Detection* pickEye(const std::vector<Detection>& eyes, Vec2 expected) {
    const Detection* best = nullptr;
    for (const Detection& eye : eyes) {
        const Vec2 c = centreOf(eye.box);
        if (length(c - expected) > kEyeTolerance * kPatchFaceWidth) continue;
        if (!best || eye.neighbours > best->neighbours) best = &eye;
    }
    return best;
}

double sampleAt(const GrayImage& image, Vec2 p) {
    const int x = std::clamp(static_cast<int>(std::lround(p.x)), 0, image.width - 1);
    const int y = std::clamp(static_cast<int>(std::lround(p.y)), 0, image.height - 1);
    return image.at(x, y);
}

// The darkest compact blob near `centre`: the minimum of the smoothed patch made
// darker where it is darker than its surround (a round iris in the white of the eye,
// not the long dark line of the lashes), with a mild pull towards the centre; then
// the centroid of the dark pixels around it.
Vec2 findPupil(const GrayImage& blurred, const GrayImage& surround, Vec2 centre) {
    const double hx = kSearchHalfWidth * kPatchFaceWidth;
    const double hy = kSearchHalfHeight * kPatchFaceWidth;
    double bestScore = std::numeric_limits<double>::max();
    Vec2 best = centre;
    for (int y = static_cast<int>(centre.y - hy); y <= static_cast<int>(centre.y + hy); ++y) {
        for (int x = static_cast<int>(centre.x - hx); x <= static_cast<int>(centre.x + hx); ++x) {
            if (x < 0 || y < 0 || x >= blurred.width || y >= blurred.height) continue;
            const double dx = (x - centre.x) / hx;
            const double dy = (y - centre.y) / hy;
            const double blob = 2.0 * blurred.at(x, y) - surround.at(x, y);
            const double score = blob + 20 * (dx * dx + dy * dy);
            if (score < bestScore) {
                bestScore = score;
                best = {static_cast<double>(x), static_cast<double>(y)};
            }
        }
    }
    const double r = kPupilDisc * kPatchFaceWidth;
    for (int round = 0; round < 2; ++round) {
        double sum = 0, darkest = 255;
        int count = 0;
        for (int y = static_cast<int>(best.y - r); y <= static_cast<int>(best.y + r); ++y) {
            for (int x = static_cast<int>(best.x - r); x <= static_cast<int>(best.x + r); ++x) {
                if (x < 0 || y < 0 || x >= blurred.width || y >= blurred.height) continue;
                if ((x - best.x) * (x - best.x) + (y - best.y) * (y - best.y) > r * r) continue;
                sum += blurred.at(x, y);
                darkest = std::min<double>(darkest, blurred.at(x, y));
                ++count;
            }
        }
        if (count == 0) break;
        const double threshold = darkest + 0.5 * (sum / count - darkest);
        double wx = 0, wy = 0, wsum = 0;
        for (int y = static_cast<int>(best.y - r); y <= static_cast<int>(best.y + r); ++y) {
            for (int x = static_cast<int>(best.x - r); x <= static_cast<int>(best.x + r); ++x) {
                if (x < 0 || y < 0 || x >= blurred.width || y >= blurred.height) continue;
                if ((x - best.x) * (x - best.x) + (y - best.y) * (y - best.y) > r * r) continue;
                const double weight = threshold - blurred.at(x, y);
                if (weight <= 0) continue;
                wx += weight * x;
                wy += weight * y;
                wsum += weight;
            }
        }
        if (wsum <= 0) break;
        best = {wx / wsum, wy / wsum};
    }
    return best;
}

struct Brow {
    double heightPx = 0;  // above the pupil, patch pixels
    double contrast = 0;  // grey levels darker than the strip's mean
};

// The darkest band above a pupil, across a strip along the pupil line.
Brow findBrow(const GrayImage& blurred, Vec2 pupil, Vec2 up, Vec2 across) {
    const double half = kBrowHalfStrip * kPatchFaceWidth;
    Brow brow;
    double darkest = std::numeric_limits<double>::max(), total = 0;
    int rows = 0;
    for (double t = kBrowMin * kPatchFaceWidth; t <= kBrowMax * kPatchFaceWidth; t += 1) {
        double sum = 0;
        int n = 0;
        for (double s = -half; s <= half; s += 1) {
            sum += sampleAt(blurred, pupil + t * up + s * across);
            ++n;
        }
        const double mean = sum / n;
        total += mean;
        ++rows;
        if (mean < darkest) {
            darkest = mean;
            brow.heightPx = t;
        }
    }
    brow.contrast = total / rows - darkest;
    return brow;
}

}  // namespace

FaceLandmarks findLandmarks(const GrayImage& gray, PixelBox face, const Cascade* eyeCascade) {
    FaceLandmarks marks;
    const FacePatch patch = makePatch(gray, face);
    const std::vector<Detection> eyes = eyeCascade ? findEyeBoxes(patch.image, *eyeCascade) : std::vector<Detection>{};
    // Eroded first, so catchlights do not brighten the pupils.
    const GrayImage eroded = erode(patch.image, static_cast<int>(std::lround(kCatchlightRadius * kPatchFaceWidth)));
    const GrayImage blurred = boxBlur(eroded, static_cast<int>(std::lround(kBlurRadius * kPatchFaceWidth)), 2);
    const GrayImage surround = boxBlur(eroded, static_cast<int>(std::lround(kSurroundRadius * kPatchFaceWidth)), 2);
    Vec2 pupils[2];
    bool detected[2] = {false, false};
    PixelBox searched[2];
    for (int side = 0; side < 2; ++side) {
        Vec2 centre = expectedEye(side, patch, face);
        if (const Detection* eye = pickEye(eyes, centre)) {
            centre = centreOf(eye->box);
            detected[side] = true;
        }
        pupils[side] = findPupil(blurred, surround, centre);
        const double hx = kSearchHalfWidth * kPatchFaceWidth, hy = kSearchHalfHeight * kPatchFaceWidth;
        const Vec2 a = patch.toImage({centre.x - hx, centre.y - hy});
        const Vec2 b = patch.toImage({centre.x + hx, centre.y + hy});
        searched[side] = {static_cast<int>(a.x), static_cast<int>(a.y), static_cast<int>(b.x) + 1, static_cast<int>(b.y) + 1};
    }

    const Vec2 line = pupils[1] - pupils[0];
    const double distance = std::max(1e-9, length(line));
    const Vec2 across = (1 / distance) * line;
    const Vec2 up{across.y, -across.x};  // y grows downwards: the pupil line turned a quarter
    const Brow brows[2] = {findBrow(blurred, pupils[0], up, across), findBrow(blurred, pupils[1], up, across)};
    marks.browsFound = brows[0].contrast >= kMinBrowContrast && brows[1].contrast >= kMinBrowContrast;

    const Vec2 middle = 0.5 * (pupils[0] + pupils[1]);
    const double proportional = kGlabellaAbovePupils * distance;
    const double glabellaHeight =
        marks.browsFound ? 0.5 * (proportional + 0.5 * (brows[0].heightPx + brows[1].heightPx)) : proportional;
    marks.leftPupil = patch.toImage(pupils[0]);
    marks.rightPupil = patch.toImage(pupils[1]);
    const Vec2 drop = (-kCornerDrop * distance) * up;
    marks.leftEyeCorner = patch.toImage(pupils[0] - kCornerOffset * line + drop);
    marks.rightEyeCorner = patch.toImage(pupils[1] + kCornerOffset * line + drop);
    marks.leftBrow = patch.toImage(pupils[0] + brows[0].heightPx * up);
    marks.rightBrow = patch.toImage(pupils[1] + brows[1].heightPx * up);
    marks.glabella = patch.toImage(middle + glabellaHeight * up);
    marks.upAxis = up;  // a direction: the same in the patch and the image (uniform scale)
    marks.tiltDeg = det::atan2(line.y, line.x) * 180 / det::kPi;
    marks.leftEyeBox = searched[0];
    marks.rightEyeBox = searched[1];
    marks.leftEyeDetected = detected[0];
    marks.rightEyeDetected = detected[1];
    return marks;
}

}  // namespace smp
