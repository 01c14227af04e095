// One result of a lint run: a diagnostic, the rule that found it (none for a compiler
// diagnostic such as a syntax error), and the inline suppression that silenced it, if any.
#pragma once

#include "compiler/diag/diagnostic.h"

#include <optional>
#include <string>
#include <vector>

namespace clue::lint {

class LintRule;

struct AppliedSuppression {
    SourceSpan span;    // the directive's comment
    std::string reason; // may be empty
};

// A precise edit that fixes a finding: replace `span` with `replacement` (an empty span inserts,
// an empty replacement deletes).
struct Edit {
    SourceSpan span;
    std::string replacement;
};

// Whether a fix may be applied without review. A safe fix keeps what the constitution means
// (`clue lint --fix` applies it); an unsafe one changes a rule or what the judge asks, and is
// only offered (editor code actions, SARIF fixes, JSON).
enum class FixSafety { Safe, Unsafe };

struct Finding {
    Diagnostic diagnostic;
    const LintRule* rule = nullptr; // null: the compiler's own diagnostic (E/W codes)
    std::optional<AppliedSuppression> suppression;
    std::vector<Edit> fix; // empty when the help is advice rather than an exact edit
    FixSafety fixSafety = FixSafety::Unsafe;

    bool suppressed() const { return suppression.has_value(); }
};

} // namespace clue::lint
