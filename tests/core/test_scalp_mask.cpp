// The scalp mask's parts on synthetic photos whose answer is known: the colour
// geodesic (shading is free, an edge is not), the head outline (a round head on a
// plain background; no silhouette, no clipping) and the treatment mask keeping dots
// off a skin-coloured wall, off hair of the skin's own hue and off strands as bright
// as the skin on average.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>

#include "colour_geodesic.h"
#include "fields.h"
#include "hairline.h"
#include "hairline_templates.h"
#include "head_outline.h"
#include "scalp_estimate.h"
#include "support/scene.h"
#include "treatment_mask.h"

namespace smp {
namespace {

constexpr std::uint8_t kBlueWall[3] = {70, 110, 170};
constexpr std::uint8_t kPaleWall[3] = {235, 205, 185};  // a skin tone, lighter than the head

ColourGrid rampGrid(int cols, int rows, float step) {
    ColourGrid grid;
    grid.cols = cols;
    grid.rows = rows;
    for (int j = 0; j < rows; ++j) {
        for (int i = 0; i < cols; ++i) {
            const float v = 100 + step * static_cast<float>(i);
            grid.colours.push_back({v, v, v});
        }
    }
    grid.usable.assign(grid.colours.size(), true);
    return grid;
}

TEST(ColourGeodesic, SlowShadingIsFreeAndAnEdgeIsNot) {
    // Brightness rising 1 level per point: under the 3% tolerance of 100.
    const ColourGrid ramp = rampGrid(20, 5, 1);
    const std::vector<float> shaded = colourGeodesic(ramp, {0}, 100, 0.03f);
    EXPECT_EQ(shaded.back(), 0);

    // The same grid with 60 more levels from column 10: the step there is 61 levels, so
    // every path across pays 0.61 − 0.03.
    ColourGrid edged = ramp;
    for (std::size_t k = 0; k < edged.colours.size(); ++k) {
        if (k % 20 >= 10) for (float& c : edged.colours[k]) c += 60;
    }
    const std::vector<float> crossed = colourGeodesic(edged, {0}, 100, 0.03f);
    EXPECT_EQ(crossed[9], 0);
    EXPECT_NEAR(crossed[10], 0.58f, 1e-4);
    EXPECT_NEAR(crossed.back(), 0.58f, 1e-4);
}

TEST(ColourGeodesic, PathsGoAroundUnusablePointsAndSeedsOutsideAreIgnored) {
    ColourGrid grid = rampGrid(5, 5, 0);
    // A wall down column 2 with one gap at the bottom row.
    for (int j = 0; j < 4; ++j) grid.usable[static_cast<std::size_t>(j * 5 + 2)] = false;
    const std::vector<float> distance = colourGeodesic(grid, {0}, 100, 0.03f);
    EXPECT_EQ(distance[4], 0) << "reached through the gap";
    EXPECT_TRUE(std::isinf(distance[2]));
    grid.usable[22] = false;  // close the gap
    EXPECT_TRUE(std::isinf(colourGeodesic(grid, {0}, 100, 0.03f)[4]));
    EXPECT_TRUE(std::isinf(colourGeodesic(grid, {2}, 100, 0.03f)[0])) << "a seed on an unusable point starts nothing";
}

// A round head of skin, radius kRadiusMm unless told, centred 30 mm below the
// mid-frontal point, on a flat wall; kPxPerMm unless told.
struct RoundHead {
    static constexpr double kPxPerMm = 4;
    static constexpr double kRadiusMm = 75;
    double pxPerMm;
    double radiusMm;
    test::Scene scene;
    Vec2 centrePx;

    explicit RoundHead(double scale = kPxPerMm, double radius = kRadiusMm)
        : pxPerMm(scale),
          radiusMm(radius),
          scene(test::levelScene(static_cast<int>(200 * scale), static_cast<int>(225 * scale), scale,
                                 {100 * scale, 75 * scale})),
          centrePx{100 * scale, 105 * scale} {}

