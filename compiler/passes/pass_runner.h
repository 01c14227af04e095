// Runs passes the way the pipeline wants them run: verifies the IR after each pass, times it,
// prints the IR after the passes asked for (--print-after), and records what ran.
#pragma once

#include "compiler/passes/pass.h"

#include <iosfwd>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace clue {

struct PassRecord {
    std::string name;
    int round = 1; // within a fixpoint
    bool changed = false;
    double seconds = 0;    // wall clock
    double cpuSeconds = 0; // this thread's CPU time: steadier on a busy machine
};

struct PassRunnerOptions {
    std::set<std::string> printAfter; // pass names; "all" prints after every pass
    std::ostream* printTo = nullptr;
    bool verify = true;
};

class PassRunner {
public:
    PassRunner(PassContext& context, PassRunnerOptions options)
        : context_(context), options_(std::move(options)) {}

    bool run(Pass& pass, ir::IRModule& module, int round = 1);
    // Runs `passes` in order, again and again, until a round changes nothing or `maxRounds`
    // rounds have run. Returns whether any round changed anything.
    bool fixpoint(std::span<Pass* const> passes, ir::IRModule& module, int maxRounds);

    const std::vector<PassRecord>& records() const { return records_; }
    // Names of the passes that ran, each once, in the order they first ran.
    std::vector<std::string> passNames() const;

private:
    PassContext& context_;
    PassRunnerOptions options_;
    std::vector<PassRecord> records_;
};

} // namespace clue
