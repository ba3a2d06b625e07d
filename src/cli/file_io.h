// File access for the CLI (the core does no I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "result.h"

namespace smp::cli {

// Reads a whole file, refusing before reading when it is larger than maxBytes.
Result<std::vector<std::uint8_t>> readFile(const std::string& path, std::size_t maxBytes);
Result<bool> writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace smp::cli
