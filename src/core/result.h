// Errors as values: every fallible core function returns Result<T>, never throws
// and never aborts, so failures cross into JavaScript and the CLI as plain data.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace smp {

enum class ErrorCode {
    EmptyInput,         // zero bytes
    InputTooLarge,      // more bytes than DecodeLimits::maxInputBytes
    UnsupportedFormat,  // recognised but not decodable here (HEIC, WebP, TIFF, ...)
    NotAnImage,         // no known image signature (text, random bytes)
    CorruptImage,       // known format, bad or truncated data
    ImageTooLarge,      // header dimensions above DecodeLimits::maxPixels
    OutOfMemory,        // an allocation failed
    InvalidArgument,    // a caller-supplied parameter is out of range
    EncodeFailed,       // PNG/JPEG encoder failed
};

// Stable lower-case name for logs, the CLI and JavaScript ("corrupt-image", ...).
const char* errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string message;  // one line, names the problem and the values involved
};

template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}          // NOLINT: implicit by design
    Result(Error error) : state_(std::move(error)) {}      // NOLINT: implicit by design
    Result(ErrorCode code, std::string message) : state_(Error{code, std::move(message)}) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(state_); }
    const T& value() const& { return std::get<T>(state_); }
    T&& value() && { return std::get<T>(std::move(state_)); }
    const Error& error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

}  // namespace smp
