// The run: load every root, then lint each in turn; the analyses that span the run (test
// coverage) are computed on first use, when every root is loaded.
#include "compiler/lint/linter.h"

#include "compiler/diag/diagnostic_renderer.h"
#include "compiler/lint/finding_sink.h"
#include "compiler/lint/lint_context.h"
#include "compiler/sema/import_resolver.h"
#include "compiler/sema/program_loader.h"
#include "compiler/sema/stdlib_dir.h"

#include <algorithm>
#include <deque>
#include <set>

namespace clue::lint {
namespace {

struct Root {
    std::string path;
    std::unique_ptr<Program> program;
    std::unique_ptr<objectify::LockedRules> locked; // the chains of rules without `when`
    std::unique_ptr<ProgramAnalyses> analyses;
    const SourceUnit* unit = nullptr;
};

class Run : public RunFacts {
public:
    Run(const LintInput& input, const LintConfig& config, const Catalogue& catalogue,
        SourceManager& sources)
        : config_(config), catalogue_(catalogue), sources_(sources),
          reader_(input.reader != nullptr ? *input.reader : disk_),
          stdlibDir_(stdlibDirectory(input.stdlibDir)) {}

    void load(const std::string& path, LintResult& result);
    void lintAll(LintResult& result);

    RuleCoverage coverage(const ast::RuleDecl& rule) override;
    bool runsOn(const LintRule& rule, FileId file) const override;
    const SourceUnit* importedUnit(const Program& program, const SourceUnit& importer,
                                   const ast::ImportDecl& import) const override;

private:
    void lint(Root& root);
    void checkRule(const LintRule& rule, const LintContext& context, Suppressions& suppressions);
    void keepCompilerDiagnostics(const DiagnosticEngine& diags);

    const LintConfig& config_;
    const Catalogue& catalogue_;
    SourceManager& sources_;
    DiskReader disk_;
    const SourceReader& reader_;
    std::string stdlibDir_;
    std::vector<Root> roots_;
    std::set<std::string> seen_;  // identities of the roots
    std::set<std::string> shown_; // compiler diagnostics already kept, as rendered
    std::deque<Finding> findings_;
    std::optional<TestCoverage> coverage_;
};

void Run::keepCompilerDiagnostics(const DiagnosticEngine& diags) {
    for (const Diagnostic* d : diags.sorted()) {
        if (shown_.insert(renderText(*d, sources_)).second) {
            findings_.push_back({*d, nullptr, std::nullopt, {}});
        }
    }
}

void Run::load(const std::string& path, LintResult& result) {
    if (!seen_.insert(reader_.identity(path)).second) {
        return;
    }
    if (config_.ignoresFile(path)) {
        result.skipped.push_back(path);
        return;
    }
    DiagnosticEngine diags;
    LoadOptions options;
    options.stdlibDir = stdlibDir_;
    options.reader = &reader_;
    std::unique_ptr<Program> program = loadProgram({path}, sources_, diags, options);
    std::unique_ptr<objectify::LockedRules> locked;
    if (program) {
        // Malformed (E080) and stale (E081) lock entries are errors, as in `clue compile`.
        locked = std::make_unique<objectify::LockedRules>(
            objectify::LockedRules::load(*program, sources_, diags));
    }
    keepCompilerDiagnostics(diags);
    if (!program) {
        result.failed.push_back(path);
        return;
    }
    Root root;
    root.path = path;
    root.unit = program->units.front().get();
    root.locked = std::move(locked);
    root.analyses = std::make_unique<ProgramAnalyses>(*program, sources_, root.locked.get());
    root.program = std::move(program);
    roots_.push_back(std::move(root));
    result.linted.push_back(path);
}

RuleCoverage Run::coverage(const ast::RuleDecl& rule) {
    if (!coverage_) {
        coverage_.emplace();
        auto identity = [this](FileId file) {
            return reader_.identity(sources_.path(file));
        };
        for (Root& root : roots_) {
            coverage_->add(*root.program, root.analyses->ir(), identity);
        }
    }
    return coverage_->of(reader_.identity(sources_.path(rule.idSpan.file)), rule.id);
}

bool Run::runsOn(const LintRule& rule, FileId file) const {
    return config_.levelOf(rule) != RuleLevel::Off &&
           !config_.ignoresFileFor(rule, sources_.path(file));
}

const SourceUnit* Run::importedUnit(const Program& program, const SourceUnit& importer,
                                    const ast::ImportDecl& import) const {
    std::string target =
        reader_.identity(resolveImport(importer.path, import.path, stdlibDir_).path);
    for (const auto& unit : program.units) {
        if (reader_.identity(unit->path) == target) {
            return unit.get();
        }
    }
    return nullptr;
}

void Run::checkRule(const LintRule& rule, const LintContext& context, Suppressions& suppressions) {
    if (!runsOn(rule, context.file())) {
        return;
    }
    Level level = config_.levelOf(rule) == RuleLevel::Error ? Level::Error : Level::Warning;
    size_t before = findings_.size();
    FindingSink sink(rule, level, context.file(), findings_);
    rule.check(context, config_.optionsOf(rule), sink);
    if (rule.meta().category == Category::Suppression) {
        return; // suppressions do not silence the findings about suppressions
    }
    for (size_t i = before; i < findings_.size(); ++i) {
        Finding& f = findings_[i];
        if (const Suppression* s = suppressions.match(rule, *f.diagnostic.span)) {
            f.suppression = AppliedSuppression{s->span, s->reason};
        }
    }
}

void Run::lint(Root& root) {
    Suppressions suppressions = Suppressions::collect(root.unit->module, sources_, catalogue_);
    LintContext context(*root.unit, sources_, *root.analyses, suppressions, *this);
    // Suppression rules last: they judge whether each suppression was used.
    for (const auto& rule : catalogue_.rules()) {
        if (rule->meta().category != Category::Suppression) {
            checkRule(*rule, context, suppressions);
        }
    }
    for (const auto& rule : catalogue_.rules()) {
        if (rule->meta().category == Category::Suppression) {
            checkRule(*rule, context, suppressions);
        }
    }
}

void Run::lintAll(LintResult& result) {
    for (Root& root : roots_) {
        lint(root);
    }
    result.findings.assign(std::make_move_iterator(findings_.begin()),
                           std::make_move_iterator(findings_.end()));
    std::stable_sort(result.findings.begin(), result.findings.end(),
                     [](const Finding& a, const Finding& b) {
                         const auto& sa = a.diagnostic.span;
                         const auto& sb = b.diagnostic.span;
                         if (!sa || !sb) {
                             return !sa && sb;
                         }
                         if (sa->file != sb->file) {
                             return sa->file < sb->file;
                         }
                         if (sa->begin != sb->begin) {
                             return sa->begin < sb->begin;
                         }
                         return a.diagnostic.code < b.diagnostic.code;
                     });
}

} // namespace

size_t LintResult::count(Level level) const {
    return static_cast<size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
            return !f.suppressed() && f.diagnostic.level == level;
        }));
}

size_t LintResult::suppressedCount() const {
    return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                             [](const Finding& f) { return f.suppressed(); }));
}

LintResult runLint(const LintInput& input, const LintConfig& config, const Catalogue& catalogue,
                   SourceManager& sources) {
    LintResult result;
    Run run(input, config, catalogue, sources);
    for (const std::string& file : input.files) {
        run.load(file, result);
    }
    run.lintAll(result);
    return result;
}

} // namespace clue::lint
