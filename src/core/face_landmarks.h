// Facial landmarks inside a detected face box, for placing the hairline: eyes (the eye
// cascade in the upper face, or face proportions when it finds none), pupils (the
// darkest compact blob of each eye), outer eye corners, brows, the glabella and the
// head's in-plane tilt. Works on a patch of the face resampled to a fixed size, so
// every threshold is a share of the face's width.
#pragma once

#include "cascade_model.h"
#include "gray_image.h"
#include "head_frame.h"

namespace smp {

struct FaceLandmarks {
    // "left"/"right" are image-left/image-right (the person's right/left), as handles.
    Vec2 leftPupil, rightPupil;
    Vec2 leftEyeCorner, rightEyeCorner;  // outer corners (lateral canthi)
    Vec2 leftBrow, rightBrow;            // brow line, above each pupil
    Vec2 glabella;                       // between the brows, on the face's midline
    Vec2 upAxis;                         // unit vector from chin to crown (⊥ the pupil line)
    double tiltDeg = 0;                  // pupil line's angle, clockwise in the image
    PixelBox leftEyeBox, rightEyeBox;    // where each pupil was looked for
    bool leftEyeDetected = false;        // by the eye cascade (else face proportions)
    bool rightEyeDetected = false;
    bool browsFound = false;             // a dark band above each eye (else proportions)
};

// face: a face box in `gray`'s pixels (from the face cascade). eyeCascade may be null
// (proportions only).
FaceLandmarks findLandmarks(const GrayImage& gray, PixelBox face, const Cascade* eyeCascade);

}  // namespace smp
