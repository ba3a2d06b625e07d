// 8-bit grey images for detection: luma from the sRGB photo, resampling and crops.
// Integer and plain floating-point arithmetic only, so native and WASM agree.
#pragma once

#include <cstdint>
#include <vector>

#include "head_frame.h"
#include "image.h"

namespace smp {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // rows top to bottom, no padding

    std::uint8_t at(int x, int y) const {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
    }
};

// Rec. 601 luma of the sRGB values (what OpenCV's cascades were trained on).
GrayImage toGray(const Image& photo);

// The region [box] of `source` (clipped to it) resampled to width×height: area
// averaging when shrinking, bilinear when enlarging (separable, per axis).
GrayImage resampleRegion(const GrayImage& source, PixelBox box, int width, int height);

// Box blur of the given radius, repeated `passes` times (≈ a Gaussian).
GrayImage boxBlur(const GrayImage& source, int radius, int passes);

// Grey erosion: each pixel the minimum over a (2·radius+1)² square. Removes bright
// specks smaller than the square (catchlights in an eye) and keeps dark areas.
GrayImage erode(const GrayImage& source, int radius);

}  // namespace smp
