// The only Embind file: converts JavaScript arguments, calls one core function,
// and hands results back. No SMP logic lives here.
//
// Ownership (see web/engine.d.ts):
//  - decodePhoto(), encodePng(), encodeJpeg(), `new Simulator()` and
//    Simulator.renderOn() return C++ objects that JavaScript owns: call .delete() on
//    each (web/engine.js does, in a finally block).
//  - DecodedPhoto.pixels(), EncodedImage.bytes(), RenderedImage.pixels() and the
//    `pixels` of Simulator.render() are views into WASM memory owned by C++. A view is
//    valid only until the next call into the module (any call may grow memory, which
//    detaches old views, and the next render() overwrites the simulator's result), and
//    never after its owner is deleted. Copy it at once (web/engine.js does).
//  - Everything else (statuses, stats(), hairline(), dotsCsv(), hairlineTemplates(),
//    proposePlacement()) is a plain JavaScript value with nothing to free.
//
// Errors: setters return a Status {ok, code, message}; render() adds width, height and
// pixels to it. Nothing here throws or aborts on a bad value: JS numbers arrive as
// doubles and the core checks them (NaN included); the few integer parameters are
// converted here with a message when the number is not a whole number of that type.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "dots_csv.h"
#include "encode.h"
#include "fields.h"
#include "hairline_templates.h"
#include "photo.h"
#include "placement.h"
#include "simulator.h"
#include "treatment_mask.h"

using namespace emscripten;

