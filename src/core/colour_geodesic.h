// How far each point of a grid of colours is from a set of seed points, measured as the
// cheapest path's sum of colour steps larger than a tolerance. Skin that shades slowly
// (a dome turning from the light, stubble) stays near its seeds; a hair edge or a
// silhouette is one large step that no path avoids. So "connected to the forehead
// without crossing an edge" separates scalp from hair that matches its colour.
#pragma once

#include <array>
#include <vector>

namespace smp {

struct ColourGrid {
    int cols = 0;
    int rows = 0;
    std::vector<std::array<float, 3>> colours;  // row-major, cols × rows
    std::vector<bool> usable;                   // points a path may cross
};

// Distances (in units of relative colour step) from `seeds` (grid indices); points
// not reached, or not usable, get +infinity. A step's cost is
// max(0, |colour difference| / scale − tolerance).
std::vector<float> colourGeodesic(const ColourGrid& grid, const std::vector<int>& seeds, float scale, float tolerance);

}  // namespace smp
