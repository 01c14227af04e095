// What a change of plan does to a corpus: both plans' judgments of the same images compared,
// image by image and rule by rule (`clue diff --images/--manifest/--results`).
#pragma once

#include "plan/plan.h"
#include "runtime/corpus/missing_answers.h"
#include "runtime/judge/image_result.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clue::runtime {

// One image whose judgment changed or could not be compared.
struct ImageChange {
    std::filesystem::path path;
    std::string sha256;
    Verdict oldVerdict = Verdict::Error, newVerdict = Verdict::Error;
    std::vector<std::string> fired;   // rules violated in NEW and clear (or absent) in OLD
    std::vector<std::string> cleared; // rules violated in OLD and clear (or absent) in NEW
    std::string problem;              // why it could not be judged (failed images only)
};

// How many images newly fire or clear a rule or a category; `undecided`: images where one side
// could not decide it.
struct ImpactTally {
    std::string id;
    std::optional<std::string> category; // rules only
    std::size_t fired = 0, cleared = 0, undecided = 0;
};

struct CorpusImpact {
    bool asked = false; // the missing answers were asked of a model (else: replayed)
    std::size_t images = 0;
    std::size_t unchanged = 0;                  // the same verdict on both sides
    std::vector<ImageChange> toUnsafe, toSafe;  // verdict flips, in input order
    std::vector<ImageChange> undecided;         // a verdict needs answers the cache lacks
    std::vector<ImageChange> failed;            // could not be judged (unreadable, a failed call)
    std::vector<ImpactTally> rules, categories; // OLD's order, then NEW's additions
    MissingAnswers missing;                     // what deciding the undecided would ask
    AnswerCost cost; // what this comparison's judgments cost (not OLD's results read back)
};

// Compares both plans' results of the same images (same order; a result whose image differs
// from its partner's is failed). Verdicts are recomputed from the rule states, so an
// --on-error policy applied to either side never hides an error.
CorpusImpact compareResults(const plan::Plan& oldPlan, const plan::Plan& newPlan,
                            const std::vector<ImageResult>& oldResults,
                            const std::vector<ImageResult>& newResults);

} // namespace clue::runtime
