// `clue check FILES...`: parse and check each file as the root of its own constitution.
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "cli/source_flags.h"
#include "compiler/sema/program_loader.h"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace clue::cli {
namespace {

struct CheckOptions {
    std::vector<std::string> inputs;
    SourceFlags source;
    DiagnosticOutput output;
};

int runCheck(const CheckOptions& options) {
    std::optional<std::vector<std::string>> roots = expandInputs(options.inputs, false, std::cerr);
    if (!roots) {
        return ExitUsage;
    }
    SourceManager sources;
    DiagnosticEngine all;
    std::set<std::string> shown;
    std::set<std::string> checked;
    DiskReader disk(options.source.maxSourceBytes);
    LoadOptions load;
    load.maxSourceBytes = options.source.maxSourceBytes;
    for (const std::string& root : *roots) {
        if (!checked.insert(disk.identity(root)).second) {
            continue;
        }
        DiagnosticEngine diags;
        loadProgram({root}, sources, diags, load);
        mergeDiagnostics(diags, all, sources, shown);
    }
    options.output.print(all, sources);
    options.output.summary(
        fmt::format("checked {} file{}", checked.size(), checked.size() == 1 ? "" : "s"), all);
    return all.hasErrors() ? ExitFindings : ExitOk;
}

} // namespace

void addCheckCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<CheckOptions>();
    CLI::App* command = app.add_subcommand(
        "check", "Parse and check constitutions: syntax, names, values and imports");
    command
        ->add_option("files", options->inputs,
                     "Constitution files, or directories to search for *.clue files")
        ->required();
    options->source.addOptions(*command);
    options->output.addOptions(*command);
    command->callback([options, &state] { state.exitCode = runCheck(*options); });
}

} // namespace clue::cli
