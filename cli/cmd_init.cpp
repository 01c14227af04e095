// `clue init [DIR]`: writes a starter project (docs/cli/init.md).
#include "cli/commands.h"
#include "compiler/init/starter_project.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace clue::cli {

namespace {

struct InitOptions {
    std::string dir = ".";
    std::string name; // "": from the folder's name
};

int runInit(const InitOptions& options) {
    std::error_code ec;
    std::string folder = std::filesystem::weakly_canonical(options.dir, ec).filename().string();
    std::string name = options.name.empty() ? starterName(folder) : options.name;
    std::string error;
    std::optional<std::vector<std::string>> written = writeStarterProject(options.dir, name, error);
    if (!written) {
        std::cerr << "clue: error: " << error << '\n';
        return ExitUsage;
    }
    for (const std::string& path : *written) {
        std::cerr << "wrote " << path << '\n';
    }
    std::cerr << "next: clue check " << name << ".clue && clue lint " << name
              << ".clue && clue test " << name << ".clue (in " << options.dir << ")\n";
    return ExitOk;
}

} // namespace

void addInitCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* command = app.add_subcommand(
        "init", "Start a project: clue.yaml, a starter constitution with tests, a README");
    command->add_option("dir", options->dir, "The project folder (created if needed)")
        ->capture_default_str();
    command
        ->add_option("--name", options->name,
                     "The constitution's name and file (NAME.clue); default: from the folder")
        ->check([](const std::string& name) {
            return starterName(name) == name ? std::string()
                                             : "a name is lower case letters, digits, '-' and "
                                               "'_', starting with a letter";
        });
    command->callback([options, &state] { state.exitCode = runInit(*options); });
}

} // namespace clue::cli
