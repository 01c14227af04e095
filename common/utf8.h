// UTF-8 validation and code-point counting for source text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace clue {

// Length in bytes of the well-formed UTF-8 sequence starting at byte `pos` of `text`, or 0 when
// the bytes there are not one.
size_t sequenceLength(std::string_view text, size_t pos);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or nothing when the
// whole text is valid. Overlong forms, surrogates and code points above U+10FFFF are invalid.
std::optional<size_t> findInvalidUtf8(std::string_view text);

// Number of code points in valid UTF-8 `text` (continuation bytes are not counted).
size_t countCodePoints(std::string_view text);

// The first code point of valid, non-empty UTF-8 `text`; `length` receives its size in bytes.
char32_t decodeCodePoint(std::string_view text, size_t& length);

} // namespace clue
