// A first, simple scalp estimate from the handles alone: an ellipse for the head, and
// skin that looks like the forehead just below the hairline. Good enough on a plain
// front view; automatic, robust scalp finding is a later step (issue #6).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "head_frame.h"
#include "image.h"

namespace smp {

// Head outline in the frame, proportional to the temple span: front view, the top of
// the head about 85 mm above the mid-frontal point on an average adult.
struct HeadEllipse {
    Vec2 centreMm;
    double halfWidthMm;
    double halfHeightMm;
    static HeadEllipse fromCorners(Vec2 leftCornerMm, Vec2 rightCornerMm);
    // 1 well inside, 0 outside, a smooth edge of edgeMm.
    double weight(Vec2 mm, double edgeMm) const;
    // The photo pixels the ellipse (with a margin for its soft edge) can touch.
    PixelBox photoBounds(const HeadFrame& frame, int width, int height) const;
};

// Skin colour of the forehead: mean chromaticity and brightness of a patch just below
// the mid-frontal point, with their spread.
class SkinModel {
public:
    static SkinModel fromForehead(const Image& photo, const HeadFrame& frame);
    // 1 for forehead-like skin, falling to 0 for other colours (hair, cloth, background).
    // `tolerance` > 1 widens the accepted colours by that factor (skin under stubble:
    // darker, duller, with the hair's own hue mixed in).
    double likeness(const std::array<float, 3>& rgb, double tolerance = 1) const;
    double meanLuma() const { return meanLuma_; }
    // How far rgb's chromaticity lies from grey, over the forehead's: below 1 duller.
    double saturationRatio(const std::array<float, 3>& rgb) const;
    // How much redder than green rgb's chromaticity is, over the forehead's: below 1
    // nearer grey or yellow (skin blended into a beige wall).
    double rednessRatio(const std::array<float, 3>& rgb) const;

private:
    double meanR_ = 0.45, meanG_ = 0.31;      // chromaticity r, g of the forehead
    double spreadR_ = 0.02, spreadG_ = 0.01;  // and their spread
    double meanLuma_ = 128;
};

}  // namespace smp
