// Hairline styles: every template is a well-formed table row, renders dots, and its
// line passes through the handles (up to its own irregularity); unknown ids fail with
// the list of valid ones.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "fields.h"
#include "hairline.h"
#include "hairline_templates.h"
#include "head_frame.h"
#include "simulator.h"
#include "support/scene.h"

namespace smp {
namespace {

constexpr int kWidth = 400;
constexpr int kHeight = 300;

// Temple corners 12 px (~6 mm) higher than the mid-frontal point, as on most heads.
test::Scene raisedCornerScene() {
    test::Scene scene = test::levelScene(kWidth, kHeight, 2, {200, 200});
    scene.handles.leftTemple.y -= 12;
    scene.handles.rightTemple.y -= 12;
    return scene;
}

// Shortest distance from p to the polyline's vertices and segments.
double distanceToPolyline(const std::vector<Vec2>& line, Vec2 p) {
    double best = INFINITY;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const Vec2 a = line[i], b = line[i + 1];
        const Vec2 ab = b - a;
        const double t = std::clamp(dot(p - a, ab) / std::fmax(dot(ab, ab), 1e-12), 0.0, 1.0);
        best = std::fmin(best, length(p - (a + t * ab)));
    }
    return best;
}

TEST(HairlineTemplates, TableRowsAreWellFormed) {
    const auto& styles = hairlineTemplates();
    ASSERT_GE(styles.size(), 6u);
    std::set<std::string> ids;
    for (const HairlineTemplate& style : styles) {
        SCOPED_TRACE(style.id);
        EXPECT_TRUE(ids.insert(style.id).second) << "duplicate id";
        EXPECT_FALSE(style.label.empty());
        ASSERT_GE(style.shape.size(), 2u);
        // The curve runs from the mid-frontal point (t 0, height 0) to the corner (t 1, rise 1).
        EXPECT_EQ(style.shape.front().t, 0.0);
        EXPECT_EQ(style.shape.front().rise, 0.0);
        EXPECT_EQ(style.shape.front().offsetMm, 0.0);
        EXPECT_EQ(style.shape.back().t, 1.0);
        EXPECT_EQ(style.shape.back().rise, 1.0);
        EXPECT_EQ(style.shape.back().offsetMm, 0.0);
        for (std::size_t i = 1; i < style.shape.size(); ++i) EXPECT_GT(style.shape[i].t, style.shape[i - 1].t);
        EXPECT_GE(style.transitionMm, 5);  // smp-reference.md: 5–15 mm
        EXPECT_LE(style.transitionMm, 15);
        EXPECT_GE(style.fineJitterMm, 0);
        EXPECT_LE(style.fineJitterMm, 2);
        EXPECT_LE(style.broadJitterMm, 5);
        EXPECT_GT(style.densityScale, 0.5);
        EXPECT_LE(style.densityScale, 1.0);
        EXPECT_EQ(findHairlineTemplate(style.id), &style);
        EXPECT_NE(hairlineTemplateIds().find(style.id), std::string::npos);
    }
    EXPECT_NE(findHairlineTemplate("soft"), nullptr);
    EXPECT_EQ(findHairlineTemplate("nope"), nullptr);
}

TEST(HairlineTemplates, EveryTemplateRendersThroughTheHandles) {
    const test::Scene scene = raisedCornerScene();
    const HeadFrame frame = HeadFrame::fromHandles(scene.handles, kWidth, kHeight).value();
    Simulator sim;
    test::setUp(sim, test::flatPhoto(kWidth, kHeight), scene);
    for (const HairlineTemplate& style : hairlineTemplates()) {
        // The line's irregularity: fine jitter plus broad waviness (each ±), plus 1 mm.
        const double toleranceMm = style.fineJitterMm + style.broadJitterMm + 1;
        for (std::uint32_t seed : {1u, 2u, 77u}) {
            SCOPED_TRACE(style.id + " seed " + std::to_string(seed));
            ASSERT_TRUE(sim.setTemplate(style.id).ok());
            ASSERT_TRUE(sim.setSeed(seed).ok());
            test::renderOrFail(sim);
            EXPECT_GT(sim.stats().dotCount, 1000u);
            EXPECT_GT(sim.stats().zones[static_cast<std::size_t>(Zone::FrontMid)].areaCm2, 10);
            const std::vector<Vec2> line = sim.hairlinePolyline();
            ASSERT_GT(line.size(), 100u);
            const double pxPerMm = sim.stats().pxPerMm;
            EXPECT_LE(distanceToPolyline(line, scene.handles.midFront) / pxPerMm, toleranceMm);
            EXPECT_LE(distanceToPolyline(line, scene.handles.leftTemple) / pxPerMm, toleranceMm);
            EXPECT_LE(distanceToPolyline(line, scene.handles.rightTemple) / pxPerMm, toleranceMm);
            // No dot in front of the line beyond the style's feather (none at all for
            // styles without one): the density ramp is 0 there.
            const Hairline hairline(frame, style, 0, seed);
            for (const DotRecord& d : sim.dots()) {
                const double behind = hairline.distanceBehind(frame.toFrame({d.xPx, d.yPx}));
                ASSERT_GT(behind, -(style.frontFeatherMm + 0.05)) << "dot at (" << d.xPx << ", " << d.yPx << ")";
            }
        }
    }
}

TEST(HairlineTemplates, UnknownTemplateListsTheValidIds) {
    Simulator sim;
    ASSERT_TRUE(sim.setTemplate("sharp").ok());
    const Status status = sim.setTemplate("nope");
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(status.error().message.find("nope"), std::string::npos);
    for (const HairlineTemplate& style : hairlineTemplates()) {
        EXPECT_NE(status.error().message.find(style.id), std::string::npos) << status.error().message;
    }
    EXPECT_EQ(sim.settings().templateId, "sharp");
}

TEST(Hairline, OffsetMovesTheLineAndSeedsChangeItsIrregularity) {
    const test::Scene scene = raisedCornerScene();
    const HeadFrame frame = HeadFrame::fromHandles(scene.handles, kWidth, kHeight).value();
    const HairlineTemplate& soft = *findHairlineTemplate("soft");
    const Hairline base(frame, soft, 0, 1);
    const Hairline raised(frame, soft, 10, 1);
    const Hairline otherSeed(frame, soft, 0, 2);
    double maxSeedDifference = 0;
    for (double x = -60; x <= 60; x += 0.5) {
        EXPECT_NEAR(raised.heightAt(x) - base.heightAt(x), 10, 1e-9);
        maxSeedDifference = std::fmax(maxSeedDifference, std::fabs(otherSeed.heightAt(x) - base.heightAt(x)));
        // Same seed, same line.
        EXPECT_EQ(Hairline(frame, soft, 0, 1).heightAt(x), base.heightAt(x));
    }
    EXPECT_GT(maxSeedDifference, 0.5);
    EXPECT_LE(maxSeedDifference, 2 * (soft.fineJitterMm + soft.broadJitterMm));
    // Signed distance: behind the line (towards the crown) is positive.
    EXPECT_GT(base.distanceBehind({0, base.heightAt(0) + 5}), 4);
    EXPECT_LT(base.distanceBehind({0, base.heightAt(0) - 5}), -4);
    // Beyond the temple corners the line falls outwards (sideSlope mm per mm).
    const double corner = frame.rightCornerMm().x;
    EXPECT_LT(base.heightAt(corner + 20), base.heightAt(corner) - soft.sideSlope * 20 + 2 * (soft.fineJitterMm + soft.broadJitterMm));
}

TEST(Hairline, TransitionRampRisesFromASparseFloor) {
    // In front of the feather: nothing; at the line: ~15 dots/cm²; full after the ramp.
    EXPECT_EQ(hairlineRamp(-5, 10, 3, 90), 0.0);
    EXPECT_EQ(hairlineRamp(-1, 10, 0, 90), 0.0);  // no feather: nothing in front
    EXPECT_GT(hairlineRamp(-1, 10, 3, 90), 0.0);
    EXPECT_NEAR(hairlineRamp(0, 10, 3, 90) * 90, 15, 1e-9);
    EXPECT_NEAR(hairlineRamp(10, 10, 3, 90), 1, 1e-12);
    double previous = 0;
    for (double d = -3; d <= 12; d += 0.25) {
        const double r = hairlineRamp(d, 10, 3, 90);
        EXPECT_GE(r, previous) << d;
        previous = r;
    }
}

}  // namespace
}  // namespace smp
