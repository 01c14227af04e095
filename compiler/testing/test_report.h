// Renders a test report: text for people (a line per test with PASS or FAIL and the rules that
// fired; for a failure, each expectation against the actual outcome; then a summary and, on
// request, coverage) and JSON for tools.
#pragma once

#include "compiler/testing/test_runner.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace clue {

struct ReportContext {
    const plan::Plan* plan = nullptr;
    std::vector<std::string> predicateNames; // per plan predicate: its name, or its statement
    bool coverage = false;
};

std::string renderTestText(const TestReport& report, const ReportContext& context);
nlohmann::ordered_json testReportJson(const TestReport& report, const ReportContext& context);

} // namespace clue
