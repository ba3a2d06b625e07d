#include "cascade_model.h"

#include <cstring>

namespace smp {
namespace {

constexpr char kSignature[] = "SMPCAS01";
constexpr std::size_t kSignatureSize = sizeof kSignature - 1;

// Little-endian reads with a bounds check; the first failure sticks.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool failed() const { return failed_; }
    std::uint32_t u8() { return take(1) ? data_[pos_ - 1] : 0; }
    std::uint32_t u16() {
        if (!take(2)) return 0;
        return static_cast<std::uint32_t>(data_[pos_ - 2] | (data_[pos_ - 1] << 8));
    }
    std::uint32_t u32() {
        if (!take(4)) return 0;
        const std::uint8_t* p = data_ + pos_ - 4;
        return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
               (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
    }
    float f32() {
        const std::uint32_t bits = u32();
        float value;
        std::memcpy(&value, &bits, sizeof value);
        return value;
    }
    std::string text() {
        const std::uint32_t length = u8();
        if (!take(length)) return {};
        return std::string(reinterpret_cast<const char*>(data_ + pos_ - length), length);
    }
    bool bytesEqual(const char* expected, std::size_t length) {
        return take(length) && std::memcmp(data_ + pos_ - length, expected, length) == 0;
    }

private:
    bool take(std::size_t n) {
        if (failed_ || n > size_ - pos_) {
            failed_ = true;
            return false;
        }
        pos_ += n;
        return true;
    }
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

Error corrupt(const std::string& what) {
    return {ErrorCode::InvalidArgument, "the cascade bundle is invalid: " + what};
}

bool insideWindow(int x, int y, int w, int h, const Cascade& c) {
    return w > 0 && h > 0 && x + w <= c.windowWidth && y + h <= c.windowHeight;
}

Result<Cascade> readCascade(ByteReader& in) {
    Cascade c;
    c.name = in.text();
    const std::uint32_t type = in.u8();
    c.type = type == 0 ? FeatureType::Lbp : FeatureType::Haar;
    c.windowWidth = static_cast<int>(in.u16());
    c.windowHeight = static_cast<int>(in.u16());
    const std::uint32_t featureCount = in.u32();
    const std::uint32_t stageCount = in.u16();
    if (in.failed()) return corrupt("truncated header");
    if (type > 1) return corrupt("unknown feature type " + std::to_string(type));
    if (c.windowWidth < 4 || c.windowHeight < 4) return corrupt("window smaller than 4 pixels");
    // Each feature takes at least 4 bytes: a count beyond the data is corrupt, not a
    // reason to allocate.
    if (featureCount > 1u << 20 || stageCount == 0) return corrupt("implausible counts");
    for (std::uint32_t i = 0; i < featureCount && !in.failed(); ++i) {
        if (c.type == FeatureType::Lbp) {
            LbpFeature f;
            f.x = static_cast<int>(in.u8());
            f.y = static_cast<int>(in.u8());
            f.w = static_cast<int>(in.u8());
            f.h = static_cast<int>(in.u8());
            if (!in.failed() && !insideWindow(f.x, f.y, 3 * f.w, 3 * f.h, c)) return corrupt("LBP feature outside the window");
            c.lbpFeatures.push_back(f);
        } else {
            HaarFeature f;
            f.count = static_cast<int>(in.u8());
            if (f.count < 1 || f.count > 3) return corrupt("a Haar feature needs 1–3 rectangles");
            for (int r = 0; r < f.count; ++r) {
                HaarRect& rect = f.rects[static_cast<std::size_t>(r)];
                rect.x = static_cast<int>(in.u8());
                rect.y = static_cast<int>(in.u8());
                rect.w = static_cast<int>(in.u8());
                rect.h = static_cast<int>(in.u8());
                rect.weight = in.f32();
                if (!in.failed() && !insideWindow(rect.x, rect.y, rect.w, rect.h, c)) return corrupt("Haar rectangle outside the window");
            }
            c.haarFeatures.push_back(f);
        }
    }
    for (std::uint32_t s = 0; s < stageCount && !in.failed(); ++s) {
        CascadeStage stage;
        const std::uint32_t stumpCount = in.u16();
        stage.threshold = in.f32();
        for (std::uint32_t k = 0; k < stumpCount && !in.failed(); ++k) {
            Stump stump;
            stump.feature = static_cast<int>(in.u16());
            if (stump.feature >= static_cast<int>(featureCount)) return corrupt("stump refers to a missing feature");
            if (c.type == FeatureType::Lbp) {
                for (std::uint32_t& word : stump.subset) word = in.u32();
            } else {
                stump.threshold = in.f32();
            }
            stump.left = in.f32();
            stump.right = in.f32();
            stage.stumps.push_back(stump);
        }
        c.stages.push_back(std::move(stage));
    }
    if (in.failed()) return corrupt("truncated cascade " + c.name);
    return c;
}

}  // namespace

Result<std::vector<Cascade>> parseCascadeBundle(const std::uint8_t* data, std::size_t size) {
    if (data == nullptr || size == 0) return Error{ErrorCode::EmptyInput, "the cascade bundle is empty (0 bytes)"};
    ByteReader in(data, size);
    if (!in.bytesEqual(kSignature, kSignatureSize)) return corrupt("wrong signature (expected SMPCAS01)");
    const std::uint32_t count = in.u32();
    if (in.failed() || count == 0 || count > 16) return corrupt("implausible cascade count");
    std::vector<Cascade> bundle;
    for (std::uint32_t i = 0; i < count; ++i) {
        auto cascade = readCascade(in);
        if (!cascade) return cascade.error();
        bundle.push_back(std::move(cascade.value()));
    }
    return bundle;
}

const Cascade* findCascade(const std::vector<Cascade>& bundle, const std::string& name) {
    for (const Cascade& c : bundle) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

}  // namespace smp
