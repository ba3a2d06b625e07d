// smp-preview place: proposes the three handles and the scale for a photo (automatic
// placement) and prints them as JSON, in pixels of the upright full-size photo.
#pragma once

#include <string>
#include <vector>

namespace smp::cli {

int runPlace(const std::vector<std::string>& args);

}  // namespace smp::cli