    Image photo(const std::uint8_t wall[3]) const {
        Image image = test::flatPhoto(scene.width, scene.height, wall);
        for (int y = 0; y < scene.height; ++y) {
            for (int x = 0; x < scene.width; ++x) {
                if (length(Vec2{x + 0.5, y + 0.5} - centrePx) > radiusMm * pxPerMm) continue;
                std::uint8_t* p = image.pixel(x, y);
                for (int c = 0; c < 3; ++c) p[c] = test::kSkin[c];
            }
        }
        return image;
    }
    HeadFrame frame() const {
        return HeadFrame::fromHandles(scene.handles, scene.width, scene.height, pxPerMm).value();
    }
};

TEST(HeadOutline, FindsARoundHeadOnAPlainWall) {
    const RoundHead head;
    const HeadFrame frame = head.frame();
    const Image photo = head.photo(kBlueWall);
    const HeadOutline outline = HeadOutline::find(photo, frame, SkinModel::fromForehead(photo, frame));
    const std::vector<Vec2> points = outline.polyline();
    ASSERT_GT(points.size(), 90u);
    for (Vec2 mm : points) {
        const double radius = length(mm - Vec2{0, -30});
        EXPECT_NEAR(radius, RoundHead::kRadiusMm, 1.5) << mm.x << ", " << mm.y;
    }
    EXPECT_EQ(outline.weight({0, 30}, 1), 1);   // inside, above the hairline
    EXPECT_EQ(outline.weight({0, 60}, 1), 0);   // beyond the top of the head
    EXPECT_EQ(outline.weight({-90, 0}, 1), 0);  // beside it
}

TEST(HeadOutline, LeavesTheHeadOpenWhereNoSilhouetteIsSeen) {
    const RoundHead head;
    const Image photo = test::flatPhoto(800, 900);
    const HeadOutline outline = HeadOutline::find(photo, head.frame(), SkinModel::fromForehead(photo, head.frame()));
    EXPECT_TRUE(outline.polyline().empty());
    EXPECT_EQ(outline.weight({0, 100}, 1), 1);
    EXPECT_EQ(outline.weight({-120, 0}, 1), 1);
}

TEST(HeadOutline, TakesTheBackdropsEdgeNotTheStubblesInnerOne) {
    // A shaved side: a 12 mm rim of stubble (the skin at 60% of its brightness) inside
    // the silhouette, against a dark blue backdrop. Skin to stubble is the larger step in
    // brightness; stubble to backdrop is the change of hue, and the silhouette.
    const RoundHead head;
    constexpr std::uint8_t kDarkBlue[3] = {60, 80, 130};
    Image photo = head.photo(kDarkBlue);
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            const double r = length(Vec2{x + 0.5, y + 0.5} - head.centrePx) / RoundHead::kPxPerMm;
            if (r <= RoundHead::kRadiusMm - 12 || r > RoundHead::kRadiusMm) continue;
            std::uint8_t* p = photo.pixel(x, y);
            for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(0.6 * test::kSkin[c]);
        }
    }
    const HeadFrame frame = head.frame();
    const std::vector<Vec2> points = HeadOutline::find(photo, frame, SkinModel::fromForehead(photo, frame)).polyline();
    ASSERT_GT(points.size(), 90u);
    for (Vec2 mm : points) EXPECT_NEAR(length(mm - Vec2{0, -30}), RoundHead::kRadiusMm, 2) << mm.x << ", " << mm.y;
}

TEST(HeadOutline, EndsWhereTheSkinEndsNotAtAStrongerEdgeBesideIt) {
    // A lamp beside the head (parmitano): a white arc 4–14 mm outside the image-right
    // upper side, on a grey wall that differs little from the skin. The lamp's edges
    // are the stronger ones, but there is no skin on either side of them.
    const RoundHead head;
    constexpr std::uint8_t kGreyWall[3] = {170, 165, 160};
    Image photo = head.photo(kGreyWall);
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            const Vec2 d = Vec2{x + 0.5, y + 0.5} - head.centrePx;
            const double r = length(d) / RoundHead::kPxPerMm;
            const double angle = std::atan2(d.x, -d.y) * 180 / 3.14159265358979323846;
            if (r < RoundHead::kRadiusMm + 4 || r > RoundHead::kRadiusMm + 14 || angle < 30 || angle > 100) continue;
            std::uint8_t* p = photo.pixel(x, y);
            p[0] = p[1] = 250, p[2] = 246;
        }
    }
    const HeadFrame frame = head.frame();
    const std::vector<Vec2> points = HeadOutline::find(photo, frame, SkinModel::fromForehead(photo, frame)).polyline();
    ASSERT_GT(points.size(), 90u);
    for (Vec2 mm : points) EXPECT_NEAR(length(mm - Vec2{0, -30}), RoundHead::kRadiusMm, 2) << mm.x << ", " << mm.y;
}

