// Placement: three handles on the photo define the head frame, a coordinate system in
// millimetres on the head, and the photo's scale.
//
// Head frame: origin at the mid-frontal point, +x along the line from the left temple
// corner to the right one (as seen in the photo), +y up the forehead towards the crown.
// Pixels appear only here, at the edge between the photo and the model.
#pragma once

#include "result.h"

namespace smp {

struct Vec2 {
    double x = 0;
    double y = 0;
};

inline Vec2 operator+(Vec2 a, Vec2 b) { return {a.x + b.x, a.y + b.y}; }
inline Vec2 operator-(Vec2 a, Vec2 b) { return {a.x - b.x, a.y - b.y}; }
inline Vec2 operator*(double s, Vec2 v) { return {s * v.x, s * v.y}; }
inline double dot(Vec2 a, Vec2 b) { return a.x * b.x + a.y * b.y; }
double length(Vec2 v);

struct PixelBox {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // half-open [x0, x1) × [y0, y1)
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool operator==(const PixelBox& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// The smallest box holding both (an empty box adds nothing).
PixelBox unite(const PixelBox& a, const PixelBox& b);

// The three handles, in photo pixels (x right, y down).
struct Handles {
    Vec2 leftTemple;
    Vec2 midFront;
    Vec2 rightTemple;
};

// Distance between an adult's temple corners, which sit above the outer eye corners.
constexpr double kDefaultTempleSpanMm = 95.0;
// How far the reference rule puts the temple corners below the mid-frontal point.
constexpr double kDefaultTempleDropMm = 5.0;

class HeadFrame {
public:
    // Validates the handles against a width×height photo. pxPerMmOverride > 0 replaces
    // the scale estimated from the temple corners.
    static Result<HeadFrame> fromHandles(const Handles& handles, int width, int height,
                                         double pxPerMmOverride = 0);

    double pxPerMm() const { return pxPerMm_; }
    Vec2 toPhoto(Vec2 mm) const;
    Vec2 toFrame(Vec2 px) const;
    // A direction in the frame (unit or not) as a photo-pixel direction, same length in mm→px.
    Vec2 directionToPhoto(Vec2 mmDirection) const;
    // Pixels covering the frame rectangle [minMm, maxMm], clipped to a width×height photo.
    PixelBox photoBounds(Vec2 minMm, Vec2 maxMm, int width, int height) const;
    // Temple corners in frame mm.
    Vec2 leftCornerMm() const { return leftMm_; }
    Vec2 rightCornerMm() const { return rightMm_; }

private:
    Vec2 origin_;   // mid-frontal point, px
    Vec2 xAxis_;    // unit vector in the photo, left → right temple
    Vec2 upAxis_;   // unit vector in the photo towards the crown
    double pxPerMm_ = 1;
    Vec2 leftMm_;
    Vec2 rightMm_;
};

}  // namespace smp
