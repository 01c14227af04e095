// Walking PNG chunks, GIF blocks and the BMP header.
#include "runtime/image/image_structure.h"

#include <cstdint>

namespace clue::runtime {
namespace {

constexpr const char* kEndsEarly = "the file ends early (truncated?)";

std::uint32_t bigEndian32(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
    }
    return value;
}

std::uint32_t littleEndian(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    }
    return value;
}

std::optional<std::string> pngProblem(std::string_view bytes) {
    std::size_t at = 8; // the signature
    for (bool first = true;; first = false) {
        if (bytes.size() - at < 12) {
            return kEndsEarly;
        }
        const std::uint64_t length = bigEndian32(bytes, at);
        const std::string_view type = bytes.substr(at + 4, 4);
        if (first && type != "IHDR") {
            return std::string("the first chunk is not IHDR");
        }
        if (length > bytes.size() - at - 12) {
            return kEndsEarly;
        }
        at += 12 + length;
        if (type == "IEND") {
            return std::nullopt;
        }
    }
}

// Skips data sub-blocks (a size byte, then that many bytes) up to the empty one; false when the
// file ends first.
bool skipSubBlocks(std::string_view bytes, std::size_t& at) {
    while (at < bytes.size()) {
        const std::size_t size = static_cast<unsigned char>(bytes[at++]);
        if (size == 0) {
            return true;
        }
        if (size > bytes.size() - at) {
            return false;
        }
        at += size;
    }
    return false;
}

std::size_t colorTableSize(unsigned char flags) {
    return (flags & 0x80) != 0 ? 3u << ((flags & 0x07) + 1) : 0;
}

std::optional<std::string> gifProblem(std::string_view bytes) {
    if (bytes.size() < 13) {
        return kEndsEarly;
    }
    std::size_t at = 13 + colorTableSize(static_cast<unsigned char>(bytes[10]));
    bool sawImage = false;
    while (at < bytes.size()) {
        const unsigned char block = static_cast<unsigned char>(bytes[at++]);
        if (block == 0x3b) { // the trailer
            return sawImage ? std::nullopt : std::optional<std::string>("the GIF holds no image");
        }
        if (block == 0x21) { // an extension: its label, then sub-blocks
            if (++at > bytes.size() || !skipSubBlocks(bytes, at)) {
                return kEndsEarly;
            }
        } else if (block == 0x2c) { // an image: descriptor, color table, LZW size, sub-blocks
            if (bytes.size() - at < 10) {
                return kEndsEarly;
            }
            const std::size_t table = colorTableSize(static_cast<unsigned char>(bytes[at + 8]));
            at += 9 + table + 1; // the descriptor's 9 bytes, the table, the LZW code size
            if (at > bytes.size() || !skipSubBlocks(bytes, at)) {
                return kEndsEarly;
            }
            sawImage = true;
        } else {
            return "an unknown GIF block (0x" + std::string(1, "0123456789abcdef"[block >> 4]) +
                   std::string(1, "0123456789abcdef"[block & 15]) + ")";
        }
    }
    return kEndsEarly;
}

std::optional<std::string> bmpProblem(std::string_view bytes) {
    if (bytes.size() < 26) {
        return kEndsEarly;
    }
    const std::uint64_t offset = littleEndian(bytes, 10, 4);
    const bool core = littleEndian(bytes, 14, 4) == 12; // OS/2 BITMAPCOREHEADER
    if (!core && bytes.size() < 34) {
        return kEndsEarly;
    }
    const std::int64_t width =
        core ? littleEndian(bytes, 18, 2) : static_cast<std::int32_t>(littleEndian(bytes, 18, 4));
    const std::int64_t height =
        core ? littleEndian(bytes, 20, 2) : static_cast<std::int32_t>(littleEndian(bytes, 22, 4));
    const std::uint64_t bits = littleEndian(bytes, core ? 24 : 28, 2);
    const std::uint32_t compression = core ? 0 : littleEndian(bytes, 30, 4);
    if (compression != 0 && compression != 3 && compression != 6) {
        return std::nullopt; // compressed: stb decodes none of them, and says so
    }
    if (width <= 0 || height == 0 || bits == 0 || bits > 32) {
        return std::string("the BMP header declares no pixels");
    }
    const std::uint64_t rowBytes = (static_cast<std::uint64_t>(width) * bits + 31) / 32 * 4;
    const std::uint64_t rows = static_cast<std::uint64_t>(height < 0 ? -height : height);
    if (offset > bytes.size() || rowBytes > (bytes.size() - offset) / rows) {
        return kEndsEarly;
    }
    return std::nullopt;
}

std::uint32_t bigEndian16(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at]) << 8 |
                                      static_cast<unsigned char>(bytes[at + 1]));
}

bool isStartOfFrame(unsigned char marker) {
    return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
}

// The segments from SOI on, up to the first start of frame (SOFn), which holds the size.
std::optional<DeclaredSize> jpegSize(std::string_view bytes) {
    std::size_t at = 2;
    while (at + 4 <= bytes.size() && static_cast<unsigned char>(bytes[at]) == 0xff) {
        const auto marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xff) { // fill bytes before a marker
            ++at;
            continue;
        }
        if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
            at += 2; // markers without a segment
            continue;
        }
        const std::size_t length = bigEndian16(bytes, at + 2);
        if (isStartOfFrame(marker) && length >= 7 && at + 9 <= bytes.size()) {
            return DeclaredSize{bigEndian16(bytes, at + 7), bigEndian16(bytes, at + 5)};
        }
        if (marker == 0xda || marker == 0xd9 || length < 2) {
            return std::nullopt; // the scan or the end before any frame
        }
        at += 2 + length;
    }
    return std::nullopt;
}

std::optional<DeclaredSize> bmpSize(std::string_view bytes) {
    const bool core = littleEndian(bytes, 14, 4) == 12;
    const std::int64_t width =
        core ? littleEndian(bytes, 18, 2) : static_cast<std::int32_t>(littleEndian(bytes, 18, 4));
    const std::int64_t height =
        core ? littleEndian(bytes, 20, 2) : static_cast<std::int32_t>(littleEndian(bytes, 22, 4));
    return DeclaredSize{static_cast<std::uint64_t>(width < 0 ? -width : width),
                        static_cast<std::uint64_t>(height < 0 ? -height : height)};
}

} // namespace

std::optional<DeclaredSize> declaredSize(std::string_view bytes, ImageFormat format) {
    switch (format) {
    case ImageFormat::Png:
        return bytes.size() < 24
                   ? std::nullopt
                   : std::optional(DeclaredSize{bigEndian32(bytes, 16), bigEndian32(bytes, 20)});
    case ImageFormat::Gif:
        return bytes.size() < 10 ? std::nullopt
                                 : std::optional(DeclaredSize{littleEndian(bytes, 6, 2),
                                                              littleEndian(bytes, 8, 2)});
    case ImageFormat::Bmp:
        return bytes.size() < 26 ? std::nullopt : bmpSize(bytes);
    case ImageFormat::Jpeg:
        return jpegSize(bytes);
    case ImageFormat::WebP:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> structureProblem(std::string_view bytes, ImageFormat format) {
    switch (format) {
    case ImageFormat::Png:
        return pngProblem(bytes);
    case ImageFormat::Gif:
        return gifProblem(bytes);
    case ImageFormat::Bmp:
        return bmpProblem(bytes);
    case ImageFormat::Jpeg:
    case ImageFormat::WebP:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace clue::runtime