// The soft style's full-scalp mask on the frame's handles.
TreatmentMask fullScalpMask(const Image& photo, const HeadFrame& frame) {
    const HairlineTemplate& style = *findHairlineTemplate("soft");
    const Hairline hairline(frame, style, 0, 1);
    return buildTreatmentMask(photo, frame, hairline, style, Coverage::FullScalp, {});
}

// Pixels of the treated area (coverage ≥ 50%) for which `first` holds, and the others.
struct Treated {
    std::size_t first = 0, other = 0;
};

template <typename Test>
Treated treatedPixels(const TreatmentMask& mask, Test first) {
    Treated treated;
    for (int y = 0; y < mask.height; ++y) {
        for (int x = 0; x < mask.width; ++x) {
            if (mask.coverageAt(x, y) < 0.5) continue;
            (first(x, y) ? treated.first : treated.other)++;
        }
    }
    return treated;
}

// The head's pixels above row `untilY` (not the wall) painted colour(x, y).
template <typename Colour>
void paintHeadAbove(Image& photo, double untilY, const std::uint8_t wall[3], Colour colour) {
    for (int y = 0; y < static_cast<int>(untilY); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            std::uint8_t* p = photo.pixel(x, y);
            if (p[0] == wall[0] && p[2] == wall[2]) continue;
            const std::array<int, 3> rgb = colour(x, y);
            for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(rgb[static_cast<std::size_t>(c)]);
        }
    }
}

TEST(ScalpMask, AWallOfSkinColourBesideTheHeadGetsNoDots) {
    const RoundHead head;
    const double radiusPx = RoundHead::kRadiusMm * RoundHead::kPxPerMm + 2;
    const Treated treated = treatedPixels(fullScalpMask(head.photo(kPaleWall), head.frame()), [&](int x, int y) {
        return length(Vec2{x + 0.5, y + 0.5} - head.centrePx) <= radiusPx;
    });
    EXPECT_GT(treated.first, 40000u) << "the scalp behind the hairline is treated";
    EXPECT_EQ(treated.other, 0u) << "nothing on the wall, though it passes the skin test";
}

TEST(ScalpMask, AGreyWallSeenThroughABlurredSilhouetteGetsNoDots) {
    // As on parmitano's soft-focus photo: the skin fades over 4 mm (r 73–77 mm) into a
    // light grey-beige wall, which meets a blue one 3 mm further out. The silhouette
    // takes that stronger edge, and the fade is too gradual for the colour path to stop;
    // near the silhouette the grey is told from scalp by its dull colour. A yellowish
    // beige wall is as saturated as the skin (0.89 of it) but less red (0.49): told by
    // its redness.
    const RoundHead head;
    for (const std::array<double, 3> wall : {std::array<double, 3>{168, 160, 150}, std::array<double, 3>{177, 161, 122}}) {
        SCOPED_TRACE(wall[2]);
        Image photo = head.photo(kBlueWall);
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) {
                const double r = length(Vec2{x + 0.5, y + 0.5} - head.centrePx) / RoundHead::kPxPerMm;
                if (r < 73 || r > 80) continue;
                const double t = smoothstep(73, 77, r);
                std::uint8_t* p = photo.pixel(x, y);
                for (int c = 0; c < 3; ++c) {
                    p[c] = static_cast<std::uint8_t>((1 - t) * test::kSkin[c] + t * wall[static_cast<std::size_t>(c)]);
                }
            }
        }
        // On the dome, above the corners: beside them the side band reads the fade's
        // gradient on this flat synthetic skin as stubble (step 7).
        const HeadFrame frame = head.frame();
        const Treated treated = treatedPixels(fullScalpMask(photo, frame), [&](int x, int y) {
            const Vec2 px{x + 0.5, y + 0.5};
            return length(px - head.centrePx) / RoundHead::kPxPerMm > 76 && frame.toFrame(px).y > frame.rightCornerMm().y + 3;
        });
        // Beyond r 76 mm the fade is 84% wall or more: none of it is treated now; before
        // the grey-rim test 1178 pixels of the grey were (round the whole head), and 8971
        // of the yellow on the dome before the redness counted.
        EXPECT_LT(treated.first, 100u) << "almost nothing where the fade is mostly wall";
        EXPECT_GT(treated.other, 40000u) << "the scalp behind the hairline is treated";
    }
}

