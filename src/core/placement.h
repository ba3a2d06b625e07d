// Automatic placement (issue #6): finds the face in a front photo and proposes the three
// handles and the scale by the reference rule (smp-reference.md, "Hairline"):
//   - scale from the pupils, 63 mm apart on an average adult;
//   - mid-frontal point at the hairline height above the glabella along the face's
//     vertical axis (⊥ the pupil line): 70 mm, 55 mm for the 'rounded' style;
//   - temple corners on the lines through the outer eye corners parallel to that axis,
//     a few mm (5) below the mid-frontal point's height; lower (by up to 10 mm), or
//     else further in, where that would put them within 4 mm of the head's silhouette
//     (a narrow dome, a turned head).
// The user corrects the proposal; `reason` says when not to trust it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cascade_model.h"
#include "face_landmarks.h"
#include "head_frame.h"
#include "image.h"
#include "result.h"

namespace smp {

constexpr double kInterpupillaryMm = 63.0;
constexpr double kDefaultHairlineHeightMm = 70.0;
constexpr double kRoundedHairlineHeightMm = 55.0;

struct PlacementOptions {
    std::string templateId = "soft";  // 'rounded' lowers the default height to 55 mm
    double hairlineHeightMm = 0;      // above the glabella, 30–120; 0: by the template
    double templeDropMm = kDefaultTempleDropMm;  // corners below the mid-front height, 0–30
    int faceIndex = -1;               // which of several faces (largest first); -1: ask
    int detectionSide = 512;          // longest side the face search runs at, 128–2048
};

enum class PlacementReason {
    Ok,            // one face (or the chosen one), both eyes found, pupils fit the face
    NoFace,        // nothing to place: manual handles
    SeveralFaces,  // `faces` lists them; handles are for the largest (or faceIndex)
    Uncertain,     // an eye placed from proportions, or a pupil distance unlike a face's
};
const char* placementReasonName(PlacementReason reason);  // "ok", "no-face", ...

struct PlacementProposal {
    PlacementReason reason = PlacementReason::NoFace;
    double confidence = 0;         // 0–1: 1 when nothing was guessed; 0 with no face
    std::vector<PixelBox> faces;   // every face found, largest first
    int faceIndex = -1;            // the face the handles belong to; -1 with no face
    Handles handles;               // photo pixels (valid unless NoFace)
    double pxPerMm = 0;            // from the pupils
    double hairlineHeightMm = 0;   // what was used
    double templeLoweredMm = 0;    // how far both temple corners went down to stay on the head
    double templeMovedInMm = 0;    // or how far one moved in along the corner line (the larger move)
    FaceLandmarks landmarks;
};

// The cascades are parsed once and reused across photos.
class PlacementModel {
public:
    static Result<PlacementModel> fromBundle(const std::uint8_t* data, std::size_t size);
    const Cascade& face() const { return cascades_[faceIndex_]; }
    const Cascade& eye() const { return cascades_[eyeIndex_]; }

private:
    std::vector<Cascade> cascades_;
    std::size_t faceIndex_ = 0;
    std::size_t eyeIndex_ = 0;
};

// photo: the upright working image (sRGB RGBA). Fails only on bad options or an empty
// photo; "no face" is a proposal with reason NoFace.
Result<PlacementProposal> proposePlacement(const Image& photo, const PlacementModel& model,
                                           const PlacementOptions& options = {});

}  // namespace smp
