// Walks the marker segments of a JPEG file without decoding it: finds the EXIF block,
// the frame type and whether the data reaches its end-of-image marker.
// Every read is bounds-checked; any input, however malformed, is safe.
#pragma once

#include <cstddef>
#include <cstdint>

namespace smp {

struct JpegStructure {
    bool complete = false;     // an EOI marker follows the last scan (not truncated)
    // Set when a segment is malformed in a way stb_image 2.27 does not check itself
    // (it would write out of bounds); the file must then not reach the decoder.
    const char* damage = nullptr;
    bool progressive = false;  // SOF2/SOF6/SOF10/SOF14 frame
    int components = 0;        // from the frame header: 1 grey, 3 YCbCr, 4 CMYK/YCCK
    int width = 0;             // from the frame header; 0 when there is none
    int height = 0;
    // Payload of the first APP1 "Exif\0\0" segment from the TIFF header on,
    // pointing into the caller's buffer; nullptr when there is none.
    const std::uint8_t* exif = nullptr;
    std::size_t exifSize = 0;
};

JpegStructure scanJpeg(const std::uint8_t* data, std::size_t size);

}  // namespace smp
