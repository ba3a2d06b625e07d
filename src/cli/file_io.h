// File access for the CLI (the core does no I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "photo.h"
#include "result.h"

namespace smp::cli {

// Reads a whole photo file, refusing it unread when empty or above the input limit.
Result<std::vector<std::uint8_t>> readPhotoFile(const std::string& path, const DecodeLimits& limits);
// Reads a whole data file (e.g. the cascade bundle) of at most maxBytes.
Result<std::vector<std::uint8_t>> readDataFile(const std::string& path, std::size_t maxBytes);
Result<bool> writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace smp::cli
