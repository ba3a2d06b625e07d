#include "morphology.h"

#include <algorithm>

namespace smp {
namespace {

// The rectangle [x0, x1) × [y0, y1) holding every non-zero value; nothing outside it
// can change (an opening never grows past its input, a regrowth past its limit).
struct Box {
    int x0, y0, x1, y1;
    bool empty() const { return x1 <= x0; }
};

Box nonZeroBox(const std::vector<std::uint8_t>& plane, int cols, int rows) {
    Box box{cols, rows, 0, 0};
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* row = plane.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(cols);
        for (int x = 0; x < cols; ++x) {
            if (!row[x]) continue;
            box = {std::min(box.x0, x), std::min(box.y0, y), std::max(box.x1, x + 1), std::max(box.y1, y + 1)};
        }
    }
    return box;
}

// Minimum (or maximum) over 2·radius+1 neighbours along rows (or columns) of the box;
// beyond the box the values are 0: for the minimum nothing is kept against an edge that
// may be narrow, for the maximum it changes nothing.
template <typename Pick>
void filterLines(std::vector<std::uint8_t>& plane, int cols, const Box& box, bool alongRows, int radius, Pick pick,
                 std::vector<std::uint8_t>& line) {
    const int count = alongRows ? box.y1 - box.y0 : box.x1 - box.x0;
    const int length = alongRows ? box.x1 - box.x0 : box.y1 - box.y0;
    const std::size_t width = static_cast<std::size_t>(cols);
    const std::size_t stride = alongRows ? width : 1;
    const std::size_t step = alongRows ? 1 : width;
    std::uint8_t* origin = plane.data() + static_cast<std::size_t>(box.y0) * width + static_cast<std::size_t>(box.x0);
    for (int i = 0; i < count; ++i) {
        std::uint8_t* base = origin + static_cast<std::size_t>(i) * stride;
        // line holds radius zeros, the values, radius zeros.
        std::fill(line.begin(), line.end(), std::uint8_t{0});
        for (int k = 0; k < length; ++k) line[static_cast<std::size_t>(k + radius)] = base[static_cast<std::size_t>(k) * step];
        for (int k = 0; k < length; ++k) {
            std::uint8_t value = line[static_cast<std::size_t>(k)];
            for (int d = 1; d <= 2 * radius; ++d) value = pick(value, line[static_cast<std::size_t>(k + d)]);
            base[static_cast<std::size_t>(k) * step] = value;
        }
    }
}

const auto least = [](std::uint8_t a, std::uint8_t b) { return std::min(a, b); };
const auto most = [](std::uint8_t a, std::uint8_t b) { return std::max(a, b); };

}  // namespace

void openPlane(std::vector<std::uint8_t>& plane, int cols, int rows, int radius) {
    if (radius <= 0) return;
    const Box box = nonZeroBox(plane, cols, rows);
    if (box.empty()) return;
    std::vector<std::uint8_t> line(static_cast<std::size_t>(std::max(cols, rows) + 2 * radius));
    filterLines(plane, cols, box, true, radius, least, line);
    filterLines(plane, cols, box, false, radius, least, line);
    filterLines(plane, cols, box, true, radius, most, line);
    filterLines(plane, cols, box, false, radius, most, line);
}

void regrowPlane(std::vector<std::uint8_t>& plane, const std::vector<std::uint8_t>& limit, int cols, int rows, int steps) {
    const Box box = nonZeroBox(limit, cols, rows);
    if (box.empty()) return;
    std::vector<std::uint8_t> line(static_cast<std::size_t>(std::max(cols, rows) + 2));
    for (int s = 0; s < steps; ++s) {
        filterLines(plane, cols, box, true, 1, most, line);
        filterLines(plane, cols, box, false, 1, most, line);
        for (int y = box.y0; y < box.y1; ++y) {
            const std::size_t row = static_cast<std::size_t>(y) * static_cast<std::size_t>(cols);
            for (int x = box.x0; x < box.x1; ++x) {
                const std::size_t k = row + static_cast<std::size_t>(x);
                plane[k] = std::min(plane[k], limit[k]);
            }
        }
    }
}

}  // namespace smp
