// Decode + orient + resize to the working size (2048) of each photo given on the
// command line: median of several runs, in ms per photo and full-size MP/s.
// Prints one tab-separated row per photo: name, megapixels, ms, MP/s.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "photo.h"

namespace {

constexpr int kRuns = 7;

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

std::string baseName(const std::string& path) {
    return path.substr(path.find_last_of('/') + 1);
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::vector<std::uint8_t> bytes = readFile(argv[i]);
        std::vector<double> times;
        double megapixels = 0;
        for (int run = 0; run <= kRuns; ++run) {  // run 0 warms up
            const auto start = std::chrono::steady_clock::now();
            auto photo = smp::decodePhoto(bytes.data(), bytes.size());
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - start;
            if (!photo) {
                std::fprintf(stderr, "%s: %s\n", argv[i], photo.error().message.c_str());
                return 2;
            }
            megapixels = photo.value().info.width * static_cast<double>(photo.value().info.height) / 1e6;
            if (run > 0) times.push_back(took.count());
        }
        std::nth_element(times.begin(), times.begin() + kRuns / 2, times.end());
        const double median = times[kRuns / 2];
        std::printf("%s\t%.2f\t%.1f\t%.1f\n", baseName(argv[i]).c_str(), megapixels, median,
                    megapixels / (median / 1000.0));
    }
    return 0;
}
