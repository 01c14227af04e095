// Finding and reading JSON objects in free text; no backtracking, one pass per object.
#include "common/json_in_text.h"

#include "common/json_input.h"

#include <string>

namespace clue {
namespace {

using nlohmann::json;

// The end of the string literal that starts at `open` (a quote), or npos when unterminated.
std::size_t stringEnd(std::string_view text, std::size_t open) {
    const char quote = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            return i;
        }
    }
    return std::string_view::npos;
}

// The `}` that closes the `{` at `open`, skipping braces inside quoted strings.
std::size_t objectEnd(std::string_view text, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"' || c == '\'') {
            i = stringEnd(text, i);
            if (i == std::string_view::npos) {
                return i;
            }
        } else if (c == '{') {
            ++depth;
        } else if (c == '}' && --depth == 0) {
            return i;
        }
    }
    return std::string_view::npos;
}

// Rewrites single-quoted strings as double-quoted ones; nothing when a string is unterminated.
std::optional<std::string> doubleQuoted(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '"' && text[i] != '\'') {
            out += text[i];
            continue;
        }
        const std::size_t end = stringEnd(text, i);
        if (end == std::string_view::npos) {
            return std::nullopt;
        }
        if (text[i] == '"') {
            out.append(text.substr(i, end - i + 1));
        } else {
            out += '"';
            for (std::size_t j = i + 1; j < end; ++j) {
                if (text[j] == '\\' && text[j + 1] == '\'') {
                    out += '\'';
                    ++j;
                } else {
                    out += text[j] == '"' ? "\\\"" : std::string(1, text[j]);
                }
            }
            out += '"';
        }
        i = end;
    }
    return out;
}

// The JSON value `text` holds; nothing when it is not JSON. Throws JsonInputError for JSON that is
// well-formed but must not be read (a key twice, too deep: the error's byte is 0).
std::optional<json> parsedOrNothing(std::string_view text) {
    try {
        return parseJsonInput(text);
    } catch (const JsonInputError& e) {
        if (e.byte() == 0) {
            throw;
        }
        return std::nullopt;
    }
}

} // namespace

std::vector<std::string_view> jsonObjectsIn(std::string_view text) {
    std::vector<std::string_view> objects;
    for (std::size_t i = text.find('{'); i != std::string_view::npos; i = text.find('{', i + 1)) {
        const std::size_t end = objectEnd(text, i);
        if (end != std::string_view::npos) {
            objects.push_back(text.substr(i, end - i + 1));
            i = end;
        }
    }
    return objects;
}

std::optional<json> parseJsonObject(std::string_view candidate) {
    std::optional<json> doc = parsedOrNothing(candidate);
    if (!doc) {
        if (auto converted = doubleQuoted(candidate)) {
            doc = parsedOrNothing(*converted);
        }
    }
    return doc && doc->is_object() ? std::move(doc) : std::nullopt;
}

} // namespace clue
