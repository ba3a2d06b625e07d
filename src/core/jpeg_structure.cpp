#include "jpeg_structure.h"

#include <cstring>

namespace smp {
namespace {

constexpr std::uint8_t kSOI = 0xD8, kEOI = 0xD9, kSOS = 0xDA, kDHT = 0xC4, kAPP1 = 0xE1,
                        kTEM = 0x01;

bool isRestart(std::uint8_t marker) { return marker >= 0xD0 && marker <= 0xD7; }

// SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
bool isStartOfFrame(std::uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
           marker != 0xCC;
}

bool isProgressiveFrame(std::uint8_t marker) {
    return marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
}

// Index of the next real marker (0xFF followed by a marker code) in entropy-coded data,
// skipping stuffed zeros and restart markers; `size` when the data ends first.
std::size_t skipEntropyData(const std::uint8_t* data, std::size_t size, std::size_t pos) {
    while (pos + 1 < size) {
        const void* found = std::memchr(data + pos, 0xFF, size - pos - 1);
        if (found == nullptr) return size;
        pos = static_cast<std::size_t>(static_cast<const std::uint8_t*>(found) - data);
        const std::uint8_t next = data[pos + 1];
        if (next == 0x00 || isRestart(next) || next == 0xFF) {
            ++pos;
            continue;
        }
        return pos;
    }
    return size;
}

// A DHT segment holds tables of 1 class/id byte, 16 code counts and as many symbols
// as the counts add up to: at most 256 per table, all inside the segment.
bool huffmanTablesValid(const std::uint8_t* table, std::size_t size) {
    std::size_t at = 0;
    while (at < size) {
        if (size - at < 17) return false;
        std::size_t symbols = 0;
        for (std::size_t i = 1; i <= 16; ++i) symbols += table[at + i];
        if (symbols > 256 || size - at - 17 < symbols) return false;
        at += 17 + symbols;
    }
    return true;
}

}  // namespace

JpegStructure scanJpeg(const std::uint8_t* data, std::size_t size) {
    JpegStructure result;
    if (size < 2 || data[0] != 0xFF || data[1] != kSOI) return result;
    std::size_t pos = 2;
    while (pos + 1 < size) {
        if (data[pos] != 0xFF) {  // garbage between segments: resynchronise
            ++pos;
            continue;
        }
        const std::uint8_t marker = data[pos + 1];
        if (marker == 0xFF) {  // fill byte
            ++pos;
            continue;
        }
        if (marker == kEOI) {
            result.complete = true;
            return result;
        }
        if (marker == kSOI || marker == kTEM || isRestart(marker) || marker == 0x00) {
            pos += 2;
            continue;
        }
        if (pos + 4 > size) return result;
        const std::size_t length = static_cast<std::size_t>(data[pos + 2]) << 8 | data[pos + 3];
        if (length < 2) return result;
        const std::size_t payload = pos + 4;
        const std::size_t end = pos + 2 + length;
        if (end > size) return result;
        const std::size_t payloadSize = end - payload;

        if (marker == kAPP1 && result.exif == nullptr && payloadSize >= 6 &&
            std::memcmp(data + payload, "Exif\0\0", 6) == 0) {
            result.exif = data + payload + 6;
            result.exifSize = payloadSize - 6;
        } else if (marker == kDHT && !huffmanTablesValid(data + payload, payloadSize)) {
            result.damage = "a Huffman table is malformed";
            return result;
        } else if (isStartOfFrame(marker) && payloadSize >= 6) {
            result.progressive = isProgressiveFrame(marker);
            result.height = data[payload + 1] << 8 | data[payload + 2];
            result.width = data[payload + 3] << 8 | data[payload + 4];
            result.components = data[payload + 5];
        }
        pos = marker == kSOS ? skipEntropyData(data, size, end) : end;
    }
    return result;
}

}  // namespace smp
