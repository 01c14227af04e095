// The tolerant but strict reader of the CoT summary's JSON rating.
#include "runtime/backend/rating_parser.h"

#include "common/json_input.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace clue::runtime {
namespace {

using nlohmann::json;

BackendError invalid(std::string what) {
    return {BackendErrorKind::InvalidRating,
            "the reasoning summary is unusable: " + std::move(what)};
}

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

std::vector<std::string_view> topLevelObjects(std::string_view text) {
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

// The object `candidate` holds, or nothing when it is not JSON even with single quotes converted;
// an error when it is JSON that must not be read (a key twice, too deep).
Expected<std::optional<json>, BackendError> parseObject(std::string_view candidate) {
    std::optional<json> doc;
    try {
        doc = parseJsonInput(candidate);
    } catch (const JsonInputError& e) {
        if (e.byte() == 0) {
            return invalid(e.what());
        }
        if (auto converted = doubleQuoted(candidate)) {
            doc = tryParseJsonInput(*converted);
        }
    }
    return doc && doc->is_object() ? std::move(doc) : std::nullopt;
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

// The member whose key is `lowerKey` in any case; nothing when there is none, an error when
// there are two ("rating" and "Rating"), since either could be the model's answer.
Expected<const json*, BackendError> findKey(const json& object, std::string_view lowerKey) {
    const json* found = nullptr;
    for (const auto& [key, value] : object.items()) {
        if (lowered(key) != lowerKey) {
            continue;
        }
        if (found != nullptr) {
            return invalid("the JSON has the key \"" + std::string(lowerKey) +
                           "\" twice (in different cases)");
        }
        found = &value;
    }
    return found;
}

Expected<bool, BackendError> readRatingValue(const json& value) {
    if (!value.is_string()) {
        return invalid("\"rating\" is " + value.dump() + ", not \"Yes\" or \"No\"");
    }
    std::string text = lowered(value.get<std::string>());
    while (!text.empty() && (text.back() == '.' || text.back() == ' ')) {
        text.pop_back();
    }
    while (!text.empty() && text.front() == ' ') {
        text.erase(0, 1);
    }
    if (text == "yes" || text == "no") {
        return text == "yes";
    }
    return invalid("\"rating\" is " + value.dump() + ", not \"Yes\" or \"No\"");
}

Expected<Rating, BackendError> readRating(const json& object, const json& ratingValue) {
    auto yes = readRatingValue(ratingValue);
    if (!yes) {
        return yes.error();
    }
    auto found = findKey(object, "rationale");
    if (!found) {
        return found.error();
    }
    const json* rationale = found.value();
    if (rationale == nullptr) {
        return invalid("the JSON has a rating but no \"rationale\"");
    }
    if (!rationale->is_string()) {
        return invalid("\"rationale\" is not a string");
    }
    return Rating{yes.value(), rationale->get<std::string>()};
}

} // namespace

Expected<Rating, BackendError> parseRating(std::string_view text) {
    std::optional<Rating> found;
    for (std::string_view candidate : topLevelObjects(text)) {
        auto object = parseObject(candidate);
        if (!object) {
            return object.error();
        }
        if (!object.value()) {
            continue;
        }
        auto rating = findKey(*object.value(), "rating");
        if (!rating) {
            return rating.error();
        }
        if (rating.value() == nullptr) {
            continue;
        }
        auto read = readRating(*object.value(), *rating.value());
        if (!read) {
            return read.error();
        }
        if (found && found->yes != read->yes) {
            return invalid("it holds two JSON ratings that disagree");
        }
        if (!found) {
            found = std::move(read.value());
        }
    }
    if (!found) {
        if (text.find('{') == std::string_view::npos) {
            return invalid("no JSON object found");
        }
        return invalid(topLevelObjects(text).empty()
                           ? "no complete JSON object (an unbalanced brace or quote?)"
                           : "no JSON object with a \"rating\" key could be read");
    }
    return *found;
}

} // namespace clue::runtime
