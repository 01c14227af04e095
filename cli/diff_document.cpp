// The exit status of `clue diff`, in the manner of `terraform plan -detailed-exitcode`.
#include "cli/diff_document.h"

namespace clue::cli {

int DiffDocument::exitCode() const {
    if (corpus && (!corpus->failed.empty() || (corpus->asked && !corpus->undecided.empty()))) {
        return 1;
    }
    bool changed = failOn == "broader"    ? report.broadens()
                   : failOn == "narrower" ? report.narrows()
                                          : report.semanticChange();
    return changed ? 2 : 0;
}

} // namespace clue::cli
