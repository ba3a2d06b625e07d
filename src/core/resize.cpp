#include "resize.h"

#include <algorithm>
#include <cmath>

#include <stb_image_resize.h>

namespace smp {

Size fitWithin(Size size, int maxSide) {
    const int longest = std::max(size.width, size.height);
    if (maxSide <= 0 || longest <= maxSide) return size;
    const double scale = static_cast<double>(maxSide) / longest;
    auto scaled = [scale](int side) {
        return std::max(1, static_cast<int>(std::lround(side * scale)));
    };
    return {scaled(size.width), scaled(size.height)};
}

Result<Image> resizeImage(const Image& source, Size target) {
    auto allocated = Image::allocate(target.width, target.height);
    if (!allocated) return allocated.error();
    Image result = std::move(allocated).value();
    constexpr int kAlphaChannel = 3;
    const int ok = stbir_resize_uint8_generic(
        source.data(), source.width(), source.height(), 0, result.data(), target.width,
        target.height, 0, Image::kChannels, kAlphaChannel, 0, STBIR_EDGE_CLAMP,
        STBIR_FILTER_MITCHELL, STBIR_COLORSPACE_SRGB, nullptr);
    if (!ok) return Error{ErrorCode::OutOfMemory, "not enough memory to resize the image"};
    return result;
}

}  // namespace smp
