// Flag definitions and validation for the compiling verbs.
#include "cli/compile_options.h"

#include "compiler/passes/pipeline.h"

#include <fmt/format.h>

#include <iostream>

namespace clue::cli {

void CompileFlags::addOptions(CLI::App& command, bool withPrinting) {
    command
        .add_option("-O", level, "Optimization level: 0 (the naive CLUE shape) or 2 (all passes)")
        ->check([](const std::string& value) {
            return value == "0" || value == "2" ? std::string()
                                                : "the optimization levels are -O0 and -O2";
        })
        ->capture_default_str();
    command
        .add_option("--max-waves", maxWaves,
                    "Ask predicates in at most this many waves (0: no cap); fewer waves cost "
                    "more calls and less latency")
        ->capture_default_str();
    if (!withPrinting) {
        return;
    }
    std::vector<std::string> names = knownPassNames();
    names.push_back("all");
    command
        .add_option("--print-after", printAfter,
                    "Print the IR to standard error after this pass (repeatable), or after every "
                    "pass with 'all'")
        ->check(CLI::IsMember(names));
    command.add_flag("--time-passes", timePasses,
                     "Print the time each pass took on standard error");
}

void CompileFlags::reportTimes(const PipelineResult& pipeline) const {
    if (!timePasses) {
        return;
    }
    double total = 0, cpu = 0;
    for (const PassRecord& r : pipeline.runs) {
        std::cerr << fmt::format("pass {:<10} round {}  {:9.3f} ms  cpu {:9.3f} ms{}\n", r.name,
                                 r.round, r.seconds * 1000, r.cpuSeconds * 1000,
                                 r.changed ? "  changed" : "");
        total += r.seconds;
        cpu += r.cpuSeconds;
    }
    std::cerr << fmt::format("passes total       {:9.3f} ms  cpu {:9.3f} ms\n", total * 1000,
                             cpu * 1000);
}

CompileOptions CompileFlags::toOptions(const LoadedProgram& loaded) const {
    CompileOptions options;
    options.level = level;
    options.maxWaves = maxWaves;
    options.printing.printAfter = {printAfter.begin(), printAfter.end()};
    options.printing.printTo = printAfter.empty() ? nullptr : &std::cerr;
    options.stdlibDir = loaded.stdlibDir;
    options.locked = &loaded.locked;
    return options;
}

} // namespace clue::cli