TEST(ScalpMask, TheDomesDarkRimGetsNoDotsUnlessItIsDullStubble) {
    // The top of the dome darkens towards its silhouette over 10 mm, to 0.4 of the skin's
    // brightness in its outer 2 mm: as it turns away from the light (or under a fringe of
    // fine hair, poindexter). Its outer 2.5 mm get no dots. The same darkening greyed by
    // black stubble (dull: half the skin's saturation at the rim) keeps them.
    const RoundHead head;
    const auto ring = [&](bool stubble) {
        Image photo = head.photo(kBlueWall);
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) {
                const double inset = RoundHead::kRadiusMm - length(Vec2{x + 0.5, y + 0.5} - head.centrePx) / RoundHead::kPxPerMm;
                if (inset < 0 || inset > 12) continue;
                const double darkening = smoothstep(12, 2, inset);
                // Stubble greys the colour at the same brightness, to half its saturation.
                const double grey = stubble ? 0.5 * darkening : 0;
                const double luma = (test::kSkin[0] + test::kSkin[1] + test::kSkin[2]) / 3.0;
                std::uint8_t* p = photo.pixel(x, y);
                for (int c = 0; c < 3; ++c) {
                    const double colour = (1 - grey) * test::kSkin[c] + grey * luma;
                    p[c] = static_cast<std::uint8_t>(std::lround((1 - 0.6 * darkening) * colour));
                }
            }
        }
        return photo;
    };
    const HeadFrame frame = head.frame();
    // On the top of the dome (within 30° of up), between two insets.
    const auto zone = [&](double from, double to) {
        return [&, from, to](int x, int y) {
            const Vec2 d = Vec2{x + 0.5, y + 0.5} - head.centrePx;
            const double inset = RoundHead::kRadiusMm - length(d) / RoundHead::kPxPerMm;
            return inset >= from && inset <= to && -d.y > std::cos(30 * 3.14159265358979323846 / 180) * length(d);
        };
    };
    const auto fraction = [&](const Image& photo, double from, double to) {
        const auto in = zone(from, to);
        std::size_t pixels = 0;
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) pixels += in(x, y);
        }
        return static_cast<double>(treatedPixels(fullScalpMask(photo, frame), in).first) / static_cast<double>(pixels);
    };
    const Image warm = ring(false), dull = ring(true);
    EXPECT_LT(fraction(warm, 1.5, 2.5), 0.05) << "the dark rim";
    EXPECT_GT(fraction(dull, 1.5, 2.5), 0.95) << "dull stubble as dark";
    EXPECT_GT(fraction(warm, 7, 9), 0.95) << "the dome inside the rim";
}

