#include "stb_allocation_cap.h"

#include <cstdlib>
#include <limits>

namespace smp {
namespace {

thread_local std::size_t currentCap = std::numeric_limits<std::size_t>::max();
thread_local bool capExceeded = false;

bool allowed(std::size_t size) {
    if (size <= currentCap) return true;
    capExceeded = true;
    return false;
}

}  // namespace

StbAllocationCap::StbAllocationCap(std::size_t maxBytes) : previousCap_(currentCap) {
    currentCap = maxBytes;
    capExceeded = false;
}

StbAllocationCap::~StbAllocationCap() { currentCap = previousCap_; }

bool StbAllocationCap::exceeded() const { return capExceeded; }

void* stbCappedMalloc(std::size_t size) { return allowed(size) ? std::malloc(size) : nullptr; }

void* stbCappedRealloc(void* pointer, std::size_t size) {
    return allowed(size) ? std::realloc(pointer, size) : nullptr;
}

}  // namespace smp
