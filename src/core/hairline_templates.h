// Hairline styles as data: each is a curve in head-frame millimetres plus the numbers
// that make it look like that style. Adding a style means adding a table row, not code.
#pragma once

#include <string>
#include <vector>

namespace smp {

// One point of a style's curve, from the mid-frontal point (t = 0) to a temple corner
// (t = 1). The hairline's height there is rise·(corner height) + offsetMm, in the head
// frame (up = towards the crown), so the curve always passes through the three handles.
struct ShapePoint {
    double t;
    double rise;
    double offsetMm;
};

struct HairlineTemplate {
    std::string id;     // stable name for the CLI, URLs and JS ("soft", "sharp", ...)
    std::string label;  // for people
    std::vector<ShapePoint> shape;  // t ascending from 0 to 1, symmetric left/right
    double sideSlope;       // beyond the corners the line falls this many mm per mm outwards
    double transitionMm;    // width of the density ramp behind the line (5–15)
    double fineJitterMm;    // ± small-scale irregularity (wavelength ~2.5 mm)
    double broadJitterMm;   // ± waviness (wavelength ~22 mm)
    double frontFeatherMm;  // sparse stray dots this far in front of the line (soft styles)
    double densityScale;    // multiplies the zone densities
};

const std::vector<HairlineTemplate>& hairlineTemplates();
// nullptr when no style has this id.
const HairlineTemplate* findHairlineTemplate(const std::string& id);
// "soft, sharp, ..." for error messages and --help.
std::string hairlineTemplateIds();

}  // namespace smp
