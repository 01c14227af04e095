// The two escapes of outside text: lossless for file names, harmless for terminals.
#include "common/escaped_text.h"

#include "common/utf8.h"

#include <fmt/format.h>

namespace clue {
namespace {

void appendByte(std::string& out, unsigned char byte) {
    out += fmt::format("\\x{:02X}", byte);
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

// Invalid bytes as \xHH; for a file name (`reversible`), NUL too, and `\` doubled.
std::string escapeBytes(std::string_view bytes, bool reversible) {
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size();) {
        size_t length = sequenceLength(bytes, i);
        if (length == 0 || (reversible && bytes[i] == '\0')) {
            appendByte(out, static_cast<unsigned char>(bytes[i]));
            ++i;
            continue;
        }
        out += reversible && bytes[i] == '\\' ? "\\\\" : bytes.substr(i, length);
        i += length;
    }
    return out;
}

} // namespace

bool isControlCharacter(char32_t c) {
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

bool reordersText(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

std::string escapeFileName(std::string_view bytes) {
    return escapeBytes(bytes, true);
}

std::string escapeInvalidUtf8(std::string_view text) {
    return escapeBytes(text, false);
}

std::optional<std::string> unescapeFileName(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\') {
            out += text[i];
        } else if (i + 1 < text.size() && text[i + 1] == '\\') {
            out += '\\';
            ++i;
        } else if (i + 3 < text.size() && text[i + 1] == 'x' && hexValue(text[i + 2]) >= 0 &&
                   hexValue(text[i + 3]) >= 0) {
            out += static_cast<char>(hexValue(text[i + 2]) * 16 + hexValue(text[i + 3]));
            i += 3;
        } else {
            return std::nullopt;
        }
    }
    return out;
}

std::string terminalText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        size_t length = sequenceLength(text, i);
        if (length == 0) {
            appendByte(out, static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        size_t decoded = 0;
        char32_t c = decodeCodePoint(text.substr(i, length), decoded);
        if (isControlCharacter(c)) {
            appendByte(out, static_cast<unsigned char>(c));
        } else if (reordersText(c)) {
            out += fmt::format("\\u{{{:04X}}}", static_cast<uint32_t>(c));
        } else {
            out += text.substr(i, length);
        }
        i += length;
    }
    return out;
}

} // namespace clue
