#include "blue_noise_tile.h"

#include <algorithm>
#include <cmath>

#include "random.h"

namespace smp {
namespace {

// Points bucketed in a toroidal grid, for nearest-neighbour distance queries.
class TorusGrid {
public:
    TorusGrid(double side, int cellsPerSide)
        : side_(side), cells_(cellsPerSide), cellSize_(side / cellsPerSide),
          buckets_(static_cast<std::size_t>(cellsPerSide * cellsPerSide)) {}

    void insert(Vec2 p) { buckets_[bucketOf(cellOf(p.x), cellOf(p.y))].push_back(p); }

    // Squared toroidal distance to the nearest stored point (infinity when empty),
    // searching rings of cells outwards until no closer point can exist.
    double nearestSquared(Vec2 p) const {
        const int cx = cellOf(p.x);
        const int cy = cellOf(p.y);
        double best = INFINITY;
        for (int ring = 0; ring <= cells_ / 2 + 1; ++ring) {
            const double reach = (ring - 1) * cellSize_;
            if (ring > 0 && reach > 0 && reach * reach > best) break;
            for (int dy = -ring; dy <= ring; ++dy) {
                for (int dx = -ring; dx <= ring; ++dx) {
                    if (std::max(std::abs(dx), std::abs(dy)) != ring) continue;
                    for (const Vec2& q : buckets_[bucketOf(cx + dx, cy + dy)]) {
                        best = std::min(best, torusDistanceSquared(p, q));
                    }
                }
            }
        }
        return best;
    }

private:
    int cellOf(double v) const { return std::min(cells_ - 1, static_cast<int>(v / cellSize_)); }
    std::size_t bucketOf(int x, int y) const {
        const int wx = ((x % cells_) + cells_) % cells_;
        const int wy = ((y % cells_) + cells_) % cells_;
        return static_cast<std::size_t>(wy * cells_ + wx);
    }
    double torusDistanceSquared(Vec2 a, Vec2 b) const {
        double dx = std::fabs(a.x - b.x);
        double dy = std::fabs(a.y - b.y);
        dx = std::min(dx, side_ - dx);
        dy = std::min(dy, side_ - dy);
        return dx * dx + dy * dy;
    }

    double side_;
    int cells_;
    double cellSize_;
    std::vector<std::vector<Vec2>> buckets_;
};

}  // namespace

BlueNoiseTile BlueNoiseTile::generate(int pointCount, double sideMm, std::uint64_t seed,
                                      int candidatesPerPoint) {
    BlueNoiseTile tile;
    tile.sideMm_ = sideMm;
    tile.points_.reserve(static_cast<std::size_t>(pointCount));
    const int cells = std::max(1, static_cast<int>(std::sqrt(static_cast<double>(pointCount)) / 2));
    TorusGrid grid(sideMm, cells);
    Random random(seed);
    for (int i = 0; i < pointCount; ++i) {
        // Best candidate: of several random positions, keep the one farthest from all
        // points placed so far.
        Vec2 best{};
        double bestDistance = -1;
        const int candidates = i == 0 ? 1 : candidatesPerPoint;
        for (int c = 0; c < candidates; ++c) {
            const Vec2 p{random.uniform() * sideMm, random.uniform() * sideMm};
            const double d = grid.nearestSquared(p);
            if (d > bestDistance) {
                bestDistance = d;
                best = p;
            }
        }
        grid.insert(best);
        tile.points_.push_back(best);
    }
    return tile;
}

const BlueNoiseTile& BlueNoiseTile::standard() {
    static const BlueNoiseTile kTile = generate(2600, 40.0, 0x534D5054494C45ull, 64);
    return kTile;
}

}  // namespace smp
