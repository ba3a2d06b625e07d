// The whole SMP simulation with per-stage caching. Each setter marks the first stage
// whose inputs it changes; render() reruns from there. Order of stages:
//
//   frame → hairline → mask → candidates → selection → splat → composite
//
// So a shade change only recomposites, a density change re-selects (a binary search)
// and re-splats, and moving a handle starts from the frame. Setters validate and leave
// everything unchanged on error.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fields.h"
#include "hairline.h"
#include "head_frame.h"
#include "image.h"
#include "optics.h"
#include "render.h"
#include "result.h"
#include "sampler.h"
#include "treatment_mask.h"

namespace smp {

struct Success {};
using Status = Result<Success>;

// Every user-facing parameter, with its default.
struct SimulationSettings {
    Handles handles;                  // photo pixels; must be set before rendering
    bool handlesSet = false;
    double pxPerMmOverride = 0;       // 0: from the temple corners
    std::string templateId = "soft";
    Coverage coverage = Coverage::FullScalp;
    double hairlineOffsetMm = 0;      // −30…30, + moves the hairline up
    double transitionMm = 0;          // 5–15, 0: the style's own
    double densityMultiplier = 1;     // 0.3–1.5
    int sessions = 3;                 // 1–3
    int shade = 3;                    // 1–5; 0 with a custom colour
    std::array<std::uint8_t, 3> customColour{0x4B, 0x4B, 0x52};
    double healingDay = 28;           // 0–365; 28 and later: healed
    double years = 0;                 // 0–10
    std::uint32_t seed = 1;
    Whorl whorl = Whorl::Clockwise;
    double split = -1;                // before/after divider, 0–1 of the width; -1 off
    std::vector<BrushStroke> brush;
};

enum class Stage { Frame = 0, Hairline, Mask, Candidates, Selection, Splat, Composite, Done };
constexpr int kStageCount = static_cast<int>(Stage::Done);
const char* stageName(Stage stage);

struct ZoneStats {
    double targetPerCm2 = 0;    // what the settings ask for here
    double measuredPerCm2 = 0;  // dots counted where the zone's density is exact
    double areaCm2 = 0;         // that area
};

struct SimulationStats {
    std::size_t dotCount = 0;  // dots drawn
    double pxPerMm = 0;
    std::array<ZoneStats, kZoneCount> zones{};
    std::array<double, kStageCount> stageMs{};  // time of the last run of each stage (0: cached)
};

// One dot as drawn, in photo pixels and mm (for --dump-dots and tests).
struct DotRecord {
    double xPx, yPx, diameterMm, angleDeg, depthMm, strength;
    int session;
};

class Simulator {
public:
    // The photo to draw on (upright sRGB); starts over.
    Status setPhoto(Image photo);
    Status setHandles(const Handles& handles);
    Status setScaleOverride(double pxPerMm);  // 0 = estimate from the handles
    Status setTemplate(const std::string& id);
    Status setCoverage(Coverage coverage);
    Status setHairlineOffset(double mm);
    Status setTransition(double mm);
    Status setDensity(double multiplier);
    Status setSessions(int sessions);
    Status setShade(int shade);
    Status setCustomColour(std::uint8_t r, std::uint8_t g, std::uint8_t b);
    Status setHealingDay(double day);
    Status setYears(double years);
    Status setSeed(std::uint32_t seed);
    Status setWhorl(Whorl whorl);
    Status setSplit(double fraction);
    Status addBrushStroke(const BrushStroke& stroke);
    Status clearBrush();
    // All settings at once (validated together; nothing changes on error).
    Status setSettings(const SimulationSettings& settings);

    const SimulationSettings& settings() const { return settings_; }
    const Image& photo() const { return photo_; }

    // Brings every stale stage up to date and returns the result (valid until the next
    // call that changes anything). Fails when there is no photo or no handles.
    Result<const Image*> render();
    // The same design drawn on another copy of the photo (e.g. full size): handles,
    // brush and scale are scaled by its width ratio. The dots are the same in mm.
    Result<Image> renderOn(Image photo) const;

    // After render(): statistics (the zone areas are measured on first use), the
    // hairline in photo pixels, and the drawn dots.
    const SimulationStats& stats() const;
    std::vector<Vec2> hairlinePolyline() const;
    std::vector<DotRecord> dots() const;

private:
    void invalidate(Stage stage);
    // Applies `change` to a copy of the settings; keeps it if valid and marks the
    // stages from `firstAffected` on as stale.
    template <typename Change>
    Status update(Stage firstAffected, Change change);
    Status check(const SimulationSettings& s) const;
    SamplingInputs samplingInputs() const;
    void runFrame();
    void runHairline();
    void runMask();
    void runCandidates();
    void runSelection();
    void runSplat();
    void runComposite();

    SimulationSettings settings_;
    Image photo_;
    Stage firstStale_ = Stage::Frame;

    std::optional<HeadFrame> frame_;
    std::optional<ScalpFields> fields_;
    Hairline hairline_;
    TreatmentMask mask_;
    CandidateSet candidates_;
    std::size_t selected_ = 0;                 // candidates kept at this density
    std::vector<std::uint8_t> sessionOf_;      // per kept candidate: 1–3, 0 = not drawn
    std::array<std::size_t, kZoneCount> coreDotCounts_{};
    mutable std::optional<std::array<double, kZoneCount>> coreAreas_;  // per candidate set
    InkLayer ink_;
    Image result_;
    PixelBox resultChanged_;  // where result_ differs from the photo
    mutable SimulationStats stats_;
};

}  // namespace smp
