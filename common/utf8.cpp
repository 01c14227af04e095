// UTF-8 validation following the well-formed byte sequences of Unicode, table 3-7.
#include "common/utf8.h"

#include <algorithm>
#include <cstdint>

namespace clue {

size_t sequenceLength(std::string_view text, size_t pos) {
    auto byte = [&](size_t i) {
        return static_cast<uint8_t>(text[i]);
    };
    uint8_t lead = byte(pos);
    if (lead < 0x80) {
        return 1;
    }
    size_t length = 0;
    uint8_t low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (pos + length > text.size()) {
        return 0;
    }
    if (byte(pos + 1) < low || byte(pos + 1) > high) {
        return 0;
    }
    for (size_t i = 2; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            return 0;
        }
    }
    return length;
}

std::optional<size_t> findInvalidUtf8(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
        size_t length = sequenceLength(text, pos);
        if (length == 0) {
            return pos;
        }
        pos += length;
    }
    return std::nullopt;
}

size_t countCodePoints(std::string_view text) {
    size_t count = 0;
    for (char c : text) {
        if ((static_cast<uint8_t>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

char32_t decodeCodePoint(std::string_view text, size_t& length) {
    auto lead = static_cast<uint8_t>(text[0]);
    length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    length = std::min(length, text.size());
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
        value = (value << 6) | (static_cast<uint8_t>(text[i]) & 0x3F);
    }
    return value;
}

} // namespace clue
