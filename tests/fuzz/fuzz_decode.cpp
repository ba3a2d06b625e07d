// libFuzzer target: any bytes through the whole decode path (format detection,
// container checks, EXIF, stb decode, resize, orientation) and back out as PNG.
#include <cstddef>
#include <cstdint>

#include "encode.h"
#include "photo.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    smp::DecodeOptions options;
    options.maxSide = 256;                  // exercise the resizer on most inputs
    // Full-size fixture photos stop at the limit check (fast); their small copies and
    // mutants of them run the whole decoder hundreds of times a second.
    options.limits.maxPixels = 1'000'000;
    auto photo = smp::decodePhoto(data, size, options);
    if (photo.ok()) {
        const smp::Image& image = photo.value().image;
        if (image.width() > 256 || image.height() > 256) __builtin_trap();
        (void)smp::encodePng(image);
    } else if (photo.error().message.empty()) {
        __builtin_trap();  // every error must say what is wrong
    }
    return 0;
}
