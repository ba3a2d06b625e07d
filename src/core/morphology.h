// Grey-level morphology on a plane of bytes.
#pragma once

#include <cstdint>
#include <vector>

namespace smp {

// Opening (minimum then maximum over a (2·radius+1)² square): removes bright parts
// narrower than the square (spurs, specks) and keeps wider ones as they were.
void openPlane(std::vector<std::uint8_t>& plane, int cols, int rows, int radius);

// Grows `plane` back into `limit` (plane ≤ limit) by `steps` points: each step a 3×3
// maximum, capped by limit. After an opening it restores the tips of wide parts while
// longer spurs stay cut and detached specks stay gone.
void regrowPlane(std::vector<std::uint8_t>& plane, const std::vector<std::uint8_t>& limit, int cols, int rows, int steps);

}  // namespace smp
