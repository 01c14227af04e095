// Parsing Content-Type values (RFC 9110, section 8.3), without regular expressions.
#include "serve/media_type.h"

#include <algorithm>
#include <cctype>

namespace clue::serve {
namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// The next ';'-separated piece, a quoted string kept whole.
std::string_view nextPiece(std::string_view& rest) {
    bool quoted = false;
    std::size_t at = 0;
    for (; at < rest.size(); ++at) {
        if (rest[at] == '"') {
            quoted = !quoted;
        } else if (rest[at] == '\\' && quoted) {
            ++at;
        } else if (rest[at] == ';' && !quoted) {
            break;
        }
    }
    std::string_view piece = rest.substr(0, std::min(at, rest.size()));
    rest.remove_prefix(std::min(at + 1, rest.size()));
    return piece;
}

std::string unquote(std::string_view value) {
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') {
        return std::string(value);
    }
    std::string out;
    for (std::size_t i = 1; i + 1 < value.size(); ++i) {
        if (value[i] == '\\' && i + 2 < value.size()) {
            ++i;
        }
        out += value[i];
    }
    return out;
}

} // namespace

bool MediaType::isTop(std::string_view top) const {
    return type.size() > top.size() && type.compare(0, top.size(), top) == 0 &&
           type[top.size()] == '/';
}

MediaType parseMediaType(std::string_view value) {
    MediaType media;
    std::string_view rest = value;
    media.type = lower(trim(nextPiece(rest)));
    while (!rest.empty()) {
        const std::string_view piece = trim(nextPiece(rest));
        const auto equals = piece.find('=');
        if (equals == std::string_view::npos) {
            continue;
        }
        media.params[lower(trim(piece.substr(0, equals)))] =
            unquote(trim(piece.substr(equals + 1)));
    }
    return media;
}

} // namespace clue::serve
