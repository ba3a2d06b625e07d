// Automatic placement on every fixture photo against the hand-made ground truth in
// tests/placement/annotations.json: decoded at the app's 2048 px working size,
// compared in full-size pixels, errors in mm at the annotation's scale (pupils 63 mm
// apart). Prints one row per photo.
//
// Targets: every photo has its face found; pupils within 3 mm and the scale within 5%;
// median handle error ≤ 6 mm against the reference rule applied to the annotated
// landmarks (`ruleHandles`, what this method implements) and against the annotated
// handles where those were designed by that rule. Where the annotated hairline is the
// person's existing one (receding hair, a stubble edge), the rule puts the hairline
// elsewhere by design: those photos' errors are printed; only the median over all nine
// (issue #6's target, ≤ 6 mm) is asserted (README, "Automatic placement").
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "photo.h"
#include "placement.h"
#include "support/placement_data.h"

namespace smp {
namespace {

Vec2 point(const test::Json& xy) { return {xy[0].number, xy[1].number}; }

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

// Mean distance of the three handles, in mm.
double handleErrorMm(const Handles& ours, const test::Json& truth, double pxPerMm) {
    return (length(ours.leftTemple - point(truth["leftTemple"])) + length(ours.midFront - point(truth["midFront"])) +
            length(ours.rightTemple - point(truth["rightTemple"]))) / 3 / pxPerMm;
}

Handles scaled(const Handles& h, double s) { return {s * h.leftTemple, s * h.midFront, s * h.rightTemple}; }

TEST(PlacementEvaluation, FixturePhotosAgainstTheAnnotations) {
    const test::Json& photos = test::placementAnnotations();
    ASSERT_EQ(photos.fields.size(), 9u);
    std::vector<double> ruleErrors, designedErrors, allErrors;
    std::printf("%-34s %-10s %6s %8s %8s %6s %6s %6s %16s %6s\n", "photo", "reason", "ms", "handles", "rule", "pupil",
                "corner", "glab.", "px/mm ours/truth", "tilt");
    for (const auto& [name, truth] : photos.fields) {
        SCOPED_TRACE(name);
        const test::Bytes bytes = test::readFixture(name);
        auto photo = decodePhoto(bytes.data(), bytes.size());  // 2048 px working image
        ASSERT_TRUE(photo.ok()) << photo.error().message;
        const double s = photo.value().info.width / static_cast<double>(photo.value().image.width());
        PlacementOptions options;
        // The control is a woman's hairline: the annotators used the rounded style's height.
        if (truth["hairlineSource"].text.find("rounded") != std::string::npos) options.templateId = "rounded";
        const auto start = std::chrono::steady_clock::now();
        auto result = proposePlacement(photo.value().image, test::placementModel(), options);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ASSERT_TRUE(result.ok()) << result.error().message;
        const PlacementProposal& p = result.value();
        ASSERT_NE(p.reason, PlacementReason::NoFace);
        EXPECT_EQ(p.faces.size(), static_cast<std::size_t>(truth["faces"].number));

        const double truthScale = truth["derived"]["pxPerMmFromPupils"].number;
        const test::Json& marks = truth["landmarks"];
        const FaceLandmarks& m = p.landmarks;
        const Handles handles = scaled(p.handles, s);
        const double handleError = handleErrorMm(handles, truth["handles"], truthScale);
        const double ruleError = handleErrorMm(handles, truth["derived"]["ruleHandles"], truthScale);
        const double pupilError = (length(s * m.leftPupil - point(marks["leftPupil"])) +
                                   length(s * m.rightPupil - point(marks["rightPupil"]))) / 2 / truthScale;
        const double cornerError = (length(s * m.leftEyeCorner - point(marks["leftOuterEyeCorner"])) +
                                    length(s * m.rightEyeCorner - point(marks["rightOuterEyeCorner"]))) / 2 / truthScale;
        const double glabellaError = length(s * m.glabella - point(marks["glabella"])) / truthScale;
        const double scale = p.pxPerMm * s;
        std::printf("%-34s %-10s %6.1f %6.1fmm %6.1fmm %4.1fmm %4.1fmm %4.1fmm %7.3f / %-6.3f %5.1f°\n", name.c_str(),
                    placementReasonName(p.reason), ms, handleError, ruleError, pupilError, cornerError, glabellaError,
                    scale, truthScale, m.tiltDeg);

        EXPECT_LE(pupilError, 3.0);
        EXPECT_NEAR(scale / truthScale, 1, 0.05);
        ruleErrors.push_back(ruleError);
        allErrors.push_back(handleError);
        const std::string& source = truth["hairlineSource"].text;
        if (source.find("reference rule") != std::string::npos) designedErrors.push_back(handleError);
    }
    std::printf("median handle error: %.1f mm against the rule on the annotated landmarks (%zu photos), "
                "%.1f mm against the annotated handles where they were designed by the rule (%zu), "
                "%.1f mm against all annotated handles (target 6 mm)\n",
                median(ruleErrors), ruleErrors.size(), median(designedErrors), designedErrors.size(), median(allErrors));
    EXPECT_LE(median(ruleErrors), 6.0);
    EXPECT_LE(median(designedErrors), 6.0);
    // Issue #6's target over all annotations, met by a small margin (5.3 mm): the median
    // is satcher's, whose corners, kept 4 mm inside the silhouette, land near his
    // stubble edge; the rule does not look for that edge.
    EXPECT_LE(median(allErrors), 6.0);
}

}  // namespace
}  // namespace smp
