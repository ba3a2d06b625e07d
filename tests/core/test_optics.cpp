// Optics: how pigment in the skin looks. The model's tables first, then the same
// properties measured in rendered pixels: deeper dots fainter and bluer, shades ordered,
// day 0 redder than day 28, fading over the years, custom colours by brightness.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "color.h"
#include "optics.h"
#include "simulator.h"
#include "support/scene.h"

namespace smp {
namespace {

constexpr double kPxPerMm = 8;  // dots resolved: a healed dot's core σ is ~1.2 px

// The Kubelka–Munk figures of smp-reference.md: the overall darkening (mean of the
// channels) is the table's; the colour shift between channels keeps the table's
// direction, scaled by one share (the model keeps part of the shift, see optics.cpp).
TEST(OpticsModel, DepthDarkeningFollowsTheLayerModelTable) {
    const double depths[3] = {0.15, 0.3, 0.5};
    const double table[3][3] = {{0.74, 0.61, 0.42}, {0.57, 0.39, 0.20}, {0.42, 0.24, 0.08}};
    double share = NAN;
    for (int i = 0; i < 3; ++i) {
        const Rgb c = depthDarkening(depths[i]);
        const double mean = (table[i][0] + table[i][1] + table[i][2]) / 3;
        EXPECT_NEAR((c[0] + c[1] + c[2]) / 3, mean, 1e-12) << depths[i] << " mm";
        for (std::size_t ch = 0; ch < 3; ++ch) {
            const double shift = (c[ch] - mean) / (table[i][ch] - mean);
            if (std::isnan(share)) share = shift;
            EXPECT_NEAR(shift, share, 1e-9) << "channel " << ch << " at " << depths[i] << " mm";
        }
    }
    EXPECT_GT(share, 0.2);  // a visible blue cast remains
    EXPECT_LE(share, 1.0);
}

TEST(OpticsModel, DepthLookupMatchesTheModel) {
    for (double z = 0; z <= 0.6; z += 0.0037) {
        const Rgb exact = depthDarkening(z);
        const Rgb& table = depthDarkeningLookup(z);
        for (std::size_t ch = 0; ch < 3; ++ch) EXPECT_NEAR(table[ch], exact[ch], 2e-3) << z << " mm";
    }
}

TEST(OpticsModel, DeeperIsFainterAndBluer) {
    Rgb previous = depthDarkening(0.08);
    for (double z = 0.09; z <= 0.6 + 1e-9; z += 0.01) {
        const Rgb c = depthDarkening(z);
        for (std::size_t ch = 0; ch < 3; ++ch) {
            EXPECT_LT(c[ch], previous[ch]) << "channel " << ch << " at " << z << " mm";
            EXPECT_GT(c[ch], 0.0);
            EXPECT_LE(c[ch], 0.95);
        }
        // Blue loses darkening fastest relative to red: the deeper the dot, the less of
        // its darkening is in blue, so it reads blue-grey (Tyndall effect).
        EXPECT_LT(c[2] / c[0], previous[2] / previous[0]) << z << " mm";
        EXPECT_LT(c[1] / c[0], previous[1] / previous[0]) << z << " mm";
        previous = c;
    }
}

TEST(OpticsModel, DeeperDotsSpreadWider) {
    EXPECT_NEAR(dotSigmaMm(0.16, 0), 0.08, 1e-15);
    EXPECT_NEAR(dotSigmaMm(0.16, 0.15), std::sqrt(0.08 * 0.08 + 0.12 * 0.12), 1e-15);
    for (double z = 0.1; z < 0.6; z += 0.05) EXPECT_LT(dotSigmaMm(0.16, z), dotSigmaMm(0.16, z + 0.05));
}

TEST(OpticsModel, ShadesAreOrderedAndValidated) {
    double previous = INFINITY;
    for (int shade = 1; shade <= kShadeCount; ++shade) {
        auto pigment = shadePigment(shade);
        ASSERT_TRUE(pigment.ok());
        const Rgb s = pigment.value().strength;
        EXPECT_EQ(s[0], s[1]);  // neutral carbon black: the depth gives the colour
        EXPECT_EQ(s[1], s[2]);
        EXPECT_LT(s[0], previous);
        previous = s[0];
    }
    // α 1.0 to 0.4 (smp-reference.md, "Shades"): shade 5 is 0.4 of shade 1.
    EXPECT_NEAR(shadePigment(5).value().strength[0] / shadePigment(1).value().strength[0], 0.4, 1e-12);
    for (int bad : {0, 6, -1}) {
        auto pigment = shadePigment(bad);
        ASSERT_FALSE(pigment.ok());
        EXPECT_EQ(pigment.error().code, ErrorCode::InvalidArgument);
        EXPECT_NE(pigment.error().message.find("1–5"), std::string::npos);
    }
}

TEST(OpticsModel, CustomColourStrengthFollowsBrightness) {
    Rgb previous{INFINITY, INFINITY, INFINITY};
    for (int grey = 0x10; grey <= 0xF0; grey += 0x20) {
        const auto v = static_cast<std::uint8_t>(grey);
        const Rgb s = customPigment(v, v, v).strength;
        for (std::size_t ch = 0; ch < 3; ++ch) {
            EXPECT_LT(s[ch], previous[ch]) << "grey " << grey;
            EXPECT_GT(s[ch], 0);
        }
        previous = s;
    }
    EXPECT_NEAR(customPigment(255, 255, 255).strength[0], 0, 1e-12);  // white: no ink
    // A dot at the reference depth (0.15 mm) on white skin shows the chosen colour: per
    // channel 1 − strength·c(0.15)/gain = linear(colour), where the visibility gain is
    // shade 1's strength (α = 1).
    const double gain = shadePigment(1).value().strength[0];
    const Rgb c0 = depthDarkening(0.15);
    const std::uint8_t colour[3] = {0x4B, 0x4B, 0x52};
    const Rgb s = customPigment(colour[0], colour[1], colour[2]).strength;
    for (std::size_t ch = 0; ch < 3; ++ch) {
        EXPECT_NEAR(1 - s[ch] * c0[ch] / gain, srgbByteToLinear(colour[ch]), 1e-12);
    }
}

TEST(OpticsModel, HealingAndFadingCurves) {
    const HealingState fresh = healingAt(0);
    const HealingState healed = healingAt(28);
    EXPECT_NEAR(fresh.sizeFactor, 1.6, 1e-12);
    EXPECT_NEAR(fresh.redness, 0.25, 1e-12);
    EXPECT_GT(fresh.darkness, 1);
    EXPECT_EQ(healed.sizeFactor, 1.0);
    EXPECT_EQ(healed.darkness, 1.0);
    EXPECT_EQ(healed.redness, 0.0);
    EXPECT_EQ(healingAt(365).sizeFactor, 1.0);
    for (double day = 0; day < 28; day += 1) {  // dots shrink and lighten as they heal
        EXPECT_GE(healingAt(day).sizeFactor, healingAt(day + 1).sizeFactor);
        EXPECT_GE(healingAt(day).darkness, healingAt(day + 1).darkness);
        EXPECT_GE(healingAt(day).redness, healingAt(day + 1).redness);
    }
    EXPECT_EQ(healingAt(3).redness, 0.0);  // the flush is gone after 72 h
    EXPECT_EQ(fadingAfter(0).strength, 1.0);
    EXPECT_NEAR(fadingAfter(8).strength, std::exp(-1.0), 1e-13);  // τ = 8 years
    EXPECT_NEAR(fadingAfter(10).extraBlurMm, 0.1, 1e-12);
    EXPECT_LT(fadingAfter(10).blueFactor, 1);
    // Earlier sessions were lighter; the last session shown is full strength.
    EXPECT_EQ(sessionStrength(3, 3), 1.0);
    EXPECT_LT(sessionStrength(1, 3), sessionStrength(2, 3));
    EXPECT_EQ(sessionStrength(1, 1), 1.0);
}

// A flat skin photo at 8 px/mm (scale given: the 400 px temple span is then 50 mm)
// with one round patch of dots, 110 px (14 mm) across its radius.
class OpticsRender : public ::testing::Test {
protected:
    static constexpr int kWidth = 480;
    static constexpr int kHeight = 300;
    static constexpr double kDabX = 240, kDabY = 130, kDabRadius = 110;

