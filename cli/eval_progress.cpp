// A title line, then the bar.
#include "cli/eval_progress.h"

#include <ostream>

namespace clue::cli {

void EvalProgress::phaseStarted(const std::string& title, std::size_t images) {
    if (enabled_) {
        out_ << "clue eval: " << title << '\n';
    }
    bar_ = std::make_unique<ProgressBar>(out_, images, enabled_);
}

void EvalProgress::imageJudged(bool failed) {
    if (bar_) {
        bar_->advance(failed);
    }
}

void EvalProgress::phaseFinished() {
    if (bar_) {
        bar_->finish();
    }
    bar_.reset();
}

} // namespace clue::cli
