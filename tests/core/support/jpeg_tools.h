// JPEG variants stb_image_write cannot produce, written with libjpeg (native builds).
#pragma once

#include <cstdint>
#include <vector>

#include "image.h"

namespace smp::test {

#if SMP_HAVE_LIBJPEG
std::vector<std::uint8_t> writeProgressiveJpeg(const Image& image, int quality);
// Adobe-style CMYK JPEG (inverted: 255 = no ink), every pixel the same four values.
std::vector<std::uint8_t> writeCmykJpeg(int width, int height, const std::uint8_t cmyk[4]);
#endif

}  // namespace smp::test
