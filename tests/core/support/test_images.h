// Images and encoded files made by the tests, so every case starts from known pixels.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "image.h"

namespace smp::test {

using Bytes = std::vector<std::uint8_t>;

// An asymmetric picture with smooth content (survives JPEG well): red rises to the
// right, green rises downwards, blue marks the top-left quarter.
Image makeTestImage(int width, int height);
// Solid colour image.
Image makeSolidImage(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b,
                     std::uint8_t a = 255);

Bytes toPng(const Image& image);
Bytes toJpeg(const Image& image, int quality = 95);
Bytes toBmp(const Image& image, int channels);  // 3 → 24-bit, 4 → 32-bit

// JPEG with an APP1 EXIF block right after SOI holding `orientation`.
Bytes withExifOrientation(const Bytes& jpeg, int orientation, bool bigEndian);
// JPEG with an APP1 segment holding "Exif\0\0" + `tiff` (any bytes, for malformed cases).
Bytes withExifPayload(const Bytes& jpeg, const Bytes& tiff);

Bytes readFixture(const std::string& name);  // from SMP_FIXTURES_DIR
Bytes randomBytes(std::size_t size, std::uint32_t seed);

// Largest absolute channel difference and mean absolute difference (RGB only).
struct Difference {
    int max = 0;
    double mean = 0;
};
Difference compareRgb(const Image& a, const Image& b);

}  // namespace smp::test
