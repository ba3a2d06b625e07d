#include <gtest/gtest.h>

#include <string>

#include "format.h"
#include "support/test_images.h"

namespace smp {
namespace {

Result<ImageFormat> detect(const std::string& bytes) {
    return detectFormat(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

TEST(Format, RecognisesDecodableSignatures) {
    const test::Bytes png = test::toPng(test::makeTestImage(4, 4));
    EXPECT_EQ(detectFormat(png.data(), png.size()).value(), ImageFormat::Png);
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(8, 8));
    EXPECT_EQ(detectFormat(jpeg.data(), jpeg.size()).value(), ImageFormat::Jpeg);
    const test::Bytes bmp = test::toBmp(test::makeTestImage(4, 4), 3);
    EXPECT_EQ(detectFormat(bmp.data(), bmp.size()).value(), ImageFormat::Bmp);
    EXPECT_EQ(detect("GIF89a\x01\x00\x01\x00").value(), ImageFormat::Gif);
}

TEST(Format, NamesFormatsItCannotDecode) {
    const struct {
        std::string bytes;
        std::string name;
    } cases[] = {
        {std::string("\0\0\0\x18" "ftypheic\0\0\0\0", 16), "HEIC/HEIF"},
        {std::string("\0\0\0\x18" "ftypmif1\0\0\0\0", 16), "HEIC/HEIF"},
        {std::string("\0\0\0\x1C" "ftypavif\0\0\0\0", 16), "AVIF"},
        {std::string("RIFF\x10\0\0\0WEBPVP8 ", 16), "WebP"},
        {std::string("II*\0\x08\0\0\0", 8), "TIFF"},
        {"8BPS\0\x01", "Photoshop"},
    };
    for (const auto& c : cases) {
        auto result = detect(c.bytes);
        ASSERT_FALSE(result.ok()) << c.name;
        EXPECT_EQ(result.error().code, ErrorCode::UnsupportedFormat);
        EXPECT_NE(result.error().message.find(c.name), std::string::npos) << result.error().message;
    }
}

TEST(Format, TextIsNotAnImage) {
    auto result = detect("Hello, this is a text file.\n");
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::NotAnImage);
    EXPECT_EQ(result.error().message,
              "this file is not an image (no JPEG, PNG, BMP or GIF signature)");
}

TEST(Format, TruncatedSignaturesAreNotImages) {
    const std::string jpegMagic = "\xFF\xD8\xFF";
    for (std::size_t size = 0; size < jpegMagic.size(); ++size) {
        auto result = detect(jpegMagic.substr(0, size));
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(result.error().code, ErrorCode::NotAnImage);
    }
    EXPECT_EQ(detect(jpegMagic).value(), ImageFormat::Jpeg);
}

}  // namespace
}  // namespace smp
