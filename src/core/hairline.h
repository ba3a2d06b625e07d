// The hairline on one head: a style's curve through the three handles, moved by the
// user's height offset and made irregular (fine jitter + broad waviness) from the seed.
// Answers "how far behind the hairline is this point", in mm, in O(1).
#pragma once

#include <cstdint>
#include <vector>

#include "hairline_templates.h"
#include "head_frame.h"

namespace smp {

class Hairline {
public:
    Hairline() = default;
    // heightOffsetMm > 0 moves the whole line up, towards the crown.
    Hairline(const HeadFrame& frame, const HairlineTemplate& style, double heightOffsetMm,
             std::uint64_t seed);

    // Height of the line (frame y, mm) at frame x.
    double heightAt(double xMm) const;
    // Approximate signed distance from the line in mm: positive behind it (the treated
    // side), negative in front of it (forehead, face).
    double distanceBehind(Vec2 mm) const;
    // Points along the line in frame mm, for drawing it (left to right).
    std::vector<Vec2> polyline() const;

private:
    // Linear interpolation in a table sampled every kStepMm across the head.
    double interpolate(const std::vector<double>& table, double xMm) const;

    std::vector<double> height_;
    std::vector<double> inverseSlopeNorm_;  // 1/√(1 + h′²): turns a vertical gap into a distance
};

}  // namespace smp
