#include "placement.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "cascade_detector.h"
#include "head_outline.h"

namespace smp {
namespace {

// The pupil distance is 0.50–0.62 of the LBP face box's width on the fixture faces;
// outside this range a pupil was probably found on something else.
constexpr double kMinPupilsPerFaceWidth = 0.44;
constexpr double kMaxPupilsPerFaceWidth = 0.68;

// The first bad option, if any.
std::optional<Error> checkOptions(const PlacementOptions& o) {
    auto bad = [](const std::string& what) { return Error{ErrorCode::InvalidArgument, what}; };
    if (!(o.hairlineHeightMm == 0 || (o.hairlineHeightMm >= 30 && o.hairlineHeightMm <= 120))) {
        return bad("hairline height " + std::to_string(o.hairlineHeightMm) + " mm is outside 30–120 (0: by the style)");
    }
    if (!(o.templeDropMm >= 0 && o.templeDropMm <= 30)) {
        return bad("temple drop " + std::to_string(o.templeDropMm) + " mm is outside 0–30");
    }
    if (o.detectionSide < 128 || o.detectionSide > 2048) {
        return bad("detection side " + std::to_string(o.detectionSide) + " is outside 128–2048");
    }
    if (o.faceIndex < -1) return bad("face index " + std::to_string(o.faceIndex) + " is below -1");
    return std::nullopt;
}

std::vector<PixelBox> findFaces(const GrayImage& gray, const Cascade& cascade, int detectionSide) {
    const int longest = std::max(gray.width, gray.height);
    const double scale = longest > detectionSide ? static_cast<double>(longest) / detectionSide : 1.0;
    const GrayImage small = scale == 1.0 ? gray
                                         : resampleRegion(gray, {0, 0, gray.width, gray.height},
                                                          static_cast<int>(std::lround(gray.width / scale)),
                                                          static_cast<int>(std::lround(gray.height / scale)));
    std::vector<PixelBox> faces;
    for (const Detection& d : detectObjects(small, cascade, DetectOptions{})) {
        auto up = [&](int v) { return static_cast<int>(std::lround(v * scale)); };
        faces.push_back({up(d.box.x0), up(d.box.y0), up(d.box.x1), up(d.box.y1)});
    }
    return faces;
}

}  // namespace

const char* placementReasonName(PlacementReason reason) {
    switch (reason) {
        case PlacementReason::Ok: return "ok";
        case PlacementReason::NoFace: return "no-face";
        case PlacementReason::SeveralFaces: return "several-faces";
        case PlacementReason::Uncertain: return "uncertain";
    }
    return "uncertain";
}

Result<PlacementModel> PlacementModel::fromBundle(const std::uint8_t* data, std::size_t size) {
    auto bundle = parseCascadeBundle(data, size);
    if (!bundle) return bundle.error();
    PlacementModel model;
    model.cascades_ = std::move(bundle.value());
    const Cascade* face = findCascade(model.cascades_, "face");
    const Cascade* eye = findCascade(model.cascades_, "eye");
    if (!face || !eye) {
        return Error{ErrorCode::InvalidArgument, "the cascade bundle needs a 'face' and an 'eye' cascade"};
    }
    model.faceIndex_ = static_cast<std::size_t>(face - model.cascades_.data());
    model.eyeIndex_ = static_cast<std::size_t>(eye - model.cascades_.data());
    return model;
}

namespace {

// Like a practitioner on a narrow dome or a turned head: when a temple corner would sit
// within kCornerMarginMm of the head's silhouette (or off the head), the corners go
// down together (the line between them staying parallel to the eyes) by up to
// kMaxCornerDropMm, and a corner still too close moves in along that line; of all such
// placements, the one that moves the corners least.
constexpr double kCornerMarginMm = 4;
constexpr double kMaxCornerDropMm = 10;
constexpr double kMaxCornerShiftMm = 30;

struct CornerMoves {
    double loweredMm = 0;
    double movedInMm = 0;  // the larger of the two corners' moves inwards
};

CornerMoves keepCornersOnTheHead(const Image& photo, double pxPerMm, Handles& handles) {
    const auto frame = HeadFrame::fromHandles(handles, photo.width(), photo.height(), pxPerMm);
    if (!frame) return {};
    const HeadOutline outline = HeadOutline::find(photo, frame.value(), SkinModel::fromForehead(photo, frame.value()));
    const Vec2 left = frame.value().leftCornerMm();
    const Vec2 right = frame.value().rightCornerMm();
    // How far in a corner must move to sit on the head; -1: no such place.
    const auto shiftNeeded = [&outline](Vec2 corner) {
        const double inwards = corner.x < 0 ? 1 : -1;
        for (double shift = 0; shift <= kMaxCornerShiftMm && std::fabs(corner.x) > shift; shift += 1) {
            if (outline.insetMm({corner.x + inwards * shift, corner.y}) >= kCornerMarginMm) return shift;
        }
        return -1.0;
    };
    double bestCost = -1, bestDrop = 0, bestLeft = 0, bestRight = 0;
    for (double drop = 0; drop <= kMaxCornerDropMm; drop += 1) {
        const double shiftLeft = shiftNeeded(left - Vec2{0, drop});
        const double shiftRight = shiftNeeded(right - Vec2{0, drop});
        if (shiftLeft < 0 || shiftRight < 0) continue;
        // On a tie, the lower placement: it keeps the corners on the eye-corner lines
        // (the annotators, too, lowered first).
        const double cost = drop + shiftLeft + shiftRight;
        if (bestCost < 0 || cost <= bestCost) bestCost = cost, bestDrop = drop, bestLeft = shiftLeft, bestRight = shiftRight;
    }
    if (bestCost <= 0) return {};  // already on the head, or no place for them: left for the user
    handles.leftTemple = frame.value().toPhoto({left.x + bestLeft, left.y - bestDrop});
    handles.rightTemple = frame.value().toPhoto({right.x - bestRight, right.y - bestDrop});
    return {bestDrop, std::max(bestLeft, bestRight)};
}

}  // namespace

Result<PlacementProposal> proposePlacement(const Image& photo, const PlacementModel& model,
                                           const PlacementOptions& options) {
    if (auto bad = checkOptions(options)) return *bad;
    if (photo.empty()) return Error{ErrorCode::InvalidArgument, "no photo to place the handles on"};
    const GrayImage gray = toGray(photo);

    PlacementProposal proposal;
    proposal.faces = findFaces(gray, model.face(), options.detectionSide);
    if (proposal.faces.empty()) return proposal;  // NoFace
    if (options.faceIndex >= static_cast<int>(proposal.faces.size())) {
        return Error{ErrorCode::InvalidArgument, "face index " + std::to_string(options.faceIndex) + " but only " +
                                                     std::to_string(proposal.faces.size()) + " faces were found"};
    }
    proposal.faceIndex = std::max(options.faceIndex, 0);
    const PixelBox face = proposal.faces[static_cast<std::size_t>(proposal.faceIndex)];
    const FaceLandmarks& marks = proposal.landmarks = findLandmarks(gray, face, &model.eye());

    const double pupilPx = length(marks.rightPupil - marks.leftPupil);
    proposal.pxPerMm = pupilPx / kInterpupillaryMm;
    proposal.hairlineHeightMm = options.hairlineHeightMm > 0 ? options.hairlineHeightMm
                                : options.templateId == "rounded" ? kRoundedHairlineHeightMm
                                                                  : kDefaultHairlineHeightMm;
    const Vec2 up = marks.upAxis;
    const double midHeightPx = proposal.hairlineHeightMm * proposal.pxPerMm;
    const double cornerHeightPx = (proposal.hairlineHeightMm - options.templeDropMm) * proposal.pxPerMm;
    // A temple corner: on the line through the outer eye corner along `up`, at the
    // corner height measured from the glabella along `up`.
    auto temple = [&](Vec2 eyeCorner) {
        const double already = dot(eyeCorner - marks.glabella, up);
        return eyeCorner + (cornerHeightPx - already) * up;
    };
    proposal.handles = {temple(marks.leftEyeCorner), marks.glabella + midHeightPx * up, temple(marks.rightEyeCorner)};
    const CornerMoves moves = keepCornersOnTheHead(photo, proposal.pxPerMm, proposal.handles);
    proposal.templeLoweredMm = moves.loweredMm;
    proposal.templeMovedInMm = moves.movedInMm;

    // Confidence: halved for each eye placed from proportions, cut when the pupils'
    // distance does not fit the face's width, lowered a little without brows.
    const double pupilShare = pupilPx / (face.x1 - face.x0);
    const bool bothEyesSeen = marks.leftEyeDetected && marks.rightEyeDetected;
    const bool plausible = pupilShare >= kMinPupilsPerFaceWidth && pupilShare <= kMaxPupilsPerFaceWidth;
    double confidence = 1;
    if (!marks.leftEyeDetected) confidence *= 0.5;
    if (!marks.rightEyeDetected) confidence *= 0.5;
    if (!plausible) confidence *= 0.3;
    if (!marks.browsFound) confidence *= 0.9;
    if (proposal.faces.size() > 1 && options.faceIndex < 0) {
        proposal.reason = PlacementReason::SeveralFaces;
        confidence *= 0.5;
    } else {
        proposal.reason = bothEyesSeen && plausible ? PlacementReason::Ok : PlacementReason::Uncertain;
    }
    proposal.confidence = confidence;
    return proposal;
}

}  // namespace smp
