// Reading and checking the model's answers to the three prompts. An answer that cannot be used
// yields a problem sentence, which the retry prompt quotes back to the model.
#pragma once

#include "compiler/objectify/chain.h"

#include <optional>
#include <string>
#include <string_view>

namespace clue::objectify {

template <typename T> struct Checked {
    std::optional<T> value;
    std::string problem; // when there is no value: why, as a clause ("the rating 11 is ...")

    static Checked fail(std::string why) { return {std::nullopt, std::move(why)}; }
};

struct AnswerLimits {
    size_t maxStatementLength = 150; // characters (code points) per extracted statement
    size_t maxObjectLength = 40;     // characters per central object
    size_t maxRuleLength = 1000;     // characters per rewritten rule
};

struct RatingAnswer {
    int rating = 0;
    std::string explanation; // the text before the rating, trimmed
};

// "explanation ... Rating: [[N]]" (the last [[N]] counts; "Rating: N" is accepted too). N must
// be a whole number from 1 to 10.
Checked<RatingAnswer> parseRating(std::string_view answer);

// The rewritten rule: fences, <rule> tags, a leading label and enclosing quotes are removed,
// white space is collapsed. It must not be empty or over the length limit.
Checked<std::string> parseRewrite(std::string_view answer, const AnswerLimits& limits);

// {"chain": [{"any": [{"statement": "...", "object": "..."}]}]}, possibly in a code fence or
// with prose around it. Every step and the chain must be non-empty; every statement one short,
// positive fact.
Checked<Chain> parseChain(std::string_view answer, const AnswerLimits& limits);

} // namespace clue::objectify
