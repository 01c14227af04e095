// UTF-16 columns from UTF-8 bytes: a code point of four bytes counts two units, others one.
#include "lsp/line_index.h"

#include <algorithm>

namespace clue::lsp {
namespace {

// The length in bytes of the UTF-8 sequence led by `lead`; 1 for a stray byte, so that invalid
// text still advances.
uint32_t sequenceLength(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

} // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (uint32_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            starts_.push_back(i + 1);
        }
    }
}

uint32_t LineIndex::lineEnd(size_t line) const {
    uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] : uint32_t(text_.size());
    uint32_t begin = starts_[line];
    while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) {
        --end;
    }
    return end;
}

Position LineIndex::positionOf(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, uint32_t(text_.size()));
    size_t line =
        size_t(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    uint32_t units = 0;
    for (uint32_t i = starts_[line]; i < offset;) {
        uint32_t length = sequenceLength(static_cast<unsigned char>(text_[i]));
        units += length == 4 ? 2 : 1;
        i += length;
    }
    return {uint32_t(line), units};
}

uint32_t LineIndex::offsetOf(Position position) const {
    if (position.line >= starts_.size()) {
        return uint32_t(text_.size());
    }
    uint32_t i = starts_[position.line], end = lineEnd(position.line);
    uint32_t units = 0;
    while (i < end) {
        uint32_t length = sequenceLength(static_cast<unsigned char>(text_[i]));
        uint32_t width = length == 4 ? 2 : 1;
        if (units + width > position.character) {
            break;
        }
        units += width;
        i = std::min(end, i + length);
    }
    return i;
}

nlohmann::json LineIndex::position(uint32_t offset) const {
    Position p = positionOf(offset);
    return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json LineIndex::range(uint32_t begin, uint32_t end) const {
    return {{"start", position(begin)}, {"end", position(end)}};
}

Position positionFromJson(const nlohmann::json& position) {
    return {position.at("line").get<uint32_t>(), position.at("character").get<uint32_t>()};
}

} // namespace clue::lsp
