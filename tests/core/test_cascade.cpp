// The cascade bundle parser, integral images, resampling helpers, hit grouping and the
// cascade scan on images without objects.
#include <gtest/gtest.h>

#include <random>

#include "cascade_detector.h"
#include "cascade_model.h"
#include "gray_image.h"
#include "integral_image.h"
#include "support/placement_data.h"

namespace smp {
namespace {

GrayImage noiseImage(int width, int height, std::uint32_t seed) {
    std::mt19937 generator(seed);
    GrayImage image{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width * height))};
    for (std::uint8_t& v : image.pixels) v = static_cast<std::uint8_t>(generator() & 255u);
    return image;
}

TEST(CascadeBundle, ParsesTheFaceAndEyeCascadesFromOpencvData) {
    const test::Bytes& bytes = test::cascadeBundle();
    auto bundle = parseCascadeBundle(bytes.data(), bytes.size());
    ASSERT_TRUE(bundle.ok()) << bundle.error().message;
    const Cascade* face = findCascade(bundle.value(), "face");
    const Cascade* eye = findCascade(bundle.value(), "eye");
    ASSERT_NE(face, nullptr);
    ASSERT_NE(eye, nullptr);
    EXPECT_EQ(findCascade(bundle.value(), "nose"), nullptr);
    // lbpcascade_frontalface_improved.xml and haarcascade_eye.xml.
    EXPECT_EQ(face->type, FeatureType::Lbp);
    EXPECT_EQ(face->windowWidth, 45);
    EXPECT_EQ(face->stages.size(), 19u);
    EXPECT_EQ(eye->type, FeatureType::Haar);
    EXPECT_EQ(eye->windowWidth, 20);
    EXPECT_EQ(eye->stages.size(), 24u);
    EXPECT_LT(bytes.size(), 100'000u);  // well under the page's 1 MB budget
}

TEST(CascadeBundle, RefusesEmptyForeignAndTruncatedData) {
    EXPECT_EQ(parseCascadeBundle(nullptr, 0).error().code, ErrorCode::EmptyInput);
    const std::uint8_t png[] = {0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 0};
    auto foreign = parseCascadeBundle(png, sizeof png);
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().message, "the cascade bundle is invalid: wrong signature (expected SMPCAS01)");
    const test::Bytes& bytes = test::cascadeBundle();
    // Every cut (sampled) fails cleanly, never reads past the end (ASan checks).
    for (std::size_t size = 1; size < bytes.size(); size += 97) {
        auto cut = parseCascadeBundle(bytes.data(), size);
        ASSERT_FALSE(cut.ok()) << size;
        EXPECT_EQ(cut.error().code, ErrorCode::InvalidArgument);
    }
    auto model = PlacementModel::fromBundle(bytes.data(), bytes.size() - 1);
    EXPECT_FALSE(model.ok());
}

TEST(CascadeBundle, RefusesFeaturesOutsideTheWindow) {
    test::Bytes bytes = test::cascadeBundle();
    // The first cascade's first LBP feature starts after: signature, count, name, type,
    // window, feature count, stage count. Move it far right.
    const std::size_t feature = 8 + 4 + 1 + 4 + 1 + 2 + 2 + 4 + 2;
    bytes[feature] = 250;
    auto bundle = parseCascadeBundle(bytes.data(), bytes.size());
    ASSERT_FALSE(bundle.ok());
    EXPECT_EQ(bundle.error().message, "the cascade bundle is invalid: LBP feature outside the window");
}

TEST(IntegralImage, SumsMatchBruteForce) {
    const GrayImage image = noiseImage(37, 23, 5);
    const IntegralImage ii(image, true);
    for (const PixelBox& r : {PixelBox{0, 0, 37, 23}, PixelBox{3, 4, 9, 20}, PixelBox{36, 22, 37, 23}}) {
        std::uint32_t sum = 0;
        std::uint64_t squares = 0;
        for (int y = r.y0; y < r.y1; ++y) {
            for (int x = r.x0; x < r.x1; ++x) {
                sum += image.at(x, y);
                squares += static_cast<std::uint64_t>(image.at(x, y) * image.at(x, y));
            }
        }
        EXPECT_EQ(ii.sum(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0), sum);
        EXPECT_EQ(ii.sumOfSquares(r.x0, r.y0, r.x1 - r.x0, r.y1 - r.y0), squares);
    }
}

TEST(GrayImage, ResamplingBlurAndErosionKeepFlatImagesFlat) {
    GrayImage flat{40, 30, std::vector<std::uint8_t>(1200, 77)};
    for (const GrayImage& out : {resampleRegion(flat, {0, 0, 40, 30}, 13, 9), resampleRegion(flat, {5, 5, 15, 15}, 47, 41),
                                 boxBlur(flat, 3, 2), erode(flat, 2)}) {
        for (std::uint8_t v : out.pixels) ASSERT_EQ(v, 77);
    }
    // Area averaging: a 2×2 → 1×1 shrink is the mean.
    const GrayImage four{2, 2, {0, 100, 200, 100}};
    EXPECT_EQ(resampleRegion(four, {0, 0, 2, 2}, 1, 1).pixels[0], 100);
    // Erosion removes a bright speck smaller than its square.
    flat.pixels[15 * 40 + 20] = 255;
    EXPECT_EQ(erode(flat, 1).at(20, 15), 77);
}

TEST(GroupHits, MergesNeighboursAndDropsLoneHits) {
    std::vector<PixelBox> hits = {{100, 100, 200, 200}, {102, 98, 202, 198}, {98, 101, 199, 203},
                                  {101, 100, 201, 199}, {500, 500, 540, 540}};
    const std::vector<Detection> groups = groupHits(hits, 3, 0.2);
    ASSERT_EQ(groups.size(), 1u);
    EXPECT_EQ(groups[0].neighbours, 4);
    EXPECT_EQ(groups[0].box, (PixelBox{100, 100, 200, 200}));
    EXPECT_TRUE(groupHits(hits, 4, 0.2).empty());  // a group needs more than minNeighbours hits
    // A weak small group inside a strong large one is dropped.
    for (int i = 0; i < 2; ++i) hits.push_back({120, 120, 150, 150});
    EXPECT_EQ(groupHits(hits, 1, 0.2).size(), 1u);
}

TEST(CascadeScan, FindsNoFaceInNoiseOrFlatGrey) {
    const PlacementModel& model = test::placementModel();
    EXPECT_TRUE(detectObjects(noiseImage(320, 240, 9), model.face(), {}).empty());
    const GrayImage grey{300, 300, std::vector<std::uint8_t>(90000, 128)};
    EXPECT_TRUE(detectObjects(grey, model.face(), {}).empty());
    EXPECT_TRUE(detectObjects(grey, model.eye(), {}).empty());  // flat: every window skipped
    // Images smaller than the window, and an empty one.
    EXPECT_TRUE(scanCascade(noiseImage(30, 30, 1), model.face(), {}).empty());
    EXPECT_TRUE(scanCascade(GrayImage{}, model.face(), {}).empty());
}

}  // namespace
}  // namespace smp
