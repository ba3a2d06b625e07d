#include "result.h"

namespace smp {

const char* errorCodeName(ErrorCode code) {
    switch (code) {
        case ErrorCode::EmptyInput: return "empty-input";
        case ErrorCode::InputTooLarge: return "input-too-large";
        case ErrorCode::UnsupportedFormat: return "unsupported-format";
        case ErrorCode::NotAnImage: return "not-an-image";
        case ErrorCode::CorruptImage: return "corrupt-image";
        case ErrorCode::ImageTooLarge: return "image-too-large";
        case ErrorCode::OutOfMemory: return "out-of-memory";
        case ErrorCode::InvalidArgument: return "invalid-argument";
        case ErrorCode::EncodeFailed: return "encode-failed";
    }
    return "unknown";
}

}  // namespace smp
