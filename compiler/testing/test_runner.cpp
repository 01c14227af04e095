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
    return {std::move(expected), "undecided", false, true, unknownBelow(plan, e, rules)};
}

ExpectationOutcome notTestable(std::string expected, std::string why) {
    return {std::move(expected), std::move(why), false, false, {}};
}

std::string chainlessList(const std::vector<std::string>& chainless) {
    return fmt::format("rule{} {} {} no chain yet", chainless.size() == 1 ? "" : "s",
                       fmt::join(chainless, ", "), chainless.size() == 1 ? "has" : "have");
}

// A verdict needs every rule: with none firing, the rules with no chain could still decide it.
ExpectationOutcome checkVerdict(const plan::Plan& plan, const Evaluation& e, bool wantUnsafe,
                                std::string expected, const std::vector<std::string>& chainless) {
    std::vector<size_t> fired = rulesWith(e, Truth::True);
    std::vector<size_t> open = rulesWith(e, Truth::Unknown);
    if (!fired.empty()) {
        return {std::move(expected), "unsafe", wantUnsafe, true, {}};
    }
    if (!open.empty()) {
        return undecided(plan, e, open, std::move(expected));
    }
    if (!chainless.empty()) {
        return notTestable(std::move(expected), chainlessList(chainless));
    }
    return {std::move(expected), "safe", !wantUnsafe, true, {}};
}

ExpectationOutcome checkRule(const plan::Plan& plan, const Evaluation& e, const TestExpectation& x,
                             const std::vector<std::string>& chainless) {
    std::string expected = describe(x);
    if (std::find(chainless.begin(), chainless.end(), x.rule) != chainless.end()) {
        return notTestable(expected, chainlessList({x.rule}));
    }
    size_t r = 0;
    while (r < plan.rules.size() && plan.rules[r].id != x.rule) {
        ++r;
    }
    if (r == plan.rules.size()) {
        return {expected, "no such rule in the compiled plan", false, true, {}};
    }
    if (e.rules[r] == Truth::Unknown) {
        return undecided(plan, e, {r}, expected);
    }
    bool violated = e.rules[r] == Truth::True;
    bool wanted = x.kind == ast::ExpectKind::Violates;
    return {expected, violated ? "violated" : "not violated", violated == wanted, true, {}};
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

TestReport runTests(const plan::Plan& plan, const std::vector<TestCase>& tests,
                    const std::vector<std::string>& chainless) {
    TestReport report;
    report.chainless = chainless;
    report.coverage = {std::vector<bool>(plan.rules.size()), std::vector<bool>(plan.rules.size()),
                       std::vector<bool>(plan.predicates.size()),
                       std::vector<bool>(plan.predicates.size())};
    for (const TestCase& test : tests) {
        Evaluation e = evaluate(plan, test);
        TestOutcome outcome{test.name, test.location, true, true, {}, {}};
        for (size_t r : rulesWith(e, Truth::True)) {
            outcome.fired.push_back(plan.rules[r].id);
        }
        for (const TestExpectation& x : test.expectations) {
            bool rule =
                x.kind == ast::ExpectKind::Violates || x.kind == ast::ExpectKind::NotViolates;
            outcome.expectations.push_back(rule ? checkRule(plan, e, x, chainless)
                                                : checkVerdict(plan, e,
                                                               x.kind == ast::ExpectKind::Unsafe,
                                                               describe(x), chainless));
            const ExpectationOutcome& last = outcome.expectations.back();
            outcome.passed = outcome.passed && last.passed;
            outcome.testable = outcome.testable && last.testable;
        }
        bool failed =
            std::any_of(outcome.expectations.begin(), outcome.expectations.end(),
                        [](const ExpectationOutcome& x) { return x.testable && !x.passed; });
        outcome.testable = outcome.testable || failed;
        record(report.coverage, e);
        ++(failed ? report.failed : !outcome.testable ? report.notTestable : report.passed);
        report.tests.push_back(std::move(outcome));
    }
    return report;
}

RuleCoverageCount ruleCoverage(const TestReport& report) {
    RuleCoverageCount count{0, report.coverage.ruleFired.size() + report.chainless.size()};
    for (size_t r = 0; r < report.coverage.ruleFired.size(); ++r) {
        count.covered += report.coverage.ruleFired[r] && report.coverage.ruleCleared[r];
    }
    return count;
}

} // namespace clue