namespace {

// A Result<T> seen from JavaScript: ok(), errorCode(), errorMessage().
template <typename T>
class JsResult {
public:
    explicit JsResult(smp::Result<T> result) : result_(std::move(result)) {}
    bool ok() const { return result_.ok(); }
    std::string errorCode() const { return ok() ? "" : smp::errorCodeName(result_.error().code); }
    std::string errorMessage() const { return ok() ? "" : result_.error().message; }

protected:
    smp::Result<T> result_;
};

class DecodedPhoto : public JsResult<smp::Photo> {
public:
    using JsResult::JsResult;
    const smp::PhotoInfo& info() const { return result_.value().info; }
    int width() const { return ok() ? result_.value().image.width() : 0; }
    int height() const { return ok() ? result_.value().image.height() : 0; }
    val pixels() const {
        if (!ok()) return val::null();
        const smp::Image& image = result_.value().image;
        return val(typed_memory_view(image.sizeBytes(), image.data()));
    }
    std::string format() const { return ok() ? smp::formatName(info().format) : ""; }
    int fullWidth() const { return ok() ? info().width : 0; }
    int fullHeight() const { return ok() ? info().height : 0; }
    int storedWidth() const { return ok() ? info().storedWidth : 0; }
    int storedHeight() const { return ok() ? info().storedHeight : 0; }
    int orientation() const { return ok() ? info().orientation : 0; }
    bool progressive() const { return ok() && info().progressive; }
    val warnings() const {
        val list = val::array();
        if (ok()) {
            for (const std::string& warning : info().warnings) list.call<void>("push", warning);
        }
        return list;
    }
};

class EncodedImage : public JsResult<std::vector<std::uint8_t>> {
public:
    using JsResult::JsResult;
    val bytes() const {
        if (!ok()) return val::null();
        return val(typed_memory_view(result_.value().size(), result_.value().data()));
    }
};

// JS numbers for the limits: Embind has no 64-bit integers in this Emscripten.
struct JsDecodeOptions {
    int maxSide;
    double maxInputBytes;
    double maxPixels;
};

JsDecodeOptions defaultDecodeOptions() {
    const smp::DecodeOptions defaults;
    return {defaults.maxSide, static_cast<double>(defaults.limits.maxInputBytes),
            static_cast<double>(defaults.limits.maxPixels)};
}

DecodedPhoto decodePhoto(const val& bytes, const JsDecodeOptions& js) {
    smp::DecodeOptions options;
    options.maxSide = js.maxSide;
    // Negative or non-finite limits become 0, which the core rejects with a message.
    options.limits.maxInputBytes = js.maxInputBytes > 0 ? static_cast<std::size_t>(js.maxInputBytes) : 0;
    options.limits.maxPixels = js.maxPixels > 0 ? static_cast<std::size_t>(js.maxPixels) : 0;
    // Refused before the copy into WASM memory, which could not hold a huge file.
    if (auto refused = smp::checkInputSize(bytes["length"].as<double>(), options.limits)) {
        return DecodedPhoto(*refused);
    }
    const std::vector<std::uint8_t> input = convertJSArrayToNumberVector<std::uint8_t>(bytes);
    return DecodedPhoto(smp::decodePhoto(input.data(), input.size(), options));
}

// Wraps RGBA pixels given by JavaScript as a core Image (one copy into WASM memory).
smp::Result<smp::Image> imageFromJs(const val& rgba, int width, int height) {
    auto image = smp::Image::allocate(width, height);
    if (!image) return image;
    const std::size_t length = rgba["length"].as<std::size_t>();
    if (length != image.value().sizeBytes()) {
        return smp::Error{smp::ErrorCode::InvalidArgument,
                          "pixel buffer holds " + std::to_string(length) + " bytes, expected " +
                              std::to_string(image.value().sizeBytes())};
    }
    val view(typed_memory_view(length, image.value().data()));
    view.call<void>("set", rgba);
    return image;
}

EncodedImage encodePng(const val& rgba, int width, int height) {
    auto image = imageFromJs(rgba, width, height);
    if (!image) return EncodedImage(image.error());
    return EncodedImage(smp::encodePng(image.value()));
}

EncodedImage encodeJpeg(const val& rgba, int width, int height, int quality) {
    auto image = imageFromJs(rgba, width, height);
    if (!image) return EncodedImage(image.error());
    return EncodedImage(smp::encodeJpeg(image.value(), quality));
}

// A JS number (always a double) as an integer of type T, or a message naming it.
template <typename T>
smp::Result<T> wholeNumber(double value, const char* what) {
    constexpr double lo = static_cast<double>(std::numeric_limits<T>::min());
    constexpr double hi = static_cast<double>(std::numeric_limits<T>::max());
    char message[160];
    if (std::floor(value) != value) {  // fractions, NaN and infinities
        std::snprintf(message, sizeof message, "%s %.15g is not a whole number", what, value);
    } else if (value < lo || value > hi) {
        std::snprintf(message, sizeof message, "%s %.15g is outside %.0f…%.0f", what, value, lo, hi);
    } else {
        return static_cast<T>(value);
    }
    return smp::Error{smp::ErrorCode::InvalidArgument, message};
}

// The outcome of a call as a plain JS object: {ok, code, message}.
struct JsStatus {
    bool ok = true;
    std::string code;
    std::string message;
};

template <typename T>
JsStatus toStatus(const smp::Result<T>& result) {
    if (result) return {};
    return {false, smp::errorCodeName(result.error().code), result.error().message};
}

// A full-size export from Simulator.renderOn(): JavaScript owns it (.delete()).
class RenderedImage : public JsResult<smp::Image> {
public:
    using JsResult::JsResult;
    int width() const { return ok() ? result_.value().width() : 0; }
    int height() const { return ok() ? result_.value().height() : 0; }
    val pixels() const {
        if (!ok()) return val::null();
        const smp::Image& image = result_.value();
        return val(typed_memory_view(image.sizeBytes(), image.data()));
    }
};

// smp::Simulator seen from JavaScript: each method converts its arguments and calls
// the core method of the same name.
class JsSimulator {
public:
    JsStatus setPhoto(const val& rgba, int width, int height) {
        auto image = imageFromJs(rgba, width, height);
        if (!image) return toStatus(image);
        return toStatus(sim_.setPhoto(std::move(image.value())));
    }
    JsStatus setHandles(double x1, double y1, double x2, double y2, double x3, double y3) {
        return toStatus(sim_.setHandles({{x1, y1}, {x2, y2}, {x3, y3}}));
    }
    JsStatus setScaleOverride(double pxPerMm) { return toStatus(sim_.setScaleOverride(pxPerMm)); }
    JsStatus setTemplate(const std::string& id) { return toStatus(sim_.setTemplate(id)); }
    JsStatus setCoverage(const std::string& name) {
        auto coverage = smp::parseCoverage(name);
        if (!coverage) return toStatus(coverage);
        return toStatus(sim_.setCoverage(coverage.value()));
    }
    JsStatus setHairlineOffset(double mm) { return toStatus(sim_.setHairlineOffset(mm)); }
    JsStatus setTransition(double mm) { return toStatus(sim_.setTransition(mm)); }
    JsStatus setDensity(double multiplier) { return toStatus(sim_.setDensity(multiplier)); }
    JsStatus setSessions(double sessions) {
        auto n = wholeNumber<int>(sessions, "sessions");
        if (!n) return toStatus(n);
        return toStatus(sim_.setSessions(n.value()));
    }
    JsStatus setShade(double shade) {
        auto n = wholeNumber<int>(shade, "shade");
        if (!n) return toStatus(n);
        return toStatus(sim_.setShade(n.value()));
    }
    JsStatus setCustomColour(double r, double g, double b) {
        auto red = wholeNumber<std::uint8_t>(r, "red");
        if (!red) return toStatus(red);
        auto green = wholeNumber<std::uint8_t>(g, "green");
        if (!green) return toStatus(green);
        auto blue = wholeNumber<std::uint8_t>(b, "blue");
        if (!blue) return toStatus(blue);
        return toStatus(sim_.setCustomColour(red.value(), green.value(), blue.value()));
    }
    JsStatus setHealingDay(double day) { return toStatus(sim_.setHealingDay(day)); }
    JsStatus setYears(double years) { return toStatus(sim_.setYears(years)); }
    JsStatus setSeed(double seed) {
        auto n = wholeNumber<std::uint32_t>(seed, "seed");
        if (!n) return toStatus(n);
        return toStatus(sim_.setSeed(n.value()));
    }
    JsStatus setWhorl(const std::string& name) {
        auto whorl = smp::parseWhorl(name);
        if (!whorl) return toStatus(whorl);
        return toStatus(sim_.setWhorl(whorl.value()));
    }
    JsStatus setSplit(double fraction) { return toStatus(sim_.setSplit(fraction)); }
    JsStatus addBrushStroke(double x, double y, double radius, bool erase) {
        return toStatus(sim_.addBrushStroke({{x, y}, radius, erase}));
    }
    JsStatus clearBrush() { return toStatus(sim_.clearBrush()); }

