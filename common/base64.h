// Base64 (RFC 4648, standard alphabet, padded), for image data URLs.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clue {

std::string base64Encode(std::string_view bytes);

// Decodes padded or unpadded base64; whitespace is not allowed. Nothing on malformed input.
std::optional<std::string> base64Decode(std::string_view text);

} // namespace clue
