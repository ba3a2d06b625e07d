// The Simulator as a whole: deterministic output, pixels outside the treated area
// untouched (also with the before/after split), setters that validate and change
// nothing on error, and the per-stage cache, which must give the same pixels as a
// fresh render.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dots_csv.h"
#include "hairline.h"
#include "hairline_templates.h"
#include "head_frame.h"
#include "simulator.h"
#include "support/scene.h"
#include "treatment_mask.h"

namespace smp {
namespace {

constexpr int kWidth = 400;
constexpr int kHeight = 300;
// Dark hair on the sides, inside the head ellipse (frame |x| > 65 mm) and above frame
// y = 10 mm: the skin test must keep the dots off it.
constexpr int kHairBand = 70;
constexpr int kHairBottom = 180;

test::Scene scene() { return test::levelScene(kWidth, kHeight, 2, {200, 200}); }

Image texturedPhoto() { return test::texturedPhoto(kWidth, kHeight, kHairBand, kHairBottom, 5); }

Image copyOf(const Image& image) {
    Image copy = Image::allocate(image.width(), image.height()).value();
    std::memcpy(copy.data(), image.data(), image.sizeBytes());
    return copy;
}

bool samePixels(const Image& a, const Image& b) {
    return a.width() == b.width() && a.height() == b.height() &&
           std::memcmp(a.data(), b.data(), a.sizeBytes()) == 0;
}

bool samePixel(const Image& a, const Image& b, int x, int y) {
    return std::memcmp(a.pixel(x, y), b.pixel(x, y), Image::kChannels) == 0;
}

// A fresh simulator on the textured photo with these settings (handles included).
Image freshRender(SimulationSettings settings) {
    Simulator sim;
    EXPECT_TRUE(sim.setPhoto(texturedPhoto()).ok());
    const Status status = sim.setSettings(settings);
    EXPECT_TRUE(status.ok()) << status.error().message;
    return copyOf(test::renderOrFail(sim));
}

TEST(SimulatorDeterminism, SameSeedSameOutputDifferentSeedDifferentDots) {
    const test::Scene s = scene();
    Simulator a, b, c;
    test::setUp(a, test::flatPhoto(kWidth, kHeight), s);
    test::setUp(b, test::flatPhoto(kWidth, kHeight), s);
    test::setUp(c, test::flatPhoto(kWidth, kHeight), s);
    ASSERT_TRUE(a.setSeed(7).ok());
    ASSERT_TRUE(b.setSeed(7).ok());
    ASSERT_TRUE(c.setSeed(8).ok());
    const Image& ra = test::renderOrFail(a);
    const Image& rb = test::renderOrFail(b);
    test::renderOrFail(c);
    const std::string csvA = formatDotsCsv(a.dots());
    EXPECT_GT(a.dots().size(), 1000u);
    EXPECT_EQ(csvA, formatDotsCsv(b.dots()));
    EXPECT_TRUE(samePixels(ra, rb));
    EXPECT_EQ(a.stats().dotCount, b.stats().dotCount);
    // Another seed turns and shifts the tiling: different dots, hardly any in common.
    EXPECT_NE(csvA, formatDotsCsv(c.dots()));
    std::set<std::pair<double, double>> positions;
    for (const DotRecord& d : a.dots()) positions.insert({d.xPx, d.yPx});
    std::size_t shared = 0;
    for (const DotRecord& d : c.dots()) shared += positions.count({d.xPx, d.yPx});
    EXPECT_LT(shared, a.dots().size() / 100);
    // The same settings again on the same simulator: nothing moves.
    ASSERT_TRUE(c.setSeed(7).ok());
    test::renderOrFail(c);
    EXPECT_EQ(csvA, formatDotsCsv(c.dots()));
}

TEST(SimulatorDeterminism, CsvHasOneLinePerDrawnDot) {
    Simulator sim;
    test::setUp(sim, test::flatPhoto(kWidth, kHeight), scene());
    test::renderOrFail(sim);
    const std::string csv = formatDotsCsv(sim.dots());
    EXPECT_EQ(csv.rfind("x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session\n", 0), 0u);
    std::size_t lines = 0;
    for (char ch : csv) lines += ch == '\n';
    EXPECT_EQ(lines, sim.stats().dotCount + 1);
    EXPECT_EQ(sim.dots().size(), sim.stats().dotCount);
    for (const DotRecord& d : sim.dots()) {
        ASSERT_GE(d.session, 1);
        ASSERT_LE(d.session, 3);
        ASSERT_GE(d.depthMm, 0.08f);  // stored as float
        ASSERT_LE(d.depthMm, 0.6f);
        ASSERT_GE(d.xPx, 0);
        ASSERT_LT(d.xPx, kWidth);
    }
}

// Every pixel the treatment mask leaves at 0 is byte-identical to the photo.
void expectUntouchedOutsideMask(Simulator& sim, const char* what, std::size_t minChanged = 5000) {
    SCOPED_TRACE(what);
    const Image& out = test::renderOrFail(sim);
    const SimulationSettings& s = sim.settings();
    const HeadFrame frame = HeadFrame::fromHandles(s.handles, kWidth, kHeight, s.pxPerMmOverride).value();
    const HairlineTemplate& style = *findHairlineTemplate(s.templateId);
    const Hairline hairline(frame, style, s.hairlineOffsetMm, s.seed);
    const TreatmentMask mask = buildTreatmentMask(sim.photo(), frame, hairline, style, s.coverage, s.brush);
    std::size_t outside = 0, changedOutside = 0, changedInside = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const bool same = samePixel(out, sim.photo(), x, y);
            if (mask.coverageAt(x, y) == 0) {
                ++outside;
                if (!same) ++changedOutside;
            } else if (!same) {
                ++changedInside;
            }
        }
    }
    EXPECT_EQ(changedOutside, 0u) << "of " << outside << " pixels outside the mask";
    EXPECT_GT(outside, 20000u);
    EXPECT_GT(changedInside, minChanged);  // the render did something
}

