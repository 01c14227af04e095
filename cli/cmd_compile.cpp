// `clue compile FILES... -o PLAN`: one constitution from its files to a judgment plan.
#include "cli/commands.h"
#include "cli/compile_options.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "cli/output_path.h"
#include "cli/source_flags.h"
#include "cli/user_messages.h"
#include "plan/plan_json.h"
#include "plan/plan_loader.h"

#include <fmt/format.h>

#include <iostream>

namespace clue::cli {
namespace {

struct CompileCommand {
    std::vector<std::string> inputs;
    std::string output;
    bool allowEmpty = false;
    CompileFlags flags;
    SourceFlags source;
    DiagnosticOutput diagnostics;
};

// Writes the plan; "-" is standard output. False (with a message) on an I/O error.
bool writePlan(const plan::Plan& plan, const std::string& output) {
    if (output == "-") {
        std::cout << plan::toText(plan) << std::flush;
        return static_cast<bool>(std::cout);
    }
    try {
        plan::writePlanFile(plan, output);
        return true;
    } catch (const std::exception& e) {
        printError(std::cerr, "cannot write '" + output + "': " + e.what());
        return false;
    }
}

std::string planSummary(const plan::Plan& plan, const std::string& output) {
    return fmt::format("compiled {} rule{} and {} predicate{} into {} at -O{}", plan.rules.size(),
                       plan.rules.size() == 1 ? "" : "s", plan.predicates.size(),
                       plan.predicates.size() == 1 ? "" : "s",
                       output == "-" ? "standard output" : output, plan.optimization.level);
}

int runCompile(const CompileCommand& c) {
    if (c.output == "-" && c.diagnostics.json()) {
        std::cerr << "clue: error: '-o -' and '--format json' would both write to standard "
                     "output; write the plan to a file\n";
        return ExitUsage;
    }
    auto roots = expandInputs(c.inputs, false, std::cerr);
    if (!roots || !outputWritable(c.output, std::cerr)) {
        return ExitUsage;
    }
    auto loaded = loadRoots(*roots, nullptr, c.source.maxSourceBytes);
    std::optional<Compilation> compiled;
    if (loaded->program) {
        CompileOptions options = c.flags.toOptions(*loaded);
        options.allowEmpty = c.allowEmpty;
        compiled = compileProgram(*loaded->program, loaded->sources, loaded->diagnostics, options);
    }
    c.diagnostics.print(loaded->diagnostics, loaded->sources);
    if (!compiled || loaded->diagnostics.hasErrors()) {
        c.diagnostics.summary("nothing written", loaded->diagnostics);
        return ExitFindings;
    }
    c.flags.reportTimes(compiled->pipeline);
    if (!writePlan(compiled->plan, c.output)) {
        return ExitUsage;
    }
    c.diagnostics.summary(planSummary(compiled->plan, c.output), loaded->diagnostics);
    return ExitOk;
}

} // namespace

void addCompileCommand(CLI::App& app, RunState& state) {
    auto c = std::make_shared<CompileCommand>();
    CLI::App* command =
        app.add_subcommand("compile", "Compile a constitution into a judgment plan (clue.plan/v1)");
    command
        ->add_option("files", c->inputs,
                     "The constitution's files (one program), or directories of *.clue files")
        ->required();
    command->add_option("-o,--output", c->output, "The plan file to write; '-' for standard output")
        ->required();
    command->add_flag("--allow-empty", c->allowEmpty,
                      "Compile a constitution of no rules, whose plan calls every image safe");
    c->flags.addOptions(*command, /*withPrinting=*/true);
    c->source.addOptions(*command);
    c->diagnostics.addOptions(*command);
    command->callback([c, &state] { state.exitCode = runCompile(*c); });
}

} // namespace clue::cli
