// `clue eval --results FILE`: the verdicts of an earlier `clue judge` run (its JSONL), matched to
// the labelled images instead of judging again. A result matches the label whose image has the
// same path (both made absolute against the current folder, as `clue judge` was given them),
// else the same SHA-256. A labelled image without a result counts as an error (`no-result`),
// never as safe; results for images the labels do not list are counted and ignored.
#pragma once

#include "eval/labels/label_options.h"
#include "eval/labels/label_set.h"
#include "eval/run/eval_runner.h"
#include "plan/plan.h"
#include "runtime/support/expected.h"

#include <filesystem>
#include <string>
#include <vector>

namespace clue::eval {

struct ScoredResults {
    VariantRun run;                     // outcomes in label order
    std::vector<LabelProblem> badLines; // skipped lines (BadRows::Skip)
    std::size_t unlisted = 0;           // results for images the labels do not list
};

struct ResultsFailure {
    std::string message;
    std::vector<LabelProblem> badLines; // with BadRows::Fail
};

runtime::Expected<ScoredResults, ResultsFailure>
scoreResults(const std::filesystem::path& file, const LabelSet& labels, const plan::Plan& plan,
             BadRows badRows, std::uintmax_t maxBytes = 1u << 30);

} // namespace clue::eval
