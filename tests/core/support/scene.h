// Synthetic scenes for the simulator tests: photos made of known pixels and handles
// placed at a known scale, so every figure the tests measure can be worked out by hand.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "head_frame.h"
#include "image.h"
#include "simulator.h"

namespace smp::test {

// Fair skin, sRGB.
constexpr std::uint8_t kSkin[3] = {220, 180, 160};

struct Scene {
    int width = 0;
    int height = 0;
    double pxPerMm = 0;
    Handles handles;
};

// Level temple corners kDefaultTempleSpanMm apart at `pxPerMm`, the mid-frontal point
// at `midFrontPx`: the head frame's x is the photo's x, its y the photo's −y.
Scene levelScene(int width, int height, double pxPerMm, Vec2 midFrontPx);

// Flat colour, opaque.
Image flatPhoto(int width, int height, const std::uint8_t rgb[3] = kSkin);
// Skin with a deterministic per-pixel grain (±10 per channel) and dark hair, with the
// same grain, in bands `hairBandPx` wide at the left and right edges from the top down
// to row `hairBottomPx` (hair left on the sides): something for the skin test to reject.
Image texturedPhoto(int width, int height, int hairBandPx, int hairBottomPx, std::uint32_t seed);
// Whether (x, y) is in those hair bands.
bool inHairBands(int x, int y, int width, int hairBandPx, int hairBottomPx);

// One brush dab (Patch coverage) that covers the whole photo with full coverage.
BrushStroke dabCoveringPhoto(int width, int height);

// A simulator with this photo and scene's handles; fails the current test on error.
void setUp(Simulator& sim, Image photo, const Scene& scene);
// Renders and fails the current test on error.
const Image& renderOrFail(Simulator& sim);

// Linear-light luminance of an sRGB pixel (Rec. 709 weights).
double linearLuma(const std::uint8_t* rgb);

}  // namespace smp::test
