// Drawing: each dot is splatted as an elliptical Gaussian (a sharp core and a faint halo
// three times as wide) into three ink planes, one per colour channel, with the depth's
// per-channel darkening already applied. Then one pass multiplies the photo in linear
// light: out = photo × (1 − pigment·ink·coverage).
#pragma once

#include <cstdint>
#include <vector>

#include "image.h"
#include "optics.h"
#include "sampler.h"
#include "treatment_mask.h"

namespace smp {

// Ink planes covering only a region of the photo (the treated area): a 12 MP export
// then needs a fraction of 3 × 48 MB.
class InkLayer {
public:
    // Sizes the planes for this region of the photo and clears them.
    void reset(const PixelBox& region);
    // Zeroes what the last splat touched.
    void clear();
    const PixelBox& region() const { return region_; }
    const PixelBox& bounds() const { return bounds_; }  // where any ink is, photo pixels
    // Index of photo pixel (x, y), which must lie in region().
    std::size_t index(int x, int y) const {
        return static_cast<std::size_t>(y - region_.y0) * static_cast<std::size_t>(region_.x1 - region_.x0) +
               static_cast<std::size_t>(x - region_.x0);
    }
    const float* plane(int channel) const { return planes_[static_cast<std::size_t>(channel)].data(); }
    float* plane(int channel) { return planes_[static_cast<std::size_t>(channel)].data(); }
    void include(const PixelBox& box);

private:
    PixelBox region_;
    std::vector<float> planes_[3];
    PixelBox bounds_;
};

struct SplatSettings {
    double pxPerMm;
    HealingState healing;
    Fading fading;
    int sessionsShown;  // 1–3
};

// Splats dots [0, count) of the set; sessions[i] is dot i's session (0 = not shown).
void splatDots(const CandidateSet& set, std::size_t count, const std::vector<std::uint8_t>& sessions,
               const SplatSettings& settings, InkLayer& ink);

struct CompositeSettings {
    Pigment pigment;
    double redness;  // healing flush of the treated skin
    int splitX;      // before/after: columns left of this show the photo untouched; -1 off
};

// Writes the result into `out` (same size as the photo). `out` must hold the photo
// everywhere outside `written`, the area the previous call changed (empty for a fresh
// copy of the photo); only that area and the new one are rewritten, and `written`
// becomes the new area.
void composite(const Image& photo, const InkLayer& ink, const TreatmentMask& mask,
               const CompositeSettings& settings, Image& out, PixelBox& written);

}  // namespace smp
