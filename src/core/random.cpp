#include "random.h"

#include <cmath>

#include "det_math.h"

namespace smp {

double Random::normal() {
    if (hasSpare_) {
        hasSpare_ = false;
        return spare_;
    }
    const double u1 = 1.0 - uniform();  // (0, 1]: log stays finite
    const double angle = 2.0 * det::kPi * uniform();
    const double radius = std::sqrt(-2.0 * det::log(u1));
    spare_ = radius * det::sin(angle);
    hasSpare_ = true;
    return radius * det::cos(angle);
}

}  // namespace smp
