// The head's silhouette in a front view, found from the handles: the strongest closed
// colour edge around the top of the head with skin inside it, by dynamic programming
// over rays cast from the forehead. It keeps dots off the background whatever the background's colour
// (a skin-coloured wall passes every colour test; only its edge against the head
// tells it apart).
#pragma once

#include <vector>

#include "head_frame.h"
#include "image.h"
#include "scalp_estimate.h"

namespace smp {

class HeadOutline {
public:
    HeadOutline() = default;
    // `skin`: the forehead's colour (SkinModel::fromForehead); the outline prefers edges
    // where skin ends.
    static HeadOutline find(const Image& photo, const HeadFrame& frame, const SkinModel& skin);

    // 1 inside the outline, 0 outside, a smooth edge of edgeMm centred edgeInsetMm inside
    // it. Open (1) along rays where no silhouette was seen.
    double weight(Vec2 mm, double edgeMm, double edgeInsetMm = 0) const;
    // The same for a point `insetMm` inside the outline (what insetMm() gave for it).
    static double weightAtInset(double insetMm, double edgeMm, double edgeInsetMm = 0);
    // How far inside the outline mm lies along its ray (negative outside, or below the
    // fan of rays; very large where the ray saw no silhouette).
    double insetMm(Vec2 mm) const;
    // The outline in frame mm, from the lowest ray on the left over the top to the right
    // (open rays left out).
    std::vector<Vec2> polyline() const;

private:
    double radiusAt(double angleDeg) const;

    Vec2 centreMm_;
    std::vector<double> radiusMm_;  // one per ray, kRayStepDeg apart from kFirstRayDeg
};

}  // namespace smp
