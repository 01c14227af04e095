// Runs tests on a plan with three-valued logic: predicates a test does not give are unknown,
// and an expectation whose outcome depends on an unknown fails, naming the predicates.
#pragma once

#include "compiler/testing/test_case.h"
#include "plan/plan.h"

#include <cstdint>
#include <string>
#include <vector>

namespace clue {

struct ExpectationOutcome {
    std::string expected;
    std::string actual;
    bool passed = false;
    std::vector<uint32_t> unknown; // plan predicates the outcome depends on, when undecided
};

struct TestOutcome {
    std::string name;
    std::string location;
    bool passed = true;
    std::vector<std::string> fired; // rules violated under the test's facts
    std::vector<ExpectationOutcome> expectations;
};

// What the tests exercised: each rule seen violated and seen cleared, each predicate seen
// true and seen false, in some test.
struct Coverage {
    std::vector<bool> ruleFired, ruleCleared;        // by plan rule
    std::vector<bool> predicateTrue, predicateFalse; // by plan predicate
};

struct TestReport {
    std::vector<TestOutcome> tests;
    Coverage coverage;
    size_t passed = 0;
    size_t failed = 0;
};

TestReport runTests(const plan::Plan& plan, const std::vector<TestCase>& tests);

} // namespace clue
