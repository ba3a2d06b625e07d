// Recognises an image container from its first bytes, before any decoding.
#pragma once

#include <cstddef>
#include <cstdint>

#include "result.h"

namespace smp {

enum class ImageFormat { Jpeg, Png, Bmp, Gif };

const char* formatName(ImageFormat format);  // "JPEG", "PNG", ...

// The format the engine can decode, or UnsupportedFormat naming a recognised but
// undecodable format (HEIC, AVIF, WebP, TIFF, ...), or NotAnImage.
Result<ImageFormat> detectFormat(const std::uint8_t* data, std::size_t size);

}  // namespace smp
