// The verbs of `clue`. Each verb lives in its own cmd_<verb>.cpp and registers one subcommand;
// main.cpp calls every add*Command explicitly, in the order `clue --help` lists them.
#pragma once

#include <CLI/CLI.hpp>

namespace clue::cli {

// Exit codes, documented in docs/cli.md.
enum ExitCode : int {
    ExitOk = 0,       // success, nothing to report at the fail level
    ExitFindings = 1, // errors in the input, failed tests, lint findings at the fail level
    ExitUsage = 2,    // bad flags, unreadable files, I/O errors
};

// Set by the verb that ran; main returns it.
struct RunState {
    int exitCode = ExitOk;
    // What a bad flag or an unexpected error exits with; `clue diff`, whose 2 means "changed",
    // sets it to 1 as soon as its name is parsed.
    int usageExitCode = ExitUsage;
};

// Verbs.
void addInitCommand(CLI::App& app, RunState& state);
void addFmtCommand(CLI::App& app, RunState& state);
void addCheckCommand(CLI::App& app, RunState& state);
void addLintCommand(CLI::App& app, RunState& state);
void addObjectifyCommand(CLI::App& app, RunState& state);
void addCompileCommand(CLI::App& app, RunState& state);
void addGraphCommand(CLI::App& app, RunState& state);
void addTestCommand(CLI::App& app, RunState& state);
void addCalibrateCommand(CLI::App& app, RunState& state);
void addJudgeCommand(CLI::App& app, RunState& state);
void addEvalCommand(CLI::App& app, RunState& state);
void addServeCommand(CLI::App& app, RunState& state);
void addDiffCommand(CLI::App& app, RunState& state);
void addLspCommand(CLI::App& app, RunState& state);
void addExplainCommand(CLI::App& app, RunState& state);
void addCompletionCommand(CLI::App& app, RunState& state);

} // namespace clue::cli