TEST(ScalpMask, HairOfTheSkinsHueAboveAnEdgeGetsNoDots) {
    // The head's top is hair: the skin's hue at 55% of its brightness, from 10 mm
    // behind the hairline, with a sharp edge (a fringe). Shadow of that depth passes
    // the colour test; only the edge tells it from scalp.
    const RoundHead head;
    Image photo = head.photo(kBlueWall);
    const double hairFromPx = head.scene.handles.midFront.y - 10 * RoundHead::kPxPerMm;
    paintHeadAbove(photo, hairFromPx, kBlueWall, [](int, int) {
        return std::array<int, 3>{int(0.55 * test::kSkin[0]), int(0.55 * test::kSkin[1]), int(0.55 * test::kSkin[2])};
    });
    const Treated treated = treatedPixels(fullScalpMask(photo, head.frame()), [&](int, int y) { return y < hairFromPx - 2; });
    EXPECT_EQ(treated.first, 0u) << "nothing on the hair";
    EXPECT_GT(treated.other, 1000u) << "the bare band between the hairline and the fringe is treated";
}

TEST(ScalpMask, StrandsAsBrightAsTheSkinGetNoDots) {
    // From 10 mm behind the hairline the head is hair whose mean colour is the skin's:
    // strands 25 levels lighter and darker in a fine checker (period 0.5 mm), no edge
    // in the mean colour. Only its texture tells it from scalp.
    const RoundHead head;
    Image photo = head.photo(kBlueWall);
    const double hairFromPx = head.scene.handles.midFront.y - 10 * RoundHead::kPxPerMm;
    paintHeadAbove(photo, hairFromPx, kBlueWall, [](int x, int y) {
        const int delta = (x + y) % 2 ? 25 : -25;
        return std::array<int, 3>{test::kSkin[0] + delta, test::kSkin[1] + delta, test::kSkin[2] + delta};
    });
    const Treated treated = treatedPixels(fullScalpMask(photo, head.frame()), [&](int, int y) { return y < hairFromPx - 3; });
    EXPECT_EQ(treated.first, 0u) << "nothing on the hair";
    EXPECT_GT(treated.other, 1000u) << "the smooth band between the hairline and the hair is treated";
}

TEST(ScalpMask, BareTempleSkinBelowTheCornersGetsNoDots) {
    // A head of even skin: beyond the temple corners the soft line falls 0.8 mm per mm,
    // so 10 mm out and 5 mm below the corners' height lies behind it; skin as light as
    // the forehead there is the bare temple, not scalp. The dome stays treated.
    const RoundHead head;
    const Image photo = head.photo(kBlueWall);
    const HeadFrame frame = head.frame();
    const HairlineTemplate& style = *findHairlineTemplate("soft");
    const Hairline hairline(frame, style, 0, 1);
    ASSERT_GT(hairline.distanceBehind(frame.rightCornerMm() + Vec2{10, -5}), 2);
    const TreatmentMask mask = buildTreatmentMask(photo, frame, hairline, style, Coverage::FullScalp, {});
    const auto at = [&](Vec2 mm) {
        const Vec2 px = frame.toPhoto(mm);
        return mask.coverageAt(static_cast<int>(px.x), static_cast<int>(px.y));
    };
    EXPECT_EQ(at(frame.leftCornerMm() + Vec2{-10, -5}), 0);
    EXPECT_EQ(at(frame.rightCornerMm() + Vec2{10, -5}), 0);
    EXPECT_EQ(at({0, 20}), 1);
}

TEST(ScalpMask, BareTempleSkinBesideLoweredCornersGetsNoDotsUpToTheRulesHeight) {
    // The corners lowered to 12 mm below the mid-frontal point (a narrow dome): beyond
    // them the temporal line climbs back towards the rule's 5 mm, so even skin 15 mm out
    // and 1 mm above the corners' height is bare temple; above the rule's height, 10 mm
    // out, it is the dome and treated.
    const RoundHead head;
    Handles lowered = head.scene.handles;
    lowered.leftTemple.y += 12 * RoundHead::kPxPerMm;
    lowered.rightTemple.y += 12 * RoundHead::kPxPerMm;
    const Image photo = head.photo(kBlueWall);
    const HeadFrame frame = HeadFrame::fromHandles(lowered, photo.width(), photo.height(), RoundHead::kPxPerMm).value();
    ASSERT_NEAR(frame.rightCornerMm().y, -12, 1e-9);
    const TreatmentMask mask = fullScalpMask(photo, frame);
    const auto at = [&](Vec2 mm) {
        const Vec2 px = frame.toPhoto(mm);
        return mask.coverageAt(static_cast<int>(px.x), static_cast<int>(px.y));
    };
    EXPECT_EQ(at(frame.leftCornerMm() + Vec2{-15, 1}), 0);
    EXPECT_EQ(at(frame.rightCornerMm() + Vec2{15, 1}), 0);
    EXPECT_EQ(at(frame.leftCornerMm() + Vec2{-10, 9}), 1);
    EXPECT_EQ(at(frame.rightCornerMm() + Vec2{10, 9}), 1);
}

