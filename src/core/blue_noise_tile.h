// One precomputed, progressively ordered blue-noise tile (toroidal: copies fit edge to
// edge). Every prefix of its points is itself evenly spread, so "keep point i where
// i < density × area" gives blue noise at any density, and raising the density only
// adds points. Built once by Mitchell's best-candidate algorithm from a fixed seed.
#pragma once

#include <cstdint>
#include <vector>

#include "head_frame.h"

namespace smp {

class BlueNoiseTile {
public:
    // The tile the sampler uses: 40 mm square, 2600 points (up to 162 dots/cm²).
    static const BlueNoiseTile& standard();
    // candidatesPerPoint: more gives a more even spread and costs more time.
    static BlueNoiseTile generate(int pointCount, double sideMm, std::uint64_t seed,
                                  int candidatesPerPoint);

    double sideMm() const { return sideMm_; }
    double areaCm2() const { return sideMm_ * sideMm_ / 100; }
    // Points in rank order, coordinates in [0, side) mm.
    const std::vector<Vec2>& points() const { return points_; }
    // The highest density (dots/cm²) the tile can deliver.
    double maxDensity() const { return static_cast<double>(points_.size()) / areaCm2(); }

private:
    double sideMm_ = 0;
    std::vector<Vec2> points_;
};

}  // namespace smp
