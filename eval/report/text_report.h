// The report for people: plain text (the default of `clue eval`) and Markdown, both built from
// the same sections and tables.
#pragma once

#include "eval/report/eval_report.h"

#include <string>

namespace clue::eval {

std::string textReport(const EvalReport& report);
std::string markdownReport(const EvalReport& report);

} // namespace clue::eval
