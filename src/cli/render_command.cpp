#include "render_command.h"

#include <cstdio>
#include <string>

#include "cli_support.h"
#include "dots_csv.h"
#include "encode.h"
#include "file_io.h"
#include "photo.h"
#include "simulator.h"

namespace smp::cli {
namespace {

bool parseHandles(const std::string& text, Handles& out) {
    double v[6];
    std::size_t start = 0;
    for (int i = 0; i < 6; ++i) {
        const std::size_t comma = text.find(',', start);
        if ((i < 5) != (comma != std::string::npos)) return false;
        const std::string part = text.substr(start, i < 5 ? comma - start : std::string::npos);
        if (!parseNumber(part, -1e7, 1e7, v[i])) return false;
        start = comma + 1;
    }
    out = {{v[0], v[1]}, {v[2], v[3]}, {v[4], v[5]}};
    return true;
}

bool parseColour(const std::string& text, std::uint8_t rgb[3]) {
    const std::string hex = !text.empty() && text[0] == '#' ? text.substr(1) : text;
    if (hex.size() != 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
    for (int i = 0; i < 3; ++i) rgb[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * static_cast<std::size_t>(i), 2), nullptr, 16));
    return true;
}

struct RenderOptions {
    std::string input, output, dotsPath;
    int maxSide = 0;
    int quality = 92;
    bool handlesGiven = false;
    SimulationSettings settings;
};

// Parses the arguments; returns an empty string or what is wrong.
std::string parse(const std::vector<std::string>& args, RenderOptions& o) {
    SimulationSettings& s = o.settings;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (!arg.empty() && arg[0] != '-') {
            if (!o.input.empty()) return "unexpected argument '" + arg + "'";
            o.input = arg;
            continue;
        }
        if (k + 1 >= args.size()) return arg + " needs a value";
        const std::string& value = args[++k];
        int whole = 0;
        double seed = 0;
        std::uint8_t rgb[3];
        if (arg == "-o") {
            o.output = value;
        } else if (arg == "--dump-dots") {
            o.dotsPath = value;
        } else if (arg == "--handles") {
            if (!parseHandles(value, s.handles)) return "--handles needs six numbers: x1,y1,x2,y2,x3,y3";
            s.handlesSet = o.handlesGiven = true;
        } else if (arg == "--template") {
            s.templateId = value;
        } else if (arg == "--coverage") {
            auto coverage = parseCoverage(value);
            if (!coverage) return coverage.error().message;
            s.coverage = coverage.value();
        } else if (arg == "--shade") {
            if (!parseInt(value, 1, 5, s.shade)) return "--shade needs a whole number from 1 to 5";
        } else if (arg == "--colour" || arg == "--color") {
            if (!parseColour(value, rgb)) return arg + " needs a colour like 4B4B52";
            s.shade = 0;
            s.customColour = {rgb[0], rgb[1], rgb[2]};
        } else if (arg == "--density") {
            if (!parseNumber(value, 0.3, 1.5, s.densityMultiplier)) return "--density needs a number from 0.3 to 1.5";
        } else if (arg == "--sessions") {
            if (!parseInt(value, 1, 3, s.sessions)) return "--sessions needs 1, 2 or 3";
        } else if (arg == "--day") {
            if (!parseNumber(value, 0, 365, s.healingDay)) return "--day needs a number from 0 to 365";
        } else if (arg == "--years") {
            if (!parseNumber(value, 0, 10, s.years)) return "--years needs a number from 0 to 10";
        } else if (arg == "--seed") {
            if (!parseNumber(value, 0, 4294967295.0, seed) || seed != static_cast<double>(static_cast<std::uint32_t>(seed))) {
                return "--seed needs a whole number from 0 to 4294967295";
            }
            s.seed = static_cast<std::uint32_t>(seed);
        } else if (arg == "--transition") {
            if (!parseNumber(value, 5, 15, s.transitionMm)) return "--transition needs a number of mm from 5 to 15";
        } else if (arg == "--hairline-offset") {
            if (!parseNumber(value, -30, 30, s.hairlineOffsetMm)) return "--hairline-offset needs mm from -30 to 30";
        } else if (arg == "--scale") {
            if (!parseNumber(value, 0.01, 1000, s.pxPerMmOverride)) return "--scale needs px/mm from 0.01 to 1000";
        } else if (arg == "--whorl") {
            auto whorl = parseWhorl(value);
            if (!whorl) return whorl.error().message;
            s.whorl = whorl.value();
        } else if (arg == "--split") {
            if (!parseNumber(value, 0, 1, s.split)) return "--split needs a fraction from 0 to 1";
        } else if (arg == "--max-side") {
            if (!parseInt(value, 1, 65536, o.maxSide)) return "--max-side needs a whole number from 1 to 65536";
        } else if (arg == "--quality") {
            if (!parseInt(value, 1, 100, whole)) return "--quality needs a whole number from 1 to 100";
            o.quality = whole;
        } else {
            return "unexpected argument '" + arg + "'";
        }
    }
    if (o.input.empty() || o.output.empty()) return "render needs PHOTO and -o OUT";
    if (!o.handlesGiven) return "render needs --handles x1,y1,x2,y2,x3,y3";
    if (!endsWith(o.output, ".png") && !endsWith(o.output, ".jpg") && !endsWith(o.output, ".jpeg")) {
        return "output must end in .png, .jpg or .jpeg";
    }
    return "";
}

}  // namespace

