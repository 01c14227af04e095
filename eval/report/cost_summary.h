// The cost of a run: calls, cache hits, tokens, escalations, predicates and time, with a
// histogram of the questions (model calls without a cache) per image.
#pragma once

#include "eval/report/eval_report.h"
#include "eval/run/eval_runner.h"

namespace clue::eval {

CostSummary costOf(const VariantRun& run);

// Bins over [0, max]: one per count up to 24 questions, else 24 bins of equal width.
std::vector<HistogramBin> histogramOf(const std::vector<int>& counts);

} // namespace clue::eval
