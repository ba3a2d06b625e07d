// The scalp mask on every fixture photo against the hand-drawn scalp polygons in
// tests/placement/annotations.json, at the app's 2048 px working size. Prints one row
// per photo: the mask's IoU with the polygon, with the annotated handles (the mask
// alone) and with the proposed ones (the whole automatic placement), and the mask's
// area outside the annotated head outline.
//
// Issue #6's targets, asserted: IoU ≥ 0.85 on the bald and shaved photos (the mask on the
// annotated handles); no drawn dot outside the head (the annotated `headOutline`, beyond
// its own uncertainty) on any photo, with the annotated and the proposed handles. The
// other assertions are floors that catch regressions: (almost) nothing on the full-hair
// control, little mask area outside the head.
//
// A second table renders the default design (soft style, full scalp) on the annotated and
// on the proposed handles and counts the drawn dots whose centres lie outside the
// annotated head outline: all of them, and those further out than the outline's own
// uncertainty (tests/placement/README.md: 2 mm, 3 mm for biden's hair and parmitano's
// blur), with the furthest one's distance.
//
// SMP_PLACEMENT_OVERLAYS=DIR writes one PNG per photo there: the polygon's outline in
// green, the mask in magenta, the head outline in cyan (a developer aid).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "encode.h"
#include "hairline.h"
#include "hairline_templates.h"
#include "head_outline.h"
#include "photo.h"
#include "placement.h"
#include "simulator.h"
#include "support/placement_data.h"
#include "treatment_mask.h"

namespace smp {
namespace {

using Plane = std::vector<std::uint8_t>;

std::vector<Vec2> polygonAt(const test::Json& points, double scale) {
    std::vector<Vec2> polygon;
    for (const test::Json& p : points.items) polygon.push_back({p[0].number * scale, p[1].number * scale});
    return polygon;
}

// Pixels whose centres are inside the polygon (even-odd rule), as 0/1.
Plane rasterize(const std::vector<Vec2>& polygon, int width, int height) {
    Plane inside(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
    const std::size_t n = polygon.size();
    for (int y = 0; y < height && n >= 3; ++y) {
        const double cy = y + 0.5;
        std::vector<double> crossings;
        for (std::size_t i = 0; i < n; ++i) {
            const Vec2 a = polygon[i];
            const Vec2 b = polygon[(i + 1) % n];
            if ((a.y <= cy) == (b.y <= cy)) continue;
            crossings.push_back(a.x + (cy - a.y) / (b.y - a.y) * (b.x - a.x));
        }
        std::sort(crossings.begin(), crossings.end());
        for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
            const int x0 = std::max(0, static_cast<int>(std::ceil(crossings[k] - 0.5)));
            const int x1 = std::min(width, static_cast<int>(std::ceil(crossings[k + 1] - 0.5)));
            for (int x = x0; x < x1; ++x) inside[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = 1;
        }
    }
    return inside;
}

// The scalp behind the hairline: the full-scalp treatment mask at half coverage or
// more, for the soft style's line without its irregularity and stray dots in front
// (design choices, not part of the scalp).
Plane treatedArea(const Image& photo, const Handles& handles, double pxPerMm) {
    const HeadFrame frame = HeadFrame::fromHandles(handles, photo.width(), photo.height(), pxPerMm).value();
    HairlineTemplate style = *findHairlineTemplate("soft");
    style.frontFeatherMm = 0;
    style.fineJitterMm = style.broadJitterMm = 0;
    const Hairline hairline(frame, style, 0, 1);
    const TreatmentMask mask = buildTreatmentMask(photo, frame, hairline, style, Coverage::FullScalp, {});
    Plane area(mask.coverage.size());
    for (std::size_t i = 0; i < area.size(); ++i) area[i] = mask.coverage[i] >= 128;
    return area;
}

double intersectionOverUnion(const Plane& a, const Plane& b) {
    std::size_t both = 0, either = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        both += static_cast<std::size_t>(a[i] & b[i]);
        either += static_cast<std::size_t>(a[i] | b[i]);
    }
    return either ? static_cast<double>(both) / static_cast<double>(either) : 1.0;
}

// Area of `a` not in `b`, in cm² at pxPerMm.
double areaOutsideCm2(const Plane& a, const Plane& b, double pxPerMm) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < a.size(); ++i) count += static_cast<std::size_t>(a[i] && !b[i]);
    return static_cast<double>(count) / (pxPerMm * pxPerMm) / 100;
}

