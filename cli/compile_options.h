// The optimization options that `clue compile` and `clue graph` share: -O, --print-after and
// --max-waves, and loading FILES... as one program.
#pragma once

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/driver/compile_driver.h"
#include "compiler/objectify/locked_rules.h"
#include "compiler/sema/program.h"
#include "compiler/source/source_manager.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace clue::cli {

struct LoadedProgram;

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

// A program loaded from root files, with what it was loaded from and the lock entries of its
// rules without `when` (from each file's NAME.clue.lock). `program` is null when the files had
// errors; the diagnostics say which.
struct LoadedProgram {
    SourceManager sources;
    DiagnosticEngine diagnostics;
    std::unique_ptr<Program> program;
    std::string stdlibDir;
    objectify::LockedRules locked;
};

// `maxSourceBytes`: the largest source file read (--max-source-bytes).
std::unique_ptr<LoadedProgram> loadRoots(const std::vector<std::string>& roots,
                                         std::uint64_t maxSourceBytes);

} // namespace clue::cli
