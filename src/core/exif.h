// Reads the orientation tag (0x0112) from an EXIF block. A small, bounds-checked
// TIFF reader: it follows IFD0 only and never reads outside the given bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace smp {

struct ExifOrientation {
    int value = 1;        // 1..8 as in the EXIF spec; 1 when absent or unreadable
    bool present = false; // the tag was found with a valid value
    std::string problem;  // non-empty when the block is malformed (value is then 1)
};

// `tiff` points at the TIFF header ("II*\0" or "MM\0*"), after the "Exif\0\0" prefix.
ExifOrientation parseExifOrientation(const std::uint8_t* tiff, std::size_t size);

}  // namespace smp
