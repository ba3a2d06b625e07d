// Shared by the placement tests: the cascade bundle the build converts from opencv-data
// (SMP_CASCADES_FILE) and the hand-made ground truth (tests/placement/annotations.json).
#pragma once

#include <string>

#include "mini_json.h"
#include "placement.h"
#include "support/test_images.h"

namespace smp::test {

Bytes readFile(const std::string& path);  // throws std::runtime_error when unreadable
const Bytes& cascadeBundle();
const PlacementModel& placementModel();   // parsed once
const Json& placementAnnotations();       // the "photos" object

}  // namespace smp::test
