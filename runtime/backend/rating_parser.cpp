// The tolerant but strict reader of the CoT summary's JSON rating.
#include "runtime/backend/rating_parser.h"

#include "common/json_in_text.h"

#include <optional>

namespace clue::runtime {
namespace {

using nlohmann::json;

BackendError invalid(std::string what) {
    return {BackendErrorKind::InvalidRating,
            "the reasoning summary is unusable: " + std::move(what)};
}

std::string lowered(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

const json* findKey(const json& object, std::string_view lowerKey) {
    for (const auto& [key, value] : object.items()) {
        if (lowered(key) == lowerKey) {
            return &value;
        }
    }
    return nullptr;
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
    const json* rationale = findKey(object, "rationale");
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
        const auto object = parseJsonObject(candidate);
        const json* rating = object ? findKey(*object, "rating") : nullptr;
        if (rating == nullptr) {
            continue;
        }
        auto read = readRating(*object, *rating);
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