TEST(SimulatorUntouched, PixelsOutsideTheMaskKeepTheirBytes) {
    Simulator sim;
    test::setUp(sim, texturedPhoto(), scene());
    expectUntouchedOutsideMask(sim, "healed, full scalp");
    ASSERT_TRUE(sim.setHealingDay(0).ok());  // the red flush must stay inside too
    expectUntouchedOutsideMask(sim, "day 0");
    ASSERT_TRUE(sim.setCoverage(Coverage::CrownOnly).ok());
    expectUntouchedOutsideMask(sim, "crown only", 1000);
    ASSERT_TRUE(sim.setCoverage(Coverage::DensityFill).ok());
    ASSERT_TRUE(sim.setHealingDay(28).ok());
    ASSERT_TRUE(sim.setTemplate("sharp").ok());
    ASSERT_TRUE(sim.setHairlineOffset(-8).ok());
    expectUntouchedOutsideMask(sim, "density fill, sharp, lowered 8 mm");
    // Brush: an addition on the forehead and an erasure on the scalp.
    ASSERT_TRUE(sim.setCoverage(Coverage::FullScalp).ok());
    ASSERT_TRUE(sim.addBrushStroke({{150, 230}, 15, false}).ok());
    ASSERT_TRUE(sim.addBrushStroke({{250, 120}, 25, true}).ok());
    expectUntouchedOutsideMask(sim, "brush");
    ASSERT_TRUE(sim.clearBrush().ok());
    ASSERT_TRUE(sim.setCoverage(Coverage::Patch).ok());
    ASSERT_TRUE(sim.addBrushStroke({{120, 100}, 40, false}).ok());
    expectUntouchedOutsideMask(sim, "patch", 2000);
}

// Independent of the mask code: the face below the hairline's feather and soft edge,
// and the hair on the sides, which the skin test rejects.
TEST(SimulatorUntouched, FaceAndHairKeepTheirBytes) {
    Simulator sim;
    test::setUp(sim, texturedPhoto(), scene());
    ASSERT_TRUE(sim.setHealingDay(0).ok());
    const Image& out = test::renderOrFail(sim);
    const HeadFrame frame = HeadFrame::fromHandles(scene().handles, kWidth, kHeight).value();
    constexpr int kMargin = 4;  // px: the mask's blur (2 px) and a little more
    std::size_t face = 0, hair = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
            // Between the temple corners the soft hairline is at most 5.5 mm low (its
            // jitter); its feather (3 mm), the mask's edge (1.5 mm) and blur (1 mm), and
            // the line's slope (distances shrink where it is steep) stay well above 20 mm.
            const bool isFace = mm.y < -20 && std::fabs(mm.x) < 45;
            const bool isHair = test::inHairBands(x - kMargin, y + kMargin, kWidth, kHairBand, kHairBottom) &&
                                test::inHairBands(x + kMargin, y + kMargin, kWidth, kHairBand, kHairBottom);
            if (!isFace && !isHair) continue;
            ++(isFace ? face : hair);
            ASSERT_TRUE(samePixel(out, sim.photo(), x, y)) << "pixel (" << x << ", " << y << ")";
        }
    }
    EXPECT_GT(face, 10000u);
    EXPECT_GT(hair, 10000u);
}

