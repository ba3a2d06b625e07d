#include "cli_support.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace smp::cli {

const char* const kUsage =
    "usage: smp-preview info PHOTO\n"
    "       smp-preview convert PHOTO -o OUT.png|OUT.jpg [--max-side N] [--quality Q]\n"
    "       smp-preview render PHOTO -o OUT.png|OUT.jpg --handles x1,y1,x2,y2,x3,y3\n"
    "                   [--template NAME] [--shade N | --colour RRGGBB] [--density F]\n"
    "                   [--sessions N] [--day D] [--years Y] [--seed S] [--coverage MODE]\n"
    "                   [--transition MM] [--hairline-offset MM] [--scale PX_PER_MM]\n"
    "                   [--whorl cw|ccw] [--split F] [--max-side N] [--dump-dots dots.csv]\n"
    "       smp-preview place PHOTO [--cascades FILE] [--template NAME] [--height MM]\n"
    "                   [--face N] [--max-side N]\n"
    "  --max-side N  shrink so the longest side is at most N pixels (default: keep size)\n"
    "  --quality Q   JPEG quality 1-100 (default 92)\n"
    "  --handles     left temple corner, mid-frontal point, right temple corner, in pixels\n"
    "                of the upright photo at full size\n"
    "  --template    soft (default), sharp, straight, rounded, receded, widows-peak\n"
    "  --shade N     1 (black) to 5 (lightest), default 3\n"
    "  --density F   0.3-1.5 times the reference densities (default 1)\n"
    "  --sessions N  1-3 (default 3); --day D healing day 0-365 (default 28, healed)\n"
    "  --years Y     0-10 years of fading; --seed S 0-4294967295 (default 1)\n"
    "  --coverage    full (default), crown, density-fill\n"
    "  --split F     before/after divider at this fraction of the width (0-1)\n"
    "  place         proposes the handles and the scale from the face (JSON, full-size\n"
    "                pixels); --cascades: the bundle the build converts from opencv-data,\n"
    "                --height: mm above the glabella (default 70, rounded 55), --face N:\n"
    "                which of several faces (largest first); --max-side default 2048\n";

int usageError(const std::string& message) {
    std::fprintf(stderr, "smp-preview: %s\n%s", message.c_str(), kUsage);
    return kExitUsage;
}

int inputError(const Error& error) {
    std::fprintf(stderr, "smp-preview: error: %s\n", error.message.c_str());
    return kExitBadInput;
}

bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool parseInt(const std::string& text, int min, int max, int& out) {
    char* end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || value < min || value > max) return false;
    out = static_cast<int>(value);
    return true;
}

bool parseNumber(const std::string& text, double min, double max, double& out) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !std::isfinite(value) || value < min || value > max) return false;
    out = value;
    return true;
}

}  // namespace smp::cli
