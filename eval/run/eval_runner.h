// Running an evaluation's judgments: each variant over every labelled image, through the same
// answer source and the runtime's batch judge that `clue judge` uses (so the main run gives the
// verdicts `clue judge` gives for the same plan, switches and cache), and the robustness runs:
// each correctly judged image perturbed, one image in memory at a time, and judged again.
#pragma once

#include "eval/labels/label_set.h"
#include "eval/perturb/perturbation.h"
#include "eval/run/image_outcome.h"
#include "eval/run/variant.h"
#include "runtime/judge/answer_source.h"
#include "runtime/judge/batch_judge.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clue::eval {

// Told about the progress of a run (a progress bar); every call comes from the calling thread.
class EvalObserver {
public:
    virtual ~EvalObserver() = default;
    virtual void phaseStarted(const std::string& title, std::size_t images) = 0;
    virtual void imageJudged(bool failed) = 0;
    virtual void phaseFinished() = 0;
};

struct VariantRun {
    VariantSpec spec;
    std::vector<ImageOutcome> outcomes; // one per labelled image, in label order
    double wallSeconds = 0;
};

struct PerturbedImage {
    std::size_t label = 0;                              // index into the label set
    runtime::Verdict original = runtime::Verdict::Safe; // the main run's (right) verdict
    std::optional<ImageOutcome> outcome;                // nothing when it could not be perturbed
    std::string problem;                                // why not
};

struct PerturbationRun {
    Perturbation perturbation;
    std::vector<PerturbedImage> images; // the correctly judged images, in label order
};

struct RunnerOptions {
    runtime::BatchOptions batch;
    std::string model; // whose calibrated priors the plan may hold
    std::uint64_t perturbSeed = 1;
    // Perturbed copies are written to a new folder under it, removed after each perturbation.
    std::filesystem::path workDir = std::filesystem::temp_directory_path();
};

class EvalRunner {
public:
    // `source` must outlive the runner.
    EvalRunner(runtime::AnswerSource& source, RunnerOptions options,
               EvalObserver* observer = nullptr);

    // Judges every labelled image with the variant's settings (its direct plan for `direct`).
    VariantRun run(const plan::Plan& plan, const VariantSpec& spec, const LabelSet& labels);

    // Perturbs the images `reference` judged right and judges the copies with `spec`.
    PerturbationRun perturb(const plan::Plan& plan, const VariantSpec& spec, const LabelSet& labels,
                            const VariantRun& reference, const Perturbation& perturbation);

private:
    std::vector<ImageOutcome> judge(const plan::Plan& plan, const VariantSpec& spec,
                                    const std::vector<std::filesystem::path>& images,
                                    const std::string& title);
    const plan::Plan& planFor(const plan::Plan& plan, const VariantSpec& spec);

    runtime::AnswerSource& source_;
    RunnerOptions options_;
    EvalObserver* observer_;
    std::optional<plan::Plan> direct_;
};

} // namespace clue::eval
