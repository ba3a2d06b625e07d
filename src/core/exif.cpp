#include "exif.h"

namespace smp {
namespace {

constexpr std::uint16_t kOrientationTag = 0x0112;
constexpr std::uint16_t kTypeShort = 3;
constexpr std::size_t kEntrySize = 12;

class TiffReader {
public:
    TiffReader(const std::uint8_t* data, std::size_t size, bool bigEndian)
        : data_(data), size_(size), bigEndian_(bigEndian) {}

    bool fits(std::size_t offset, std::size_t count) const {
        return offset <= size_ && count <= size_ - offset;
    }
    std::uint16_t u16(std::size_t at) const {
        const unsigned a = data_[at], b = data_[at + 1];
        return static_cast<std::uint16_t>(bigEndian_ ? (a << 8 | b) : (b << 8 | a));
    }
    std::uint32_t u32(std::size_t at) const {
        const std::uint32_t hi = u16(at), lo = u16(at + 2);
        return bigEndian_ ? (hi << 16 | lo) : (lo << 16 | hi);
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    bool bigEndian_;
};

ExifOrientation malformed(std::string problem) {
    ExifOrientation result;
    result.problem = "malformed EXIF block (" + problem + "); orientation ignored";
    return result;
}

}  // namespace

ExifOrientation parseExifOrientation(const std::uint8_t* tiff, std::size_t size) {
    if (tiff == nullptr || size < 8) return malformed("shorter than a TIFF header");
    bool bigEndian;
    if (tiff[0] == 'I' && tiff[1] == 'I') {
        bigEndian = false;
    } else if (tiff[0] == 'M' && tiff[1] == 'M') {
        bigEndian = true;
    } else {
        return malformed("unknown byte order");
    }
    const TiffReader reader(tiff, size, bigEndian);
    if (reader.u16(2) != 42) return malformed("bad TIFF magic number");

    const std::size_t ifd = reader.u32(4);
    if (ifd < 8 || !reader.fits(ifd, 2)) return malformed("IFD0 offset outside the block");
    const std::size_t entries = reader.u16(ifd);
    if (!reader.fits(ifd + 2, entries * kEntrySize)) {
        return malformed("IFD0 claims " + std::to_string(entries) +
                         " entries, more than the block holds");
    }
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t entry = ifd + 2 + i * kEntrySize;
        if (reader.u16(entry) != kOrientationTag) continue;
        if (reader.u16(entry + 2) != kTypeShort || reader.u32(entry + 4) != 1) {
            return malformed("orientation tag has the wrong type or count");
        }
        const int value = reader.u16(entry + 8);
        if (value < 1 || value > 8) {
            return malformed("orientation value " + std::to_string(value) + " is outside 1-8");
        }
        ExifOrientation result;
        result.value = value;
        result.present = true;
        return result;
    }
    return ExifOrientation{};
}

}  // namespace smp