// Distance in pixels from p to the nearest edge of the polygon.
double distanceToPolygon(Vec2 p, const std::vector<Vec2>& polygon) {
    double best = INFINITY;
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const Vec2 a = polygon[i];
        const Vec2 ab = polygon[(i + 1) % polygon.size()] - a;
        const double t = std::clamp(dot(p - a, ab) / std::max(1e-12, dot(ab, ab)), 0.0, 1.0);
        best = std::min(best, length(p - (a + t * ab)));
    }
    return best;
}

struct DotsOffTheHead {
    std::size_t drawn = 0, outside = 0, beyondTolerance = 0;
    double furthestMm = 0;
};

// The default design's dots on `handles`, against the annotated head outline.
DotsOffTheHead dotsOffTheHead(const Image& photo, const Handles& handles, double pxPerMm, const Plane& head,
                              const std::vector<Vec2>& outline, double toleranceMm) {
    Simulator simulator;
    Image copy = Image::allocate(photo.width(), photo.height()).value();
    std::memcpy(copy.data(), photo.data(), photo.sizeBytes());
    EXPECT_TRUE(simulator.setPhoto(std::move(copy)).ok());
    EXPECT_TRUE(simulator.setScaleOverride(pxPerMm).ok());
    EXPECT_TRUE(simulator.setHandles(handles).ok());
    EXPECT_TRUE(simulator.render().ok());
    DotsOffTheHead off;
    for (const DotRecord& dot : simulator.dots()) {
        ++off.drawn;
        const int x = std::clamp(static_cast<int>(dot.xPx), 0, photo.width() - 1);
        const int y = std::clamp(static_cast<int>(dot.yPx), 0, photo.height() - 1);
        if (head[static_cast<std::size_t>(y) * static_cast<std::size_t>(photo.width()) + static_cast<std::size_t>(x)]) continue;
        ++off.outside;
        const double mm = distanceToPolygon({dot.xPx, dot.yPx}, outline) / pxPerMm;
        off.furthestMm = std::max(off.furthestMm, mm);
        if (mm > toleranceMm) ++off.beyondTolerance;
    }
    return off;
}

Handles handlesAt(const test::Json& h, double scale) {
    const auto at = [&](const char* key) { return Vec2{h[key][0].number * scale, h[key][1].number * scale}; };
    return {at("leftTemple"), at("midFront"), at("rightTemple")};
}

// The engine's head outline for these handles, in photo pixels.
std::vector<Vec2> outlineAt(const Image& photo, const Handles& handles, double pxPerMm) {
    const HeadFrame frame = HeadFrame::fromHandles(handles, photo.width(), photo.height(), pxPerMm).value();
    std::vector<Vec2> points;
    for (Vec2 mm : HeadOutline::find(photo, frame, SkinModel::fromForehead(photo, frame)).polyline()) {
        points.push_back(frame.toPhoto(mm));
    }
    return points;
}

