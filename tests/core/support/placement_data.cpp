#include "placement_data.h"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace smp::test {

Bytes readFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + path);
    return Bytes(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

const Bytes& cascadeBundle() {
    static const Bytes bytes = readFile(SMP_CASCADES_FILE);
    return bytes;
}

const PlacementModel& placementModel() {
    static const PlacementModel model = [] {
        auto parsed = PlacementModel::fromBundle(cascadeBundle().data(), cascadeBundle().size());
        if (!parsed) throw std::runtime_error(parsed.error().message);
        return std::move(parsed.value());
    }();
    return model;
}

const Json& placementAnnotations() {
    static const Json annotations = [] {
        const Bytes text = readFile(SMP_PLACEMENT_DIR "/annotations.json");
        return parseJson(std::string(text.begin(), text.end()))["photos"];
    }();
    return annotations;
}

}  // namespace smp::test
