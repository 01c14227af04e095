// What objectifying one rule gave: a lock entry, or why there is none.
#pragma once

#include "compiler/objectify/lock_entry.h"

#include <optional>
#include <string>

namespace clue::objectify {

struct RuleJob {
    std::string id;
    std::string text;
};

enum class FailureKind {
    None,
    InvalidAnswers, // every attempt at one question gave an unusable answer
    Model,          // the model could not be asked: server down, HTTP error, timeout
};

struct RuleOutcome {
    std::string ruleId;
    std::optional<LockEntry> entry; // set exactly when failure is None
    FailureKind failure = FailureKind::None;
    std::string message;    // the failure, as a sentence
    std::string lastAnswer; // InvalidAnswers: the last answer, as the model gave it
    int calls = 0;          // model calls made, retries included
};

} // namespace clue::objectify
