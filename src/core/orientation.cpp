#include "orientation.h"

#include <cstring>
#include <string>

namespace smp {

bool swapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

int inverseOrientation(int orientation) {
    if (orientation == 6) return 8;
    if (orientation == 8) return 6;
    return orientation;
}

Result<Image> applyOrientation(const Image& stored, int orientation) {
    if (orientation < 1 || orientation > 8) {
        return Error{ErrorCode::InvalidArgument,
                     "orientation " + std::to_string(orientation) + " is outside 1-8"};
    }
    const int w = swapsAxes(orientation) ? stored.height() : stored.width();
    const int h = swapsAxes(orientation) ? stored.width() : stored.height();
    auto allocated = Image::allocate(w, h);
    if (!allocated) return allocated.error();
    Image upright = std::move(allocated).value();

    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int sx = x, sy = y;  // stored pixel shown at upright (x, y)
            switch (orientation) {
                case 2: sx = w - 1 - x; break;                          // mirrored
                case 3: sx = w - 1 - x; sy = h - 1 - y; break;          // rotated 180°
                case 4: sy = h - 1 - y; break;                          // flipped
                case 5: sx = y; sy = x; break;                          // transposed
                case 6: sx = y; sy = w - 1 - x; break;                  // needs 90° clockwise
                case 7: sx = h - 1 - y; sy = w - 1 - x; break;          // transversed
                case 8: sx = h - 1 - y; sy = x; break;                  // needs 90° counter-clockwise
                default: break;
            }
            std::memcpy(upright.pixel(x, y), stored.pixel(sx, sy), Image::kChannels);
        }
    }
    return upright;
}

}  // namespace smp