    // {ok, code, message, width, height, pixels}: pixels is a view of the result, valid
    // until the next call into the module (see the top of this file).
    val render() {
        auto rendered = sim_.render();
        val out(toStatus(rendered));  // a Status value_object: {ok, code, message}
        const smp::Image* image = rendered ? rendered.value() : nullptr;
        out.set("width", image ? image->width() : 0);
        out.set("height", image ? image->height() : 0);
        out.set("pixels", image ? val(typed_memory_view(image->sizeBytes(), image->data())) : val::null());
        return out;
    }
    RenderedImage renderOn(const val& rgba, int width, int height) const {
        auto image = imageFromJs(rgba, width, height);
        if (!image) return RenderedImage(image.error());
        return RenderedImage(sim_.renderOn(std::move(image.value())));
    }

    // {dotCount, pxPerMm, zones: [{name, targetPerCm2, measuredPerCm2, areaCm2}],
    //  stageMs: {frame, hairline, ...}} of the last render().
    val stats() const {
        const smp::SimulationStats& stats = sim_.stats();
        val out = val::object();
        out.set("dotCount", static_cast<double>(stats.dotCount));
        out.set("pxPerMm", stats.pxPerMm);
        val zones = val::array();
        for (int z = 0; z < smp::kZoneCount; ++z) {
            const smp::ZoneStats& zone = stats.zones[static_cast<std::size_t>(z)];
            val entry = val::object();
            entry.set("name", std::string(smp::zoneName(static_cast<smp::Zone>(z))));
            entry.set("targetPerCm2", zone.targetPerCm2);
            entry.set("measuredPerCm2", zone.measuredPerCm2);
            entry.set("areaCm2", zone.areaCm2);
            zones.call<void>("push", entry);
        }
        out.set("zones", zones);
        val stageMs = val::object();
        for (int st = 0; st < smp::kStageCount; ++st) {
            stageMs.set(std::string(smp::stageName(static_cast<smp::Stage>(st))),
                        stats.stageMs[static_cast<std::size_t>(st)]);
        }
        out.set("stageMs", stageMs);
        return out;
    }
    // x0, y0, x1, y1, ... in photo pixels: a Float64Array that JavaScript owns.
    val hairline() const {
        std::vector<double> flat;
        for (const smp::Vec2& p : sim_.hairlinePolyline()) {
            flat.push_back(p.x);
            flat.push_back(p.y);
        }
        return val::global("Float64Array").new_(typed_memory_view(flat.size(), flat.data()));
    }
    std::string dotsCsv() const { return smp::formatDotsCsv(sim_.dots()); }

private:
    smp::Simulator sim_;
};

// [{id, label, transitionMm}] of every hairline style, in the core's order.
val hairlineTemplates() {
    val list = val::array();
    for (const smp::HairlineTemplate& style : smp::hairlineTemplates()) {
        val entry = val::object();
        entry.set("id", style.id);
        entry.set("label", style.label);
        entry.set("transitionMm", style.transitionMm);
        list.call<void>("push", entry);
    }
    return list;
}

// Placement options as JavaScript passes them (engine.js fills in the defaults).
struct JsPlacementOptions {
    std::string templateId;
    double hairlineHeightMm;
    double templeDropMm;
    double faceIndex;
    double detectionSide;
};

JsPlacementOptions defaultPlacementOptions() {
    const smp::PlacementOptions d;
    return {d.templateId, d.hairlineHeightMm, d.templeDropMm, static_cast<double>(d.faceIndex),
            static_cast<double>(d.detectionSide)};
}

val point(smp::Vec2 p) {
    val out = val::object();
    out.set("x", p.x);
    out.set("y", p.y);
    return out;
}

// The proposal as a plain object (see PlacementResult in web/engine.d.ts).
val placementToJs(const smp::PlacementProposal& p) {
    val out(JsStatus{});
    out.set("reason", std::string(smp::placementReasonName(p.reason)));
    out.set("confidence", p.confidence);
    val faces = val::array();
    for (const smp::PixelBox& b : p.faces) {
        val face = val::object();
        face.set("x", b.x0);
        face.set("y", b.y0);
        face.set("width", b.x1 - b.x0);
        face.set("height", b.y1 - b.y0);
        faces.call<void>("push", face);
    }
    out.set("faces", faces);
    out.set("faceIndex", p.faceIndex);
    if (p.reason == smp::PlacementReason::NoFace) {
        out.set("handles", val::null());
        out.set("landmarks", val::null());
        return out;
    }
    val handles = val::object();
    handles.set("leftTemple", point(p.handles.leftTemple));
    handles.set("midFront", point(p.handles.midFront));
    handles.set("rightTemple", point(p.handles.rightTemple));
    out.set("handles", handles);
    out.set("pxPerMm", p.pxPerMm);
    out.set("hairlineHeightMm", p.hairlineHeightMm);
    out.set("templeLoweredMm", p.templeLoweredMm);
    out.set("templeMovedInMm", p.templeMovedInMm);
    const smp::FaceLandmarks& m = p.landmarks;
    val marks = val::object();
    marks.set("leftPupil", point(m.leftPupil));
    marks.set("rightPupil", point(m.rightPupil));
    marks.set("leftEyeCorner", point(m.leftEyeCorner));
    marks.set("rightEyeCorner", point(m.rightEyeCorner));
    marks.set("leftBrow", point(m.leftBrow));
    marks.set("rightBrow", point(m.rightBrow));
    marks.set("glabella", point(m.glabella));
    marks.set("tiltDeg", m.tiltDeg);
    val eyesDetected = val::array();
    eyesDetected.call<void>("push", m.leftEyeDetected);
    eyesDetected.call<void>("push", m.rightEyeDetected);
    marks.set("eyesDetected", eyesDetected);
    marks.set("browsFound", m.browsFound);
    out.set("landmarks", marks);
    return out;
}

// Automatic placement on RGBA pixels with the cascade bundle's bytes
// (web/build/smp_cascades.bin): {ok, code, message} plus the proposal.
val proposePlacement(const val& rgba, int width, int height, const val& cascadeBytes, const JsPlacementOptions& js) {
    auto faceIndex = wholeNumber<int>(js.faceIndex, "face index");
    if (!faceIndex) return val(toStatus(faceIndex));
    auto detectionSide = wholeNumber<int>(js.detectionSide, "detection side");
    if (!detectionSide) return val(toStatus(detectionSide));
    smp::PlacementOptions options;
    options.templateId = js.templateId;
    options.hairlineHeightMm = js.hairlineHeightMm;
    options.templeDropMm = js.templeDropMm;
    options.faceIndex = faceIndex.value();
    options.detectionSide = detectionSide.value();
    const std::vector<std::uint8_t> bundle = convertJSArrayToNumberVector<std::uint8_t>(cascadeBytes);
    auto model = smp::PlacementModel::fromBundle(bundle.data(), bundle.size());
    if (!model) return val(toStatus(model));
    auto image = imageFromJs(rgba, width, height);
    if (!image) return val(toStatus(image));
    auto proposal = smp::proposePlacement(image.value(), model.value(), options);
    if (!proposal) return val(toStatus(proposal));
    return placementToJs(proposal.value());
}

// Registers JsResult<T>'s methods once, as the base class of the result wrappers.
template <typename T>
void registerResult(const char* name) {
    class_<JsResult<T>>(name)
        .function("ok", &JsResult<T>::ok)
        .function("errorCode", &JsResult<T>::errorCode)
        .function("errorMessage", &JsResult<T>::errorMessage);
}

}  // namespace

