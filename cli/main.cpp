// Entry point of `clue`: registers each verb and maps errors to the documented exit codes.
#include "cli/commands.h"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    using namespace clue::cli;
    CLI::App app{"clue: a compiler and runtime for image-safety constitutions", "clue"};
    app.set_version_flag("--version", std::string("clue ") + CLUE_VERSION);
    app.require_subcommand(1);
    RunState state;
    // Verbs, in the order `clue --help` lists them:
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
