// Turns a syntax error situation into a diagnostic a policy author understands: what was
// expected, in words, and where it belongs.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/frontend/syntax_situation.h"

namespace clue {

struct SyntaxMessage {
    const char* code = nullptr;
    SourceSpan span;
    std::string message;
    std::string help;
    std::optional<DiagnosticNote> note;
};

SyntaxMessage describeSyntaxError(const SyntaxSituation& situation);

} // namespace clue
