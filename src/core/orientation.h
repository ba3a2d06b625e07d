// EXIF orientation 1..8: how the stored pixels map to the upright picture.
#pragma once

#include "image.h"

namespace smp {

// True for 5..8, where the upright picture's width is the stored height.
bool swapsAxes(int orientation);
// The orientation that undoes `orientation` (6 and 8 swap; the others undo themselves).
int inverseOrientation(int orientation);
// The upright picture of `stored`, whose EXIF orientation is `orientation` (1..8).
Result<Image> applyOrientation(const Image& stored, int orientation);

}  // namespace smp
