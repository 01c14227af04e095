// Robust accuracy, as UnsafeBench measures it: of the correctly judged images, perturbed and
// judged again, the share whose verdict did not flip; per perturbation, overall and per dataset
// category. Copies that could not be made or judged are counted apart.
#pragma once

#include "eval/labels/label_set.h"
#include "eval/report/eval_report.h"
#include "eval/run/eval_runner.h"

#include <vector>

namespace clue::eval {

// The overall row first, then one per dataset category (by name).
std::vector<RobustnessRow> robustnessRows(const PerturbationRun& run, const LabelSet& labels);

} // namespace clue::eval
