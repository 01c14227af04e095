// `test "name" { given ...  expect ... }`: a model-free unit test of the constitution's logic.
#pragma once

#include "compiler/ast/text.h"

#include <string>
#include <vector>

namespace clue::ast {

// One fact of a `given` list: a predicate name or an inline statement, possibly negated.
struct GivenItem {
    bool negated = false;
    bool isInline = false;
    std::string name; // predicate name, or the inline statement's text
    SourceSpan refSpan;
    SourceSpan span; // includes `not`
};

enum class ExpectKind { Safe, Unsafe, Violates, NotViolates };

struct Expectation {
    ExpectKind kind = ExpectKind::Safe;
    std::string rule; // Violates and NotViolates
    SourceSpan ruleSpan;
    SourceSpan span;
};

struct TestDecl {
    std::string name;
    SourceSpan nameSpan;
    std::vector<GivenItem> given;
    std::vector<Expectation> expectations;
    // Source order of the statements: true for `given`, false for `expect`; each `given`
    // statement owns `givenCounts[i]` consecutive items of `given`.
    std::vector<bool> statementIsGiven;
    std::vector<size_t> givenCounts;
    SourceSpan span;
};

} // namespace clue::ast
