#include "support/gif_writer.h"

#include <stdexcept>

namespace smp::test {
namespace {

using Bytes = std::vector<std::uint8_t>;

constexpr int kMinCodeSize = 2;   // 4-colour palette
constexpr unsigned kClear = 4, kEnd = 5, kCodeBits = 3;

void put16(Bytes& out, int value) {
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
    out.push_back(static_cast<std::uint8_t>(value >> 8));
}

class BitWriter {
public:
    void write(unsigned code) {
        accumulator_ |= code << bits_;
        bits_ += kCodeBits;
        while (bits_ >= 8) {
            bytes_.push_back(static_cast<std::uint8_t>(accumulator_ & 0xFF));
            accumulator_ >>= 8;
            bits_ -= 8;
        }
    }
    Bytes finish() {
        if (bits_ > 0) bytes_.push_back(static_cast<std::uint8_t>(accumulator_ & 0xFF));
        return bytes_;
    }

private:
    Bytes bytes_;
    unsigned accumulator_ = 0;
    unsigned bits_ = 0;
};

// LZW without compression: a clear code before every two literals keeps the
// dictionary from growing past 3-bit codes, so every decoder reads it the same way.
Bytes encodeIndices(const GifFrame& indices) {
    BitWriter writer;
    for (std::size_t i = 0; i < indices.size(); ++i) {
        if (i % 2 == 0) writer.write(kClear);
        writer.write(indices[i]);
    }
    writer.write(kEnd);
    return writer.finish();
}

}  // namespace

Bytes writeGif(int width, int height, const GifPalette& palette, const std::vector<GifFrame>& frames) {
    Bytes out = {'G', 'I', 'F', '8', '9', 'a'};
    put16(out, width);
    put16(out, height);
    out.insert(out.end(), {0xF1, 0, 0});  // global palette of 4 colours
    for (const auto& colour : palette) out.insert(out.end(), colour.begin(), colour.end());
    for (const GifFrame& frame : frames) {
        if (frame.size() != static_cast<std::size_t>(width * height)) {
            throw std::runtime_error("writeGif: frame size does not match");
        }
        out.push_back(0x2C);  // image descriptor
        put16(out, 0);
        put16(out, 0);
        put16(out, width);
        put16(out, height);
        out.push_back(0);  // no local palette, not interlaced
        out.push_back(kMinCodeSize);
        const Bytes data = encodeIndices(frame);
        for (std::size_t at = 0; at < data.size(); at += 255) {
            const std::size_t chunk = std::min<std::size_t>(255, data.size() - at);
            out.push_back(static_cast<std::uint8_t>(chunk));
            out.insert(out.end(), data.begin() + static_cast<long>(at),
                       data.begin() + static_cast<long>(at + chunk));
        }
        out.push_back(0);  // block terminator
    }
    out.push_back(0x3B);  // trailer
    return out;
}

}  // namespace smp::test
