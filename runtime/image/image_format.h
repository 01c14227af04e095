// Image formats the runtime accepts, recognized by their magic bytes rather than file names.
#pragma once

#include <optional>
#include <string_view>

namespace clue::runtime {

enum class ImageFormat { Png, Jpeg, Gif, WebP, Bmp };

// "image/png", ... for data URLs.
std::string_view mimeType(ImageFormat format);
// "PNG", "JPEG", ...
std::string_view formatName(ImageFormat format);

// How many leading bytes sniffImageFormat() needs at most.
inline constexpr std::size_t kImageSniffBytes = 32;

// The format whose signature `head` starts with; nothing for anything else (text, PDF, HEIC...).
std::optional<ImageFormat> sniffImageFormat(std::string_view head);

} // namespace clue::runtime
