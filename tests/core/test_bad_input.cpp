// Bad input made by the tests: each case gets its own clear error (or, for a broken
// EXIF block, a warning), and never a crash, hang or sanitizer report.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "photo.h"
#include "support/gif_writer.h"
#include "support/png_writer.h"
#include "support/test_images.h"

namespace smp {
namespace {

Error decodeError(const test::Bytes& bytes) {
    auto result = decodePhoto(bytes.data(), bytes.size());
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{ErrorCode::InvalidArgument, "decoded"} : result.error();
}

test::Bytes prefix(const test::Bytes& bytes, std::size_t size) {
    return test::Bytes(bytes.begin(), bytes.begin() + static_cast<long>(size));
}

std::vector<std::size_t> cutPoints(std::size_t size) {
    return {1, 2, 3, 8, 20, 100, 200, size / 4, size / 2, size * 3 / 4, size - 10, size - 2, size - 1};
}

TEST(BadInput, ZeroBytes) {
    const Error error = decodeError({});
    EXPECT_EQ(error.code, ErrorCode::EmptyInput);
    EXPECT_EQ(error.message, "the file is empty (0 bytes)");
}

TEST(BadInput, RandomBytesAreNotAnImage) {
    for (std::uint32_t seed = 1; seed <= 50; ++seed) {
        test::Bytes bytes = test::randomBytes(1 + seed * 97, seed);
        if (bytes[0] == 0xFF || bytes[0] == 0x89 || bytes[0] == 'G' || bytes[0] == 'B') bytes[0] = 0;
        EXPECT_EQ(decodeError(bytes).code, ErrorCode::NotAnImage) << seed;
    }
}

TEST(BadInput, RandomBytesBehindRealSignatures) {
    const std::string signatures[] = {std::string("\xFF\xD8\xFF\xE0", 4), "\x89PNG\r\n\x1A\n",
                                      "GIF89a", "BM"};
    for (const std::string& signature : signatures) {
        for (std::uint32_t seed = 1; seed <= 40; ++seed) {
            test::Bytes bytes = test::randomBytes(64 + seed * 31, seed);
            std::copy(signature.begin(), signature.end(), bytes.begin());
            auto result = decodePhoto(bytes.data(), bytes.size());
            if (!result.ok()) {  // random header sizes are often huge
                const ErrorCode code = result.error().code;
                EXPECT_TRUE(code == ErrorCode::CorruptImage || code == ErrorCode::ImageTooLarge)
                    << result.error().message;
            }
        }
    }
}

TEST(BadInput, TruncatedJpegs) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(120, 90));
    for (std::size_t size : cutPoints(jpeg.size())) {
        const Error error = decodeError(prefix(jpeg, size));
        if (size < 3) {
            EXPECT_EQ(error.code, ErrorCode::NotAnImage) << size;
        } else {
            EXPECT_EQ(error.code, ErrorCode::CorruptImage) << size;
            EXPECT_EQ(error.message, "the JPEG file is truncated: its data stops before the end");
        }
    }
}

TEST(BadInput, TruncatedFixtureJpegs) {
    // Progressive, and with data after its end marker: cut within the scans.
    const test::Bytes jpeg = test::readFixture("creamer_receding_front.jpg");
    for (std::size_t size : {std::size_t{1000}, jpeg.size() / 3, jpeg.size() / 2}) {
        EXPECT_EQ(decodeError(prefix(jpeg, size)).code, ErrorCode::CorruptImage) << size;
    }
}

TEST(BadInput, TruncatedPngs) {
    const test::Bytes png = test::toPng(test::makeTestImage(120, 90));
    for (std::size_t size : cutPoints(png.size())) {
        const Error error = decodeError(prefix(png, size));
        EXPECT_EQ(error.code, size < 8 ? ErrorCode::NotAnImage : ErrorCode::CorruptImage) << size;
        if (size >= 8) {
            EXPECT_EQ(error.message, "the PNG file is truncated: its data stops before the end");
        }
    }
}

