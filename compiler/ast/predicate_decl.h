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

struct PredicateDecl {
    std::string name;
    SourceSpan nameSpan;
    Text statement;
    std::vector<PredicateOption> options;
    SourceSpan span;

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
