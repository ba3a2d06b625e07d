// Deterministic random numbers: a counter-based hash (SplitMix64), so any dot's
// attributes come from (seed, where it is) alone, in any order, native or WASM.
#pragma once

#include <cstdint>

namespace smp {

inline std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

inline std::uint64_t hashCombine(std::uint64_t a, std::uint64_t b) {
    return mix64(a ^ (b + 0x632BE59BD9B4E019ull + (a << 6) + (a >> 2)));
}

// A stream of numbers from one 64-bit key.
class Random {
public:
    explicit Random(std::uint64_t key) : state_(key) {}

    std::uint64_t next() {
        state_ += 0x9E3779B97F4A7C15ull;
        return mix64(state_);
    }
    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Standard normal, by the inverse of its distribution function from a table (4096
    // steps, interpolated; tails cut at ±3.7σ): one uniform and a lookup, no log or cos.
    double normal();

private:
    std::uint64_t state_;
};

}  // namespace smp
