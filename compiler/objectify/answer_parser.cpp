// Parsing and validation of rating and rewrite answers.
#include "compiler/objectify/answer_parser.h"

#include "common/utf8.h"
#include "compiler/objectify/answer_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace clue::objectify {
namespace {

// The number in "[[N]]" or after "Rating:", and where the explanation ends.
struct RatingMark {
    std::string number;
    size_t explanationEnd = 0;
};

std::optional<RatingMark> findRatingMark(std::string_view answer) {
    size_t open = answer.rfind("[[");
    if (open != std::string_view::npos) {
        size_t close = answer.find("]]", open);
        if (close != std::string_view::npos) {
            return RatingMark{std::string(trimSpace(answer.substr(open + 2, close - open - 2))),
                              open};
        }
    }
    std::string lower(answer);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    size_t label = lower.rfind("rating:");
    if (label == std::string::npos) {
        return std::nullopt;
    }
    std::string_view rest = trimSpace(answer.substr(label + 7));
    size_t end = 0;
    while (end < rest.size() && (std::isdigit(static_cast<unsigned char>(rest[end])) ||
                                 rest[end] == '.' || rest[end] == '-')) {
        ++end;
    }
    return RatingMark{std::string(rest.substr(0, end)), label};
}

std::string explanationBefore(std::string_view answer, size_t end) {
    std::string_view text = trimSpace(answer.substr(0, end));
    for (std::string_view label : {"rating:", "rating"}) {
        if (text.size() >= label.size() &&
            startsWithNoCase(text.substr(text.size() - label.size()), label)) {
            text = trimSpace(text.substr(0, text.size() - label.size()));
            break;
        }
    }
    return std::string(text);
}

} // namespace

Checked<RatingAnswer> parseRating(std::string_view answer) {
    if (auto problem = textProblem(answer)) {
        return Checked<RatingAnswer>::fail("the answer is unusable: " + *problem);
    }
    std::optional<RatingMark> mark = findRatingMark(answer);
    if (!mark || mark->number.empty()) {
        return Checked<RatingAnswer>::fail(
            "it has no rating in the form \"Rating: [[N]]\" with N from 1 to 10");
    }
    double value = 0;
    try {
        size_t used = 0;
        value = std::stod(mark->number, &used);
        if (used != mark->number.size()) {
            throw std::invalid_argument("trailing text");
        }
    } catch (const std::exception&) {
        return Checked<RatingAnswer>::fail(
            fmt::format("the rating \"{}\" is not a number from 1 to 10", mark->number));
    }
    if (value < 1 || value > 10 || std::floor(value) != value) {
        return Checked<RatingAnswer>::fail(
            fmt::format("the rating {} is outside 1 to 10 or not a whole number", mark->number));
    }
    return {RatingAnswer{static_cast<int>(value), explanationBefore(answer, mark->explanationEnd)},
            {}};
}

Checked<std::string> parseRewrite(std::string_view answer, const AnswerLimits& limits) {
    if (auto problem = textProblem(answer)) {
        return Checked<std::string>::fail("the answer is unusable: " + *problem);
    }
    std::string text(unfenced(answer));
    for (std::string_view tag : {"<rule>", "</rule>"}) {
        for (size_t at; (at = text.find(tag)) != std::string::npos;) {
            text.erase(at, tag.size());
        }
    }
    std::string_view rest = trimSpace(text);
    for (std::string_view label :
         {"rewritten rule:", "revised rule:", "objective rule:", "new rule:", "rule:"}) {
        if (startsWithNoCase(rest, label)) {
            rest = trimSpace(rest.substr(label.size()));
            break;
        }
    }
    if (rest.size() >= 2 && rest.front() == '"' && rest.back() == '"') {
        rest = trimSpace(rest.substr(1, rest.size() - 2));
    }
    std::string rule = collapseSpace(rest);
    if (rule.empty()) {
        return Checked<std::string>::fail("it holds no rewritten rule");
    }
    if (size_t length = countCodePoints(rule); length > limits.maxRuleLength) {
        return Checked<std::string>::fail(
            fmt::format("the rewritten rule has {} characters, over the limit of {}", length,
                        limits.maxRuleLength));
    }
    return {rule, {}};
}

} // namespace clue::objectify
