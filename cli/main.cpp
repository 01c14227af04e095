// Entry point of `clue`: registers each verb and maps errors to the documented exit codes.
#include "cli/commands.h"
#include "common/edit_distance.h"

#include <algorithm>
#include <exception>
#include <iostream>

namespace {

// An unknown first word is a mistyped verb far more often than a stray argument: say so, with
// the closest verb, instead of CLI11's "A subcommand is required".
bool reportUnknownVerb(const CLI::App& app, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') {
        return false;
    }
    std::vector<std::string> verbs;
    for (const CLI::App* command : app.get_subcommands({})) {
        verbs.push_back(command->get_name());
    }
    std::string word = argv[1];
    if (std::find(verbs.begin(), verbs.end(), word) != verbs.end()) {
        return false;
    }
    std::optional<std::string> near = clue::closestMatch(word, verbs);
    std::cerr << "clue: error: unknown command '" << word << "'"
              << (near ? ", did you mean " + *near + "?" : "")
              << "\nrun `clue --help` for the list of commands\n";
    return true;
}

} // namespace

int main(int argc, char** argv) {
    using namespace clue::cli;
    CLI::App app{"clue: a compiler and runtime for image-safety constitutions", "clue"};
    app.set_version_flag("--version", std::string("clue ") + CLUE_VERSION);
    app.require_subcommand(1);
    RunState state;
    // Verbs, in the order `clue --help` lists them:
    addInitCommand(app, state);
    addFmtCommand(app, state);
    addCheckCommand(app, state);
    addLintCommand(app, state);
    addObjectifyCommand(app, state);
    addTestCommand(app, state);
    addCompileCommand(app, state);
    addGraphCommand(app, state);
    addDiffCommand(app, state);
    addCalibrateCommand(app, state);
    addJudgeCommand(app, state);
    addEvalCommand(app, state);
    addServeCommand(app, state);
    addExplainCommand(app, state);
    addLspCommand(app, state);
    addCompletionCommand(app, state);

    if (reportUnknownVerb(app, argc, argv)) {
        return ExitUsage;
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return state.usageExitCode;
    } catch (const std::exception& e) {
        std::cerr << "clue: error: " << e.what() << '\n';
        return state.usageExitCode;
    }
    return state.exitCode;
}
