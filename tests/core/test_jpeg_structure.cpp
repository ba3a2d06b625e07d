#include <gtest/gtest.h>

#include "jpeg_structure.h"
#include "support/jpeg_tools.h"
#include "support/test_images.h"

namespace smp {
namespace {

TEST(JpegStructure, CompleteBaselineFile) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(40, 30));
    const JpegStructure structure = scanJpeg(jpeg.data(), jpeg.size());
    EXPECT_TRUE(structure.complete);
    EXPECT_FALSE(structure.progressive);
    EXPECT_EQ(structure.components, 3);
    EXPECT_EQ(structure.exif, nullptr);
}

TEST(JpegStructure, EveryTruncationIsIncomplete) {
    const test::Bytes jpeg = test::toJpeg(test::makeTestImage(40, 30));
    for (std::size_t size = 0; size + 1 < jpeg.size(); ++size) {
        EXPECT_FALSE(scanJpeg(jpeg.data(), size).complete) << "cut at " << size;
    }
}

TEST(JpegStructure, ProgressiveFixtureIsRecognised) {
    const test::Bytes jpeg = test::readFixture("creamer_receding_front.jpg");
    const JpegStructure structure = scanJpeg(jpeg.data(), jpeg.size());
    EXPECT_TRUE(structure.complete);
    EXPECT_TRUE(structure.progressive);
    EXPECT_NE(structure.exif, nullptr);
}

#if SMP_HAVE_LIBJPEG
TEST(JpegStructure, ProgressiveScansAreWalked) {
    const test::Bytes jpeg = test::writeProgressiveJpeg(test::makeTestImage(64, 48), 90);
    const JpegStructure structure = scanJpeg(jpeg.data(), jpeg.size());
    EXPECT_TRUE(structure.complete);
    EXPECT_TRUE(structure.progressive);
    EXPECT_FALSE(scanJpeg(jpeg.data(), jpeg.size() * 2 / 3).complete);
}
#endif

}  // namespace
}  // namespace smp
