// The real photos in ../shared/fixtures/photos decode at their documented sizes.
#include <gtest/gtest.h>

#include "photo.h"
#include "support/test_images.h"

namespace smp {
namespace {

struct Fixture {
    const char* name;
    int width, height, orientation;
    bool progressive;
};

const Fixture kFixtures[] = {
    {"reisman_shaved_front.jpg", 1192, 1857, 1, true},
    {"reisman_exif_orientation6.jpg", 1192, 1857, 6, false},
    {"poindexter_norwood6_front.jpg", 2400, 3000, 1, false},
    {"satcher_shaved_darkskin_front.jpg", 2400, 3000, 1, false},
    {"creamer_receding_front.jpg", 1267, 2000, 1, true},
    {"biden_receding_white_front.jpg", 1200, 1200, 1, false},
    {"collins_fullhair_control.png", 512, 512, 1, false},
    {"parmitano_shaved_beard_busy.jpg", 4288, 2848, 1, false},
    {"walz_glasses_receding.jpg", 3032, 2064, 1, false},
};

class FixturePhoto : public testing::TestWithParam<Fixture> {};

TEST_P(FixturePhoto, DecodesUprightAtWorkingSize) {
    const Fixture& fixture = GetParam();
    const test::Bytes bytes = test::readFixture(fixture.name);
    auto photo = decodePhoto(bytes.data(), bytes.size());
    ASSERT_TRUE(photo.ok()) << photo.error().message;
    const PhotoInfo& info = photo.value().info;
    EXPECT_EQ(info.width, fixture.width);
    EXPECT_EQ(info.height, fixture.height);
    EXPECT_EQ(info.orientation, fixture.orientation);
    EXPECT_EQ(info.progressive, fixture.progressive);
    EXPECT_TRUE(info.warnings.empty());
    const Image& image = photo.value().image;
    EXPECT_EQ(std::max(image.width(), image.height()),
              std::min(2048, std::max(fixture.width, fixture.height)));
    EXPECT_EQ(image.width() > image.height(), fixture.width > fixture.height);
}

INSTANTIATE_TEST_SUITE_P(Photos, FixturePhoto, testing::ValuesIn(kFixtures),
                         [](const auto& param) {
                             std::string name = param.param.name;
                             for (char& c : name) {
                                 if (c == '.') c = '_';
                             }
                             return name;
                         });

// The EXIF-rotated copy shows the same picture as the upright original.
TEST(FixturePhotos, RotatedCopyMatchesUprightOriginal) {
    DecodeOptions options;
    options.maxSide = 512;
    const test::Bytes rotated = test::readFixture("reisman_exif_orientation6.jpg");
    const test::Bytes upright = test::readFixture("reisman_shaved_front.jpg");
    auto a = decodePhoto(rotated.data(), rotated.size(), options);
    auto b = decodePhoto(upright.data(), upright.size(), options);
    ASSERT_TRUE(a.ok() && b.ok());
    const test::Difference difference = test::compareRgb(a.value().image, b.value().image);
    EXPECT_LT(difference.mean, 4.0);
}

}  // namespace
}  // namespace smp
