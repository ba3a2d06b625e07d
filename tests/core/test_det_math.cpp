// det_math and Random: the deterministic building blocks must agree with the C library
// to far below anything a render can show, and the random streams must be reproducible
// and have the distributions they claim.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "det_math.h"
#include "random.h"

namespace smp {
namespace {

constexpr double kPi = 3.14159265358979323846;

double relativeError(double got, double want) {
    if (got == want) return 0;
    return std::fabs(got - want) / std::fmax(std::fabs(want), 1e-300);
}

// Evenly spread samples over [lo, hi], both ends included.
std::vector<double> sweep(double lo, double hi, int count) {
    std::vector<double> xs;
    for (int i = 0; i < count; ++i) xs.push_back(lo + (hi - lo) * i / (count - 1));
    return xs;
}

TEST(DetMath, ExpMatchesStdOverItsRange) {
    double worst = 0;
    for (double x : sweep(-700, 700, 20001)) worst = std::fmax(worst, relativeError(det::exp(x), std::exp(x)));
    for (double x : sweep(-1, 1, 2001)) worst = std::fmax(worst, relativeError(det::exp(x), std::exp(x)));
    // |x|·ε ≈ 8e-14 is the best any reduction without extra precision can do at ±700.
    EXPECT_LT(worst, 1e-13);
    EXPECT_EQ(det::exp(0), 1.0);
    EXPECT_TRUE(std::isnan(det::exp(NAN)));
    EXPECT_EQ(det::exp(800), det::exp(700));  // documented clamp
}

TEST(DetMath, LogMatchesStd) {
    double worst = 0;
    for (double e : sweep(-300, 300, 6001)) {
        const double x = std::pow(10.0, e);
        worst = std::fmax(worst, relativeError(det::log(x), std::log(x)));
    }
    // Near 1 the result is near 0: relative accuracy is the hard case.
    for (double x : sweep(0.5, 2, 3001)) {
        if (x == 1) continue;
        worst = std::fmax(worst, relativeError(det::log(x), std::log(x)));
    }
    EXPECT_LT(worst, 1e-13);
    EXPECT_EQ(det::log(1), 0.0);
    EXPECT_EQ(det::log(0), -INFINITY);
    EXPECT_TRUE(std::isnan(det::log(-1)));
}

TEST(DetMath, SinCosMatchStd) {
    // |sin| ≤ 1, so absolute error is the meaningful measure near the zeros.
    double worst = 0;
    for (double x : sweep(-50, 50, 100001)) {
        worst = std::fmax(worst, std::fabs(det::sin(x) - std::sin(x)));
        worst = std::fmax(worst, std::fabs(det::cos(x) - std::cos(x)));
    }
    EXPECT_LT(worst, 1e-13);
    // Away from the zeros, relative accuracy too.
    double worstRelative = 0;
    for (double x : sweep(0.05, 3.09, 5001)) worstRelative = std::fmax(worstRelative, relativeError(det::sin(x), std::sin(x)));
    for (double x : sweep(-1.52, 1.52, 5001)) worstRelative = std::fmax(worstRelative, relativeError(det::cos(x), std::cos(x)));
    EXPECT_LT(worstRelative, 1e-13);
    EXPECT_EQ(det::sin(0), 0.0);
    EXPECT_EQ(det::cos(0), 1.0);
}

TEST(DetMath, Atan2MatchesStdInEveryQuadrant) {
    double worst = 0;
    for (double angle : sweep(-kPi + 1e-9, kPi, 7201)) {
        for (double r : {1e-3, 1.0, 37.5, 1e6}) {
            const double y = r * std::sin(angle);
            const double x = r * std::cos(angle);
            const double got = det::atan2(y, x);
            EXPECT_GT(got, -kPi);
            EXPECT_LE(got, kPi);
            worst = std::fmax(worst, relativeError(got, std::atan2(y, x)));
        }
    }
    EXPECT_LT(worst, 1e-13);
    EXPECT_NEAR(det::atan2(1, 1), kPi / 4, 1e-15);
    EXPECT_NEAR(det::atan2(1, -1), 3 * kPi / 4, 1e-15);
    EXPECT_NEAR(det::atan2(-1, -1), -3 * kPi / 4, 1e-15);
    EXPECT_NEAR(det::atan2(-1, 1), -kPi / 4, 1e-15);
    EXPECT_NEAR(det::atan2(1, 0), kPi / 2, 1e-15);
    EXPECT_NEAR(det::atan2(-1, 0), -kPi / 2, 1e-15);
    EXPECT_NEAR(det::atan2(0, -1), kPi, 1e-15);  // (−π, π]: the negative x axis is +π
    EXPECT_EQ(det::atan2(0, 1), 0.0);
    EXPECT_EQ(det::atan2(0, 0), 0.0);
}

TEST(DetMath, PowMatchesStd) {
    double worst = 0;
    for (double base : sweep(0.01, 100, 501)) {
        for (double exponent : sweep(-5, 5, 41)) {
            worst = std::fmax(worst, relativeError(det::pow(base, exponent), std::pow(base, exponent)));
        }
    }
    // The sRGB curve's own exponents.
    for (double base : sweep(0.001, 1, 1000)) {
        worst = std::fmax(worst, relativeError(det::pow(base, 2.4), std::pow(base, 2.4)));
        worst = std::fmax(worst, relativeError(det::pow(base, 1 / 2.4), std::pow(base, 1 / 2.4)));
    }
    EXPECT_LT(worst, 1e-13);
    EXPECT_EQ(det::pow(0, 2), 0.0);
}

TEST(Random, SameKeySameStreamDifferentKeyDifferentStream) {
    Random a(42), b(42), c(43);
    bool anyDifferent = false;
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t va = a.next();
        EXPECT_EQ(va, b.next());
        anyDifferent = anyDifferent || va != c.next();
    }
    EXPECT_TRUE(anyDifferent);
    // A fixed value pins the generator: native and WASM must produce these same bits.
    EXPECT_EQ(Random(0).next(), mix64(0x9E3779B97F4A7C15ull));
}

TEST(Random, UniformStaysInItsRange) {
    Random random(7);
    double lo = 1, hi = 0, sum = 0;
    constexpr int kDraws = 100000;
    for (int i = 0; i < kDraws; ++i) {
        const double u = random.uniform();
        lo = std::fmin(lo, u);
        hi = std::fmax(hi, u);
        sum += u;
        const double v = random.uniform(-3, 5);
        ASSERT_GE(v, -3);
        ASSERT_LT(v, 5);
    }
    EXPECT_GE(lo, 0.0);
    EXPECT_LT(hi, 1.0);
    EXPECT_LT(lo, 1e-3);
    EXPECT_GT(hi, 1 - 1e-3);
    EXPECT_NEAR(sum / kDraws, 0.5, 0.005);  // sd of the mean 0.0009
}

TEST(Random, NormalHasMeanZeroAndUnitSpread) {
    Random random(2024);
    constexpr int kDraws = 100000;
    double sum = 0, sumSquares = 0;
    int withinOneSigma = 0;
    for (int i = 0; i < kDraws; ++i) {
        const double z = random.normal();
        ASSERT_TRUE(std::isfinite(z));
        sum += z;
        sumSquares += z * z;
        if (std::fabs(z) < 1) ++withinOneSigma;
    }
    const double mean = sum / kDraws;
    const double sd = std::sqrt(sumSquares / kDraws - mean * mean);
    // Standard errors over 100k draws: mean 0.0032, sd 0.0022, the 68% share 0.0015.
    EXPECT_NEAR(mean, 0.0, 0.015);
    EXPECT_NEAR(sd, 1.0, 0.01);
    EXPECT_NEAR(static_cast<double>(withinOneSigma) / kDraws, 0.6827, 0.008);
}

}  // namespace
}  // namespace smp
