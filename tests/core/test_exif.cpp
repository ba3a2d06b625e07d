#include <gtest/gtest.h>

#include "exif.h"
#include "jpeg_structure.h"
#include "support/test_images.h"

namespace smp {
namespace {

ExifOrientation parseFromJpeg(const test::Bytes& jpeg) {
    const JpegStructure structure = scanJpeg(jpeg.data(), jpeg.size());
    EXPECT_NE(structure.exif, nullptr);
    return parseExifOrientation(structure.exif, structure.exifSize);
}

TEST(Exif, ReadsEveryOrientationInBothByteOrders) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(16, 8));
    for (bool bigEndian : {false, true}) {
        for (int orientation = 1; orientation <= 8; ++orientation) {
            const ExifOrientation parsed =
                parseFromJpeg(test::withExifOrientation(jpeg, orientation, bigEndian));
            EXPECT_TRUE(parsed.present);
            EXPECT_EQ(parsed.value, orientation);
            EXPECT_TRUE(parsed.problem.empty()) << parsed.problem;
        }
    }
}

TEST(Exif, OrientationOutOfRangeIsReportedAndIgnored) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(16, 8));
    const ExifOrientation parsed = parseFromJpeg(test::withExifOrientation(jpeg, 9, false));
    EXPECT_FALSE(parsed.present);
    EXPECT_EQ(parsed.value, 1);
    EXPECT_NE(parsed.problem.find("orientation value 9"), std::string::npos) << parsed.problem;
}

TEST(Exif, MalformedBlocksAreReportedNotRead) {
    const test::Bytes cases[] = {
        {},                                                  // empty
        {'I', 'I', 42},                                      // shorter than a header
        {'X', 'X', 42, 0, 8, 0, 0, 0},                       // bad byte order
        {'I', 'I', 41, 0, 8, 0, 0, 0},                       // bad magic
        {'I', 'I', 42, 0, 0xFF, 0xFF, 0xFF, 0x7F},           // IFD far outside
        {'M', 'M', 0, 42, 0, 0, 0, 8, 0xFF, 0xFF},           // 65535 entries, none present
        {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0,                  // orientation as LONG
         0x12, 0x01, 4, 0, 1, 0, 0, 0, 6, 0, 0, 0},
    };
    for (const test::Bytes& tiff : cases) {
        const ExifOrientation parsed = parseExifOrientation(tiff.data(), tiff.size());
        EXPECT_EQ(parsed.value, 1);
        EXPECT_FALSE(parsed.present);
        EXPECT_NE(parsed.problem.find("malformed EXIF"), std::string::npos);
    }
}

TEST(Exif, RandomBlocksNeverReadOutOfBounds) {
    for (std::uint32_t seed = 0; seed < 2000; ++seed) {
        test::Bytes tiff = test::randomBytes(seed % 64, seed);
        if (tiff.size() >= 4) {  // make most of them pass the header checks
            tiff[0] = tiff[1] = (seed & 1) ? 'M' : 'I';
            tiff[2] = (seed & 1) ? 0 : 42;
            tiff[3] = (seed & 1) ? 42 : 0;
        }
        const ExifOrientation parsed = parseExifOrientation(tiff.data(), tiff.size());
        EXPECT_GE(parsed.value, 1);
        EXPECT_LE(parsed.value, 8);
    }
}

}  // namespace
}  // namespace smp