TEST(ScalpMask, ShadedTempleSkinGetsNoDotsButDullStubbleThereDoes) {
    // Beyond the image-right corner and below it, the temple turns from the light: from
    // 2 to 12 mm out the skin darkens to 0.4 of its brightness, its colour kept. It is
    // bare temple, as in the test above. Stubble as dark there (from 30% skin and 70%
    // dark grey: nearer grey) stays treated.
    const RoundHead head;
    const HeadFrame frame = head.frame();
    const Vec2 corner = frame.rightCornerMm();
    const auto paintTemple = [&](auto colour) {
        Image photo = head.photo(kBlueWall);
        for (int y = 0; y < photo.height(); ++y) {
            for (int x = 0; x < photo.width(); ++x) {
                const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
                if (mm.y > corner.y - 1 || length(mm - Vec2{0, -30}) > RoundHead::kRadiusMm) continue;
                colour(photo.pixel(x, y), smoothstep(corner.x + 2, corner.x + 12, mm.x));
            }
        }
        return photo;
    };
    const Image shaded = paintTemple([](std::uint8_t* p, double t) {
        for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>((1 - 0.6 * t) * p[c]);
    });
    const Image stubble = paintTemple([](std::uint8_t* p, double t) {
        for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>((1 - 0.7 * t) * p[c] + 0.7 * t * 30);
    });
    const auto coverageAt = [&](const Image& photo, Vec2 mm) {
        const Vec2 px = frame.toPhoto(mm);
        return fullScalpMask(photo, frame).coverageAt(static_cast<int>(px.x), static_cast<int>(px.y));
    };
    EXPECT_EQ(coverageAt(shaded, corner + Vec2{14, -5}), 0);
    EXPECT_GT(coverageAt(stubble, corner + Vec2{14, -5}), 0.5);
}

// Beyond the right temple corner, from 3 mm above its height to 35 mm below, the outer
// 12 mm of a RoundHead of radiusMm (`margin` mm in from each edge).
bool inSideStrip(const HeadFrame& frame, Vec2 mm, double margin, double radiusMm = RoundHead::kRadiusMm) {
    const double r = length(mm - Vec2{0, -30});
    return mm.x > frame.rightCornerMm().x + margin && mm.y <= 3 - margin && mm.y >= -35 + margin &&
           r >= radiusMm - 12 + margin && r <= radiusMm - margin;
}

// The side strip's pixels given `colour(x, y, skin pixel)`.
template <typename Colour>
Image withSideStrip(const RoundHead& head, Colour colour) {
    Image photo = head.photo(kBlueWall);
    const HeadFrame frame = head.frame();
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            if (inSideStrip(frame, frame.toFrame({x + 0.5, y + 0.5}), 0, head.radiusMm)) colour(x, y, photo.pixel(x, y));
        }
    }
    return photo;
}

// The strip's inner part, away from its soft edges, below the soft line's side fall; and
// its area in pixels.
struct InnerSideStrip {
    const HeadFrame& frame;
    Hairline hairline;
    explicit InnerSideStrip(const HeadFrame& f) : frame(f), hairline(f, *findHairlineTemplate("soft"), 0, 1) {}
    bool operator()(int x, int y) const {
        const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
        return inSideStrip(frame, mm, 3) && hairline.distanceBehind(mm) < -3;
    }
    std::size_t pixels(int width, int height) const {
        std::size_t count = 0;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) count += (*this)(x, y);
        }
        return count;
    }
};

