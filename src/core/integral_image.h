// Summed-area tables: any rectangle's sum (and sum of squares) in four reads.
#pragma once

#include <cstdint>
#include <vector>

#include "gray_image.h"

namespace smp {

class IntegralImage {
public:
    // withSquares: also the table of squared values (for Haar's variance normalisation).
    IntegralImage(const GrayImage& image, bool withSquares);

    int width() const { return width_; }
    int height() const { return height_; }
    // Sum over [x, x+w) × [y, y+h); the rectangle must lie inside the image.
    std::uint32_t sum(int x, int y, int w, int h) const {
        return at(sums_, x + w, y + h) - at(sums_, x, y + h) - at(sums_, x + w, y) + at(sums_, x, y);
    }
    std::uint64_t sumOfSquares(int x, int y, int w, int h) const {
        return at(squares_, x + w, y + h) - at(squares_, x, y + h) - at(squares_, x + w, y) + at(squares_, x, y);
    }
    // Raw table entry at corner (x, y), 0 ≤ x ≤ width, 0 ≤ y ≤ height.
    std::uint32_t corner(int x, int y) const { return at(sums_, x, y); }
    // The table itself, row after row of width+1 entries: lets a scanner turn feature
    // corners into fixed offsets once per image instead of once per window.
    const std::uint32_t* table() const { return sums_.data(); }
    const std::uint64_t* squaresTable() const { return squares_.data(); }
    std::size_t stride() const { return static_cast<std::size_t>(width_) + 1; }

private:
    template <typename T>
    T at(const std::vector<T>& table, int x, int y) const {
        return table[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_ + 1) + static_cast<std::size_t>(x)];
    }
    int width_;
    int height_;
    std::vector<std::uint32_t> sums_;     // (width+1)×(height+1), zero first row and column
    std::vector<std::uint64_t> squares_;  // same, or empty
};

}  // namespace smp
