// The order of the checks: symbols first, since every other check looks names up in them.
#include "compiler/sema/sema.h"

namespace clue {

void analyzeProgram(Program& program, const SourceManager& sources, DiagnosticEngine& diags) {
    collectSymbols(program, sources, diags);
    checkPredicates(program, diags);
    checkRules(program, diags);
    checkTests(program, diags);
    checkSubject(program, diags);
    checkScore(program, diags);
}

} // namespace clue
