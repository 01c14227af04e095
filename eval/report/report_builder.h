// From the runs of an evaluation to its report: metrics overall and per group (dataset category,
// source, constitution category and rule where the labels allow), bootstrap intervals, the
// precision-recall curve of the image scores, cost, the variants side by side, robustness.
#pragma once

#include "eval/labels/category_map.h"
#include "eval/labels/label_set.h"
#include "eval/report/eval_report.h"
#include "eval/run/eval_runner.h"
#include "plan/plan.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

struct ReportInputs {
    const plan::Plan* plan = nullptr;
    std::string planFile;
    const LabelSet* labels = nullptr;
    const CategoryMap* categoryMap = nullptr;
    const std::vector<VariantRun>* runs = nullptr; // the main run first
    const std::vector<PerturbationRun>* perturbations = nullptr;
    BootstrapOptions bootstrap;
    std::optional<std::string> model;
    std::optional<ResultsInfo> results;
};

EvalReport buildReport(const ReportInputs& inputs);

// The label of an image without a dataset category, in per-category tables.
inline constexpr const char* kNoCategory = "(none)";

} // namespace clue::eval
