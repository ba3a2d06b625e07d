#include <gtest/gtest.h>

#include "photo.h"
#include "support/png_writer.h"
#include "support/test_images.h"

namespace smp {
namespace {

bool mentions(const Error& error, const std::string& text) {
    return error.message.find(text) != std::string::npos;
}

TEST(Limits, HeaderClaimingTenGigapixelsIsRefusedBeforeDecoding) {
    const test::Bytes png = test::writePngHeaderOnly(100000, 100000);
    auto result = decodePhoto(png.data(), png.size());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::ImageTooLarge);
    EXPECT_EQ(result.error().message,
              "the image is 100000×100000 (10000.0 megapixels), above the limit of 50.0 megapixels");
}

TEST(Limits, PixelLimitIsConfigurable) {
    const test::Bytes png = test::toPng(test::makeTestImage(100, 50));
    DecodeOptions options;
    options.limits.maxPixels = 4999;
    auto refused = decodePhoto(png.data(), png.size(), options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::ImageTooLarge);
    EXPECT_TRUE(mentions(refused.error(), "100×50")) << refused.error().message;
    options.limits.maxPixels = 5000;
    EXPECT_TRUE(decodePhoto(png.data(), png.size(), options).ok());
}

TEST(Limits, InputByteLimitIsCheckedFirst) {
    const test::Bytes png = test::toPng(test::makeTestImage(64, 64));
    DecodeOptions options;
    options.limits.maxInputBytes = png.size() - 1;
    auto refused = decodePhoto(png.data(), png.size(), options);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InputTooLarge);
    EXPECT_TRUE(mentions(refused.error(), "above the limit of")) << refused.error().message;

    const test::Bytes big(65u * 1024u * 1024u, 0);
    auto tooBig = readPhotoInfo(big.data(), big.size());
    ASSERT_FALSE(tooBig.ok());
    EXPECT_EQ(tooBig.error().message, "the file is 65.0 MiB, above the limit of 64.0 MiB");
}

TEST(Limits, WorkingSizeIsConfigurable) {
    const test::Bytes png = test::toPng(test::makeTestImage(300, 120));
    DecodeOptions options;
    options.maxSide = 150;
    auto photo = decodePhoto(png.data(), png.size(), options);
    ASSERT_TRUE(photo.ok());
    EXPECT_EQ(photo.value().image.width(), 150);
    EXPECT_EQ(photo.value().image.height(), 60);
    EXPECT_EQ(photo.value().info.width, 300);  // the full size is still reported

    options.maxSide = 0;  // keep the full size
    photo = decodePhoto(png.data(), png.size(), options);
    ASSERT_TRUE(photo.ok());
    EXPECT_EQ(photo.value().image.width(), 300);
}

TEST(Limits, OutOfRangeOptionsAreRejected) {
    const test::Bytes png = test::toPng(test::makeTestImage(8, 8));
    DecodeOptions options;
    options.maxSide = -1;
    EXPECT_EQ(decodePhoto(png.data(), png.size(), options).error().code, ErrorCode::InvalidArgument);
    options = {};
    options.limits.maxPixels = 0;
    EXPECT_EQ(decodePhoto(png.data(), png.size(), options).error().code, ErrorCode::InvalidArgument);
    options = {};
    options.limits.maxInputBytes = 0;
    EXPECT_EQ(decodePhoto(png.data(), png.size(), options).error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace smp
