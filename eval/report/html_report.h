// The report as one self-contained HTML file: no network, no external script or style (a
// Content-Security-Policy forbids them), charts as inline SVG. Every figure shown in a table
// carries `data-key`, the JSON path of the same figure in the JSON report ("summary.f1.value",
// "variants.2.cost.questions_per_image"), so a test can check the page against the JSON.
#pragma once

#include "eval/report/eval_report.h"

#include <string>

namespace clue::eval {

std::string htmlReport(const EvalReport& report);

} // namespace clue::eval
