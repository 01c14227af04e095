// Lowers a checked program into an IR module: files in relative-path order, declarations in
// source order, so the result does not depend on how the files were listed.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/ir/ir_module.h"
#include "compiler/objectify/locked_rules.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

#include <string>

namespace clue {

// `stdlibDir` is where std/ imports resolved (stdlibDirectory()), for their relative paths.
// A rule without `when` takes the chain of its lock entry in `locked`; one with no entry gets
// E070 (unless `locked` already reported its entry). The lockfiles read join the source
// digest. Reports W072 for conflicting predicate options. With `chainless`, a rule with no
// chain is left out and its id listed there instead (FormulaLowering::setChainless).
ir::IRModule lowerProgram(const Program& program, const SourceManager& sources,
                          DiagnosticEngine& diagnostics, const std::string& stdlibDir,
                          const objectify::LockedRules* locked = nullptr,
                          std::vector<std::string>* chainless = nullptr);

} // namespace clue
