#include "dots_csv.h"

#include <cstdio>

namespace smp {

std::string formatDotsCsv(const std::vector<DotRecord>& dots) {
    std::string csv = "x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session\n";
    csv.reserve(csv.size() + dots.size() * 48);
    char line[160];
    for (const DotRecord& d : dots) {
        std::snprintf(line, sizeof line, "%.2f,%.2f,%.4f,%.1f,%.4f,%.3f,%d\n", d.xPx, d.yPx, d.diameterMm,
                      d.angleDeg, d.depthMm, d.strength, d.session);
        csv += line;
    }
    return csv;
}

}  // namespace smp