// The far (image-left) side's outer rim, 2–3.5 mm inside the silhouette, below and
// beyond the corner.
bool inFarSideRim(const HeadFrame& frame, Vec2 mm) {
    const double inset = RoundHead::kRadiusMm - length(mm - Vec2{0, -30});
    return mm.x < frame.leftCornerMm().x - 3 && mm.y <= -3 && mm.y >= -35 && inset >= 2 && inset <= 3.5;
}

TEST(ScalpMask, StubbleDownTheSidesIsTreatedWhereThePhotoResolvesIt) {
    // The side strip is stubble: one dark hair in every 3×3 pixels. The soft line's side
    // fall leaves it in front of the hairline; the stubble's texture takes it in, with
    // full-size dots. Bare skin there stays untreated, and at 3 px/mm (where a real photo
    // does not show stubble) so does the stubble. A head with stubble down one side is
    // shaved: the other side's rim along the silhouette (bare skin here, as a band seen
    // edge-on looks) is treated too, but not on the bare head.
    for (const double pxPerMm : {4.0, 3.0}) {
        SCOPED_TRACE(pxPerMm);
        const RoundHead head(pxPerMm);
        const HeadFrame frame = head.frame();
        const Image bare = head.photo(kBlueWall);
        const Image stubble = withSideStrip(head, [](int x, int y, std::uint8_t* p) {
            if (x % 3 || y % 3) return;
            for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(0.45 * p[c]);
        });
        const InnerSideStrip innerStrip(frame);
        const std::size_t stripPixels = innerStrip.pixels(bare.width(), bare.height());
        ASSERT_GT(static_cast<double>(stripPixels) / (pxPerMm * pxPerMm), 40.0) << "mm² to test on";
        const TreatmentMask onBare = fullScalpMask(bare, frame);
        EXPECT_EQ(treatedPixels(onBare, innerStrip).first, 0u) << "bare temple skin";
        const TreatmentMask onStubble = fullScalpMask(stubble, frame);
        const Treated treated = treatedPixels(onStubble, innerStrip);
        if (pxPerMm >= 4) {
            EXPECT_GT(treated.first, stripPixels * 9 / 10) << "the stubble";
            const Vec2 px = frame.toPhoto({68, -20});
            EXPECT_GT(onStubble.hairlineFreeAt(static_cast<int>(px.x), static_cast<int>(px.y)), 0.9)
                << "dots at full density there, not the hairline's ramp";
        } else {
            EXPECT_EQ(treated.first, 0u) << "not resolved";
        }
        const auto farRim = [&](int x, int y) { return inFarSideRim(frame, frame.toFrame({x + 0.5, y + 0.5})); };
        std::size_t farRimPixels = 0;
        for (int y = 0; y < bare.height(); ++y) {
            for (int x = 0; x < bare.width(); ++x) farRimPixels += farRim(x, y);
        }
        ASSERT_GT(static_cast<double>(farRimPixels) / (pxPerMm * pxPerMm), 40.0) << "mm² to test on";
        EXPECT_EQ(treatedPixels(onBare, farRim).first, 0u) << "the bare head's far rim";
        if (pxPerMm >= 4) {
            EXPECT_GT(treatedPixels(onStubble, farRim).first, farRimPixels * 9 / 10) << "the shaved head's far rim";
        } else {
            EXPECT_EQ(treatedPixels(onStubble, farRim).first, 0u) << "no stubble seen, no shaved head";
        }
        // The rims run down both sides below the corners, within 5 mm of the silhouette.
        const auto elsewhere = [&](int x, int y) {
            const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
            const double r = length(mm - Vec2{0, -30});
            const bool rims = std::fabs(mm.x) > frame.rightCornerMm().x - 2 && mm.y <= 3 &&
                              r >= RoundHead::kRadiusMm - 7 && r <= RoundHead::kRadiusMm;
            return !inSideStrip(frame, mm, -2) && !rims;
        };
        EXPECT_EQ(treatedPixels(onStubble, elsewhere).first, treatedPixels(onBare, elsewhere).first)
            << "nothing changes beyond 2 mm of the strip and the rims (none on the wall)";
    }
}

