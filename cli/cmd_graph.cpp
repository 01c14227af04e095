// `clue graph FILE|PLAN`: draws a constitution's plan (compiled on the fly) or a plan file.
#include "cli/commands.h"
#include "cli/compile_options.h"
#include "cli/diagnostic_output.h"
#include "cli/output_path.h"
#include "cli/source_flags.h"
#include "cli/user_messages.h"
#include "common/file_io.h"
#include "plan/plan_error.h"
#include "plan/plan_loader.h"
#include "plan/render/dot_renderer.h"
#include "plan/render/graph_json.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace clue::cli {
namespace {

struct GraphCommand {
    std::string input;
    std::string format = "dot";
    std::string output = "-";
    CompileFlags flags;
    SourceFlags source;
};

bool isSource(const std::string& path) {
    return path.size() > 5 && path.compare(path.size() - 5, 5, ".clue") == 0;
}

// The plan to draw: compiled from a source, or loaded from a plan file. Prints why not.
std::optional<plan::Plan> planFor(const GraphCommand& g, int& exitCode) {
    if (!isSource(g.input)) {
        try {
            return plan::loadPlanFile(g.input);
        } catch (const plan::PlanError& e) {
            printError(std::cerr, e.what());
            exitCode = ExitFindings;
            return std::nullopt;
        }
    }
    auto loaded = loadRoots({g.input}, nullptr, g.source.maxSourceBytes);
    std::optional<Compilation> compiled;
    if (loaded->program) {
        CompileOptions options = g.flags.toOptions(*loaded);
        options.allowEmpty = true; // nothing is judged with what this verb compiles
        options.allowResponses = true;
        compiled = compileProgram(*loaded->program, loaded->sources, loaded->diagnostics, options);
    }
    DiagnosticOutput().print(loaded->diagnostics, loaded->sources);
    if (!compiled || loaded->diagnostics.hasErrors()) {
        exitCode = ExitFindings;
        return std::nullopt;
    }
    return std::move(compiled->plan);
}

int runGraph(const GraphCommand& g) {
    std::error_code ec;
    // Anything else that exists (a folder, a FIFO) is refused by the reader, which says why.
    if (!std::filesystem::exists(g.input, ec)) {
        printError(std::cerr, "cannot find '" + g.input + "': no such file");
        return ExitUsage;
    }
    if (!outputWritable(g.output, std::cerr)) {
        return ExitUsage;
    }
    int exitCode = ExitOk;
    std::optional<plan::Plan> plan = planFor(g, exitCode);
    if (!plan) {
        return exitCode;
    }
    std::string text = g.format == "json" ? graphToJson(*plan).dump(2) + "\n" : renderDot(*plan);
    if (g.output == "-") {
        std::cout << text;
        return ExitOk;
    }
    std::string error;
    if (!writeFileAtomically(g.output, text, error)) {
        printError(std::cerr, "cannot write '" + g.output + "': " + error);
        return ExitUsage;
    }
    return ExitOk;
}

} // namespace

void addGraphCommand(CLI::App& app, RunState& state) {
    auto g = std::make_shared<GraphCommand>();
    CLI::App* command = app.add_subcommand(
        "graph", "Draw a constitution's plan, or a plan file, for Graphviz (dot) or as JSON");
    command->add_option("input", g->input, "A constitution (*.clue) or a plan file")->required();
    command->add_option("--format", g->format, "dot (Graphviz) or json")
        ->check(CLI::IsMember({"dot", "json"}))
        ->capture_default_str();
    command->add_option("-o,--output", g->output, "Where to write; '-' for standard output")
        ->capture_default_str();
    g->flags.addOptions(*command, /*withPrinting=*/false);
    g->source.addOptions(*command);
    command->callback([g, &state] { state.exitCode = runGraph(*g); });
}

} // namespace clue::cli
