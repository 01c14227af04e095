// Text and JSON renderings of the same report.
#include "compiler/testing/test_report.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace clue {
namespace {

using json = nlohmann::ordered_json;

std::string joinOrNone(const std::vector<std::string>& items) {
    return items.empty() ? "none" : fmt::format("{}", fmt::join(items, ", "));
}

std::vector<std::string> names(const std::vector<uint32_t>& predicates, const ReportContext& c) {
    std::vector<std::string> out;
    for (uint32_t p : predicates) {
        out.push_back(c.predicateNames.at(p));
    }
    return out;
}

std::string actualText(const ExpectationOutcome& e, const ReportContext& c) {
    if (e.unknown.empty()) {
        return e.actual;
    }
    return fmt::format("{}: depends on unknown predicate{} {}", e.actual,
                       e.unknown.size() == 1 ? "" : "s", joinOrNone(names(e.unknown, c)));
}

// The items of `ids` whose flag in `seen` is false.
std::vector<std::string> missing(const std::vector<bool>& seen,
                                 const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    for (size_t i = 0; i < seen.size(); ++i) {
        if (!seen[i]) {
            out.push_back(ids[i]);
        }
    }
    return out;
}

std::vector<std::string> ruleIds(const plan::Plan& plan) {
    std::vector<std::string> ids;
    for (const plan::Rule& r : plan.rules) {
        ids.push_back(r.id);
    }
    return ids;
}

std::string coverageText(const TestReport& report, const ReportContext& c) {
    const Coverage& cov = report.coverage;
    std::vector<std::string> rules = ruleIds(*c.plan);
    auto count = [](const std::vector<bool>& v) {
        return std::count(v.begin(), v.end(), true);
    };
    std::string out = fmt::format(
        "coverage: rules fired {}/{}, cleared {}/{}; predicates true {}/{}, false {}/{}\n",
        count(cov.ruleFired), rules.size(), count(cov.ruleCleared), rules.size(),
        count(cov.predicateTrue), c.predicateNames.size(), count(cov.predicateFalse),
        c.predicateNames.size());
    if (!report.chainless.empty()) {
        out += "  rules not testable (no chain yet): " + joinOrNone(report.chainless) + "\n";
    }
    out += "  rules never fired: " + joinOrNone(missing(cov.ruleFired, rules)) + "\n";
    out += "  rules never cleared: " + joinOrNone(missing(cov.ruleCleared, rules)) + "\n";
    out += "  predicates never true: " + joinOrNone(missing(cov.predicateTrue, c.predicateNames)) +
           "\n";
    out +=
        "  predicates never false: " + joinOrNone(missing(cov.predicateFalse, c.predicateNames)) +
        "\n";
    return out;
}

} // namespace

std::string renderTestText(const TestReport& report, const ReportContext& c) {
    std::string out;
    if (!report.chainless.empty()) {
        out += fmt::format("note: {} no `when` and no lock entry yet (`clue objectify` extracts "
                           "precondition chains): the tests that need {} are not testable\n",
                           report.chainless.size() == 1
                               ? "rule " + report.chainless[0] + " has"
                               : fmt::format("rules {} have", fmt::join(report.chainless, ", ")),
                           report.chainless.size() == 1 ? "it" : "them");
    }
    for (const TestOutcome& t : report.tests) {
        std::string fired = "[fired: " + joinOrNone(t.fired) + "]";
        if (t.passed) {
            out += fmt::format("PASS  {}  {}\n", t.name, fired);
            continue;
        }
        if (!t.testable) {
            auto why = std::find_if(t.expectations.begin(), t.expectations.end(),
                                    [](const ExpectationOutcome& e) { return !e.testable; });
            out += fmt::format("SKIP  {}  (not testable: expect {}, but {})\n", t.name,
                               why->expected, why->actual);
            continue;
        }
        out += fmt::format("FAIL  {} ({})  {}\n", t.name, t.location, fired);
        for (const ExpectationOutcome& e : t.expectations) {
            out += fmt::format("      {} expected {}, got {}\n", e.passed ? "ok " : "BAD",
                               e.expected, actualText(e, c));
        }
    }
    out += fmt::format(
        "{} test{}: {} passed, {} failed{}\n", report.tests.size(),
        report.tests.size() == 1 ? "" : "s", report.passed, report.failed,
        report.notTestable == 0 ? "" : fmt::format(", {} not testable", report.notTestable));
    return c.coverage ? out + coverageText(report, c) : out;
}

namespace {

json coverageJson(const Coverage& cov, const ReportContext& c) {
    json rules = json::array();
    for (size_t r = 0; r < cov.ruleFired.size(); ++r) {
        rules.push_back({{"id", c.plan->rules[r].id},
                         {"fired", bool(cov.ruleFired[r])},
                         {"cleared", bool(cov.ruleCleared[r])}});
    }
    json predicates = json::array();
    for (size_t p = 0; p < cov.predicateTrue.size(); ++p) {
        predicates.push_back({{"name", c.predicateNames[p]},
                              {"statement", c.plan->predicates[p].statement},
                              {"true", bool(cov.predicateTrue[p])},
                              {"false", bool(cov.predicateFalse[p])}});
    }
    return {{"rules", rules}, {"predicates", predicates}};
}

json testJson(const TestOutcome& t, const ReportContext& c) {
    json expectations = json::array();
    for (const ExpectationOutcome& e : t.expectations) {
        expectations.push_back({{"expect", e.expected},
                                {"actual", e.actual},
                                {"passed", e.passed},
                                {"testable", e.testable},
                                {"unknown", names(e.unknown, c)}});
    }
    return {{"name", t.name},         {"location", t.location}, {"passed", t.passed},
            {"testable", t.testable}, {"fired", t.fired},       {"expectations", expectations}};
}

} // namespace

nlohmann::ordered_json testReportJson(const TestReport& report, const ReportContext& c) {
    json tests = json::array();
    for (const TestOutcome& t : report.tests) {
        tests.push_back(testJson(t, c));
    }
    json out = {{"tests", tests},
                {"passed", report.passed},
                {"failed", report.failed},
                {"notTestable", report.notTestable},
                {"notTestableRules", report.chainless}};
    if (c.coverage) {
        out["coverage"] = coverageJson(report.coverage, c);
    }
    return out;
}

} // namespace clue
