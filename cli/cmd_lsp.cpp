// `clue lsp`: the language server on standard input and output (docs/cli/lsp.md).
#include "cli/commands.h"
#include "lsp/server.h"

#include <cstdio>
#include <memory>

namespace clue::cli {

void addLspCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<lsp::ServerOptions>();
    options->version = CLUE_VERSION;
    CLI::App* command = app.add_subcommand(
        "lsp", "Serve the Language Server Protocol on stdin and stdout, for editors");
    auto stdio = std::make_shared<bool>(false); // accepted for clients that pass it
    command->add_flag("--stdio", *stdio,
                      "Talk over standard input and output (the only transport)");
    command
        ->add_option("--debounce-ms", options->debounceMs,
                     "Quiet time after an edit before diagnostics are computed again")
        ->check(CLI::Range(0, 10000))
        ->capture_default_str();
    command->callback([options, stdio, &state] {
        state.exitCode = lsp::runLanguageServer(stdin, stdout, *options);
    });
}

} // namespace clue::cli
