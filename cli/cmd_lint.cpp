// `clue lint FILES...`: run the lint rules over constitutions and report in one of four formats.
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "common/file_io.h"
#include "common/project_config.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/linter.h"
#include "compiler/lint/output/docs_location.h"
#include "compiler/lint/output/github_annotations.h"
#include "compiler/lint/output/lint_json.h"
#include "compiler/lint/output/rule_listing.h"
#include "compiler/lint/output/sarif_writer.h"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

namespace clue::cli {
namespace {

using lint::Catalogue;
using lint::Finding;
using lint::LintConfig;
using lint::LintResult;

struct LintOptions {
    std::vector<std::string> inputs;
    std::string format = "pretty";   // pretty | json | sarif | github
    std::string failLevel = "error"; // error | warning | none
    std::string config;              // clue.yaml; empty: found upward from here
    std::string output;              // file for json/sarif/github; empty: stdout
    std::string color = "auto";
    bool listRules = false;
};

// The settings file's lint section; nothing (after printing why) when it is unusable.
std::optional<LintConfig> loadConfig(const LintOptions& options) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project;
    if (!options.config.empty()) {
        if (!std::filesystem::is_regular_file(options.config)) {
            std::cerr << "clue: error: cannot find the settings file '" << options.config << "'\n";
            return std::nullopt;
        }
        project = ProjectConfig::load(options.config, issues);
    } else if (auto found = ProjectConfig::find(std::filesystem::current_path())) {
        // Named relative to here, as the user sees it: clue.yaml, ../clue.yaml.
        project =
            ProjectConfig::load(found->lexically_relative(std::filesystem::current_path()), issues);
    }
    LintConfig config = LintConfig::read(project, Catalogue::standard(), issues);
    for (const ConfigIssue& issue : issues) {
        std::cerr << issue.format() << '\n';
    }
    if (hasErrors(issues)) {
        return std::nullopt;
    }
    return config;
}

bool deliver(const LintOptions& options, const std::string& text) {
    if (options.output.empty()) {
        std::cout << text;
        return true;
    }
    std::string error;
    if (!writeFileAtomically(options.output, text, error)) {
        std::cerr << "clue: error: cannot write '" << options.output << "': " << error << '\n';
        return false;
    }
    return true;
}

std::string pretty(const LintResult& result, const SourceManager& sources, bool color) {
    RenderOptions render;
    render.color = color;
    std::string out;
    std::set<const lint::LintRule*> introduced;
    for (const Finding& f : result.findings) {
        if (f.suppressed()) {
            continue;
        }
        Diagnostic d = f.diagnostic;
        if (f.rule != nullptr && introduced.insert(f.rule).second) {
            d.note(fmt::format("`{}` ({}) is at level {}; docs/lint/{}.md explains it",
                               f.rule->name(), lint::categoryName(f.rule->meta().category),
                               levelName(d.level), f.rule->name()));
        }
        out += renderText(d, sources, render);
    }
    return out;
}

std::string summary(const LintResult& result) {
    auto plural = [](size_t n, const char* word) {
        return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    size_t files = result.linted.size() + result.failed.size();
    std::string out = fmt::format("linted {}: ", plural(files, "file"));
    size_t errors = result.count(Level::Error), warnings = result.count(Level::Warning);
    out += errors + warnings == 0 ? "no problems"
                                  : plural(errors, "error") + ", " + plural(warnings, "warning");
    if (size_t suppressed = result.suppressedCount()) {
        out += fmt::format(" ({} suppressed)", suppressed);
    }
    if (!result.skipped.empty()) {
        out += fmt::format("; {} skipped by lint.ignore", plural(result.skipped.size(), "file"));
    }
    return out + "\n";
}

int exitCode(const LintOptions& options, const LintResult& result) {
    if (!result.failed.empty()) {
        return ExitFindings;
    }
    size_t errors = result.count(Level::Error), warnings = result.count(Level::Warning);
    if (options.failLevel == "error") {
        return errors > 0 ? ExitFindings : ExitOk;
    }
    if (options.failLevel == "warning") {
        return errors + warnings > 0 ? ExitFindings : ExitOk;
    }
    return ExitOk;
}

std::string render(const LintOptions& options, const LintResult& result,
                   const SourceManager& sources, const LintConfig& config) {
    if (options.format == "json") {
        return lint::lintJson(result, sources)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
    }
    if (options.format == "sarif") {
        lint::SarifOptions sarif{CLUE_VERSION, lint::docsBaseUri(config.docsUrl())};
        return lint::sarifLog(result, sources, Catalogue::standard(), config, sarif)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
               "\n";
    }
    return lint::githubAnnotations(result, sources);
}

int listRules(const LintOptions& options, const LintConfig& config) {
    std::string text = options.format == "json"
                           ? lint::listRulesJson(Catalogue::standard(), config).dump(2) + "\n"
                           : lint::listRulesText(Catalogue::standard(), config);
    return deliver(options, text) ? ExitOk : ExitUsage;
}

int runLint(const LintOptions& options) {
    std::optional<LintConfig> config = loadConfig(options);
    if (!config) {
        return ExitUsage;
    }
    if (options.listRules) {
        return listRules(options, *config);
    }
    if (options.inputs.empty()) {
        std::cerr << "clue: error: lint needs FILES (or --list-rules)\n";
        return ExitUsage;
    }
    std::optional<std::vector<std::string>> files = expandInputs(options.inputs, false, std::cerr);
    if (!files) {
        return ExitUsage;
    }
    SourceManager sources;
    LintResult result =
        lint::runLint({*files, nullptr, ""}, *config, Catalogue::standard(), sources);
    if (options.format == "pretty") {
        std::cerr << pretty(result, sources, colorWanted(options.color, STDERR_FILENO))
                  << summary(result);
    } else if (!deliver(options, render(options, result, sources, *config))) {
        return ExitUsage;
    }
    return exitCode(options, result);
}

} // namespace

void addLintCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<LintOptions>();
    CLI::App* command = app.add_subcommand(
        "lint", "Find what makes rules unreliable to judge: subjective or compound wording, "
                "logic errors, missing tests");
    command->add_option("files", options->inputs,
                        "Constitution files, or directories to search for *.clue files");
    command->add_option("--format", options->format, "pretty (on stderr), json, sarif or github")
        ->check(CLI::IsMember({"pretty", "json", "sarif", "github"}))
        ->capture_default_str();
    command
        ->add_option("--fail-level", options->failLevel,
                     "Exit 1 when a finding at this level or above remains: error, warning, none")
        ->check(CLI::IsMember({"error", "warning", "none"}))
        ->capture_default_str();
    command->add_option("--config", options->config,
                        "The settings file (default: clue.yaml here or in a parent directory)");
    command->add_option("-o,--output", options->output,
                        "Write json, sarif or github output to this file instead of stdout");
    command
        ->add_option("--color", options->color,
                     "Color pretty output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    command->add_flag("--list-rules", options->listRules,
                      "Print the catalogue of rules (as text, or JSON with --format json)");
    command->callback([options, &state] { state.exitCode = runLint(*options); });
}

} // namespace clue::cli
