#include "place_command.h"

#include <cstdio>
#include <string>

#include "cli_support.h"
#include "file_io.h"
#include "photo.h"
#include "placement.h"

namespace smp::cli {
namespace {

struct PlaceArguments {
    std::string input;
    std::string cascades = SMP_DEFAULT_CASCADES;  // the build tree's bundle
    int maxSide = 2048;
    PlacementOptions options;
};

std::string parse(const std::vector<std::string>& args, PlaceArguments& a) {
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        if (!arg.empty() && arg[0] != '-') {
            if (!a.input.empty()) return "unexpected argument '" + arg + "'";
            a.input = arg;
            continue;
        }
        if (k + 1 >= args.size()) return arg + " needs a value";
        const std::string& value = args[++k];
        if (arg == "--cascades") {
            a.cascades = value;
        } else if (arg == "--max-side") {
            if (!parseInt(value, 64, 65536, a.maxSide)) return "--max-side needs a whole number from 64 to 65536";
        } else if (arg == "--template") {
            a.options.templateId = value;
        } else if (arg == "--height") {
            if (!parseNumber(value, 30, 120, a.options.hairlineHeightMm)) return "--height needs a number from 30 to 120 (mm)";
        } else if (arg == "--face") {
            if (!parseInt(value, 0, 1000, a.options.faceIndex)) return "--face needs a whole number from 0";
        } else {
            return "unexpected argument '" + arg + "'";
        }
    }
    return a.input.empty() ? "place needs a PHOTO" : "";
}

// Numbers as the shortest text that reads back to the same double (native and WASM
// results are compared exactly).
std::string num(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", v);
    return text;
}

std::string point(Vec2 p, double scale) { return "[" + num(p.x * scale) + ", " + num(p.y * scale) + "]"; }

std::string box(const PixelBox& b, double scale) {
    return "[" + num(b.x0 * scale) + ", " + num(b.y0 * scale) + ", " + num(b.x1 * scale) + ", " + num(b.y1 * scale) + "]";
}

}  // namespace

int runPlace(const std::vector<std::string>& args) {
    PlaceArguments a;
    if (std::string problem = parse(args, a); !problem.empty()) return usageError(problem);
    auto bundle = readDataFile(a.cascades, 16u << 20);
    if (!bundle) return inputError(bundle.error());
    auto model = PlacementModel::fromBundle(bundle.value().data(), bundle.value().size());
    if (!model) return inputError(model.error());
    DecodeOptions decode;
    decode.maxSide = a.maxSide;
    auto bytes = readPhotoFile(a.input, decode.limits);
    if (!bytes) return inputError(bytes.error());
    auto photo = decodePhoto(bytes.value().data(), bytes.value().size(), decode);
    if (!photo) return inputError(photo.error());
    auto proposal = proposePlacement(photo.value().image, model.value(), a.options);
    if (!proposal) return inputError(proposal.error());

    const PlacementProposal& p = proposal.value();
    const FaceLandmarks& m = p.landmarks;
    // Working image → full-size pixels.
    const double s = photo.value().info.width / static_cast<double>(photo.value().image.width());
    std::string faces;
    for (const PixelBox& face : p.faces) faces += (faces.empty() ? "" : ", ") + box(face, s);
    std::string out = "{\n";
    out += "  \"reason\": \"" + std::string(placementReasonName(p.reason)) + "\",\n";
    out += "  \"confidence\": " + num(p.confidence) + ",\n";
    out += "  \"faces\": [" + faces + "],\n";
    out += "  \"faceIndex\": " + std::to_string(p.faceIndex) + ",\n";
    if (p.reason != PlacementReason::NoFace) {
        const Handles& h = p.handles;
        out += "  \"handles\": {\"leftTemple\": " + point(h.leftTemple, s) + ", \"midFront\": " + point(h.midFront, s) +
               ", \"rightTemple\": " + point(h.rightTemple, s) + "},\n";
        char arg[160];
        std::snprintf(arg, sizeof arg, "%.0f,%.0f,%.0f,%.0f,%.0f,%.0f", h.leftTemple.x * s, h.leftTemple.y * s,
                      h.midFront.x * s, h.midFront.y * s, h.rightTemple.x * s, h.rightTemple.y * s);
        out += "  \"handlesArgument\": \"" + std::string(arg) + "\",\n";
        out += "  \"pxPerMm\": " + num(p.pxPerMm * s) + ",\n";
        out += "  \"hairlineHeightMm\": " + num(p.hairlineHeightMm) + ",\n";
        out += "  \"templeLoweredMm\": " + num(p.templeLoweredMm) + ",\n";
        out += "  \"templeMovedInMm\": " + num(p.templeMovedInMm) + ",\n";
        out += "  \"landmarks\": {\"leftPupil\": " + point(m.leftPupil, s) + ", \"rightPupil\": " + point(m.rightPupil, s) +
               ", \"leftEyeCorner\": " + point(m.leftEyeCorner, s) + ", \"rightEyeCorner\": " + point(m.rightEyeCorner, s) +
               ", \"glabella\": " + point(m.glabella, s) + ", \"leftBrow\": " + point(m.leftBrow, s) +
               ", \"rightBrow\": " + point(m.rightBrow, s) + ", \"tiltDeg\": " + num(m.tiltDeg) +
               ", \"eyesDetected\": [" + (m.leftEyeDetected ? "true" : "false") + ", " +
               (m.rightEyeDetected ? "true" : "false") + "], \"browsFound\": " + (m.browsFound ? "true" : "false") + "},\n";
    }
    out += "  \"scale\": " + num(s) + "\n}\n";
    std::fputs(out.c_str(), stdout);
    return 0;
}

}  // namespace smp::cli
