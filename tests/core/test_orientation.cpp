#include <gtest/gtest.h>

#include <cstring>

#include "orientation.h"
#include "photo.h"
#include "support/test_images.h"

namespace smp {
namespace {

Image orient(const Image& image, int orientation) {
    auto result = applyOrientation(image, orientation);
    EXPECT_TRUE(result.ok());
    return std::move(result).value();
}

bool samePixels(const Image& a, const Image& b) {
    return a.width() == b.width() && a.height() == b.height() &&
           std::memcmp(a.data(), b.data(), a.sizeBytes()) == 0;
}

// What a phone would store for the upright picture with this EXIF orientation.
Image storedFor(const Image& upright, int orientation) {
    return orient(upright, inverseOrientation(orientation));
}

TEST(Orientation, KnownCornerMapping) {
    // Orientation 6: the stored picture is the upright one turned 90° counter-clockwise,
    // so the stored top-left pixel is the upright top-right one.
    const Image upright = test::makeTestImage(5, 3);
    const Image stored = storedFor(upright, 6);
    ASSERT_EQ(stored.width(), 3);
    ASSERT_EQ(stored.height(), 5);
    EXPECT_EQ(std::memcmp(stored.pixel(0, 0), upright.pixel(4, 0), 4), 0);
    EXPECT_EQ(std::memcmp(stored.pixel(2, 0), upright.pixel(4, 2), 4), 0);
    EXPECT_EQ(std::memcmp(stored.pixel(0, 4), upright.pixel(0, 0), 4), 0);
    // Orientation 2 mirrors; 3 turns by 180°.
    EXPECT_EQ(std::memcmp(storedFor(upright, 2).pixel(0, 0), upright.pixel(4, 0), 4), 0);
    EXPECT_EQ(std::memcmp(storedFor(upright, 3).pixel(0, 0), upright.pixel(4, 2), 4), 0);
}

TEST(Orientation, AllEightRoundTripExactly) {
    const Image upright = test::makeTestImage(7, 4);
    for (int orientation = 1; orientation <= 8; ++orientation) {
        const Image stored = storedFor(upright, orientation);
        EXPECT_EQ(stored.width(), swapsAxes(orientation) ? 4 : 7);
        EXPECT_TRUE(samePixels(orient(stored, orientation), upright)) << orientation;
        // Each orientation other than 1 really moves pixels.
        EXPECT_EQ(samePixels(stored, upright), orientation == 1) << orientation;
    }
}

TEST(Orientation, RejectsValuesOutsideOneToEight) {
    const Image image = test::makeTestImage(2, 2);
    for (int bad : {0, 9, -1}) {
        auto result = applyOrientation(image, bad);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
    }
}

// End to end: one generated picture stored in each of the 8 orientations as a JPEG
// with EXIF, as cameras write them, decodes upright.
TEST(Orientation, DecodedJpegsAreUpright) {
    const Image upright = test::makeTestImage(96, 64);
    for (int orientation = 1; orientation <= 8; ++orientation) {
        const test::Bytes jpeg = test::withExifOrientation(
            test::toJpeg(storedFor(upright, orientation), 95), orientation, orientation % 2 == 0);
        auto photo = decodePhoto(jpeg.data(), jpeg.size());
        ASSERT_TRUE(photo.ok()) << photo.error().message;
        EXPECT_EQ(photo.value().info.orientation, orientation);
        EXPECT_EQ(photo.value().info.width, 96);
        EXPECT_EQ(photo.value().info.height, 64);
        const test::Difference difference = test::compareRgb(photo.value().image, upright);
        EXPECT_LT(difference.mean, 3.0) << "orientation " << orientation;
    }
}

TEST(Orientation, DownscaledPhotoIsUprightToo) {
    const Image upright = test::makeTestImage(400, 200);
    const test::Bytes jpeg =
        test::withExifOrientation(test::toJpeg(storedFor(upright, 8), 95), 8, true);
    DecodeOptions options;
    options.maxSide = 100;
    auto photo = decodePhoto(jpeg.data(), jpeg.size(), options);
    ASSERT_TRUE(photo.ok());
    EXPECT_EQ(photo.value().image.width(), 100);
    EXPECT_EQ(photo.value().image.height(), 50);
    // Top-left quarter is the blue one; bottom-right has the most red and green.
    const std::uint8_t* topLeft = photo.value().image.pixel(10, 10);
    const std::uint8_t* bottomRight = photo.value().image.pixel(90, 40);
    EXPECT_GT(topLeft[2], 180);
    EXPECT_LT(bottomRight[2], 80);
    EXPECT_GT(bottomRight[0], topLeft[0] + 100);
    EXPECT_GT(bottomRight[1], topLeft[1] + 100);
}

}  // namespace
}  // namespace smp
