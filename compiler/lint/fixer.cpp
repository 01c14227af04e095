// Rounds of lint and safe edits over an overlay of the linted files.
#include "compiler/lint/fixer.h"

#include <algorithm>
#include <map>

namespace clue::lint {
namespace {

// A fix that keeps revealing fixes is a bug; a few rounds settle every real case.
constexpr int maxRounds = 16;

bool fixable(const Finding& f) {
    return !f.suppressed() && !f.fix.empty() && f.fixSafety == FixSafety::Safe;
}

// The safe edits of one rule's unsuppressed findings, by the path of their file: the rule with
// the lowest code that has any. One rule per round, because fixes of two rules can clash: an
// inline statement replaced by a name makes the import that declares it used, while the same
// round's removal of that "unused" import would leave the name undeclared.
std::map<std::string, std::vector<Edit>> safeEdits(const LintResult& result,
                                                   const SourceManager& sources) {
    std::string code;
    for (const Finding& f : result.findings) {
        if (fixable(f) && (code.empty() || f.diagnostic.code < code)) {
            code = f.diagnostic.code;
        }
    }
    std::map<std::string, std::vector<Edit>> byPath;
    for (const Finding& f : result.findings) {
        if (fixable(f) && f.diagnostic.code == code) {
            for (const Edit& e : f.fix) {
                byPath[sources.path(e.span.file)].push_back(e);
            }
        }
    }
    return byPath;
}

// The text of `path` as the run read it.
std::string_view textOf(const SourceManager& sources, const std::string& path) {
    for (FileId id = 0; id < sources.fileCount(); ++id) {
        if (sources.path(id) == path) {
            return sources.contents(id);
        }
    }
    return {};
}

class FixRun {
public:
    FixRun(const LintInput& input, const LintConfig& config, const Catalogue& catalogue)
        : input_(input), config_(config), catalogue_(catalogue),
          overlay_(input.reader != nullptr ? *input.reader : disk_) {}

    FixOutcome run();

private:
    void lint(FixOutcome& outcome) {
        outcome.sources = std::make_unique<SourceManager>();
        outcome.result = runLint({input_.files, &overlay_, input_.stdlibDir}, config_, catalogue_,
                                 *outcome.sources);
    }
    FixedFile& fileFor(FixOutcome& outcome, const std::string& path, std::string_view text);

    const LintInput& input_;
    const LintConfig& config_;
    const Catalogue& catalogue_;
    DiskReader disk_;
    OverlayReader overlay_;
};

FixedFile& FixRun::fileFor(FixOutcome& outcome, const std::string& path, std::string_view text) {
    for (FixedFile& f : outcome.files) {
        if (f.path == path) {
            return f;
        }
    }
    outcome.files.push_back({path, std::string(text), std::string(text), 0});
    return outcome.files.back();
}

FixOutcome FixRun::run() {
    FixOutcome outcome;
    lint(outcome);
    for (int round = 0; round < maxRounds; ++round) {
        std::map<std::string, std::vector<Edit>> edits =
            safeEdits(outcome.result, *outcome.sources);
        if (edits.empty()) {
            break;
        }
        std::vector<FixedFile> before = outcome.files;
        std::vector<std::string> loadedBefore = outcome.result.linted;
        for (auto& [path, fileEdits] : edits) {
            std::string_view text = textOf(*outcome.sources, path);
            size_t applied = 0;
            std::string fixed = applyEdits(text, std::move(fileEdits), applied);
            FixedFile& file = fileFor(outcome, path, text);
            file.fixed = fixed;
            file.fixes += applied;
            overlay_.set(path, std::move(fixed));
        }
        lint(outcome);
        bool broke = std::any_of(loadedBefore.begin(), loadedBefore.end(), [&](const auto& p) {
            return std::find(outcome.result.failed.begin(), outcome.result.failed.end(), p) !=
                   outcome.result.failed.end();
        });
        if (broke) {
            for (const FixedFile& f : outcome.files) {
                overlay_.remove(f.path);
            }
            outcome.files = std::move(before);
            for (const FixedFile& f : outcome.files) {
                overlay_.set(f.path, f.fixed);
            }
            lint(outcome);
            break;
        }
    }
    std::erase_if(outcome.files, [](const FixedFile& f) { return f.fixed == f.original; });
    return outcome;
}

} // namespace

std::vector<Edit> compatibleEdits(std::vector<Edit> edits, size_t size) {
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end < b.span.end;
    });
    std::vector<Edit> kept;
    for (Edit& e : edits) {
        bool overlaps =
            !kept.empty() && (e.span.begin < kept.back().span.end ||
                              (e.span.begin == kept.back().span.end && e.span.begin == e.span.end));
        if (!overlaps && e.span.begin <= e.span.end && e.span.end <= size) {
            kept.push_back(std::move(e));
        }
    }
    return kept;
}

std::string applyEdits(std::string_view text, std::vector<Edit> edits, size_t& applied) {
    std::vector<Edit> kept = compatibleEdits(std::move(edits), text.size());
    std::string out;
    size_t copied = 0;
    for (const Edit& e : kept) {
        out.append(text.substr(copied, e.span.begin - copied));
        out += e.replacement;
        copied = e.span.end;
    }
    out.append(text.substr(copied));
    applied = kept.size();
    return out;
}

size_t FixOutcome::fixes() const {
    size_t total = 0;
    for (const FixedFile& f : files) {
        total += f.fixes;
    }
    return total;
}

FixOutcome fixSafely(const LintInput& input, const LintConfig& config, const Catalogue& catalogue) {
    return FixRun(input, config, catalogue).run();
}

} // namespace clue::lint
