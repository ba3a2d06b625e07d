#include "decode_memory_cap.h"

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

DecodeMemoryCap::DecodeMemoryCap(std::size_t maxBytes) : previousCap_(currentCap) {
    currentCap = maxBytes;
    capExceeded = false;
}

DecodeMemoryCap::~DecodeMemoryCap() { currentCap = previousCap_; }

bool DecodeMemoryCap::exceeded() const { return capExceeded; }

void* cappedMalloc(std::size_t size) { return allowed(size) ? std::malloc(size) : nullptr; }

void* cappedRealloc(void* pointer, std::size_t size) {
    return allowed(size) ? std::realloc(pointer, size) : nullptr;
}

}  // namespace smp
