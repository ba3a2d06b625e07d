#include "support/test_images.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>

#include <stb_image_write.h>

#include "encode.h"

namespace smp::test {
namespace {

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    const auto* bytes = static_cast<const std::uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

void put16(Bytes& out, unsigned value, bool bigEndian) {
    const auto hi = static_cast<std::uint8_t>(value >> 8), lo = static_cast<std::uint8_t>(value);
    out.push_back(bigEndian ? hi : lo);
    out.push_back(bigEndian ? lo : hi);
}

void put32(Bytes& out, std::uint32_t value, bool bigEndian) {
    put16(out, bigEndian ? value >> 16 : value & 0xFFFF, bigEndian);
    put16(out, bigEndian ? value & 0xFFFF : value >> 16, bigEndian);
}

Image checked(Result<Image> image) {
    if (!image) throw std::runtime_error(image.error().message);
    return std::move(image).value();
}

Bytes checked(Result<Bytes> bytes) {
    if (!bytes) throw std::runtime_error(bytes.error().message);
    return std::move(bytes).value();
}

std::uint8_t channel(double value) {
    return static_cast<std::uint8_t>(std::clamp(value, 0.0, 255.0));
}

}  // namespace

Image makeTestImage(int width, int height) {
    Image image = checked(Image::allocate(width, height));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = channel(30.0 + 200.0 * x / std::max(1, width - 1));
            p[1] = channel(30.0 + 200.0 * y / std::max(1, height - 1));
            p[2] = (x < width / 2 && y < height / 2) ? 220 : 40;
            p[3] = 255;
        }
    }
    return image;
}

Image makeSolidImage(int width, int height, std::uint8_t r, std::uint8_t g, std::uint8_t b,
                     std::uint8_t a) {
    Image image = checked(Image::allocate(width, height));
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = r;
            p[1] = g;
            p[2] = b;
            p[3] = a;
        }
    }
    return image;
}

Bytes toPng(const Image& image) { return checked(encodePng(image)); }

Bytes toJpeg(const Image& image, int quality) { return checked(encodeJpeg(image, quality)); }

Bytes toBmp(const Image& image, int channels) {
    Bytes packed;
    packed.reserve(static_cast<std::size_t>(image.width() * image.height() * channels));
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            packed.insert(packed.end(), image.pixel(x, y), image.pixel(x, y) + channels);
        }
    }
    Bytes out;
    if (!stbi_write_bmp_to_func(appendBytes, &out, image.width(), image.height(), channels,
                                packed.data())) {
        throw std::runtime_error("BMP encoder failed");
    }
    return out;
}

Bytes withExifPayload(const Bytes& jpeg, const Bytes& tiff) {
    Bytes segment = {0xFF, 0xE1};
    put16(segment, static_cast<unsigned>(2 + 6 + tiff.size()), true);
    const char exif[] = {'E', 'x', 'i', 'f', 0, 0};
    segment.insert(segment.end(), exif, exif + 6);
    segment.insert(segment.end(), tiff.begin(), tiff.end());
    Bytes out = jpeg;
    out.insert(out.begin() + 2, segment.begin(), segment.end());  // after the SOI
    return out;
}

Bytes withExifOrientation(const Bytes& jpeg, int orientation, bool bigEndian) {
    Bytes tiff;
    const char order = bigEndian ? 'M' : 'I';
    tiff.push_back(static_cast<std::uint8_t>(order));
    tiff.push_back(static_cast<std::uint8_t>(order));
    put16(tiff, 42, bigEndian);
    put32(tiff, 8, bigEndian);  // IFD0 right after the header
    put16(tiff, 2, bigEndian);  // two entries: a decoy tag, then orientation
    put16(tiff, 0x010F, bigEndian);  // Make, ASCII, 4 bytes inline
    put16(tiff, 2, bigEndian);
    put32(tiff, 4, bigEndian);
    tiff.insert(tiff.end(), {'S', 'M', 'P', 0});
    put16(tiff, 0x0112, bigEndian);  // Orientation, SHORT, count 1
    put16(tiff, 3, bigEndian);
    put32(tiff, 1, bigEndian);
    put16(tiff, static_cast<unsigned>(orientation), bigEndian);
    put16(tiff, 0, bigEndian);
    put32(tiff, 0, bigEndian);  // no next IFD
    return withExifPayload(jpeg, tiff);
}

Bytes readFixture(const std::string& name) {
    const std::string path = std::string(SMP_FIXTURES_DIR) + "/" + name;
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("missing fixture photo " + path);
    return Bytes(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

Bytes randomBytes(std::size_t size, std::uint32_t seed) {
    std::mt19937 generator(seed);
    Bytes out(size);
    for (auto& byte : out) byte = static_cast<std::uint8_t>(generator() & 0xFF);
    return out;
}

Difference compareRgb(const Image& a, const Image& b) {
    if (a.width() != b.width() || a.height() != b.height()) {
        throw std::runtime_error("compareRgb: sizes differ");
    }
    Difference difference;
    double sum = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            for (int c = 0; c < 3; ++c) {
                const int d = std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]);
                difference.max = std::max(difference.max, d);
                sum += d;
            }
        }
    }
    difference.mean = sum / (3.0 * a.width() * a.height());
    return difference;
}

}  // namespace smp::test
