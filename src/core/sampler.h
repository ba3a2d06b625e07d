// The sampler: lays the ranked blue-noise tile over the head frame and keeps point i of
// each tile copy where i < density(x)·tileArea. Each point becomes a candidate with a
// key = rank / (density·area): the dots for a density multiplier m are exactly the
// candidates with key < m, so a density change is a binary search, raising it only adds
// dots, and no dot ever moves. Every attribute comes from (seed, tile copy, rank), so
// the same inputs give the same dots in any order, native or WASM.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "fields.h"
#include "hairline.h"
#include "hairline_templates.h"
#include "head_frame.h"
#include "treatment_mask.h"

namespace smp {

// The user's density multiplier range (1 = the reference densities).
constexpr double kMinDensityMultiplier = 0.3;
constexpr double kMaxDensityMultiplier = 1.5;

struct DotCandidate {
    float key;                 // kept while key < density multiplier
    float xPx, yPx;            // centre on the photo
    float dirX, dirY;          // unit growth direction on the photo (long axis)
    float diameterMm;          // healed apparent diameter
    float aspect;              // long/short axis, 1.0–1.3
    float depthMm;             // pigment depth, 0.08–0.6
    float strength;            // ink strength jitter × transition lightening
    float hairlineDistanceMm;  // behind the hairline (for the first session's higher line)
    std::int8_t coreZone;      // zone index where the density is exactly the zone's, else -1
    std::uint64_t id;          // (rank, tile copy): a total order for equal keys
};

struct SamplingInputs {
    const HeadFrame& frame;
    const Hairline& hairline;
    const ScalpFields& fields;
    const TreatmentMask& mask;
    const HairlineTemplate& style;
    Coverage coverage;
    double transitionMm;
    std::uint64_t seed;
};

struct CandidateSet {
    std::vector<DotCandidate> candidates;  // sorted by (key, id)
    // Density the candidates were keyed for, per zone (dots/cm² at multiplier 1).
    std::array<double, kZoneCount> zoneDensity{};
};

// How much lighter and sparser "density fill" is than a full shaved look.
constexpr double kDensityFillDensityScale = 0.55;
constexpr double kDensityFillStrengthScale = 0.7;

CandidateSet sampleCandidates(const SamplingInputs& in);

// Area (cm²) where each zone's density is exact (no blend, ramp or soft edge), measured
// on a 0.5 mm lattice of the head frame, independently of the tile. For statistics.
std::array<double, kZoneCount> measureCoreAreas(const SamplingInputs& in);

// Number of candidates kept at this multiplier (a prefix of the sorted set).
std::size_t keptCount(const CandidateSet& set, double densityMultiplier);

}  // namespace smp
