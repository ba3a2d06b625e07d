// A small JSON reader for test data (tests/placement/annotations.json): objects,
// arrays, numbers, strings (simple escapes), true/false/null. Not for untrusted input.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace smp::test {

struct Json {
    enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<Json> items;             // Array
    std::map<std::string, Json> fields;  // Object

    // The field or element, or a shared null when absent.
    const Json& operator[](const std::string& key) const;
    const Json& operator[](std::size_t index) const;
    bool has(const std::string& key) const { return fields.count(key) != 0; }
};

// Parses the whole text; throws std::runtime_error with the offset on bad input.
Json parseJson(const std::string& text);

}  // namespace smp::test
