// The opening that cuts skin-coloured spurs and specks off the scalp mask, and the
// regrowth that gives back the tips of wide parts.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "morphology.h"

namespace smp {
namespace {

constexpr int kCols = 40;
constexpr int kRows = 30;

struct Plane {
    std::vector<std::uint8_t> values = std::vector<std::uint8_t>(kCols * kRows, 0);
    std::uint8_t& at(int x, int y) { return values[static_cast<std::size_t>(y * kCols + x)]; }
    void fill(int x0, int y0, int x1, int y1, std::uint8_t value) {
        for (int y = y0; y < y1; ++y) {
            for (int x = x0; x < x1; ++x) at(x, y) = value;
        }
    }
};

// A 20×12 block with a 3-wide spur running 12 points up from it, and a 2×2 speck.
Plane blockWithSpurAndSpeck() {
    Plane plane;
    plane.fill(10, 15, 30, 27, 200);
    plane.fill(18, 3, 21, 15, 200);
    plane.fill(2, 2, 4, 4, 255);
    return plane;
}

TEST(Morphology, OpeningRemovesSpursAndSpecksAndKeepsWideParts) {
    Plane plane = blockWithSpurAndSpeck();
    openPlane(plane.values, kCols, kRows, 2);  // a 5×5 square
    EXPECT_EQ(plane.at(2, 2), 0) << "the speck";
    EXPECT_EQ(plane.at(19, 5), 0) << "the spur";
    for (int y = 15; y < 27; ++y) {
        for (int x = 10; x < 30; ++x) ASSERT_EQ(plane.at(x, y), 200) << x << ", " << y << ": the block, corners included";
    }
    EXPECT_EQ(plane.at(9, 20), 0) << "nothing grows beyond it";
    EXPECT_EQ(plane.at(19, 14), 0);
}

TEST(Morphology, OpeningKeepsASoftEdge) {
    Plane plane;
    for (int x = 0; x < kCols; ++x) plane.fill(x, 0, x + 1, kRows, static_cast<std::uint8_t>(x * 6));
    const std::vector<std::uint8_t> ramp = plane.values;
    openPlane(plane.values, kCols, kRows, 2);
    // Outside the plane counts as 0 for the minimum, so the ramp's top end, within two
    // squares of the border, goes; the rest of it stays as it was.
    for (int y = 0; y < kRows; ++y) {
        for (int x = 0; x < kCols - 4; ++x) ASSERT_EQ(plane.at(x, y), ramp[static_cast<std::size_t>(y * kCols + x)]);
    }
}

TEST(Morphology, RegrowthGivesBackOnlyWhatTouchesTheKeptPart) {
    const Plane original = blockWithSpurAndSpeck();
    Plane plane = original;
    openPlane(plane.values, kCols, kRows, 2);
    regrowPlane(plane.values, original.values, kCols, kRows, 4);
    EXPECT_EQ(plane.at(19, 14), 200) << "the spur's root";
    EXPECT_EQ(plane.at(19, 11), 200) << "4 points up";
    EXPECT_EQ(plane.at(19, 10), 0) << "5 points up stays cut";
    EXPECT_EQ(plane.at(2, 2), 0) << "a detached speck does not come back";
    EXPECT_EQ(plane.at(9, 20), 0) << "never beyond the original";
}

}  // namespace
}  // namespace smp
