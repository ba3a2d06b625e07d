// Writes PNG files in the variants stb_image_write cannot: grey, grey+alpha,
// palette and 16-bit samples.
#pragma once

#include <cstdint>
#include <vector>

namespace smp::test {

enum class PngColor : std::uint8_t { Grey = 0, Rgb = 2, Palette = 3, GreyAlpha = 4, Rgba = 6 };

struct PngSpec {
    int width = 0;
    int height = 0;
    PngColor color = PngColor::Rgb;
    int bitDepth = 8;                     // 8 or 16
    std::vector<std::uint16_t> samples;   // row-major, channels interleaved
    std::vector<std::uint8_t> palette;    // RGB triples, for PngColor::Palette
};

// A PNG whose IHDR claims any size (for limit tests): header and IEND only.
std::vector<std::uint8_t> writePngHeaderOnly(std::uint32_t width, std::uint32_t height);
std::vector<std::uint8_t> writePng(const PngSpec& spec);
// A PNG with spec's header (samples ignored) whose IDAT inflates to `scanlines` as given,
// whether or not that matches the header (for zlib-bomb tests).
std::vector<std::uint8_t> writePngWithScanlines(const PngSpec& spec,
                                                const std::vector<std::uint8_t>& scanlines);

}  // namespace smp::test
