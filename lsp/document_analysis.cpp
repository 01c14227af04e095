// Lint findings to LSP diagnostics and code-action fixes.
#include "lsp/document_analysis.h"

#include "common/project_config.h"
#include "compiler/lint/linter.h"
#include "compiler/lint/output/diagnostic_docs.h"
#include "compiler/lint/output/docs_location.h"
#include "lsp/line_index.h"

#include <filesystem>

namespace clue::lsp {
namespace {

namespace fs = std::filesystem;

// Siblings beyond this many are left out: coverage from them is a convenience, not worth a
// slow editor.
constexpr size_t maxSiblings = 64;

std::vector<std::string> rootsFor(const Document& document) {
    std::vector<std::string> roots{document.path};
    std::error_code ec;
    fs::path folder = fs::path(document.path).parent_path();
    std::vector<std::string> siblings;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator();
         it.increment(ec)) {
        if (it->path().extension() == ".clue" && it->path() != fs::path(document.path) &&
            it->is_regular_file(ec)) {
            siblings.push_back(it->path().string());
        }
    }
    std::sort(siblings.begin(), siblings.end());
    siblings.resize(std::min(siblings.size(), maxSiblings));
    roots.insert(roots.end(), siblings.begin(), siblings.end());
    return roots;
}

lint::LintConfig configFor(const Document& document, std::vector<std::string>& messages) {
    std::vector<ConfigIssue> issues;
    ProjectConfig project;
    if (auto found = ProjectConfig::find(fs::path(document.path).parent_path())) {
        project = ProjectConfig::load(*found, issues);
    }
    lint::LintConfig config = lint::LintConfig::read(project, lint::Catalogue::standard(), issues);
    for (const ConfigIssue& issue : issues) {
        messages.push_back(issue.format());
    }
    return hasErrors(issues) ? lint::LintConfig{} : config;
}

class Converter {
public:
    Converter(const Document& document, const DocumentStore& store, const SourceManager& sources,
              std::string docsBase)
        : document_(document), store_(store), sources_(sources), index_(document.text),
          docsBase_(std::move(docsBase)) {}

    bool inDocument(const Diagnostic& d) const {
        return !d.span || store_.reader().identity(sources_.path(d.span->file)) ==
                              store_.reader().identity(document_.path);
    }

    nlohmann::json diagnostic(const Diagnostic& d) const {
        nlohmann::json range =
            d.span ? index_.range(d.span->begin, d.span->end) : index_.range(0, 0);
        std::string message = d.message;
        nlohmann::json related = nlohmann::json::array();
        for (const DiagnosticNote& note : d.notes) {
            if (note.span) {
                related.push_back({{"location", location(*note.span)}, {"message", note.message}});
            } else {
                message += "\nnote: " + note.message;
            }
        }
        if (!d.help.empty()) {
            message += "\nhelp: " + d.help;
        }
        nlohmann::json out = {
            {"range", range},
            {"severity", d.level == Level::Error ? 1 : d.level == Level::Warning ? 2 : 3},
            {"code", d.code},
            {"codeDescription", {{"href", lint::diagnosticHelpUri(docsBase_, d.code)}}},
            {"source", "clue"},
            {"message", message}};
        if (!related.empty()) {
            out["relatedInformation"] = std::move(related);
        }
        return out;
    }

private:
    nlohmann::json location(SourceSpan span) const {
        const std::string& path = sources_.path(span.file);
        LineIndex index(sources_.contents(span.file));
        return {{"uri", store_.uriOf(path)}, {"range", index.range(span.begin, span.end)}};
    }

    const Document& document_;
    const DocumentStore& store_;
    const SourceManager& sources_;
    LineIndex index_;
    std::string docsBase_;
};

} // namespace

DocumentAnalysis analyzeDocument(const Document& document, const DocumentStore& store,
                                 const std::string& stdlibDir) {
    DocumentAnalysis analysis;
    analysis.version = document.version;
    lint::LintConfig config = configFor(document, analysis.configIssues);
    SourceManager sources;
    lint::LintResult result = lint::runLint({rootsFor(document), &store.reader(), stdlibDir},
                                            config, lint::Catalogue::standard(), sources);
    Converter convert(document, store, sources, lint::docsBaseUri(config.docsUrl()));
    for (const lint::Finding& f : result.findings) {
        if (f.suppressed() || !convert.inDocument(f.diagnostic)) {
            continue;
        }
        nlohmann::json published = convert.diagnostic(f.diagnostic);
        analysis.diagnostics.push_back(published);
        if (!f.fix.empty()) {
            std::string title = f.diagnostic.code + ": " +
                                (f.diagnostic.help.empty() ? "apply the fix" : f.diagnostic.help);
            analysis.fixes.push_back(
                {published, title, f.fixSafety == lint::FixSafety::Safe, f.fix});
        }
    }
    return analysis;
}

} // namespace clue::lsp
