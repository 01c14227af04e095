// `clue fmt [--check] FILES...`: rewrite constitutions in the one canonical layout.
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/input_files.h"
#include "common/file_io.h"
#include "common/unified_diff.h"
#include "compiler/fmt/formatter.h"
#include "compiler/frontend/parser.h"

#include <iostream>
#include <iterator>
#include <memory>

namespace clue::cli {
namespace {

struct FmtOptions {
    std::vector<std::string> inputs;
    bool check = false;
    bool diff = false; // like check, and print what would change as a unified diff
    DiagnosticOutput output;
};

// What happened to one file; the worst outcome decides the exit code.
enum class Outcome { Unchanged, Changed, Broken, Failed };

class FmtRun {
public:
    explicit FmtRun(const FmtOptions& options) : options_(options) {}

    Outcome formatOne(const std::string& path);
    const SourceManager& sources() const { return sources_; }
    const DiagnosticEngine& diags() const { return diags_; }

private:
    std::optional<std::string> read(const std::string& path);
    // The formatted text, checked to parse back to the same module; nothing on failure.
    std::optional<std::string> format(const std::string& path, const ast::Module& module);
    Outcome deliver(const std::string& path, const std::string& original,
                    const std::string& formatted);

    const FmtOptions& options_;
    SourceManager sources_;
    DiagnosticEngine diags_;
};

std::optional<std::string> FmtRun::read(const std::string& path) {
    if (path == "-") {
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    }
    std::string error;
    std::optional<std::string> contents = readFile(path, error);
    if (!contents) {
        std::cerr << "clue: error: cannot read '" << path << "': " << error << '\n';
    }
    return contents;
}

std::optional<std::string> FmtRun::format(const std::string& path, const ast::Module& module) {
    CheckedFormat formatted = formatModuleChecked(module, sources_);
    if (!formatted.problem.empty()) {
        std::cerr << "clue: internal error: formatting '" << path << "' would change it ("
                  << formatted.problem << "); it is left untouched\n";
        return std::nullopt;
    }
    return std::move(formatted.text);
}

Outcome FmtRun::deliver(const std::string& path, const std::string& original,
                        const std::string& formatted) {
    bool changed = formatted != original;
    if (path == "-" && !options_.check && !options_.diff) {
        std::cout << formatted;
        return changed ? Outcome::Changed : Outcome::Unchanged;
    }
    if (!changed) {
        return Outcome::Unchanged;
    }
    std::string shown = path == "-" ? "<stdin>" : path;
    if (options_.diff) {
        std::cout << unifiedDiff(original, formatted, shown, shown);
        return Outcome::Changed;
    }
    if (options_.check) {
        std::cerr << "would reformat " << shown << '\n';
        return Outcome::Changed;
    }
    std::string error;
    if (!writeFileAtomically(path, formatted, error)) {
        std::cerr << "clue: error: cannot write '" << path << "': " << error << '\n';
        return Outcome::Failed;
    }
    std::cerr << "reformatted " << path << '\n';
    return Outcome::Changed;
}

Outcome FmtRun::formatOne(const std::string& path) {
    std::optional<std::string> original = read(path);
    if (!original) {
        return Outcome::Failed;
    }
    FileId file = sources_.addFile(path == "-" ? "<stdin>" : path, *original);
    std::optional<ast::Module> module = parseModule(sources_, file, diags_);
    if (!module) {
        return Outcome::Broken;
    }
    std::optional<std::string> formatted = format(path, *module);
    if (!formatted) {
        return Outcome::Failed;
    }
    return deliver(path, *original, *formatted);
}

int runFmt(const FmtOptions& options) {
    std::optional<std::vector<std::string>> files = expandInputs(options.inputs, true, std::cerr);
    if (!files) {
        return ExitUsage;
    }
    FmtRun run(options);
    bool failed = false, findings = false;
    for (const std::string& file : *files) {
        Outcome outcome = run.formatOne(file);
        failed |= outcome == Outcome::Failed;
        findings |= outcome == Outcome::Broken ||
                    ((options.check || options.diff) && outcome == Outcome::Changed);
    }
    if (!run.diags().empty() || options.output.json()) {
        options.output.print(run.diags(), run.sources());
    }
    return failed ? ExitUsage : findings ? ExitFindings : ExitOk;
}

} // namespace

void addFmtCommand(CLI::App& app, RunState& state) {
    auto options = std::make_shared<FmtOptions>();
    CLI::App* command = app.add_subcommand(
        "fmt", "Rewrite constitutions in the canonical layout, keeping every comment");
    command
        ->add_option("files", options->inputs,
                     "Constitution files, directories to search for *.clue files, or - "
                     "for standard input to standard output")
        ->required();
    command->add_flag("--check", options->check,
                      "Change nothing; name each file that would change and exit 1 if any");
    command->add_flag("--diff", options->diff,
                      "Change nothing; print what would change as a unified diff on stdout and "
                      "exit 1 if anything would");
    options->output.addOptions(*command);
    command->callback([options, &state] { state.exitCode = runFmt(*options); });
}

} // namespace clue::cli
