// Magic-byte signatures of the accepted image formats.
#include "runtime/image/image_format.h"

#include <cstdint>

namespace clue::runtime {
namespace {

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

uint32_t littleEndian32(std::string_view bytes, std::size_t at) {
    uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        value |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    }
    return value;
}

// "BM" alone is too weak a signature (plenty of text starts with it): the DIB header that
// follows the 14-byte file header must have one of the sizes the BMP versions define.
bool isBmp(std::string_view head) {
    if (head.size() < 18 || !startsWith(head, "BM")) {
        return false;
    }
    const uint32_t dibSize = littleEndian32(head, 14);
    return dibSize == 12 || dibSize == 40 || dibSize == 52 || dibSize == 56 || dibSize == 64 ||
           dibSize == 108 || dibSize == 124;
}

struct FormatInfo {
    std::string_view mime;
    std::string_view name;
};

// Indexed by ImageFormat.
constexpr FormatInfo kFormats[] = {{"image/png", "PNG"},
                                   {"image/jpeg", "JPEG"},
                                   {"image/gif", "GIF"},
                                   {"image/webp", "WebP"},
                                   {"image/bmp", "BMP"}};

} // namespace

std::string_view mimeType(ImageFormat format) {
    return kFormats[static_cast<int>(format)].mime;
}

std::string_view formatName(ImageFormat format) {
    return kFormats[static_cast<int>(format)].name;
}

std::optional<ImageFormat> sniffImageFormat(std::string_view head) {
    using namespace std::string_view_literals;
    if (startsWith(head, "\x89PNG\r\n\x1a\n"sv)) {
        return ImageFormat::Png;
    }
    if (startsWith(head, "\xff\xd8\xff"sv)) {
        return ImageFormat::Jpeg;
    }
    if (startsWith(head, "GIF87a") || startsWith(head, "GIF89a")) {
        return ImageFormat::Gif;
    }
    if (head.size() >= 12 && startsWith(head, "RIFF") && head.substr(8, 4) == "WEBP") {
        return ImageFormat::WebP;
    }
    if (isBmp(head)) {
        return ImageFormat::Bmp;
    }
    return std::nullopt;
}

} // namespace clue::runtime
