// `clue lint FILES...`: run the lint rules over constitutions and report in one of four formats.
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "common/file_io.h"
#include "common/unified_diff.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/fixer.h"
#include "compiler/lint/lint_settings.h"
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
    std::string format = "text";     // text | json | sarif | github ("pretty": text)
    std::string failLevel = "error"; // error | warning | none
    std::string config;              // clue.yaml; empty: found upward from here
    std::string output;              // file for json/sarif/github; empty: stdout
    std::string sarifRoot;           // SARIF locations are relative to it; empty: here
    std::string color = "auto";
    bool listRules = false;
    bool fix = false;    // apply the safe fixes
    bool dryRun = false; // with fix: print them as a diff instead
};

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

std::string textReport(const LintResult& result, const SourceManager& sources, bool color) {
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
        lint::SarifOptions sarif{CLUE_VERSION, lint::docsBaseUri(config.docsUrl()),
                                 options.sarifRoot};
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

// Writes the fixed files, or with --dry-run prints them as one unified diff on standard output.
bool deliverFixes(const LintOptions& options, const lint::FixOutcome& outcome) {
    for (const lint::FixedFile& f : outcome.files) {
        if (options.dryRun) {
            std::cout << unifiedDiff(f.original, f.fixed, f.path, f.path);
            continue;
        }
        std::string error;
        if (!writeFileAtomically(f.path, f.fixed, error)) {
            std::cerr << "clue: error: cannot write '" << f.path << "': " << error << '\n';
            return false;
        }
        std::cerr << fmt::format("fixed {} problem{} in {}\n", f.fixes, f.fixes == 1 ? "" : "s",
                                 f.path);
    }
    return true;
}

// The findings in the chosen format: text on standard error, the others on standard output or
// in -o FILE.
bool report(const LintOptions& options, const LintResult& result, const SourceManager& sources,
            const LintConfig& config, bool withSummary) {
    if (options.format == "text" || options.format == "pretty") {
        std::cerr << textReport(result, sources, colorWanted(options.color, STDERR_FILENO))
                  << (withSummary ? summary(result) : "");
        return true;
    }
    return deliver(options, render(options, result, sources, config));
}

int runLint(const LintOptions& options) {
    auto sources = std::make_unique<SourceManager>();
    lint::LintSettings settings =
        lint::loadLintSettings(options.config, Catalogue::standard(), *sources);
    if (!settings.usable) {
        LintResult result;
        settings.addTo(result);
        report(options, result, *sources, settings.config, false);
        return ExitUsage;
    }
    if (options.listRules) {
        LintResult warnings;
        settings.addTo(warnings);
        std::cerr << textReport(warnings, *sources, colorWanted(options.color, STDERR_FILENO));
        return listRules(options, settings.config);
    }
    if (options.inputs.empty()) {
        std::cerr << "clue: error: lint needs FILES (or --list-rules)\n";
        return ExitUsage;
    }
    const bool text = options.format == "text" || options.format == "pretty";
    if (options.dryRun && !text && options.output.empty()) {
        std::cerr << "clue: error: --dry-run prints its diff on standard output; write the "
                  << options.format << " output to a file with -o\n";
        return ExitUsage;
    }
    std::optional<std::vector<std::string>> files = expandInputs(options.inputs, false, std::cerr);
    if (!files) {
        return ExitUsage;
    }
    lint::FixOutcome fixed;
    if (options.fix) {
        fixed = lint::fixSafely({*files, nullptr, ""}, settings.config, Catalogue::standard());
        if (!deliverFixes(options, fixed)) {
            return ExitUsage;
        }
        // The settings' warnings point into clue.yaml, which the fixer's sources do not hold.
        LintResult warnings;
        settings.addTo(warnings);
        std::cerr << textReport(warnings, *sources, colorWanted(options.color, STDERR_FILENO));
    } else {
        fixed.sources = std::move(sources);
        fixed.result = lint::runLint({*files, nullptr, ""}, settings.config, Catalogue::standard(),
                                     *fixed.sources);
        settings.addTo(fixed.result);
    }
    if (!report(options, fixed.result, *fixed.sources, settings.config, true)) {
        return ExitUsage;
    }
    return exitCode(options, fixed.result);
}

} // namespace

void addLintCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<LintOptions>();
    CLI::App* command = app.add_subcommand(
        "lint", "Find what makes rules unreliable to judge: subjective or compound wording, "
                "logic errors, missing tests");
    command->add_option("files", options->inputs,
                        "Constitution files, or directories to search for *.clue files");
    // "pretty" is the deprecated spelling of "text", kept for the scripts that use it.
    command
        ->add_option("--format", options->format,
                     "text (on stderr), json, sarif or github (pretty: the old name of text)")
        ->check(CLI::IsMember({"text", "pretty", "json", "sarif", "github"}))
        ->capture_default_str();
    command
        ->add_option("--fail-level", options->failLevel,
                     "Exit 1 when a finding at this level or above remains: error, warning, none")
        ->check(CLI::IsMember({"error", "warning", "none"}))
        ->capture_default_str();
    addConfigOption(*command, options->config);
    command->add_option("-o,--output", options->output,
                        "Write json, sarif or github output to this file instead of stdout");
    command
        ->add_option("--sarif-root", options->sarifRoot,
                     "SARIF: name files under this folder relative to it, with uriBaseId "
                     "SRCROOT (default: the working directory)")
        ->check(CLI::ExistingDirectory);
    command
        ->add_option("--color", options->color,
                     "Color text output: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    command->add_flag("--list-rules", options->listRules,
                      "Print the catalogue of rules (as text, or JSON with --format json)");
    CLI::Option* fix = command->add_flag(
        "--fix", options->fix,
        "Apply the safe fixes (those that keep what the rules mean), lint again, and report "
        "what remains");
    command
        ->add_flag("--dry-run", options->dryRun,
                   "With --fix: print the fixes as a unified diff on stdout, change no file")
        ->needs(fix);
    command->callback([options, &state] { state.exitCode = runLint(*options); });
}

} // namespace clue::cli
