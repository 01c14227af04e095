// Base64 (RFC 4648, standard alphabet, padded), for image data URLs and for vectors of float32
// in the wire form of OpenAI's embeddings (`encoding_format: "base64"`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clue {

std::string base64Encode(std::string_view bytes);

// Decodes padded or unpadded base64; whitespace is not allowed. Nothing on malformed input.
std::optional<std::string> base64Decode(std::string_view text);

// The values as little-endian IEEE 754 float32 bytes, in base64.
std::string float32Base64Encode(const std::vector<float>& values);
// Nothing when the text is not base64 or its bytes are not a whole number of float32 values.
std::optional<std::vector<float>> float32Base64Decode(std::string_view text);

} // namespace clue
