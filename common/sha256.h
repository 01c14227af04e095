// SHA-256 digests as lower-case hex, used for image identity, rule-text hashes and cache keys.
#pragma once

#include <string>
#include <string_view>

namespace clue {

// Returns the SHA-256 of `bytes` as 64 lower-case hex characters.
std::string sha256Hex(std::string_view bytes);

} // namespace clue
