// A `test` block ready to run against a plan: facts by statement key, expectations by rule id.
#pragma once

#include "compiler/ast/test_decl.h"

#include <string>
#include <vector>

namespace clue {

struct GivenFact {
    std::string key; // statementHash of the predicate's statement
    bool value = true;
};

struct TestExpectation {
    ast::ExpectKind kind = ast::ExpectKind::Safe;
    std::string rule; // Violates and NotViolates
};

struct TestCase {
    std::string name;
    std::string location; // "file:line", relative path
    std::vector<GivenFact> given;
    std::vector<TestExpectation> expectations;
};

// "safe", "unsafe", "violates R", "not violates R": the expectation as written.
std::string describe(const TestExpectation& expectation);

} // namespace clue
