// Where the dots go, per photo pixel: the area behind the hairline (or the crown, or
// the user's patch), within the estimated scalp, plus brush additions, minus brush
// erasures, with a soft edge. Pixels where coverage is 0 are never changed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "hairline.h"
#include "hairline_templates.h"
#include "head_frame.h"
#include "image.h"
#include "result.h"

namespace smp {

enum class Coverage {
    FullScalp,    // shaved look: the whole scalp behind the hairline
    CrownOnly,    // a round area at the crown
    DensityFill,  // between thinning hair: lighter, sparser, over hair as well as skin
    Patch,        // only where the user painted (scar or birthmark cover)
};
const char* coverageName(Coverage coverage);  // "full", "crown", "density-fill", "patch"
Result<Coverage> parseCoverage(const std::string& name);

// A round dab of the brush in photo pixels; erase=false adds area.
struct BrushStroke {
    Vec2 centrePx;
    double radiusPx;
    bool erase;
};

struct TreatmentMask {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> coverage;  // 0–255, multiplies the ink
    PixelBox bounds;                     // where coverage > 0
    // 0–255 where the area is treated whatever the hairline's ramp says: brush additions
    // and the temporal stubble down the sides; empty if none. Kept on the mask's lattice
    // (a point every latticeStep pixels from latticeArea's corner, latticeCols a row)
    // and interpolated on demand: it is only read where dots are sampled.
    std::vector<std::uint8_t> hairlineFree;
    PixelBox latticeArea;
    int latticeStep = 1;
    int latticeCols = 0;

    double coverageAt(int x, int y) const {
        return coverage[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)] / 255.0;
    }
    double hairlineFreeAt(int x, int y) const;
};

// Soft edge width of the treated area, in mm.
constexpr double kMaskEdgeMm = 1.5;
// The crown area of CrownOnly coverage.
constexpr double kCrownPatchRadiusMm = 55;

// Fills `mask` (reusing its memory: no page faults on every handle move).
void buildTreatmentMask(const Image& photo, const HeadFrame& frame, const Hairline& hairline,
                        const HairlineTemplate& style, Coverage coverage, const std::vector<BrushStroke>& brush,
                        TreatmentMask& mask);
inline TreatmentMask buildTreatmentMask(const Image& photo, const HeadFrame& frame, const Hairline& hairline,
                                        const HairlineTemplate& style, Coverage coverage,
                                        const std::vector<BrushStroke>& brush) {
    TreatmentMask mask;
    buildTreatmentMask(photo, frame, hairline, style, coverage, brush, mask);
    return mask;
}

}  // namespace smp