EMSCRIPTEN_BINDINGS(smp_engine) {
    value_object<JsDecodeOptions>("DecodeOptions")
        .field("maxSide", &JsDecodeOptions::maxSide)
        .field("maxInputBytes", &JsDecodeOptions::maxInputBytes)
        .field("maxPixels", &JsDecodeOptions::maxPixels);

    registerResult<smp::Photo>("PhotoResult");
    class_<DecodedPhoto, base<JsResult<smp::Photo>>>("DecodedPhoto")
        .function("width", &DecodedPhoto::width)
        .function("height", &DecodedPhoto::height)
        .function("pixels", &DecodedPhoto::pixels)
        .function("format", &DecodedPhoto::format)
        .function("fullWidth", &DecodedPhoto::fullWidth)
        .function("fullHeight", &DecodedPhoto::fullHeight)
        .function("storedWidth", &DecodedPhoto::storedWidth)
        .function("storedHeight", &DecodedPhoto::storedHeight)
        .function("orientation", &DecodedPhoto::orientation)
        .function("progressive", &DecodedPhoto::progressive)
        .function("warnings", &DecodedPhoto::warnings);

    registerResult<std::vector<std::uint8_t>>("BytesResult");
    class_<EncodedImage, base<JsResult<std::vector<std::uint8_t>>>>("EncodedImage")
        .function("bytes", &EncodedImage::bytes);

    value_object<JsStatus>("Status")
        .field("ok", &JsStatus::ok)
        .field("code", &JsStatus::code)
        .field("message", &JsStatus::message);

    registerResult<smp::Image>("ImageResult");
    class_<RenderedImage, base<JsResult<smp::Image>>>("RenderedImage")
        .function("width", &RenderedImage::width)
        .function("height", &RenderedImage::height)
        .function("pixels", &RenderedImage::pixels);

    class_<JsSimulator>("Simulator")
        .constructor<>()
        .function("setPhoto", &JsSimulator::setPhoto)
        .function("setHandles", &JsSimulator::setHandles)
        .function("setScaleOverride", &JsSimulator::setScaleOverride)
        .function("setTemplate", &JsSimulator::setTemplate)
        .function("setCoverage", &JsSimulator::setCoverage)
        .function("setHairlineOffset", &JsSimulator::setHairlineOffset)
        .function("setTransition", &JsSimulator::setTransition)
        .function("setDensity", &JsSimulator::setDensity)
        .function("setSessions", &JsSimulator::setSessions)
        .function("setShade", &JsSimulator::setShade)
        .function("setCustomColour", &JsSimulator::setCustomColour)
        .function("setHealingDay", &JsSimulator::setHealingDay)
        .function("setYears", &JsSimulator::setYears)
        .function("setSeed", &JsSimulator::setSeed)
        .function("setWhorl", &JsSimulator::setWhorl)
        .function("setSplit", &JsSimulator::setSplit)
        .function("addBrushStroke", &JsSimulator::addBrushStroke)
        .function("clearBrush", &JsSimulator::clearBrush)
        .function("render", &JsSimulator::render)
        .function("renderOn", &JsSimulator::renderOn)
        .function("stats", &JsSimulator::stats)
        .function("hairline", &JsSimulator::hairline)
        .function("dotsCsv", &JsSimulator::dotsCsv);

    value_object<JsPlacementOptions>("PlacementOptions")
        .field("templateId", &JsPlacementOptions::templateId)
        .field("hairlineHeightMm", &JsPlacementOptions::hairlineHeightMm)
        .field("templeDropMm", &JsPlacementOptions::templeDropMm)
        .field("faceIndex", &JsPlacementOptions::faceIndex)
        .field("detectionSide", &JsPlacementOptions::detectionSide);
    function("defaultPlacementOptions", &defaultPlacementOptions);
    function("proposePlacement", &proposePlacement);

    function("hairlineTemplates", &hairlineTemplates);
    function("defaultDecodeOptions", &defaultDecodeOptions);
    function("decodePhoto", &decodePhoto);
    function("encodePng", &encodePng);
    function("encodeJpeg", &encodeJpeg);
}
