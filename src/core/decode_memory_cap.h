// Caps each allocation stb_image makes while one image decodes, at a size derived
// from the image's header. Data that claims more than its header allows (a zlib
// bomb in a small PNG, say) then fails cleanly instead of taking gigabytes.
#pragma once

#include <cstddef>

namespace smp {

// While an instance lives, stb allocations above maxBytes fail (on this thread).
class DecodeMemoryCap {
public:
    explicit DecodeMemoryCap(std::size_t maxBytes);
    ~DecodeMemoryCap();
    DecodeMemoryCap(const DecodeMemoryCap&) = delete;
    DecodeMemoryCap& operator=(const DecodeMemoryCap&) = delete;

    bool exceeded() const;  // an allocation was refused

private:
    std::size_t previousCap_;
};

// stb_image's STBI_MALLOC and STBI_REALLOC (see stb_impl.cpp); memory is freed with free().
void* cappedMalloc(std::size_t size);
void* cappedRealloc(void* pointer, std::size_t size);

}  // namespace smp
