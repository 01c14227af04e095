// `score { N when OUTCOME ... }`: how a response constitution maps a verdict to the 0-3 scale.
#pragma once

#include "compiler/source/source_span.h"

#include <string>
#include <vector>

namespace clue::ast {

// What an entry's score applies to: no rule violated, some rule violated, a rule of the named
// severity violated, or the named rule violated.
enum class OutcomeKind { Safe, Unsafe, Severity, Violates };

struct ScoreEntry {
    std::string rawScore; // as written, for fmt and messages
    int score = -1;       // 0 to 3 when written as one of those digits; sema reports the rest
    SourceSpan scoreSpan;
    OutcomeKind outcome = OutcomeKind::Safe;
    std::string name; // Severity: the severity; Violates: the rule id
    SourceSpan nameSpan;
    SourceSpan span;
};

struct ScoreDecl {
    std::vector<ScoreEntry> entries; // in source order: the first that holds gives the score
    SourceSpan keywordSpan;
    SourceSpan span;
};

} // namespace clue::ast
