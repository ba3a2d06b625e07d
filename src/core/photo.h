// From photo file bytes to an upright working image.
//
//   readPhotoInfo  reads headers only: format, stored size, EXIF orientation. It checks
//                  the size limits before anything large is allocated.
//   decodePhoto    decodes (stb_image), downscales in linear light to the working size,
//                  then applies the EXIF orientation.
//
// Both take a borrowed byte buffer and keep no pointer into it after returning.
// Failures are Result errors with a one-line message; nothing throws or aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format.h"
#include "image.h"

namespace smp {

struct DecodeLimits {
    std::size_t maxInputBytes = 64u * 1024u * 1024u;  // 1 .. 2^31-1 bytes
    std::size_t maxPixels = 50'000'000;               // width × height of the stored image
};

struct DecodeOptions {
    DecodeLimits limits;
    int maxSide = 2048;  // longest side of the working image; 0 keeps the full size
};

struct PhotoInfo {
    ImageFormat format = ImageFormat::Jpeg;
    int storedWidth = 0;   // as the pixels are stored in the file
    int storedHeight = 0;
    int orientation = 1;   // EXIF orientation applied to reach the upright picture
    int width = 0;         // upright size at full resolution
    int height = 0;
    int channels = 0;      // in the file: 1 grey, 2 grey+alpha, 3 colour, 4 colour+alpha/CMYK
    int bitsPerChannel = 8;
    bool progressive = false;            // JPEG only
    std::vector<std::string> warnings;   // problems that did not stop decoding
};

struct Photo {
    PhotoInfo info;
    Image image;  // upright, RGBA8 sRGB, longest side ≤ DecodeOptions::maxSide
};

// EmptyInput or InputTooLarge for a file of `size` bytes (a double, so callers can
// check sizes beyond this address space, e.g. a 5 GB file picked in a browser).
// Lets callers refuse a file before copying it anywhere; readPhotoInfo checks too.
std::optional<Error> checkInputSize(double size, const DecodeLimits& limits = {});

Result<PhotoInfo> readPhotoInfo(const std::uint8_t* data, std::size_t size,
                                const DecodeLimits& limits = {});

Result<Photo> decodePhoto(const std::uint8_t* data, std::size_t size,
                          const DecodeOptions& options = {});

}  // namespace smp
