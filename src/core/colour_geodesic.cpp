#include "colour_geodesic.h"

#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace smp {

std::vector<float> colourGeodesic(const ColourGrid& grid, const std::vector<int>& seeds, float scale, float tolerance) {
    constexpr float kUnreached = std::numeric_limits<float>::infinity();
    const std::size_t count = grid.colours.size();
    std::vector<float> distance(count, kUnreached);
    // Dijkstra; ties are broken by index, so the result never depends on the queue.
    using Entry = std::pair<float, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
    for (int seed : seeds) {
        const auto s = static_cast<std::size_t>(seed);
        if (!grid.usable[s] || distance[s] == 0) continue;
        distance[s] = 0;
        queue.push({0.0f, seed});
    }
    const float inverseScale = 1 / scale;
    while (!queue.empty()) {
        // Not a structured binding: C++17 lambdas cannot capture those.
        const float d = queue.top().first;
        const int index = queue.top().second;
        queue.pop();
        const auto i = static_cast<std::size_t>(index);
        if (d > distance[i]) continue;
        const int x = index % grid.cols;
        const int y = index / grid.cols;
        const auto& from = grid.colours[i];
        const auto relax = [&](int nx, int ny) {
            if (nx < 0 || ny < 0 || nx >= grid.cols || ny >= grid.rows) return;
            const int next = ny * grid.cols + nx;
            const auto n = static_cast<std::size_t>(next);
            if (!grid.usable[n]) return;
            const auto& to = grid.colours[n];
            const float dr = to[0] - from[0], dg = to[1] - from[1], db = to[2] - from[2];
            const float step = std::sqrt((dr * dr + dg * dg + db * db) / 3) * inverseScale - tolerance;
            const float candidate = d + (step > 0 ? step : 0);
            if (candidate < distance[n]) {
                distance[n] = candidate;
                queue.push({candidate, next});
            }
        };
        relax(x - 1, y);
        relax(x + 1, y);
        relax(x, y - 1);
        relax(x, y + 1);
    }
    return distance;
}

}  // namespace smp
