// Loading a program: parse each root and, depth first, every file it imports; then sema.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/sema/program.h"
#include "compiler/sema/source_reader.h"
#include "compiler/source/source_manager.h"

#include <memory>
#include <string>
#include <vector>

namespace clue {

struct LoadOptions {
    std::string stdlibDir; // where std/NAME.clue imports resolve; "" = default (stdlib_dir.h)
    const SourceReader* reader = nullptr; // where files are read from; null = the disk
    // The largest source file read from the disk (when `reader` is null).
    std::uint64_t maxSourceBytes = SourceLimits::defaultMaxFileBytes;
};

// Parses every root and its imports, then runs sema. Returns null when there are errors.
std::unique_ptr<Program> loadProgram(const std::vector<std::string>& roots, SourceManager& sources,
                                     DiagnosticEngine& diags, const LoadOptions& options = {});

} // namespace clue
