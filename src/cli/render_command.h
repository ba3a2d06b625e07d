// smp-preview render: draws SMP on a photo (see the usage text in cli_support.cpp).
#pragma once

#include <string>
#include <vector>

namespace smp::cli {

int runRender(const std::vector<std::string>& args);

}  // namespace smp::cli
