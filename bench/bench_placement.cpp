// Automatic placement (proposePlacement) on every fixture photo at the app's 2048 px
// working size: median of 7 runs after one warm-up, decoding not timed.
//
//   bench_placement FIXTURES_DIR [CASCADES]   (default: the build's smp_cascades.bin)
//
// Prints one tab-separated row per photo: key, label, median ms, like bench_smp, so the
// native and WASM (Node) runs can be joined. Speed never fails the program; setup errors
// (missing photo or bundle) exit with 2.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "photo.h"
#include "placement.h"

namespace {

constexpr int kRuns = 7;

const char* const kPhotos[] = {
    "reisman_shaved_front.jpg",      "poindexter_norwood6_front.jpg", "satcher_shaved_darkskin_front.jpg",
    "creamer_receding_front.jpg",    "biden_receding_white_front.jpg", "collins_fullhair_control.png",
    "parmitano_shaved_beard_busy.jpg", "walz_glasses_receding.jpg",
};

[[noreturn]] void fail(const std::string& what, const std::string& message) {
    std::fprintf(stderr, "bench_placement: %s: %s\n", what.c_str(), message.c_str());
    std::exit(2);
}

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) fail(path, "cannot read");
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_placement FIXTURES_DIR [CASCADES]\n");
        return 1;
    }
    const std::string fixtures = argv[1];
    const std::vector<std::uint8_t> bundle = readFile(argc > 2 ? argv[2] : SMP_CASCADES_FILE);
    auto model = smp::PlacementModel::fromBundle(bundle.data(), bundle.size());
    if (!model) fail("cascades", model.error().message);
    for (const char* name : kPhotos) {
        const std::vector<std::uint8_t> bytes = readFile(fixtures + "/" + name);
        auto photo = smp::decodePhoto(bytes.data(), bytes.size());
        if (!photo) fail(name, photo.error().message);
        const smp::Image& image = photo.value().image;
        std::vector<double> times;
        std::string reason;
        for (int run = 0; run <= kRuns; ++run) {
            const auto start = std::chrono::steady_clock::now();
            auto proposal = smp::proposePlacement(image, model.value());
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            if (!proposal) fail(name, proposal.error().message);
            reason = smp::placementReasonName(proposal.value().reason);
            if (run > 0) times.push_back(ms);
        }
        std::sort(times.begin(), times.end());
        char label[160];
        std::snprintf(label, sizeof label, "placement %s %.1f MP (%d×%d): %s", name,
                      image.width() * static_cast<double>(image.height()) / 1e6, image.width(), image.height(),
                      reason.c_str());
        std::printf("place_%s\t%s\t%.2f\n", name, label, times[times.size() / 2]);
        std::fflush(stdout);
    }
    return 0;
}
