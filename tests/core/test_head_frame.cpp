// The head frame: handles are validated with messages a user can act on, and valid
// handles give the documented scale and axes.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "head_frame.h"
#include "simulator.h"
#include "support/scene.h"

namespace smp {
namespace {

constexpr int kWidth = 400;
constexpr int kHeight = 300;

Handles goodHandles() { return {{100, 200}, {200, 190}, {300, 200}}; }

// Expects an InvalidArgument error whose message contains `needle`.
void expectRejected(const Handles& handles, const std::string& needle, double pxPerMmOverride = 0) {
    auto frame = HeadFrame::fromHandles(handles, kWidth, kHeight, pxPerMmOverride);
    ASSERT_FALSE(frame.ok()) << "accepted, expected an error about '" << needle << "'";
    EXPECT_EQ(frame.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(frame.error().message.find(needle), std::string::npos)
        << "message '" << frame.error().message << "' does not mention '" << needle << "'";
}

TEST(HeadFrame, ValidHandlesGiveScaleFromTheTempleSpan) {
    auto frame = HeadFrame::fromHandles(goodHandles(), kWidth, kHeight);
    ASSERT_TRUE(frame.ok()) << frame.error().message;
    EXPECT_NEAR(frame.value().pxPerMm(), 200.0 / 95.0, 1e-12);

    // A tilted head: the span is the distance between the corners.
    const Handles tilted{{100, 220}, {195, 170}, {290, 160}};
    auto tiltedFrame = HeadFrame::fromHandles(tilted, kWidth, kHeight);
    ASSERT_TRUE(tiltedFrame.ok()) << tiltedFrame.error().message;
    EXPECT_NEAR(tiltedFrame.value().pxPerMm(), std::hypot(190.0, 60.0) / 95.0, 1e-12);
}

TEST(HeadFrame, AxesPointRightAndUpTheForehead) {
    const HeadFrame frame = HeadFrame::fromHandles(goodHandles(), kWidth, kHeight).value();
    const double s = frame.pxPerMm();
    const Vec2 origin = frame.toFrame({200, 190});
    EXPECT_NEAR(origin.x, 0, 1e-12);
    EXPECT_NEAR(origin.y, 0, 1e-12);
    // 10 mm up the forehead is 10·s pixels towards the top of the photo.
    const Vec2 up = frame.toPhoto({0, 10});
    EXPECT_NEAR(up.x, 200, 1e-9);
    EXPECT_NEAR(up.y, 190 - 10 * s, 1e-9);
    const Vec2 right = frame.toPhoto({10, 0});
    EXPECT_NEAR(right.x, 200 + 10 * s, 1e-9);
    EXPECT_NEAR(right.y, 190, 1e-9);
    // Corners: 47.5 mm either side; 10 px lower in the photo than the mid-frontal
    // point, so 10/s mm below it in the frame.
    EXPECT_NEAR(frame.leftCornerMm().x, -47.5, 1e-9);
    EXPECT_NEAR(frame.rightCornerMm().x, 47.5, 1e-9);
    EXPECT_NEAR(frame.leftCornerMm().y, -10 / s, 1e-9);
    // Round trip.
    for (const Vec2 p : {Vec2{3, 4}, Vec2{-120, 80}, Vec2{0.25, -33}}) {
        const Vec2 back = frame.toFrame(frame.toPhoto(p));
        EXPECT_NEAR(back.x, p.x, 1e-9);
        EXPECT_NEAR(back.y, p.y, 1e-9);
    }
    const Vec2 dir = frame.directionToPhoto({0, 1});
    EXPECT_NEAR(dir.x, 0, 1e-12);
    EXPECT_NEAR(dir.y, -s, 1e-12);
}

TEST(HeadFrame, PhotoBoundsAreClippedToThePhoto) {
    const HeadFrame frame = HeadFrame::fromHandles(goodHandles(), kWidth, kHeight).value();
    const PixelBox all = frame.photoBounds({-1000, -1000}, {1000, 1000}, kWidth, kHeight);
    EXPECT_EQ(all.x0, 0);
    EXPECT_EQ(all.y0, 0);
    EXPECT_EQ(all.x1, kWidth);
    EXPECT_EQ(all.y1, kHeight);
    const PixelBox small = frame.photoBounds({-5, 0}, {5, 10}, kWidth, kHeight);
    const double s = frame.pxPerMm();
    EXPECT_LE(small.x0, 200 - 5 * s);
    EXPECT_GE(small.x1, 200 + 5 * s);
    EXPECT_LE(small.y0, 190 - 10 * s);
    EXPECT_GE(small.y1, 190);
    EXPECT_LT(small.x1 - small.x0, 10 * s + 4);
}

TEST(HeadFrame, ScaleOverrideReplacesTheEstimate) {
    auto frame = HeadFrame::fromHandles(goodHandles(), kWidth, kHeight, 2.5);  // span 80 mm
    ASSERT_TRUE(frame.ok()) << frame.error().message;
    EXPECT_EQ(frame.value().pxPerMm(), 2.5);
    EXPECT_NEAR(frame.value().rightCornerMm().x - frame.value().leftCornerMm().x, 80, 1e-9);
}

TEST(HeadFrame, CoincidentHandlesAreRejected) {
    expectRejected({{150, 150}, {150, 150}, {150, 150}}, "px apart");
    expectRejected({{150, 150}, {152, 150}, {155, 150}}, "temple corners");
}

TEST(HeadFrame, SwappedCornersAreRejected) {
    expectRejected({{300, 200}, {200, 190}, {100, 200}}, "swapped");
}

TEST(HeadFrame, StrongTiltIsRejected) {
    expectRejected({{100, 250}, {160, 150}, {180, 40}}, "tilt");
}

TEST(HeadFrame, MidFrontalPointOutsideTheSpanIsRejected) {
    expectRejected({{100, 200}, {320, 190}, {300, 200}}, "between the temple corners");
    expectRejected({{100, 200}, {90, 190}, {300, 200}}, "between the temple corners");
}

TEST(HeadFrame, CornersFarBelowTheMidFrontalPointAreRejected) {
    expectRejected({{100, 280}, {200, 100}, {300, 280}}, "below the mid-frontal point");
}

TEST(HeadFrame, HandlesOffThePhotoAreRejected) {
    expectRejected({{-5, 200}, {200, 190}, {300, 200}}, "left temple corner");
    expectRejected({{-5, 200}, {200, 190}, {300, 200}}, "outside the photo");
    expectRejected({{100, 200}, {200, 190}, {300, 301}}, "right temple corner");
    expectRejected({{100, 200}, {200, 900}, {300, 200}}, "mid-frontal point");
    // The message gives the photo size, so the user sees why.
    expectRejected({{100, 200}, {200, 190}, {401, 200}}, "400");
}

TEST(HeadFrame, NaNHandlesAreRejected) {
    expectRejected({{NAN, 200}, {200, 190}, {300, 200}}, "left temple corner");
    expectRejected({{100, 200}, {200, NAN}, {300, 200}}, "mid-frontal point");
    expectRejected({{100, 200}, {200, 190}, {INFINITY, 200}}, "right temple corner");
}

TEST(HeadFrame, BadScaleOverrideIsRejected) {
    expectRejected(goodHandles(), "positive", -1);
    expectRejected(goodHandles(), "positive", NAN);
    expectRejected(goodHandles(), "positive", INFINITY);
    expectRejected(goodHandles(), "95 mm", 100);   // corners 2 mm apart
    expectRejected(goodHandles(), "95 mm", 0.5);   // corners 400 mm apart
}

TEST(HeadFrame, SimulatorRejectsBadHandlesAndKeepsTheOldOnes) {
    Simulator sim;
    ASSERT_TRUE(sim.setPhoto(test::flatPhoto(kWidth, kHeight)).ok());
    ASSERT_TRUE(sim.setHandles(goodHandles()).ok());
    const Status status = sim.setHandles({{300, 200}, {200, 190}, {100, 200}});
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(status.error().message.find("swapped"), std::string::npos);
    EXPECT_EQ(sim.settings().handles.leftTemple.x, 100);
    const Status scale = sim.setScaleOverride(100);
    ASSERT_FALSE(scale.ok());
    EXPECT_EQ(sim.settings().pxPerMmOverride, 0);
    ASSERT_TRUE(sim.render().ok());
    EXPECT_NEAR(sim.stats().pxPerMm, 200.0 / 95.0, 1e-12);
}

}  // namespace
}  // namespace smp
