#include "container.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "jpeg_structure.h"

namespace smp {
namespace {

std::uint32_t readBigEndian32(const std::uint8_t* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}
std::uint32_t readLittleEndian32(const std::uint8_t* p) {
    return std::uint32_t{p[3]} << 24 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[1]} << 8 | p[0];
}
std::uint16_t readLittleEndian16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[1] << 8 | p[0]);
}

Error truncated(ImageFormat format) {
    return Error{ErrorCode::CorruptImage, std::string("the ") + formatName(format) +
                                              " file is truncated: its data stops before the end"};
}

Error badHeader(ImageFormat format) {
    return Error{ErrorCode::CorruptImage,
                 std::string("the ") + formatName(format) + " header is damaged"};
}

Result<ContainerFacts> readJpeg(const std::uint8_t* data, std::size_t size) {
    const JpegStructure jpeg = scanJpeg(data, size);
    if (jpeg.damage != nullptr) {
        return Error{ErrorCode::CorruptImage, std::string("the JPEG file is damaged: ") + jpeg.damage};
    }
    if (!jpeg.complete) return truncated(ImageFormat::Jpeg);
    if (jpeg.width == 0 || jpeg.height == 0) return badHeader(ImageFormat::Jpeg);
    ContainerFacts facts;
    facts.width = jpeg.width;
    facts.height = jpeg.height;
    facts.progressive = jpeg.progressive;
    facts.jpegComponents = jpeg.components;
    facts.exif = jpeg.exif;
    facts.exifSize = jpeg.exifSize;
    return facts;
}

// PNG: IHDR comes first, then chunks up to IEND. Each chunk's declared length must
// fit in the file: stb_image would otherwise allocate what an IDAT length claims
// (up to 2 GiB) before finding the data missing.
Result<ContainerFacts> readPng(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kSignature = 8, kChunkOverhead = 12;  // length, type, CRC
    if (size < 24) return truncated(ImageFormat::Png);
    if (std::memcmp(data + 12, "IHDR", 4) != 0) return badHeader(ImageFormat::Png);
    std::size_t at = kSignature;
    for (;;) {
        if (size - at < kChunkOverhead) return truncated(ImageFormat::Png);
        const std::size_t length = readBigEndian32(data + at);
        if (length > size - at - kChunkOverhead) return truncated(ImageFormat::Png);
        if (std::memcmp(data + at + 4, "IEND", 4) == 0) break;
        at += kChunkOverhead + length;
    }
    return ContainerFacts{readBigEndian32(data + 16), readBigEndian32(data + 20)};
}

// GIF: the logical screen size; a 0x3B trailer ends the file.
Result<ContainerFacts> readGif(const std::uint8_t* data, std::size_t size) {
    if (size < 13) return truncated(ImageFormat::Gif);
    if (data[size - 1] != 0x3B) return truncated(ImageFormat::Gif);
    return ContainerFacts{readLittleEndian16(data + 6), readLittleEndian16(data + 8)};
}

// BMP: uncompressed pixel rows must all be present (stb would zero-fill them).
Result<ContainerFacts> readBmp(const std::uint8_t* data, std::size_t size) {
    if (size < 26) return truncated(ImageFormat::Bmp);
    const std::uint32_t pixelOffset = readLittleEndian32(data + 10);
    const std::uint32_t headerSize = readLittleEndian32(data + 14);
    ContainerFacts facts;
    long long bitsPerPixel = 0, compression = 0;
    if (headerSize == 12) {  // OS/2 BITMAPCOREHEADER
        facts.width = readLittleEndian16(data + 18);
        facts.height = readLittleEndian16(data + 20);
        bitsPerPixel = readLittleEndian16(data + 24);
    } else {
        if (size < 34) return truncated(ImageFormat::Bmp);
        facts.width = static_cast<std::int32_t>(readLittleEndian32(data + 18));
        facts.height = std::llabs(static_cast<std::int32_t>(readLittleEndian32(data + 22)));  // < 0: top-down
        bitsPerPixel = readLittleEndian16(data + 28);
        compression = readLittleEndian32(data + 30);
    }
    const bool uncompressed = compression == 0 || compression == 3 || compression == 6;
    if (uncompressed && facts.width > 0 && bitsPerPixel > 0) {
        const long long rowBytes = (bitsPerPixel * facts.width + 31) / 32 * 4;
        const long long needed = static_cast<long long>(pixelOffset) + rowBytes * facts.height;
        if (needed > static_cast<long long>(size)) return truncated(ImageFormat::Bmp);
    }
    return facts;
}

}  // namespace

Result<ContainerFacts> readContainer(const std::uint8_t* data, std::size_t size,
                                     ImageFormat format) {
    switch (format) {
        case ImageFormat::Jpeg: return readJpeg(data, size);
        case ImageFormat::Png: return readPng(data, size);
        case ImageFormat::Gif: return readGif(data, size);
        case ImageFormat::Bmp: return readBmp(data, size);
    }
    return badHeader(format);
}

}  // namespace smp