    void SetUp() override {
        test::Scene scene = test::levelScene(kWidth, kHeight, 1, {240, 270});
        scene.handles.leftTemple = {40, 270};
        scene.handles.rightTemple = {440, 270};
        test::setUp(sim_, test::flatPhoto(kWidth, kHeight), scene);
        ASSERT_TRUE(sim_.setScaleOverride(kPxPerMm).ok());
        ASSERT_TRUE(sim_.setCoverage(Coverage::Patch).ok());
        ASSERT_TRUE(sim_.addBrushStroke({{kDabX, kDabY}, kDabRadius, false}).ok());
    }

    // Pixels well inside the dab: full coverage, no soft edge.
    template <typename F>
    void forEachTreatedPixel(const Image& image, F&& f) const {
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                if (std::hypot(x + 0.5 - kDabX, y + 0.5 - kDabY) < 0.7 * kDabRadius) f(image.pixel(x, y));
            }
        }
    }

    // Mean darkening of linear luminance over the treated area: 1 − out/in.
    double meanDarkening() {
        const Image& out = test::renderOrFail(sim_);
        const double skin = test::linearLuma(test::kSkin);
        double sum = 0;
        int n = 0;
        forEachTreatedPixel(out, [&](const std::uint8_t* p) {
            sum += 1 - test::linearLuma(p) / skin;
            ++n;
        });
        return sum / n;
    }