void writeOverlay(const std::string& path, const Image& photo, const Plane& mask, const Plane& polygon,
                  const Plane& head, const std::vector<Vec2>& outline) {
    Image out = Image::allocate(photo.width(), photo.height()).value();
    const auto edge = [&](const Plane& p, int x, int y) {
        const auto at = [&](int u, int v) {
            u = std::clamp(u, 0, photo.width() - 1);
            v = std::clamp(v, 0, photo.height() - 1);
            return p[static_cast<std::size_t>(v) * static_cast<std::size_t>(photo.width()) + static_cast<std::size_t>(u)];
        };
        return at(x, y) && !(at(x - 1, y) && at(x + 1, y) && at(x, y - 1) && at(x, y + 1) && at(x - 2, y) &&
                             at(x + 2, y) && at(x, y - 2) && at(x, y + 2));
    };
    for (int y = 0; y < photo.height(); ++y) {
        for (int x = 0; x < photo.width(); ++x) {
            const std::size_t i = static_cast<std::size_t>(y) * static_cast<std::size_t>(photo.width()) + static_cast<std::size_t>(x);
            const std::uint8_t* p = photo.pixel(x, y);
            std::uint8_t* q = out.pixel(x, y);
            for (int c = 0; c < 3; ++c) q[c] = p[c];
            q[3] = 255;
            if (mask[i] && polygon[i]) {
                q[0] = static_cast<std::uint8_t>((p[0] + 255) / 2);
                q[2] = static_cast<std::uint8_t>((p[2] + 255) / 2);
            } else if (mask[i]) {
                q[0] = 255, q[1] = q[2] = 0;
            } else if (polygon[i]) {
                q[0] = q[1] = 0, q[2] = 255;
            }
            if (!head.empty() && edge(head, x, y)) q[0] = 0, q[1] = q[2] = 255;
            if (edge(polygon, x, y)) q[0] = q[2] = 0, q[1] = 255;
        }
    }
    for (Vec2 p : outline) {
        for (int dy = -2; dy <= 2; ++dy) {
            for (int dx = -2; dx <= 2; ++dx) {
                const int x = static_cast<int>(p.x) + dx, y = static_cast<int>(p.y) + dy;
                if (x < 0 || y < 0 || x >= out.width() || y >= out.height()) continue;
                std::uint8_t* q = out.pixel(x, y);
                q[0] = q[1] = 255, q[2] = 0;
            }
        }
    }
    const auto png = encodePng(out).value();
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
}

