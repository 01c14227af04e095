// Messages for stray characters and escapes, phrased for policy authors.
#include "compiler/frontend/lexical_messages.h"

#include "common/utf8.h"

#include <fmt/format.h>

namespace clue {
namespace {

bool isInvisible(char32_t c) {
    return c < 0x20 || c == 0x7F || c == 0xA0 || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF ||
           (c >= 0x80 && c < 0xA0);
}

char32_t firstCodePoint(std::string_view utf8) {
    size_t length = 0;
    return utf8.empty() ? 0 : decodeCodePoint(utf8, length);
}

} // namespace

std::string describeCharacters(std::string_view utf8) {
    char32_t first = firstCodePoint(utf8);
    if (isInvisible(first)) {
        return fmt::format("U+{:04X}", static_cast<uint32_t>(first));
    }
    if (first == U'\'') {
        return fmt::format("\"{}\"", utf8);
    }
    if (first < 0x80) {
        return fmt::format("'{}'", utf8);
    }
    return fmt::format("'{}' (U+{:04X})", utf8, static_cast<uint32_t>(first));
}

std::string strayCharacterHelp(std::string_view utf8) {
    switch (firstCodePoint(utf8)) {
    case U'&':
        return "write 'and' to require both conditions";
    case U'|':
        return "write 'or' to accept either condition";
    case U'!':
    case U'~':
        return "write 'not' to negate a condition";
    case U'\'':
    case U'\u2018':
    case U'\u2019':
    case U'\u201C':
    case U'\u201D':
        return "texts are written in straight double quotes: \"like this\"";
    case U'[':
    case U']':
        return "group conditions with '(' and ')'";
    case U';':
        return "declarations need no terminator; remove it";
    case U'/':
        return "comments start with '#'";
    case U'=':
        return "predicates are declared as: predicate NAME : \"statement\"";
    default:
        return "remove it, or put it inside a quoted text";
    }
}

std::string unknownEscapeMessage(std::string_view sequence) {
    std::string_view escaped = sequence.substr(std::min<size_t>(1, sequence.size()));
    if (escaped.empty() || escaped == "\n" || escaped == "\r") {
        return "a backslash cannot continue a text on the next line";
    }
    return fmt::format("unknown escape '\\{}' in a text", escaped);
}

} // namespace clue