    double meanRedToGreen() {
        const Image& out = test::renderOrFail(sim_);
        double sum = 0;
        int n = 0;
        forEachTreatedPixel(out, [&](const std::uint8_t* p) {
            sum += srgbToLinear(p[0]) / srgbToLinear(p[1]);
            ++n;
        });
        return sum / n;
    }

    Simulator sim_;
};

TEST_F(OpticsRender, DeeperDotsRenderLighterAndBluer) {
    const Image& out = test::renderOrFail(sim_);
    ASSERT_NEAR(sim_.stats().pxPerMm, kPxPerMm, 1e-12);
    // Darkening per channel at each dot's centre pixel, with the dot's depth.
    struct Sample {
        double depth;
        double dark[3];
    };
    std::vector<Sample> samples;
    for (const DotRecord& d : sim_.dots()) {
        if (std::hypot(d.xPx - kDabX, d.yPx - kDabY) > 0.7 * kDabRadius) continue;
        const std::uint8_t* p = out.pixel(static_cast<int>(d.xPx), static_cast<int>(d.yPx));
        Sample s{d.depthMm, {}};
        for (int ch = 0; ch < 3; ++ch) s.dark[ch] = 1 - srgbToLinear(p[ch]) / srgbToLinear(test::kSkin[ch]);
        samples.push_back(s);
    }
    ASSERT_GT(samples.size(), 200u);
    std::sort(samples.begin(), samples.end(), [](const Sample& a, const Sample& b) { return a.depth < b.depth; });
    // Compare the shallowest and the deepest quarter of the dots.
    const std::size_t quarter = samples.size() / 4;
    const double perDot = 1.0 / static_cast<double>(quarter);
    double shallow[3] = {}, deep[3] = {};
    for (std::size_t i = 0; i < quarter; ++i) {
        for (int ch = 0; ch < 3; ++ch) {
            shallow[ch] += samples[i].dark[ch] * perDot;
            deep[ch] += samples[samples.size() - 1 - i].dark[ch] * perDot;
        }
    }
    for (int ch = 0; ch < 3; ++ch) EXPECT_LT(deep[ch], shallow[ch]) << "channel " << ch;
    // Bluer: blue keeps less of its darkening than red at depth.
    EXPECT_LT(deep[2] / deep[0], shallow[2] / shallow[0]);
    std::printf("[ measured ] centre darkening R/G/B: shallow %.3f/%.3f/%.3f (z < %.3f mm), deep %.3f/%.3f/%.3f (z > %.3f mm)\n",
                shallow[0], shallow[1], shallow[2], samples[quarter].depth, deep[0], deep[1], deep[2],
                samples[samples.size() - quarter].depth);
}

TEST_F(OpticsRender, ShadeOneIsDarkestShadeFiveLightest) {
    std::vector<double> darkening;
    for (int shade = 1; shade <= 5; ++shade) {
        ASSERT_TRUE(sim_.setShade(shade).ok());
        darkening.push_back(meanDarkening());
    }
    for (std::size_t i = 1; i < darkening.size(); ++i) EXPECT_LT(darkening[i], darkening[i - 1]) << "shade " << i + 1;
    EXPECT_GT(darkening.back(), 0.01);  // even the lightest shade shows
    std::printf("[ measured ] mean darkening by shade 1..5: %.3f %.3f %.3f %.3f %.3f\n", darkening[0], darkening[1],
                darkening[2], darkening[3], darkening[4]);
}

