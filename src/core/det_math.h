// Transcendental functions built only from + − × ÷ and sqrt, which IEEE 754 rounds
// exactly everywhere. glibc and Emscripten's musl round exp/log/sin differently in the
// last bit, and one bit is enough to move a dot or flip a pixel: everything that decides
// the simulator's output calls these instead, so native and WASM give the same bytes.
// Accuracy is about 1e-15 relative, far below what a render can show.
#pragma once

namespace smp::det {

constexpr double kPi = 3.14159265358979323846;

double exp(double x);          // x in [-700, 700]; clamps outside
double log(double x);          // x > 0; returns -inf for 0, NaN for negatives
double pow(double base, double exponent);  // base > 0
double sin(double x);
double cos(double x);
double atan2(double y, double x);  // radians in (-pi, pi]

}  // namespace smp::det
