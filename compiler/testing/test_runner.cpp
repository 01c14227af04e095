// Kleene evaluation through clue::plan, then each expectation read off the rules' values.
#include "compiler/testing/test_runner.h"

#include "plan/plan_evaluator.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace clue {

using plan::Truth;

namespace {

struct Evaluation {
    std::vector<Truth> predicates;
    std::vector<Truth> nodes;
    std::vector<Truth> rules;
};

Evaluation evaluate(const plan::Plan& plan, const TestCase& test) {
    std::map<std::string, bool> facts;
    for (const GivenFact& f : test.given) {
        facts[f.key] = f.value;
    }
    Evaluation e;
    for (const plan::Predicate& p : plan.predicates) {
        auto it = facts.find(p.key);
        e.predicates.push_back(it == facts.end() ? Truth::Unknown
                                                 : (it->second ? Truth::True : Truth::False));
    }
    e.nodes = plan::evaluateNodes(plan, e.predicates);
    for (const plan::Rule& r : plan.rules) {
        e.rules.push_back(e.nodes[r.root]);
    }
    return e;
}

// The unknown predicates under the unknown nodes of `rules`: those that could decide them.
std::vector<uint32_t> unknownBelow(const plan::Plan& plan, const Evaluation& e,
                                   const std::vector<size_t>& rules) {
    std::vector<bool> seen(plan.nodes.size(), false);
    std::vector<bool> listed(plan.predicates.size(), false);
    std::vector<uint32_t> out;
    std::vector<uint32_t> stack;
    for (size_t r : rules) {
        stack.push_back(plan.rules[r].root);
    }
    while (!stack.empty()) {
        uint32_t n = stack.back();
        stack.pop_back();
        if (seen[n] || e.nodes[n] != Truth::Unknown) {
            continue;
        }
        seen[n] = true;
        const plan::Node& node = plan.nodes[n];
        if (node.op == plan::NodeOp::Predicate && !listed[node.predicate]) {
            listed[node.predicate] = true;
            out.push_back(node.predicate);
        }
        stack.insert(stack.end(), node.children.begin(), node.children.end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<size_t> rulesWith(const Evaluation& e, Truth value) {
    std::vector<size_t> out;
    for (size_t r = 0; r < e.rules.size(); ++r) {
        if (e.rules[r] == value) {
            out.push_back(r);
        }
    }
    return out;
}

ExpectationOutcome undecided(const plan::Plan& plan, const Evaluation& e,
                             const std::vector<size_t>& rules, std::string expected) {
    return {std::move(expected), "undecided", false, unknownBelow(plan, e, rules)};
}

ExpectationOutcome checkVerdict(const plan::Plan& plan, const Evaluation& e, bool wantUnsafe,
                                std::string expected) {
    std::vector<size_t> fired = rulesWith(e, Truth::True);
    std::vector<size_t> open = rulesWith(e, Truth::Unknown);
    if (!fired.empty()) {
        return {std::move(expected), "unsafe", wantUnsafe, {}};
    }
    if (!open.empty()) {
        return undecided(plan, e, open, std::move(expected));
    }
    return {std::move(expected), "safe", !wantUnsafe, {}};
}

ExpectationOutcome checkRule(const plan::Plan& plan, const Evaluation& e,
                             const TestExpectation& x) {
    std::string expected = describe(x);
    size_t r = 0;
    while (r < plan.rules.size() && plan.rules[r].id != x.rule) {
        ++r;
    }
    if (r == plan.rules.size()) {
        return {expected, "no such rule in the compiled plan", false, {}};
    }
    if (e.rules[r] == Truth::Unknown) {
        return undecided(plan, e, {r}, expected);
    }
    bool violated = e.rules[r] == Truth::True;
    bool wanted = x.kind == ast::ExpectKind::Violates;
    return {expected, violated ? "violated" : "not violated", violated == wanted, {}};
}

void record(Coverage& c, const Evaluation& e) {
    for (size_t r = 0; r < e.rules.size(); ++r) {
        c.ruleFired[r] = c.ruleFired[r] || e.rules[r] == Truth::True;
        c.ruleCleared[r] = c.ruleCleared[r] || e.rules[r] == Truth::False;
    }
    for (size_t p = 0; p < e.predicates.size(); ++p) {
        c.predicateTrue[p] = c.predicateTrue[p] || e.predicates[p] == Truth::True;
        c.predicateFalse[p] = c.predicateFalse[p] || e.predicates[p] == Truth::False;
    }
}

} // namespace

TestReport runTests(const plan::Plan& plan, const std::vector<TestCase>& tests) {
    TestReport report;
    report.coverage = {std::vector<bool>(plan.rules.size()), std::vector<bool>(plan.rules.size()),
                       std::vector<bool>(plan.predicates.size()),
                       std::vector<bool>(plan.predicates.size())};
    for (const TestCase& test : tests) {
        Evaluation e = evaluate(plan, test);
        TestOutcome outcome{test.name, test.location, true, {}, {}};
        for (size_t r : rulesWith(e, Truth::True)) {
            outcome.fired.push_back(plan.rules[r].id);
        }
        for (const TestExpectation& x : test.expectations) {
            bool rule =
                x.kind == ast::ExpectKind::Violates || x.kind == ast::ExpectKind::NotViolates;
            outcome.expectations.push_back(
                rule ? checkRule(plan, e, x)
                     : checkVerdict(plan, e, x.kind == ast::ExpectKind::Unsafe, describe(x)));
            outcome.passed = outcome.passed && outcome.expectations.back().passed;
        }
        record(report.coverage, e);
        ++(outcome.passed ? report.passed : report.failed);
        report.tests.push_back(std::move(outcome));
    }
    return report;
}

} // namespace clue
