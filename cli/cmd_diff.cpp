// `clue diff OLD NEW`: what a change to a constitution does, structurally, semantically and on a
// corpus (docs/cli/diff.md). Exit 0: nothing changed semantically; 2: something did (of the
// --fail-on kind); 1: an error. Unlike the other verbs, a usage error is 1 here, since 2 means
// "changed".
#include "cli/commands.h"
#include "cli/diagnostic_output.h"
#include "cli/diff_corpus_run.h"
#include "cli/diff_document.h"
#include "cli/diff_html.h"
#include "cli/diff_json.h"
#include "cli/diff_markdown.h"
#include "cli/diff_text.h"
#include "cli/output_path.h"
#include "cli/source_flags.h"
#include "cli/user_messages.h"
#include "common/file_io.h"
#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/diff/diff_side.h"
#include "compiler/diff/semantic_diff.h"
#include "compiler/sema/git_reader.h"
#include "compiler/sema/stdlib_dir.h"

#include <unistd.h>

#include <iostream>

namespace clue::cli {
namespace {

constexpr int kDiffError = 1;

struct DiffOptions {
    std::vector<std::string> inputs;
    std::string git;
    std::string format = "text";
    std::string color = "auto";
    std::string failOn = "any";
    std::string output;
    SourceFlags source;
    CorpusFlags corpus;
};

// Loads one side, printing its diagnostics or error; nothing when it failed.
std::optional<diff::DiffSide> loadOne(const std::string& path, const SourceReader* reader,
                                      const std::string& label, const DiffOptions& o) {
    diff::LoadedSide loaded = diff::loadSide(path, reader, label, o.source.maxSourceBytes);
    if (loaded.program) {
        RenderOptions options;
        options.color = colorWanted(o.color, STDERR_FILENO);
        renderAll(loaded.program->diagnostics, loaded.program->sources, DiagnosticFormat::Text,
                  std::cerr, options);
    }
    if (!loaded.error.empty()) {
        printError(std::cerr, loaded.error);
    }
    if (!loaded.side && loaded.error.empty()) {
        printError(std::cerr, label + " has errors; nothing compared");
    }
    return std::move(loaded.side);
}

std::string render(const DiffDocument& document, const DiffOptions& o) {
    if (o.format == "json") {
        return diffJson(document).dump(2) + "\n";
    }
    if (o.format == "markdown") {
        return diffMarkdown(document);
    }
    if (o.format == "html") {
        return diffHtml(document);
    }
    bool color = o.output.empty() && colorWanted(o.color, STDOUT_FILENO);
    return diffText(document, color);
}

bool write(const std::string& text, const std::string& output) {
    if (output.empty() || output == "-") {
        std::cout << text << std::flush;
        return static_cast<bool>(std::cout);
    }
    std::string error;
    if (!writeFileAtomically(output, text, error)) {
        printError(std::cerr, "cannot write '" + output + "': " + error);
        return false;
    }
    return true;
}

int runDiff(const DiffOptions& o) {
    size_t wanted = o.git.empty() ? 2 : 1;
    if (o.inputs.size() != wanted) {
        printError(std::cerr, o.git.empty()
                                  ? "give OLD and NEW"
                                  : "with --git, give the one file whose revision is OLD");
        return kDiffError;
    }
    if (auto problem = o.corpus.usageProblem()) {
        printError(std::cerr, *problem);
        return kDiffError;
    }
    if (!o.output.empty() && !outputWritable(o.output, std::cerr)) {
        return kDiffError;
    }
    std::optional<GitReader> git;
    if (!o.git.empty()) {
        git.emplace(o.git, stdlibDirectory(""));
    }
    const std::string& newPath = o.inputs.back();
    auto oldSide = loadOne(o.inputs.front(), git ? &*git : nullptr,
                           git ? o.git + ":" + newPath : o.inputs.front(), o);
    auto newSide = loadOne(newPath, nullptr, newPath, o);
    if (!oldSide || !newSide) {
        return kDiffError;
    }
    try {
        diff::DiffReport report = diff::diffSides(*oldSide, *newSide);
        DiffDocument document{report, o.failOn, nullptr, {}};
        std::optional<runtime::CorpusImpact> corpus;
        if (o.corpus.wanted()) {
            corpus = runCorpus(o.corpus, oldSide->plan, newSide->plan);
            if (!corpus) {
                return kDiffError;
            }
            document.corpus = &*corpus;
            if (o.corpus.thumbnails && o.format == "html") {
                document.thumbnails = flipThumbnails(*corpus);
            }
        }
        return write(render(document, o), o.output) ? document.exitCode() : kDiffError;
    } catch (const std::exception& e) {
        printError(std::cerr, e.what());
        return kDiffError;
    }
}

} // namespace

void addDiffCommand(CLI::App& app, RunState& state) {
    auto o = std::make_shared<DiffOptions>();
    CLI::App* command = app.add_subcommand(
        "diff", "Compare two versions of a constitution or plan: structure, logic and corpus");
    command->add_option("files", o->inputs,
                        "OLD and NEW: constitutions (root .clue files) or compiled plans");
    command->add_option(
        "--git", o->git,
        "Take OLD from this git revision of the one file given (git show REV:FILE)");
    command->add_option("--format", o->format, "text, json, markdown or html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}))
        ->capture_default_str();
    command->add_option("--color", o->color, "Color text: auto (on a terminal), always, never")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
    command
        ->add_option("--fail-on", o->failOn,
                     "Exit 2 only for this kind of change: broader, narrower or any")
        ->check(CLI::IsMember({"broader", "narrower", "any"}))
        ->capture_default_str();
    command->add_option("-o,--output", o->output, "Write the report here (default: stdout)");
    o->source.addOptions(*command);
    o->corpus.addOptions(*command);
    command->preparse_callback([&state](size_t) { state.usageExitCode = kDiffError; });
    command->callback([o, &state] { state.exitCode = runDiff(*o); });
}

} // namespace clue::cli
