// Shared by the CLI's commands: exit codes, messages, number parsing.
#pragma once

#include <string>

#include "result.h"

namespace smp::cli {

constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;

extern const char* const kUsage;

// Prints "smp-preview: MESSAGE" and the usage; returns kExitUsage.
int usageError(const std::string& message);
// Prints "smp-preview: error: MESSAGE"; returns kExitBadInput.
int inputError(const Error& error);
bool endsWith(const std::string& text, const std::string& suffix);
// Whole decimal integer / finite decimal number in [min, max]; false for anything else.
bool parseInt(const std::string& text, int min, int max, int& out);
bool parseNumber(const std::string& text, double min, double max, double& out);

}  // namespace smp::cli
