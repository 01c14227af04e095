// The tolerant but strict reader of the CoT summary's JSON rating.
#include "runtime/backend/rating_parser.h"

#include "common/json_in_text.h"
#include "common/json_input.h"

#include <optional>

namespace clue::runtime {
namespace {

using nlohmann::json;

BackendError invalid(std::string what) {
    return {BackendErrorKind::InvalidRating,
            "the reasoning summary is unusable: " + std::move(what)};
}

// The object `candidate` holds, or nothing when it is not one; an error when it is JSON that
// must not be read (a key twice, too deep).
Expected<std::optional<json>, BackendError> parseObject(std::string_view candidate) {
    try {
        return parseJsonObject(candidate);
    } catch (const JsonInputError& e) {
        return invalid(e.what());
    }
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
    for (std::string_view candidate : jsonObjectsIn(text)) {
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
        return invalid(jsonObjectsIn(text).empty()
                           ? "no complete JSON object (an unbalanced brace or quote?)"
                           : "no JSON object with a \"rating\" key could be read");
    }
    return *found;
}

} // namespace clue::runtime