TEST(ScalpMask, StubbleDownTheSidesOfAWideHeadIsTreatedToItsSilhouette) {
    // A head 180 mm wide (reisman's and satcher's sides lie 86-90 mm from the midline
    // at the pupils' scale), wider than the head ellipse guessed from the temple span:
    // the side band follows the silhouette, so its stubble is treated out to it.
    const RoundHead head(RoundHead::kPxPerMm, 90);
    const HeadFrame frame = head.frame();
    ASSERT_LT(HeadEllipse::fromCorners(frame.leftCornerMm(), frame.rightCornerMm()).weight({87, -25}, 3), 0.5)
        << "the ellipse ends inside this head";
    const Image stubble = withSideStrip(head, [](int x, int y, std::uint8_t* p) {
        if (x % 3 || y % 3) return;
        for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(0.45 * p[c]);
    });
    // The strip's outer half, 3–6 mm inside the silhouette and away from the strip's ends;
    // at this width the soft line's side fall leaves it behind the hairline, where only
    // the ellipse limited the treated area.
    const auto outerStrip = [&](int x, int y) {
        const Vec2 mm = frame.toFrame({x + 0.5, y + 0.5});
        return inSideStrip(frame, mm, 3, 90) && length(mm - Vec2{0, -30}) >= 84;
    };
    std::size_t stripPixels = 0;
    for (int y = 0; y < stubble.height(); ++y) {
        for (int x = 0; x < stubble.width(); ++x) stripPixels += outerStrip(x, y);
    }
    ASSERT_GT(static_cast<double>(stripPixels) / (RoundHead::kPxPerMm * RoundHead::kPxPerMm), 50.0) << "mm² to test on";
    EXPECT_GT(treatedPixels(fullScalpMask(stubble, frame), outerStrip).first, stripPixels * 9 / 10);
}

TEST(ScalpMask, StubbleTooFineToSeeIsToldFromShadeByItsDullerColour) {
    // Black stubble on dark skin, finer than a pixel (satcher): the skin darkened and
    // greyed, with no texture (40% skin, 60% dark grey: 0.53 of its brightness, 0.76 of
    // its saturation). A shadow as dark (0.56) keeps the skin's colour, and stays
    // untreated (below half the forehead's brightness, step 1 would treat it).
    const RoundHead head;
    const HeadFrame frame = head.frame();
    const Image stubble = withSideStrip(head, [](int, int, std::uint8_t* p) {
        for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(0.4 * p[c] + 0.6 * 40);
    });
    const Image shade = withSideStrip(head, [](int, int, std::uint8_t* p) {
        for (int c = 0; c < 3; ++c) p[c] = static_cast<std::uint8_t>(0.56 * p[c]);
    });
    const InnerSideStrip innerStrip(frame);
    const std::size_t stripPixels = innerStrip.pixels(stubble.width(), stubble.height());
    EXPECT_GT(treatedPixels(fullScalpMask(stubble, frame), innerStrip).first, stripPixels * 9 / 10) << "the stubble";
    EXPECT_EQ(treatedPixels(fullScalpMask(shade, frame), innerStrip).first, 0u) << "the shadow";
}

TEST(HeadEllipse, CornersMovedInDoNotNarrowTheHead) {
    // A turned head whose image-left corner moved in: a 70 mm span. The head is still
    // taken as wide as an 85 mm span's (78 mm half-width), centred between the corners.
    const HeadEllipse narrow = HeadEllipse::fromCorners({-25, -5}, {45, -5});
    EXPECT_DOUBLE_EQ(narrow.halfWidthMm, 0.92 * 85);
    EXPECT_DOUBLE_EQ(narrow.centreMm.x, 10);
    EXPECT_EQ(narrow.weight({10 + 70, -25.5}, 3), 1) << "the side of the head, 70 mm out";
    const HeadEllipse usual = HeadEllipse::fromCorners({-47.5, -5}, {47.5, -5});
    EXPECT_DOUBLE_EQ(usual.halfWidthMm, 0.92 * 95);
}

}  // namespace
}  // namespace smp
