// A program loaded from root files for compiling: the program, what it was loaded from, and the
// lock entries of its rules without `when` (from each file's NAME.clue.lock). Shared by the
// compiling verbs and `clue diff`.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/objectify/locked_rules.h"
#include "compiler/sema/program.h"
#include "compiler/sema/source_reader.h"
#include "compiler/source/source_manager.h"

#include <memory>
#include <string>
#include <vector>

namespace clue {

// `program` is null when the files had errors; the diagnostics say which.
struct LoadedProgram {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    std::unique_ptr<Program> program;
    std::string stdlibDir;
    objectify::LockedRules locked;
};

// Reads the sources through `reader` (null: the disk); lockfiles are always read from the disk.
std::unique_ptr<LoadedProgram> loadRoots(const std::vector<std::string>& roots,
                                         const SourceReader* reader = nullptr);

} // namespace clue
