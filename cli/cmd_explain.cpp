// `clue explain CODE`: prints the documentation of a diagnostic code or a lint rule.
#include "cli/commands.h"
#include "compiler/lint/output/diagnostic_docs.h"
#include "compiler/lint/output/docs_location.h"

#include <iostream>
#include <memory>

namespace clue::cli {

void addExplainCommand(CLI::App& app, RunState& state) {
    auto code = std::make_shared<std::string>();
    CLI::App* command = app.add_subcommand(
        "explain", "Print the documentation of a diagnostic (E025, W050) or lint rule (L206, "
                   "unused-import)");
    command->add_option("code", *code, "A code such as E025 or L103, or a lint rule's name")
        ->required();
    command->callback([code, &state] {
        std::string error;
        std::optional<lint::DiagnosticDoc> doc =
            lint::findDiagnosticDoc(*code, lint::docsDirectory(), error);
        if (!doc) {
            std::cerr << "clue: error: " << error << '\n';
            state.exitCode = ExitUsage;
            return;
        }
        std::cout << doc->markdown;
        if (!doc->markdown.empty() && doc->markdown.back() != '\n') {
            std::cout << '\n';
        }
        std::cout << "\n(" << lint::docsDirectory() << "/" << doc->page
                  << (doc->anchor.empty() ? "" : "#" + doc->anchor) << ")\n";
        state.exitCode = ExitOk;
    });
}

} // namespace clue::cli
