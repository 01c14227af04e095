// `clue objectify FILE`: rate, rewrite and extract the rules of FILE that have no `when`, keep
// the results in FILE.lock, and with --write put the chains into the source.
#include "cli/commands.h"
#include "cli/objectify_run.h"

#include <memory>

namespace clue::cli {

void addObjectifyCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<ObjectifyOptions>();
    CLI::App* command = app.add_subcommand(
        "objectify", "Rate, rewrite and extract the precondition chains of rules without `when`, "
                     "into FILE.lock");
    command->add_option("file", options->file, "The constitution file")->required();
    addConfigOption(*command, options->config);
    command->add_option("--endpoint", options->endpoint,
                        "The OpenAI-compatible server, such as http://127.0.0.1:8000/v1 "
                        "(default: clue.yaml backend.endpoint, CLUE_ENDPOINT)");
    command->add_option("--model", options->model,
                        "The model to ask (default: clue.yaml backend.model, CLUE_MODEL)");
    options->failFast.addOptions(*command);
    command
        ->add_option("--threshold", options->threshold,
                     "Rewrite rules rated under this objectiveness (default 9)")
        ->check(CLI::Range(1, 10));
    command->add_option("--rounds", options->rounds, "Rewrite rounds per rule at most (default 3)")
        ->check(CLI::Range(0, 10));
    command->add_option("--rule", options->rule, "Objectify only the rule with this id");
    command->add_flag("--force", options->force,
                      "Objectify even rules that have a fresh lock entry or their own `when`");
    CLI::Option* write = command->add_flag(
        "--write", options->write,
        "Put each extracted chain into the source as the rule's `when`, formatted");
    command
        ->add_flag("--accept-rewrite", options->acceptRewrite,
                   "With --write, also replace each rule's text by its final rewrite")
        ->needs(write);
    options->source.addOptions(*command);
    command
        ->add_option("--color", options->output.color,
                     "Color diagnostics: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    command->callback([options, &state] { state.exitCode = runObjectify(*options); });
}

} // namespace clue::cli
