// Facts read from an image file's container before decoding: the stored size (so the
// limits can be checked before stb allocates anything), whether the file is complete,
// and the JPEG details. Every read is bounds-checked.
#pragma once

#include <cstddef>
#include <cstdint>

#include "format.h"
#include "result.h"

namespace smp {

struct ContainerFacts {
    long long width = 0;   // as stored, before EXIF orientation
    long long height = 0;
    bool progressive = false;  // JPEG only
    int jpegComponents = 0;    // JPEG only: 1 grey, 3 YCbCr, 4 CMYK/YCCK
    const std::uint8_t* exif = nullptr;  // JPEG APP1 payload from the TIFF header on
    std::size_t exifSize = 0;
};

// CorruptImage when the header is unreadable or the file stops before its end.
Result<ContainerFacts> readContainer(const std::uint8_t* data, std::size_t size,
                                     ImageFormat format);

}  // namespace smp
