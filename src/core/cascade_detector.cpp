#include "cascade_detector.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "integral_image.h"

namespace smp {
namespace {

// OpenCV lowers every stage threshold by this when it loads a cascade.
constexpr float kStageThresholdSlack = 1e-5f;
// Haar windows flatter than this standard deviation (grey levels) are skipped, as
// OpenCV does: the normalised features are meaningless there.
constexpr double kMinHaarStdDev = 10;

// An LBP feature as offsets into one integral table: the 4×4 corners of its 3×3 cells.
struct LbpOffsets {
    std::array<std::ptrdiff_t, 16> corner;
};

std::vector<LbpOffsets> lbpOffsets(const Cascade& cascade, std::size_t stride) {
    std::vector<LbpOffsets> out;
    for (const LbpFeature& f : cascade.lbpFeatures) {
        LbpOffsets o;
        for (int r = 0; r < 4; ++r) {
            for (int k = 0; k < 4; ++k) {
                o.corner[static_cast<std::size_t>(r * 4 + k)] =
                    static_cast<std::ptrdiff_t>(static_cast<std::size_t>(f.y + r * f.h) * stride + static_cast<std::size_t>(f.x + k * f.w));
            }
        }
        out.push_back(o);
    }
    return out;
}

// The 8-bit LBP code at a window whose top-left corner is `p` in the table: one bit per
// outer cell, set when its sum is at least the centre's, clockwise from the top-left
// (bit 7), as OpenCV's LBP cascades define it.
int lbpCode(const std::uint32_t* p, const LbpOffsets& o) {
    const auto& c = o.corner;
    auto cell = [&](int r, int k) {
        const std::size_t i = static_cast<std::size_t>(r * 4 + k);
        return p[c[i + 5]] - p[c[i + 4]] - p[c[i + 1]] + p[c[i]];
    };
    const std::uint32_t centre = cell(1, 1);
    return (cell(0, 0) >= centre ? 128 : 0) | (cell(0, 1) >= centre ? 64 : 0) | (cell(0, 2) >= centre ? 32 : 0) |
           (cell(1, 2) >= centre ? 16 : 0) | (cell(2, 2) >= centre ? 8 : 0) | (cell(2, 1) >= centre ? 4 : 0) |
           (cell(2, 0) >= centre ? 2 : 0) | (cell(1, 0) >= centre ? 1 : 0);
}

bool passesLbp(const Cascade& cascade, const std::vector<LbpOffsets>& offsets, const std::uint32_t* window) {
    for (const CascadeStage& stage : cascade.stages) {
        float sum = 0;
        for (const Stump& stump : stage.stumps) {
            const int code = lbpCode(window, offsets[static_cast<std::size_t>(stump.feature)]);
            const bool inSubset = (stump.subset[static_cast<std::size_t>(code >> 5)] >> (code & 31)) & 1u;
            sum += inSubset ? stump.left : stump.right;
        }
        if (sum < stage.threshold - kStageThresholdSlack) return false;
    }
    return true;
}

// A Haar feature as offsets into one integral table: four corners per rectangle.
struct HaarOffsets {
    std::array<std::array<std::ptrdiff_t, 4>, 3> corners;  // top-left, top-right, bottom-left, bottom-right
    std::array<float, 3> weights;
    int count;
};

std::array<std::ptrdiff_t, 4> rectCorners(int x, int y, int w, int h, std::size_t stride) {
    auto at = [&](int cx, int cy) {
        return static_cast<std::ptrdiff_t>(static_cast<std::size_t>(cy) * stride + static_cast<std::size_t>(cx));
    };
    return {at(x, y), at(x + w, y), at(x, y + h), at(x + w, y + h)};
}

std::vector<HaarOffsets> haarOffsets(const Cascade& cascade, std::size_t stride) {
    std::vector<HaarOffsets> out;
    for (const HaarFeature& f : cascade.haarFeatures) {
        HaarOffsets o{};
        o.count = f.count;
        for (std::size_t r = 0; r < static_cast<std::size_t>(f.count); ++r) {
            o.corners[r] = rectCorners(f.rects[r].x, f.rects[r].y, f.rects[r].w, f.rects[r].h, stride);
            o.weights[r] = f.rects[r].weight;
        }
        out.push_back(o);
    }
    return out;
}

template <typename T>
T rectSum(const T* p, const std::array<std::ptrdiff_t, 4>& c) {
    return p[c[3]] - p[c[2]] - p[c[1]] + p[c[0]];
}

// The window at `p` (sums) and `q` (squares). Features are divided by the window's
// standard deviation × area (less a one-pixel border, as the cascade was trained).
bool passesHaar(const Cascade& cascade, const std::vector<HaarOffsets>& offsets, const std::array<std::ptrdiff_t, 4>& normCorners,
                const std::uint32_t* p, const std::uint64_t* q) {
    const double area = static_cast<double>(cascade.windowWidth - 2) * (cascade.windowHeight - 2);
    const double sum = rectSum(p, normCorners);
    const double squares = static_cast<double>(rectSum(q, normCorners));
    const double spread = area * squares - sum * sum;  // area² · variance
    if (spread <= 0) return false;
    const double norm = std::sqrt(spread);
    if (norm <= area * kMinHaarStdDev) return false;
    const float scale = static_cast<float>(1.0 / norm);
    for (const CascadeStage& stage : cascade.stages) {
        float total = 0;
        for (const Stump& stump : stage.stumps) {
            const HaarOffsets& f = offsets[static_cast<std::size_t>(stump.feature)];
            float value = 0;
            for (std::size_t r = 0; r < static_cast<std::size_t>(f.count); ++r) {
                value += f.weights[r] * static_cast<float>(rectSum(p, f.corners[r]));
            }
            total += value * scale < stump.threshold ? stump.left : stump.right;
        }
        if (total < stage.threshold - kStageThresholdSlack) return false;
    }
    return true;
}

int roundToInt(double v) { return static_cast<int>(std::floor(v + 0.5)); }

// Union–find over hit indices.
int root(std::vector<int>& parent, int i) {
    while (parent[static_cast<std::size_t>(i)] != i) {
        parent[static_cast<std::size_t>(i)] = parent[static_cast<std::size_t>(parent[static_cast<std::size_t>(i)])];
        i = parent[static_cast<std::size_t>(i)];
    }
    return i;
}

bool similar(const PixelBox& a, const PixelBox& b, double eps) {
    const double delta = eps * (std::min(a.x1 - a.x0, b.x1 - b.x0) + std::min(a.y1 - a.y0, b.y1 - b.y0)) * 0.5;
    return std::abs(a.x0 - b.x0) <= delta && std::abs(a.y0 - b.y0) <= delta && std::abs(a.x1 - b.x1) <= delta &&
           std::abs(a.y1 - b.y1) <= delta;
}

}  // namespace

std::vector<PixelBox> scanCascade(const GrayImage& image, const Cascade& cascade, const DetectOptions& options) {
    std::vector<PixelBox> hits;
    if (image.pixels.empty() || cascade.stages.empty() || !(options.scaleStep > 1)) return hits;
    const bool haar = cascade.type == FeatureType::Haar;
    for (double factor = 1;; factor *= options.scaleStep) {
        const int windowW = roundToInt(cascade.windowWidth * factor);
        const int windowH = roundToInt(cascade.windowHeight * factor);
        if (windowW > image.width || windowH > image.height) break;
        if (options.maxWindow > 0 && std::max(windowW, windowH) > options.maxWindow) break;
        if (std::min(windowW, windowH) < options.minWindow) continue;
        const int levelW = roundToInt(image.width / factor);
        const int levelH = roundToInt(image.height / factor);
        if (levelW < cascade.windowWidth || levelH < cascade.windowHeight) break;
        const GrayImage level = factor == 1 ? image : resampleRegion(image, {0, 0, image.width, image.height}, levelW, levelH);
        const IntegralImage ii(level, haar);
        const std::vector<LbpOffsets> lbp = haar ? std::vector<LbpOffsets>{} : lbpOffsets(cascade, ii.stride());
        const std::vector<HaarOffsets> haarFeatures = haar ? haarOffsets(cascade, ii.stride()) : std::vector<HaarOffsets>{};
        const auto normCorners = rectCorners(1, 1, cascade.windowWidth - 2, cascade.windowHeight - 2, ii.stride());
        // Every second position on fine levels, every one on coarse levels (OpenCV's step).
        const int step = factor > 2 ? 1 : 2;
        for (int y = 0; y + cascade.windowHeight <= levelH; y += step) {
            for (int x = 0; x + cascade.windowWidth <= levelW; x += step) {
                const std::size_t origin = static_cast<std::size_t>(y) * ii.stride() + static_cast<std::size_t>(x);
                const bool pass = haar ? passesHaar(cascade, haarFeatures, normCorners, ii.table() + origin, ii.squaresTable() + origin)
                                       : passesLbp(cascade, lbp, ii.table() + origin);
                if (pass) {
                    const int x0 = roundToInt(x * factor);
                    const int y0 = roundToInt(y * factor);
                    hits.push_back({x0, y0, x0 + windowW, y0 + windowH});
                }
            }
        }
    }
    return hits;
}

std::vector<Detection> groupHits(const std::vector<PixelBox>& hits, int minNeighbours, double eps) {
    const int n = static_cast<int>(hits.size());
    std::vector<int> parent(hits.size());
    std::iota(parent.begin(), parent.end(), 0);
    for (int i = 0; i < n; ++i) {
        for (int j = i + 1; j < n; ++j) {
            if (similar(hits[static_cast<std::size_t>(i)], hits[static_cast<std::size_t>(j)], eps)) {
                const int a = root(parent, i);
                const int b = root(parent, j);
                if (a != b) parent[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);
            }
        }
    }
    // Mean box of each group, in the order of their first hit.
    struct Group {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        int count = 0;
    };
    std::vector<Group> groups;
    std::vector<int> groupOfRoot(hits.size(), -1);
    for (int i = 0; i < n; ++i) {
        const std::size_t r = static_cast<std::size_t>(root(parent, i));
        if (groupOfRoot[r] < 0) {
            groupOfRoot[r] = static_cast<int>(groups.size());
            groups.emplace_back();
        }
        Group& g = groups[static_cast<std::size_t>(groupOfRoot[r])];
        const PixelBox& b = hits[static_cast<std::size_t>(i)];
        g.x0 += b.x0;
        g.y0 += b.y0;
        g.x1 += b.x1 - b.x0;  // widths and heights are averaged, as OpenCV does
        g.y1 += b.y1 - b.y0;
        ++g.count;
    }
    std::vector<Detection> means;
    for (const Group& g : groups) {
        const int x0 = roundToInt(g.x0 / g.count);
        const int y0 = roundToInt(g.y0 / g.count);
        means.push_back({{x0, y0, x0 + roundToInt(g.x1 / g.count), y0 + roundToInt(g.y1 / g.count)}, g.count});
    }
    std::vector<Detection> kept;
    for (std::size_t i = 0; i < means.size(); ++i) {
        const Detection& a = means[i];
        if (a.neighbours <= minNeighbours) continue;
        bool inside = false;
        for (std::size_t j = 0; j < means.size() && !inside; ++j) {
            const Detection& b = means[j];
            if (j == i || b.neighbours <= minNeighbours) continue;
            const int dx = roundToInt((b.box.x1 - b.box.x0) * eps);
            const int dy = roundToInt((b.box.y1 - b.box.y0) * eps);
            inside = a.box.x0 >= b.box.x0 - dx && a.box.y0 >= b.box.y0 - dy && a.box.x1 <= b.box.x1 + dx &&
                     a.box.y1 <= b.box.y1 + dy && (b.neighbours > std::max(3, a.neighbours) || a.neighbours < 3);
        }
        if (!inside) kept.push_back(a);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Detection& a, const Detection& b) {
        return (a.box.x1 - a.box.x0) > (b.box.x1 - b.box.x0);
    });
    return kept;
}

std::vector<Detection> detectObjects(const GrayImage& image, const Cascade& cascade, const DetectOptions& options) {
    return groupHits(scanCascade(image, cascade, options), options.minNeighbours, options.groupEps);
}

}  // namespace smp
