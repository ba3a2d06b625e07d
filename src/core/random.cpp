#include "random.h"

#include <array>
#include <cmath>

#include "det_math.h"

namespace smp {

namespace {

// Acklam's rational approximation of the normal quantile (relative error < 1.2e-9),
// built from deterministic log and sqrt only.
double normalQuantile(double p) {
    constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                            6.680131188771972e+01, -1.328068155288572e+01};
    constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                            3.754408661907416e+00};
    constexpr double kLow = 0.02425;
    if (p < kLow || p > 1 - kLow) {
        const double q = std::sqrt(-2 * det::log(p < kLow ? p : 1 - p));
        const double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
                         ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        return p < kLow ? x : -x;
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

constexpr int kQuantileSteps = 4096;

// table[i] = quantile((i + 0.5) / steps): the centre of each of 4096 equal-probability
// bins, so the table's mean is 0 and its tails end at ±3.7σ.
const std::array<double, kQuantileSteps>& quantileTable() {
    static const std::array<double, kQuantileSteps> kTable = [] {
        std::array<double, kQuantileSteps> t{};
        for (int i = 0; i < kQuantileSteps; ++i) {
            t[static_cast<std::size_t>(i)] = normalQuantile((i + 0.5) / kQuantileSteps);
        }
        return t;
    }();
    return kTable;
}

}  // namespace

double Random::normal() {
    const auto& table = quantileTable();
    const double position = uniform() * kQuantileSteps - 0.5;
    if (position <= 0) return table.front();
    const auto i = static_cast<std::size_t>(position);
    if (i + 1 >= table.size()) return table.back();
    const double f = position - static_cast<double>(i);
    return table[i] + f * (table[i + 1] - table[i]);
}

}  // namespace smp
