#include "gray_image.h"

#include <algorithm>
#include <cmath>

namespace smp {
namespace {

// Contributions of source samples to one output sample along one axis.
struct Tap {
    int index;
    float weight;
};
struct AxisWeights {
    std::vector<int> first;  // per output sample: its first tap in `taps`
    std::vector<Tap> taps;
};

// Output sample i covers source [start + i·scale, start + (i+1)·scale). Shrinking
// averages that interval (each source pixel weighted by its overlap); enlarging
// interpolates linearly between the two nearest source centres. Indices are clamped
// to [0, limit).
AxisWeights axisWeights(double start, double length, int outCount, int limit) {
    AxisWeights axis;
    const double scale = length / outCount;
    for (int i = 0; i < outCount; ++i) {
        axis.first.push_back(static_cast<int>(axis.taps.size()));
        if (scale >= 1) {
            const double a = start + i * scale;
            const double b = a + scale;
            for (int j = static_cast<int>(std::floor(a)); j < b; ++j) {
                const double overlap = std::min<double>(b, j + 1) - std::max<double>(a, j);
                if (overlap <= 0) continue;
                axis.taps.push_back({std::clamp(j, 0, limit - 1), static_cast<float>(overlap / scale)});
            }
        } else {
            const double centre = start + (i + 0.5) * scale - 0.5;
            const double j0 = std::floor(centre);
            const double t = centre - j0;
            const int j = static_cast<int>(j0);
            axis.taps.push_back({std::clamp(j, 0, limit - 1), static_cast<float>(1 - t)});
            axis.taps.push_back({std::clamp(j + 1, 0, limit - 1), static_cast<float>(t)});
        }
    }
    axis.first.push_back(static_cast<int>(axis.taps.size()));
    return axis;
}

std::size_t index(int x, int y, int width) {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
}

std::uint8_t toByte(float value) {
    return static_cast<std::uint8_t>(std::clamp(value + 0.5f, 0.0f, 255.0f));
}

}  // namespace

GrayImage toGray(const Image& photo) {
    GrayImage gray{photo.width(), photo.height(), {}};
    gray.pixels.resize(static_cast<std::size_t>(gray.width) * static_cast<std::size_t>(gray.height));
    const std::uint8_t* p = photo.data();
    for (std::uint8_t& out : gray.pixels) {
        // 0.299 R + 0.587 G + 0.114 B in 14-bit fixed point, rounded.
        out = static_cast<std::uint8_t>((p[0] * 4899 + p[1] * 9617 + p[2] * 1868 + 8192) >> 14);
        p += Image::kChannels;
    }
    return gray;
}

GrayImage resampleRegion(const GrayImage& source, PixelBox box, int width, int height) {
    box.x0 = std::max(box.x0, 0);
    box.y0 = std::max(box.y0, 0);
    box.x1 = std::min(box.x1, source.width);
    box.y1 = std::min(box.y1, source.height);
    GrayImage out{width, height, {}};
    if (box.empty() || width <= 0 || height <= 0) return GrayImage{};
    out.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    const AxisWeights across = axisWeights(box.x0, box.x1 - box.x0, width, source.width);
    const AxisWeights down = axisWeights(box.y0, box.y1 - box.y0, height, source.height);
    // Horizontal pass over the rows the vertical pass will read.
    std::vector<float> rows(static_cast<std::size_t>(source.height) * static_cast<std::size_t>(width));
    std::vector<char> rowDone(static_cast<std::size_t>(source.height), 0);
    for (const Tap& tap : down.taps) {
        if (rowDone[static_cast<std::size_t>(tap.index)]) continue;
        rowDone[static_cast<std::size_t>(tap.index)] = 1;
        const std::uint8_t* src = &source.pixels[index(0, tap.index, source.width)];
        float* dst = &rows[index(0, tap.index, width)];
        for (int x = 0; x < width; ++x) {
            float sum = 0;
            for (int t = across.first[static_cast<std::size_t>(x)]; t < across.first[static_cast<std::size_t>(x) + 1]; ++t) {
                const Tap& h = across.taps[static_cast<std::size_t>(t)];
                sum += h.weight * src[h.index];
            }
            dst[x] = sum;
        }
    }
    for (int y = 0; y < height; ++y) {
        std::uint8_t* dst = &out.pixels[index(0, y, width)];
        for (int x = 0; x < width; ++x) {
            float sum = 0;
            for (int t = down.first[static_cast<std::size_t>(y)]; t < down.first[static_cast<std::size_t>(y) + 1]; ++t) {
                const Tap& v = down.taps[static_cast<std::size_t>(t)];
                sum += v.weight * rows[index(x, v.index, width)];
            }
            dst[x] = toByte(sum);
        }
    }
    return out;
}

GrayImage boxBlur(const GrayImage& source, int radius, int passes) {
    GrayImage out = source;
    if (radius <= 0 || source.pixels.empty()) return out;
    const int w = source.width;
    const int h = source.height;
    const int span = 2 * radius + 1;
    std::vector<int> line(static_cast<std::size_t>(std::max(w, h)));
    // One running-sum pass along a line of `count` samples at `stride`, edges clamped.
    auto blurLine = [&](std::uint8_t* start, int count, std::size_t stride) {
        for (int i = 0; i < count; ++i) line[static_cast<std::size_t>(i)] = start[static_cast<std::size_t>(i) * stride];
        auto sample = [&](int i) { return line[static_cast<std::size_t>(std::clamp(i, 0, count - 1))]; };
        int sum = 0;
        for (int i = -radius; i <= radius; ++i) sum += sample(i);
        for (int i = 0; i < count; ++i) {
            start[static_cast<std::size_t>(i) * stride] = static_cast<std::uint8_t>((sum + span / 2) / span);
            sum += sample(i + radius + 1) - sample(i - radius);
        }
    };
    for (int pass = 0; pass < passes; ++pass) {
        for (int y = 0; y < h; ++y) blurLine(&out.pixels[index(0, y, w)], w, 1);
        for (int x = 0; x < w; ++x) blurLine(&out.pixels[index(x, 0, w)], h, static_cast<std::size_t>(w));
    }
    return out;
}

GrayImage erode(const GrayImage& source, int radius) {
    if (radius <= 0 || source.pixels.empty()) return source;
    const int w = source.width;
    const int h = source.height;
    GrayImage rows = source;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t lowest = 255;
            for (int k = std::max(0, x - radius); k <= std::min(w - 1, x + radius); ++k) lowest = std::min(lowest, source.at(k, y));
            rows.pixels[index(x, y, w)] = lowest;
        }
    }
    GrayImage out = rows;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            std::uint8_t lowest = 255;
            for (int k = std::max(0, y - radius); k <= std::min(h - 1, y + radius); ++k) lowest = std::min(lowest, rows.at(x, k));
            out.pixels[index(x, y, w)] = lowest;
        }
    }
    return out;
}

}  // namespace smp
