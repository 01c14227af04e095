// Structural checks that stb_image does not make: stb reads past the end of a GIF or a BMP as
// zero bytes and "decodes" a truncated file, and it refuses a huge image with a message that does
// not say so. These walk the container, require it whole, and read the size it declares.
#pragma once

#include "runtime/image/image_format.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clue::runtime {

// Why `bytes` is not a complete file of `format`, or nothing. PNG: every chunk complete, up to
// IEND. GIF: every block complete, up to the trailer. BMP: the pixel array the header declares
// fits in the file. JPEG: nothing checked here (stb refuses a JPEG that ends before its EOI).
std::optional<std::string> structureProblem(std::string_view bytes, ImageFormat format);

struct DeclaredSize {
    std::uint64_t width = 0;
    std::uint64_t height = 0;
};

// The size the header declares (a GIF's logical screen, a JPEG's first frame), read without
// decoding; nothing when there is none. Call after structureProblem() found nothing.
std::optional<DeclaredSize> declaredSize(std::string_view bytes, ImageFormat format);

} // namespace clue::runtime
