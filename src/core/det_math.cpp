#include "det_math.h"

#include <cmath>
#include <limits>

namespace smp::det {
namespace {

constexpr double kLn2 = 0.69314718055994530942;
constexpr double kHalfPi = kPi / 2;

// sin(r) for |r| <= pi/4 by its Taylor series (the 19th-order term is < 1e-21).
double sinKernel(double r) {
    const double r2 = r * r;
    double term = r;
    double sum = r;
    for (int k = 1; k <= 9; ++k) {
        term *= -r2 / static_cast<double>((2 * k) * (2 * k + 1));
        sum += term;
    }
    return sum;
}

double cosKernel(double r) {
    const double r2 = r * r;
    double term = 1.0;
    double sum = 1.0;
    for (int k = 1; k <= 9; ++k) {
        term *= -r2 / static_cast<double>((2 * k - 1) * (2 * k));
        sum += term;
    }
    return sum;
}

// atan(t) for 0 <= t <= tan(pi/12), by its alternating series.
double atanKernel(double t) {
    const double t2 = t * t;
    double power = t;
    double sum = t;
    for (int k = 1; k <= 14; ++k) {
        power *= -t2;
        sum += power / static_cast<double>(2 * k + 1);
    }
    return sum;
}

// sin or cos of x: reduce to the quadrant, then a kernel on [-pi/4, pi/4].
double sinCos(double x, bool wantCos) {
    if (!std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    const double quadrants = std::floor(x / kHalfPi + 0.5);
    const double r = x - quadrants * kHalfPi;
    long q = static_cast<long>(std::fmod(quadrants, 4.0));
    if (q < 0) q += 4;
    if (wantCos) q = (q + 1) % 4;
    switch (q) {
        case 0: return sinKernel(r);
        case 1: return cosKernel(r);
        case 2: return -sinKernel(r);
        default: return -cosKernel(r);
    }
}

}  // namespace

double exp(double x) {
    if (std::isnan(x)) return x;
    if (x > 700) x = 700;
    if (x < -700) x = -700;
    // x = k·ln2 + r with |r| <= ln2/2; e^r by Taylor (the 18th term is < 1e-19).
    const double k = std::floor(x / kLn2 + 0.5);
    const double r = x - k * kLn2;
    double term = 1.0;
    double sum = 1.0;
    for (int n = 1; n <= 17; ++n) {
        term *= r / static_cast<double>(n);
        sum += term;
    }
    return std::ldexp(sum, static_cast<int>(k));  // exact scaling by 2^k
}

double log(double x) {
    if (std::isnan(x) || x < 0) return std::numeric_limits<double>::quiet_NaN();
    if (x == 0) return -std::numeric_limits<double>::infinity();
    if (std::isinf(x)) return x;
    int exponent = 0;
    double m = std::frexp(x, &exponent);  // exact: x = m·2^e, m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2;
        exponent -= 1;
    }
    // log(m) = 2·atanh(s), s = (m−1)/(m+1), |s| < 0.172: the series converges fast.
    const double s = (m - 1) / (m + 1);
    const double s2 = s * s;
    double power = s;
    double sum = s;
    for (int k = 1; k <= 12; ++k) {
        power *= s2;
        sum += power / static_cast<double>(2 * k + 1);
    }
    return 2 * sum + static_cast<double>(exponent) * kLn2;
}

double pow(double base, double exponent) {
    if (base == 0) return exponent > 0 ? 0.0 : std::numeric_limits<double>::infinity();
    return exp(exponent * log(base));
}

double sin(double x) { return sinCos(x, false); }
double cos(double x) { return sinCos(x, true); }

double atan2(double y, double x) {
    if (std::isnan(x) || std::isnan(y)) return std::numeric_limits<double>::quiet_NaN();
    const double ax = std::fabs(x);
    const double ay = std::fabs(y);
    if (ax == 0 && ay == 0) return 0.0;
    // angle in [0, pi/2] of (ax, ay), via atan(t) with t <= 1, then tan(pi/12) reduction.
    const bool swapped = ay > ax;
    double t = swapped ? ax / ay : ay / ax;
    constexpr double kTanPi12 = 0.26794919243112270647;
    constexpr double kSqrt3 = 1.73205080756887729353;
    double offset = 0;
    if (t > kTanPi12) {
        t = (kSqrt3 * t - 1) / (kSqrt3 + t);  // atan(t) = pi/6 + atan(t')
        offset = kPi / 6;
    }
    double angle = offset + atanKernel(t);
    if (swapped) angle = kHalfPi - angle;
    if (x < 0) angle = kPi - angle;
    return y < 0 ? -angle : angle;
}

}  // namespace smp::det
