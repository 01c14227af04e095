// The runs an evaluation compares, like the paper's ablation table: the method as configured,
// then each ablation (`--ablate debias,cascade,calibration,lazy`) with one part switched off, and
// the direct baseline (`--baseline direct`).
#pragma once

#include "runtime/judge/predicate_judge.h"
#include "runtime/support/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace clue::eval {

enum class Ablation {
    Debias,      // without debiasing: P(Yes) > 0.5
    Cascade,     // without the chain-of-thought: undecided predicates by the debiased sign
    Calibration, // the prior measured with every image instead of calibrated once
    Lazy,        // every predicate asked, none skipped
};

struct VariantSpec {
    std::string id;    // "clue", "no-debias", "no-cascade", "prior-per-image", "eager", "direct"
    std::string title; // for reports
    runtime::JudgeSettings settings;
    bool direct = false; // judges directPlan() instead of the plan
};

// A comma-separated subset of debias, cascade, calibration, lazy; each at most once.
runtime::Expected<std::vector<Ablation>, std::string> parseAblations(std::string_view list);

// The main run (with `base`, the user's switches), then one variant per ablation in the order
// given, then the direct baseline when asked.
std::vector<VariantSpec> variantsFor(const runtime::JudgeSettings& base,
                                     const std::vector<Ablation>& ablations, bool direct);

} // namespace clue::eval