TEST(SimulatorUntouched, SplitLeavesTheLeftSideAsThePhoto) {
    Simulator sim;
    test::setUp(sim, texturedPhoto(), scene());
    ASSERT_TRUE(sim.setHealingDay(0).ok());
    const Image full = copyOf(test::renderOrFail(sim));
    for (double split : {0.5, 0.3, 0.8, 0.0, 1.0}) {
        ASSERT_TRUE(sim.setSplit(split).ok());
        const Image& out = test::renderOrFail(sim);
        const int splitX = static_cast<int>(std::lround(split * kWidth));
        std::size_t changedRight = 0;
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                if (x < splitX) {
                    ASSERT_TRUE(samePixel(out, sim.photo(), x, y)) << "split " << split << ": (" << x << ", " << y << ")";
                } else {
                    // Right of the divider: exactly the full render.
                    ASSERT_TRUE(samePixel(out, full, x, y)) << "split " << split << ": (" << x << ", " << y << ")";
                    if (!samePixel(out, sim.photo(), x, y)) ++changedRight;
                }
            }
        }
        if (split <= 0.5) {
            EXPECT_GT(changedRight, 1000u) << split;
        }
    }
    ASSERT_TRUE(sim.setSplit(-1).ok());
    EXPECT_TRUE(samePixels(test::renderOrFail(sim), full));
}

// The cache: a chain of changes on one simulator ends with the same pixels and dots as
// a fresh simulator given the final settings directly.
TEST(SimulatorCache, CachedRendersMatchFreshOnes) {
    Simulator sim;
    test::setUp(sim, texturedPhoto(), scene());
    test::renderOrFail(sim);
    using Change = std::pair<const char*, Status (*)(Simulator&)>;
    const std::vector<Change> changes = {
        {"shade 1", [](Simulator& s) { return s.setShade(1); }},
        {"split 0.4", [](Simulator& s) { return s.setSplit(0.4); }},
        {"density 0.6", [](Simulator& s) { return s.setDensity(0.6); }},
        {"day 0", [](Simulator& s) { return s.setHealingDay(0); }},
        {"split off", [](Simulator& s) { return s.setSplit(-1); }},
        {"sessions 2", [](Simulator& s) { return s.setSessions(2); }},
        {"day 28", [](Simulator& s) { return s.setHealingDay(28); }},
        {"years 6", [](Simulator& s) { return s.setYears(6); }},
        {"template rounded", [](Simulator& s) { return s.setTemplate("rounded"); }},
        {"custom colour", [](Simulator& s) { return s.setCustomColour(0x50, 0x40, 0x38); }},
        {"offset +6", [](Simulator& s) { return s.setHairlineOffset(6); }},
        {"whorl", [](Simulator& s) { return s.setWhorl(Whorl::CounterClockwise); }},
        {"transition 14", [](Simulator& s) { return s.setTransition(14); }},
        {"seed 3", [](Simulator& s) { return s.setSeed(3); }},
        {"brush", [](Simulator& s) { return s.addBrushStroke({{260, 110}, 30, true}); }},
        {"split 0.7", [](Simulator& s) { return s.setSplit(0.7); }},
        {"density 1.4", [](Simulator& s) { return s.setDensity(1.4); }},
        {"coverage crown", [](Simulator& s) { return s.setCoverage(Coverage::CrownOnly); }},
    };
    for (const Change& change : changes) {
        SCOPED_TRACE(change.first);
        ASSERT_TRUE(change.second(sim).ok());
        const Image& cached = test::renderOrFail(sim);
        EXPECT_TRUE(samePixels(cached, freshRender(sim.settings())));
    }
}