int runRender(const std::vector<std::string>& args) {
    RenderOptions o;
    const std::string problem = parse(args, o);
    if (!problem.empty()) return usageError(problem);

    DecodeOptions decode;
    decode.maxSide = o.maxSide;
    auto bytes = readPhotoFile(o.input, decode.limits);
    if (!bytes) return inputError(bytes.error());
    auto photo = decodePhoto(bytes.value().data(), bytes.value().size(), decode);
    if (!photo) return inputError(photo.error());
    // Handles are in full-size pixels: check them there, so a message names the
    // user's own numbers, then follow the image if --max-side shrank it.
    const PhotoInfo& info = photo.value().info;
    auto frame = HeadFrame::fromHandles(o.settings.handles, info.width, info.height, o.settings.pxPerMmOverride);
    if (!frame) return inputError(frame.error());
    const double ratio = static_cast<double>(photo.value().image.width()) / info.width;
    SimulationSettings& s = o.settings;
    for (Vec2* p : {&s.handles.leftTemple, &s.handles.midFront, &s.handles.rightTemple}) *p = ratio * *p;
    s.pxPerMmOverride *= ratio;

    Simulator simulator;
    Status status = simulator.setPhoto(std::move(photo.value().image));
    if (status) status = simulator.setSettings(s);
    if (!status) return inputError(status.error());
    auto rendered = simulator.render();
    if (!rendered) return inputError(rendered.error());
    const Image& image = *rendered.value();

    const bool jpeg = !endsWith(o.output, ".png");
    auto encoded = jpeg ? encodeJpeg(image, o.quality) : encodePng(image);
    if (!encoded) return inputError(encoded.error());
    auto written = writeFile(o.output, encoded.value());
    if (!written) return inputError(written.error());
    if (!o.dotsPath.empty()) {
        const std::string csv = formatDotsCsv(simulator.dots());
        auto dotsWritten = writeFile(o.dotsPath, std::vector<std::uint8_t>(csv.begin(), csv.end()));
        if (!dotsWritten) return inputError(dotsWritten.error());
    }

    const SimulationStats& stats = simulator.stats();
    std::printf("wrote %s (%d×%d): %zu dots, %.2f px/mm\n", o.output.c_str(), image.width(), image.height(),
                stats.dotCount, stats.pxPerMm);
    for (int z = 0; z < kZoneCount; ++z) {
        const ZoneStats& zone = stats.zones[static_cast<std::size_t>(z)];
        if (zone.areaCm2 <= 0) continue;
        std::printf("  %-9s %6.1f dots/cm² (target %.1f) over %.1f cm²\n", zoneName(static_cast<Zone>(z)),
                    zone.measuredPerCm2, zone.targetPerCm2, zone.areaCm2);
    }
    std::printf("  stages ms:");
    for (int st = 0; st < kStageCount; ++st) {
        std::printf(" %s %.1f", stageName(static_cast<Stage>(st)), stats.stageMs[static_cast<std::size_t>(st)]);
    }
    std::printf("\n");
    return 0;
}

}  // namespace smp::cli
