#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "resize.h"
#include "support/test_images.h"

namespace smp {
namespace {

double toLinear(int srgb) {
    const double c = srgb / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

int toSrgb(double linear) {
    const double c = linear <= 0.0031308 ? linear * 12.92 : 1.055 * std::pow(linear, 1 / 2.4) - 0.055;
    return static_cast<int>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0));
}

Image resized(const Image& source, int width, int height) {
    auto result = resizeImage(source, {width, height});
    EXPECT_TRUE(result.ok());
    return std::move(result).value();
}

TEST(Resize, FitWithinKeepsAspectAndNeverUpscales) {
    EXPECT_EQ(fitWithin({4000, 3000}, 2048).width, 2048);
    EXPECT_EQ(fitWithin({4000, 3000}, 2048).height, 1536);
    EXPECT_EQ(fitWithin({1192, 1857}, 1024).width, 657);
    EXPECT_EQ(fitWithin({1192, 1857}, 1024).height, 1024);
    EXPECT_EQ(fitWithin({800, 600}, 2048).width, 800);
    EXPECT_EQ(fitWithin({800, 600}, 0).width, 800);
    EXPECT_EQ(fitWithin({10000, 1}, 100).height, 1);  // never collapses to 0
}

// A one-pixel black/white checkerboard is 50% linear light: sRGB 188, not 128.
TEST(Resize, AveragesInLinearLight) {
    Image checker = test::makeSolidImage(256, 256, 0, 0, 0);
    for (int y = 0; y < 256; ++y) {
        for (int x = (y & 1); x < 256; x += 2) {
            std::uint8_t* p = checker.pixel(x, y);
            p[0] = p[1] = p[2] = 255;
        }
    }
    const Image small = resized(checker, 64, 64);
    for (int y = 4; y < 60; ++y) {
        for (int x = 4; x < 60; ++x) {
            ASSERT_NEAR(small.pixel(x, y)[0], 188, 3) << x << "," << y;
        }
    }
}

// Smooth waves in each channel: over a 4×4 block every reasonable filter agrees.
Image makeWaves(int width, int height) {
    Image image = test::makeSolidImage(width, height, 0, 0, 0);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = static_cast<std::uint8_t>(128 + 100 * std::sin(x / 23.0));
            p[1] = static_cast<std::uint8_t>(128 + 100 * std::cos(y / 31.0));
            p[2] = static_cast<std::uint8_t>(128 + 100 * std::sin((x + y) / 41.0));
        }
    }
    return image;
}

// Against a reference: a box average in linear light over each 4×4 block.
TEST(Resize, MatchesLinearLightBoxReference) {
    const Image source = makeWaves(256, 192);
    const Image small = resized(source, 64, 48);
    double sumError = 0;
    int maxError = 0;
    for (int y = 1; y < 47; ++y) {
        for (int x = 1; x < 63; ++x) {
            for (int c = 0; c < 3; ++c) {
                double linear = 0;
                for (int dy = 0; dy < 4; ++dy) {
                    for (int dx = 0; dx < 4; ++dx) linear += toLinear(source.pixel(4 * x + dx, 4 * y + dy)[c]);
                }
                const int error = std::abs(toSrgb(linear / 16) - small.pixel(x, y)[c]);
                maxError = std::max(maxError, error);
                sumError += error;
            }
        }
    }
    EXPECT_LE(maxError, 2);
    EXPECT_LT(sumError / (46 * 62 * 3), 0.5);
}

// Transparent pixels must not bleed their hidden colour into opaque neighbours.
TEST(Resize, WeightsColourByAlpha) {
    Image image = test::makeSolidImage(64, 8, 0, 0, 255);
    for (int y = 0; y < 8; ++y) {
        for (int x = 0; x < 32; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = 255;
            p[2] = 0;
            p[3] = 0;  // invisible red
        }
    }
    const Image small = resized(image, 16, 2);
    for (int x = 8; x < 16; ++x) {
        EXPECT_LT(small.pixel(x, 1)[0], 6) << x;
        EXPECT_GT(small.pixel(x, 1)[2], 249) << x;
    }
}

}  // namespace
}  // namespace smp
