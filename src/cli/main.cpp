// smp-preview: command-line tool over the core engine.
//
//   smp-preview info PHOTO
//   smp-preview convert PHOTO -o OUT.png|OUT.jpg [--max-side N] [--quality Q]
//   smp-preview render PHOTO -o OUT.png --handles ... (see render_command.h)
//   smp-preview place PHOTO [--cascades FILE] ... (see place_command.h)
//
// Exit codes: 0 success, 1 usage error, 2 bad input (one line on stderr says why).
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "encode.h"
#include "cli_support.h"
#include "file_io.h"
#include "place_command.h"
#include "render_command.h"
#include "photo.h"

namespace {

using smp::cli::endsWith;
using smp::cli::inputError;
using smp::cli::kExitUsage;
using smp::cli::kUsage;
using smp::cli::parseInt;
using smp::cli::usageError;

const char* describeOrientation(int orientation) {
    static const char* const kNames[] = {"",
                                         "normal",
                                         "mirrored horizontally",
                                         "rotated 180°",
                                         "mirrored vertically",
                                         "transposed",
                                         "rotated 90° clockwise to display",
                                         "transversed",
                                         "rotated 90° counter-clockwise to display"};
    return orientation >= 1 && orientation <= 8 ? kNames[orientation] : "unknown";
}

int runInfo(const std::vector<std::string>& args) {
    if (args.size() != 1) return usageError("info takes one PHOTO");
    const smp::DecodeLimits limits;
    auto bytes = smp::cli::readPhotoFile(args[0], limits);
    if (!bytes) return inputError(bytes.error());
    auto info = smp::readPhotoInfo(bytes.value().data(), bytes.value().size(), limits);
    if (!info) return inputError(info.error());
    const smp::PhotoInfo& i = info.value();
    std::printf("file: %s\n", args[0].c_str());
    std::printf("format: %s%s, %d channel%s, %d bits per channel\n", smp::formatName(i.format),
                i.progressive ? " (progressive)" : "", i.channels, i.channels == 1 ? "" : "s",
                i.bitsPerChannel);
    std::printf("size: %d×%d upright\n", i.width, i.height);
    std::printf("stored: %d×%d, orientation %d (%s)\n", i.storedWidth, i.storedHeight,
                i.orientation, describeOrientation(i.orientation));
    for (const std::string& warning : i.warnings) std::printf("warning: %s\n", warning.c_str());
    return 0;
}

int runConvert(const std::vector<std::string>& args) {
    std::string input, output;
    int maxSide = 0, quality = 92;
    for (std::size_t k = 0; k < args.size(); ++k) {
        const std::string& arg = args[k];
        const bool hasValue = k + 1 < args.size();
        if (arg == "-o" && hasValue) {
            output = args[++k];
        } else if (arg == "--max-side" && hasValue) {
            if (!parseInt(args[++k], 1, 65536, maxSide)) {
                return usageError("--max-side needs a whole number from 1 to 65536");
            }
        } else if (arg == "--quality" && hasValue) {
            if (!parseInt(args[++k], 1, 100, quality)) {
                return usageError("--quality needs a whole number from 1 to 100");
            }
        } else if (!arg.empty() && arg[0] != '-' && input.empty()) {
            input = arg;
        } else {
            return usageError("unexpected argument '" + arg + "'");
        }
    }
    if (input.empty() || output.empty()) return usageError("convert needs PHOTO and -o OUT");
    const bool jpeg = endsWith(output, ".jpg") || endsWith(output, ".jpeg");
    if (!jpeg && !endsWith(output, ".png")) {
        return usageError("output must end in .png, .jpg or .jpeg");
    }

    smp::DecodeOptions options;
    options.maxSide = maxSide;
    auto bytes = smp::cli::readPhotoFile(input, options.limits);
    if (!bytes) return inputError(bytes.error());
    auto photo = smp::decodePhoto(bytes.value().data(), bytes.value().size(), options);
    if (!photo) return inputError(photo.error());
    for (const std::string& warning : photo.value().info.warnings) {
        std::fprintf(stderr, "smp-preview: warning: %s\n", warning.c_str());
    }
    const smp::Image& image = photo.value().image;
    auto encoded = jpeg ? smp::encodeJpeg(image, quality) : smp::encodePng(image);
    if (!encoded) return inputError(encoded.error());
    auto written = smp::cli::writeFile(output, encoded.value());
    if (!written) return inputError(written.error());
    std::printf("wrote %s (%d×%d)\n", output.c_str(), image.width(), image.height());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? kExitUsage : 0;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (args[0] == "info") return runInfo(rest);
    if (args[0] == "convert") return runConvert(rest);
    if (args[0] == "render") return smp::cli::runRender(rest);
    if (args[0] == "place") return smp::cli::runPlace(rest);
    return usageError("unknown command '" + args[0] + "'");
}
