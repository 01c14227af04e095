// LSP positions in a text: 0-based lines and columns counted in UTF-16 code units (the
// protocol's default encoding), to and from byte offsets. Lines end at "\n", "\r\n" or "\r".
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

namespace clue::lsp {

struct Position {
    uint32_t line = 0;
    uint32_t character = 0; // UTF-16 code units
};

class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    Position positionOf(uint32_t offset) const;
    // The byte offset of `position`; a line past the end gives the end of the text, a character
    // past the end of its line the end of that line, and one inside a code point its start.
    uint32_t offsetOf(Position position) const;

    nlohmann::json position(uint32_t offset) const;
    nlohmann::json range(uint32_t begin, uint32_t end) const;

private:
    // The end of line `line`'s content, before its terminator.
    uint32_t lineEnd(size_t line) const;

    std::string_view text_;
    std::vector<uint32_t> starts_;
};

// Reads an LSP Position object; throws nlohmann::json::exception when it is malformed.
Position positionFromJson(const nlohmann::json& position);

} // namespace clue::lsp
