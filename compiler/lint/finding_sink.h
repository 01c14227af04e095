// Where a rule's check reports: each finding gets the rule's code and configured level, and
// only findings located in the linted file are kept.
#pragma once

#include "compiler/lint/finding.h"

#include <deque>

namespace clue::lint {

class FindingSink {
public:
    FindingSink(const LintRule& rule, Level level, FileId file, std::deque<Finding>& out)
        : rule_(rule), level_(level), file_(file), out_(out) {}

    // A finding at `span`. Notes and help are added to the returned diagnostic, which stays
    // valid for the run. A span in another file is dropped: each file reports its own findings.
    Diagnostic& report(SourceSpan span, std::string message);
    // Attaches exact edits to the finding reported last (its help describes them).
    void fix(std::vector<Edit> edits, FixSafety safety);

private:
    const LintRule& rule_;
    Level level_;
    FileId file_;
    std::deque<Finding>& out_;
    Diagnostic discarded_;
    bool lastKept_ = false;
};

} // namespace clue::lint