TEST_F(OpticsRender, FreshSkinIsRedderThanHealed) {
    ASSERT_TRUE(sim_.setHealingDay(0).ok());
    const double fresh = meanRedToGreen();
    ASSERT_TRUE(sim_.setHealingDay(28).ok());
    const double healed = meanRedToGreen();
    EXPECT_GT(fresh, healed * 1.05);
    std::printf("[ measured ] mean linear R/G in the treated area: day 0 %.3f, day 28 %.3f\n", fresh, healed);
}

TEST_F(OpticsRender, ContrastFadesOverTheYears) {
    std::vector<double> darkening;
    for (double years : {0.0, 2.0, 5.0, 10.0}) {
        ASSERT_TRUE(sim_.setYears(years).ok());
        darkening.push_back(meanDarkening());
    }
    for (std::size_t i = 1; i < darkening.size(); ++i) EXPECT_LT(darkening[i], darkening[i - 1]);
    // Visibly: after 2 years the ink has lost a fifth (e^(−2/8) = 0.78).
    EXPECT_LT(darkening[1], 0.9 * darkening[0]);
    std::printf("[ measured ] mean darkening after 0/2/5/10 years: %.3f %.3f %.3f %.3f\n", darkening[0], darkening[1],
                darkening[2], darkening[3]);
}

TEST_F(OpticsRender, CustomColoursDarkenByTheirBrightness) {
    std::vector<double> darkening;
    for (int grey : {0x20, 0x40, 0x60, 0x80, 0xA0}) {
        const auto v = static_cast<std::uint8_t>(grey);
        ASSERT_TRUE(sim_.setCustomColour(v, v, v).ok());
        EXPECT_EQ(sim_.settings().shade, 0);
        darkening.push_back(meanDarkening());
    }
    for (std::size_t i = 1; i < darkening.size(); ++i) EXPECT_LT(darkening[i], darkening[i - 1]);
    // A brown pigment keeps most red and least blue: red is darkened least, blue most.
    ASSERT_TRUE(sim_.setCustomColour(0x80, 0x50, 0x30).ok());
    const Image& out = test::renderOrFail(sim_);
    double dark[3] = {};
    forEachTreatedPixel(out, [&](const std::uint8_t* p) {
        for (int ch = 0; ch < 3; ++ch) dark[ch] += 1 - srgbToLinear(p[ch]) / srgbToLinear(test::kSkin[ch]);
    });
    EXPECT_LT(dark[0], dark[1]);
    EXPECT_LT(dark[1], dark[2]);
}

// The same at preview scale (2 px/mm, the whole scalp on a 400 px wide photo), where
// most dots are narrower than a pixel.
TEST(OpticsPreview, ContrastFadesOverTheYears) {
    const test::Scene scene = test::levelScene(400, 300, 2, {200, 200});
    Simulator sim;
    test::setUp(sim, test::flatPhoto(scene.width, scene.height), scene);
    const HeadFrame frame = HeadFrame::fromHandles(scene.handles, scene.width, scene.height).value();
    const double skin = test::linearLuma(test::kSkin);
    const std::vector<double> yearsShown = {0.0, 1.0, 2.0, 5.0, 10.0};
    std::vector<double> darkening;
    for (double years : yearsShown) {
        ASSERT_TRUE(sim.setYears(years).ok());
        const Image& out = test::renderOrFail(sim);
        double sum = 0;
        int n = 0;
        for (int y = 0; y < scene.height; ++y) {
            for (int x = 0; x < scene.width; ++x) {
                const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
                if (std::fabs(mm.x) > 35 || mm.y < 25 || mm.y > 70) continue;  // front-mid core
                sum += 1 - test::linearLuma(out.pixel(x, y)) / skin;
                ++n;
            }
        }
        darkening.push_back(sum / n);
    }
    for (std::size_t i = 1; i < darkening.size(); ++i) {
        EXPECT_LT(darkening[i], darkening[i - 1]);
        // Contrast follows the pigment left, α(t)/α₀ = e^(−t/8): the dots also blur
        // (~0.01 mm/year) but blur spreads that pigment, it does not add any. Darkening
        // is nearly linear in the ink at this density, hence the ±10% allowance.
        const double expected = fadingAfter(yearsShown[i]).strength;
        EXPECT_NEAR(darkening[i] / darkening[0], expected, 0.1 * expected) << yearsShown[i] << " years";
    }
    std::printf("[ measured ] preview: mean darkening after 0/1/2/5/10 years: %.4f %.4f %.4f %.4f %.4f\n", darkening[0],
                darkening[1], darkening[2], darkening[3], darkening[4]);
}

}  // namespace
}  // namespace smp
