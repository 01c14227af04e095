// What the parser saw when it stopped: the input to the wording of a syntax error.
#pragma once

#include "compiler/source/source_span.h"

#include <optional>
#include <string>
#include <vector>

namespace clue {

struct SyntaxToken {
    size_t type = 0; // a ClueLexer token type; 0 when absent
    std::string text;
    SourceSpan span;
};

// A construct that is still open where the error is: a category or test body, or a '('.
struct OpenConstruct {
    std::string what; // "category 'violence'", "test \"x\"", "'('"
    SourceSpan opening;
};

struct SyntaxSituation {
    SyntaxToken offending;
    SyntaxToken previous;               // the visible token before the offending one
    SyntaxToken beforePrevious;         // the one before that
    bool sameLine = true;               // offending and previous tokens start on the same line
    std::vector<size_t> expected;       // token types the parser would have accepted, sorted
    size_t ruleIndex = 0;               // the innermost ClueParser rule being parsed
    bool unwanted = false;              // the parser will skip the offending token
    std::optional<OpenConstruct> block; // innermost open category or test
    std::optional<OpenConstruct> paren; // innermost open '(' of a formula
    std::string ruleId;                 // the rule being parsed, if any
};

} // namespace clue
