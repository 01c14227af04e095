// The tables that the text and Markdown reports share, each built from the report once.
#pragma once

#include "eval/report/eval_report.h"
#include "eval/report/text_table.h"

#include <string>
#include <vector>

namespace clue::eval {

// A group's metrics in one row: name, images, errors, tp fp tn fn, the four rates.
TextTable groupTable(const std::string& first, const std::vector<GroupMetrics>& groups);
// Each rate with its interval, and the confusion matrix.
TextTable summaryTable(const MetricSet& summary);
// The variants side by side: rates, average precision and cost per image.
TextTable variantTable(const std::vector<VariantReport>& variants);
TextTable robustnessTable(const std::vector<RobustnessRow>& rows);
TextTable errorTable(const EvalReport& report);

// One-line descriptions.
std::string subjectLine(const EvalReport& report);
std::string labelsLine(const EvalReport& report);
// "1000 resamples, seed 1, 95% intervals", or "none (--bootstrap 0)".
std::string bootstrapLine(const EvalReport& report);
std::string costLine(const CostSummary& cost);
std::string scoresLine(const PrCurve& curve);
std::string mapLine(const EvalReport& report);

} // namespace clue::eval
