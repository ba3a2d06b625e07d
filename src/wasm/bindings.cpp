// The only Embind file: converts JavaScript arguments, calls one core function,
// and hands results back. No SMP logic lives here.
//
// Ownership (see web/engine.d.ts):
//  - decodePhoto() returns a DecodedPhoto that JavaScript owns: call .delete() on it.
//  - DecodedPhoto.pixels() / EncodedImage.bytes() are views into WASM memory, owned by
//    the C++ object. A view is valid until that object is deleted, and only until the
//    next call into the module (any call may grow memory, which detaches old views).
//    Copy it at once (web/engine.js does).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "encode.h"
#include "photo.h"

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

    function("defaultDecodeOptions", &defaultDecodeOptions);
    function("decodePhoto", &decodePhoto);
    function("encodePng", &encodePng);
    function("encodeJpeg", &encodeJpeg);
}
