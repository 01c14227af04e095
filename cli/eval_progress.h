// The progress of `clue eval` on a terminal: one progress bar per run (the variants, then each
// perturbation), titled; nothing when standard error is not a terminal or with --no-progress.
#pragma once

#include "cli/progress_bar.h"
#include "eval/run/eval_runner.h"

#include <iosfwd>
#include <memory>

namespace clue::cli {

class EvalProgress : public eval::EvalObserver {
public:
    EvalProgress(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}

    void phaseStarted(const std::string& title, std::size_t images) override;
    void imageJudged(bool failed) override;
    void phaseFinished() override;

private:
    std::ostream& out_;
    bool enabled_;
    std::unique_ptr<ProgressBar> bar_;
};

} // namespace clue::cli
