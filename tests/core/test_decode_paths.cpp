// Each decoder path of stb_image that the engine promises, from files the tests write.
#include <gtest/gtest.h>

#include "photo.h"
#include "support/gif_writer.h"
#include "support/jpeg_tools.h"
#include "support/png_writer.h"
#include "support/test_images.h"

namespace smp {
namespace {

Photo decodeOk(const test::Bytes& bytes) {
    auto photo = decodePhoto(bytes.data(), bytes.size());
    EXPECT_TRUE(photo.ok()) << photo.error().message;
    return photo.ok() ? std::move(photo).value() : Photo{};
}

TEST(DecodePaths, BaselineJpeg) {
    const Image source = test::makeTestImage(64, 48);
    const Photo photo = decodeOk(test::toJpeg(source, 95));
    EXPECT_EQ(photo.info.format, ImageFormat::Jpeg);
    EXPECT_FALSE(photo.info.progressive);
    EXPECT_LT(test::compareRgb(photo.image, source).mean, 2.5);
}

#if SMP_HAVE_LIBJPEG
TEST(DecodePaths, ProgressiveJpeg) {
    const Image source = test::makeTestImage(64, 48);
    const Photo photo = decodeOk(test::writeProgressiveJpeg(source, 95));
    EXPECT_TRUE(photo.info.progressive);
    EXPECT_LT(test::compareRgb(photo.image, source).mean, 2.5);
}

TEST(DecodePaths, CmykJpegIsConvertedToRgb) {
    // Inverted Adobe CMYK: C=255 (no cyan), M=Y=0 (full), K=255 (no black) is red.
    const std::uint8_t red[4] = {255, 0, 0, 255};
    const Photo photo = decodeOk(test::writeCmykJpeg(16, 16, red));
    EXPECT_EQ(photo.info.channels, 4);  // as stored in the file
    const std::uint8_t* p = photo.image.pixel(8, 8);
    EXPECT_GT(p[0], 240);
    EXPECT_LT(p[1], 15);
    EXPECT_LT(p[2], 15);
}
#endif

TEST(DecodePaths, Png8BitRgbaIsExact) {
    Image source = test::makeTestImage(33, 17);
    source.pixel(3, 3)[3] = 7;  // some transparency survives
    const Photo photo = decodeOk(test::toPng(source));
    EXPECT_EQ(photo.info.channels, 4);
    EXPECT_EQ(test::compareRgb(photo.image, source).max, 0);
    EXPECT_EQ(photo.image.pixel(3, 3)[3], 7);
}

TEST(DecodePaths, PngGreyAndGreyAlpha) {
    test::PngSpec grey{3, 2, test::PngColor::Grey, 8, {0, 100, 255, 10, 20, 30}, {}};
    Photo photo = decodeOk(test::writePng(grey));
    EXPECT_EQ(photo.info.channels, 1);
    EXPECT_EQ(photo.image.pixel(1, 0)[0], 100);
    EXPECT_EQ(photo.image.pixel(1, 0)[2], 100);
    EXPECT_EQ(photo.image.pixel(1, 0)[3], 255);

    test::PngSpec greyAlpha{2, 1, test::PngColor::GreyAlpha, 8, {50, 128, 200, 255}, {}};
    photo = decodeOk(test::writePng(greyAlpha));
    EXPECT_EQ(photo.info.channels, 2);
    EXPECT_EQ(photo.image.pixel(0, 0)[1], 50);
    EXPECT_EQ(photo.image.pixel(0, 0)[3], 128);
}

TEST(DecodePaths, Png16BitKeepsTheHighByte) {
    test::PngSpec spec{2, 1, test::PngColor::Rgb, 16, {0xFFFF, 0x8000, 0x00FF, 0x1234, 0xABCD, 0}, {}};
    const Photo photo = decodeOk(test::writePng(spec));
    EXPECT_EQ(photo.info.bitsPerChannel, 16);
    EXPECT_EQ(photo.image.pixel(0, 0)[0], 0xFF);
    EXPECT_EQ(photo.image.pixel(0, 0)[1], 0x80);
    EXPECT_EQ(photo.image.pixel(0, 0)[2], 0x00);
    EXPECT_EQ(photo.image.pixel(1, 0)[0], 0x12);
    EXPECT_EQ(photo.image.pixel(1, 0)[1], 0xAB);
}

TEST(DecodePaths, PngPalette) {
    test::PngSpec spec{2, 1, test::PngColor::Palette, 8, {1, 0}, {10, 20, 30, 200, 100, 50}};
    const Photo photo = decodeOk(test::writePng(spec));
    EXPECT_EQ(photo.image.pixel(0, 0)[0], 200);
    EXPECT_EQ(photo.image.pixel(1, 0)[2], 30);
}

TEST(DecodePaths, Bmp24And32Bit) {
    const Image source = test::makeTestImage(21, 13);  // odd width: row padding
    for (int channels : {3, 4}) {
        const Photo photo = decodeOk(test::toBmp(source, channels));
        EXPECT_EQ(photo.info.format, ImageFormat::Bmp);
        EXPECT_EQ(test::compareRgb(photo.image, source).max, 0) << channels;
    }
}

TEST(DecodePaths, GifFirstFrameOnly) {
    const test::GifPalette palette = {{{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}}};
    const test::GifFrame first = {1, 2, 3, 0, 1, 2};
    const test::GifFrame second = {3, 3, 3, 3, 3, 3};
    const Photo photo = decodeOk(test::writeGif(3, 2, palette, {first, second}));
    EXPECT_EQ(photo.info.format, ImageFormat::Gif);
    EXPECT_EQ(photo.image.width(), 3);
    EXPECT_EQ(photo.image.pixel(0, 0)[0], 255);  // red, from the first frame
    EXPECT_EQ(photo.image.pixel(1, 0)[1], 255);  // green
    EXPECT_EQ(photo.image.pixel(2, 0)[2], 255);  // blue
    EXPECT_EQ(photo.image.pixel(0, 1)[0], 0);    // black
}

}  // namespace
}  // namespace smp
