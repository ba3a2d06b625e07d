// Boosted cascade classifiers (Viola–Jones) as trained by OpenCV: LBP or upright Haar
// features, stages of decision stumps. The model comes from Debian's opencv-data XML,
// converted at build time by tools/convert-cascade.mjs into a small binary bundle
// (layout described there); the core parses that bundle from bytes and reads no file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "result.h"

namespace smp {

enum class FeatureType { Lbp, Haar };

// LBP: a 3×3 grid of cells, each w×h, its top-left cell at (x, y) in the window.
struct LbpFeature {
    int x = 0, y = 0, w = 0, h = 0;
};

// Haar: weighted sum of up to three rectangles of the window.
struct HaarRect {
    int x = 0, y = 0, w = 0, h = 0;
    float weight = 0;
};
struct HaarFeature {
    std::array<HaarRect, 3> rects{};
    int count = 0;
};

// One decision stump: the left leaf when the feature falls in the subset (LBP: its
// 8-bit code is a member of the 256-bit category set; Haar: its normalised value is
// below the threshold), else the right leaf.
struct Stump {
    int feature = 0;
    std::array<std::uint32_t, 8> subset{};  // LBP
    float threshold = 0;                    // Haar
    float left = 0;
    float right = 0;
};

struct CascadeStage {
    float threshold = 0;  // a window passes when the sum of its stumps reaches this
    std::vector<Stump> stumps;
};

struct Cascade {
    std::string name;
    FeatureType type = FeatureType::Lbp;
    int windowWidth = 0;
    int windowHeight = 0;
    std::vector<LbpFeature> lbpFeatures;
    std::vector<HaarFeature> haarFeatures;
    std::vector<CascadeStage> stages;
};

// Parses a bundle; every cascade in it, in order. Fails with a message on a wrong
// signature, truncated data or values out of range (a feature outside its window).
Result<std::vector<Cascade>> parseCascadeBundle(const std::uint8_t* data, std::size_t size);

// The cascade with this name, or nullptr.
const Cascade* findCascade(const std::vector<Cascade>& bundle, const std::string& name);

}  // namespace smp
