#include "simulator.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <string>

#include "det_math.h"

namespace smp {
namespace {

// Share of the final density placed by the end of session 1, 2, 3 (45/35/20%).
constexpr double kCumulativeSessionShare[3] = {0.45, 0.80, 1.0};
// The first session's hairline sits this far behind the final one.
constexpr double kFirstSessionSetBackMm = 4;
constexpr double kMaxHairlineOffsetMm = 30;
constexpr double kMaxHealingDay = 365;
constexpr double kMaxYears = 10;
constexpr double kMaxBrushRadiusPx = 5000;

Error invalid(const std::string& message) { return Error{ErrorCode::InvalidArgument, message}; }

bool within(double v, double lo, double hi) { return v >= lo && v <= hi; }  // false for NaN

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

class StageTimer {
public:
    explicit StageTimer(double& slot) : slot_(slot), start_(std::chrono::steady_clock::now()) {}
    ~StageTimer() {
        slot_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    double& slot_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace

const char* stageName(Stage stage) {
    switch (stage) {
        case Stage::Frame: return "frame";
        case Stage::Hairline: return "hairline";
        case Stage::Mask: return "mask";
        case Stage::Candidates: return "candidates";
        case Stage::Selection: return "selection";
        case Stage::Splat: return "splat";
        case Stage::Composite: return "composite";
        case Stage::Done: return "done";
    }
    return "";
}

Status Simulator::check(const SimulationSettings& s) const {
    if (s.handlesSet && !photo_.empty()) {
        auto frame = HeadFrame::fromHandles(s.handles, photo_.width(), photo_.height(), s.pxPerMmOverride);
        if (!frame) return frame.error();
    }
    if (!(s.pxPerMmOverride == 0 || within(s.pxPerMmOverride, 0.01, 1000))) {
        return invalid("scale " + number(s.pxPerMmOverride) + " px/mm is out of range (0 = automatic)");
    }
    if (!findHairlineTemplate(s.templateId)) {
        return invalid("unknown hairline template '" + s.templateId + "' (" + hairlineTemplateIds() + ")");
    }
    if (!within(s.hairlineOffsetMm, -kMaxHairlineOffsetMm, kMaxHairlineOffsetMm)) {
        return invalid("hairline offset " + number(s.hairlineOffsetMm) + " mm is outside -30…30 mm");
    }
    if (!(s.transitionMm == 0 || within(s.transitionMm, 5, 15))) {
        return invalid("transition " + number(s.transitionMm) + " mm is outside 5…15 mm");
    }
    if (!within(s.densityMultiplier, kMinDensityMultiplier, kMaxDensityMultiplier)) {
        return invalid("density " + number(s.densityMultiplier) + " is outside 0.3…1.5");
    }
    if (s.sessions < 1 || s.sessions > 3) return invalid("sessions " + std::to_string(s.sessions) + " is not 1, 2 or 3");
    if (s.shade != 0) {
        auto pigment = shadePigment(s.shade);
        if (!pigment) return pigment.error();
    }
    if (!within(s.healingDay, 0, kMaxHealingDay)) {
        return invalid("healing day " + number(s.healingDay) + " is outside 0…365");
    }
    if (!within(s.years, 0, kMaxYears)) return invalid("years " + number(s.years) + " is outside 0…10");
    if (!(s.split == -1 || within(s.split, 0, 1))) {
        return invalid("before/after split " + number(s.split) + " is outside 0…1 (-1: off)");
    }
    for (const BrushStroke& dab : s.brush) {
        if (!std::isfinite(dab.centrePx.x) || !std::isfinite(dab.centrePx.y) ||
            !within(dab.radiusPx, 0.5, kMaxBrushRadiusPx)) {
            return invalid("brush dab radius " + number(dab.radiusPx) + " px is outside 0.5…5000, or its centre is not a number");
        }
    }
    return Success{};
}

template <typename Change>
Status Simulator::update(Stage firstAffected, Change change) {
    SimulationSettings next = settings_;
    change(next);
    Status status = check(next);
    if (!status) return status;
    settings_ = std::move(next);
    invalidate(firstAffected);
    return Success{};
}

Status Simulator::setSettings(const SimulationSettings& settings) {
    Status status = check(settings);
    if (!status) return status;
    settings_ = settings;
    invalidate(Stage::Frame);
    return Success{};
}

Status Simulator::setPhoto(Image photo) {
    if (photo.empty()) return Error{ErrorCode::InvalidArgument, "the photo is empty"};
    photo_ = std::move(photo);
    result_ = Image();  // a fresh copy of the new photo at the next composite
    // Handles and brush dabs were in the old photo's pixels.
    settings_.handlesSet = false;
    settings_.brush.clear();
    invalidate(Stage::Frame);
    return Success{};
}

Status Simulator::setHandles(const Handles& handles) {
    return update(Stage::Frame, [&](SimulationSettings& next) { next.handles = handles; next.handlesSet = true; });
}
Status Simulator::setScaleOverride(double pxPerMm) {
    return update(Stage::Frame, [&](SimulationSettings& next) { next.pxPerMmOverride = pxPerMm; });
}
Status Simulator::setTemplate(const std::string& id) {
    return update(Stage::Hairline, [&](SimulationSettings& next) { next.templateId = id; });
}
Status Simulator::setCoverage(Coverage coverage) {
    return update(Stage::Mask, [&](SimulationSettings& next) { next.coverage = coverage; });
}
Status Simulator::setHairlineOffset(double mm) {
    return update(Stage::Hairline, [&](SimulationSettings& next) { next.hairlineOffsetMm = mm; });
}
Status Simulator::setTransition(double mm) {
    return update(Stage::Candidates, [&](SimulationSettings& next) { next.transitionMm = mm; });
}
Status Simulator::setDensity(double multiplier) {
    return update(Stage::Selection, [&](SimulationSettings& next) { next.densityMultiplier = multiplier; });
}
Status Simulator::setSessions(int sessions) {
    return update(Stage::Selection, [&](SimulationSettings& next) { next.sessions = sessions; });
}
Status Simulator::setShade(int shade) {
    if (shade == 0) return invalid("shade 0 means a custom colour: set one with setCustomColour");
    return update(Stage::Composite, [&](SimulationSettings& next) { next.shade = shade; });
}
Status Simulator::setCustomColour(std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    return update(Stage::Composite, [&](SimulationSettings& next) { next.shade = 0; next.customColour = {r, g, b}; });
}
Status Simulator::setHealingDay(double day) {
    return update(Stage::Splat, [&](SimulationSettings& next) { next.healingDay = day; });
}
Status Simulator::setYears(double years) {
    return update(Stage::Splat, [&](SimulationSettings& next) { next.years = years; });
}
Status Simulator::setSeed(std::uint32_t seed) {
    return update(Stage::Hairline, [&](SimulationSettings& next) { next.seed = seed; });
}
Status Simulator::setWhorl(Whorl whorl) {
    return update(Stage::Candidates, [&](SimulationSettings& next) { next.whorl = whorl; });
}
Status Simulator::setSplit(double fraction) {
    return update(Stage::Composite, [&](SimulationSettings& next) { next.split = fraction; });
}
Status Simulator::addBrushStroke(const BrushStroke& stroke) {
    return update(Stage::Mask, [&](SimulationSettings& next) { next.brush.push_back(stroke); });
}
Status Simulator::clearBrush() {
    return update(Stage::Mask, [&](SimulationSettings& next) { next.brush.clear(); });
}


void Simulator::invalidate(Stage stage) {
    if (static_cast<int>(stage) < static_cast<int>(firstStale_)) firstStale_ = stage;
}

Result<const Image*> Simulator::render() {
    if (photo_.empty()) return invalid("no photo: load one first");
    if (!settings_.handlesSet) return invalid("no placement: set the three handles first");
    stats_.stageMs = {};
    using Step = void (Simulator::*)();
    // std::array, not a C array: GCC 12's UBSan at -O0 misreads the index into a C array
    // of member-function pointers and reports it out of bounds.
    static constexpr std::array<Step, kStageCount> kSteps = {
        &Simulator::runFrame,     &Simulator::runHairline, &Simulator::runMask,     &Simulator::runCandidates,
        &Simulator::runSelection, &Simulator::runSplat,    &Simulator::runComposite};
    for (auto s = static_cast<std::size_t>(firstStale_); s < kSteps.size(); ++s) {
        StageTimer timer(stats_.stageMs[s]);
        (this->*kSteps[s])();
    }
    firstStale_ = Stage::Done;
    return &result_;
}

void Simulator::runFrame() {
    // check() accepted these handles for this photo, so this cannot fail.
    frame_ = HeadFrame::fromHandles(settings_.handles, photo_.width(), photo_.height(),
                                    settings_.pxPerMmOverride).value();
    stats_.pxPerMm = frame_->pxPerMm();
}

void Simulator::runHairline() {
    hairline_ = Hairline(*frame_, *findHairlineTemplate(settings_.templateId), settings_.hairlineOffsetMm,
                         settings_.seed);
}

void Simulator::runMask() {
    buildTreatmentMask(photo_, *frame_, hairline_, *findHairlineTemplate(settings_.templateId), settings_.coverage,
                       settings_.brush, mask_);
}

SamplingInputs Simulator::samplingInputs() const {
    const HairlineTemplate& style = *findHairlineTemplate(settings_.templateId);
    const double transition = settings_.transitionMm > 0 ? settings_.transitionMm : style.transitionMm;
    return {*frame_, hairline_, *fields_, mask_, style, settings_.coverage, transition, settings_.seed};
}

void Simulator::runCandidates() {
    fields_.emplace(frame_->leftCornerMm(), frame_->rightCornerMm(), ZoneDensities{}, settings_.whorl);
    candidates_ = sampleCandidates(samplingInputs());
    coreAreas_.reset();
}

void Simulator::runSelection() {
    const double multiplier = settings_.densityMultiplier;
    selected_ = keptCount(candidates_, multiplier);
    sessionOf_.resize(selected_);
    std::array<std::size_t, kZoneCount> zoneCounts{};
    std::size_t drawn = 0;
    for (std::size_t i = 0; i < selected_; ++i) {
        const DotCandidate& dot = candidates_.candidates[i];
        // A prefix of the kept dots is itself blue noise: the first 45% are session 1.
        const double share = dot.key / multiplier;
        int session = share < kCumulativeSessionShare[0] ? 1 : share < kCumulativeSessionShare[1] ? 2 : 3;
        if (session == 1 && dot.hairlineDistanceMm < kFirstSessionSetBackMm) session = 2;
        if (session > settings_.sessions) session = 0;
        sessionOf_[i] = static_cast<std::uint8_t>(session);
        if (session == 0) continue;
        ++drawn;
        if (dot.coreZone >= 0) ++zoneCounts[static_cast<std::size_t>(dot.coreZone)];
    }
    stats_.dotCount = drawn;
    coreDotCounts_ = zoneCounts;
}

const SimulationStats& Simulator::stats() const {
    if (!frame_ || !fields_ || firstStale_ != Stage::Done) return stats_;
    if (!coreAreas_) coreAreas_ = measureCoreAreas(samplingInputs());
    const double share = kCumulativeSessionShare[settings_.sessions - 1];
    for (std::size_t z = 0; z < kZoneCount; ++z) {
        ZoneStats& zone = stats_.zones[z];
        zone.areaCm2 = (*coreAreas_)[z];
        zone.targetPerCm2 = candidates_.zoneDensity[z] * settings_.densityMultiplier * share;
        zone.measuredPerCm2 = zone.areaCm2 > 0 ? static_cast<double>(coreDotCounts_[z]) / zone.areaCm2 : 0;
    }
    return stats_;
}

void Simulator::runSplat() {
    if (!(mask_.bounds == ink_.region())) {
        ink_.reset(mask_.bounds);
    } else {
        ink_.clear();
    }
    const SplatSettings splat{frame_->pxPerMm(), healingAt(settings_.healingDay), fadingAfter(settings_.years),
                              settings_.sessions};
    splatDots(candidates_, selected_, sessionOf_, splat, ink_);
}

void Simulator::runComposite() {
    if (result_.width() != photo_.width() || result_.height() != photo_.height()) {
        auto image = Image::allocate(photo_.width(), photo_.height());
        // An allocation failure leaves the previous result; the caller sees no change.
        if (!image) return;
        result_ = std::move(image.value());
        std::memcpy(result_.data(), photo_.data(), photo_.sizeBytes());
        resultChanged_ = {};
    }
    const Pigment pigment = settings_.shade > 0
                                ? shadePigment(settings_.shade).value()
                                : customPigment(settings_.customColour[0], settings_.customColour[1],
                                                settings_.customColour[2]);
    const int splitX = settings_.split < 0 ? -1 : static_cast<int>(std::lround(settings_.split * photo_.width()));
    composite(photo_, ink_, mask_, {pigment, healingAt(settings_.healingDay).redness, splitX}, result_,
              resultChanged_);
}

Result<Image> Simulator::renderOn(Image photo) const {
    if (photo_.empty()) return invalid("no photo: load one first");
    if (photo.empty()) return invalid("the photo is empty");
    const double ratio = static_cast<double>(photo.width()) / photo_.width();
    SimulationSettings scaled = settings_;
    for (Vec2* p : {&scaled.handles.leftTemple, &scaled.handles.midFront, &scaled.handles.rightTemple}) {
        *p = ratio * *p;
    }
    scaled.pxPerMmOverride *= ratio;
    for (BrushStroke& dab : scaled.brush) {
        dab.centrePx = ratio * dab.centrePx;
        dab.radiusPx *= ratio;
    }
    Simulator other;
    Status status = other.setPhoto(std::move(photo));
    if (status) status = other.setSettings(scaled);
    if (!status) return status.error();
    auto rendered = other.render();
    if (!rendered) return rendered.error();
    return std::move(other.result_);
}

std::vector<Vec2> Simulator::hairlinePolyline() const {
    std::vector<Vec2> points;
    if (!frame_) return points;
    for (const Vec2& mm : hairline_.polyline()) points.push_back(frame_->toPhoto(mm));
    return points;
}

std::vector<DotRecord> Simulator::dots() const {
    std::vector<DotRecord> records;
    const HealingState healing = healingAt(settings_.healingDay);
    for (std::size_t i = 0; i < selected_ && i < sessionOf_.size(); ++i) {
        if (sessionOf_[i] == 0) continue;
        const DotCandidate& dot = candidates_.candidates[i];
        records.push_back({dot.xPx, dot.yPx, dot.diameterMm * healing.sizeFactor,
                           det::atan2(dot.dirY, dot.dirX) * 180 / det::kPi, dot.depthMm,
                           dot.strength * sessionStrength(sessionOf_[i], settings_.sessions), sessionOf_[i]});
    }
    return records;
}

}  // namespace smp
