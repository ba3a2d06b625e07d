#include "support/jpeg_tools.h"

#if SMP_HAVE_LIBJPEG
#include <cstdio>
#include <cstdlib>

#include <jpeglib.h>

namespace smp::test {
namespace {

using Bytes = std::vector<std::uint8_t>;

// Compresses rows of `components` bytes per pixel with libjpeg into memory.
template <typename Configure, typename RowAt>
Bytes compress(int width, int height, int components, J_COLOR_SPACE space, Configure configure,
               RowAt rowAt) {
    jpeg_compress_struct info{};
    jpeg_error_mgr errors{};
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&info, &buffer, &size);
    info.image_width = static_cast<JDIMENSION>(width);
    info.image_height = static_cast<JDIMENSION>(height);
    info.input_components = components;
    info.in_color_space = space;
    jpeg_set_defaults(&info);
    configure(info);
    jpeg_start_compress(&info, TRUE);
    std::vector<std::uint8_t> row(static_cast<std::size_t>(width * components));
    while (info.next_scanline < info.image_height) {
        rowAt(static_cast<int>(info.next_scanline), row.data());
        JSAMPROW rows[] = {row.data()};
        jpeg_write_scanlines(&info, rows, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    Bytes out(buffer, buffer + size);
    std::free(buffer);
    return out;
}

}  // namespace

Bytes writeProgressiveJpeg(const Image& image, int quality) {
    return compress(
        image.width(), image.height(), 3, JCS_RGB,
        [quality](jpeg_compress_struct& info) {
            jpeg_set_quality(&info, quality, TRUE);
            jpeg_simple_progression(&info);
        },
        [&image](int y, std::uint8_t* row) {
            for (int x = 0; x < image.width(); ++x) {
                for (int c = 0; c < 3; ++c) row[x * 3 + c] = image.pixel(x, y)[c];
            }
        });
}

Bytes writeCmykJpeg(int width, int height, const std::uint8_t cmyk[4]) {
    return compress(
        width, height, 4, JCS_CMYK,
        [](jpeg_compress_struct& info) { jpeg_set_quality(&info, 95, TRUE); },
        [width, cmyk](int, std::uint8_t* row) {
            for (int x = 0; x < width; ++x) {
                for (int c = 0; c < 4; ++c) row[x * 4 + c] = cmyk[c];
            }
        });
}

}  // namespace smp::test
#endif
