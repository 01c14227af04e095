// Resolves the `image_url.url` of a content part to the image's bytes.
#pragma once

#include <string>
#include <string_view>

namespace clue::sim {

// Accepts `data:image/...;base64,...` and `file:///absolute/path`. Throws ApiError (400) for a
// malformed or undecodable data URL, an unreadable file, another scheme, or bytes that are not a
// PNG, JPEG, GIF, WebP or BMP image.
std::string resolveImageUrl(std::string_view url);

} // namespace clue::sim
