// Interactive and export timings of the whole SMP simulation (Simulator):
//
//   300k       a flat 665×665 skin-coloured photo at 1 px/mm painted over completely
//              (Coverage::Patch), ≈300k dots: re-filter after a density change (the
//              selection stage alone) and the whole render() for that change;
//   1MP / 4MP  reisman_shaved_front.jpg resized to ~1 MP and ~4 MP (4 MP is an upscale
//              with the core resizer): density change (selection + splat + composite),
//              shade change (composite) and a handle move (the whole pipeline);
//   12MP       export: Simulator::renderOn with parmitano_shaved_beard_busy.jpg at full
//              size, the design made on its 2048 px working image.
//
//   bench_smp FIXTURES_DIR [--verbose]
//
// Prints one tab-separated row per measurement: key, label, median ms. The rows and
// their order are the same natively and in WASM, so scripts/bench.sh can join them.
// --verbose adds per-stage medians on stderr. Speed never fails the program; setup
// errors (missing photo, rejected settings) exit with 2.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "photo.h"
#include "resize.h"
#include "simulator.h"

namespace {

using smp::Handles;
using smp::Image;
using smp::Simulator;
using smp::Stage;

constexpr int kWarmUps = 2;
constexpr int kFastRuns = 15;     // density and shade changes
constexpr int kPipelineRuns = 7;  // handle moves
constexpr int kExportRuns = 3;    // 12 MP export

bool verbose = false;

[[noreturn]] void fail(const std::string& what, const std::string& message) {
    std::fprintf(stderr, "bench_smp: %s: %s\n", what.c_str(), message.c_str());
    std::exit(2);
}

void check(const smp::Status& status, const std::string& what) {
    if (!status) fail(what, status.error().message);
}

template <typename T>
T take(smp::Result<T> result, const std::string& what) {
    if (!result) fail(what, result.error().message);
    return std::move(result).value();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

struct Timing {
    double totalMs = 0;                              // median of the whole render()
    std::array<double, smp::kStageCount> stageMs{};  // median of each stage on its own
};

// Warms up, then times `runs` render() calls, each after `change(run)` (untimed).
Timing timeRenders(Simulator& sim, int runs, const std::function<void(int)>& change) {
    std::vector<double> totals;
    std::array<std::vector<double>, smp::kStageCount> stages;
    for (int run = 0; run < kWarmUps + runs; ++run) {
        change(run);
        const auto start = std::chrono::steady_clock::now();
        auto rendered = sim.render();
        const double took = msSince(start);
        if (!rendered) fail("render", rendered.error().message);
        if (run < kWarmUps) continue;
        totals.push_back(took);
        for (std::size_t s = 0; s < stages.size(); ++s) stages[s].push_back(sim.stats().stageMs[s]);
    }
    Timing timing;
    timing.totalMs = median(totals);
    for (std::size_t s = 0; s < stages.size(); ++s) timing.stageMs[s] = median(stages[s]);
    return timing;
}

void printRow(const std::string& key, const std::string& label, double ms) {
    std::printf("%s\t%s\t%.2f\n", key.c_str(), label.c_str(), ms);
    std::fflush(stdout);
}

void printStages(const std::string& key, const Timing& timing) {
    if (!verbose) return;
    std::fprintf(stderr, "%s: render %.2f ms =", key.c_str(), timing.totalMs);
    for (int s = 0; s < smp::kStageCount; ++s) {
        const double ms = timing.stageMs[static_cast<std::size_t>(s)];
        if (ms > 0) std::fprintf(stderr, " %s %.2f", smp::stageName(static_cast<Stage>(s)), ms);
    }
    std::fprintf(stderr, "\n");
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

// "1.0 MP (801×1248)", or with a detail "1.0 MP (801×1248, 4,380 dots)".
std::string sizeText(const Image& image, const std::string& detail = "") {
    char text[64];
    std::snprintf(text, sizeof text, "%.1f MP (%d×%d", image.width() * static_cast<double>(image.height()) / 1e6,
                  image.width(), image.height());
    return text + (detail.empty() ? "" : ", " + detail) + ")";
}

std::vector<std::uint8_t> readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) fail(path, "cannot open the file");
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

Image decodeFullSize(const std::string& path) {
    const std::vector<std::uint8_t> bytes = readFile(path);
    smp::DecodeOptions options;
    options.maxSide = 0;
    return take(smp::decodePhoto(bytes.data(), bytes.size(), options), path).image;
}

Image copyOf(const Image& image) {
    Image copy = take(Image::allocate(image.width(), image.height()), "copy photo");
    std::memcpy(copy.data(), image.data(), image.sizeBytes());
    return copy;
}

Handles scaled(const Handles& h, double ratio) {
    return {ratio * h.leftTemple, ratio * h.midFront, ratio * h.rightTemple};
}

// (a) ≈300k dots: a flat skin-coloured photo at 1 px/mm, all of it one brush patch.
void benchRefilter() {
    constexpr int kSide = 665;  // px = mm: 4422 cm², ≈300k dots at density 1
    Image photo = take(Image::allocate(kSide, kSide), "synthetic photo");
    for (int y = 0; y < kSide; ++y) {
        for (int x = 0; x < kSide; ++x) {
            std::uint8_t* p = photo.pixel(x, y);
            p[0] = 0xD9, p[1] = 0xA5, p[2] = 0x8A, p[3] = 0xFF;  // light skin
        }
    }
    Simulator sim;
    check(sim.setPhoto(std::move(photo)), "300k: photo");
    const double c = kSide / 2.0;  // temple corners 96 mm apart around the centre
    check(sim.setHandles({{c - 48, c}, {c, c - 5}, {c + 48, c}}), "300k: handles");
    check(sim.setScaleOverride(1.0), "300k: scale");
    check(sim.setCoverage(smp::Coverage::Patch), "300k: coverage");
    // Full weight within 0.8 of the radius: 700 px covers the corners (470 px away).
    check(sim.addBrushStroke({{c, c}, 700, false}), "300k: brush");
    const Timing timing = timeRenders(sim, kFastRuns, [&](int run) {
        check(sim.setDensity(run % 2 == 0 ? 0.99 : 1.0), "300k: density");
    });
    check(sim.setDensity(1.0), "300k: density");
    if (!sim.render()) fail("300k", "render failed");
    const std::string dots = thousands(sim.stats().dotCount) + " dots";
    printRow("refilter300k", "re-filter: density change, " + dots + ", selection stage only",
             timing.stageMs[static_cast<std::size_t>(Stage::Selection)]);
    printRow("density300k", "density change, " + dots + ": selection + splat + composite",
             timing.totalMs);
    printStages("300k density change", timing);
}

// (b) a preview frame: density change, shade change, handle move.
void benchFrame(const Image& full, const Handles& fullHandles, double megapixels, const std::string& key) {
    const double scale = std::sqrt(megapixels * 1e6 / (full.width() * static_cast<double>(full.height())));
    const smp::Size size{static_cast<int>(std::lround(full.width() * scale)),
                         static_cast<int>(std::lround(full.height() * scale))};
    Image photo = take(smp::resizeImage(full, size), key + ": resize");
    const Handles handles = scaled(fullHandles, static_cast<double>(size.width) / full.width());
    Simulator sim;
    check(sim.setPhoto(std::move(photo)), key + ": photo");
    check(sim.setHandles(handles), key + ": handles");
    if (!sim.render()) fail(key, "render failed");
    const std::string name = "frame " + sizeText(sim.photo());
    const std::string nameWithDots = "frame " + sizeText(sim.photo(), thousands(sim.stats().dotCount) + " dots");

    const Timing density = timeRenders(sim, kFastRuns, [&](int run) {
        check(sim.setDensity(run % 2 == 0 ? 0.95 : 1.0), key + ": density");
    });
    printRow("density" + key, nameWithDots + ": density change = selection + splat + composite",
             density.totalMs);
    printStages(key + " density change", density);

    const Timing shade = timeRenders(sim, kFastRuns, [&](int run) {
        check(sim.setShade(run % 2 == 0 ? 4 : 3), key + ": shade");
    });
    printRow("shade" + key, name + ": shade change = composite", shade.totalMs);
    printStages(key + " shade change", shade);

    // The mid-frontal point up and back by ~1 mm.
    const double step = 0.01 * length(handles.rightTemple - handles.leftTemple);
    const Timing move = timeRenders(sim, kPipelineRuns, [&](int run) {
        Handles moved = handles;
        if (run % 2 == 0) moved.midFront.y -= step;
        check(sim.setHandles(moved), key + ": handles");
    });
    printRow("handles" + key, name + ": handle move = whole pipeline", move.totalMs);
    printStages(key + " handle move", move);
}

// (c) export: the design made on the working image, drawn on the full-size photo.
void benchExport(const Image& full, const Handles& fullHandles) {
    const smp::Size working = smp::fitWithin({full.width(), full.height()}, 2048);
    Image photo = take(smp::resizeImage(full, working), "export: resize");
    Simulator sim;
    check(sim.setPhoto(std::move(photo)), "export: photo");
    check(sim.setHandles(scaled(fullHandles, static_cast<double>(working.width) / full.width())),
          "export: handles");
    if (!sim.render()) fail("export", "render failed");
    std::vector<double> times;
    std::size_t dots = 0;
    for (int run = 0; run < 1 + kExportRuns; ++run) {  // run 0 warms up
        Image copy = copyOf(full);
        const auto start = std::chrono::steady_clock::now();
        Image result = take(sim.renderOn(std::move(copy)), "export: renderOn");
        const double took = msSince(start);
        if (run > 0) times.push_back(took);
        dots = sim.stats().dotCount;
    }
    printRow("export12MP", "export " + sizeText(full, thousands(dots) + " dots") + ": renderOn",
             median(times));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_smp FIXTURES_DIR [--verbose]\n");
        return 1;
    }
    const std::string fixtures = argv[1];
    verbose = argc > 2 && std::strcmp(argv[2], "--verbose") == 0;

    benchRefilter();

    // Handles at full size: temple corners above the outer eye corners, the
    // mid-frontal point at the top centre of the forehead.
    {
        const Image reisman = decodeFullSize(fixtures + "/reisman_shaved_front.jpg");
        const Handles handles{{334, 237}, {551, 215}, {768, 237}};
        benchFrame(reisman, handles, 1.0, "1MP");
        benchFrame(reisman, handles, 4.0, "4MP");
    }
    {
        const Image parmitano = decodeFullSize(fixtures + "/parmitano_shaved_beard_busy.jpg");
        benchExport(parmitano, {{2165, 348}, {2428, 322}, {2680, 359}});
    }
    return 0;
}
