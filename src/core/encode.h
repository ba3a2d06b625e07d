// PNG and JPEG encoding of an RGBA image into memory (stb_image_write), for export.
#pragma once

#include <cstdint>
#include <vector>

#include "image.h"

namespace smp {

Result<std::vector<std::uint8_t>> encodePng(const Image& image);
// quality 1..100; alpha is dropped (JPEG has none).
Result<std::vector<std::uint8_t>> encodeJpeg(const Image& image, int quality);

}  // namespace smp
