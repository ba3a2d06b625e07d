// The drawn dots as CSV, one per line after a header:
//   x_px,y_px,diameter_mm,angle_deg,depth_mm,strength,session
// angle_deg is the long axis on the photo, degrees clockwise from +x (y points down).
#pragma once

#include <string>
#include <vector>

#include "simulator.h"

namespace smp {

std::string formatDotsCsv(const std::vector<DotRecord>& dots);

}  // namespace smp
