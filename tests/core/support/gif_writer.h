// Writes a GIF with one or more frames of palette indices (uncompressed LZW),
// because stb_image_write has no GIF encoder.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace smp::test {

using GifPalette = std::array<std::array<std::uint8_t, 3>, 4>;  // 4 RGB colours
using GifFrame = std::vector<std::uint8_t>;                      // width*height indices 0..3

std::vector<std::uint8_t> writeGif(int width, int height, const GifPalette& palette,
                                   const std::vector<GifFrame>& frames);

}  // namespace smp::test
