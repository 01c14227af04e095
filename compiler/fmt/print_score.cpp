// The score section: a block of `N when OUTCOME` lines in source order.
#include "common/assert.h"
#include "compiler/fmt/module_printer.h"

namespace clue {

std::string outcomeText(const ast::ScoreEntry& entry) {
    switch (entry.outcome) {
    case ast::OutcomeKind::Safe:
        return "safe";
    case ast::OutcomeKind::Unsafe:
        return "unsafe";
    case ast::OutcomeKind::Severity:
        return "severity " + entry.name;
    case ast::OutcomeKind::Violates:
        return "violates " + entry.name;
    }
    CLUE_UNREACHABLE();
}

void ModulePrinter::printScore(const ast::ScoreDecl& score) {
    out_.line(0, "score {", {score.span.file, score.span.begin, score.keywordSpan.end + 1});
    for (const ast::ScoreEntry& entry : score.entries) {
        out_.line(step, entry.rawScore + " when " + outcomeText(entry), entry.span);
    }
    out_.line(0, "}", {score.span.file, score.span.end - 1, score.span.end}, step);
}

} // namespace clue