TEST(SimulatorCache, ShadeChangeOnlyRecomposites) {
    Simulator sim;
    test::setUp(sim, test::flatPhoto(kWidth, kHeight), scene());
    test::renderOrFail(sim);
    EXPECT_GT(sim.stats().stageMs[static_cast<std::size_t>(Stage::Candidates)], 0.0);
    const Image before = copyOf(test::renderOrFail(sim));
    // Nothing changed: nothing runs.
    for (double ms : sim.stats().stageMs) EXPECT_EQ(ms, 0.0);

    ASSERT_TRUE(sim.setShade(1).ok());
    const Image& after = test::renderOrFail(sim);
    const auto& ms = sim.stats().stageMs;
    for (Stage stage : {Stage::Frame, Stage::Hairline, Stage::Mask, Stage::Candidates, Stage::Selection, Stage::Splat}) {
        EXPECT_EQ(ms[static_cast<std::size_t>(stage)], 0.0) << stageName(stage);
    }
    EXPECT_GT(ms[static_cast<std::size_t>(Stage::Composite)], 0.0);
    EXPECT_FALSE(samePixels(before, after));  // and the composite did change the pixels

    // A density change re-selects and re-splats but keeps the candidates.
    ASSERT_TRUE(sim.setDensity(0.7).ok());
    test::renderOrFail(sim);
    EXPECT_EQ(ms[static_cast<std::size_t>(Stage::Mask)], 0.0);
    EXPECT_EQ(ms[static_cast<std::size_t>(Stage::Candidates)], 0.0);
    EXPECT_GT(ms[static_cast<std::size_t>(Stage::Composite)], 0.0);
    // Healing day: from the splat on.
    ASSERT_TRUE(sim.setHealingDay(3).ok());
    test::renderOrFail(sim);
    EXPECT_EQ(ms[static_cast<std::size_t>(Stage::Selection)], 0.0);
    EXPECT_GT(ms[static_cast<std::size_t>(Stage::Splat)], 0.0);
}

void expectSameSettings(const SimulationSettings& a, const SimulationSettings& b) {
    EXPECT_EQ(a.handles.leftTemple.x, b.handles.leftTemple.x);
    EXPECT_EQ(a.handles.midFront.y, b.handles.midFront.y);
    EXPECT_EQ(a.handlesSet, b.handlesSet);
    EXPECT_EQ(a.pxPerMmOverride, b.pxPerMmOverride);
    EXPECT_EQ(a.templateId, b.templateId);
    EXPECT_EQ(a.coverage, b.coverage);
    EXPECT_EQ(a.hairlineOffsetMm, b.hairlineOffsetMm);
    EXPECT_EQ(a.transitionMm, b.transitionMm);
    EXPECT_EQ(a.densityMultiplier, b.densityMultiplier);
    EXPECT_EQ(a.sessions, b.sessions);
    EXPECT_EQ(a.shade, b.shade);
    EXPECT_EQ(a.customColour, b.customColour);
    EXPECT_EQ(a.healingDay, b.healingDay);
    EXPECT_EQ(a.years, b.years);
    EXPECT_EQ(a.seed, b.seed);
    EXPECT_EQ(a.whorl, b.whorl);
    EXPECT_EQ(a.split, b.split);
    EXPECT_EQ(a.brush.size(), b.brush.size());
}

