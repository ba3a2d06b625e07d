#include "head_frame.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace smp {
namespace {

// Temple corners closer than this cannot carry a hairline of visible dots.
constexpr double kMinTempleSpanPx = 16;
// A tilted head is fine; past this the left and right handles are most likely swapped.
constexpr double kMaxTiltDegrees = 60;
// Plausible temple spans when the caller gives the scale.
constexpr double kMinSpanMm = 50;
constexpr double kMaxSpanMm = 160;

std::string format(const char* fmt, double a, double b = 0, double c = 0) {
    char buffer[200];
    std::snprintf(buffer, sizeof buffer, fmt, a, b, c);
    return buffer;
}

Error invalid(std::string message) { return Error{ErrorCode::InvalidArgument, std::move(message)}; }

bool inside(Vec2 p, int width, int height) {
    return std::isfinite(p.x) && std::isfinite(p.y) && p.x >= 0 && p.y >= 0 &&
           p.x <= width && p.y <= height;
}

}  // namespace

double length(Vec2 v) { return std::sqrt(dot(v, v)); }

PixelBox unite(const PixelBox& a, const PixelBox& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

Result<HeadFrame> HeadFrame::fromHandles(const Handles& handles, int width, int height,
                                         double pxPerMmOverride) {
    const struct {
        const char* name;
        Vec2 point;
    } named[] = {{"left temple corner", handles.leftTemple},
                 {"mid-frontal point", handles.midFront},
                 {"right temple corner", handles.rightTemple}};
    for (const auto& handle : named) {
        if (!inside(handle.point, width, height)) {
            return invalid(std::string("the ") + handle.name +
                           format(" at (%.0f, %.0f) is outside the photo", handle.point.x,
                                  handle.point.y) +
                           format(" (%.0f×%.0f)", width, height));
        }
    }
    const Vec2 span = handles.rightTemple - handles.leftTemple;
    const double spanPx = length(span);
    if (spanPx < kMinTempleSpanPx) {
        return invalid(format("the temple corners are %.1f px apart; place them at least %.0f px "
                              "apart, above the outer corners of the eyes",
                              spanPx, kMinTempleSpanPx));
    }
    HeadFrame frame;
    frame.xAxis_ = (1.0 / spanPx) * span;
    if (frame.xAxis_.x < std::cos(kMaxTiltDegrees * 3.14159265358979323846 / 180)) {
        return invalid(frame.xAxis_.x < 0
                           ? "the left and right temple corners are swapped"
                           : format("the temple corners tilt the head by more than %.0f°",
                                    kMaxTiltDegrees));
    }
    frame.upAxis_ = {frame.xAxis_.y, -frame.xAxis_.x};  // x axis turned 90° towards the top
    const double along = dot(handles.midFront - handles.leftTemple, frame.xAxis_) / spanPx;
    if (along < 0.15 || along > 0.85) {
        return invalid("the mid-frontal point must lie between the temple corners, near the "
                       "middle of the forehead");
    }
    if (pxPerMmOverride != 0) {
        if (!(pxPerMmOverride > 0) || !std::isfinite(pxPerMmOverride)) {
            return invalid(format("scale %g px/mm must be a positive number", pxPerMmOverride));
        }
        const double spanMm = spanPx / pxPerMmOverride;
        if (spanMm < kMinSpanMm || spanMm > kMaxSpanMm) {
            return invalid(format("at %g px/mm the temple corners are %.0f mm apart; an adult's "
                                  "are about 95 mm",
                                  pxPerMmOverride, spanMm) +
                           format(" (%.0f–%.0f mm accepted)", kMinSpanMm, kMaxSpanMm));
        }
        frame.pxPerMm_ = pxPerMmOverride;
    } else {
        frame.pxPerMm_ = spanPx / kDefaultTempleSpanMm;
    }
    frame.origin_ = handles.midFront;
    frame.leftMm_ = frame.toFrame(handles.leftTemple);
    frame.rightMm_ = frame.toFrame(handles.rightTemple);
    // The corners sit level with or above the mid-frontal point, never far below it.
    const double cornerDrop = -std::fmin(frame.leftMm_.y, frame.rightMm_.y);
    if (cornerDrop > 0.3 * (frame.rightMm_.x - frame.leftMm_.x)) {
        return invalid(format("the temple corners are %.0f mm below the mid-frontal point; they "
                              "belong level with it or higher",
                              cornerDrop));
    }
    return frame;
}

Vec2 HeadFrame::toPhoto(Vec2 mm) const {
    return origin_ + (pxPerMm_ * mm.x) * xAxis_ + (pxPerMm_ * mm.y) * upAxis_;
}

Vec2 HeadFrame::toFrame(Vec2 px) const {
    const Vec2 d = px - origin_;
    return {dot(d, xAxis_) / pxPerMm_, dot(d, upAxis_) / pxPerMm_};
}

PixelBox HeadFrame::photoBounds(Vec2 minMm, Vec2 maxMm, int width, int height) const {
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    for (const Vec2 corner : {minMm, maxMm, Vec2{minMm.x, maxMm.y}, Vec2{maxMm.x, minMm.y}}) {
        const Vec2 p = toPhoto(corner);
        x0 = std::fmin(x0, p.x);
        y0 = std::fmin(y0, p.y);
        x1 = std::fmax(x1, p.x);
        y1 = std::fmax(y1, p.y);
    }
    const auto clampTo = [](double v, int hi) {
        return static_cast<int>(std::fmin(std::fmax(v, 0.0), static_cast<double>(hi)));
    };
    return {clampTo(std::floor(x0), width), clampTo(std::floor(y0), height),
            clampTo(std::ceil(x1) + 1, width), clampTo(std::ceil(y1) + 1, height)};
}

Vec2 HeadFrame::directionToPhoto(Vec2 mm) const {
    return (pxPerMm_ * mm.x) * xAxis_ + (pxPerMm_ * mm.y) * upAxis_;
}

}  // namespace smp
