#include "format.h"

#include <cstring>
#include <string>
#include <string_view>

namespace smp {
namespace {

using namespace std::string_view_literals;

// `magic` is a string_view so that signatures may contain NUL bytes.
bool startsWith(const std::uint8_t* data, std::size_t size, std::size_t at,
                std::string_view magic) {
    return size >= at + magic.size() && std::memcmp(data + at, magic.data(), magic.size()) == 0;
}

Error unsupported(const char* what) {
    return Error{ErrorCode::UnsupportedFormat,
                 std::string(what) + " images are not supported; use JPEG, PNG, BMP or GIF"};
}

}  // namespace

const char* formatName(ImageFormat format) {
    switch (format) {
        case ImageFormat::Jpeg: return "JPEG";
        case ImageFormat::Png: return "PNG";
        case ImageFormat::Bmp: return "BMP";
        case ImageFormat::Gif: return "GIF";
    }
    return "unknown";
}

Result<ImageFormat> detectFormat(const std::uint8_t* data, std::size_t size) {
    if (startsWith(data, size, 0, "\xFF\xD8\xFF"sv)) return ImageFormat::Jpeg;
    if (startsWith(data, size, 0, "\x89PNG\r\n\x1A\n"sv)) return ImageFormat::Png;
    if (startsWith(data, size, 0, "GIF87a"sv) || startsWith(data, size, 0, "GIF89a"sv)) {
        return ImageFormat::Gif;
    }
    if (startsWith(data, size, 0, "BM"sv) && size >= 26) return ImageFormat::Bmp;

    // Formats people really upload that the decoder cannot read: name them, so the
    // page can fall back to the browser's decoder and the CLI can say what to do.
    if (startsWith(data, size, 4, "ftypavif"sv) || startsWith(data, size, 4, "ftypavis"sv)) {
        return unsupported("AVIF");
    }
    if (startsWith(data, size, 4, "ftyp"sv) && size >= 12) {
        static const char* const kHeifBrands[] = {"heic", "heix", "hevc", "heim", "heis",
                                                  "hevm", "hevs", "mif1", "msf1"};
        for (std::string_view brand : kHeifBrands) {
            if (startsWith(data, size, 8, brand)) return unsupported("HEIC/HEIF");
        }
    }
    if (startsWith(data, size, 0, "RIFF"sv) && startsWith(data, size, 8, "WEBP"sv)) {
        return unsupported("WebP");
    }
    if (startsWith(data, size, 0, "II*\0"sv) || startsWith(data, size, 0, "MM\0*"sv)) {
        return unsupported("TIFF");
    }
    if (startsWith(data, size, 0, "8BPS"sv)) return unsupported("Photoshop (PSD)");
    if (startsWith(data, size, 0, "\xFF\x0A"sv) ||
        startsWith(data, size, 0, "\0\0\0\x0CJXL "sv)) {
        return unsupported("JPEG XL");
    }
    if (startsWith(data, size, 0, "%PDF"sv)) return unsupported("PDF");
    return Error{ErrorCode::NotAnImage,
                 "this file is not an image (no JPEG, PNG, BMP or GIF signature)"};
}

}  // namespace smp
