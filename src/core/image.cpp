#include "image.h"

#include <limits>
#include <string>

namespace smp {

std::size_t Image::sizeBytes() const {
    return static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_) * kChannels;
}

Result<Image> Image::allocate(int width, int height) {
    if (width <= 0 || height <= 0) {
        return Error{ErrorCode::InvalidArgument, "image size " + std::to_string(width) + "×" +
                                                     std::to_string(height) + " is not positive"};
    }
    const auto bytes = static_cast<unsigned long long>(width) *
                       static_cast<unsigned long long>(height) * kChannels;
    if (bytes > std::numeric_limits<std::size_t>::max()) {
        return Error{ErrorCode::OutOfMemory, "image of " + std::to_string(bytes) +
                                                 " bytes does not fit in this address space"};
    }
    auto* pixels = static_cast<std::uint8_t*>(std::calloc(static_cast<std::size_t>(bytes), 1));
    if (pixels == nullptr) {
        return Error{ErrorCode::OutOfMemory,
                     "could not allocate " + std::to_string(bytes / (1024 * 1024)) +
                         " MiB for a " + std::to_string(width) + "×" + std::to_string(height) +
                         " image"};
    }
    return adopt(pixels, width, height);
}

Image Image::adopt(std::uint8_t* mallocedPixels, int width, int height) {
    Image image;
    image.width_ = width;
    image.height_ = height;
    image.pixels_.reset(mallocedPixels);
    return image;
}

}  // namespace smp
