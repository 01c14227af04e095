// Runs tests on a plan with three-valued logic: predicates a test does not give are unknown,
// and an expectation whose outcome depends on an unknown fails, naming the predicates.
// Rules with no chain yet (no `when`, no lock entry) are not in the plan: an expectation that
// needs them is "not testable", which is neither a pass nor a failure.
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
    bool testable = true;          // false: it needs a rule with no chain (`passed` is false)
    std::vector<uint32_t> unknown; // plan predicates the outcome depends on, when undecided
};

struct TestOutcome {
    std::string name;
    std::string location;
    bool passed = true;
    bool testable = true; // false: no expectation failed, and one needs a rule with no chain
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
    size_t notTestable = 0;
    std::vector<std::string> chainless; // rules left out of the plan
};

// `chainless`: the ids of the rules left out of the plan for want of a chain.
TestReport runTests(const plan::Plan& plan, const std::vector<TestCase>& tests,
                    const std::vector<std::string>& chainless = {});

// How many of the constitution's rules (the plan's and the chainless ones, which no test can
// reach) the tests saw both violated and cleared.
struct RuleCoverageCount {
    size_t covered = 0;
    size_t total = 0;
};
RuleCoverageCount ruleCoverage(const TestReport& report);

} // namespace clue
