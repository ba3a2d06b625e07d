// An 8-bit RGBA image in sRGB, rows top to bottom, no padding.
// The pixel buffer is malloc-owned so that buffers returned by stb can be adopted
// without a copy; allocation failure is reported, never thrown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "result.h"

namespace smp {

class Image {
public:
    static constexpr int kChannels = 4;

    Image() = default;

    // A zero-filled width×height image, or OutOfMemory/InvalidArgument.
    static Result<Image> allocate(int width, int height);
    // Takes ownership of a malloc'ed RGBA buffer of width*height*4 bytes.
    static Image adopt(std::uint8_t* mallocedPixels, int width, int height);

    int width() const { return width_; }
    int height() const { return height_; }
    bool empty() const { return pixels_ == nullptr; }
    std::size_t sizeBytes() const;
    std::uint8_t* data() { return pixels_.get(); }
    const std::uint8_t* data() const { return pixels_.get(); }
    std::uint8_t* pixel(int x, int y) { return data() + offset(x, y); }
    const std::uint8_t* pixel(int x, int y) const { return data() + offset(x, y); }

private:
    struct FreeDeleter {
        void operator()(std::uint8_t* p) const { std::free(p); }
    };
    std::size_t offset(int x, int y) const {
        return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
                static_cast<std::size_t>(x)) * kChannels;
    }

    int width_ = 0;
    int height_ = 0;
    std::unique_ptr<std::uint8_t[], FreeDeleter> pixels_;
};

}  // namespace smp
