#include "integral_image.h"

namespace smp {

IntegralImage::IntegralImage(const GrayImage& image, bool withSquares)
    : width_(image.width), height_(image.height) {
    const std::size_t stride = static_cast<std::size_t>(width_) + 1;
    const std::size_t cells = stride * (static_cast<std::size_t>(height_) + 1);
    sums_.assign(cells, 0);
    if (withSquares) squares_.assign(cells, 0);
    for (int y = 0; y < height_; ++y) {
        std::uint32_t rowSum = 0;
        std::uint64_t rowSquares = 0;
        const std::size_t above = static_cast<std::size_t>(y) * stride;
        const std::size_t here = above + stride;
        for (int x = 0; x < width_; ++x) {
            const std::uint32_t v = image.at(x, y);
            const std::size_t i = static_cast<std::size_t>(x) + 1;
            rowSum += v;
            sums_[here + i] = sums_[above + i] + rowSum;
            if (withSquares) {
                rowSquares += v * v;
                squares_[here + i] = squares_[above + i] + rowSquares;
            }
        }
    }
}

}  // namespace smp
