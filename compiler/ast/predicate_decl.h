// `predicate NAME : "statement" OPTION VALUE ...`: a named yes/no visual statement.
#pragma once

#include "compiler/ast/text.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::ast {

// One option after the statement, such as `object "injuries"`, `cost 2` or `prior 0.1`.
// Names are checked by sema, so new options need no grammar change.
struct PredicateOption {
    std::string name;
    SourceSpan nameSpan;
    bool isNumber = false;
    std::string stringValue; // when !isNumber: unescaped
    double numberValue = 0;  // when isNumber
    std::string rawValue;    // as written, for fmt
    SourceSpan valueSpan;
    SourceSpan span;
};

// What a statement looks at, by its `about` option: the image (the default), the user's prompt
// or the model's response. Only a response constitution has a prompt and a response.
enum class LookedAt { Image, Prompt, Response };

inline std::optional<LookedAt> parseLookedAt(const std::string& value) {
    if (value == "image") {
        return LookedAt::Image;
    }
    if (value == "prompt") {
        return LookedAt::Prompt;
    }
    if (value == "response") {
        return LookedAt::Response;
    }
    return std::nullopt;
}

struct PredicateDecl {
    std::string name;
    SourceSpan nameSpan;
    Text statement;
    std::vector<PredicateOption> options;
    SourceSpan span;

    // What the statement looks at; the image when `about` is absent or invalid (sema reports).
    LookedAt lookedAt() const {
        const PredicateOption* about = option("about");
        return about ? parseLookedAt(about->stringValue).value_or(LookedAt::Image)
                     : LookedAt::Image;
    }

    const PredicateOption* option(const std::string& optionName) const {
        for (const PredicateOption& o : options) {
            if (o.name == optionName) {
                return &o;
            }
        }
        return nullptr;
    }
};

} // namespace clue::ast
