#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "encode.h"
#include "photo.h"
#include "support/test_images.h"

namespace smp {
namespace {

Image decodeFull(const test::Bytes& bytes) {
    DecodeOptions options;
    options.maxSide = 0;
    auto photo = decodePhoto(bytes.data(), bytes.size(), options);
    EXPECT_TRUE(photo.ok()) << photo.error().message;
    return std::move(photo).value().image;
}

double psnr(const Image& a, const Image& b) {
    double squared = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            for (int c = 0; c < 3; ++c) {
                const double d = a.pixel(x, y)[c] - b.pixel(x, y)[c];
                squared += d * d;
            }
        }
    }
    const double mse = squared / (3.0 * a.width() * a.height());
    return 10 * std::log10(255.0 * 255.0 / mse);
}

TEST(Encode, PngRoundTripIsLossless) {
    Image source = test::makeTestImage(123, 45);
    source.pixel(0, 0)[3] = 0;
    const Image back = decodeFull(test::toPng(source));
    ASSERT_EQ(back.sizeBytes(), source.sizeBytes());
    EXPECT_EQ(std::memcmp(back.data(), source.data(), source.sizeBytes()), 0);
}

TEST(Encode, JpegRoundTripQualityFollowsTheSetting) {
    const Image source = test::makeTestImage(160, 120);
    const double high = psnr(decodeFull(encodeJpeg(source, 95).value()), source);
    const double low = psnr(decodeFull(encodeJpeg(source, 20).value()), source);
    EXPECT_GT(high, 38.0);
    EXPECT_GT(high, low + 3.0);
    EXPECT_LT(encodeJpeg(source, 20).value().size(), encodeJpeg(source, 95).value().size());
}

TEST(Encode, RejectsBadArguments) {
    EXPECT_EQ(encodePng(Image{}).error().code, ErrorCode::InvalidArgument);
    const Image image = test::makeTestImage(4, 4);
    EXPECT_EQ(encodeJpeg(image, 0).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(encodeJpeg(image, 101).error().code, ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace smp
