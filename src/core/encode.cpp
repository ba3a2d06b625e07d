#include "encode.h"

#include <string>

#include <stb_image_write.h>

namespace smp {
namespace {

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

Result<std::vector<std::uint8_t>> checked(int ok, std::vector<std::uint8_t> bytes,
                                          const char* format) {
    if (!ok || bytes.empty()) {
        return Error{ErrorCode::EncodeFailed, std::string(format) + " encoder failed"};
    }
    return bytes;
}

}  // namespace

Result<std::vector<std::uint8_t>> encodePng(const Image& image) {
    if (image.empty()) return Error{ErrorCode::InvalidArgument, "cannot encode an empty image"};
    std::vector<std::uint8_t> out;
    const int ok = stbi_write_png_to_func(appendBytes, &out, image.width(), image.height(),
                                          Image::kChannels, image.data(),
                                          image.width() * Image::kChannels);
    return checked(ok, std::move(out), "PNG");
}

Result<std::vector<std::uint8_t>> encodeJpeg(const Image& image, int quality) {
    if (image.empty()) return Error{ErrorCode::InvalidArgument, "cannot encode an empty image"};
    if (quality < 1 || quality > 100) {
        return Error{ErrorCode::InvalidArgument,
                     "JPEG quality " + std::to_string(quality) + " is outside 1-100"};
    }
    std::vector<std::uint8_t> out;
    const int ok = stbi_write_jpg_to_func(appendBytes, &out, image.width(), image.height(),
                                          Image::kChannels, image.data(), quality);
    return checked(ok, std::move(out), "JPEG");
}

}  // namespace smp
