#include "file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <sys/stat.h>

namespace smp::cli {
namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Error ioError(const std::string& what, const std::string& path) {
    return Error{ErrorCode::InvalidArgument, what + " " + path + ": " + std::strerror(errno)};
}

}  // namespace

Result<std::vector<std::uint8_t>> readPhotoFile(const std::string& path, const DecodeLimits& limits) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) return ioError("cannot open", path);
    if (!S_ISREG(status.st_mode)) {
        return Error{ErrorCode::InvalidArgument, path + " is not a regular file"};
    }
    if (auto refused = checkInputSize(static_cast<double>(status.st_size), limits)) return *refused;
    const auto size = static_cast<std::size_t>(status.st_size);
    File file(std::fopen(path.c_str(), "rb"));
    if (!file) return ioError("cannot open", path);
    std::vector<std::uint8_t> bytes(size);
    if (size > 0 && std::fread(bytes.data(), 1, size, file.get()) != size) {
        return ioError("cannot read", path);
    }
    return bytes;
}

Result<std::vector<std::uint8_t>> readDataFile(const std::string& path, std::size_t maxBytes) {
    DecodeLimits limits;
    limits.maxInputBytes = maxBytes;
    return readPhotoFile(path, limits);  // the same checks: a regular file, not empty, not too big
}

Result<bool> writeFile(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    File file(std::fopen(path.c_str(), "wb"));
    if (!file) return ioError("cannot create", path);
    if (std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size()) {
        return ioError("cannot write", path);
    }
    if (std::fclose(file.release()) != 0) return ioError("cannot write", path);
    return true;
}

}  // namespace smp::cli
