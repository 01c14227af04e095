// The optimization pipeline: which passes run at each level, in which order, and why.
#pragma once

#include "compiler/passes/pass_runner.h"

#include <string>
#include <vector>

namespace clue {

struct PipelineOptions {
    int level = 2; // 0: the naive CLUE shape; 2: every pass
    PassRunnerOptions runner;
};

struct PipelineResult {
    std::vector<std::string> passes; // each pass that ran, once, in first-run order
    std::vector<PassRecord> runs;    // every run, with its round, change flag and time
};

PipelineResult runPipeline(ir::IRModule& module, PassContext& context,
                           const PipelineOptions& options);

// The passes of the simplification fixpoint (normalize, dedup, simplify), as -O2 runs them.
void runSimplification(PassRunner& runner, ir::IRModule& module);

// Every pass name that --print-after accepts (besides "all").
std::vector<std::string> knownPassNames();

// The optimization levels `-O` accepts.
bool isKnownLevel(int level);

} // namespace clue
