// The DuckDB-style wrapper around each pass.
#include "compiler/passes/pass_runner.h"

#include "compiler/ir/ir_printer.h"
#include "compiler/ir/ir_verifier.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <ostream>

namespace clue {

namespace {

double threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

} // namespace

bool PassRunner::run(Pass& pass, ir::IRModule& module, int round) {
    auto start = std::chrono::steady_clock::now();
    double cpuStart = threadCpuSeconds();
    bool changed = pass.run(module, context_);
    std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    std::string name(pass.name());
    records_.push_back({name, round, changed, elapsed.count(), threadCpuSeconds() - cpuStart});
    if (options_.verify) {
        try {
            ir::verifyModule(module);
        } catch (const ir::IRVerificationError& e) {
            throw ir::IRVerificationError("after pass '" + name + "': " + e.what());
        }
    }
    if (options_.printTo && (options_.printAfter.count(name) || options_.printAfter.count("all"))) {
        *options_.printTo << "; IR after " << name;
        if (round > 1) {
            *options_.printTo << " (round " << round << ")";
        }
        *options_.printTo << "\n" << ir::printModule(module) << "\n";
    }
    return changed;
}

bool PassRunner::fixpoint(std::span<Pass* const> passes, ir::IRModule& module, int maxRounds) {
    bool any = false;
    for (int round = 1; round <= maxRounds; ++round) {
        bool changed = false;
        for (Pass* pass : passes) {
            changed = run(*pass, module, round) || changed;
        }
        any = any || changed;
        if (!changed) {
            break;
        }
    }
    return any;
}

std::vector<std::string> PassRunner::passNames() const {
    std::vector<std::string> names;
    for (const PassRecord& r : records_) {
        if (std::find(names.begin(), names.end(), r.name) == names.end()) {
            names.push_back(r.name);
        }
    }
    return names;
}

} // namespace clue