// stb_image would allocate what the IDAT length claims before finding the data missing.
TEST(BadInput, PngChunkLengthBeyondTheFile) {
    test::Bytes png = test::toPng(test::makeTestImage(30, 20));
    std::size_t idat = 8;
    while (std::memcmp(png.data() + idat + 4, "IDAT", 4) != 0) idat += 1;
    png[idat] = 0x7F;  // 2 GiB
    const Error error = decodeError(png);
    EXPECT_EQ(error.code, ErrorCode::CorruptImage);
    EXPECT_EQ(error.message, "the PNG file is truncated: its data stops before the end");
}

// 16 MB of zeros deflate to a few kB: a 16×16 PNG must not inflate them.
TEST(BadInput, PngDataInflatingFarBeyondItsSize) {
    const test::PngSpec header{16, 16, test::PngColor::Rgb, 8, {}, {}};
    const test::Bytes bomb = test::writePngWithScanlines(header, test::Bytes(16u << 20, 0));
    ASSERT_LT(bomb.size(), 200'000u);  // stb's deflate: ~160 kB
    const Error error = decodeError(bomb);
    EXPECT_EQ(error.code, ErrorCode::CorruptImage);
    EXPECT_EQ(error.message, "the PNG data holds more than a 16×16 image can");
}

TEST(BadInput, TruncatedGifsAndBmps) {
    const test::GifPalette palette = {{{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}}};
    const test::Bytes gif = test::writeGif(2, 2, palette, {{0, 1, 2, 3}});
    EXPECT_EQ(decodeError(prefix(gif, gif.size() - 1)).code, ErrorCode::CorruptImage);
    const test::Bytes bmp = test::toBmp(test::makeTestImage(40, 30), 3);
    for (std::size_t size : {std::size_t{30}, std::size_t{60}, bmp.size() / 2, bmp.size() - 1}) {
        const Error error = decodeError(prefix(bmp, size));
        EXPECT_EQ(error.code, ErrorCode::CorruptImage) << size;
    }
}

TEST(BadInput, MalformedExifStillDecodesWithAWarning) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(40, 30));
    // IFD0 offset points far outside the block.
    const test::Bytes broken = test::withExifPayload(jpeg, {'I', 'I', 42, 0, 0xF0, 0xFF, 0, 0});
    auto photo = decodePhoto(broken.data(), broken.size());
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    EXPECT_EQ(photo.value().info.orientation, 1);
    ASSERT_EQ(photo.value().info.warnings.size(), 1u);
    EXPECT_EQ(photo.value().info.warnings[0],
              "malformed EXIF block (IFD0 offset outside the block); orientation ignored");
}

TEST(BadInput, ExifSegmentLengthBeyondTheFile) {
    test::Bytes jpeg = test::withExifOrientation(test::toJpeg(test::makeTestImage(40, 30)), 6, false);
    jpeg[4] = 0xFF;  // APP1 length far beyond the end of the file
    jpeg[5] = 0xF0;
    EXPECT_EQ(decodeError(jpeg).code, ErrorCode::CorruptImage);
}

// stb_image 2.27 writes past its tables when DHT code counts add up to more than
// 256 (found by the fuzzer); the container check must stop such files first.
TEST(BadInput, HuffmanTableWithTooManySymbols) {
    test::Bytes jpeg = test::toJpeg(test::makeTestImage(16, 16));
    std::size_t dht = 2;
    while (!(jpeg[dht] == 0xFF && jpeg[dht + 1] == 0xC4)) ++dht;
    for (std::size_t i = 0; i < 16; ++i) jpeg[dht + 5 + i] = 0xFF;  // 16 × 255 codes
    const Error error = decodeError(jpeg);
    EXPECT_EQ(error.code, ErrorCode::CorruptImage);
    EXPECT_EQ(error.message, "the JPEG file is damaged: a Huffman table is malformed");
}

TEST(BadInput, TextFile) {
    const std::string text = "name,size\nphoto,12\n";
    const Error error = decodeError(test::Bytes(text.begin(), text.end()));
    EXPECT_EQ(error.code, ErrorCode::NotAnImage);
}

}  // namespace
}  // namespace smp
