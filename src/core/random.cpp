#include "random.h"

#include <cmath>

#include "det_math.h"

namespace smp {

double Random::normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double u2 = uniform();
    return std::sqrt(-2.0 * det::log(u1)) * det::cos(2.0 * det::kPi * u2);
}

}  // namespace smp
