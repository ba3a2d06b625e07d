// Downscaling in linear light (sRGB decoded before filtering, alpha-weighted),
// with a Mitchell–Netravali filter from stb_image_resize.
#pragma once

#include "image.h"

namespace smp {

struct Size {
    int width = 0;
    int height = 0;
};

// The size whose longest side is at most `maxSide`, keeping the aspect ratio;
// `size` itself when it already fits or `maxSide` is 0 (never upscales).
Size fitWithin(Size size, int maxSide);

Result<Image> resizeImage(const Image& source, Size target);

}  // namespace smp
