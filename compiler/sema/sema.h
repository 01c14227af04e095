// Semantic analysis of a loaded program: fills its symbol maps and reports every problem with
// names and values. Each check is a function that only adds diagnostics; analyzeProgram runs
// them in a fixed order.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

namespace clue {

void analyzeProgram(Program& program, const SourceManager& sources, DiagnosticEngine& diags);

// The checks, one per file.
void collectSymbols(Program& program, const SourceManager& sources, DiagnosticEngine& diags);
void checkPredicates(const Program& program, DiagnosticEngine& diags);
void checkRules(const Program& program, DiagnosticEngine& diags);
void checkTests(const Program& program, DiagnosticEngine& diags);
void checkSubject(const Program& program, DiagnosticEngine& diags);
void checkScore(Program& program, DiagnosticEngine& diags);

// The severities a rule may have, from the least to the most severe.
const std::vector<std::string>& severityNames();

// Whether a text is empty or only white space; such texts state nothing.
inline bool isBlank(std::string_view text) {
    return text.find_first_not_of(" \t\n\r") == std::string_view::npos;
}

} // namespace clue
