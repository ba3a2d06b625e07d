#include "support/scene.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "color.h"
#include "random.h"

namespace smp::test {

Scene levelScene(int width, int height, double pxPerMm, Vec2 midFrontPx) {
    Scene scene;
    scene.width = width;
    scene.height = height;
    scene.pxPerMm = pxPerMm;
    const double halfSpanPx = 0.5 * kDefaultTempleSpanMm * pxPerMm;
    scene.handles.leftTemple = {midFrontPx.x - halfSpanPx, midFrontPx.y};
    scene.handles.midFront = midFrontPx;
    scene.handles.rightTemple = {midFrontPx.x + halfSpanPx, midFrontPx.y};
    return scene;
}

Image flatPhoto(int width, int height, const std::uint8_t rgb[3]) {
    auto allocated = Image::allocate(width, height);
    EXPECT_TRUE(allocated.ok());
    Image image = std::move(allocated).value();
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = rgb[0];
            p[1] = rgb[1];
            p[2] = rgb[2];
            p[3] = 255;
        }
    }
    return image;
}

bool inHairBands(int x, int y, int width, int hairBandPx, int hairBottomPx) {
    return y < hairBottomPx && (x < hairBandPx || x >= width - hairBandPx);
}

Image texturedPhoto(int width, int height, int hairBandPx, int hairBottomPx, std::uint32_t seed) {
    // Near-black hair: under a third of the skin's brightness, which the skin test rejects.
    static constexpr std::uint8_t kHair[3] = {25, 20, 18};
    Image image = flatPhoto(width, height);
    Random random(seed);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            const std::uint8_t* base = inHairBands(x, y, width, hairBandPx, hairBottomPx) ? kHair : kSkin;
            for (int ch = 0; ch < 3; ++ch) {
                const double v = base[ch] + random.uniform(-10, 10);
                p[ch] = static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 255.0)));
            }
        }
    }
    return image;
}

BrushStroke dabCoveringPhoto(int width, int height) {
    // Full weight inside 0.8 of the radius: that inner disc holds the whole photo.
    const double halfDiagonal = 0.5 * std::hypot(width, height);
    return {{0.5 * width, 0.5 * height}, halfDiagonal / 0.8 + 10, false};
}

void setUp(Simulator& sim, Image photo, const Scene& scene) {
    ASSERT_TRUE(sim.setPhoto(std::move(photo)).ok());
    const Status status = sim.setHandles(scene.handles);
    ASSERT_TRUE(status.ok()) << status.error().message;
}

const Image& renderOrFail(Simulator& sim) {
    auto rendered = sim.render();
    EXPECT_TRUE(rendered.ok()) << (rendered.ok() ? "" : rendered.error().message);
    static const Image kEmpty;
    return rendered.ok() ? *rendered.value() : kEmpty;
}

double linearLuma(const std::uint8_t* rgb) {
    return 0.2126 * srgbToLinear(rgb[0]) + 0.7152 * srgbToLinear(rgb[1]) + 0.0722 * srgbToLinear(rgb[2]);
}

}  // namespace smp::test
