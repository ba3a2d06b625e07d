#include "support/png_writer.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

#include <stb_image_write.h>

// Defined by stb_image_write's implementation but not declared in its header.
extern "C" unsigned char* stbi_zlib_compress(unsigned char* data, int dataLength, int* outLength,
                                             int quality);

namespace smp::test {
namespace {

using Bytes = std::vector<std::uint8_t>;

std::uint32_t crc32(const std::uint8_t* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put32(Bytes& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void putChunk(Bytes& out, const char type[4], const Bytes& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    put32(out, crc32(out.data() + start, out.size() - start));
}

Bytes header(std::uint32_t width, std::uint32_t height, int bitDepth, PngColor color) {
    Bytes out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    Bytes ihdr;
    put32(ihdr, width);
    put32(ihdr, height);
    ihdr.push_back(static_cast<std::uint8_t>(bitDepth));
    ihdr.push_back(static_cast<std::uint8_t>(color));
    ihdr.insert(ihdr.end(), {0, 0, 0});  // deflate, adaptive filtering, no interlace
    putChunk(out, "IHDR", ihdr);
    return out;
}

int channelsOf(PngColor color) {
    switch (color) {
        case PngColor::Grey: return 1;
        case PngColor::Rgb: return 3;
        case PngColor::Palette: return 1;
        case PngColor::GreyAlpha: return 2;
        case PngColor::Rgba: return 4;
    }
    return 0;
}

}  // namespace

Bytes writePngHeaderOnly(std::uint32_t width, std::uint32_t height) {
    Bytes out = header(width, height, 8, PngColor::Rgb);
    putChunk(out, "IEND", {});
    return out;
}

Bytes writePng(const PngSpec& spec) {
    const int channels = channelsOf(spec.color);
    const std::size_t perRow = static_cast<std::size_t>(spec.width * channels);
    if (spec.samples.size() != perRow * static_cast<std::size_t>(spec.height)) {
        throw std::runtime_error("writePng: sample count does not match the size");
    }
    Bytes raw;  // filter byte 0 (None) then big-endian samples, per row
    for (int y = 0; y < spec.height; ++y) {
        raw.push_back(0);
        for (std::size_t i = 0; i < perRow; ++i) {
            const std::uint16_t sample = spec.samples[static_cast<std::size_t>(y) * perRow + i];
            if (spec.bitDepth == 16) raw.push_back(static_cast<std::uint8_t>(sample >> 8));
            raw.push_back(static_cast<std::uint8_t>(sample & 0xFF));
        }
    }
    return writePngWithScanlines(spec, raw);
}

Bytes writePngWithScanlines(const PngSpec& spec, const Bytes& scanlines) {
    int zlibSize = 0;
    unsigned char* zlib = stbi_zlib_compress(const_cast<unsigned char*>(scanlines.data()),
                                             static_cast<int>(scanlines.size()), &zlibSize, 8);
    if (zlib == nullptr) throw std::runtime_error("writePng: deflate failed");
    const Bytes idat(zlib, zlib + zlibSize);
    std::free(zlib);

    Bytes out = header(static_cast<std::uint32_t>(spec.width),
                       static_cast<std::uint32_t>(spec.height), spec.bitDepth, spec.color);
    if (spec.color == PngColor::Palette) putChunk(out, "PLTE", spec.palette);
    putChunk(out, "IDAT", idat);
    putChunk(out, "IEND", {});
    return out;
}

}  // namespace smp::test
