// Diagnostic printing for the command line.
#include "cli/diagnostic_output.h"

#include "compiler/diag/config_diagnostics.h"
#include "compiler/diag/diagnostic_renderer.h"

#include <cstdlib>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace clue::cli {
namespace {

std::string plural(size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

} // namespace

void addConfigOption(CLI::App& command, std::string& file) {
    command.add_option("--config", file,
                       "The settings file (default: clue.yaml here or in a parent directory)");
}

void printConfigIssues(const std::vector<ConfigIssue>& issues, const ProjectConfig& config,
                       std::ostream& out) {
    SourceManager sources;
    DiagnosticEngine diags;
    reportConfigIssues(issues, config, sources, diags);
    renderAll(diags, sources, DiagnosticFormat::Text, out);
}

bool colorWanted(const std::string& mode, int fd) {
    if (mode != "auto") {
        return mode == "always";
    }
    const char* noColor = std::getenv("NO_COLOR");
    const char* term = std::getenv("TERM");
    return isatty(fd) && (noColor == nullptr || *noColor == '\0') &&
           (term == nullptr || std::string(term) != "dumb");
}

void DiagnosticOutput::addOptions(CLI::App& command) {
    command.add_option("--format", format, "Diagnostics as text (on stderr) or JSON (on stdout)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    command
        .add_option("--color", color, "Color text diagnostics: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
}

void DiagnosticOutput::print(const DiagnosticEngine& diags, const SourceManager& sources) const {
    if (json()) {
        renderAll(diags, sources, DiagnosticFormat::Json, std::cout);
        return;
    }
    RenderOptions options;
    options.color = colorWanted(color, STDERR_FILENO);
    renderAll(diags, sources, DiagnosticFormat::Text, std::cerr, options);
}

void DiagnosticOutput::summary(const std::string& what, const DiagnosticEngine& diags) const {
    if (json()) {
        return;
    }
    if (diags.errorCount() == 0 && diags.warningCount() == 0) {
        std::cerr << what << ": no problems\n";
    } else {
        std::cerr << what << ": " << plural(diags.errorCount(), "error") << ", "
                  << plural(diags.warningCount(), "warning") << '\n';
    }
}

void mergeDiagnostics(const DiagnosticEngine& from, DiagnosticEngine& into,
                      const SourceManager& sources, std::set<std::string>& shown) {
    for (const Diagnostic* d : from.sorted()) {
        if (!shown.insert(renderText(*d, sources)).second) {
            continue;
        }
        Diagnostic& copy = into.report(d->level, d->code, d->span, d->message);
        copy.notes = d->notes;
        copy.help = d->help;
    }
}

} // namespace clue::cli
