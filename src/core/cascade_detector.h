// Multi-scale object detection with a boosted cascade (cascade_model.h), the way
// OpenCV's CascadeClassifier::detectMultiScale works: an image pyramid with the
// cascade's window slid over each level (integral images make every rectangle sum four
// reads), then overlapping hits grouped, keeping groups with enough neighbours.
#pragma once

#include <vector>

#include "cascade_model.h"
#include "gray_image.h"
#include "head_frame.h"

namespace smp {

struct DetectOptions {
    double scaleStep = 1.1;   // ratio between pyramid levels, > 1
    int minNeighbours = 3;    // a group needs more than this many raw hits
    int minWindow = 0;        // smallest window side in image pixels (0: the cascade's)
    int maxWindow = 0;        // largest (0: no limit but the image)
    double groupEps = 0.2;    // how far apart, relative to size, hits still group
};

struct Detection {
    PixelBox box;        // in the image's pixels
    int neighbours = 0;  // raw hits merged into it
};

// Raw windows the cascade accepts, over all pyramid levels.
std::vector<PixelBox> scanCascade(const GrayImage& image, const Cascade& cascade, const DetectOptions& options);

// Groups similar boxes (OpenCV's groupRectangles): each group becomes its mean box;
// groups of minNeighbours or fewer hits are dropped, as is a small group inside a
// larger, stronger one. Largest first.
std::vector<Detection> groupHits(const std::vector<PixelBox>& hits, int minNeighbours, double eps);

// scanCascade then groupHits.
std::vector<Detection> detectObjects(const GrayImage& image, const Cascade& cascade, const DetectOptions& options);

}  // namespace smp
