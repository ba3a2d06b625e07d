// The one translation unit that compiles stb's implementations (headers from
// libstb-dev), configured the same way for native and WASM builds.

// Decode from memory only: the core does no file I/O.
#define STBI_NO_STDIO
// Only the formats the engine promises; fewer code paths to fuzz and ship.
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_ONLY_BMP
#define STBI_ONLY_GIF
// The SSE2/NEON JPEG paths exist natively but not in WASM: use the scalar code
// everywhere so native and WASM decode to identical pixels.
#define STBI_NO_SIMD
// Allocations bounded by the image's declared size (decode_memory_cap.h).
#include <cstdlib>
#include "decode_memory_cap.h"
#define STBI_MALLOC(size) smp::cappedMalloc(size)
#define STBI_REALLOC(pointer, size) smp::cappedRealloc(pointer, size)
#define STBI_FREE(pointer) std::free(pointer)
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>

#define STBI_WRITE_NO_STDIO
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image_resize.h>
