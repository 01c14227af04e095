// `clue completion bash|zsh|fish`: prints a completion script for the shell.
#include "cli/commands.h"
#include "cli/completion_script.h"

#include <iostream>
#include <memory>

namespace clue::cli {

void addCompletionCommand(CLI::App& app, RunState& state) {
    auto shell = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "completion", "Print a shell completion script: bash, zsh or fish (docs/cli.md)");
    command->add_option("shell", *shell, "The shell: bash, zsh or fish")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    command->callback([shell, &app, &state] {
        std::cout << *completionScript(app, *shell);
        state.exitCode = ExitOk;
    });
}

} // namespace clue::cli