TEST(ScalpMaskEvaluation, FixturePhotosAgainstTheAnnotatedPolygons) {
    struct DotRow {
        std::string name;
        DotsOffTheHead annotated, proposed;
    };
    std::vector<DotRow> dotRows;
    const char* overlays = std::getenv("SMP_PLACEMENT_OVERLAYS");
    std::printf("%-34s %-8s %6s %8s %8s %8s %8s %8s\n", "photo", "kind", "IoU", "IoU auto", "mask", "polygon",
                "outside", "out auto");
    std::vector<double> shavedIous;
    for (const auto& [name, truth] : test::placementAnnotations().fields) {
        SCOPED_TRACE(name);
        const test::Bytes bytes = test::readFixture(name);
        auto decoded = decodePhoto(bytes.data(), bytes.size());
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        const Image& photo = decoded.value().image;
        const double s = photo.width() / static_cast<double>(decoded.value().info.width);
        const double pxPerMm = truth["derived"]["pxPerMmFromPupils"].number * s;

        const Plane polygon = rasterize(polygonAt(truth["scalpPolygon"], s), photo.width(), photo.height());
        const std::vector<Vec2> headOutline = polygonAt(truth["headOutline"], s);
        const Plane head = rasterize(headOutline, photo.width(), photo.height());
        const Plane ours = treatedArea(photo, handlesAt(truth["handles"], s), pxPerMm);
        PlacementOptions options;
        if (truth["hairlineSource"].text.find("rounded") != std::string::npos) options.templateId = "rounded";
        const PlacementProposal proposal = proposePlacement(photo, test::placementModel(), options).value();
        const Plane automatic = treatedArea(photo, proposal.handles, proposal.pxPerMm);

        const bool scalpVisible = !truth["scalpPolygon"].items.empty();
        const std::string source = truth["hairlineSource"].text;
        const bool shaved = scalpVisible && (source.find("rule") != std::string::npos || source.find("stubble") != std::string::npos);
        const double iou = intersectionOverUnion(ours, polygon);
        const double iouAuto = intersectionOverUnion(automatic, polygon);
        const double outside = areaOutsideCm2(ours, head, pxPerMm);
        const double outsideAuto = areaOutsideCm2(automatic, head, pxPerMm);
        const Plane none(polygon.size(), 0);
        // Without a polygon there is no IoU to print (both empty would read 1).
        const auto ratio = [&](double v) {
            char text[16] = "-";
            if (scalpVisible) std::snprintf(text, sizeof text, "%.3f", v);
            return std::string(text);
        };
        std::printf("%-34s %-8s %6s %8s %6.1fcm² %6.1fcm² %6.2fcm² %6.2fcm²\n", name.c_str(),
                    shaved ? "shaved" : scalpVisible ? "hair" : "no scalp", ratio(iou).c_str(), ratio(iouAuto).c_str(),
                    areaOutsideCm2(ours, none, pxPerMm), areaOutsideCm2(polygon, none, pxPerMm), outside, outsideAuto);
        if (shaved) shavedIous.push_back(iou);
        // The mask's own area off the annotated outline (on parmitano within its 3 mm): floors.
        EXPECT_LE(outside, 0.4);
        EXPECT_LE(outsideAuto, 0.2);
        if (!shaved) {
            // Off the head only on parmitano's blurred wall so far.
            EXPECT_LE(outside, 0.1);
            EXPECT_LE(outsideAuto, 0.1);
        }
        if (shaved) {
            EXPECT_GE(iou, 0.85) << "the issue's target";
            EXPECT_GE(iouAuto, 0.54) << "with the proposed handles (a floor)";
        }
        if (truth["expectNoDots"].boolean) {
            EXPECT_LE(areaOutsideCm2(ours, none, pxPerMm), 1.5);
        }
        // The drawn dots: the target is none off the head, here none further out
        // than the outline's own uncertainty (tests/placement/README.md).
        const bool blurredOrHair = name.rfind("parmitano", 0) == 0 || name.rfind("biden", 0) == 0;
        const double toleranceMm = blurredOrHair ? 3 : 2;
        const DotRow dots{name, dotsOffTheHead(photo, handlesAt(truth["handles"], s), pxPerMm, head, headOutline, toleranceMm),
                          dotsOffTheHead(photo, proposal.handles, proposal.pxPerMm, head, headOutline, toleranceMm)};
        EXPECT_EQ(dots.annotated.beyondTolerance, 0u) << "the issue's target, with the annotated handles";
        EXPECT_EQ(dots.proposed.beyondTolerance, 0u) << "the issue's target, with the proposed handles";
        dotRows.push_back(dots);
        if (overlays) writeOverlay(std::string(overlays) + "/" + name + ".png", photo, ours, polygon, head,
                                  outlineAt(photo, handlesAt(truth["handles"], s), pxPerMm));
    }
    ASSERT_EQ(shavedIous.size(), 5u);
    std::sort(shavedIous.begin(), shavedIous.end());
    std::printf("scalp mask IoU on the bald and shaved photos: median %.3f, worst %.3f (target 0.85)\n", shavedIous[2],
                shavedIous[0]);
    EXPECT_GE(shavedIous[2], 0.85);

    std::printf("\ndrawn dots, annotated handles | proposed handles\n%-34s %7s %9s %9s %8s | %7s %9s %9s %8s\n",
                "photo", "dots", "outside", "beyond", "furthest", "dots", "outside", "beyond", "furthest");
    for (const DotRow& row : dotRows) {
        std::printf("%-34s %7zu %9zu %9zu %6.1fmm | %7zu %9zu %9zu %6.1fmm\n", row.name.c_str(), row.annotated.drawn,
                    row.annotated.outside, row.annotated.beyondTolerance, row.annotated.furthestMm, row.proposed.drawn,
                    row.proposed.outside, row.proposed.beyondTolerance, row.proposed.furthestMm);
    }
}

}  // namespace
}  // namespace smp
