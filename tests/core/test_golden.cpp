// Golden renders: every hairline template on two fixture photos (fair and dark skin),
// compared with reviewed results in tests/golden. What is stored is the change the
// simulation makes (photo − render per channel), which compresses to a few kB and
// shows only the dots. Regenerate after an intended change, then look at them:
//   SMP_UPDATE_GOLDEN=1 build/native/tests/core/core_tests --gtest_filter='Golden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "encode.h"
#include "hairline_templates.h"
#include "photo.h"
#include "simulator.h"
#include "support/test_images.h"

namespace smp {
namespace {

// Working size of the renders: large enough to see single dots.
constexpr int kMaxSide = 800;
// A numeric change this small (mean, in 8-bit levels) passes; a visible one does not.
constexpr double kMaxMeanDifference = 0.25;
// Share of pixels allowed to differ by more than kLargeDifference levels.
constexpr double kMaxLargeShare = 0.002;
constexpr int kLargeDifference = 16;

struct GoldenPhoto {
    const char* file;
    const char* shortName;
    Handles handles;  // full-size pixels: left temple corner, mid-frontal point, right
    int shade;
};

const GoldenPhoto kPhotos[] = {
    {"reisman_shaved_front.jpg", "reisman", {{334, 237}, {551, 215}, {768, 237}}, 3},
    {"satcher_shaved_darkskin_front.jpg", "satcher", {{832, 650}, {1065, 610}, {1294, 650}}, 1},
};

// The change a render made: |photo − render| per channel, opaque.
Image changeOf(const Image& photo, const Image& render) {
    Image change = Image::allocate(photo.width(), photo.height()).value();
    for (std::size_t i = 0; i < photo.sizeBytes(); i += 4) {
        for (std::size_t c = 0; c < 3; ++c) {
            change.data()[i + c] = static_cast<std::uint8_t>(std::abs(photo.data()[i + c] - render.data()[i + c]));
        }
        change.data()[i + 3] = 255;
    }
    return change;
}

Image renderChange(const GoldenPhoto& photo, const std::string& style) {
    const test::Bytes bytes = test::readFixture(photo.file);
    DecodeOptions options;
    options.maxSide = kMaxSide;
    auto decoded = decodePhoto(bytes.data(), bytes.size(), options);
    EXPECT_TRUE(decoded.ok()) << decoded.error().message;
    if (!decoded.ok()) return {};
    const double ratio = static_cast<double>(decoded.value().image.width()) / decoded.value().info.width;
    SimulationSettings settings;
    settings.handles = {ratio * photo.handles.leftTemple, ratio * photo.handles.midFront,
                        ratio * photo.handles.rightTemple};
    settings.handlesSet = true;
    settings.templateId = style;
    settings.shade = photo.shade;
    Simulator simulator;
    Image original = Image::allocate(decoded.value().image.width(), decoded.value().image.height()).value();
    std::copy(decoded.value().image.data(), decoded.value().image.data() + original.sizeBytes(), original.data());
    EXPECT_TRUE(simulator.setPhoto(std::move(decoded.value().image)).ok());
    auto status = simulator.setSettings(settings);
    EXPECT_TRUE(status.ok()) << status.error().message;
    auto rendered = simulator.render();
    EXPECT_TRUE(rendered.ok());
    if (!rendered.ok()) return {};
    return changeOf(original, *rendered.value());
}

std::string goldenPath(const GoldenPhoto& photo, const std::string& style) {
    return std::string(SMP_GOLDEN_DIR) + "/" + photo.shortName + "_" + style + ".png";
}

using GoldenCase = std::tuple<int, std::string>;  // photo index, template id

class Golden : public testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, RenderMatchesReviewedResult) {
    const GoldenPhoto& photo = kPhotos[std::get<0>(GetParam())];
    const std::string& style = std::get<1>(GetParam());
    const Image change = renderChange(photo, style);
    ASSERT_FALSE(change.empty());
    const std::string path = goldenPath(photo, style);

    if (std::getenv("SMP_UPDATE_GOLDEN")) {
        const auto png = encodePng(change);
        ASSERT_TRUE(png.ok());
        std::ofstream(path, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.value().data()), static_cast<std::streamsize>(png.value().size()));
        GTEST_SKIP() << "wrote " << path;
    }

    std::ifstream file(path, std::ios::binary);
    ASSERT_TRUE(file) << path << " is missing: run with SMP_UPDATE_GOLDEN=1 and review it";
    const test::Bytes bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    auto golden = decodePhoto(bytes.data(), bytes.size(), DecodeOptions{DecodeLimits{}, 0});
    ASSERT_TRUE(golden.ok()) << golden.error().message;
    const Image& expected = golden.value().image;
    ASSERT_EQ(expected.width(), change.width());
    ASSERT_EQ(expected.height(), change.height());

    double total = 0;
    std::size_t large = 0;
    std::size_t changed = 0;
    for (std::size_t i = 0; i < change.sizeBytes(); i += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int d = std::abs(change.data()[i + c] - expected.data()[i + c]);
            total += d;
            worst = std::max(worst, d);
        }
        if (worst > kLargeDifference) ++large;
        if (expected.data()[i] | expected.data()[i + 1] | expected.data()[i + 2]) ++changed;
    }
    const double pixels = static_cast<double>(change.sizeBytes() / 4);
    // The golden itself must show a simulation: thousands of changed pixels.
    EXPECT_GT(changed, 2000u) << path << " shows almost no dots";
    EXPECT_LE(total / (3 * pixels), kMaxMeanDifference) << "mean difference from " << path;
    EXPECT_LE(static_cast<double>(large) / pixels, kMaxLargeShare) << "pixels far from " << path;
}

std::string caseName(const testing::TestParamInfo<GoldenCase>& info) {
    std::string style = std::get<1>(info.param);
    for (char& c : style) if (c == '-') c = '_';
    return std::string(kPhotos[std::get<0>(info.param)].shortName) + "_" + style;
}

std::vector<std::string> templateIds() {
    std::vector<std::string> ids;
    for (const HairlineTemplate& style : hairlineTemplates()) ids.push_back(style.id);
    return ids;
}

INSTANTIATE_TEST_SUITE_P(EveryTemplate, Golden,
                         testing::Combine(testing::Values(0, 1), testing::ValuesIn(templateIds())), caseName);

}  // namespace
}  // namespace smp
