// data: and file:// image URLs, checked the way a vision server would: the bytes must be an image.
#include "tests/sim/image_url.h"

#include "common/base64.h"
#include "common/uri.h"
#include "tests/sim/api_error.h"

#include <fstream>
#include <sstream>

namespace clue::sim {
namespace {

constexpr std::string_view param = "messages";

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

bool looksLikeImage(std::string_view b) {
    return startsWith(b, "\x89PNG\r\n\x1a\n") || startsWith(b, "\xff\xd8\xff") ||
           startsWith(b, "GIF87a") || startsWith(b, "GIF89a") || startsWith(b, "BM") ||
           (startsWith(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP");
}

std::string decodeDataUrl(std::string_view url) {
    const std::size_t comma = url.find(',');
    if (comma == std::string_view::npos) {
        throw ApiError::invalid("Invalid data URL: no ',' separates the header from the data.",
                                std::string(param), "invalid_image_url");
    }
    const std::string_view header = url.substr(5, comma - 5);
    if (header.size() < 7 || header.substr(header.size() - 7) != ";base64") {
        throw ApiError::invalid("Invalid data URL: only base64-encoded image data is supported.",
                                std::string(param), "invalid_image_url");
    }
    auto bytes = base64Decode(url.substr(comma + 1));
    if (!bytes || bytes->empty()) {
        throw ApiError::invalid("Invalid data URL: the image data is not valid base64.",
                                std::string(param), "invalid_image_url");
    }
    return std::move(*bytes);
}

std::string readFileUrl(std::string_view url) {
    const std::string path = clue::pathOfFileUri(url).value_or("");
    std::ifstream in(path, std::ios::binary);
    if (path.empty() || path.front() != '/' || !in) {
        throw ApiError::invalid("Cannot read the image file of file URL '" + std::string(url) +
                                    "'.",
                                std::string(param), "invalid_image_url");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

} // namespace

std::string resolveImageUrl(std::string_view url) {
    std::string bytes;
    if (startsWith(url, "data:")) {
        bytes = decodeDataUrl(url);
    } else if (startsWith(url, "file://")) {
        bytes = readFileUrl(url);
    } else {
        throw ApiError::invalid("Unsupported image URL: the simulator reads data: and file:// "
                                "URLs only.",
                                std::string(param), "invalid_image_url");
    }
    if (!looksLikeImage(bytes)) {
        throw ApiError::invalid("Cannot identify the image: the bytes are not a PNG, JPEG, GIF, "
                                "WebP or BMP image.",
                                std::string(param), "invalid_image");
    }
    return bytes;
}

} // namespace clue::sim
