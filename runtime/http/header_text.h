// Small text helpers for HTTP header lines, shared by the client's parts.
#pragma once

#include <cctype>
#include <cstddef>
#include <optional>
#include <string_view>

namespace clue::runtime {

// Strips spaces, tabs and line ends from both ends.
inline std::string_view trimHeaderText(std::string_view text) {
    auto isBlank = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    };
    while (!text.empty() && isBlank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && isBlank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The position of the first control character (bytes 0-31 and 127: CR and LF above all, which
// would end a header line and start another), or nothing. Every header line the client sends,
// the bearer key and the URL are checked with it before a request is made.
inline std::optional<std::size_t> findControlCharacter(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f) {
            return i;
        }
    }
    return std::nullopt;
}

// ASCII case-insensitive prefix test, as header names compare.
inline bool startsWithNoCase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) {
        return false;
    }
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) !=
            std::tolower(static_cast<unsigned char>(prefix[i]))) {
            return false;
        }
    }
    return true;
}

} // namespace clue::runtime
