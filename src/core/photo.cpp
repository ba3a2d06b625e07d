#include "photo.h"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>

#include <stb_image.h>

#include "container.h"
#include "exif.h"
#include "orientation.h"
#include "resize.h"
#include "decode_memory_cap.h"

namespace smp {
namespace {

constexpr std::size_t kMaxInputBytesCeiling = INT_MAX;  // stb takes an int length
constexpr int kMaxSideCeiling = 1 << 16;

std::string mebibytes(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return text;
}

std::string megapixels(double pixels) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f megapixels", pixels / 1e6);
    return text;
}

// stb's own reason (terse, e.g. "bad huffman code"), prefixed with what failed.
Error stbError(ImageFormat format, const char* action) {
    const char* reason = stbi_failure_reason();
    if (reason != nullptr && std::strcmp(reason, "outofmem") == 0) {
        return Error{ErrorCode::OutOfMemory,
                     std::string("not enough memory to ") + action + " the " + formatName(format)};
    }
    return Error{ErrorCode::CorruptImage, std::string("could not ") + action + " the " + formatName(format) +
                               ": " + (reason != nullptr ? reason : "unknown error")};
}

// The most any single stb allocation needs for this image: 8 bytes a pixel (16-bit
// RGBA) with JPEG's MCU padding, plus slack for tables and small images.
std::size_t largestStbAllocation(const PhotoInfo& info) {
    const auto paddedWidth = static_cast<std::size_t>(info.storedWidth) + 16;
    const auto paddedHeight = static_cast<std::size_t>(info.storedHeight) + 16;
    return 8 * paddedWidth * paddedHeight + (1u << 20);
}

std::optional<Error> validate(const DecodeLimits& limits) {
    if (limits.maxInputBytes == 0 || limits.maxInputBytes > kMaxInputBytesCeiling) {
        return Error{ErrorCode::InvalidArgument,
                "maximum input size " + std::to_string(limits.maxInputBytes) +
                    " bytes is outside 1.." + std::to_string(kMaxInputBytesCeiling)};
    }
    if (limits.maxPixels == 0) {
        return Error{ErrorCode::InvalidArgument, "maximum pixel count must be positive"};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Error> checkInputSize(double size, const DecodeLimits& limits) {
    if (auto invalid = validate(limits)) return invalid;
    if (size <= 0) return Error{ErrorCode::EmptyInput, "the file is empty (0 bytes)"};
    if (size > static_cast<double>(limits.maxInputBytes)) {
        return Error{ErrorCode::InputTooLarge, "the file is " + mebibytes(size) +
                                                   ", above the limit of " +
                                                   mebibytes(static_cast<double>(limits.maxInputBytes))};
    }
    return std::nullopt;
}

Result<PhotoInfo> readPhotoInfo(const std::uint8_t* data, std::size_t size,
                                const DecodeLimits& limits) {
    if (data == nullptr) size = 0;
    if (auto refused = checkInputSize(static_cast<double>(size), limits)) return *refused;
    auto format = detectFormat(data, size);
    if (!format) return format.error();

    PhotoInfo info;
    info.format = format.value();
    auto container = readContainer(data, size, info.format);
    if (!container) return container.error();
    const ContainerFacts& facts = container.value();
    // Checked on the container's own header, before stb allocates anything.
    const double pixels = static_cast<double>(facts.width) * static_cast<double>(facts.height);
    if (pixels > static_cast<double>(limits.maxPixels)) {
        return Error{ErrorCode::ImageTooLarge,
                     "the image is " + std::to_string(facts.width) + "×" +
                         std::to_string(facts.height) + " (" + megapixels(pixels) +
                         "), above the limit of " +
                         megapixels(static_cast<double>(limits.maxPixels))};
    }
    info.progressive = facts.progressive;
    if (facts.exif != nullptr) {
        const ExifOrientation exif = parseExifOrientation(facts.exif, facts.exifSize);
        info.orientation = exif.value;
        if (!exif.problem.empty()) info.warnings.push_back(exif.problem);
    }

    const int length = static_cast<int>(size);  // fits: size ≤ maxInputBytes ≤ INT_MAX
    if (!stbi_info_from_memory(data, length, &info.storedWidth, &info.storedHeight,
                               &info.channels)) {
        return stbError(info.format, "read the header of");
    }
    if (facts.jpegComponents != 0) info.channels = facts.jpegComponents;  // stb says 3 for CMYK
    info.bitsPerChannel = stbi_is_16_bit_from_memory(data, length) ? 16 : 8;
    const bool swap = swapsAxes(info.orientation);
    info.width = swap ? info.storedHeight : info.storedWidth;
    info.height = swap ? info.storedWidth : info.storedHeight;
    return info;
}

Result<Photo> decodePhoto(const std::uint8_t* data, std::size_t size,
                          const DecodeOptions& options) {
    if (options.maxSide < 0 || options.maxSide > kMaxSideCeiling) {
        return Error{ErrorCode::InvalidArgument, "maximum side " +
                                                     std::to_string(options.maxSide) +
                                                     " is outside 0.." +
                                                     std::to_string(kMaxSideCeiling)};
    }
    auto info = readPhotoInfo(data, size, options.limits);
    if (!info) return info.error();

    Photo photo;
    photo.info = std::move(info).value();
    int width = 0, height = 0, channels = 0;
    std::uint8_t* pixels = nullptr;
    {
        const DecodeMemoryCap cap(largestStbAllocation(photo.info));
        pixels = stbi_load_from_memory(data, static_cast<int>(size), &width, &height, &channels,
                                       Image::kChannels);
        if (cap.exceeded()) {
            std::free(pixels);
            return Error{ErrorCode::CorruptImage,
                         std::string("the ") + formatName(photo.info.format) +
                             " data holds more than a " + std::to_string(photo.info.storedWidth) +
                             "×" + std::to_string(photo.info.storedHeight) + " image can"};
        }
    }
    if (pixels == nullptr) return stbError(photo.info.format, "decode");
    Image stored = Image::adopt(pixels, width, height);

    // Resize before orienting: the same result, and the rotation then touches only
    // the small working image.
    const bool swap = swapsAxes(photo.info.orientation);
    const Size upright = fitWithin({photo.info.width, photo.info.height}, options.maxSide);
    const Size target = swap ? Size{upright.height, upright.width} : upright;
    if (target.width != width || target.height != height) {
        auto resized = resizeImage(stored, target);
        if (!resized) return resized.error();
        stored = std::move(resized).value();
    }
    if (photo.info.orientation == 1) {
        photo.image = std::move(stored);
    } else {
        auto oriented = applyOrientation(stored, photo.info.orientation);
        if (!oriented) return oriented.error();
        photo.image = std::move(oriented).value();
    }
    return photo;
}

}  // namespace smp