TEST(SimulatorSetters, OutOfRangeValuesFailAndChangeNothing) {
    Simulator sim;
    test::setUp(sim, test::flatPhoto(kWidth, kHeight), scene());
    const Image before = copyOf(test::renderOrFail(sim));
    const SimulationSettings settings = sim.settings();
    struct Bad {
        const char* what;
        Status (*apply)(Simulator&);
        const char* mentions;  // the message names the setting
    };
    const Bad bad[] = {
        {"density 2", [](Simulator& s) { return s.setDensity(2); }, "density"},
        {"density 0.1", [](Simulator& s) { return s.setDensity(0.1); }, "density"},
        {"density NaN", [](Simulator& s) { return s.setDensity(NAN); }, "density"},
        {"sessions 0", [](Simulator& s) { return s.setSessions(0); }, "sessions"},
        {"sessions 4", [](Simulator& s) { return s.setSessions(4); }, "sessions"},
        {"shade 6", [](Simulator& s) { return s.setShade(6); }, "shade"},
        {"shade 0", [](Simulator& s) { return s.setShade(0); }, "shade"},
        {"day -1", [](Simulator& s) { return s.setHealingDay(-1); }, "day"},
        {"day 400", [](Simulator& s) { return s.setHealingDay(400); }, "day"},
        {"day NaN", [](Simulator& s) { return s.setHealingDay(NAN); }, "day"},
        {"years 11", [](Simulator& s) { return s.setYears(11); }, "years"},
        {"years -1", [](Simulator& s) { return s.setYears(-1); }, "years"},
        {"years NaN", [](Simulator& s) { return s.setYears(NAN); }, "years"},
        {"offset 31", [](Simulator& s) { return s.setHairlineOffset(31); }, "offset"},
        {"offset NaN", [](Simulator& s) { return s.setHairlineOffset(NAN); }, "offset"},
        {"transition 3", [](Simulator& s) { return s.setTransition(3); }, "transition"},
        {"transition NaN", [](Simulator& s) { return s.setTransition(NAN); }, "transition"},
        {"split 1.5", [](Simulator& s) { return s.setSplit(1.5); }, "split"},
        {"split NaN", [](Simulator& s) { return s.setSplit(NAN); }, "split"},
        {"scale -2", [](Simulator& s) { return s.setScaleOverride(-2); }, "scale"},
        {"scale NaN", [](Simulator& s) { return s.setScaleOverride(NAN); }, "scale"},
        {"template", [](Simulator& s) { return s.setTemplate("nope"); }, "nope"},
        {"brush radius 0", [](Simulator& s) { return s.addBrushStroke({{10, 10}, 0, false}); }, "brush"},
        {"brush NaN", [](Simulator& s) { return s.addBrushStroke({{NAN, 10}, 5, false}); }, "brush"},
        {"handles", [](Simulator& s) { return s.setHandles({{10, 10}, {10, 10}, {10, 10}}); }, "temple"},
    };
    for (const Bad& b : bad) {
        SCOPED_TRACE(b.what);
        const Status status = b.apply(sim);
        ASSERT_FALSE(status.ok());
        EXPECT_EQ(status.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(status.error().message.find(b.mentions), std::string::npos) << status.error().message;
        expectSameSettings(sim.settings(), settings);
    }
    // Nothing was invalidated: the next render runs no stage and gives the same pixels.
    const Image& after = test::renderOrFail(sim);
    for (double ms : sim.stats().stageMs) EXPECT_EQ(ms, 0.0);
    EXPECT_TRUE(samePixels(before, after));
    // setSettings validates everything together.
    SimulationSettings wrong = settings;
    wrong.densityMultiplier = 1.0;
    wrong.years = 12;
    EXPECT_FALSE(sim.setSettings(wrong).ok());
    expectSameSettings(sim.settings(), settings);
}

TEST(SimulatorSetters, RenderNeedsAPhotoAndHandles) {
    Simulator sim;
    auto noPhoto = sim.render();
    ASSERT_FALSE(noPhoto.ok());
    EXPECT_NE(noPhoto.error().message.find("photo"), std::string::npos);
    EXPECT_FALSE(sim.setPhoto(Image()).ok());
    ASSERT_TRUE(sim.setPhoto(test::flatPhoto(kWidth, kHeight)).ok());
    auto noHandles = sim.render();
    ASSERT_FALSE(noHandles.ok());
    EXPECT_NE(noHandles.error().message.find("handles"), std::string::npos);
    // A new photo forgets handles and brush, which were in the old photo's pixels.
    ASSERT_TRUE(sim.setHandles(scene().handles).ok());
    ASSERT_TRUE(sim.addBrushStroke({{100, 100}, 10, false}).ok());
    ASSERT_TRUE(sim.render().ok());
    ASSERT_TRUE(sim.setPhoto(test::flatPhoto(200, 150)).ok());
    EXPECT_FALSE(sim.settings().handlesSet);
    EXPECT_TRUE(sim.settings().brush.empty());
    EXPECT_FALSE(sim.render().ok());
}

TEST(SimulatorRenderOn, SameSizeCopyGivesTheSamePixels) {
    Simulator sim;
    test::setUp(sim, texturedPhoto(), scene());
    ASSERT_TRUE(sim.setHealingDay(2).ok());
    ASSERT_TRUE(sim.addBrushStroke({{200, 235}, 12, false}).ok());
    const Image preview = copyOf(test::renderOrFail(sim));
    auto again = sim.renderOn(texturedPhoto());
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE(samePixels(again.value(), preview));
}

}  // namespace
}  // namespace smp
