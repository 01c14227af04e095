// Stamping findings with their rule, and keeping them to the linted file.
#include "compiler/lint/finding_sink.h"

#include "compiler/lint/lint_rule.h"

namespace clue::lint {

Diagnostic& FindingSink::report(SourceSpan span, std::string message) {
    if (span.file != file_) {
        discarded_ = Diagnostic{};
        lastKept_ = false;
        return discarded_;
    }
    lastKept_ = true;
    Finding& f = out_.emplace_back();
    f.rule = &rule_;
    f.diagnostic.level = level_;
    f.diagnostic.code = rule_.code();
    f.diagnostic.span = span;
    f.diagnostic.message = std::move(message);
    return f.diagnostic;
}

void FindingSink::fix(std::vector<Edit> edits, FixSafety safety) {
    if (lastKept_) {
        out_.back().fix = std::move(edits);
        out_.back().fixSafety = safety;
    }
}

} // namespace clue::lint
