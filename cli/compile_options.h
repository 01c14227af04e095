// The optimization options that `clue compile` and `clue graph` share: -O, --print-after and
// --max-waves, and loading FILES... as one program.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/driver/compile_driver.h"
#include "compiler/driver/loaded_program.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace clue::cli {

struct CompileFlags {
    int level = 2;
    std::vector<std::string> printAfter;
    size_t maxWaves = 0;
    bool timePasses = false;

    // `withPrinting`: whether the verb offers --print-after (graph does not).
    void addOptions(CLI::App& command, bool withPrinting);
    // The driver's options for `loaded`; --print-after output goes to standard error.
    CompileOptions toOptions(const LoadedProgram& loaded) const;
    // With --time-passes: each pass run's time on standard error.
    void reportTimes(const PipelineResult& pipeline) const;
};

// Loading lives with the compiler's driver; the verbs name it here.
using clue::LoadedProgram;
using clue::loadRoots;

} // namespace clue::cli
